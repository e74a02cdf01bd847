"""restore(): find suspect tokens, score their candidate repairs in context, apply the sure ones.

Why this shape: the damage is rare (well under 1 token in 20) and each damaged token has many
valid originals, so (1) a memoized per-token check skips almost every token, (2) each suspect
keeps the option "unchanged" next to its candidates, (3) candidates of neighbouring suspects are
decoded jointly ("tích hp đy đủ"), (4) the posterior of the chosen option, under a prior set
by the document's own damage rate, is weighed with a few facts about the repair into the
confidence (confidence.py), and (5) the occurrences of one surely damaged form ("tnh" x 4) are
decided together (the product of their posteriors).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import product

from normalize.repair.confidence import RepairFacts, confidence
from normalize.repair.evidence import LOST_WORD_GAP, DocumentEvidence
from normalize.repair.fixes import RESTORE_LOST_WORD, CandidateTables, Proposal, apply_case, small_before_title
from normalize.repair.lm import SyllableModel, load_model
from normalize.repair.tokens import ABBR, BOUNDARY, LETTER, NUM, SPECIALS, TOKEN_RE
from normalize.vietnamese import MARKED_OUTSIDE_BLOCK, is_block_letter, is_syllable, split_tone

#: Repairs at or above this confidence are applied (see bench/fit_confidence.py for how it was
#: read off the dev split).
DEFAULT_THRESHOLD = 0.75
#: Weight of the document's own counts in the mixture with the corpus model (0.25 until the
#: 4-gram; with it 0.15 is as good or better on three seeds of the dev split, +0.03 to +0.1
#: points of recall at precision >= 99.5%).
DOC_WEIGHT = 0.15
#: Smoothing of the document bigram towards the document unigram.
DOC_KAPPA = 2.0
#: Shape factor of "the letter became a line break" relative to a plain drop.
LINE_BREAK_SHAPE = 0.05
#: Repairs whose posterior is below this and that lose to "unchanged" are not reported.
REPORT_FLOOR = 0.2
MAX_CANDIDATES = 5
#: Candidates of a token always scored in context (the likeliest by corpus count); the rarer
#: ones (fixes.MAX_PROPOSALS) only when the corpus writes them next to a neighbour ("sụp đổ").
FREE_CANDIDATES = 8
#: A suspect is dropped unscored when every candidate's bigram score is this far (nats) below
#: "unchanged" (1e4 times less likely), far beyond what the wider context can turn round
#: (1e6 gives the same figures on the dev split).
HOPELESS_MARGIN = math.log(1e4)
#: Pooling the occurrences of one surely damaged form: floor of each occurrence's posterior
#: (one occurrence cannot veto), and the confidence above which an occurrence keeps its own.
POOL_FLOOR = 0.02
POOL_KEEP_OWN = 0.9
#: Share of damaged words that are "surely damaged" (lowercase, unknown, ungrammatical).
SURE_FRACTION = 0.3
#: Neighbouring suspects decoded jointly; longer chains are cut (the product grows fast).
MAX_CLUSTER = 3
#: Options per suspect kept for joint decoding of a cluster of several suspects.
MAX_JOINT = 3
#: P(this spelling | <unk>): the model pools all unknown strings into one token, so keeping
#: an unknown, ungrammatical token must pay for its particular spelling.
UNK_SPELLING = 1e-5
#: The same for unknown strings that are still well-formed syllables.
UNK_SYLLABLE_SPELLING = 1e-4
#: The same for unknown, ungrammatical strings that carry a letter only Vietnamese writes here
#: (đ ă â ê ô ơ ư or a tone mark: "thtrận", "tmẫu"): foreign words and names do not, so such a
#: string is almost never a word of its own; it is two words glued by a lost letter.
UNK_VIETNAMESE_SPELLING = 1e-7
#: P(this letter | <c>): the model pools the 17 lone consonant letters into one class.
LONE_LETTER = 1 / 17
#: A line that starts with a lone consonant letter and then a lowercase word ("S đơn vị",
#: "- B trí") is not a label (labels take ")" or ".") nor an initial: almost surely damage.
LINE_INITIAL_LETTER = 1e-2

#: A capitalised word inside a sentence whose repair the document never writes capitalised:
#: mostly a name or a foreign word ("Him & Hsu", "tông Mi giáng", "Kiu Katiam"), rarely damage.
TITLE_UNATTESTED = 0.05
#: A syllable written small then capitalised ("tHiệp") kept as it is: clean text does so about
#: once in 6 million words, a lost final letter and space before a name far more often.
GLUED_CASE_KEPT = 1e-3

#: P(a gap looks like a lost word's, "nhà  xã" or "nhà , công", | nothing was lost): at least this,
#: more when the page spaces its words that way anyway (DocumentEvidence.gaps).
GAP_FLOOR = 1e-3
#: Weight of GAP_FLOOR against the page's own gaps (as much as a page of 100 gaps).
GAP_PRIOR_GAPS = 100

_LABEL_AFTER = re.compile(r"[).]")
#: Onsets of minority names that Vietnamese syllables lack: a consonant before r or l ("Brâu",
#: "Krông", "Hrê", "Glei"); "tr" and "kh"-like onsets are Vietnamese's own.
_CLUSTER_ONSET = re.compile(r"^[bdghkmpsv][rl]|^[c][l]")


@dataclass(frozen=True)
class Repair:
    """One proposed repair: where in the input, what it was, what it becomes, how sure."""

    start: int
    end: int
    before: str
    after: str
    confidence: float
    applied: bool
    fix: str


@dataclass(frozen=True)
class RestoreResult:
    """The repaired text and every repair considered worth reporting."""

    text: str
    repairs: tuple[Repair, ...]


@dataclass
class _Option:
    after: str  # replacement text for the span
    ids: tuple[int, ...]  # model ids replacing the span's own ids
    logprior: float
    fix: str  # "" for "unchanged"
    #: False for a repair of an all-caps token that the document never writes ("VIT" -> "VIỆT"
    #: on a page without "Việt"): it still takes its share of the posterior (so "XÃ HI" does not
    #: become the attested "HỎI" for want of "HỘI"), but it is only reported, never applied.
    applicable: bool = True


@dataclass
class _Suspect:
    first: int  # index of first text token in the span
    last: int  # index of last text token in the span (inclusive)
    start: int
    end: int
    options: list[_Option]
    #: the token may have followed a one-letter word lost with its space ("Hà" for "ở Hà")
    after_lost_word: bool = False
    #: for a word broken by a line break ("t\nnh"): its repairs, found when the suspect was made
    joins: tuple[Proposal, ...] = ()
    #: a number written right after the word, taken into the span ("s876" -> "số 876")
    glued: str = ""


_TABLES: dict[int, CandidateTables] = {}


def _tables(model: SyllableModel) -> CandidateTables:
    t = _TABLES.get(id(model))
    if t is None or t.model is not model:
        t = CandidateTables(model)
        _TABLES[id(model)] = t
    return t


def _sentence_start(text: str, start: int) -> bool:
    """At the start of a line or a table cell (maybe after a bullet) or after . ! ? -> capital."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    if not prefix.strip(" \t-–•*+|#>"):
        return True
    return prefix.rstrip(" \t")[-1] in ".!?|"


def _line_initial_before_word(text: str, m: re.Match) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    if text[line_start : m.start()].strip(" \t-–•*+"):
        return False
    nxt = TOKEN_RE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
    return bool(nxt and nxt.group(1) and nxt.group(1).islower())


def _list_label(text: str, m: re.Match) -> bool:
    """Is the token at a line's start a list label: "a)", "đ)", or capitals before a full stop
    ("I.", "II.", "B.")? Not "c." (a word's last letter before a full stop: "thự" / "c.")."""
    tok, after = m.group(1), text[m.end() : m.end() + 2]
    if len(tok) > 3:
        return False
    # "a)"; "I." or "B." before the heading's text or a sub-number ("I.1."); "N." at a line's end
    # may end a word ("THỰC HI" / "N."): the model decides
    return after[:1] == ")" or (
        after[:1] == "." and tok.isupper() and (after[1:2] in (" ", "\t") or after[1:2].isdigit())
    )


def _guarded(text: str, m: re.Match, tok: str) -> bool:
    """Context guards: list labels "a)", "đ.", and pieces of codes such as "KH-UBND"."""
    end = m.end()
    nxt = text[end : end + 1]
    prv = text[m.start() - 1 : m.start()] if m.start() else ""
    if len(tok) <= 3 and nxt and _LABEL_AFTER.match(nxt):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t(-–•*+"):
            return True  # "a)", "đ.", "(b)", "II." at the start of a line
    if (
        nxt == "."
        and text[end + 1 : end + 2].isalpha()
        or prv == "."
        and m.start() > 1
        and (text[m.start() - 2].isalpha())
    ):
        return True  # dotted abbreviations: "v.v", "TP.HCM"
    if prv == "/" and tok in _UNITS_PER and m.start() > 1 and not text[m.start() - 2].isspace():
        return True  # the unit of a rate: "tấn/ha", "m³/ha"
    if (nxt in _APOSTROPHES and text[end + 1 : end + 2].isalpha()) or (
        prv in _APOSTROPHES and m.start() > 1 and text[m.start() - 2].isalpha()
    ):
        return True  # a minority name written with an apostrophe: "M'Nông", "K'Bang", "Cư M'gar"
    return _code_piece(text, m, tok)


_APOSTROPHES = frozenset("'’ʼ")


#: Units printed after the "/" of a rate that read as a damaged syllable ("ha": hạ, hà, họa).
_UNITS_PER = frozenset({"ha"})


_WORD_BEFORE = re.compile(r"[^\W_]+$")
_WORD_AFTER = re.compile(r"[^\W_]+")


def _code_piece(text: str, m: re.Match, tok: str) -> bool:
    """A capitalised piece of a code: touching "/", "_", "@" or a digit (15/2020/NĐ-CP), or a
    hyphen whose other side is capitals or digits too (KH-UBND, QĐ-BNV). A hyphen between
    title-case words is a name ("Cu-La", "Hmông-Mông") and one before a word is a dash ("-Thiu
    tướng"). Not a code: a lone capital glued to a number ("S268" for "Số 268", see
    ``_glued_to_number``), and a spaced dash inside a line in capitals ("KINH T- XÃ HỘI": a
    final letter took the space before it)."""
    if not any(c.isupper() for c in tok):
        return False
    start, end = m.start(), m.end()
    nxt = text[end : end + 1]
    prv = text[start - 1 : start] if start else ""
    if nxt and (nxt in "/_@" or nxt.isdigit()) or prv and (prv in "/_@" or prv.isdigit()):
        return not _glued_to_number(text, start, end, tok)
    if nxt == "-" and not text[end + 1 : end + 2].strip() and _among_capitals(text, start, end + 1):
        return False
    if nxt != "-" and prv != "-":
        return False
    if len(tok) == 1 or tok.isupper():
        return True
    others = []
    if nxt == "-":
        after = _WORD_AFTER.match(text, end + 1)
        others.append(after.group() if after else "")
    if prv == "-":
        before = _WORD_BEFORE.search(text, 0, start - 1)
        others.append(before.group() if before else "")
    return any(o and (o.isupper() and len(o) >= 2 or o.isdigit()) for o in others)


def _case_breaks(left: str, right: str) -> bool:
    """Does the case change from a small letter to a capital across a line break ("chủ" /
    "Y BAN NHÂN DÂN")? Then the break ends a line, it does not split a word ("chủy")."""
    return left[-1].islower() and right[0].isupper()


_NUMBER_RUN = re.compile(r"\d[\d.,]*")


def _glued_to_number(text: str, start: int, end: int, tok: str) -> bool:
    """A lone capital glued to the number after it ("S268", "T13 tháng 8"): a word that lost its
    last letter with the space, unless something is glued before it ("QĐ/S2"), the number runs
    on into letters ("H5N1", "B52A") or it is a label ("S3:")."""
    if len(tok) != 1 or (start and (text[start - 1] in "/_@-" or text[start - 1].isalnum())):
        return False
    run = _NUMBER_RUN.match(text, end)
    if run is None:
        return False
    after = text[run.end() : run.end() + 1]
    return not (after.isalpha() or after == ":")


def _among_capitals(text: str, start: int, dash: int) -> bool:
    """Are the word before ``start`` and the word after the dash at ``dash`` words in capitals
    (two letters at least: "KINH T- XÃ HỘI", not "Tổ T- 5" nor "Phòng HC- TH")?"""
    before = _WORD_BEFORE.search(text[:start].rstrip())
    after = _WORD_AFTER.match(text[dash + 1 :].lstrip())
    return all(w is not None and len(w.group()) >= 2 and w.group().isupper() for w in (before, after))


def _document_rate(evidence: DocumentEvidence, model: SyllableModel, tables: CandidateTables):
    """Estimate this document's damage rate per damageable word from its sure-damaged words.

    Lowercase words (2+ letters) that are neither known nor grammatical but have a repair are
    surely damaged; words carrying a block letter are intact. About 30% of damaged words look
    like that (measured on held-out text); the rest are known words or capitalised.
    """
    cached = evidence._per_model.get(id(model))
    if cached is not None:
        return cached
    sure = 0
    intact = 0
    ids_uni: dict[int, int] = {}
    kinds = tables.word_kinds
    titles = evidence.titles
    for word, n in evidence.unigrams.items():
        kind = kinds.get(word)
        if kind is None:
            kind = _word_kind(word, model, tables)
            if len(kinds) > 200_000:
                kinds.clear()
            kinds[word] = kind
        if kind & _HAS_BLOCK:
            intact += n
        elif kind & _SURE_DAMAGED:
            sure += n - titles.get(word, 0)  # capitalised unknowns are mostly names
        if kind & _VOUCHES:
            ids_uni[model.index[word]] = n
    rate = (sure / SURE_FRACTION + 0.5) / (intact + sure + 300)
    rate = min(max(rate, 2e-4), 0.3)
    total = max(1, sum(ids_uni.values()))
    # the page's bigrams stay keyed by words: the scorer looks up the few it needs (both words
    # intact, i.e. in ids_uni) instead of every bigram of the page being converted here
    cached = (rate, ids_uni, evidence.bigrams, total)
    evidence._per_model[id(model)] = cached
    return cached


_HAS_BLOCK = 1  # carries a letter of U+1EA0..U+1EF9: intact
_SURE_DAMAGED = 2  # lowercase form of 2+ letters, unknown, ungrammatical, with a repair
#: Counts as document evidence. Only intact words do: a tone-less word that is more likely a
#: damaged form than itself ("sa" for "sửa", "him" for "hiểm") would vouch for its own repeated
#: damage. Toned words ("dán") and words far more frequent than their repairs ("ra") count.
_VOUCHES = 4


def _word_kind(word: str, model: SyllableModel, tables: CandidateTables) -> int:
    """What a lowercase word of the document says (flags above); memoized per model."""
    kind = 0
    if any(is_block_letter(c) for c in word):
        kind |= _HAS_BLOCK
    elif len(word) > 1 and model.count(word) == 0 and not is_syllable(word) and tables.proposals(word):
        kind |= _SURE_DAMAGED
    if word in model.index and (split_tone(word)[2] or not _self_suspect(word, model, tables)):
        kind |= _VOUCHES
    return kind


def _self_suspect(word: str, model: SyllableModel, tables: CandidateTables) -> bool:
    """True when some repair of `word` is more frequent in the corpus than `word` itself."""
    props = tables.proposals(word)
    if not props:
        return False
    own = model.count(word)
    return any(tables.weight(p) >= own for p in props)


class _Scorer:
    """Mixture of the corpus n-gram model and the document's counts (leave-one-out)."""

    def __init__(self, model: SyllableModel, doc: tuple) -> None:
        self.model = model
        _, self.uni, self.page_bigrams, self.total = doc
        self.vocab = model.vocab
        self.special = {model.index[w] for w in SPECIALS}
        self.bnd = model.index[BOUNDARY]
        #: words of history: 3 with a 4-gram model (lm.KNSyllableModel.prob4), else 2
        self.history = 3 if model.order == 4 else 2

    def _corpus_prob(self, seq: list[int], k: int) -> float:
        """P(seq[k] | its history) from the corpus model. Two boundaries in a row are padding
        (the text starts there: the model never sees "<p> <p>"), so the history is cut after
        them and the top-order distribution of the shorter history is used (raw counts, not
        Kneser-Ney's continuation counts, which say how many words come before, not how often)."""
        model = self.model
        bnd = self.bnd
        b = seq[k - 1]
        a = seq[k - 2]
        if a == bnd and b == bnd:
            return model.p2_top(bnd, seq[k])
        if self.history == 3:
            if a == bnd and seq[k - 3] == bnd:
                return model.prob(bnd, b, seq[k])
            return model.prob4(seq[k - 3], a, b, seq[k])
        return model.prob(a, b, seq[k])

    def score(self, seq: list[int], original: list[bool], begin: int) -> float:  # noqa: C901
        """Sum of log P(seq[k] | history) for k >= begin (history: the `history` tokens before)."""
        corpus_prob = self._corpus_prob
        total = 0.0
        uni = self.uni
        page_bigrams = self.page_bigrams
        vocab = self.vocab
        special = self.special
        bnd = self.bnd
        for k in range(begin, len(seq)):
            c = seq[k]
            b = seq[k - 1]
            if c == bnd and b == bnd:
                continue  # padding after the end of the text: the same for every option
            p = corpus_prob(seq, k)
            if c not in special and uni:
                own = 1 if original[k] else 0
                cu = max(0, uni.get(c, 0) - own)
                if cu:
                    cb = page_bigrams.get((vocab[b], vocab[c]), 0) if b in uni else 0
                    if cb and own and original[k - 1]:
                        cb -= 1
                    hb = max(0, uni.get(b, 0) - (1 if original[k - 1] else 0))
                    pd = (cb + DOC_KAPPA * cu / self.total) / (hb + DOC_KAPPA)
                    p = (1 - DOC_WEIGHT) * p + DOC_WEIGHT * pd
                else:
                    p *= 1 - DOC_WEIGHT
            else:
                p *= 1 - DOC_WEIGHT
            total += math.log(p)
        return total


def restore(
    text: str,
    *,
    evidence: DocumentEvidence | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    model: SyllableModel | None = None,
) -> RestoreResult:
    """Put back letters of U+1EA0..U+1EF9 lost in extraction; report every repair considered."""
    return _restore(text, evidence, threshold, model)


def explain_repairs(
    text: str,
    *,
    evidence: DocumentEvidence | None = None,
    model: SyllableModel | None = None,
) -> list[tuple[Repair, RepairFacts]]:
    """Every reported repair that could be applied (not the all-caps repairs the page never
    writes) with the facts its confidence was computed from: for fitting and inspecting the
    confidence model (bench/fit_confidence.py)."""
    facts: list[tuple[Repair, RepairFacts]] = []
    _restore(text, evidence, DEFAULT_THRESHOLD, model, facts)
    return facts


def fix_and_explain(
    text: str,
    *,
    evidence: DocumentEvidence | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    model: SyllableModel | None = None,
) -> tuple[str, list[str]]:
    """Like ftfy's fix_and_explain: the repaired text and the names of the fixes applied."""
    result = restore(text, evidence=evidence, threshold=threshold, model=model)
    return result.text, [r.fix for r in result.repairs if r.applied]


def _restore(
    text: str,
    evidence: DocumentEvidence | None,
    threshold: float,
    model: SyllableModel | None,
    facts_out: list[tuple[Repair, RepairFacts]] | None = None,
) -> RestoreResult:
    model = model or load_model()
    tables = _tables(model)
    matches = list(TOKEN_RE.finditer(text))
    suspects: list[_Suspect] = []
    proposals = tables.proposals
    memo = tables._memo  # the memo first: nearly every token was seen before
    plain_split: set[int] = set()
    before_lost = tables.before_lost_word  # words "ở" often follows, as written (nằm, Nằm, NẰM)
    after_before_lost = -1  # where a word right after one of them would start
    for i, m in enumerate(matches):
        tok = m.group(1)
        if tok is not None:
            got = memo.get(tok)
            if got is None:
                got = proposals(tok)
            if got:
                suspects.append(_Suspect(i, i, m.start(), m.end(), []))
            elif after_before_lost >= 0 and m.start() == after_before_lost:  # "nằm trung tâm": "ở " lost?
                suspects.append(_Suspect(i, i, m.start(), m.end(), [], after_lost_word=True))
            after_before_lost = m.end() + 1 if tok in before_lost else -1
            continue
        after_before_lost = -1
        if m.group(3) is not None and 0 < i < len(matches) - 1:
            left, right = matches[i - 1], matches[i + 1]
            if (
                left.group(1)
                and right.group(1)
                and left.end() == m.start()
                and right.start() == m.end()
                and not _list_label(text, right)  # "Yêu cu" / "a) ...": a list label starts the line
            ):
                join_props = tables.join_line_broken_word(left.group(1), right.group(1))
                if join_props:
                    suspects.append(_Suspect(i - 1, i + 1, left.start(), right.end(), [], joins=tuple(join_props)))
                elif model.count((left.group(1) + right.group(1)).lower()) and not _case_breaks(
                    left.group(1), right.group(1)
                ):
                    plain_split.update((i - 1, i + 1))  # "v\nụ": a break, no letter lost
    if plain_split:
        suspects = [s for s in suspects if s.first not in plain_split]
    joins = {i for s in suspects if s.first < s.last for i in (s.first, s.last)}
    if joins:  # one decision per token: a word broken by a line break is not also after a lost word
        suspects = [s for s in suspects if not (s.after_lost_word and s.first in joins)]
    for g in LOST_WORD_GAP.finditer(text):
        nxt = bisect_left(matches, g.end(), key=lambda m: m.start())  # the token after the gap
        if 0 < nxt < len(matches) and matches[nxt].start() == g.end() and matches[nxt - 1].end() == g.start():
            at = g.start() + 1  # after the first space: where the word stood
            suspects.append(_Suspect(nxt, nxt - 1, at, at, []))  # an empty span between two tokens
    if not suspects:
        return RestoreResult(text, ())
    if evidence is None:
        evidence = DocumentEvidence.from_texts([text])
    doc = _document_rate(evidence, model, tables)
    scorer = _Scorer(model, doc)
    mids = _LazyIds(matches, model)
    suspects = _build_options(text, matches, suspects, tables, model, evidence, doc, mids)
    if not suspects:
        return RestoreResult(text, ())
    decisions: list[_Decision] = []
    for cluster in _clusters(suspects):
        decisions.extend(_decode(cluster, mids, scorer))
    _pool_same_forms(decisions, text, model)
    ctx = _FactContext(text, matches, mids, evidence, model, doc[0])
    repairs = _to_repairs(decisions, text, threshold, ctx, facts_out)
    out = []
    pos = 0
    for r in repairs:
        if r.applied:
            out.append(text[pos : r.start])
            out.append(r.after)
            pos = r.end
    out.append(text[pos:])
    return RestoreResult("".join(out), tuple(repairs))


class _LazyIds:
    """Model ids of the text's tokens, computed only where a suspect needs context."""

    __slots__ = ("_matches", "_model", "_cache", "_bnd", "_num")

    def __init__(self, matches: list[re.Match], model: SyllableModel) -> None:
        self._matches = matches
        self._model = model
        self._cache: dict[int, int] = {}
        self._bnd = model.index[BOUNDARY]
        self._num = model.index[NUM]

    def __len__(self) -> int:
        return len(self._matches)

    def __getitem__(self, i: int) -> int:
        v = self._cache.get(i)
        if v is None:
            m = self._matches[i]
            w = m.group(1)
            if w is not None:
                v = self._model.token_id(w)
            elif m.group(2) is not None:
                v = self._num
            else:
                v = self._bnd
            self._cache[i] = v
        return v


def _build_options(text, matches, suspects, tables, model, evidence, doc, mids):
    """Turn raw suspects into option lists (unchanged + candidates); drop guarded and hopeless ones."""
    built: list[_Suspect] = []
    rate = doc[0]
    log_keep = math.log(1 - rate)
    log_rate = math.log(rate)
    bnd = model.index[BOUNDARY]
    joined_words = set()
    for s in suspects:
        if s.first < s.last:
            joined_words.update((s.first, s.last))
    for s in suspects:
        if s.after_lost_word:
            opts = _glued_lost_word_options(text, s, tables, model, matches, mids, log_keep, log_rate)
        elif s.first > s.last:
            opts = _lost_word_options(text, s, tables, model, matches, evidence, log_rate)
        elif s.first == s.last:
            m = matches[s.first]
            tok = m.group(1)
            if s.first in joined_words:
                continue  # one end of a line-broken word: decided with the join
            if _guarded(text, m, tok):
                continue
            props = tables.with_ids(tok)
            keep_prior = log_keep
            if mids[s.first] in (model.unk, model.index[ABBR]):
                keep_prior += math.log(_unknown_spelling(tok))
            elif mids[s.first] == model.index[LETTER]:
                keep_prior += math.log(LONE_LETTER)
                if _line_initial_before_word(text, m):
                    keep_prior += math.log(LINE_INITIAL_LETTER)
            elif small_before_title(tok):
                keep_prior += math.log(GLUED_CASE_KEPT)
            keep = _Option(tok, (mids[s.first],), keep_prior, "")
            opts = [keep]
            start_of_sentence = _sentence_start(text, m.start())
            if not start_of_sentence and tok.islower():
                start_of_sentence = None  # decided per candidate by the document
            upper = len(tok) >= 2 and tok.isupper()
            title_inside = start_of_sentence is False and tok[:1].isupper() and not upper
            left_id = mids[s.first - 1] if s.first > 0 else bnd
            right_id = mids[s.first + 1] if s.first + 1 < len(mids) else bnd
            scored = []
            for p, ids, log_shape in tables.in_context(tok, props, left_id, right_id, FREE_CANDIDATES):
                logprior = log_rate + log_shape
                if title_inside and len(p.words) == 1 and not evidence.titles.get(p.words[0]):
                    logprior += math.log(TITLE_UNATTESTED)
                scored.append((p, ids, logprior))
            if _hopeless(keep, scored, s.first, mids, model, doc, bnd):
                continue
            # "s876/QĐ-BNV", "KINH T- XÃ HỘI": a final letter lost with its space before a number
            # or a spaced dash; the span takes it in, so the repair gives the space back
            glued = s.glued = _glued_after(text, matches, s.first)
            if glued:
                s.end += len(glued)
                opts[0] = _Option(tok + glued, keep.ids, keep.logprior, "")
            for p, ids, logprior in scored:
                cap = start_of_sentence
                if cap is None:
                    cap = p.insert_pos == 0 and _capitalized(p.words[0], matches, s.first, evidence, model)
                after = _render(tok, p, cap, matches, s.first)
                if after is None:
                    continue
                if glued:
                    after += (" " if p.insert_pos == len(tok) else "") + glued
                # a word in capitals is changed only when the page writes the repair; "SY tế" is
                # two initials ("Sở Y tế", rendered so), no word in capitals
                in_capitals = upper and after.split(" ")[0].isupper()
                applicable = not in_capitals or all(evidence.count(w) for w in p.words)
                opts.append(_Option(after, ids, logprior, p.fix, applicable))
        else:
            left = matches[s.first].group(1)
            right = matches[s.last].group(1)
            props = s.joins
            if _guarded(text, matches[s.first], left):
                continue
            keep_ids = (mids[s.first], mids[s.first + 1], mids[s.last])
            opts = [_Option(text[s.start : s.end], keep_ids, log_keep, "")]
            joined = left + right
            start_of_sentence = _sentence_start(text, s.start)
            for p in props:
                after = apply_case(joined, p.words[0], p.insert_pos, start_of_sentence)
                if after is None:
                    continue
                applicable = not (len(joined) >= 2 and joined.isupper()) or bool(evidence.count(p.words[0]))
                opts.append(
                    _Option(
                        after,
                        (model.word_id(p.words[0]),),
                        log_rate + math.log(LINE_BREAK_SHAPE),
                        p.fix,
                        applicable,
                    )
                )
        if s.after_lost_word:
            candidates = [(None, o.ids, o.logprior) for o in opts[1:]]
            if _hopeless(opts[0], candidates, s.first, mids, model, doc, bnd):
                continue
        if len(opts) > 1:
            s.options = opts
            built.append(s)
    return built


def _glued_after(text: str, matches: list[re.Match], i: int) -> str:
    """What word ``i`` is glued to by a lost space: a number written right after it ("s876"),
    a dash that has a space after it but none before ("kinh t- xã hội"), or an opening bracket
    before a word ("s(DTI)": "số (DTI)"); else ""."""
    end = matches[i].end()
    if i + 1 < len(matches):
        nxt = matches[i + 1]
        if nxt.group(2) is not None and nxt.start() == end:
            return nxt.group(2)
    if text[end : end + 1] in _DASHES and not text[end + 1 : end + 2].strip():
        return text[end]
    if text[end : end + 1] == "(" and text[end + 1 : end + 2].isalnum() and text[end - 1 : end].islower():
        return "("
    return ""


_DASHES = frozenset("-–—")


def _hopeless(keep: _Option, candidates: list[tuple], i: int, mids, model: SyllableModel, doc: tuple, bnd: int) -> bool:
    """A cheap bigram check that no candidate (proposal, ids, logprior) can come near "unchanged".

    Most suspects of clean text are ordinary words ("ca", "to") in ordinary places; scoring
    their candidates with the 4-gram and the document is most of the work of restore().
    The bigram score (mixed with the page's unigram, the document evidence's upper part)
    differs from the full score by far less than HOPELESS_MARGIN.
    """
    left = mids[i - 1] if i > 0 else bnd
    right = mids[i + 1] if i + 1 < len(mids) else bnd
    p2 = model.p2
    cached = model._cache2.get
    doc_uni, doc_share = doc[1], DOC_WEIGHT / doc[3]
    corpus_share = 1 - DOC_WEIGHT
    log = math.log

    def lite(ids: tuple[int, ...], logprior: float) -> float:
        score = logprior
        prev = left
        for c in (*ids, right):
            p = cached(prev << 16 | c)
            if p is None:
                p = p2(prev, c)
            p = corpus_share * p + doc_share * doc_uni.get(c, 0)
            score += log(p) if p > 0 else -50.0
            prev = c
        return score

    bar = lite(keep.ids, keep.logprior) - HOPELESS_MARGIN
    for _, ids, logprior in candidates:
        if len(ids) != 1:
            if lite(ids, logprior) >= bar:
                return False
            continue
        c = ids[0]  # the common case, inlined: P(c | left) P(right | c)
        p = cached(left << 16 | c)
        if p is None:
            p = p2(left, c)
        q = cached(c << 16 | right)
        if q is None:
            q = p2(c, right)
        p = (corpus_share * p + doc_share * doc_uni.get(c, 0)) * (corpus_share * q + doc_share * doc_uni.get(right, 0))
        if p > 0 and logprior + log(p) >= bar:
            return False
    return True


def _in_capitals(matches: list[re.Match], left: int, right: int) -> bool:
    """Both neighbours of a lost word are all-capital words ("NHÀ  XÃ HỘI" -> "NHÀ Ở XÃ HỘI")."""
    words = [matches[i].group(1) for i in (left, right) if 0 <= i < len(matches)]
    return len(words) == 2 and all(w and len(w) >= 2 and w.isupper() for w in words)


def _glued_lost_word_options(text, s, tables, model, matches, mids, log_keep, log_rate) -> list[_Option]:
    """Options of a word that may follow a lost "ở": itself, or "ở" and itself."""
    p = tables.glued_lost_word
    tok = text[s.start : s.end]
    word = p.words[0].upper() if _in_capitals(matches, s.first - 1, s.first) else p.words[0]
    ids = (model.word_id(p.words[0]), mids[s.first])
    return [
        _Option(tok, (mids[s.first],), log_keep, ""),
        _Option(f"{word} {tok}", ids, log_rate + math.log(p.shape), p.fix),
    ]


def _lost_word_options(text, s, tables, model, matches, evidence, log_rate) -> list[_Option]:
    """Options at a gap left by a lost one-letter word: nothing, or one of the words."""
    gaps = evidence.gaps
    if text[s.start] == " ":  # "nhà  xã": two spaces between words
        alike, total = gaps.wide, gaps.wide + gaps.single
    else:  # "nhà , công": a space before a mark
        alike, total = gaps.spaced_marks, gaps.spaced_marks + gaps.marks
    # the page's other gaps of this shape (not this one), smoothed towards GAP_FLOOR
    natural = (max(0, alike - 1) + GAP_FLOOR * GAP_PRIOR_GAPS) / (total + GAP_PRIOR_GAPS)
    opts = [_Option("", (), math.log(natural), "")]
    upper = _in_capitals(matches, s.last, s.first)  # the words before and after the gap
    for p in tables.lost_words:
        word = p.words[0].upper() if upper else p.words[0]
        opts.append(_Option(word, (model.word_id(p.words[0]),), log_rate + math.log(p.shape), p.fix))
    return opts


def _unknown_spelling(tok: str) -> float:
    """P(this spelling | the model's class of unknown strings) for a token kept unchanged. A
    capitalised name of the Central Highlands written with a consonant cluster before a
    Vietnamese rhyme ("Brâu", "Hrê", "Prông") counts as a syllable, not as two glued words."""
    low = tok.lower()
    if is_syllable(low) or _minority_name(tok):
        return UNK_SYLLABLE_SPELLING
    if any(c in MARKED_OUTSIDE_BLOCK or is_block_letter(c) for c in low):
        return UNK_VIETNAMESE_SPELLING
    return UNK_SPELLING


def _minority_name(tok: str) -> bool:
    """ "Brâu", "Hrê", "Prông": a capital, a small r or l, then a syllable with no tone mark (the
    names are written so); "Mrộng" ("Mở rộng") and "HLý" ("Hạ Lý") are glued words."""
    return (
        len(tok) > 2
        and tok[0].isupper()
        and tok[1:].islower()
        and bool(_CLUSTER_ONSET.match(tok.lower()))
        and not any(is_block_letter(c) for c in tok)
        and is_syllable(tok[1:].lower())
    )


def _capitalized(word: str, matches: list[re.Match], i: int, evidence: DocumentEvidence, model: SyllableModel) -> bool:
    """Case of a lost first letter of the word at token i: as the document writes it before
    the same next word, or after the same previous word; else a capital inside a name (a
    capitalised word on each side: "Thiên ng Chính Bình" -> "Thiên Ứng Chính Bình"); else as
    the document writes it anywhere, else as the corpus does."""
    following = _next_word(matches, i)
    before = _previous_word(matches, i)
    if following is not None:
        got = evidence.capitalized_before(word, following)
        if got is not None:
            return got
    if before is not None:  # "Tỉnh y" where the page writes "Tỉnh ủy"
        got = evidence.capitalized_after(before.lower(), word)
        if got is not None:
            return got
    if following is not None and before and before[0].isupper() and matches[i + 1].group(1)[0].isupper():
        return True
    got = evidence.capitalized(word)
    if got is None:
        return model.mostly_capitalized(word)
    return got


def _previous_word(matches: list[re.Match], i: int) -> str | None:
    """The preceding word as written, when only a space separates it."""
    if i > 0:
        prev = matches[i - 1]
        if prev.group(1) and prev.end() + 1 == matches[i].start():
            return prev.group(1)
    return None


def _next_word(matches: list[re.Match], i: int) -> str | None:
    """The following word, lowercased, when only spaces separate it."""
    if i + 1 < len(matches):
        nxt = matches[i + 1]
        if nxt.group(1) and nxt.start() == matches[i].end() + 1:
            return nxt.group(1).lower()
    return None


def _render(tok: str, p: Proposal, sentence_start: bool, matches, idx) -> str | None:
    if len(p.words) == 1:
        if len(tok) == 1 and tok.isupper():
            # a lone capital among words in capitals: "BÃO S 02" -> "BÃO SỐ 02", "S ĐƠN" -> "SỐ ĐƠN"
            nxt = matches[idx + 1].group(1) if idx + 1 < len(matches) else None
            prv = _previous_word(matches, idx)
            if any(w and len(w) >= 2 and w.isupper() and is_syllable(w.lower()) for w in (nxt, prv)):
                return p.words[0].upper()
        return apply_case(tok, p.words[0], p.insert_pos, sentence_start)
    head_src = tok[: p.insert_pos]
    tail_src = tok[p.insert_pos :]
    if tok.isupper() and len(tok) >= 2:
        following = matches[idx + 1].group(1) if idx + 1 < len(matches) else None
        if len(tok) == 2 and following and following[:1].islower() and _next_word(matches, idx):
            # two capitals before a word in small letters are two names' initials, not a word in
            # capitals: "SY tế" -> "Sở Y tế"
            return p.words[0][:1].upper() + p.words[0][1:] + " " + tail_src
        return p.words[0].upper() + " " + tail_src
    head = apply_case(head_src, p.words[0], len(head_src) + 1, False)
    if head is None:
        return None
    return head + " " + tail_src


def _clusters(suspects: list[_Suspect]) -> list[list[_Suspect]]:
    suspects = sorted(suspects, key=lambda s: (s.first, s.last))  # a gap before the token after it
    out: list[list[_Suspect]] = []
    for s in suspects:
        if out and s.first - out[-1][-1].last <= 2 and len(out[-1]) < MAX_CLUSTER:
            if s.first <= out[-1][-1].last:
                continue  # overlapping span: keep the first
            out[-1].append(s)
        else:
            out.append([s])
    return out


def _context(mids: list[int], idx: int, step: int, bnd: int, n: int = 2) -> list[int]:
    out: list[int] = []
    j = idx
    while len(out) < n:
        j += step
        if j < 0 or j >= len(mids):
            if not out or out[-1] != bnd:
                out.append(bnd)
            while len(out) < n:
                out.append(bnd)
            break
        v = mids[j]
        if v == bnd and out and out[-1] == bnd:
            continue
        out.append(v)
    return out


def _decode(cluster: list[_Suspect], mids: list[int], scorer: _Scorer):
    """Score every combination of options in a cluster; report marginal posteriors."""
    bnd = scorer.bnd
    first, last = cluster[0].first, cluster[-1].last
    n = scorer.history  # context words each side; the first n of a sequence are history only
    left = _context(mids, first, -1, bnd, n)[::-1]
    right = _context(mids, last, +1, bnd, n)
    # Rank each suspect's options alone (original context) and keep the best few.
    keep_n = MAX_CANDIDATES if len(cluster) == 1 else MAX_JOINT
    single = len(cluster) == 1
    known: dict[int, float] = {}  # a lone suspect's option scores, reused below (same sequence)
    for s in cluster:
        if len(s.options) > keep_n + 1:
            lc = _context(mids, s.first, -1, bnd, n)[::-1]
            rc = _context(mids, s.last, +1, bnd, n)
            scored = []
            for o in s.options[1:]:
                seq = lc + list(o.ids) + rc
                orig = [True] * n + [False] * len(o.ids) + [True] * n
                sc = scorer.score(seq, orig, n) + o.logprior
                if single:
                    known[id(o)] = sc
                scored.append((sc, o.after, o))
            scored.sort(key=lambda x: (-x[0], x[1]))
            s.options = [s.options[0]] + [o for _, _, o in scored[:keep_n]]
    combos = []
    for choice in product(*[range(len(s.options)) for s in cluster]):
        if single and id(cluster[0].options[choice[0]]) in known:
            combos.append((known[id(cluster[0].options[choice[0]])], choice))
            continue
        seq = list(left)
        orig = [True] * n
        prior = 0.0
        prev_last = None
        for s, c in zip(cluster, choice, strict=True):
            if prev_last is not None:
                for j in range(prev_last + 1, s.first):
                    v = mids[j]
                    if v == bnd and seq[-1] == bnd:
                        continue
                    seq.append(v)
                    orig.append(True)
            o = s.options[c]
            seq.extend(o.ids)
            orig.extend([c == 0] * len(o.ids))
            prior += o.logprior
            prev_last = s.last
        seq.extend(right)
        orig.extend([True] * n)
        combos.append((scorer.score(seq, orig, n) + prior, choice))
    top = max(sc for sc, _ in combos)
    z = sum(math.exp(sc - top) for sc, _ in combos)
    best = max(combos, key=lambda x: x[0])[1]
    decisions = []
    for k, s in enumerate(cluster):
        marg = [0.0] * len(s.options)
        for sc, choice in combos:
            marg[choice[k]] += math.exp(sc - top) / z
        # The best joint choice decides (or, when that is "unchanged", the likeliest repair);
        # its marginal posterior is the confidence, and the threshold applies to it alone.
        c = best[k]
        if c == 0:
            c = max(range(1, len(s.options)), key=lambda j: (marg[j], -j))
        decisions.append(_Decision(s, marg, c, marg[c]))
    return decisions


@dataclass
class _Decision:
    suspect: _Suspect
    marg: list[float]  # posterior of each option of the suspect
    choice: int  # chosen option (never 0, "unchanged")
    posterior: float  # the decoder's posterior of the choice (an input of the confidence)


def _pool_same_forms(decisions: list[_Decision], text: str, model: SyllableModel) -> None:
    """Decide the occurrences of one surely damaged form together ("tnh" x 4 -> "tỉnh" x 4).

    A form that is neither a known word nor a syllable never stands for itself, and a page
    that damages a word the same way several times damaged the same word: the product of the
    occurrences' posteriors is the evidence. An occurrence that is already surer of another
    repair on its own ("đt": đất here, đứt there) keeps its own decision. A lone letter glued to
    numbers is one form whatever the number ("s12", "s45": số; "t3", "t4", "t5": a series of
    names): when the occurrences together would keep it, none is surer of a repair than that.
    """
    groups: dict[str, list[_Decision]] = {}
    abbr = model.index[ABBR]
    lone = model.index[LETTER]
    for d in decisions:
        s = d.suspect
        if s.first != s.last or s.options[0].ids[0] not in (model.unk, abbr, lone):
            continue
        low = text[s.start : s.end - len(s.glued)].lower()
        if s.options[0].ids[0] == lone and not s.glued:
            continue  # a lone letter stands for many words ("t": từ, tự, tổ); glued to a number
            # it is a series when the page repeats it ("t3", "t4", "t5": transformers' names)
        if not is_syllable(low):
            groups.setdefault(f"{low} {bool(s.glued)}", []).append(d)
    for group in groups.values():
        if len(group) < 2:
            continue
        per_doc: list[dict[str, float]] = []
        words: set[str] = set()
        for d in group:
            got: dict[str, float] = {}
            for o, p in zip(d.suspect.options, d.marg, strict=True):
                key = _without_glued(o.after, d.suspect).lower()
                got[key] = got.get(key, 0.0) + p
            per_doc.append(got)
            words.update(got)
        logs = {w: sum(math.log(g.get(w, 0.0) + POOL_FLOOR) for g in per_doc) for w in words}
        top = max(logs.values())
        z = sum(math.exp(v - top) for v in logs.values())
        winner = max(sorted(logs), key=lambda w: logs[w])
        pooled = math.exp(logs[winner] - top) / z
        for d in group:
            words_of = [_without_glued(o.after, d.suspect).lower() for o in d.suspect.options]
            if d.posterior >= POOL_KEEP_OWN and words_of[d.choice] != winner:
                continue
            if winner == words_of[0]:  # together the occurrences say "unchanged": none is surer alone
                d.posterior = min(d.posterior, math.exp(logs[words_of[d.choice]] - top) / z)
                continue
            idx = [j for j, w in enumerate(words_of) if j and w == winner]
            if idx and pooled > d.posterior:
                d.choice = idx[0]
                d.posterior = pooled


def _without_glued(after: str, s: _Suspect) -> str:
    """An option's text without the number (or mark) glued to the suspect: "từ 3" -> "từ"."""
    return after[: -len(s.glued)].rstrip() if s.glued else after


@dataclass(frozen=True)
class _FactContext:
    """What _facts needs of the page besides the decision itself."""

    text: str
    matches: list[re.Match]
    mids: _LazyIds
    evidence: DocumentEvidence
    model: SyllableModel
    damage_rate: float


def _facts(d: _Decision, ctx: _FactContext) -> RepairFacts:
    s = d.suspect
    o = s.options[d.choice]
    # the facts are the word's; a number glued to it only rides along
    keep, after = _without_glued(s.options[0].after, s), _without_glued(o.after, s)
    words = after.split()
    runner_up = max((p for j, p in enumerate(d.marg) if j not in (0, d.choice)), default=0.0)
    mids, model, ev = ctx.mids, ctx.model, ctx.evidence
    bnd = model.index[BOUNDARY]
    left = mids[s.first - 1] if s.first > 0 else bnd  # for a lost word's gap, s.first - 1 == s.last
    right = mids[s.last + 1] if s.last + 1 < len(mids) else bnd
    # what a lost word put back starts with ("ở trung") is the word's, not the token's
    first_letter = o.fix != RESTORE_LOST_WORD and bool(keep) and after[:1].lower() != keep[:1].lower()
    case_changed = first_letter and after[:1].isupper() != keep[:1].isupper()
    at_start = _sentence_start(ctx.text, s.start)
    return RepairFacts(
        posterior=d.posterior,
        unchanged=d.marg[0],
        runner_up=runner_up,
        options=len(s.options),
        unchanged_is_syllable=bool(keep) and is_syllable(keep.lower()),
        page_count_repair=min((ev.count(w.lower()) for w in words), default=0),
        page_count_unchanged=ev.count(keep.lower()) if keep else 0,
        page_pairs_unchanged=_page_pairs(s, ctx) if s.first == s.last else 0,
        all_caps=len(keep) > 1 and keep.isupper(),
        title_case=keep[:1].isupper(),
        words=len(words),
        damage_rate=ctx.damage_rate,
        corpus_pair_left=model.bigram_count(left, o.ids[0]),
        corpus_pair_right=model.bigram_count(o.ids[-1], right),
        first_letter_added=first_letter,
        capital_at_start=case_changed and at_start,
        case_changed_inside=case_changed and not at_start,
        fix=o.fix,
    )


def _page_pairs(s: _Suspect, ctx: _FactContext) -> int:
    """How often else the page writes the token as it is next to the same word ("ca thi" x 8)."""
    matches, bigrams = ctx.matches, ctx.evidence.bigrams
    low = matches[s.first].group(1).lower()
    best = 0
    if s.first > 0 and matches[s.first - 1].group(1):
        best = bigrams.get((matches[s.first - 1].group(1).lower(), low), 0) - 1
    if s.first + 1 < len(matches) and matches[s.first + 1].group(1):
        best = max(best, bigrams.get((low, matches[s.first + 1].group(1).lower()), 0) - 1)
    return max(best, 0)


def _to_repairs(
    decisions: list[_Decision],
    text: str,
    threshold: float,
    ctx: _FactContext,
    facts_out: list[tuple[Repair, RepairFacts]] | None,
) -> list[Repair]:
    repairs = []
    for d in decisions:
        if d.marg[0] > d.posterior and d.posterior < REPORT_FLOOR:
            continue
        s = d.suspect
        o = s.options[d.choice]
        facts = _facts(d, ctx)
        conf = round(confidence(facts), 4)
        repair = Repair(
            start=s.start,
            end=s.end,
            before=text[s.start : s.end],
            after=o.after,
            confidence=conf,
            applied=conf >= threshold and o.applicable,
            fix=o.fix,
        )
        repairs.append(repair)
        if facts_out is not None and o.applicable:
            facts_out.append((repair, facts))
    return repairs
