"""Session-6 probe and review fixes: tab-separated tables in text dumps, row starts inside a
Markdown row, score columns named "Kết quả đánh giá", titles over two lines, tables cut by a
page break, and the mends of the fourth review's collateral damage."""

from __future__ import annotations

from decimal import Decimal

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
