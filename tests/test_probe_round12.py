"""Session-12 probe fixes, task tables: a group title between the header and row 1, title lines
printed inside the table above its header, a row that lost a merged cell in a text dump, a
total line after a short row of tabs, units listed after "Các Sở:"."""

from __future__ import annotations

from decimal import Decimal

from extract.readers.placement import placed_by_kind
from extract.units import split_units
from extract.writer import to_table
from tests.conftest import finding_codes, run_text, text_table
from tests.test_probe_round9 import END_TEXT, HEAD_HTML, TOP_TEXT

TASKS = ("STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
ROW_1 = ("1", "Rà soát văn bản", "Sở Tư pháp", "Các sở", "Quý I/2024")
ROW_2 = ("2", "Tập huấn nghiệp vụ", "Sở Nội vụ", "Các sở", "Quý II/2024")
EXPECTED = [
    ("1", "Rà soát văn bản", ["Sở Tư pháp"], ["Các sở"], "Quý I/2024"),
    ("2", "Tập huấn nghiệp vụ", ["Sở Nội vụ"], ["Các sở"], "Quý II/2024"),
]


def _tasks(result) -> list[tuple]:
    return [
        (r["row_id"], r["name"], r["lead_units"], r["coordinating_units"], r["deadline"])
        for r in result.tables["appendix_rows"]
    ]


def _kept_cells(result) -> list[tuple]:
    return [(c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"]]


def _tr(*cells: str) -> str:
    return "<tr>" + "".join(cell if cell.startswith("<td") else f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _html(*rows: str) -> str:
    return HEAD_HTML + "<table border=1>" + "".join(rows) + "</table></body></html>"


def _tabs(*lines: str) -> str:
    return TOP_TEXT + "PHỤ LỤC\n\n" + "\n".join(lines) + "\n" + END_TEXT


# A group title across the table between the header and row 1.


def test_a_title_across_the_table_under_the_header_keeps_the_appendix() -> None:
    result = run_text(
        _html(_tr(*TASKS), _tr("<td colspan=5>Nhiệm vụ chung</td>"), _tr(*ROW_1), _tr(*ROW_2)), "plan.html"
    )
    assert _tasks(result) == EXPECTED  # the title had been read as a header row: no appendix at all
    assert result.tables["documents"][0]["appendix_count"] == 1
    assert _kept_cells(result) == [("(before the first row)", "STT (unnumbered row)", "Nhiệm vụ chung")]
    assert finding_codes(result) == ["unnumbered_row"]


def test_a_title_after_an_empty_number_cell_is_no_header_either() -> None:
    result = run_text(
        _html(_tr(*TASKS), _tr("", "<td colspan=4>Nhiệm vụ chung</td>"), _tr(*ROW_1), _tr(*ROW_2)), "plan.html"
    )
    assert _tasks(result) == EXPECTED
    assert _kept_cells(result) == [("(before the first row)", "Nội dung công việc (unnumbered row)", "Nhiệm vụ chung")]


def test_a_title_line_between_a_tab_header_and_row_1() -> None:
    result = run_text(_tabs("\t".join(TASKS), "Nhiệm vụ chung", "\t".join(ROW_1), "\t".join(ROW_2)))
    assert _tasks(result) == EXPECTED
    assert _kept_cells(result) == [("(before the first row)", "STT (unnumbered row)", "Nhiệm vụ chung")]
    assert finding_codes(result) == ["unnumbered_row"]  # no short_row for a title


def test_a_numbered_group_row_of_tabs_is_no_short_row() -> None:
    group = "I\tCẢI CÁCH THỂ CHẾ"
    result = run_text(_tabs("\t".join(TASKS), group, "\t".join(ROW_1), "\t".join(ROW_2)))
    assert [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]] == [
        ("I", None),
        ("I.1", "I"),
        ("I.2", "I"),
    ]
    assert "short_row" not in finding_codes(result)


def test_a_title_printed_as_the_last_header_cell_of_a_dump() -> None:
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(TASKS, ("Nhiệm vụ chung",), ROW_1, ROW_2) + END_TEXT)
    assert _tasks(result) == EXPECTED  # was a sixth column, each row one cell short of it
    assert _kept_cells(result) == [("(before the first row)", "STT (unnumbered row)", "Nhiệm vụ chung")]
    assert "short_row" not in finding_codes(result)


def test_an_empty_last_column_of_a_dump_stays_a_column() -> None:
    header = (*TASKS, "Ghi chú")
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, ROW_1, ROW_2) + END_TEXT)
    assert _tasks(result) == EXPECTED
    assert _kept_cells(result) == []
    assert finding_codes(result) == ["short_row", "short_row"]


# Title lines inside the table, above its header.


def test_lines_across_the_table_above_its_header_head_the_appendix() -> None:
    rows = (
        _tr("<td colspan=6>DANH MỤC NHIỆM VỤ NĂM 2024</td>"),
        _tr("<td colspan=6>Đơn vị tính: triệu đồng</td>"),
        _tr(*TASKS, "Kinh phí"),
        _tr(*ROW_1, "100"),
        _tr(*ROW_2, "200"),
        _tr("", "<td colspan=4>Tổng cộng</td>", "350"),
    )
    page = HEAD_HTML.replace("<p>PHỤ LỤC</p>", "") + "<p>PHỤ LỤC</p><table border=1>" + "".join(rows) + "</table>"
    result = run_text(page + "</body></html>", "plan.html")
    row = result.tables["appendix_rows"][0]
    assert (row["appendix_label"], row["appendix_title"]) == ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2024")
    # kept as text (the page has no signature: its text ends at the table)
    assert result.tables["documents"][0]["body_text"].endswith("DANH MỤC NHIỆM VỤ NĂM 2024\nĐơn vị tính: triệu đồng")
    [finding] = result.tables["findings"]
    assert (finding["code"], finding["column"], finding["expected"], finding["actual"]) == (
        "total_mismatch",
        "Kinh phí",  # was "DANH MỤC NHIỆM VỤ NĂM 2024 / Đơn vị tính: triệu đồng / Kinh phí"
        "300",
        "350",
    )


def test_a_unit_line_above_a_table_is_no_part_of_its_title() -> None:
    page = (
        HEAD_HTML + "<p>DANH MỤC NHIỆM VỤ</p><p>Đơn vị tính: triệu đồng</p><table border=1>"
        f"{_tr(*TASKS)}{_tr(*ROW_1)}{_tr(*ROW_2)}</table></body></html>"
    )
    row = run_text(page, "plan.html").tables["appendix_rows"][0]
    assert row["appendix_title"] == "DANH MỤC NHIỆM VỤ"


# Rows that lost a merged cell in a text dump.


def test_a_period_left_alone_goes_under_the_time_not_the_units() -> None:
    short = ("2", "Tập huấn nghiệp vụ", "Công an tỉnh", "Quý II/2024")
    row_3 = ("3", "Kiểm tra", "Sở Y tế", "Sở Tư pháp", "Quý III/2024")
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(TASKS, ROW_1, short, row_3) + END_TEXT)
    rows = _tasks(result)
    # the one unit stays where the left gives it (lead or coordinating: nothing tells); the
    # period is the time (it was read as a coordinating unit, the time left empty)
    assert rows[1] == ("2", "Tập huấn nghiệp vụ", ["Công an tỉnh"], [], "Quý II/2024")
    [finding] = [f for f in result.tables["findings"] if f["code"] == "short_row"]
    assert finding["row_id"] == "2"
    assert "'Cơ quan phối hợp' left empty" in finding["message"]


def test_tab_rows_that_lost_the_lead_unit_keep_their_budget_and_total() -> None:
    header = "\t".join((*TASKS, "Kinh phí (triệu đồng)"))
    result = run_text(
        _tabs(
            header,
            "1\tMua sắm vật tư\tSở Y tế\tSở Tài chính\tQuý IV/2022\t1.500",
            "2\tTập huấn giám sát\tTrung tâm Kiểm soát bệnh tật tỉnh\tTháng 11/2022\t250",
            "3\tTruyền thông\tSở Thông tin và Truyền thông\tThường xuyên\t120,5",
            "\tTổng cộng\t\t\t\t1.900",
        )
    )
    rows = _tasks(result)
    assert rows[1] == ("2", "Tập huấn giám sát", ["Trung tâm Kiểm soát bệnh tật tỉnh"], [], "Tháng 11/2022")
    assert rows[2] == ("3", "Truyền thông", ["Sở Thông tin và Truyền thông"], [], "Thường xuyên")
    amounts = [(c["row_id"], c["value_number"]) for c in result.tables["appendix_cells"]]
    assert amounts == [("1", Decimal(1500)), ("2", Decimal(250)), ("3", Decimal("120.5")), ("total", Decimal(1900))]
    mismatch = [f for f in result.tables["findings"] if f["code"] == "total_mismatch"]
    assert [(f["expected"], f["actual"]) for f in mismatch] == [("1870,5", "1900")]


def test_a_total_line_after_a_short_row_of_tabs_is_a_row_of_its_own() -> None:
    header = "\t".join((*TASKS, "Kinh phí"))
    result = run_text(
        _tabs(
            header,
            "1\tViệc A\tSở Y tế\tSở Tài chính\tQuý IV/2022\t1.500",
            "2\tViệc B\tSở Nội vụ\tThường xuyên\t250",
            "\tTổng cộng\t\t\t\t1.750",
        )
    )
    cells = [(c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"]]
    assert cells == [("1", "Kinh phí", "1.500"), ("2", "Kinh phí", "250"), ("total", "Kinh phí", "1.750")]
    assert finding_codes(result) == ["short_row"]


def test_placement_by_kind() -> None:
    roles = ["name", "lead_units", "coordinating_units", "deadline"]
    assert placed_by_kind(["Việc B", "Công an tỉnh", "Quý II/2024"], roles, set()) == [0, 1, 3]
    assert placed_by_kind(["Việc B", "Sở Y tế", "Sở Nội vụ"], roles, set()) is None  # from the left is as good
    assert placed_by_kind(["Việc B", "Báo cáo", "Ghi chú"], roles, set()) is None  # nothing says otherwise
    money = ["name", "lead_units", "deadline", "other"]
    assert placed_by_kind(["Việc B", "Sở Y tế", "250"], money, {3}) == [0, 1, 3]


# Units listed under a shared head.


def test_units_listed_after_a_colon_share_its_head() -> None:
    assert split_units(["Các Sở: Nội vụ, Tài chính, Tư pháp"]) == ["Các Sở: Nội vụ, Tài chính, Tư pháp"]
    assert split_units(["Các sở: Tài chính, Tư pháp, UBND các huyện"]) == [
        "Các sở: Tài chính, Tư pháp",
        "UBND các huyện",
    ]
    assert split_units(["Sở Tư pháp, Sở Nội vụ"]) == ["Sở Tư pháp", "Sở Nội vụ"]


# A total over group rows printed without a figure.

MONEY = (*TASKS, "Kinh phí (triệu đồng)")


def _money_page(total: str) -> str:
    return _html(
        _tr(*MONEY),
        _tr("I", "<td colspan=5>NHIỆM VỤ CHUNG</td>"),
        _tr(*ROW_1, "1.000"),
        _tr(*ROW_2, "250,5"),
        _tr("II", "<td colspan=5>NHIỆM VỤ CỤ THỂ</td>"),
        _tr("1", "Kiểm tra", "Sở Y tế", "Sở Tư pháp", "Quý III/2024", "400"),
        _tr("", "<td colspan=4>Tổng cộng</td>", total),
    )


def test_a_total_over_groups_without_figures_is_checked_against_their_rows() -> None:
    result = run_text(_money_page("1.650"), "plan.html")
    [finding] = result.tables["findings"]
    assert (finding["code"], finding["expected"], finding["actual"]) == ("total_mismatch", "1650,5", "1650")
    assert finding["message"] == (
        "The total row gives 1650 for Kinh phí (triệu đồng) but the 2 top-level rows (a row without a figure "
        "counted by its sub-rows) add up to 1650,5."
    )
    assert run_text(_money_page("1.650,5"), "plan.html").tables["findings"] == []


# Review of the round's rules: what they must leave as it was.


def test_a_tab_row_wrapped_onto_a_second_line_still_goes_on_with_trailing_tabs() -> None:
    result = run_text(
        _tabs(
            "\t".join(TASKS) + "\t",
            "1\tRà soát văn bản quy phạm",
            "pháp luật\tSở Tư pháp\tCác sở\tQuý I/2024\t",
            "\t".join(ROW_2) + "\t",
        )
    )
    assert _tasks(result) == [
        ("1", "Rà soát văn bản quy phạm pháp luật", ["Sở Tư pháp"], ["Các sở"], "Quý I/2024"),
        EXPECTED[1],
    ]


def test_whole_unit_names_after_a_colon_are_still_units() -> None:
    assert split_units(["Các sở, ngành: Sở Nội vụ, Sở Tài chính, Công an tỉnh"]) == [
        "Các sở, ngành: Sở Nội vụ",
        "Sở Tài chính",
        "Công an tỉnh",
    ]


def test_the_last_sub_column_of_a_flat_two_level_header_is_no_title() -> None:
    header = (
        "STT",
        "Nội dung công việc",
        "Cơ quan chủ trì",
        "Thời gian thực hiện",
        "Thời gian bắt đầu",
        "Thời gian hoàn thành",
    )
    rows = (
        ("1", "Rà soát văn bản", "Sở Tư pháp", "01/2024", "6/2024"),
        ("2", "Tập huấn", "Sở Nội vụ", "3/2024", "9/2024"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    assert [(r["row_id"], r["deadline"]) for r in result.tables["appendix_rows"]] == [("1", "6/2024"), ("2", "9/2024")]
    assert "unnumbered_row" not in finding_codes(result)


def test_a_letter_row_of_tabs_that_lost_its_cells_is_noted() -> None:
    result = run_text(
        _tabs(
            "\t".join(TASKS),
            "1\tCông tác chỉ đạo\t\t\t",
            "a\tBan hành kế hoạch\tSở Nội vụ\tCác sở\tQuý I/2024",
            "b\tKiểm tra",
        )
    )
    assert [(f["code"], f["row_id"]) for f in result.tables["findings"]] == [("short_row", "1.b")]


# Figures the output types cannot hold (probe 13: one page crashed the whole run).

INDICATORS = ("STT", "Chỉ tiêu", "ĐVT", "Kết quả năm 2023", "Mục tiêu năm 2024")


def test_figures_no_score_reaches_make_an_indicator_column_of_cells() -> None:
    rows = (
        ("1", "Tổng vốn đầu tư toàn xã hội", "triệu đồng", "450.000.000", "480.000.000"),
        ("2", "Số xã đạt chuẩn nông thôn mới", "xã", "212", "232"),
    )
    result = run_text(_tabs(*("\t".join(row) for row in (INDICATORS, *rows))))
    assert [(r["row_id"], r.get("achieved_score"), r.get("target_score")) for r in result.tables["appendix_rows"]] == [
        ("1", None, None),
        ("2", None, None),
    ]
    cells = [(c["row_id"], c["column_header"], c["value_number"]) for c in result.tables["appendix_cells"]]
    assert cells[:2] == [
        ("1", "Kết quả năm 2023", Decimal(450_000_000)),
        ("1", "Mục tiêu năm 2024", Decimal(480_000_000)),
    ]
    for name, table_rows in result.tables.items():
        to_table(name, table_rows)  # every value fits its column's type


def test_a_score_with_more_decimals_than_kept_is_left_empty_and_reported() -> None:
    rows = (("1", "Công tác chỉ đạo", "3", "2,12345"), ("2", "Thể chế", "3", "2"))
    result = run_text(
        TOP_TEXT + "PHỤ LỤC\n\n" + text_table(("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"), *rows) + END_TEXT
    )
    assert [r["achieved_score"] for r in result.tables["appendix_rows"]] == [None, Decimal(2)]
    [finding] = [f for f in result.tables["findings"] if f["code"] == "not_a_number"]
    assert (finding["row_id"], finding["actual"]) == ("1", "2,12345")
    assert "more decimals than a score holds (4)" in finding["message"]


def test_a_cell_figure_with_more_decimals_than_kept_has_no_value_number() -> None:
    header = (*TASKS, "Hệ số")
    result = run_text(_tabs("\t".join(header), "\t".join((*ROW_1, "0,1234567")), "\t".join((*ROW_2, "1,5"))))
    cells = [(c["row_id"], c["value"], c["value_number"]) for c in result.tables["appendix_cells"]]
    assert cells == [("1", "0,1234567", None), ("2", "1,5", Decimal("1.5"))]
    for name, table_rows in result.tables.items():
        to_table(name, table_rows)


# Probe 13: appendices of figures.

BUDGET = ("STT", "Nội dung", "Tổng kinh phí", "Trong đó", "Ghi chú")
PARTS = ("Ngân sách tỉnh", "Ngân sách huyện", "Nguồn khác")
BUDGET_ROWS = (
    ("I", "Chi thường xuyên", "1.520", "1.100", "320", "100"),
    ("1", "Hội nghị triển khai", "420", "200", "120", "100"),
    ("2", "Kiểm tra, giám sát", "1.100", "900", "200", "-"),
)


def _amounts(result) -> list[tuple]:
    return [(c["row_id"], c["column_header"], c["value_number"]) for c in result.tables["appendix_cells"]]


def test_the_parts_under_trong_do_in_a_dump_stand_under_it() -> None:
    rows = (row + ("",) for row in BUDGET_ROWS)  # "Ghi chú" left blank (a line with a no-break space)
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(BUDGET, PARTS, *rows) + END_TEXT)
    assert _amounts(result)[:4] == [
        ("I", "Tổng kinh phí", Decimal(1520)),  # was "Tổng kinh phí / Ngân sách tỉnh"
        ("I", "Trong đó / Ngân sách tỉnh", Decimal(1100)),
        ("I", "Trong đó / Ngân sách huyện", Decimal(320)),
        ("I", "Trong đó / Nguồn khác", Decimal(100)),  # was under "Trong đó", no money column
    ]
    assert result.tables["findings"] == []


def test_column_numbers_then_the_total_first_in_a_dump() -> None:
    header = ("STT", "Nội dung", "Tổng kinh phí", "Ngân sách tỉnh", "Ngân sách huyện", "Nguồn khác")
    numbers = ("(1)", "(2)", "(3)=(4)+(5)+(6)", "(4)", "(5)", "(6)")
    total = ("", "TỔNG CỘNG", "1.520", "1.100", "320", "100")
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, numbers, total, *BUDGET_ROWS) + END_TEXT)
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["I", "I.1", "I.2"]  # no rows "(1)" ... "(6)"
    assert ("total", "Tổng kinh phí", Decimal(1520)) in _amounts(result)
    assert result.tables["findings"] == []


def test_a_table_going_on_after_a_page_break_without_its_empty_last_column() -> None:
    header = _tr("STT", "Nội dung", "Kinh phí (triệu đồng)", "Ghi chú")
    first = "".join(
        _tr(*row, "")
        for row in (("I", "Chi thường xuyên", "1.200"), ("1", "Hội nghị", "400"), ("2", "Kiểm tra", "500"))
    )
    rest = _tr("3", "Đào tạo", "300") + _tr("", "Tổng cộng", "1.200")  # the blank "Ghi chú" cells left out
    page = HEAD_HTML + f"<table border=1>{header}{first}</table><br style='page-break-before:always'>"
    result = run_text(page + f"<table border=1>{rest}</table></body></html>", "plan.html")
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["I", "I.1", "I.2", "I.3"]
    assert ("total", "Kinh phí (triệu đồng)", Decimal(1200)) in _amounts(result)
    assert result.tables["findings"] == []  # row 3 had gone to the text, row I summed without it


def test_a_trong_do_row_under_an_indicator_details_it_and_is_not_summed() -> None:
    header = ("STT", "Chỉ tiêu", "ĐVT", "Kết quả năm 2023", "Mục tiêu năm 2024")
    rows = (
        ("1", "Thu ngân sách nhà nước", "tỷ đồng", "5.000", "5.400"),
        ("-", "Trong đó: Thu nội địa", "tỷ đồng", "4.200", "4.500"),
        ("2", "Dân số trung bình", "nghìn người", "1.250,5", "1.262"),
    )
    result = run_text(_tabs(*("\t".join(row) for row in (header, *rows))))
    assert [(r["row_id"], r["achieved_score"]) for r in result.tables["appendix_rows"]][:2] == [
        ("1", Decimal(5000)),
        ("1.-1", Decimal(4200)),
    ]
    assert result.tables["findings"] == []  # was sum_mismatch: 4.200 is not all of 5.000


# Second review: what the figure rules must leave as it was.


def test_a_total_in_the_first_cell_after_short_tab_rows_is_its_own_row() -> None:
    result = run_text(
        _tabs(
            "STT\tNội dung\tĐơn vị thực hiện\tKinh phí (triệu đồng)\tGhi chú",
            "1\tHội nghị\tSở Nội vụ\t400",
            "2\tKiểm tra\tSở Tư pháp\t500",
            "Tổng cộng\t\t\t900",
        )
    )
    assert _amounts(result) == [
        ("1", "Kinh phí (triệu đồng)", Decimal(400)),
        ("2", "Kinh phí (triệu đồng)", Decimal(500)),
        ("total", "Kinh phí (triệu đồng)", Decimal(900)),
    ]


def test_an_unnumbered_tab_row_under_a_group_row_is_no_part_of_it() -> None:
    result = run_text(
        _tabs(
            "\t".join(TASKS),
            "I\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "\tXây dựng kế hoạch cải cách hành chính\tSở Nội vụ\tCác sở\tQuý I/2024",
            "\t".join(ROW_1),
        )
    )
    rows = _tasks(result)
    assert rows[0] == ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", [], [], None)  # not its lead unit, nor its time
    assert ("I", "Cơ quan chủ trì (unnumbered row)", "Sở Nội vụ") in _kept_cells(result)


def test_a_title_in_capitals_before_row_1_of_a_score_dump() -> None:
    rows = (("1", "Ban hành kế hoạch", "2", "2"), ("2", "Báo cáo", "1", "0,5"), ("3", "Kiểm tra", "3", "3"))
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, ("CÔNG TÁC CHỈ ĐẠO",), *rows) + END_TEXT)
    assert [(r["row_id"], r["name"], r["achieved_score"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Ban hành kế hoạch", Decimal(2)),
        ("2", "Báo cáo", Decimal("0.5")),
        ("3", "Kiểm tra", Decimal(3)),
    ]


def test_a_trong_do_row_opening_the_list_of_parts_is_summed() -> None:
    header = ("STT", "Chỉ tiêu", "ĐVT", "Kết quả năm 2023", "Mục tiêu năm 2024")
    rows = (
        ("1", "Tổng số lao động được tạo việc làm", "người", "30.000", "32.000"),
        ("-", "Trong đó: lao động trong tỉnh", "người", "22.000", "23.000"),
        ("-", "Lao động đi làm việc ở nước ngoài", "người", "8.000", "9.000"),
    )
    assert run_text(_tabs(*("\t".join(row) for row in (header, *rows)))).tables["findings"] == []


def test_a_leaf_header_starting_trong_do_is_no_parent() -> None:
    header = ("STT", "Nội dung", "Số người tham gia", "Trong đó: nữ", "Kinh phí (triệu đồng)")
    rows = (("1", "Tập huấn nghiệp vụ", "120", "60", "80", "20"), ("2", "Hội nghị", "200", "90", "50", "0"))
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, ("Ngân sách tỉnh", "Nguồn khác"), *rows) + END_TEXT)
    assert [(h, v) for r, h, v in _amounts(result) if r == "1"] == [
        ("Số người tham gia", Decimal(120)),
        ("Trong đó: nữ", Decimal(60)),
        ("Kinh phí (triệu đồng) / Ngân sách tỉnh", Decimal(80)),
        ("Kinh phí (triệu đồng) / Nguồn khác", Decimal(20)),
    ]


def test_a_bullet_note_of_tabs_is_no_short_row() -> None:
    result = run_text(_tabs("\t".join(TASKS), "\t".join(ROW_1), "-\tTrên báo chí, đài phát thanh", "\t".join(ROW_2)))
    assert "short_row" not in finding_codes(result)


def test_a_narrower_table_after_one_with_a_filled_last_column_is_another_table() -> None:
    money = _tr("STT", "Nội dung", "Đơn vị", "Kinh phí") + _tr("1", "Hội nghị", "Sở Nội vụ", "400")
    money += _tr("2", "Kiểm tra", "Sở Tư pháp", "500")
    other = _tr("3", "Danh sách đơn vị", "Sở Y tế") + _tr("4", "Danh sách xã", "UBND huyện")
    page = HEAD_HTML + f"<table border=1>{money}</table><table border=1>{other}</table></body></html>"
    assert [r["row_id"] for r in run_text(page, "plan.html").tables["appendix_rows"]] == ["1", "2"]


# Probe 14: lists of administrative procedures (TTHC).

PROCEDURES = ("STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện")
PROCEDURE_ROWS = (
    ("1", "1.004227", "Đăng ký đất đai lần đầu", "Đất đai", "Sở Tài nguyên và Môi trường"),
    ("2", "1.003003", "Đăng ký biến động quyền sử dụng đất", "Đất đai", "Sở Tài nguyên và Môi trường"),
)


def _names(result) -> list[tuple]:
    return [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]]


def test_a_group_title_spanning_the_code_column_names_the_row() -> None:
    group = _tr("I", "<td colspan=4>THỦ TỤC HÀNH CHÍNH CẤP TỈNH</td>")
    result = run_text(_html(_tr(*PROCEDURES), group, *(_tr(*row) for row in PROCEDURE_ROWS)), "decision.html")
    assert _names(result)[0] == ("I", "THỦ TỤC HÀNH CHÍNH CẤP TỈNH")  # was None, the title a "Mã TTHC" cell
    assert ("I.1", "Mã TTHC", "1.004227") in _kept_cells(result)
    assert not [c for c in _kept_cells(result) if c[0] == "I" and c[2]]


def test_a_group_title_of_tabs_or_cells_under_a_code_column_names_the_row() -> None:
    tabs = _tabs(*("\t".join(row) for row in (PROCEDURES, ("I", "Lĩnh vực Đất đai"), *PROCEDURE_ROWS)))
    cells = TOP_TEXT + "PHỤ LỤC\n\n" + text_table(PROCEDURES, ("I", "Lĩnh vực Đất đai"), *PROCEDURE_ROWS) + END_TEXT
    for page in (tabs, cells):
        assert _names(run_text(page))[:2] == [("I", "Lĩnh vực Đất đai"), ("I.1", "Đăng ký đất đai lần đầu")]


def test_a_tab_cell_of_several_lines_keeps_the_rows_after_it() -> None:
    header = "\t".join((*PROCEDURES[:3], "Căn cứ pháp lý"))
    result = run_text(
        _tabs(
            header,
            "1\t1.004227\tĐăng ký đất đai lần đầu\tLuật Đất đai năm 2013;",
            "Nghị định số 43/2014/NĐ-CP;",
            "Nghị định số 10/2023/NĐ-CP.",
            "2\t1.003003\tĐăng ký biến động\tLuật Đất đai năm 2013.",
        )
    )
    assert _names(result) == [("1", "Đăng ký đất đai lần đầu"), ("2", "Đăng ký biến động")]
    basis = [c["value"] for c in result.tables["appendix_cells"] if c["column_header"] == "Căn cứ pháp lý"]
    assert basis[0] == "Luật Đất đai năm 2013;\nNghị định số 43/2014/NĐ-CP;\nNghị định số 10/2023/NĐ-CP."


def test_lists_of_tabs_under_their_own_headings_are_tables_of_their_own() -> None:
    header = "\t".join(PROCEDURES)
    result = run_text(
        _tabs(
            header,
            "\t".join(PROCEDURE_ROWS[0]),
            "2. Danh mục thủ tục hành chính được sửa đổi, bổ sung",
            header,
            "\t".join(PROCEDURE_ROWS[1]).replace("2", "1", 1),
        )
    )
    rows = result.tables["appendix_rows"]
    assert [(r["appendix_index"], r["appendix_title"], r["row_id"]) for r in rows] == [
        (1, None, "1"),
        (2, "2. Danh mục thủ tục hành chính được sửa đổi, bổ sung", "1"),
    ]
    assert "duplicate_row_id" not in finding_codes(result)


def test_a_total_line_across_the_table_says_what_it_counts() -> None:
    closing = _tr("<td colspan=5>Tổng số: 02 thủ tục hành chính</td>")
    result = run_text(_html(_tr(*PROCEDURES), *(_tr(*row) for row in PROCEDURE_ROWS), closing), "decision.html")
    assert ("total", "STT", "Tổng số: 02 thủ tục hành chính") in _kept_cells(result)  # was dropped


def test_a_title_and_its_reference_read_as_one_line() -> None:
    signed = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\n"
    page = (
        TOP_TEXT
        + signed
        + "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI (Ban hành kèm theo Quyết định số 1800/QĐ-UBND ngày 12/3/2021)\n\n"
        + text_table(PROCEDURES, *PROCEDURE_ROWS)
    )
    rows = run_text(page).tables["appendix_rows"]
    assert {r["appendix_title"] for r in rows} == {"DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI"}


def test_a_page_number_then_the_header_again_goes_on_with_the_tab_table() -> None:
    header = "\t".join(PROCEDURES)
    result = run_text(_tabs(header, "\t".join(PROCEDURE_ROWS[0]), "Trang 2/3", header, "\t".join(PROCEDURE_ROWS[1])))
    assert [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]] == [(1, "1"), (1, "2")]


# Third review: what the procedure-list rules must leave as it was.


def test_a_narrower_piece_continues_a_table_whose_notes_are_mostly_blank() -> None:
    header = _tr("STT", "Nội dung", "Kinh phí (triệu đồng)", "Ghi chú")
    first = _tr("I", "Chi thường xuyên", "1.200", "") + _tr("1", "Hội nghị", "400", "Quý I")
    first += _tr("2", "Kiểm tra", "500", "")
    rest = _tr("3", "Đào tạo", "300") + _tr("", "Tổng cộng", "1.200")
    page = HEAD_HTML + f"<table border=1>{header}{first}</table><table border=1>{rest}</table></body></html>"
    result = run_text(page, "plan.html")
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["I", "I.1", "I.2", "I.3"]
    assert result.tables["findings"] == []


def test_paragraphs_after_a_tab_table_are_no_lines_of_its_last_cell() -> None:
    page = _tabs(
        "\t".join(TASKS),
        "\t".join(ROW_1),
        "\t".join(ROW_2),
        "III. TỔ CHỨC THỰC HIỆN",
        "Căn cứ nhiệm vụ được giao, các cơ quan triển khai.",
        "1.\tSở Nội vụ chủ trì, theo dõi, đôn đốc.",
        "2.\tCác sở, ngành xây dựng kế hoạch chi tiết.",
    )
    result = run_text(page)
    assert _tasks(result) == EXPECTED
    assert "duplicate_row_id" not in finding_codes(result)


def test_an_abbreviated_last_sub_column_in_capitals_is_no_title() -> None:
    header = ("STT", "Nội dung", "Kinh phí (triệu đồng)", "Trong đó", "NSTW", "NSĐP")
    rows = (("1", "Xây dựng phần mềm", "500", "300", "200"), ("2", "Tập huấn", "100", "0", "100"))
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    assert [(h, v) for r, h, v in _amounts(result) if r == "1"] == [
        ("Kinh phí (triệu đồng)", Decimal(500)),
        ("Trong đó / NSTW", Decimal(300)),
        ("Trong đó / NSĐP", Decimal(200)),
    ]


def test_a_continued_mark_before_the_tab_header_again_keeps_one_table() -> None:
    header = "\t".join(TASKS)
    result = run_text(_tabs(header, "\t".join(ROW_1), "(tiếp theo)", header, "\t".join(ROW_2).replace("2", "2", 1)))
    assert [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]] == [(1, "1"), (1, "2")]


def test_a_sentence_starting_danh_muc_is_no_title() -> None:
    first = _tr(*PROCEDURES) + _tr(*PROCEDURE_ROWS[0])
    second = _tr("STT", "Tiêu chí", "Điểm tối đa") + _tr("1", "Công tác chỉ đạo", "10")
    page = (
        HEAD_HTML + f"<table border=1>{first}</table><p>Danh mục trên được cập nhật hằng quý.</p>"
        f"<table border=1>{second}</table></body></html>"
    )
    titles = {(r["appendix_index"], r["appendix_title"]) for r in run_text(page, "plan.html").tables["appendix_rows"]}
    assert (2, None) in titles


def test_a_detail_row_without_its_figure_leaves_the_parts_checked() -> None:
    rows = (
        "1\tCông tác chỉ đạo\t10\t9",
        "-\tBan hành kế hoạch\t4\t3",
        "-\tKiểm tra\t6\t3",
        "-\tTrong đó: kiểm tra đột xuất\t2\t",
        "2\tThể chế\t5\t5",
    )
    result = run_text(_tabs("STT\tTiêu chí\tĐiểm tối đa\tĐiểm đạt", *rows))
    findings = [(f["code"], f["row_id"], f["column"], f["expected"], f["actual"]) for f in result.tables["findings"]]
    assert ("sum_mismatch", "1", "achieved_score", "6", "9") in findings


def test_a_code_alone_stays_a_code_and_a_formula_is_no_count() -> None:
    header = _tr("STT", "Mã số", "Tên chỉ tiêu", "Đơn vị tính")
    rows = _tr("1", "CT 01", "Tỷ lệ hồ sơ đúng hạn", "%") + _tr("2", "CT 02", "", "")
    total = _tr("<td colspan=3>Tổng cộng (1+2)</td>", "")
    result = run_text(_html(header, rows, total), "plan.html")
    assert _names(result) == [("1", "Tỷ lệ hồ sơ đúng hạn"), ("2", None)]
    assert ("2", "Mã số", "CT 02") in _kept_cells(result)
    assert not [c for c in _kept_cells(result) if c[0] == "total"]


def test_a_blank_line_after_the_last_row_does_not_hide_its_merged_cell() -> None:
    header = ("STT", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện", "Ghi chú")
    rows = (
        ("1", "Cấp giấy phép lễ hội", "Văn hóa cơ sở", "Sở Văn hóa và Thể thao", "Sửa đổi thời hạn"),
        ("2", "Cấp giấy chứng nhận kinh doanh thể thao", "Sở Văn hóa và Thể thao", "Sửa đổi thành phần hồ sơ"),
    )
    page = TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + "\n\n\u00a0" + END_TEXT
    last = run_text(page).tables["appendix_rows"][-1]
    assert (last["lead_units"], last["note"]) == (["Sở Văn hóa và Thể thao"], "Sửa đổi thành phần hồ sơ")


# Fourth review: lines with no tab between the rows of a tab table.

UNITS_FIRST = "STT\tNội dung\tThời gian thực hiện\tĐơn vị chủ trì\tĐơn vị phối hợp"


def _units(result) -> list[tuple]:
    return [(r["row_id"], r["coordinating_units"]) for r in result.tables["appendix_rows"]]


def test_a_cell_of_several_lines_before_bullet_sub_rows() -> None:
    result = run_text(
        _tabs(
            UNITS_FIRST,
            "1\tCải cách thể chế\tNăm 2024\tSở Tư pháp\tSở Tài chính;",
            "Sở Kế hoạch và Đầu tư;",
            "Sở Tài nguyên và Môi trường",
            "-\tRà soát văn bản\tQuý II/2024\tSở Tư pháp\tCác sở, ngành",
            "2\tTập huấn nghiệp vụ\tQuý II/2024\tSở Nội vụ\tCác sở, ngành",
        )
    )
    assert _units(result) == [
        ("1", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường"]),
        ("1.-1", ["Các sở, ngành"]),
        ("2", ["Các sở, ngành"]),
    ]


def test_cell_lines_in_capitals_or_numbered_are_a_cell_s() -> None:
    units = _tabs(
        UNITS_FIRST,
        "1\tRà soát văn bản\tQuý I/2024\tSở Tư pháp\tSở Tài chính;",
        "Sở KH&ĐT;",
        "Sở TN&MT",
        "2\tTập huấn nghiệp vụ\tQuý II/2024\tSở Nội vụ\tCác sở, ngành",
    )
    assert _units(run_text(units)) == [("1", ["Sở Tài chính", "Sở KH&ĐT", "Sở TN&MT"]), ("2", ["Các sở, ngành"])]
    basis = _tabs(
        "STT\tMã TTHC\tTên thủ tục hành chính\tCăn cứ pháp lý",
        "1\t1.004227\tĐăng ký đất đai lần đầu\t1. Luật Đất đai năm 2013;",
        "2. Nghị định số 43/2014/NĐ-CP;",
        "3. Thông tư số 24/2014/TT-BTNMT",
        "2\t1.003003\tCấp giấy chứng nhận\tLuật Đất đai năm 2013",
    )
    assert _names(run_text(basis)) == [("1", "Đăng ký đất đai lần đầu"), ("2", "Cấp giấy chứng nhận")]


def test_a_group_line_with_no_tab_opens_its_group() -> None:
    result = run_text(
        _tabs(
            UNITS_FIRST,
            "I\tCẢI CÁCH THỂ CHẾ",
            "1\tRà soát văn bản\tQuý II/2024\tSở Tư pháp\tCác sở, ngành;",
            "UBND cấp huyện",
            "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "1\tCông khai thủ tục\tQuý II/2024\tSở Nội vụ\tCác sở, ngành",
        )
    )
    assert _units(result) == [
        ("I", []),
        ("I.1", ["Các sở, ngành", "UBND cấp huyện"]),  # the group line was a third unit of I.1
        ("II", []),
        ("II.1", ["Các sở, ngành"]),
    ]
    assert _names(result)[2] == ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")


def test_a_line_then_the_same_header_over_rows_from_1_is_another_table() -> None:
    header = "\t".join(PROCEDURES)
    for between in ("(Ban hành kèm theo Quyết định số 12/QĐ-UBND)", "Thủ tục hành chính được sửa đổi, bổ sung"):
        page = _tabs(header, "\t".join(PROCEDURE_ROWS[0]), between, header, "\t".join(PROCEDURE_ROWS[0]))
        rows = run_text(page).tables["appendix_rows"]
        assert [(r["appendix_index"], r["row_id"]) for r in rows] == [(1, "1"), (2, "1")]


def test_a_line_over_another_header_ends_the_table() -> None:
    page = _tabs(
        "\t".join(TASKS),
        "\t".join(ROW_1),
        "Đơn vị tính: triệu đồng",
        "STT\tNội dung\tKinh phí",
        "1\tHội nghị\t500",
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"]) for r in rows] == [(1, "1"), (2, "1")]


def test_a_title_in_capitals_over_a_money_dump() -> None:
    header = ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Kinh phí")
    rows = (
        ("1", "Rà soát văn bản", "Sở Tư pháp", "Các sở", "Quý I/2024", "100"),
        ("2", "Tập huấn", "Sở Nội vụ", "Các sở", "Quý II/2024", "200"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, ("CẢI CÁCH THỂ CHẾ",), *rows) + END_TEXT)
    assert ("1", "Kinh phí", Decimal(100)) in _amounts(result)
    assert ("(before the first row)", "STT (unnumbered row)", "CẢI CÁCH THỂ CHẾ") in _kept_cells(result)


def test_a_count_beside_the_total_word_however_written() -> None:
    for label in ("Tổng số: 02", "Tổng số: 02 (hai) thủ tục", "Tổng số: 02TTHC"):
        closing = _tr(f"<td colspan=5>{label}</td>")
        page = _html(_tr(*PROCEDURES), *(_tr(*row) for row in PROCEDURE_ROWS), closing)
        assert ("total", "STT", label) in _kept_cells(run_text(page, "decision.html"))


def test_a_wrapped_header_printed_again_after_a_page_number() -> None:
    header = ("STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian", "hoàn thành")
    page = _tabs(*header, "\t".join(ROW_1), "Trang 2/3", *header, "\t".join(ROW_2))
    assert _tasks(run_text(page)) == EXPECTED


# Fifth review: groups and tables between the rows of a tab table.

LAND = "\t".join(("STT", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện"))
LAND_ROWS = (
    "1\tĐăng ký đất đai lần đầu\tĐất đai\tSở Tài nguyên và Môi trường",
    "2\tĐăng ký biến động\tĐất đai\tSở Tài nguyên và Môi trường",
)


def test_a_group_line_before_rows_numbered_from_1_again_keeps_them() -> None:
    rows = ("1\tCấp giấy phép xây dựng\tXây dựng\tSở Xây dựng", "2\tCấp chứng chỉ hành nghề\tXây dựng\tSở Xây dựng")
    result = run_text(_tabs(LAND, *LAND_ROWS, "Lĩnh vực xây dựng", *rows))
    # the rows were lost, silently; then kept with duplicate ids, the line a cell of row 2; now
    # the line is the title of a group without a number, over the rows numbered again from 1
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("1", None, "Đăng ký đất đai lần đầu"),
        ("2", None, "Đăng ký biến động"),
        ("#1", None, "Lĩnh vực xây dựng"),
        ("#1.1", "#1", "Cấp giấy phép xây dựng"),
        ("#1.2", "#1", "Cấp chứng chỉ hành nghề"),
    ]
    assert "duplicate_row_id" not in finding_codes(result)
    assert "unnumbered_row" not in finding_codes(result)
    lettered = run_text(_tabs(LAND, *LAND_ROWS, "B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN", *rows))
    assert [r["row_id"] for r in lettered.tables["appendix_rows"]] == ["1", "2", "B", "B.1", "B.2"]


def test_text_after_a_tab_table_then_a_signature_of_tabs_ends_it() -> None:
    page = _tabs(
        "\t".join(TASKS),
        "\t".join(ROW_1),
        "\t".join(ROW_2),
        "3. Tổ chức thực hiện",
        "Giao Sở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch này.",
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
        "- Như trên;\tKT. CHỦ TỊCH",
    )
    result = run_text(page)
    assert _tasks(result) == EXPECTED
    assert "unnumbered_row" not in finding_codes(result)


def test_titles_then_the_same_header_over_another_numbering_is_another_table() -> None:
    header = "\t".join(TASKS)
    page = _tabs(
        header,
        "\t".join(ROW_1),
        "Nhiệm vụ năm 2025",
        header,
        "I\tCẢI CÁCH THỂ CHẾ",
        "1\tKiểm tra công tác\tSở Nội vụ\tCác sở\tQuý III/2025",
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"]) for r in rows] == [(1, "1"), (2, "I"), (2, "I.1")]


def test_the_header_again_with_tt_for_stt_goes_on_with_the_table() -> None:
    header = "\t".join(TASKS)
    page = _tabs(header, "\t".join(ROW_1), "Trang 2", "TT" + header[3:], "\t".join(ROW_2))
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"]) for r in rows] == [(1, "1"), (1, "2")]


def test_a_last_row_printing_its_blank_cells_keeps_its_blank_note() -> None:
    header = ("STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Ghi chú")
    rows = (
        ("1", "Tỷ lệ hồ sơ đúng hạn", "%", "", "85", "Chưa giao chỉ tiêu"),
        ("2", "Số xã đạt chuẩn nông thôn mới", "", "12", "", ""),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    assert ("2", "Kế hoạch", Decimal(12)) in _amounts(result)


# Sixth review.


def test_any_short_line_before_the_same_header_over_rows_numbered_on_is_a_page_mark() -> None:
    header = "\t".join(TASKS)
    for mark in ("(Tiếp theo Phụ lục I)", "Trang 2 của 3"):
        rows = run_text(_tabs(header, "\t".join(ROW_1), mark, header, "\t".join(ROW_2))).tables["appendix_rows"]
        assert [(r["appendix_index"], r["row_id"]) for r in rows] == [(1, "1"), (1, "2")]


def test_a_wrapped_line_then_an_unnumbered_tab_row_keeps_the_rows_after_it() -> None:
    page = _tabs(
        UNITS_FIRST,
        "1\tRà soát văn bản\tNăm 2024\tSở Tư pháp\tSở Tài chính;",
        "Sở Kế hoạch và Đầu tư",
        "Lĩnh vực y tế\t\t\t\t",
        "2\tTập huấn\tQuý II/2024\tSở Y tế\tCác sở",
    )
    result = run_text(page)
    assert _units(result) == [("1", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]), ("2", ["Các sở"])]
    assert ("1", "STT (unnumbered row)", "Lĩnh vực y tế") in _kept_cells(result)


def test_a_short_heading_then_notes_of_tabs_after_the_table() -> None:
    page = _tabs(
        "\t".join(TASKS),
        "\t".join(ROW_1),
        "\t".join(ROW_2),
        "Tổ chức thực hiện",
        "1.\tSở Nội vụ chủ trì theo dõi",
        "2.\tCác sở báo cáo định kỳ",
    )
    result = run_text(page)
    assert _tasks(result) == EXPECTED
    assert finding_codes(result) == []
