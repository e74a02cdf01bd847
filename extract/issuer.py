"""The issuing body of a document from its header lines, in the portals' naming.

A unit printed under its parent body ("ỦY BAN NHÂN DÂN TỈNH X" / "SỞ NỘI VỤ") issues for the
parent's locality, as the portals' "Nơi ban hành" gives it; names in capitals are put in
Vietnamese name case ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở Giáo dục và Đào tạo"). The word lists
are in extract/settings.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.settings import (
    BODY_KINDS,
    ISSUER_NAMES,
    ISSUER_UNITS,
    LOCALITY_WORDS,
    NOT_A_PLACE_AFTER,
    PARENT_BODIES,
    PARTY_COMMITTEES,
    PROPER_NAMES,
)
from normalize.text import collapse_spaces, fold
from normalize.vietnamese import is_syllable

if TYPE_CHECKING:
    from extract.metadata import Metadata

#: A header line opening a unit printed under its parent body (folded): "SỞ NỘI VỤ".
_SUBORDINATE = re.compile(r"^(so|ban|cuc|chi cuc|van phong|trung tam|phong|tong cuc|vu|thanh tra|bo chi huy|cong an)\b")
_LOCAL_BODY = re.compile(
    r"^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\s+"
    r"(?P<rest>(tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong)\b.+)$"
)
#: Rule runs left in a header line ("TỈNH ĐẮK NÔNG-------"); a lone "-" is part of a name.
_RULE_RUN = re.compile(r"[-_=–—]{2,}|^[-_=–—]+|[-_=–—]+$")


def split_issuing_body(lines: list[str]) -> tuple[str, str | None]:
    """(parent body, unit printed under it or None), whether the unit has its own line
    ("UBND TỈNH X" / "SỞ NỘI VỤ", text and HTML) or was joined to the parent's (one Markdown
    cell: "UBND TỈNH X SỞ NỘI VỤ"), so every form of a page gives the same issuer."""
    parent: list[str] = []
    unit: list[str] = []
    for line in lines:
        if not unit and _complete(parent) and _LOCAL_BODY.match(fold(_RULE_RUN.sub(" ", line)).strip()):
            parent = [line]  # "UBND HUYỆN U MINH" / "UBND XÃ KHÁNH HÒA": the commune's own body issues
        elif unit or (_complete(parent) and _SUBORDINATE.match(fold(line))):
            unit.append(line)
        else:
            parent.append(line)
    words = collapse_spaces(_RULE_RUN.sub(" ", " ".join(parent))).split()
    at = _unit_start(words)
    if at is not None:
        unit.insert(0, " ".join(words[at:]))
        words = words[:at]
    return " ".join(words), (collapse_spaces(" ".join(unit)) or None)


def _complete(parent: list[str]) -> bool:
    """Can the parent's lines so far stand as a body? One word is a wrapped name ("ỦY" / "BAN
    NHÂN DÂN", "BỘ" / "CÔNG AN") unless it is an abbreviation ("UBND" / "SỞ Y TẾ")."""
    words = " ".join(parent).split()
    return len(words) >= 2 or (len(words) == 1 and not is_syllable(words[0].strip("*_").lower()))


def _unit_start(words: list[str]) -> int | None:
    """Index of the word opening a unit inside a parent body's line, or None. The unit must
    come after the parent's own name and have a name itself; one followed straight by
    another unit word is a place's syllable ("HẢI PHÒNG SỞ ...")."""
    folded = fold(" ".join(words))
    for pattern, kind in PARENT_BODIES:
        opening = pattern.match(folded)
        if opening is None:
            continue
        sizes = {i: _unit_at(words, i, kind) for i in range(len(opening.group().split()), len(words))}
        for i, size in sizes.items():
            if size and i + size < len(words) and not sizes.get(i + size):
                return i
        return None
    return None


def _unit_at(words: list[str], i: int, kind: str) -> int:
    """Number of words of the unit word standing at ``words[i]``, or 0."""
    for unit in ISSUER_UNITS[kind]:
        size = len(unit.split())
        if [w.upper() for w in words[i : i + size]] == unit.split():
            return size
    return 0


def issuer_of(meta: Metadata) -> str | None:
    """Nơi ban hành; without an attribute block, derived from the header's issuing body the
    way the portals name issuers ("Tỉnh Đắk Lắk", "Thủ tướng Chính phủ", "Bộ Công Thương").

    A unit printed under its parent body ("ỦY BAN NHÂN DÂN TỈNH X" / "SỞ TÀI CHÍNH") issues
    for the parent's locality, as the portals' Nơi ban hành gives it ("Tỉnh X"): the parent
    decides. Capitals become Vietnamese name case (``name_case``).
    """
    if meta.values.get("issuer"):
        return meta.values["issuer"]
    body, _ = split_issuing_body(meta.issuing_body_lines)
    if not body:
        return None
    folded = fold(body)
    if folded in ISSUER_NAMES:
        return ISSUER_NAMES[folded]
    local = _LOCAL_BODY.match(folded)
    if local:
        return name_case(body[len(body) - len(local.group("rest")) :])
    return name_case(body)


#: Words after which a body's name opens a new part ("Tài nguyên | và | Môi trường").
_NAME_JOINERS = frozenset({"và", "-", "–", "&"})


def name_case(name: str) -> str:
    """A body's name printed in capitals, in Vietnamese name case: the first word, the first
    word of each part of the body's own name (after its kind, "và", a comma or a dash) and
    place names are capitalized ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở Giáo dục và Đào tạo",
    "ỦY BAN NHÂN DÂN TỈNH BẾN TRE" -> "Ủy ban nhân dân tỉnh Bến Tre"). A word in capitals
    that is no Vietnamese syllable ("UBND", "DTI") is an abbreviation and keeps them."""
    printed = name.split()
    words = [w.lower() for w in printed]
    out: list[str] = []
    opens = True  # the next word opens a part of the name
    i = 0
    while i < len(words):
        phrase, size, kind = _phrase_at(words, i)
        if kind in ("place", "party"):  # the words after it are a place name
            head = phrase.split()
            if kind == "party" or not out:
                head[0] = _capital(head[0])
            out += head + [_capital(w) for w in words[i + size :]]
            break
        if kind == "proper":
            out += PROPER_NAMES[phrase].split()
            opens = False
        elif kind == "body" and opens:
            out += _capital(phrase).split()
        else:
            size = 1
            out.append(_word_case(printed[i], opens or not out))
            opens = words[i] in _NAME_JOINERS or words[i].endswith(",")
        i += size
    return " ".join(out)


def _phrase_at(words: list[str], i: int) -> tuple[str, int, str]:
    """The known phrase at ``words[i]`` as (phrase, number of words, kind: party, proper,
    place or body), longest first; ("", 1, "") when none stands there."""
    for kind, phrases in (
        ("party", PARTY_COMMITTEES),
        ("proper", tuple(PROPER_NAMES)),
        ("place", LOCALITY_WORDS),
        ("body", BODY_KINDS),
    ):
        for phrase in phrases:
            size = len(phrase.split())
            if " ".join(words[i : i + size]).rstrip(",") != phrase.lower():
                continue
            if kind == "place" and " ".join(words[i + size : i + size + 1]) in NOT_A_PLACE_AFTER.get(phrase, ()):
                continue
            return phrase, size, kind
    return "", 1, ""


def _word_case(printed: str, capital: bool) -> str:
    """One word of a name: an abbreviation as printed, else lower case, capitalized on demand."""
    lower = printed.lower()
    if printed.isupper() and not _is_word(lower):
        return printed
    return _capital(lower) if capital else lower


def _is_word(word: str) -> bool:
    """A Vietnamese syllable, punctuation aside."""
    letters = word.strip(",.;:()\"'")
    return not letters or not letters.isalpha() or is_syllable(letters)


def _capital(word: str) -> str:
    """``word`` with its first letter in capitals ("m'gar" -> "M'gar", not "M'Gar")."""
    for k, ch in enumerate(word):
        if ch.isalpha():
            return word[:k] + ch.upper() + word[k + 1 :]
    return word
