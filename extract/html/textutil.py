"""Small text helpers shared by the HTML modules (folding for matching, whitespace)."""

from __future__ import annotations

from functools import lru_cache

from normalize.text import fold  # the project's one folding rule, used by the HTML modules

# ASCII whitespace collapses to one space inside a block (HTML rendering); NBSP is content.
ASCII_WS = " \t\n\r\f\v"
_WS_TABLE = str.maketrans({c: " " for c in ASCII_WS})


def collapse_ws(text: str) -> str:
    """Turn every run of ASCII whitespace into one space (NBSP is kept: it is printed)."""
    if not text:
        return text
    t = text.translate(_WS_TABLE)
    while "  " in t:
        t = t.replace("  ", " ")
    return t


@lru_cache(maxsize=256)
def folded_phrases(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The folded form of a settings list, computed once."""
    return tuple(fold(p) for p in phrases)


def contains_any(folded_text: str, phrases: tuple[str, ...]) -> bool:
    """True if one of ``phrases`` (as printed) occurs in an already folded text."""
    return any(p in folded_text for p in folded_phrases(phrases))
