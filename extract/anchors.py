"""Lines that anchor a page's structure: the national motto, "Số: ...", the type heading, an
appendix's "PHỤ LỤC", "Nơi nhận:", the signing authority, the site's attribute labels and the
table headers that name a column's role.

Why: text saved from these pages loses letters, and an anchor that lost one ("CNG HÒA XÃ HỘI
...", "Nơi nhn:", "Đơn vị ch trì") hides the structure it anchors (the issuing body, the
recipients, a column's meaning). The letter repair finds such damage anywhere; the repairs
that turn a line into an anchor are made before the page is read
(extract.source_repair.repair_source). What an anchor is is decided here, by the same rules
the readers use.
"""

from __future__ import annotations

from extract.columns import role_of
from extract.header import attribute_labels
from extract.metadata import is_signature_title
from extract.settings import (
    APPENDIX_HEADING,
    DOC_TYPES,
    DOCUMENT_NUMBER_LINE,
    ISSUING_BODY_OPENING,
    PLACE_DATE_LINE,
    RECIPIENTS_LABEL,
    is_motto,
)
from extract.units import looks_like_unit
from normalize.text import collapse_spaces, fold, mostly_upper, nfc
from normalize.tone import normalize_tone_placement

#: Words of an anchor line at most (the motto has 8, 15 with its subtitle on the same line; a
#: column header rarely more than 10).
MAX_ANCHOR_WORDS = 16
#: Words of a column header at most ("Đơn vị chủ trì thực hiện", "Thời gian hoàn thành").
MAX_HEADER_WORDS = 8


def anchor_kind(line: str) -> str | None:
    """What kind of anchor a line is ("motto", "number", "type", "appendix", "recipients",
    "signature", "attributes:<labels>", "date", "body", "column:<role>", "unit"), or None. Markdown's emphasis and
    heading marks and table pipes are not part of the line."""
    text = line.replace("*", "").strip().strip("|#").strip()
    if not text or len(text.split()) > MAX_ANCHOR_WORDS:
        return None
    folded = fold(text)
    checks = (
        ("motto", is_motto(text)),
        # the labels of an attribute line, counted: "Số hiệu: ... Loại văn bn: ..." holds one
        (
            "attributes:" + str(len(labels := attribute_labels(text))),
            bool(labels) and labels[0].start() == 0,
        ),
        ("number", bool(DOCUMENT_NUMBER_LINE.match(folded))),
        ("type", folded in DOC_TYPES),
        ("appendix", bool(APPENDIX_HEADING.match(folded))),
        ("recipients", bool(RECIPIENTS_LABEL.match(folded))),
        ("signature", is_signature_title(folded)),
        ("date", bool(PLACE_DATE_LINE.match(folded))),
        # the issuing body in the header, in capitals ("ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK NÔNG")
        ("body", bool(ISSUING_BODY_OPENING.match(folded)) and mostly_upper(text, share=0.8)),
    )
    kind = next((name for name, found in checks if found), None)
    if kind is not None:
        return kind
    if len(text.split()) > MAX_HEADER_WORDS or text.endswith((".", ";", ":")):
        return None  # a sentence naming a deadline or a unit is no column header
    role = role_of(text, damaged=False)  # "Đơn vị ch trì" becomes the column's when repaired
    if role != "other":
        return f"column:{role}"
    # a unit's name on a line of its own tells a text dump's cells apart ("Bảo him xã hội tỉnh")
    return "unit" if looks_like_unit(text) else None


#: Anchors known letter for letter, tone marks included (lower case), as whole lines: a repair
#: that makes a line one of these is attested in its letters, not only in its skeleton ("CÔNG
#: HÒA" is no motto, while the folded rules above cannot tell "CÔNG" from "CỘNG").
FIXED_ANCHORS: tuple[str, ...] = (
    "cộng hòa xã hội chủ nghĩa việt nam",
    "độc lập - tự do - hạnh phúc",
    "nơi nhận",
    "kt. chủ tịch",
    "tm. ủy ban nhân dân",
    "chủ tịch",
    "phó chủ tịch",
    "giám đốc",
    "phó giám đốc",
    "bộ trưởng",
    "thứ trưởng",
    *(name.lower() for name in DOC_TYPES.values()),
)
#: ... and as the opening words of a line whose rest is its value or label ("Số: 434/KH-UBND",
#: "PHỤ LỤC II"), when the line is that kind of anchor.
FIXED_OPENINGS: tuple[tuple[str, str], ...] = (
    ("số:", "number"),
    ("phụ lục", "appendix"),
    ("biểu mẫu", "appendix"),
    ("ủy ban nhân dân", "body"),
    ("hội đồng nhân dân", "body"),
)


def _letters(text: str) -> str:
    return collapse_spaces(normalize_tone_placement(nfc(text))).lower()


_FIXED = frozenset(_letters(phrase) for phrase in FIXED_ANCHORS)
_OPENINGS = tuple((_letters(opening), kind) for opening, kind in FIXED_OPENINGS)


def is_fixed_anchor(line: str) -> bool:
    """Is the line one of FIXED_ANCHORS as written (any case, any tone placement), or does it
    open with one of FIXED_OPENINGS and is that kind of anchor?"""
    text = _letters(line.replace("*", "").strip().strip("|#").strip())
    if text.rstrip(" :.") in _FIXED:
        return True
    kind = anchor_kind(line)
    return any(text.replace(" :", ":").startswith(opening) and kind == k for opening, k in _OPENINGS)
