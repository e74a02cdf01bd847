"""The confidence model: its inputs, the direction of its fitted weights, and its fitting."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
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
from normalize.repair.confidence import (
    FEATURES,
    MODEL_PATH,
    ConfidenceModel,
    RepairFacts,
    confidence,
    feature_vector,
    fitted_model,
)
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


def test_the_shipped_model_weighs_every_input_and_every_pair_of_inputs():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    n = len(FEATURES)
    assert len(feature_vector(PLAIN)) == n == len(set(FEATURES))
    assert data["inputs"] == list(FEATURES)
    assert set(data["weights"]) == set(FEATURES)
    assert len(data["pair_weights"]) == n * (n + 1) // 2
    assert "log_odds_posterior*log1p_page_count_repair" in data["pair_weights"]
    assert len(data["center"]) == len(data["scale"]) == n


def test_the_model_reads_back_what_it_writes():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = ConfidenceModel.from_json(data)
    assert model.to_json(data["fitted"]) == data  # the file is what the model writes, value for value
    again = ConfidenceModel.from_json(json.loads(json.dumps(model.to_json("round trip"))))
    for name in ("low", "high", "center", "scale", "linear", "quadratic"):
        assert (getattr(again, name) == getattr(model, name)).all(), name
    assert again.intercept == model.intercept


def _edited(key: str, value: object) -> dict:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if "." in key:
        outer, inner = key.split(".")
        data[outer] = {**data[outer], inner: value}
    else:
        data[key] = value
    return data


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("format", "vnplans-repair-confidence/0", "format 'vnplans-repair-confidence/0'"),
        ("inputs", ["log_odds_posterior"], "fitted on other inputs than INPUTS"),
        ("reading.share_floor", 0.001, "fitted on other inputs than INPUTS"),
        ("weights.an_input_no_one_reads", 1.0, "the weights do not match the inputs"),
        ("scale", [1.0], "need 21 values each"),
        ("intercept", float("nan"), "not a finite number"),
        ("pair_weights.all_caps*title_case", float("inf"), "not a finite number"),
        ("center", [0.0] * 21, None),  # a plain edit of values loads
    ],
)
def test_a_model_file_that_does_not_fit_this_code_is_refused(key, value, message):
    data = _edited(key, value)
    if message is None:
        ConfidenceModel.from_json(data)
        return
    with pytest.raises(ValueError, match=message):
        ConfidenceModel.from_json(data)


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


def test_a_word_put_back_where_it_left_no_letter_is_never_surer_than_the_decoder():
    # the facts of "sống  vùng" -> "sống ở vùng" on a page that writes two spaces everywhere
    lost = dataclasses.replace(
        PLAIN,
        fix=RESTORE_LOST_WORD,
        posterior=0.69,
        unchanged=0.31,
        runner_up=0.0,
        unchanged_is_syllable=False,
        corpus_pair_left=710,
        corpus_pair_right=1257,
    )
    inner = dataclasses.replace(lost, fix=RESTORE_INNER_LETTER)  # the same facts, a letter put back
    assert confidence(inner) > 0.75  # what the model says when no ceiling applies
    assert confidence(lost) == pytest.approx(0.69)
    assert confidence(lost) < DEFAULT_THRESHOLD


def test_inputs_beyond_the_fitted_range_are_held_to_it():
    model = fitted_model()
    rate = FEATURES.index("log_damage_rate")
    inputs = list(feature_vector(PLAIN))
    inputs[rate] = model.low[rate] - 5.0  # a damage rate far below any seen in the fit
    held = [*inputs[:rate], model.low[rate], *inputs[rate + 1 :]]
    far, at_the_edge = model.confidences([inputs, held])
    assert far == at_the_edge
    # and the words of a whole page are scored at once as one by one
    rows = [feature_vector(PLAIN), inputs, feature_vector(dataclasses.replace(PLAIN, fix=RESTORE_LOST_WORD))]
    assert list(model.confidences(rows)) == [model.confidences([row])[0] for row in rows]


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
    # "ca nô" (a motor boat) four times: "của" fits the corpus better, the page says otherwise
    text = (
        "Đăng ký ca nô tuần tra trên sông. Đội tuần tra chọn ca nô phù hợp. Mỗi ca nô chở 8 người. "
        "Nếu không xác nhận, ca nô chưa được đăng ký."
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


def test_fit_model_learns_a_product_of_two_inputs():
    np = pytest.importorskip("numpy")
    fit = _fit_module()
    rng = np.random.default_rng(1)
    n = len(FEATURES)
    x = rng.normal(size=(30000, n))
    logit = 0.3 + 1.5 * x[:, 0] * x[:, 1]  # only the product of the first two inputs matters
    y = (rng.random(len(x)) < 1 / (1 + np.exp(-logit))).astype(float)
    model = fit.fit_model(x, y, l2=1.0)
    assert model.quadratic[0, 1] == pytest.approx(1.5, abs=0.15)
    assert abs(model.linear[0]) < 0.1 and abs(model.quadratic[2, 3]) < 0.1
    assert model.low[0] == x[:, 0].min() and model.high[0] == x[:, 0].max()
