"""Syllable trigram model: build it from a folder of texts, save it, load it, score with it.

Why: most damaged tokens have many valid repairs ("đra" -> đề ra / để ra / đổ ra) and context
decides. The model is a trigram over lowercase syllables, built with the project's own code
from the gzip JSON-lines corpus and saved as counts in a small documented binary format (see
normalize/data/README.md), never with pickle. Probabilities are interpolated modified
Kneser-Ney (KNSyllableModel, whose continuation counts and discounts are derived from the
stored counts at load time); Witten-Bell (SyllableModel) is kept for comparison.

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
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from normalize.repair.tokens import LETTER, SPECIALS, UNK, model_tokens, word_class
from normalize.vietnamese import is_syllable

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
MODEL_FILENAME = "syllable_lm.bin"
DEFAULT_MODEL_PATH = REPO_ROOT / "normalize" / "data" / MODEL_FILENAME
MAGIC = b"VNSYLLM1\n"

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

    vocab: list[str]
    uni: array  # count per id
    uni_types: array  # distinct followers per id (T1)
    bi: dict[int, int] | SortedCounts  # (a << 16 | b) -> count
    bi_types: dict[int, int] | SortedCounts  # (a << 16 | b) -> distinct followers (T2)
    tri: dict[int, int] | SortedCounts  # (a << 32 | b << 16 | c) -> count
    capitals: array  # occurrences written with a capital first letter, per id
    header: dict = field(default_factory=dict)

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
        if len(self._cache2) > 500_000:
            self._cache2.clear()
        self._cache2[key] = v
        return v

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
        if len(self._cache) > 500_000:
            self._cache.clear()
        self._cache[key] = v
        return v


#: Smoothing of a loaded model over the same counts: "kn" (interpolated modified Kneser-Ney,
#: the default since round 5: it ranks repairs better, see normalize/data/README.md) or "wb"
#: (Witten-Bell, SyllableModel itself).
DEFAULT_SMOOTHING = "kn"


def _modified_discounts(counts) -> tuple[float, float, float, float]:
    """(0, D1, D2, D3+) of modified Kneser-Ney (Chen & Goodman) from the count-of-counts of `counts`."""
    import numpy as np

    cc = np.bincount(np.minimum(counts, 5).astype(np.int64), minlength=6)
    n1, n2, n3, n4 = (float(x) for x in cc[1:5])
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
        discounts = _modified_discounts

        def gammas(counts, starts, disc):
            """Sum over each block of D(count): the mass a history leaves to the lower order."""
            return _block_sums(np.array(disc)[np.minimum(counts, 3)], starts)

        # trigram level: raw counts per history bigram (block i of the trigram index)
        d3 = discounts(tc)
        hsum = _block_sums(tc.astype(np.int64), tstarts).astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            inv3 = np.where(hsum > 0, 1.0 / hsum, 0.0)
        g3 = gammas(tc, tstarts, d3) * inv3
        # bigram level: continuation counts N(.bc) = number of trigrams ending in (b, c)
        ends = np.sort(tk & np.uint64(0xFFFFFFFF))  # (b, c) of every trigram; each is a bigram
        first = np.flatnonzero(np.concatenate(([True], ends[1:] != ends[:-1])))
        cont2 = np.zeros(len(bk), dtype=np.uint32)
        cont2[np.searchsorted(bk, ends[first])] = np.diff(np.append(first, len(ends)))
        d2 = discounts(cont2[cont2 > 0])
        den2 = _block_sums(cont2.astype(np.int64), bstarts).astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            inv2 = np.where(den2 > 0, 1.0 / den2, 0.0)
        g2 = gammas(cont2, bstarts, d2) * inv2
        # unigram level: continuation counts N(.c) = distinct words before c, plus uniform
        cont1 = np.bincount((bk & np.uint64(0xFFFF)).astype(np.int64), minlength=nv)
        d1 = discounts(cont1[cont1 > 0])
        disc1 = np.array(d1)[np.minimum(cont1, 3)]
        mass = float(np.sum(disc1))
        p1 = (np.maximum(cont1 - disc1, 0.0) + mass / nv) / float(np.sum(cont1))

        def arr(x, code="d"):
            out = array(code)
            out.frombytes(np.ascontiguousarray(x).tobytes())
            return out

        self._kn_d3 = d3
        self._kn_d2 = d2
        self._kn_inv3 = arr(inv3)
        self._kn_g3 = arr(g3)
        self._kn_cont2 = arr(cont2, "I")
        self._kn_inv2 = arr(inv2)
        self._kn_g2 = arr(g2)
        self._kn_p1 = arr(p1)
        self.header = {**self.header, "smoothing": "kn"}

    def p1(self, c: int) -> float:
        return self._kn_p1[c]

    def p2(self, b: int, c: int) -> float:
        key = b << 16 | c
        v = self._cache2.get(key)
        if v is not None:
            return v
        lower = self._kn_p1[c]
        g = self._kn_g2[b]
        if g:
            starts = self.bi.starts
            hi = starts[b + 1]
            keys = self.bi.keys
            i = bisect_left(keys, key, starts[b], hi)
            n = self._kn_cont2[i] if i < hi and keys[i] == key else 0
            d = self._kn_d2
            v = (n - d[n if n < 3 else 3]) * self._kn_inv2[b] + g * lower if n else g * lower
        else:
            v = lower
        if len(self._cache2) > 500_000:
            self._cache2.clear()
        self._cache2[key] = v
        return v

    def prob(self, a: int, b: int, c: int) -> float:
        """P(c | a b), interpolated Kneser-Ney, cached."""
        key = a << 32 | b << 16 | c
        v = self._cache.get(key)
        if v is not None:
            return v
        lower = self.p2(b, c)
        hkey = a << 16 | b
        bi = self.bi
        starts = bi.starts
        hi = starts[a + 1]
        keys = bi.keys
        i = bisect_left(keys, hkey, starts[a], hi)
        g = self._kn_g3[i] if i < hi and keys[i] == hkey else 0.0
        if g:
            tri = self.tri
            starts = tri.starts
            hi = starts[i + 1]
            keys = tri.keys
            j = bisect_left(keys, key, starts[i], hi)
            n = tri.values[j] if j < hi and keys[j] == key else 0
            if n:
                d = self._kn_d3
                v = (n - d[n if n < 3 else 3]) * self._kn_inv3[i] + g * lower
            else:
                v = g * lower
        else:
            v = lower
        if len(self._cache) > 500_000:
            self._cache.clear()
        self._cache[key] = v
        return v


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
    for text in texts:
        ids = [classes[w] for w in model_tokens(text)]
        uni.update(ids)
        bi.update([a << 16 | b for a, b in zip(ids, ids[1:], strict=False)])
        tri.update([a << 32 | b << 16 | c for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)])
    uni_types = Counter(k >> 16 for k in bi)
    bi_types_all = Counter(k >> 16 for k in tri)
    bi_kept = {k: n for k, n in bi.items() if n >= config.min_bigram}
    tri_kept = {k: n for k, n in tri.items() if n >= config.min_trigram}
    bi_types = {k: bi_types_all[k] for k in bi_kept if bi_types_all.get(k)}
    header = {
        "format": "VNSYLLM1",
        "config": config.__dict__,
        "tokens": sum(uni.values()),
        "vocab": len(vocab),
        "bigrams": len(bi_kept),
        "trigrams": len(tri_kept),
        "heldout": f"sha1(id)[:4] % {HELDOUT_BUCKETS} == 0 excluded",
    }
    return SyllableModel(
        vocab=vocab,
        uni=array("I", [uni.get(i, 0) for i in range(len(vocab))]),
        uni_types=array("I", [uni_types.get(i, 0) for i in range(len(vocab))]),
        capitals=array("I", [capitals.get(w, 0) for w in vocab]),
        bi=bi_kept,
        bi_types=bi_types,
        tri=tri_kept,
        header=header,
    )


def _pack(arr: array) -> bytes:
    if sys.byteorder != "little":
        arr = array(arr.typecode, arr)
        arr.byteswap()
    return zlib.compress(arr.tobytes(), 9)


def _unpack(typecode: str, data: bytes) -> array:
    arr = array(typecode)
    arr.frombytes(zlib.decompress(data))
    if sys.byteorder != "little":
        arr.byteswap()
    return arr


def _undelta(data: bytes) -> array:
    """Sorted keys back from a delta-encoded uint64 section (numpy's cumsum when present, about
    10x faster than itertools.accumulate on millions of keys; numpy comes with pandas)."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover
        return array("Q", accumulate(_unpack("Q", data)))
    out = array("Q")
    out.frombytes(np.cumsum(np.frombuffer(zlib.decompress(data), dtype="<u8"), dtype=np.uint64).tobytes())
    return out  # native byte order: cumsum of the little-endian input gives native uint64


def _index_blocks(nvocab: int, bi: SortedCounts, tri: SortedCounts) -> None:
    """Block indexes for the block-wise lookups of :meth:`SyllableModel.prob` (numpy only; without it, plain bisection).

    bi.starts[a] = first bigram (a, .); tri.starts[i] = first trigram whose history is bigram i,
    so a trigram (a, b, c) lies in block i = position of (a, b). A trigram whose history bigram
    is missing (pruned files) would be unreachable, so then no trigram index is made.
    """
    try:
        import numpy as np
    except ImportError:  # pragma: no cover
        return
    bk = np.frombuffer(bi.keys, dtype=np.uint64)
    tk = np.frombuffer(tri.keys, dtype=np.uint64)
    bi.starts = array(
        "Q", np.searchsorted(bk >> np.uint64(16), np.arange(nvocab + 1, dtype=np.uint64)).astype(np.uint64).tobytes()
    )
    hist = tk >> np.uint64(16)
    starts = np.append(np.searchsorted(hist, bk), len(tk))
    # every block must hold only its own history (sorted: its first and last keys tell)
    first, last = starts[:-1], starts[1:] - 1
    full = last >= first
    if starts[0] != 0 or not (np.all(hist[first[full]] == bk[full]) and np.all(hist[last[full]] == bk[full])):
        return
    tri.starts = array("Q", starts.astype(np.uint64).tobytes())


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
    sections = [
        zlib.compress("\n".join(model.vocab).encode("utf-8"), 9),
        _pack(model.uni),
        _pack(model.uni_types),
        _pack(_deltas(bi_keys)),
        _pack(array("I", [model.bi[k] for k in bi_keys])),
        _pack(array("I", [model.bi_types.get(k, 0) for k in bi_keys])),
        _pack(_deltas(tri_keys)),
        _pack(array("I", [min(model.tri[k], 0xFFFFFFFF) for k in tri_keys])),
        _pack(model.capitals),
    ]
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


def read_model(path: str | Path, smoothing: str = DEFAULT_SMOOTHING) -> SyllableModel:
    """Load a model file written by :func:`save_model` (no code execution involved).

    `smoothing` picks the probability over the same counts: "kn" (KNSyllableModel) or "wb".
    """
    cls = _model_class(smoothing)
    data = Path(path).read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError(f"{path}: not a VNSYLLM1 model file")
    pos = len(MAGIC)
    (hlen,) = struct.unpack_from("<I", data, pos)
    pos += 4
    header = json.loads(data[pos : pos + hlen].decode("utf-8"))
    pos += hlen
    (nsec,) = struct.unpack_from("<I", data, pos)
    pos += 4
    sections = []
    for _ in range(nsec):
        (slen,) = struct.unpack_from("<I", data, pos)
        pos += 4
        sections.append(data[pos : pos + slen])
        pos += slen
    vocab = zlib.decompress(sections[0]).decode("utf-8").split("\n")
    uni = _unpack("I", sections[1])
    uni_types = _unpack("I", sections[2])
    bi_keys = _undelta(sections[3])
    bi = SortedCounts(bi_keys, _unpack("I", sections[4]))
    bi_types = SortedCounts(bi_keys, _unpack("I", sections[5]))
    if not len(bi_keys) == len(bi.values) == len(bi_types.values):
        raise ValueError(f"{path}: bigram sections differ in length")
    tri = SortedCounts(_undelta(sections[6]), _unpack("I", sections[7]))
    if len(tri.keys) != len(tri.values):
        raise ValueError(f"{path}: trigram sections differ in length")
    _index_blocks(len(vocab), bi, tri)
    capitals = _unpack("I", sections[8])
    return cls(vocab, uni, uni_types, bi, bi_types, tri, capitals, header)


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
