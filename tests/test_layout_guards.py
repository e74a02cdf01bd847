"""Shapes the new table rules must leave alone (found by review): rows left short by a rowspan,
real dash rows after a figure, indicators over two lines, wrapped Markdown sentences, unit
names outside the word list, decimals with a dot, a lone total figure, a collapsed appendix,
a body that quotes another ranking, a task cell that is only a list."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import markdown_table, run_text, text_table

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 215/KH-UBND\n\nBến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ DTI NĂM 2024\n\n"
    "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\nPHỤ LỤC\n\nNHIỆM VỤ, GIẢI PHÁP\n\n"
)
END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
HTML_HEAD = (
    "<html><head><meta charset='utf-8'></head><body><div class=content1>"
    "<table border=0><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐẮK LẮK</p></td>"
    "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
    "<tr><td><p>Số: 58/KH-UBND</p></td><td><p>Đắk Lắk, ngày 10 tháng 3 năm 2022</p></td></tr></table>"
    "<p>KẾ HOẠCH</p><p>Nâng cao chỉ số cải cách hành chính năm 2022</p><p>I. MỤC TIÊU</p><p>Nâng cao chỉ số.</p>"
)


def _text(*rows: tuple[str, ...]) -> str:
    return HEAD + text_table(*rows) + END


def _markdown(*rows: tuple[str, ...]) -> str:
    return HEAD + markdown_table(*rows) + END


def _html(rows: str, before_table: str = "<p>PHỤ LỤC</p><p>NHIỆM VỤ NĂM 2022</p>") -> str:
    return HTML_HEAD + before_table + f"<table border=1>{rows}</table></div></body></html>"


def test_rows_short_by_a_rowspan_keep_their_numbers() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian")
    page = _text(
        header,
        ("1", "Công tác chỉ đạo", "3", "Sở Nội vụ", "Các sở, ngành", "Năm 2024"),
        ("2", "Công tác tuyên truyền", "4"),
        ("3", "Công tác kiểm tra", "3"),
        ("4", "Cải cách thể chế", "2", "Sở Tư pháp", "Công an tỉnh", "Năm 2025"),
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["max_score"], r["lead_units"]) for r in rows] == [
        ("1", Decimal("3"), ["Sở Nội vụ"]),
        ("2", Decimal("4"), []),
        ("3", Decimal("3"), []),
        ("4", Decimal("2"), ["Sở Tư pháp"]),
    ]


def test_dash_rows_under_a_rowspan_note_stay_rows() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Ghi chú")
    page = _text(
        header,
        ("1", "Công tác chỉ đạo", "3", "Theo Hướng dẫn số 12/HD-SNV"),
        ("-", "Ban hành kế hoạch", "1"),
        ("-", "Tổ chức thực hiện", "2"),
        ("2", "Cải cách thể chế", "2", "Theo Hướng dẫn số 13/HD-SNV"),
    )
    result = run_text(page)
    assert [(r["row_id"], r["max_score"]) for r in result.tables["appendix_rows"]] == [
        ("1", Decimal("3")), ("1.-1", Decimal("1")), ("1.-2", Decimal("2")), ("2", Decimal("2")),
    ]
    assert "sum_mismatch" not in [f["code"] for f in result.tables["findings"]]


def test_an_indicator_over_two_lines_with_figures_in_both_stays_two_rows() -> None:
    rows = (
        "<tr><td>STT</td><td>Chỉ tiêu</td><td>ĐVT</td><td>Năm 2021</td><td>Năm 2022</td></tr>"
        "<tr><td rowspan=2>1</td><td rowspan=2>Hộ nghèo</td><td>%</td><td>8,12</td><td>6,5</td></tr>"
        "<tr><td>hộ</td><td>1.250</td><td>1.010</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    assert [(r["row_id"], r["unit"]) for r in result.tables["appendix_rows"]] == [("1", "%"), ("1", "hộ")]
    numbers = [c["value_number"] for c in result.tables["appendix_cells"]]
    assert numbers == [Decimal("8.12"), Decimal("6.5"), Decimal("1250"), Decimal("1010")]


def test_a_wrapped_markdown_sentence_that_reaches_a_unit_name_stays_one_paragraph() -> None:
    header = ("STT", "Nội dung", "Giải pháp thực hiện", "Đơn vị chủ trì")
    task = "- Ủy ban nhân dân các huyện, thành phố phối hợp với\nSở Nội vụ kiểm tra công tác cải cách hành chính"
    rows = run_text(_markdown(header, ("1", "Kiểm tra", task, "Sở Nội vụ")), "plan.md").tables["appendix_rows"]
    assert rows[0]["tasks"] == [
        "Ủy ban nhân dân các huyện, thành phố phối hợp với Sở Nội vụ kiểm tra công tác cải cách hành chính"
    ]


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Sở Công Thương, Điện lực Đắk Nông", ["Sở Công Thương", "Điện lực Đắk Nông"]),
        ("Sở Y tế, Viettel Đắk Nông, VNPT Đắk Nông", ["Sở Y tế", "Viettel Đắk Nông", "VNPT Đắk Nông"]),
        ("Quỹ Đầu tư phát triển, Cổng Thông tin điện tử", ["Quỹ Đầu tư phát triển", "Cổng Thông tin điện tử"]),
        ("UBND các huyện, Sở Tài chính", ["UBND các huyện", "Sở Tài chính"]),
        # a sentence going on is no list of units
        (
            "Các cơ quan được UBND tỉnh giao chủ trì tham mưu thực hiện các nhiệm vụ được Chính phủ, Thủ tướng giao",
            ["Các cơ quan được UBND tỉnh giao chủ trì tham mưu thực hiện các nhiệm vụ được Chính phủ, Thủ tướng giao"],
        ),
    ],
)
def test_capitalised_names_outside_the_word_list_are_units(cell: str, units: list[str]) -> None:
    from extract.units import split_units

    assert split_units([cell]) == units


def test_a_decimal_with_a_dot_is_a_number_and_figures_are_no_tasks() -> None:
    rows = (
        "<tr><td>STT</td><td>Tiêu chí</td><td>Chỉ số năm 2020</td><td>Chỉ số năm 2021</td></tr>"
        "<tr><td>1</td><td>Hài lòng về tiếp cận dịch vụ</td><td>0.8012</td><td>0.8791</td></tr>"
        "<tr><td>2</td><td>Hài lòng về thủ tục</td><td>0.7750</td><td>0.8125</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    assert [r.get("tasks") for r in result.tables["appendix_rows"]] == [None, None]
    cells = {(c["row_id"], c["column_header"]): c["value_number"] for c in result.tables["appendix_cells"]}
    assert cells[("1", "Chỉ số năm 2021")] == Decimal("0.8791")
    assert cells[("2", "Chỉ số năm 2020")] == Decimal("0.7750")


def test_a_lone_total_figure_is_not_guessed_into_the_first_figure_column() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023")
    page = _markdown(
        header, ("1", "Công tác chỉ đạo", "20", "15,5"), ("2", "Công tác tuyên truyền", "17", "14,7"),
        ("", "TỔNG ĐIỂM ĐẠT", "30,2"),
    )
    doc = run_text(page, "plan.md").tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (None, Decimal("30.2"))


def test_an_appendix_collapsed_behind_a_link_is_read() -> None:
    rows = (
        "<tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>"
        "<tr><td>1</td><td>Tuyên truyền về dân số</td><td>Sở Y tế</td></tr>"
        "<tr><td>2</td><td>Kiểm tra, giám sát</td><td>Sở Y tế</td></tr>"
    )
    page = HTML_HEAD + (
        "<a href='#'>Xem phụ lục</a><div class='collapse' style='display: none'><p>PHỤ LỤC</p>"
        f"<table border=1>{rows}</table></div></div></body></html>"
    )
    rows_out = run_text(page, "page.html").tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows_out] == [
        ("1", "Tuyên truyền về dân số"), ("2", "Kiểm tra, giám sát"),
    ]


def test_a_body_quoting_another_ranking_gives_no_finding() -> None:
    rows = (
        "<tr><td>STT</td><td>Lĩnh vực</td><td>Điểm tối đa</td><td>Điểm đạt năm 2021</td></tr>"
        "<tr><td>1</td><td>Chỉ đạo điều hành</td><td>10</td><td>8</td></tr>"
        "<tr><td>2</td><td>Thủ tục hành chính</td><td>10</td><td>9</td></tr>"
    )
    body = "<p>Riêng chỉ số 2 (Tính minh bạch) chỉ đạt 5,2/10 điểm theo PCI.</p><p>- Chỉ số 1: đạt 7/10 điểm.</p>"
    result = run_text(_html(rows, body + "<p>PHỤ LỤC</p>"), "page.html")
    assert [(f["code"], f["row_id"]) for f in result.tables["findings"]] == [("body_figure_mismatch", "1")]


def test_a_task_cell_that_is_only_a_list_stays_the_name() -> None:
    rows = (
        "<tr><td>TT</td><td>Nhiệm vụ, giải pháp</td><td>Đơn vị chủ trì</td></tr>"
        "<tr><td>1</td><td><p>- Xây dựng chuyên mục trên Báo Nghệ An;</p><p>- Phát sóng trên Đài PT-TH tỉnh.</p></td>"
        "<td>Sở Thông tin và Truyền thông</td></tr>"
    )
    rows_out = run_text(_html(rows), "page.html").tables["appendix_rows"]
    assert [(r["name"], r.get("tasks")) for r in rows_out] == [
        ("- Xây dựng chuyên mục trên Báo Nghệ An; - Phát sóng trên Đài PT-TH tỉnh.", None)
    ]


def test_decimal_rows_under_roman_groups_keep_the_group_in_their_path() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa")
    page = _text(
        header, ("I", "NHÓM MỘT", "3"), ("1", "Tiêu chí một", "3"), ("1.1", "Thành phần một", "3"),
        ("II", "NHÓM HAI", "2"), ("1", "Tiêu chí hai", "2"), ("1.1", "Thành phần hai", "2"),
    )
    result = run_text(page)
    assert [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]] == [
        ("I", None), ("I.1", "I"), ("I.1.1", "I.1"), ("II", None), ("II.1", "II"), ("II.1.1", "II.1"),
    ]
    assert result.tables["findings"] == []
