"""The run's bookkeeping on disk (SQLite), so the main process holds nothing per document.

One database per cache folder (``OUT/.cache/<fingerprint>/ledger.sqlite``) with two tables:

- ``run``: this run's outcome of every input (its sha256 and document summary, or why it
  failed), filled as workers report and emptied when the next run starts;
- ``hints``: the last run's (signature, sha256, summary) of every input read, so that the next
  run knows an unchanged input without reading it (see ``batch._plan``).

The dataset's state (inputs -> documents, documents -> summaries) is streamed out of ``run`` in
sorted order, as the JSON the version keeps and as its sha256, which tells whether anything
changed. Hints are only hints: a damaged database is deleted and the inputs are read again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path

from extract.jobs import CRASH, Outcome

LEDGER = "ledger.sqlite"
STATE_FORMAT = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS run (
    source_path TEXT PRIMARY KEY, signature TEXT NOT NULL, sha256 TEXT, summary TEXT,
    reason TEXT, message TEXT, extracted INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS run_sha256 ON run (sha256);
CREATE TABLE IF NOT EXISTS hints (
    source_path TEXT PRIMARY KEY, signature TEXT NOT NULL, sha256 TEXT NOT NULL, summary TEXT NOT NULL
);
"""
#: Outcomes inserted per transaction.
_BATCH = 1000


def _canonical(summary: Mapping[str, object]) -> str:
    return json.dumps(summary, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Ledger:
    """Outcomes of this run and hints from the last one, in ``folder/ledger.sqlite``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / LEDGER
        try:
            self._open()
        except sqlite3.DatabaseError:  # damaged: the hints are lost, nothing else
            self.path.unlink(missing_ok=True)
            self._open()
        self.pending = 0

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path)
        try:
            self.db.executescript(_SCHEMA)
            self.db.execute("DELETE FROM run")
            self.db.commit()
        except sqlite3.DatabaseError:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    # --- hints from the last run ------------------------------------------------------------

    def hint(self, source_path: str) -> tuple[str, str, dict[str, object]] | None:
        """(signature, sha256, summary) of ``source_path`` in the last run, if it was read."""
        row = self.db.execute(
            "SELECT signature, sha256, summary FROM hints WHERE source_path = ?", (source_path,)
        ).fetchone()
        return None if row is None else (row[0], row[1], json.loads(row[2]))

    def save_hints(self) -> None:
        """This run's inputs that were read become the next run's hints."""
        with self.db:
            self.db.execute("DELETE FROM hints")
            self.db.execute(
                "INSERT INTO hints SELECT source_path, signature, sha256, summary FROM run WHERE sha256 IS NOT NULL"
            )

    # --- this run ----------------------------------------------------------------------------

    def record(self, outcome: Outcome) -> None:
        """Keep one input's outcome; a later outcome of the same input replaces it."""
        failure = outcome.failure
        if outcome.sha is None:
            failure = failure or CRASH
        elif outcome.summary and "failure" in outcome.summary:
            failure = tuple(outcome.summary["failure"])
        summary = None if outcome.sha is None else _canonical(outcome.summary or {})
        reason, message = failure if failure else (None, None)
        self.db.execute(
            "INSERT OR REPLACE INTO run VALUES (?, ?, ?, ?, ?, ?, ?)",
            (outcome.source_path, outcome.signature, outcome.sha, summary, reason, message, int(outcome.extracted)),
        )
        self.pending += 1
        if self.pending >= _BATCH:
            self.flush()

    def flush(self) -> None:
        self.db.commit()
        self.pending = 0

    def chosen(self) -> Iterator[tuple[str, str]]:
        """(sha256, the smallest source_path holding it) of every document read, by sha256."""
        self.flush()
        yield from self.db.execute(
            "SELECT sha256, MIN(source_path) FROM run WHERE sha256 IS NOT NULL AND reason IS NULL"
            " GROUP BY sha256 ORDER BY sha256"
        )

    def chosen_summaries(self) -> Iterator[dict[str, object]]:
        """The summary of every document read (one per sha256)."""
        self.flush()
        for (summary,) in self.db.execute(
            "SELECT MIN(summary) FROM run WHERE sha256 IS NOT NULL AND reason IS NULL GROUP BY sha256 ORDER BY sha256"
        ):
            yield json.loads(summary)

    def failures(self) -> Iterator[tuple[str, str | None, str, str]]:
        """(source_path, sha256 or None, reason, message) of every input that failed, by path."""
        self.flush()
        yield from self.db.execute(
            "SELECT source_path, sha256, reason, message FROM run WHERE reason IS NOT NULL ORDER BY source_path"
        )

    def holds(self, sha: str) -> bool:
        """Does an input of this run have these bytes (a document read, or one that failed)?"""
        self.flush()
        return self.db.execute("SELECT 1 FROM run WHERE sha256 = ? LIMIT 1", (sha,)).fetchone() is not None

    def counts(self) -> dict[str, int]:
        """inputs, extracted now, reused (read but not extracted), and documents read (with duplicates)."""
        self.flush()
        inputs, extracted, reused, read = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(extracted), 0),"
            " COALESCE(SUM(sha256 IS NOT NULL AND extracted = 0), 0),"
            " COALESCE(SUM(sha256 IS NOT NULL AND reason IS NULL), 0) FROM run"
        ).fetchone()
        return {"inputs": inputs, "extracted": extracted, "reused": reused, "read": read}

    def state_chunks(self, key: str) -> Iterator[str]:
        """The state as JSON text, a piece at a time: {"docs": {sha256: summary}, "format",
        "inputs": {path: {"sha256"} or {"reason", "message"}}, "key"}, keys sorted."""
        self.flush()
        yield '{"docs": {'
        separator = ""
        for sha, summary in self.db.execute(
            "SELECT sha256, MIN(summary) FROM run WHERE sha256 IS NOT NULL GROUP BY sha256 ORDER BY sha256"
        ):
            yield f"{separator}{json.dumps(sha)}: {summary}"
            separator = ", "
        yield f'}}, "format": {STATE_FORMAT}, "inputs": {{'
        separator = ""
        for path, sha, reason, message in self.db.execute(
            "SELECT source_path, sha256, reason, message FROM run ORDER BY source_path"
        ):
            entry = {"sha256": sha} if sha is not None else {"message": message, "reason": reason}
            yield f"{separator}{json.dumps(path, ensure_ascii=False)}: {json.dumps(entry, ensure_ascii=False)}"
            separator = ", "
        yield f'}}, "key": {json.dumps(key)}}}\n'

    def state_sha256(self, key: str) -> str:
        digest = hashlib.sha256()
        for chunk in self.state_chunks(key):
            digest.update(chunk.encode("utf-8"))
        return digest.hexdigest()
