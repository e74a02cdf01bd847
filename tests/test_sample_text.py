"""The sample text dump (434/KH-UBND, Đắk Nông, 2022): exact values a user would check."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from decimal import Decimal

from extract.pipeline import DocumentResult


def _rows(result: DocumentResult) -> dict[str, dict]:
    return {r["row_id"]: r for r in result.tables["appendix_rows"]}


def test_document_metadata(sample_result: DocumentResult, sample_bytes: bytes) -> None:
    doc = sample_result.tables["documents"][0]
    sha = hashlib.sha256(sample_bytes).hexdigest()
    assert doc["doc_id"] == sha[:16]
    assert doc["source_sha256"] == sha
    assert doc["source_form"] == "text"
    assert doc["encoding"] == "utf-8"
    assert doc["number"] == "434/KH-UBND"
    assert doc["doc_type"] == "Kế hoạch"
    assert doc["issuer"] == "Tỉnh Đắk Nông"
    assert doc["issuing_body"] == "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"
    assert doc["signer"] == "Lê Văn Chiến"
    assert doc["signer_title"] == "PHÓ CHỦ TỊCH"
    assert doc["signing_authority"] == "KT. CHỦ TỊCH"
    assert doc["issued_date"] == date(2022, 7, 27)
    assert doc["place"] == "Đắk Nông"
    assert doc["title"] == ("CẢI THIỆN, NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) TỈNH ĐẮK NÔNG NĂM 2022")


def test_placeholders_become_null_with_raw_kept(sample_result: DocumentResult) -> None:
    doc = sample_result.tables["documents"][0]
    assert (doc["status"], doc["status_raw"]) == (None, "Đã biết")
    assert (doc["effective_date"], doc["effective_date_raw"]) == (None, "Đã biết")
    assert (doc["gazette_date"], doc["gazette_date_raw"]) == (None, "Đang cập nhật")
    assert (doc["gazette_number"], doc["gazette_number_raw"]) == (None, "Đang cập nhật")


def test_body_text_runs_from_header_to_signature(sample_result: DocumentResult) -> None:
    body = sample_result.tables["documents"][0]["body_text"]
    lines = body.split("\n")
    assert lines[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK NÔNG"]
    assert lines[-3:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Chiến"]
    assert "- Lĩnh vực 1: Công tác chỉ đạo, điều hành CCHC đạt 7,46/8,5 điểm, đạt chsố 87,76%." in lines


def test_recipients_in_order(sample_result: DocumentResult) -> None:
    recipients = sample_result.tables["documents"][0]["recipients"]
    assert len(recipients) == 10
    assert recipients[0] == "Thường trực Tỉnh ủy"
    assert recipients[-1] == "Lưu: VT, TH (Dg)"
    # "t" + line break + "nh" is damage; without repair the two pieces are kept, joined by a space
    assert recipients[2] == "Ủy ban MTTQVN t nh"


def test_row_counts_and_hierarchy(sample_result: DocumentResult) -> None:
    rows = sample_result.tables["appendix_rows"]
    assert len(rows) == 119
    assert Counter(r["level"] for r in rows) == {1: 8, 2: 43, 3: 68}
    assert [r["row_id"] for r in rows if r["level"] == 1] == [str(n) for n in range(1, 9)]
    assert sum(r["max_score"] for r in rows if r["level"] == 1) == Decimal(100)
    assert [r["position"] for r in rows] == list(range(1, 120))
    by_id = _rows(sample_result)
    assert by_id["1.3.1"]["parent_id"] == "1.3"
    assert by_id["1.3"]["parent_id"] == "1"
    assert by_id["1"]["parent_id"] is None
    assert rows[-1]["row_id"] == "8.6"
    assert all(r["appendix_label"] == "PHỤ LỤC" for r in rows)
    assert rows[0]["appendix_title"] == ("NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC TỈNH ĐẮK NÔNG NĂM 2022")


def test_scores_are_exact_decimals_with_years(sample_result: DocumentResult) -> None:
    by_id = _rows(sample_result)
    field = by_id["1"]
    assert (field["max_score"], field["achieved_score"], field["target_score"]) == (
        Decimal("8.5"),
        Decimal("7.46"),
        Decimal("8"),
    )
    assert (field["achieved_year"], field["target_year"]) == (2021, 2022)
    assert by_id["1.2"]["achieved_score"] == Decimal("0")
    assert by_id["6.1"]["achieved_score"] == Decimal("2.71")
    assert {r["achieved_score"] for r in by_id.values() if r["row_id"].startswith("6.1.")} >= {Decimal("0.8791")}


def test_tasks_and_lead_units(sample_result: DocumentResult) -> None:
    by_id = _rows(sample_result)
    assert by_id["1.1"]["tasks"] == ["Theo dõi, đôn đốc hoàn thành 100% hoạt động tại Kế hoạch CCHC năm 2022 của tỉnh."]
    assert by_id["1.1"]["lead_units"] == ["Sở Nội vụ"]
    assert by_id["1"]["tasks"] == [] and by_id["1"]["lead_units"] == []
    tasks = by_id["2.1.1"]["tasks"]
    assert len(tasks) == 4
    assert tasks[0].startswith("Thực hiện đầy đủ 03 hoạt động theo dõi")
    assert tasks[1:] == [
        "Thực hiện thu thập thông tin về tình hình thi hành pháp luật.",
        "Thực hiện công tác kiểm tra tình hình thi hành pháp luật.",
        "Thực hiện hoạt động điều tra, khảo sát tình hình thi hành pháp luật.",
    ]
    assert by_id["2.1.1"]["lead_units"] == ["Sở Tư pháp"]
    assert by_id["8.2"]["lead_units"] == ["Sở Kế hoạch và Đầu tư"]
    assert len(by_id["8.2"]["tasks"]) == 3
    assert by_id["1.6"]["lead_units"] == [
        "Các cơ quan, đơn vị được UBND tỉnh giao chủ trì tham mưu thực hiện các nhiệm vụ được "
        "Chính phủ, Thủ tướng Chính phủ giao"
    ]


def test_total_row_goes_to_document_totals(sample_result: DocumentResult) -> None:
    doc = sample_result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"], doc["total_target_score"]) == (
        Decimal("100"),
        Decimal("86.26"),
        Decimal("89.93"),
    )
    assert (doc["achieved_year"], doc["target_year"]) == (2021, 2022)
    assert not any("TNG" in (r["name"] or "") for r in sample_result.tables["appendix_rows"])


def test_findings_exactly(sample_result: DocumentResult) -> None:
    found = {
        (f["code"], f["row_id"], f["column"], f["expected"], f["actual"]) for f in sample_result.tables["findings"]
    }
    assert found == {
        ("sum_mismatch", "7", "achieved_score", "12,96", "13,25"),
        ("sum_mismatch", "7.2", "achieved_score", "1,5", "1,21"),
        ("total_mismatch", None, "achieved_score", "86,24", "86,26"),
        ("foreign_document_number", None, None, "434/KH-UBND", "435/KH-UBND"),
    }
    messages = {f["code"]: f["message"] for f in sample_result.tables["findings"]}
    assert messages["total_mismatch"] == (
        "The total row gives 86,26 for the achieved score but the 8 top-level rows add up to 86,24."
    )
    assert messages["foreign_document_number"] == (
        "The appendix says it belongs to 435/KH-UBND but the document is 434/KH-UBND."
    )


def test_no_site_clutter_anywhere(sample_result: DocumentResult) -> None:
    for name, rows in sample_result.tables.items():
        for row in rows:
            for value in row.values():
                texts = value if isinstance(value, list) else [value]
                for text in texts:
                    if isinstance(text, str):
                        assert "Bạn Chưa Đăng Nhập" not in text, name
                        assert "LawNet" not in text, name
                        assert "{{" not in text, name


def test_body_figure_that_disagrees_is_reported(sample_bytes: bytes) -> None:
    from extract.pipeline import process_bytes

    text = sample_bytes.decode("utf-8").replace("CCHC đạt 7,46/8,5 điểm", "CCHC đạt 7,40/8,5 điểm")
    result = process_bytes(text.encode("utf-8"), "changed.txt", repair=False)
    body = [f for f in result.tables["findings"] if f["code"] == "body_figure_mismatch"]
    assert [(f["row_id"], f["expected"], f["actual"]) for f in body] == [("1", "7,46", "7,40")]
    assert body[0]["message"] == "The body says field 1 reached 7,40/8,5 but the appendix gives 7,46/8,5."


def test_total_quoted_in_body_is_checked(sample_bytes: bytes) -> None:
    from extract.pipeline import process_bytes

    text = sample_bytes.decode("utf-8").replace("đạt 86,26/100 điểm", "đạt 86,62/100 điểm")
    result = process_bytes(text.encode("utf-8"), "changed.txt", repair=False)
    body = [f for f in result.tables["findings"] if f["code"] == "body_figure_mismatch"]
    assert [(f["row_id"], f["expected"], f["actual"]) for f in body] == [(None, "86,26", "86,62")]
