"""Markdown conversions of legal-portal pages (as found in public datasets).

Tables are flattened one cell per line: a line holding only ``|`` separates cells and two
such lines in a row separate table rows; a cell may wrap over several lines. Cells merged
downwards (rowspan) are simply missing in the later rows: they are filled from the row
above and reported, never silently. GitHub-style one-line rows ("| a | b |") are read too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.columns import map_columns, merge_header_rows, role_of
from extract.numbering import (
    column_label_run,
    fused_label,
    is_first_of_sequence,
    label_kind,
    names_kind,
    numbers_columns,
    opens_numbering,
    parse_label,
)
from extract.page import Block, Cell, PageError, RawPage, ReadNote, Table
from extract.readers.cellstream import (
    ESCAPED_MARKS,
    ESCAPED_PIPE,
    MAX_HEADER_CELLS,
    NEW_PARAGRAPH,
    Item,
    OpenHeadings,
    data_cell,
    read_rows,
    restore_escaped,
    strip_emphasis,
    wraps,
)
from extract.readers.grid import appendix_grid
from extract.readers.text import (
    NO_HEADER,
    document_start,
    header_like,
    is_clutter,
    open_headings,
    site_footer,
)
from extract.settings import (
    APPENDIX_HEADING,
    DOC_TYPES,
    RECIPIENTS_LABEL,
    SIGNATURE_PREFIXES,
    TOTAL_ROW,
    attribute_key,
)
from extract.units import looks_like_unit
from normalize.numbers import parse_number
from normalize.text import fold, is_blank, mostly_upper

GFM_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def attribute_pairs(texts: list[str]) -> list[tuple[str, str]]:
    """The site's attribute block as (label, value) pairs, when each label ("Số hiệu:") and its
    value stand as cells or lines of their own, one after the other."""

    def is_label(text: str) -> bool:
        return text.rstrip().endswith(":") and attribute_key(text) is not None

    return [
        (label.strip(" :"), value.strip())
        for label, value in zip(texts, texts[1:], strict=False)
        if is_label(label) and not is_label(value)
    ]


#: Markdown's backslash escapes of punctuation ("QĐ\\-UBND", "\\- Như trên;", "\\*"): the converters
#: write them for the page's own characters. An escaped "|" is kept apart (ESCAPED_PIPE).
_ESCAPED = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def unescaped(line: str) -> str:
    """A Markdown line with its escaped punctuation as plain characters, read left to right (an
    escaped backslash before a border, "C:\\\\|", leaves the border)."""
    return _ESCAPED.sub(lambda m: _KEPT_APART.get(m.group(1), m.group(1)), line)


#: Escapes kept apart until the page's cells are split and its emphasis stripped.
_KEPT_APART = {"|": ESCAPED_PIPE, **ESCAPED_MARKS}


_BOLD_LINE = re.compile(r"^\*\*[^*]+\*\*$")


def read_markdown(text: str, encoding: str) -> RawPage:
    lines = [unescaped(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = lines[: _site_footer(lines)]
    page = RawPage(source_form="markdown", encoding=encoding)
    blocks: list[Block] = []
    i = 0
    paragraph: list[str] = []
    signing = 0  # lines in capitals the signature may still have ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH")
    recipients = False  # "Nơi nhận:" came: a signature follows it

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
            items, i = _pipe_table(lines, i)
            blocks.extend(_table_blocks(items, page.notes, blocks))
            continue
        gfm = line.startswith("|") and line.count("|") >= 2 or (line.endswith(" |") and " | " in line)
        if gfm or _wrapped_row(lines, i) is not None:
            flush()
            rows, i = _gfm_rows(lines, i)
            blocks.extend(_gfm_blocks(rows, page.notes))
            continue
        signature = recipients and _signature_line(line, signing)
        if not line:
            flush()
        elif line.startswith("#") or set(restore_escaped(line)) <= set("-_=*– "):
            flush()  # a heading, or a rule line ("-------", "\_\_\_\_" under the issuing body): a block of its own
            paragraph.append(restore_escaped(line).lstrip("# ") if not line.startswith("#") else line.lstrip("# "))
            flush()
        elif NEW_PARAGRAPH.match(line):
            flush()
            paragraph.append(line)
        elif _BOLD_LINE.match(line) or signature:
            # a line set in bold on its own ("**KT. CHỦ TỊCH**" / "**PHÓ CHỦ TỊCH**"), or a line of
            # the signature ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"): a block of its own, as the page
            # prints it, not a wrapped piece of the paragraph above
            flush()
            paragraph.append(line)
            flush()
        else:
            paragraph.append(line)
        signing = _signature_lines_left(line, signing) if signature else 0
        recipients = recipients or bool(RECIPIENTS_LABEL.match(fold(strip_emphasis(line)).strip()))
        i += 1
    flush()
    # the document starts at its header: an article quoting it, or site text, comes before
    start = document_start([b.text or "" for b in blocks])
    if start is None:
        raise PageError("not_a_document", NO_HEADER)
    page.attributes = attribute_pairs([b.text for b in blocks[:start] if b.text])
    page.blocks = [_restored(block) for block in blocks[start:]]
    return page


def _signature_line(line: str, signing: int) -> bool:
    """A line of the signature in capitals after the recipients: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN
    DÂN", or, right after one, a short line in capitals or of capitalised words ("PHÓ CHỦ TỊCH",
    the signer's name), not an appendix's heading or a document type ("PHỤ LỤC", "KẾ HOẠCH")."""
    text = strip_emphasis(line).strip()
    words = text.split()
    if not words or len(words) > _SIGNATURE_WORDS:
        return False
    folded = fold(text)
    if mostly_upper(text) and folded.startswith(SIGNATURE_PREFIXES):
        return True
    heading = APPENDIX_HEADING.match(folded) or folded.rstrip(" .:") in DOC_TYPES
    named = mostly_upper(text) or all(word[:1].isupper() for word in words)  # "Mai Xuân Liêm"
    return signing > 0 and named and len(words) <= _TITLE_WORDS and not heading


def _signature_lines_left(line: str, signing: int) -> int:
    """How many more lines in capitals the signature may have after its line ``line``: a title
    and the signer's name after the signing line."""
    return _SIGNATURE_LINES if fold(strip_emphasis(line)).strip().startswith(SIGNATURE_PREFIXES) else signing - 1


#: Words of a signature's line at most ("TM. ỦY BAN NHÂN DÂN THÀNH PHỐ"), of a title or name line
#: after it, and how many such lines follow one.
_SIGNATURE_WORDS = 8
_TITLE_WORDS = 5
_SIGNATURE_LINES = 3


def _site_footer(lines: list[str]) -> int:
    """Where the site's footer starts after the document (extract/readers/text.site_footer),
    else the end: a page saved without blank lines would run it into the last table."""
    start = document_start(lines)
    return len(lines) if start is None else site_footer(lines, start)


def _restored(block: Block) -> Block:
    """A block with no escape left kept apart (a path that did not strip emphasis)."""
    if block.text is not None:
        return replace(block, text=restore_escaped(block.text))
    if block.table is None:
        return block
    rows = tuple(
        tuple(replace(cell, paragraphs=tuple(restore_escaped(p) for p in cell.paragraphs)) for cell in row)
        for row in block.table.rows
    )
    return replace(block, table=replace(block.table, rows=rows))


def _pipe_table(lines: list[str], i: int) -> tuple[list[Item], int]:
    """Cells of a one-cell-per-line table as a stream: a run of k ``|`` lines between two cells
    is one separator plus k-1 gaps (each an empty cell or a row boundary, decided later)."""
    items: list[Item] = []
    chunk: list[str] = []
    pipes = 0
    while i < len(lines):
        line = lines[i].strip()
        if line == "|":
            if chunk:
                items.append(Item(tuple(chunk)))
                chunk = []
            pipes += 1
            i += 1
            continue
        if not line:
            nxt = next((lines[k].strip() for k in range(i + 1, len(lines)) if lines[k].strip()), "")
            if pipes and nxt != "|":
                break
            i += 1
            continue
        if pipes:
            items.extend([GAP] * (pipes - 1))
            pipes = 0
        chunk.append(lines[i])
        i += 1
    if chunk:
        items.append(Item(tuple(chunk)))
    elif pipes > 1:  # "Việc B | |" at the table's end: the last "|" closed an empty cell
        items.extend([GAP] * (pipes - 1))
    return items, i


GAP = Item((), gap=True)


def _layout_lines(item: Item) -> list[str]:
    """A layout cell's lines: each line apart, except a wrapped phrase that goes on in lower case."""
    lines: list[str] = []
    open_bold = False  # "**TM. ỦY BAN" + "NHÂN DÂN**": one bold run wrapped over two lines
    for raw in item.paragraphs:
        text = strip_emphasis(raw.strip())
        wrapped = open_bold or (text[:1].islower() or text[:1].isdigit())
        open_bold = (raw.count("**") % 2 == 1) != open_bold
        if not text:
            continue
        prefix_alone = bool(lines) and fold(lines[-1]).strip() in _SIGNING_PREFIXES  # "TL." / "CỤC TRƯỞNG"
        if lines and wrapped and (prefix_alone or not lines[-1].endswith((".", ";", ":"))):
            lines[-1] = lines[-1] + " " + text
        else:
            lines.append(text)
    return lines


#: A signing prefix on a line of its own ("**TL.", "KT."): the bold run goes on with the authority.
_SIGNING_PREFIXES = frozenset(p.strip() for p in SIGNATURE_PREFIXES)


def _header_rows(items: list[Item]) -> tuple[list[list[str]], int] | None:
    """Header rows (split at gaps) up to the first row number; None when no row number follows."""
    rows: list[list[str]] = [[]]
    for k, item in enumerate(items):
        if item.gap:
            if rows[-1]:
                rows.append([])
            continue
        if _opens_rows(items, k) or (not rows[-1] and _total_with_figures(items, k)):  # "| | TỔNG SỐ | | 1.285.400 |"
            if not any(rows) or k == 0:
                return None
            # a row numbering the columns ("(1) | (2) | ... | (6)") under the header is no header row
            headers = [r for r in rows if r and not _numbers_the_columns(r)] or [r for r in rows if r]
            return headers, _past_column_labels(items, k, max(len(r) for r in rows))
        rows[-1].append(item.text)
    return None


def _numbers_the_columns(cells: list[str]) -> bool:
    """A header row "(1) | (2) | (3)" or "1 | 2 | 3" that numbers the columns."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 3 and column_label_run(filled) == len(filled)


def _past_column_labels(items: list[Item], k: int, width: int) -> int:
    """Where the rows begin: after a row that numbers the columns ("A | B | C | 1 | 2 | 3=2/1")
    starting at ``items[k]``, if there is one."""
    indexes = [i for i in range(k, min(len(items), k + 2 * width + 2)) if not items[i].gap]
    run = column_label_run([items[i].text for i in indexes[:width]])
    if run < 3 or run != width or len(indexes) <= run:
        return k
    return indexes[run]


def _total_with_figures(items: list[Item], k: int) -> bool:
    """A total row printed above the rows: "TỔNG SỐ" opening a row, figures after it."""
    if not TOTAL_ROW.match(fold(items[k].text)):
        return False
    for item in items[k + 1 : k + 12]:
        if item.gap:
            continue
        label = parse_label(item.text)
        if label is not None and is_first_of_sequence(label):
            return False  # "Tổng số | Ngân sách tỉnh" is a sub-header: the rows follow it
        if parse_number(item.text) is not None:
            return True
    return False


def _table_blocks(items: list[Item], notes: list[ReadNote], before: list[Block]) -> list[Block]:
    """The stream's table and the text after it; or, when the stream does not open with a table,
    the tables inside it (``before``: the page's blocks above the stream)."""
    cells = [data_cell(item) if not item.gap else item for item in items]
    header = _header_rows(cells)
    if header is not None:
        found = _numbered_table(cells, 0, header, notes, stop_at_heading=False)
        if found is not None:
            table, end = found
            return [Block(table=table), *_text_blocks(items[end:])]  # what follows the table is text
    return _tables_inside(items, cells, notes, before)


def _numbered_table(
    cells: list[Item],
    start: int,
    header: tuple[list[list[str]], int],
    notes: list[ReadNote],
    *,
    stop_at_heading: bool,
    headings: OpenHeadings | None = None,
) -> tuple[Table, int] | None:
    """The table whose header rows begin at ``cells[start]`` (``header``: those rows and where its
    first row is, counted from ``start``), when its first column numbers the rows; else None."""
    header_rows, first = header
    first += start
    headers = _merged_headers(header_rows)
    kind = label_kind(cells[first].text) if first < len(cells) else None
    numbered = map_columns(headers)[0].role == "id" or (kind is not None and names_kind(headers[0], kind))
    if not numbered or len(headers) < 2:  # "STT", or "Tiêu chí/Chỉ số" over "Tiêu chí 1"
        return None
    if len(header_rows) > 1:
        notes.append(_merged_note(header_rows, headers))
    return read_rows(
        cells,
        first,
        headers,
        short_rows="inherit",
        stop_at_heading=stop_at_heading,
        headings=headings,
        unmarked_end=stop_at_heading,
    )


def _merged_headers(header_rows: list[list[str]]) -> list[str]:
    """Header rows as one, each lower row under a parent of the one above (``merge_header_rows``;
    a third level goes under a parent again, never dropped)."""
    headers = header_rows[0]
    for lower in header_rows[1:]:
        headers = merge_header_rows([headers, lower])
    return headers


def _merged_note(header_rows: list[list[str]], headers: list[str]) -> ReadNote:
    """What ``_merged_headers`` did, as the page's note."""
    merged = f"{len(header_rows)} header rows were merged into one as parent / child"
    return ReadNote("header_rows_merged", f"{merged}: " + " | ".join(headers))


def _tables_inside(items: list[Item], cells: list[Item], notes: list[ReadNote], before: list[Block]) -> list[Block]:
    """The tables of a stream that does not open with one: a page saved without blank lines runs
    its layout tables, its text and its appendix tables into one stream of "|" lines (the text
    between two tables is a "cell" of its own, after one "|"). Each table is found at its first
    row, after a gap, with its header of short cells before it from the number column ("STT")
    on; it ends as a text dump's table does (at the next "Phụ lục", "Nơi nhận:", another header)."""
    blocks: list[Block] = []
    done = 0
    k = 1
    while k < len(cells):
        if not (cells[k - 1].gap and not cells[k].gap and _opens_rows(cells, k)):
            k += 1
            continue
        start = _header_start(items, cells, done, k)
        header = _header_rows(cells[start : k + 1]) if start < k else None
        if header is None:
            k += 1
            continue
        text = _text_blocks(items[done:start])
        headings = open_headings([*before, *blocks, *text])
        found = _numbered_table(cells, start, header, notes, stop_at_heading=True, headings=headings)
        if found is None:
            k += 1
            continue
        table, end = found
        blocks.extend(text)
        blocks.append(Block(table=table))
        done = k = max(end, k + 1)
    blocks.extend(_text_blocks(items[done:]))
    return blocks


def _opens_rows(cells: list[Item], k: int) -> bool:
    """Is ``cells[k]`` a table's first row number (1, I, A; "I. TITLE" in one cell), where a
    header ends?"""
    text = cells[k].text
    label = parse_label(text)
    after = next((i.text for i in cells[k + 1 :] if not i.gap), None)
    first_row = label is not None and is_first_of_sequence(label) and not numbers_columns(text, after)
    return first_row or fused_label(text, names=opens_numbering(after)) is not None


def _header_start(items: list[Item], cells: list[Item], done: int, k: int) -> int:
    """Where the header above the row at ``cells[k]`` begins: back over short header cells (not
    a paragraph of text, an appendix's title or a "(Kèm theo ...)" line) to the number column's
    header ("STT", "TT") if one is among them, else to the first of them."""
    start = k
    m = k - 1
    while m >= done and k - m <= 3 * MAX_HEADER_CELLS:
        if not cells[m].gap and not is_blank(cells[m].text):  # "** **": a group row's blank cell
            if not _header_cell(items[m], cells[m].text):
                break
            start = m
        m -= 1
    while start < k and cells[start].gap:
        start += 1
    ids = [j for j in range(start, k) if not cells[j].gap and role_of(cells[j].text) == "id"]
    return ids[0] if ids else start


def _header_cell(item: Item, text: str) -> bool:
    """Could this cell be a column header: a few lines of a phrase (a cell of its own may be
    longer than a text dump's header line), no sentence, no heading of the page ("PHỤ LỤC I",
    "Nơi nhận:") and no title in brackets?"""
    stripped = text.strip()
    if not stripped or len(item.paragraphs) > 4 or stripped.startswith("("):
        return False
    folded = fold(stripped)
    if folded.startswith("phu luc") or RECIPIENTS_LABEL.match(folded):
        return False
    return header_like(stripped, _HEADER_CELL_WORDS)


#: Words of a Markdown header cell at most ("Thời gian hoàn thành" ... a column described at length).
_HEADER_CELL_WORDS = 40


def _text_blocks(items: list[Item]) -> list[Block]:
    return [Block(text=line) for item in items if not item.gap for line in _layout_lines(item) if not is_clutter(line)]


def _gfm_line(line: str) -> bool:
    """A row of a GitHub-style table: "| a | b |", or "a | b |" as converters print it; not a line
    of bare bars ("|", "| ||": what is left of a row whose cells were lost)."""
    if _bare_bars(line):
        return False
    return (line.startswith("|") and line.count("|") >= 2) or (line.endswith(" |") and " | " in line)


def _bare_bars(line: str) -> bool:
    return bool(line) and set(line) <= {"|", " "}


def _gfm_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _wrapped_row(lines: list[str], i: int) -> str | None:
    """A row a converter wrapped inside its last cell ("STT | Tên thủ tục | Cơ quan thực" /
    "hiện |"), joined by a "<br>"; only when the row after it has as many cells as the two lines
    together."""
    line = lines[i].strip()
    if line.endswith("|") or not (line.startswith("|") or " | " in line) or i + 2 >= len(lines):
        return None
    rest, after = lines[i + 1].strip(), lines[i + 2].strip()
    if not rest.endswith("|") or _bare_bars(rest) or not _gfm_line(after):
        return None
    joined = f"{line}<br>{rest}"
    return joined if len(_gfm_cells(joined)) == len(_gfm_cells(after)) else None


#: Words of a line set across a table between its header and its first row ("Đến năm 2030").
_TITLE_LINE_WORDS = 12


def _gfm_rows(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The rows of a GitHub-style table from ``lines[i]``. Converters break such tables: a row of
    bare bars is left where a header row's cells were lost, and a group title across the table
    ("**Đến năm 2030**") or a blank line may stand between the header and the first row. A table
    whose header names the number column goes on past them to its first numbered row."""
    first = _wrapped_row(lines, i)
    rows = [] if GFM_SEPARATOR.match(lines[i].strip()) else [_gfm_cells(first or lines[i])]
    i += 2 if first else 1
    while i < len(lines):
        line = lines[i].strip()
        wrapped = _wrapped_row(lines, i)
        if wrapped is not None:
            rows.append(_gfm_cells(wrapped))
            i += 2
        elif GFM_SEPARATOR.match(line):
            i += 1
        elif "|" in line and not _bare_bars(line):
            rows.append(_gfm_cells(line))
            i += 1
        else:
            resumed = _resumed(lines, i, rows)
            if resumed is None:
                break
            title, i = resumed
            if title:
                rows.append([title])
    return rows, i


def _resumed(lines: list[str], i: int, rows: list[list[str]]) -> tuple[str, int] | None:
    """Where a table goes on after a gap at ``lines[i]`` (bare bars, blank lines, a title across
    it), with the title; None where the table ends. Bare bars between two rows are a lost row's
    remnant; a blank line or a title only before the first numbered row of a table whose header
    names its number column ("STT", "TT")."""
    j = i
    while j < len(lines) and (not lines[j].strip() or _bare_bars(lines[j].strip())):
        j += 1
    if j == len(lines):
        return None
    blank = any(not lines[k].strip() for k in range(i, j))
    separator = any(lines[k].strip() == "|" for k in range(i, j))  # as between a one-cell-per-line table's cells
    header_only = (
        bool(rows)
        and role_of(strip_emphasis(rows[0][0])) == "id"
        and not any(row and parse_label(strip_emphasis(row[0])) is not None for row in rows)
    )
    if _gfm_line(lines[j].strip()):
        numbered = parse_label(strip_emphasis(_gfm_cells(lines[j])[0])) is not None
        crossed = not blank and (not separator or header_only or numbered)  # a lost row's bars
        if crossed or (header_only and _opens_gfm_numbering(lines[j])):
            return "", j
        return None
    title = strip_emphasis(lines[j].strip())
    if not header_only or "|" in title or len(title.split()) > _TITLE_LINE_WORDS or title.endswith((".", ":", ";")):
        return None
    if APPENDIX_HEADING.match(fold(title)):
        return None
    k = j + 1
    while k < len(lines) and (not lines[k].strip() or _bare_bars(lines[k].strip())):
        k += 1
    if k < len(lines) and _gfm_line(lines[k].strip()) and _opens_gfm_numbering(lines[k]):
        return title, k
    return None


def _opens_gfm_numbering(line: str) -> bool:
    return opens_numbering(strip_emphasis(_gfm_cells(line)[0]))


def _merged_gfm_header(rows: list[list[str]], notes: list[ReadNote]) -> list[list[str]]:
    """A header a converter printed over several lines without the cells merged into the ones above
    ("STT | Giao dịch | Biện pháp xác thực |" / "Cá nhân | Tổ chức |"): the lines under the first
    go under a parent as the cell streams' do (``merge_header_rows``), when that gives the rows'
    width; a header whose lower lines keep their place (empty under "STT") is read as a grid."""
    first = next((k for k, row in enumerate(rows) if parse_label(strip_emphasis(row[0])) is not None), None)
    if first is None or first < 2 or role_of(strip_emphasis(rows[0][0])) != "id":
        return rows
    lower = rows[1:first]
    if not all(sum(map(bool, row)) > 1 and row[0] and parse_label(strip_emphasis(row[0])) is None for row in lower):
        return rows
    header_rows = [[cell for cell in row if cell] for row in rows[:first]]
    merged = _merged_headers(header_rows)
    if len(merged) != max(len(row) for row in rows[first:]):
        return rows
    notes.append(_merged_note(header_rows, [strip_emphasis(header) for header in merged]))
    return [merged, *rows[first:]]


def _gfm_blocks(rows: list[list[str]], notes: list[ReadNote]) -> list[Block]:
    """GitHub-style tables ("| a | b |" a line): a full grid already; data or layout."""
    rows = _merged_gfm_header(rows, notes)
    lines = [[_gfm_lines(c) for c in row] for row in rows]
    table = appendix_grid([[Cell(_gfm_paragraphs(item)) for item in row] for row in lines])
    if table is not None:
        return [Block(table=table)]
    # a layout cell's "<br>" lines ("Nơi nhận:<br>- Như trên;", "CHỦ TỊCH<br><br>Phạm Văn Chánh")
    return [Block(text=line) for row in lines for item in row for line in _layout_lines(item) if not is_clutter(line)]


_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _gfm_paragraphs(item: Item) -> tuple[str, ...]:
    """A data cell's "<br>" lines: a wrapped phrase is joined ("Sở Văn hóa,<br>Thể thao và Du
    lịch", "Sở Thông tin và<br>Truyền thông", "nâng cao<br>chất lượng", a unit's name going on);
    a new paragraph starts after a line that ends a sentence (".", ";", ":"), at a bullet, with
    another unit's name ("Sở Tư pháp<br>Sở Nội vụ") or with another capitalised phrase ("Ban
    hành kế hoạch<br>Tổ chức kiểm tra")."""
    paragraphs: list[str] = []
    for raw in item.paragraphs:
        text = strip_emphasis(raw.strip())
        if not text or is_blank(text):
            continue
        if paragraphs and _wrapped(paragraphs[-1], text):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
        else:
            paragraphs.append(text)
    return tuple(paragraphs)


def _wrapped(previous: str, text: str) -> bool:
    """Does the "<br>" line ``text`` go on with the line before it?"""
    previous = previous.rstrip()
    if previous.endswith((".", ";", ":")) or NEW_PARAGRAPH.match(text):
        return False
    if looks_like_unit(previous) and looks_like_unit(text):
        return False
    return wraps(previous, text) or looks_like_unit(previous)


def _gfm_lines(raw: str) -> Item:
    """A GitHub-style cell as its "<br>" lines."""
    return Item(tuple(part for part in _HTML_BREAK.split(raw) if part.strip()))
