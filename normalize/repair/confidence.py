"""The confidence of a repair: a logistic model over the decoder's posterior and a few facts
about the repair that the posterior alone misjudges, and over their pairwise products.

Why: the n-gram posterior is one number, and on held-out damage it is too sure of some kinds
of repair (all-caps words, a changed capital, a first letter put back, a lost word put back)
and not sure enough of others (a repair the page writes intact elsewhere). A logistic model
over the posterior and these facts ranks repairs better (about +0.3 points of recall at
precision 99.5% on the dev split, 2% damage) and its output is directly the probability that
the repair is right, so no separate calibration table is needed. The facts also act together
(a high posterior means more when the page writes the repair; a first letter put back is worse
in a title-case word), so the model has a weight for every product of two standardised inputs
too: +0.18 points of recall at the same precision in 5-fold cross-validation on the dev split.

The model is data: ``normalize/data/repair_confidence.json``, written by
``bench/fit_confidence.py --out`` from the dev split of the held-out corpus (damaged at 0%,
0.5%, 2% and 5%); its format is described in normalize/data/README.md.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

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


#: The fitted model (bench/fit_confidence.py --out writes it).
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "repair_confidence.json"
MODEL_FORMAT = "vnplans-repair-confidence/1"
#: How the inputs are read off the facts, beyond their names: a model fitted under other
#: constants would be read wrongly, so the file records them and a mismatch is refused.
READING = {"posterior_clip": _CLIP, "share_floor": _SHARE_FLOOR}


def pairs(n: int) -> list[tuple[int, int]]:
    """The products of the model, as index pairs i <= j of the inputs (squares included)."""
    return [(i, j) for i in range(n) for j in range(i, n)]


def pair_name(a: str, b: str) -> str:
    """The key of a product's weight in the model file."""
    return f"{a}*{b}"


def expand(z: np.ndarray) -> np.ndarray:
    """The model's terms of standardised inputs `z` (rows = repairs): z, then each product z_i z_j."""
    index = pairs(z.shape[1])
    return np.hstack([z, np.stack([z[:, i] * z[:, j] for i, j in index], axis=1)])


@dataclass(frozen=True)
class ConfidenceModel:
    """Standardisation, intercept, one weight per input and one per product of two inputs.

    Inputs are first held to the range the model was fitted on (`low`, `high`): a product of two
    inputs beyond it (a one-line text's damage rate) would be an extrapolation.
    """

    low: np.ndarray
    high: np.ndarray
    center: np.ndarray
    scale: np.ndarray
    intercept: float
    linear: np.ndarray
    quadratic: np.ndarray  # upper triangle: quadratic[i, j] (i <= j) weighs z_i z_j

    @classmethod
    def from_json(cls, data: dict) -> ConfidenceModel:
        """Read a model written by bench/fit_confidence.py; refuse one that is not exactly a
        model of INPUTS as this code reads them (names, sizes, reading constants, finite values)."""
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"confidence model: format {data.get('format')!r}, expected {MODEL_FORMAT!r}")
        if tuple(data["inputs"]) != FEATURES or data.get("reading") != READING:
            raise ValueError("confidence model: fitted on other inputs than INPUTS; refit it")
        n = len(FEATURES)
        names = [pair_name(FEATURES[i], FEATURES[j]) for i, j in pairs(n)]
        if set(data["weights"]) != set(FEATURES) or set(data["pair_weights"]) != set(names):
            raise ValueError("confidence model: the weights do not match the inputs and their products")
        arrays = {key: np.array(data[key], dtype=float) for key in ("low", "high", "center", "scale")}
        if any(a.shape != (n,) for a in arrays.values()):
            raise ValueError(f"confidence model: low, high, center and scale need {n} values each")
        quadratic = np.zeros((n, n))
        for (i, j), name in zip(pairs(n), names, strict=True):
            quadratic[i, j] = data["pair_weights"][name]
        model = cls(
            intercept=float(data["intercept"]),
            linear=np.array([data["weights"][name] for name in FEATURES], dtype=float),
            quadratic=quadratic,
            **arrays,
        )
        numbers = [model.low, model.high, model.center, model.scale, model.linear, model.quadratic]
        if not (all(np.isfinite(a).all() for a in numbers) and math.isfinite(model.intercept)):
            raise ValueError("confidence model: a value is not a finite number")
        if (model.scale <= 0).any() or (model.low > model.high).any():
            raise ValueError("confidence model: a scale is not positive or a range is empty")
        return model

    def to_json(self, about: str) -> dict:
        """The model as JSON data (what from_json reads), with a line on how it was fitted."""
        return {
            "format": MODEL_FORMAT,
            "fitted": about,
            "inputs": list(FEATURES),
            "reading": READING,
            "low": [round(float(v), 6) for v in self.low],
            "high": [round(float(v), 6) for v in self.high],
            "center": [round(float(v), 6) for v in self.center],
            "scale": [round(float(v), 6) for v in self.scale],
            "intercept": round(self.intercept, 6),
            "weights": {name: round(float(w), 6) for name, w in zip(FEATURES, self.linear, strict=True)},
            "pair_weights": {
                pair_name(FEATURES[i], FEATURES[j]): round(float(self.quadratic[i, j]), 6)
                for i, j in pairs(len(FEATURES))
            },
        }

    def standardised(self, inputs: np.ndarray) -> np.ndarray:
        """Inputs (one row per repair) held to the fitted range, centred and scaled."""
        return (np.clip(inputs, self.low, self.high) - self.center) / self.scale

    def confidences(self, inputs: np.ndarray) -> np.ndarray:
        """P(the repair is right) for each row of inputs (the order of FEATURES), at most its
        ceiling: what ``confidence`` gives for one repair, and the fit script for many."""
        inputs = np.atleast_2d(np.asarray(inputs, dtype=float))
        z = self.standardised(inputs)
        log_odds = self.intercept + z @ self.linear + np.einsum("ri,ij,rj->r", z, self.quadratic, z)
        p = 1.0 / (1.0 + np.exp(-np.clip(log_odds, -40.0, 40.0)))
        return np.minimum(np.where(log_odds < -40.0, 0.0, p), ceiling(inputs))


@lru_cache(maxsize=1)
def fitted_model() -> ConfidenceModel:
    """The shipped model (read once)."""
    return ConfidenceModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def ceiling(inputs: np.ndarray) -> np.ndarray:
    """The highest confidence each row of inputs may get: the decoder's posterior for a lost word
    put back, 1 for the rest.

    Why: a word put back where it left no letter rests on the gap it left, and only the decoder
    weighs the page's own spacing (a page that writes two spaces everywhere); the model learnt
    lost words from corpus text, where two spaces are rare, so it must not be surer than that.
    """
    inputs = np.atleast_2d(inputs)
    lost = inputs[:, FEATURES.index(f"fix_{RESTORE_LOST_WORD}")] == 1.0
    posterior = 1.0 / (1.0 + np.exp(-inputs[:, FEATURES.index("log_odds_posterior")]))
    return np.where(lost, posterior, 1.0)


def confidence(facts: RepairFacts) -> float:
    """P(the repair is right), by the shipped model, at most its ceiling."""
    return float(fitted_model().confidences(np.array([feature_vector(facts)]))[0])
