"""Text dumps of LawNet-style pages (what people save with "select all, copy").

The dump is the page's visible text: the attribute block as "Label: value" lines, the
document one paragraph per line, and tables one cell per line (an empty cell is a line
holding only a non-breaking space, a multi-paragraph cell several lines). The table grid is
rebuilt from that cell stream by the header (column count and roles) and the row numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.columns import Column, map_columns
from extract.numbering import Label, decimal_successors, parse_label
from extract.page import Block, Cell, PageError, RawPage, Table
from extract.settings import (
    ATTRIBUTE_LABELS,
    CLUTTER_LINES,
    CLUTTER_PHRASES,
    DOC_TYPES,
    MULTI_PARAGRAPH_ROLES,
    NATIONAL_MOTTO,
    SCORE_ROLES,
    TOTAL_ROW,
)
from normalize.numbers import is_no_value, parse_number
from normalize.text import fold, fold_aligned, is_blank

_LABEL_ALTERNATION = "|".join(sorted((re.escape(label) for label in ATTRIBUTE_LABELS), key=len, reverse=True))
_ATTRIBUTE = re.compile(rf"(?:^|(?<=\s))({_LABEL_ALTERNATION})\s*:")
_CONTINUATION_START = re.compile(r"^\s*([-+•*–]|\d+[.)]\s|[a-zđ]\)|[a-zàáảãạăâđèéêìíòóôơùúưỳý])")
_MAX_HEADER_CELLS = 24


def read_text(text: str, encoding: str) -> RawPage:
    """A text dump as a RawPage; PageError when no document can be found in it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = _document_start(lines)
    if start is None:
        raise PageError(
            "not_a_document",
            "no document header found (no national motto 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' and no 'Số: ...' line)",
        )
    end = _document_end(lines, start)
    page = RawPage(source_form="text", encoding=encoding)
    page.attributes = _attributes(lines[:start])
    page.page_title = _page_title(lines[:start])
    page.blocks = _blocks(lines[start:end], page.notes)
    return page


def is_clutter(line: str) -> bool:
    folded = fold(line)
    if folded in CLUTTER_LINES or "{{" in line:
        return True
    return any(phrase in folded for phrase in CLUTTER_PHRASES)


def _document_start(lines: Sequence[str]) -> int | None:
    """Index of the first header line: the issuing body above the national motto."""
    motto = next((i for i, line in enumerate(lines) if NATIONAL_MOTTO in fold(line)), None)
    if motto is None:
        motto = next((i for i, line in enumerate(lines) if re.match(r"^so\s*:\s*\S+/", fold(line))), None)
        if motto is None:
            return None
    start = motto
    i = motto - 1
    while i >= 0 and motto - i <= 8:
        line = lines[i]
        if is_blank(line):
            i -= 1
            continue
        if not _looks_like_header_line(line):
            break
        start = i
        i -= 1
    return start


def _looks_like_header_line(line: str) -> bool:
    stripped = line.strip().strip("*_ ")
    if not stripped or _ATTRIBUTE.search(fold_aligned(stripped)) or is_clutter(stripped):
        return False
    if set(stripped) <= set("-_–—=. "):
        return True
    letters = [ch for ch in stripped if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _document_end(lines: Sequence[str], start: int) -> int:
    for i in range(start, len(lines)):
        if is_clutter(lines[i]):
            return i
    return len(lines)


def _attributes(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Label/value pairs of the attribute block, one or two pairs a line, in page order."""
    pairs: list[tuple[str, str]] = []
    for line in lines:
        folded = fold_aligned(line)
        matches = list(_ATTRIBUTE.finditer(folded))
        if not matches or folded[: matches[0].start()].strip():
            continue
        for n, match in enumerate(matches):
            value_end = matches[n + 1].start() if n + 1 < len(matches) else len(line)
            label = line[match.start(1) : match.end(1)]
            pairs.append((label, line[match.end() : value_end].strip()))
    return pairs


def _page_title(lines: Sequence[str]) -> str | None:
    for line in lines:
        stripped = line.strip()
        folded = fold(stripped)
        if len(stripped) > 20 and any(folded.startswith(t + " ") for t in DOC_TYPES):
            return stripped
    return None


def _blocks(lines: Sequence[str], notes: list[tuple[str, str]]) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_table_header_start(lines, i):
            table, i = _read_table(lines, i, notes)
            blocks.append(Block(table=table))
            continue
        if not is_blank(line):
            blocks.append(Block(text=line.strip()))
        i += 1
    return blocks


def _items(lines: Sequence[str], start: int) -> list[tuple[int, str]]:
    """Non-empty lines from start on, with their index; NBSP-only lines are kept (empty cells)."""
    return [(i, lines[i]) for i in range(start, len(lines)) if lines[i] != ""]


def _is_table_header_start(lines: Sequence[str], i: int) -> bool:
    columns = map_columns([lines[i].strip()])
    if columns[0].role != "id" or not lines[i].strip():
        return False
    header = _header_cells(lines, i)
    return header is not None and len(header[0]) >= 3


def _header_cells(lines: Sequence[str], i: int) -> tuple[list[str], int] | None:
    """Header cells from the id header line up to the first row label; None if no row follows."""
    cells: list[str] = []
    j = i
    while j < len(lines) and len(cells) <= _MAX_HEADER_CELLS:
        line = lines[j]
        if line == "":
            j += 1
            continue
        if cells and (parse_label(line) is not None or is_blank(line)):
            return cells, j
        cells.append(line.strip())
        j += 1
    return None


def _read_table(lines: Sequence[str], i: int, notes: list[tuple[str, str]]) -> tuple[Table, int]:
    header_and_next = _header_cells(lines, i)
    assert header_and_next is not None
    headers, j = header_and_next
    columns = map_columns(headers)
    width = len(columns)
    rows: list[list[list[str]]] = []  # data rows: cells of paragraphs (id cell first)
    current: list[str] | None = None  # raw items of the row being read (id first)
    position = j
    end = len(lines)
    closed_by_total = False
    while position < end:
        line = lines[position]
        if line == "":
            position += 1
            continue
        if fold(line).startswith("phu luc") and parse_label(line) is None and current is not None:
            break
        full = current is not None and len(current) - 1 >= width - 1
        starts = _row_start(lines, position, current, full, width)
        if starts:
            if current is not None:
                rows.append(_assemble(current, columns, notes))
                current = None
                if closed_by_total:
                    break
            current = {"label": [line.strip()], "total": ["", line.strip()]}.get(starts, [""])
            closed_by_total = starts != "label"
            position += 1
            continue
        if current is None:  # a line between the header and the first row: more header
            headers.append(line.strip())
            columns = map_columns(headers)
            width = len(columns)
            position += 1
            continue
        if closed_by_total and full:
            break
        current.append(line)
        position += 1
    if current is not None:
        rows.append(_assemble(current, columns, notes))
    grid = [tuple(Cell((h,)) for h in headers)]
    grid += [tuple(Cell(tuple(p for p in cell if not is_blank(p))) for cell in row) for row in rows]
    return Table(rows=tuple(grid), bordered=True), position


def _row_start(lines: Sequence[str], position: int, current: list[str] | None, full: bool, width: int) -> str | None:
    line = lines[position]
    next_line = next((lines[k] for k in range(position + 1, len(lines)) if lines[k] != ""), "")
    if is_blank(line):
        if (current is None or full) and TOTAL_ROW.match(fold(next_line)):
            return "total_blank_id"
        return None
    if (current is None or full) and TOTAL_ROW.match(fold(line)) and parse_label(line) is None:
        return "total"
    label = parse_label(line)
    if label is None:
        return None
    if current is None or full:
        return "label"
    previous = parse_label(current[0]) if current else None
    if _plausible_successor(previous, label) and not is_blank(next_line):
        if parse_number(next_line) is None and not is_no_value(next_line):
            return "label"
    return None


def _plausible_successor(previous: Label | None, label: Label) -> bool:
    if previous is None:
        return True
    if previous.style == "decimal" and label.style == "decimal":
        return label.key in decimal_successors(previous.key)
    return previous.style != label.style or label.style == "dash"


def _assemble(items: list[str], columns: Sequence[Column], notes: list[tuple[str, str]]) -> list[list[str]]:
    """Spread a row's cell lines over the columns; extra lines join multi-paragraph cells."""
    id_cell, rest = items[0], items[1:]
    targets = columns[1:]
    if len(rest) < len(targets):
        notes.append(
            (
                "short_row",
                f"row {id_cell.strip() or '(unnumbered)'} has {len(rest) + 1} cells for "
                f"{len(columns)} columns; the missing cells at the end were left empty",
            )
        )
        rest = rest + [""] * (len(targets) - len(rest))
    split = _best_split(rest, targets)
    cells = [[id_cell]]
    start = 0
    for count in split:
        cells.append(rest[start : start + count])
        start += count
    return cells


def _best_split(items: list[str], columns: Sequence[Column]) -> list[int]:
    """How many lines each column takes: every column at least one, single-value columns
    exactly one, and a new cell should not start with what looks like a continuation."""
    n, m = len(items), len(columns)
    inf = float("inf")
    # best[i][j]: least penalty for items[:i] over columns[:j]; choice[i][j]: items in column j-1
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    choice = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        column = columns[j - 1]
        multi = column.role in MULTI_PARAGRAPH_ROLES
        for i in range(j, n - (m - j) + 1):
            counts = range(1, i - (j - 1) + 1) if multi else (1,)
            for count in counts:
                a = i - count
                if best[a][j - 1] == inf:
                    continue
                penalty = best[a][j - 1] + _start_penalty(items, a, column)
                if count > 1 and column.role != "tasks":
                    penalty += 0.01 * (count - 1)
                if penalty < best[i][j]:
                    best[i][j] = penalty
                    choice[i][j] = count
    counts: list[int] = []
    i = n
    for j in range(m, 0, -1):
        counts.append(choice[i][j])
        i -= choice[i][j]
    return counts[::-1]


def _start_penalty(items: list[str], a: int, column: Column) -> float:
    item = items[a]
    penalty = 0.0
    if column.role in SCORE_ROLES and not is_blank(item) and parse_number(item) is None:
        penalty += 2.0
    if a > 0 and not is_blank(item):
        previous = items[a - 1].rstrip()
        if _CONTINUATION_START.match(item) or previous.endswith((":", ",", ";")):
            penalty += 1.0
    return penalty
