"""Unit names in a cell: one entry per unit, and what a unit's name looks like.

Lead and coordinating units are join keys downstream, so a cell "Sở Văn hóa, Thể thao và Du
lịch; UBND các huyện" must give two names, neither cut at the comma inside the first.
"""

from __future__ import annotations

import re
import unicodedata

from extract.numbering import parse_label
from extract.settings import (
    BULLET,
    MAX_UNIT_WORDS,
    NOT_A_UNIT_START,
    NOT_UNIT_ABBREVIATIONS,
    PERSON_WORDS,
    PLACE_LIST,
    UNIT_GROUP_WORDS,
    UNIT_HEAD_WORDS,
    UNIT_PHRASE_WORDS,
    WHOLE_UNIT_NAMES,
    WRAP_LAST_WORDS,
)
from normalize.text import fold

_UNIT_SPLIT = re.compile(r"\s*[;\n]\s*")
_ROMAN = re.compile(r"[IVXL]{2,}\W*")  # "Ban IV" names no unit


def split_units(paragraphs: list[str]) -> list[str]:
    """One entry per unit: split on ';' and lines, and on ',' only before a unit's name ("Sở
    Nội vụ, UBND cấp huyện"), never inside one ("Sở Văn hóa, Thể thao và Du lịch") nor in a list
    under a shared head ("Các Sở: Nội vụ, Tài chính"; a whole unit's name after it is a unit)."""
    units: list[str] = []
    for paragraph in _unwrapped(paragraphs):
        for part in _UNIT_SPLIT.split(BULLET.sub("", paragraph)):
            pieces = [p.strip() for p in part.split(",") if p.strip()]
            if not pieces:
                continue
            units.append(pieces[0])
            for piece in pieces[1:]:
                if (
                    units[-1].count("(") <= units[-1].count(")")
                    and _names_a_unit(piece, units[-1])
                    and not (":" in units[-1] and not looks_like_unit(piece))
                ):  # "Các Sở: Nội vụ, Tài chính": names without a head of their own share the colon's
                    units.append(piece)
                else:
                    units[-1] = f"{units[-1]}, {piece}"
    return [u.strip(" .;") for u in units if u.strip(" .;")]


def _unwrapped(paragraphs: list[str]) -> list[str]:
    """A cell's lines with a unit's name wrapped over two of them joined: the line stops on a
    word that needs the next ("Sở Thông tin và" / "Truyền thông"), on a comma or a hyphen, or
    the next goes on in lower case ("Ban Quản lý" / "khu kinh tế tỉnh"); never before a line
    that names a unit itself ("các sở, ngành liên quan", "UBND cấp huyện")."""
    lines: list[str] = []
    for paragraph in paragraphs:
        text = paragraph.strip()
        if lines and text and not BULLET.match(paragraph):
            last = lines[-1].rstrip()
            words = last.split()
            wraps = last.endswith((",", "-", "–")) or (words and words[-1].lower() in WRAP_LAST_WORDS)
            goes_on = text[:1].islower() and len(text.split()) > 1  # not a mark ("x")
            names_units = looks_like_unit(text) or fold(text).startswith("cac ")  # "các sở, ngành ..."
            if (wraps or goes_on) and not names_units:  # "Sở Tài chính và" / "Sở Kế hoạch ..." stay two
                lines[-1] = f"{last} {text}"
                continue
        lines.append(paragraph)
    return lines


def _names_a_unit(piece: str, before: str) -> bool:
    """Does this comma-separated piece begin another unit after ``before``? Yes for an
    abbreviation ("UBND cấp huyện"), a unit word ("Sở Tài chính", "Viện"), "các ..." ("các sở,
    ngành liên quan") and another capitalised name ("Điện lực Đắk Nông"). No for a piece in
    lower case, the "Ban" of "Các Sở, Ban, ngành", a place in a list of places ("UBND các huyện
    Đại Từ, Phú Lương"; "UBND huyện Cư M'gar, Krông Búk"), the second part of a name joined by
    "và" ("Sở Văn hóa, Thể thao và Du lịch"), a person's title after the person, a period
    ("Quý I, Quý II"); and never inside brackets ("Sở Nội vụ (Ban Thi đua, Khen thưởng)")."""
    words = piece.split()
    if _abbreviation(words[0].strip("()").rstrip(".")):  # after a comma "TP." opens a unit too
        return True
    folded = fold(piece)
    if not piece[:1].isupper():
        return folded.startswith("cac ")  # "Các cơ quan, đơn vị được giao": one phrase
    if len(words) == 1:
        return folded not in UNIT_PHRASE_WORDS
    if NOT_A_UNIT_START.match(unicodedata.normalize("NFC", piece).lower()) or fold(before).startswith(PERSON_WORDS):
        return False  # "Đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh", "Quý I, Quý II"
    if any(folded == w or folded.startswith(w + " ") for w in UNIT_HEAD_WORDS):
        return True
    if PLACE_LIST.search(unicodedata.normalize("NFC", before)) or len(before.split()) > MAX_UNIT_WORDS:
        return False  # a list of places, or a sentence going on ("... được Chính phủ, Thủ tướng giao")
    return " va " not in f" {folded} "


def _abbreviation(word: str) -> bool:
    """A unit's abbreviation in capitals ("UBND", "BHXH", "TT." for Trung tâm, "BQL."), not a
    roman number, a list letter, or the abbreviation of a place or a title before a name ("TP.
    Bến Tre", "KT. CHỦ TỊCH", "TS. Nguyễn Văn A")."""
    bare = word.strip("()")
    dotted = bare.endswith(".")
    bare = bare.rstrip(".")
    if dotted and bare in NOT_UNIT_ABBREVIATIONS:
        return False
    return len(bare) >= 2 and bare.isalpha() and bare.isupper() and parse_label(bare) is None


def looks_like_unit(text: str) -> bool:
    """Is this line a unit's name ("Sở Thông tin và Truyền thông", "Công an tỉnh", "UBND các
    huyện"), not a task ("Ban hành kế hoạch.") or a date? Used to tell which column of a text
    dump a line belongs to."""
    line = BULLET.sub("", text).strip().rstrip(";")
    words = line.split()
    if not words or len(words) > MAX_UNIT_WORDS or line.endswith((".", ":", ",")):
        return False
    if _abbreviation(words[0]):
        return True
    if not line[:1].isupper() or len(words) < 2:
        return False
    folded = fold(line)
    if folded.startswith("cac "):  # "Các sở, ngành", "Các huyện"; not "Các chốt hoạt động"
        rest = " ".join(folded[4:].replace(",", " ").split())
        return any(rest == w or rest.startswith(w + " ") for w in (*UNIT_HEAD_WORDS, *UNIT_GROUP_WORDS))
    if folded in WHOLE_UNIT_NAMES:
        return True
    for head in _HEADS_LONGEST_FIRST:
        if folded.startswith(head + " "):
            after = words[len(head.split())] if len(words) > len(head.split()) else ""
            # "Sở Nội vụ", "Công an tỉnh"; not "Ban hành kế hoạch"; "Bảo hiểm xã hội tỉnh" by
            # "bảo hiểm", not by "báo" (a newspaper)
            named = after[:1].isupper() and after[:1].isalpha() and not _ROMAN.fullmatch(after)
            return " " in head or named
    return False


_HEADS_LONGEST_FIRST = tuple(sorted(UNIT_HEAD_WORDS, key=len, reverse=True))
