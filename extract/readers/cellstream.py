"""Rebuild a table grid from a flat stream of cells (text and Markdown dumps).

Dumps lose the row structure: a text dump prints one cell paragraph per line, a Markdown dump
one cell per ``|``-delimited chunk where an empty cell and a row boundary look the same.
What is left to go on is the header (how many columns, which roles), the row numbers
(1, 1.1, II, a) and what a cell holds (numbers go in score columns). Rows start at a row
number when the row before is complete, or at a number that plausibly follows the last one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, islice
from typing import Literal

from extract.columns import Column, map_columns, merge_header_rows, role_of, split_by_kind, split_flat_header
from extract.numbering import (
    BULLET_STYLES,
    STYLE_RANK,
    Label,
    OpenHeadings,
    as_letter_after,
    column_label_run,
    decimal_successors,
    fused_label,
    heading_label,
    is_first_of_sequence,
    next_letters,
    opens_numbering,
    ordinal,
    parse_label,
    restarts_under,
    steps_after,
)
from extract.page import Cell, ReadNote, Table, occurrences
from extract.readers.placement import placed_by_kind, placed_message
from extract.settings import (
    APPENDIX_HEADING,
    MULTI_PARAGRAPH_ROLES,
    PAGE_NUMBER_LINE,
    PERIOD_HEADER,
    PROCEDURE_CODE,
    RECIPIENTS_LABEL,
    SCORE_ROLES,
    SIGNATURE_PREFIXES,
    TEXT_AFTER_TABLE,
    TITLE_BETWEEN_TABLES,
    TOTAL_ROLE_WORDS,
    TOTAL_ROW,
    UNIT_ROLES,
    WRAP_LAST_WORDS,
)
from extract.units import looks_like_unit
from normalize.numbers import is_no_value, parse_number, parse_score
from normalize.text import fold, is_blank, mostly_upper

_CONTINUATION_START = re.compile(r"^\s*([-+•*–]|\d+[.)]\s|[a-zđ]\)|[a-zàáảãạăâđèéêìíòóôơùúưỳý])")

ShortRows = Literal["pad", "inherit"]


@dataclass(frozen=True)
class Item(Cell):
    """One cell chunk of the stream; ``gap`` marks a Markdown empty-cell-or-row-boundary."""

    gap: bool = False


EMPTY = Item(())

_EMPHASIS = re.compile(r"\*(?!\))|(?<!\()\*|__")  # every * except a "(*)" footnote mark
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
#: A line that opens a paragraph of its own in a cell: a bullet, "1." or "a)".
NEW_PARAGRAPH = re.compile(r"^([-+•]\s|\d+[.)]\s|[a-zđ]\)\s)")


#: An escaped pipe of a Markdown page ("nghị quyết \\| kế hoạch" in a cell) stands as this
#: character until the page's cells are split, then as "|" again (extract/readers/markdown.py).
ESCAPED_PIPE = "\uf8ff"
#: Escaped "*" and "_" of a Markdown page ("\\*", "\\_"), kept apart from the emphasis markers
#: strip_emphasis removes, then the page's own characters again.
ESCAPED_MARKS = {"*": "\uf8fe", "_": "\uf8fd"}


def restore_escaped(text: str) -> str:
    """The page's own characters for the escapes kept apart (pipe, asterisk, underscore)."""
    text = text.replace(ESCAPED_PIPE, "|")
    for mark, kept in ESCAPED_MARKS.items():
        text = text.replace(kept, mark)
    return text


def strip_emphasis(text: str) -> str:
    """Text without its Markdown emphasis markers, nor a heading's "#" ("# QUYẾT ĐỊNH" in a cell)."""
    return restore_escaped(_HEADING_MARK.sub("", _EMPHASIS.sub("", text).strip()))


def wraps(previous: str, text: str) -> bool:
    """Does the line ``text`` go on with the phrase of ``previous`` (a wrap, or a "<br>" inside a
    sentence): it opens in lowercase, or ``previous`` stops on a comma or on a word that needs one
    after it ("của", "và")? Never a bullet or a numbered line of its own."""
    words = previous.rstrip().split()
    if not words or NEW_PARAGRAPH.match(text):
        return False
    return text[:1].islower() or previous.rstrip().endswith(",") or words[-1].lower() in WRAP_LAST_WORDS


def data_cell(item: Item) -> Item:
    """A data cell from its lines: wrapped lines joined, a new paragraph at each bullet or unit,
    Markdown markers removed (a Markdown cell's lines, a text dump's lines broken by "<br>")."""
    paragraphs: list[str] = []
    for raw in item.paragraphs:
        text = strip_emphasis(raw.strip())
        if not text:
            continue
        # a line of its own is a new paragraph after a bullet, or one unit's name after another
        # ("Sở Nội vụ" / "Sở Tài chính"); any other line is a wrapped one
        unit_after_unit = (
            bool(paragraphs)
            and looks_like_unit(paragraphs[-1])
            and looks_like_unit(text)
            and paragraphs[-1].split()[-1].lower() not in WRAP_LAST_WORDS
        )
        if paragraphs and not NEW_PARAGRAPH.match(text) and not unit_after_unit:
            paragraphs[-1] = paragraphs[-1] + " " + text
        else:
            paragraphs.append(text)
    return Item(tuple(p for p in paragraphs if not is_blank(p)), gap=item.gap)


def read_rows(
    items: Sequence[Item],
    start: int,
    headers: list[str],
    *,
    short_rows: ShortRows = "pad",
    stop_at_heading: bool = True,
    flat_header_check: bool = True,
    headings: OpenHeadings | None = None,
    unmarked_end: bool = False,
) -> tuple[Table, int]:
    """The table whose header is ``headers`` and whose first data cell is ``items[start]``.

    A header printed again inside the table (Word repeats it on each page) is skipped when the
    numbering goes on after it. ``stop_at_heading``: a text dump's table also ends at a "Phụ lục"
    heading or at a header whose rows start from 1 again (another table).
    ``headings`` are the numbered headings above the table: after a complete row, a paragraph
    numbered as the next of one of them ("B. NỘI DUNG QUY TRÌNH" under "A. DANH MỤC") is the
    text going on, unless that numbering is the table's own.
    ``unmarked_end``: a Markdown stream whose table has no blank line after it (a page saved
    without blank lines). A cell that no gap opens, once the row (or its sub-row) holds all the
    cells it can, is no cell of the row and no new row: the text after the table begins there,
    unless a row of the table follows. So does a note or an article's heading after a short row,
    and a heading ("Bảng IV.", "Mẫu số 02") that is followed by more than the row can hold.
    Returns the grid (header row first, with what was inferred about single rows in
    ``row_notes``) and the index of the first item after the table.
    """
    columns = map_columns(headers)
    width = len(columns)
    rows: list[list[Item]] = []
    current: list[Item] | None = None
    closed_by_total = False
    allowed = _DecimalSequence(strict=short_rows == "inherit")
    at_boundary = False  # a Markdown gap just closed the row (its missing cells were merged away)
    # In a Markdown stream a row opens only after a gap ("|" twice): one "|" parts two cells of
    # the same row, so a score equal to the next row number is the row's own ("1 | Chỉ đạo | 2").
    gap_bounded = any(item.gap for item in items[start:])
    after_gap = True
    gap_opens = True  # the last gap was no empty cell of the row (for ``unmarked_end``)
    spare_gaps = 0  # gaps of the run before this item that no row took as an empty cell
    segment = 0  # cells since the row or its sub-row opened (for ``unmarked_end``)
    row_k = start  # where the current row starts
    k = start
    while k < len(items):
        item = items[k]
        full = current is not None and len(current) >= width
        may_open = after_gap or not gap_bounded
        opened = after_gap and gap_opens
        after_gap = item.gap
        if not item.gap and k > start and not items[k - 1].gap:
            spare_gaps = 0
        if item.gap:
            spare_gaps += 1
            empty_row = _empty_row_length(items, k + 1)
            if empty_row:  # a row of blank cells between two gaps: layout filler, nothing to keep
                k += 1 + empty_row
                continue
            # in a run of gaps only the last can open the next row; the ones before are empty cells
            last_of_run = k + 1 >= len(items) or not items[k + 1].gap
            gap_opens = True
            if current is not None and not full:
                if last_of_run and _next_starts_row(items, k + 1, current, allowed):
                    at_boundary = True
                else:
                    current.append(EMPTY)
                    gap_opens = False
                    spare_gaps -= 1
            segment = 0 if gap_opens else segment + 1
            k += 1
            continue
        if stop_at_heading and current is not None and _next_appendix_heading(item.text, full, items, k, allowed):
            break
        # the page's number printed above the header Word repeats on each page; the row before
        # may be short (a cell merged away at the page's end) when a bare number cannot be the
        # cell it stands for (a unit, a task): the header word for word says so
        page_number = current is not None and PAGE_NUMBER_LINE.match(fold(item.text.strip()))
        if page_number and not full:
            page_number = len(current) < width and columns[len(current)].role in _WORDS_ONLY_ROLES
        following = _next_index(items, k + 1) if page_number else None
        if following is not None and _repeated_header(items, following, headers) is not None:
            k = following
            continue
        repeated = not full and current is not None and _repeated_header(items, k, headers) is not None
        if (full or repeated) and _new_header(items, k):
            after_header = _header_again(items, k, headers, allowed, splits=stop_at_heading)
            if after_header is not None:  # the header printed again after a page break
                k = after_header
                after_gap = True
                continue
            if stop_at_heading:  # another table's header ("STT | Tên thủ tục"), its rows from 1
                k = _title_before(items, current, width, k)
                break
        if full and headings is not None and _next_heading(items, start, k, headings, allowed):
            break  # the next section's heading
        if full and (numbered := _column_numbers_after(items, k, width)) is not None:
            k = numbered  # the header's column-number row printed again after a page break
            after_gap = True
            continue
        # a new row's own empty cells before this item: the run's gaps but the row boundary
        empty_before = spare_gaps > 1
        spare_gaps = 0
        next_role = columns[len(current)].role if current is not None and len(current) < width else None
        starts = (
            _row_start(items, k, current, full or at_boundary, allowed, width, empty_before, next_role, gap_bounded)
            if may_open
            else None
        )
        at_boundary = False
        if starts is not None:
            kind, first_items = starts
            if current is not None:
                rows.append(current)
                current = None
                label = parse_label(first_items[0].text)
                # after a total row the table ends, unless the numbering goes on (a subtotal)
                # (or a grand total after a subtotal: "Cộng | 2.100" then "Tổng cộng | 32.015,5")
                grand_total = kind == "total" and _total_label_alone(items, k)
                if closed_by_total and not grand_total and not (label is not None and allowed.follows(label)):
                    break
            current = list(first_items)
            allowed.add(parse_label(current[0].text))
            closed_by_total = kind == "total"
            segment, row_k = len(current), k
            k += 1
            continue
        if current is None:  # a line between the header and the first row: more header
            headers = [*headers, item.text]
            columns = map_columns(headers)
            width = len(columns)
            k += 1
            continue
        if closed_by_total and full:
            break
        if _after_table(items, k, full, allowed):
            break  # "Điều 15. Hiệu lực thi hành", "Nơi nhận:": the text goes on after the table
        if unmarked_end and not opened:
            # one "|" after the row's cells, and no row of this table comes after it: the text
            # after the table (or, before another table's header, a title row that is its title)
            if len(current) <= 2 and _new_header(items, k):
                if rows and len(rows[-1]) < width and items[row_k - 1].gap:
                    rows[-1].append(EMPTY)  # the gap before the title closed an empty last cell
                current, k = None, row_k
                break
            after_table = segment >= width or _note_or_article(item)
            if not after_table and _text_after_table(item.text):
                # "Bảng IV.", "Mẫu số 02", "Điều 5.": more than the rest of the row before a gap
                after_table = len(current) + _run_length(items, k) > width
            if after_table and not _row_goes_on(items, k, allowed):
                break
        current.append(item)
        segment += 1
        k += 1
    if current is not None:
        rows.append(current)
        rows[-1] = _blank_after_last_row(current, columns, short_rows, numeric_columns(rows, width))
    if short_rows == "pad" and flat_header_check and _title_last_in_header(rows, headers, columns):
        table, end = read_rows(
            items,
            start,
            headers[:-1],
            short_rows=short_rows,
            stop_at_heading=stop_at_heading,
            flat_header_check=False,
            headings=headings,
            unmarked_end=unmarked_end,
        )
        title_row = (Cell((headers[-1],)),) + (Cell(),) * (len(headers) - 2)
        return Table(rows=(table.rows[0], title_row, *table.rows[1:]), bordered=True, row_notes=table.row_notes), end
    if short_rows == "pad" and flat_header_check:
        two_rows = _flat_two_level_header(rows, headers)
        if two_rows is not None:
            merged = merge_header_rows(two_rows)
            return read_rows(
                items,
                start,
                merged,
                short_rows=short_rows,
                stop_at_heading=stop_at_heading,
                flat_header_check=False,
                headings=headings,
                unmarked_end=unmarked_end,
            )
    grid: list[tuple[Cell, ...]] = [tuple(Cell((h,)) for h in headers)]
    previous: tuple[Cell, ...] | None = None
    numeric = numeric_columns(rows, width)
    row_notes: list[ReadNote] = []
    for row, before in zip(rows, occurrences(row[0].text.strip() for row in rows), strict=True):
        noted = len(row_notes)
        cells = _assemble(row, columns, previous, len(grid) - 1, short_rows, row_notes, numeric, grid)
        row_notes[noted:] = [note._replace(occurrence=before) for note in row_notes[noted:]]
        grid.append(cells)
        previous = cells
    return Table(rows=tuple(grid), bordered=True, row_notes=tuple(row_notes)), k


def _text_after_table(text: str) -> bool:
    """A paragraph that may follow a table rather than fill one of its cells: "Điều 5.",
    "Chương II", "Mẫu số 02", "Bảng IV. ...", "Biểu 2" (notes: _note_or_article)."""
    folded = fold(text.strip())
    return bool(TEXT_AFTER_TABLE.match(folded) or _TABLE_TITLE.match(folded))


_TABLE_TITLE = re.compile(r"^(bang|bieu) [ivxlc\d]+\b")


def _row_goes_on(items: Sequence[Item], k: int, allowed: _DecimalSequence) -> bool:
    """Does a row that goes on with this table's numbering (not a first row 1, I, A or a, which
    starts another table; a sub-row 1.1 or a "-" item does go on) follow within a few items,
    after a gap?"""
    seen = 0
    while k < len(items) and seen < _ROW_LOOKAHEAD:
        if not items[k].gap:
            label = parse_label(items[k].text)
            fused = _fused(items, k) if label is None else None
            if fused is not None:
                label = parse_label(fused[0])
            opens = label is not None and k > 0 and items[k - 1].gap and label.key not in ("1", "I", "A", "a")
            if opens and allowed.accepts(label):
                return True
            seen += 1
        k += 1
    return False


def _run_length(items: Sequence[Item], k: int) -> int:
    """Items from ``k`` up to the next gap (the rest of a Markdown row, or the text after a table
    and the next table's first row)."""
    n = 0
    while k + n < len(items) and not items[k + n].gap:
        n += 1
    return n


def _note_or_article(item: Item) -> bool:
    """A note ("Ghi chú:", "Lưu ý:") or a paragraph holding an article's heading ("... Điều 3.
    Hiệu lực thi hành"): the text after a table, never a cell of its row."""
    folded = fold(item.text.strip())
    if _NOTE.match(folded):
        return True
    paragraphs = [fold(p.strip(" *_")) for p in item.paragraphs]
    return any(_ARTICLE.match(p) for p in paragraphs[1:]) or any(_ARTICLE_AFTER.search(p) for p in paragraphs)


_NOTE = re.compile(r"^(ghi chu|luu y|chu thich)\s*:")
_ARTICLE = re.compile(r"^dieu \d+\s*[.:]")
#: An article's heading after a sentence, where a converter joined the lines ("... Điều này.
#: **Điều 3. Điều khoản thi hành**").
_ARTICLE_AFTER = re.compile(r"[.;:]\W*\s+\W*dieu \d+\s*[.:]")


def _next_appendix_heading(text: str, full: bool, items: Sequence[Item], k: int, allowed: _DecimalSequence) -> bool:
    """ "Phụ lục II ...", "BIỂU MẪU SỐ 02" in capitals, or a form's "MẪU SỐ 01" in capitals after
    a complete row with no row of this table after it: the next appendix."""
    folded = fold(text)
    if folded.startswith("phu luc"):
        return parse_label(text) is None
    if folded.startswith("bieu mau") and mostly_upper(text) and APPENDIX_HEADING.match(folded):
        # a form's heading: its own table's header follows, or the last row is complete and this
        # table's numbering does not go on (a cell may cite "BIỂU MẪU SỐ 02")
        if _header_follows(items, k + 1):
            return True
        return full and not _continuing_row_follows(items, k + 1, allowed)
    if not (mostly_upper(text) and APPENDIX_HEADING.match(folded) and full):
        return False  # "MẪU SỐ 01" in capitals may be a cell's paragraph: only after a complete row
    return not _row_follows(items, k + 1, allowed) or _header_follows(items, k + 1)


def _blank_after_last_row(
    row: list[Item], columns: Sequence[Column], short_rows: ShortRows, numeric: set[int]
) -> list[Item]:
    """The table's last row without a blank line that closes the table, when that line made
    it look complete while its cells say one was merged away: "4 | ... | Sở Văn hóa và Thể thao
    | Sửa đổi thành phần hồ sơ" then a line of a no-break space, under a "Lĩnh vực" column that
    the row printed nothing for (its cells are then placed by kind, and noted)."""
    if short_rows != "pad" or len(row) != len(columns) or not row[-1].is_empty or len(row) < 3:
        return row
    if parse_label(row[0].text) is None:
        return row  # a total row ("TỔNG | 80 | 43,12 | ≥ 45 | ") keeps its cells where they stand
    if any(item.is_empty for item in row[1:-1]):
        return row  # a row that prints its blank cells printed its blank last one too
    texts = [item.text for item in row[1:-1]]
    placed = placed_by_kind(texts, [c.role for c in columns[1:]], {i - 1 for i in numeric})
    return row[:-1] if placed is not None else row


def _title_last_in_header(rows: list[list[Item]], headers: list[str], columns: Sequence[Column]) -> bool:
    """The header's last line is a group title across the table before row 1 ("Nhiệm vụ chung",
    "NHÓM NHIỆM VỤ VỀ THỂ CHẾ"), not a column: every row is one cell short of it, and it names
    no column of its own (the rows' names again, or no column and in capitals where the header
    is not; two words at least: "NSĐP" under "Trong đó" is a sub-column). An empty last column
    ("Ghi chú", "Thời gian hoàn thành") also leaves the rows one cell short: it is a column; so
    is the last sub-column of a header printed flat ("Thời gian thực hiện" over "Bắt đầu | Hoàn
    thành": a role of its own, no title)."""
    if len(columns) < 4:
        return False
    # the next group's title ("B. CHỈ TIÊU XÃ HỘI" after "A. CHỈ TIÊU KINH TẾ") read onto the end
    # of the row before it
    lengths = [
        len(row) - (len(row) == len(columns) and _next_title_of(headers[-1], row[-1].text))
        for row in rows
        if row and parse_label(row[0].text) is not None
    ]
    if len(lengths) < 2 or max(lengths) != len(columns) - 1:
        return False
    last = role_of(headers[-1])
    if last in ("name", "tasks") and last in {column.role for column in columns[:-1]}:
        return True  # "Nhiệm vụ chung" after "Nội dung công việc"
    title = headers[-1]
    if last != "other" or len(title.split()) < 2 or not mostly_upper(title):
        return False  # "NSĐP" of "Trong đó | NSTW | NSĐP" is a sub-column's abbreviation
    return not all(mostly_upper(h) for h in headers[:-1])


def _next_title_of(title: str, text: str) -> bool:
    """Is ``text`` a group title like ``title`` ("A. CHỈ TIÊU KINH TẾ"), numbered after it ("B. CHỈ
    TIÊU XÃ HỘI", "C. ..."); not a numbered value in capitals ("1. KẾ HOẠCH SỐ 12/KH-UBND")?"""
    first, following = fused_label(title), fused_label(text)
    if first is None or following is None:
        return False
    before, after = parse_label(first[0]), parse_label(following[0])
    if before is None or after is None or before.style == "decimal":
        return False
    if before.style == "upper_letter" and after.style == "roman" and len(after.key) == 1:
        after = Label(after.printed, "upper_letter", after.key)  # "C. ..." after "A. ...": a letter
    return before.style == after.style and ordinal(after) > ordinal(before)


def _flat_two_level_header(rows: list[list[Item]], headers: list[str]) -> list[list[str]] | None:
    """Most rows one cell short of the header: the header was two rows printed one after the
    other (a parent over sub-columns). Returns the two header rows, or None."""
    lengths = Counter(len(row) for row in rows if row and row[0].text)
    total = sum(lengths.values())
    if total < 2:
        return None
    width, count = lengths.most_common(1)[0]
    if width != len(headers) - 1 or count * 10 < total * 6:
        return None
    if total == 2:  # two rows only: when the header ends in sub-columns of known kinds ("Chủ trì | Phối hợp")
        return split_by_kind(headers) if count == 2 else None
    return split_flat_header(headers, width)


def _next_index(items: Sequence[Item], k: int) -> int | None:
    while k < len(items):
        if not items[k].gap:
            return k
        k += 1
    return None


def _next_item(items: Sequence[Item], k: int) -> Item | None:
    index = _next_index(items, k)
    return None if index is None else items[index]


def _next_starts_row(items: Sequence[Item], k: int, current: list[Item], allowed: _DecimalSequence) -> bool:
    """After a gap: does a row that plausibly follows the current one start here? A letter
    must go on its sequence ("x", a mark in a column, is no row after row 1)."""
    index = _next_index(items, k)
    if index is None:
        return False  # the table's end: a gap there closes an empty last cell ("| 2 | Việc B | |")
    nxt = items[index]
    label = parse_label(nxt.text)
    if label is None:
        if TOTAL_ROW.match(fold(nxt.text)):
            return True
        return _fused(items, index) is not None
    label = allowed.as_sequenced(label)
    previous = parse_label(current[0].text)
    if previous is None and any(TOTAL_ROW.match(fold(item.text)) for item in current[:2]):
        # "| TỔNG ĐIỂM | | 105 | |": a bare number after a total's label, with no name after it,
        # is the total's figure
        after = index + 1 < len(items) and items[index + 1]
        if not after or after.gap or parse_number(after.text) is not None:
            return False
    if not (_plausible_successor(previous, label) or restarts_under(previous, label)):
        return False
    after = _next_item(items, index + 1)
    if label.style != "decimal":
        # a letter or roman row goes on its sequence and has a name after it: an "x" mark
        # in a column, before an empty cell or another mark, is no row
        return _sequenced_row(items, index, label, allowed, mid_row=True)
    if after is None:
        return True
    if parse_number(after.text) is not None:
        return _code_then_name(items, index + 1)  # "1 | 1.004605 | Cấp Giấy ...": a code, then the name
    return not is_blank(after.text)


class _DecimalSequence:
    """Row numbers that may come next: for decimals a successor of any number seen so far or
    a restart at 1 (keeps figures such as "15" or "732" from opening a row); for the other
    styles the next in their sequence or a first one (I, A, a)."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict  # Markdown: a complete row may still go on with a sub-row's figures
        self.next_ids: set[str] = {"1"}
        self.last_ordinal: dict[str, int] = {}
        self.last: Label | None = None  # the last row number
        self.last_letter: str | None = None  # the last list letter ("e": "g" or "f" follows)

    def add(self, label: Label | None) -> None:
        if label is None:
            return
        label = self.as_sequenced(label)
        self.last = label
        if label.style == "decimal":
            self.next_ids |= decimal_successors(label.key)
        else:
            self.last_ordinal[label.style] = ordinal(label)
            if label.style == "lower_letter":
                self.last_letter = label.key

    def as_sequenced(self, label: Label) -> Label:
        letter = self.last_ordinal.get("upper_letter")  # the last part letter (A, B): "C" after it is one too
        return as_letter_after(label, None if letter is None else chr(ord("A") + letter - 1))

    def accepts(self, label: Label) -> bool:
        """A row number that may open a row once the current row is complete: for decimals a
        successor of one seen; for the other styles a first one (I, A, a) or, once the style is
        in use, any step forward ("e" after "d" where a list skips "đ", "IV" after "II" where a
        group is missing); a lone "x" is a mark, not the 22nd letter."""
        label = self.as_sequenced(label)
        if label.style == "decimal":
            return label.key in self.next_ids
        if label.style in BULLET_STYLES:
            return True
        last = self.last_ordinal.get(label.style)
        if ordinal(label) == 1 or (last is not None and ordinal(label) > last):
            return True
        # a group style may open past its first number ("II" after rows 1, 2); a lone x is a mark
        return last is None and label.style in ("roman", "upper_letter") and label.key != "X"

    def follows(self, label: Label) -> bool:
        """Strict test for a number met before the row is complete."""
        if label.style == "decimal":
            return label.key in self.next_ids
        if label.style in BULLET_STYLES:
            return True
        if label.style == "lower_letter" and self.last_letter is not None:
            return ordinal(label) == 1 or label.key in next_letters(self.last_letter)
        return ordinal(label) in (1, self.last_ordinal.get(label.style, 0) + 1)

    def uses(self, style: str) -> bool:
        """Has a row of the table been numbered in this style?"""
        return self.next_ids != {"1"} if style == "decimal" else style in self.last_ordinal


def _next_heading(items: Sequence[Item], start: int, k: int, headings: OpenHeadings, allowed: _DecimalSequence) -> bool:
    """Is ``items[k]`` the heading after one above the table? Not when the table numbers its rows
    that way and the number follows the last row, nor when a row follows it closely, nor when a
    cell of the table holds such a list ("1. Tờ trình", "2. Danh sách" in a procedure's cell)."""
    label = heading_label(items[k].text)
    sequenced = None if label is None else headings.continued_by(label)
    if sequenced is None:
        return False
    if _row_follows(items, k + 1, allowed):
        return False  # a cell's paragraph ("B. Bản sao giấy tờ"): the next row comes after it
    inner = (heading_label(item.text) for item in items[start:k] if not item.gap and parse_label(item.text) is None)
    cells_list_so = any(other is not None and other.style == sequenced.style for other in inner)
    if allowed.uses(sequenced.style) and _plausible_successor(allowed.last, sequenced):
        if parse_label(items[k].text) is None and not cells_list_so:
            return True  # "3. Công an tỉnh xử lý ...": a paragraph, where the rows print bare numbers
        index = _next_index(items, k + 1)  # the next row, unless another table's header follows
        return index is not None and _new_header(items, index)
    return not cells_list_so


def _new_header(items: Sequence[Item], k: int) -> bool:
    """Does another table's header start at ``items[k]`` ("STT", then a column's title)?"""
    if role_of(items[k].text) != "id":
        return False
    return _names_a_row(_next_item(items, k + 1))


#: Columns whose cells are words: a bare number standing where one of them is due is no cell.
_WORDS_ONLY_ROLES = frozenset(MULTI_PARAGRAPH_ROLES) - {"other", "deadline"}


def _header_again(
    items: Sequence[Item], k: int, headers: Sequence[str], allowed: _DecimalSequence, splits: bool
) -> int | None:
    """Where the rows go on after a header printed again from ``items[k]`` (Word repeats it on
    each page, maybe in other words or as the two rows of a two-level header): the next row
    number goes on from the rows before, or a "-" item of a table that has them comes after the
    header word for word. None when it starts a numbering (1, I, A): another table. A stream
    that cannot end the table there (``splits`` False: a Markdown table) skips a header printed
    word for word. The header's column-number row ("(1) | (2) | ... | (6)") printed again with it
    is skipped too."""
    index, seen = k + 1, 0
    after = _repeated_header(items, k, headers)
    if after is not None and (numbered := _column_numbers_after(items, after, len(headers))) is not None:
        index = after = numbered
    while index < len(items) and seen <= MAX_HEADER_CELLS:
        label = None if items[index].gap else parse_label(items[index].text)
        if label is not None:
            if not is_first_of_sequence(label) and allowed.accepts(label):
                # cells between the header printed word for word and the next row number: the
                # row before goes on after the page break ("" | "" | "- Đề xuất xử lý." | ...)
                return after if after is not None and after < index else index
            # a "-" item after the header printed word for word: the table's items go on
            if label.style in BULLET_STYLES and allowed.uses(label.style) and _repeated_header(items, k, headers):
                return index
            break
        seen += 0 if items[index].gap else 1
        index += 1
    return None if splits else _repeated_header(items, k, headers)


def _column_numbers_after(items: Sequence[Item], k: int, width: int) -> int | None:
    """The index after a row that numbers the header's ``width`` columns ("(1) | (2) | ... | (6)",
    "A | B | 1 | 2") from ``items[k]``, or None."""
    indexes: list[int] = []
    index = _next_index(items, k)
    while index is not None and len(indexes) < width:
        indexes.append(index)
        index = _next_index(items, index + 1)
    if len(indexes) < width or column_label_run([items[i].text for i in indexes]) != width:
        return None
    return indexes[-1] + 1


#: Cells a table header may have.
MAX_HEADER_CELLS = 24


def _repeated_header(items: Sequence[Item], k: int, headers: Sequence[str]) -> int | None:
    """The index after ``headers`` printed again from ``items[k]``, or None."""
    for header in headers:
        index = _next_index(items, k)
        if index is None or fold(items[index].text).strip() != fold(header).strip():
            return None
        k = index + 1
    return k


def _title_before(items: Sequence[Item], current: list[Item], width: int, k: int) -> int:
    """Where the text between a table and the next one's header at ``items[k]`` begins: the
    last row's lines past its width that read as a title ("Danh mục thủ tục bị bãi bỏ", "Phần
    II") leave the row (they are removed from ``current``)."""
    while len(current) > width and _reads_as_title(current[-1].text):
        current.pop()
        k = _previous_index(items, k)
    return k


def _previous_index(items: Sequence[Item], k: int) -> int:
    k -= 1
    while k > 0 and items[k].gap:
        k -= 1
    return k


def _reads_as_title(text: str) -> bool:
    folded = fold(text).strip()
    return mostly_upper(text) or folded.startswith(TITLE_BETWEEN_TABLES) or heading_label(text) is not None


def _row_start(
    items: Sequence[Item],
    k: int,
    current: list[Item] | None,
    full: bool,
    allowed: _DecimalSequence,
    width: int,
    empty_before: bool = False,
    next_role: str | None = None,
    gap_bounded: bool = False,
) -> tuple[str, list[Item]] | None:
    """("row" or "total", first cells) if a new row starts at ``items[k]``, else None.
    ``empty_before``: in a Markdown row, an empty cell stands before this item. ``next_role``:
    the role of the column the item would fill in the unfinished row."""
    item = items[k]
    text = item.text
    nxt = _next_item(items, k + 1)
    next_text = nxt.text if nxt else ""
    free = current is None or full
    if is_blank(text):
        if free and TOTAL_ROW.match(fold(next_text)):
            return "total", [EMPTY]
        if free and _unnumbered_row(items, k, current, allowed, width):
            return "row", [EMPTY]
        return None
    label = parse_label(text)
    if label is None:
        if free and TOTAL_ROW.match(fold(text)):
            # a Markdown row "| TỔNG ĐIỂM | | 25 | 20,5 |": the label stands in the number column
            # when an empty cell (a gap) comes between it and the figures and none before it ("| |
            # Tổng cộng | | 732 |"); with none after it, it runs across the number and name columns
            # ("| TỔNG | 80 | 43,12 |")
            named_empty = not empty_before and k + 1 < len(items) and items[k + 1].gap and nxt is not None
            if named_empty and parse_number(next_text) is not None:
                return "total", [item]
            if not gap_bounded and _total_label_in_number_cell(items, k, width, allowed):
                return "total", [item]
            return "total", [EMPTY, item]
        fused = _fused(items, k)
        if fused and (free or _group_title_row(current)):  # "A. NHIỆM VỤ TRỌNG TÂM" / "I. CÁC NHIỆM VỤ CHUNG"
            return "row", [Item((fused[0],)), Item((fused[1].replace("\n", " "),))]
        return None
    if label.path and not _path_goes_on(label, current, free, next_text):
        return None  # "2.a" inside row 1 is a code ("Mẫu biểu 2.a"), not a row numbered under row 2
    label = allowed.as_sequenced(label)
    # "15 | 732": a figure before a figure is no row number; "1 | 2.001611 | Thu hồi giấy phép
    # ...": a number before a procedure code and a name is one
    figure_follows = (
        label.style == "decimal" and parse_number(next_text) is not None and not _code_then_name(items, k + 1)
    )
    if label.style == "decimal":
        sequenced = not allowed.strict or allowed.accepts(label)
    else:
        sequenced = _sequenced_row(items, k, label, allowed)
    if free and sequenced and not figure_follows:
        return "row", [item]
    # an unnumbered row (a total) is followed by the successor of the last numbered one
    previous = (parse_label(current[0].text) or allowed.last) if current else None
    if (
        _plausible_successor(previous, label)
        and allowed.follows(label)
        and not is_blank(next_text)
        and (parse_number(next_text) is None or _code_opens_row(items, k, label, current))
        and not is_no_value(next_text)
        # a "-" before "II" or "a)" is a cell with no figure: a "-" item has a name after it
        and not (label.style in BULLET_STYLES and parse_label(next_text) is not None)
        # so has a row number: before a numbered row ("1 | Cơ sở vật chất | 2 | 1,75 | 2 | a) |
        # Nơi ngồi chờ") it is a figure of the row (the 2 is a target)
        and not (label.style == "decimal" and _numbered_row_next(items, k))
        and (
            (label.style == "decimal" and next_role in _NO_FIGURE_ROLES)
            or not _figure_of_the_row(items, k, label, current, width, allowed)
        )
        and not _text_after_table_next(items, k, allowed)
    ):
        return "row", [item]
    return None


#: Columns after the name that never hold a bare number: a decimal row number met where the
#: unfinished row's next cell is one of these opens the next row (the row's last cells were merged
#: down from the row above).
_NO_FIGURE_ROLES = frozenset({"tasks", "lead_units", "coordinating_units"})


def _total_label_in_number_cell(items: Sequence[Item], k: int, width: int, allowed: _DecimalSequence) -> bool:
    """In a text dump, does the total's label at ``items[k]`` stand in the number column, with the
    name cell left empty after it ("TỔNG ĐIỂM | ␠ | 90 | 68,5 | 81 | ␠")? So when the row, up to
    the next numbered row or the table's end, has as many cells as the header, the one after
    the label blank. A label run across the number and name columns has one cell fewer. At the
    table's end the row must close on a blank cell: a line after the table ("Bằng chữ: ...", a
    "(*)" note) would count as one more cell."""
    # the next row reads on from the last one: not "8 | Tổng ngân sách tỉnh" after row 1
    following, index = _rest_of_row(items, k, allowed, after=allowed.last)
    return (
        len(following) == width
        and width > 2
        and is_blank(following[1].text)
        and any(parse_number(cell.text) is not None for cell in following[2:])
        and (index is not None or is_blank(following[-1].text))
    )


def _group_title_row(row: list[Item] | None) -> bool:
    """A group's number and its title in capitals, and nothing else ("A | NHIỆM VỤ TRỌNG TÂM")."""
    return row is not None and len(row) == 2 and parse_label(row[0].text) is not None and mostly_upper(row[1].text)


def _numbered_row_next(items: Sequence[Item], k: int) -> bool:
    """Does a row number with its name follow ``items[k]`` right away ("a) | Nơi ngồi chờ")?"""
    index = _next_index(items, k + 1)
    return (
        index is not None and parse_label(items[index].text) is not None and _names_a_row(_next_item(items, index + 1))
    )


def _path_goes_on(label: Label, current: list[Item] | None, full: bool, next_text: str) -> bool:
    """Can a label printed with its parent's number ("I.1", "1.a") open a row here: after a
    complete row; after a short row (a cell merged from above) printed the same way under the
    same parent ("I.2" then "I.3"); or as the first child of a group's title in capitals ("I |
    CÔNG TÁC CHỈ ĐẠO" then "I.1"), not before a unit or a period ("1 | BÁO CÁO | 1.a | Quý IV"
    holds a code). Inside a row such a label is a code ("Mẫu biểu 2.a")."""
    if full or current is None:
        return True
    row = parse_label(current[0].text)
    if row is None:
        return False
    if row.path and row.parent_path == label.parent_path:
        return True
    title = len(current) == 2 and mostly_upper(current[1].text)
    return (
        title
        and (row.path or row.key) == label.parent_path
        and is_first_of_sequence(label)
        and not looks_like_unit(next_text)
        and not _WHEN.match(fold(next_text).strip())
    )


#: A cell saying when ("Quý I/2024", "Hằng quý", "Trước ngày 15/12", "Thường xuyên", folded):
#: after a code such as "1.a", not a row's name.
_WHEN = re.compile(r"(quy|thang|nam|hang|thuong xuyen|truoc|trong|tu|den|giai doan|ca nam)\b|\d{1,2}/\d{4}")


def _unnumbered_row(
    items: Sequence[Item], k: int, current: list[Item] | None, allowed: _DecimalSequence, width: int
) -> bool:
    """Does a row with no number start at the blank ``items[k]`` after a complete row: a name
    next, then as many cells as the header up to the next row number that can follow the last
    one ("␠ | Dự phòng phí | 100 | Sở Y tế", "␠ | Trong đó: | ␠ | ␠" before "- | Ngân sách tỉnh")?
    Only after a row exactly as wide as the header with no paragraph going on a cell (a list
    item "- ...", a line in small letters): a row printing a cell's paragraphs as cells of their
    own may go on with a blank cell and text. The table's text after it ends the count."""
    if current is None or len(current) != width or not _names_a_row(_next_item(items, k + 1)):
        return False
    if any(_CONTINUATION_START.match(i.text) and not is_no_value(i.text) for i in current[2:]):
        return False
    last = (parse_label(current[0].text) if current else None) or allowed.last
    following, index = _rest_of_row(items, k, allowed, after=last)
    if len(following) != width or (index is None and len(following) < 2):
        return False
    # a name that is no unit's, and no unit's name where the row above has a figure: a blank
    # paragraph then more lines of a units cell are no row ("␠ | Sở Y tế | (phối hợp) | ...",
    # "␠ | UBND các huyện | ..."); "Chi phí phát sinh | Theo thực tế" may be one
    pairs = list(zip(current[2:], following[2:], strict=False))
    if any(looks_like_unit(cell.text) for above, cell in pairs if _reads_as_figure(above.text)):
        return False
    # a closing row in capitals whose name reads as a unit's ("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA
    # TỈNH", "BỘ CHỈ SỐ ..."): its figures stand where the row above has its own
    below = [cell.text for above, cell in pairs if _reads_as_figure(above.text)]
    figures = sum(_reads_as_figure(text) for text in below)
    closing = mostly_upper(following[1].text) and figures >= 1 and figures + sum(map(is_blank, below)) == len(below)
    return closing or _names_no_unit(following[1])


def _total_label_alone(items: Sequence[Item], k: int) -> bool:
    """Is the total row starting at ``items[k]`` labelled by a total's words alone ("Tổng cộng",
    "Cộng (I)") with a figure after them ("7", "x", "(1+2)")? A line "Tổng cộng: 02 lĩnh vực" or
    "TỔNG CỘNG KINH PHÍ" then a sentence under a table is text, not a total row."""
    while k < len(items) and (items[k].gap or is_blank(items[k].text)):
        k += 1
    if k >= len(items):
        return False
    text = items[k].text.strip()
    head, _, rest = text.partition(":")
    formula = _LABEL_FORMULA.search(head)
    if formula and _FORMULA.match(formula.group(1)):
        head = head[: formula.start()]  # "Tổng cộng (I + II)": the formula is no word of the label
    if rest.strip() or len(head.split()) > 4:
        return False
    index = _next_index(items, k + 1)
    while index is not None and is_blank(items[index].text):
        index = _next_index(items, index + 1)
    return index is not None and _figure_like(items[index].text)


#: A formula in a total row's cell: "(1+2)", "3=1+2", or over parts and groups: "(I+II)", "A+B"
#: (a lone "I" or "A" is a row number, not a formula).
_FORMULA = re.compile(r"^\(?[\d+\-*/x×().,=\s]+\)?$|^\(?\s*([IVX]+|[A-Z])(\s*[+-]\s*([IVX]+|[A-Z]))+\s*\)?$")


#: A formula in brackets at the end of a total's label ("Tổng cộng (I + II)", "Cộng (1+2)").
_LABEL_FORMULA = re.compile(r"\s*(\([^()]*\))$")


def _figure_like(text: str) -> bool:
    """A total row's first cell: a figure (maybe with its unit), a no-data mark, a formula."""
    return parse_score(text) is not None or is_no_value(text) or bool(_FORMULA.match(text.strip()))


def _code_opens_row(items: Sequence[Item], k: int, label: Label, current: list[Item] | None) -> bool:
    """A row number before a procedure code and a name opens a row ("A | TITLE | 1 | 1.001193 |
    ..."): when the next number before a code follows it ("2 | 1.001194"), or else when the
    number is not printed again as the next row's (then it was a count: "| 2 | 1.001234 |").
    Not when the row before, numbered alike, has its name right after its number: the codes
    of that table come later in a row ("1 | Tuyên truyền | 2 | 1.001234 | Sở Nội vụ")."""
    if not _code_then_name(items, k + 1):
        return False
    own = parse_label(current[0].text) if current and len(current) > 1 else None
    if own is not None and own.style == label.style and _names_a_row(current[1]):
        return False
    index = _next_index(items, k + 1)
    while index is not None:
        other = parse_label(items[index].text)
        if other is not None and _code_then_name(items, index + 1):
            if other.style == "decimal" and label.style == "decimal" and other.key in decimal_successors(label.key):
                return True
            break
        index = _next_index(items, index + 1)
    return not _numbered_again(items, k, label)


def _numbered_again(items: Sequence[Item], k: int, label: Label) -> bool:
    """Is the number at ``items[k]`` printed again as the next row number (a code or a name
    after it)? Then this one is a figure: "1 | Tuyên truyền | 2 | 1.001234 | Sở Nội vụ | 2 | ..."."""
    index = _next_index(items, k + 1)
    while index is not None:
        other = parse_label(items[index].text)
        if other is not None and (_names_a_row(_next_item(items, index + 1)) or _code_then_name(items, index + 1)):
            return (other.style, other.key) == (label.style, label.key)
        index = _next_index(items, index + 1)
    return False


def _text_after_table_next(items: Sequence[Item], k: int, allowed: _DecimalSequence) -> bool:
    """Does the text after the table follow ``items[k]`` ("2" then "Nơi nhận:")? Then that
    number is the last figure of the last row, not a row."""
    index = _next_index(items, k + 1)
    return index is not None and _after_table(items, index, True, allowed)


def _continuing_row_follows(items: Sequence[Item], k: int, allowed: _DecimalSequence) -> bool:
    """Does a row number that goes on this table's numbering (not a first one) come within a few
    items, with a name after it?"""
    seen = 0
    while k < len(items) and seen < _ROW_LOOKAHEAD:
        if not items[k].gap:
            label = parse_label(items[k].text)
            if label is not None and not is_first_of_sequence(label) and _plausible_successor(allowed.last, label):
                return _names_a_row(_next_item(items, k + 1)) or _code_then_name(items, k + 1)
            seen += 1
        k += 1
    return False


#: A score cell that is no single figure but reads as one: a range, a bound, a rate, a ratio
#: ("0 - 2", "≥ 95%", "7,5/10").
_FIGURE_LIKE = re.compile(r"^[\s\d.,/%≥≤<>=+\-–]*\d[\s\d.,/%≥≤<>=+\-–]*$")


def _reads_as_figure(text: str) -> bool:
    """A score cell's figure, or a range, bound, rate or ratio printed in its place."""
    return parse_number(text) is not None or bool(_FIGURE_LIKE.match(text.strip()))


def _figure_of_the_row(
    items: Sequence[Item], k: int, label: Label, current: list[Item] | None, width: int, allowed: _DecimalSequence
) -> bool:
    """Is the row number (or "-") at ``items[k]`` rather a figure of the unfinished row, after
    its other figures? So when the row then has exactly the header's cells up to the next row
    number ("1 | Kế hoạch CCHC | 2 | 2 | 2 | Kế hoạch số 12/KH-SNV | a) ...", "25 | 27 | - |
    Chưa có kế hoạch | 6 ..."), or when the same number is printed again before any other, the
    row as wide as the header or wider ("1 | Công tác chỉ đạo | 3 | 2 | Ban hành kế hoạch | Sở
    Nội vụ | 2 | Công tác tuyên truyền", a unit cell of two paragraphs counting twice). Not when
    what follows has the row's own shape: rows left short by a rowspan ("2 | Tuyên truyền | 4 |
    3 | Kiểm tra | 3") are rows. Right after the row's text a number is the next row's: "1 | Chỉ
    đạo | 2 | Kế hoạch | 2 | Cải cách" may be a score 2 then row 2, or a short row 1 then row 2
    with a score 2; a text dump cannot tell (Markdown can: its rows open after a gap). The text
    after the table ("Nơi nhận:") ends what is counted: the table's last row has its own shape.
    Right after the row's text, the number is a figure only when the row number after it reads
    on from the row and not from the number (``_reads_on_past``)."""
    if not current:
        return False
    following, index = _rest_of_row(items, k, allowed)
    if not _reads_as_figure(current[-1].text):
        return _reads_on_past(current, label, following, index, items, width, allowed)
    cells = len(current) + len(following)
    other = parse_label(items[index].text) if index is not None else None
    if other is not None and cells <= width and _numbering_skips(current, label, other):
        return True  # "1.1 | Kế hoạch | 2 | 2 | Ban hành ... | 1.2": row 2 is not followed by 1.2
    if cells > width and _total_completes(current, following, width):
        return True  # "2 | Cải cách | 4 | 3 | Sở Nội vụ | ␠ | TỔNG ĐIỂM": the 3 is row 2's score
    if _shape(following[1:]) == _shape(current[1:]):
        return False
    if index is None:
        return cells == width
    again = other is not None and (other.style, other.key) == (label.style, label.key)
    # printed again before any other row number, it is this row's figure; when the row is then
    # wider than the header (a text dump prints a cell's paragraphs as cells of their own), only
    # if the number printed again opens a row with its name and figures
    return cells == width or (again and (cells <= width or _row_with_figures(items, index)))


def _rest_of_row(
    items: Sequence[Item], k: int, allowed: _DecimalSequence, after: Label | None = None
) -> tuple[list[Item], int | None]:
    """The items from ``k`` up to the next row number followed by a name (one that can follow
    ``after``, when given), and that number's index (None: the table ends first)."""
    following = [items[k]]
    index = _next_index(items, k + 1)
    while index is not None:
        other = parse_label(items[index].text)
        if (
            other is not None
            and _names_a_row(_next_item(items, index + 1))
            and (after is None or _plausible_successor(after, other))
        ):
            break
        if _after_table(items, index, True, allowed):
            return following, None
        following.append(items[index])
        index = _next_index(items, index + 1)
    return following, index


def _total_completes(current: list[Item], following: list[Item], width: int) -> bool:
    """Does the total row open right where the row would be complete with ``following`` ("2 |
    Cải cách | 4 | 3 | Sở Nội vụ" then "␠ | TỔNG ĐIỂM | 10 | 8")? Its label there (after the blank of
    its number cell, if printed) ends the row; "Tổng công ty ..." is a unit's name."""
    at = width - len(current)
    if at <= 0 or at >= len(following):
        return False
    if is_blank(following[at].text):
        at += 1
    if at >= len(following):
        return False
    folded = fold(following[at].text)
    return bool(TOTAL_ROW.match(folded)) and not _COMPANY.match(folded)


#: "Tổng công ty ...", a unit: "công" folds as "cộng" does.
_COMPANY = re.compile(r"^tong cong ty\b")


def _reads_on_past(
    current: list[Item],
    label: Label,
    following: list[Item],
    index: int | None,
    items: Sequence[Item],
    width: int,
    allowed: _DecimalSequence,
) -> bool:
    """Is a number right after the row's text a figure of the row, because the row number that
    comes next reads on from the row and could not follow the number? "1.1 | Ban hành kế hoạch |
    2 | Kế hoạch số 12 | Sở Nội vụ | 1.2 ...": a score 2 (row 2 is not followed by 1.2); "1 | Máy
    tính | 2 | Sở Nội vụ | 2 | Máy in | 6 | Sở Tư pháp": a quantity 2 (row 2 would be printed
    twice). Only between decimal row numbers (a group title "A | THỦ TỤC CẤP TỈNH" is short by
    nature), when the row does not grow wider than the header and the next row is then as wide
    as it, named by no unit, with a figure, nothing or a short mark where this row takes one: a
    row short by a merged cell ("2 | Tuyên truyền | 3 | Kiểm tra | 3 | Báo cáo" at the table's
    end; "3 | Kiểm tra | 3 | Sở Tư pháp | phối hợp ...": a unit after the "3" taken for the next
    row number) stays a row."""
    if index is None or len(current) + len(following) > width:
        return False
    other = parse_label(items[index].text)
    if not _numbering_skips(current, label, other):
        return False
    next_row, _ = _rest_of_row(items, index, allowed, after=other)
    # the next row has a name (not a unit's) and a figure, nothing or a mark where this one gets
    # one: "2 | Máy in | 6 | ..." after "1 | Máy tính | 2"; not "3 | Sở Tư pháp | phối hợp ..."
    return len(next_row) >= width and _names_no_unit(next_row[1]) and _figure_cell(next_row[len(current)].text)


def _numbering_skips(current: list[Item], label: Label, other: Label | None) -> bool:
    """Between decimal row numbers, does the next row number ``other`` read on from the current
    row and not from ``label``, the number taken for a row between them (1.1, "2", 1.2)?"""
    row = parse_label(current[0].text)
    if row is None or other is None or {row.style, label.style, other.style} != {"decimal"}:
        return False
    return _plausible_successor(row, other) and not _plausible_successor(label, other)


def _figure_cell(text: str) -> bool:
    """A cell that may stand in a column of figures: a figure, nothing, no figure ("-", "x"), or
    a mark of three words at most ("Đạt", "Thường xuyên") that is no unit's name."""
    if _reads_as_figure(text) or is_blank(text) or is_no_value(text):
        return True
    return len(text.split()) <= 3 and not looks_like_unit(text)


def _names_no_unit(item: Item) -> bool:
    """Does the item read as a row's name: text not going on in small letters, and no unit's name
    ("Sở Tư pháp", "UBND các huyện", "các đơn vị liên quan": the lines of a units cell going on)?"""
    text = item.text.strip()
    return bool(text) and not text[0].islower() and not looks_like_unit(text)


def _row_with_figures(items: Sequence[Item], k: int) -> bool:
    """Does the row number at ``items[k]`` open a row: its name, then a figure among the next
    three cells?"""
    following: list[Item] = []
    index = _next_index(items, k + 1)
    while index is not None and len(following) < 4:
        following.append(items[index])
        index = _next_index(items, index + 1)
    return (
        bool(following)
        and parse_number(following[0].text) is None
        and any(parse_number(item.text) is not None for item in following[1:])
    )


def _shape(cells: Sequence[Item]) -> tuple[str, ...]:
    """What each cell holds: a figure (or a no-data mark), nothing, or text."""
    return tuple(
        "blank" if is_blank(c.text) else "figure" if _reads_as_figure(c.text) or is_no_value(c.text) else "text"
        for c in cells
    )


#: Items looked at for a next row before a line is taken for the text after the table.
_ROW_LOOKAHEAD = 8


def _after_table(items: Sequence[Item], k: int, full: bool, allowed: _DecimalSequence) -> bool:
    """Does the text after the table begin at ``items[k]``? "Nơi nhận:" or "TM. ỦY BAN NHÂN
    DÂN" always; after a complete row, "Điều 15.", "Chương II" or "Mẫu số 01" when no further
    row comes within a few items (a cell's second paragraph may cite "Mẫu số 02 ...")."""
    text = items[k].text.strip()
    folded = fold(text)
    recipients = RECIPIENTS_LABEL.match(folded) and ":" in folded[:12]
    signing = folded.startswith(SIGNATURE_PREFIXES) and mostly_upper(text)
    if recipients or signing:
        return not _row_follows(items, k + 1, allowed)
    if not (full and TEXT_AFTER_TABLE.match(folded)):
        return False
    return not _row_follows(items, k + 1, allowed) or _header_follows(items, k + 1)


def _header_follows(items: Sequence[Item], k: int) -> bool:
    """Does another table's header ("Số TT | Chỉ tiêu") come within a few items (a form's title
    lines between), with rows numbered from the start (1, I, A) after it? Then those rows are
    that table's; a header printed again at a page break, the numbering going on, is not one."""
    seen = 0
    while k < len(items) and seen < _ROW_LOOKAHEAD:
        if not items[k].gap:
            if _new_header(items, k):
                return _first_row_restarts(items, k + 1)
            seen += 1
        k += 1
    return False


def _first_row_restarts(items: Sequence[Item], k: int) -> bool:
    """Is the first row number after a header at ``items[k - 1]`` a first one (1, I, A, a)?"""
    seen = 0
    while k < len(items) and seen <= MAX_HEADER_CELLS:
        if not items[k].gap:
            label = parse_label(items[k].text)
            if label is not None:
                return is_first_of_sequence(label)
            seen += 1
        k += 1
    return False


def _row_follows(items: Sequence[Item], k: int, allowed: _DecimalSequence) -> bool:
    """Is a row number that may come next, with a name after it, among the next few items?"""
    seen = 0
    while k < len(items) and seen < _ROW_LOOKAHEAD:
        if not items[k].gap:
            label = parse_label(items[k].text)
            numbered = label is not None and label.style == "decimal" and allowed.accepts(label)
            if numbered and _names_a_row(_next_item(items, k + 1)):
                return True
            seen += 1
        k += 1
    return False


def _fused(items: Sequence[Item], k: int) -> tuple[str, str] | None:
    """ "I. TITLE" at ``items[k]``; "A. Vi sinh vật" too when a first number follows (a group)."""
    after = _next_item(items, k + 1)
    return fused_label(items[k].text, names=after is not None and opens_numbering(after.text))


def _code_then_name(items: Sequence[Item], k: int) -> bool:
    """Is the next item (from ``k``) a procedure code and a name the next after it (maybe past
    an empty cell)?"""
    index = _next_index(items, k)
    if index is None or not PROCEDURE_CODE.fullmatch(items[index].text.strip()):
        return False
    return _name_follows(items, index + 1)


def _sequenced_row(
    items: Sequence[Item], k: int, label: Label, allowed: _DecimalSequence, mid_row: bool = False
) -> bool:
    """A letter or roman row at ``items[k]``: it goes on its sequence and has a name after it
    (maybe past empty cells, or after a code), or is a group with no title whose first row
    follows ("A |  |  | 1 | Tuyên truyền"); an "x" mark in a column has none of these."""
    return allowed.accepts(label) and (
        _name_follows(items, k + 1)
        or _code_then_name(items, k + 1)
        or _first_child_follows(items, k + 1, label, mid_row)
    )


def _first_child_follows(items: Sequence[Item], k: int, label: Label, mid_row: bool = False) -> bool:
    """Does the first row under the group ``label`` come next (from ``k``, maybe past empty
    cells): a number of a deeper kind that starts its sequence, with a name after it? Inside
    an unfinished Markdown row (``mid_row``) one gap alone after the label is the row's end:
    the label was the row's last cell ("I | KHỐI SỞ | | A" then "1 | Sở Nội vụ"), not a group;
    a row of its own ("| A |", a colspan) may end so."""
    gaps = 0
    while k < len(items) and (items[k].gap or is_blank(items[k].text)):
        gaps += items[k].gap
        k += 1
    if mid_row and gaps == 1:
        return False
    child = parse_label(items[k].text) if k < len(items) else None
    return (
        child is not None
        and STYLE_RANK[child.style] > STYLE_RANK[label.style]
        and is_first_of_sequence(child)
        and _names_a_row(_next_item(items, k + 1))
    )


def _name_follows(items: Sequence[Item], k: int) -> bool:
    """Does a name come next (from ``k``), maybe after empty cells ("I |   | TITLE")?"""
    while k < len(items) and (items[k].gap or is_blank(items[k].text)):
        k += 1
    return k < len(items) and _names_a_row(items[k])


def _names_a_row(item: Item | None) -> bool:
    """A row's name: text, not a figure, a mark or another label."""
    if item is None or is_blank(item.text):
        return False
    text = item.text.strip()
    return parse_number(text) is None and parse_label(text) is None


def _plausible_successor(previous: Label | None, label: Label) -> bool:
    if previous is None:
        return True
    if previous.style == "decimal" and label.style == "decimal":
        return label.key in decimal_successors(previous.key)
    if previous.style != label.style or label.style in BULLET_STYLES:
        return True
    return steps_after(previous, label)


def _assemble(
    row: list[Item],
    columns: Sequence[Column],
    previous: tuple[Cell, ...] | None,
    row_number: int,
    short_rows: ShortRows,
    notes: list[ReadNote],
    numeric: set[int],
    grid: Sequence[tuple[Cell, ...]] = (),
) -> tuple[Cell, ...]:
    """Spread a row's items over the columns.

    A text dump prints one paragraph per item, so extra items join multi-paragraph cells.
    A Markdown dump prints one cell per item: a short row lost cells to a merge (a rowspan
    from the row above, or a colspan after the name), a long row carries an unnumbered
    sub-row whose cells belong to the right-hand columns.
    """
    first, rest = row[0], row[1:]
    targets = columns[1:]
    label_text = first.text.strip() or "(unnumbered)"
    missing = len(targets) - len(rest)
    if missing > 0:
        inherited = _inherit(previous, first, len(columns), missing, row_number) if short_rows == "inherit" else None
        if inherited is not None:
            if any(not c.is_empty for c in inherited):
                notes.append(
                    ReadNote(
                        "merged_cell_inferred",
                        f"row {label_text} has {len(rest) + 1} of {len(columns)} cells; the last {missing} "
                        "were taken from the row above as merged cells",
                        first.text.strip() or None,
                    )
                )
            cells = [Cell(_paragraphs([first]))] + [Cell(_paragraphs([item])) for item in rest]
            return tuple(cells + inherited)
        numbered = parse_label(first.text) is not None
        last = next((item for item in reversed(rest) if not item.is_empty), None)
        ends_in_text = last is not None and parse_number(last.text) is None
        total = first.is_empty and bool(rest) and bool(TOTAL_ROW.match(fold(rest[0].text)))
        figures = sum(parse_number(item.text) is not None for item in rest)
        by_sums = _total_by_sums(rest, columns, numeric, grid) if total else None
        if by_sums is not None:  # "| | TỔNG ĐIỂM | 7 | 5 | | |": the figures go where the rows add up to them
            return by_sums
        if (
            total
            and figures == len(numeric)
            and not any(item.is_empty for item in rest)
            and _fits_from_the_left(rest, numeric)
        ):
            # "| | TỔNG ĐIỂM | 37 | 30,20 | | |": a Markdown dump drops the empty cells at the end;
            # one figure for each column of figures leaves no doubt where they stand (with fewer,
            # or an empty cell inside, the lost cells may be anywhere: aligned right below)
            cells = [Cell(_paragraphs([first]))] + [Cell(_paragraphs([item])) for item in rest]
            return tuple(cells + [Cell()] * missing)
        if numbered and ends_in_text and len(rest) > 1 and _fits_from_the_left(rest, numeric):
            placed = placed_by_kind([item.text for item in rest], [c.role for c in targets], {i - 1 for i in numeric})
            if placed is not None:  # "2 | Việc B | Công an tỉnh | Quý II/2024": the lead unit merged away
                cells = [Cell()] * len(targets)
                for item, column in zip(rest, placed, strict=True):
                    cells[column] = Cell(_paragraphs([item]))
                message = placed_message(label_text, len(rest) + 1, [c.header for c in columns[1:]], placed)
                notes.append(ReadNote("short_row", message, first.text.strip() or None))
                return tuple([Cell(_paragraphs([first])), *cells])
            # "1 | 2.001611 | name | x" at the end of a table: every cell has its column's
            # type where it stands, so only trailing empty cells were lost
            notes.append(
                ReadNote(
                    "short_row",
                    f"row {label_text} has {len(rest) + 1} cells for {len(columns)} columns; they fit the "
                    f"columns from the left, and the last {missing} were left empty",
                    first.text.strip() or None,
                )
            )
            cells = [Cell(_paragraphs([first]))] + [Cell(_paragraphs([item])) for item in rest]
            return tuple(cells + [Cell()] * missing)
        if rest and any(not item.is_empty for item in rest[1:]):
            notes.append(
                ReadNote(
                    "short_row",
                    f"row {label_text} has {len(rest) + 1} cells for {len(columns)} columns; the cells after "
                    "the name were aligned to the right-hand columns and the others left empty",
                    first.text.strip() or None,
                )
            )
        return tuple([Cell(_paragraphs([first]))] + _align_right(rest, targets, numeric))
    if missing < 0 and short_rows == "inherit":
        return _with_sub_row(first, rest, columns, label_text, notes)
    if (head := _continued_row(row, len(columns))) is not None:
        notes.append(
            ReadNote(
                "sub_row_merged",
                f"row {label_text} goes on after a page break in a row with no number; its cells were "
                "joined to the row's own, column by column",
                first.text.strip() or None,
            )
        )
        own = _assemble(row[:head], columns, previous, row_number, short_rows, notes, numeric, grid)
        more = row[head:]
        return tuple(
            Cell(cell.paragraphs + (_paragraphs([more[col]]) if not more[col].is_empty else ()), cell.span_origin)
            for col, cell in enumerate(own)
        )
    split = _best_split(rest, targets, {i - 1 for i in numeric if i >= 1})
    cells = [Cell(_paragraphs([first]))]
    position = 0
    for count in split:
        cells.append(Cell(_paragraphs(rest[position : position + count])))
        position += count
    return tuple(_title_to_name(cells, columns, numeric))


#: Placements of a total row's figures tried at most (wide tables of figures).
_MAX_PLACEMENTS = 2000


def _roles_named(label: str, columns: Sequence[Column]) -> set[int]:
    """Columns whose score the total's label names ("TỔNG ĐIỂM ĐẠT": the achieved score)."""
    folded = fold(label)
    named = {role for role, words in TOTAL_ROLE_WORDS if any(w in folded for w in words)}
    return {c.index for c in columns if c.role in named}


def _total_by_sums(
    rest: list[Item], columns: Sequence[Column], numeric: set[int], grid: Sequence[tuple[Cell, ...]]
) -> tuple[Cell, ...] | None:
    """A total row that lost some cells ("| | TỔNG ĐIỂM | 7 | 5 | | |", "| | TỔNG ĐIỂM ĐẠT | 30,2 |"):
    each figure goes to the column of figures whose top-level rows add up to it (in order). None
    when the row holds anything but figures or no placement matches a sum."""
    figures = [item for item in rest[1:] if not item.is_empty]
    values = [parse_number(item.text) for item in figures]
    if not figures or any(v is None for v in values) or len(figures) > len(numeric):
        return None
    labels = [(row, parse_label(row[0].text)) for row in grid[1:] if row]
    numbered = [(row, label) for row, label in labels if label is not None]
    if not numbered:
        return None
    style = numbered[0][1].style
    top = [row for row, label in numbered if label.style == style and "." not in label.key]
    sums = {
        c: sum((parse_number(row[c].text) or Decimal(0) for row in top if c < len(row)), Decimal(0)) for c in numeric
    }
    named = _roles_named(rest[0].text, columns)
    best, best_score = None, 0
    for placement in islice(combinations(sorted(numeric), len(figures)), _MAX_PLACEMENTS):
        matches = sum(abs(v - sums[c]) <= Decimal("0.01") for v, c in zip(values, placement, strict=True))  # type: ignore[operator]
        score = 2 * matches + sum(c in named for c in placement)  # a tie goes to the columns the label names
        if matches and score > best_score:
            best, best_score = placement, score
    if best is None:
        return None
    cells = [Cell()] * len(columns)
    cells[1] = Cell(_paragraphs([rest[0]]))
    for item, column in zip(figures, best, strict=True):
        cells[column] = Cell(_paragraphs([item]))
    return tuple(cells)


def _continued_row(row: list[Item], width: int) -> int | None:
    """Where a text dump's row goes on after a page break: its last ``width`` items are a row of
    the header's cells whose number and name cells are empty and one or two others filled ("" |
    "" | "- Đề xuất xử lý." | "" | "" | ""), after a row of its own of ``width`` items or more
    that ends in a filled cell. None otherwise."""
    if len(row) < 2 * width:
        return None
    more = row[-width:]
    filled = sum(not item.is_empty for item in more)
    # its number and name cells empty, one or two cells filled (a list going on); the item before
    # it filled (an empty one may be a cell of the row's own, a blank paragraph, or the
    # continuation's first cell with a cell of two paragraphs after it: where it starts is unknown)
    if row[0].is_empty or not more[0].is_empty or not more[1].is_empty or not 1 <= filled <= 2:
        return None
    return len(row) - width if not row[-width - 1].is_empty else None


def _title_to_name(cells: list[Cell], columns: Sequence[Column], numeric: set[int]) -> list[Cell]:
    """A group row printed as its title then empty cells ("I | Lĩnh vực Du lịch | | |") over
    TT | Mã TTHC | Tên TTHC: the title stood across the code column, and belongs to the name."""
    name_at = next((i for i, c in enumerate(columns) if c.role == "name"), None)
    if name_at is None or name_at < 2 or 1 not in numeric or cells[1].is_empty:
        return cells
    if parse_number(cells[1].text) is not None or any(not c.is_empty for c in cells[2 : name_at + 1]):
        return cells
    moved = list(cells)
    moved[name_at], moved[1] = cells[1], Cell()
    return moved


def _fits_from_the_left(rest: list[Item], numeric: set[int]) -> bool:
    """Does every cell after the number have the type of the column it stands in, figures in
    columns of figures and text elsewhere?"""
    return all(
        (parse_number(item.text) is not None) == (index in numeric)
        for index, item in enumerate(rest, start=1)
        if not item.is_empty
    )


def _align_right(rest: list[Item], targets: Sequence[Column], numeric: set[int]) -> list[Cell]:
    """A row that lost cells to a colspan after its name: the name stays first, the other
    cells go to the rightmost columns that fit them (figures to columns of figures). When the
    types leave too few columns, the cells simply follow the name: none is dropped.

    The name is the first cell after the number, unless that column holds figures or codes
    and a name column comes later ("I | Lĩnh vực Du lịch" over TT | Mã TTHC | Tên TTHC): a
    group title spans the code column and belongs to the name."""
    width = len(targets)
    cells = [Cell()] * width
    name_at = 0
    if rest and 1 in numeric and parse_number(rest[0].text) is None:
        name_at = next((i for i, c in enumerate(targets) if c.role == "name"), 0)
        if len(rest) - 1 > width - 1 - name_at:
            name_at = 0  # not enough columns after the name for the other cells
    if rest:
        cells[name_at] = Cell(_paragraphs(rest[:1]))
    column = width - 1
    for placed, item in enumerate(reversed(rest[1:])):
        is_figure = parse_number(item.text) is not None
        left_needed = len(rest) - 2 - placed  # items still to place to the left of this one
        while column - 1 - name_at > left_needed and not item.is_empty and (column + 1 in numeric) != is_figure:
            column -= 1
        cells[column] = Cell(_paragraphs([item]))
        column -= 1
    return cells


def numeric_columns(rows: Sequence[Sequence[Cell]], width: int) -> set[int]:
    """Grid columns (counting the row number as 0) that hold figures in complete rows; group
    rows (I, A) are left out when there are numbered rows, their titles stand anywhere."""
    counts = [[0, 0] for _ in range(width)]
    labels = [parse_label(row[0].text) for row in rows]
    detail = any(label is not None and label.style == "decimal" for label in labels)
    for row, label in zip(rows, labels, strict=True):
        if len(row) != width or (detail and (label is None or label.style != "decimal")):
            continue
        for index, item in enumerate(row[1:], start=1):
            if not item.is_empty:
                counts[index][0] += 1
                counts[index][1] += parse_number(item.text) is not None
    return {i for i, (filled, figures) in enumerate(counts) if filled >= 2 and figures * 10 >= filled * 6}


def _empty_row_length(items: Sequence[Item], k: int) -> int:
    """Length of a run of two or more blank cells closed by a gap (an empty table row)."""
    n = k
    while n < len(items) and not items[n].gap and items[n].is_empty:
        n += 1
    return n - k if n - k >= 2 and (n >= len(items) or items[n].gap) else 0


def _inherit(
    previous: tuple[Cell, ...] | None, first: Item, width: int, missing: int, row_number: int
) -> list[Cell] | None:
    """The last cells of the sibling row above, when they are text (notes, units) that a
    rowspan carries down; figures are not carried (a group row just has none)."""
    if previous is None or not _same_kind(previous[0].text, first.text):
        return None
    above = previous[width - missing :]
    if any(not c.is_empty and parse_number(c.text) is not None for c in above):
        return None
    return [Cell(c.paragraphs, c.span_origin or (row_number - 1, width - missing + i)) for i, c in enumerate(above)]


def _with_sub_row(
    first: Item, rest: list[Item], columns: Sequence[Column], label_text: str, notes: list[ReadNote]
) -> tuple[Cell, ...]:
    """A row followed by an unnumbered sub-row: the sub-row's cells join the right-hand
    columns (its left-hand cells were merged with the row's); text never lands in a column
    of figures (a page-break remainder goes back to the last text column on its left)."""
    width = len(columns) - 1
    main, extra = rest[:width], rest[width:]
    paragraphs = [list(_paragraphs([item])) for item in main]
    offset = width - len(extra)
    for i, item in enumerate(extra):
        column = max(offset + i, 0)
        if parse_number(item.text) is None and not is_blank(item.text):
            while column > 0 and main[column].paragraphs and parse_number(main[column].text) is not None:
                column -= 1
        paragraphs[column].extend(_paragraphs([item]))
    notes.append(
        ReadNote(
            "sub_row_merged",
            f"row {label_text} is followed by {len(extra)} cells without a row number; they were added to "
            "the row's right-hand cells",
            first.text.strip() or None,
        )
    )
    return tuple([Cell(_paragraphs([first]))] + [Cell(tuple(p)) for p in paragraphs])


def _same_kind(previous_label: str, label: str) -> bool:
    a, b = parse_label(previous_label), parse_label(label)
    return a is not None and b is not None and a.style == b.style and a.depth == b.depth


def _paragraphs(items: Sequence[Item]) -> tuple[str, ...]:
    return tuple(p for item in items for p in item.paragraphs if not is_blank(p))


def _best_split(items: list[Item], columns: Sequence[Column], figures: Collection[int] = ()) -> list[int]:
    """How many items each column takes: every column at least one, single-value columns
    exactly one, and a new cell should not start with what looks like a continuation.
    ``figures``: the (0-based) columns the table's complete rows fill with figures; a word
    starting one costs as in a score column ("(Km5 - Km12)" is the name's), and a second item
    costs more than in a text column ("45" / "(ước)" stay together only when no text column can
    take the note)."""
    n, m = len(items), len(columns)
    blank = [is_blank(item.text) for item in items]
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    choice = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        column = columns[j - 1]
        previous_role = columns[j - 2].role if j >= 2 else None
        in_figures = j - 1 in figures
        multi = column.role in MULTI_PARAGRAPH_ROLES and not _period_column(column, marks_only=True)
        period = _period_column(column)
        # what it costs the column to start at each item, once (the loops below ask again and again)
        start = [_start_penalty(items, a, column, previous_role, period, in_figures) for a in range(n)]
        for i in range(j, n - (m - j) + 1):
            for count in range(1, i - (j - 1) + 1):
                a = i - count
                if count > 1 and not multi and (j < m or not blank[a + 1]):
                    break  # a single-value column takes one item, the last one blank ones after it too
                if best[a][j - 1] == inf:
                    continue
                penalty = best[a][j - 1] + start[a]
                if count > 1 and not multi:
                    # "2" / "&nbsp;" at the end of the table: a blank paragraph after the last
                    # row's last cell is no cell of it; it costs less than a figure added to the name
                    penalty += 0.001 * (count - 1)
                elif count > 1 and column.role != "tasks":
                    # an extra paragraph goes to a later column rather than an earlier one: a
                    # name or unit is one line, a note or a form may cite a second ("Mẫu số 02");
                    # a figure takes one only when no text column can ("45" / "(ước)")
                    penalty += (0.5 if in_figures else 0.01) * (count - 1) * (1 + 0.01 * (m - j))
                if penalty < best[i][j]:
                    best[i][j] = penalty
                    choice[i][j] = count
    if best[n][m] == inf:  # no column can take the extra items: the last one keeps them all
        return [1] * (m - 1) + [n - (m - 1)]
    counts: list[int] = []
    i = n
    for j in range(m, 0, -1):
        counts.append(choice[i][j])
        i -= choice[i][j]
    return counts[::-1]


def _start_penalty(
    items: list[Item], a: int, column: Column, previous_role: str | None, period: bool, figures: bool = False
) -> float:
    """What it costs to start ``column`` at ``items[a]``: a word in a score column or a column
    of figures (``figures``), a line that goes on the one before, a unit's name as a deadline or
    in a period's column (``period``), or a units column that starts one line after a unit's
    name ("Công an tỉnh | Sở Thông tin và Truyền thông" is one cell). A lone "-" is a cell with
    no figure, not a list item going on."""
    text = items[a].text
    penalty = 0.0
    if (column.role in SCORE_ROLES or figures) and not is_blank(text) and parse_number(text) is None:
        penalty += 0.0 if figures and is_no_value(text) else 2.0
    if is_blank(text) or is_no_value(text):
        return penalty
    unit = column.role in UNIT_ROLES
    if a > 0 and column.role != "unit":  # a unit of measure is a lowercase word ("người", "xã")
        previous = items[a - 1].text.rstrip()
        if _CONTINUATION_START.match(text) or previous.endswith((":", ",", ";")):
            penalty += 1.0
        elif unit and previous_role not in UNIT_ROLES and looks_like_unit(previous) and looks_like_unit(text):
            penalty += 0.5
    if (column.role == "deadline" or period) and looks_like_unit(text):
        penalty += 1.0
    return penalty


def _period_column(column: Column, marks_only: bool = False) -> bool:
    """A column for one period ("Quý I", "Tháng 6", "Năm 2024" under "Thời gian thực hiện"): it
    never holds a unit's name; a quarter's or a month's (``marks_only``) holds one mark or figure,
    a year's may hold a plan's paragraphs."""
    folded = fold(column.header.split(" / ")[-1]).strip()
    if column.role != "other" or not PERIOD_HEADER.match(folded):
        return False
    return not marks_only or folded.startswith(("quy", "thang"))
