"""Appendix tables into rows: numbered IDs, hierarchy, exact scores, tasks and lead units.

Works on the full grid of a ``Table`` (spans expanded), whatever form the page came in.
Header rows are the rows above the first numbered row; columns get roles from their words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from extract.columns import Column, breakdown_label, map_columns, role_of
from extract.numbering import (
    BULLET_STYLES,
    GROUP_NAME_WORDS,
    STYLE_RANK,
    UNNUMBERED,
    Label,
    as_letter_after,
    column_label_run,
    fused_label,
    label_kind,
    names_kind,
    next_sibling,
    opens_numbering,
    ordinal,
    parse_label,
    restarts_under,
    steps_after,
)
from extract.page import Cell, Table
from extract.settings import (
    BREAKDOWN_WORDS,
    BULLET,
    CODE_HEADER,
    DOTTED_PROCEDURE_CODE,
    GROUP_TOTAL_ROW,
    PART_TOTAL_ROW,
    SCORE_ROLES,
    TOTAL_ROW,
    UNIT_LINE,
    UNIT_ROLES,
    goes_on_into,
)
from extract.units import split_units
from normalize.clean import FieldLocation, TextCleaner
from normalize.numbers import is_dot_decimal, is_no_value, parse_number, parse_score, rounds_to, writes_comma_thousands
from normalize.text import fold, fold_aligned, is_blank
from schemas.tables import FIGURE, SCORE, fits


@dataclass
class Finding:
    code: str
    severity: str
    location: str
    message: str
    row_id: str | None = None
    column: str | None = None
    expected: str | None = None
    actual: str | None = None


#: What the header of a cell of a row without a number ends with in appendix_cells.
UNNUMBERED_ROW = " (unnumbered row)"


@dataclass
class AppendixRow:
    values: dict[str, object]  # column name -> value, as in schemas.APPENDIX_ROWS
    printed: dict[str, str]  # score role -> cell text as printed (for rounding tolerance)
    label: Label


@dataclass
class Appendix:
    index: int
    label: str | None
    title: str | None
    reference: str | None  # "(Ban hành kèm theo Kế hoạch số: 435/KH-UBND ...)"
    columns: list[Column]
    rows: list[AppendixRow] = field(default_factory=list)
    cells: list[dict[str, object]] = field(default_factory=list)
    totals: dict[str, Decimal | None] = field(default_factory=dict)
    totals_printed: dict[str, str] = field(default_factory=dict)
    totals_seen: bool = False
    totals_part: bool = False  # the last total row sums a part ("Cộng") after numbered rows
    subtotals: int = 0  # total rows followed by more rows (their cells' row_id: "subtotal N")
    totals_span: tuple[int, int] = (0, 0)  # the rows (indexes into ``rows``) the last total row closes
    totals_names: str | None = None  # the group the last total row names ("Cộng II": "ii"): never the total
    #: each subtotal: its name ("subtotal 1"), the rows it closes, its figures and as printed,
    #: and the group it names
    subtotal_checks: list[tuple[str, tuple[int, int], dict[str, Decimal | None], dict[str, str], str | None]] = field(
        default_factory=list
    )
    dot_decimals: set[str] = field(default_factory=set)  # score roles written "1.75", not "1,75"
    money_unit: bool = False  # the line above the table says its figures are money ("ĐVT: triệu đồng")
    comma_thousands: frozenset[int] = frozenset()  # columns written "1,125.5": "1,500" is 1500 there
    #: (row_id, column index) of cells a rowspan copied down from the row above: one figure, not two
    merged_copies: set[tuple[str, int]] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    #: column headers as printed -> as output in appendix_cells, where the cleaning changed them
    #: ("Kinh phí (triu đồng)" -> "Kinh phí (triệu đồng)"): findings name a column as its cells do
    output_headers: dict[str, str] = field(default_factory=dict)


def header_row_count(table: Table) -> int:
    """Rows above the first row whose first cell is a row number (column-number rows skipped),
    a group title with its number spanning the row ("I. CÔNG TÁC TRUYỀN THÔNG"), or a total
    row printed above the rows ("TỔNG SỐ | | 1.285.400")."""
    for i, row in enumerate(table.rows):
        if not row or is_column_number_row(row):
            continue
        if parse_label(row[0].text) is not None or _spanning_group_title(row):
            return i
        if i > 0 and (found := _NUMBER_IN_TEXT.match(row[0].text.strip())) and found.group("label") == "1":
            return i  # "1. Bổ sung ..." in the first cell: see numbered_in_first_column
        if i > 0 and _is_total_row(row) and any(parse_number(c.text) is not None for c in row[1:]):
            return i
        if (
            i > 0
            and _title_across(row)
            and _header_above(table.rows[:i])
            and (
                _numbered_after(table.rows, i)
                # "- Lĩnh vực Tư pháp" over "1. Rà soát ..." numbered in the first cell; not
                # "Đơn vị tính: triệu đồng", the header's last line there
                or (
                    _numbered_after(table.rows, i, in_text=True)
                    and not UNIT_LINE.match(fold(row[_own_texts(row)[0]].text))
                )
            )
        ):
            return i  # "Nhiệm vụ chung" across the table between the header and row 1
    return len(table.rows)


def title_rows_split(table: Table) -> tuple[list[str], Table]:
    """The lines printed across the table above its header ("PHỤ LỤC", "Đơn vị tính: triệu
    đồng", each one cell spanning the table), and the table without them: they head the
    appendix (its label and title, the document's annex_text), not its columns."""
    count = 0
    for row in table.rows:
        if _own_texts(row) != [0] or parse_label(row[0].text) is not None or row[0].span_origin is not None:
            break
        if not all(_horizontal_copy(row, col) for col in range(1, len(row))):
            break
        count += 1
    rows = table.rows
    if not count or count >= len(rows) or len(_own_texts(rows[count])) < 2 or parse_label(rows[count][0].text):
        return [], table
    if any(c.span_origin is not None and c.span_origin[0] < count for row in rows[count:] for c in row):
        return [], table

    def moved(cell: Cell) -> Cell:
        origin = cell.span_origin
        return cell if origin is None else Cell(cell.paragraphs, (origin[0] - count, origin[1]))

    lines = [p.strip() for row in rows[:count] for p in row[0].paragraphs if p.strip()]
    body = tuple(tuple(moved(c) for c in row) for row in rows[count:])
    return lines, Table(rows=body, bordered=table.bordered, row_notes=table.row_notes)


def _own_texts(row: Sequence[Cell]) -> list[int]:
    """Columns of the row's cells whose text stands there (not a copy made by a span)."""
    return [col for col, c in enumerate(row) if c.span_origin is None and not c.is_empty]


def _title_across(row: Sequence[Cell]) -> bool:
    """One text across the row (after at most an empty first cell), the rest blank or its colspan."""
    own = _own_texts(row)
    if len(own) != 1 or own[0] > 1:
        return False
    start = own[0]
    if start == 1 and (row[0].span_origin is not None or len(row) < 3):
        return False
    return all(
        _horizontal_copy(row, col) or (row[col].is_empty and row[col].span_origin is None)
        for col in range(start + 1, len(row))
    )


def _numbered_after(rows: Sequence[Sequence[Cell]], i: int, *, in_text: bool = False) -> bool:
    """The next row that is not one text across starts with a row number (``in_text``: or with
    "1." before its text, "1. Rà soát ...", a table numbered in its first cells)."""
    for row in rows[i + 1 :]:
        if not row or _title_across(row):
            continue
        found = _NUMBER_IN_TEXT.match(row[0].text.strip()) if in_text else None
        return parse_label(row[0].text) is not None or (found is not None and found.group("label") == "1")
    return False


def _header_above(rows: Sequence[Sequence[Cell]]) -> bool:
    """Some row above holds two or more headers of its own (a title row alone is no header)."""
    return any(len(_own_texts(row)) >= 2 for row in rows)


def _spanning_group_title(row: Sequence[Cell]) -> bool:
    """ "I. TITLE" in one cell across the row (a colspan): the first row of a group, not a header."""
    if fused_label(row[0].text, names=True) is None:
        return False
    return all(_horizontal_copy(row, col) or row[col].is_empty for col in range(1, len(row)))


def is_column_number_row(row: Sequence[Cell]) -> bool:
    """A row "1 2 3 4 ...", "(1) (2) (3)" or "A B C 1 2 3=2/1" under the header that numbers the
    columns; bracketed numbers may leave a column blank ("(1) | (2) | (3) | (4) |")."""
    texts = [c.text for c in row if c.span_origin is None]
    if len(texts) >= 3 and column_label_run(texts) == len(texts):
        return True
    filled = [t.strip() for t in texts if t.strip()]
    return len(filled) >= 3 and all(t.startswith("(") for t in filled) and column_label_run(filled) == len(filled)


def _repeats_header(row: Sequence[Cell], header_rows: Sequence[Sequence[Cell]]) -> bool:
    """A header row printed again inside the table (Word repeats it on each page)."""
    texts = [fold(c.text).strip() for c in row]
    if sum(1 for t in texts if t) < 2:
        return False
    for header in header_rows:
        printed = [fold(c.text).strip() for c in header]
        if len(printed) == len(texts) and all(not t or t == h for t, h in zip(texts, printed, strict=True)):
            return True
    return False


#: Lower headers that are columns of their own, never under the parent to their left
#: ("Mục tiêu năm 2023 | | " over "Số lượng | Tỷ lệ (%) | Thời gian hoàn thành").
_OWN_COLUMNS = frozenset(
    {"id", "name", "tasks", "lead_units", "coordinating_units", "deadline", "product", "unit", "note"}
)


def column_headers(table: Table, header_rows: int) -> list[str]:
    """Two-level headers joined top-down with " / ", spans counted once."""
    width = max((len(r) for r in table.rows), default=0)
    rows = [r for r in table.rows[:header_rows] if not is_column_number_row(r)]
    texts = [
        [" ".join(p.strip() for p in r[col].paragraphs if p.strip()) if col < len(r) else "" for col in range(width)]
        for r in rows
    ]
    # a parent printed once over its sub-columns, the cells to its right left empty (GitHub
    # tables, tab dumps: "Điểm | | " over "Tối đa | Đạt được | Tự chấm"): it heads them too
    for upper, lower in zip(texts, texts[1:], strict=False):
        for col in range(1, width):
            own = role_of(lower[col]) if lower[col] else "other"
            if not upper[col] and upper[col - 1] and lower[col] and lower[col - 1] and own not in _OWN_COLUMNS:
                upper[col] = upper[col - 1]
    headers: list[str] = []
    for col in range(width):
        parts: list[str] = []
        for row in texts:
            if row[col] and row[col] not in parts:
                parts.append(row[col])
        headers.append(" / ".join(parts))
    return headers


def number_column_first(table: Table) -> Table:
    """The table with its number column first, when a column of group labels stands before it
    ("Lĩnh vực | TT | Nội dung ...": a rowspan naming the rows of each field). A second or third
    column whose filled cells are nearly all row numbers (two at least), beside a first column
    with hardly any, is moved to the front; the columns before it go last (the rows keep their own
    name column), in their order."""
    for k in (1, 2):
        header = next((row[k].text for row in table.rows if len(row) > k and not row[k].is_empty), "")
        if role_of(header) != "id" or fold(header).strip(" .") == "thu tu":  # "TT", "STT": not counts,
            continue  # scores ("Điểm tối đa") or an order of priority ("Thứ tự")
        numbers = [parse_label(row[k].text) is not None for row in table.rows if len(row) > k and not row[k].is_empty]
        firsts = [parse_label(row[0].text) is not None for row in table.rows if row and not row[0].is_empty]
        if sum(numbers) >= 2 and sum(numbers) * 10 >= len(numbers) * 6 and sum(firsts) * 5 <= len(firsts):
            order = [k, *range(k + 1, max(len(r) for r in table.rows)), *range(k)]
            moved = {old: new for new, old in enumerate(order)}
            rows = tuple(tuple(_moved_cell(row[old], moved) for old in order if old < len(row)) for row in table.rows)
            return Table(rows=rows, bordered=table.bordered, row_notes=table.row_notes)
    return table


def _moved_cell(cell: Cell, moved: dict[int, int]) -> Cell:
    if cell.span_origin is None:
        return cell
    r, c = cell.span_origin
    return Cell(paragraphs=cell.paragraphs, span_origin=(r, moved.get(c, c)))


def is_appendix_table(table: Table) -> bool:
    table = number_column_first(table)
    rows = header_row_count(table)
    if rows >= len(table.rows) or rows == 0:
        return False
    columns = map_columns(column_headers(table, rows))
    return len(columns) >= 2 and (
        columns[0].role == "id" or numbered_in_first_column(table, rows) or labels_in_first_column(table, rows, columns)
    )


def labels_in_first_column(table: Table, header_rows: int, columns: list[Column]) -> bool:
    """A first column of row numbers under a header that names them ("Tiêu chí/Chỉ số" over
    "Tiêu chí 1", "Chỉ số 1.1"), beside another column that names the rows: the number column.
    Two numbered rows at least, and nearly every filled first cell a row number."""
    if columns[0].role == "id" or not any(c.role in ("name", "tasks") for c in columns[1:]):
        return False
    firsts = [row[0].text for row in table.rows[header_rows:] if row and not row[0].is_empty]
    kinds = [kind for text in firsts if (kind := label_kind(text)) is not None]
    named = sum(names_kind(columns[0].header, kind) for kind in set(kinds))
    return named > 0 and len(kinds) >= 2 and len(kinds) * 10 >= len(firsts) * 8


#: "1. Bổ sung 120 biên chế giáo viên": a row number written at the start of the first cell.
_CAPITALS = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_NUMBER_IN_TEXT = re.compile(
    rf"^(?P<label>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}(?=[.)]\s+[{_CAPITALS}])|\d{{1,2}}|[IVX]{{1,4}}|[a-zđ])[.)]\s+(?P<text>\S.*)$",
    re.DOTALL,
)  # and its sub-rows' "1.1. Kế hoạch CCHC" (a name opens in a capital: not "1.5. triệu đồng")


def _unnumbered_titles(
    body: Sequence[Sequence[Cell]], columns: Sequence[Column], header_rows: Sequence[Sequence[Cell]]
) -> set[int]:
    """Rows of the body that title a group without a number ("Lĩnh vực Hộ tịch" across the row,
    then rows 1, 2; "Lĩnh vực Chứng thực", then 1, 2 again): a lone text of words right above a
    row "1". Only when the numbering starts again at 1 under such a title after numbered rows of
    the same group (not under "b)", "II."): then the titles are what tells the rows apart (else
    rows 1 and 2 twice, the titles cells of the rows above); a table numbered once through keeps
    its lone lines as they were."""
    name_at = next((c.index for c in columns if c.role == "name"), None)
    if name_at is None:
        return set()
    titles: set[int] = set()
    restarts = False
    numbered = False  # a top-level number since the last part ("I.", "A.")
    pending: int | None = None  # a title candidate waiting for the next numbered row
    last_name = ""  # the name cell of the last row read
    for k, row in enumerate(body):
        if is_column_number_row(row) or _repeats_header(row, header_rows):
            continue
        following = body[k + 1][0].text if k + 1 < len(body) and body[k + 1] else None
        cells, label = _row_cells(row, columns, group_follows=opens_numbering(following))
        name_above, last_name = last_name, cells[name_at].text
        if label is None:
            # a title across the table, or a lone cell that is not the rest of the name above
            # ("... theo quy định của" / "Luật Hộ tịch năm 2014")
            lone = _title_row(cells, name_at) and (_spans_row(row) or not goes_on_into(name_above))
            pending = k if lone else None
            continue
        if label.style in ("roman", "upper_letter", "lower_letter"):
            numbered = False  # a numbered group ("b) Lĩnh vực Xây dựng") numbers its rows from 1
        elif label.style == "decimal" and "." not in label.key:
            # over rows numbered on ("Lĩnh vực Chứng thực" over 3, 4) only a title across the
            # table: a lone cell there is more often the rest of the row above ("UBND tỉnh")
            if pending is not None and (label.key == "1" or _spans_row(body[pending])):
                titles.add(pending)
                restarts = restarts or (label.key == "1" and numbered)
            numbered = True
        pending = None
    return titles if restarts else set()


def _spans_row(row: Sequence[Cell]) -> bool:
    """One text from the first column across the whole row (a colspan), or a dump's line of one
    cell: not a lone cell among blank ones, which may be the rest of the row above."""
    return bool(row) and not row[0].is_empty and all(_horizontal_copy(row, col) for col in range(1, len(row)))


def _title_row(cells: Sequence[Cell], name_at: int) -> bool:
    """One text of words in the row, in its first or name column, opening in a capital, no
    total, breakdown, unit, note or repeated title ("Lĩnh vực Hộ tịch", not "Tổng cộng", "Trong
    đó:", "Đơn vị tính: triệu đồng", "Ghi chú: ...", "... (tiếp theo)", a sentence ending in a
    full stop, nor the rest of a name wrapped onto a row of its own, "lưu động tại nhà")."""
    filled = [i for i, c in enumerate(cells) if not c.is_empty]
    if len(filled) != 1 or filled[0] not in (0, name_at) or _is_total_row(cells) or _breakdown_line(cells):
        return False
    text = BULLET.sub("", cells[filled[0]].text.strip())
    folded = fold(text)
    return (
        _title_text(text)
        and text[:1].isupper()
        and len(text.split()) <= _TITLE_WORDS
        and not text.endswith((".", ":"))
        and not _NOTE_TEXT.match(folded)
        and not UNIT_LINE.match(folded)
        and "tiep theo" not in folded
    )


#: Words of a group's title without a number, at most ("Lĩnh vực Giáo dục nghề nghiệp và giáo dục
#: thường xuyên"); a longer lone line is a note or a remainder of the row above.
_TITLE_WORDS = 16


def _as_title(cells: list[Cell], columns: Sequence[Column]) -> tuple[list[Cell], Label]:
    """The row of an unnumbered group's title with its text in the name column (a dump prints it
    in the first cell, under "STT"), and its label: none, or the bullet it is printed after
    ("- Lĩnh vực Tư pháp")."""
    name_at = next(c.index for c in columns if c.role == "name")
    text_at = next(i for i, c in enumerate(cells) if not c.is_empty)
    cells = list(cells)
    title = cells[text_at]
    bullet = BULLET.match(title.text)
    if bullet:
        title = Cell((title.text[bullet.end() :],))
    cells[text_at] = cells[name_at]
    cells[name_at] = title
    return cells, Label(bullet.group().strip() if bullet else "", UNNUMBERED, "#")


def _first_column_names(columns: list[Column]) -> list[Column]:
    """A table numbered in its first cells ("1. Tổng thu ngân sách"): the first column names
    the rows (no other column does)."""
    named = [Column(c.index, c.header, "other" if c.role == "name" else c.role, c.year) for c in columns]
    first = named[0]
    return [Column(first.index, first.header, "name", first.year), *named[1:]]


def numbered_in_first_column(table: Table, header_rows: int) -> bool:
    """A table without a number column whose rows start their first cell with 1., 2., 3. ...
    (in sequence, two rows at least, maybe from 1 again under each group: "I. CẢI CÁCH THỂ CHẾ",
    1, 2, "II. CẢI CÁCH TTHC", 1): the numbers are the rows' numbers."""
    numbers = []
    restarts_under_groups = True  # every "1" after the first comes after a group's title
    group_since = False
    for row in table.rows[header_rows:]:
        found = _NUMBER_IN_TEXT.match(row[0].text.strip()) if row else None
        label = parse_label(found.group("label")) if found else None
        titled = row and not row[0].is_empty and not _bullet_note(row[0].text)  # not "- Trong đó ..."
        if titled and (label is None or label.style != "decimal"):
            group_since = True  # a group's title: "II. CẢI CÁCH TTHC", "LĨNH VỰC NỘI VỤ", "b) Nhóm ..."
        if label is not None and label.style == "decimal" and "." not in label.key:
            number = int(label.key)
            if numbers and number != numbers[-1] + 1 and not (number == 1 and group_since):
                restarts_under_groups = False
            numbers.append(number)
            group_since = False
    in_sequence = numbers[:3] == list(range(1, min(3, len(numbers)) + 1))
    restarting = numbers[:1] == [1] and 2 in numbers and restarts_under_groups
    return len(numbers) >= 2 and (in_sequence or restarting)


def build_appendix(
    table: Table,
    *,
    index: int,
    label: str | None,
    title: str | None,
    reference: str | None,
    doc_id: str,
    first_position: int,
    cleaner: TextCleaner,
    issued_year: int | None = None,
) -> Appendix:
    """One appendix table into rows (``first_position`` numbers them on from earlier tables;
    ``issued_year``, the document's, tells which of several years' results is the achieved score)."""
    header_rows = header_row_count(table)
    rows = table.rows[header_rows:]
    columns = map_columns(column_headers(table, header_rows), issued_year)
    if columns[0].role != "id" and labels_in_first_column(table, header_rows, columns):
        # the roles as under an "STT" header (the next naming column names the rows)
        renamed = map_columns(["STT", *(c.header for c in columns[1:])], issued_year)
        columns = [Column(0, columns[0].header, "id", None), *renamed[1:]]
    elif columns[0].role != "id" and numbered_in_first_column(table, header_rows):
        columns = _first_column_names(columns)
    columns = _name_from_text(rows, _demote_non_numeric_score_columns(rows, columns))
    body = _fold_spanned_rows(rows, header_rows)
    appendix = Appendix(
        index,
        label,
        title,
        reference,
        columns,
        dot_decimals=_dot_decimal_roles(body, columns),
        comma_thousands=_comma_thousands_columns(body, columns),
    )
    tree = _Hierarchy(appendix)
    flat = _flat_inner_bullets(body, columns, table.rows[:header_rows], appendix.dot_decimals)
    titles = _unnumbered_titles(body, columns, table.rows[:header_rows])
    after_total = in_breakdown = False  # right after a total row; in its breakdown ("Trong đó:")
    for k, row in enumerate(body):
        if is_column_number_row(row) or _repeats_header(row, table.rows[:header_rows]):
            continue
        following = body[k + 1][0].text if k + 1 < len(body) and body[k + 1] else None
        group_head = opens_numbering(following) or (bool(row) and tree.next_group(row[0].text))
        cells, label_obj = _row_cells(row, columns, group_follows=group_head)
        if k in titles and label_obj is None:
            cells, label_obj = _as_title(cells, columns)
        if (after_total or in_breakdown) and (label_obj is None or label_obj.style in BULLET_STYLES):
            # "Tổng cộng | 200" then "Trong đó:", "- Ngân sách tỉnh | 150": the total's breakdown,
            # not rows under the last numbered row
            in_breakdown = in_breakdown or _breakdown_line(cells)
            after_total = False
            if in_breakdown:
                _keep_unnumbered(appendix, cells, columns, cleaner, doc_id, under_total=True)
                continue
        after_total = in_breakdown = False
        if label_obj is None:
            if _is_total_row(cells):
                _read_totals(appendix, cells, columns, cleaner, doc_id)
                after_total = True
            elif any(not c.is_empty for c in cells):
                below = body[k + 1] if k + 1 < len(body) else ()
                # the cells of this row that a rowspan carries down into the next row
                spans_down = frozenset(  # a copy below in the same column: a rowspan, not a colspan
                    i
                    for i, c in enumerate(below)
                    if c.span_origin is not None
                    and c.span_origin[1] == i
                    and i < len(row)
                    and row[i].span_origin is None
                )
                _keep_unnumbered(appendix, cells, columns, cleaner, doc_id, spans_down)
            continue
        if appendix.totals_part:  # "Cộng" then row 3, "Cộng I" then group II: it was a subtotal
            _as_subtotal(appendix, cleaner)
        label_obj = tree.disambiguate(label_obj)
        scored = any(not cells[c.index].is_empty for c in columns if c.role in SCORE_ROLES and c.index < len(cells))
        if label_obj.style == "lower_letter" and label_obj.key == "a":
            tree.first_letter = _FirstLetter(
                goes_on=_next_letter_follows(body, k),
                scored=scored,
                sentence=_sentence(" ".join(c.text for c in cells[1:] if not c.is_empty)),
            )
        under_note = label_obj.key == "1" and scored and tree.first_letter.is_note()
        row_id, parent_id, level = tree.place(label_obj, flat=k in flat, under_note=under_note)
        position = first_position + len(appendix.rows)
        values: dict[str, object] = {
            "doc_id": doc_id,
            "appendix_index": index,
            "appendix_label": label,
            "appendix_title": title,
            "position": position,
            "row_id": row_id,
            "row_label": label_obj.printed,
            "parent_id": parent_id,
            "level": level,
            "numbering": label_obj.style,
        }
        values.update(_text_fields(cells, columns, cleaner, row_id))
        printed = _score_fields(appendix, cells, columns, cleaner, row_id, values)
        appendix.cells.extend(_other_cells(cells, columns, cleaner, values, appendix.comma_thousands))
        appendix.merged_copies.update((row_id, c.index) for c in columns if _vertical_copy(cells, c.index))
        appendix.rows.append(AppendixRow(values, printed, label_obj))
    if appendix.totals_seen and appendix.totals_names is not None:  # the table ends on "Cộng II": no grand total
        _as_subtotal(appendix, cleaner, "A total row names its group")
    _clean_output_headers(appendix, cleaner)
    return appendix


def _clean_output_headers(appendix: Appendix, cleaner: TextCleaner) -> None:
    """The headers output as text (appendix_cells.column_header) are cleaned and repaired as any
    field, each once ("Kinh phí (triệu đng)"); a column's role was read damage-tolerant from the
    header as printed, and a header no cell is output under is left alone."""
    where = FieldLocation("appendix_cells", "column_header")
    cleaned: dict[str, str] = {}
    for cell in appendix.cells:
        header = str(cell["column_header"])
        if header not in cleaned:
            cleaned[header] = cleaner.clean(header, where) or header
            if cleaned[header] != header:  # the cells' repairs name the column as it is output
                cleaner.rename_column("appendix_cells", header, cleaned[header])
                appendix.output_headers[header] = cleaned[header]
        cell["column_header"] = cleaned[header]


@dataclass(frozen=True)
class _Scored:
    """A row as the bullet pre-pass sees it: its index in the body, label, scores as printed."""

    index: int
    label: Label | None
    printed: dict[str, str]
    scores: dict[str, Decimal | None]


def _flat_inner_bullets(
    body: Sequence[Sequence[Cell]],
    columns: Sequence[Column],
    header_rows: Sequence[Sequence[Cell]],
    dot_decimals: set[str],
) -> set[int]:
    """Rows of the inner bullet ("+" after "-") that the scores say are siblings of the outer one.

    "+" right after "-" is a sub-item by convention, and most tables add up that way. Some use
    the two marks for one list ("- 4", "+ 3", "- 3" under a row of 10): read nested, the parent
    and each "-" give a false sum_mismatch. So a run of bullets under a numbered row is read flat
    only when the figures decide it: in every score column where the parent and all the run's
    rows have a figure, the whole run adds up to the parent, and in none do the nested sums hold.
    """
    styles = {label.style for row in body if row and (label := parse_label(row[0].text)) is not None}
    if not BULLET_STYLES.issubset(styles):  # one kind of bullet or none (most tables): nothing to decide
        return set()
    rows: list[_Scored] = []
    for k, row in enumerate(body):
        if is_column_number_row(row) or _repeats_header(row, header_rows):
            continue
        cells, label = _row_cells(row, columns)
        printed = {c.role: cells[c.index].text.strip() for c in columns if c.role in SCORE_ROLES}
        scores = {role: parse_score(text, role in dot_decimals) if text else None for role, text in printed.items()}
        rows.append(_Scored(k, label, printed, scores))
    bullets = [r.label.style for r in rows if r.label is not None and r.label.style in BULLET_STYLES]
    if len(set(bullets)) < 2:
        return set()
    outer = bullets[0]
    flat: set[int] = set()
    parent: _Scored | None = None
    run: list[_Scored] = []
    for row in [*rows, _Scored(-1, None, {}, {})]:  # a last unlabelled row closes the last run
        if row.label is not None and row.label.style in BULLET_STYLES:
            run.append(row)
            continue
        if parent is not None and run and run[0].label.style == outer and _adds_up_flat(parent, run, outer):
            flat.update(r.index for r in run if r.label.style != outer)
        parent, run = (row if row.label is not None else None), []
    return flat


def _adds_up_flat(parent: _Scored, run: Sequence[_Scored], outer: str) -> bool:
    """Do the figures read the run of bullets under ``parent`` as one flat list (see above)?"""
    if all(r.label.style == outer for r in run):
        return False
    checked = [
        role
        for role, value in parent.scores.items()
        if value is not None and all(r.scores.get(role) is not None for r in run)
    ]
    if not checked:
        return False
    for role in checked:
        printed = parent.printed[role]
        if not rounds_to(sum((r.scores[role] for r in run), Decimal(0)), printed):
            return False  # the flat reading does not add up either
        outers = [r for r in run if r.label.style == outer]
        nested = rounds_to(sum((r.scores[role] for r in outers), Decimal(0)), printed)
        for i, r in enumerate(run):
            if r.label.style != outer:
                continue
            inner = list(itertools.takewhile(lambda x: x.label.style != outer, run[i + 1 :]))
            if inner:
                total = sum((x.scores[role] for x in inner), Decimal(0))
                nested = nested and rounds_to(total, r.printed[role])
        if nested:
            return False  # the nested sums hold too: the convention stands
    return True


def _fold_spanned_rows(rows: Sequence[Sequence[Cell]], offset: int) -> list[tuple[Cell, ...]]:
    """A row whose number cell is a rowspan copy from the row above is that row's second line
    ("2 | Rà soát văn bản" spanning two lines, one per lead unit): its cells join the row's
    cells as more paragraphs, so the row is read once. Not when a column of figures would get
    two values ("%" and "hộ" under one indicator): those lines are kept as rows (and reported
    as a repeated number)."""
    figures = _figure_columns(rows)
    folded: list[tuple[Cell, ...]] = []
    for k, row in enumerate(rows):
        origin = row[0].span_origin if row else None
        if folded and origin is not None and origin[0] < offset + k and origin[1] == 0:
            merged = _merge_lines(folded[-1], row, figures)
            if merged is not None:
                folded[-1] = merged
                continue
        folded.append(tuple(row))
    return folded


def _merge_lines(above: Sequence[Cell], row: Sequence[Cell], figures: set[int]) -> tuple[Cell, ...] | None:
    cells = list(above)
    for col, cell in enumerate(row):
        if col >= len(cells) or cell.span_origin is not None or cell.is_empty:
            continue
        if col in figures and not cells[col].is_empty:
            return None
        cells[col] = Cell(cells[col].paragraphs + cell.paragraphs, cells[col].span_origin)
    return tuple(cells)


def _figure_columns(rows: Sequence[Sequence[Cell]]) -> set[int]:
    """Columns whose filled cells are mostly figures (or "-")."""
    counts: dict[int, list[int]] = {}
    for row in rows:
        for col, cell in enumerate(row[1:], start=1):
            if cell.span_origin is None and not cell.is_empty:
                filled = counts.setdefault(col, [0, 0])
                filled[0] += 1
                filled[1] += (parse_number(cell.text) is not None or is_no_value(cell.text)) and not _YEAR.match(
                    cell.text.strip()
                )
    return {col for col, (filled, numbers) in counts.items() if numbers * 2 > filled}


_YEAR = re.compile(r"^(19|20)\d\d$")  # "2024" in a deadline column is a time, not a figure


def _row_cells(
    row: Sequence[Cell], columns: Sequence[Column], *, group_follows: bool = False
) -> tuple[list[Cell], Label | None]:
    """The row's cells (colspan copies blanked; a text spanning the name column from a column
    before it is the name) and its label, split off "I. TITLE" if fused ("A. Vi sinh vật" too
    when the next row opens a numbering: a group head)."""
    cells = list(row) + [Cell()] * (len(columns) - len(row))
    spanned = list(cells)
    cells = [Cell() if _horizontal_copy(cells, col) else cell for col, cell in enumerate(cells)]
    for name in (c for c in columns if c.role == "name" and c.index < len(spanned)):
        origin = spanned[name.index].span_origin
        if _horizontal_copy(spanned, name.index) and origin is not None and origin[1] >= 1:
            # "I | THỦ TỤC CẤP TỈNH" spanning "Mã TTHC" and the name: the title names the row
            cells[name.index], cells[origin[1]] = cells[origin[1]], Cell()
    name_at = next((c.index for c in columns if c.role == "name"), 0)
    filled = [col for col in range(1, len(cells)) if not cells[col].is_empty]
    if len(filled) == 1 and 0 < filled[0] < name_at and _title_text(cells[filled[0]].text):
        # "I | THỦ TỤC CẤP TỈNH | | |" in a dump under STT | Mã TTHC | Tên thủ tục: the name
        cells[name_at], cells[filled[0]] = cells[filled[0]], Cell()
    label = parse_label(cells[0].text)
    fused = fused_label(cells[0].text, names=group_follows) if label is None else None
    if fused is None and label is None and columns[0].role != "id":
        found = _NUMBER_IN_TEXT.match(cells[0].text.strip())  # "1. Bổ sung ..." with no number column
        # the label as printed ("1.", "a)"), its mark included
        fused = (found.string[: found.start("text")].strip(), found.group("text")) if found else None
    names = [c for c in columns if c.role == "name"]
    if fused and names:  # "I. TITLE" in one cell spanning the row
        label = parse_label(fused[0])
        cells[0] = Cell((fused[0],))
        cells[names[0].index] = Cell((fused[1],))
    return cells, label


def _a_count(said: str) -> bool:
    """What a total row's label says beyond the word is a count ("05 thủ tục", "02TTHC"), not a
    formula ("(1+2)", "= I + II")."""
    return any(ch.isdigit() for ch in said) and not any(ch in "+=" for ch in said)


def _title_text(text: str) -> bool:
    """Words, not a code or a figure ("Lĩnh vực Đất đai", not "1.004227" nor "x")."""
    return parse_number(text) is None and sum(word.isalpha() for word in text.split()) >= 2  # not "CT 02"


def _text_fields(
    cells: Sequence[Cell], columns: Sequence[Column], cleaner: TextCleaner, row_id: str
) -> dict[str, object]:
    values: dict[str, object] = {}
    tasks_in_name = not any(c.role == "tasks" for c in columns)
    for column in columns:
        where = FieldLocation("appendix_rows", column.role, row_id)
        cell = cells[column.index]
        if column.role == "name" and tasks_in_name and _listed(cell):
            # no tasks column, and the name is a heading line then its list ("Triển khai học bạ số:",
            # "+ Cấp THPT: 100% trường;"): the list items are the row's tasks
            # (their repairs are located in the tasks, where the words end up)
            first = next(i for i, paragraph in enumerate(cell.paragraphs) if paragraph.strip())
            head = cleaner.clean(cell.paragraphs[first], where)
            items = cleaner.clean_paragraphs(cell.paragraphs[first + 1 :], replace(where, column="tasks"))
            values["name"] = head
            values["tasks"] = [b for b in (BULLET.sub("", p) for p in items) if b]
        elif column.role == "name":
            values["name"] = cleaner.clean(cell.text, where)
        elif column.role in ("deadline", "product", "unit", "note"):
            values[column.role] = "\n".join(cleaner.clean_paragraphs(cell.paragraphs, where)) or None
        elif column.role == "tasks":
            bullets = (BULLET.sub("", p) for p in cleaner.clean_paragraphs(cell.paragraphs, where))
            values["tasks"] = [b for b in bullets if b]
        elif column.role in UNIT_ROLES:
            paragraphs = cleaner.clean_paragraphs(cell.paragraphs, where)
            joint = column.role == "lead_units" and not any(c.role == "coordinating_units" for c in columns)
            both = _lead_and_coordinating(paragraphs) if joint else None
            if both is not None:
                values["lead_units"], values["coordinating_units"] = split_units(both[0]), split_units(both[1])
            else:
                values[column.role] = split_units(paragraphs)
                if joint and "phoi hop" in fold(column.header):  # "Cơ quan chủ trì, phối hợp"
                    values["coordinating_units"] = []
    return values


#: "Chủ trì: Sở Tư pháp", "Phối hợp: Các sở, ngành" in one "Cơ quan chủ trì, phối hợp" cell.
_ROLE_LABEL = re.compile(
    r"(?i)(?:\b(?:các\s+)?(?:cơ quan|đơn vị)(?:\s*,\s*(?:cơ quan|đơn vị))*\s+)?\b(chủ trì|phối hợp)\s*:\s*"
)
#: "Sở Tư pháp chủ trì, Văn phòng UBND tỉnh phối hợp": each unit followed by its part.
_ROLE_AFTER = re.compile(r"(?i)\s*(.+?)\s+(chủ trì|phối hợp)\s*(?:[,;.]\s*|$)")


def _lead_and_coordinating(paragraphs: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """A units cell that says which unit leads and which coordinates (labels "Chủ trì:" and
    "Phối hợp:", or "X chủ trì, Y phối hợp"): (lead paragraphs, coordinating paragraphs), or
    None when it does not say both."""
    parts: dict[str, list[str]] = {"chủ trì": [], "phối hợp": []}
    for paragraph in paragraphs:
        pieces = _ROLE_LABEL.split(paragraph)
        if len(pieces) > 1:
            if pieces[0].strip(" ;,-"):
                parts["chủ trì"].append(pieces[0].strip(" ;,-"))
            for label, text in zip(pieces[1::2], pieces[2::2], strict=True):
                if text.strip(" ;,."):
                    parts[label.lower()].append(text.strip(" ;,."))
            continue
        found = list(_ROLE_AFTER.finditer(paragraph))
        if found and "".join(m.group(0) for m in found) == paragraph:
            for m in found:
                parts[m.group(2).lower()].append(m.group(1))
            continue
        parts["chủ trì"].append(paragraph)
    if not parts["phối hợp"] or not parts["chủ trì"]:
        return None
    # "Phối hợp: với Sở Tài chính" names a unit after "với"; "với ..." with a verb of the work is
    # a sentence ("Đoàn kiểm tra liên ngành" without "với" is a unit's name)
    coordinating = [_WITH.sub("", text) for text in parts["phối hợp"]]
    if any(_WITH.match(text) and _ACTION.search(fold(text)) for text in parts["phối hợp"]):
        return None
    return parts["chủ trì"], coordinating


_WITH = re.compile(r"(?i)^(với|cùng)\s+(sự tham gia của\s+)?")
#: Verbs of a sentence about the work, which a unit's name does not hold ("Phối hợp: với UBND
#: huyện tổ chức kiểm tra").
_ACTION = re.compile(r"\b(to chuc|thuc hien|trien khai|kiem tra|xay dung|huong dan|theo doi|bao cao)\b")


def _listed(cell: Cell) -> bool:
    """A heading paragraph followed by a list ("Phổ biến trên báo, đài:", "- Xây dựng ...")."""
    lines = [p for p in cell.paragraphs if p.strip()]
    if len(lines) < 2 or BULLET.match(lines[0]) or parse_label(lines[0].split(" ")[0]):
        return False  # a list with no heading line stays the name, as printed
    return all(BULLET.match(p) or parse_label(p.split(" ")[0]) for p in lines[1:])


def _score_fields(
    appendix: Appendix,
    cells: Sequence[Cell],
    columns: Sequence[Column],
    cleaner: TextCleaner,
    row_id: str,
    values: dict[str, object],
) -> dict[str, str]:
    """Scores as exact decimals (and their years) into ``values``; returns them as printed."""
    printed: dict[str, str] = {}
    for column in columns:
        if column.role not in SCORE_ROLES:
            continue
        text = cleaner.clean(cells[column.index].text, FieldLocation("appendix_rows", column.role, row_id)) or ""
        printed[column.role] = text
        values[column.role] = _score(appendix, text, row_id, column.role)
        if values[column.role] is not None and _vertical_copy(cells, column.index):
            appendix.findings.append(
                Finding(
                    "merged_cell_inferred",
                    "info",
                    f"appendix {appendix.index}, row {row_id}, column {column.role}",
                    f"Row {row_id}: {column.role} {text} is a cell merged down from a row above, printed once; "
                    "each row it spans carries it, and the sum checks count it once.",
                    row_id=row_id,
                    column=column.role,
                )
            )
        if values[column.role] is None and text and not is_no_value(text):
            # "≥ 87", "Trên 85": no number to give, so the cell is kept as printed
            appendix.cells.append(_cell_record(values, column, text, None))
        if column.role != "max_score":
            values[column.role.replace("_score", "_year")] = column.year
    return printed


def _other_cells(
    cells: Sequence[Cell],
    columns: Sequence[Column],
    cleaner: TextCleaner,
    row: dict[str, object],
    comma_thousands: frozenset[int] = frozenset(),
) -> list[dict[str, object]]:
    """Cells of columns without a role, one long-table row each, so that no cell is lost."""
    out: list[dict[str, object]] = []
    for column in columns:
        if column.role != "other":
            continue
        where = FieldLocation("appendix_cells", column.header, str(row["row_id"]))
        paragraphs = cleaner.clean_paragraphs(cells[column.index].paragraphs, where)
        text = "\n".join(paragraphs) or None
        figure = text is not None and len(paragraphs) == 1 and not _holds_codes(column, text)
        number = parse_number(text, column.index in comma_thousands) if figure else None
        if number is not None and not fits(number, FIGURE):
            number = None  # "0,1234567": more decimals than value_number keeps; the text has it
        out.append(_cell_record(row, column, text, number))
    return out


def _cell_record(row: dict[str, object], column: Column, text: str | None, number: Decimal | None) -> dict[str, object]:
    """One appendix_cells row: a cell of ``row`` under ``column``."""
    return {
        "doc_id": row["doc_id"],
        "appendix_index": row["appendix_index"],
        "row_id": row["row_id"],
        "position": row["position"],
        "column_index": column.index,
        "column_header": column.header,
        "value": text,
        "value_number": number,
    }


def _holds_codes(column: Column, text: str) -> bool:
    """A code, not a figure: a column of codes ("Mã TTHC") or a procedure code ("2.001611")."""
    return bool(CODE_HEADER.match(fold(column.header).strip()) or DOTTED_PROCEDURE_CODE.fullmatch(text.strip()))


def _horizontal_copy(cells: Sequence[Cell], col: int) -> bool:
    """A copy made by a colspan (the same cell seen again to the right), not a value."""
    origin = cells[col].span_origin
    return origin is not None and origin[1] < col  # its text stands in a column to the left


def _vertical_copy(cells: Sequence[Cell], col: int) -> bool:
    """A copy made by a rowspan (the cell of a row above seen again), not a figure of its own."""
    origin = cells[col].span_origin if col < len(cells) else None
    return origin is not None and origin[1] == col


def _score(appendix: Appendix, text: str, row_id: str, role: str) -> Decimal | None:
    if not text or is_no_value(text):
        return None
    value = parse_score(text, role in appendix.dot_decimals)
    if value is not None and not fits(value, SCORE):  # "1,23456": more decimals than a score keeps
        appendix.findings.append(
            Finding(
                "not_a_number",
                "warning",
                f"appendix {appendix.index}, row {row_id}, column {role}",
                f"Row {row_id}: the {role.replace('_', ' ')} cell says '{text}', more decimals than a score "
                f"holds ({SCORE.scale}); left empty rather than rounded.",
                row_id=row_id,
                column=role,
                actual=text,
            )
        )
        return None
    if value is None:
        appendix.findings.append(
            Finding(
                "not_a_number",
                "warning",
                f"appendix {appendix.index}, row {row_id}, column {role}",
                f"Row {row_id}: the {role.replace('_', ' ')} cell should hold a number but says '{text}'.",
                row_id=row_id,
                column=role,
                actual=text,
            )
        )
    return value


def _dot_decimal_roles(rows: Sequence[Sequence[Cell]], columns: Sequence[Column]) -> set[str]:
    """Score columns written with a decimal point and never a decimal comma."""
    roles = set()
    for column in columns:
        if column.role not in SCORE_ROLES:
            continue
        texts = [r[column.index].text.strip() for r in rows if column.index < len(r)]
        if any(is_dot_decimal(t) for t in texts) and not any("," in t for t in texts):
            roles.add(column.role)
    return roles


def _comma_thousands_columns(rows: Sequence[Sequence[Cell]], columns: Sequence[Column]) -> frozenset[int]:
    """Columns without a role whose figures are written English style ("1,125.5")."""
    return frozenset(
        c.index
        for c in columns
        if c.role == "other" and writes_comma_thousands([r[c.index].text for r in rows if c.index < len(r)])
    )


#: No score reaches this (what SCORE's whole digits allow): a column holding one holds amounts.
_NO_SCORE = Decimal(10) ** (SCORE.precision - SCORE.scale)


def _demote_non_numeric_score_columns(rows: Sequence[Sequence[Cell]], columns: list[Column]) -> list[Column]:
    """A 'Kết quả' column of text, or of figures no score reaches, is not a score column, nor a
    column of figures a tasks column ("Chỉ số năm 2021" after the name): they are kept as
    ordinary columns."""
    result = []
    for column in columns:
        if column.role in (*SCORE_ROLES, "tasks"):
            # a title across the table ("I | CHỈ TIÊU KINH TẾ" over the figures, colspan), or a mark over
            # the scores alone ("Không chấm điểm" over two), is no text of a score column
            texts = [
                r[column.index].text
                for r in rows
                if column.index < len(r)
                and not is_blank(r[column.index].text)
                and not (column.role in SCORE_ROLES and _spread_title_or_mark(r, column.index, columns))
            ]
            figures = [parse_score(t) for t in texts]
            numeric = sum(f is not None or is_no_value(t) for f, t in zip(figures, texts, strict=True))
            text_in_figures = column.role in SCORE_ROLES and texts and numeric * 2 < len(texts)
            # "Kết quả năm 2023" of an indicator table: 450.000.000 (triệu đồng) is no score
            beyond_scores = column.role in SCORE_ROLES and any(f is not None and abs(f) >= _NO_SCORE for f in figures)
            if text_in_figures or beyond_scores or (column.role == "tasks" and texts and numeric * 2 > len(texts)):
                column = Column(column.index, column.header, "other", column.year)
        result.append(column)
    return result


def _name_from_text(rows: Sequence[Sequence[Cell]], columns: list[Column]) -> list[Column]:
    """A name column whose cells are all figures ("Nhiệm vụ thẩm tra, thông qua": how many a type of
    document needs) names no row: the first column of text beside it ("Loại văn bản") does, and
    the figures stay a column of their own."""
    name = next((c for c in columns if c.role == "name"), None)
    if name is None:
        return columns

    def own_texts(col: int) -> list[str]:
        return [
            r[col].text
            for r in rows
            if col < len(r) and not is_blank(r[col].text) and (r[col].span_origin or (0, col))[1] == col
        ]

    def figure(text: str) -> bool:
        return parse_number(text) is not None or is_no_value(text)

    names = own_texts(name.index)
    if len(names) < 2 or not all(map(figure, names)):
        return columns
    for other in columns:
        texts = own_texts(other.index)
        if other.role != "other" or len(texts) * 5 < len(names) * 4:
            continue
        if sum(not figure(t) for t in texts) * 5 >= len(texts) * 4:
            swapped = {name.index: "other", other.index: "name"}
            return [Column(c.index, c.header, swapped.get(c.index, c.role), c.year) for c in columns]
    return columns


def _spread_title_or_mark(cells: Sequence[Cell], col: int, columns: Sequence[Column]) -> bool:
    """Is the cell at ``col`` part of a colspan that is a title (it starts in a column that is no
    score's: "CHỈ TIÊU KINH TẾ" from the name over the figures) or a mark over score columns only
    ("Không chấm điểm" over the maximum and the achieved score)? Text spread from a score column
    into a note's column is the score column's own."""
    origin = cells[col].span_origin
    start = origin[1] if origin is not None and origin[1] != col else col
    span = [start] + [
        c for c in range(start + 1, len(cells)) if (o := cells[c].span_origin) is not None and o[1] == start
    ]
    if len(span) < 2:
        return False
    roles = {c.index: c.role for c in columns}
    return roles.get(start) not in SCORE_ROLES or all(roles.get(c) in SCORE_ROLES for c in span)


def _bullet_note(text: str) -> bool:
    """A bullet line going on in small letters or detailing ("- Trong đó ưu tiên ..."), not a
    group's title after a bullet ("- Lĩnh vực Nội vụ", "* NHÓM NHIỆM VỤ CHUNG")."""
    bullet = BULLET.match(text.strip())
    if bullet is None:
        return False
    rest = text.strip()[bullet.end() :]
    return not rest[:1].isupper() or bool(BREAKDOWN_WORDS.match(fold(rest)))


def _sentence(text: str) -> bool:
    """Does a row's text read as a sentence (a note), not a group's name: long, ending in a full
    stop, or holding a figure ("Điểm tối đa của Chỉ số là 100 điểm")?"""
    words = text.split()
    return len(words) > GROUP_NAME_WORDS or text.rstrip().endswith(".") or any(ch.isdigit() for ch in text)


def _next_letter_follows(body: Sequence[Sequence[Cell]], k: int) -> bool:
    """Does a row lettered "b" follow row ``k`` (an "a)") before the next roman or capital-letter
    group?"""
    for row in body[k + 1 :]:
        label = parse_label(row[0].text) if row else None
        if label is None:
            fused = fused_label(row[0].text) if row else None
            label = parse_label(fused[0]) if fused else None
        if label is not None and label.style in ("roman", "upper_letter"):
            return False
        if label is not None and label.style == "lower_letter" and label.key == "b":
            return True
    return False


def _breakdown_line(cells: Sequence[Cell]) -> bool:
    """Does the row open a breakdown: "Trong đó:", "Chia ra:", "Bao gồm:" as its first text?"""
    first = next((c.text for c in cells if not c.is_empty), "")
    return breakdown_label(fold(first).strip())


def _is_total_row(cells: Sequence[Cell]) -> bool:
    return any(TOTAL_ROW.match(fold(c.text)) for c in cells[:2] if not c.is_empty)


def _read_totals(
    appendix: Appendix, cells: Sequence[Cell], columns: Sequence[Column], cleaner: TextCleaner, doc_id: str
) -> None:
    """The last total row is the table's total; one before it is a subtotal, reported with its
    figures (a subtotal is not a criterion, and its figures are not lost)."""
    if appendix.totals_seen:
        _as_subtotal(appendix, cleaner)
    previous_end = appendix.subtotal_checks[-1][1][1] if appendix.subtotal_checks else 0
    appendix.totals_span = (previous_end, len(appendix.rows))
    appendix.totals, appendix.totals_printed = {}, {}
    for column in columns:
        if column.role in SCORE_ROLES and column.index < len(cells):
            text = cells[column.index].text.strip()
            appendix.totals_printed[column.role] = text
            appendix.totals[column.role] = _score(appendix, text, "total", column.role)  # "≥ 45": reported
    appendix.totals_seen = True
    label = fold(next((c.text for c in cells[:2] if not c.is_empty and TOTAL_ROW.match(fold(c.text))), "")).strip()
    appendix.totals_part = bool(appendix.rows) and bool(PART_TOTAL_ROW.match(label))
    group = GROUP_TOTAL_ROW.match(label)
    appendix.totals_names = (group["group"] or group["key"]) if group else None
    # figures of columns without a role (amounts, counts) are kept as the total row's cells
    previous = appendix.rows[-1].values["position"] if appendix.rows else 0
    row = {"doc_id": doc_id, "appendix_index": appendix.index, "row_id": "total", "position": previous}
    appendix.cells.extend(
        c for c in _other_cells(cells, columns, cleaner, row, appendix.comma_thousands) if c["value"] is not None
    )
    # "Tổng số: 05 thủ tục hành chính" across the row: a count beyond the word is kept
    at = next((col for col in range(min(2, len(cells))) if not cells[col].is_empty), None)
    if at is not None and at < len(columns) and columns[at].role != "other":
        text = cells[at].text.strip()
        said = TOTAL_ROW.match(fold_aligned(text))
        if said is not None and _a_count(text[said.end() :]):  # not "Tổng số điểm", "Tổng cộng (1+2)"
            where = FieldLocation("appendix_cells", columns[at].header, "total")
            appendix.cells.append(_cell_record(row, columns[at], cleaner.clean(text, where), None))


def _as_subtotal(appendix: Appendix, cleaner: TextCleaner, why: str = "A total row was followed by more rows") -> None:
    """The total row read last was a subtotal (more rows or another total came after it): its
    cells are named so (and the repairs made in them), its figures reported, and the table has no
    total until the next one."""
    appendix.subtotals += 1
    name = f"subtotal {appendix.subtotals}"
    checked = (name, appendix.totals_span, dict(appendix.totals), dict(appendix.totals_printed), appendix.totals_names)
    appendix.subtotal_checks.append(checked)
    kept = []
    for cell in appendix.cells:
        if cell["row_id"] == "total":
            cell["row_id"] = name
            kept.append(f"{cell['column_header']} {cell['value']}")
    cleaner.rename_row("appendix_cells", "total", name)
    figures = ", ".join([f"{role} {text}" for role, text in appendix.totals_printed.items() if text] + kept)
    appendix.findings.append(
        Finding(
            "subtotal_row",
            "info",
            f"appendix {appendix.index}, total row",
            f"{why}; it was read as a subtotal ({figures or 'no figures'})"
            + (f"; its other cells have row_id '{name}'." if kept else "."),
        )
    )
    appendix.totals, appendix.totals_printed = {}, {}
    appendix.totals_seen = appendix.totals_part = False
    appendix.totals_names = None


def _keep_unnumbered(
    appendix: Appendix,
    cells: Sequence[Cell],
    columns: Sequence[Column],
    cleaner: TextCleaner,
    doc_id: str,
    spans_down: frozenset[int] = frozenset(),
    *,
    under_total: bool = False,
) -> None:
    """A row without a number (a sub-row, a page-break remainder): its cells go to
    appendix_cells under the row above, marked as such, and a finding says so. ``under_total``:
    a line of the total row's breakdown, kept under the total (row_id "total")."""
    texts = " | ".join(c.text for c in cells if not c.is_empty and c.span_origin is None)
    if not texts:
        return
    previous = appendix.rows[-1].values if appendix.rows else None
    if under_total:
        row = {"doc_id": doc_id, "appendix_index": appendix.index, "row_id": "total"}
        row["position"] = previous["position"] if previous else 0
        appendix.cells.extend(_other_cells(cells, _marked(cells, columns), cleaner, row, appendix.comma_thousands))
        message = f"A line of the total row's breakdown ({texts}) was kept in appendix_cells under the total row"
        message += " (row_id 'total', or 'subtotal N' when more rows follow it)."
        appendix.findings.append(Finding("unnumbered_row", "info", f"appendix {appendix.index}, total row", message))
        return
    if previous is not None and _goes_on(appendix, cells, columns, cleaner, previous, spans_down):
        return
    row_id = str(previous["row_id"]) if previous else "(before the first row)"
    row = {
        "doc_id": doc_id,
        "appendix_index": appendix.index,
        "row_id": row_id,
        "position": previous["position"] if previous else 0,
    }
    appendix.cells.extend(_other_cells(cells, _marked(cells, columns), cleaner, row, appendix.comma_thousands))
    where = f"appendix {appendix.index}, after row {row_id}" if previous else f"appendix {appendix.index}, first row"
    appendix.findings.append(
        Finding(
            "unnumbered_row",
            "info",
            where,
            f"A table row without a row number ({texts}) was kept in appendix_cells under row {row_id}.",
            row_id=row_id if previous else None,
        )
    )


def _marked(cells: Sequence[Cell], columns: Sequence[Column]) -> list[Column]:
    """The columns of a row without a number where it prints a cell, their headers marked so."""
    return [
        Column(c.index, f"{c.header}{UNNUMBERED_ROW}", "other", c.year)
        for c in columns
        if c.index < len(cells) and not cells[c.index].is_empty and cells[c.index].span_origin is None
    ]


#: Columns whose text a row without a number may carry on from the row above, after a page
#: break ("- Đề xuất xử lý." under "Nhiệm vụ, giải pháp"): lists are extended, texts go on.
_GOES_ON_ROLES = ("tasks",)
#: A note under a table's rows, not a task going on ("Ghi chú: (*) nhiệm vụ trọng tâm").
_NOTE_TEXT = re.compile(r"^\W*(ghi chu|luu y|chu thich|\(\*\))", re.IGNORECASE)


def _goes_on(
    appendix: Appendix,
    cells: Sequence[Cell],
    columns: Sequence[Column],
    cleaner: TextCleaner,
    previous: dict,
    spans_down: frozenset[int],
) -> bool:
    """A row with no number whose only text stands in one list or text column of the row above
    (tasks, units, deadline, product): the row goes on after a page break. Its cell is added to
    that row's, and a finding says so; False (nothing done) for any other row."""
    filled = [c for c in columns if c.index < len(cells) and not cells[c.index].is_empty]
    # one tasks cell only: a unit or a deadline alone may be the next row's (a rowspan), and a
    # task, a unit and a deadline together are a line of their own under merged cells
    if len(filled) != 1 or filled[0].role not in _GOES_ON_ROLES or cells[filled[0].index].span_origin is not None:
        return False
    if _NOTE_TEXT.match(fold(cells[filled[0].index].text)) or filled[0].index in spans_down:
        return False  # a note; or a cell a rowspan carries down: the next row's
    if any(c.role == "tasks" for c in filled) and previous.get("tasks") is None:
        return False
    row_id = str(previous["row_id"])
    added = _text_fields(cells, filled, cleaner, row_id)
    for role, value in added.items():
        if isinstance(value, list):
            previous[role] = [*(previous.get(role) or []), *value]
        elif value:
            previous[role] = f"{previous[role]}\n{value}" if previous.get(role) else value
    appendix.findings.append(
        Finding(
            "sub_row_merged",
            "info",
            f"appendix {appendix.index}, row {row_id}",
            f"A row without a number, with text only in the {filled[0].header} column, goes on from row "
            f"{row_id} (a page break): its cell was added to that row's.",
            row_id=row_id,
        )
    )
    return True


@dataclass(frozen=True)
class _FirstLetter:
    """The last "a)" row of a table, as far as nesting goes: "a)" groups the rows under it when
    a "b)" follows, or when it is scored as they are; a lone "a)" with no score whose text is a
    sentence is a note over the rows ("a) Điểm tối đa là 100 điểm.", then 1, 2, 3)."""

    goes_on: bool = False  # a "b)" follows it in its part
    scored: bool = False
    sentence: bool = False

    def is_note(self) -> bool:
        return self.sentence and not self.scored and not self.goes_on


class _Hierarchy:
    """Parent/level of each label from the nesting of numbering styles: I > A > 1 > 1.1 > a >
    "-", except where the table puts roman groups under parts A, B (a roman row met while a
    part is the outermost open row): then A > I."""

    def __init__(self, appendix: Appendix) -> None:
        self.appendix = appendix
        self.stack: list[tuple[tuple[int, int], str, Label]] = []  # (rank, row_id, label)
        self.style_order: list[str] = sorted(STYLE_RANK, key=STYLE_RANK.__getitem__)  # outermost first
        self.bullet_seen = False
        self.seen: set[str] = set()
        self.last_child: dict[str | None, Label] = {}
        self.dash_counts: dict[tuple[str | None, str], int] = {}
        #: letters nest above numbers in the current part ("a)", 1, 2, "b)", 1): until the next
        #: roman or capital-letter group
        self.letters_above = False
        #: what the reader saw of the last "a)" row (set by build_appendix, which sees the rows after it)
        self.first_letter = _FirstLetter()

    def next_group(self, text: str) -> bool:
        """Does ``text`` open the group after an open one ("II. Lĩnh vực Tổ chức cán bộ" while group
        I is open), its rows numbered on from the last group's (1 under I, 2 under II)?"""
        fused = fused_label(text, names=True)
        label = parse_label(fused[0]) if fused else None
        if label is None or label.style not in ("roman", "upper_letter"):
            return False
        return any(
            seen.style == label.style and steps_after(seen, self.disambiguate(label)) for _, _, seen in self.stack
        )

    def disambiguate(self, label: Label) -> Label:
        """'C' after 'B' is a letter, not the roman numeral 100; 'I' after 'H' likewise."""
        letter = next((seen.key for _, _, seen in reversed(self.stack) if seen.style == "upper_letter"), None)
        return as_letter_after(label, letter)

    def place(self, label: Label, *, flat: bool = False, under_note: bool = False) -> tuple[str, str | None, int]:
        """row_id, parent_id and level of a new row; ``flat``: an inner bullet placed as a sibling
        of the outer one ("+" items in a "-" list whose figures add up flat); ``under_note``: a
        scored "1" right under a lone "a)" that is a note, not a group."""
        if label.style in ("roman", "upper_letter") and self.letters_above:
            self._numbers_above_letters()  # a new part: its own nesting
        if label.style in BULLET_STYLES and not self.bullet_seen:
            # the first bullet a table uses is the outer one ("+" items with "-" under them too)
            self.bullet_seen = True
            if label.style == "plus":
                self.style_order.remove("plus")
                self.style_order.insert(self.style_order.index("dash"), "plus")
        rank = self._decimal_rank(label) if label.style == "decimal" else None
        if rank is None and label.style == "decimal" and not under_note:
            self._letters_above_numbers(label)
        if rank is None:
            outer = min(BULLET_STYLES, key=self.style_order.index)
            rank = (self._style_rank(outer if flat else label.style), label.depth)
            while self.stack and self.stack[-1][0] >= rank:
                self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        parent_id = parent[1] if parent else None
        if label.style in (*BULLET_STYLES, UNNUMBERED):  # "-" items "-1", "-2"; "+" under them "+1"; "#1"
            count = self.dash_counts.get((parent_id, label.key), 0) + 1
            self.dash_counts[(parent_id, label.key)] = count
            row_id = f"{parent_id}.{label.key}{count}" if parent_id else f"{label.key}{count}"
        elif parent is None:
            row_id = label.key
        elif label.style == "decimal" and label.key.startswith(parent[2].key + "."):
            # "1.3.1" says its own path below its parent's number; a prefix above that number
            # stays ("1.1" under "A.1" is "A.1.1": parts A and B both have a "1.1")
            row_id = parent_id[: len(parent_id) - len(parent[2].key)] + label.key
        else:
            row_id = f"{parent_id}.{label.key}"  # "II.1", "1.1.a", a restarted "1.1.2.1"
        if label.path and label.parent_path not in ((parent[2].path or parent[2].key, parent_id) if parent else ()):
            # "II.1" where the table has no row "II" (it stays under I otherwise), "1.a" after
            # 1.2: the parent's number it prints says where the row belongs
            row_id, parent_id = self._printed_place(label)
        self._check_order(label, row_id, parent_id)
        self.stack.append((rank, row_id, label))
        return row_id, parent_id, len(self.stack)

    def _printed_place(self, label: Label) -> tuple[str, str | None]:
        """row_id and parent of a label placed by the parent's number it prints: under the open
        row printed with that number ("1" whose row_id is "I.1") or whose row_id it is ("I.1.1"
        under a row printed "1"); when the table lacks that row, under its nearest printed
        ancestor that is open ("I.1.1" under "I" without a row "I.1"), else at the top."""
        stack = self.stack
        printed = label.parent_path
        while printed:
            at = next(
                (
                    i
                    for i in range(len(stack) - 1, -1, -1)
                    if printed in (stack[i][2].path or stack[i][2].key, stack[i][1])
                ),
                None,
            )
            if at is not None:
                self.stack = stack[: at + 1]
                parent_id = stack[at][1]
                if printed == label.parent_path:
                    return f"{parent_id}.{label.path.rpartition('.')[2]}", parent_id
                return label.path, parent_id
            printed = printed.rpartition(".")[0]
        self.stack = []
        return label.path, None

    def _style_rank(self, style: str) -> int:
        """Nesting rank of a style (STYLE_RANK, or parts above roman groups once seen)."""
        order = self.style_order
        parts_outside = self.stack and self.stack[0][2].style == "upper_letter"
        if style == "roman" and parts_outside and order.index("roman") < order.index("upper_letter"):
            order.remove("upper_letter")
            order.insert(order.index("roman"), "upper_letter")
            # the open rows' ranks move with their styles (the depth part stays)
            self.stack = [((order.index(lab.style), rank[1]), rid, lab) for rank, rid, lab in self.stack]
        return order.index(style)

    def _letters_above_numbers(self, label: Label) -> None:
        """A row "1" right after a letter row ("a) Nhóm công tác chỉ đạo") that no number is open
        above: the part groups its numbered rows under small letters ("a)", 1, 2, "b)", 1, 2), so
        letters nest above numbers until the next part, as parts do above roman groups. Only under
        the first letter ("a)", 1): after "a)", "b)" the letters were a list of their own; and a
        lone "a)" with no score over scored rows is a note ("a) Điểm tối đa là 100 điểm", then
        the rows 1, 2, 3)."""
        order = self.style_order
        if (
            label.key != "1"
            or not self.stack
            or self.stack[-1][2].style != "lower_letter"
            or self.stack[-1][2].key != "a"
            or any(open_label.style == "decimal" for _, _, open_label in self.stack)
            or order.index("lower_letter") < order.index("decimal")
        ):
            return
        order.remove("lower_letter")
        order.insert(order.index("decimal"), "lower_letter")
        self.stack = [((order.index(lab.style), rank[1]), rid, lab) for rank, rid, lab in self.stack]
        self.letters_above = True

    def _numbers_above_letters(self) -> None:
        """Back to the usual nesting (1 > a) for a new part."""
        order = self.style_order
        order.remove("lower_letter")
        order.insert(order.index("decimal") + 1, "lower_letter")
        self.stack = [((order.index(lab.style), rank[1]), rid, lab) for rank, rid, lab in self.stack]
        self.letters_above = False

    def _decimal_rank(self, label: Label) -> tuple[int, int] | None:
        """Place a decimal number by the numbers above it: the next sibling or first child of
        an open row, or a numbering restarting at 1 under a decimal row (1..13 under 1.1.2).
        Pops the stack to the parent and returns the rank; None when the nesting of styles
        has to decide."""
        for i in range(len(self.stack) - 1, -1, -1):
            rank, _, open_label = self.stack[i]
            if open_label.style != "decimal":
                break
            if label.key == next_sibling(open_label.key):
                del self.stack[i:]
                return rank
            if label.key == open_label.key + ".1":
                del self.stack[i + 1 :]
                return (rank[0], rank[1] + 1)
        top = self.stack[-1] if self.stack else None
        if top is not None and restarts_under(top[2], label):
            return (top[0][0], top[0][1] + 1)
        return None

    def _check_order(self, label: Label, row_id: str, parent_id: str | None) -> None:
        where = f"appendix {self.appendix.index}, row {row_id}"
        if row_id in self.seen:  # one finding: the same number again is no order of its own
            self.appendix.findings.append(
                Finding(
                    "duplicate_row_id", "warning", where, f"Row number {row_id} appears more than once.", row_id=row_id
                )
            )
            return
        self.seen.add(row_id)
        key = (parent_id, label.style, label.depth)
        previous = self.last_child.get(key)  # type: ignore[arg-type]
        self.last_child[key] = label  # type: ignore[index]
        if label.style in (*BULLET_STYLES, UNNUMBERED):
            return
        number = ordinal(label)
        expected = ordinal(previous) + 1 if previous else 1
        # numbering that goes on across groups (I: 1-3, II: 4-6) starts a group anywhere
        continues = previous is None and label.style == "decimal" and parent_id is not None and "." not in label.key
        if number == expected or continues or (previous is not None and steps_after(previous, label)):
            return
        if previous is not None and number <= ordinal(previous):
            self.appendix.findings.append(
                Finding(
                    "out_of_order_row_id",
                    "warning",
                    where,
                    f"Row {row_id} comes after row {previous.printed.strip()}, out of order.",
                    row_id=row_id,
                )
            )
        elif number > expected:
            after = f"row {previous.printed.strip()}" if previous else "the start of its group"
            self.appendix.findings.append(
                Finding(
                    "missing_row_id",
                    "warning",
                    where,
                    f"Row {row_id} follows {after}; {number - expected} row number(s) are missing in between.",
                    row_id=row_id,
                )
            )
