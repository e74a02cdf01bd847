"""Counts of the words of one document: the strongest evidence for what a damaged word was.

Why: a page that writes "tnh" four times writes "tỉnh" dozens of times. The repair mixes these
counts into the corpus model (a cache model), and uses them to estimate how damaged the
document is (its damage rate sets the prior of every repair).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from normalize.repair.tokens import TOKEN_RE

_SENTENCE_END = frozenset(".!?|")
#: Gaps after a word or number: two spaces then a word or number, one space then a word or number,
#: one space then a closing mark, and a closing mark straight after the word.
_AFTER_WORD = r"(?<=[^\W_])"
_WORD_NEXT = r"(?=[^\W_])"
_CLOSING = "[,.;:)!?]"
_WIDE_GAP = re.compile(_AFTER_WORD + "  " + _WORD_NEXT)
_GAP = re.compile(_AFTER_WORD + " " + _WORD_NEXT)
_SPACED_MARK = re.compile(_AFTER_WORD + f" (?={_CLOSING})")
_MARK = re.compile(_AFTER_WORD + _CLOSING)
#: Where a one-letter word may have vanished with both its spaces kept: the two gap shapes above
#: (two spaces between words, a space before a closing mark); the position is after the first space.
LOST_WORD_GAP = re.compile(_AFTER_WORD + f" (?: {_WORD_NEXT}|(?={_CLOSING}))")


@dataclass
class GapCounts:
    """How the document spaces its words: the background for "a one-letter word was lost here".

    A lost "ở" that kept its spaces leaves two spaces ("nhà  xã hội") or a space before a mark
    ("nhà , công trình"); a page that writes such gaps anyway says they are not evidence.
    """

    wide: int = 0
    single: int = 0
    spaced_marks: int = 0
    marks: int = 0

    def add(self, text: str) -> None:
        self.wide += len(_WIDE_GAP.findall(text))
        self.single += len(_GAP.findall(text))
        self.spaced_marks += len(_SPACED_MARK.findall(text))
        self.marks += len(_MARK.findall(text))


class DocumentEvidence:
    """Lowercase word unigram and bigram counts of a document (bigrams only across spaces).

    Capitals are counted inside sentences only (`titles`, `title_bigrams`, out of `inner`,
    `inner_bigrams` occurrences there): a capital after a line break or ". " says nothing about
    the word, one in mid-sentence says it is (part of) a name ("Ủy ban", "Hoa Kỳ").
    """

    __slots__ = (
        "unigrams",
        "bigrams",
        "titles",
        "title_bigrams",
        "inner",
        "inner_bigrams",
        "gaps",
        "title_after",
        "total",
        "_per_model",
    )

    def __init__(
        self,
        unigrams: Counter[str],
        bigrams: Counter[tuple[str, str]],
        titles: Counter[str] | None = None,
        title_bigrams: Counter[tuple[str, str]] | None = None,
        inner: Counter[str] | None = None,
        inner_bigrams: Counter[tuple[str, str]] | None = None,
        gaps: GapCounts | None = None,
        title_after: Counter[tuple[str, str]] | None = None,
    ) -> None:
        self.unigrams = unigrams
        self.titles = titles if titles is not None else Counter()
        self.title_bigrams = title_bigrams if title_bigrams is not None else Counter()
        self.inner = inner if inner is not None else unigrams
        self.inner_bigrams = inner_bigrams if inner_bigrams is not None else bigrams
        self.bigrams = bigrams
        self.gaps = gaps if gaps is not None else GapCounts()
        #: inner bigrams whose second word is capitalised ("Tỉnh ủy" 0, "Ủy ban" 1 after "và")
        self.title_after = title_after if title_after is not None else Counter()
        self.total = sum(unigrams.values())
        self._per_model: dict[int, tuple] = {}

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> DocumentEvidence:
        """Count the words of all `texts` (body lines, cells, metadata values of one page).

        The scan only lists words and pairs; Counter counts each list in one call (this runs over
        every text of every page, and one Counter update per word cost as much as the repair).
        """
        lows: list[str] = []
        inner: list[str] = []  # words inside a sentence
        titles: list[str] = []  # ... of them, those written with a capital
        pairs: list[tuple[str, str]] = []
        inner_pairs: list[tuple[str, str]] = []
        title_pairs: list[tuple[str, str]] = []  # inner pairs of two capitalised words
        title_after: list[tuple[str, str]] = []  # inner pairs whose second word is capitalised
        gaps = GapCounts()
        for text in texts:
            gaps.add(text)
            prev: str | None = None
            prev_title = False
            prev_inner = False
            at_start = True
            for word, _number, line_break, mark in TOKEN_RE.findall(text):
                if not word:
                    prev = None
                    if line_break or mark in _SENTENCE_END:
                        at_start = True
                    continue
                low = word.lower()
                lows.append(low)
                title = word[0].isupper()
                if not at_start:
                    inner.append(low)
                    if title:
                        titles.append(low)
                if prev is not None:
                    pair = (prev, low)
                    pairs.append(pair)
                    if prev_inner:
                        inner_pairs.append(pair)
                        if title:
                            title_after.append(pair)
                        if prev_title:
                            title_pairs.append(pair)
                prev = low
                prev_title = title
                prev_inner = not at_start
                at_start = False
        return cls(
            Counter(lows),
            Counter(pairs),
            Counter(titles),
            Counter(title_pairs),
            Counter(inner),
            Counter(inner_pairs),
            gaps,
            Counter(title_after),
        )

    def count(self, word: str) -> int:
        """How often the lowercase `word` occurs in the document."""
        return self.unigrams.get(word, 0)

    def capitalized(self, word: str) -> bool | None:
        """Does the document write `word` inside sentences mostly with a capital?

        None when the document has no intact evidence either way.
        """
        n = self.inner.get(word, 0)
        if not n:
            return None
        return 2 * self.titles.get(word, 0) > n

    def capitalized_before(self, word: str, following: str) -> bool | None:
        """The same, counting only where `word` comes before `following` ("Ủy ban" vs "ủy quyền")."""
        return self._pair_capitalized((word, following), self.title_bigrams)

    def capitalized_after(self, previous: str, word: str) -> bool | None:
        """The same, counting only where `word` comes after `previous` ("Tỉnh ủy")."""
        return self._pair_capitalized((previous, word), self.title_after)

    def _pair_capitalized(self, pair: tuple[str, str], titled: Counter[tuple[str, str]]) -> bool | None:
        n = self.inner_bigrams.get(pair, 0)
        if not n:
            return None
        return 2 * titled.get(pair, 0) > n

    def __repr__(self) -> str:
        return f"DocumentEvidence({self.total} words, {len(self.unigrams)} distinct)"
