"""Small text primitives shared by every step: accent folding, whitespace, NFC."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: The zero-width space and no-break space print nothing: inside a word they go ("KẾ HOẠ\u200bCH"
#: is the heading "KẾ HOẠCH", "tả\u200bng" is "tảng"); between two whole syllables, where a page
#: uses one as the only break ("Sở\u200bTài chính"), they part them. Never a legacy font's letter.
_ZERO_WIDTH = re.compile(r"[\u200b\ufeff]+")
_WORD_END = re.compile(r"\w*$")
_WORD_START = re.compile(r"\w*")
_LOOK_BACK = 16


def _zero_width_resolved(text: str) -> str:
    if "\u200b" not in text and "\ufeff" not in text:
        return text
    from normalize.vietnamese import is_syllable  # late: that module folds with this one

    def resolved(m: re.Match[str]) -> str:
        # a syllable has at most seven letters: the look-back stays short
        left = _WORD_END.search(text, max(0, m.start() - _LOOK_BACK), m.start()).group()  # type: ignore[union-attr]
        right = _WORD_START.match(text, m.end()).group()  # type: ignore[union-attr]
        apart = left and right and not is_syllable((left + right).lower())
        return " " if apart and is_syllable(left.lower()) and is_syllable(right.lower()) else ""

    return _ZERO_WIDTH.sub(resolved, text)


_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
#: đ/Đ and the eth that converters put in their place, to the ASCII d of folded text.
_D_TO_ASCII = str.maketrans("đĐðÐ", "ddDD")
#: Latin eth (U+00D0/U+00F0), which converted documents print for Đ/đ ("HÐND"): Vietnamese
#: never uses eth, so it is always the d with stroke.
_ETH_TO_D_STROKE = str.maketrans("Ðð", "Đđ")
#: Hyphens and dashes a sign number may be typed with (U+2010 hyphen, U+2011 Word's non-breaking
#: hyphen, figure dash, en dash, em dash, minus sign): one "-".
_SIGN_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
#: Blanks (NBSP included) next to the "/" or "-" of a sign number ("18 /KH-UBND", "NQ- HĐND").
_SIGN_GAPS = re.compile(r"[\s\u00a0]*([/-])[\s\u00a0]*")
#: In running text, a gap beside the "/" between two characters of a number ("18 /KH", "12/ QĐ")
#: or on one side only of its "-" ("KH- UBND"): a dash with a blank on both sides is a separator.
_TEXT_SLASH_GAP = re.compile(r"(?<=[0-9A-ZĐÐ])[ \u00a0]*/[ \u00a0]*(?=[0-9A-ZĐÐ])")
_TEXT_DASH_GAP = re.compile(r"(?<=[0-9A-ZĐÐ])(?:-[ \u00a0]+|[ \u00a0]+-)(?=[0-9A-ZĐÐ])")
#: Characters that print nothing in a Unicode page: the soft hyphen (a hyphenation hint Word and
#: web editors leave inside words and sign numbers, "318/KH\u00ad-UBND"), joiners and direction
#: marks. A legacy page's 0xAD is a letter: it is converted (normalize.legacy) before this runs.
#: The zero-width space and no-break space are resolved apart (_ZERO_WIDTH).
_INVISIBLE = str.maketrans("", "", "\u00ad\u200c\u200d\u200e\u200f\u2060")


#: Texts up to this length are folded through a large cache (labels, headers, cells seen again
#: and again); longer ones (paragraphs, whose lines several rules fold in turn) through a small
#: one: in the large cache, 65,536 paragraphs held a worker's memory growing with the batch
#: (197 MiB at 1,000 pages, 464 MiB at 10,000).
_FOLD_CACHED_CHARS = 80
_FOLD_LONG_CACHE = 1024


def fold(text: str) -> str:
    """Lower-case, accent-free form for matching labels ("Số hiệu" -> "so hieu").

    đ/Đ are folded to d because NFD does not decompose them; so are their look-alikes ð/Ð
    (the eth of converted documents' "HÐND").
    """
    return _fold_short(text) if len(text) <= _FOLD_CACHED_CHARS else _fold_long(text)


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return _fold(text)


@lru_cache(maxsize=_FOLD_LONG_CACHE)
def _fold_long(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", _zero_width_resolved(text).translate(_D_TO_ASCII).translate(_INVISIBLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return collapse_spaces(stripped).lower()


def collapse_spaces(text: str) -> str:
    """One space for any run of blanks (including NBSP), and line breaks inside a paragraph."""
    return _SPACE_RUN.sub(" ", _LINE_BREAKS.sub(" ", _zero_width_resolved(text))).strip()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def drop_invisible(text: str) -> str:
    """The text without the characters that print nothing (soft hyphens, joiners, direction
    marks): "Kế\u00adhoạch" is "Kếhoạch" on the page, and a join key must not hold them."""
    return _zero_width_resolved(text).translate(_INVISIBLE)


def mostly_upper(text: str, share: float = 0.7) -> bool:
    """More than ``share`` of the letters are capitals: header lines, titles, group rows."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > share * len(letters)


def is_blank(text: str) -> bool:
    """True for empty cells: nothing but whitespace or NBSP."""
    return not _SPACE_RUN.sub("", text.replace("\u200b", "").replace("\ufeff", "")).strip()


def fold_char(ch: str) -> str:
    """One character folded to one character (so offsets in folded text match the original)."""
    if ch in "đĐðÐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[:1]
    return base.lower() if base else ch


def fold_aligned(text: str) -> str:
    """``fold`` without whitespace folding: same length as ``text`` when it is NFC."""
    return "".join(fold_char(ch) for ch in text)


def eth_to_d_stroke(text: str) -> str:
    """Ð/ð -> Đ/đ, letter for letter (offsets keep): the look-alike a converter put in."""
    return text.translate(_ETH_TO_D_STROKE)


def normalize_sign_number(number: str) -> str:
    """A document's sign number as one join key: "25/2024/NQ-HÐND" -> "25/2024/NQ-HĐND",
    "18 / KH- UBND" -> "18/KH-UBND", Word's non-breaking hyphen or a dash "KH‑UBND" ->
    "KH-UBND". A sign number never holds a blank beside "/" or "-"."""
    hyphens = drop_invisible(nfc(number)).translate(_SIGN_HYPHENS)
    return collapse_spaces(_SIGN_GAPS.sub(r"\1", eth_to_d_stroke(hyphens)))


def close_number_gaps(text: str) -> str:
    """Running text whose sign numbers have no blanks inside ("theo Kế hoạch số 18 /KH-UBND"
    -> "... số 18/KH-UBND"), so that a number pattern sees them whole; other dashes keep."""
    return _TEXT_DASH_GAP.sub("-", _TEXT_SLASH_GAP.sub("/", text))
