"""Small text primitives shared by every step: accent folding, whitespace, NFC."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form for matching labels ("Số hiệu" -> "so hieu").

    đ/Đ are folded to d because NFD does not decompose them.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return collapse_spaces(stripped).lower()


def collapse_spaces(text: str) -> str:
    """One space for any run of blanks (including NBSP), and line breaks inside a paragraph."""
    return _SPACE_RUN.sub(" ", _LINE_BREAKS.sub(" ", text)).strip()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def mostly_upper(text: str, share: float = 0.7) -> bool:
    """More than ``share`` of the letters are capitals: header lines, titles, group rows."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > share * len(letters)


def is_blank(text: str) -> bool:
    """True for empty cells: nothing but whitespace or NBSP."""
    return not _SPACE_RUN.sub("", text).strip()


def fold_char(ch: str) -> str:
    """One character folded to one character (so offsets in folded text match the original)."""
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[:1]
    return base.lower() if base else ch


def fold_aligned(text: str) -> str:
    """``fold`` without whitespace folding: same length as ``text`` when it is NFC."""
    return "".join(fold_char(ch) for ch in text)
