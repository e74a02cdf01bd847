"""Run the pipeline over many inputs and publish the tables (I/O lives here, not in the core)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from extract import __version__
from extract.pipeline import DocumentResult, failure_tables, process_bytes
from extract.writer import publish, to_table
from schemas.tables import TABLES

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".xhtml")


def discover(paths: list[str]) -> list[Path]:
    """Files named, and the page files under folders named (recursive), sorted, no duplicates."""
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in path.rglob("*"):
                if child.is_file() and child.suffix.lower() in INPUT_SUFFIXES and not child.name.startswith("."):
                    found.add(child)
        else:
            found.add(path)
    return sorted(found)


def _process_path(args: tuple[str, bool, float | None]) -> DocumentResult:
    path, repair, threshold = args
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        result = DocumentResult("", path, "")
        result.tables = failure_tables(path, None, "unreadable", f"{type(error).__name__}: {error.strerror or error}")
        return result
    return process_bytes(data, path, repair=repair, threshold=threshold)


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def _results(paths: list[Path], workers: int, repair: bool, threshold: float | None) -> Iterator[DocumentResult]:
    jobs = [(str(p), repair, threshold) for p in paths]
    if workers <= 1 or len(jobs) <= 1:
        yield from map(_process_path, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_process_path, jobs, chunksize=4)


def run(
    paths: list[str], out: Path, *, workers: int | None = None, repair: bool = True, threshold: float | None = None
) -> Summary:
    files = discover(paths)
    workers = workers or os.cpu_count() or 1
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in TABLES}
    seen: set[str] = set()
    summary = Summary()
    for result in _results(files, workers, repair, threshold):
        summary.read += 1
        if result.failed:
            summary.failed += 1
        elif result.doc_id in seen:
            continue  # the same bytes under another name: one document
        else:
            seen.add(result.doc_id)
            summary.written += 1
        for name, table_rows in result.tables.items():
            rows[name].extend(table_rows)
    tables = {name: to_table(name, rows[name]) for name in TABLES}
    summary.rows = {name: tables[name].num_rows for name in TABLES}
    publish(out, tables, {"extractor_version": __version__, "documents": summary.written, "failures": summary.failed})
    return summary
