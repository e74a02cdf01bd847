"""``read_html``: saved page bytes -> ``RawPage`` (pure; raises ``PageError``).

Pipeline: decode -> lxml parse -> prune invisible parts -> find the document by content ->
attribute block by labels -> document blocks (layout tables as text, data tables as grids)
-> start at the document header.
"""

from __future__ import annotations

import re

import lxml.etree as etree

from extract.appendix import is_appendix_table
from extract.header import find_head, header_start, translation_start
from extract.numbering import parse_label
from extract.page import Block, PageError, RawPage, ReadNote
from extract.settings import LOGIN_WALL_MESSAGE, LOGIN_WALL_NOTICES, is_motto
from normalize.legacy import VNI_MARKS, capital_font, convert_segment, detect_page, legacy_note
from normalize.text import mostly_upper

from . import dom
from .attributes import read_attributes
from .decode import decode_page
from .settings import (
    BOT_CHALLENGE_MARKUP,
    BOT_CHALLENGE_PHRASES,
    CONTENT_PENDING_PHRASES,
    LOGIN_PHRASES,
)
from .tables import build_grid, is_bordered, own_cells, own_rows
from .text import LineBuilder, paragraphs, walk
from .textutil import collapse_ws, contains_any, fold


class _DocumentFlow:
    """Turns the document elements into blocks, remembering where layout tables sit."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.layout_ranges: list[tuple[int, int]] = []

    def _flush(self, lines: LineBuilder) -> None:
        self.blocks.extend(Block(text=line) for line in lines.lines)
        lines.lines.clear()

    def on_table(self, table: etree._Element, lines: LineBuilder) -> None:
        self._flush(lines)
        bordered = is_bordered(table)
        if bordered or _has_numbered_rows(table):
            grid = build_grid(table, paragraphs, bordered=bordered)
            # a table without visible borders (borders set by a stylesheet, or none) is still
            # data when it has a row-number column: only then is it kept as a grid
            if grid.rows and (bordered or is_appendix_table(grid)):
                self.blocks.append(Block(table=grid))
                return
        start = len(self.blocks)
        for row in own_rows(table):
            for cell in own_cells(row):
                self.read(cell)
        self.layout_ranges.append((start, len(self.blocks)))

    def read(self, el: etree._Element) -> None:
        lines = LineBuilder()
        walk(el, lines, self.on_table)
        self._flush(lines)


def _has_numbered_rows(table: etree._Element) -> bool:
    """Cheap test before building a grid: does some row start with a row number (1, I, a))?
    The first cell with text counts: an empty spacer cell may come before the number."""
    rows = own_rows(table)
    return len(rows) >= 2 and any(parse_label(_first_text(own_cells(r))) is not None for r in rows[:50])


def _first_text(cells: list[etree._Element]) -> str:
    for cell in cells:
        text = "".join(cell.itertext()).strip()
        if text:
            return text
    return ""


def _header_start(blocks: list[Block], layout_ranges: list[tuple[int, int]]) -> int:
    """Index of the first block of the document header (issuing body / national motto), or of
    the type heading of a page that lost its header (``extract.header.find_head``)."""
    motto, headless = find_head([b.text or "" for b in blocks])
    if headless is not None:
        return headless
    if motto is None:
        return 0
    around = [(s, e) for s, e in layout_ranges if s <= motto < e]
    if around:
        return min(around, key=lambda r: r[1] - r[0])[0]
    return header_start([b.text for b in blocks], motto)


def _document_part(root: etree._Element, roots: list[etree._Element], motto: etree._Element) -> list[etree._Element]:
    """Table rows and list items of the document after its motto: no attribute block is read there.

    A site may put its attribute table inside the content container, before the header,
    so the container as a whole is not excluded; but a table of the document itself may
    carry label-like cells (a "Số hiệu" column).
    """
    order = {el: i for i, el in enumerate(root.iter())}
    start = order[motto]
    return [el for r in roots for el in r.iter("tr", "li") if order[el] > start]


def _page_title(root: etree._Element) -> str | None:
    for tag in ("h1", "title"):
        for el in root.iter(tag):
            text = collapse_ws("".join(el.itertext())).strip()
            if text:
                return text
    return None


def _challenge_markup(root: etree._Element, tags: tuple[str, ...] = ()) -> bool:
    for el in root.iter(*tags):
        if not isinstance(el.tag, str):
            continue
        for attr in ("id", "class", "src", "action"):
            value = el.get(attr)
            if value and any(m in value for m in BOT_CHALLENGE_MARKUP):
                return True
    return False


def _has_password_field(root: etree._Element) -> bool:
    return any((el.get("type") or "").lower() == "password" for el in root.iter("input"))


def _reject(
    root: etree._Element, title: str | None, challenge: bool, password: bool, truncated: bool = False
) -> PageError:
    """Why a page without a document is not one, as a ``PageError``. A page cut before its
    document says so before its menu's "Đăng nhập" link can make it look like a login prompt."""
    text = fold(" ".join([title or "", "".join(root.itertext())]))
    if challenge or contains_any(text, BOT_CHALLENGE_PHRASES):
        return PageError("bot_challenge", "a bot-challenge page (e.g. 'Just a moment...')")
    if contains_any(text, CONTENT_PENDING_PHRASES):
        return PageError("content_pending", "the site says the document text is being updated")
    if password:
        return PageError("login_stub", "a login form instead of the document")
    if "{{" in text:
        return PageError("empty_shell", "an unrendered template shell ({{...}} placeholders)")
    if truncated:
        return PageError(
            "truncated_page",
            "the page ends before its closing </html> tag and before any document: it was saved incompletely; "
            "save it again",
        )
    if contains_any(text, LOGIN_PHRASES):
        return PageError("login_stub", "a login prompt instead of the document")
    if not text.strip():
        return PageError("empty", "the page has no visible text")
    return PageError("not_a_document", "no legal document (no national motto) found on the page")


def _from_legacy(root: etree._Element) -> tuple[str, int] | None:
    """Put a page typed in TCVN3 or VNI (normalize/legacy.py) back into Unicode, a text node at
    a time (entities are decoded by then): (the encoding, how many nodes changed), or None.
    Word splits a paragraph into runs anywhere: TCVN3's capital font is decided on the whole
    paragraph, and a VNI mark that begins a run goes back to the letter that ends the one before."""
    encoding, mixed = detect_page("".join(root.itertext()))
    if encoding is None:
        return None
    slots = [(el, name) for el in root.iter() for name in ("text", "tail") if getattr(el, name, None)]
    if encoding == "VNI":
        _join_split_marks(slots)
    capitals: dict[etree._Element, bool] = {}
    converted = 0
    for el, name in slots:
        value = getattr(el, name)
        holder = el if name == "text" else el.getparent()
        block = _paragraph_of(holder)
        if block is not None and encoding == "TCVN3" and block not in capitals:
            capitals[block] = capital_font("".join(block.itertext()))
        if encoding == "TCVN3" and _in_capital_font(holder) and not mixed:  # capitals whatever the keys
            unicode = convert_segment(value, encoding, True) or (value.upper() if value.upper() != value else None)
        else:
            unicode = convert_segment(value, encoding, capitals.get(block) if block is not None else None, mixed)
        if unicode is not None:
            setattr(el, name, unicode)
            converted += 1
    return encoding, converted


#: TCVN3's capital fonts: ".VnTimeH", ".VnArialH", ".VnAvantH" ... (the face name ends in "H").
_CAPITAL_FACE = re.compile(r"^\.?vn\w*h$", re.IGNORECASE)
_FONT_FAMILY = re.compile(r"(?<![-\w])font-family\s*:\s*([^;]+)", re.IGNORECASE)  # not mso-bidi-font-family


def _in_capital_font(el: etree._Element | None) -> bool:
    """Is the text under ``el`` set in a TCVN3 capital font, by the nearest font it names (a
    ``<font face>`` or a ``font-family`` style), within its paragraph?"""
    while el is not None and isinstance(el.tag, str):
        faces = [el.get("face") or ""]
        if found := _FONT_FAMILY.search(el.get("style") or ""):
            faces.append(found.group(1))
        for face in faces:
            first = face.split(",")[0].strip().strip("'\"")
            if first:
                return bool(_CAPITAL_FACE.match(first))
        if el.tag in _PARAGRAPH_TAGS:
            return False
        el = el.getparent()
    return False


_PARAGRAPH_TAGS = frozenset({"p", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div"})


def _paragraph_of(el: etree._Element | None) -> etree._Element | None:
    while el is not None and el.tag not in _PARAGRAPH_TAGS:
        el = el.getparent()
    return el


def _join_split_marks(slots: list[tuple[etree._Element, str]]) -> None:
    """ "<span>Vie</span>ät": the mark that begins a run belongs to the vowel ending the one before."""
    for (before, before_name), (el, name) in zip(slots, slots[1:], strict=False):
        value, previous = getattr(el, name), getattr(before, before_name)
        if value[:1] in VNI_MARKS and previous[-1:].lower() in "aeiouyôö":
            setattr(before, before_name, previous + value[0])
            setattr(el, name, value[1:])


def read_html(data: bytes) -> RawPage:
    """Read one saved LawNet-style HTML page into a ``RawPage``."""
    decoded = decode_page(data)
    text, encoding = decoded.text, decoded.encoding
    root = dom.parse_html(text)
    legacy = _from_legacy(root)
    title = _page_title(root)
    challenge = _challenge_markup(root, ("script",))  # script src: gone after pruning
    password = _has_password_field(root)
    walled = contains_any(fold("".join(root.itertext())), LOGIN_WALL_NOTICES)
    dom.prune(root)
    pre = _text_dump_in_pre(root)
    motto = dom.find_motto(root) if pre is not None else None
    if pre is not None and (motto is None or motto is pre or pre in motto.iterancestors()):
        # a text dump shown as preformatted text, its motto a line of it: read as the dump it is
        from extract.readers.text import read_text  # late: the text reader imports this package

        page = read_text("".join(pre.itertext()), encoding)
        page.notes.extend(_page_notes(decoded.damage, legacy, walled))
        return page
    found = dom.find_document(root)
    if found is None:
        # no end anywhere (scripts may follow </html>), in a page longer than a stub: HTML5 may leave
        # the end out of a short page
        truncated = len(text) >= _CUT_PAGE_CHARS and not _HTML_END.search(text)
        raise _reject(root, title, challenge or _challenge_markup(root), password, truncated)
    roots, motto = found
    flow = _DocumentFlow()
    for el in roots:
        flow.read(el)
    start = _header_start(flow.blocks, flow.layout_ranges)
    blocks = flow.blocks[start:]
    translation = translation_start([b.text for b in blocks], 1)
    if translation is not None:  # LawNet's "Tiếng Anh" tab after the document
        blocks = blocks[:translation]
    if not blocks:
        raise PageError("empty", "the document container holds no text")
    page = RawPage(
        source_form="html",
        encoding=encoding,
        blocks=blocks,
        attributes=read_attributes(root, _document_part(root, roots, motto)),
        page_title=title,
    )
    page.notes.extend(_page_notes(decoded.damage, legacy, walled))
    if files := _content_as_files(roots):
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        page.notes.append(
            ReadNote(
                "content_as_file",
                f"part of the document is an image or a linked file ({shown}): its text and tables are not read",
            )
        )
    if not _HTML_END.search(text[-4096:]):
        page.notes.append(
            ReadNote(
                "truncated_page",
                "the page ends before its closing </html> tag: it was saved incompletely, and text or "
                "table rows after the cut are missing",
            )
        )
    return page


def _page_notes(damage: str | None, legacy: tuple | None, walled: bool) -> list[ReadNote]:
    """What the reading of the page's bytes and text found: bytes that did not decode, a legacy
    font's text converted, a login wall."""
    notes = []
    if damage:
        notes.append(ReadNote("bad_bytes", damage))
    if legacy is not None:
        notes.append(ReadNote(*legacy_note(*legacy)))
    if walled:
        notes.append(ReadNote("login_wall", LOGIN_WALL_MESSAGE))
    return notes


#: Lines a <pre> holds at least to be a whole document (a header alone has five or six).
_PRE_DOCUMENT_LINES = 15


def _numbered_table_beside(root: etree._Element, pre: etree._Element) -> bool:
    """Is there a table of numbered rows (two at least: "1", "I", "1.1", "a)") outside the <pre>
    and not around it: the document's appendix in HTML, under a header printed in a <pre>? An
    attributes table ("Số hiệu: | ...") or a list of one related document is none."""
    around = set(pre.iterancestors())
    for table in root.iter("table"):
        if table in around or pre in table.iterancestors():
            continue
        firsts = ["".join(cells[0].itertext()).strip() for row in table.iter("tr") if (cells := row.findall("td"))]
        if sum(1 for first in firsts if first and parse_label(first) is not None) >= 2:
            return True
    return False


def _text_dump_in_pre(root: etree._Element) -> etree._Element | None:
    """A ``<pre>`` holding a whole document as lines (a dump shown as preformatted text): one of
    its lines is the national motto, it holds most of the page's text or many lines, and no table
    of numbered rows stands beside it (a header printed so above the document's appendix in HTML
    is no dump)."""
    total = None
    for pre in root.iter("pre"):
        text = "".join(pre.itertext())
        if not any(is_motto(line.strip()) for line in text.splitlines() if "nam" in fold(line)):
            continue
        if total is None:
            total = len("".join(root.itertext()).split())
        lines = sum(1 for line in text.splitlines() if line.strip())
        if (len(text.split()) * 2 >= total or lines >= _PRE_DOCUMENT_LINES) and not _numbered_table_beside(root, pre):
            return pre
    return None


#: Files a document's own part may show or link instead of its text (a scanned appendix).
_DOCUMENT_FILE = re.compile(r"\.(pdf|docx?|xlsx?|jpe?g|png|gif|tiff?)(\?.*)?$", re.IGNORECASE)


def _content_as_files(roots: list[etree._Element]) -> list[str]:
    """The images and linked document files inside the document's elements, by file name. An
    image counts when it is large or named an appendix, or when it stands after an appendix
    heading ("PHỤ LỤC") and is no rule: a logo or a signature above it is no content."""
    found: list[str] = []
    after_heading = False
    for root in roots:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            own = (el.text or "").strip()
            if not after_heading and own and _appendix_heading(own):
                after_heading = True
            if el.tag not in ("img", "a", "embed", "object", "iframe"):
                continue
            address = el.get("src") or el.get("href") or el.get("data") or ""
            if el.tag == "img" and not _content_image(el, address, after_heading):
                continue
            if _DOCUMENT_FILE.search(address.strip()):
                name = address.strip().rsplit("/", 1)[-1].split("?")[0]
                if name and name not in found:
                    found.append(name)
    return found


#: An image at least this large on a side is a page of content (a scanned appendix), not a
#: logo, a signature, a stamp or a rule.
_CONTENT_PIXELS = 300
#: ... or one whose name or alternative text says it is an appendix.
_CONTENT_IMAGE_NAME = re.compile(r"ph[uụ][\s_-]*l[uụ]c|scan", re.IGNORECASE)
#: Never one this thin on a side: a rule or an ornament ("image001.gif", 600 x 2).
_ORNAMENT_PIXELS = 40
#: An appendix's own heading line ("PHỤ LỤC", "Phụ lục II"), not a sentence citing one.
_APPENDIX_HEADING = re.compile(r"^phu luc(\s+(so\s+)?[ivxlc\d]+[a-z]?)?\s*[.:]?$")


def _appendix_heading(text: str) -> bool:
    """ "PHỤ LỤC", "Phụ lục II", or a heading in capitals ("PHỤ LỤC I: DANH MỤC NHIỆM VỤ")."""
    folded = fold(text)
    return bool(_APPENDIX_HEADING.match(folded)) or (folded.startswith("phu luc") and mostly_upper(text))


_CSS_SIZE = re.compile(r"(?<![-\w])(width|height)\s*:\s*(\d+)", re.IGNORECASE)


def _content_image(img: etree._Element, address: str, after_heading: bool) -> bool:
    """An image that holds part of the document (large, named an appendix, or after one's
    heading), by its width and height attributes or style."""
    sizes = []
    for side in ("width", "height"):
        value = (img.get(side) or "").strip()
        if value.endswith("%"):
            continue  # a share of the page says nothing of the image
        if digits := re.match(r"(\d+)", value):
            sizes.append(int(digits.group(1)))
    sizes.extend(int(m.group(2)) for m in _CSS_SIZE.finditer(img.get("style") or ""))
    if any(size <= _ORNAMENT_PIXELS for size in sizes):
        return False
    named = bool(_CONTENT_IMAGE_NAME.search(f"{address} {img.get('alt') or ''}"))
    return any(size >= _CONTENT_PIXELS for size in sizes) or named or after_heading


#: Characters below which a page without its end is taken as whole (a short HTML5 page may omit it).
_CUT_PAGE_CHARS = 512
_HTML_END = re.compile(r"</\s*(html|body)\s*>", re.IGNORECASE)
