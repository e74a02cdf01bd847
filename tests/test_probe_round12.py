"""Session-12 probe fixes, task tables: a group title between the header and row 1, title lines
printed inside the table above its header, a row that lost a merged cell in a text dump, a
total line after a short row of tabs, units listed after "Các Sở:"."""

from __future__ import annotations

from decimal import Decimal

from extract.readers.placement import placed_by_kind
from extract.units import split_units
from tests.conftest import run_text, text_table
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


def _codes(result) -> list[str]:
    return [f["code"] for f in result.tables["findings"]]


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
    assert _codes(result) == ["unnumbered_row"]


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
    assert _codes(result) == ["unnumbered_row"]  # no short_row for a title


def test_a_numbered_group_row_of_tabs_is_no_short_row() -> None:
    group = "I\tCẢI CÁCH THỂ CHẾ"
    result = run_text(_tabs("\t".join(TASKS), group, "\t".join(ROW_1), "\t".join(ROW_2)))
    assert [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]] == [
        ("I", None),
        ("I.1", "I"),
        ("I.2", "I"),
    ]
    assert "short_row" not in _codes(result)


def test_a_title_printed_as_the_last_header_cell_of_a_dump() -> None:
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(TASKS, ("Nhiệm vụ chung",), ROW_1, ROW_2) + END_TEXT)
    assert _tasks(result) == EXPECTED  # was a sixth column, each row one cell short of it
    assert _kept_cells(result) == [("(before the first row)", "STT (unnumbered row)", "Nhiệm vụ chung")]
    assert "short_row" not in _codes(result)


def test_an_empty_last_column_of_a_dump_stays_a_column() -> None:
    header = (*TASKS, "Ghi chú")
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, ROW_1, ROW_2) + END_TEXT)
    assert _tasks(result) == EXPECTED
    assert _kept_cells(result) == []
    assert _codes(result) == ["short_row", "short_row"]


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
    assert _codes(result) == ["short_row"]


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
