"""The run's bookkeeping on disk (SQLite), so the main process holds nothing per document.

One database per cache folder (``OUT/.cache/<fingerprint>/ledger.sqlite``) with two tables:

- ``run``: this run's outcome of every input (its sha256 and document summary, or why it
  failed), filled as workers report and emptied when the next run starts;
- ``hints``: the last run's (signature, sha256, summary) of every input read, so that the next
  run knows an unchanged input without reading it (see ``batch._plan``).

The dataset's state (inputs -> documents, documents -> summaries) is streamed out of ``run`` in
sorted order, as the JSON the version keeps and as its sha256, which tells whether anything
changed. Hints are only hints: a damaged database (checked when it is opened) is deleted and
the inputs are read again. Any other SQLite error is a ``LedgerError`` (an ``OSError``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path

from extract.jobs import Outcome

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
#: Seconds to wait for a ledger that another program has locked before the run stops.
LOCK_TIMEOUT = 5.0
#: Outcomes inserted per transaction.
_BATCH = 1000
#: SQLite's codes for a file that is not a database or is damaged (the only errors that make
#: the ledger be deleted; a locked or read-only ledger stops the run instead).
_DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _canonical(summary: Mapping[str, object]) -> str:
    return json.dumps(summary, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class LedgerError(OSError):
    """The ledger cannot be used (locked by another program, read-only, disk full): the run
    stops before publishing, and the published dataset is intact."""

    def __init__(self, path: Path, error: sqlite3.Error) -> None:
        super().__init__(f"the run ledger {path}: {error}")


class _Damaged(Exception):
    pass


class Ledger:
    """Outcomes of this run and hints from the last one, in ``folder/ledger.sqlite``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / LEDGER
        self.pending = 0
        try:
            self.db = self._open()
        except _Damaged:  # the hints are lost, nothing else: the inputs are read again
            self.path.unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT)
        except sqlite3.Error as error:
            raise LedgerError(self.path, error) from error
        try:
            if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise _Damaged
            db.executescript(_SCHEMA)
            db.execute("DELETE FROM run")
            db.commit()
        except sqlite3.DatabaseError as error:
            db.close()
            if getattr(error, "sqlite_errorcode", None) in _DAMAGED:
                raise _Damaged from error
            raise LedgerError(self.path, error) from error
        except _Damaged:
            db.close()
            raise
        return db

    def close(self) -> None:
        self.db.close()

    def _execute(self, sql: str, parameters: tuple = ()) -> sqlite3.Cursor:
        try:
            return self.db.execute(sql, parameters)
        except sqlite3.Error as error:
            raise LedgerError(self.path, error) from error

    def _rows(self, sql: str) -> Iterator[tuple]:
        """The rows of a query, a batch at a time (never the whole table in memory)."""
        self.flush()
        try:
            cursor = self.db.execute(sql)
            while batch := cursor.fetchmany(_BATCH):
                yield from batch
        except sqlite3.Error as error:
            raise LedgerError(self.path, error) from error

    # --- hints from the last run ------------------------------------------------------------

    def hint(self, source_path: str) -> tuple[str, str, dict[str, object]] | None:
        """(signature, sha256, summary) of ``source_path`` in the last run, if it was read."""
        row = self._execute(
            "SELECT signature, sha256, summary FROM hints WHERE source_path = ?", (source_path,)
        ).fetchone()
        return None if row is None else (row[0], row[1], json.loads(row[2]))

    def save_hints(self) -> None:
        """This run's inputs that were read become the next run's hints."""
        self.flush()
        try:
            with self.db:
                self.db.execute("DELETE FROM hints")
                self.db.execute(
                    "INSERT INTO hints SELECT source_path, signature, sha256, summary FROM run WHERE sha256 IS NOT NULL"
                )
        except sqlite3.Error as error:
            raise LedgerError(self.path, error) from error

    # --- this run ----------------------------------------------------------------------------

    def record(self, outcome: Outcome) -> None:
        """Keep one input's outcome; a later outcome of the same input replaces it."""
        summary = None if outcome.sha is None else _canonical(outcome.summary or {})
        reason, message = outcome.failed_with() or (None, None)
        self._execute(
            "INSERT OR REPLACE INTO run VALUES (?, ?, ?, ?, ?, ?, ?)",
            (outcome.source_path, outcome.signature, outcome.sha, summary, reason, message, int(outcome.extracted)),
        )
        self.pending += 1
        if self.pending >= _BATCH:
            self.flush()

    def flush(self) -> None:
        try:
            self.db.commit()
        except sqlite3.Error as error:
            raise LedgerError(self.path, error) from error
        self.pending = 0

    def chosen(self) -> Iterator[tuple[str, str]]:
        """(sha256, the smallest source_path holding it) of every document read, by sha256."""
        for sha, path, _ in self.chosen_with_copies():
            yield sha, path

    def chosen_with_copies(self) -> Iterator[tuple[str, str, list[str]]]:
        """(sha256, the smallest source_path holding it, the other paths holding it, sorted) of
        every document read, by sha256."""
        for sha, paths in self._rows(
            "SELECT sha256, GROUP_CONCAT(source_path, char(0)) FROM run WHERE sha256 IS NOT NULL AND reason IS NULL"
            " GROUP BY sha256 ORDER BY sha256"
        ):
            first, *others = sorted(paths.split("\x00"))
            yield sha, first, others

    def chosen_summaries(self) -> Iterator[dict[str, object]]:
        """The summary of every document read (one per sha256)."""
        for (summary,) in self._rows(
            "SELECT MIN(summary) FROM run WHERE sha256 IS NOT NULL AND reason IS NULL GROUP BY sha256 ORDER BY sha256"
        ):
            yield json.loads(summary)

    def failures(self) -> Iterator[tuple[str, str | None, str, str]]:
        """(source_path, sha256 or None, reason, message) of every input that failed, by path."""
        yield from self._rows(
            "SELECT source_path, sha256, reason, message FROM run WHERE reason IS NOT NULL ORDER BY source_path"
        )

    def holds(self, sha: str) -> bool:
        """Does an input of this run have these bytes (a document read, or one that failed)?"""
        self.flush()
        return self._execute("SELECT 1 FROM run WHERE sha256 = ? LIMIT 1", (sha,)).fetchone() is not None

    def counts(self) -> dict[str, int]:
        """inputs, extracted now, reused (read but not extracted), and documents read (with duplicates)."""
        self.flush()
        inputs, extracted, reused, read = self._execute(
            "SELECT COUNT(*), COALESCE(SUM(extracted), 0),"
            " COALESCE(SUM(sha256 IS NOT NULL AND extracted = 0), 0),"
            " COALESCE(SUM(sha256 IS NOT NULL AND reason IS NULL), 0) FROM run"
        ).fetchone()
        return {"inputs": inputs, "extracted": extracted, "reused": reused, "read": read}

    def state_chunks(self, key: str) -> Iterator[str]:
        """The state as JSON text, a piece at a time: {"docs": {sha256: summary}, "format",
        "inputs": {path: {"sha256"} or {"reason", "message"}}, "key"}, keys sorted."""
        yield '{"docs": {'
        separator = ""
        for sha, summary in self._rows(
            "SELECT sha256, MIN(summary) FROM run WHERE sha256 IS NOT NULL GROUP BY sha256 ORDER BY sha256"
        ):
            yield f"{separator}{json.dumps(sha)}: {summary}"
            separator = ", "
        yield f'}}, "format": {STATE_FORMAT}, "inputs": {{'
        separator = ""
        for path, sha, reason, message in self._rows(
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
