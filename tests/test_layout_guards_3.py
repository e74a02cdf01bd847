"""Third review of the table rules: rows short by a merged cell before a code, totals placed by
the rows' sums (ties by the label), grand totals, blank number headers with small figures,
collapsed appendices, titles, units, headings without a signature, GitHub-style line breaks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.units import split_units
from tests.conftest import markdown_table, run_text, text_cells

TOP = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 215/KH-UBND\n\nBến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ DTI NĂM 2024\n\n"
)
HEAD = TOP + "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\nPHỤ LỤC\n\nNHIỆM VỤ, GIẢI PHÁP\n\n"
END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
SCORES = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Mục tiêu", "Giải pháp")
SCORE_ROWS = (("1", "Chỉ đạo", "3", "2", "3", "Ban hành"), ("2", "Tuyên truyền", "4", "3", "4", "Phổ biến"))




def _markdown(*rows: tuple[str, ...]) -> str:
    return HEAD + markdown_table(*rows) + END


def _totals(page: str, path: str) -> tuple[object, object, object]:
    doc = run_text(page, path).tables["documents"][0]
    return doc["total_max_score"], doc["total_achieved_score"], doc["total_target_score"]


def test_a_procedure_row_short_by_a_merged_unit_before_the_next_code() -> None:
    page = HEAD + text_cells(
        "STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện",
        "1", "1.001193", "Cấp phép A", "Sở Xây dựng", "2", "1.001194", "Cấp phép B",
        "3", "1.001195", "Cấp phép C", "Sở Y tế",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Cấp phép A", ["Sở Xây dựng"]), ("2", "Cấp phép B", []), ("3", "Cấp phép C", ["Sở Y tế"]),
    ]


def test_a_group_title_in_mixed_case_before_a_code() -> None:
    page = HEAD + text_cells(
        "STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện",
        "I", "Lĩnh vực Xây dựng", "1", "1.001193", "Cấp phép A", "Sở Xây dựng", "2", "1.001194", "Cấp phép B",
        "Sở Xây dựng",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [
        ("I", "Lĩnh vực Xây dựng"), ("I.1", "Cấp phép A"), ("I.2", "Cấp phép B"),
    ]


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (("", "TỔNG ĐIỂM", "7", "5"), (Decimal("7"), Decimal("5"), None)),
        (("", "TỔNG ĐIỂM ĐẠT", "5"), (None, Decimal("5"), None)),
        # max and target both add up to 7: the label says which
        (("", "TỔNG ĐIỂM MỤC TIÊU", "7"), (None, None, Decimal("7"))),
    ],
)
def test_a_short_markdown_total_goes_where_the_rows_add_up(total: tuple[str, ...], expected: tuple) -> None:
    assert _totals(_markdown(SCORES, *SCORE_ROWS, total), "plan.md") == expected


def test_a_grand_total_with_a_formula_cell_after_subtotals() -> None:
    header = ("STT", "Nội dung", "Ghi chú", "Kinh phí")
    page = HEAD + text_cells(
        *header, "1", "Tuyên truyền", "", "3", "", "Cộng (1)", "", "3",
        "2", "Kiểm tra", "", "4", "", "Cộng (2)", "", "4", "", "Tổng cộng", "(1+2)", "7",
    ) + END
    all_cells = run_text(page).tables["appendix_cells"]
    cells = [(c["row_id"], c["value"]) for c in all_cells if c["column_header"] == "Kinh phí"]
    assert cells == [("1", "3"), ("subtotal 1", "3"), ("2", "4"), ("subtotal 2", "4"), ("total", "7")]


def test_a_blank_number_header_over_rows_with_small_figures() -> None:
    page = HEAD + text_cells(
        "", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2023 so với kế hoạch năm 2023 (%)",
        "1", "Tăng trưởng GRDP", "%", "7", "2", "Thu ngân sách", "tỷ đồng", "4.500",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["unit"]) for r in rows] == [
        ("1", "Tăng trưởng GRDP", "%"), ("2", "Thu ngân sách", "tỷ đồng"),
    ]


def test_a_collapsed_table_under_a_visible_heading_is_read() -> None:
    table = (
        "<table border=1><tr><td>STT</td><td>Tiêu chí</td><td>Điểm tối đa</td></tr>"
        "<tr><td>1</td><td>Công tác chỉ đạo</td><td>3</td></tr>"
        "<tr><td>2</td><td>Tuyên truyền</td><td>4</td></tr></table>"
    )
    page = (
        "<html><head><meta charset='utf-8'></head><body><div class=content1>"
        "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐẮK LẮK</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Số: 58/KH-UBND</p>"
        "<p>Đắk Lắk, ngày 10 tháng 3 năm 2022</p><p>KẾ HOẠCH</p><p>Nâng cao chỉ số</p>"
        "<p>Nơi nhận:</p><p>- Như trên;</p><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p><p>Nguyễn Văn A</p>"
        f"<p>PHỤ LỤC I</p><p>NHIỆM VỤ NĂM 2022</p><div style='display:none'>{table}</div></div></body></html>"
    )
    rows = run_text(page, "page.html").tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [("1", "Công tác chỉ đạo"), ("2", "Tuyên truyền")]


def test_a_title_before_the_heads_office_line_ends_there() -> None:
    page = (
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 15/KH-PGDĐT\n\n"
        "Bến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nVỀ VIỆC KIỂM TRA NĂM 2024\n\n"
        "TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\nCăn cứ Luật Giáo dục;\n\nBan hành kế hoạch." + END
    )
    assert run_text(page).tables["documents"][0]["title"] == "VỀ VIỆC KIỂM TRA NĂM 2024"


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Sở Nội vụ, Trường Chính trị tỉnh", ["Sở Nội vụ", "Trường Chính trị tỉnh"]),
        ("Sở Lao động - Thương binh và Xã hội, Điện lực tỉnh",
         ["Sở Lao động - Thương binh và Xã hội", "Điện lực tỉnh"]),
        ("UBND tỉnh Bến Tre, Tỉnh đoàn", ["UBND tỉnh Bến Tre", "Tỉnh đoàn"]),
        ("Sở Y tế, Quỹ Đầu tư phát triển", ["Sở Y tế", "Quỹ Đầu tư phát triển"]),
    ],
)
def test_units_after_schools_funds_and_social_affairs(cell: str, units: list[str]) -> None:
    assert split_units([cell]) == units


def test_no_signature_a_mixed_case_appendix_heading_just_above_the_table() -> None:
    page = TOP + "Phụ lục I\n\nDanh mục nhiệm vụ năm 2024\n\nĐơn vị tính: điểm\n\n" + text_cells(
        "STT", "Tiêu chí", "Điểm tối đa", "1", "Chỉ đạo", "3", "2", "Tuyên truyền", "4",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert {(r["appendix_label"], r["appendix_title"]) for r in rows} == {
        ("Phụ lục I", "Danh mục nhiệm vụ năm 2024"),  # the unit line is a note, not the title (session 12)
    }


def test_gfm_line_breaks_separate_tasks_and_join_a_wrapped_name() -> None:
    page = TOP + (
        "| STT | Nội dung | Giải pháp | Đơn vị chủ trì | Đơn vị phối hợp |\n|---|---|---|---|---|\n"
        "| 1 | Chỉ đạo | Ban hành kế hoạch;<br>Tổ chức kiểm tra. | Sở Thông tin và<br>Truyền thông "
        "| Sở Văn hóa,<br>Thể thao và Du lịch |\n"
    ) + END
    rows = run_text(page, "plan.md").tables["appendix_rows"]
    assert [(r["tasks"], r["lead_units"], r["coordinating_units"]) for r in rows] == [
        (["Ban hành kế hoạch;", "Tổ chức kiểm tra."], ["Sở Thông tin và Truyền thông"],
         ["Sở Văn hóa, Thể thao và Du lịch"]),
    ]


def test_a_level_equal_to_the_row_number_before_the_unit() -> None:
    page = HEAD + text_cells(
        "STT", "Mã TTHC", "Tên thủ tục hành chính", "Mức độ", "Cơ quan thực hiện",
        "A", "THỦ TỤC CẤP TỈNH", "1", "1.001193", "Cấp phép A", "1", "Sở Xây dựng",
        "2", "1.001194", "Cấp phép B", "2", "Sở Y tế",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("A", "THỦ TỤC CẤP TỈNH", []), ("A.1", "Cấp phép A", ["Sở Xây dựng"]), ("A.2", "Cấp phép B", ["Sở Y tế"]),
    ]


def test_a_form_cited_in_the_last_rows_cell_stays_in_it() -> None:
    page = HEAD + text_cells(
        "STT", "Nội dung", "Biểu mẫu", "Thời gian",
        "1", "Báo cáo quý", "BIỂU MẪU SỐ 01", "Quý I", "2", "Báo cáo năm", "BIỂU MẪU SỐ 02", "Tháng 12",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["deadline"]) for r in rows] == [("1", "Quý I"), ("2", "Tháng 12")]


def test_a_title_that_wraps_onto_an_office_name_stays_whole() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 15/QĐ-UBND\n\n"
        "Châu Thành, ngày 16 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC BỔ NHIỆM\n\n"
        "TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Bổ nhiệm." + END
    )
    title = run_text(page).tables["documents"][0]["title"]
    assert title == "VỀ VIỆC BỔ NHIỆM TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH"


def test_no_signature_a_body_sentence_citing_another_decision_is_no_reference() -> None:
    page = TOP + "Các nhiệm vụ ban hành kèm theo Quyết định số 99/QĐ-UBND của UBND tỉnh như sau\n\n" + text_cells(
        "STT", "Tiêu chí", "Điểm tối đa", "1", "Chỉ đạo", "3", "2", "Tuyên truyền", "4",
    ) + END
    result = run_text(page)
    assert "foreign_document_number" not in [f["code"] for f in result.tables["findings"]]


def test_a_related_documents_table_hidden_in_the_page_is_no_appendix() -> None:
    related = (
        "<div style='display:none'><table border=1><tr><td>STT</td><td>Văn bản liên quan</td></tr>"
        "<tr><td>1</td><td>Quyết định 12/QĐ-UBND ban hành kèm theo Quy chế</td></tr>"
        "<tr><td>2</td><td>Kế hoạch 13/KH-UBND sửa đổi Phụ lục II</td></tr></table></div>"
    )
    page = (
        "<html><head><meta charset='utf-8'></head><body><div class=content1>"
        "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐẮK LẮK</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Số: 58/KH-UBND</p>"
        "<p>Đắk Lắk, ngày 10 tháng 3 năm 2022</p><p>KẾ HOẠCH</p><p>Nâng cao chỉ số</p>"
        "<p>Nơi nhận:</p><p>- Như trên;</p>"
        "<p>CHỦ TỊCH</p><p>Nguyễn Văn A</p>" + related + "</div></body></html>"
    )
    assert run_text(page, "page.html").tables["appendix_rows"] == []


def test_numbered_districts_are_one_list_of_places() -> None:
    assert split_units(["UBND Quận 1, Quận 3"]) == ["UBND Quận 1, Quận 3"]
