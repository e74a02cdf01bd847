"""Text typed in the TCVN3 (ABC) legacy encoding with the .VnTime fonts, read as Windows-1252.

Older Vietnamese documents were typed with 8-bit fonts: the bytes are TCVN3 but the page says
nothing of it, so a browser or a decoder shows them as Latin-1 letters and symbols ("Céng hoµ
x· héi chñ nghÜa ViÖt Nam"). Such text is put back letter by letter, a segment (a line, or the
text between two tags) at a time, and only on a page where TCVN3 words outnumber Unicode
Vietnamese ones: a segment that already holds Unicode Vietnamese is left alone (the site
around the document), and so is every page without TCVN3 words (a "µg/l" or "25°C" stays);
on a TCVN3 page, a segment whose letters could be either ("Sè" is "Số") is TCVN3.
Headings typed with the capital font (.VnTimeH) use the small letters' codes: a word whose
other letters are capitals is put in capitals ("CéNG" -> "CỘNG").

The table is the 74 letters of TCVN 5712:1993 VN3 (67 small letters and Ă Â Ê Ô Ơ Ư Đ), each
keyed by the character its byte shows in Windows-1252. It was derived with glibc's iconv:

    for b in range(0xA1, 0x100): iconv -f TCVN5712-1 -t UTF-8 on bytes([b]), kept when the
    letter is small or one of ĂÂÊÔƠƯĐ (VN1's other capitals and combining marks are not VN3)
"""

from __future__ import annotations

import re
from itertools import islice

_SHOWN = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ"
_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
TCVN3 = dict(zip(_SHOWN, _LETTERS, strict=True))
_FROM_TCVN3 = str.maketrans(TCVN3)

#: Characters that TCVN3 text shows and Unicode Vietnamese never writes inside a word.
_MARKERS = frozenset(_SHOWN) - frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_MARKER_CLASS = "".join(sorted(re.escape(c) for c in _MARKERS))
_MARKER = re.compile(f"[{_MARKER_CLASS}]")
#: A word of TCVN3 text: letters with a marker among them ("Céng", "nghÜa", "t\u00ad").
_TCVN3_WORD = re.compile(rf"\b[A-Za-z]*[{_MARKER_CLASS}][A-Za-z{_MARKER_CLASS}]*|\b[A-Za-z]+[{_MARKER_CLASS}]")
#: Letters only Unicode Vietnamese writes (tone-marked vowels of U+1EA0-U+1EF9, ă ơ ư đ).
_UNICODE_VIETNAMESE = re.compile("[\u1ea0-\u1ef9ăĂơƠưƯđĐĩĨũŨ]")
_TABLE_CHAR = re.compile(f"[{''.join(sorted(re.escape(c) for c in _SHOWN))}]")
_SEGMENT = re.compile(r"[^\n]+")
#: ASCII capitals a segment needs before it is read as typed with the capital font.
_CAPITALS = 3
#: TCVN3 words needed, and their share over Unicode Vietnamese words, to call a page TCVN3.
MIN_WORDS = 8
MIN_RATIO = 3


def is_tcvn3(text: str) -> bool:
    """Is this text mostly TCVN3 shown as Windows-1252? (Cheap on Unicode pages: most have no
    marker at all, and the Unicode letters are counted only as far as the decision needs.)"""
    if not _MARKER.search(text):
        return False
    legacy = sum(1 for _ in _TCVN3_WORD.finditer(text))
    if legacy < MIN_WORDS:
        return False
    allowed = legacy // MIN_RATIO
    return sum(1 for _ in islice(_UNICODE_VIETNAMESE.finditer(text), allowed + 1)) <= allowed


def from_tcvn3(text: str) -> tuple[str, int]:
    """The text with its TCVN3 lines in Unicode, and how many lines were converted; (text, 0)
    unchanged when the page is not TCVN3 (``is_tcvn3``)."""
    if not is_tcvn3(text):
        return text, 0
    converted = 0

    def convert(match: re.Match[str]) -> str:
        nonlocal converted
        unicode = convert_segment(match.group())
        if unicode is None:
            return match.group()
        converted += 1
        return unicode

    return _SEGMENT.sub(convert, text), converted


def convert_segment(segment: str) -> str | None:
    """One segment of a TCVN3 page (a line, a text node) in Unicode; None to leave it as it is
    (it already holds Unicode Vietnamese, or no letter of the table)."""
    if _UNICODE_VIETNAMESE.search(segment) or not _TABLE_CHAR.search(segment):
        return None
    letters = segment.translate(_FROM_TCVN3)
    return letters.upper() if _capital_font(segment) else letters


def _capital_font(segment: str) -> bool:
    """Typed with the capital font: the words with TCVN3 letters have capitals for all their
    ASCII letters, a few at least ("CéNG HßA", not "Sè: 12/KH-UBND" nor "Tù do")."""
    words = [w for w in segment.split() if _TABLE_CHAR.search(w)]
    ascii_letters = [c for w in words for c in w if c.isascii() and c.isalpha()]
    return len(ascii_letters) >= _CAPITALS and all(c.isupper() for c in ascii_letters)


def legacy_note(segments: int) -> tuple[str, str]:
    """(code, message) of the page note (a ``legacy_encoding`` finding) for a converted page."""
    return (
        "legacy_encoding",
        "the text was typed in the TCVN3 (.VnTime) encoding and shown as Windows-1252; "
        f"{segments} lines or text runs were converted to Unicode letter by letter",
    )
