"""Tables whose rows the input spells out (GitHub-style Markdown, tab-separated lines): the
grid is known, so nothing is inferred from a cell stream; it is an appendix table or layout."""

from __future__ import annotations

from collections.abc import Sequence

from extract.appendix import is_appendix_table
from extract.page import Cell, ReadNote, Table


def appendix_grid(rows: Sequence[Sequence[Cell]], notes: list[ReadNote]) -> Table | None:
    """The rows as an appendix table (short rows padded with empty cells, and a note saying
    so), or None when they do not read as one (a layout: header columns, signatures)."""
    width = max((len(row) for row in rows), default=0)
    grid = tuple(tuple(row) + (Cell(),) * (width - len(row)) for row in rows)
    table = Table(rows=grid, bordered=True)
    if not grid or not is_appendix_table(table):
        return None
    short = [row[0].text for row in rows if row and len(row) < width]
    if short:
        notes.append(
            ReadNote(
                "short_row",
                f"{len(short)} table row(s) had fewer than {width} cells (first: {short[0]!r}); "
                "their last cells were left empty",
            )
        )
    return table
