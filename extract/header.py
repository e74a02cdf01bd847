"""Where a document starts: the issuing body's lines above the motto, the same for every reader.

A page puts the issuing body ("ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK NÔNG" / "-------") above or beside
the national motto; the site puts its own lines above that. Walking back from the motto over
short lines in capitals (and rule lines) finds the first line of the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from extract.settings import ATTRIBUTE_LABEL_PATTERNS, DOC_TYPES, HEADER_RULE, is_clutter_line, is_motto
from normalize.text import fold, fold_aligned, is_blank, mostly_upper

#: Lines (blank ones included) above the motto that may still be the header.
HEADER_WINDOW = 8
#: A header line is short: longer lines in capitals above the motto are the site's banners.
HEADER_LINE_CHARS = 80

_LABEL_ALTERNATION = "|".join(pattern for pattern, _ in ATTRIBUTE_LABEL_PATTERNS)
#: A label of the site's attribute block ("Số hiệu:", "Loại văn bản:", also with a lost letter:
#: "Ngưi ký:"), searched in text folded letter for letter (``fold_aligned``). It follows a space,
#: or a letter when the lost letter took the space before the label ("Thừa Thiên HuNgưi ký:"):
#: ``attribute_labels`` keeps that case only where the line's capital starts the label.
ATTRIBUTE_LABEL = re.compile(rf"(?:^|(?<=\s)|(?<=[^\W\d_]))({_LABEL_ALTERNATION})\s*:")


def attribute_labels(line: str) -> list[re.Match[str]]:
    """The attribute labels of ``line``, matched on its letter-for-letter fold: after a space or
    at the start, or glued to a small letter before a capital ("HuNgưi ký:")."""
    return [
        match
        for match in ATTRIBUTE_LABEL.finditer(fold_aligned(line))
        if match.start() == 0
        or line[match.start() - 1].isspace()
        or (line[match.start()].isupper() and line[match.start() - 1].islower())
    ]


def is_header_line(line: str) -> bool:
    """A line of the issuing body: a rule ("-----", the Party's "*"), or a short line mostly in
    capitals that is neither an attribute ("SỐ HIỆU: ..."), the site's, nor a type word."""
    if line.strip() and set(line.strip()) <= set(HEADER_RULE):
        return True
    stripped = line.strip().strip("*_ ")
    if not stripped or len(stripped) > HEADER_LINE_CHARS:
        return False
    folded = fold(stripped)
    if attribute_labels(stripped) or is_clutter_line(folded) or folded in DOC_TYPES:
        return False  # a type word alone ("LUẬT" in the site's menu) is no issuing body
    return mostly_upper(stripped, share=0.8)


def header_start(lines: Sequence[str | None], motto: int) -> int:
    """Index of the first header line above ``lines[motto]``; None stands for a block that is
    not text (a table), which the header never crosses."""
    start = motto
    i = motto - 1
    while i >= 0 and motto - i <= HEADER_WINDOW:
        line = lines[i]
        if line is None:
            break
        if not is_blank(line):
            if not is_header_line(line):
                break
            start = i
        i -= 1
    return start


#: The national motto of an English translation printed after the document ("SOCIALIST
#: REPUBLIC OF VIETNAM"): LawNet's "Tiếng Anh" tab. It ends the Vietnamese document.
_TRANSLATION_MOTTO = re.compile(r"socialist\s+republic\s+of\s+viet\s*nam", re.IGNORECASE)


def translation_start(lines: Sequence[str | None], after: int = 0) -> int | None:
    """Index of the first line of an English translation's header after ``lines[after]`` (its
    issuing body, "PEOPLE'S COMMITTEE OF ..."), or None when there is none."""
    for i in range(after, len(lines)):
        line = lines[i]
        if line is None:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        wrapped = line  # or over two lines from here: "THE SOCIALIST" / "REPUBLIC OF VIET NAM"
        if following is not None and not _TRANSLATION_MOTTO.search(following.replace("*", "")):
            wrapped = f"{line} {following}"
        if _TRANSLATION_MOTTO.search(wrapped.replace("*", "")) and _motto_follows(lines, i):
            start = header_start(lines, i)
            above = start  # the tab's title may stand above the header, blank lines between
            while above > after and lines[above - 1] is not None and is_blank(lines[above - 1]):
                above -= 1
            titled = above > after and fold(lines[above - 1] or "").strip(" :") in _TRANSLATION_TITLES
            return above - 1 if titled else start
    return None


#: The motto's second line in English, which a body quoting the country's name does not have.
_TRANSLATION_SUBTITLE = re.compile(r"independence\W+freedom\W+(and\W+)?happiness", re.IGNORECASE)


def _motto_follows(lines: Sequence[str | None], i: int) -> bool:
    """Is "Independence - Freedom - Happiness" within the next lines (a header, not a quote),
    and no Vietnamese motto just above (a bilingual form in an appendix, not a translation)?"""
    above = " ".join(line for line in lines[max(0, i - 3) : i] if line is not None)
    if is_motto(above) or "cong hoa xa hoi chu nghia" in fold(above):
        return False
    below = " ".join(line for line in lines[i : i + 7] if line is not None)
    return bool(_TRANSLATION_SUBTITLE.search(below))


#: The tab's title above a translation ("Tiếng Anh"), folded.
_TRANSLATION_TITLES = frozenset({"tieng anh", "ban tieng anh", "van ban tieng anh", "ban dich tieng anh", "english"})


def is_type_heading(line: str) -> bool:
    """The document's type heading in capitals on a line of its own ("KẾ HOẠCH", "**NGHỊ ĐỊNH**")."""
    text = line.strip().strip("*_# ")
    return fold(text) in DOC_TYPES and mostly_upper(text, share=0.9)


#: A page that lost its header: its type heading is followed, within this many non-blank lines,
#: by the enacting basis ("Căn cứ ...") or the first article ("Điều 1.").
HEADLESS_LOOKAHEAD = 6
_ENACTING = re.compile(r"^(can cu\b|dieu 1\b)")
#: Text lines between such a heading and a motto below it for the motto to be an annexed form's
#: (fewer: the heading is the site's, above the document's own header).
HEADLESS_BODY_LINES = 6


def find_head(lines: Sequence[str]) -> tuple[int | None, int | None]:
    """(index of the motto that heads the document, index of the type heading of a page that
    lost its header), one of them or neither, in one pass: the first motto, unless a type
    heading followed by "Căn cứ ..." or "Điều 1." comes before it (a motto further down is
    then an annexed form's, when a body lies in between). A heading alone ("THÔNG BÁO" over a
    news item, "LUẬT" in the site's menu) is not enough, nor one followed by another type
    heading before that line (a menu "THÔNG TƯ", "QUYẾT ĐỊNH" over a table of contents), nor
    one a few lines above the motto (a summary box above the header)."""
    headless: int | None = None
    for i, line in enumerate(lines):
        if is_motto(line) or _wrapped_motto(lines, i):
            if headless is not None and _text_lines(lines, headless, i) > HEADLESS_BODY_LINES:
                return None, headless
            return i, None
        if headless is None and is_type_heading(line) and _enacted_after(lines, i):
            headless = i
    return None, headless


#: Words of each line of a motto wrapped over two lines, at most ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA
#: VIỆT NAM"; a converter's wrap "**CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**").
_MOTTO_PART_WORDS = 8


def _wrapped_motto(lines: Sequence[str], i: int) -> bool:
    """Do ``lines[i]`` and the line after it, both short and in capitals, make the motto that
    neither is alone (a line of the issuing body above the motto's own line is not its part)?"""
    if i + 1 >= len(lines):
        return False
    pair = (lines[i], lines[i + 1])
    if any(is_blank(x) or len(x.split()) > _MOTTO_PART_WORDS or not mostly_upper(x, share=0.8) for x in pair):
        return False
    return not is_motto(pair[1]) and is_motto(pair[0].rstrip() + " " + pair[1].lstrip())


def _text_lines(lines: Sequence[str], start: int, end: int) -> int:
    return sum(1 for line in lines[start:end] if not is_blank(line))


def _enacted_after(lines: Sequence[str], heading: int) -> bool:
    """Does "Căn cứ ..." or "Điều 1." follow the type heading at ``heading`` closely, after its
    title and with no other type heading in between?"""
    following = islice((x for x in lines[heading + 1 :] if not is_blank(x)), HEADLESS_LOOKAHEAD)
    for n, line in enumerate(following):
        if _ENACTING.match(fold(line.strip().strip("*_# "))):
            return n > 0  # right under the heading: a table of contents, not a document
        if is_type_heading(line):
            return False
    return False
