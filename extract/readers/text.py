"""Text dumps of LawNet-style pages (what people save with "select all, copy").

The dump is the page's visible text: the attribute block as "Label: value" lines, the
document one paragraph per line, and tables one cell per line (an empty cell is a line
holding only a non-breaking space, a multi-paragraph cell several lines). The table grid is
rebuilt from that cell stream by the header (column count and roles) and the row numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extract.columns import map_columns, merge_header_rows, role_of
from extract.header import attribute_labels, find_head, header_start, translation_start
from extract.numbering import (
    Label,
    OpenHeadings,
    column_label_run,
    fused_label,
    is_first_of_sequence,
    label_kind,
    names_kind,
    numbers_columns,
    opens_numbering,
    parse_label,
)
from extract.page import Block, Cell, PageError, RawPage
from extract.readers.cellstream import EMPTY, MAX_HEADER_CELLS, Item, data_cell, read_rows, wraps
from extract.readers.grid import appendix_grid
from extract.settings import (
    APPENDIX_HEADING,
    DOC_TYPES,
    PAGE_NUMBER_LINE,
    RECIPIENTS_LABEL,
    ROW_NAME_HEADERS,
    SITE_FOOTER_NOTICE,
    SITE_TITLE_LINE,
    TOTAL_ROW,
    goes_on_into,
    is_clutter_line,
)
from extract.units import looks_like_unit
from normalize.numbers import parse_number
from normalize.text import fold, is_blank, mostly_upper


def read_text(text: str, encoding: str) -> RawPage:
    """A text dump as a RawPage; PageError when no document can be found in it."""
    lines = _unzipped_layout_rows(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines = _pipe_rows_as_tab_rows(lines)
    outside = _without_previews(lines)
    start = document_start(outside)
    if start is None:
        raise PageError("not_a_document", NO_HEADER)
    end = _document_end(lines, start)
    page = RawPage(source_form="text", encoding=encoding)
    page.attributes = _attributes(outside[:start])
    page.page_title = _page_title(lines[:start])
    page.blocks = _blocks(lines[start:end])
    return page


def _unzipped_layout_rows(lines: list[str]) -> list[str]:
    """``lines`` with the header and the signature block read column by column where they were
    copied from the page's layout tables with a tab between the two columns ("ỦY BAN NHÂN
    DÂN⇥CỘNG HÒA XÃ HỘI ...", "Số: 87/KH-UBND⇥Cà Mau, ngày ...", "Nơi nhận:⇥TM. ỦY BAN NHÂN
    DÂN"): the left column's lines, then the right column's, as a page with one cell per line
    prints them. Read row by row, the issuing body ran into the motto, the number into the
    place, the recipients into the signer."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        left, tab, right = lines[i].partition("\t")
        kind = _layout_kind(left, right) if tab and "\t" not in right else None
        if kind is None:
            out.append(lines[i])
            i += 1
            continue
        lefts: list[str] = []
        rights: list[str] = []
        while i < len(lines) and _layout_row(lines[i], kind):
            left, _, right = lines[i].partition("\t")
            lefts.extend([left.rstrip()] if left.strip() else [])
            rights.extend([right.strip()] if right.strip() else [])
            i += 1
            if kind == "header" and (_NUMBER_LINE.match(fold(left.strip())) or _DATE_IN_LINE.search(fold(right))):
                break  # the number and the place and date close the header's two columns
        out.extend(lefts + rights)
    return out


def _pipe_rows_as_tab_rows(lines: list[str]) -> list[str]:
    """``lines`` with a table written with " | " between its cells (and maybe a bar at each end,
    but no "|---|" line under its header, so no Markdown table) as rows with tabs between the
    cells, as the dumps' tab rows are read: three lines at least in a run, two of them opening
    with a row number, nearly all with the same number of cells, three or more."""
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].count("|") >= 2 and not _GFM_RULE.search(lines[j]):
            j += 1
        framed = sum(_framed(line) for line in lines[i:j]) * 10 >= (j - i) * 8  # "| a | b |" lines
        run = [_pipe_cells(line, framed) for line in lines[i:j]]
        # rows, not a menu or a contact line: a number in the first cell, or before its text ("1. Rà soát")
        numbered = sum(parse_label(cells[0]) is not None or bool(_NUMBER_IN_LEFT.match(cells[0])) for cells in run)
        if len(run) >= _PIPE_RUN and numbered >= 2:
            counts = Counter(len(cells) for cells in run)
            width, most = counts.most_common(1)[0]
            if width >= 3 and most * 10 >= len(run) * 8:
                out[i:j] = ["\t".join(cell or "\u00a0" for cell in cells) for cells in run]
        i = max(j, i + 1)
    return out


def _framed(line: str) -> bool:
    text = line.strip()
    return len(text) > 1 and text.startswith("|") and text.endswith("|")


def _pipe_cells(line: str, framed: bool) -> list[str]:
    """The cells of "a | b | c", or of "| a | b | c |" in a table whose lines have a bar at each
    end (no cells); in one without, " | Tổng cộng | 6 | " opens and ends with an empty cell."""
    text = line.strip()
    if framed and _framed(line):
        text = text[1:-1]
    return [cell.strip() for cell in text.split("|")]


#: Lines of a table written with bars, at least.
_PIPE_RUN = 3
#: The rule under a Markdown table's header ("|---|:--:|"): such a table is Markdown's.
_GFM_RULE = re.compile(r"\|\s*:?-{3,}")


#: The national motto at the right of a header row, "Nơi nhận" at the left of a signature row (folded).
_MOTTO = "cong hoa xa hoi chu nghia viet nam"
#: A recipients line going on below the signature column: "- Lưu: VT."
_RECIPIENT_LINE = re.compile(r"^\s*[-–+•]\s*\S")


def _layout_kind(left: str, right: str) -> str | None:
    """ "header" or "signature" when a line with one tab opens such a block, else None."""
    if fold(right.strip(" *")).startswith(_MOTTO):
        return "header"
    if RECIPIENTS_LABEL.match(fold(left.strip(" *_"))):
        return "signature"
    return None


def _layout_row(line: str, kind: str) -> bool:
    """Does ``line`` go on the block: two cells with one tab between them (either may be empty),
    neither a heading of what comes after the block (the document's type or a numbered heading
    after the header, an appendix's heading or a numbered row after the signature); in a
    signature block also a recipients line with no cell beside it."""
    tabs = line.count("\t")
    if tabs == 0:
        return kind == "signature" and bool(_RECIPIENT_LINE.match(line))
    if tabs != 1 or not line.strip():
        return False
    left, _, right = (fold(part.strip(" *_")) for part in line.partition("\t"))
    label = parse_label(left.split(" ")[0])
    if (label is not None and label.style not in ("dash", "plus")) or _NUMBER_IN_LEFT.match(left):
        return False  # "I.⇥MỤC ĐÍCH", "1. Rà soát văn bản⇥Sở Tư pháp"; not "- Như trên;⇥CHỦ TỊCH"
    if kind == "header":
        return not any(right.startswith(doc_type) for doc_type in DOC_TYPES)
    return not APPENDIX_HEADING.match(right) and not APPENDIX_HEADING.match(left)


#: The number line of a header ("Số: 87/KH-UBND") and a place and date ("Cà Mau, ngày 20 ...") (folded).
_NUMBER_LINE = re.compile(r"^so\s*(?::|\d)")  # not "SỞ NỘI VỤ", an issuing body's line
_DATE_IN_LINE = re.compile(r",\s*ngay\b")
#: A numbered line in a left cell ("1. Rà soát văn bản") (folded).
_NUMBER_IN_LEFT = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]\s")


#: "Văn bản liên quan" (folded): the site's list of related documents, which may preview one
#: (its attributes, header and title) down to a "Xem tiếp..." line.
_RELATED_LIST = re.compile(r"^van ban lien quan\b")
_READ_ON = re.compile(r"^xem tiep\W*$")
#: Lines of a related document's preview, at most.
_PREVIEW_LINES = 60


def _without_previews(lines: list[str]) -> list[str]:
    """``lines`` with the site's previews of related documents blanked (the same length): from
    a "Văn bản liên quan" line to a "Xem tiếp..." line not far below it. A preview shows another
    document's attributes and header, which would be taken for the page's own."""
    out = list(lines)
    related: int | None = None
    for i, line in enumerate(lines):
        folded = fold(line.strip(" *_#\t"))
        if _RELATED_LIST.match(folded):
            related = i
        elif related is not None and _READ_ON.match(folded):
            if i - related <= _PREVIEW_LINES:
                out[related : i + 1] = [""] * (i + 1 - related)
            related = None
    return out


def is_clutter(line: str) -> bool:
    """A line of the site around the document (login prompts, empty tabs, placeholders)."""
    return is_clutter_line(fold(line))


NO_HEADER = "no document header found (no national motto 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' and no 'Số: ...' line)"


def document_start(lines: Sequence[str]) -> int | None:
    """Index of the first header line: the issuing body above the national motto, else above
    the "Số: ..." line; for a page that lost its header, its type heading
    (extract/header.find_head)."""
    motto, headless = find_head(lines)
    if headless is not None:
        return headless
    if motto is None:
        motto = next((i for i, line in enumerate(lines) if re.match(r"^so\s*:\s*\S+/", fold(line))), None)
    return None if motto is None else header_start(lines, motto)


def _document_end(lines: Sequence[str], start: int) -> int:
    """Where the document stops: the site's footer or first line after it, or an English
    translation."""
    end = next((i for i in range(start, len(lines)) if is_clutter(lines[i])), len(lines))
    end = min(end, site_footer(lines, start))
    translation = translation_start(lines[:end], start + 1)
    return end if translation is None else translation


def site_footer(lines: Sequence[str], start: int) -> int:
    """Where the site's footer begins after the document's first line ``start``, else the end:
    its notice "Văn bản này chưa cập nhật nội dung Tiếng Anh" with the document's title and date
    after it ("Quyết định 12/QĐ-UBND ngày ..."), and the same title before it, which a page saved
    without blank lines runs into the last table as one more cell. A notice quoted in the text,
    with no such title after it, ends nothing."""
    for i in range(start + 1, len(lines)):
        if not SITE_FOOTER_NOTICE.match(_footer_text(lines[i])):  # "... nội dung Ting Anh": a lost letter
            continue
        after = _title_number(lines, _next_line(lines, i, +1))
        if after is None:
            continue
        before = _next_line(lines, i, -1, start)
        return before if before is not None and _title_number(lines, before) == after else i
    return len(lines)


def _footer_text(line: str) -> str:
    return fold(line.strip(" *_#\t"))


def _next_line(lines: Sequence[str], i: int, step: int, stop: int = -1) -> int | None:
    """The index of the first line after (``step`` +1) or before (-1) line ``i`` that is not
    blank, or None; a "|" line is no line of text (a table's cell ends there)."""
    j = i + step
    while stop < j < len(lines) and not lines[j].strip():
        j += step
    if not stop < j < len(lines) or lines[j].strip() == "|":
        return None
    return j


def _title_number(lines: Sequence[str], at: int | None) -> str | None:
    match = SITE_TITLE_LINE.match(_footer_text(lines[at])) if at is not None else None
    return None if match is None else match.group("number")


def _attributes(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Label/value pairs of the attribute block, one or two pairs a line, in page order; a
    label alone on its line ("Số hiệu:", "**Người ký:**") takes the next non-blank line as its
    value, as a table copied one cell per line prints it."""
    texts = [line.strip().strip("*_").strip() for line in lines]
    pairs: list[tuple[str, str]] = []
    for at, text in enumerate(texts):
        matches = attribute_labels(text)
        if not matches or text[: matches[0].start()].strip():
            continue
        for n, match in enumerate(matches):
            value_end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
            value = text[match.end() : value_end].strip().strip("*_").strip()
            if not value and n + 1 == len(matches):
                value = _value_below(texts, at)
            pairs.append((text[match.start(1) : match.end(1)], value))
    return pairs


#: Lines between a label alone on its line and its value, at most (blank lines aside).
_VALUE_LOOKAHEAD = 3


def _value_below(texts: Sequence[str], at: int) -> str:
    """The value printed under a label alone on its line: the next non-blank line, unless that
    is a label itself (the value was empty)."""
    for text in texts[at + 1 : at + 1 + _VALUE_LOOKAHEAD]:
        if text:
            return "" if attribute_labels(text) else text
    return ""


def _page_title(lines: Sequence[str]) -> str | None:
    for line in lines:
        stripped = line.strip()
        folded = fold(stripped)
        if len(stripped) > 20 and any(folded.startswith(t + " ") for t in DOC_TYPES):
            return stripped
    return None


def _blocks(lines: Sequence[str]) -> list[Block]:
    items = _items(lines)
    cells = [data_cell(item) if len(item.paragraphs) > 1 else item for item in items]
    blocks: list[Block] = []
    i = 0
    while i < len(items):
        tab_rows, used = _tab_rows(items, i)
        table = appendix_grid(tab_rows) if len(tab_rows) >= 2 else None
        if table is not None:
            blocks.append(Block(table=table))
            i += used
            continue
        header = _header_cells(cells, i)
        if header is not None:
            headers, first_row = header
            table, i = read_rows(cells, first_row, headers, short_rows="pad", headings=open_headings(blocks))
            blocks.append(Block(table=table))
            continue
        blocks.extend(Block(text=line.strip()) for line in items[i].paragraphs)  # outside a table: a line each
        i += 1
    return blocks


def _goes_on(line: str, following: str) -> bool:
    """Is ``following`` the same cell as ``line`` on a page that sets cells apart with blank
    lines: the wrap of a phrase (it goes on in lowercase, or ``line`` stops on a comma or on a word
    that needs one after it: "Điểm" / "tối đa"), or a unit under a unit ("Sở Nội vụ" / "Bảo hiểm
    xã hội tỉnh")? Never a figure or a row number ("8" / "7", "1" / "Công tác chỉ đạo"), nor a
    task then a unit ("Ban hành kế hoạch" / "Sở Nội vụ"), nor a bracket or a second sentence
    ("(Bắt buộc)" may be a note's cell): a row printed line by line."""
    a, b = line.strip(), following.strip()
    if not a or not b or any(parse_number(x) is not None or parse_label(x) is not None for x in (a, b)):
        return False
    return wraps(a, b) or (looks_like_unit(a) and looks_like_unit(b))


#: Lines of one cell broken by "<br>" at most: a longer run of adjacent lines is not one cell.
MAX_BROKEN_CELL_LINES = 4
#: Runs of adjacent lines per line, at least, for a page whose paragraphs are set apart by blank
#: lines (a run of two lines on average; 0.93 in the sample, near 0 for a page without blank lines).
MIN_RUN_SHARE = 0.5


def _items(lines: Sequence[str]) -> list[Item]:
    """The page's lines as items of the cell stream: one a line, an empty cell for a line of
    blanks. A page that sets its paragraphs and cells apart with blank lines (a browser's copy,
    as the sample) prints a cell's "<br>" as a line break with no blank line: there a short run
    of adjacent lines is one item ("Điểm" / "tối đa", "Sở Nội vụ" / "Bảo hiểm xã hội tỉnh")."""
    kept = sum(1 for line in lines if line != "")
    runs = sum(1 for k, line in enumerate(lines) if line != "" and (k == 0 or lines[k - 1] == ""))
    grouped = bool(kept) and runs >= MIN_RUN_SHARE * kept
    items: list[Item] = []
    run: list[str] = []

    def flush() -> None:
        groupable = grouped and 1 < len(run) <= MAX_BROKEN_CELL_LINES
        if groupable and not any(is_blank(line) or "\t" in line for line in run):
            cell = [run[0]]
            for line in run[1:]:
                if _goes_on(cell[-1], line):
                    cell.append(line)
                    continue
                items.append(Item(tuple(cell)))
                cell = [line]
            items.append(Item(tuple(cell)))
        else:
            items.extend(Item((line,)) if not is_blank(line) else EMPTY for line in run)
        run.clear()

    for line in lines:
        if line == "":
            flush()
        else:
            run.append(line)
    flush()
    return items


def _tab_rows(items: Sequence[Item], i: int) -> tuple[list[list[Cell]], int]:
    """The rows of a table copied with its cells separated by tabs (from Word or a
    spreadsheet), one line a row, from ``items[i]`` on, and the number of lines they take.

    The first line must read as a header: two cells or more, the first one neither empty (an
    indented paragraph) nor a number (a list item). A line that leaves the row short goes on
    in the next line ("1 | Rà soát văn bản" / "Báo cáo kết quả | Sở Tư pháp": a cell of two
    paragraphs); a line with no tab between two rows is a further paragraph of the last cell,
    and a short one under the header the second line of its last cell ("Thời gian" / "hoàn thành").
    A table whose every line starts with a tab (an empty first column) is read without it.
    """
    header = _tab_cells(items[i].text)
    indent = 0
    while indent < len(header) - 1 and not header[indent].paragraphs:
        indent += 1
    if indent:
        header = header[indent:]
    while header and not header[-1].paragraphs:
        header.pop()  # a tab left at the end of the header line
    filled = [cell for cell in header if cell.paragraphs]
    if len(filled) < 2 or not header[0].paragraphs or parse_label(header[0].text) is not None:
        return [], 0
    k = i + 1
    # header cells of two lines break the header line ("Điểm" / "tối đa\tĐiểm đạt" / ...): up to
    # the first row number, each line's first piece ends the last cell and the rest are cells
    while (
        k < len(items)
        and k - i <= MAX_HEADER_LINES
        and _header_piece(header[-1].text, items[k].text, items[k + 1 : k + 2])
    ):
        first, *rest = _tab_cells(items[k].text)
        header[-1] = _with_paragraph(header[-1], first.text)
        header.extend(rest)
        while header and not header[-1].paragraphs:
            header.pop()
        k += 1
    sub = _sub_header(header, items[k].text, items[k + 1].text) if k + 1 < len(items) else None
    if sub is not None:  # "Thang điểm" over "Điểm tối đa | Điểm đạt được" on the next line
        merged = merge_header_rows([[c.text for c in header], sub])
        header = [Cell(tuple(text.split("\n"))) for text in merged]
        k += 1
    width = len(header)
    rows: list[list[Cell]] = [header]
    while k < len(items):
        line = items[k].text
        if "\t" not in line:
            follows = k + 1 < len(items) and "\t" in items[k + 1].text
            if len(rows) == 1 and follows and not is_blank(line) and _starts_row(items[k + 1].text, indent):
                rows.append([Cell((line.strip(),))])  # a group title across the table before row 1
                k += 1
                continue
            if len(rows) < 2 or is_blank(line):
                break
            run, ahead = _plain_run(items, k)
            if ahead is None:
                break
            if _tab_header(ahead, indent):
                following = items[k + len(run) + 1].text if k + len(run) + 1 < len(items) else ""
                titled = any(_heading_line(text) or _reference_line(text) for text in run)
                if titled or not _same_header(ahead.split("\t")[indent:], header):
                    break  # a title over a table, or another table's header
                if _restarts(following, indent, _first_numbered(rows), any_style=True):
                    break  # this header again over rows numbered from 1: another table
                k += len(run)  # the header printed again after a page break: the lines between are marks
                continue
            rest = _tab_cells(ahead)[indent:]
            foreign = not _row_of_table(ahead, indent) and not _rest_of_row(rows[-1], rest, width)
            if foreign and (len(run) > 1 or fold(rest[0].text).startswith("noi nhan")):
                break  # "Nơi nhận:⇥TM. ỦY BAN NHÂN DÂN", a paragraph then "Nguồn kinh phí⇥Số tiền"
            # numbering from 1 again after the first row: a group's title before it, else the end
            # of the table; in a table a title opens ("Lĩnh vực Hộ tịch" above row 1), after its
            # first numbered row: a title only when it is printed as that one is ("Lĩnh vực Chứng
            # thực"), else a line of the cell above ("UBND cấp huyện," / "Phòng Tư pháp")
            restart = _restarts(ahead, indent, rows[1])
            above = run[-2] if len(run) > 1 else rows[-1][-1].text if rows[-1] else ""
            titled = restart or (
                _restarts(ahead, indent, _first_numbered(rows))
                and _alike_titles(rows[1][0].text, run[-1])
                and not goes_on_into(above)  # "Sở Nội vụ và" / "Các sở, ngành liên quan"
            )
            as_row = len([c for c in rest if c.paragraphs]) * 2 >= width  # a row of the table, not a note
            group = (_group_line(run[-1]) or (_title_line(run[-1]) if titled else None)) if as_row else None
            if any(_heading_line(text) for text in run[: -1 if group else None]):
                break  # "III. TỔ CHỨC THỰC HIỆN" then a paragraph, "2. Danh mục ...": the text after the table
            if restart and group is None:
                break  # a paragraph after the table, then a list numbered from 1 with tabs
            for text in run[:-1] if group else run:
                if not PAGE_NUMBER_LINE.match(fold(text.strip())):  # "Trang 2/3" between two rows: no cell's
                    rows[-1][-1] = _with_line(rows[-1][-1], text.strip())
            if group:
                rows.append(group)  # "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Lĩnh vực xây dựng" over its rows
            k += len(run)
            continue
        cells = _tab_cells(line)
        if indent:
            if any(cell.paragraphs for cell in cells[:indent]):
                break  # a line that fills the empty column is no row of this table
            cells = cells[indent:]
        last = rows[-1]
        if (
            len(rows) > 1
            and _rest_of_row(last, cells, width)
            and parse_label(cells[0].text) is None
            and not _total_line(cells)
        ):
            last[-1] = _with_line(last[-1], cells[0].text)  # the row goes on
            last.extend(cells[1:])
        else:
            rows.append(cells)
        while len(rows[-1]) > width and not rows[-1][-1].paragraphs:
            rows[-1].pop()  # a tab left at the end of a row: no column of the header's
        k += 1
    return rows, k - i


#: Lines with no tab between two tab lines at most (a cell of several lines, a legal basis of
#: several texts), each short.
MAX_CELL_LINES = 8
_CELL_LINE_WORDS = 30


def _same_header(cells: Sequence[str], header: Sequence[Cell]) -> bool:
    """Is the tab line the table's header printed again (its first two cells, whatever the
    wrapping: the header's cells may have been joined from several lines)?"""

    def words(text: str) -> str:
        return " ".join(fold(text).split())

    if len(cells) < 2 or len(header) < 2 or words(cells[1]) != words(header[1].text):
        return False
    return words(cells[0]) == words(header[0].text) or role_of(cells[0]) == role_of(header[0].text) == "id"


def _plain_run(items: Sequence[Item], k: int) -> tuple[list[str], str | None]:
    """The lines with no tab from ``items[k]`` on, and the tab line after them (None when the
    run is long, holds a long line or a blank, or no tab line follows: the table has ended)."""
    run: list[str] = []
    j = k
    while j < len(items) and "\t" not in items[j].text:
        text = items[j].text
        if len(run) >= MAX_CELL_LINES or is_blank(text) or len(text.split()) > _CELL_LINE_WORDS:
            return run, None
        run.append(text)
        j += 1
    return run, items[j].text if j < len(items) else None


def _alike_titles(first: str, line: str) -> bool:
    """Is ``line`` printed as the table's opening title ``first`` is: both in capitals, or
    opening on the same word ("Lĩnh vực Hộ tịch", "Lĩnh vực Chứng thực"; "Khối sở", "Khối
    huyện")? A group's titles follow one pattern; a wrapped cell's last line does not."""
    a, b = first.replace("*", "").split(), line.replace("*", "").split()
    if len(a) < 2 or len(b) < 2:  # "Sở Tư pháp," / "UBND": a wrapped unit
        return False
    return (mostly_upper(" ".join(a)) and mostly_upper(" ".join(b))) or a[0] == b[0]


def _first_numbered(rows: Sequence[Sequence[Cell]]) -> Sequence[Cell]:
    """The table's first numbered row (after a group's title across the table, "Lĩnh vực Hộ
    tịch"), else its first row under the header."""
    return next((row for row in rows[1:] if row and parse_label(row[0].text) is not None), rows[1])


def _restarts(line: str, indent: int, first_row: Sequence[Cell], any_style: bool = False) -> bool:
    """Does the tab line number from the start again at the table's top level ("1.⇥" in a table
    whose first row is 1; not "1⇥" under a first row "I", its first child)? ``any_style``:
    under the header printed again, any first number ("I" too) starts another table."""
    label = parse_label(_first_cell(line, indent))
    top = parse_label(first_row[0].text) if first_row else None
    if label is None or top is None or label.key not in ("1", "I", "A"):
        return False
    return any_style or label.style == top.style


def _group_line(line: str) -> list[Cell] | None:
    """A group's row printed with no tab ("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "B. THỦ TỤC CẤP
    HUYỆN" right before its first row): its number and its title as two cells; None for any
    other line."""
    label, rest, _ = _numbered_text(line)
    if label is None or label.style not in ("roman", "upper_letter") or not mostly_upper(rest):
        return None
    return [Cell((label.printed.rstrip(".)"),)), Cell((rest,))]


#: Words of a group's title printed with no number, at most.
_TITLE_WORDS = 15


def _title_line(line: str) -> list[Cell] | None:
    """A group's title with no number ("Lĩnh vực xây dựng") before rows numbered from 1 again:
    a row of its own (kept, unnumbered), not the end of the table; a sentence is no title."""
    text = line.replace("*", "").strip()
    if not text or text.endswith((".", ":", ";", ",")) or len(text.split()) > _TITLE_WORDS:
        return None
    return [Cell((text,))]


def _reference_line(line: str) -> bool:
    """ "(Ban hành kèm theo Quyết định số ...)": the reference line under an annex's title."""
    return bool(re.match(r"^\(?\s*(ban hanh |dinh )?kem theo\b", fold(line.strip()).lstrip("*")))


def _rest_of_row(last: Sequence[Cell], cells: Sequence[Cell], width: int) -> bool:
    """Can the tab line's cells be the rest of the row above, cut by a line break in its last
    cell ("1⇥Rà soát văn bản" / "pháp luật⇥Sở Tư pháp⇥...")? The row is short and, the line's
    trailing empty cells left out, they fit the header's width."""
    filled = len(cells)
    while filled > 1 and not cells[filled - 1].paragraphs:
        filled -= 1  # tabs left at the end of the line
    return len(last) < width and len(last) + filled - 1 <= width


def _row_of_table(line: str, indent: int) -> bool:
    """Does the tab line read as a row of the table: numbered, a total, or its number cell left
    blank?"""
    first = _first_cell(line, indent)
    return not first or parse_label(first) is not None or bool(TOTAL_ROW.match(fold(first)))


def _heading_line(line: str) -> bool:
    """A heading that ends a table, not a cell's further line: a part in capitals under a roman
    number ("III. TỔ CHỨC THỰC HIỆN"), an annex or a list ("PHỤ LỤC II", "Biểu mẫu 02",
    "2. Danh mục thủ tục ..."). A line in capitals alone ("UBND TỈNH", "Sở KH&ĐT") or numbered
    with a decimal ("1. Luật Đất đai năm 2013;") may be a cell's."""
    label, rest, text = _numbered_text(line)
    if label is not None and label.style == "roman" and mostly_upper(rest):
        return True
    named = fold(rest if label is not None and label.style in ("decimal", "roman", "upper_letter") else text)
    return named.startswith(("phu luc", "danh muc", "bieu mau", "bieu so"))


def _tab_header(line: str, indent: int) -> bool:
    """A tab line that heads a table ("STT⇥Mã TTHC⇥Tên thủ tục"): its first cell names the number column."""
    cells = [cell.strip() for cell in line.split("\t")[indent:]]
    return (
        len([c for c in cells if c]) >= 2
        and bool(cells[0])
        and role_of(cells[0]) == "id"
        and parse_label(cells[0]) is None
    )


def _total_line(cells: Sequence[Cell]) -> bool:
    """ "⇥Tổng cộng⇥⇥1.750": a total row (its first cell empty), never the row above going on."""
    return len(cells) > 1 and not cells[0].paragraphs and bool(TOTAL_ROW.match(fold(cells[1].text)))


def _starts_row(line: str, indent: int) -> bool:
    """Does the tab-separated ``line`` start with a row number (after the empty columns)?"""
    return parse_label(_first_cell(line, indent)) is not None


def _first_cell(line: str, indent: int) -> str:
    """The tab line's first cell after the table's empty columns, stripped ("" when none)."""
    cells = line.split("\t")[indent:]
    return cells[0].strip() if cells else ""


def _numbered_text(line: str) -> tuple[Label | None, str, str]:
    """A line without tabs as (its leading number, the text after it, the whole text): "II.
    CẢI CÁCH" -> (II, "CẢI CÁCH", ...); no number -> (None, "", text). Emphasis marks left out."""
    text = line.replace("*", "").strip()
    first, _, rest = text.partition(" ")
    label = parse_label(first) if rest else None
    return label, (rest.strip() if label is not None else ""), text


#: Words of a header cell's second line at most, in a table copied with tabs.
MAX_HEADER_LINE_WORDS = 4
#: Lines a tab-separated header may be broken into, at most.
MAX_HEADER_LINES = 8


def _header_wrap(above: str, text: str) -> bool:
    """Does the header cell ``above`` go on with ``text``: in lowercase, or as the second half of
    a header's phrase whose first half ends the cell ("Thời gian" / "Hoàn thành")?"""
    if text[:1].islower():
        return True
    before, after = fold(above), fold(text)
    return len(text.split()) <= 2 and any(
        after.startswith(second) and before.endswith(first) for first, second in _HEADER_HALVES
    )


#: Header phrases a cell may wrap inside, as (first half, second half), folded.
_HEADER_HALVES = tuple(
    (fold(first), fold(second))
    for first, second in (
        ("thời gian", "hoàn thành"),
        ("thời gian", "thực hiện"),
        ("đơn vị", "chủ trì"),
        ("đơn vị", "phối hợp"),
        ("đơn vị", "thực hiện"),
        ("cơ quan", "chủ trì"),
        ("cơ quan", "phối hợp"),
        ("điểm", "tối đa"),
        ("điểm", "đạt được"),
        ("điểm", "tự chấm"),
    )
)


def _header_piece(above: str, line: str, following: Sequence[Item]) -> bool:
    """A further line of a tab-separated header: short pieces, the first no row number; a line
    with no tab only when the next line has tabs (the header's last cell, then the rows)."""
    pieces = line.split("\t")
    if len(pieces) == 1 and not (following and "\t" in following[0].text):
        return False
    first = pieces[0].strip()
    return (
        _header_wrap(above, first)  # a cell's second line ("tối đa", "Hoàn thành"), not a row ("Tổng cộng")
        and all(len(piece.split()) <= MAX_HEADER_LINE_WORDS for piece in pieces)
        and not any(parse_number(piece) is not None for piece in pieces if piece.strip())
    )


def _sub_header(header: Sequence[Cell], line: str, following: str) -> list[str] | None:
    """The sub-columns of a two-level header copied with tabs: a line of short header cells, fewer
    than the header's, none a figure or a row number, before a row that has as many cells as the
    two header lines give together (one header cell is their parent)."""
    pieces = [piece.strip() for piece in line.split("\t")]
    while pieces and not pieces[-1]:
        pieces.pop()
    row = following.split("\t")  # its last cells may be empty: "9\t " ends a group row
    if not 2 <= len(pieces) < len(header) or len(row) != len(header) + len(pieces) - 1:
        return None
    if parse_label(row[0]) is None:
        return None
    if all(_YEAR_CELL.match(piece) for piece in pieces) and len(set(pieces)) == len(pieces):
        return pieces  # "Thời gian thực hiện" over "2021 | 2022 | 2023": years, not figures
    if any(
        not piece or len(piece.split()) > MAX_HEADER_LINE_WORDS or parse_number(piece) is not None or parse_label(piece)
        for piece in pieces
    ):
        return None
    return pieces


_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")


def _tab_cells(line: str) -> list[Cell]:
    """A tab-separated line's cells; a "<br>" left in a cell by a scraper parts its paragraphs."""
    cells = []
    for cell in line.split("\t"):
        paragraphs = tuple(p.strip() for p in _BR.split(cell) if not is_blank(p))
        cells.append(Cell(paragraphs))
    return cells


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _with_paragraph(cell: Cell, text: str) -> Cell:
    return Cell((*cell.paragraphs, text)) if text else cell


def _with_line(cell: Cell, text: str) -> Cell:
    """``cell`` with the next line of its text: the same paragraph when the line is a wrap (it
    goes on in lowercase, or the cell stops on a comma or a word that needs one after it), else
    a paragraph of its own ("Rà soát văn bản" / "Báo cáo kết quả")."""
    if text and cell.paragraphs and wraps(cell.paragraphs[-1], text):
        return Cell((*cell.paragraphs[:-1], f"{cell.paragraphs[-1].rstrip()} {text}"))
    return _with_paragraph(cell, text)


def open_headings(blocks: Sequence[Block]) -> OpenHeadings:
    """The numbered headings above the next table: since the last table or "Phụ lục" heading."""
    paragraphs: list[str] = []
    for block in reversed(blocks):
        if block.table is not None or fold(block.text or "").startswith("phu luc"):
            break
        paragraphs.append(block.text or "")
    return OpenHeadings(reversed(paragraphs))


def _column_numbers(items: Sequence[Item], j: int) -> int:
    """Length of a column-number row starting at ``items[j]``: "1 2 3 4", "(1) (2) (3) (4)" or
    "A B C 1 2 3=2/1",
    at least three, with the first row (1, I, A, a) or the total row right after it; else 0. The caller also
    wants no more numbers than header cells ("1" to "12" under "Thời gian (tháng)" are months)."""
    n = column_label_run([item.text for item in items[j : j + MAX_HEADER_CELLS]])
    if n < 3 or j + n >= len(items):
        return 0
    first_row = parse_label(items[j + n].text)
    if first_row is None:  # a group's title with its number, "I. CÁC NHIỆM VỤ CHUNG"
        after = items[j + n + 1].text if j + n + 1 < len(items) else None
        fused = fused_label(items[j + n].text, names=opens_numbering(after))
        first_row = parse_label(fused[0]) if fused else None
    if first_row is not None and is_first_of_sequence(first_row):
        return n
    # or the total printed first ("TỔNG CỘNG | 1.520 | ...", its number cell maybe left blank)
    after = [item.text.strip() for item in items[j + n : j + n + 2]]
    total = after[1] if after[0] == "" and len(after) > 1 else after[0]
    return n if TOTAL_ROW.match(fold(total)) else 0


def _numbered_list(items: Sequence[Item], j: int) -> bool:
    """Do a number, a name, a number and a name come from ``items[j]`` on?"""
    texts = [items[k].text.strip() for k in range(j, min(j + 4, len(items)))]
    if len(texts) < 4 or any(not t for t in texts):
        return False
    numbers = [parse_label(texts[0]), parse_label(texts[2])]
    return all(n is not None for n in numbers) and all(parse_label(t) is None for t in texts[1::2])


def _names_rows(header: str) -> bool:
    """A header over the rows' names: "Nội dung", "Tên ...", "Chỉ tiêu"."""
    return role_of(header) in ("name", "tasks") or fold(header).startswith(ROW_NAME_HEADERS)


def _blank_id_header(cells: list[str]) -> bool:
    """Do these cells after a blank line read as a header with its number column left blank:
    other known columns after the name, no "STT" among them (that header starts later), no
    "(Kèm theo ...)" line (a title above a table)?"""
    later = cells[2:]
    if any(role_of(c) == "id" or c.startswith("(") or not header_like(c) for c in cells[1:]):
        return False
    return any(role_of(c) != "other" for c in later)


def _row_fills(items: Sequence[Item], j: int, width: int) -> bool:
    """Does one of the first rows (from ``items[j]``) have a cell for each column? Rows are cut
    at row numbers with a name after them; a figure such as "7" or a mark is a cell."""
    starts = [j]
    k = j + 1
    while k < len(items) and len(starts) <= 3:
        if parse_label(items[k].text) is not None and _names_row(items, k + 1):
            starts.append(k)
        k += 1
    if len(starts) == 1:  # one row: its cells up to the header's width hold no row number
        return all(parse_label(c.text) is None for c in items[j + 1 : j + width]) and j + width <= len(items)
    return any(end - start >= width for start, end in zip(starts, starts[1:], strict=False))


def _total_row_first(items: Sequence[Item], j: int, width: int) -> bool:
    """Is ``items[j]`` the label of a total row printed right under the header, then row 1?
    So when the row, up to the first row number with a name after it, is as wide as the header
    with the name cell blank after the label ("TỔNG ĐIỂM | ␠ | 90 | 68,5 | 81 | ␠"), or a cell
    narrower with a figure right after it (the label across the number and name cells: "TỔNG
    ĐIỂM | 90 | 68,5 | 81 | ␠"); "Tổng số" over other columns is a header cell."""
    if not TOTAL_ROW.match(fold(items[j].text)) or j + 1 >= len(items):
        return False
    end = j + 1
    while end < len(items) and end - j <= width:
        if parse_label(items[end].text) is not None and _names_row(items, end + 1):
            break
        end += 1
    if end >= len(items):
        return False
    after = items[j + 1].text
    if is_blank(after):
        return end - j == width and any(_total_figure(item.text) for item in items[j + 2 : end])
    return end - j == width - 1 and _total_figure(after)


def _total_figure(text: str) -> bool:
    """A figure a total row may print: not a year, which under "Tổng số" is a sub-column's header
    ("Kinh phí | Tổng số | 2024 | 2025")."""
    return parse_number(text) is not None and not _YEAR.match(text.strip())


_YEAR = re.compile(r"^(năm\s+)?(19|20)\d\d$", re.IGNORECASE)


def _names_row(items: Sequence[Item], k: int) -> bool:
    text = items[k].text.strip() if k < len(items) else ""
    return bool(text) and parse_number(text) is None and parse_label(text) is None


#: Words of a column header at most, for a header found after a blank line.
_HEADER_WORDS = 16


def header_like(cell: str, max_words: int = _HEADER_WORDS) -> bool:
    """Short, no sentence ("Đơn vị chủ trì: Sở Nội vụ." is a line of text, not a header; a unit in
    brackets may close it: "... (đơn vị tính: đồng).")."""
    outside = re.sub(r"\([^)]*\)", "", cell)  # "Kinh phí (ĐVT: triệu đồng)" is a header
    text = cell.rstrip()
    sentence = text.endswith(".") and not text.endswith(").")
    return len(outside.split()) <= max_words and ":" not in outside and not sentence


def _named_rows_follow(items: Sequence[Item], i: int) -> bool:
    """Does a header of short cells from ``items[i]`` on end at a first row numbered with its
    kind ("Tiêu chí/Chỉ số" ... then "Tiêu chí 1"): such a first column numbers the rows."""
    for j in range(i, min(i + MAX_HEADER_CELLS + 1, len(items))):
        text = items[j].text
        if is_blank(text) or not header_like(text):
            return False
        label = parse_label(text)
        if label is not None:  # the first header names that kind: "Tiêu chí/Chỉ số" over "Tiêu chí 1"
            kind = label_kind(text)
            return j - i >= 3 and kind is not None and names_kind(items[i].text, kind) and is_first_of_sequence(label)
    return False


def _header_cells(items: Sequence[Item], i: int) -> tuple[list[str], int] | None:
    """Header cells from an id header ("STT", "TT", or a blank cell before a name column such
    as "Chỉ tiêu") up to the first row label, if a table starts here."""
    first = items[i].text.strip()
    blank_id = not first and i + 1 < len(items) and _names_rows(items[i + 1].text)
    if not blank_id and (not first or map_columns([first])[0].role != "id") and not _named_rows_follow(items, i):
        return None
    cells: list[str] = []
    j = i
    while j < len(items) and len(cells) <= MAX_HEADER_CELLS:
        text = items[j].text
        label = parse_label(text)
        if label is None and len(cells) >= 3 and (fused := fused_label(text)) is not None:
            label = parse_label(fused[0])  # a group's title with its number: "I. CÁC NHIỆM VỤ CHUNG"
        numbers = _column_numbers(items, j) if len(cells) >= 3 else 0
        if 0 < numbers <= len(cells):  # "(1) (2) (3) ..." under the header numbers the columns: no row
            return (cells, j + numbers) if not blank_id or _blank_id_header(cells) else None
        if blank_id and j == i:
            cells.append("")  # the number column's header left blank
            j += 1
            continue
        if len(cells) >= 3 and _total_row_first(items, j, len(cells)):
            return cells, j
        after = items[j + 1].text if j + 1 < len(items) else None
        opens = label is not None and is_first_of_sequence(label) and not numbers_columns(text, after)
        if cells and (opens or is_blank(text)):
            if blank_id and (label is None or not _blank_id_header(cells) or not _row_fills(items, j, len(cells))):
                return None  # a blank number cell: the header must end at a first row as wide as it
            # two columns only as "STT | Tên thủ tục" or a number-and-name list ("1 | Phường An
            # Cựu | 2 | Phường Vỹ Dạ")
            two = len(cells) == 2 and (role_of(cells[1]) in ("name", "tasks") or _numbered_list(items, j))
            return (cells, j) if len(cells) >= 3 or two else None
        cells.append(" ".join(p.strip() for p in items[j].paragraphs))  # "Điểm" / "tối đa": one header
        j += 1
    return None
