"""HTML tables: layout vs data, and the full grid with rowspan/colspan expanded.

No public scraper expands spans right; we do, so every row gets its lead unit (a ``Cell``
copy with ``span_origin`` pointing at the cell where the text really stands).
"""

from __future__ import annotations

from collections.abc import Callable

import lxml.etree as etree

from extract.page import Cell, PageError, Table

from .dom import tag_of
from .settings import MAX_GRID_CELLS, MAX_SPAN

_BORDER_PROPS = ("border", "border-top", "border-bottom", "border-left", "border-right")
_LINE_STYLES = {"solid", "dotted", "dashed", "double", "groove", "ridge", "inset", "outset"}


def own_rows(table: etree._Element) -> list[etree._Element]:
    """Rows of this table (not of nested tables): thead first, body rows, tfoot last."""
    head: list[etree._Element] = []
    body: list[etree._Element] = []
    foot: list[etree._Element] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            body.append(child)
        elif tag in {"thead", "tbody", "tfoot"}:
            rows = [r for r in child if tag_of(r) == "tr"]
            {"thead": head, "tbody": body, "tfoot": foot}[tag].extend(rows)
    return head + body + foot


def own_cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if tag_of(c) in {"td", "th"}]


def _declarations(style: str) -> dict[str, str]:
    """CSS inline style -> {property: value} (lower case)."""
    out: dict[str, str] = {}
    for decl in style.split(";"):
        prop, sep, value = decl.partition(":")
        if sep:
            out[prop.strip().lower()] = value.strip().lower()
    return out


def _visible_border(value: str) -> bool:
    tokens = value.replace(",", " ").split()
    if not tokens or "none" in tokens or "hidden" in tokens:
        return False
    widths = [t for t in tokens if t[:1].isdigit() or t[:1] == "."]
    if widths and all(float("".join(ch for ch in w if ch in "0123456789.") or 0) == 0 for w in widths):
        return False
    return any(t in _LINE_STYLES for t in tokens) or bool(widths)


def has_border(el: etree._Element) -> bool:
    """Any side of ``el`` drawn, by its inline style."""
    style = el.get("style")
    if not style:
        return False
    decls = _declarations(style)
    return any(_visible_border(decls[p]) for p in _BORDER_PROPS if p in decls)


def is_bordered(table: etree._Element) -> bool:
    """Data tables have borders (``border`` attribute, or border styles on most cells)."""
    attr = (table.get("border") or "").strip()
    if attr:
        try:
            if float(attr) > 0:
                return True
        except ValueError:
            return True  # border="border": drawn
    if has_border(table):
        return True
    cells = [c for r in own_rows(table) for c in own_cells(r)]
    if not cells:
        return False
    drawn = sum(1 for c in cells if has_border(c))
    return drawn * 2 >= len(cells)


def _span(value: str | None) -> int:
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return max(0, min(n, MAX_SPAN))


def build_grid(
    table: etree._Element,
    read_cell: Callable[[etree._Element], tuple[str, ...]],
    bordered: bool = True,
) -> Table:
    """Expand rowspan/colspan into a rectangular grid of ``Cell``s."""
    rows = own_rows(table)
    n_rows = len(rows)
    grid: dict[tuple[int, int], Cell] = {}
    spans: dict[tuple[int, int], int] = {}  # a cell's place -> its colspan (when more than 1)
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in own_cells(tr):
            while (r, c) in grid:
                c += 1
            rs = _span(td.get("rowspan"))
            rs = n_rows - r if rs == 0 else min(rs, n_rows - r)
            cs = max(1, _span(td.get("colspan")))
            if len(grid) + rs * cs > MAX_GRID_CELLS:
                raise PageError("too_large", f"table grid exceeds {MAX_GRID_CELLS} cells")
            paras = read_cell(td)
            if cs > 1:
                spans[(r, c)] = cs
            for dr in range(rs):
                for dc in range(cs):
                    origin = None if (dr, dc) == (0, 0) else (r, c)
                    grid.setdefault((r + dr, c + dc), Cell(paragraphs=paras, span_origin=origin))
            c += cs
            width = max(width, c)
    used_rows = sorted({r for r, _ in grid})
    columns = _columns_with_text(grid, used_rows, width, spans)
    out_rows = tuple(
        tuple(_moved(grid.get((r, c), Cell()), columns, spans, (r, c)) for c in columns) for r in used_rows
    )
    return Table(rows=out_rows, bordered=bordered)


def _columns_with_text(
    grid: dict[tuple[int, int], Cell], rows: list[int], width: int, spans: dict[tuple[int, int], int]
) -> dict[int, int]:
    """Old column -> new column, leaving out columns that show nothing of their own: empty in
    every row, header included, or holding only text that a cell spanning it shows in another
    column, which holds text of its own.

    Why: Word exports often carry a spacer column (a borderless empty cell before "STT" on every
    row); kept, it would push the row numbers out of the first column and hide the table. Word's
    placeholder cells (``mso-cell-special:placeholder``, zero wide) make one too, under a header
    cell widened over it ("STT" with colspan=2).
    """
    own: set[int] = set()  # columns with a cell no colspan shares
    shared: dict[int, list[tuple[int, int]]] = {}  # column -> the spanning cells' places it shows
    used = set(rows)
    for (r, c), cell in grid.items():
        if r not in used or cell.is_empty:
            continue
        origin = cell.span_origin or (r, c)
        if spans.get(origin, 1) == 1:
            own.add(c)
        else:
            shared.setdefault(c, []).append(origin)

    def shown_elsewhere(c: int) -> bool:
        return all(any(d in own for d in range(origin[1], origin[1] + spans[origin]) if d != c) for origin in shared[c])

    kept = [c for c in range(width) if c in own or (c in shared and not shown_elsewhere(c))]
    return {c: i for i, c in enumerate(kept)} if kept else {c: c for c in range(width)}


def _moved(cell: Cell, columns: dict[int, int], spans: dict[tuple[int, int], int], at: tuple[int, int]) -> Cell:
    """A cell whose span origin points at the origin's column after columns left out; when the
    origin's own column is left out, the span's first kept column holds the text from now on."""
    if cell.span_origin is None:
        return cell
    r, c = cell.span_origin
    if c not in columns:
        c = next((d for d in range(c, c + spans.get((r, c), 1)) if d in columns), c)
        if (r, c) == at:
            return Cell(paragraphs=cell.paragraphs)
    return Cell(paragraphs=cell.paragraphs, span_origin=(r, columns[c]) if c in columns else None)
