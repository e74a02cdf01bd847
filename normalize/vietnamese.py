"""Vietnamese syllable grammar: split a syllable into onset, rhyme and tone and check the rules.

Why: the letter-restoration repair needs to know which strings can be Vietnamese syllables
(to spot damaged tokens such as "tnh" and to keep damaged forms out of the language model)
without a dictionary lookup for every token. The rules are the orthographic ones: a fixed set
of onsets and rhymes, c/k, g/gh, ng/ngh spelling, and "checked" rhymes (ending in c, ch, p, t)
that take only the sắc or nặng tone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Generic, TypeVar

from normalize.text import fold

V = TypeVar("V")

__all__ = [
    "BLOCK_LETTERS",
    "BLOCK_LOWER",
    "TONE_NONE",
    "is_block_letter",
    "is_syllable",
    "split_tone",
    "syllable_tone",
]

# Tones as combining marks (NFD); the other marks (circumflex, breve, horn) are part of the letter.
_TONE_MARKS = {"\u0300": 2, "\u0301": 1, "\u0303": 4, "\u0309": 3, "\u0323": 5}
TONE_NONE = 0  # ngang; 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng

#: The 90 precomposed letters U+1EA0..U+1EF9 that page extraction drops (all carry a tone).
BLOCK_LETTERS: frozenset[str] = frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))
#: Their 45 lowercase forms, sorted for deterministic iteration.
BLOCK_LOWER: tuple[str, ...] = tuple(sorted({c.lower() for c in BLOCK_LETTERS}))
#: Lowercase letters only Vietnamese writes that lie outside the block (they survive extraction).
MARKED_OUTSIDE_BLOCK: frozenset[str] = frozenset("đăâêôơưàáãèéìíòóõùúýĩũ")

# fmt: off
_ONSETS = frozenset(
    [
        "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"
    ]
)
_RHYMES = frozenset(
    [
        "a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at", "ăc", "ăm",
        "ăn", "ăng", "ăp", "ăt", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", "e", "ec", "em",
        "en", "eng", "eo", "ep", "et", "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", "i", "ia",
        "ich", "im", "in", "inh", "ip", "it", "iu", "iêc", "iêm", "iên", "iêng", "iêp", "iêt",
        "iêu", "o", "oc", "oi", "om", "on", "ong", "op", "ot", "oong", "ooc", "ô", "ôc", "ôi", "ôm",
        "ôn", "ông", "ôp", "ôt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "u", "ua", "uc", "ui", "um",
        "un", "ung", "up", "ut", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", "ư", "ưa", "ưc", "ưi",
        "ưm", "ưn", "ưng", "ưt", "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", "y",
        "yêm", "yên", "yêt", "yêu", "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oap",
        "oat", "oay", "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oec", "oen", "oeo", "oet", "uân",
        "uâng", "uât", "uây", "uê", "uêch", "uênh", "uy", "uya", "uych", "uyn", "uynh", "uyt",
        "uyu", "uyên", "uyêt", "uơ"
    ]
)
# fmt: on
# After "qu" the medial u is already written: the rhyme is the part after it.
_QU_RHYMES = frozenset(r[1:] for r in _RHYMES if r.startswith(("oa", "oă", "oe", "uâ", "uê", "uy", "uơ"))) | {
    "ôc"
}  # quốc
_CHECKED_FINALS = ("c", "ch", "p", "t")
_FRONT = ("i", "e", "ê", "y")


@lru_cache(maxsize=4096)
def _split_char(ch: str) -> tuple[str, int]:
    """Return (letter without tone, tone) for one character."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = TONE_NONE
    rest = []
    for c in decomposed:
        if c in _TONE_MARKS:
            tone = _TONE_MARKS[c]
        else:
            rest.append(c)
    return unicodedata.normalize("NFC", "".join(rest)), tone


def split_tone(word: str) -> tuple[str, int, int]:
    """Strip tone marks from a lowercase word: (toneless, tone, number of tone marks)."""
    out = []
    tone = TONE_NONE
    marks = 0
    for ch in word:
        base, t = _split_char(ch)
        if t != TONE_NONE:
            marks += 1
            tone = t
        out.append(base)
    return "".join(out), tone, marks


def is_block_letter(ch: str) -> bool:
    """True for the letters U+1EA0..U+1EF9 (the ones extraction drops)."""
    return "\u1ea0" <= ch <= "\u1ef9"


def damage_tolerant(phrase: str) -> str:
    """A regex over folded text (normalize.text.fold) for ``phrase`` as written or as saved text
    damages it: each letter of U+1EA0..U+1EF9 may be missing, and a word that ends with one may
    lose the space after it ("CỘNG HÒA XÃ HỘI" also matches "cng hoa xa hi"). Why: a fixed
    phrase the structure hangs on (the national motto) must still be found when damaged."""
    words = []
    for word in unicodedata.normalize("NFC", phrase).split():
        pattern = "".join(re.escape(fold(ch)) + ("?" if is_block_letter(ch) else "") for ch in word)
        words.append((pattern, is_block_letter(word[-1])))
    return "".join(
        p + ((r"\s*" if glued else r"\s+") if i + 1 < len(words) else "") for i, (p, glued) in enumerate(words)
    )


class DamageTolerantNames(Generic[V]):
    """Names as written -> values, looked up in folded text as printed or with a lost letter of
    U+1EA0..U+1EF9 (``damage_tolerant``), the longest name first. Why: the fixed phrases a page
    hangs on (labels, types, the site's tab titles) must still be known when saved text damaged
    them ("Ngưi ký", "Quyết đnh", "Văn bn gốc")."""

    def __init__(self, names: Mapping[str, V]) -> None:
        self._exact = {fold(name): value for name, value in names.items()}
        ordered = sorted(names.items(), key=lambda item: len(item[0]), reverse=True)
        self._patterns = [(re.compile(damage_tolerant(name)), value) for name, value in ordered]
        self._longest = max((len(name) for name in self._exact), default=0)  # damage only shortens

    def get(self, folded: str) -> V | None:
        """The value of the name ``folded`` is, or None."""
        if folded in self._exact:
            return self._exact[folded]
        if len(folded) > self._longest:
            return None
        return next((value for pattern, value in self._patterns if pattern.fullmatch(folded)), None)


def _onset_ok(onset: str, rhyme: str) -> bool:
    first = rhyme[0]
    if onset == "k":
        return first in _FRONT
    if onset == "c":
        return first not in _FRONT
    if onset in ("gh", "ngh"):
        return first in ("i", "e", "ê")
    if onset in ("g", "ng"):
        return first not in ("i", "e", "ê")
    return True


def _rhyme_tone_ok(rhyme: str, tone: int) -> bool:
    if rhyme.endswith(_CHECKED_FINALS):
        return tone in (1, 5)
    return True


@lru_cache(maxsize=65536)
def syllable_tone(word: str) -> int | None:
    """Tone of a valid lowercase Vietnamese syllable, or None when it breaks the grammar."""
    if not word or len(word) > 7:
        return None
    toneless, tone, marks = split_tone(word)
    if marks > 1:
        return None
    for onset_len in (3, 2, 1, 0):
        onset = toneless[:onset_len]
        if onset_len and onset not in _ONSETS:
            continue
        rhyme = toneless[onset_len:]
        if not rhyme:
            if onset == "gi":  # "gì", "gi" = g + i
                return tone
            continue
        if onset == "qu":
            if rhyme in _QU_RHYMES and _rhyme_tone_ok(rhyme, tone):
                return tone
            continue
        if onset == "gi":  # "gia" = gi + a, "gìn" = gi + (i)n, "giếng" = gi + (i)êng
            for r in (rhyme, "i" + rhyme):
                if r in _RHYMES and r != "ii" and _rhyme_tone_ok(r, tone):
                    return tone
            continue
        if rhyme in _RHYMES and (not onset or _onset_ok(onset, rhyme)) and _rhyme_tone_ok(rhyme, tone):
            return tone
    return None


def is_syllable(word: str) -> bool:
    """True when the lowercase `word` is a well-formed Vietnamese syllable."""
    return syllable_tone(word) is not None
