"""The confidence model: its inputs, the direction of its fitted weights, and its fitting."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys

import pytest

from normalize.repair import (
    DEFAULT_THRESHOLD,
    RESTORE_INNER_LETTER,
    RESTORE_LOST_WORD,
    SPLIT_GLUED_SYLLABLES,
    DocumentEvidence,
    restore,
)
from normalize.repair.confidence import FEATURES, WEIGHTS, RepairFacts, confidence, feature_vector
from normalize.repair.core import explain_repairs
from tests.conftest import ROOT

#: An ordinary, fairly sure repair: "him" -> "hiểm" between two known words.
PLAIN = RepairFacts(
    posterior=0.9,
    unchanged=0.08,
    runner_up=0.02,
    options=4,
    unchanged_is_syllable=True,
    page_count_repair=0,
    page_count_unchanged=1,
    page_pairs_unchanged=0,
    all_caps=False,
    title_case=False,
    words=1,
    damage_rate=0.02,
    corpus_pair_left=500,
    corpus_pair_right=300,
    first_letter_added=False,
    capital_at_start=False,
    case_changed_inside=False,
    fix=RESTORE_INNER_LETTER,
)


def test_every_feature_has_a_weight():
    assert len(feature_vector(PLAIN)) == len(FEATURES) == len(WEIGHTS)
    assert set(WEIGHTS) == set(FEATURES)
    assert len(set(FEATURES)) == len(FEATURES)


def test_confidence_rises_with_the_posterior():
    # the shares of "unchanged" and of the runner-up held fixed: the posterior alone moves
    got = [confidence(dataclasses.replace(PLAIN, posterior=p)) for p in (0.5, 0.7, 0.9, 0.98)]
    assert got == sorted(got)
    assert got[0] < got[-1]


@pytest.mark.parametrize(
    "change",
    [
        {"all_caps": True},  # "VIT" -> "VIỆT": headings are often names and codes
        {"first_letter_added": True, "case_changed_inside": True},  # "y ban" -> "Ủy ban" mid-sentence
        {"fix": RESTORE_LOST_WORD, "words": 2},  # a word put back where no trace is left
        {"page_count_unchanged": 12, "page_pairs_unchanged": 8},  # the page writes "ca thi" again and again
        {"runner_up": 0.3, "unchanged": 0.0, "posterior": 0.7},  # another repair nearly as likely
    ],
    ids=["all caps", "case inside", "lost word", "page writes it", "close rival"],
)
def test_what_the_posterior_misjudges_lowers_the_confidence(change):
    assert confidence(dataclasses.replace(PLAIN, **change)) < confidence(PLAIN)


def test_the_page_writing_the_repair_raises_the_confidence():
    assert confidence(dataclasses.replace(PLAIN, page_count_repair=5)) > confidence(PLAIN)


def test_explain_repairs_gives_the_facts_each_confidence_came_from(model):
    text = "Người dân tham gia bảo him xã hội, chsố hài lòng cao."
    explained = explain_repairs(text, model=model)
    assert [(r.before, r.after, r.fix) for r, _ in explained] == [
        ("him", "hiểm", RESTORE_INNER_LETTER),
        ("chsố", "chỉ số", SPLIT_GLUED_SYLLABLES),
    ]
    (him, him_facts), (chso, chso_facts) = explained
    assert (him_facts.unchanged_is_syllable, him_facts.words, him_facts.page_count_unchanged) == (True, 1, 1)
    assert (chso_facts.unchanged_is_syllable, chso_facts.words) == (False, 2)
    assert not him_facts.first_letter_added and not him_facts.all_caps
    for repair, facts in explained:
        assert repair.confidence == round(confidence(facts), 4)
        assert repair.applied and repair.confidence >= DEFAULT_THRESHOLD
        assert facts.posterior > 0.9
    assert restore(text, model=model).text == "Người dân tham gia bảo hiểm xã hội, chỉ số hài lòng cao."


def test_a_word_the_page_keeps_writing_next_to_the_same_word_is_left(model):
    # "ca thi" (an exam session) four times: "của thi" fits the corpus, the page says otherwise
    text = (
        "Đăng ký ca thi đánh giá năng lực. Thí sinh chọn ca thi phù hợp. Mỗi ca thi kéo dài "
        "150 phút. Nếu không chọn xác nhận, ca thi chưa được đăng ký."
    )
    explained = explain_repairs(text, evidence=DocumentEvidence.from_texts([text]), model=model)
    assert explained, "the tone-less 'ca' is a suspect and its repair is reported"
    for repair, facts in explained:
        assert (repair.before, repair.after, repair.applied) == ("ca", "của", False)
        assert (facts.page_count_unchanged, facts.page_pairs_unchanged) == (4, 3)
    assert restore(text, model=model).text == text


def _fit_module():
    spec = importlib.util.spec_from_file_location("fit_confidence", ROOT / "bench" / "fit_confidence.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fit_confidence", module)
    spec.loader.exec_module(module)
    return module


def test_fit_recovers_the_weights_of_a_known_logistic_model():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(20000, 2))
    true = np.array([0.5, 2.0, -1.0])  # intercept, then one weight per column
    p = 1 / (1 + np.exp(-(true[0] + x @ true[1:])))
    y = (rng.random(len(x)) < p).astype(float)
    w = _fit_module().fit(x, y, l2=1.0)
    assert np.allclose(w, true, atol=0.1)
