"""The sample through the whole pipeline with the dropped-letter repair switched on.

The repaired tables must equal those of the hand-repaired copy of the page
(tests/fixtures/sample_434_repaired.txt), and every repair must be in the repairs table.
"""

from __future__ import annotations

from collections import Counter

import pytest

from extract.pipeline import DocumentResult, process_bytes
from normalize.repair import DEFAULT_THRESHOLD
from tests.conftest import REPAIRED

IDENTITY = {"doc_id", "source_path", "source_sha256", "repairs_applied", "repairs_reported"}


@pytest.fixture(scope="module")
def repaired(sample_bytes: bytes) -> DocumentResult:
    return process_bytes(sample_bytes, "sample.txt", repair=True)


@pytest.fixture(scope="module")
def by_hand() -> DocumentResult:
    return process_bytes(REPAIRED.read_bytes(), "by-hand.txt", repair=False)


def test_tables_equal_the_hand_repaired_page(repaired: DocumentResult, by_hand: DocumentResult) -> None:
    mine = {k: v for k, v in repaired.tables["documents"][0].items() if k not in IDENTITY}
    theirs = {k: v for k, v in by_hand.tables["documents"][0].items() if k not in IDENTITY}
    assert mine == theirs
    strip = lambda rows: [{k: v for k, v in r.items() if k != "doc_id"} for r in rows]  # noqa: E731
    assert strip(repaired.tables["appendix_rows"]) == strip(by_hand.tables["appendix_rows"])
    assert strip(repaired.tables["findings"]) == strip(by_hand.tables["findings"])


def test_every_repair_is_recorded_with_its_place(repaired: DocumentResult) -> None:
    repairs = repaired.tables["repairs"]
    assert all(r["applied"] and r["confidence"] >= DEFAULT_THRESHOLD for r in repairs)
    assert repaired.tables["documents"][0]["repairs_applied"] == len(repairs) == 42
    assert repaired.tables["documents"][0]["repairs_reported"] == 0
    assert Counter((r["before"], r["after"]) for r in repairs) == Counter(
        {
            ("tnh", "tỉnh"): 4, ("hp", "hợp"): 3, ("chsố", "chỉ số"): 2, ("nhm", "nhằm"): 2,
            # the recipients are part of the body text too: their two broken words count twice
            ("phn", "phần"): 2, ("t\nnh", "tỉnh"): 4, ("bQuy", "bố Quy"): 1, ("bo", "bảo"): 1,
            ("him", "hiểm"): 1, ("shồ", "số hồ"): 1, ("B", "Bố"): 1, ("Đán", "Đề án"): 1,
            ("đt", "đạt"): 1, ("btrí", "bố trí"): 1, ("b", "bố"): 1, ("tchức", "tổ chức"): 1,
            ("kim", "kiểm"): 1, ("S", "Số"): 1, ("phi", "phối"): 1, ("ng", "Ứng"): 1, ("nn", "nền"): 1,
            ("liu", "liệu"): 1, ("đy", "đầy"): 1, ("trc", "trực"): 1, ("dn", "dẫn"): 1, ("đim", "điểm"): 1,
            ("đra", "đề ra"): 1, ("ni", "nối"): 1, ("thng", "thống"): 1, ("đxem", "để xem"): 1,
            ("Đk", "Đắk"): 1,
        }
    )
    where = {(r["location_table"], r["location_column"], r["location_row_id"], r["before"]) for r in repairs}
    assert ("appendix_rows", "name", "3.2.3", "bQuy") in where
    assert ("appendix_rows", "tasks", "5.5.2", "tchức") in where
    assert ("documents", "recipients", None, "t\nnh") in where
    assert ("documents", "annex_text", None, "Đk") in where  # the appendix heading's "Đk Nông"
    body = repaired.tables["documents"][0]["body_text"]
    first = next(r for r in repairs if r["location_column"] == "body_text" and r["before"] == "chsố")
    assert "đạt chỉ số 87,76%" in body and first["offset"] > 0
    # the author's own typo is not extraction damage
    names = {r["row_id"]: r["name"] for r in repaired.tables["appendix_rows"]}
    assert names["5.2.1"] == "Thực hiện quy định về tuyển dụng công chức tại CQCM cấp tình, ĐVHC cấp huyện, cấp xã"


def test_a_lost_one_letter_word_is_put_back_and_recorded(sample_bytes: bytes) -> None:
    # "ở" lost with both its spaces kept, in a task cell of the appendix: "tự chủ  mức"
    intact = "được giao tự chủ ở mức tự đảm bảo chi thường xuyên".encode()
    assert sample_bytes.count(intact) == 1
    damaged = sample_bytes.replace(intact, "được giao tự chủ  mức tự đảm bảo chi thường xuyên".encode())
    result = process_bytes(damaged, "sample.txt", repair=True)
    lost = [r for r in result.tables["repairs"] if r["fix"] == "restore_lost_word"]
    assert [(r["before"], r["after"], r["applied"], r["location_table"], r["location_column"]) for r in lost] == [
        ("", "ở", True, "appendix_rows", "tasks")
    ]
    row = next(r for r in result.tables["appendix_rows"] if r["row_id"] == lost[0]["location_row_id"])
    assert any("được giao tự chủ ở mức tự đảm bảo chi thường xuyên" in task for task in row["tasks"])
    assert result.tables["documents"][0]["repairs_applied"] == 43
