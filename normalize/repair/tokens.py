"""Tokenization shared by the model builder and the repair, so both see the same units.

Why: the language model and the repair must agree on what a token is. Words are runs of
letters (lowercased for the model), numbers become ``<num>``, and every punctuation mark or
line break becomes the boundary ``<p>`` (consecutive boundaries collapse to one). Words
outside the vocabulary fall into classes: ``<abbr>`` (all capitals, CCHC, TTHC), ``<c>`` (a
lone consonant letter: list labels, initials, and the corpus's own damage such as "b trí")
and ``<unk>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: letters | number | line break | any other non-space character
TOKEN_RE = re.compile(r"([^\W\d_]+)|(\d+(?:[.,]\d+)*)|(\n)|([^\w\s])")
NUM = "<num>"
BOUNDARY = "<p>"
UNK = "<unk>"
ABBR = "<abbr>"
LETTER = "<c>"
SPECIALS = (BOUNDARY, NUM, UNK, ABBR, LETTER)
_CONSONANTS = frozenset("bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX")


def word_class(word: str, index: dict[str, int]) -> str:
    """The model token of a word with its original case: lowercase word or a class."""
    if len(word) == 1 and word in _CONSONANTS:
        return LETTER
    low = word.lower()
    if low in index:
        return low
    if len(word) >= 2 and word.isupper():
        return ABBR
    return UNK


def model_tokens(text: str) -> Iterator[str]:
    """Yield words (original case), ``<num>`` and ``<p>``; see :func:`word_class`."""
    prev_boundary = True
    yield BOUNDARY
    for m in TOKEN_RE.finditer(text):
        word = m.group(1)
        if word is not None:
            prev_boundary = False
            yield word
        elif m.group(2) is not None:
            prev_boundary = False
            yield NUM
        elif not prev_boundary:
            prev_boundary = True
            yield BOUNDARY
    if not prev_boundary:
        yield BOUNDARY
