"""The confidence of a repair: a logistic model over the decoder's posterior and a few facts
about the repair that the posterior alone misjudges.

Why: the n-gram posterior is one number, and on held-out damage it is too sure of some kinds
of repair (all-caps words, a changed capital, a first letter put back, a lost word put back)
and not sure enough of others (a repair the page writes intact elsewhere). A logistic model
over the posterior and these facts ranks repairs better (about +0.3 points of recall at
precision 99.5% on the dev split, 2% damage) and its output is directly the probability that
the repair is right, so no separate calibration table is needed.

The weights are fitted by ``bench/fit_confidence.py`` on the dev split of the held-out corpus
(damaged at 0%, 0.5%, 2% and 5%) and pasted below, by the names of INPUTS.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from normalize.repair.fixes import (
    JOIN_LINE_BROKEN_WORD,
    RESTORE_INNER_LETTER,
    RESTORE_LOST_WORD,
    SPLIT_GLUED_SYLLABLES,
)

#: A posterior is read as log-odds clipped to this distance from 0 and 1.
_CLIP = 1e-6
#: The shares left to "unchanged" and to the runner-up are read on a log scale with this floor:
#: below 1% they say nothing more (1e-9 and 1e-4 are both "no rival"), and without a floor the
#: weights would reward a lone candidate with no rival whatever its own posterior.
_SHARE_FLOOR = 0.01


@dataclass(frozen=True)
class RepairFacts:
    """What is known about one repair when it is decided (the inputs of the confidence)."""

    posterior: float  # the decoder's posterior of the chosen repair
    unchanged: float  # ... of leaving the token as it is
    runner_up: float  # ... of the next most likely repair (0 when there is none)
    options: int  # options weighed, "unchanged" included
    unchanged_is_syllable: bool  # the token as written is a well-formed syllable ("mi", "thiu")
    page_count_repair: int  # occurrences of the repair's rarest word intact on the page
    page_count_unchanged: int  # occurrences of the token as written on the page
    page_pairs_unchanged: int  # other places the page writes it next to the same word ("ca thi")
    all_caps: bool
    title_case: bool
    words: int  # words of the repair (2 when a lost space is put back)
    damage_rate: float  # the page's estimated damage rate
    corpus_pair_left: int  # corpus count of (word before, repair's first word)
    corpus_pair_right: int  # corpus count of (repair's last word, word after)
    first_letter_added: bool  # the repair puts back the token's first letter ("ng" -> "ứng")
    capital_at_start: bool  # ... capitalised, at the start of a sentence, line or table cell
    case_changed_inside: bool  # ... with a case decided by the page or a name ("y ban" -> "Ủy ban")
    fix: str  # the named fix that made the repair


def _log_odds(p: float) -> float:
    p = min(max(p, _CLIP), 1 - _CLIP)
    return math.log(p / (1 - p))


def _fix_is(fix: str) -> Callable[[RepairFacts], float]:
    return lambda f: float(f.fix == fix)


#: The model's inputs, in order: (name, how it is read off the facts).
INPUTS: tuple[tuple[str, Callable[[RepairFacts], float]], ...] = (
    ("log_odds_posterior", lambda f: _log_odds(f.posterior)),
    ("log_share_unchanged", lambda f: math.log(f.unchanged + _SHARE_FLOOR)),
    ("log_share_runner_up", lambda f: math.log(f.runner_up + _SHARE_FLOOR)),
    ("options", lambda f: float(f.options)),
    ("unchanged_is_syllable", lambda f: float(f.unchanged_is_syllable)),
    ("log1p_page_count_repair", lambda f: math.log1p(f.page_count_repair)),
    ("log1p_page_count_unchanged", lambda f: math.log1p(f.page_count_unchanged)),
    ("log1p_page_pairs_unchanged", lambda f: math.log1p(f.page_pairs_unchanged)),
    ("all_caps", lambda f: float(f.all_caps)),
    ("title_case", lambda f: float(f.title_case)),
    ("words", lambda f: float(f.words)),
    ("log_damage_rate", lambda f: math.log(f.damage_rate)),
    ("log1p_corpus_pair_left", lambda f: math.log1p(f.corpus_pair_left)),
    ("log1p_corpus_pair_right", lambda f: math.log1p(f.corpus_pair_right)),
    ("first_letter_added", lambda f: float(f.first_letter_added)),
    ("capital_at_start", lambda f: float(f.capital_at_start)),
    ("case_changed_inside", lambda f: float(f.case_changed_inside)),
    *(
        (f"fix_{fix}", _fix_is(fix))
        for fix in (RESTORE_INNER_LETTER, SPLIT_GLUED_SYLLABLES, JOIN_LINE_BROKEN_WORD, RESTORE_LOST_WORD)
    ),
)
FEATURES = tuple(name for name, _ in INPUTS)


def feature_vector(f: RepairFacts) -> tuple[float, ...]:
    """The model's inputs, in the order of FEATURES."""
    return tuple(read(f) for _, read in INPUTS)


# Fitted by: .venv/bin/python bench/fit_confidence.py (713 dev documents, 103,660 repairs, l2 3).
INTERCEPT = -3.830581
WEIGHTS: dict[str, float] = {
    "log_odds_posterior": 0.286515,
    "log_share_unchanged": -0.416965,
    "log_share_runner_up": -0.885416,
    "options": 0.190891,
    "unchanged_is_syllable": 0.029519,
    "log1p_page_count_repair": 0.384698,
    "log1p_page_count_unchanged": -0.642653,
    "log1p_page_pairs_unchanged": -0.094154,
    "all_caps": -2.833667,
    "title_case": -0.351158,
    "words": -0.329914,
    "log_damage_rate": -0.002998,
    "log1p_corpus_pair_left": 0.093605,
    "log1p_corpus_pair_right": 0.019301,
    "first_letter_added": -1.787497,
    "capital_at_start": 0.124593,
    "case_changed_inside": -2.379340,
    "fix_restore_inner_letter": 0.406116,
    "fix_split_glued_syllables": 0.424897,
    "fix_join_line_broken_word": 0.278828,
    "fix_restore_lost_word": -1.109840,
}


def confidence(facts: RepairFacts) -> float:
    """P(the repair is right), by the logistic model."""
    z = INTERCEPT + sum(WEIGHTS[name] * read(facts) for name, read in INPUTS)
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
