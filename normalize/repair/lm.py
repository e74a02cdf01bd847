"""Syllable n-gram model: build it from a folder of texts, save it, load it, score with it.

Why: most damaged tokens have many valid repairs ("đra" -> đề ra / để ra / đổ ra) and context
decides. The model counts lowercase syllables up to 4-grams, built with the project's own code
from the gzip JSON-lines corpus and saved as counts in a small documented binary format (see
normalize/data/README.md), never with pickle. Probabilities are interpolated modified
Kneser-Ney (KNSyllableModel, whose continuation counts and discounts are derived from the
stored counts at load time); Witten-Bell over the trigram (SyllableModel) is kept for comparison.

Command: ``python -m normalize.repair lm build [--corpus DIR] [--out PATH]``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from normalize.repair.tokens import LETTER, SPECIALS, UNK, model_tokens, word_class
from normalize.vietnamese import is_syllable

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
MODEL_FILENAME = "syllable_lm.bin"
DEFAULT_MODEL_PATH = REPO_ROOT / "normalize" / "data" / MODEL_FILENAME
#: File format (normalize/data/README.md): longer n-grams stored as their last word under their
#: history's position, so a 4-gram costs about 1.7 bytes instead of 3.5 with delta-coded keys.
MAGIC = b"VNSYLLM3\n"
#: Formats read no longer (rebuild with ``make lm``).
OLD_MAGICS = (b"VNSYLLM1\n", b"VNSYLLM2\n")
#: A count of at least this is stored as an escape: the byte 255 plus the count in a uint32 after
#: the bytes (most counts of n-grams and of their followers are small).
_BYTE_ESCAPE = 255

#: Documents whose id hashes to bucket 0 of 10 are held out (never used for training).
HELDOUT_BUCKETS = 10


@dataclass(frozen=True)
class BuildConfig:
    """Pruning thresholds; recorded in the model header."""

    min_count_syllable: int = 3  # grammar-valid syllables seen at least this often
    min_count_other: int = 40  # other letter runs (Krông, Đắk, index) need many sightings
    #: Round 3: nothing is pruned (count >= 1). Singletons are over half of all trigrams and
    #: carry measurable context ("thược dược"; dev recall +0.9 points at 2% damage, precision
    #: +0.2) for 15.3 MB instead of 7.9 MB; loading stays about 0.3 s (see read_model).
    min_bigram: int = 1
    min_trigram: int = 1
    #: Round 5: 4-grams seen at least twice (3.2 M; 0 = none). With Kneser-Ney they lift the
    #: best recall at precision >= 99.5% by 0.6-0.8 points on the dev split (count >= 3: 0.4-0.5).
    #: Session 11: every 4-gram (9.5 M), stored under its history (format VNSYLLM3): another 0.1-0.25
    #: points on dev and test at two seeds each, in a smaller file than the 3.2 M took before.
    min_fourgram: int = 1


def is_heldout(doc_id: str) -> bool:
    """Stable split by document id (sha1, not Python's salted hash)."""
    digest = hashlib.sha1(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % HELDOUT_BUCKETS == 0


def iter_corpus(corpus: Path, *, heldout: bool | None = False) -> Iterator[tuple[str, str, str]]:
    """Yield (id, kind, text) from every ``*.jsonl.gz`` in `corpus`, in file-name order.

    heldout=False gives the training part, True the held-out part, None everything.
    """
    for path in sorted(Path(corpus).glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                doc_id = str(rec["id"])
                if heldout is not None and is_heldout(doc_id) != heldout:
                    continue
                yield doc_id, rec.get("kind", ""), rec["text"]


class SortedCounts:
    """Read-only map int -> count over two parallel sorted arrays (binary search).

    Why: building a 2-million-entry dict costs most of the load time; lookups only happen on
    cache misses of :meth:`SyllableModel.prob`, so a bisect per lookup is cheap.
    """

    __slots__ = ("keys", "values", "starts")

    def __init__(self, keys: array, values: array, starts: array | None = None) -> None:
        self.keys = keys
        self.values = values
        #: optional block index: the keys of block h lie in ``starts[h] : starts[h + 1]``
        #: (h = a bigram's first word, or a trigram's history bigram's position; _index_blocks)
        self.starts = starts

    def find(self, key: int) -> int:
        """Position of `key` in the arrays, or -1."""
        keys = self.keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return i
        return -1

    def get(self, key: int, default: int = 0) -> int:
        i = self.find(key)
        return self.values[i] if i >= 0 else default

    def __getitem__(self, key: int) -> int:
        v = self.get(key, -1)
        if v < 0:
            raise KeyError(key)
        return v

    def __iter__(self) -> Iterator[int]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


@dataclass
class SyllableModel:
    """Counts and the Witten-Bell trigram probability over them."""

    #: the longest n-gram scored (KNSyllableModel with 4-grams: 4)
    order: ClassVar[int] = 3
    vocab: list[str]
    uni: array  # count per id
    uni_types: array  # distinct followers per id (T1)
    bi: dict[int, int] | SortedCounts  # (a << 16 | b) -> count
    bi_types: dict[int, int] | SortedCounts  # (a << 16 | b) -> distinct followers (T2)
    tri: dict[int, int] | SortedCounts  # (a << 32 | b << 16 | c) -> count
    capitals: array  # occurrences written with a capital first letter, per id
    header: dict = field(default_factory=dict)
    #: (a << 48 | b << 32 | c << 16 | d) -> count, the kept 4-grams (None: a trigram model)
    four: dict[int, int] | SortedCounts | None = None
    #: N(. b c d): distinct words before each trigram, over all 4-grams, aligned with the
    #: sorted trigram keys (the trigram level of a Kneser-Ney 4-gram)
    cont3: array | None = None

    def __post_init__(self) -> None:
        self.index: dict[str, int] = {w: i for i, w in enumerate(self.vocab)}
        self.unk = self.index[UNK]
        self.total = sum(self.uni)
        self._p1_den = self.total + len(self.vocab)
        self._cache: dict[int, float] = {}
        self._cache2: dict[int, float] = {}
        # bigram counts and follower counts share one key array: one search finds both
        self._shared = (
            isinstance(self.bi, SortedCounts)
            and isinstance(self.bi_types, SortedCounts)
            and self.bi.keys is self.bi_types.keys
        )
        # block indexes (read_model): a bigram is searched among the bigrams of its first word,
        # a trigram among those of its history bigram: a few steps instead of ~22
        self._blocks = (
            self._shared
            and isinstance(self.tri, SortedCounts)
            and self.bi.starts is not None
            and self.tri.starts is not None
        )

    def word_id(self, word: str) -> int:
        """Id of a lowercase vocabulary word (or of ``<unk>``)."""
        return self.index.get(word, self.unk)

    def token_id(self, word: str) -> int:
        """Id of a word as written in the text (case decides ``<abbr>``, ``<c>``)."""
        return self.index[word_class(word, self.index)]

    def count(self, word: str) -> int:
        """Corpus count of a lowercase word (0 when not in the vocabulary)."""
        i = self.index.get(word)
        return self.uni[i] if i is not None else 0

    def mostly_capitalized(self, word: str) -> bool:
        """True when the corpus writes `word` with a capital more often than not (Ủy ban)."""
        i = self.index.get(word)
        return i is not None and 2 * self.capitals[i] > self.uni[i] > 0

    def p1(self, c: int) -> float:
        return (self.uni[c] + 1) / self._p1_den

    def p2(self, b: int, c: int) -> float:
        key = b << 16 | c
        v = self._cache2.get(key)
        if v is not None:
            return v
        t = self.uni_types[b]
        hist = self.uni[b]
        lower = self.p1(c)
        if hist == 0 or t == 0:
            v = lower
        else:
            if self._blocks:
                starts = self.bi.starts
                hi = starts[b + 1]
                keys = self.bi.keys
                i = bisect_left(keys, key, starts[b], hi)
                n = self.bi.values[i] if i < hi and keys[i] == key else 0
            else:
                n = self.bi.get(key, 0)
            v = (n + t * lower) / (hist + t)
        _remember(self._cache2, key, v)
        return v

    def bigram_count(self, a: int, b: int) -> int:
        """Corpus count of the bigram (a, b), 0 when unseen (a bisection within a's block)."""
        bi = self.bi
        if not self._blocks:
            return bi.get(a << 16 | b, 0)
        key = a << 16 | b
        starts = bi.starts
        hi = starts[a + 1]
        keys = bi.keys
        i = bisect_left(keys, key, starts[a], hi)
        return bi.values[i] if i < hi and keys[i] == key else 0

    def p2_top(self, b: int, c: int) -> float:
        """P(c | b) when b is the whole history (Witten-Bell's bigram is over raw counts already)."""
        return self.p2(b, c)

    def logp(self, a: int, b: int, c: int) -> float:
        """log P(c | a b), natural log."""
        return math.log(self.prob(a, b, c))

    def prob(self, a: int, b: int, c: int) -> float:
        """P(c | a b), Witten-Bell interpolated, cached."""
        key = a << 32 | b << 16 | c
        v = self._cache.get(key)
        if v is not None:
            return v
        lower = self.p2(b, c)
        hkey = a << 16 | b
        if self._blocks:  # bisection within the history's block: the hot path of restore()
            bi = self.bi
            starts = bi.starts
            hi = starts[a + 1]
            keys = bi.keys
            i = bisect_left(keys, hkey, starts[a], hi)
            t = self.bi_types.values[i] if i < hi and keys[i] == hkey else 0
            if t:
                tri = self.tri
                starts = tri.starts
                hi = starts[i + 1]
                keys = tri.keys
                j = bisect_left(keys, key, starts[i], hi)
                n = tri.values[j] if j < hi and keys[j] == key else 0
                p = (n + t * lower) / (bi.values[i] + t)
            else:
                p = lower
        else:
            if self._shared:
                i = self.bi.find(hkey)
                t = self.bi_types.values[i] if i >= 0 else 0
                hist = self.bi.values[i] if t else 0
            else:
                t = self.bi_types.get(hkey, 0)
                hist = self.bi[hkey] if t else 0
            p = (self.tri.get(key, 0) + t * lower) / (hist + t) if t else lower
        v = p
        _remember(self._cache, key, v)
        return v


#: Smoothing of a loaded model over the same counts: "kn" (interpolated modified Kneser-Ney,
#: the default since round 5: it ranks repairs better, see normalize/data/README.md) or "wb"
#: (Witten-Bell, SyllableModel itself).
DEFAULT_SMOOTHING = "kn"


def _modified_discounts(counts) -> tuple[float, float, float, float]:
    """(0, D1, D2, D3+) of modified Kneser-Ney (Chen & Goodman) from the count-of-counts of `counts`."""
    import numpy as np

    cc = np.bincount(np.minimum(counts, 5).astype(np.int64), minlength=6)
    return _discounts_from_count_of_counts(cc[1:5])


def _discounts_from_count_of_counts(cc) -> tuple[float, float, float, float]:
    """(0, D1, D2, D3+) from n1..n4, the numbers of n-grams seen once, twice, 3 and 4 times."""
    n1, n2, n3, n4 = (float(x) for x in cc)
    if min(n1, n2, n3, n4) == 0:  # tiny models (tests): the formula is undefined
        return (0.0, 0.75, 0.75, 0.75)
    y = n1 / (n1 + 2 * n2)
    # clamped so that a seen n-gram keeps some mass and every history leaves some
    d = [min(max(k - (k + 1) * y * nk1 / nk, 0.05), k - 0.05) for k, nk, nk1 in ((1, n1, n2), (2, n2, n3), (3, n3, n4))]
    return (0.0, *d)


def _block_sums(values, starts):
    """Per-block sums of `values` over the blocks ``starts[h] : starts[h + 1]`` (empty blocks: 0)."""
    import numpy as np

    if len(values) == 0:
        return np.zeros(len(starts) - 1, dtype=values.dtype)
    out = np.add.reduceat(values, np.minimum(starts[:-1], len(values) - 1))
    out[starts[:-1] == starts[1:]] = 0
    return out


def _as_array(values, code: str = "d") -> array:
    """A numpy array as a Python array (indexing one from Python is much faster)."""
    import numpy as np

    out = array(code)
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


def _kn_level(counts, starts) -> tuple[tuple[float, float, float, float], array, array]:
    """One interpolated Kneser-Ney level over `counts` grouped in history blocks `starts`:
    (discounts D1, D2, D3+; 1 / the history's total; g = the mass the history leaves below)."""
    import numpy as np

    disc = _modified_discounts(counts)
    total = _block_sums(counts.astype(np.int64), starts).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        inv = np.where(total > 0, 1.0 / total, 0.0)
    gamma = _block_sums(np.array(disc)[np.minimum(counts, 3)], starts) * inv
    return disc, _as_array(inv), _as_array(gamma)


class KNSyllableModel(SyllableModel):
    """Interpolated Kneser-Ney over the same counts (trigram counts at the top, continuation
    counts below), all derived at load time with numpy from the sorted arrays:

    P(c|ab) = max(n(abc) - D(n(abc)), 0) / n(ab.) + g(ab) P(c|b),
      g(ab) = (D1 N1(ab.) + D2 N2(ab.) + D3 N3+(ab.)) / n(ab.)   (n(ab.) = sum over c of n(abc))
    P(c|b)  = max(N(.bc) - D'(N(.bc)), 0) / N(.b.) + g(b) P(c),  N(.bc) = distinct a before bc
    P(c)    = (max(N(.c) - D''(N(.c)), 0) + mass / V) / N(..),   N(.c) = distinct b before c

    A history never seen with a follower backs off wholly to the lower order; the uniform
    1/V at the bottom keeps every id (specials included) above 0.
    """

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self._blocks:
            raise ValueError("Kneser-Ney needs the block indexes (numpy; unpruned trigram histories)")
        import numpy as np

        nv = len(self.vocab)
        bk = np.frombuffer(self.bi.keys, dtype=np.uint64)
        tk = np.frombuffer(self.tri.keys, dtype=np.uint64)
        tc = np.frombuffer(self.tri.values, dtype=np.uint32)
        bstarts = np.frombuffer(self.bi.starts, dtype=np.uint64).astype(np.int64)
        tstarts = np.frombuffer(self.tri.starts, dtype=np.uint64).astype(np.int64)
        # trigram level: raw counts per history bigram (block i of the trigram index)
        self._kn_d3, self._kn_inv3, self._kn_g3 = _kn_level(tc, tstarts)
        # bigram level: continuation counts N(.bc) = number of trigrams ending in (b, c)
        ends = np.sort(tk & np.uint64(0xFFFFFFFF))  # (b, c) of every trigram; each is a bigram
        first = np.flatnonzero(np.concatenate(([True], ends[1:] != ends[:-1])))
        cont2 = np.zeros(len(bk), dtype=np.uint32)
        cont2[np.searchsorted(bk, ends[first])] = np.diff(np.append(first, len(ends)))
        self._kn_cont2 = _as_array(cont2, "I")
        self._kn_d2, self._kn_inv2, self._kn_g2 = _kn_level(cont2, bstarts)
        # unigram level: continuation counts N(.c) = distinct words before c, plus uniform
        cont1 = np.bincount((bk & np.uint64(0xFFFF)).astype(np.int64), minlength=nv)
        disc1 = np.array(_modified_discounts(cont1))[np.minimum(cont1, 3)]
        mass = float(np.sum(disc1))
        self._kn_p1 = _as_array((np.maximum(cont1 - disc1, 0.0) + mass / nv) / float(np.sum(cont1)))
        # bigram level over raw counts, for a history of one word only (p2_top)
        self._top_d, self._top_inv, self._top_g = _kn_level(np.frombuffer(self.bi.values, dtype=np.uint32), bstarts)
        self._cache_top: dict[int, float] = {}
        self.header = {**self.header, "smoothing": "kn"}
        self.order = 3
        if self.four is not None and self.cont3 is not None:
            self._attach_fourgrams(np.frombuffer(self.cont3, dtype=np.uint32), tstarts)

    def _attach_fourgrams(self, cont3, tstarts) -> None:
        """The 4-gram level and, under it, the trigram level over continuation counts:

        P(d|abc) = max(n(abcd) - D4, 0) / n(abc) + g(abc) P'(d|bc),
          g(abc) = 1 - sum over the kept d of (n(abcd) - D4) / n(abc)  (pruned 4-grams' mass too)
        P'(d|bc) = max(N(.bcd) - D3', 0) / N(.bc.) + g'(bc) P(d|c)
        D4 comes from the count-of-counts of all 4-grams before pruning (header "fourgram_cc").
        Only the per-bigram arrays of P' are made here; g(abc) and the block of a history's
        4-grams are found on first use (two bisections) and cached, to keep loading fast.
        """
        self._f4_d = _discounts_from_count_of_counts(self.header.get("fourgram_cc", (0, 0, 0, 0)))
        self._c3_d, self._c3_inv, self._c3_g = _kn_level(cont3, tstarts)
        self._cache4: dict[int, float] = {}
        self._cache3c: dict[int, float] = {}
        self._hist4: dict[int, tuple[float, float, int, int] | None] = {}
        self.order = 4
        self.header = {**self.header, "smoothing": "kn4"}

    def p1(self, c: int) -> float:
        return self._kn_p1[c]

    def _bigram_level(self, b: int, c: int, counts, disc, inv, gamma) -> float:
        """max(n(bc) - D, 0) / n(b.) + g(b) P(c), with n from `counts` (aligned with the bigram
        keys: raw counts or continuation counts) and D, 1 / n(b.), g(b) of that level."""
        lower = self._kn_p1[c]
        g = gamma[b]
        if not g:
            return lower
        key = b << 16 | c
        starts = self.bi.starts
        hi = starts[b + 1]
        keys = self.bi.keys
        i = bisect_left(keys, key, starts[b], hi)
        n = counts[i] if i < hi and keys[i] == key else 0
        return (n - disc[n if n < 3 else 3]) * inv[b] + g * lower if n else g * lower

    def _trigram_level(self, a: int, b: int, c: int, lower: float, counts, disc, inv, gamma) -> float:
        """max(n(abc) - D, 0) / n(ab.) + g(ab) lower, with n from `counts` (aligned with the
        trigram keys) and D, 1 / n(ab.), g(ab) of that level (indexed by the bigram ab)."""
        hkey = a << 16 | b
        bi = self.bi
        starts = bi.starts
        hi = starts[a + 1]
        keys = bi.keys
        i = bisect_left(keys, hkey, starts[a], hi)
        h = inv[i] if i < hi and keys[i] == hkey else 0.0
        if not h:
            return lower
        key = hkey << 16 | c
        tri = self.tri
        starts = tri.starts
        hi = starts[i + 1]
        keys = tri.keys
        j = bisect_left(keys, key, starts[i], hi)
        n = counts[j] if j < hi and keys[j] == key else 0
        return (n - disc[n if n < 3 else 3]) * h + gamma[i] * lower if n else gamma[i] * lower

    def p2_top(self, b: int, c: int) -> float:
        """P(c | b) over raw bigram counts, for a history of one word only (after the start of
        a text: "<p>" then the first word); p2 is the continuation level under the trigram."""
        key = b << 16 | c
        v = self._cache_top.get(key)
        if v is None:
            v = self._bigram_level(b, c, self.bi.values, self._top_d, self._top_inv, self._top_g)
            _remember(self._cache_top, key, v)
        return v

    def p2(self, b: int, c: int) -> float:
        key = b << 16 | c
        v = self._cache2.get(key)
        if v is None:
            v = self._bigram_level(b, c, self._kn_cont2, self._kn_d2, self._kn_inv2, self._kn_g2)
            _remember(self._cache2, key, v)
        return v

    def prob(self, a: int, b: int, c: int) -> float:
        """P(c | a b), interpolated Kneser-Ney over raw trigram counts, cached."""
        key = a << 32 | b << 16 | c
        v = self._cache.get(key)
        if v is None:
            v = self._trigram_level(a, b, c, self.p2(b, c), self.tri.values, self._kn_d3, self._kn_inv3, self._kn_g3)
            _remember(self._cache, key, v)
        return v

    def p3c(self, b: int, c: int, d: int) -> float:
        """P'(d | b c) over the continuation counts N(. b c d): the trigram level under the 4-gram."""
        key = b << 32 | c << 16 | d
        v = self._cache3c.get(key)
        if v is None:
            v = self._trigram_level(b, c, d, self.p2(c, d), self.cont3, self._c3_d, self._c3_inv, self._c3_g)
            _remember(self._cache3c, key, v)
        return v

    def prob4(self, a: int, b: int, c: int, d: int) -> float:
        """P(d | a b c), interpolated modified Kneser-Ney over the kept 4-grams, cached."""
        key = a << 48 | b << 32 | c << 16 | d
        v = self._cache4.get(key)
        if v is not None:
            return v
        v = lower = self.p3c(b, c, d)
        hist = self._history4(a << 32 | b << 16 | c)
        if hist is not None:
            g, inv, lo, hi = hist
            keys = self.four.keys
            k = bisect_left(keys, key, lo, hi)
            if k < hi and keys[k] == key:
                n = self.four.values[k]
                v = (n - self._f4_d[n if n < 3 else 3]) * inv + g * lower
            else:
                v = g * lower
        _remember(self._cache4, key, v)
        return v

    def _history4(self, tkey: int) -> tuple[float, float, int, int] | None:
        """(g(abc), 1 / n(abc), block of its kept 4-grams) of history abc, or None without any."""
        got = self._hist4.get(tkey, False)
        if got is not False:
            return got
        keys = self.four.keys
        lo = bisect_left(keys, tkey << 16)
        hi = bisect_left(keys, (tkey + 1) << 16, lo)
        got = None
        if lo < hi:
            n_abc = self.tri.get(tkey, 0)
            if n_abc:
                d = self._f4_d
                kept = sum(n - d[n if n < 3 else 3] for n in self.four.values[lo:hi])
                got = (max(0.0, 1.0 - kept / n_abc), 1.0 / n_abc, lo, hi)
        _remember(self._hist4, tkey, got)
        return got


#: Entries a probability cache may hold before it starts over (bounded memory per worker).
CACHE_LIMIT = 500_000


def _remember(cache: dict, key: int, value: object) -> None:
    """Store a computed value, emptying the cache first when it is full."""
    if len(cache) > CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _model_class(smoothing: str) -> type[SyllableModel]:
    if smoothing == "wb":
        return SyllableModel
    if smoothing == "kn":
        return KNSyllableModel
    raise ValueError(f"smoothing {smoothing!r}: expected 'kn' or 'wb'")


# ---------------------------------------------------------------- building


def build_counts(texts: Iterable[str], config: BuildConfig) -> SyllableModel:
    """Count, prune and assemble a model from raw texts (two passes over `texts`)."""
    texts = list(texts) if not isinstance(texts, list) else texts
    raw: Counter[str] = Counter()
    for text in texts:
        raw.update(model_tokens(text))
    words: Counter[str] = Counter()
    capitals: Counter[str] = Counter()
    for w, n in raw.items():
        if word_class(w, {}) != LETTER:
            low = w.lower()
            words[low] += n
            if w[0].isupper():
                capitals[low] += n
    vocab_words = sorted(
        w
        for w, n in words.items()
        if w not in SPECIALS
        and ((n >= config.min_count_syllable and is_syllable(w)) or (n >= config.min_count_other and w.isalpha()))
    )
    vocab = [*SPECIALS, *vocab_words]
    if len(vocab) >= 1 << 16:
        raise ValueError("vocabulary does not fit 16-bit ids; raise the thresholds")
    index = {w: i for i, w in enumerate(vocab)}
    classes = {w: index[word_class(w, index)] for w in raw}
    uni: Counter[int] = Counter()
    bi: Counter[int] = Counter()
    tri: Counter[int] = Counter()
    runs: list = []  # id arrays for the 4-gram count (numpy: 33 M 4-grams do not fit a Counter)
    for text in texts:
        ids = [classes[w] for w in model_tokens(text)]
        uni.update(ids)
        bi.update([a << 16 | b for a, b in zip(ids, ids[1:], strict=False)])
        tri.update([a << 32 | b << 16 | c for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)])
        if config.min_fourgram and len(ids) >= 4:
            runs.append(ids)
    uni_types = Counter(k >> 16 for k in bi)
    bi_types_all = Counter(k >> 16 for k in tri)
    bi_kept = {k: n for k, n in bi.items() if n >= config.min_bigram}
    # an n-gram is kept only under a kept history (the file stores it there; a trigram whose
    # bigram is pruned could never be looked up anyway)
    tri_kept = {k: n for k, n in tri.items() if n >= config.min_trigram and (k >> 16) in bi_kept}
    bi_types = {k: bi_types_all[k] for k in bi_kept if bi_types_all.get(k)}
    header = {
        "format": MAGIC.decode().strip(),
        "config": config.__dict__,
        "tokens": sum(uni.values()),
        "vocab": len(vocab),
        "bigrams": len(bi_kept),
        "trigrams": len(tri_kept),
        "heldout": f"sha1(id)[:4] % {HELDOUT_BUCKETS} == 0 excluded",
    }
    four = cont3 = None
    if config.min_fourgram:
        four, cont3, cc = _count_fourgrams(runs, sorted(tri_kept), config.min_fourgram)
        header.update(fourgrams=len(four), fourgram_cc=cc)
    return SyllableModel(
        vocab=vocab,
        uni=array("I", [uni.get(i, 0) for i in range(len(vocab))]),
        uni_types=array("I", [uni_types.get(i, 0) for i in range(len(vocab))]),
        capitals=array("I", [capitals.get(w, 0) for w in vocab]),
        bi=bi_kept,
        bi_types=bi_types,
        tri=tri_kept,
        header=header,
        four=four,
        cont3=cont3,
    )


def _count_fourgrams(runs: list[list[int]], tri_keys: list[int], min_count: int):
    """(kept 4-grams, N(.bcd) per trigram of `tri_keys`, count-of-counts n1..n4 of all 4-grams).

    Counted with numpy (sort + unique) over uint64 keys a<<48 | b<<32 | c<<16 | d; the
    continuation counts and the count-of-counts are taken before pruning (Kneser-Ney needs them).
    """
    import numpy as np

    chunks = []
    for ids in runs:
        a = np.array(ids, dtype=np.uint64)
        chunks.append(a[:-3] << np.uint64(48) | a[1:-2] << np.uint64(32) | a[2:-1] << np.uint64(16) | a[3:])
    keys, counts = np.unique(np.concatenate(chunks) if chunks else np.zeros(0, np.uint64), return_counts=True)
    del chunks
    cc = [int(x) for x in np.bincount(np.minimum(counts, 5), minlength=6)[1:5]]
    tk = np.array(tri_keys, dtype=np.uint64)
    ends = np.sort(keys & np.uint64(0xFFFFFFFFFFFF))  # (b, c, d) of every 4-gram: a trigram
    first = np.flatnonzero(np.concatenate(([True], ends[1:] != ends[:-1]))) if len(ends) else np.zeros(0, np.int64)
    cont3 = np.zeros(len(tk), dtype=np.uint32)
    pos = np.searchsorted(tk, ends[first])
    found = pos < len(tk)
    found[found] = tk[pos[found]] == ends[first][found]
    cont3[pos[found]] = np.diff(np.append(first, len(ends)))[found]
    prefix = keys >> np.uint64(16)
    at = np.minimum(np.searchsorted(tk, prefix), max(len(tk) - 1, 0))
    kept = (counts >= min_count) & (tk[at] == prefix) if len(tk) else np.zeros(len(keys), bool)
    four = SortedCounts(array("Q", keys[kept].tobytes()), array("I", counts[kept].astype(np.uint32).tobytes()))
    return four, array("I", cont3.tobytes()), cc


def _pack(arr: array) -> bytes:
    if sys.byteorder != "little":
        arr = array(arr.typecode, arr)
        arr.byteswap()
    return zlib.compress(arr.tobytes(), 9)


def _unpack(typecode: str, raw: bytes) -> array:
    """An array from a decompressed little-endian section."""
    arr = array(typecode)
    arr.frombytes(raw)
    if sys.byteorder != "little":
        arr.byteswap()
    return arr


def _native(values, typecode: str) -> array:
    """A numpy array as a stdlib array of `typecode` (native byte order)."""
    import numpy as np

    out = array(typecode)
    out.frombytes(memoryview(np.ascontiguousarray(values, dtype=np.dtype(typecode))).cast("B"))  # one copy
    return out


def _pack_small(values) -> bytes:
    """Counts as one byte each, a count >= 255 as the byte 255 plus a uint32 after all bytes:
    most counts are small, and a column of bytes compresses far better than one of uint32."""
    import numpy as np

    v = np.asarray(values, dtype=np.uint64)
    if v.size and int(v.max()) > 0xFFFFFFFF:
        raise ValueError("a count does not fit 32 bits")
    escaped = v >= _BYTE_ESCAPE
    head = np.where(escaped, _BYTE_ESCAPE, v).astype(np.uint8)
    return zlib.compress(head.tobytes() + v[escaped].astype("<u4").tobytes(), 9)


def _filled(typecode: str, n: int):
    """A new stdlib array of n zeros and a numpy view of it, to fill in place (no second copy
    of arrays of tens of megabytes while the model loads)."""
    import numpy as np

    out = array(typecode, [0]) * n
    return out, np.frombuffer(out, dtype=np.dtype(typecode)) if n else np.zeros(0, np.dtype(typecode))


def _unpack_small(raw: bytes, n: int, what: str) -> array:
    """The counts of :func:`_pack_small` (uint32), checked against the expected length."""
    import numpy as np

    head = np.frombuffer(raw, dtype=np.uint8, count=min(n, len(raw)))
    escaped = np.flatnonzero(head == _BYTE_ESCAPE)
    tail = raw[n:]
    if len(head) != n or len(tail) != 4 * len(escaped):
        raise ValueError(f"{what}: expected {n} counts, the section holds another number")
    out, view = _filled("I", n)
    view[:] = head
    view[escaped] = np.frombuffer(tail, dtype="<u4")
    return out


def _frequency_order(uni):
    """Ids from the most to the least frequent (ties by id): a word's rank is small when the
    word is frequent, so the stored last words are mostly one-byte numbers."""
    import numpy as np

    return np.argsort(-np.asarray(uni, dtype=np.int64), kind="stable").astype(np.uint64)


def _pack_children(keys, parents, uni) -> tuple[bytes, bytes]:
    """Sorted n-gram keys as (followers per history, last words): the number of keys under each
    of the sorted `parents` (the keys >> 16) and each key's last word as its frequency rank,
    high bytes then low bytes. Every key's history must be among the parents."""
    import numpy as np

    keys = np.asarray(keys, dtype=np.uint64)
    parents = np.asarray(parents, dtype=np.uint64)
    where = np.searchsorted(parents, keys >> np.uint64(16))
    if len(keys) and (where.max() >= len(parents) or np.any(parents[where] != keys >> np.uint64(16))):
        raise ValueError("an n-gram whose history is not kept cannot be stored")
    rank = np.empty(len(uni), dtype=np.uint16)
    rank[_frequency_order(uni)] = np.arange(len(uni), dtype=np.uint16)
    last = rank[(keys & np.uint64(0xFFFF)).astype(np.int64)]
    planes = (last >> 8).astype(np.uint8).tobytes() + (last & 0xFF).astype(np.uint8).tobytes()
    return _pack_small(np.bincount(where, minlength=len(parents))), zlib.compress(planes, 9)


def _unpack_children(children: bytes, lasts: bytes, parents, uni, what: str) -> array:
    """The sorted keys of :func:`_pack_children` (uint64), checked."""
    import numpy as np

    parents = np.frombuffer(parents, dtype=np.uint64) if isinstance(parents, array) else np.asarray(parents, np.uint64)
    n = np.frombuffer(_unpack_small(children, len(parents), what), dtype=np.uint32)
    total = int(n.sum(dtype=np.uint64))
    if len(lasts) != 2 * total:
        raise ValueError(f"{what}: {total} n-grams counted under their histories, {len(lasts) // 2} stored")
    plane = np.frombuffer(lasts, dtype=np.uint8)
    rank = plane[:total].astype(np.uint16) << 8 | plane[total:]
    order = _frequency_order(uni).astype(np.uint16)
    if total and int(rank.max()) >= len(order):
        raise ValueError(f"{what}: a word outside the vocabulary")
    out, keys = _filled("Q", total)
    keys[:] = np.repeat(parents, n)
    keys <<= np.uint64(16)
    keys |= order[rank]
    del rank, plane
    if total > 1 and not np.all(keys[1:] > keys[:-1]):
        raise ValueError(f"{what}: the n-grams are not in order")
    return out


def _undelta(raw: bytes) -> array:
    """Sorted keys back from a decompressed delta-encoded uint64 section (numpy's cumsum, about
    10x faster than itertools.accumulate on millions of keys; numpy comes with pandas)."""
    import numpy as np

    return _native(np.cumsum(np.frombuffer(raw, dtype="<u8"), dtype=np.uint64), "Q")


def _index_blocks(nvocab: int, bi: SortedCounts, tri: SortedCounts) -> None:
    """Block indexes for the block-wise lookups of :meth:`SyllableModel.prob`.

    bi.starts[a] = first bigram (a, .); tri.starts[i] = first trigram whose history is bigram i,
    so a trigram (a, b, c) lies in block i = position of (a, b). Every kept trigram's history
    bigram is kept (build_counts; the file stores trigrams under their history).
    """
    import numpy as np

    bk = np.frombuffer(bi.keys, dtype=np.uint64)
    tk = np.frombuffer(tri.keys, dtype=np.uint64)
    bi.starts = _native(np.searchsorted(bk >> np.uint64(16), np.arange(nvocab + 1, dtype=np.uint64)), "Q")
    tri.starts = _native(np.append(np.searchsorted(tk >> np.uint64(16), bk), len(tk)), "Q")


def _deltas(keys: list[int]) -> array:
    out = array("Q")
    prev = 0
    for k in keys:
        out.append(k - prev)
        prev = k
    return out


def save_model(model: SyllableModel, path: str | Path) -> None:
    """Write the documented binary format (deterministic: sorted keys, fixed zlib level)."""
    bi_keys = sorted(model.bi)
    tri_keys = sorted(model.tri)
    tri_children, tri_lasts = _pack_children(tri_keys, bi_keys, model.uni)
    sections = [
        zlib.compress("\n".join(model.vocab).encode("utf-8"), 9),
        _pack(model.uni),
        _pack(model.uni_types),
        _pack(_deltas(bi_keys)),
        _pack_small([model.bi[k] for k in bi_keys]),
        _pack_small([model.bi_types.get(k, 0) for k in bi_keys]),
        tri_children,
        tri_lasts,
        _pack_small([model.tri[k] for k in tri_keys]),
        _pack(model.capitals),
    ]
    if model.four is not None and model.cont3 is not None:
        four_children, four_lasts = _pack_children(model.four.keys, tri_keys, model.uni)
        sections += [four_children, four_lasts, _pack_small(model.four.values), _pack_small(model.cont3)]
    header = json.dumps(model.header, sort_keys=True, ensure_ascii=False).encode("utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(MAGIC)
        fh.write(struct.pack("<I", len(header)))
        fh.write(header)
        fh.write(struct.pack("<I", len(sections)))
        for sec in sections:
            fh.write(struct.pack("<I", len(sec)))
            fh.write(sec)


#: Sections of a file without / with 4-grams.
_SECTIONS = (10, 14)


def read_model(path: str | Path, smoothing: str = DEFAULT_SMOOTHING) -> SyllableModel:
    """Load a model file written by :func:`save_model` (no code execution involved).

    `smoothing` picks the probability over the same counts: "kn" (KNSyllableModel) or "wb".
    """
    cls = _model_class(smoothing)
    data = Path(path).read_bytes()
    if data.startswith(OLD_MAGICS):
        raise ValueError(f"{path}: a model in an older format ({data[:8].decode()}); rebuild it with `make lm`")
    if not data.startswith(MAGIC):
        raise ValueError(f"{path}: not a {MAGIC.decode().strip()} model file")
    pos = len(MAGIC)
    (hlen,) = struct.unpack_from("<I", data, pos)
    pos += 4
    header = json.loads(data[pos : pos + hlen].decode("utf-8"))
    pos += hlen
    (nsec,) = struct.unpack_from("<I", data, pos)
    if nsec not in _SECTIONS:
        raise ValueError(f"{path}: {nsec} sections, expected {' or '.join(map(str, _SECTIONS))}")
    pos += 4
    compressed = []
    for _ in range(nsec):
        (slen,) = struct.unpack_from("<I", data, pos)
        pos += 4
        compressed.append(data[pos : pos + slen])
        pos += slen
    # zlib releases the GIL: the sections (up to 37 MB each) decompress on two threads
    with ThreadPoolExecutor(max_workers=2) as pool:
        sections = list(pool.map(zlib.decompress, compressed))
    del compressed
    del data

    def take(k: int) -> bytes:
        """Section k, released from the list as it is used (keeps the peak memory of loading down)."""
        raw, sections[k] = sections[k], b""
        return raw

    vocab = take(0).decode("utf-8").split("\n")
    uni = _unpack("I", take(1))
    uni_types = _unpack("I", take(2))
    if not len(vocab) == len(uni) == len(uni_types):
        raise ValueError(f"{path}: the vocabulary and its counts differ in length")
    bi_keys = _undelta(take(3))
    bi = SortedCounts(bi_keys, _unpack_small(take(4), len(bi_keys), f"{path}: bigram counts"))
    bi_types = SortedCounts(bi_keys, _unpack_small(take(5), len(bi_keys), f"{path}: bigram followers"))
    tri_keys = _unpack_children(take(6), take(7), bi_keys, uni, f"{path}: trigrams")
    tri = SortedCounts(tri_keys, _unpack_small(take(8), len(tri_keys), f"{path}: trigram counts"))
    _index_blocks(len(vocab), bi, tri)
    capitals = _unpack("I", take(9))
    four = cont3 = None
    if nsec == _SECTIONS[1]:
        four_keys = _unpack_children(take(10), take(11), tri_keys, uni, f"{path}: 4-grams")
        four = SortedCounts(four_keys, _unpack_small(take(12), len(four_keys), f"{path}: 4-gram counts"))
        cont3 = _unpack_small(take(13), len(tri_keys), f"{path}: 4-gram followers")
    return cls(vocab, uni, uni_types, bi, bi_types, tri, capitals, header, four, cont3)


_DEFAULT: dict[str, SyllableModel] = {}


def load_model(path: str | Path | None = None, smoothing: str = DEFAULT_SMOOTHING) -> SyllableModel:
    """Load (and cache) a model; None means the one shipped in normalize/data/."""
    key = str(Path(path).resolve()) if path is not None else str(DEFAULT_MODEL_PATH)
    model = _DEFAULT.get(f"{smoothing}:{key}")
    if model is None:
        model = read_model(key, smoothing)
        _DEFAULT[f"{smoothing}:{key}"] = model
    return model


def build_model_file(corpus: str | Path, out: str | Path, config: BuildConfig | None = None) -> dict:
    """Build from the training part of `corpus` and write `out`; returns the header."""
    config = config or BuildConfig()
    texts = [text for _, _, text in iter_corpus(Path(corpus), heldout=False)]
    model = build_counts(texts, config)
    model.header["documents"] = len(texts)
    save_model(model, out)
    return model.header


def run_build(corpus: str | Path, out: str | Path) -> int:
    """CLI body shared by ``vnplans lm build`` and ``python -m normalize.repair.lm build``."""
    header = build_model_file(corpus, out)
    size = Path(out).stat().st_size
    print(f"wrote {out} ({size / 1e6:.2f} MB): {json.dumps(header, sort_keys=True)}")
    return 0


if __name__ == "__main__":
    from normalize.repair.cli import main

    raise SystemExit(main(["lm", *sys.argv[1:]]))
