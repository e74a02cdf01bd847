"""Session-6 probe and review fixes: tab-separated tables in text dumps, row starts inside a
Markdown row, score columns named "Kết quả đánh giá", titles over two lines, tables cut by a
page break, and the mends of the fourth review's collateral damage."""

from __future__ import annotations

from decimal import Decimal

from extract.columns import map_columns
from tests.conftest import markdown_table, run_text, text_cells

TOP = (
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 45/KH-UBND\n\nBình Định, ngày 12 tháng 3 năm 2020\n\nKẾ HOẠCH\n\nCẢI CÁCH HÀNH CHÍNH NĂM 2020\n\n"
)
HEAD = TOP + "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\nPHỤ LỤC\n\nDANH MỤC NHIỆM VỤ\n\n"
END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"


def test_a_table_copied_with_tabs_is_read_row_by_row() -> None:
    page = HEAD + (
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\n"
        "I\tCẢI CÁCH THỂ CHẾ\t\t\n"
        "1\tRà soát văn bản\tSở Tư pháp\tCác sở, ngành\n"
        "2\tKiểm tra thi hành pháp luật\tSở Tư pháp\tUBND các huyện, thị xã, thành phố\t\n"
    ) + END
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"], r["coordinating_units"]) for r in rows] == [
        ("I", "CẢI CÁCH THỂ CHẾ", [], []),
        ("I.1", "Rà soát văn bản", ["Sở Tư pháp"], ["Các sở, ngành"]),
        ("I.2", "Kiểm tra thi hành pháp luật", ["Sở Tư pháp"], ["UBND các huyện, thị xã, thành phố"]),
    ]
    assert result.tables["findings"] == []  # the tab after the last cell is no fifth column


def test_lines_with_tabs_that_are_no_table_stay_text() -> None:
    page = TOP + "Nơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n\nNội dung kế hoạch.\n" + END
    result = run_text(page)
    assert result.tables["appendix_rows"] == []
    assert "Nội dung kế hoạch." in result.tables["documents"][0]["body_text"]


def test_a_score_equal_to_the_next_row_number_stays_in_its_markdown_row() -> None:
    page = HEAD + markdown_table(
        ("TT", "Tiêu chí", "Điểm tối đa", "Ghi chú"),
        ("1", "Chỉ đạo, điều hành", "2", "Kế hoạch"),
        ("2", "Cải cách thủ tục", "4", "Báo cáo"),
    ) + END
    rows = run_text(page, "plan.md").tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "Chỉ đạo, điều hành", Decimal("2")), ("2", "Cải cách thủ tục", Decimal("4")),
    ]


def test_a_score_equal_to_the_next_row_number_in_a_text_dump() -> None:
    page = HEAD + text_cells(
        "TT", "Tiêu chí", "Điểm tối đa", "Ghi chú",
        "1", "Chỉ đạo, điều hành", "2", "Kế hoạch", "2", "Cải cách thủ tục", "4", "Báo cáo",
    ) + END
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "Chỉ đạo, điều hành", Decimal("2")), ("2", "Cải cách thủ tục", Decimal("4")),
    ]
    assert result.tables["findings"] == []


def test_rows_short_by_a_merged_score_keep_their_numbers() -> None:
    # no number is printed twice: each is a row's own
    page = HEAD + text_cells(
        "TT", "Tiêu chí", "Điểm tối đa", "Ghi chú",
        "1", "Chỉ đạo, điều hành", "2", "Tuyên truyền", "3", "Cải cách thủ tục", "4", "Báo cáo",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "Chỉ đạo, điều hành", None), ("2", "Tuyên truyền", None), ("3", "Cải cách thủ tục", None),
        ("4", "Báo cáo", None),
    ]


def test_results_of_an_assessment_are_the_achieved_scores() -> None:
    page = HEAD + text_cells(
        "STT", "Tiêu chí", "Điểm tối đa", "Kết quả đánh giá năm 2019", "Mục tiêu năm 2020",
        "1", "Sắp xếp tổ chức bộ máy", "3", "2,5", "3", "2", "Quản lý tài sản công", "2", "1,75", "2",
    ) + END
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["achieved_score"], r["target_score"]) for r in rows] == [
        ("1", Decimal("2.5"), Decimal("3")), ("2", Decimal("1.75"), Decimal("2")),
    ]
    doc = result.tables["documents"][0]
    assert (doc["achieved_year"], doc["target_year"]) == (2019, 2020)


def test_a_score_of_a_year_beside_the_maximum_is_the_achieved_score() -> None:
    page = HEAD + text_cells(
        "STT", "Tiêu chí", "Điểm tối đa", "Điểm năm 2021", "Mục tiêu năm 2022",
        "1", "Sắp xếp tổ chức bộ máy", "3", "2,5", "3",
    ) + END
    result = run_text(page)
    assert [(r["achieved_score"], r["target_score"]) for r in result.tables["appendix_rows"]] == [
        (Decimal("2.5"), Decimal("3")),
    ]
    assert result.tables["documents"][0]["achieved_year"] == 2021


def test_tasks_beside_a_tasks_header_that_names_the_rows() -> None:
    page = HEAD + text_cells(
        "STT", "Nhiệm vụ", "Nội dung thực hiện", "Đơn vị chủ trì",
        "1", "Tiếp cận dịch vụ", "Lắp đặt máy lấy số tự động.", "Sở Nội vụ",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["name"], r["tasks"], r["lead_units"]) for r in rows] == [
        ("Tiếp cận dịch vụ", ["Lắp đặt máy lấy số tự động."], ["Sở Nội vụ"]),
    ]


def _decision(*title_lines: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 2104/QĐ-UBND\n\nYên Bái, ngày 5 tháng 10 năm 2021\n\nQUYẾT ĐỊNH\n\n"
        + "\n\n".join(title_lines)
        + "\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n"
        + END
    )


def test_a_sentence_case_title_goes_on_over_its_wrapped_lines() -> None:
    cases = [
        ("Ban hành Bộ chỉ số đánh giá mức độ hài lòng của người dân",
         "đối với sự phục vụ của cơ quan hành chính nhà nước tỉnh Yên Bái"),
        ("Ban hành Bộ chỉ số đánh giá mức độ hài lòng của người dân đối với sự phục vụ của",
         "Ủy ban nhân dân tỉnh Yên Bái"),
    ]
    for lines in cases:
        assert run_text(_decision(*lines)).tables["documents"][0]["title"] == " ".join(lines)


def test_a_sentence_case_title_ends_at_a_line_that_does_not_go_on_with_it() -> None:
    doc = run_text(_decision("Ban hành Bộ chỉ số đánh giá năm 2021", "Phê duyệt kèm theo")).tables["documents"][0]
    assert doc["title"] == "Ban hành Bộ chỉ số đánh giá năm 2021"


def test_results_of_several_years_are_no_achieved_score() -> None:
    one = map_columns(["STT", "Tiêu chí", "Kết quả đánh giá / Năm 2019", "Kết quả đánh giá / Mục tiêu năm 2020"])
    assert [(c.role, c.year) for c in one[2:]] == [("achieved_score", 2019), ("target_score", 2020)]
    several = map_columns(["STT", "Nội dung", "Kết quả đánh giá / Năm 2022", "Kết quả đánh giá / Năm 2023"])
    assert [c.role for c in several[2:]] == ["other", "other"]
