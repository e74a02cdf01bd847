"""Run the pipeline over many inputs and publish the tables: parallel, incremental, crash-safe.

How a run goes, and why:

1. Discover the inputs (``extract.inputs``) and stat them, nothing read yet.
2. Plan: an input whose ``(size, mtime)`` signature and pipeline fingerprint match the last
   run's hints is known without reading it; every other input is a job.
3. Jobs run in worker processes (``extract.jobs``). A worker reads and hashes the input; when
   ``OUT/.cache/<fingerprint>/`` holds that sha256 the result is reused, otherwise the page is
   extracted and its typed rows cached there. Only a small summary goes back to the parent,
   which writes it to the run's ledger on disk (``extract.ledger``): the parent's memory does
   not grow with the batch, and a killed run keeps its finished work.
4. If the state (inputs -> documents, as JSON) has the sha256 of the published one, nothing is
   written. Otherwise every table is streamed from the cache in doc_id order into a new
   version, which is committed atomically (``extract.writer``).

The same bytes under several names are one document whose source_path is the smallest path.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract import __version__
from extract import writer as w
from extract.inputs import ARCHIVE_SUFFIX, MEMBER_SEPARATOR, InputRef, PathIndex, UsageError, survey
from extract.jobs import DEFAULT_TIMEOUT, Job, Outcome, Settings, execute
from extract.ledger import Ledger
from extract.pipeline import MAX_INPUT_BYTES, pipeline_fingerprint
from extract.progress import Progress
from schemas.tables import TABLES

#: Documents between two returns of the allocator's freed buffers to the system while writing:
#: without it the peak memory drifts up with the number of documents (bench/bench_batch.py).
_RELEASE_EVERY = 64
#: The published version's manifest records its state's sha256 under this key.
STATE_SHA256 = "state_sha256"


@dataclass
class Summary:
    """The run in figures: the ``--json`` output and the text summary.

    ``read`` inputs found; ``extracted`` run through the extractor now; ``skipped`` reused
    (unchanged since the last run, or bytes already extracted); ``duplicates`` inputs whose
    bytes another input also has; ``written`` documents in the dataset; ``failed`` failures
    rows; ``published`` whether a new version was committed (False: nothing changed).
    """

    read: int = 0
    extracted: int = 0
    skipped: int = 0
    duplicates: int = 0
    written: int = 0
    failed: int = 0
    published: bool = False
    version: str | None = None
    rows: dict[str, int] = field(default_factory=dict)
    repairs_applied: int = 0
    repairs_reported: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)  # files found that are no pages, by suffix
    seconds: float = 0.0

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        state = f"published as version {self.version}" if self.published else "unchanged, nothing rewritten"
        lines = [
            f"inputs read: {self.read}; extracted: {self.extracted}, skipped (already extracted): {self.skipped}, "
            f"duplicates: {self.duplicates}, failed: {self.failed}",
            f"documents written: {self.written} in the dataset ({state}); {self.seconds:.1f} s",
            "rows: " + ", ".join(f"{name} {count}" for name, count in self.rows.items()),
            f"repairs: {self.repairs_applied} applied, {self.repairs_reported} reported",
            "findings: " + (", ".join(f"{code} {n}" for code, n in self.findings.items()) or "none"),
        ]
        if self.left_out:
            counts = ", ".join(f"{suffix} {n}" for suffix, n in self.left_out.items())
            lines.append(f"files left out, not pages: {counts}")
        lines += [f"failed: {f['source_path']}: {f['reason']}: {f['message']}" for f in self.failures[:20]]
        if len(self.failures) > 20:
            lines.append(f"... and {len(self.failures) - 20} more failures (see the failures table)")
        return "\n".join(lines)


# --- the run -------------------------------------------------------------------------------------


def run(
    paths: Sequence[str],
    out: Path,
    *,
    workers: int | None = None,
    repair: bool = True,
    threshold: float | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
    force: bool = False,
    progress: bool = False,
) -> Summary:
    """Extract ``paths`` into the dataset at ``out``.

    Raises ``inputs.UsageError`` / ``writer.OutputError`` before any work for bad arguments.
    """
    started = time.perf_counter()
    settings = Settings(repair=repair, threshold=threshold, max_bytes=max_bytes, timeout=timeout)
    workers = max(1, workers or _cpu_count())
    refs, empty, left_out = survey(paths, exclude=out / ".versions")  # the dataset's own files are no pages
    if not refs:  # an unmounted share or a wrong folder must not publish an empty dataset over the last one
        raise UsageError(f"no pages found in {', '.join(paths)}: nothing extracted, the dataset in {out} left as it is")
    w.prepare_output(out)
    with w.locked(out), _interrupt_says_what_was_published(out):
        w.remove_abandoned(out)
        key = settings.key()
        cache_dir = out / ".cache" / key
        ledger = Ledger(cache_dir)
        try:
            _refuse_emptied(empty, out)
            jobs = _plan(refs, ledger, cache_dir, settings, reuse=not force)
            meter = Progress(len(jobs), progress)

            def report(outcome: Outcome) -> None:
                ledger.record(outcome)
                meter(outcome)

            try:
                execute(jobs, workers, report)
            finally:
                meter.close()
            del jobs
            previous = w.read_manifest(out) or {}
            digest = ledger.state_sha256(key)
            changed = force or previous.get(STATE_SHA256) != digest
            version = None
            if changed:
                if _recover_missing(ledger, refs, cache_dir, settings, workers):
                    digest = ledger.state_sha256(key)  # a recovered input may have changed its state
                version = _write_version(out, cache_dir, ledger, key, digest, settings)
                _prune_cache(out / ".cache", key, ledger)
            ledger.save_hints()
            summary = summarize_run(ledger, len(refs))
        finally:
            ledger.close()
    summary.published, summary.version = changed, version
    summary.left_out = left_out
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _refuse_emptied(empty: Sequence[tuple[str, list[str]]], out: Path) -> None:
    """An input named on the command line that holds no page now while the dataset holds
    documents read from it (an unmounted share) would take them out: bad usage, said before any
    work. Left out of the arguments, its documents go as the README says. Paths are compared as
    real paths (however the argument is spelled; an archive's members by the archive)."""
    if not empty:
        return
    held: set[str] = set()  # the empty arguments that documents of the dataset were read under
    index = PathIndex()
    for source in _current_sources(out):
        member = _MEMBER.match(source)  # "share!2024/a.zip!p.txt": the archive is "share!2024/a.zip"
        file = member.group(1) if member else source
        held.update(raw for raw, paths in empty if raw not in held and index.under(file, paths))
        if len(held) == len(empty):
            break
    gone = [raw for raw, _ in empty if raw in held]
    if gone:
        raise UsageError(
            f"{', '.join(gone)} held pages in the last run and holds none now (an unmounted share?): nothing "
            f"extracted, the dataset in {out} left as it is; to drop its documents, run without it"
        )


#: An archive member's source path: the archive, up to its first ".zip" followed by the separator.
_MEMBER = re.compile(rf"^(.*?{re.escape(ARCHIVE_SUFFIX)}){re.escape(MEMBER_SEPARATOR)}", re.IGNORECASE)


def _current_sources(out: Path) -> Iterator[str]:
    """The source paths of the documents the dataset holds now (none for a new output folder),
    a batch at a time: a large dataset is never read whole for them. A table that cannot be read
    says nothing (the run then replaces it, as before this check)."""
    try:
        for file in sorted((out / "current" / "documents").glob("*.parquet")):
            for batch in pq.ParquetFile(file).iter_batches(columns=["source_path"]):
                yield from (str(value) for value in batch.column(0).to_pylist())
    except (OSError, pa.ArrowException):
        return


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run; ``version`` is the version this run published first, if it got that far."""

    def __init__(self, version: str | None, previous: str | None = None) -> None:
        super().__init__()
        self.version = version
        self.previous = previous  # the version published before the run (None: the first run)


@contextlib.contextmanager
def _interrupt_says_what_was_published(out: Path) -> Iterator[None]:
    """Ctrl-C after the publishing step leaves this run's tables: the exception says so. Read under
    the run's lock, so no other run's version can be taken for this one's."""
    before = w.current_version(out)
    try:
        yield
    except KeyboardInterrupt as error:
        after = w.current_version(out)
        raise Interrupted(after if after != before else None, before) from error


def _plan(refs: Sequence[InputRef], ledger: Ledger, cache_dir: Path, settings: Settings, reuse: bool) -> list[Job]:
    """Record the inputs known from the last run by their signature (no read); jobs for all others."""
    jobs: list[Job] = []
    for ref in refs:
        hint = ledger.hint(ref.source_path) if reuse and ref.signature and ref.problem is None else None
        if hint and hint[0] == ref.signature and ref.size <= settings.max_bytes:  # a lowered limit reads again
            ledger.record(Outcome(ref.source_path, ref.signature, hint[1], hint[2]))
        else:
            jobs.append(Job(ref, str(cache_dir), settings, reuse=reuse))
    return jobs


def failure_rows(ledger: Ledger) -> list[dict[str, object]]:
    """One failures row per input that failed, duplicates included (each path is listed)."""
    return [
        {
            "source_path": path,
            "source_sha256": sha,
            "reason": reason,
            "message": message,
            "extractor_version": __version__,
        }
        for path, sha, reason, message in ledger.failures()
    ]


def _recover_missing(
    ledger: Ledger, refs: Sequence[InputRef], cache_dir: Path, settings: Settings, workers: int
) -> bool:
    """Extract again the documents whose cache file is gone or damaged (needed to write the tables);
    the new outcome of an input replaces its first one (counted once). Were there any?"""
    missing_paths = {
        path for sha, path in ledger.chosen() if w.read_cache_summary(w.cache_path(cache_dir, sha)) is None
    }
    if not missing_paths:
        return False
    missing = [Job(ref, str(cache_dir), settings, reuse=False) for ref in refs if ref.source_path in missing_paths]
    recovered: list[Outcome] = []
    execute(missing, workers, recovered.append)
    for outcome in recovered:
        if outcome.sha and w.read_cache_summary(w.cache_path(cache_dir, outcome.sha)) is None:
            raise OSError(f"cannot write the document cache under {cache_dir}")
        ledger.record(outcome)
    return True


def _write_version(out: Path, cache_dir: Path, ledger: Ledger, key: str, digest: str, settings: Settings) -> str:
    """Stream every table from the cache, in doc_id order, into a new version and commit it."""
    staging = w.new_staging(out)
    streams = {name: w.TableStream(staging / name / w.PART, name) for name in TABLES}
    for count, (sha, path, copies) in enumerate(ledger.chosen_with_copies(), 1):
        if count % _RELEASE_EVERY == 0:  # see _RELEASE_EVERY
            pa.default_memory_pool().release_unused()
        tables = w.read_cache_tables(w.cache_path(cache_dir, sha))
        if tables is None:
            raise OSError(f"the document cache of {path} vanished while writing")
        for name, table in tables.items():
            if name == "documents":  # named by this run's inputs: the smallest path, and the copies
                for column, values in (("source_path", [path]), ("duplicate_paths", [copies])):
                    at = table.schema.get_field_index(column)
                    table = table.set_column(
                        at, table.schema.field(at), pa.array(values * table.num_rows, table.schema.field(at).type)
                    )
            streams[name].append(table)
    streams["failures"].append(w.to_table("failures", failure_rows(ledger)))
    for stream in streams.values():
        stream.close()
    manifest = {
        "extractor_version": __version__,
        "pipeline_fingerprint": pipeline_fingerprint(repair=settings.repair, threshold=settings.threshold),
        "options": {"repair": settings.repair, "threshold": settings.threshold, "max_bytes": settings.max_bytes},
        "inputs": ledger.counts()["inputs"],
        "documents": streams["documents"].rows,
        "failures": streams["failures"].rows,
        STATE_SHA256: digest,
    }
    return w.commit(out, staging, manifest, ledger.state_chunks(key))


def summarize_run(ledger: Ledger, read: int) -> Summary:
    counts = ledger.counts()
    failures = failure_rows(ledger)
    summary = Summary(read=read, failed=len(failures), extracted=counts["extracted"], skipped=counts["reused"])
    rows: Counter[str] = Counter({name: 0 for name in TABLES})
    findings: Counter[str] = Counter()
    for doc in ledger.chosen_summaries():
        summary.written += 1
        rows.update(doc["rows"])
        findings.update(doc["findings"])
        summary.repairs_applied += doc["repairs_applied"]
        summary.repairs_reported += doc["repairs_reported"]
    summary.duplicates = counts["read"] - summary.written
    rows["failures"] = len(failures)
    summary.rows = {name: rows[name] for name in TABLES}
    summary.findings = dict(sorted(findings.items()))
    summary.failures = [{k: str(f[k]) for k in ("source_path", "reason", "message")} for f in failures]
    return summary


# --- cache housekeeping ------------------------------------------------------------


def _prune_cache(cache_root: Path, key: str, ledger: Ledger) -> None:
    """Drop cached documents no input refers to any more, and caches of other pipeline versions."""

    for entry in cache_root.iterdir():
        if entry.name != key:
            _remove(entry)
            continue
        for bucket in entry.iterdir():
            if not bucket.is_dir():
                continue
            for item in bucket.iterdir():
                if not ledger.holds(item.name.removesuffix(".doc")):
                    _remove(item)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
