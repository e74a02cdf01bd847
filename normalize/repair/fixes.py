"""The named fixes: each proposes candidate repairs for one kind of damage.

Why (ftfy-style): every change the repair makes is attributable to one small function, so a
report can say which fix ran and tests can target one shape of damage at a time.

- ``restore_inner_letter``: a letter of U+1EA0..U+1EF9 vanished inside or at either end of a
  word ("tnh" -> "tỉnh", "ng" -> "Ứng", "đt" -> "đạt").
- ``split_glued_syllables``: a word-final letter vanished with the space after it
  ("chsố" -> "chỉ số", "bQuy" -> "bố Quy", "Đán" -> "Đề án").
- ``join_line_broken_word``: the letter became a line break ("t\\nnh" -> "tỉnh").
- ``restore_lost_word``: a word of one letter vanished and left its spaces behind
  ("nhà  xã hội" -> "nhà ở xã hội", "nhà , công trình" -> "nhà ở, công trình"), or took the
  following space with it ("sống Hà Nội" -> "sống ở Hà Nội", tried only after words that
  "ở" often follows).

Candidates come from tables derived from the model's vocabulary (every known word with its
block letter removed), so a lookup replaces trying 45 letters at every position.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from normalize.repair.lm import SyllableModel
from normalize.repair.tokens import ABBR, UNK
from normalize.vietnamese import BLOCK_LOWER, MARKED_OUTSIDE_BLOCK, is_syllable

RESTORE_INNER_LETTER = "restore_inner_letter"
SPLIT_GLUED_SYLLABLES = "split_glued_syllables"
JOIN_LINE_BROKEN_WORD = "join_line_broken_word"
RESTORE_LOST_WORD = "restore_lost_word"
#: A one-letter word is a candidate for a lost word when the corpus has it this often (ở, ả, ổ).
MIN_LOST_WORD_COUNT = 100
#: Shape of a lost word that kept its spaces (the final letter's space was not taken).
LOST_WORD_SHAPE = 0.4
#: ... and of one that took the following space with it, leaving no trace ("sống Hà Nội").
LOST_WORD_GLUED_SHAPE = 0.6
#: A traceless lost word is tried only after words it follows this often, P(ở | word) over raw
#: bigram counts (p2_top; 163 words: nằm, nhà, sống, ...; 0.01 and 0.04 did no better on dev).
MIN_P_LOST_WORD = 0.02

_BLOCK = frozenset(BLOCK_LOWER)
#: Candidates kept per token, by corpus frequency; rarer ones almost never win in context.
MAX_PROPOSALS = 24
MIN_RELATIVE_WEIGHT = 1 / 3000
#: A known word is no suspect when its likeliest repair, weighed by damage shape (and a quarter
#: for the damage prior), is rarer than this share of the word itself: context can hardly turn
#: that round. 2e-3 until round 5; 5e-3 gives the same figures on two dev seeds (1e-2 loses
#: 0.06 points on one) and spares about 15% of restore()'s time on clean text.
MIN_REPAIR_SHARE = 5e-3
#: A Roman numeral as written, below 100 (XIV; not "VIC", a damaged word: "VỀ VIC CÔNG BỐ"). These
#: documents number parts, congresses and centuries with small numerals; a "numeral" of 100 or more
#: in capitals is a damaged word ("CI THIỆN": CẢI, "MC ĐÍCH": MỤC, "CC": CÁC).
_ROMAN = re.compile(r"(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
# Letters a Vietnamese (or Vietnamese place-name) word can contain.
_VI_LETTERS = frozenset("abcdeghiklmnopqrstuvxy") | _BLOCK | MARKED_OUTSIDE_BLOCK  # no f, j, w, z


#: P(a name's spelling | <unk>), what core.UNK_SPELLING charges an unknown token kept whole: a
#: split that leaves a name the corpus does not know ("điện tVNeID" -> "điện tử VNeID") pays it too.
UNKNOWN_NAME_SPELLING = 1e-5


@dataclass(frozen=True)
class Proposal:
    """One candidate repair of one token (or of two tokens around a line break)."""

    words: tuple[str, ...]  # lowercase replacement words (for the model)
    insert_pos: int  # where the letter went in the lowercase damaged string
    fix: str
    shape: float  # relative likelihood of this damage shape given the original


class CandidateTables:
    """Lookup tables built once per model: damaged form -> possible originals."""

    def __init__(self, model: SyllableModel) -> None:
        self.model = model
        deleted: dict[str, list[tuple[str, int]]] = {}
        final: dict[str, list[str]] = {}
        for word in model.vocab:
            if word.startswith("<") or len(word) < 1:
                continue
            positions = [i for i, ch in enumerate(word) if ch in _BLOCK]
            if len(positions) != 1:
                continue
            i = positions[0]
            deleted.setdefault(word[:i] + word[i + 1 :], []).append((word, i))
            if i == len(word) - 1:
                final.setdefault(word[:-1], []).append(word)
        self.deleted = deleted
        self.final = final
        #: the same heads with their model ids, for weighing a split by its bigram count
        self.final_ids = {k: tuple((w, model.index[w]) for w in v) for k, v in final.items()}
        one_letter = [w for w in model.vocab if len(w) == 1 and w in _BLOCK and model.count(w) >= MIN_LOST_WORD_COUNT]
        one_letter.sort(key=lambda w: (-model.count(w), w))
        #: candidates for a one-letter word lost with no letter left ("ở"), likeliest first
        self.lost_words = tuple(Proposal((w,), 0, RESTORE_LOST_WORD, LOST_WORD_SHAPE) for w in one_letter)
        # A lost word that took the following space with it leaves no trace ("sống Hà Nội"):
        # only the likeliest one-letter word is tried, and only after words it often follows.
        self.glued_lost_word: Proposal | None = None
        self.before_lost_word: frozenset[str] = frozenset()
        if one_letter:
            word = one_letter[0]
            wid = model.index[word]
            self.glued_lost_word = Proposal((word,), 0, RESTORE_LOST_WORD, LOST_WORD_GLUED_SHAPE)
            self.before_lost_word = frozenset(
                form
                for i, w in enumerate(model.vocab)
                if not w.startswith("<") and model.uni[i] >= 20 and model.p2_top(i, wid) >= MIN_P_LOST_WORD
                for form in (w, w[:1].upper() + w[1:], w.upper())
            )
        self._memo: dict[str, tuple[Proposal, ...]] = {}
        self._ids: dict[tuple[str, ...], tuple[int, ...]] = {}
        self._in_context: dict[tuple[str, int, int], tuple] = {}
        self._with_ids: dict[str, tuple[tuple[Proposal, tuple[int, ...], float], ...]] = {}
        #: per-word flags of the document-evidence pass (normalize/repair/core.py), memoized
        self.word_kinds: dict[str, int] = {}

    # ------------------------------------------------------------ token-level fixes

    def restore_inner_letter(self, low: str) -> list[Proposal]:
        """Originals of `low` with one block letter put back (at any position)."""
        out = []
        for word, pos in self.deleted.get(low, ()):
            shape = 0.4 if pos == len(low) and pos > 0 else 1.0  # final letter kept its space
            out.append(Proposal((word,), pos, RESTORE_INNER_LETTER, shape))
        return out

    def split_glued_syllables(self, token: str) -> list[Proposal]:
        """Split `token` into (word that lost its final letter) + (intact known word)."""
        return [Proposal(words, pos, SPLIT_GLUED_SYLLABLES, shape) for _, words, pos, shape in self._splits(token)]

    def _splits(self, token: str) -> list[tuple[float, tuple[str, str], int, float]]:
        """The splits of `token` as (weight, words, insert_pos, shape): a word with more than a
        dozen possible heads ("th" + "anh") is weighed before any Proposal is made of it."""
        low = token.lower()
        out = []
        m = self.model
        count = m.bigram_count
        for i in range(1, len(low)):
            heads = self.final_ids.get(low[:i])
            if not heads:
                continue
            right = low[i:]
            rid = m.index.get(right)
            if rid is None and len(right) >= 3 and token[:i].islower() and token[i].isupper():
                # "vCCHC", "tVNeID", "tPostmart": a small word glued to an abbreviation or a name
                # the corpus does not know (its class: capitals or any other unknown)
                # the name must still be spelled, as the token kept whole pays for its spelling
                unknown, shape = (ABBR, 0.6) if token[i:].isupper() else (UNK, 0.6 * UNKNOWN_NAME_SPELLING)
                uid = m.word_id(unknown)
                out.extend(((count(hid, uid) + 0.5) * shape, (head, unknown), i, shape) for head, hid in heads)
                continue
            if rid is None or m.uni[rid] < 5:
                continue
            if not (is_syllable(right) or len(right) >= 3):
                continue
            if not _case_ok(token[i:]) and not (token[:i].islower() and token[i].isupper()):
                continue  # "tVNeID": a name in mixed case after a small word is one
            out.extend(((count(hid, rid) + 0.5) * 0.6, (head, right), i, 0.6) for head, hid in heads)
        return out

    def join_line_broken_word(self, left: str, right: str) -> list[Proposal]:
        """Originals of `left + right` where the letter between them became a line break."""
        low = (left + right).lower()
        pos = len(left)
        return [Proposal((word,), pos, JOIN_LINE_BROKEN_WORD, 1.0) for word, p in self.deleted.get(low, ()) if p == pos]

    def weight(self, p: Proposal) -> float:
        """Static prior weight of an original: its corpus count (for a split, the pair's, plus a
        half so that an unseen pair is not nothing) times the shape of its damage."""
        m = self.model
        if len(p.words) == 1:
            return m.count(p.words[0]) * p.shape
        return (m.bigram_count(m.word_id(p.words[0]), m.word_id(p.words[1])) + 0.5) * p.shape

    def ids(self, p: Proposal) -> tuple[int, ...]:
        """The model ids of a proposal's words, memoized."""
        got = self._ids.get(p.words)
        if got is None:
            got = self._ids[p.words] = tuple(self.model.word_id(w) for w in p.words)
        return got

    def with_ids(self, token: str) -> tuple[tuple[Proposal, tuple[int, ...], float], ...]:
        """The proposals of `token` with their model ids and log shape, memoized per token: the
        repair reads them for every suspect, and most suspects are the same few words."""
        got = self._with_ids.get(token)
        if got is None:
            got = tuple((p, self.ids(p), math.log(p.shape)) for p in self.proposals(token))
            if len(self._with_ids) > 200_000:
                self._with_ids.clear()
            self._with_ids[token] = got
        return got

    def in_context(
        self, token: str, props: tuple[tuple[Proposal, tuple[int, ...], float], ...], left: int, right: int, free: int
    ) -> tuple[tuple[Proposal, tuple[int, ...], float], ...]:
        """The first `free` proposals (as `with_ids` gives them), and the rarer ones only when the
        corpus writes them next to the left or the right neighbour (model ids); memoized per
        (token, neighbours)."""
        if len(props) <= free:
            return props
        key = (token, left, right)
        got = self._in_context.get(key)
        if got is None:
            seen = self.model.bigram_count
            got = props[:free] + tuple(e for e in props[free:] if seen(left, e[1][0]) or seen(e[1][-1], right))
            if len(self._in_context) > 200_000:
                self._in_context.clear()
            self._in_context[key] = got
        return got

    # ------------------------------------------------------------ suspect check

    def proposals(self, token: str) -> tuple[Proposal, ...]:
        """All candidate repairs of one word token, memoized; () when it is not a suspect.

        The cheap context-free filter keeps this empty for most tokens: a token is a suspect
        only when some original is frequent enough, relative to the token itself, to matter.
        """
        got = self._memo.get(token)
        if got is not None:
            return got
        got = tuple(self._compute(token))
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[token] = got
        return got

    def _compute(self, token: str) -> list[Proposal]:
        low = token.lower()
        if len(low) > 12 or not _case_ok(token, allow_glue=True):
            return []
        if _ROMAN.fullmatch(token) and len(token) > 1:
            return []
        if any(ch not in _VI_LETTERS for ch in low):
            return []
        m = self.model
        own = m.count(low)
        weighted: list[tuple[float, tuple[str, ...], int, str, float]] = []
        if _case_ok(token):
            for p in self.restore_inner_letter(low):
                weighted.append((m.count(p.words[0]) * p.shape, p.words, p.insert_pos, p.fix, p.shape))
        weighted.extend((w, words, pos, SPLIT_GLUED_SYLLABLES, shape) for w, words, pos, shape in self._splits(token))
        if not weighted:
            return []
        weighted.sort(key=lambda x: (-x[0], x[1]))  # stable: equal weights keep the order above
        best = weighted[0][0]
        # a small word glued to a capitalised one ("tHiệp") is never the word its letters spell
        # ("thiệp"): that word's count says nothing against the split ("từ Hiệp")
        known = own > 0 and (is_syllable(low) or own >= 40) and not small_before_title(token)
        # Context-free bound: is any original frequent enough next to the token's own count?
        if known and best * 0.25 < MIN_REPAIR_SHARE * own:
            return []
        return [
            Proposal(words, pos, fix, shape)
            for w, words, pos, fix, shape in weighted[:MAX_PROPOSALS]
            if w >= best * MIN_RELATIVE_WEIGHT
        ]


def small_before_title(token: str) -> bool:
    """Is `token` small letters, then a capitalised word of two letters or more, spelling one
    syllable in all ("tHiệp", "chĐoàn")? Clean text writes a syllable so about once in 6 million
    words (a broken case: "đỊnh"); a word that lost its last letter and the space after it does
    so whenever a name follows. Not a unit, a brand or a single capital ("kWh", "iPhone", "thI")."""
    for i in range(1, len(token) - 1):
        if token[i].isupper():
            return token[:i].islower() and token[i + 1 :].islower() and is_syllable(token.lower())
    return False


def _case_ok(token: str, allow_glue: bool = False) -> bool:
    """lower, Title or UPPER (or, for glued tokens, lower+Title like "bQuy", or a small word
    before a name in mixed case, "tVNeID")."""
    if token.islower() or token.isupper():
        return True
    if token[0].isupper() and token[1:].islower():
        return True
    if allow_glue:
        for i in range(1, len(token)):
            head = token[:i]
            if head.islower() and token[i].isupper():
                return True
            if head.istitle() and _case_ok(token[i:]):
                return True
    return False


def apply_case(original: str, word: str, insert_pos: int, sentence_start: bool) -> str | None:
    """Give the repaired lowercase `word` the case pattern of the damaged `original` piece."""
    if len(original) >= 2 and original.isupper():
        return word.upper()
    if original[:1].isupper():
        if insert_pos == 0:
            return None  # the capital would have been the lost letter itself
        return word[0].upper() + word[1:]
    if original.islower() or not original:
        if insert_pos == 0 and sentence_start:
            return word[0].upper() + word[1:]
        return word
    return None
