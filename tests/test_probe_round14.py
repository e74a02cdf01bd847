"""Session-14 probe fixes: portal Markdown pages saved without blank lines (their layout tables,
text and appendix tables run into one stream of "|" lines), and the site's footer after the
document ("Văn bản này chưa cập nhật nội dung Tiếng Anh" under the document's title line)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from tests.conftest import FIXTURES, finding_codes, markdown_row, markdown_table, run_text, text_cells

#: The synthetic plan's lines with every blank line left out, as about half of the portal's
#: Markdown conversions are saved.
PLAN = (FIXTURES / "markdown" / "synthetic_plan.md").read_text(encoding="utf-8")
PLAN_WITHOUT_BLANKS = "\n".join(line for line in PLAN.split("\n") if line.strip())

TOP = (
    markdown_row(
        "**ỦY BAN NHÂN DÂN**\nTỈNH THỬ NGHIỆM\n-------",
        "**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc",
    )
    + markdown_row("Số: 99/KH-UBND", "*Thử Nghiệm, ngày 18\ntháng 11 năm 2025*")
    + "**KẾ HOẠCH**\nTHỰC HIỆN NHIỆM VỤ NĂM 2026\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau.\n"
    + markdown_row(
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.", "**TM. ỦY BAN NHÂN DÂN**\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A"
    )
)
TITLE = (
    "**PHỤ LỤC**\nNHIỆM VỤ TRỌNG TÂM\n"
    "*(Kèm theo Kế hoạch số 99/KH-UBND ngày 18 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh)*\n"
)
HEADER = ("**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Thời gian hoàn thành**")
FOOTER = (
    "Kế hoạch 99/KH-UBND năm 2025 thực hiện nhiệm vụ năm 2026 tỉnh Thử Nghiệm\n"
    "Văn bản này chưa cập nhật nội dung Tiếng Anh\n"
    "Kế hoạch 99/KH-UBND ngày 18/11/2025 thực hiện nhiệm vụ năm 2026\n"
    "## Văn bản liên quan\nBan hành:\n18/11/2025\n"
)


def _without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def _rows(result) -> list[tuple]:
    return [
        (r["row_id"], r["name"], r.get("lead_units"), r.get("deadline"), r.get("note"))
        for r in result.tables["appendix_rows"]
    ]


def _same(result) -> dict:
    """What a reader of the tables checks, without the bytes' own hash and the layout of the text."""
    skip = {"doc_id", "source_path", "source_sha256", "annex_text", "body_text"}
    return {
        name: [{k: v for k, v in row.items() if k not in skip} for row in rows] for name, rows in result.tables.items()
    }


def test_a_markdown_page_without_blank_lines_gives_the_same_tables() -> None:
    with_blanks = run_text(PLAN, "plan.md")
    without = run_text(PLAN_WITHOUT_BLANKS, "plan.md")
    assert without.tables["documents"][0]["appendix_row_count"] == 12
    assert _same(without) == _same(with_blanks)


def test_an_appendix_after_the_signature_table_on_a_page_without_blank_lines() -> None:
    page = _without_blank_lines(
        TOP
        + TITLE
        + markdown_table(HEADER, ("1", "Rà soát quy hoạch", "Sở Xây dựng", "Quý I/2026"))
        + markdown_row("2", "Xây dựng cơ sở dữ liệu", "Sở Tài chính", "Quý IV/2026")
    )
    result = run_text(page, "plan.md")
    assert _rows(result) == [
        ("1", "Rà soát quy hoạch", ["Sở Xây dựng"], "Quý I/2026", None),
        ("2", "Xây dựng cơ sở dữ liệu", ["Sở Tài chính"], "Quý IV/2026", None),
    ]
    assert {r["appendix_title"] for r in result.tables["appendix_rows"]} == {"NHIỆM VỤ TRỌNG TÂM"}
    assert "no_appendix" not in finding_codes(result)


def test_two_appendices_in_one_stream_stay_apart() -> None:
    second = "**PHỤ LỤC II**\nKINH PHÍ THỰC HIỆN\n"
    page = _without_blank_lines(
        TOP
        + TITLE.replace("**PHỤ LỤC**", "**PHỤ LỤC I**")
        + markdown_table(HEADER, ("1", "Rà soát quy hoạch", "Sở Xây dựng", "Quý I/2026"))
        + second
        + markdown_table(
            ("**STT**", "**Nội dung**", "**Đơn vị thực hiện**", "**Thời gian**"),
            ("1", "Lập dự toán", "Sở Tài chính", "Năm 2026"),
            ("2", "Quyết toán", "Kho bạc", "Năm 2027"),
        )
    )
    rows = run_text(page, "plan.md").tables["appendix_rows"]
    assert [(r["appendix_label"], r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("PHỤ LỤC I", "1", "Rà soát quy hoạch", ["Sở Xây dựng"]),
        ("PHỤ LỤC II", "1", "Lập dự toán", ["Sở Tài chính"]),
        ("PHỤ LỤC II", "2", "Quyết toán", ["Kho bạc"]),
    ]


def test_the_site_footer_after_a_complete_last_row_is_no_cell_of_it() -> None:
    page = _without_blank_lines(
        TOP
        + TITLE
        + markdown_table(HEADER, ("1", "Rà soát quy hoạch", "Sở Xây dựng", "Quý I/2026"))
        + markdown_row("2", "Xây dựng cơ sở dữ liệu", "Sở Tài chính", "Quý IV/2026")[:-2]  # no row after it
        + FOOTER
    )
    result = run_text(page, "plan.md")
    assert _rows(result)[-1] == ("2", "Xây dựng cơ sở dữ liệu", ["Sở Tài chính"], "Quý IV/2026", None)
    assert finding_codes(result) == []


def test_text_after_a_last_row_closed_by_an_empty_cell_is_no_cell_of_it() -> None:
    header = ("**STT**", "**Tên xã, phường**", "**Xã, phường miền núi**", "**Ghi chú**")
    page = _without_blank_lines(
        TOP
        + TITLE
        + markdown_table(header, ("1", "Xã Nguyễn Huệ", "x", ""))
        + "|\n2\n|\nPhường Thục Phán\n|\nx\n|\n|\n*Danh sách 2 xã, phường miền núi./.*\n"
    )
    result = run_text(page, "plan.md")
    assert [(r["row_id"], r["name"], r.get("note")) for r in result.tables["appendix_rows"]] == [
        ("1", "Xã Nguyễn Huệ", None),
        ("2", "Phường Thục Phán", None),
    ]


def test_the_site_title_line_above_the_footer_leaves_a_short_last_row_alone() -> None:
    """The last row is one cell short (its time merged from above): the site's title line of the
    document, printed again before the footer, would read as that cell."""
    page = _without_blank_lines(
        TOP
        + TITLE
        + markdown_table(HEADER, ("1", "Rà soát quy hoạch", "Sở Xây dựng", "Quý I/2026"))
        + "|\n2\n|\nXây dựng cơ sở dữ liệu\n|\nSở Tài chính\n|\n"
        + FOOTER
    )
    result = run_text(page, "plan.md")
    last = result.tables["appendix_rows"][-1]
    assert (last["row_id"], last["name"], last["lead_units"], last["deadline"]) == (
        "2",
        "Xây dựng cơ sở dữ liệu",
        ["Sở Tài chính"],
        "Quý I/2026",
    )
    assert "Văn bản" not in str(result.tables["appendix_rows"])
    assert "Kế hoạch 99/KH-UBND năm 2025" not in result.tables["documents"][0]["body_text"]


def test_a_text_dump_ends_before_the_site_title_line_above_the_footer() -> None:
    dump = (
        "ỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 99/KH-UBND\n\nThử Nghiệm, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\n\nTHỰC HIỆN NHIỆM VỤ NĂM 2026\n\n"
        "PHỤ LỤC\n\n"
        + text_cells("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Ghi chú", "1", "Rà soát quy hoạch", "Sở Xây dựng")
        + "\n\nKế hoạch 99/KH-UBND năm 2025 thực hiện nhiệm vụ năm 2026 tỉnh Thử Nghiệm\n\n"
        "Văn bản này chưa cập nhật nội dung Tiếng Anh\n\n"
        "Kế hoạch 99/KH-UBND ngày 18/11/2025 thực hiện nhiệm vụ năm 2026\n"
    )
    result = run_text(dump)
    assert _rows(result) == [("1", "Rà soát quy hoạch", ["Sở Xây dựng"], None, None)]
    assert "Kế hoạch 99/KH-UBND năm 2025" not in result.tables["documents"][0]["body_text"]


# HTML pages: Word placeholder cells, a header repeated with other markup, a motto broken by
# "<br>" or a soft hyphen, zero-width spaces, tone marks written as character references.

TASKS = ("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành")
PLACEHOLDER = "<td style='mso-cell-special:placeholder;border:none' width=0><p class=MsoNormal>&nbsp;</p></td>"
HTML_TOP = (
    "<html><head><meta charset='utf-8'></head><body><table><tr>"
    "<td><p align=center><b>ỦY BAN NHÂN DÂN<br>TỈNH ĐỒNG THÁP<br>--------</b></p></td>"
    "<td><p align=center><b>{motto}<br>Độc lập - Tự do - Hạnh phúc</b></p></td></tr>"
    "<tr><td><p>Số: 617/KH-UBND</p></td><td><p><i>{place}, ngày 01 tháng 12 năm 2025</i></p></td></tr></table>"
    "<p align=center><b>{heading}</b></p><p align=center><b>CHUYỂN ĐỔI SỐ DOANH NGHIỆP</b></p>"
    "<p>Ủy ban nhân dân Tỉnh ban hành Kế hoạch như sau.</p>"
    "<p align=center><b>PHỤ LỤC</b></p><p align=center><b>DANH MỤC NHIỆM VỤ</b></p>"
)


def _page(*tables: str, motto: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") -> str:
    top = HTML_TOP.format(motto=motto, place="Đồng Tháp", heading="KẾ HOẠCH")
    return top + "".join(tables) + "<p>Nơi nhận:<br>- Lưu: VT.</p></body></html>"


def _table(*rows: str) -> str:
    return "<table border=1>" + "".join(rows) + "</table>"


def _td_row(*cells: str) -> str:
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


def _task_rows(result) -> list[tuple]:
    return [(r["row_id"], r["name"], r.get("lead_units"), r.get("deadline")) for r in result.tables["appendix_rows"]]


EXPECTED_TASKS = [
    ("I", "NÂNG CAO NHẬN THỨC", [], None),
    ("I.1", "Triển khai nền tảng số", ["Sở Khoa học và Công nghệ"], "Năm 2026"),
    ("I.2", "Đánh giá mức độ chuyển đổi số", ["Sở Công Thương"], "Năm 2027"),
]


def test_word_placeholder_cells_before_the_row_numbers_leave_the_table_alone() -> None:
    """Word writes a zero-wide placeholder cell at the start of each row and widens "STT" over
    it; the column holds nothing of its own and used to take the row numbers' place."""
    page = _page(
        _table(
            _td_row("<td colspan=2>STT</td>", *TASKS[1:]),
            _td_row("<td colspan=5>I. NÂNG CAO NHẬN THỨC</td>"),
            _td_row(PLACEHOLDER, "1", "Triển khai nền tảng số", "Sở Khoa học và Công nghệ", "Năm 2026"),
            _td_row(PLACEHOLDER, "2", "Đánh giá mức độ chuyển đổi số", "Sở Công Thương", "Năm 2027"),
        )
    )
    result = run_text(page, "plan.html")
    assert _task_rows(result) == EXPECTED_TASKS
    assert result.tables.get("appendix_cells", []) == []


def test_a_column_whose_header_only_spans_it_is_kept_when_no_other_shows_its_text() -> None:
    """ "Thời gian" over two empty columns, no sub-header: nothing else shows it, so it stays."""
    page = _page(
        _table(
            _td_row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "<td colspan=2>Thời gian</td>"),
            _td_row("1", "Triển khai nền tảng số", "Sở Khoa học và Công nghệ", "", ""),
        )
    )
    cells = run_text(page, "plan.html").tables.get("appendix_cells", [])
    # both kept: the first is read as the deadline, the second stays a cell of its own
    assert [(c["column_header"], c["value"]) for c in cells] == [("Thời gian", None)]


def test_a_header_repeated_after_a_page_break_with_a_line_break_is_the_same_header() -> None:
    header = _td_row(*TASKS)
    again = _td_row("STT", "Tên nhiệm vụ", "Cơ quan<br>chủ&nbsp;trì", "Thời gian hoàn thành")
    page = _page(
        _table(
            header,
            _td_row("<td colspan=4>I. NÂNG CAO NHẬN THỨC</td>"),
            _td_row("1", "Triển khai nền tảng số", "Sở Khoa học và Công nghệ", "Năm 2026"),
        ),
        _table(again, _td_row("2", "Đánh giá mức độ chuyển đổi số", "Sở Công Thương", "Năm 2027")),
    )
    result = run_text(page, "plan.html")
    assert _task_rows(result) == EXPECTED_TASKS
    assert result.tables["documents"][0]["appendix_count"] == 1
    assert "missing_row_id" not in finding_codes(result)


def test_a_motto_broken_by_a_line_break_or_a_soft_hyphen_is_the_motto() -> None:
    for motto in ("CỘNG HÒA XÃ HỘI<br>CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VI&shy;ỆT NAM"):
        page = _page(_table(_td_row(*TASKS), _td_row("1", "Triển khai nền tảng số", "Sở Tài chính", "Năm 2026")))
        result = run_text(page.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto), "plan.html")
        assert result.tables.get("failures", []) == []  # had been a login_stub: the menu says "Đăng nhập"
        doc = result.tables["documents"][0]
        assert (doc["number"], doc["title"], doc["appendix_row_count"]) == (
            "617/KH-UBND",
            "CHUYỂN ĐỔI SỐ DOANH NGHIỆP",
            1,
        )


def test_zero_width_spaces_inside_words_print_nothing() -> None:
    page = _page(
        _table(_td_row(*TASKS), _td_row("1", "Triển khai nền tả&#8203;ng số", "Sở Tài chính", "Năm 2026"))
    ).replace("<b>KẾ HOẠCH</b>", "<b>KẾ HOẠ&#8203;CH</b>")
    result = run_text(page, "plan.html")
    doc = result.tables["documents"][0]
    assert (doc["doc_type"], doc["title"]) == ("Kế hoạch", "CHUYỂN ĐỔI SỐ DOANH NGHIỆP")
    assert result.tables["appendix_rows"][0]["name"] == "Triển khai nền tảng số"


def _references(text: str) -> str:
    """``text`` as base letters and separate tone marks, each written as a character reference."""
    return "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in unicodedata.normalize("NFD", text))


def test_tone_marks_written_as_character_references_compose_with_their_letters() -> None:
    page = _page(_table(_td_row(*TASKS), _td_row("1", "Triển khai nền tảng số", "Sở Tài chính", "Năm 2026")))
    page = page.replace("Đồng Tháp, ngày 01 tháng 12 năm 2025", _references("Đồng Tháp, ngày 01 tháng 12 năm 2025"))
    page = page.replace(
        "<b>DANH MỤC NHIỆM VỤ</b>",
        "<b>DANH MỤC NHIỆM VỤ</b><br><i>" + _references("(Kèm theo Kế hoạch số 617/KH-UBND)") + "</i>",
    )
    result = run_text(page, "plan.html")
    doc = result.tables["documents"][0]
    assert (doc["place"], str(doc["issued_date"])) == ("Đồng Tháp", "2025-12-01")
    assert result.tables["appendix_rows"][0]["appendix_title"] == "DANH MỤC NHIỆM VỤ"


# Markdown total rows with the label in the number column, and a last row's empty last cell.

SCORE_HEADER = ("**TT**", "**Lĩnh vực, tiêu chí**", "**Điểm tối đa**", "**Điểm tự chấm**")


def _scoring(*rows: tuple[str, ...]) -> str:
    return _shape_page([markdown_table(SCORE_HEADER, *rows)], "\n")


def test_a_total_label_in_the_number_column_before_an_empty_name_cell() -> None:
    page = _scoring(
        ("1", "Công tác chỉ đạo", "10", "8,5"),
        ("2", "Cải cách thủ tục hành chính", "15", "12"),
        ("**TỔNG ĐIỂM**", "", "**25**", "**20,5**"),
    )
    result = run_text(page, "plan.md")
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (25, Decimal("20.5"))
    assert finding_codes(result) == []  # had been total_mismatch: "gives 25 ... add up to 20,5"


def test_a_money_total_label_in_the_number_column_is_checked() -> None:
    header = ("**STT**", "**Nội dung**", "**Thành tiền (đồng)**", "**Ghi chú**")
    table = markdown_table(
        header,
        ("1", "Hội trường", "20.000.000", ""),
        ("2", "Tài liệu", "30.000.000", ""),
        ("**Tổng cộng**", "", "**60.000.000**", ""),
    )
    page = _shape_page([table], "\n")
    result = run_text(page, "plan.md")
    totals = [f["message"] for f in result.tables["findings"] if f["code"] == "total_mismatch"]
    assert totals == ["The total row gives 60000000 for Thành tiền (đồng) but the 2 top-level rows add up to 50000000."]


def test_a_last_row_with_an_empty_last_cell_inherits_nothing() -> None:
    header = ("**STT**", "**Nội dung**", "**Cơ quan chủ trì**", "**Ghi chú**")
    table = markdown_table(header, ("1", "Việc A", "Sở Tài chính", "Ưu tiên"), ("2", "Việc B", "Sở Nội vụ", ""))
    page = _shape_page([table], "\n")
    result = run_text(page, "plan.md")
    assert [(r["row_id"], r.get("note")) for r in result.tables["appendix_rows"]] == [("1", "Ưu tiên"), ("2", None)]
    assert "merged_cell_inferred" not in finding_codes(result)  # "Ưu tiên" had been copied down


# Pages without blank lines read as the same page with them (review of the stream search): the
# parts of each page are joined with a blank line, or with nothing.

H4 = ("**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Thời gian hoàn thành**")
H4B = ("**STT**", "**Nội dung**", "**Đơn vị thực hiện**", "**Thời gian**")
ROWS_1_2 = (
    ("1", "Rà soát quy hoạch", "Sở Xây dựng", "Quý I/2026"),
    ("2", "Xây dựng cơ sở dữ liệu", "Sở Tài chính", ""),
)
SECOND = markdown_table(
    H4B, ("1", "Lập dự toán", "Sở Tài chính", "Năm 2026"), ("2", "Quyết toán", "Kho bạc", "Năm 2027")
)
H6 = ("**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Nội dung**", "**Sản phẩm**", "**Thời gian hoàn thành**")
SHAPES = {
    # continuation sub-rows (their leading cells merged from row 1), the next row far after them
    "sub_rows": [
        markdown_table(H6, ("1", "Hoàn thiện thể chế", "Sở Tư pháp", "Rà soát văn bản", "Báo cáo", "Quý I/2026"))
        + "".join(markdown_row(f"Nội dung phụ {n}", f"Sản phẩm phụ {n}", f"Quý {n + 1}/2026") for n in (1, 2, 3))
        + markdown_row(
            "2", "Chuyển đổi số", "Sở Khoa học và Công nghệ", "Xây dựng dữ liệu", "Cơ sở dữ liệu", "Năm 2026"
        )
        + markdown_row("3", "Cải cách hành chính", "Sở Nội vụ", "Rà soát thủ tục", "Danh mục", "Năm 2027"),
        FOOTER,
    ],
    # a note after a short last row (its time merged from above)
    "note_after_short_row": [
        markdown_table(H4, ROWS_1_2[0]) + markdown_row("2", "Xây dựng cơ sở dữ liệu", "Sở Tài chính"),
        "*Ghi chú: Thời gian hoàn thành tính theo năm dương lịch.*\n" + FOOTER,
    ],
    # a lettered heading after a last row that ends with an empty cell, then another table
    "heading_between_tables": [markdown_table(H4, *ROWS_1_2), "**B. NHIỆM VỤ CẤP XÃ**\n", SECOND],
    # a note and an article's heading between two tables
    "text_between_tables": [
        markdown_table(H4, *ROWS_1_2[:1], ("2", "Xây dựng cơ sở dữ liệu", "Sở Tài chính", "Quý IV/2026")),
        "* Trường hợp hồ sơ nộp trực tuyến thì thời gian được tính từ ngày hệ thống tiếp nhận.\n"
        "**Điều 5. Quy trình cấp xã**\n",
        SECOND,
    ],
    # a group row of blank cells between the header and row 1
    "blank_group_row": [markdown_table(H4, ("** **", "**Nhiệm vụ giao Sở Xây dựng**", "** **", "** **"), *ROWS_1_2)],
    # a header cell of more than 16 words
    "long_header_cell": [
        markdown_table(
            (
                "**STT**",
                "**Loại văn bản**",
                "**Cơ quan chủ trì**",
                "**Nhiệm vụ tổng hợp, rà soát hồ sơ trình Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân "
                "(Văn phòng là đơn vị dự toán)**",
            ),
            ("1", "Nghị quyết", "Văn phòng", "Tổng hợp"),
            ("2", "Quyết định", "Sở Tư pháp", "Rà soát"),
        )
    ],
}


def _shape_page(parts: list[str], joint: str) -> str:
    return joint.join([TOP, TITLE, *parts])


def _appendix_rows(result) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "doc_id"} for r in result.tables["appendix_rows"]]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_page_without_blank_lines_reads_as_the_page_with_them(shape: str) -> None:
    with_blanks = run_text(_shape_page(SHAPES[shape], "\n"), "plan.md")
    without = run_text(_shape_page(SHAPES[shape], ""), "plan.md")
    assert with_blanks.tables["appendix_rows"]  # the reference reads the table
    assert _appendix_rows(without) == _appendix_rows(with_blanks)


def test_sub_rows_do_not_end_a_table_on_a_page_without_blank_lines() -> None:
    rows = run_text(_shape_page(SHAPES["sub_rows"], ""), "plan.md").tables["appendix_rows"]
    assert [(r["row_id"], r.get("lead_units")) for r in rows] == [
        ("1", ["Sở Tư pháp", "Quý 3/2026"]),  # the sub-rows' cells, placed as a blank-line page places them
        ("2", ["Sở Khoa học và Công nghệ"]),
        ("3", ["Sở Nội vụ"]),
    ]


def test_text_and_a_heading_between_tables_stay_out_of_the_rows() -> None:
    for shape in ("heading_between_tables", "text_between_tables"):
        rows = run_text(_shape_page(SHAPES[shape], ""), "plan.md").tables["appendix_rows"]
        assert [(r["appendix_index"], r["row_id"], r.get("deadline")) for r in rows][1:] == [
            (1, "2", "Quý IV/2026" if shape == "text_between_tables" else None),
            (2, "1", "Năm 2026"),
            (2, "2", "Năm 2027"),
        ]


def test_a_notice_like_the_footer_above_or_inside_the_document_cuts_nothing() -> None:
    notice = "Văn bản này chưa cập nhật nội dung Tiếng Anh\n"
    table = markdown_table(H4, *ROWS_1_2)
    above = notice + _shape_page([table], "")
    inside = _shape_page([table], "").replace("ban hành Kế hoạch như sau.\n", "ban hành Kế hoạch như sau.\n" + notice)
    for page in (above, inside):
        result = run_text(page, "plan.md")
        assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2"]
        assert result.tables["documents"][0]["signer"] == "Nguyễn Văn A"


def test_a_last_cell_ending_like_a_site_title_keeps_its_line() -> None:
    header = ("**STT**", "**Tên thủ tục hành chính**", "**Thời hạn giải quyết**", "**Căn cứ pháp lý**")
    basis = "Luật Đầu tư năm 2020;\nNghị định 31/2021/NĐ-CP ngày 26/3/2021"
    table = markdown_table(header, ("1", "Cấp giấy phép", "05 ngày làm việc", basis))
    page = _shape_page([table], "") + "Văn bản này chưa cập nhật nội dung Tiếng Anh\n## Văn bản liên quan\n"
    cells = run_text(page, "plan.md").tables["appendix_cells"]
    assert [c["value"] for c in cells if c["column_header"] == "Căn cứ pháp lý"] == [
        "Luật Đầu tư năm 2020; Nghị định 31/2021/NĐ-CP ngày 26/3/2021"
    ]


def test_lettered_groups_skip_no_letter_from_e_to_g() -> None:
    """Vietnamese lists go A, B, C, D, Đ, E, G: "G" after "E" misses no row."""
    rows = [("A", "NHÓM A")] + [(letter, f"NHÓM {letter}") for letter in "BCDEG"]
    page = _shape_page([markdown_table(("**STT**", "**Nội dung**"), *[(f"**{k}**", f"**{v}**") for k, v in rows])], "")
    result = run_text(page, "plan.md")
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["A", "B", "C", "D", "E", "G"]
    assert "missing_row_id" not in finding_codes(result)


# Metadata of the portals' Markdown pages (probe 18 B): the sign number, the signer's title,
# "CÔNG ĐIỆN", a date after the motto in its cell, a sentence citing another document.


def _letter(number_cell: str, signature: str, heading: str = "") -> str:
    """A Công văn / Công điện page in the portal's Markdown, without blank lines."""
    return (
        markdown_row(
            "**VĂN PHÒNG CHÍNH PHỦ**\n--------", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc"
        )
        + markdown_row(number_cell, "*Hà Nội, ngày 18 tháng 11 năm 2025*")
        + heading
        + "**Kính gửi: **Bộ Nông nghiệp và Môi trường.\nVăn phòng Chính phủ thông báo để Bộ biết, thực hiện./.\n"
        + markdown_row("*Nơi nhận:*\n- Như trên;\n- Lưu: VT, NN (2).", signature)
    )


def _document(page: str) -> dict:
    return run_text(page, "letter.md").tables["documents"][0]


def test_the_subject_line_after_the_number_is_no_part_of_it() -> None:
    page = _letter("Số: 11306/VPCP-NN\n*v/v đề xuất giải pháp tháo gỡ khó khăn*", "**Phạm Mạnh Cường**")
    assert _document(page)["number"] == "11306/VPCP-NN"  # a join key: had been "11306/VPCP-NN v/v đề xuất ..."


def test_a_number_wrapped_after_its_dash_is_whole() -> None:
    assert _document(_letter("Số: 3783/QĐ-\nUBND", "**Phạm Mạnh Cường**"))["number"] == "3783/QĐ-UBND"


def test_a_deputy_signs_under_the_authority_he_signs_for() -> None:
    cases = {
        "**KT. BỘ TRƯỞNG,\nCHỦ NHIỆM**\nPHÓ CHỦ NHIỆM\n**Phạm Mạnh Cường**": (
            "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
            "PHÓ CHỦ NHIỆM",
        ),
        "**TL.\nCỤC TRƯỞNG**\n**TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ**\n**Phạm Mạnh Cường**": (
            "TL. CỤC TRƯỞNG",
            "TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ",
        ),
        "**KT. CHỦ NHIỆM**\n**Phạm Mạnh Cường**": ("KT. CHỦ NHIỆM", None),  # no title line: not "CHỦ NHIỆM"
    }
    for signature, (authority, title) in cases.items():
        doc = _document(_letter("Số: 11306/VPCP-NN", signature))
        assert (doc["signer"], doc["signing_authority"], doc["signer_title"]) == ("Phạm Mạnh Cường", authority, title)
        assert doc["recipients"] == ["Như trên", "Lưu: VT, NN (2)"]


def test_a_cong_dien_has_its_type_and_title() -> None:
    heading = "**CÔNG ĐIỆN**\n**V/V CHỦ ĐỘNG PHÒNG, TRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ**\n"
    doc = _document(_letter("Số: 217/CĐ-TTg", "**KT. THỦ TƯỚNG**\n**PHÓ THỦ TƯỚNG**\n**Trần Hồng Hà**", heading))
    assert (doc["doc_type"], doc["title"]) == (
        "Công điện",
        "V/V CHỦ ĐỘNG PHÒNG, TRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ",
    )


def test_a_date_after_the_motto_and_its_rule_in_one_cell() -> None:
    page = (
        "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc"
        "_________________ Hà Nội, ngày 30 tháng 6 năm 2025 |\n\n**NGHỊ ĐỊNH**\n\n"
        "**Quy định về đào tạo, bồi dưỡng công chức**\n\n**Điều 1. Phạm vi điều chỉnh**\n\nNghị định này quy định.\n"
    )
    doc = _document(page)
    assert (doc["number"], doc["place"], str(doc["issued_date"])) == ("171/2025/NĐ-CP", "Hà Nội", "2025-06-30")


def test_a_sentence_citing_another_document_above_a_table_is_no_appendix_reference() -> None:
    sentence = (
        "- Thành phần hồ sơ: Tờ trình theo Mẫu số 01 của Phụ lục III ban hành kèm theo Nghị định 95/2024/NĐ-CP;\n"
    )
    table = markdown_table(H4, ROWS_1_2[0])
    result = run_text(TOP + sentence + table, "plan.md")
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1"]
    assert "foreign_document_number" not in finding_codes(result)
    own_line = "*(Kèm theo Quyết định số 920/QĐ-TTg ngày 01/8/2025)*\n"
    result = run_text(TOP + own_line + table, "plan.md")
    assert [f["message"] for f in result.tables["findings"] if f["code"] == "foreign_document_number"] == [
        "The appendix says it belongs to 920/QĐ-TTg but the document is 99/KH-UBND."
    ]


def test_a_name_column_of_figures_leaves_the_names_to_the_text_column() -> None:
    """ "Nhiệm vụ thẩm tra, thông qua" holds how many: the words "Nhiệm vụ" made it the name
    column, and the names ("Loại văn bản") were lost to the cells (probe 18 A#6, C#7)."""
    header = ("STT", "Loại văn bản", "Tổng mức chi", "Nhiệm vụ thẩm tra, thông qua")
    page = _page(
        _table(
            _td_row(*header),
            _td_row("1", "Nghị quyết của Hội đồng nhân dân", "250", "75"),
            _td_row("2", "Quyết định của Ủy ban nhân dân", "100", "-"),
        )
    )
    result = run_text(page, "plan.html")
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Nghị quyết của Hội đồng nhân dân"),
        ("2", "Quyết định của Ủy ban nhân dân"),
    ]
    cells = [(c["row_id"], c["column_header"], c.get("value_number")) for c in result.tables["appendix_cells"]]
    assert cells == [
        ("1", "Tổng mức chi", 250),
        ("1", "Nhiệm vụ thẩm tra, thông qua", 75),
        ("2", "Tổng mức chi", 100),
        ("2", "Nhiệm vụ thẩm tra, thông qua", None),
    ]


# Review of the session's table mends (regressions found and mended).


def test_a_total_label_before_an_empty_cell_keeps_a_whole_figure() -> None:
    for joint in ("\n", ""):
        page = _shape_page(
            [
                markdown_table(SCORE_HEADER, ("1", "Công tác chỉ đạo", "50", "40"), ("2", "Cải cách", "50", "45"))
                + markdown_row("**TỔNG ĐIỂM**", "", "**105**", ""),
            ],
            joint,
        )
        result = run_text(page, "plan.md")
        assert result.tables["documents"][0]["total_max_score"] == 105  # the 105 had been lost
        assert [f["message"] for f in result.tables["findings"] if f["code"] == "total_mismatch"] == [
            "The total row gives 105 for the maximum score but the 2 top-level rows add up to 100."
        ]


def test_cells_that_open_like_headings_do_not_end_a_row_or_a_table() -> None:
    header = ("**STT**", "**Tên thủ tục hành chính**", "**Mẫu đơn, tờ khai**", "**Cơ quan thực hiện**")
    table = (
        markdown_table(header, ("1", "Cấp giấy phép xây dựng", "Mẫu số 01", "Sở Xây dựng"))
        + markdown_row("1.1", "Cấp mới", "Biểu 01", "Sở Xây dựng")
        + markdown_row("2", "Điều chỉnh giấy phép xây dựng", "Mẫu số 02", "Ủy ban nhân dân cấp xã")[:-2]
    )
    rows = run_text(_shape_page([table, FOOTER], ""), "plan.md").tables["appendix_rows"]
    assert [(r["row_id"], r["lead_units"]) for r in rows] == [
        ("1", ["Sở Xây dựng"]),
        ("1.1", ["Sở Xây dựng"]),
        ("2", ["Ủy ban nhân dân cấp xã"]),  # had been cut at "Mẫu số 02" and copied from row 1
    ]


def test_text_with_an_article_after_sub_rows_ends_the_table() -> None:
    header = ("**STT**", "**Cấp học**", "**Mức thu**")
    table = (
        markdown_table(header, ("1", "Mầm non", "100"), ("2", "Tiểu học", "120"))
        + markdown_row("Trung học", "130")[:-2]
        + "2. Trong trường hợp học trực tuyến, mức học phí bằng 75% mức quy định.\n"
        "**Điều 3. Điều khoản thi hành**\n1. Nghị quyết này có hiệu lực từ ngày ký.\n"
    )
    result = run_text(_shape_page([table], ""), "plan.md")
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2"]
    assert "Điều 3" not in str(result.tables["appendix_rows"]) + str(result.tables.get("appendix_cells", []))
    assert "Điều 3. Điều khoản thi hành" in result.tables["documents"][0]["annex_text"]


def test_two_tables_whose_headers_differ_in_capitals_stay_apart() -> None:
    page = _page(
        _table(
            _td_row(*TASKS),
            _td_row("<td colspan=4>I. NÂNG CAO NHẬN THỨC</td>"),
            _td_row("1", "Triển khai nền tảng số", "Sở Khoa học và Công nghệ", "Năm 2026"),
        ),
        _table(
            _td_row("STT", "TÊN NHIỆM VỤ", "CƠ QUAN CHỦ TRÌ", "THỜI GIAN HOÀN THÀNH"),
            _td_row("1", "Đánh giá mức độ chuyển đổi số", "Sở Công Thương", "Năm 2027"),
        ),
    )
    result = run_text(page, "plan.html")
    assert result.tables["documents"][0]["appendix_count"] == 2
    assert [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]] == [
        (1, "I"),
        (1, "I.1"),
        (2, "1"),
    ]


def test_a_zero_width_space_between_two_syllables_parts_them() -> None:
    page = _page(
        _table(
            _td_row(*TASKS), _td_row("1", "Triển&#8203;khai nền&#8203;tả&#8203;ng số", "Sở&#8203;Tài chính", "Năm 2026")
        )
    )
    row = run_text(page, "plan.html").tables["appendix_rows"][0]
    assert (row["name"], row["lead_units"]) == ("Triển khai nền tảng số", ["Sở Tài chính"])


def test_the_footer_of_a_party_document_is_cut_too() -> None:
    footer = FOOTER.replace("99/KH-UBND", "45-KH/TU")
    table = markdown_table(H4, ROWS_1_2[0]) + markdown_row("2", "Xây dựng cơ sở dữ liệu", "Sở Tài chính")
    result = run_text(_shape_page([table, footer], ""), "plan.md")
    assert result.tables["appendix_rows"][-1]["deadline"] == "Quý I/2026"  # not the footer's lines
    assert "Văn bản liên quan" not in result.tables["documents"][0]["annex_text"]


def test_an_official_letter_is_a_cong_van_titled_by_its_subject() -> None:
    doc = _document(_letter("Số: 11306/VPCP-NN\n*V/v đề xuất giải pháp tháo gỡ khó khăn*", "**Phạm Mạnh Cường**"))
    assert (doc["doc_type"], doc["title"]) == ("Công văn", "V/v đề xuất giải pháp tháo gỡ khó khăn")
    wrapped = _letter("Số: 11306/VPCP-NN\n*V/v*\n*tuyên truyền chủ trương, chính sách*", "**Phạm Mạnh Cường**")
    assert _document(wrapped)["title"] == "V/v tuyên truyền chủ trương, chính sách"
    no_salutation = _letter("Số: 11306/VPCP-NN\n*V/v đề xuất*", "**Phạm Mạnh Cường**").replace("**Kính gửi: **", "")
    assert _document(no_salutation)["doc_type"] is None  # a subject line alone says no more


# Review of the metadata mends.

DUMP_TOP = (
    "ỦY BAN NHÂN DÂN\n\nTỈNH QUẢNG NAM\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
    "Độc lập - Tự do - Hạnh phúc\n\n---------------\n\n"
)
DUMP_END = "\n\nNơi nhận:\n\n- Như Điều 3;\n\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"


def _dump_document(middle: str) -> dict:
    return run_text(DUMP_TOP + middle + DUMP_END).tables["documents"][0]


def test_a_sign_number_with_a_spaced_dash_is_whole() -> None:
    for printed, number in (("123/QĐ - UBND", "123/QĐ-UBND"), ("45 - KH/TU", "45-KH/TU")):
        doc = _dump_document(f"Số: {printed}\n\nQuảng Nam, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\n\nTHỰC HIỆN NĂM 2025")
        assert doc["number"] == number


def test_a_date_wrapped_after_the_motto_and_its_rule() -> None:
    doc = run_text(
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\n\nSố: 12/2025/QĐ-UBND\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc_______ Quảng Nam, ngày 05\n"
        "tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH QUY CHẾ" + DUMP_END
    ).tables["documents"][0]
    assert (doc["place"], str(doc["issued_date"])) == ("Quảng Nam", "2025-03-05")


def test_a_short_title_line_in_sentence_case_carries_the_appendix_reference() -> None:
    line = "Danh mục nhiệm vụ kèm theo Kế hoạch số 920/QĐ-TTg ngày 01/8/2025\n"
    result = run_text(TOP + line + markdown_table(H4, ROWS_1_2[0]), "plan.md")
    assert [f["message"] for f in result.tables["findings"] if f["code"] == "foreign_document_number"] == [
        "The appendix says it belongs to 920/QĐ-TTg but the document is 99/KH-UBND."
    ]


def test_letters_invitations_and_cited_subjects() -> None:
    head = "Số: 12/UBND-VP\n\nQuảng Nam, ngày 05 tháng 3 năm 2025\n\n"
    invitation = _dump_document(head + "GIẤY MỜI\n\nV/v dự họp giao ban tháng 3\n\nKính gửi: Các sở, ban, ngành tỉnh;")
    assert invitation["doc_type"] == "Giấy mời"  # not a Công văn
    cited = _dump_document(
        head + "Về việc báo cáo tình hình thực hiện\n\nKính gửi: Các sở, ban, ngành tỉnh;\n\n"
        "Thực hiện Công văn số 456/BNV-TCBC V/v hướng dẫn báo cáo, Ủy ban nhân dân tỉnh đề nghị như sau:"
    )
    assert (cited["doc_type"], cited["title"]) == (None, None)  # the body's "V/v" is another letter's
    wrapped = run_text(
        DUMP_TOP + "Số: 12/UBND-VP\nV/v thực hiện ý kiến chỉ đạo của\n\nQuảng Nam, ngày 05 tháng 3 năm 2025\n\n"
        "Kính gửi: Các sở, ban, ngành tỉnh;" + DUMP_END
    ).tables["documents"][0]
    assert (wrapped["doc_type"], wrapped["title"]) == ("Công văn", "V/v thực hiện ý kiến chỉ đạo của")


def test_a_cong_dien_title_stops_at_its_sender_and_an_urgent_heading_is_the_type() -> None:
    sender = _dump_document(
        "Số: 05/CĐ-QG\n\nQuảng Nam, ngày 05 tháng 3 năm 2025\n\nCÔNG ĐIỆN\n\nVỀ VIỆC TẬP TRUNG ỨNG PHÓ BÃO SỐ 3\n\n"
        "BAN CHỈ ĐẠO QUỐC GIA VỀ PHÒNG, CHỐNG THIÊN TAI điện:\n\n- Ban Chỉ huy phòng, chống thiên tai các tỉnh."
    )
    assert (sender["doc_type"], sender["title"]) == ("Công điện", "VỀ VIỆC TẬP TRUNG ỨNG PHÓ BÃO SỐ 3")
    urgent = _dump_document(
        "Số: 05/CĐ-UBND\n\nQuảng Nam, ngày 05 tháng 3 năm 2025\n\nCÔNG ĐIỆN HỎA TỐC\n\nVề việc chủ động ứng phó mưa lũ"
    )
    assert (urgent["doc_type"], urgent["title"]) == ("Công điện", "Về việc chủ động ứng phó mưa lũ")


def test_a_name_column_with_one_name_among_figures_keeps_its_names() -> None:
    page = _page(
        _table(
            _td_row("STT", "Địa điểm", "Nội dung"),
            _td_row("1", "Huyện A", "12"),
            _td_row("2", "Huyện B", "15"),
            _td_row("3", "Huyện C", "9"),
            _td_row("4", "Huyện D", "11"),
            _td_row("5", "Tỉnh", "Hội nghị tổng kết"),
        )
    )
    names = [r["name"] for r in run_text(page, "plan.html").tables["appendix_rows"]]
    assert names == ["12", "15", "9", "11", "Hội nghị tổng kết"]  # as printed: a real name stays a name


def test_a_sign_number_ends_before_the_words_after_it_on_its_line() -> None:
    for after in ("Quảng Nam, ngày 05 tháng 3 năm 2025", "(Dự thảo)", "ở Quảng Nam", "QUẢNG NAM, NGÀY 05"):
        doc = _dump_document(f"Số: 12/KH-UBND {after}\n\nKẾ HOẠCH\n\nTHỰC HIỆN NĂM 2025")
        assert doc["number"] == "12/KH-UBND", after


def test_a_sentence_in_sentence_case_above_a_table_is_no_reference_and_only_a_cong_dien_has_a_sender() -> None:
    line = "Các đơn vị thực hiện theo biểu mẫu kèm theo Thông tư số 01/2025/TT-BTC\n"
    result = run_text(TOP + line + markdown_table(H4, ROWS_1_2[0]), "plan.md")
    assert "foreign_document_number" not in finding_codes(result)
    doc = _dump_document(
        "Số: 12/KH-UBND\n\nQuảng Nam, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\n\nPHÁT TRIỂN LƯỚI ĐIỆN\n\n"
        "NÔNG THÔN VÀ CUNG CẤP ĐIỆN:\n\nCăn cứ Luật Điện lực;"
    )
    assert doc["title"] == "PHÁT TRIỂN LƯỚI ĐIỆN NÔNG THÔN VÀ CUNG CẤP ĐIỆN:"
