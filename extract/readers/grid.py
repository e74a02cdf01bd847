"""Tables whose rows the input spells out (GitHub-style Markdown, tab-separated lines): the
grid is known, so nothing is inferred from a cell stream; it is an appendix table or layout."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from extract.appendix import is_appendix_table
from extract.columns import map_columns
from extract.numbering import parse_label
from extract.page import Cell, ReadNote, Table, occurrences
from extract.readers.cellstream import numeric_columns
from extract.readers.placement import placed_by_kind, placed_message
from extract.settings import TOTAL_ROW
from normalize.numbers import parse_number
from normalize.text import fold

#: Roles of a column that names the rows: a figure printed there belongs to the next column.
NAME_ROLES = frozenset({"name", "tasks"})


def appendix_grid(rows: Sequence[Sequence[Cell]]) -> Table | None:
    """The rows as an appendix table (short rows padded with empty cells, each noted on the
    table so its finding names the row), or None when they do not read as one (a layout:
    header columns, signatures)."""
    width = max((len(row) for row in rows), default=0)
    grid = tuple(tuple(row) + (Cell(),) * (width - len(row)) for row in rows)
    table = Table(rows=grid, bordered=True)
    if not grid or not is_appendix_table(table):
        return None
    columns = map_columns([cell.text for cell in grid[0]])
    roles = [column.role for column in columns][1:]
    numeric = numeric_columns(rows[1:], width)  # the header left out
    labels = [row[0].text.strip() if row else "" for row in rows]
    placed_rows: list[tuple[Cell, ...]] = []
    row_notes: list[ReadNote] = []
    for k, (row, label, before) in enumerate(zip(rows, labels, occurrences(labels), strict=True)):
        if k and columns[0].role == "id" and _total_under_number(row, width, roles, numeric):
            placed_rows.append((Cell(), *row[:-1]) if len(row) == width else (Cell(), *row, *grid[k][len(row) + 1 :]))
            continue
        placed = None
        if k and row and len(row) < width and parse_label(label) is not None:
            placed = placed_by_kind([cell.text for cell in row[1:]], roles, {i - 1 for i in numeric})
        if placed is not None:  # "2 | Việc B | Công an tỉnh | Quý II/2024": a merged cell left no tab
            cells = [Cell()] * (width - 1)
            for cell, column in zip(row[1:], placed, strict=True):
                cells[column] = cell
            placed_rows.append((row[0], *cells))
            message = placed_message(label, len(row), [c.header for c in columns[1:]], placed)
            row_notes.append(ReadNote("short_row", message, label, before))
            continue
        placed_rows.append(grid[k])
        if row and len(row) < width and not _title_row(row):
            named = label or "(unnumbered)"
            message = f"row {named} has {len(row)} cells for {width} columns; its last cells were left empty"
            row_notes.append(ReadNote("short_row", message, label or None, before))
    return Table(rows=tuple(placed_rows), bordered=True, row_notes=tuple(row_notes))


def _total_under_number(row: Sequence[Cell], width: int, roles: Sequence[str], numeric: Collection[int]) -> bool:
    """A total whose label spans the number and name columns ("| Tổng cộng (I+II) | 590,00 |
    100,0 | |"): a converter printed it as one cell, so its figures stand one column to the left,
    a figure under the names and the last cell empty. Its cells move right by one, when each of
    its figures lands in a column of figures then ("| Cộng | 2 | 30 | |" over "Tên | Số lượng |
    Ghi chú" names 2 of something). ``roles``: of the columns after the number."""
    if len(row) < 2 or not roles or roles[0] not in NAME_ROLES or not TOTAL_ROW.match(fold(row[0].text)):
        return False
    if parse_number(row[1].text) is None or (len(row) == width and not row[-1].is_empty):
        return False
    return all(k + 1 in numeric for k, cell in enumerate(row) if k and parse_number(cell.text) is not None)


def _title_row(row: Sequence[Cell]) -> bool:
    """A title across the table, unnumbered or a group's ("Nhiệm vụ chung", "I | CẢI CÁCH THỂ
    CHẾ", "A | ..."), or a bullet's note ("- | Trên báo chí"): a row of two cells at most, no
    figure after its number; short by design, so no finding. A task's row so short ("6 | Cạnh
    tranh bình đẳng", "b | ...") lost its cells: it is noted."""
    label = parse_label(row[0].text)
    if label is not None and label.style in ("decimal", "lower_letter"):
        return False
    return len(row) <= 2 and all(parse_number(cell.text) is None for cell in row[1:])
