"""Where a document starts: the issuing body's lines above the motto, the same for every reader.

A page puts the issuing body ("ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK NÔNG" / "-------") above or beside
the national motto; the site puts its own lines above that. Walking back from the motto over
short lines in capitals (and rule lines) finds the first line of the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.settings import ATTRIBUTE_LABELS, DOC_TYPES, HEADER_RULE, is_clutter_line, is_motto
from normalize.text import fold, fold_aligned, is_blank, mostly_upper

#: Lines (blank ones included) above the motto that may still be the header.
HEADER_WINDOW = 8
#: A header line is short: longer lines in capitals above the motto are the site's banners.
HEADER_LINE_CHARS = 80

_LABEL_ALTERNATION = "|".join(sorted((re.escape(label) for label in ATTRIBUTE_LABELS), key=len, reverse=True))
#: A label of the site's attribute block ("Số hiệu:", "Loại văn bản:"), searched in folded text.
ATTRIBUTE_LABEL = re.compile(rf"(?:^|(?<=\s))({_LABEL_ALTERNATION})\s*:")


def is_header_line(line: str) -> bool:
    """A line of the issuing body: a rule ("-----", the Party's "*"), or a short line mostly in
    capitals that is neither an attribute ("SỐ HIỆU: ...") nor the site's."""
    if line.strip() and set(line.strip()) <= set(HEADER_RULE):
        return True
    stripped = line.strip().strip("*_ ")
    if not stripped or len(stripped) > HEADER_LINE_CHARS:
        return False
    if ATTRIBUTE_LABEL.search(fold_aligned(stripped)) or is_clutter_line(fold(stripped)):
        return False
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


def is_type_heading(line: str) -> bool:
    """The document's type heading in capitals on a line of its own ("KẾ HOẠCH", "**NGHỊ ĐỊNH**")."""
    text = line.strip().strip("*_# ")
    return fold(text) in DOC_TYPES and mostly_upper(text, share=0.9)


def header_motto(lines: Sequence[str]) -> int | None:
    """Index of the motto line that heads the document: the first motto, unless the type
    heading comes before it (the page lost its header; a motto further down is an annexed
    form's)."""
    motto = next((i for i, line in enumerate(lines) if is_motto(line)), None)
    if motto is None:
        return None
    heading = next((i for i, line in enumerate(lines[:motto]) if is_type_heading(line)), None)
    return motto if heading is None else None
