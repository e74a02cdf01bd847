"""Run the pipeline over many inputs and publish the tables: parallel, incremental, crash-safe.

How a run goes, and why:

1. Discover the inputs (``extract.inputs``) and stat them, nothing read yet.
2. Plan: an input whose ``(size, mtime)`` signature and pipeline fingerprint match the last
   run's hints is known without reading it; every other input is a job.
3. Jobs run in worker processes (``extract.jobs``). A worker reads and hashes the input; when
   ``OUT/.cache/<fingerprint>/`` holds that sha256 the result is reused, otherwise the page is
   extracted and its typed rows cached there. Only a small summary goes back to the parent, so
   the parent's memory does not grow with the batch and a killed run keeps its finished work.
4. If the inputs -> documents mapping equals the published one, nothing is written. Otherwise
   every table is streamed from the cache in doc_id order into a new version, which is
   committed atomically (``extract.writer``).

The same bytes under several names are one document whose source_path is the smallest path.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa

from extract import __version__
from extract import writer as w
from extract.inputs import InputRef, discover
from extract.jobs import CRASH, DEFAULT_TIMEOUT, Job, Outcome, Settings, execute
from extract.pipeline import MAX_INPUT_BYTES, pipeline_fingerprint
from extract.progress import Progress
from schemas.tables import TABLES

HINTS = "hints.json"
STATE_FORMAT = 1


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
    refs = discover(paths, exclude=out)
    w.prepare_output(out)
    with w.locked(out):
        w.remove_abandoned(out)
        key = settings.key()
        cache_dir = out / ".cache" / key
        previous = w.read_state(out) or {}
        same_key = previous.get("key") == key and previous.get("format") == STATE_FORMAT and not force
        saved_hints = _read_hints(cache_dir)
        hints = saved_hints if same_key else {}
        known_docs: dict[str, dict] = previous.get("docs", {}) if same_key else {}
        known, jobs = _plan(refs, hints, known_docs, cache_dir, settings, reuse=not force)
        meter = Progress(len(jobs), progress)
        try:
            outcomes = known + execute(jobs, workers, meter)
        finally:
            meter.close()
        state = build_state(key, outcomes)
        changed = force or state != {k: previous.get(k) for k in state}
        version = None
        if changed:
            recovered = _recover_missing(state, refs, cache_dir, settings, workers)
            if recovered:  # the new result of an input replaces its first one (counted once)
                again = {o.source_path for o in recovered}
                outcomes = [o for o in outcomes if o.source_path not in again] + recovered
                state = build_state(key, outcomes)
            version = _write_version(out, cache_dir, state, settings)
            _prune_cache(out / ".cache", key, state)
        _write_hints(cache_dir, outcomes, saved_hints)
    summary = summarize_run(state, outcomes, len(refs))
    summary.published, summary.version = changed, version
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _plan(
    refs: Sequence[InputRef],
    hints: Mapping[str, list],
    docs: Mapping[str, dict],
    cache_dir: Path,
    settings: Settings,
    reuse: bool,
) -> tuple[list[Outcome], list[Job]]:
    """Inputs known from the last run by their signature (no read), and jobs for all others."""
    known: list[Outcome] = []
    jobs: list[Job] = []
    for ref in refs:
        hint = hints.get(ref.source_path)
        known_ok = hint and ref.signature and ref.problem is None and hint[0] == ref.signature and hint[1] in docs
        if known_ok and ref.size <= settings.max_bytes:  # a lowered limit reads the input again
            known.append(Outcome(ref.source_path, ref.signature, hint[1], docs[hint[1]]))
        else:
            jobs.append(Job(ref, str(cache_dir), settings, reuse=reuse))
    return known, jobs


def build_state(key: str, outcomes: Iterable[Outcome]) -> dict[str, object]:
    """The dataset's identity: each input -> its sha256 (or why it failed), each sha256 -> summary."""
    inputs: dict[str, dict[str, object]] = {}
    docs: dict[str, dict] = {}
    for outcome in sorted(outcomes, key=lambda o: o.source_path):
        if outcome.sha is None:
            reason, message = outcome.failure or CRASH
            inputs[outcome.source_path] = {"reason": reason, "message": message}
        else:
            inputs[outcome.source_path] = {"sha256": outcome.sha}
            docs[outcome.sha] = outcome.summary or {}
    return {"format": STATE_FORMAT, "key": key, "inputs": inputs, "docs": dict(sorted(docs.items()))}


def chosen_paths(state: Mapping[str, object]) -> dict[str, str]:
    """Each successfully read sha256 -> the smallest source_path holding it (order-independent)."""
    chosen: dict[str, str] = {}
    docs = state["docs"]
    for path, entry in state["inputs"].items():
        sha = entry.get("sha256")
        if sha and "failure" not in docs[sha] and (sha not in chosen or path < chosen[sha]):
            chosen[sha] = path
    return dict(sorted(chosen.items()))


def failure_rows(state: Mapping[str, object]) -> list[dict[str, object]]:
    """One failures row per input that failed, duplicates included (each path is listed)."""
    rows = []
    for path, entry in state["inputs"].items():
        sha = entry.get("sha256")
        failure = state["docs"][sha].get("failure") if sha else [entry["reason"], entry["message"]]
        if failure:
            rows.append(
                {
                    "source_path": path,
                    "source_sha256": sha,
                    "reason": failure[0],
                    "message": failure[1],
                    "extractor_version": __version__,
                }
            )
    return rows


def _recover_missing(
    state: Mapping[str, object], refs: Sequence[InputRef], cache_dir: Path, settings: Settings, workers: int
) -> list[Outcome]:
    """Extract again the documents whose cache file is gone or damaged (needed to write the tables)."""
    by_path = {ref.source_path: ref for ref in refs}
    missing = [
        Job(by_path[path], str(cache_dir), settings, reuse=False)
        for sha, path in chosen_paths(state).items()
        if w.read_cache_summary(w.cache_path(cache_dir, sha)) is None
    ]
    if not missing:
        return []
    outcomes = execute(missing, workers, lambda _: None)
    for outcome in outcomes:
        if outcome.sha and w.read_cache_summary(w.cache_path(cache_dir, outcome.sha)) is None:
            raise OSError(f"cannot write the document cache under {cache_dir}")
    return outcomes


def _write_version(out: Path, cache_dir: Path, state: Mapping[str, object], settings: Settings) -> str:
    """Stream every table from the cache, in doc_id order, into a new version and commit it."""
    staging = w.new_staging(out)
    streams = {name: w.TableStream(staging / name / w.PART, name) for name in TABLES}
    for sha, path in chosen_paths(state).items():
        tables = w.read_cache_tables(w.cache_path(cache_dir, sha))
        if tables is None:
            raise OSError(f"the document cache of {path} vanished while writing")
        for name, table in tables.items():
            if name == "documents":
                table = table.set_column(
                    table.schema.get_field_index("source_path"),
                    table.schema.field("source_path"),
                    pa.array([path] * table.num_rows, pa.string()),
                )
            streams[name].append(table)
    streams["failures"].append(w.to_table("failures", failure_rows(state)))
    for stream in streams.values():
        stream.close()
    manifest = {
        "extractor_version": __version__,
        "pipeline_fingerprint": pipeline_fingerprint(repair=settings.repair, threshold=settings.threshold),
        "options": {"repair": settings.repair, "threshold": settings.threshold, "max_bytes": settings.max_bytes},
        "inputs": len(state["inputs"]),
        "documents": streams["documents"].rows,
        "failures": streams["failures"].rows,
    }
    return w.commit(out, staging, manifest, state)


def summarize_run(state: Mapping[str, object], outcomes: Sequence[Outcome], read: int) -> Summary:
    chosen = chosen_paths(state)
    failures = failure_rows(state)
    summary = Summary(read=read, written=len(chosen), failed=len(failures))
    summary.extracted = sum(o.extracted for o in outcomes)
    summary.skipped = sum(1 for o in outcomes if o.sha and not o.extracted)
    summary.duplicates = sum(1 for e in state["inputs"].values() if e.get("sha256") in chosen) - len(chosen)
    rows: Counter[str] = Counter({name: 0 for name in TABLES})
    findings: Counter[str] = Counter()
    for sha in chosen:
        doc = state["docs"][sha]
        rows.update(doc["rows"])
        findings.update(doc["findings"])
        summary.repairs_applied += doc["repairs_applied"]
        summary.repairs_reported += doc["repairs_reported"]
    rows["failures"] = len(failures)
    summary.rows = {name: rows[name] for name in TABLES}
    summary.findings = dict(sorted(findings.items()))
    summary.failures = [{k: str(f[k]) for k in ("source_path", "reason", "message")} for f in failures]
    return summary


# --- hints and cache housekeeping ------------------------------------------------------------


def _read_hints(cache_dir: Path) -> dict[str, list]:
    try:
        value = json.loads((cache_dir / HINTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_hints(cache_dir: Path, outcomes: Iterable[Outcome], saved: Mapping[str, list]) -> None:
    """(path -> signature, sha256) so the next run skips reading unchanged inputs. Only a hint;
    not rewritten when the run found what `saved` (read at its start) already says."""
    hints = {o.source_path: [o.signature, o.sha] for o in sorted(outcomes, key=lambda o: o.source_path) if o.sha}
    if saved == hints:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = cache_dir / f"{HINTS}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(hints, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(temporary, cache_dir / HINTS)


def _prune_cache(cache_root: Path, key: str, state: Mapping[str, object]) -> None:
    """Drop cached documents no input refers to any more, and caches of other pipeline versions."""
    keep = set(state["docs"])
    for entry in cache_root.iterdir():
        if entry.name != key:
            _remove(entry)
            continue
        for bucket in entry.iterdir():
            if not bucket.is_dir():
                continue
            for item in bucket.iterdir():
                if item.name.removesuffix(".doc") not in keep:
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
