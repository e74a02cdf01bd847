"""Helpers for the batch tests: page variants of the real sample, running a batch, reading tables."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.batch import Summary, run
from schemas.tables import TABLES
from tests.conftest import ROOT, SAMPLE, html_fixture  # noqa: F401 - ROOT and html_fixture for the batch tests

SAMPLE_ROWS = 119


def variant(n: int) -> bytes:
    """The sample with another document number and day: different bytes, the same 119 appendix rows."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("434/KH-UBND", f"{1000 + n}/KH-UBND").replace("ngày 27 tháng 7", f"ngày {1 + n % 28} tháng 7")
    return text.encode("utf-8")


def write_pages(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"page-{n:04d}.txt"
        path.write_bytes(variant(n))
        paths.append(path)
    return paths


def batch(paths: list[str | Path], out: Path, **options: object) -> Summary:
    """A batch without the repair model (fast, and what the 119-row figure is measured with)."""
    options.setdefault("repair", False)
    options.setdefault("workers", 1)
    return run([str(p) for p in paths], out, **options)  # type: ignore[arg-type]


def table(out: Path, name: str) -> pa.Table:
    return pq.read_table(out / name / "part-0.parquet")


def rows(out: Path, name: str) -> list[dict[str, object]]:
    return table(out, name).to_pylist()


def table_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name / "part-0.parquet").read_bytes() for name in TABLES}
