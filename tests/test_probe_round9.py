"""Session-9 probe fixes: bracketed row numbers, an empty first column, minus signs written as
dashes, a score scale's sub-columns, the document's totals from its score appendix, and rates
("100%") kept out of the sums."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.columns import map_columns, merge_header_rows
from extract.numbering import parse_label
from normalize.numbers import parse_number, parse_score
from tests.conftest import markdown_table, run_text, text_table

HEAD_HTML = (
    "<html><head><meta charset='utf-8'></head><body>"
    "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH THÁI NGUYÊN</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
    "<p>Số: 88/KH-UBND</p><p>Thái Nguyên, ngày 14 tháng 9 năm 2023</p><p>KẾ HOẠCH</p>"
    "<p>Khắc phục hạn chế năm 2023</p><p>PHỤ LỤC</p>"
)
TOP_TEXT = (
    "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 1800/QĐ-UBND\n\nSóc Trăng, ngày 12 tháng 3 năm 2021\n\nQUYẾT ĐỊNH\n\nBan hành Kế hoạch cải cách hành chính\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
)
END_TEXT = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"


def _html_table(*rows: tuple[str, ...], attrs: str = "border=1") -> str:
    return (
        f"<table {attrs}>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        + "</table>"
    )


def _scores(result) -> list[tuple[str, Decimal | None, Decimal | None]]:
    return [(r["row_id"], r["max_score"], r["achieved_score"]) for r in result.tables["appendix_rows"]]


def _money_findings(header: str, child: str, values: tuple[str, str, str]) -> list[dict]:
    """The findings of a money table: a parent "Nhóm A", a part "Loại 1" and ``child``, under
    ``header``, with ``values`` in that order."""
    html = (
        HEAD_HTML
        + _html_table(
            ("STT", "Nội dung", header),
            ("1", "Nhóm A", values[0]),
            ("1.1", "Loại 1", values[1]),
            ("1.2", child, values[2]),
        )
        + "</body></html>"
    )
    return run_text(html, "plan.html").tables["findings"]


@pytest.mark.parametrize(
    ("printed", "key"),
    [("1)", "1"), ("1.2)", "1.2"), ("(1)", "1"), ("(1.2)", "1.2"), ("1.2.", "1.2"), ("(10)", "10")],
)
def test_bracketed_row_numbers_are_decimal_labels(printed: str, key: str) -> None:
    label = parse_label(printed)
    assert label is not None and (label.style, label.key, label.printed) == ("decimal", key, printed)


@pytest.mark.parametrize("printed", ["(1", "1.2.)", "((1))", "10.326.312"])
def test_half_bracketed_or_amount_cells_are_no_row_numbers(printed: str) -> None:
    assert parse_label(printed) is None


@pytest.mark.parametrize("style", ["({})", "{})"])
def test_a_table_numbered_in_brackets_keeps_its_rows(style: str) -> None:
    def n(key: str) -> str:
        return style.format(key)

    html = (
        HEAD_HTML
        + _html_table(
            ("STT", "Nội dung", "Điểm tối đa", "Điểm đạt được"),
            (n("1"), "Công tác chỉ đạo, điều hành", "10", "7,5"),
            (n("1.1"), "Kế hoạch cải cách hành chính", "4", "3"),
            (n("1.2"), "Tuyên truyền", "6", "4,5"),
            (n("2"), "Cải cách thể chế", "1", "0,5"),
        )
        + "</body></html>"
    )
    result = run_text(html, "plan.html")
    assert _scores(result) == [
        ("1", Decimal("10"), Decimal("7.5")),
        ("1.1", Decimal("4"), Decimal("3")),
        ("1.2", Decimal("6"), Decimal("4.5")),
        ("2", Decimal("1"), Decimal("0.5")),
    ]
    assert [r["row_label"] for r in result.tables["appendix_rows"]] == [n("1"), n("1.1"), n("1.2"), n("2")]
    assert result.tables["findings"] == []


def test_an_empty_spacer_column_before_the_row_numbers_is_left_out() -> None:
    spacer = "<p>&nbsp;</p>"
    html = (
        HEAD_HTML
        + _html_table(
            (spacer, "STT", "Nội dung", "Điểm tối đa", "Điểm đạt được", ""),
            (spacer, "1", "Công tác chỉ đạo", "10", "8", ""),
            (spacer, "1.1", "Kế hoạch", "10", "8", ""),
            (spacer, "", "TỔNG ĐIỂM", "10", "8", ""),
            attrs="border=0",  # no visible border: kept as data only for its row numbers
        )
        + "</body></html>"
    )
    result = run_text(html, "plan.html")
    assert _scores(result) == [("1", Decimal("10"), Decimal("8")), ("1.1", Decimal("10"), Decimal("8"))]
    document = result.tables["documents"][0]
    assert (document["total_max_score"], document["total_achieved_score"]) == (Decimal("10"), Decimal("8"))
    assert {c["column_header"] for c in result.tables["appendix_cells"]} <= {"Điểm tối đa", "Điểm đạt được"}


def test_a_tab_table_whose_lines_all_start_with_a_tab_is_read() -> None:
    page = (
        TOP_TEXT
        + (
            "\tSTT\tNội dung\tĐiểm tối đa\tĐiểm đạt năm 2021\tĐơn vị chủ trì\n"
            "\tI\tCẢI CÁCH THỂ CHẾ\t\t\t\n"
            "\t1\tXây dựng văn bản quy phạm pháp luật\t2\t1,5\tSở Tư pháp\n"
            "\t2\tKiểm tra văn bản\t1\t1\tSở Tư pháp\n"
            "\t\tTỔNG ĐIỂM\t3\t2,5\t\n"
        )
        + END_TEXT
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["max_score"], r["achieved_score"], r["lead_units"]) for r in rows] == [
        ("I", None, None, []),
        ("I.1", Decimal("2"), Decimal("1.5"), ["Sở Tư pháp"]),
        ("I.2", Decimal("1"), Decimal("1"), ["Sở Tư pháp"]),
    ]
    assert result.tables["documents"][0]["total_achieved_score"] == Decimal("2.5")


@pytest.mark.parametrize(
    ("printed", "value"),
    [("–0,5", "-0.5"), ("− 1", "-1"), ("‒2,25", "-2.25"), ("－3", "-3"), ("-0,5", "-0.5")],
)
def test_a_minus_written_as_a_dash_is_a_minus(printed: str, value: str) -> None:
    assert parse_number(printed) == Decimal(value)


def test_a_negative_zero_is_zero() -> None:
    assert [str(parse_number(t)) for t in ("- 0", "–0", "-0,0", "-0,5")] == ["0", "0", "0.0", "-0.5"]


def test_a_lone_dash_is_still_no_figure_and_a_score_unit_keeps_its_sign() -> None:
    assert [parse_number(t) for t in ("–", "– ", "—1")] == [None, None, None]
    assert [parse_score(t) for t in ("–0,5đ", "-1 điểm", "+2đ")] == [Decimal("-0.5"), Decimal("-1"), Decimal("2")]


def test_the_sub_columns_of_a_score_scale_say_which_score_they_hold() -> None:
    columns = map_columns(["STT", "Tiêu chí", "Thang điểm / Điểm tối đa", "Thang điểm / Điểm đạt được"])
    assert [c.role for c in columns[2:]] == ["max_score", "achieved_score"]
    # a text dump prints the parent row flat: the score sub-columns go under "Thang điểm", not
    # under the target of a year beside it
    top = ["STT", "Tiêu chí", "Thang điểm", "Mục tiêu năm 2021", "Đơn vị chủ trì"]
    merged = merge_header_rows([top, ["Điểm tối đa", "Điểm đạt được"]])
    assert merged == [
        "STT", "Tiêu chí", "Thang điểm / Điểm tối đa", "Thang điểm / Điểm đạt được", "Mục tiêu năm 2021",
        "Đơn vị chủ trì",
    ]  # fmt: skip
    assert [c.role for c in map_columns(merged)[2:5]] == ["max_score", "achieved_score", "target_score"]


def test_a_score_scale_over_two_sub_columns_in_html_reads_both_scores() -> None:
    html = HEAD_HTML + (
        "<table border=1><tr><td rowspan=2>STT</td><td rowspan=2>Tiêu chí</td><td colspan=2>Thang điểm</td></tr>"
        "<tr><td>Điểm tối đa</td><td>Điểm đạt được</td></tr>"
        "<tr><td>1</td><td>Chỉ đạo, điều hành</td><td>3</td><td>2,5</td></tr>"
        "<tr><td>2</td><td>Điểm trừ</td><td>-1</td><td>–0,5</td></tr>"
        "<tr><td></td><td>TỔNG ĐIỂM</td><td>2</td><td>2</td></tr></table></body></html>"
    )
    result = run_text(html, "plan.html")
    assert _scores(result) == [("1", Decimal("3"), Decimal("2.5")), ("2", Decimal("-1"), Decimal("-0.5"))]
    assert result.tables["documents"][0]["total_achieved_score"] == Decimal("2")
    assert result.tables["findings"] == []


def test_the_document_totals_come_from_its_first_appendix_with_scores() -> None:
    tasks = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành")
    html = (
        HEAD_HTML
        + _html_table(tasks, ("1", "Rà soát văn bản", "Sở Tư pháp", "Quý II"))
        + "<p>PHỤ LỤC II</p><p>KẾT QUẢ CHỈ SỐ</p>"
        + _html_table(
            ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2022", "Mục tiêu năm 2023"),
            ("1", "Chỉ đạo, điều hành", "10", "8", "9"),
            ("", "TỔNG ĐIỂM", "10", "8", "9"),
        )
        + "</body></html>"
    )
    document = run_text(html, "plan.html").tables["documents"][0]
    assert document["appendix_count"] == 2
    assert [document[k] for k in ("total_max_score", "total_achieved_score", "total_target_score")] == [
        Decimal("10"), Decimal("8"), Decimal("9"),
    ]  # fmt: skip
    assert (document["achieved_year"], document["target_year"]) == (2022, 2023)


def test_a_rate_in_a_score_column_is_read_and_summed_like_any_figure() -> None:
    # "100%" is 100: weights printed as rates must add up, and a rate among points is reported
    page = (
        TOP_TEXT
        + "PHỤ LỤC\n\n"
        + text_table(
            ("STT", "Tiêu chí", "Điểm tối đa", "Mục tiêu năm 2021"),
            ("1", "Chỉ đạo, điều hành", "2", "2"),
            ("1.1", "Ban hành kế hoạch", "1", "1"),
            ("1.2", "Mức độ hoàn thành kế hoạch", "1", "100%"),
        )
        + END_TEXT
    )
    result = run_text(page)
    assert [r["target_score"] for r in result.tables["appendix_rows"]] == [Decimal("2"), Decimal("1"), Decimal("100")]
    assert [(f["code"], f["row_id"], f["column"], f["expected"]) for f in result.tables["findings"]] == [
        ("sum_mismatch", "1", "target_score", "101"),
        ("score_above_max", "1.2", "target_score", "≤ 1"),  # session 11
    ]


def test_a_tab_table_with_a_second_header_line_of_score_sub_columns_is_read() -> None:
    page = (
        TOP_TEXT
        + (
            "STT\tTiêu chí\tThang điểm\tMục tiêu năm 2024\tĐơn vị chủ trì\n"
            "Điểm tối đa\tĐiểm đạt được\n"
            "1\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t3\t2,5\t3\t \n"
            "1.1\tKế hoạch cải cách hành chính\t2\t2\t2\tSở Nội vụ\n"
            "1.2\tKiểm tra cải cách hành chính\t1\t0,5\t1\tSở Nội vụ\n"
            " \tTỔNG ĐIỂM\t3\t2,5\t3\t \n"
        )
        + END_TEXT
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["max_score"], r["achieved_score"], r["target_score"], r["lead_units"]) for r in rows] == [
        ("1", Decimal("3"), Decimal("2.5"), Decimal("3"), []),
        ("1.1", Decimal("2"), Decimal("2"), Decimal("2"), ["Sở Nội vụ"]),
        ("1.2", Decimal("1"), Decimal("0.5"), Decimal("1"), ["Sở Nội vụ"]),
    ]
    assert result.tables["documents"][0]["target_year"] == 2024
    assert result.tables["findings"] == []


@pytest.mark.parametrize(
    ("printed", "style", "key"),
    [
        ("Tiêu chí 1", "decimal", "1"),
        ("Chỉ số 1.2", "decimal", "1.2"),
        ("CHỈ SỐ 2.3.", "decimal", "2.3"),
        ("Lĩnh vực II", "roman", "II"),
        ("Tiêu chí thành phần 1.1.1", "decimal", "1.1.1"),
        ("Chỉ số\u00a01.2", "decimal", "1.2"),
    ],
)
def test_a_row_number_after_the_word_for_its_kind_is_a_label(printed: str, style: str, key: str) -> None:
    label = parse_label(printed)
    assert label is not None and (label.style, label.key) == (style, key)


@pytest.mark.parametrize(
    "printed", ["Mục a", "Nội dung", "Tiêu chí 1 và 2", "Mục tiêu năm 2023", "1 2", "Mục 1", "Phần II", "Nhóm 1"]
)
def test_words_that_only_look_like_a_kind_and_number_are_no_labels(printed: str) -> None:
    assert parse_label(printed) is None


_INDICATORS = (
    ("Tiêu chí/Chỉ số", "Nội dung đánh giá", "Điểm tối đa", "Điểm tự chấm", "Đơn vị chủ trì"),
    ("Tiêu chí 1", "Công khai, minh bạch thủ tục hành chính", "6", "5,5", ""),
    ("Chỉ số 1.1", "Tỷ lệ thủ tục được công khai", "3", "3", "Văn phòng UBND tỉnh"),
    ("Chỉ số 1.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "3", "2,5", "Các sở, ban, ngành"),
    ("Tiêu chí 2", "Chuyển đổi số", "4", "3", "Sở Thông tin và Truyền thông"),
)
_INDICATOR_ROWS = [
    ("1", "Tiêu chí 1", None, "Công khai, minh bạch thủ tục hành chính", Decimal("6"), Decimal("5.5")),
    ("1.1", "Chỉ số 1.1", "1", "Tỷ lệ thủ tục được công khai", Decimal("3"), Decimal("3")),
    ("1.2", "Chỉ số 1.2", "1", "Tỷ lệ hồ sơ giải quyết đúng hạn", Decimal("3"), Decimal("2.5")),
    ("2", "Tiêu chí 2", None, "Chuyển đổi số", Decimal("4"), Decimal("3")),
]


def _indicator_rows(result) -> list[tuple]:
    return [
        (r["row_id"], r["row_label"], r["parent_id"], r["name"], r["max_score"], r["achieved_score"])
        for r in result.tables["appendix_rows"]
    ]


@pytest.mark.parametrize("form", ["html", "text"])
def test_a_first_column_numbering_criteria_and_indicators_numbers_the_rows(form: str) -> None:
    if form == "html":
        result = run_text(HEAD_HTML + _html_table(*_INDICATORS) + "</body></html>", "plan.html")
    else:
        result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(*_INDICATORS) + END_TEXT)
    assert _indicator_rows(result) == _INDICATOR_ROWS
    assert [r["lead_units"] for r in result.tables["appendix_rows"]][1:] == [
        ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành"], ["Sở Thông tin và Truyền thông"],
    ]  # fmt: skip
    assert result.tables["findings"] == []


def test_a_form_s_bracketed_column_numbers_with_no_row_after_them_are_no_rows() -> None:
    page = (
        TOP_TEXT
        + "Mẫu 01\n\n"
        + markdown_table(
            ("TT", "Văn bản", "Tin bài", "Kênh thông tin"),
            ("(1)", "(2)", "(3)", "(4)"),
            ("", "", "", ""),
        )
        + "\n*(1). Số thứ tự*\n"
        + END_TEXT
    )
    result = run_text(page, "form.md")
    assert result.tables["appendix_rows"] == []


@pytest.mark.parametrize("form", ["html", "text"])
def test_a_page_behind_a_login_wall_says_its_text_may_be_cut_short(form: str) -> None:
    notice = "Bạn phải đăng nhập để xem toàn văn. Vui lòng đăng nhập hoặc đăng ký."
    if form == "html":
        document = HEAD_HTML.split("<body>")[1].replace("<p>PHỤ LỤC</p>", "")
        page = f"<html><body><div id=content>{document}</div><div class=notice>{notice}</div></body></html>"
        result = run_text(page, "walled.html")
    else:
        result = run_text(TOP_TEXT + notice + "\n", "walled.txt")
    findings = [(f["code"], f["severity"], f["location"]) for f in result.tables["findings"]]
    assert ("login_wall", "warning", "page") in findings
    document = result.tables["documents"][0]
    assert notice not in (document["body_text"] or "")  # the notice is the site's, not the document's
    assert document["number"] in ("88/KH-UBND", "1800/QĐ-UBND")


def test_a_document_that_only_mentions_logging_in_has_no_login_wall() -> None:
    page = TOP_TEXT + "Người dân đăng nhập Cổng dịch vụ công để nộp hồ sơ trực tuyến.\n" + END_TEXT
    assert "login_wall" not in [f["code"] for f in run_text(page).tables["findings"]]


def test_an_appendix_shown_as_an_image_or_a_linked_file_is_said() -> None:
    appendix = (
        "<p>PHỤ LỤC</p><p><img width=600 height=800 src='/uploads/2024/33-KH-UBND-phuluc.jpg' alt='Phụ lục'></p>"
        "<p><a href='/files/33-KH-UBND-phu-luc.pdf'>Xem Phụ lục tại đây</a></p>"
        "<p><img src='image001.gif' width=600 height=2></p>"  # a rule drawn as an image: no content
    )
    result = run_text(HEAD_HTML.replace("<p>PHỤ LỤC</p>", appendix) + "</body></html>", "plan.html")
    found = [(f["code"], f["severity"], f["message"]) for f in result.tables["findings"] if f["code"] != "no_appendix"]
    assert found == [
        (
            "content_as_file",
            "warning",
            "part of the document is an image or a linked file (33-KH-UBND-phuluc.jpg, 33-KH-UBND-phu-luc.pdf): "
            "its text and tables are not read",
        )
    ]


def test_parts_of_the_body_numbered_mục_or_phần_stay_text() -> None:
    page = (
        TOP_TEXT
        + (
            "I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao chất lượng\n\nĐúng tiến độ\n\nMục 1\n\nRà soát thủ tục hành chính\n\n"
            "Mục 2\n\nKiểm tra việc thực hiện\n\nPHẦN I\n\nĐÁNH GIÁ KẾT QUẢ\n\nPHẦN II\n\nNHIỆM VỤ\n\n"
            "II. TỔ CHỨC THỰC HIỆN\n\nSở Nội vụ theo dõi."
        )
        + END_TEXT
    )
    result = run_text(page)
    assert result.tables["appendix_rows"] == []
    assert "Mục 2\nKiểm tra việc thực hiện" in result.tables["documents"][0]["body_text"]


def test_a_body_table_of_groups_is_no_appendix_and_keeps_the_appendix_index() -> None:
    groups = _html_table(
        ("Nhóm", "Tên cơ quan, đơn vị"),
        ("Nhóm 1", "Sở Tư pháp, Sở Nội vụ"),
        ("Nhóm 2", "Sở Y tế, Sở Giáo dục và Đào tạo"),
        ("Nhóm 3", "UBND các huyện"),
    )
    scores = _html_table(("STT", "Tiêu chí", "Điểm tối đa"), ("1", "Chỉ đạo, điều hành", "10"))
    html = HEAD_HTML.replace("<p>PHỤ LỤC</p>", groups + "<p>PHỤ LỤC</p>" + scores) + "</body></html>"
    result = run_text(html, "plan.html")
    assert [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]] == [(1, "1")]
    assert "Nhóm 1" in result.tables["documents"][0]["body_text"]


def test_a_score_column_beside_a_group_header_is_no_parent_of_its_sub_columns() -> None:
    merged = merge_header_rows(
        [["STT", "Nội dung", "Điểm tối đa", "Kết quả thực hiện", "Ghi chú"], ["Điểm tự chấm", "Điểm thẩm định"]]
    )
    assert merged[2:5] == ["Điểm tối đa", "Kết quả thực hiện / Điểm tự chấm", "Kết quả thực hiện / Điểm thẩm định"]
    assert [c.role for c in map_columns(merged)[2:4]] == ["max_score", "achieved_score"]
    # bare score words under "Thang điểm" are that scale's maximum and achieved score
    bare = merge_header_rows([["STT", "Tiêu chí", "Thang điểm", "Mục tiêu năm 2021"], ["Tối đa", "Đạt được"]])
    assert [c.role for c in map_columns(bare)[2:5]] == ["max_score", "achieved_score", "target_score"]
    # a year under a target is that target's year, not a score "of the year"
    years = map_columns(["STT", "Tiêu chí", "Điểm tối đa", "Mục tiêu / Năm 2023"])
    assert [(c.role, c.year) for c in years[2:]] == [("max_score", None), ("target_score", 2023)]


def test_bracketed_column_numbers_with_a_blank_column_are_no_row() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Ghi chú"),
            ("(1)", "(2)", "(3)", "(4)", ""),
            ("1", "Chỉ đạo, điều hành", "10", "8", ""),
            ("2", "Cải cách thể chế", "5", "4", ""),
        )
        + "</body></html>"
    )
    result = run_text(html, "plan.html")
    assert _scores(result) == [("1", Decimal("10"), Decimal("8")), ("2", Decimal("5"), Decimal("4"))]
    assert result.tables["findings"] == []


def test_a_join_below_the_bar_in_the_body_is_reported_once() -> None:
    page = TOP_TEXT + "Tổ chức đ\nng bộ các giải pháp nâng cao chỉ số.\n" + END_TEXT
    result = run_text(page, repair=True)
    joins = [(r["location_column"], r["before"], r["applied"]) for r in result.tables["repairs"] if "\n" in r["before"]]
    assert joins == [("body_text", "đ\nng", False)]
    assert result.tables["documents"][0]["repairs_reported"] == 1


def test_a_task_list_with_targets_does_not_give_the_document_its_totals() -> None:
    tasks = ("STT", "Nhiệm vụ", "Mục tiêu", "Cơ quan chủ trì")
    html = (
        HEAD_HTML
        + _html_table(tasks, ("1", "Rà soát văn bản", "100", "Sở Tư pháp"), ("", "Tổng cộng", "100", ""))
        + "<p>PHỤ LỤC II</p>"
        + _html_table(
            ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"),
            ("1", "Chỉ đạo", "10", "8"),
            ("", "TỔNG ĐIỂM", "10", "8"),
        )
        + "</body></html>"
    )
    document = run_text(html, "plan.html").tables["documents"][0]
    assert (document["total_max_score"], document["total_achieved_score"]) == (Decimal("10"), Decimal("8"))


def test_a_figure_after_a_range_in_a_text_dump_stays_in_its_row() -> None:
    # "0 - 2" is no single figure, but the "2" after it is the row's next score, not row 2
    page = (
        TOP_TEXT
        + "PHỤ LỤC\n\n"
        + text_table(
            ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Mục tiêu năm 2021", "Đơn vị chủ trì"),
            ("1", "Sáng kiến trong cải cách hành chính", "0 - 2", "2", "Đạt", "Sở Nội vụ"),
            ("2", "ĐIỂM THƯỞNG", "2", "1", "2", "Văn phòng UBND tỉnh"),
        )
        + END_TEXT
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["achieved_score"], r["lead_units"]) for r in rows] == [
        ("1", "Sáng kiến trong cải cách hành chính", Decimal("2"), ["Sở Nội vụ"]),
        ("2", "ĐIỂM THƯỞNG", Decimal("1"), ["Văn phòng UBND tỉnh"]),
    ]


_ENGLISH = (
    "Tiếng Anh",
    "PEOPLE'S COMMITTEE OF THAI NGUYEN PROVINCE",
    "-------",
    "SOCIALIST REPUBLIC OF VIETNAM",
    "Independence - Freedom - Happiness",
    "No. 88/KH-UBND",
    "PLAN",
    "1. Direction and administration: 10 points.",
)


@pytest.mark.parametrize("form", ["html", "text"])
def test_an_english_translation_after_the_document_is_left_out(form: str) -> None:
    scores = (("STT", "Tiêu chí", "Điểm tối đa"), ("1", "Chỉ đạo, điều hành", "10"))
    if form == "html":
        english = "<div id=tab-tienganh>" + "".join(f"<p>{line}</p>" for line in _ENGLISH) + "</div>"
        result = run_text(HEAD_HTML + _html_table(*scores) + english + "</body></html>", "plan.html")
    else:
        page = TOP_TEXT + "PHỤ LỤC\n\n" + text_table(*scores) + END_TEXT + "\n" + "\n\n".join(_ENGLISH) + "\n"
        result = run_text(page)
    document = result.tables["documents"][0]
    texts = " ".join(str(document[k] or "") for k in ("body_text", "annex_text", "recipients"))
    assert "SOCIALIST" not in texts and "PEOPLE'S COMMITTEE" not in texts and "Tiếng Anh" not in texts
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1"]


def test_amounts_in_a_money_column_are_checked_against_their_parts_and_the_total() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("STT", "Nội dung", "Kinh phí (triệu đồng)", "Số lượt"),
            ("1", "Tuyên truyền", "1.000", "4"),
            ("1.1", "In tờ rơi", "400", "3"),
            ("1.2", "Hội nghị", "600", "3"),  # counts need not add up: "Số lượt" is no money
            ("2", "Số hóa hồ sơ", "2.100", "2"),
            ("2.1", "Cấp tỉnh", "600", "1"),
            ("2.2", "Cấp huyện", "1.400", "1"),
            ("", "Tổng cộng", "3.000", "6"),
        )
        + "</body></html>"
    )
    findings = run_text(html, "plan.html").tables["findings"]
    assert [(f["code"], f["row_id"], f["column"], f["expected"], f["actual"]) for f in findings] == [
        ("sum_mismatch", "2", "Kinh phí (triệu đồng)", "2000", "2100"),
        ("total_mismatch", None, "Kinh phí (triệu đồng)", "3100", "3000"),
    ]
    assert findings[0]["message"] == "Row 2 gives 2100 for Kinh phí (triệu đồng) but its 2 sub-rows add up to 2000."


# Probes X and Y (session 9, second round).


def test_an_expected_result_column_is_the_product() -> None:
    for header in ("Kết quả đầu ra", "Kết quả dự kiến"):
        assert map_columns(["STT", "Nhiệm vụ", "Cơ quan chủ trì", header])[3].role == "product", header
    assert [c.role for c in map_columns(["STT", "Tiêu chí", "Kết quả", "Kết quả đạt được"])[2:]] == [
        "achieved_score", "other",
    ]  # fmt: skip


def test_a_br_left_in_a_tab_separated_cell_parts_its_paragraphs() -> None:
    page = (
        TOP_TEXT
        + (
            "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n"
            "1\tRà soát phương án ứng phó\tBộ Chỉ huy Quân sự tỉnh;<br>Công an tỉnh\tQuý II\n"
            "2\tBảo đảm thông tin liên lạc\tViễn thông Đồng Nai<br/>Viettel Đồng Nai\tThường xuyên\n"
        )
        + END_TEXT
    )
    rows = run_text(page).tables["appendix_rows"]
    assert [r["lead_units"] for r in rows] == [
        ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"], ["Viễn thông Đồng Nai", "Viettel Đồng Nai"],
    ]  # fmt: skip


def test_a_portal_markdown_table_of_criteria_and_indicators_is_read() -> None:
    page = TOP_TEXT + "PHỤ LỤC\n\n" + markdown_table(*_INDICATORS) + END_TEXT
    result = run_text(page, "plan.md")
    assert _indicator_rows(result) == _INDICATOR_ROWS


def test_a_parent_printed_once_over_empty_cells_heads_its_sub_columns() -> None:
    page = (
        TOP_TEXT
        + "PHỤ LỤC\n\n"
        + (
            "| STT | Tiêu chí | Điểm |  |  | Đơn vị chủ trì |\n|---|---|---|---|---|---|\n"
            "|  |  | Tối đa | Đạt được | Tự chấm |  |\n"
            "| 1 | Công tác chỉ đạo | 6 | 5 | 5,5 | Sở Nội vụ |\n"
            "| 2 | Thủ tục hành chính | 4 | 3,5 | 4 | Văn phòng UBND tỉnh |\n"
            "|  | TỔNG ĐIỂM | 10 | 8,5 | 9,5 |  |\n"
        )
        + END_TEXT
    )
    result = run_text(page, "plan.md")
    assert _scores(result) == [("1", Decimal("6"), Decimal("5")), ("2", Decimal("4"), Decimal("3.5"))]
    assert result.tables["documents"][0]["total_achieved_score"] == Decimal("8.5")
    assert {c["column_header"] for c in result.tables["appendix_cells"]} == {"Điểm / Tự chấm"}


def test_a_group_column_before_the_number_column_keeps_the_table() -> None:
    html = HEAD_HTML + (
        "<table border=1><tr><td rowspan=2>Lĩnh vực</td><td rowspan=2>TT</td><td rowspan=2>Nội dung</td>"
        "<td colspan=2>Điểm</td><td rowspan=2>Đơn vị chủ trì</td></tr><tr><td>Tối đa</td><td>Đạt được</td></tr>"
        "<tr><td rowspan=2>Chỉ số SIPAS</td><td>1</td><td>Tiếp cận dịch vụ</td><td>2</td><td>1,5</td>"
        "<td rowspan=3>Văn phòng UBND tỉnh</td></tr>"
        "<tr><td>2</td><td>Thủ tục hành chính</td><td>2</td><td>1,75</td></tr>"
        "<tr><td>Chỉ số hài lòng</td><td>3</td><td>Công chức giải quyết</td><td>2</td><td>2</td></tr>"
        "</table></body></html>"
    )
    result = run_text(html, "plan.html")
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"], r["achieved_score"], r["lead_units"]) for r in rows] == [
        ("1", "Tiếp cận dịch vụ", Decimal("2"), Decimal("1.5"), ["Văn phòng UBND tỉnh"]),
        ("2", "Thủ tục hành chính", Decimal("2"), Decimal("1.75"), ["Văn phòng UBND tỉnh"]),
        ("3", "Công chức giải quyết", Decimal("2"), Decimal("2"), ["Văn phòng UBND tỉnh"]),
    ]
    groups = [(c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"]]
    assert groups == [
        ("1", "Lĩnh vực", "Chỉ số SIPAS"), ("2", "Lĩnh vực", "Chỉ số SIPAS"), ("3", "Lĩnh vực", "Chỉ số hài lòng"),
    ]  # fmt: skip


def test_one_column_of_lead_and_coordinating_units_is_parted() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("STT", "Nhiệm vụ", "Cơ quan chủ trì, phối hợp", "Thời gian"),
            ("1", "Rà soát văn bản", "Chủ trì: Sở Tư pháp<br>Phối hợp: Các sở, ban, ngành", "Quý II"),
            ("2", "Kiểm tra văn bản", "Sở Tư pháp chủ trì, Văn phòng UBND tỉnh phối hợp", "Quý III"),
            ("3", "Tuyên truyền", "Sở Thông tin và Truyền thông", "Năm 2024"),
        )
        + "</body></html>"
    )
    rows = run_text(html, "plan.html").tables["appendix_rows"]
    assert [(r["lead_units"], r["coordinating_units"]) for r in rows] == [
        (["Sở Tư pháp"], ["Các sở, ban, ngành"]),
        (["Sở Tư pháp"], ["Văn phòng UBND tỉnh"]),
        (["Sở Thông tin và Truyền thông"], []),
    ]


def test_escaped_asterisks_and_underscores_in_markdown_are_the_page_s_own() -> None:
    page = (
        TOP_TEXT.replace("Điều 1.", "Điều 1\\. Ghi chú \\*: tỷ lệ \\_ ước tính;")
        + "PHỤ LỤC\n\n"
        + (
            "| STT | Nội dung | Điểm tối đa |\n|---|---|---|\n"
            "| 1 | Thực hiện quy chế làm việc \\* (trọng tâm) | 2 |\n"
            "| 2 | Hướng dẫn \\*\\*không in đậm\\*\\* và **in đậm** | 3 |\n"
        )
        + END_TEXT
    )
    result = run_text(page, "plan.md")
    assert [r["name"] for r in result.tables["appendix_rows"]] == [
        "Thực hiện quy chế làm việc * (trọng tâm)", "Hướng dẫn **không in đậm** và in đậm",
    ]  # fmt: skip
    assert "Ghi chú *: tỷ lệ _ ước tính;" in result.tables["documents"][0]["body_text"]


def test_a_translation_header_wrapped_over_two_lines_is_cut_and_a_quoted_name_is_not() -> None:
    from extract.header import translation_start

    wrapped = [
        "Nơi nhận:", "- Lưu: VT.", "", "**THE MINISTRY OF", "INDUSTRY AND TRADE **", "--------",
        "**THE SOCIALIST", "REPUBLIC OF VIET NAM**", "Independence-Freedom-Happiness", "No. 61/2025/TT-BCT",
    ]  # fmt: skip
    assert translation_start(wrapped, 1) == 3
    quoted = ["Điều 1. Hiệp định giữa Chính phủ Socialist Republic of Viet Nam và Chính phủ Lào.", "Điều 2. Hiệu lực."]
    assert translation_start(quoted, 0) is None


# Review of the second round (session 9).


def test_a_table_numbered_inside_its_first_cells_keeps_its_columns() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("Nội dung", "Điểm tối đa", "Điểm đạt được"),
            ("1. Công tác chỉ đạo, điều hành", "6", "5"),
            ("2. Cải cách thể chế", "3", "2"),
            ("3. Cải cách thủ tục hành chính", "4", "3"),
        )
        + "</body></html>"
    )
    result = run_text(html, "plan.html")
    assert _scores(result) == [
        ("1", Decimal("6"), Decimal("5")), ("2", Decimal("3"), Decimal("2")), ("3", Decimal("4"), Decimal("3")),
    ]  # fmt: skip


def test_a_leaf_header_printed_in_the_lower_row_is_under_no_parent() -> None:
    page = (
        TOP_TEXT
        + "PHỤ LỤC\n\n"
        + (
            "| STT | Nhiệm vụ | Mục tiêu năm 2023 |  |  |\n|---|---|---|---|---|\n"
            "|  |  | Số lượng | Tỷ lệ (%) | Thời gian hoàn thành |\n"
            "| 1 | Tuyên truyền | 100 | 90 | Quý II/2023 |\n"
        )
        + END_TEXT
    )
    (row,) = run_text(page, "plan.md").tables["appendix_rows"]
    assert row["deadline"] == "Quý II/2023"


def test_prices_norms_averages_and_details_are_not_summed() -> None:
    for header in ("Đơn giá (nghìn đồng)", "Mức hỗ trợ (triệu đồng/người/tháng)", "Vốn bình quân/xã (tỷ đồng)"):
        assert _money_findings(header, "Loại 2", ("5.000", "6.000", "4.000")) == [], header
    detail = (
        HEAD_HTML
        + _html_table(
            ("STT", "Nội dung", "Kinh phí (triệu đồng)"),
            ("1", "Tuyên truyền", "10.000"),
            ("-", "Trong đó: ngân sách tỉnh", "6.000"),
        )
        + "</body></html>"
    )
    assert run_text(detail, "plan.html").tables["findings"] == []


def test_a_body_line_about_logging_in_is_the_document_s_own() -> None:
    line = "Vui lòng đăng nhập bằng tài khoản VNeID để xem nội dung hồ sơ trước khi nộp trực tuyến."
    for form, page in (
        (
            "html",
            HEAD_HTML.replace("<p>PHỤ LỤC</p>", f"<p>{line}</p><p>Nơi nhận:</p><p>- Lưu: VT.</p>") + "</body></html>",
        ),
        ("text", TOP_TEXT + line + "\n" + END_TEXT),
    ):
        result = run_text(page, f"plan.{'html' if form == 'html' else 'txt'}")
        document = result.tables["documents"][0]
        assert line in document["body_text"], form
        assert document["number"] in ("88/KH-UBND", "1800/QĐ-UBND"), form
        assert "login_wall" not in [f["code"] for f in result.tables["findings"]], form


def test_logos_and_signature_images_are_no_content() -> None:
    images = "<p><img src='image001.png' width=76 height=76></p><p><img src='image002.jpg' width=180 height=90></p>"
    result = run_text(HEAD_HTML.replace("<p>PHỤ LỤC</p>", images) + "</body></html>", "plan.html")
    assert "content_as_file" not in [f["code"] for f in result.tables["findings"]]


_TASKS = ("STT", "Nội dung công việc", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")
_GOES_ON = ("", "", "- Đề xuất xử lý.", "", "", "")  # the row going on after a page break
_ROW_1 = ("1", "Theo dõi thi hành", "- Kiểm tra.\n- Tổng hợp.", "Sở Tư pháp", "Sở Nội vụ", "Năm 2019")
_ROW_2 = ("2", "Rà soát", "Rà soát 100%.", "Sở Nội vụ", "Các sở, ngành", "Quý IV/2019")


@pytest.mark.parametrize("header_again", [False, True])
def test_a_row_going_on_after_a_page_break_in_a_text_dump_is_joined_to_its_cells(header_again: bool) -> None:
    rows = (_TASKS, _ROW_1, *((_TASKS,) if header_again else ()), _GOES_ON, _ROW_2)
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(*rows) + END_TEXT)
    got = [
        (r["row_id"], r["name"], r["tasks"], r["lead_units"], r["coordinating_units"], r["deadline"])
        for r in result.tables["appendix_rows"]
    ]
    assert got == [
        (
            "1",
            "Theo dõi thi hành",
            ["Kiểm tra.", "Tổng hợp.", "Đề xuất xử lý."],
            ["Sở Tư pháp"],
            ["Sở Nội vụ"],
            "Năm 2019",
        ),
        ("2", "Rà soát", ["Rà soát 100%."], ["Sở Nội vụ"], ["Các sở, ngành"], "Quý IV/2019"),
    ]
    assert [(f["code"], f["row_id"]) for f in result.tables["findings"]] == [("sub_row_merged", "1")]


# Review of the third round (session 9).


def test_unit_labels_with_their_noun_and_sentences_about_coordination() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("STT", "Nhiệm vụ", "Cơ quan chủ trì, phối hợp"),
            ("1", "Rà soát văn bản", "Cơ quan chủ trì: Sở Nội vụ<br>Cơ quan phối hợp: Sở Tài chính"),
            ("2", "Kiểm tra", "Phối hợp: với UBND huyện và các đơn vị liên quan tổ chức"),
        )
        + "</body></html>"
    )
    rows = run_text(html, "plan.html").tables["appendix_rows"]
    assert (rows[0]["lead_units"], rows[0]["coordinating_units"]) == (["Sở Nội vụ"], ["Sở Tài chính"])
    assert rows[1]["coordinating_units"] == []  # a sentence is not parted


def test_escaped_rule_lines_and_a_footnote_mark_on_a_row_number_in_markdown() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n\\_\\_\\_\\_\\_\\_\\_\nSố: 215/KH-UBND\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\\_\\_\\_\\_\\_\\_\\_\n"
        "Bến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nCải cách hành chính năm 2024\n\nPHỤ LỤC\n\n"
        "| STT | Nội dung | Điểm tối đa |\n|---|---|---|\n| 1 | Chỉ đạo | 10 |\n| 2\\* | Kiểm tra | 5 |\n" + END_TEXT
    )
    result = run_text(page, "plan.md")
    document = result.tables["documents"][0]
    assert (document["place"], str(document["issued_date"])) == ("Bến Tre", "2024-01-16")
    assert [(r["row_id"], r["row_label"]) for r in result.tables["appendix_rows"]] == [("1", "1"), ("2", "2*")]


def test_two_level_money_headers_and_tasks_named_gom_are_summed() -> None:
    html = HEAD_HTML + (
        "<table border=1><tr><td rowspan=2>STT</td><td rowspan=2>Nội dung</td>"
        "<td colspan=2>Kinh phí dự kiến, triệu đồng</td></tr><tr><td>Tổng số</td><td>Ngân sách tỉnh</td></tr>"
        "<tr><td>1</td><td>Xử lý rác</td><td>10</td><td>10</td></tr>"
        "<tr><td>1.1</td><td>Gom rác thải sinh hoạt</td><td>7</td><td>7</td></tr>"
        "<tr><td>1.2</td><td>Vận chuyển rác</td><td>2</td><td>3</td></tr></table></body></html>"
    )
    findings = run_text(html, "plan.html").tables["findings"]
    assert [(f["code"], f["row_id"], f["column"], f["expected"]) for f in findings] == [
        ("sum_mismatch", "1", "Kinh phí dự kiến, triệu đồng / Tổng số", "9"),
    ]


def test_an_image_after_the_appendix_heading_is_content_a_logo_before_it_is_not() -> None:
    images = (
        "<p><img src='logo-bangkok.png' width=120 height=60></p><p>PHỤ LỤC</p>"
        "<p><img src='/uploads/00573620_1.jpg'></p>"
    )
    result = run_text(HEAD_HTML.replace("<p>PHỤ LỤC</p>", images) + "</body></html>", "plan.html")
    messages = [f["message"] for f in result.tables["findings"] if f["code"] == "content_as_file"]
    assert messages == [
        "part of the document is an image or a linked file (00573620_1.jpg): its text and tables are not read"
    ]


def test_the_site_s_login_notices_are_clutter_and_a_wall_is_said() -> None:
    notice = "Bạn phải đăng nhập hoặc đăng ký Thành Viên TVPL Pro để sử dụng được đầy đủ các tiện ích."
    result = run_text(
        TOP_TEXT + "Nội dung kế hoạch.\n\nBạn cần đăng nhập để xem toàn bộ văn bản.\n\n" + notice + "\n" + END_TEXT
    )
    document = result.tables["documents"][0]
    assert notice not in (document["body_text"] or "")
    assert "login_wall" in [f["code"] for f in result.tables["findings"]]


def test_a_capital_fragment_before_a_sub_numbered_heading_is_not_joined_to_it() -> None:
    from normalize.repair import restore

    text = "Thời gian thực hiện.\nCÁC TRƯỜNG TH\nI.1. Mục tiêu chung"
    assert restore(text).text == text


def test_translation_headers_with_a_wrapped_subtitle_and_bilingual_forms() -> None:
    from extract.header import translation_start

    wrapped = [
        "Nơi nhận:",
        "",
        "PEOPLE'S COMMITTEE",
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Independence - Freedom -",
        "Happiness",
    ]
    assert translation_start(wrapped, 1) == 2
    form = [
        "Mẫu số 01",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
    ]
    assert translation_start(form, 0) is None


def test_an_html_row_going_on_after_a_page_break_adds_to_the_row_above() -> None:
    header = ("STT", "Nhiệm vụ", "Hoạt động cụ thể", "Cơ quan chủ trì")
    html = (  # one table; Word repeats its header on the next page, the row goes on under it
        HEAD_HTML
        + _html_table(
            header,
            ("1", "Tuyên truyền", "- Tổ chức 10 hội nghị.<br>- Phát hành tờ rơi.", "Sở Tư pháp"),
            header,
            ("", "", "- Xây dựng phóng sự.", ""),
            ("2", "Kiểm tra", "- Kiểm tra 5 huyện.", "Sở Nội vụ"),
        )
        + "</body></html>"
    )
    result = run_text(html, "plan.html")
    assert [(r["row_id"], r["tasks"]) for r in result.tables["appendix_rows"]] == [
        ("1", ["Tổ chức 10 hội nghị.", "Phát hành tờ rơi.", "Xây dựng phóng sự."]),
        ("2", ["Kiểm tra 5 huyện."]),
    ]
    assert [(f["code"], f["row_id"]) for f in result.tables["findings"]] == [("sub_row_merged", "1")]
    assert result.tables["appendix_cells"] == []


def test_a_thu_tu_header_is_the_number_column() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("Thứ tự", "Nội dung", "Điểm tối đa"), ("1", "Chỉ đạo, điều hành", "10"), ("2", "Cải cách thể chế", "5")
        )
        + "</body></html>"
    )
    rows = run_text(html, "plan.html").tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "Chỉ đạo, điều hành", Decimal("10")), ("2", "Cải cách thể chế", Decimal("5")),
    ]  # fmt: skip


# Review of the last commits (session 9).


def test_a_wide_row_with_an_empty_cell_is_no_page_break_continuation() -> None:
    header = ("STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Ghi chú")
    # paragraphs of a cell printed as items of their own (blank lines between), 13 items in all
    steps = "\n\n".join(["Rà soát văn bản", "- Bước 1.", "- Bước 2.", "- Bước 3.", "- Bước 4.", "- Bước 5."])
    row = ("1", steps, "", "\n\n".join(["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]), "", "")
    result = run_text(
        TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, row, ("2", "Kiểm tra", "Sở Nội vụ", "", "Quý II", "")) + END_TEXT
    )
    first = result.tables["appendix_rows"][0]
    assert first["coordinating_units"] == ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]
    assert "sub_row_merged" not in [f["code"] for f in result.tables["findings"]]


def test_notes_and_cells_spanning_down_are_not_added_to_the_row_above() -> None:
    header = ("STT", "Tên nhiệm vụ", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì")
    html = HEAD_HTML + (
        "<table border=1>" + "<tr>" + "".join(f"<td>{h}</td>" for h in header) + "</tr>"
        "<tr><td>1</td><td>Tuyên truyền</td><td>- Hội nghị.</td><td>Sở Tư pháp</td></tr>"
        "<tr><td></td><td></td><td>Ghi chú: (*) nhiệm vụ trọng tâm</td><td></td></tr>"
        "<tr><td></td><td></td><td rowspan=2>- Kiểm tra chéo.</td><td></td></tr>"
        "<tr><td>2</td><td>Kiểm tra</td><td>Sở Nội vụ</td></tr></table></body></html>"
    )
    result = run_text(html, "plan.html")
    assert [r["tasks"] for r in result.tables["appendix_rows"]][0] == ["Hội nghị."]
    assert "sub_row_merged" not in [f["code"] for f in result.tables["findings"]]


def test_coordinating_units_after_with_and_a_label_naming_agencies() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("STT", "Nhiệm vụ", "Cơ quan chủ trì, phối hợp"),
            ("1", "Rà soát", "Chủ trì: Sở Nội vụ; Phối hợp: với Sở Tài chính, Sở Y tế"),
            ("2", "Kiểm tra", "Chủ trì: Sở Tư pháp<br>Các cơ quan, đơn vị phối hợp: Sở Y tế"),
        )
        + "</body></html>"
    )
    rows = run_text(html, "plan.html").tables["appendix_rows"]
    assert [(r["lead_units"], r["coordinating_units"]) for r in rows] == [
        (["Sở Nội vụ"], ["Sở Tài chính", "Sở Y tế"]), (["Sở Tư pháp"], ["Sở Y tế"]),
    ]  # fmt: skip


def test_prices_per_session_and_details_written_gom_are_not_summed() -> None:
    assert _money_findings("Mức chi (nghìn đồng/buổi)", "Loại 2", ("500", "300", "100")) == []
    assert _money_findings("Kinh phí (triệu đồng)", "Gồm: 40 triệu hỗ trợ từ trung ương", ("100", "100", "40")) == []


def test_a_sentence_citing_an_appendix_does_not_make_a_signature_image_content() -> None:
    body = "<p>Phụ lục I: Danh mục nhiệm vụ kèm theo.</p><p><img src='chuky.png' width=180 height=90></p>"
    result = run_text(HEAD_HTML.replace("<p>PHỤ LỤC</p>", body) + "</body></html>", "plan.html")
    assert "content_as_file" not in [f["code"] for f in result.tables["findings"]]


# Review of 6000682.


def test_rows_ending_in_empty_cells_or_followed_by_sub_rows_are_no_continuations() -> None:
    # a continuation is taken only after a row ending in a filled cell: a cell ending in a blank
    # paragraph, or an unnumbered sub-criterion, must not be joined column by column
    header = ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Ghi chú")
    steps = "\n\n".join(["Rà soát văn bản", "- Rà soát quyết định", "- Rà soát chỉ thị", "- Công bố", "- Báo cáo"])
    units = "\n\n".join(["Sở Tư pháp", "Sở Nội vụ", "\u00a0"])
    row = ("1", steps, "", units, "", "")
    result = run_text(
        TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, row, ("2", "Kiểm tra", "Sở Tư pháp", "", "2023", "")) + END_TEXT
    )
    first = result.tables["appendix_rows"][0]
    assert (first["name"], first["coordinating_units"]) == ("Rà soát văn bản", ["Sở Tư pháp", "Sở Nội vụ"])
    scores = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Ghi chú")
    rows = (scores, ("1", "Ban hành kế hoạch", "1", "1", "1", ""), ("", "Ban hành đúng hạn", "0,5", "", "", ""),
            ("2", "Tuyên truyền", "2", "1,5", "1,5", ""))  # fmt: skip
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(*rows) + END_TEXT)
    assert result.tables["appendix_rows"][0]["max_score"] == Decimal("1")
    assert "sub_row_merged" not in [f["code"] for f in result.tables["findings"]]


def test_unit_names_holding_a_verb_and_details_spelled_alike() -> None:
    cell = "Chủ trì: Thanh tra tỉnh<br>Phối hợp: Đoàn kiểm tra liên ngành, Sở Nội vụ"
    html = (
        HEAD_HTML
        + _html_table(("STT", "Nội dung", "Cơ quan chủ trì, phối hợp"), ("1", "Thanh tra", cell))
        + "</body></html>"
    )
    (row,) = run_text(html, "plan.html").tables["appendix_rows"]
    assert (row["lead_units"], row["coordinating_units"]) == (
        ["Thanh tra tỉnh"],
        ["Đoàn kiểm tra liên ngành", "Sở Nội vụ"],
    )
    money = HEAD_HTML + _html_table(
        ("STT", "Nội dung", "Kinh phí (triệu đồng)"), ("1", "Hỗ trợ nhà ở", "300"), ("1.1", "Trong đô thị", "200"),
        ("1.2", "Ngoài đô thị", "100"),
    ) + "</body></html>"  # fmt: skip
    assert run_text(money, "plan.html").tables["findings"] == []


def test_a_colspan_in_the_next_row_does_not_stop_a_task_going_on() -> None:
    html = HEAD_HTML + (
        "<table border=1><tr><td>STT</td><td>Nhiệm vụ</td><td>Hoạt động cụ thể</td><td>Cơ quan chủ trì</td></tr>"
        "<tr><td>1</td><td>Tuyên truyền</td><td>- Tổ chức hội nghị.</td><td>Sở Tư pháp</td></tr>"
        "<tr><td></td><td></td><td>- Xây dựng phóng sự.</td><td></td></tr>"
        "<tr><td>II</td><td colspan=3>CẢI CÁCH THỂ CHẾ</td></tr></table></body></html>"
    )
    rows = run_text(html, "plan.html").tables["appendix_rows"]
    assert rows[0]["tasks"] == ["Tổ chức hội nghị.", "Xây dựng phóng sự."]


def test_long_unit_lists_after_their_labels_are_parted() -> None:
    cell = (
        "Chủ trì: Sở Tư pháp<br>Phối hợp: Các sở, ban, ngành, UBND các huyện, thị xã, thành phố và các đơn vị liên quan"
    )
    html = (
        HEAD_HTML
        + _html_table(("STT", "Nhiệm vụ", "Cơ quan chủ trì, phối hợp"), ("1", "Rà soát", cell))
        + "</body></html>"
    )
    (row,) = run_text(html, "plan.html").tables["appendix_rows"]
    assert row["lead_units"] == ["Sở Tư pháp"] and row["coordinating_units"][0] == "Các sở, ban, ngành"


def test_spaced_per_unit_prices_accentless_details_and_real_parts() -> None:
    assert _money_findings("Chi phí (nghìn đồng / suất)", "Loại 2", ("5.000", "6.000", "4.000")) == []
    assert _money_findings("Kinh phí (triệu đồng)", "Trong do: ngan sach tinh", ("10.000", "10.000", "6.000")) == []
    assert _money_findings("Kinh phí (triệu đồng)", "Bao gồm các xã vùng cao", ("10.000", "6.000", "4.000")) == []


def test_an_image_after_an_appendix_heading_in_capitals_with_its_title_is_content() -> None:
    body = "<p>PHỤ LỤC I: DANH MỤC NHIỆM VỤ</p><p><img src='/uploads/00573620_1.jpg'></p>"
    result = run_text(HEAD_HTML.replace("<p>PHỤ LỤC</p>", body) + "</body></html>", "plan.html")
    assert "content_as_file" in [f["code"] for f in result.tables["findings"]]


def test_an_order_of_priority_column_is_no_number_column() -> None:
    html = (
        HEAD_HTML
        + _html_table(
            ("Tên dự án", "Thứ tự", "Kinh phí"), ("Đường A", "1", "100"), ("Đường B", "1", "200"), ("Cầu C", "2", "300")
        )
        + "</body></html>"
    )
    assert run_text(html, "plan.html").tables["appendix_rows"] == []
