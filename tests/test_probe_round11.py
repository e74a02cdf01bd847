"""Session-11 probe fixes: appendices numbered "I.1" or "1.a", a blank paragraph after a text
dump's table, Word's footnote marks, tracked changes and comments, legacy bytes under a
Western label."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.columns import map_columns, role_of
from extract.numbering import parse_label
from extract.pipeline import process_bytes
from normalize.numbers import parse_number
from tests.conftest import NBSP, finding_codes, run_text, text_table
from tests.test_probe_round9 import END_TEXT, HEAD_HTML, TOP_TEXT, _html_table

SCORES = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")


def _scores(result) -> list[tuple]:
    return [
        (r["row_id"], r["parent_id"], r["name"], r["max_score"], r["achieved_score"])
        for r in result.tables["appendix_rows"]
    ]


# Labels printed with their parent's number.


@pytest.mark.parametrize(
    ("printed", "style", "key"),
    [("I.1", "decimal", "1"), ("II.2.3", "decimal", "2.3"), ("A.1", "decimal", "1"), ("1.a", "lower_letter", "a")],
)
def test_a_label_printed_with_its_parent_s_number(printed: str, style: str, key: str) -> None:
    label = parse_label(printed)
    assert (label.printed, label.style, label.key) == (printed, style, key)


def test_labels_that_are_no_parent_paths() -> None:
    assert parse_label("Z.1") is not None  # a capital letter's group
    assert parse_label("1.ab") is None
    assert parse_label("IIII.1") is None  # no roman numeral
    assert parse_label("a.1") is None


ROMAN_ROWS = (
    ("I", "Công tác chỉ đạo", "5", "4"),
    ("I.1", "Ban hành kế hoạch", "3", "2"),
    ("I.2", "Kiểm tra định kỳ", "2", "2"),
    ("II", "Thể chế", "2", "1"),
    ("II.1", "Rà soát văn bản", "2", "1"),
)
ROMAN_EXPECTED = [
    ("I", None, "Công tác chỉ đạo", Decimal(5), Decimal(4)),
    ("I.1", "I", "Ban hành kế hoạch", Decimal(3), Decimal(2)),
    ("I.2", "I", "Kiểm tra định kỳ", Decimal(2), Decimal(2)),
    ("II", None, "Thể chế", Decimal(2), Decimal(1)),
    ("II.1", "II", "Rà soát văn bản", Decimal(2), Decimal(1)),
]


def test_rows_numbered_i_1_in_html_are_rows_with_their_parents() -> None:
    result = run_text(HEAD_HTML + _html_table(SCORES, *ROMAN_ROWS) + "</body></html>", "plan.html")
    assert _scores(result) == ROMAN_EXPECTED
    assert "unnumbered_row" not in finding_codes(result)


def test_rows_numbered_i_1_in_a_text_dump_keep_their_cells() -> None:
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(SCORES, *ROMAN_ROWS) + END_TEXT)
    assert _scores(result) == ROMAN_EXPECTED
    assert finding_codes(result) == []


def test_letters_under_a_decimal_printed_as_1_1_a() -> None:
    rows = (
        ("1", "Hiện đại hóa", "5", "4"),
        ("1.1", "Chính quyền điện tử", "5", "4"),
        ("1.1.a", "Cổng dịch vụ công", "3", "2,5"),
        ("1.1.b", "Quản lý văn bản", "2", "1,5"),
    )
    result = run_text(HEAD_HTML + _html_table(SCORES, *rows) + "</body></html>", "plan.html")
    assert [(r[0], r[1]) for r in _scores(result)] == [("1", None), ("1.1", "1"), ("1.1.a", "1.1"), ("1.1.b", "1.1")]
    assert _scores(result)[2][4] == Decimal("2.5")


# A text dump's table followed by a blank paragraph.


def test_a_blank_paragraph_after_the_last_row_is_no_cell_of_it() -> None:
    rows = (("1", "Công tác chỉ đạo", "3", "2,5"), ("2", "Thể chế", "3", "2"))
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(SCORES, *rows) + f"\n\n{NBSP}" + END_TEXT)
    assert _scores(result) == [
        ("1", None, "Công tác chỉ đạo", Decimal(3), Decimal("2.5")),
        ("2", None, "Thể chế", Decimal(3), Decimal(2)),
    ]


# Word "Save as Web Page": notes, comments, tracked changes, superscripts, legacy bytes.


def _word_page(
    rows: tuple[tuple[str, ...], ...],
    number: str = "88/KH-UBND",
    date: str = "14",
    after: str = "",
    header: tuple[str, ...] = SCORES,
    table: str | None = None,
) -> str:
    """A plan page whose appendix is ``rows`` under ``header`` (or the HTML ``table``)."""
    return (
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH THÁI NGUYÊN</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
        f"<p>Số: {number}</p><p>Thái Nguyên, ngày {date} tháng 9 năm 2023</p><p>KẾ HOẠCH</p>"
        "<p>Khắc phục hạn chế năm 2023</p><p>PHỤ LỤC</p>"
        + (table if table is not None else _html_table(header, *rows))
        + after
        + "</body></html>"
    )


def test_footnote_marks_are_no_digits_of_a_score_or_a_name() -> None:
    note3 = '<sup><a href="#_ftn3" name="_ftnref3">3</a></sup>'
    note4 = '<a href="#_ftn4" name="_ftnref4"><span class=MsoFootnoteReference>[4]</span></a>'
    rows = (
        ("1", "Công tác chỉ đạo", "3,5", "3"),
        ("1.1", "Kế hoạch cải cách<sup>1</sup>", "1,5<sup>2</sup>", "1,25" + note3),
        ("1.2", "Kiểm tra" + note4, "2", "1,75"),
    )
    result = run_text(_word_page(rows), "plan.html")
    assert _scores(result) == [
        ("1", None, "Công tác chỉ đạo", Decimal("3.5"), Decimal(3)),
        ("1.1", "1", "Kế hoạch cải cách¹", Decimal("1.5"), Decimal("1.25")),
        ("1.2", "1", "Kiểm tra", Decimal(2), Decimal("1.75")),
    ]
    assert finding_codes(result) == []


def test_a_superscript_unit_is_written_as_one() -> None:
    rows = (("1", "Diện tích nhà ở xã hội 1.000 m<sup>2</sup>", "3", "2"),)
    assert _scores(run_text(_word_page(rows), "plan.html"))[0][2] == "Diện tích nhà ở xã hội 1.000 m²"


def test_a_reviewer_s_comment_is_no_text_of_the_document() -> None:
    anchor = '<a class=msocomanchor id="_anchor_1" href="#_msocom_1" name="_msoanchor_1">[A1]</a>'
    comments = (
        "<div style='mso-element:comment-list'><hr class=msocomoff><div style='mso-element:comment'>"
        '<p class=MsoCommentText><a href="#_msoanchor_1" class=msocomoff>[A1]</a> Kiểm tra lại điểm</p></div></div>'
    )
    result = run_text(_word_page((("1", "Công tác chỉ đạo" + anchor, "3", "2"),), after=comments), "plan.html")
    assert _scores(result)[0][2] == "Công tác chỉ đạo"
    document = result.tables["documents"][0]
    assert "Kiểm tra lại" not in (document["body_text"] or "") + (document["annex_text"] or "")


def test_text_deleted_in_tracked_changes_is_left_out() -> None:
    deleted = '<del cite="mailto:VanThu" datetime="2024-04-01T08:00">{}</del>'
    rows = (("1", "Cải cách " + deleted.format("hệ thống ") + "thể chế", deleted.format("2,0") + "<ins>3</ins>", "2"),)
    page = _word_page(rows, number=deleted.format("75") + "<ins>78</ins>/KH-UBND", date=deleted.format("01") + "03")
    result = run_text(page, "plan.html")
    document = result.tables["documents"][0]
    assert (document["number"], str(document["issued_date"])) == ("78/KH-UBND", "2023-09-03")
    assert _scores(result) == [("1", None, "Cải cách thể chế", Decimal(3), Decimal(2))]


def test_a_sign_number_typed_with_word_s_non_breaking_hyphen() -> None:
    result = run_text(_word_page((("1", "Công tác chỉ đạo", "3", "2"),), number="112/KH\u2011UBND"), "plan.html")
    assert result.tables["documents"][0]["number"] == "112/KH-UBND"


def test_word_s_symbol_font_bullets_leave_the_tasks() -> None:
    header = ("STT", "Nội dung", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì")
    rows = (("1", "Công khai", "·\u00a0Công khai danh sách hộ nghèo<br>\uf0b7 Công khai thu, chi", "UBND cấp xã"),)
    page = _word_page(rows, header=header)
    row = run_text(page, "plan.html").tables["appendix_rows"][0]
    assert row["tasks"] == ["Công khai danh sách hộ nghèo", "Công khai thu, chi"]


@pytest.mark.parametrize("label", ["windows-1252", "iso-8859-1"])
def test_windows_1258_bytes_under_a_western_label(label: str) -> None:
    name = "Tăng cường thực hiện văn bản được giao năm 2023"
    page = _word_page((("1", name, "3", "2"),)).replace("charset='utf-8'", f"charset={label}")
    data = page.encode("windows-1258", errors="xmlcharrefreplace")
    result = process_bytes(data, "plan.htm", repair=False)
    document = result.tables["documents"][0]
    assert (document["encoding"], document["title"]) == ("windows-1258", "Khắc phục hạn chế năm 2023")
    assert _scores(result)[0][2] == name


def test_a_windows_1252_page_writing_d_as_eth_stays_windows_1252() -> None:
    # "ĐỒNG" typed with the eth (Ð) and the other letters as references: read as 1252, "xã" stays
    page = _word_page((("1", "Kế hoạch của xã", "3", "2"),)).replace("charset='utf-8'", "charset=windows-1252")
    data = page.replace("Đ", "Ð").replace("đ", "ð").encode("windows-1252", errors="xmlcharrefreplace")
    result = process_bytes(data, "plan.htm", repair=False)
    assert result.tables["documents"][0]["encoding"] == "windows-1252"
    assert _scores(result)[0][2] == "Kế hoạch của xã"


def test_a_western_page_under_its_own_label_stays_windows_1252() -> None:
    page = _word_page((("1", "Mã số hồ sơ", "3", "2"),)).replace("charset='utf-8'", "charset=windows-1252")
    data = page.encode("windows-1252", errors="xmlcharrefreplace")
    result = process_bytes(data, "plan.htm", repair=False)
    assert result.tables["documents"][0]["encoding"] == "windows-1252"
    assert _scores(result)[0][2] == "Mã số hồ sơ"


# Scores above their maximum; a rate in a table of points.


def test_a_score_above_its_maximum_is_reported() -> None:
    rows = (
        ("1", "Công tác chỉ đạo", "3,5", "3,25"),
        ("1.1", "Kế hoạch", "1,5", "1,75"),
        ("1.2", "Kiểm tra", "2", "1,5"),
    )
    result = run_text(_word_page(rows), "plan.html")
    found = [(f["code"], f["row_id"], f["column"], f["expected"], f["actual"]) for f in result.tables["findings"]]
    assert found == [("score_above_max", "1.1", "achieved_score", "≤ 1,5", "1,75")]
    assert result.tables["findings"][0]["message"] == (
        "Row 1.1 gives 1,75 for the achieved score, beyond its maximum score 1,5."
    )


def test_a_penalty_s_maximum_is_its_lowest_score() -> None:
    rows = (("1", "Điểm trừ do chậm báo cáo", "-1", "-1,5"), ("2", "Điểm trừ do vi phạm", "-2", "-0,5"))
    found = [
        (f["code"], f["row_id"], f["expected"], f["actual"])
        for f in run_text(_word_page(rows), "plan.html").tables["findings"]
    ]
    assert found == [("score_above_max", "1", "≥ -1", "-1,5")]


def test_a_rate_among_rows_of_points_is_not_summed_into_the_total() -> None:
    header = ("STT", "Tiêu chí", "ĐVT", "Điểm tối đa", "Điểm đạt")
    rows = (
        ("1", "Chỉ đạo điều hành", "điểm", "5", "4,5"),
        ("2", "Tỷ lệ hồ sơ đúng hạn", "%", "100", "97"),
        ("3", "Thể chế", "điểm", "6", "5"),
        ("", "Tổng cộng", "điểm", "11", "9,5"),
    )
    page = _word_page(rows, header=header)
    assert finding_codes(run_text(page, "plan.html")) == []


def test_a_score_merged_over_two_sub_rows_counts_once() -> None:
    table = (
        "<table border=1><tr><td>STT</td><td>Tiêu chí</td><td>Điểm tối đa</td><td>Điểm đạt</td></tr>"
        "<tr><td>2</td><td>Thể chế</td><td>5</td><td>4</td></tr>"
        "<tr><td>2.1</td><td>Xây dựng văn bản</td><td rowspan=2>3</td><td>1</td></tr>"
        "<tr><td>2.2</td><td>Kiểm tra văn bản</td><td>1</td></tr>"
        "<tr><td>2.3</td><td>Rà soát văn bản</td><td>2</td><td>2</td></tr></table>"
    )
    result = run_text(_word_page((), table=table), "plan.html")
    assert [r[3] for r in _scores(result)] == [Decimal(5), Decimal(3), Decimal(3), Decimal(2)]
    assert [f["code"] for f in result.tables["findings"] if f["severity"] == "error"] == []


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Điểm số / Phấn đấu năm 2024", "target_score"),
        ("Điểm số / Dự kiến đạt năm 2024", "target_score"),
        ("Điểm dự kiến đạt năm 2024", "target_score"),
        ("Thang điểm / Phấn đấu", "target_score"),
        ("Điểm số / Đạt được năm 2023", "achieved_score"),
        ("Điểm đạt năm 2023", "achieved_score"),
        ("Điểm đạt năm 2023 (dự kiến)", "achieved_score"),  # an estimate of the year's result
        ("Kết quả dự kiến", "product"),
        # alone, in an indicator table, they hold people, shares, money: no score
        ("Phấn đấu năm 2024", "other"),
        ("Dự kiến đạt năm 2024", "other"),
    ],
)
def test_target_columns_named_by_striving_or_expecting(header: str, role: str) -> None:
    assert role_of(header) == role


# Review of session 11: cases the first versions of the rules above got wrong.


def test_an_empty_cell_inside_a_text_dump_row_keeps_the_later_cells_in_place() -> None:
    header = ("STT", "Nội dung", "ĐVT", "Khối lượng", "Kinh phí (triệu đồng)", "Ghi chú")
    rows = (
        ("1", "Nạo vét kênh mương nội đồng", "km", "", "750", "Vốn sự nghiệp\n\nChuyển tiếp từ năm 2023"),
        ("2", "Kiên cố hóa kênh tưới", "km", "3,5", "", "Chờ bố trí vốn"),
        ("3", "Sửa chữa cống đầu kênh", "cái", "4", "320", "Vốn sự nghiệp"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert (cells[("1", "Khối lượng")], cells[("1", "Kinh phí (triệu đồng)")]) == (None, "750")
    assert result.tables["appendix_rows"][0]["note"] == "Vốn sự nghiệp\nChuyển tiếp từ năm 2023"


def test_codes_like_2_a_inside_a_text_dump_row_start_no_row() -> None:
    header = ("STT", "Nội dung báo cáo", "Mẫu biểu", "Đơn vị chủ trì", "Thời gian")
    rows = (
        ("1", "Báo cáo công tác cải cách hành chính", "2.a", "Sở Nội vụ", "Quý IV"),
        ("2", "Báo cáo kiểm soát thủ tục", "2.b", "Văn phòng UBND tỉnh", "Tháng 6"),
        ("3", "Báo cáo tự đánh giá", "3.a", "Sở Nội vụ", "Tháng 12"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    got = [(r["row_id"], r["lead_units"], r["deadline"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", ["Sở Nội vụ"], "Quý IV"),
        ("2", ["Văn phòng UBND tỉnh"], "Tháng 6"),
        ("3", ["Sở Nội vụ"], "Tháng 12"),
    ]


def _ids(result) -> list[tuple[str, str | None]]:
    return [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]]


def _html_and_dump(rows: tuple[tuple[str, ...], ...]) -> list[tuple[object, str]]:
    """The scores table of ``rows`` read from an HTML page and from a text dump."""
    pages = (
        (HEAD_HTML + _html_table(SCORES, *rows) + "</body></html>", "plan.html"),
        (TOP_TEXT + "PHỤ LỤC\n\n" + text_table(SCORES, *rows) + END_TEXT, "plan.txt"),
    )
    return [(run_text(page, path), path) for page, path in pages]


def test_a_row_printed_under_a_group_the_table_lacks_keeps_its_printed_number() -> None:
    rows = (
        ("I", "Công tác chỉ đạo", "5", "4"),
        ("I.1", "Ban hành kế hoạch", "3", "2"),
        ("I.2", "Kiểm tra", "2", "2"),
        ("", "THỂ CHẾ", "3", "2"),  # the group row of II printed without its number
        ("II.1", "Rà soát văn bản", "2", "1"),
        ("II.2", "Kiểm tra văn bản", "1", "1"),
    )
    result = run_text(HEAD_HTML + _html_table(SCORES, *rows) + "</body></html>", "plan.html")
    assert _ids(result) == [("I", None), ("I.1", "I"), ("I.2", "I"), ("II.1", None), ("II.2", None)]
    assert [f["code"] for f in result.tables["findings"] if f["severity"] == "error"] == []


def test_a_letter_printed_under_its_row_after_that_row_s_sub_rows() -> None:
    rows = (
        ("1", "Công tác chỉ đạo", "5", "4"),
        ("1.1", "Kế hoạch", "2", "2"),
        ("1.2", "Kiểm tra", "1", "1"),
        ("1.a", "Tuyên truyền", "2", "1"),
        ("2", "Thể chế", "3", "2"),
    )
    result = run_text(HEAD_HTML + _html_table(SCORES, *rows) + "</body></html>", "plan.html")
    assert _ids(result) == [("1", None), ("1.1", "1"), ("1.2", "1"), ("1.a", "1"), ("2", None)]
    assert finding_codes(result) == []


def test_a_table_cut_by_a_page_break_goes_on_with_rows_numbered_ii_1() -> None:
    first = _html_table(SCORES, ("I", "Chỉ đạo", "5", "4"), ("I.1", "Kế hoạch", "5", "4"), ("II", "Thể chế", "3", "2"))
    second = _html_table(("II.1", "Rà soát văn bản", "2", "1"), ("II.2", "Kiểm tra văn bản", "1", "1"))
    result = run_text(HEAD_HTML + first + "<p>&nbsp;</p>" + second + "</body></html>", "plan.html")
    assert _ids(result) == [("I", None), ("I.1", "I"), ("II", None), ("II.1", "II"), ("II.2", "II")]
    assert result.tables["documents"][0]["appendix_count"] == 1


def test_a_row_number_with_a_footnote_mark_in_a_superscript() -> None:
    rows = (("1", "Công tác chỉ đạo", "3", "2,5"), ("2<sup>1</sup>", "Thể chế", "2", "2"))
    result = run_text(_word_page(rows), "plan.html")
    assert [(r["row_id"], r["row_label"]) for r in result.tables["appendix_rows"]] == [("1", "1"), ("2", "2¹")]


def test_a_criterion_measured_in_percent_that_scores_points_is_summed() -> None:
    header = ("STT", "Tiêu chí", "ĐVT", "Điểm tối đa", "Điểm đạt")
    rows = (
        ("1", "Chỉ đạo điều hành", "điểm", "5", "4"),
        ("2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "2", "1,5"),
        ("2.1", "Cấp tỉnh", "%", "1", "1"),
        ("2.2", "Cấp huyện", "%", "1", "0,75"),
        ("3", "Thể chế", "điểm", "3", "3"),
    )
    page = _word_page(rows, header=header)
    found = [(f["code"], f["row_id"], f["expected"]) for f in run_text(page, "plan.html").tables["findings"]]
    assert found == [("sum_mismatch", "2", "1,75")]


def test_a_rate_is_left_out_of_the_total_of_points_not_the_check() -> None:
    header = ("STT", "Tiêu chí", "ĐVT", "Điểm tối đa", "Điểm đạt")
    rows = (
        ("1", "Chỉ đạo điều hành", "điểm", "5", "4,5"),
        ("2", "Tỷ lệ hồ sơ đúng hạn", "%", "100", "97"),
        ("3", "Thể chế", "điểm", "6", "5"),
        ("", "Tổng cộng", "điểm", "11", "8"),
    )
    page = _word_page(rows, header=header)
    found = [
        (f["code"], f["column"], f["expected"], f["actual"]) for f in run_text(page, "plan.html").tables["findings"]
    ]
    assert found == [("total_mismatch", "achieved_score", "9,5", "8")]


def test_a_score_merged_over_sub_rows_is_no_score_beyond_their_maximum() -> None:
    table = (
        "<table border=1><tr><td>STT</td><td>Tiêu chí</td><td>Điểm tối đa</td><td>Điểm đạt</td></tr>"
        "<tr><td>2</td><td>Thể chế</td><td>3</td><td>2,5</td></tr>"
        "<tr><td>2.1</td><td>Xây dựng văn bản</td><td>1</td><td rowspan=2>1,5</td></tr>"
        "<tr><td>2.2</td><td>Kiểm tra văn bản</td><td>1</td></tr>"
        "<tr><td>2.3</td><td>Rà soát văn bản</td><td>1</td><td>1</td></tr></table>"
    )
    result = run_text(_word_page((), table=table), "plan.html")
    assert [f["code"] for f in result.tables["findings"] if f["severity"] == "error"] == []


def test_points_beside_a_result_are_the_achieved_score() -> None:
    header = ("STT", "Chỉ số", "Điểm tối đa", "Kết quả năm 2023", "Điểm đạt năm 2023")
    rows = (
        ("1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "2", "98,5", "1,75"),
        ("2", "Số văn bản được rà soát", "1", "45", "1"),
    )
    result = run_text(_word_page(rows, header=header), "plan.html")
    assert [r["achieved_score"] for r in result.tables["appendix_rows"]] == [Decimal("1.75"), Decimal(1)]
    assert finding_codes(result) == []


# Second review of session 11.


def test_letters_printed_under_a_criterion_inside_a_roman_group() -> None:
    rows = (
        ("I", "CÔNG TÁC CHỈ ĐẠO", "10", "8"),
        ("1", "Ban hành kế hoạch", "6", "5"),
        ("1.1", "Kế hoạch năm", "2", "2"),
        ("1.2", "Kế hoạch tuyên truyền", "2", "1"),
        ("1.a", "Đúng hạn", "1", "1"),
        ("1.b", "Đủ nội dung", "1", "1"),
        ("2", "Kiểm tra", "4", "3"),
        ("II", "THỂ CHẾ", "5", "4"),
        ("1", "Rà soát văn bản", "5", "4"),
        ("", "TỔNG ĐIỂM", "15", "12"),
    )
    expected = [
        ("I", None), ("I.1", "I"), ("I.1.1", "I.1"), ("I.1.2", "I.1"), ("I.1.a", "I.1"), ("I.1.b", "I.1"),
        ("I.2", "I"), ("II", None), ("II.1", "II"),
    ]  # fmt: skip
    for result, path in _html_and_dump(rows):
        assert _ids(result) == expected, path
        assert finding_codes(result) == [], path


def test_a_letter_printed_under_its_row_is_not_put_under_that_row_s_last_sub_row() -> None:
    rows = (("1", "Công tác chỉ đạo", "4", "3"), ("1.1", "Kế hoạch", "2", "1"), ("1.a", "Đúng hạn", "1", "1"))
    rows += (("1.b", "Đủ nội dung", "1", "1"),)
    result = run_text(HEAD_HTML + _html_table(SCORES, *rows) + "</body></html>", "plan.html")
    assert _ids(result) == [("1", None), ("1.1", "1"), ("1.a", "1"), ("1.b", "1")]
    assert finding_codes(result) == []


def test_a_text_dump_row_numbered_i_1_after_a_short_row() -> None:
    header = ("STT", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì")
    rows = (
        ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", ""),
        ("I.1", "Ban hành kế hoạch", "Tháng 01/2024", "Sở Nội vụ"),
        ("I.2", "Kiểm tra cải cách hành chính", "Quý II/2024"),  # the unit merged over I.1-I.3
        ("I.3", "Tuyên truyền", "Cả năm"),
        ("I.4", "Tổng kết", "Tháng 12/2024", "Văn phòng UBND tỉnh"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    got = [(r["row_id"], r["name"], r["deadline"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", None),
        ("I.1", "Ban hành kế hoạch", "Tháng 01/2024"),
        ("I.2", "Kiểm tra cải cách hành chính", "Quý II/2024"),
        ("I.3", "Tuyên truyền", "Cả năm"),
        ("I.4", "Tổng kết", "Tháng 12/2024"),
    ]
    groups = (
        ("I", "CÔNG TÁC CHỈ ĐẠO"),
        ("I.1", "Kế hoạch", "3", "2"),
        ("II", "THỂ CHẾ"),
        ("II.1", "Rà soát", "3", "2"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(SCORES, *groups) + END_TEXT)
    assert _ids(result) == [("I", None), ("I.1", "I"), ("II", None), ("II.1", "II")]


def test_a_table_cut_after_a_group_row_printed_in_one_cell_goes_on() -> None:
    first = _html_table(SCORES, ("I. CÔNG TÁC CHỈ ĐẠO",), ("I.1", "Kế hoạch", "3", "2"), ("II. THỂ CHẾ",))
    second = _html_table(("II.1", "Rà soát", "3", "2"), ("II.2", "Xử lý", "1", "1"))
    result = run_text(HEAD_HTML + first + second + "</body></html>", "plan.html")
    assert _ids(result) == [("I", None), ("I.1", "I"), ("II", None), ("II.1", "II"), ("II.2", "II")]


def test_points_of_one_year_beside_a_result_of_another_are_no_achieved_score() -> None:
    # results of several years: none is the achieved score (the points rule is for one year)
    roles = [c.role for c in map_columns(["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2022", "Kết quả năm 2023"])]
    assert roles == ["id", "name", "max_score", "other", "other"]


# Third review of session 11.


def test_three_level_numbers_printed_with_their_group() -> None:
    rows = (
        ("I", "Chỉ đạo", "6", "5"),
        ("I.1", "Kế hoạch", "4", "3"),
        ("I.1.1", "Năm", "2", "2"),
        ("I.1.2", "Quý", "2", "1"),
        ("I.2", "Kiểm tra", "2", "2"),
    )
    expected = [("I", None), ("I.1", "I"), ("I.1.1", "I.1"), ("I.1.2", "I.1"), ("I.2", "I")]
    for result, path in _html_and_dump(rows):
        assert (_ids(result), finding_codes(result)) == (expected, []), path


@pytest.mark.parametrize("bullet", ["-", "+", "a)"])
def test_a_text_dump_row_i_2_after_sub_rows_of_i_1(bullet: str) -> None:
    rows = (
        ("I", "CÔNG TÁC CHỈ ĐẠO", "10", "8"),
        ("I.1", "Kế hoạch", "6", "5"),
        (bullet, "Kế hoạch năm", "3", "3"),
        (bullet if bullet != "a)" else "b)", "Kế hoạch tuyên truyền", "3", "2"),
        ("I.2", "Kiểm tra", "4", "3"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(SCORES, *rows) + END_TEXT)
    got = [(r["row_id"], r["parent_id"], r["max_score"]) for r in result.tables["appendix_rows"]]
    assert [g[0] for g in got][-1] == "I.2" and got[-1] == ("I.2", "I", Decimal(4))
    assert finding_codes(result) == []


def test_a_text_dump_numbered_1_a_from_its_top() -> None:
    rows = (("1.a", "Đúng hạn", "1", "1"), ("1.b", "Đủ nội dung", "1", "1"), ("2.a", "Đột xuất", "2", "1"))
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(SCORES, *rows) + END_TEXT)
    assert [(r["row_id"], r["max_score"]) for r in result.tables["appendix_rows"]] == [
        ("1.a", Decimal(1)),
        ("1.b", Decimal(1)),
        ("2.a", Decimal(2)),
    ]


def test_a_code_in_a_text_dump_row_numbered_1_1_opens_no_row() -> None:
    header = ("STT", "Nội dung báo cáo", "Mẫu biểu", "Thời gian")
    rows = (
        ("1", "BÁO CÁO ĐỊNH KỲ", "", ""),
        ("1.1", "Báo cáo quý", "1.a", "Quý IV"),
        ("1.2", "Báo cáo năm", "1.b", "Tháng 12"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    assert [(r["row_id"], r["deadline"]) for r in result.tables["appendix_rows"]] == [
        ("1", None),
        ("1.1", "Quý IV"),
        ("1.2", "Tháng 12"),
    ]


def test_points_beside_a_result_of_a_named_year_are_the_achieved_score() -> None:
    roles = [c.role for c in map_columns(["STT", "Tiêu chí", "Điểm tối đa", "Kết quả năm 2023", "Điểm đạt"])]
    assert roles == ["id", "name", "max_score", "other", "achieved_score"]


# Fourth review of session 11.


def test_sub_rows_printed_i_1_1_under_a_row_printed_1() -> None:
    rows = (
        ("I", "CÔNG TÁC CHỈ ĐẠO", "6", "5"),
        ("1", "Kế hoạch", "4", "3"),
        ("I.1.1", "Năm", "2", "2"),
        ("I.1.2", "Quý", "2", "1"),
        ("2", "Kiểm tra", "2", "2"),
    )
    expected = [("I", None), ("I.1", "I"), ("I.1.1", "I.1"), ("I.1.2", "I.1"), ("I.2", "I")]
    for result, path in _html_and_dump(rows):
        assert (_ids(result), finding_codes(result)) == (expected, []), path
    # without the row I.1, its printed sub-rows go under I
    rows = (("I", "CÔNG TÁC CHỈ ĐẠO", "4", "3"), ("I.1.1", "Năm", "2", "2"), ("I.1.2", "Quý", "2", "1"))
    result = run_text(HEAD_HTML + _html_table(SCORES, *rows) + "</body></html>", "plan.html")
    assert _ids(result) == [("I", None), ("I.1.1", "I"), ("I.1.2", "I")]


def test_a_code_after_a_name_in_capitals_before_a_period_opens_no_row() -> None:
    header = ("STT", "Nội dung", "Mẫu số", "Thời gian", "Đơn vị chủ trì")
    rows = (
        ("1", "BÁO CÁO CẢI CÁCH HÀNH CHÍNH", "1.a", "Quý I/2024", "Sở Nội vụ"),
        ("2", "BÁO CÁO KIỂM SOÁT THỦ TỤC", "2.a", "Hằng quý", "Văn phòng UBND tỉnh"),
    )
    result = run_text(TOP_TEXT + "PHỤ LỤC\n\n" + text_table(header, *rows) + END_TEXT)
    got = [(r["row_id"], r["lead_units"]) for r in result.tables["appendix_rows"]]
    assert got == [("1", ["Sở Nội vụ"]), ("2", ["Văn phòng UBND tỉnh"])]


def test_a_superscript_after_a_whole_number_may_be_a_power_so_no_figure_is_read() -> None:
    assert [parse_number(t) for t in ("4,25³", "1,5 ²", "10³", "2¹")] == [Decimal("4.25"), Decimal("1.5"), None, None]
