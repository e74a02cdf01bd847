"""Session-13 probe fixes, scoring appendices of other provinces: penalties in brackets, a
"QUYẾT ĐỊNH:" line after the title, a grand total after group subtotals, a two-level score
header, appraisal columns, a score equal to the next row's number in a cell-per-line dump."""

from __future__ import annotations

from decimal import Decimal

from normalize.numbers import parse_score, printed_figure
from tests.conftest import finding_codes, run_text, text_cells, text_table
from tests.test_probe_round12 import _html, _tr

SCORES = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm")
TOP = (
    "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 55/QĐ-UBND\n\nVĩnh Long, ngày 10 tháng 1 năm 2024\n\n"
    "QUYẾT ĐỊNH\n\nBAN HÀNH BỘ TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2024\n\n"
)
BODY = (
    "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Bộ tiêu chí.\n\n"
)
END = "\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"


def _tabs(*rows: tuple[str, ...], body: str = BODY) -> str:
    return TOP + body + "PHỤ LỤC\n\n" + "\n".join("\t".join(r) for r in rows) + END


def _scores(result) -> list[tuple]:
    return [(r["row_id"], r["parent_id"], r["max_score"], r["achieved_score"]) for r in result.tables["appendix_rows"]]


# Penalty points written in brackets with their minus inside.


def test_a_bracketed_negative_is_a_penalty_score() -> None:
    assert [parse_score(t) for t in ("(-1)", "(–0,5)", "( -2 điểm )", "(- 1)")] == [
        Decimal(-1),
        Decimal("-0.5"),
        Decimal(-2),
        Decimal(-1),
    ]
    assert printed_figure("(-0,5)") == "-0,5"  # its decimals set the rounding of a check


def test_a_bracketed_figure_without_a_minus_is_no_score() -> None:
    assert [parse_score(t) for t in ("(1)", "(-1", "(-1) (-2)")] == [None, None, None]


def test_penalties_in_brackets_are_read_and_checked() -> None:
    result = run_text(
        _tabs(
            SCORES,
            ("1", "Thực hiện nhiệm vụ chuyên môn", "10", "9"),
            ("2", "Điểm trừ", "", "(-1)"),
            ("2.1", "Chậm gửi báo cáo định kỳ", "(-1)", "(-1)"),
            ("2.2", "Để xảy ra sai sót", "(-0,5)", "0"),
            ("", "Tổng cộng", "10", "8"),
        )
    )
    assert _scores(result) == [
        ("1", None, Decimal(10), Decimal(9)),
        ("2", None, None, Decimal(-1)),
        ("2.1", "2", Decimal(-1), Decimal(-1)),
        ("2.2", "2", Decimal("-0.5"), Decimal(0)),
    ]
    assert finding_codes(result) == []  # before: not_a_number for every bracketed penalty
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal(10), Decimal(8))


# The enactment line right after the title.


def test_the_enactment_line_after_the_title_is_not_part_of_it() -> None:
    rows = (SCORES, ("1", "Thực hiện nhiệm vụ", "10", "9"))
    for body in ("QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Bộ tiêu chí.\n\n", "QUYẾT ĐỊNH\n\nĐiều 1. Ban hành Bộ tiêu chí.\n\n"):
        doc = run_text(_tabs(*rows, body=body)).tables["documents"][0]
        assert doc["title"] == "BAN HÀNH BỘ TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2024"  # had " QUYẾT ĐỊNH:" at its end


def test_a_title_wrapped_on_quyet_dinh_keeps_its_next_line() -> None:
    top = TOP.replace(
        "BAN HÀNH BỘ TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2024", "TRIỂN KHAI THỰC HIỆN\nQUYẾT ĐỊNH\nSỐ 12/QĐ-TTG"
    )
    doc = run_text(top + BODY + "PHỤ LỤC\n\n" + "\t".join(SCORES) + "\n1\tA\t1\t1" + END).tables["documents"][0]
    assert doc["title"] == "TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 12/QĐ-TTG"


# A grand total labelled with its formula after the groups' subtotals.

SUBTOTALLED = (
    ("I", "CÔNG TÁC XÂY DỰNG ĐẢNG, CHÍNH QUYỀN", "", ""),
    ("1", "Công tác giáo dục chính trị", "20", "18"),
    ("2", "Xây dựng tổ chức bộ máy", "20", "19"),
    ("", "Cộng I", "40", "37"),
    ("II", "THỰC HIỆN NHIỆM VỤ CHUYÊN MÔN", "", ""),
    ("1", "Hoàn thành chỉ tiêu kế hoạch", "30", "28"),
    ("2", "Thực hiện nhiệm vụ đột xuất", "30", "26"),
    ("", "Cộng II", "60", "54"),
)


def _lines(*rows: tuple[str, ...]) -> str:
    """A dump with one cell per line (the row boundaries are not printed)."""
    return TOP + BODY + "PHỤ LỤC\n\n" + text_table(*rows) + END


def test_a_grand_total_with_its_formula_after_subtotals_in_a_line_dump() -> None:
    result = run_text(_lines(SCORES, *SUBTOTALLED, ("", "Tổng cộng (I + II)", "100", "95")))
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal(100), Decimal(95))  # were None
    # the groups print no figure of their own (a bonus group may stand outside the total): the
    # grand total is kept, not checked
    assert finding_codes(result) == ["subtotal_row", "subtotal_row"]


def test_a_group_without_figures_in_a_column_of_points_leaves_its_total_unchecked() -> None:
    rows = (
        ("STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"),
        ("I", "Nhóm 1", "", "", ""),
        ("1", "Tiêu chí A", "4", "3", "3"),
        ("2", "Tiêu chí B", "6", "5", "5"),
        ("II", "Điểm thưởng", "", "", ""),
        ("3", "Sáng kiến", "2", "1", "1"),
        ("", "TỔNG ĐIỂM", "10", "8", "8"),
    )
    assert run_text(_tabs(*rows)).tables["findings"] == []  # the bonus is outside the total


# A two-level score header, and score columns beside the one that holds the role.


def test_the_self_assessment_under_a_two_level_score_header_is_the_achieved_score() -> None:
    from extract.columns import map_columns

    headers = [
        "STT",
        "Chỉ số",
        "Điểm tối đa",
        "Điểm đánh giá năm 2023 / Tự đánh giá",
        "Điểm đánh giá năm 2023 / Thẩm định",
    ]
    assert [(c.role, c.year) for c in map_columns(headers)][3:] == [("achieved_score", 2023), ("other", 2023)]
    bare = ["STT", "Chỉ số", "Điểm tối đa", "Điểm đánh giá / Tự đánh giá", "Điểm đánh giá / Thẩm định"]
    assert [c.role for c in map_columns(bare)][3:] == ["achieved_score", "other"]  # both were "other"


APPRAISED = (
    ("STT", "Chỉ số", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"),
    ("1", "Nhận thức số", "60", "55", "50"),
    ("1.1", "Ban hành văn bản chỉ đạo", "30", "28", "25"),
    ("1.2", "Tuyên truyền về chuyển đổi số", "30", "27", "30"),
    ("2", "Hạ tầng số", "40", "35", "30"),
    ("2.1", "Máy tính kết nối mạng", "20", "18", "15"),
    ("2.2", "Mạng truyền số liệu chuyên dùng", "20", "17", "15"),
)


def test_an_appraisal_column_of_points_is_checked_as_the_scores_are() -> None:
    result = run_text(_tabs(*APPRAISED, ("", "TỔNG ĐIỂM", "100", "90", "85")))
    assert [(f["code"], f["row_id"], f["message"]) for f in result.tables["findings"]] == [
        ("sum_mismatch", "1", "Row 1 gives 50 for Điểm thẩm định but its 2 sub-rows add up to 55."),
        ("total_mismatch", None, "The total row gives 85 for Điểm thẩm định but the 2 top-level rows add up to 80."),
    ]  # the column went to appendix_cells unchecked


def test_a_result_that_is_no_points_is_not_summed() -> None:
    rows = [
        ("STT", "Chỉ số", "Điểm tối đa", "Kết quả năm 2023", "Điểm đạt năm 2023"),
        ("1", "Tỷ lệ hồ sơ trực tuyến", "10", "85", "8"),
        ("1.1", "Hồ sơ toàn trình", "5", "90", "4"),
        ("1.2", "Hồ sơ một phần", "5", "80", "4"),
    ]
    assert finding_codes(run_text(_tabs(*rows))) == []  # "Kết quả" (a share) is no column of points


# A cell-per-line dump whose last row's score is the next row's number.


def test_a_score_equal_to_the_next_row_number_before_the_total_row() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Đơn vị chủ trì"),
        ("1", "Công tác chỉ đạo, điều hành", "6", "5", ""),
        ("1.1", "Kế hoạch cải cách hành chính", "3", "3", "Sở Nội vụ"),
        ("1.2", "Kiểm tra cải cách hành chính", "3", "2", "Sở Nội vụ"),
        ("2", "Cải cách tài chính công", "4", "3", "Sở Nội vụ"),
        ("", "TỔNG ĐIỂM", "10", "8", ""),
    )
    result = run_text(_lines(*rows))
    assert [
        (r["row_id"], r["max_score"], r["achieved_score"], r["lead_units"]) for r in result.tables["appendix_rows"]
    ][3:] == [("2", Decimal(4), Decimal(3), ["Sở Nội vụ"])]  # was max None, achieved 4, then rows "3" and "8"
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal(10), Decimal(8))
    assert finding_codes(result) == []


def test_a_score_equal_to_the_next_top_row_number_inside_a_group() -> None:
    rows = (
        (
            "STT",
            "Tiêu chí",
            "Điểm tối đa",
            "Điểm năm 2022",
            "Giải pháp thực hiện",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
        ),
        ("1", "Công tác chỉ đạo, điều hành", "6", "5,5", "", "Sở Nội vụ", ""),
        ("1.1", "Kế hoạch cải cách hành chính", "2", "2", "Ban hành đúng thời hạn", "Văn phòng UBND tỉnh"),
        (
            "1.2",
            "Tuyên truyền cải cách hành chính",
            "4",
            "3,5",
            "Đa dạng hóa hình thức",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        ("2", "Cải cách tài chính công", "4", "3", "Đẩy nhanh giải ngân", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"),
        ("", "TỔNG ĐIỂM", "10", "8,5", "", "", ""),
    )
    result = run_text(_lines(*rows))
    assert [
        (r["row_id"], r["max_score"], r["achieved_score"], r["lead_units"]) for r in result.tables["appendix_rows"]
    ] == [
        ("1", Decimal(6), Decimal("5.5"), ["Sở Nội vụ"]),
        ("1.1", Decimal(2), Decimal(2), ["Văn phòng UBND tỉnh"]),  # "2" had opened a row 2 before 1.2
        ("1.2", Decimal(4), Decimal("3.5"), ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("2", Decimal(4), Decimal(3), ["Sở Tài chính"]),
    ]
    assert finding_codes(result) == ["short_row", "short_row"]  # the coordinating units merged away


# A score merged down over two rows of an HTML table.


def test_a_score_merged_over_rows_is_flagged_on_the_rows_that_carry_a_copy() -> None:
    page = _html(
        _tr("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"),
        _tr("1", "Kiểm tra cải cách hành chính", "2", "1,5"),
        _tr("1.1", "Tỷ lệ cơ quan được kiểm tra", "<td rowspan=2>2</td>", "1"),
        _tr("1.2", "Xử lý vấn đề phát hiện qua kiểm tra", "0,5"),
    )
    result = run_text(page, "plan.html")
    assert [(r["row_id"], r["max_score"]) for r in result.tables["appendix_rows"]] == [
        ("1", Decimal(2)),
        ("1.1", Decimal(2)),
        ("1.2", Decimal(2)),  # the merged cell, carried by both rows it spans
    ]
    assert [(f["code"], f["row_id"], f["column"]) for f in result.tables["findings"]] == [
        ("merged_cell_inferred", "1.2", "max_score")
    ]  # the sum check counts the 2 once: no sum_mismatch


# Review of the probe-15 mends.


def test_a_unit_named_tong_cong_ty_is_no_total_row_in_a_line_dump() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Đơn vị chủ trì", "Đơn vị phối hợp"),
        ("1", "Cung cấp điện ổn định", "3", "2", "Sở Công Thương", "Tổng công ty Điện lực miền Nam"),
        ("2", "Phát triển lưới điện nông thôn", "4", "3", "Sở Công Thương", "Tổng công ty Điện lực miền Nam"),
        ("3", "Tiết kiệm năng lượng", "3", "3", "Sở Công Thương", "Các huyện"),
        ("", "TỔNG ĐIỂM", "10", "8", "", ""),
    )
    result = run_text(_lines(*rows))
    assert _scores(result) == [
        ("1", None, Decimal(3), Decimal(2)),
        ("2", None, Decimal(4), Decimal(3)),
        ("3", None, Decimal(3), Decimal(3)),
    ]  # "Tổng công ty" had been read as the total row's label: rows 3, 3 and 8 invented
    assert finding_codes(result) == []


def test_a_column_of_shares_of_the_points_is_not_summed() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Điểm đạt / Tỷ lệ (%)"),
        ("1", "Công tác chỉ đạo điều hành", "6", "5", "83,3"),
        ("1.1", "Ban hành kế hoạch", "3", "3", "100"),
        ("1.2", "Kiểm tra cải cách hành chính", "3", "2", "66,7"),
        ("2", "Cải cách tài chính công", "4", "3", "75"),
        ("", "TỔNG ĐIỂM", "10", "8", "80"),
    )
    assert finding_codes(run_text(_tabs(*rows))) == []


def test_a_rate_row_leaves_the_appraisal_column_unchecked() -> None:
    rows = (
        ("STT", "Tiêu chí", "Đơn vị tính", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"),
        ("1", "Công tác chỉ đạo điều hành", "Điểm", "6", "5", "5"),
        ("1.1", "Ban hành kế hoạch", "Điểm", "3", "3", "3"),
        ("1.2", "Kiểm tra cải cách hành chính", "Điểm", "3", "2", "2"),
        ("2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "100", "98", "97"),
        ("3", "Cải cách tài chính công", "Điểm", "4", "3", "3"),
        ("", "TỔNG ĐIỂM", "", "10", "8", "8"),
    )
    assert finding_codes(run_text(_tabs(*rows))) == []  # the rate is left out of the scores' sums


def test_an_appraisal_column_written_with_dot_decimals_is_not_read_as_thousands() -> None:
    rows = (
        ("STT", "Chỉ số", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"),
        ("1", "Nhận thức số", "2.5", "2.25", "2.125"),
        ("1.1", "Ban hành văn bản", "1.5", "1.25", "1.125"),
        ("1.2", "Tuyên truyền", "1", "1", "1"),
        ("2", "Hạ tầng số", "1.5", "1.5", "1.5"),
        ("", "TỔNG ĐIỂM", "4", "3.75", "3.625"),
    )
    assert finding_codes(run_text(_tabs(*rows))) == []  # was "2125" against "1126"


def test_a_penalty_maximum_is_no_part_of_the_maximum_total() -> None:
    rows = (
        SCORES,
        ("1", "Thực hiện nhiệm vụ chuyên môn", "8", "7"),
        ("2", "Công tác phối hợp", "2", "2"),
        ("3", "Điểm trừ: chậm gửi báo cáo", "(-2)", "(-1)"),
        ("", "Tổng cộng", "10", "8"),
    )
    result = run_text(_tabs(*rows))
    assert _scores(result)[2] == ("3", None, Decimal(-2), Decimal(-1))
    assert finding_codes(result) == []  # 8 + 2 = 10 without the penalty; 7 + 2 - 1 = 8 with it
    wrong = run_text(_tabs(*rows[:-1], ("", "Tổng cộng", "12", "8")))
    assert [f["message"] for f in wrong.tables["findings"]] == [
        "The total row gives 12 for the maximum score but the 3 top-level rows add up to 8."
    ]


def test_an_appraisal_penalty_in_brackets_is_checked_as_a_plain_one() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"),
        ("1", "Thực hiện nhiệm vụ", "10", "9", "9"),
        ("2", "Điểm trừ", "", "(-1)", "(-1)"),
        ("2.1", "Chậm gửi báo cáo", "(-1)", "(-1)", "(-1)"),
        ("2.2", "Để xảy ra sai sót", "(-0,5)", "0", "(-0,5)"),
    )
    result = run_text(_tabs(*rows))
    assert [f["message"] for f in result.tables["findings"]] == [
        "Row 2 gives -1 for Điểm thẩm định but its 2 sub-rows add up to -1,5."
    ]  # "(-0,5)" had no value_number in appendix_cells: the row went unchecked


def test_a_title_line_opening_with_dieu_1_of_is_no_first_article() -> None:
    top = TOP.replace(
        "BAN HÀNH BỘ TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2024",
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ NỘI DUNG CỦA\nQUYẾT ĐỊNH\nĐIỀU 1 CỦA QUYẾT ĐỊNH SỐ 12/2020/QĐ-UBND",
    )
    doc = run_text(top + BODY + "PHỤ LỤC\n\n" + "\t".join(SCORES) + "\n1\tA\t1\t1" + END).tables["documents"][0]
    assert doc["title"].startswith("SỬA ĐỔI, BỔ SUNG MỘT SỐ NỘI DUNG CỦA QUYẾT ĐỊNH")


# Probe 16 (indicators and tasks): a title row across an HTML table, title lines in a line dump.


def test_a_title_spread_over_the_figures_does_not_make_the_target_column_text() -> None:
    page = _html(
        _tr("STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2023", "Mục tiêu đến năm 2025"),
        _tr("I", "<td colspan=4>CHỈ TIÊU KINH TẾ</td>"),
        _tr("1", "Tốc độ tăng trưởng GRDP", "%", "6,8", "7-7,5"),
        _tr("2", "Thu ngân sách nhà nước", "tỷ đồng", "3.120", "3.500"),
        _tr("3", "Số lao động được tạo việc làm", "người", "13.500", "14.000"),
        _tr("4", "Tỷ lệ tham gia bảo hiểm y tế", "%", "93,5", "≥ 95%"),
    )
    result = run_text(page, "plan.html")
    assert [(r["row_id"], r["target_score"], r["target_year"]) for r in result.tables["appendix_rows"]] == [
        ("I", None, 2025),
        ("I.1", None, 2025),
        ("I.2", Decimal(3500), 2025),
        ("I.3", Decimal(14000), 2025),
        ("I.4", None, 2025),
    ]  # the title's copies counted as text: 2 figures of 5 cells, and the column was demoted to cells
    assert [(f["code"], f["row_id"]) for f in result.tables["findings"]] == [
        ("not_a_number", "I.1"),
        ("not_a_number", "I.4"),
    ]


def _with_title_lines(header: tuple[str, ...], *parts: tuple[str, tuple[tuple[str, ...], ...]]) -> str:
    """A cell-per-line dump whose group titles ("A. CHỈ TIÊU KINH TẾ") are printed as one line each."""
    lines = list(header)
    for title, rows in parts:
        lines.append(title)
        lines += [cell for row in rows for cell in row]
    return TOP + BODY + "PHỤ LỤC\n\n" + text_cells(*lines) + END


def test_two_title_lines_in_a_line_dump_of_indicators_open_their_groups() -> None:
    page = _with_title_lines(
        ("STT", "Chỉ tiêu", "ĐVT", "Kết quả năm 2023", "Mục tiêu năm 2024"),
        (
            "A. CHỈ TIÊU KINH TẾ",
            (("1", "Tốc độ tăng trưởng", "%", "6,5", "7"), ("2", "Thu ngân sách", "tỷ đồng", "2.850", "3.000")),
        ),
        ("B. CHỈ TIÊU XÃ HỘI", (("3", "Tỷ lệ hộ nghèo", "%", "8,5", "6,5"),)),
    )
    result = run_text(page)
    assert [
        (r["row_id"], r["parent_id"], r["name"], r["unit"], r["achieved_score"], r["target_score"])
        for r in result.tables["appendix_rows"]
    ] == [
        ("A", None, "CHỈ TIÊU KINH TẾ", None, None, None),
        ("A.1", "A", "Tốc độ tăng trưởng", "%", Decimal("6.5"), Decimal(7)),
        ("A.2", "A", "Thu ngân sách", "tỷ đồng", Decimal(2850), Decimal(3000)),
        ("B", None, "CHỈ TIÊU XÃ HỘI", None, None, None),
        ("B.3", "B", "Tỷ lệ hộ nghèo", "%", Decimal("8.5"), Decimal("6.5")),
    ]  # the second title had made the first a column: names were figures, units targets
    assert finding_codes(result) == []


def test_two_title_lines_in_a_line_dump_of_tasks_open_their_groups() -> None:
    page = _with_title_lines(
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
        (
            "I. NHIỆM VỤ CHUNG",
            (
                ("1", "Xây dựng kế hoạch", "Sở Nội vụ", "Các sở, ngành", "Quý I/2024"),
                ("2", "Kiểm tra việc thực hiện", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Quý IV/2024"),
            ),
        ),
        (
            "II. NHIỆM VỤ CỤ THỂ",
            (("1", "Rà soát thủ tục hành chính", "Văn phòng UBND tỉnh", "Các sở, ngành", "Tháng 6/2024"),),
        ),
    )
    result = run_text(page)
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("I", None, "NHIỆM VỤ CHUNG"),
        ("I.1", "I", "Xây dựng kế hoạch"),
        ("I.2", "I", "Kiểm tra việc thực hiện"),
        ("II", None, "NHIỆM VỤ CỤ THỂ"),
        ("II.1", "II", "Rà soát thủ tục hành chính"),
    ]  # were rows 1, 2, 1 with "I. NHIỆM VỤ CHUNG" as a column and the second title a value of row 2
    assert finding_codes(result) == []
    assert result.tables["appendix_cells"] == []


# Review of the probe-16 mends.

LEAD = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Đơn vị chủ trì")


def test_a_long_or_colon_total_label_still_ends_the_row_before_it() -> None:
    for label in ("TỔNG SỐ ĐIỂM ĐẠT ĐƯỢC", "Tổng cộng: 02 tiêu chí"):
        rows = (
            LEAD,
            ("1", "Công tác chỉ đạo, điều hành", "3", "2", "Văn phòng UBND tỉnh"),
            ("2", "Cải cách tài chính công", "4", "3", "Sở Tài chính"),
            ("", label, "7", "5", ""),
        )
        result = run_text(_lines(*rows))
        assert [(r["row_id"], r["achieved_score"], r["lead_units"]) for r in result.tables["appendix_rows"]] == [
            ("1", Decimal(2), ["Văn phòng UBND tỉnh"]),
            ("2", Decimal(3), ["Sở Tài chính"]),
        ], label  # a label of five words or with a colon had let rows 3 and 5 be invented
        assert finding_codes(result) == [], label


def test_a_note_opening_like_a_total_is_a_cell() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Ghi chú"),
        ("1", "Báo cáo định kỳ", "3", "2", "Tổng số 12 báo cáo"),
        ("2", "Tiết kiệm năng lượng", "4", "3", "Đạt"),
        ("", "TỔNG ĐIỂM", "7", "5", ""),
    )
    result = run_text(_lines(*rows))
    assert _scores(result) == [("1", None, Decimal(3), Decimal(2)), ("2", None, Decimal(4), Decimal(3))]
    assert finding_codes(result) == []


def test_a_column_in_capitals_with_numbered_values_is_no_title() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "TÀI LIỆU KIỂM CHỨNG"),
        ("1", "Ban hành kế hoạch", "3", "3", "1. KẾ HOẠCH SỐ 12/KH-UBND"),
        ("2", "Kiểm tra cải cách hành chính", "2", "2", "2. BÁO CÁO SỐ 45/BC-UBND"),
        ("3", "Tuyên truyền", "5", "4"),
    )
    result = run_text(_lines(*rows))
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2", "3"]
    assert [c["value"] for c in result.tables["appendix_cells"] if c["value"]] == [
        "1. KẾ HOẠCH SỐ 12/KH-UBND",
        "2. BÁO CÁO SỐ 45/BC-UBND",
    ]
    assert finding_codes(result) == ["short_row"]  # row 3's evidence cell is not printed


def test_a_rate_row_is_left_out_of_the_appraisal_column_not_the_whole_column() -> None:
    rows = (
        ("STT", "Tiêu chí", "Đơn vị tính", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"),
        ("1", "Công tác chỉ đạo điều hành", "Điểm", "6", "5", "5"),
        ("1.1", "Ban hành kế hoạch", "Điểm", "3", "3", "3"),
        ("1.2", "Kiểm tra cải cách hành chính", "Điểm", "3", "2", "1"),
        ("2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "100", "98", "97"),
    )
    assert [f["message"] for f in run_text(_tabs(*rows)).tables["findings"]] == [
        "Row 1 gives 5 for Điểm thẩm định but its 2 sub-rows add up to 4."
    ]


def test_one_dot_decimal_leaves_the_appraisal_column_checked() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"),
        ("1", "Nhận thức số", "6", "5,5", "5"),
        ("1.1", "Ban hành văn bản", "3", "3", "2.5"),
        ("1.2", "Tuyên truyền", "3", "2,5", "1,5"),
    )
    assert [f["message"] for f in run_text(_tabs(*rows)).tables["findings"]] == [
        "Row 1 gives 5 for Điểm thẩm định but its 2 sub-rows add up to 4."
    ]


def test_the_enactment_line_before_an_article_in_sentence_case() -> None:
    rows = (SCORES, ("1", "Thực hiện nhiệm vụ", "10", "9"))
    for article in ("Điều 1 - Ban hành kèm theo Quyết định này Bộ tiêu chí.", "Điều 1\n\nBan hành Bộ tiêu chí."):
        doc = run_text(_tabs(*rows, body=f"QUYẾT ĐỊNH\n\n{article}\n\n")).tables["documents"][0]
        assert doc["title"] == "BAN HÀNH BỘ TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2024", article


def test_a_text_spread_over_both_score_columns_keeps_them_scores() -> None:
    page = _html(
        _tr("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"),
        _tr("1", "Công tác chỉ đạo", "4", "3"),
        _tr("2", "Tuyên truyền", "<td colspan=2>Không chấm điểm</td>"),
        _tr("3", "Kiểm tra", "<td colspan=2>Không chấm điểm</td>"),
    )
    result = run_text(page, "plan.html")
    assert _scores(result) == [("1", None, Decimal(4), Decimal(3)), ("2", None, None, None), ("3", None, None, None)]
    assert [(f["code"], f["row_id"]) for f in result.tables["findings"]] == [
        ("not_a_number", "2"),
        ("not_a_number", "3"),
    ]  # the maximum had gone to cells while the achieved score stayed a score


# Second review of the mends (bfbedce).


def test_a_note_opening_like_a_total_inside_a_row_does_not_end_it() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Ghi chú", "Điểm thẩm định"),
        ("1", "Báo cáo định kỳ", "3", "2", "Tổng số 12 báo cáo", "2"),
        ("2", "Kiểm tra định kỳ", "3", "3", "Đạt", "3"),
        ("3", "Tuyên truyền", "4", "3", "", "3"),
        ("", "TỔNG ĐIỂM", "10", "8", "", "8"),
    )
    result = run_text(_lines(*rows))
    assert _scores(result) == [
        ("1", None, Decimal(3), Decimal(2)),
        ("2", None, Decimal(3), Decimal(3)),
        ("3", None, Decimal(4), Decimal(3)),
    ]
    assert finding_codes(result) == []


def test_a_total_with_a_blank_first_figure_then_a_note_ends_the_row_before_it() -> None:
    rows = (
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Ghi chú"),
        ("1", "Công tác chỉ đạo, điều hành", "3", "2", "Đạt"),
        ("2", "Cải cách tài chính công", "4", "3", "Đạt"),
        ("", "TỔNG ĐIỂM", "", "5", "Xếp loại Khá"),
    )
    result = run_text(_lines(*rows))
    assert _scores(result) == [("1", None, Decimal(3), Decimal(2)), ("2", None, Decimal(4), Decimal(3))]
    assert result.tables["documents"][0]["total_achieved_score"] == Decimal(5)


def test_three_title_lines_in_a_line_dump_open_their_groups() -> None:
    page = _with_title_lines(
        ("STT", "Chỉ tiêu", "ĐVT", "Kết quả năm 2023", "Mục tiêu năm 2024"),
        ("A. CHỈ TIÊU KINH TẾ", (("1", "Tốc độ tăng trưởng", "%", "6,5", "7"),)),
        ("B. CHỈ TIÊU XÃ HỘI", (("2", "Tỷ lệ hộ nghèo", "%", "8,5", "6,5"),)),
        ("C. CHỈ TIÊU MÔI TRƯỜNG", (("3", "Tỷ lệ che phủ rừng", "%", "45", "46"),)),
    )
    result = run_text(page)
    assert [(r["row_id"], r["name"], r["target_score"]) for r in result.tables["appendix_rows"]] == [
        ("A", "CHỈ TIÊU KINH TẾ", None),
        ("A.1", "Tốc độ tăng trưởng", Decimal(7)),
        ("B", "CHỈ TIÊU XÃ HỘI", None),
        ("B.2", "Tỷ lệ hộ nghèo", Decimal("6.5")),
        ("C", "CHỈ TIÊU MÔI TRƯỜNG", None),
        ("C.3", "Tỷ lệ che phủ rừng", Decimal(46)),
    ]  # "C. ..." two groups after "A. ..." had not been seen as a title
    assert finding_codes(result) == []


def test_a_tasks_text_spread_over_the_lead_units_keeps_the_tasks_column() -> None:
    page = _html(
        _tr("STT", "Nội dung", "Giải pháp thực hiện", "Cơ quan chủ trì", "Thời gian hoàn thành"),
        _tr("1", "Cải cách thể chế", "<td colspan=2>Các sở, ngành rà soát văn bản</td>", "Năm 2024"),
        _tr("2", "Cải cách thủ tục hành chính", "<td colspan=2>Các sở, ngành thực hiện</td>", "Năm 2024"),
        _tr("3", "Chuyển đổi số", "-", "Sở Thông tin và Truyền thông", "Năm 2024"),
    )
    rows = run_text(page, "plan.html").tables["appendix_rows"]
    assert [r["tasks"] for r in rows][:2] == [["Các sở, ngành rà soát văn bản"], ["Các sở, ngành thực hiện"]]


def test_a_target_text_spread_into_the_notes_is_the_target_columns_own() -> None:
    page = _html(
        _tr("STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2023", "Mục tiêu đến năm 2025", "Ghi chú"),
        _tr("1", "Tốc độ tăng trưởng GRDP", "%", "6,8", "<td colspan=2>Phấn đấu cao hơn bình quân cả nước</td>"),
        _tr("2", "Thu ngân sách", "tỷ đồng", "3.120", "<td colspan=2>Tăng 10% mỗi năm trở lên</td>"),
        _tr("3", "Tỷ lệ hộ nghèo", "%", "3,5", "2", ""),
    )
    result = run_text(page, "plan.html")
    assert [r.get("target_score") for r in result.tables["appendix_rows"]] == [None, None, None]  # a column of text
    assert "Tăng 10% mỗi năm trở lên" in [c["value"] for c in result.tables["appendix_cells"]]
