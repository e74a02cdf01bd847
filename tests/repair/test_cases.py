"""Data-driven cases by kind (ftfy-style): in_the_wild, synthetic, negative, known_failures."""

from __future__ import annotations

import pytest

from normalize.repair import DocumentEvidence, restore

from .conftest import read_cases

_WILD = read_cases("in_the_wild.tsv")
WILD_EVIDENCE = [row[1] for row in _WILD if row[0] == "evidence"]
WILD = [row for row in _WILD if row[0] != "evidence"]
SYNTHETIC = read_cases("synthetic.tsv")
NEGATIVE = [row[0] for row in read_cases("negative.tsv")]
KNOWN_FAILURES = read_cases("known_failures.tsv")


@pytest.fixture(scope="module")
def wild_evidence() -> DocumentEvidence:
    return DocumentEvidence.from_texts([row[0] for row in WILD] + WILD_EVIDENCE)


def test_wild_file_has_the_42_words_at_38_places(model, wild_evidence):
    assert len(WILD) == 38
    words = [r for text, _ in WILD for r in restore(text, evidence=wild_evidence, model=model).repairs if r.applied]
    assert len(words) == 42


@pytest.mark.parametrize(("text", "expected"), WILD, ids=[r[0][:40] for r in WILD])
def test_in_the_wild(model, wild_evidence, text, expected):
    assert restore(text, evidence=wild_evidence, model=model).text == expected


@pytest.mark.parametrize(("text", "expected"), SYNTHETIC, ids=[r[0][:40] for r in SYNTHETIC])
def test_synthetic(model, text, expected):
    assert restore(text, model=model).text == expected


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_negative_unchanged(model, text):
    result = restore(text, model=model)
    assert result.text == text
    assert not [r for r in result.repairs if r.applied]


@pytest.mark.parametrize(("text", "expected"), KNOWN_FAILURES, ids=[r[0][:40] for r in KNOWN_FAILURES])
@pytest.mark.xfail(strict=True, reason="known failure, see known_failures.tsv")
def test_known_failures(model, text, expected):
    assert restore(text, model=model).text == expected
