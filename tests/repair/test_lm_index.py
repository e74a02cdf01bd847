"""The block indexes of the loaded model (lm._index_blocks) change speed, never probabilities."""

from __future__ import annotations

import random

from normalize.repair.lm import DEFAULT_MODEL_PATH, read_model


def test_block_index_gives_the_same_probabilities(model):
    assert model._blocks
    plain = read_model(DEFAULT_MODEL_PATH)
    plain._blocks = False
    keys = model.tri.keys
    rng = random.Random(4)
    triples = [(k >> 32, (k >> 16) & 0xFFFF, k & 0xFFFF) for k in (keys[rng.randrange(len(keys))] for _ in range(2000))]
    v = len(model.vocab)
    triples += [(rng.randrange(v), rng.randrange(v), rng.randrange(v)) for _ in range(2000)]
    for a, b, c in triples:
        assert model.prob(a, b, c) == plain.prob(a, b, c)
        assert model.p2(b, c) == plain.p2(b, c)
