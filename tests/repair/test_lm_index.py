"""The loaded model: block indexes (lm._index_blocks) change speed, never probabilities; the
Kneser-Ney probabilities derived at load time are distributions."""

from __future__ import annotations

import random

import pytest

from normalize.repair.lm import DEFAULT_MODEL_PATH, KNSyllableModel, SyllableModel, read_model


def test_block_index_gives_the_same_probabilities():
    model = read_model(DEFAULT_MODEL_PATH, "wb")  # Witten-Bell has a path without the indexes
    assert model._blocks
    plain = read_model(DEFAULT_MODEL_PATH, "wb")
    plain._blocks = False
    keys = model.tri.keys
    rng = random.Random(4)
    triples = [(k >> 32, (k >> 16) & 0xFFFF, k & 0xFFFF) for k in (keys[rng.randrange(len(keys))] for _ in range(2000))]
    v = len(model.vocab)
    triples += [(rng.randrange(v), rng.randrange(v), rng.randrange(v)) for _ in range(2000)]
    for a, b, c in triples:
        assert model.prob(a, b, c) == plain.prob(a, b, c)
        assert model.p2(b, c) == plain.p2(b, c)


def test_the_shipped_model_is_kneser_ney(model):
    assert type(model) is KNSyllableModel
    assert model.order == 4 and model.header["format"] == "VNSYLLM3"
    assert type(read_model(DEFAULT_MODEL_PATH, "wb")) is SyllableModel
    with pytest.raises(ValueError, match="smoothing 'gt'"):
        read_model(DEFAULT_MODEL_PATH, "gt")


@pytest.mark.parametrize(
    "history",
    [("triển", "khai"), ("ủy", "ban"), ("<p>", "<num>"), ("đắk", "nông"), ("khai", "đán")],
)
def test_kneser_ney_gives_a_distribution_over_every_id(model, history):
    a, b = (model.index[w] for w in history)
    ids = range(len(model.vocab))
    trigram = [model.prob(a, b, c) for c in ids]
    bigram = [model.p2(b, c) for c in ids]
    assert min(trigram) > 0 and min(bigram) > 0  # specials (<p> <unk> <c> ...) included
    assert sum(trigram) == pytest.approx(1.0, abs=1e-9)
    assert sum(bigram) == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize(
    "history",
    [("triển", "khai", "thực"), ("ủy", "ban", "nhân"), ("<p>", "<num>", "<p>"), ("khai", "đán", "tinh")],
)
def test_the_fourgram_level_gives_a_distribution_over_every_id(model, history):
    a, b, c = (model.index[w] for w in history)
    ids = range(len(model.vocab))
    fourgram = [model.prob4(a, b, c, d) for d in ids]
    below = [model.p3c(b, c, d) for d in ids]  # the trigram level over continuation counts
    assert min(fourgram) > 0 and min(below) > 0
    assert sum(fourgram) == pytest.approx(1.0, abs=1e-9)
    assert sum(below) == pytest.approx(1.0, abs=1e-9)
