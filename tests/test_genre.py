"""Rules hold for the genre, not for one page: other numbering, other columns, no appendix."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import run_text, text_cells

HEADER = """Quyết định 1203/QĐ-UBND 2024 kế hoạch chuyển đổi số tỉnh Lào Cai

Số hiệu: 1203/QĐ-UBND Loại văn bản: Quyết định
Nơi ban hành: Tỉnh Lào Cai Người ký: Nguyễn Văn A
Ngày ban hành: 05/03/2024 Ngày hiệu lực: 05/03/2024
Ngày công báo: Đang cập nhật Số công báo: Đang cập nhật
Tình trạng: Còn hiệu lực

ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 1203/QĐ-UBND

Lào Cai, ngày 05 tháng 3 năm 2024

QUYẾT ĐỊNH

BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI

Căn cứ Luật Tổ chức chính quyền địa phương;

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2024.

Điều 2. Quyết định có hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH




Nguyễn Văn A

"""

APPENDIX = (
    "PHỤ LỤC II\n\nDANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2024\n"
    "(Kèm theo Quyết định số 1203/QĐ-UBND ngày 05/3/2024 của UBND tỉnh Lào Cai)\n\n"
    + text_cells(
        "TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Năm 2024", "Năm 2025",
        "I", "CHÍNH QUYỀN SỐ", "", "", "", "", "",
        "1", "Nâng cấp hệ thống một cửa điện tử", "Sở Thông tin và Truyền thông",
        "Sở Nội vụ; Văn phòng UBND tỉnh", "Quý IV/2024", "1.200", "800",
        "a)", "Kết nối cơ sở dữ liệu dân cư", "Công an tỉnh", "Sở Tư pháp", "2024", "26.120", "",
        "-", "Rà soát dữ liệu", "Công an tỉnh", "", "2024", "", "",
        "b)", "Số hóa hồ sơ", "Sở Nội vụ", "Các sở, ngành", "2024-2025", "3,5", "4",
        "II", "KINH TẾ SỐ", "", "", "", "", "",
        "1", "Phát triển thương mại điện tử", "Sở Công Thương", "", "Hằng năm", "", "",
        "3", "Hỗ trợ doanh nghiệp chuyển đổi số", "Sở Kế hoạch và Đầu tư", "", "Hằng năm", "", "",
    )
)


def test_other_numbering_and_columns() -> None:
    result = run_text(HEADER + APPENDIX, "lao-cai.txt")
    doc = result.tables["documents"][0]
    assert (doc["number"], doc["doc_type"], doc["issuer"]) == ("1203/QĐ-UBND", "Quyết định", "Tỉnh Lào Cai")
    assert (doc["signer"], doc["signer_title"], doc["signing_authority"]) == ("Nguyễn Văn A", "CHỦ TỊCH", None)
    assert doc["issued_date"] == date(2024, 3, 5)
    assert doc["status"] == "Còn hiệu lực"
    assert doc["title"] == "BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024"
    assert doc["recipients"] == ["Như Điều 2", "Lưu: VT"]
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["parent_id"], r["level"], r["numbering"]) for r in rows] == [
        ("I", None, 1, "roman"),
        ("I.1", "I", 2, "decimal"),
        ("I.1.a", "I.1", 3, "lower_letter"),
        ("I.1.a.-1", "I.1.a", 4, "dash"),
        ("I.1.b", "I.1", 3, "lower_letter"),
        ("II", None, 1, "roman"),
        ("II.1", "II", 2, "decimal"),
        ("II.3", "II", 2, "decimal"),
    ]
    first = rows[1]
    assert first["name"] == "Nâng cấp hệ thống một cửa điện tử"
    assert first["lead_units"] == ["Sở Thông tin và Truyền thông"]
    assert first["coordinating_units"] == ["Sở Nội vụ", "Văn phòng UBND tỉnh"]
    assert first["deadline"] == "Quý IV/2024"
    assert rows[4]["coordinating_units"] == ["Các sở, ngành"]
    assert all(r["appendix_label"] == "PHỤ LỤC II" for r in rows)
    # year columns have no role: every one of their cells is kept in appendix_cells
    cells = {
        (c["row_id"], c["column_header"]): (c["value"], c["value_number"]) for c in result.tables["appendix_cells"]
    }
    assert cells[("I.1", "Năm 2024")] == ("1.200", Decimal("1200"))
    assert cells[("I.1.a", "Năm 2024")] == ("26.120", Decimal("26120"))
    assert cells[("I.1.b", "Năm 2024")] == ("3,5", Decimal("3.5"))
    assert cells[("I.1.a", "Năm 2025")] == (None, None)
    assert len(result.tables["appendix_cells"]) == 2 * len(rows)
    findings = {(f["code"], f["row_id"]) for f in result.tables["findings"]}
    assert findings == {("missing_row_id", "II.3")}


def test_page_without_appendix_gives_document_and_finding() -> None:
    result = run_text(HEADER, "no-appendix.txt")
    assert not result.failed
    assert result.tables["documents"][0]["appendix_count"] == 0
    assert result.tables["appendix_rows"] == []
    assert [(f["code"], f["severity"]) for f in result.tables["findings"]] == [("no_appendix", "info")]


def test_a_placeholder_that_lost_a_letter_is_still_no_value_once_repaired() -> None:
    damaged = HEADER.replace("Số công báo: Đang cập nhật", "Số công báo: Đang cp nhật")
    result = run_text(damaged, "no-appendix.txt", repair=True)
    doc = result.tables["documents"][0]
    assert (doc["gazette_number"], doc["gazette_number_raw"]) == (None, "Đang cập nhật")
    assert (doc["gazette_date"], doc["status"]) == (None, "Còn hiệu lực")
    # the repair is recorded once, in the field that holds it
    placed = [(r["location_column"], r["before"], r["after"]) for r in result.tables["repairs"] if r["before"] == "cp"]
    assert placed == [("gazette_number_raw", "cp", "cập")]


def test_not_a_legal_page_is_a_failure_row() -> None:
    result = run_text("Công thức nấu phở bò\n\nNguyên liệu: xương bò, bánh phở, hành.\n", "pho.txt")
    assert result.failed
    failure = result.tables["failures"][0]
    assert (failure["source_path"], failure["reason"]) == ("pho.txt", "not_a_document")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in failure["message"]
    assert "documents" not in result.tables


def test_attribute_number_is_cross_checked_with_the_header() -> None:
    text = HEADER.replace("Số: 1203/QĐ-UBND", "Số: 1230/QĐ-UBND")
    result = run_text(text, "mismatch.txt")
    assert result.tables["documents"][0]["number"] == "1203/QĐ-UBND"
    found = [f for f in result.tables["findings"] if f["code"] == "number_mismatch"]
    assert [(f["expected"], f["actual"]) for f in found] == [("1203/QĐ-UBND", "1230/QĐ-UBND")]
    assert found[0]["message"] == (
        "The attribute block gives number 1203/QĐ-UBND but the header says Số: 1230/QĐ-UBND."
    )


def test_the_header_s_number_wins_when_the_appendix_names_it_too() -> None:
    # the site lists 1203, the page prints 1230 in its header and in its appendix's reference
    text = HEADER.replace("Số: 1203/QĐ-UBND", "Số: 1230/QĐ-UBND") + APPENDIX.replace(
        "Quyết định số 1203/QĐ-UBND", "Quyết định số 1230/QĐ-UBND"
    )
    result = run_text(text, "mismatch.txt")
    assert result.tables["documents"][0]["number"] == "1230/QĐ-UBND"
    # the appendix's own gap in its numbering (II: 1, 3) stays; no foreign_document_number
    assert [f["code"] for f in result.tables["findings"]] == ["number_mismatch", "missing_row_id"]
    # with the appendix naming the site's number, the site's stands
    result = run_text(HEADER.replace("Số: 1203/QĐ-UBND", "Số: 1230/QĐ-UBND") + APPENDIX, "mismatch.txt")
    assert result.tables["documents"][0]["number"] == "1203/QĐ-UBND"
    assert [f["code"] for f in result.tables["findings"]] == ["number_mismatch", "missing_row_id"]


def test_appendices_naming_both_numbers_leave_the_site_s() -> None:
    second = APPENDIX.replace("PHỤ LỤC II", "PHỤ LỤC III").replace("Quyết định số 1203", "Quyết định số 1230")
    text = HEADER.replace("Số: 1203/QĐ-UBND", "Số: 1230/QĐ-UBND") + APPENDIX + "\n\n" + second
    result = run_text(text, "mismatch.txt")
    assert result.tables["documents"][0]["number"] == "1203/QĐ-UBND"
    codes = [f["code"] for f in result.tables["findings"]]
    assert codes.count("number_mismatch") == 1 and codes.count("foreign_document_number") == 1


def test_without_attribute_block_the_header_gives_the_metadata() -> None:
    body = HEADER.split("ỦY BAN NHÂN DÂN\n", 1)[1]
    result = run_text("ỦY BAN NHÂN DÂN\n" + body, "bare.txt")
    doc = result.tables["documents"][0]
    assert (doc["number"], doc["doc_type"], doc["issuer"], doc["signer"]) == (
        "1203/QĐ-UBND", "Quyết định", "Tỉnh Lào Cai", "Nguyễn Văn A",
    )
    assert doc["issued_date"] == date(2024, 3, 5)
    assert doc["status"] is None and doc["status_raw"] is None


def test_two_level_header_in_a_text_dump() -> None:
    """"Kết quả đánh giá" over three year columns, printed flat: parent row, then the years."""
    appendix = "PHỤ LỤC\n\nKẾT QUẢ\n\n" + text_cells(
        "STT", "Nội dung", "Kết quả đánh giá", "Cơ quan chủ trì", "Năm 2022", "Năm 2023", "Năm 2024",
        "1", "Cải cách thủ tục hành chính", "8,5", "9", "9,5", "Sở Nội vụ",
        "2", "Hiện đại hóa hành chính", "7", "7,5", "", "Sở Khoa học và Công nghệ",
        "3", "Cải cách tài chính công", "6", "", "8", "Sở Tài chính",
    )
    result = run_text(HEADER + appendix, "two-level.txt")
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Cải cách thủ tục hành chính", ["Sở Nội vụ"]),
        ("2", "Hiện đại hóa hành chính", ["Sở Khoa học và Công nghệ"]),
        ("3", "Cải cách tài chính công", ["Sở Tài chính"]),
    ]
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert cells[("1", "Kết quả đánh giá / Năm 2022")] == "8,5"
    assert cells[("2", "Kết quả đánh giá / Năm 2024")] is None
    assert cells[("3", "Kết quả đánh giá / Năm 2024")] == "8"
    assert not [f for f in result.tables["findings"] if f["code"] == "short_row"]


def _sample_text() -> str:
    from tests.conftest import SAMPLE

    return SAMPLE.read_text(encoding="utf-8")


def test_subtotal_row_does_not_end_the_table() -> None:
    text = _sample_text()
    anchor = "\n2\n\nXÂY DỰNG VÀ TỔ CHỨC"
    assert text.count(anchor) == 1
    subtotal = "\n" + text_cells("", "Cộng", "8,5", "7,46", "8", "", "") + "\n"
    result = run_text(text.replace(anchor, subtotal + anchor), "subtotal.txt")
    assert len(result.tables["appendix_rows"]) == 119
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal("100"), Decimal("86.26"))
    subtotals = [f for f in result.tables["findings"] if f["code"] == "subtotal_row"]
    assert [f["message"] for f in subtotals] == [
        "A total row was followed by more rows; it was read as a subtotal "
        "(max_score 8,5, achieved_score 7,46, target_score 8)."
    ]


def test_zero_padded_row_numbers() -> None:
    import re

    text = re.sub(r"(?m)^([1-9])$", r"0\1", _sample_text())
    result = run_text(text, "padded.txt")
    rows = result.tables["appendix_rows"]
    assert len(rows) == 119
    assert [r["row_id"] for r in rows if r["level"] == 1] == [str(n) for n in range(1, 9)]
    assert [r["row_label"] for r in rows if r["level"] == 1] == [f"0{n}" for n in range(1, 9)]


def test_numbering_restarting_under_a_decimal_row() -> None:
    appendix = "PHỤ LỤC\n\n" + text_cells(
        "STT", "Nội dung", "Đơn vị chủ trì",
        "1", "Quan trắc nước", "Sở Nông nghiệp",
        "1.1", "Mẫu nước cấp", "Sở Nông nghiệp",
        "1", "Nhiệt độ nước", "Trung tâm Quan trắc",
        "2", "Độ mặn", "Trung tâm Quan trắc",
        "1.2", "Mẫu nước ao nuôi", "Sở Nông nghiệp",
        "2", "Quan trắc không khí", "Sở Tài nguyên",
    )
    rows = run_text(HEADER + appendix, "restart.txt").tables["appendix_rows"]
    assert [(r["row_id"], r["parent_id"], r["level"]) for r in rows] == [
        ("1", None, 1),
        ("1.1", "1", 2),
        ("1.1.1", "1.1", 3),
        ("1.1.2", "1.1", 3),
        ("1.2", "1", 2),
        ("2", None, 1),
    ]
    assert [r["row_label"] for r in rows] == ["1", "1.1", "1", "2", "1.2", "2"]


def test_issuer_from_headers_of_other_bodies() -> None:
    def issuer(header: str) -> str:
        page = HEADER.split("ỦY BAN NHÂN DÂN\n", 1)[1].split("-------\n", 1)[1]
        return run_text(header + "\n-------\n" + page, "issuer.txt").tables["documents"][0]["issuer"]

    assert issuer("UBND TỈNH ĐẮK NÔNG") == "Tỉnh Đắk Nông"
    assert issuer("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI") == "Thành phố Hà Nội"
    assert issuer("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG\nSỞ TÀI CHÍNH") == "Tỉnh Đắk Nông"
    assert issuer("THỦ TƯỚNG CHÍNH PHỦ") == "Thủ tướng Chính phủ"
    assert issuer("BỘ CÔNG THƯƠNG") == "Bộ Công Thương"


def test_unnumbered_row_is_kept_and_reported() -> None:
    page = HEADER + (
        "\n\nPHỤ LỤC\n\n"
        "| STT | Nội dung | Cơ quan chủ trì |\n"
        "|---|---|---|\n"
        "| 1 | Rà soát thủ tục | Sở Tư pháp |\n"
        "|  | Công bố kết quả rà soát | Văn phòng UBND tỉnh |\n"
        "| 2 | Số hóa hồ sơ | Sở Nội vụ |\n"
    )
    result = run_text(page, "unnumbered.md")
    assert result.tables["documents"][0]["source_form"] == "markdown"
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Rà soát thủ tục", ["Sở Tư pháp"]),
        ("2", "Số hóa hồ sơ", ["Sở Nội vụ"]),
    ]
    kept = [(c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"]]
    assert kept == [
        ("1", "Nội dung (unnumbered row)", "Công bố kết quả rà soát"),
        ("1", "Cơ quan chủ trì (unnumbered row)", "Văn phòng UBND tỉnh"),
    ]
    found = [f for f in result.tables["findings"] if f["code"] == "unnumbered_row"]
    assert [(f["row_id"], f["severity"]) for f in found] == [("1", "info")]


def test_markdown_article_that_is_not_a_document_is_a_failure() -> None:
    article = (
        "# Mức thuế thu nhập cá nhân năm 2025 là bao nhiêu?\n\n"
        "| STT | Thu nhập | Thuế suất |\n|---|---|---|\n| 1 | Đến 5 triệu | 5% |\n| 2 | Trên 5 triệu | 10% |\n"
    )
    result = run_text(article, "article.md")
    assert [(f["reason"], f["message"]) for f in result.tables["failures"]] == [
        (
            "not_a_document",
            "no document header found (no national motto 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' and no 'Số: ...' line)",
        )
    ]


def test_markdown_body_starts_at_the_document_header() -> None:
    page = "# Bài viết: Kế hoạch chuyển đổi số của Lào Cai\n\nBài viết trích dẫn văn bản sau.\n\n" + HEADER
    doc = run_text(page.replace("Quyết định 1203", "| a | b |\n|---|---|\n\nQuyết định 1203"), "q.md").tables[
        "documents"
    ][0]
    assert doc["source_form"] == "markdown"
    # Markdown joins hard-wrapped lines: the two header lines are one paragraph
    assert doc["body_text"].split("\n")[:2] == ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "-------"]
    assert doc["number"] == "1203/QĐ-UBND"


def test_wrapped_signature_title_is_not_taken_for_the_signer() -> None:
    """Without an attribute block the signer is the title-case name, not a wrapped title line."""
    body = HEADER.split("ỦY BAN NHÂN DÂN\n", 1)[1]
    wrapped = "TM. ỦY BAN\nNHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn B"
    body = body.replace("CHỦ TỊCH\n\n\n\n\nNguyễn Văn A", wrapped)
    doc = run_text("ỦY BAN NHÂN DÂN\n" + body, "signature.txt").tables["documents"][0]
    assert (doc["signer"], doc["signer_title"]) == ("Nguyễn Văn B", "PHÓ CHỦ TỊCH")
    assert doc["signing_authority"] == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"


PARTY_PLAN = """TỈNH ỦY ĐẮK NÔNG
*
ĐẢNG CỘNG SẢN VIỆT NAM
Số: 125-KH/TU
Đắk Nông, ngày 12 tháng 5 năm 2023
KẾ HOẠCH
THỰC HIỆN NGHỊ QUYẾT SỐ 05-NQ/TU VỀ CẢI CÁCH HÀNH CHÍNH
Thực hiện Nghị quyết của Ban Chấp hành Đảng Cộng sản Việt Nam, Ban Thường vụ Tỉnh ủy ban hành kế hoạch:
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác cải cách hành chính trong các cơ quan của Đảng.
Nơi nhận:
- Các huyện ủy;
- Lưu VT.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An
"""


def test_a_party_plan_has_its_header_and_signature_read() -> None:
    # the Party's motto stands where the State's does, a "*" rule under the issuing body, and
    # "T/M" for "on behalf of"; the Party named inside a sentence is not a motto
    doc = run_text(PARTY_PLAN, "party.txt").tables["documents"][0]
    assert (doc["issuing_body"], doc["number"], doc["doc_type"], doc["issued_date"]) == (
        "TỈNH ỦY ĐẮK NÔNG", "125-KH/TU", "Kế hoạch", date(2023, 5, 12),
    )
    assert doc["title"] == "THỰC HIỆN NGHỊ QUYẾT SỐ 05-NQ/TU VỀ CẢI CÁCH HÀNH CHÍNH"
    assert (doc["signing_authority"], doc["signer_title"], doc["signer"]) == (
        "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn An",
    )
    assert doc["recipients"] == ["Các huyện ủy", "Lưu VT"]


def test_the_party_named_in_a_sentence_is_not_a_motto() -> None:
    from extract.settings import is_motto

    assert is_motto("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert is_motto("TỈNH ỦY ĐẮK NÔNG | **ĐẢNG CỘNG SẢN VIỆT NAM**")
    assert not is_motto("Thực hiện Nghị quyết của Đảng Cộng sản Việt Nam về cải cách")


def test_the_republic_named_in_a_sentence_is_not_a_motto() -> None:
    from extract.settings import is_motto

    assert is_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert is_motto("| ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |")
    assert is_motto("**Cộng hòa Xã hội Chủ nghĩa Việt Nam**")  # alone on its line, whatever the case
    assert not is_motto("Quốc huy Nước Cộng hòa xã hội chủ nghĩa Việt Nam đối với “Giấy khen” của Thủ trưởng")
    assert not is_motto("Công dân nước Cộng hòa xã hội chủ nghĩa Việt Nam có quyền")
    # an encyclopedia's infobox names the state and the party in cells of their own
    assert not is_motto("| Phục vụ | Cộng hòa Xã hội chủ nghĩa Việt Nam |")
    assert not is_motto("| Đảng chính trị | Đảng Cộng sản Việt Nam |")
    assert is_motto("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |")
    # re-cased by a portal, but over its subtitle or its rule: a header
    assert is_motto("| ỦY BAN NHÂN DÂN TỈNH X | Cộng hòa xã hội chủ nghĩa Việt Nam<br>Độc lập - Tự do - Hạnh phúc |")
    assert is_motto("Cộng hòa xã hội chủ nghĩa Việt Nam<br>---------------")
    assert is_motto("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc")
    assert is_motto("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc**")
    # one cell: the motto, its subtitle with en dashes, a rule, then the place and date
    assert is_motto(
        "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc"
        "_________________ Hà Nội, ngày 30 tháng 6 năm 2025 |"
    )
    # quoted or listed in an article about ID cards and certificates: not a header
    assert not is_motto("b) Dòng chữ “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc”;")
    assert not is_motto("+ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc;")
    assert not is_motto("a) Quốc hiệu: “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”: Được trình bày bằng chữ in hoa")


def test_an_article_that_names_the_republic_is_not_a_document() -> None:
    article = (
        "# Mẫu giấy khen mới nhất 2025?\n\n"
        "Chính giữa phía trên là:\n\n"
        "Quốc huy Nước Cộng hòa xã hội chủ nghĩa Việt Nam đối với “Giấy khen” của Thủ trưởng cơ quan.\n\n"
        "Biểu tượng của các cơ quan, tổ chức đối với “Giấy khen”.\n"
    )
    result = run_text(article, "article.md")
    (failure,) = result.tables["failures"]
    assert failure["reason"] == "not_a_document"


def test_a_motto_line_with_a_no_break_space_or_a_carriage_return_still_heads_the_page() -> None:
    for motto in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\u00a0", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r"):
        page = (
            f"ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\n-------\n{motto}\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/KH-UBND\nĐắk Nông, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH\n\nI. MỤC TIÊU\n"
        )
        doc = run_text(page).tables["documents"][0]
        assert (doc["issuing_body"], doc["issuer"], doc["number"]) == (
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
            "Tỉnh Đắk Nông",
            "12/KH-UBND",
        )


def test_a_type_heading_alone_does_not_make_a_document() -> None:
    news = "Tin tức\n\nTHÔNG BÁO\n\nLịch cắt điện tuần tới tại các phường trung tâm.\n\nXem thêm tin khác.\n"
    (failure,) = run_text(news).tables["failures"]
    assert failure["reason"] == "not_a_document"


def test_site_navigation_in_capitals_above_the_header_is_not_the_document() -> None:
    page = (
        "LUẬT\n\nỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-UBND\nĐắk Nông, ngày 3 tháng 3 năm 2025\n\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\n"
        "Điều 1. Ban hành quy chế.\n"
    )
    doc = run_text(page).tables["documents"][0]
    assert (doc["issuing_body"], doc["doc_type"], doc["number"]) == (
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
        "Quyết định",
        "12/QĐ-UBND",
    )
    assert doc["body_text"].startswith("ỦY BAN NHÂN DÂN")


def test_a_text_dump_with_bold_lines_but_no_blank_lines_is_read_as_text() -> None:
    page = (
        "Trang chủ\n**Văn bản mới**\nỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nĐắk Nông, ngày 3 tháng 3 năm 2025\n**KẾ HOẠCH**\n"
        "CẢI CÁCH HÀNH CHÍNH\nI. MỤC TIÊU\n"
    )
    doc = run_text(page).tables["documents"][0]
    assert (doc["source_form"], doc["issuing_body"], doc["number"]) == (
        "text",
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
        "12/KH-UBND",
    )


def test_a_table_in_the_body_ends_where_the_next_article_begins() -> None:
    # a text dump prints a table's cells one per line: the article after it is no cell
    page = (
        "BỘ CÔNG THƯƠNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/2025/TT-BCT\n\nHà Nội, ngày 3 tháng 1 năm 2025\n\nTHÔNG TƯ\n\nQUY ĐỊNH KHUNG GIÁ PHÁT ĐIỆN\n\n"
        "Điều 14. Điều khoản chuyển tiếp\n\nMức giá tối đa như sau:\n\n"
        + text_cells("STT", "Loại hình", "Mức giá tối đa (đồng/kWh)")
        + "\n\n"
        + text_cells("1", "Nhà máy điện mặt trời mặt đất", "1.184,90", "2", "Nhà máy điện gió gần bờ", "1.815,95")
        + "\n\nĐiều 15. Hiệu lực thi hành\n\nThông tư này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2025.\n\n"
        "Nơi nhận:\n- Như Điều 15;\n- Lưu: VT.\n"
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [
        ("1", "Nhà máy điện mặt trời mặt đất"),
        ("2", "Nhà máy điện gió gần bờ"),
    ]
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert cells[("2", "Mức giá tối đa (đồng/kWh)")] == "1.815,95"
    doc = result.tables["documents"][0]
    # the text after the first numbered table is the document's annex_text (not a cell)
    assert "Điều 15. Hiệu lực thi hành" in doc["annex_text"]
    assert not any("Điều 15" in (v or "") for v in cells.values())


def test_a_cell_may_cite_a_form_and_a_section_heading_after_the_table_is_no_cell() -> None:
    page = (
        "BỘ TƯ PHÁP\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/KH-BTP\n\nHà Nội, ngày 3 tháng 1 năm 2025\n\nKẾ HOẠCH\n\nCẢI CÁCH THỦ TỤC HỘ TỊCH\n\n"
        + text_cells("STT", "Thủ tục", "Cơ quan chủ trì", "Mẫu đơn, tờ khai")
        + "\n\n"
        + text_cells(
            "1", "Đăng ký khai sinh", "UBND cấp xã", "Tờ khai đăng ký khai sinh",
            "Mẫu số 02 ban hành kèm theo Thông tư 01/2025/TT-BTP",  # the same cell, a second paragraph
            "2", "Đăng ký kết hôn", "UBND cấp xã", "Tờ khai đăng ký kết hôn",
        )
        + "\n\nIV. Tổ chức thực hiện\n\nCác sở, ngành triển khai thực hiện.\n\nNơi nhận:\n- Như trên;\n"
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Đăng ký khai sinh", ["UBND cấp xã"]),
        ("2", "Đăng ký kết hôn", ["UBND cấp xã"]),
    ]
    cells = result.tables["appendix_cells"]
    forms = {c["row_id"]: c["value"] for c in cells if c["column_header"] == "Mẫu đơn, tờ khai"}
    assert forms == {
        "1": "Tờ khai đăng ký khai sinh\nMẫu số 02 ban hành kèm theo Thông tư 01/2025/TT-BTP",
        "2": "Tờ khai đăng ký kết hôn",
    }
    assert result.tables["documents"][0]["annex_text"].startswith("IV. Tổ chức thực hiện")


def test_a_group_row_with_an_empty_code_cell_in_a_text_dump() -> None:
    # "I | (empty) | TITLE | (empty)" over TT | Mã số | Tên thủ tục | Cách thức: the group's
    # empty code cell is an NBSP line; an "x" mark in a column opens no row
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 3782/QĐ-UBND\n\nNghệ An, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nCÔNG BỐ THỦ TỤC HÀNH CHÍNH\n\n"
        + text_cells("TT", "Mã số TTHC", "Tên thủ tục hành chính", "Trực tuyến")
        + "\n\n"
        + text_cells(
            "I", "", "THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "",
            "1", "1.014464", "Cấp giấy chứng nhận lưu hành tự do", "x",
            "2", "1.014465", "Cấp lại giấy chứng nhận lưu hành tự do", "",
        )
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in rows] == [
        ("I", None, "THỦ TỤC HÀNH CHÍNH CẤP TỈNH"),
        ("I.1", "I", "Cấp giấy chứng nhận lưu hành tự do"),
        ("I.2", "I", "Cấp lại giấy chứng nhận lưu hành tự do"),
    ]


def test_a_two_column_list_of_procedures_in_a_text_dump() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 2843/QĐ-UBND\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\n"
        "QUYẾT ĐỊNH\n\nPHÊ DUYỆT PHƯƠNG ÁN ĐƠN GIẢN HÓA\n\n"
        "PHỤ LỤC\n\nPHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH\n\n"
        + text_cells("STT", "Tên thủ tục", "1", "Cấp giấy phép hoạt động dịch vụ việc làm", "2", "Gia hạn giấy phép")
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [
        ("1", "Cấp giấy phép hoạt động dịch vụ việc làm"),
        ("2", "Gia hạn giấy phép"),
    ]
    # "TT" and one other line before a numbered line is no table unless that line names the rows
    prose = page.split("PHỤ LỤC")[0] + text_cells("TT", "Ghi chú chung", "1", "Nội dung thứ nhất")
    assert run_text(prose).tables["appendix_rows"] == []


def test_a_numbered_list_of_wards_and_a_part_heading_after_it() -> None:
    page = (
        "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 35/2025/NQ-HĐND\n\nHuế, ngày 18 tháng 11 năm 2025\n\n"
        "NGHỊ QUYẾT\n\nPHÂN LOẠI ĐỊA BÀN\n\n"
        + text_cells("STT", "Địa bàn/tên xã, phường", "I", "Đô thị", "1", "Phường Phong Điền", "2", "Phường An Cựu")
        + "\n\nPhần II. TỔ CHỨC THỰC HIỆN\n\nCác sở, ngành triển khai thực hiện.\n"
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [
        ("I", "Đô thị"),
        ("I.1", "Phường Phong Điền"),
        ("I.2", "Phường An Cựu"),
    ]
    assert result.tables["documents"][0]["annex_text"].startswith("Phần II. TỔ CHỨC THỰC HIỆN")


_PROCEDURE_HEAD = (
    "BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 3621/QĐ-BYT\n\nHà Nội, ngày 24 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nCÔNG BỐ QUY TRÌNH NỘI BỘ\n\n"
    "Điều 1. Công bố kèm theo Quyết định này quy trình nội bộ.\n\nNơi nhận:\n- Như Điều 1;\n\n"
    "PHỤ LỤC\n\nQUY TRÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n\n"
)


def test_the_next_heading_of_the_one_above_a_table_is_text_after_the_table() -> None:
    # "A. DANH MỤC" heads the table; "B. NỘI DUNG" after it is the next section, and its
    # numbered paragraphs ("1. Cơ sở pháp lý") are no rows of the table
    page = (
        _PROCEDURE_HEAD
        + "A. DANH MỤC QUY TRÌNH\n\n"
        + text_cells("TT", "Tên quy trình", "Mã số", "1", "Xét tặng giải thưởng Hải Thượng Lãn Ông", "QT.YDCT.11")
        + "\n\nB. NỘI DUNG QUY TRÌNH\n\n1. Cơ sở pháp lý\n\n- Luật Thi đua, khen thưởng.\n\n"
        "2. Thành phần hồ sơ\n\nTờ trình của Hội đồng cơ sở.\n"
    )
    result = run_text(page)
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Xét tặng giải thưởng Hải Thượng Lãn Ông")
    ]
    assert result.tables["documents"][0]["annex_text"].startswith("B. NỘI DUNG QUY TRÌNH\n1. Cơ sở pháp lý")


def test_a_unit_line_between_the_heading_and_the_table_does_not_hide_the_heading() -> None:
    page = (
        _PROCEDURE_HEAD
        + "II. MỨC HỖ TRỢ\n\nĐơn vị tính: đồng\n\n"
        + text_cells(
            "TT", "Nội dung", "Mức chi", "1", "Nghệ sỹ ưu tú", "90.000.000", "2", "Nghệ sỹ nhân dân", "120.000.000"
        )
        + "\n\nIII. NGUỒN KINH PHÍ THỰC HIỆN\n\nNgân sách cấp tỉnh.\n"
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [("1", "Nghệ sỹ ưu tú"), ("2", "Nghệ sỹ nhân dân")]


def test_a_table_numbered_like_the_heading_above_it_keeps_its_rows() -> None:
    # the heading above is "A."; the table's own groups are A and B, so "B" is a row; a cell's
    # own list ("1. Tờ trình", "2. Biên bản") under a heading "1." stays in the cell
    page = (
        _PROCEDURE_HEAD
        + "A. DANH MỤC THỦ TỤC\n\n1. Thủ tục cấp tỉnh và cấp xã\n\n"
        + text_cells(
            "TT", "Tên thủ tục", "Hồ sơ",
            "A", "THỦ TỤC CẤP TỈNH", "",
            "1", "Cấp giấy phép", "1. Tờ trình",
            "2. Biên bản thẩm định",  # the same cell, a second paragraph
            "B", "THỦ TỤC CẤP XÃ", "",
            "1", "Gia hạn giấy phép", "Đơn đề nghị",
        )
    )
    result = run_text(page)
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("A", "THỦ TỤC CẤP TỈNH"),
        ("A.1", "Cấp giấy phép"),
        ("B", "THỦ TỤC CẤP XÃ"),
        ("B.1", "Gia hạn giấy phép"),
    ]
    files = {c["row_id"]: c["value"] for c in result.tables["appendix_cells"] if c["column_header"] == "Hồ sơ"}
    assert files["A.1"] == "1. Tờ trình\n2. Biên bản thẩm định"


def test_a_second_table_after_a_numbered_heading_is_a_table_of_its_own() -> None:
    # "2. Danh mục ..." would be a row number of the first table, but another header follows
    page = (
        _PROCEDURE_HEAD
        + "1. Danh mục thủ tục hành chính mới ban hành\n\n"
        + text_cells("STT", "Tên thủ tục hành chính", "Lĩnh vực", "1.", "Xét tài trợ nhiệm vụ", "Khoa học")
        + "\n\n2. Danh mục thủ tục hành chính bị bãi bỏ\n\n"
        + text_cells("STT", "Số hồ sơ TTHC", "Tên thủ tục hành chính", "1.", "1.000626", "Điều chỉnh nhiệm vụ")
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"], r["name"]) for r in rows] == [
        (1, "1", "Xét tài trợ nhiệm vụ"),
        (2, "1", "Điều chỉnh nhiệm vụ"),
    ]


def test_a_figure_in_the_total_row_is_no_row_number() -> None:
    # the total's last figure "3" follows row 2's number, not row 24's
    rows_24 = [cell for n in range(1, 25) for cell in (str(n), f"Phường {n}", "", "1", "")]
    page = (
        _PROCEDURE_HEAD
        + text_cells("STT", "Địa điểm quan trắc", "Nước cấp", "Ao nuôi", "Bãi ngao", *rows_24)
        + "\n\n"
        + text_cells("", "Tổng cộng", "0", "24", "3")
        + "\n\nPHỤ LỤC II\n\nTHÔNG SỐ QUAN TRẮC\n"
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [r["row_id"] for r in rows] == [str(n) for n in range(1, 25)]
    assert (rows[-1]["row_id"], rows[-1]["name"]) == ("24", "Phường 24")


def test_a_row_number_before_a_procedure_code_and_an_empty_cell_opens_a_row() -> None:
    page = _PROCEDURE_HEAD + text_cells(
        "TT", "Mã TTHC", "Tên quy trình nội bộ", "Ký hiệu",
        "I", "", "QUY TRÌNH SỬA ĐỔI, BỔ SUNG", "",
        "1", "1.012657", "", "QTTP-14",  # an empty cell after the code
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [r["row_id"] for r in rows] == ["I", "I.1"]


def test_a_header_printed_again_after_a_page_break_keeps_one_table() -> None:
    header = ("STT", "Nội dung", "Mức chi")
    page = (
        _PROCEDURE_HEAD
        + text_cells(*header, "1", "Nghệ sỹ ưu tú", "90.000.000", *header, "2", "Nghệ sỹ nhân dân", "120.000.000")
        + "\n\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n"
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"], r["name"]) for r in rows] == [
        (1, "1", "Nghệ sỹ ưu tú"),
        (1, "2", "Nghệ sỹ nhân dân"),
    ]


def test_a_header_printed_again_in_other_words_or_two_rows_keeps_the_rows() -> None:
    rows_1_2 = ("1", "Cấp giấy phép", "Sở Y tế", "2", "Gia hạn giấy phép", "Sở Y tế")
    rows_3_4 = ("3", "Thu hồi giấy phép", "Sở Y tế", "4", "Cấp lại giấy phép", "Sở Y tế")
    first, again = ("STT", "Tên thủ tục hành chính", "Cơ quan thực hiện"), ("TT", "Tên thủ tục", "Cơ quan")
    other_words = text_cells(*first, *rows_1_2, *again, *rows_3_4)
    result = run_text(_PROCEDURE_HEAD + other_words)
    assert [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]] == [
        (1, "1"), (1, "2"), (1, "3"), (1, "4"),
    ]
    two_rows = ("TT", "Nội dung", "Kinh phí", "Năm 2024", "Năm 2025")  # "Kinh phí" over two years
    figures_1_2 = ("1", "Chuyển đổi số", "100", "120", "2", "Cải cách hành chính", "80", "90")
    figures_3_4 = ("3", "Đào tạo", "50", "60", "4", "Tuyên truyền", "20", "30")
    result = run_text(_PROCEDURE_HEAD + text_cells(*two_rows, *figures_1_2, *two_rows, *figures_3_4))
    once = run_text(_PROCEDURE_HEAD + text_cells(*two_rows, *figures_1_2, *figures_3_4))  # as if printed once
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2", "3", "4"]
    for table in ("appendix_rows", "appendix_cells"):
        without_id = [{k: v for k, v in r.items() if k != "doc_id"} for r in result.tables[table]]
        assert without_id == [{k: v for k, v in r.items() if k != "doc_id"} for r in once.tables[table]]


def test_the_same_header_with_rows_from_1_again_is_another_table_and_the_title_between_is_text() -> None:
    header = ("STT", "Tên thủ tục hành chính", "Lĩnh vực")
    page = _PROCEDURE_HEAD + text_cells(
        *header, "1", "Cấp giấy phép", "Y tế", "2", "Gia hạn giấy phép", "Y tế",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ",
        *header, "1", "Xác nhận hồ sơ", "Y tế", "2", "Cấp bản sao", "Y tế",
    )
    result = run_text(page)
    assert [(r["appendix_index"], r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        (1, "1", "Cấp giấy phép"), (1, "2", "Gia hạn giấy phép"), (2, "1", "Xác nhận hồ sơ"), (2, "2", "Cấp bản sao"),
    ]
    fields = {(c["appendix_index"], c["row_id"]): c["value"] for c in result.tables["appendix_cells"]}
    assert fields[(1, "2")] == "Y tế"  # the title is not a cell of row 2 ("Lĩnh vực" is kept as a cell)
    assert "duplicate_row_id" not in [f["code"] for f in result.tables["findings"]]


def test_the_next_numbered_section_ends_a_table_numbered_the_same_way() -> None:
    page = (
        _PROCEDURE_HEAD
        + "1. Danh mục nhiệm vụ\n\n"
        + text_cells("STT", "Nhiệm vụ", "Cơ quan chủ trì", "1", "Rà soát", "Sở Nội vụ", "2", "Số hóa", "Sở Tư pháp",
                "3", "Đào tạo", "Sở Tài chính")
        + "\n\n2. Tổ chức thực hiện\n\nCác sở triển khai.\n"
    )
    result = run_text(page)
    assert [(r["row_id"], r["lead_units"]) for r in result.tables["appendix_rows"]][-1] == ("3", ["Sở Tài chính"])
    assert result.tables["documents"][0]["annex_text"].startswith("2. Tổ chức thực hiện")


def test_a_cells_paragraph_lettered_like_the_next_section_stays_in_the_cell() -> None:
    page = (
        _PROCEDURE_HEAD
        + "A. DANH MỤC HỒ SƠ\n\n"
        + text_cells("STT", "Tên hồ sơ", "Ghi chú", "1", "Tờ khai", "Đơn đề nghị",
                "B. Bản sao giấy tờ",  # the note cell's second paragraph
                "2", "Giấy phép", "Bản chính")
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [r["row_id"] for r in rows] == ["1", "2"]


@pytest.mark.parametrize("numbers", [("(1)", "(2)", "(3)", "(4)"), ("1", "2", "3", "4")])
def test_a_row_that_numbers_the_columns_is_neither_header_nor_rows(numbers: tuple[str, ...]) -> None:
    header = ("STT", "Nội dung", "Điểm tối đa", "Điểm đạt")
    rows = ("1", "Chỉ đạo điều hành", "25", "20", "2", "Tuyên truyền", "15", "12")
    result = run_text(_PROCEDURE_HEAD + text_cells(*header, *numbers, *rows))
    got = [(r["row_id"], r["name"], r["max_score"], r["achieved_score"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", "Chỉ đạo điều hành", Decimal("25"), Decimal("20")),
        ("2", "Tuyên truyền", Decimal("15"), Decimal("12")),
    ]
    assert result.tables["findings"] == []


def test_months_under_a_header_are_no_column_numbers() -> None:
    months = [str(m) for m in range(1, 13)]
    page = _PROCEDURE_HEAD + text_cells(
        "STT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện năm 2024 (tháng)", *months,
        "1", "Rà soát thủ tục", "Sở Nội vụ", *(["x"] * 3 + [""] * 9),
    )
    result = run_text(page)
    assert [(r["row_id"], r["lead_units"]) for r in result.tables["appendix_rows"]] == [("1", ["Sở Nội vụ"])]
