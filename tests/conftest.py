"""Shared fixtures: the sample page and a helper running the pipeline on bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import DocumentResult, process_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "lawnet-434-KH-UBND-2022-dak-nong.txt"
FIXTURES = ROOT / "tests" / "fixtures"
#: The sample repaired by hand (its 42 damaged words put back).
REPAIRED = FIXTURES / "sample_434_repaired.txt"


def html_fixture(name: str) -> bytes:
    """A generated HTML page: reject pages in tests/fixtures/html, documents in samples/html
    (both made by tests/fixtures/html/generate.py)."""
    folder = FIXTURES / "html" if name.startswith("reject_") else ROOT / "samples" / "html"
    return (folder / name).read_bytes()


@pytest.fixture(scope="session")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture(scope="session")
def sample_result(sample_bytes: bytes) -> DocumentResult:
    """The sample as issue 2 reads it: text kept as it is (no dropped-letter repair)."""
    return process_bytes(sample_bytes, "samples/lawnet-434-KH-UBND-2022-dak-nong.txt", repair=False)


NBSP = "\u00a0"


def text_cells(*cells: str) -> str:
    """Table cells as a text dump prints them: one per line, blank lines between, NBSP for empty."""
    return "\n\n".join(cell if cell else NBSP for cell in cells)


def text_table(*rows: tuple[str, ...]) -> str:
    """Rows of cells as a text dump prints them (the row boundaries are not printed)."""
    return "\n\n".join(text_cells(*row) for row in rows)


def markdown_table(*rows: tuple[str, ...]) -> str:
    """Rows of cells as the portals' one-cell-per-line Markdown tables."""
    return "".join(markdown_row(*row) for row in rows)


def markdown_row(*cells: str) -> str:
    """One row of the portals' one-cell-per-line Markdown tables ('' is an empty cell)."""
    return "|\n" + "".join(f"{c}\n|\n" if c else "|\n" for c in cells)


def finding_codes(result: DocumentResult) -> list[str]:
    """The codes of a result's findings, in order."""
    return [f["code"] for f in result.tables["findings"]]


def run_text(text: str, path: str = "page.txt", repair: bool = False) -> DocumentResult:
    return process_bytes(text.encode("utf-8"), path, repair=repair)
