"""Markdown conversions of legal-portal pages (as found in public datasets).

Tables are flattened one cell per line: a line holding only ``|`` separates cells and two
such lines in a row separate table rows; a cell may wrap over several lines. Cells merged
downwards (rowspan) are simply missing in the later rows: they are filled from the row
above and reported, never silently. GitHub-style one-line rows ("| a | b |") are read too.
"""

from __future__ import annotations

import re

from extract.appendix import is_appendix_table
from extract.page import Block, Cell, PageError, RawPage, Table
from extract.readers.text import is_clutter
from normalize.text import fold, is_blank

_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_GFM_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_NEW_PARAGRAPH = re.compile(r"^([-+•]\s|\d+[.)]\s|[a-zđ]\)\s)")


def strip_emphasis(text: str) -> str:
    return _EMPHASIS.sub("", text).strip()


def read_markdown(text: str, encoding: str) -> RawPage:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    page = RawPage(source_form="markdown", encoding=encoding)
    blocks: list[Block] = []
    i = 0
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(p.strip() for p in paragraph if p.strip())
            text_ = strip_emphasis(joined)
            if text_ and not is_clutter(text_):
                blocks.append(Block(text=text_))
            paragraph.clear()

    while i < len(lines):
        line = lines[i].strip()
        if line == "|":
            flush()
            rows, i = _pipe_table(lines, i)
            blocks.extend(_table_blocks(rows, page.notes))
            continue
        if line.startswith("|") and line.count("|") >= 2 or (line.endswith(" |") and " | " in line):
            flush()
            rows = []
            while i < len(lines) and "|" in lines[i] and lines[i].strip() not in ("", "|"):
                row_line = lines[i].strip()
                if not _GFM_SEPARATOR.match(row_line):
                    rows.append([c.strip() for c in row_line.strip("|").split("|")])
                i += 1
            blocks.extend(_table_blocks([[[c] if c else [] for c in row] for row in rows], page.notes))
            continue
        if not line:
            flush()
        elif line.startswith("#"):
            flush()
            paragraph.append(line.lstrip("# "))
            flush()
        elif _NEW_PARAGRAPH.match(line):
            flush()
            paragraph.append(line)
        else:
            paragraph.append(line)
        i += 1
    flush()
    if not any(b.text or b.table for b in blocks):
        raise PageError("not_a_document", "the Markdown file holds no text")
    page.blocks = blocks
    return page


def _pipe_table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    """Rows of cells (each a list of raw lines) from a run of one-cell-per-line table text."""
    rows: list[list[list[str]]] = []
    row: list[list[str]] = []
    cell: list[str] | None = None
    previous_pipe = False
    while i < len(lines):
        line = lines[i].strip()
        if line == "|":
            if previous_pipe:  # "|" "|": the row ends here
                if row:
                    rows.append(row)
                row = []
                cell = None
            else:
                if cell is not None:
                    row.append(cell)
                cell = []
            previous_pipe = True
            i += 1
            continue
        if not line and previous_pipe:
            nxt = next((lines[k].strip() for k in range(i + 1, len(lines)) if lines[k].strip()), "")
            if nxt != "|":
                break
        previous_pipe = False
        if cell is None:
            cell = []
        cell.append(lines[i])
        i += 1
    if cell:
        row.append(cell)
    if row:
        rows.append(row)
    return rows, i


def _cell(raw_lines: list[str]) -> Cell:
    paragraphs: list[str] = []
    for raw in raw_lines:
        text = strip_emphasis(raw.strip())
        if not text:
            continue
        if paragraphs and not _NEW_PARAGRAPH.match(text):
            paragraphs[-1] = paragraphs[-1] + " " + text
        else:
            paragraphs.append(text)
    return Cell(tuple(p for p in paragraphs if not is_blank(p)))


def _table_blocks(rows: list[list[list[str]]], notes: list[tuple[str, str]]) -> list[Block]:
    grid = [[_cell(c) for c in row] for row in rows]
    grid = [row for row in grid if any(not c.is_empty for c in row)]
    if not grid:
        return []
    table = _fill_merged(grid, notes)
    if is_appendix_table(table):
        return [Block(table=table)]
    blocks = []
    for row in table.rows:
        for c in row:
            if c.span_origin is None:
                blocks.extend(Block(text=p) for p in c.paragraphs if not is_clutter(p))
    return blocks


def _fill_merged(grid: list[list[Cell]], notes: list[tuple[str, str]]) -> Table:
    """Rows shorter than the widest row get their last cells from the row above (rowspan)."""
    width = max(len(r) for r in grid)
    filled: list[tuple[Cell, ...]] = []
    for r, row in enumerate(grid):
        row = list(row)
        if len(row) < width and filled and r > 0:
            above = filled[-1]
            missing = width - len(row)
            for col in range(len(row), width):
                origin = above[col].span_origin or (len(filled) - 1, col)
                row.append(Cell(above[col].paragraphs, origin))
            first = fold(row[0].text) or "(empty)"
            if any(not c.is_empty for c in row[-missing:]):
                notes.append(
                    (
                        "merged_cell_inferred",
                        f"table row starting '{first}' has {width - missing} of {width} cells; the "
                        f"last {missing} were taken from the row above as merged cells",
                    )
                )
        row += [Cell()] * (width - len(row))
        filled.append(tuple(row))
    return Table(rows=tuple(filled), bordered=True)
