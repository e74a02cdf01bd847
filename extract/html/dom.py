"""lxml parse, pruning of invisible parts, and locating the document by its content.

The portals change their markup, so the document is found by what it says (the national
motto), never by one site's ids; clutter is recognised by its phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator

import lxml.etree as etree

from extract.header import find_head
from extract.page import PageError
from extract.settings import (
    APPENDIX_HEADING,
    PLACEHOLDER_MARK,
    SITE_NAMES,
    SITE_NOTICES,
    is_clutter_line,
    is_motto,
    is_printed_clutter_line,
)
from normalize.numbers import SUPERSCRIPT_DIGITS

from .settings import (
    APPENDIX_HEADING_WORDS,
    APPENDIX_LINK_WORDS,
    COMMENT_STYLE,
    DROP_TAGS,
    HIDDEN_ATTRIBUTES,
    HIDDEN_STYLE_MARKERS,
    MAX_DEPTH,
    NOTE_ANCHOR_TARGETS,
    SHORT_ELEMENT_CHARS,
)
from .textutil import contains_any, fold

# Plain lxml elements: lxml.html's element classes cost a class lookup per node visited.
HtmlElement = etree._Element


def tag_of(el: etree._Element) -> str:
    """Lower-case local tag name ('o:p' -> 'p' is NOT done: Word's o:p stays 'o:p')."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def parse_html(text: str) -> HtmlElement:
    """Parse text with lxml (no huge_tree, comments and PIs dropped); reject absurd depth."""
    parser = etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        no_network=True,
        default_doctype=False,
    )
    if not text.strip():
        raise PageError("empty", "the page is empty")
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        root = etree.fromstring(data, parser)
    except (ValueError, etree.LxmlError) as exc:
        raise PageError("unreadable", f"lxml could not parse the page: {exc}") from exc
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            raise PageError("too_deep", f"markup nests too deep ({entry.message.strip()})")
    if root is None:
        raise PageError("empty", "the page holds no markup")
    if "&#" in text:
        _compose_references(root)
    _inline_srcdoc(root)
    if max_depth(root, MAX_DEPTH) > MAX_DEPTH:
        raise PageError("too_deep", f"markup nests deeper than {MAX_DEPTH} levels")
    return root


def _compose_references(root: HtmlElement) -> None:
    """NFC for text that character references wrote as a letter and separate tone marks
    ("e&#770;&#769;" for "ế", as "Unicode tổ hợp" input saves them): the page was put in NFC
    before they were decoded, and a heading or a place compared letter by letter must match."""
    for el in root.iter():
        for name in ("text", "tail"):
            value = getattr(el, name, None)
            if value and not unicodedata.is_normalized("NFC", value):
                setattr(el, name, unicodedata.normalize("NFC", value))


def _inline_srcdoc(root: HtmlElement) -> None:
    """An ``<iframe srcdoc="...">`` shows a page of its own inside this one: its body takes the
    frame's place (a frame that loads another file shows nothing saved here, and is dropped)."""
    for frame in list(root.iter("iframe")):
        page = frame.get("srcdoc")
        if not page or not page.strip():
            continue
        try:
            inner = parse_html(page)
        except PageError:
            continue  # a frame whose page is empty or unreadable shows nothing: dropped with the frame
        body = inner.find("body")
        holder = etree.Element("div")
        holder.text = (body if body is not None else inner).text
        holder.extend(list(body if body is not None else inner))
        holder.tail = frame.tail
        frame.getparent().replace(frame, holder)


def max_depth(root: etree._Element, cap: int) -> int:
    """Depth of the tree, computed without recursion; stops counting past ``cap``."""
    deepest = 0
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if deepest > cap:
                return deepest
        stack.extend((child, depth + 1) for child in el)
    return deepest


def is_hidden(el: etree._Element) -> bool:
    """Text that is not shown is not document text: Word's hidden runs (``mso-hide:all``),
    CSS-hidden elements (``display: none``, ``visibility:hidden``, any spacing or case) and
    the ``hidden`` attribute; a site hides its copy notices so."""
    if any(name in el.attrib for name in HIDDEN_ATTRIBUTES):
        return True
    style = el.get("style")
    return bool(style) and any(marker in HIDDEN_STYLE_MARKERS for marker in style_declarations(style))


def style_declarations(style: str) -> list[str]:
    """An inline style's declarations as "property:value", blanks removed, lower case and
    without "!important" ("Display: None !important" -> "display:none")."""
    compact = "".join(style.split()).lower()
    return [d.removesuffix("!important") for d in compact.split(";") if d]


#: Elements before a hidden table looked at for its heading ("PHỤ LỤC I", then its title).
_HEADING_SIBLINGS = 3


def _holds_content(el: HtmlElement) -> bool:
    """Is a hidden ``el`` part of the document rather than something the page hides? A page
    saved with a tab or a block collapsed still holds the document (its national motto) or an
    appendix behind "Xem phụ lục" (a "PHỤ LỤC" heading and a table). Hidden notices, related
    documents and other-language tabs are none of these; Word's own hidden runs
    (``mso-hide:all``) never are."""
    style = el.get("style") or ""
    if "mso-hide:all" in style_declarations(style):
        return False
    if find_motto(el) is not None:
        return True
    if el.tag != "table" and next(el.iter("table"), None) is None:
        return False
    # a heading line (a paragraph that opens with the words) inside it, before its table, or just
    # before it: not the words anywhere in a related document's name ("... ban hành kèm theo ...")
    table = el if el.tag == "table" else next(el.iter("table"))
    if _attribute_table(table):
        return False  # a tooltip of a document's attributes ("Số hiệu: | 99/QĐ-UBND")
    lines = _lines_before(el, table) + _title_row_lines(table)
    previous = el.getprevious()
    while previous is not None and len(lines) < _HEADING_SIBLINGS + 10:
        if isinstance(previous.tag, str):
            if previous.tag == "table" or next(previous.iter("table"), None) is not None:
                break  # another table's heading, not this one's
            lines.append(" ".join(previous.itertext()))
            if len(lines) >= _HEADING_SIBLINGS:
                break
        previous = previous.getprevious()
    return any(_appendix_heading(line) for line in lines)


def _attribute_table(table: HtmlElement) -> bool:
    """Is ``table`` a block of "label: | value" pairs (most first cells end with a colon)?"""
    firsts = [" ".join(row[0].itertext()).strip() for row in table.iter("tr") if len(row)]
    return bool(firsts) and 2 * sum(text.endswith(":") for text in firsts) > len(firsts)


def _appendix_heading(line: str) -> bool:
    """A line heading an appendix ("PHỤ LỤC I", "Biểu mẫu số 02") or a link to one ("Xem phụ
    lục I", "Xem chi tiết tại Phụ lục I"), not the words inside a related document's name."""
    folded = fold(line).strip(" (*")
    return folded.startswith(APPENDIX_HEADING_WORDS) or (
        folded.startswith("xem ") and any(f" {words}" in folded for words in APPENDIX_LINK_WORDS)
    )


#: Elements that start a line of text (a "<br>" too).
_LINE_TAGS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "center", "blockquote", "tr", "td", "th", "table"}
)


def _lines_before(el: HtmlElement, table: HtmlElement) -> list[str]:
    """The lines of text inside ``el`` before ``table``, whatever holds them (a paragraph, a
    span, bare text before a "<br>"): one walk of the tree, so a large hidden block costs
    its size once."""
    lines = [""]
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if node is table:
            break
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _LINE_TAGS:
            lines.append("")
        if event == "start" and tag:
            lines[-1] += " " + (node.text or "")
        elif event == "end" and node is not el:
            lines[-1] += " " + (node.tail or "")
    return [line.strip() for line in lines if line.strip()]


def _title_row_lines(table: HtmlElement) -> list[str]:
    """The lines of a table's first row when it is one cell across (Word puts an appendix's
    heading there: "PHỤ LỤC I<br>NHIỆM VỤ NĂM 2022")."""
    first = next(table.iter("tr"), None)
    cells = [] if first is None else [c for c in first if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) != 1:
        return []
    lines = _lines_before(cells[0], etree.Element("none"))
    # "PHỤ LỤC I", "Biểu mẫu số 02": a label, not "Phụ lục, biểu mẫu kèm theo văn bản" (attachments)
    return lines if lines and APPENDIX_HEADING.match(fold(lines[0]).strip(" (*.")) else []


def drop_tree(el: HtmlElement) -> None:
    """Remove ``el`` and its subtree; its tail text stays with the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def prune(root: HtmlElement) -> None:
    """Remove what is never visible: scripts, styles, forms' widgets, hidden elements (but not
    a hidden element holding document content: see ``_holds_content``)."""
    doomed = [el for el in root.iter(*DROP_TAGS) if el is not root]
    hidden: list[HtmlElement] = []
    marks: list[HtmlElement] = []  # comments, processing instructions, Word's note marks: one walk
    for el in root.iter():
        if el is root:
            continue
        if el.tag is etree.Comment or el.tag is etree.ProcessingInstruction:
            marks.append(el)
        elif is_hidden(el):
            hidden.append(el)
        elif _word_annotation(el):
            marks.append(el)
    kept = {el for el in hidden if _holds_content(el)}
    documents = [el for el in kept if find_motto(el) is not None]  # hidden copies of a document?
    if documents:
        body = root.find("body")
        pieces = _text_pieces(body if body is not None else root, set(hidden) | set(doomed))
        shown, numbers = _compact(fold(" ".join(pieces))), set(_header_numbers(pieces))
        kept -= {el for el in documents if _copy_of_shown(el, shown, numbers)}
    doomed.extend(el for el in hidden if el not in kept)
    doomed.extend(marks)
    for el in doomed:
        drop_tree(el)
    _superscript_digits(root)


def _word_annotation(el: HtmlElement) -> bool:
    """Word's footnote, endnote and comment marks, its comment list and the deleted text of
    tracked changes: glued to a cell, "[1]" or "3" made "4,25" read 4.253 and "75" + "78"
    made a number "7578/KH-UBND"."""
    tag = el.tag
    if tag == "a":
        return el.get("href", "").startswith(NOTE_ANCHOR_TARGETS) or "msocom" in el.get("class", "")
    if tag == "del":
        return el.get("datetime") is not None or el.get("cite") is not None or "msoDel" in el.get("class", "")
    return tag in ("div", "span") and bool(COMMENT_STYLE.search(el.get("style", "")))


#: Digits as superscripts: a footnote mark after a figure ("1,5<sup>2</sup>") is no digit of it.
_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def _superscript_digits(root: HtmlElement) -> None:
    """Write the digits of a <sup> as superscript characters: "1,5<sup>2</sup>" is "1,5²", a
    figure with a mark (see normalize.numbers), not 1.52; "m<sup>2</sup>" is "m²"."""
    for sup in root.iter("sup"):
        digits = "".join(sup.itertext()).strip()
        if digits.isascii() and digits.isdigit():
            for child in list(sup):
                sup.remove(child)
            sup.text = digits.translate(_SUPERSCRIPT)


def short_text(el: HtmlElement, limit: int) -> str | None:
    """The text under ``el`` if it is at most ``limit`` characters, else None (cheap)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > limit:
            return None
        parts.append(piece)
    return "".join(parts)


def element_text(el: etree._Element) -> str:
    """All text under ``el`` (tail excluded), cheap, for matching only."""
    return "".join(el.itertext())


def find_motto(root: HtmlElement) -> HtmlElement | None:
    """The element that holds the motto (extract/settings.is_motto): the first, in document
    order, whose own text does.

    First pass: an element's own text, each piece between its children (a ``<br>`` ends a
    line) on its own. Second pass, for a motto that Word split into several runs: the whole
    text of small paragraphs and cells.
    """
    return next(_mottos(root), None)


def _mottos(root: HtmlElement) -> Iterator[HtmlElement]:
    """The elements holding a motto, in the order of ``find_motto``'s two passes."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        pieces = [el.text or ""] + [c.tail or "" for c in el]
        if any("nam" in p.lower() and is_motto(p) for p in pieces):
            yield el
    for el in root.iter("p", "td", "th", "div", "h1", "h2", "h3", "b", "strong"):
        if len(el) == 0:
            continue
        full = _lines_text(el, 300)
        if full and is_motto(full):
            yield el


def _lines_text(el: HtmlElement, limit: int) -> str | None:
    """The text under ``el`` with a line break for each ``<br>`` ("CỘNG HÒA XÃ HỘI<br>CHỦ NGHĨA
    VIỆT NAM" is one motto over two lines, not "HỘICHỦ"), if at most ``limit`` characters."""
    parts: list[str] = []
    size = 0

    def add(text: str) -> bool:
        nonlocal size
        size += len(text)
        parts.append(text)
        return size <= limit

    def walk(node: HtmlElement) -> bool:
        if node.tag == "br":
            parts.append("\n")
        if isinstance(node.tag, str) and node.text and not add(node.text):
            return False
        return all(walk(child) and (not child.tail or add(child.tail)) for child in node)

    return "".join(parts) if walk(el) else None


#: Characters of a hidden document's header compared with the shown text: the motto, the number,
#: the date and the title's start.
_HEADER_CHARS = 240


def _compact(text: str) -> str:
    """Folded text without any blank: two copies of a page compare equal whatever their markup."""
    return "".join(text.split())


def _copy_of_shown(el: HtmlElement, shown: str, numbers: set[str]) -> bool:
    """Is the hidden ``el`` a collapsed copy of a document the page shows (a second tab printing
    the same header from its motto on, or the same sign number on its "Số" line, whatever its
    markup), rather than the document itself or another one (an attached plan with a motto of
    its own, citing the decision only as "Quyết định số ...")? ``el`` holds a motto."""
    text = _compact(fold(" ".join(_text_pieces(el))))
    start = text.find("conghoaxahoi")
    window = text[max(0, start) : max(0, start) + _HEADER_CHARS]
    if len(window) >= 60 and window in shown:
        return True
    own = next(_header_numbers(el.itertext()), None)
    return own is not None and own in numbers


#: "Số: 125/KH-UBND" or "Số 125/KH-UBND" opening a line or a cell (or after a dash), as a header
#: labels it; not "... kèm theo Quyết định Số 12/QĐ-UBND" inside a sentence citing another document.
_SIGN_NUMBER = re.compile(r"(?:^|\s[-–|]\s*)S[ốỐ]\s*:?\s*(\d+/[\w./-]*\w)")
#: A piece that is the label alone ("<b>Số:</b> 125/KH-UBND"): its number is the next piece.
_SIGN_LABEL = re.compile(r"^S[ốỐ]\s*:?$")


def _header_numbers(pieces: Iterable[str]) -> Iterator[str]:
    """The sign numbers the text pieces (between tags and line breaks) print on a "Số" label
    opening a piece, or after a dash ("ỦY BAN ... - Số: 125"), or in the piece after a label
    alone ("<b>Số:</b> 125/KH-UBND"), folded."""
    label = False
    for piece in pieces:
        text = unicodedata.normalize("NFC", piece.strip())
        if not text:
            continue
        found = _SIGN_NUMBER.search(f"Số: {text}" if label else text)
        label = bool(_SIGN_LABEL.match(text))
        if found:
            yield fold(found.group(1))


def _text_pieces(el: HtmlElement, unseen: Collection[HtmlElement] = ()) -> list[str]:
    """The text pieces under ``el`` (between tags: joined with spaces, "phúc</p><p>Số:" stays two
    words), without those of the ``unseen`` elements under it (no recursion: pages nest deep)."""
    pieces = [el.text or ""]
    stack = [(el, iter(el))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                pieces.append(node.tail or "")
        elif child in unseen or not isinstance(child.tag, str):
            pieces.append(child.tail or "")
        else:
            pieces.append(child.text or "")
            stack.append((child, iter(child)))
    return pieces


def is_clutter(el: HtmlElement) -> bool:
    """An element of the site around the document: a site notice or placeholder anywhere in
    it; or, in a short element, the site's name at its start, or a tab title or navigation word
    as the whole text of the element or of one of its parts ("<li>Văn bản gốc</li>"). A
    paragraph that mentions "văn bản gốc" or the site in a sentence is document text."""
    text = fold(element_text(el))
    if PLACEHOLDER_MARK in text or contains_any(text, SITE_NOTICES):
        return True
    first = next((c for c in el if isinstance(c.tag, str)), None)
    heading = short_text(first, 60) if first is not None else None
    if heading and fold(heading).strip(" :") in RELATED_DOCUMENT_TITLES and find_motto(el) is not None:
        return True  # a box of other documents the site shows ("Văn bản căn cứ" over a preview's header)
    if len(text) > SHORT_ELEMENT_CHARS:
        return False
    if text.startswith(SITE_NAMES) or is_clutter_line(text):
        return True
    for part in el.iterdescendants():
        if isinstance(part.tag, str):
            piece = fold(element_text(part))
            short = piece and len(piece) <= _PART_CHARS
            if short and is_clutter_line(piece) and (is_printed_clutter_line(piece) or not _piece_of_word(part, el)):
                return True
    return False


def _piece_of_word(part: HtmlElement, el: HtmlElement) -> bool:
    """Does a letter follow ``part`` (within ``el``) right after its last letter? Word splits a
    word into runs anywhere ("<b>Tài V</b><b>ă</b><b>n</b>"), and "Tài V" reads as a damaged
    "Tải về": a menu word read with a lost letter is only one when its text ends there (a menu
    word as printed is one even when the next item follows without a space)."""
    if not element_text(part)[-1:].isalpha():
        return False
    node = part
    while node is not el and node is not None:
        if node.tail:
            return node.tail[:1].isalpha()
        for sibling in node.itersiblings():
            following = element_text(sibling) or sibling.tail or ""
            if following:
                return following[:1].isalpha()
        node = node.getparent()
    return False


#: A part of an element longer than this is text, not a tab or a menu item.
_PART_CHARS = 40


def _doc_like(el: HtmlElement) -> bool:
    """Word body markup: MsoNormal paragraphs, WordSection divs or a table."""
    if tag_of(el) == "table":
        return True
    for sub in el.iter("p", "div", "table"):
        cls = (sub.get("class") or "").lower()
        if sub.tag == "table" or cls.startswith("mso") or cls.startswith("wordsection"):
            return True
    return False


#: Elements that hold a line of text in the page's flow (a heading, a paragraph, a cell).
_LINE_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "li")


#: Titles of the site's boxes showing other documents (folded, whole text of an element): a motto
#: in a box under one is another document's ("Văn bản căn cứ" previews its header).
RELATED_DOCUMENT_TITLES = frozenset(
    {
        "van ban can cu",
        "van ban lien quan",
        "van ban lien quan cung noi dung",
        "van ban huong dan",
        "van ban duoc huong dan",
        "van ban hop nhat",
        "van ban sua doi, bo sung",
        "van ban sua doi bo sung",
        "van ban bi sua doi, bo sung",
        "van ban bi thay the",
        "van ban thay the",
        "van ban bi dinh chinh",
        "van ban dinh chinh",
    }
)
#: Levels above a motto, and earlier siblings at each, where such a title is looked for.
_RELATED_LEVELS = 6
_RELATED_SIBLINGS = 3


def _under_related_title(motto: HtmlElement) -> bool:
    """Is the motto inside a box the site titles as another document ("Văn bản căn cứ" just
    before the branch that holds it)?"""
    branch = motto
    for _ in range(_RELATED_LEVELS):
        parent = branch.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        sibling = branch.getprevious()
        for _ in range(_RELATED_SIBLINGS):
            if sibling is None:
                break
            if isinstance(sibling.tag, str):
                text = short_text(sibling, 60)
                if text and fold(text).strip(" :") in RELATED_DOCUMENT_TITLES:
                    return True
            sibling = sibling.getprevious()
        branch = parent
    return False


def headless_heading(root: HtmlElement) -> HtmlElement | None:
    """The type heading that opens a page which lost its header ("THÔNG TƯ", then "Căn cứ ..."):
    ``extract.header.find_head`` decides, as for text pages, on the page's lines (the innermost
    paragraphs, headings and cells). Only on a page without a motto: on a page with one, a type
    heading above it is the site's menu or a summary, not the document."""
    elements = list(root.iter(*_LINE_TAGS))
    containers: set[HtmlElement] = set()
    for el in elements:
        for ancestor in el.iterancestors():  # the nearest line around a line is a container
            if ancestor.tag in _LINE_TAGS:
                containers.add(ancestor)
                break
    lines = [el for el in elements if el not in containers]
    _, headless = find_head([element_text(el) for el in lines])
    return None if headless is None else lines[headless]


def find_document(root: HtmlElement) -> tuple[list[HtmlElement], HtmlElement] | None:
    """The elements holding the document, in order, and the motto element; None when the
    page has no document.

    Climb from the motto (or the type heading of a page that lost its header, see
    ``headless_heading``) while the parent adds no clutter; then take the following siblings
    that are clutter-free Word body (an appendix in its own Word section).
    """
    # the first motto not in a box of another document the site shows ("Văn bản căn cứ")
    motto = next((m for m in _mottos(root) if not _under_related_title(m)), None)
    if motto is None:
        motto = find_motto(root)
    if motto is None:
        motto = headless_heading(root)
    if motto is None:
        return None
    body = root.find("body")
    current: HtmlElement = motto
    toolbars: list[HtmlElement] = []
    closed = False  # a container closed on the site's bar: past it, only the document's Word parts
    while True:
        parent = current.getparent()
        if parent is None or parent is root:
            break
        siblings = [c for c in parent if c is not current and isinstance(c.tag, str)]
        clutter = [s for s in siblings if is_clutter(s)]
        opening = _opening(current) if clutter or closed else ""  # once a level, not once a sibling
        if closed:  # higher only into a parent holding nothing but further Word parts
            if clutter or any(element_text(s).strip() and not _word_part(s, opening) for s in siblings):
                break
        elif any(not _closing_toolbar(s, current, opening) for s in clutter):
            break
        current = parent
        if clutter:
            toolbars.extend(clutter)
            closed = True
        if parent is body:
            break
    roots = [current]
    if current is not body:
        opening = _opening(current)
        for sib in current.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            if not element_text(sib).strip():
                continue
            if _toolbar(sib) and is_clutter(sib) and _word_part_next(sib, opening):
                toolbars.append(sib)  # "Chia sẻ | Tải về" between two Word sections
                continue
            if is_clutter(sib) or not (_word_part(sib, opening) if closed else _doc_like(sib)):
                break
            roots.append(sib)
    for bar in toolbars:
        drop_tree(bar)
    return roots, motto


def _closing_toolbar(el: HtmlElement, current: HtmlElement, opening: str) -> bool:
    """A bar of the site's links after the document's part ``current`` with nothing after it but
    the document's further Word parts ("Tải về" closing the container): inside the document's
    container. A bar before the document is the site's menu, and one with anything else after it
    (the site's footer, a list of related documents, another copy of the page: ``opening`` is the
    document's) marks the container's edge."""
    if not _toolbar(el) or el not in set(current.itersiblings()):
        return False
    return all(_word_part(after, opening) or _toolbar(after) for after in _text_siblings(el))


def _word_part_next(el: HtmlElement, opening: str) -> bool:
    """Is the next element with text after ``el`` a further Word part of the document?"""
    after = next(_text_siblings(el), None)
    return after is not None and _word_part(after, opening)


def _text_siblings(el: HtmlElement) -> Iterator[HtmlElement]:
    return (s for s in el.itersiblings() if isinstance(s.tag, str) and element_text(s).strip())


def _opening(el: HtmlElement, chars: int = 0) -> str:
    """The first words of a part of the document (folded): what a copy of the page starts with."""
    return fold(" ".join(element_text(el).split()))[: chars or _OPENING_CHARS]


def _word_part(el: HtmlElement, opening: str) -> bool:
    """A further part of the Word document after a bar of the site's links: Word body by its
    classes (an appendix's WordSection2, MsoNormal paragraphs), not a copy of the page (it starts
    as the document does) nor a box of the site opening with a link ("Kế hoạch 15/KH-UBND ..."
    over its table)."""
    if not _word_body(el):
        return False
    lines = [
        b
        for b in el.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6")
        if element_text(b).strip() and next(b.iterancestors("table"), None) is None  # not a table's cells
    ]
    if opening and lines:
        # the page again, maybe under a short caption ("Bản xem trước:"), not an appendix that
        # prints its issuer's header under its own title
        whole = _opening(el, _COPY_SEARCH_CHARS)
        caption = fold(" ".join(element_text(lines[0]).split()))
        rest = whole[len(caption) :].lstrip() if whole.startswith(caption) and len(caption) <= _CAPTION_CHARS else ""
        if whole.startswith(opening[: _OPENING_CHARS // 2]) or rest.startswith(opening[: _OPENING_CHARS // 2]):
            return False
    linked = sum(_all_linked(line) for line in lines)
    titled = any(fold(element_text(line)).strip(" :") in RELATED_DOCUMENT_TITLES for line in lines[:2])
    listing = lines and linked * 2 >= len(lines) and next(el.iter("table"), None) is None
    return not titled and not (lines and (_all_linked(lines[0]) or listing))


def _all_linked(el: HtmlElement) -> bool:
    """Is every letter of ``el`` inside a link ("Kế hoạch 15/KH-UBND năm 2024 ...")?"""
    linked = "".join(element_text(a) for a in el.iter("a"))
    return bool(linked.strip()) and _LETTERS_ONLY.sub("", linked) == _LETTERS_ONLY.sub("", element_text(el))


#: Characters of a part's opening compared to tell a copy of the page, and how far into a later
#: part that opening is looked for (a copy may come under a caption line).
_OPENING_CHARS = 160
_COPY_SEARCH_CHARS = 1000
#: A caption over a copy of the page, at most.
_CAPTION_CHARS = 80


def _word_body(el: HtmlElement) -> bool:
    """Word body by its classes: MsoNormal paragraphs and tables, WordSection divs ("Section2" of
    older Word; not a site's "section-related")."""
    for sub in el.iter("p", "div", "table", "span"):
        classes = (sub.get("class") or "").lower().split()
        if any(c.startswith("mso") or _WORD_SECTION.match(c) for c in classes):
            return True
    return False


_WORD_SECTION = re.compile(r"^(?:word)?section\d+$")


def _toolbar(el: HtmlElement) -> bool:
    """A short bar of the site's links or buttons ("Chia sẻ | Tải về", "In văn bản"): every letter
    of it in a link or a button, no table in it. Such a bar inside the document's container is
    left out of the document, where other clutter marks the container's edge."""
    text = element_text(el)
    letters = _LETTERS_ONLY.sub("", text)
    if not letters or len(text) > _PART_CHARS * 3 or next(el.iter("table"), None) is not None:
        return False
    linked = "".join(element_text(link) for link in el.iter("a", "button"))
    return _LETTERS_ONLY.sub("", linked) == letters


_LETTERS_ONLY = re.compile(r"[\W\d_]+")
