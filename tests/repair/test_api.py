"""The public API: offsets, confidences, fix names, guards, evidence, CLI, model file."""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import struct
import sys
import zlib

import pytest

from normalize.repair import (
    DEFAULT_THRESHOLD,
    JOIN_LINE_BROKEN_WORD,
    RESTORE_INNER_LETTER,
    RESTORE_LOST_WORD,
    SPLIT_GLUED_SYLLABLES,
    DocumentEvidence,
    Repair,
    fix_and_explain,
    restore,
)
from normalize.repair.cli import add_lm_command, add_restore_command
from normalize.repair.core import explain_repairs
from normalize.repair.lm import BuildConfig, build_counts, read_model, save_model
from normalize.vietnamese import is_syllable
from tests.conftest import REPAIRED
from tests.conftest import ROOT as REPO
from tests.conftest import SAMPLE as SEED


def test_repair_records_offsets_and_confidence(model):
    text = "đạt chsố 87,76% của t\nnh; tích hp đy đủ"
    # the page writes "chỉ số" and "tỉnh" intact elsewhere ("chữ số" would also fit here)
    ev = DocumentEvidence.from_texts([text, "Ủy ban nhân dân tỉnh; đạt chỉ số 88,1%"])
    result = restore(text, evidence=ev, model=model)
    assert result.text == "đạt chỉ số 87,76% của tỉnh; tích hợp đầy đủ"
    got = [(r.start, r.end, r.before, r.after, r.fix, r.applied) for r in result.repairs]
    assert got == [
        (4, 8, "chsố", "chỉ số", SPLIT_GLUED_SYLLABLES, True),
        (20, 24, "t\nnh", "tỉnh", JOIN_LINE_BROKEN_WORD, True),
        (31, 33, "hp", "hợp", RESTORE_INNER_LETTER, True),
        (34, 36, "đy", "đầy", RESTORE_INNER_LETTER, True),
    ]
    for r in result.repairs:
        assert text[r.start : r.end] == r.before
        assert DEFAULT_THRESHOLD <= r.confidence <= 1.0


def test_low_confidence_repair_is_reported_not_applied(model):
    # "phủ Quảng Hòa" (a prefecture) or "phố Quảng Hòa"? Without the document, not sure.
    text = "sau đó cho bỏ luôn phQuảng Hòa và huyện"
    result = restore(text, model=model)
    assert result.text == text
    (r,) = result.repairs
    assert (r.before, r.after, r.applied) == ("phQuảng", "phủ Quảng", False)
    assert 0.3 <= r.confidence < DEFAULT_THRESHOLD
    # the same repair is applied when the bar is lowered
    assert restore(text, model=model, threshold=0.3).text == "sau đó cho bỏ luôn phủ Quảng Hòa và huyện"


def test_document_evidence_decides(model):
    text = "mục tiêu CCHC đra; gửi về"
    ev = DocumentEvidence.from_texts([text, "các mục tiêu đã đề ra, các biện pháp đề ra"])
    assert restore(text, evidence=ev, model=model).text == "mục tiêu CCHC đề ra; gửi về"


def test_all_caps_needs_attestation(model):
    text = "TNG ĐIM"
    assert restore(text, model=model).text == text
    ev = DocumentEvidence.from_texts([text, "Tổng điểm của tỉnh đạt 86,26 điểm"])
    assert restore(text, evidence=ev, model=model).text == "TỔNG ĐIỂM"


def test_fix_and_explain(model):
    text, fixes = fix_and_explain("Bảo him xã hội tỉnh", model=model)
    assert text == "Bảo hiểm xã hội tỉnh"
    assert fixes == [RESTORE_INNER_LETTER]


def test_clean_text_is_returned_unchanged(model):
    text = "Ủy ban nhân dân tỉnh Đắk Nông ban hành Kế hoạch cải thiện Chỉ số CCHC năm 2022."
    result = restore(text, model=model)
    assert result.text is text or result.text == text
    assert result.repairs == ()


def _damage(text: str, rate: float, seed: int) -> str:
    spec = importlib.util.spec_from_file_location("repair_eval", REPO / "bench" / "repair_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("repair_eval", module)
    spec.loader.exec_module(module)
    return module.damage(text, rate, random.Random(seed))[0]


CLEAN_PASSAGE = (
    "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện "
    "triển khai thực hiện hiệu quả kế hoạch cải cách hành chính; tăng cường kiểm tra, "
    "giám sát, đẩy mạnh ứng dụng công nghệ thông tin, nâng cao chất lượng đội ngũ cán bộ, "
    "công chức, bảo đảm hoàn thành các chỉ tiêu được giao trong năm."
)


def test_fixed_seed_damaged_passage(model):
    damaged = _damage(CLEAN_PASSAGE, 0.15, seed=6)
    assert damaged == (
        "Sở Nội vụ chtrì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyn "
        "triển khai thực hiện hiệu qukế hoạch ci cách hành chính; tăng cường kiểm tra, "
        "giám sát, đẩy mnh ứng dụng công nghthông tin, nâng cao chất lượng đội ngũ cán bộ, "
        "công chc, bảo đảm hoàn thành các chỉ tiêu được giao trong năm."
    )
    assert restore(damaged, model=model).text == CLEAN_PASSAGE


def test_whole_sample_matches_hand_repaired_copy(model):
    src = SEED.read_text(encoding="utf-8")
    result = restore(src, model=model)
    applied = [r for r in result.repairs if r.applied]
    assert len(applied) == 42
    assert result.text == REPAIRED.read_text(encoding="utf-8")
    # the author's typo "cấp tình" stays
    assert "cấp tình" in result.text


def test_syllable_grammar():
    for word in ("tỉnh", "quốc", "giữ", "gìn", "nghiêng", "khuya", "người", "đán", "kim"):
        assert is_syllable(word), word
    for word in ("tnh", "hp", "trc", "chsố", "ce", "ngi", "hợt̀", "qo"):
        assert not is_syllable(word), word


def test_cli_restore(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("công trc tuyến của t\nnh", encoding="utf-8")
    out = tmp_path / "repairs.jsonl"
    parser = argparse.ArgumentParser()
    subs = parser.add_subparsers()
    add_restore_command(subs)
    add_lm_command(subs)
    args = parser.parse_args(["restore", str(src), "--repairs", str(out)])
    assert args.func(args) == 0
    assert capsys.readouterr().out == "công trực tuyến của tỉnh"
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Repair(**row).after for row in rows] == ["trực", "tỉnh"]
    args = parser.parse_args(["lm", "build", "--corpus", str(tmp_path / "none")])
    assert args.func(args) == 2


@pytest.mark.parametrize("bar", ["2", "-1", "nan", "abc"])
def test_cli_refuses_a_confidence_bar_outside_0_to_1(bar, capsys):
    parser = argparse.ArgumentParser(prog="vnplans")
    add_restore_command(parser.add_subparsers())
    with pytest.raises(SystemExit) as exit_:
        parser.parse_args(["restore", "-", "--threshold", bar])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    expected = f"not a number: '{bar}'" if bar == "abc" else f"a confidence bar is between 0 and 1, not {bar}"
    assert f"argument --threshold: {expected}" in error


def test_cli_says_a_repairs_file_cannot_be_written_before_printing(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("công trc tuyến", encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_restore_command(parser.add_subparsers())
    target = tmp_path / "missing" / "repairs.jsonl"
    args = parser.parse_args(["restore", str(src), "--repairs", str(target)])
    assert args.func(args) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith(f"vnplans restore: cannot write {target}: ")


def test_model_roundtrip_is_deterministic(tmp_path):
    texts = ["Ủy ban nhân dân tỉnh Đắk Nông.", "Kế hoạch của tỉnh năm 2022, tỉnh Đắk Lắk."] * 5
    cfg = BuildConfig(min_count_syllable=1, min_count_other=1, min_bigram=1, min_trigram=1)
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    save_model(build_counts(texts, cfg), a)
    save_model(build_counts(list(reversed(texts)), cfg), b)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes().startswith(b"VNSYLLM3\n")
    built = build_counts(texts, cfg)
    m = read_model(a)
    # every count comes back under its key (n-grams are stored under their history)
    assert dict(zip(m.bi.keys, m.bi.values, strict=True)) == built.bi
    assert dict(zip(m.tri.keys, m.tri.values, strict=True)) == built.tri
    assert list(m.four.keys) == list(built.four.keys) and list(m.four.values) == list(built.four.values)
    assert list(m.cont3) == list(built.cont3)
    assert m.count("tỉnh") == 15
    assert m.logp(m.word_id("của"), m.word_id("tỉnh"), m.word_id("năm")) > -1.0
    assert m.order == 4 and m.header["fourgrams"] == len(m.four) > 0
    w = m.word_id
    history = (w("kế"), w("hoạch"), w("của"))
    assert m.prob4(*history, w("tỉnh")) > 0.5
    assert sum(m.prob4(*history, d) for d in range(len(m.vocab))) == pytest.approx(1.0, abs=1e-9)
    # without 4-grams: a trigram model (four sections fewer)
    c = tmp_path / "c.bin"
    save_model(build_counts(texts, BuildConfig(min_count_syllable=1, min_count_other=1, min_fourgram=0)), c)
    assert c.read_bytes().startswith(b"VNSYLLM3\n")
    assert read_model(c).order == 3
    with pytest.raises(ValueError, match="not a VNSYLLM3 model file"):
        (tmp_path / "bad.bin").write_bytes(b"\x80\x04pickle")
        read_model(tmp_path / "bad.bin")
    old = tmp_path / "old.bin"
    old.write_bytes(b"VNSYLLM2\n" + a.read_bytes()[9:])
    with pytest.raises(ValueError, match=r"older format \(VNSYLLM2\); rebuild it with `make lm`"):
        read_model(old)


def test_model_file_counts_above_a_byte_and_bad_sections(tmp_path):
    """Counts of 255 and more are escaped; a file whose sections disagree is refused, not misread."""
    texts = ["ủy ban nhân dân " * 300]
    cfg = BuildConfig(min_count_syllable=1, min_count_other=1)
    path = tmp_path / "m.bin"
    save_model(build_counts(texts, cfg), path)
    m = read_model(path)
    w = m.word_id
    assert m.bi[w("ủy") << 16 | w("ban")] == 300
    assert m.tri[w("ủy") << 32 | w("ban") << 16 | w("nhân")] == 300
    assert m.four[w("ủy") << 48 | w("ban") << 32 | w("nhân") << 16 | w("dân")] == 300
    # section 8 (trigram counts) one count short
    data = path.read_bytes()
    (hlen,) = struct.unpack_from("<I", data, 9)
    pos = 9 + 4 + hlen + 4
    sections = []
    while pos < len(data):
        (n,) = struct.unpack_from("<I", data, pos)
        sections.append(zlib.decompress(data[pos + 4 : pos + 4 + n]))
        pos += 4 + n
    sections[8] = sections[8][:1] + sections[8][2:]
    out = bytearray(data[: 9 + 4 + hlen + 4])
    for sec in sections:
        packed = zlib.compress(sec)
        out += struct.pack("<I", len(packed)) + packed
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(out))
    with pytest.raises(ValueError, match="trigram counts: expected 6 counts"):
        read_model(bad)


def test_occurrences_of_one_damaged_form_are_decided_together(model):
    from normalize.repair.core import _Decision, _Option, _pool_same_forms, _Suspect

    text = "tnh tnh tnh"
    unk = (model.unk,)

    def decision(start: int, marg: list[float]) -> _Decision:
        opts = [
            _Option("tnh", unk, 0.0, ""),
            _Option("tỉnh", (model.word_id("tỉnh"),), 0.0, RESTORE_INNER_LETTER),
            _Option("tính", (model.word_id("tính"),), 0.0, RESTORE_INNER_LETTER),
        ]
        s = _Suspect(start, start, start * 4, start * 4 + 3, opts)
        c = max(range(1, 3), key=lambda j: marg[j])
        return _Decision(s, marg, c, marg[c])

    sure = decision(0, [0.01, 0.97, 0.02])
    unsure = decision(1, [0.1, 0.4, 0.5])  # alone it leans to "tính"
    other = decision(2, [0.0, 0.04, 0.96])  # sure of another word on its own: keeps it
    _pool_same_forms([sure, unsure, other], text, model)
    assert unsure.suspect.options[unsure.choice].after == "tỉnh"
    assert unsure.posterior > 0.5
    assert other.suspect.options[other.choice].after == "tính"
    assert sure.suspect.options[sure.choice].after == "tỉnh"


def test_a_lost_one_letter_word_is_put_back_at_the_gap_it_left(model):
    # both spaces kept: an empty span at the gap; the page writes no other double spaces
    text = "Chính sách hỗ trợ nhà  xã hội."
    result = restore(text, model=model)
    assert result.text == "Chính sách hỗ trợ nhà ở xã hội."
    assert [(r.start, r.end, r.before, r.after, r.fix) for r in result.repairs] == [
        (22, 22, "", "ở", RESTORE_LOST_WORD)
    ]
    # a page that spaces its words that way anyway says such a gap is weak evidence
    assert restore("Người dân sống  vùng sâu.", model=model).text == "Người dân sống ở vùng sâu."
    page = "Người dân sống  vùng sâu. " + "Các cơ quan, đơn vị trong tỉnh thực hiện kế hoạch này. " * 3
    spaced = "  ".join(page.split())
    assert restore(spaced, model=model).text == spaced


def test_a_lost_word_that_took_its_space_is_tried_on_a_damaged_page(model):
    # no trace: only after a word "ở" often follows, and only where the page is damaged anyway
    damaged = "Trụ sở Ủy ban nhân dân xã nằm trung tâm xã. Ông tng công tác ti huyn Krông Bông, tnh Đắk Lắk."
    result = restore(damaged, model=model)
    assert (
        result.text
        == "Trụ sở Ủy ban nhân dân xã nằm ở trung tâm xã. Ông từng công tác tại huyện Krông Bông, tỉnh Đắk Lắk."
    )
    ((lost, facts),) = [(r, f) for r, f in explain_repairs(damaged, model=model) if r.fix == RESTORE_LOST_WORD]
    # the page is damaged (four words here) and "nằm ở trung tâm" is far likelier: put back at
    # 0.86, under the decoder's posterior (0.92), the most a word put back without a trace may get
    assert (lost.before, lost.after, lost.applied) == ("trung", "ở trung", True)
    assert (lost.confidence, round(facts.posterior, 2)) == (pytest.approx(0.857, abs=0.002), 0.92)
    assert restore(damaged, model=model, threshold=0.95).text.startswith("Trụ sở Ủy ban nhân dân xã nằm trung tâm")
    clean = "Trụ sở Ủy ban nhân dân xã nằm trung tâm xã."
    assert restore(clean, model=model).text == clean


def test_a_word_glued_to_a_bracket_gets_its_space_back(model):
    damaged = "Chỉ s(DTI) của tỉnh tăng 5 bậc, đứng thứ 20 trên cả nước về chỉ số DTI."
    result = restore(damaged, model=model)
    assert result.text == "Chỉ số (DTI) của tỉnh tăng 5 bậc, đứng thứ 20 trên cả nước về chỉ số DTI."
    assert [(r.before, r.after) for r in result.repairs] == [("s(", "số (")]
