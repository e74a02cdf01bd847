"""Jobs of a batch run: one input read, extracted (or found in the cache) in a worker process.

Only a small summary goes back to the parent, which hands each to its caller as it comes
(``execute`` keeps none); the rows go to the cache. A page that hangs becomes a ``timeout``
failure, a page that kills its worker an ``extractor_crash`` failure, and the batch goes on.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from extract import writer as w
from extract.inputs import InputRef, read_input
from extract.page import PageError
from extract.pipeline import MAX_INPUT_BYTES, pipeline_fingerprint, process_bytes
from schemas.tables import TABLES

#: Tables whose rows come from documents (failures are built from the run state).
DOCUMENT_TABLES = tuple(name for name in TABLES if name != "failures")
#: Seconds one document may take before it becomes a ``timeout`` failure (a sample page takes ~0.1 s).
DEFAULT_TIMEOUT = 300.0


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything besides the input bytes that decides the output."""

    repair: bool = True
    threshold: float | None = None
    max_bytes: int = MAX_INPUT_BYTES
    timeout: float | None = DEFAULT_TIMEOUT  # per document; not part of the key (never cached)

    def key(self) -> str:
        """Names the cache: what decides a cached document's rows. The size limit does not (an
        input over it never reaches the cache), so changing it keeps the cache (see batch._plan)."""
        return pipeline_fingerprint(repair=self.repair, threshold=self.threshold)


@dataclass(frozen=True, slots=True)
class Job:
    ref: InputRef
    cache_dir: str
    settings: Settings
    reuse: bool = True  # False (--force, or a damaged cache file): extract again


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back: the input's sha256 and document summary, or why it failed."""

    source_path: str
    signature: str
    sha: str | None = None
    summary: dict[str, object] | None = None
    failure: tuple[str, str] | None = None
    extracted: bool = False

    def failed_with(self) -> tuple[str, str] | None:
        """(reason, message) if the input failed: unreadable, its document's failure, or a crash."""
        if self.sha is None:
            return self.failure or CRASH
        if self.summary and "failure" in self.summary:
            reason, message = self.summary["failure"]
            return str(reason), str(message)
        return None


# --- worker side ---------------------------------------------------------------------------------


def process_job(job: Job) -> Outcome:
    """Read one input and extract it, or reuse its cached result. Runs in a worker process."""
    ref = job.ref
    try:
        data = read_input(ref, job.settings.max_bytes)
    except PageError as error:
        return Outcome(ref.source_path, ref.signature, failure=(error.reason, error.message))
    sha = hashlib.sha256(data).hexdigest()
    cached = w.cache_path(Path(job.cache_dir), sha)
    if job.reuse:
        summary = w.read_cache_summary(cached)
        if summary is not None:
            return Outcome(ref.source_path, ref.signature, sha, summary)
    s = job.settings
    if s.repair:
        _load_repair_model()  # once per worker, before the clock starts: the page's time is its own
    try:
        with deadline(s.timeout):
            result = process_bytes(
                data, ref.source_path, repair=s.repair, threshold=s.threshold, max_bytes=s.max_bytes, sha=sha
            )
    except PageError as error:  # the alarm went off just outside process_bytes' own handler
        return Outcome(ref.source_path, ref.signature, failure=(error.reason, error.message), extracted=True)
    summary = summarize(result.tables)
    if summary.get("failure", [None])[0] == TIMEOUT:  # depends on the machine's load: retried next run
        return Outcome(ref.source_path, ref.signature, failure=tuple(summary["failure"]), extracted=True)
    try:
        tables = {name: w.to_table(name, rows) for name, rows in result.tables.items() if rows and name != "failures"}
    except (pa.ArrowException, ValueError, OverflowError) as error:  # a value its column's type cannot hold
        message = f"{type(error).__name__} while typing the tables: {error}"
        return Outcome(ref.source_path, ref.signature, failure=("extractor_error", message), extracted=True)
    w.write_cache(cached, summary, tables)
    return Outcome(ref.source_path, ref.signature, sha, summary, extracted=True)


TIMEOUT = "timeout"


@functools.cache
def _load_repair_model() -> None:
    """Load the letter repair's model and build its tables (a second or so, once per process). A
    model that cannot be loaded is left to process_bytes, which records why as the page's failure."""
    from normalize.repair import restore

    with contextlib.suppress(Exception):
        restore("khởi động")


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise PageError('timeout') inside the extractor after ``seconds`` (main thread only).

    process_bytes turns it into the document's failure row, so one page stuck in a slow path
    never stalls the batch. Time spent inside a C call is only interrupted when it returns.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise PageError(TIMEOUT, f"the extractor took over {seconds:g} s on this input")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process_chunk(jobs: list[Job]) -> list[Outcome]:
    return [process_job(job) for job in jobs]


def summarize(tables: Mapping[str, list[dict[str, object]]]) -> dict[str, object]:
    """The figures of one document that the run summary adds up (JSON-ready)."""
    failures = tables.get("failures") or []
    if failures:
        return {"failure": [failures[0]["reason"], failures[0]["message"]]}
    documents = tables.get("documents") or []
    return {
        "rows": {name: len(tables.get(name) or []) for name in DOCUMENT_TABLES},
        "repairs_applied": sum(int(d.get("repairs_applied") or 0) for d in documents),
        "repairs_reported": sum(int(d.get("repairs_reported") or 0) for d in documents),
        "findings": dict(sorted(Counter(str(f["code"]) for f in tables.get("findings") or []).items())),
    }


# --- running jobs --------------------------------------------------------------------------------

CRASH = ("extractor_crash", "the extractor process died on this input (a crash in native code or killed for memory)")


def execute(jobs: Sequence[Job], workers: int, report: Callable[[Outcome], None]) -> None:
    """Run the jobs, in this process for one worker, and ``report`` each outcome as it comes (the
    caller keeps them: nothing accumulates here); a job that kills its worker becomes a failure."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            report(process_job(job))
        return
    remaining = list(jobs)
    while remaining:
        suspects, remaining = _pool_run(remaining, workers, report)
        for job in suspects:  # the pool broke: find the culprit among the jobs in flight, one by one
            report(_isolated(job))


def _pool_run(jobs: list[Job], workers: int, report: Callable[[Outcome], None]) -> tuple[list[Job], list[Job]]:
    """Jobs in chunks, a bounded number in flight; returns (in flight, not started) if the pool broke."""
    size = max(1, min(16, len(jobs) // (workers * 8)))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    position = 0
    pending: dict[Future[list[Outcome]], list[Job]] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=w.release_inherited_locks) as pool:
        try:
            while position < len(chunks) or pending:
                while position < len(chunks) and len(pending) < workers * 3:
                    pending[pool.submit(_process_chunk, chunks[position])] = chunks[position]
                    position += 1
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    for outcome in future.result():
                        report(outcome)
                    del pending[future]
        except BrokenProcessPool:
            in_flight = [job for chunk in pending.values() for job in chunk]
            return in_flight, [job for chunk in chunks[position:] for job in chunk]
    return [], []


def _isolated(job: Job) -> Outcome:
    with ProcessPoolExecutor(max_workers=1, initializer=w.release_inherited_locks) as pool:
        try:
            return pool.submit(process_job, job).result()
        except BrokenProcessPool:
            return Outcome(job.ref.source_path, job.ref.signature, failure=CRASH)
