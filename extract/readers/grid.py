"""Tables whose rows the input spells out (GitHub-style Markdown, tab-separated lines): the
grid is known, so nothing is inferred from a cell stream; it is an appendix table or layout."""

from __future__ import annotations

from collections.abc import Sequence

from extract.appendix import is_appendix_table
from extract.page import Cell, ReadNote, Table, occurrences


def appendix_grid(rows: Sequence[Sequence[Cell]]) -> Table | None:
    """The rows as an appendix table (short rows padded with empty cells, each noted on the
    table so its finding names the row), or None when they do not read as one (a layout:
    header columns, signatures)."""
    width = max((len(row) for row in rows), default=0)
    grid = tuple(tuple(row) + (Cell(),) * (width - len(row)) for row in rows)
    table = Table(rows=grid, bordered=True)
    if not grid or not is_appendix_table(table):
        return None
    labels = [row[0].text.strip() if row else "" for row in rows]
    row_notes = [
        ReadNote(
            "short_row",
            f"row {label or '(unnumbered)'} has {len(row)} cells for {width} columns; its last cells were left empty",
            label or None,
            before,
        )
        for row, label, before in zip(rows, labels, occurrences(labels), strict=True)
        if row and len(row) < width
    ]
    return Table(rows=grid, bordered=True, row_notes=tuple(row_notes))
