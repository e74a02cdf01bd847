"""Unit names in a cell: one entry per unit, and what a unit's name looks like.

Lead and coordinating units are join keys downstream, so a cell "Sở Văn hóa, Thể thao và Du
lịch; UBND các huyện" must give two names, neither cut at the comma inside the first.
"""

from __future__ import annotations

import re

from extract.numbering import parse_label
from extract.settings import UNIT_HEAD_WORDS
from normalize.text import fold

_BULLET = re.compile(r"^\s*[-+•*–]\s*")
_UNIT_SPLIT = re.compile(r"\s*[;\n]\s*")
#: Unit words that stand alone inside the phrase "sở, ban, ngành" rather than as a unit.
_PHRASE_WORDS = frozenset({"so", "ban", "nganh"})
#: What "các" names when it names units ("Các huyện", "Các ngành liên quan"), besides unit words.
_UNIT_GROUPS = ("nganh", "dia phuong", "huyen", "xa", "quan", "phuong", "thi xa", "thanh pho", "tinh", "thanh vien")
#: Words of a unit's name at most (a line longer than this is a task or a sentence).
MAX_UNIT_WORDS = 14


def split_units(paragraphs: list[str]) -> list[str]:
    """One entry per unit: split on ';' and lines, and on ',' only before a unit's name ("Sở
    Nội vụ, UBND cấp huyện"), never inside one ("Sở Văn hóa, Thể thao và Du lịch")."""
    units: list[str] = []
    for paragraph in paragraphs:
        for part in _UNIT_SPLIT.split(_BULLET.sub("", paragraph)):
            pieces = [p.strip() for p in part.split(",") if p.strip()]
            if not pieces:
                continue
            units.append(pieces[0])
            for piece in pieces[1:]:
                if _names_a_unit(piece):
                    units.append(piece)
                else:
                    units[-1] = f"{units[-1]}, {piece}"
    return [u.strip(" .;") for u in units if u.strip(" .;")]


def _names_a_unit(piece: str) -> bool:
    """Does this comma-separated piece begin another unit: a capitalised unit word, with a name
    after it ("Sở Tài chính") or alone ("Viện", not the "Ban" of "Các Sở, Ban, ngành"), "các
    ..." ("các sở, ngành liên quan"), or an abbreviation ("UBND")?"""
    words = piece.split()
    first = words[0].strip("().")
    if len(first) >= 2 and first.isupper() and parse_label(first) is None:
        return True
    folded = fold(piece)
    if not (piece[:1].isupper() or folded.startswith("cac ")):
        return False  # "Các cơ quan, đơn vị được giao": one phrase
    if len(words) == 1:  # "Viện, Trường, Doanh nghiệp", but "Các Sở, Ban, ngành" is one phrase
        return folded in UNIT_HEAD_WORDS and folded not in _PHRASE_WORDS
    return any(folded == w or folded.startswith(w + " ") for w in UNIT_HEAD_WORDS)


def looks_like_unit(text: str) -> bool:
    """Is this line a unit's name ("Sở Thông tin và Truyền thông", "Công an tỉnh", "UBND các
    huyện"), not a task ("Ban hành kế hoạch.") or a date? Used to tell which column of a text
    dump a line belongs to."""
    line = _BULLET.sub("", text).strip().rstrip(";")
    words = line.split()
    if not words or len(words) > MAX_UNIT_WORDS or line.endswith((".", ":", ",")):
        return False
    first = words[0].strip("()")
    if len(first) >= 2 and first.isalpha() and first.isupper() and parse_label(first) is None:
        return True
    if not line[:1].isupper() or len(words) < 2:
        return False
    folded = fold(line)
    if folded.startswith("cac "):  # "Các sở, ngành", "Các huyện"; not "Các chốt hoạt động"
        rest = " ".join(folded[4:].replace(",", " ").split())
        return any(rest == w or rest.startswith(w + " ") for w in (*UNIT_HEAD_WORDS, *_UNIT_GROUPS))
    for head in UNIT_HEAD_WORDS:
        if folded.startswith(head + " "):
            after = words[len(head.split())] if len(words) > len(head.split()) else ""
            # "Sở Nội vụ", "Công an tỉnh"; not "Ban hành kế hoạch"
            named = after[:1].isupper() and after[:1].isalpha() and parse_label(after) is None
            return " " in head or named
    return False
