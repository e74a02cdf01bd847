"""Session-17 fixes: numbered rows grouped under small letters ("a)", 1, 2, "b)", 1, 2)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from extract.pipeline import DocumentResult, process_bytes
from tests.conftest import run_text
from tests.test_probe_round15 import _MD_DOCUMENT as _MD_HEAD
from tests.test_probe_round16 import _DUMP_HEAD, _codes, _dump, _scores

_HEADER = ("STT", "Nội dung", "Điểm tối đa", "Điểm đạt năm 2023", "Mục tiêu năm 2024", "Cơ quan chủ trì")


def _groups(max_b: str) -> tuple[str, ...]:
    """Two letter groups with rows numbered from 1 in each; group b's maximum as given."""
    return (
        "a)", "Nhóm công tác chỉ đạo", "6", "5", "6", " ",
        "1", "Ban hành kế hoạch CCHC", "2", "2", "2", "Sở Nội vụ",
        "2", "Kiểm tra CCHC", "4", "3", "4", "Sở Nội vụ",
        "b)", "Nhóm tuyên truyền", max_b, "3", "4", " ",
        "1", "Tuyên truyền CCHC", "2", "1,5", "2", "Sở Thông tin và Truyền thông",
        "2", "Sáng kiến CCHC", "2", "1,5", "2", "Sở Nội vụ",
    )  # fmt: skip


def _tree(tables: dict[str, list[dict]]) -> list[tuple]:
    return [(r["row_id"], r["parent_id"], r["name"], r["max_score"]) for r in tables["appendix_rows"]]


def test_rows_numbered_from_1_under_letter_groups_are_the_groups_children() -> None:
    # the rows under "b)" had been read as 1 and 2 again (duplicate_row_id), "b)" as a sub-row of
    # row 2 (2.b, missing_row_id) and row 2's sum checked against b's maximum (a false sum_mismatch)
    tables = _dump(*_groups(max_b="4"), header=_HEADER)
    assert _tree(tables) == [
        ("a", None, "Nhóm công tác chỉ đạo", Decimal(6)),
        ("a.1", "a", "Ban hành kế hoạch CCHC", Decimal(2)),
        ("a.2", "a", "Kiểm tra CCHC", Decimal(4)),
        ("b", None, "Nhóm tuyên truyền", Decimal(4)),
        ("b.1", "b", "Tuyên truyền CCHC", Decimal(2)),
        ("b.2", "b", "Sáng kiến CCHC", Decimal(2)),
    ]
    assert _codes(tables) == []


def test_a_letter_groups_sum_is_checked_against_its_numbered_rows() -> None:
    tables = _dump(*_groups(max_b="5"), header=_HEADER)
    assert [(f["code"], f["row_id"]) for f in tables["findings"]] == [("sum_mismatch", "b")]


def test_letter_groups_under_a_roman_part_in_markdown() -> None:
    table = (
        "| STT | Nội dung | Điểm tối đa | Cơ quan chủ trì |\n|---|---|---|---|\n"
        "| I | CÔNG TÁC CHỈ ĐẠO | 6 | |\n"
        "| a) | Kế hoạch | 2 | |\n| 1 | Ban hành kế hoạch | 2 | Sở Nội vụ |\n"
        "| b) | Kiểm tra | 4 | |\n| 1 | Kiểm tra sở | 2 | Sở Nội vụ |\n| 2 | Kiểm tra huyện | 2 | Sở Nội vụ |\n"
        "| II | TUYÊN TRUYỀN | 2 | |\n| 1 | Tuyên truyền CCHC | 2 | Sở Thông tin và Truyền thông |\n"
    )
    tables = run_text(_MD_HEAD + table, "page.md").tables
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [
        ("I", None),
        ("I.a", "I"),
        ("I.a.1", "I.a"),
        ("I.b", "I"),
        ("I.b.1", "I.b"),
        ("I.b.2", "I.b"),
        ("II", None),
        ("II.1", "II"),
    ]
    assert _codes(tables) == []


def test_letters_under_numbered_rows_keep_their_place() -> None:
    # guard: "1", "a)", "b)", "2": the letters are sub-rows of the number above them
    tables = _dump(
        "1", "Công tác chỉ đạo", "6", "5", "6", " ",
        "a)", "Ban hành kế hoạch", "2", "2", "2", "Sở Nội vụ",
        "b)", "Kiểm tra", "4", "3", "4", "Sở Nội vụ",
        "2", "Tuyên truyền", "2", "1,5", "2", "Sở Thông tin và Truyền thông",
    )  # fmt: skip
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [
        ("1", None),
        ("1.a", "1"),
        ("1.b", "1"),
        ("2", None),
    ]
    assert _codes(tables) == []


_HEADER_AND_SIGNATURE = (
    "<table><tr><td><p>ỦY BAN NHÂN DÂN<br>TỈNH GIA LAI</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>"
    "Độc lập - Tự do - Hạnh phúc</p></td></tr><tr><td><p>Số: 12/KH-UBND</p></td>"
    "<td><p>Gia Lai, ngày 28 tháng 02 năm 2025</p></td></tr></table>"
    "<p>KẾ HOẠCH</p><p>Thực hiện nhiệm vụ năm 2025</p><p>Chi tiết tại Phụ lục kèm theo Kế hoạch này.</p>"
    "<table><tr><td><p>Nơi nhận:<br>- Lưu: VT.</p></td><td><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p>"
    "<p>Rơ Châm Thành</p></td></tr></table>"
)
_APPENDIX = (
    "<p class='MsoNormal'>PHỤ LỤC</p><table border='1'><tr><td>STT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td></tr>"
    "<tr><td>1</td><td>Rà soát văn bản</td><td>Sở Tư pháp</td></tr>"
    "<tr><td>2</td><td>Kiểm tra văn bản</td><td>Thanh tra tỉnh</td></tr></table>"
)
_PAGE = (
    "<html><head><meta charset='utf-8'></head><body><div class='menu'><a href='#'>Văn bản gốc</a></div>"
    "<div class='content1'>{document}</div>{after}<div class='footer'>Bản quyền thuộc LawNet</div></body></html>"
)
_BAR = "<div class='share'><a href='#'>Chia sẻ</a> | <a href='#'>Tải về</a></div>"


def run_html(page: str) -> DocumentResult:
    return process_bytes(page.encode("utf-8"), "page.html", repair=False)


def _tr(*cells: str) -> str:
    """A table row of these cells."""
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _html_rows(*rows: tuple[str, ...]) -> str:
    """Rows of an HTML table; a row of one text spans the table."""
    width = max(len(row) for row in rows)
    return "".join(f"<tr><td colspan='{width}'>{row[0]}</td></tr>" if len(row) == 1 else _tr(*row) for row in rows)


def _appendix_page(appendix: str) -> str:
    """The test page: its header and signature, then ``appendix`` (HTML)."""
    return _PAGE.format(document=_HEADER_AND_SIGNATURE + appendix, after="")


def _html_page(*rows: tuple[str, ...]) -> str:
    """The test page with a table of ``rows`` under "PHỤ LỤC"."""
    return _appendix_page(f"<p>PHỤ LỤC</p><table border='1'>{_html_rows(*rows)}</table>")


@pytest.mark.parametrize(
    "document",
    [
        # the bar closes the container
        _HEADER_AND_SIGNATURE + _APPENDIX + "<p><a href='#'>Tải về</a></p>",
        # between two Word sections
        f"<div class='WordSection1'>{_HEADER_AND_SIGNATURE}</div>{_BAR}<div class='WordSection2'>{_APPENDIX}</div>",
        # guard: a button the site does not name is no bar, and no edge
        _HEADER_AND_SIGNATURE + _APPENDIX + "<p><button>In văn bản</button></p>",
    ],
)
def test_a_bar_of_site_links_inside_the_documents_container_leaves_the_document_whole(document: str) -> None:
    # the bar had been taken for the container's edge: the document ended at its header table (or
    # its first Word section), with no rows and a false no_appendix (or appendix_not_in_page)
    tables = run_html(_PAGE.format(document=document, after="")).tables
    row = tables["documents"][0]
    assert (row["title"], row["signer"], row["annex_text"]) == (
        "Thực hiện nhiệm vụ năm 2025",
        "Rơ Châm Thành",
        "PHỤ LỤC",
    )
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", "Rà soát văn bản", ["Sở Tư pháp"]),
        ("2", "Kiểm tra văn bản", ["Thanh tra tỉnh"]),
    ]
    assert _codes(tables) == []


def test_a_bar_of_site_links_after_the_container_still_marks_its_edge() -> None:
    # guard: with the bar after the document's container and the site's footer after the bar, the
    # footer stays out of the document
    tables = run_html(_PAGE.format(document=_HEADER_AND_SIGNATURE + _APPENDIX, after=_BAR)).tables
    assert tables["documents"][0]["annex_text"] == "PHỤ LỤC"
    assert len(tables["appendix_rows"]) == 2


_TABBED = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH CÀ MAU\tĐộc lập - Tự do - Hạnh phúc\n"
    "-------\t---------------\n"
    "Số: 87/KH-UBND\tCà Mau, ngày 20 tháng 4 năm 2021\n\n"
    "KẾ HOẠCH\n\nNâng cao Chỉ số SIPAS năm 2021\n\nI. MỤC ĐÍCH\n\nNâng cao sự hài lòng của người dân.\n\n"
    "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n"
    "- Bộ Nội vụ (b/c);\tCHỦ TỊCH\n"
    "- TT Tỉnh ủy;\n"
    "- Các sở, ban, ngành tỉnh;\tNguyễn Văn Phong\n"
    "- Lưu: VT.\n"
    "PHỤ LỤC\n(Kèm theo Kế hoạch số 87/KH-UBND ngày 20/4/2021 của UBND tỉnh Cà Mau)\n"
    "STT\tNhiệm vụ\tCơ quan chủ trì\n1\tKhảo sát sự hài lòng\tSở Nội vụ\n2\tCông khai kết quả\tVăn phòng UBND tỉnh\n"
)


def _metadata(tables: dict[str, list[dict]]) -> dict[str, object]:
    document = tables["documents"][0]
    keys = ("issuing_body", "number", "place", "issued_date", "signing_authority", "signer_title", "signer")
    return {key: document[key] for key in keys} | {"recipients": document["recipients"]}


def test_a_header_and_signature_copied_with_a_tab_between_their_columns() -> None:
    # the issuing body had run into the motto (no issuer), the number into the place ("Số:
    # 87/KH-UBND Cà Mau"), the signature into the recipients, and the appendix's title into the
    # last recipient
    tables = run_text(_TABBED).tables
    assert _metadata(tables) == {
        "issuing_body": "ỦY BAN NHÂN DÂN TỈNH CÀ MAU",
        "number": "87/KH-UBND",
        "place": "Cà Mau",
        "issued_date": datetime.date(2021, 4, 20),
        "signing_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer": "Nguyễn Văn Phong",
        "recipients": ["Bộ Nội vụ (b/c)", "TT Tỉnh ủy", "Các sở, ban, ngành tỉnh", "Lưu: VT"],
    }
    assert [(r["row_id"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", ["Sở Nội vụ"]),
        ("2", ["Văn phòng UBND tỉnh"]),
    ]


def test_the_number_and_the_date_line_on_one_line_give_the_place_alone() -> None:
    text = _TABBED.replace("Số: 87/KH-UBND\tCà Mau", "Số: 87/KH-UBND      Cà Mau")
    assert _metadata(run_text(text).tables)["place"] == "Cà Mau"


def test_a_date_line_with_a_blank_day_still_gives_the_place() -> None:
    text = _TABBED.replace("ngày 20 tháng 4 năm 2021", "ngày      tháng 4 năm 2021")
    got = _metadata(run_text(text).tables)
    assert (got["place"], got["issued_date"]) == ("Cà Mau", None)


def test_a_closing_row_in_capitals_without_a_number_is_no_unit_of_the_last_row() -> None:
    # "␠ | CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA TỈNH | 10 | ...": its name had read as a unit's ("CHỈ"
    # as an abbreviation), so the last row took the closing row's cells and lost its lead unit,
    # with no finding
    tables = _dump(
        "1", "Công tác chỉ đạo", "6", "5", "6", "Sở Nội vụ",
        "2", "Tuyên truyền", "4", "3", "4", "Sở Thông tin và Truyền thông",
        " ", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA TỈNH", "10", "8", "10", " ",
        header=_HEADER,
    )  # fmt: skip
    rows = tables["appendix_rows"]
    assert [(r["row_id"], r["lead_units"]) for r in rows] == [
        ("1", ["Sở Nội vụ"]),
        ("2", ["Sở Thông tin và Truyền thông"]),
    ]
    assert [(f["code"], f["row_id"]) for f in tables["findings"]] == [("unnumbered_row", "2")]


def test_a_finding_names_a_repaired_column_as_its_cells_do() -> None:
    # the sum's finding had named the column as printed ("Kinh phí (triu đồng)") and the cells as
    # repaired ("Kinh phí (triệu đồng)"): the two did not join
    cells = (
        "STT", "Nội dung", "Kinh phí (triu đồng)", "Cơ quan chủ trì",
        "1", "Chuyển đổi số", "300", "Sở Thông tin và Truyền thông",
        "1.1", "Hạ tầng số", "100", "Sở Thông tin và Truyền thông",
        "1.2", "Dữ liệu số", "150", "Sở Tài nguyên và Môi trường",
    )  # fmt: skip
    tables = run_text(_DUMP_HEAD + "\n\n".join(cells) + "\n", repair=True).tables
    headers = {c["column_header"] for c in tables["appendix_cells"]}
    assert headers == {"Kinh phí (triệu đồng)"}
    assert [(f["code"], f["row_id"], f["column"], f["message"]) for f in tables["findings"]] == [
        (
            "sum_mismatch",
            "1",
            "Kinh phí (triệu đồng)",
            "Row 1 gives 300 for Kinh phí (triệu đồng) but its 2 sub-rows add up to 250.",
        )
    ]


def test_a_table_numbered_in_its_first_cells_from_1_again_under_each_group() -> None:
    # no number column, "1." again under "II.": the first three numbers (1, 2, 1) had to be 1, 2, 3,
    # so the table was no appendix (no rows, no_appendix)
    tables = run_html(
        _html_page(
            ("Nội dung nhiệm vụ", "Cơ quan chủ trì"),
            ("I. CẢI CÁCH THỂ CHẾ", ""),
            ("1. Rà soát văn bản", "Sở Tư pháp"),
            ("2. Kiểm tra văn bản", "Sở Tư pháp"),
            ("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", ""),
            ("1. Công bố thủ tục hành chính", "Văn phòng UBND tỉnh"),
        )
    ).tables
    assert [(r["row_id"], r["parent_id"], r["name"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("I", None, "CẢI CÁCH THỂ CHẾ", []),
        ("I.1", "I", "Rà soát văn bản", ["Sở Tư pháp"]),
        ("I.2", "I", "Kiểm tra văn bản", ["Sở Tư pháp"]),
        ("II", None, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", []),
        ("II.1", "II", "Công bố thủ tục hành chính", ["Văn phòng UBND tỉnh"]),
    ]
    # the labels as printed, their marks included (probe 22A: "1." had come out as "1")
    assert [r["row_label"] for r in tables["appendix_rows"]] == ["I.", "1.", "2.", "II.", "1."]
    assert _codes(tables) == []


def test_a_breakdown_under_the_total_row_is_the_totals() -> None:
    # "Tổng cộng | 200", "Trong đó:", "- Ngân sách tỉnh | 150": the "-" lines had become rows 2.-1
    # and 2.-2 under row 2 (80), a breakdown of 200 under a row of 80
    tables = run_html(
        _html_page(
            ("STT", "Nội dung", "Kinh phí (triệu đồng)"),
            ("1", "Tuyên truyền", "120"),
            ("2", "Tập huấn", "80"),
            ("", "Tổng cộng", "200"),
            ("", "Trong đó:", ""),
            ("-", "Ngân sách tỉnh", "150"),
            ("-", "Ngân sách huyện", "50"),
        )
    ).tables
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [("1", None), ("2", None)]
    under_total = [(c["column_header"], c["value"]) for c in tables["appendix_cells"] if c["row_id"] == "total"]
    assert under_total == [
        ("Kinh phí (triệu đồng)", "200"),
        ("Nội dung (unnumbered row)", "Trong đó:"),
        ("STT (unnumbered row)", "-"),
        ("Nội dung (unnumbered row)", "Ngân sách tỉnh"),
        ("Kinh phí (triệu đồng) (unnumbered row)", "150"),
        ("STT (unnumbered row)", "-"),
        ("Nội dung (unnumbered row)", "Ngân sách huyện"),
        ("Kinh phí (triệu đồng) (unnumbered row)", "50"),
    ]
    assert [(f["code"], f["message"]) for f in tables["findings"]] == [
        (
            "unnumbered_row",
            f"A line of the total row's breakdown ({line}) was kept in appendix_cells under the total row"
            " (row_id 'total', or 'subtotal N' when more rows follow it).",
        )
        for line in ("Trong đó:", "- | Ngân sách tỉnh | 150", "- | Ngân sách huyện | 50")
    ]


def test_markdown_signature_lines_in_plain_capitals_stay_apart() -> None:
    # "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH" on the next line (no bold, no blank line between): Markdown
    # joins a paragraph's lines, and the signing authority had been "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
    # with no signer title
    page = (
        "**ỦY BAN NHÂN DÂN TỈNH THANH HÓA**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n"
        "Số: 45/KH-UBND\n\n*Thanh Hóa, ngày 12 tháng 3 năm 2024*\n\n**KẾ HOẠCH**\n\n"
        "Nâng cao Chỉ số DDCI năm 2024\n\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau.\n\n"
        "**Nơi nhận:**\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nMai Xuân Liêm\n"
    )
    document = run_text(page, "page.md").tables["documents"][0]
    assert (document["signing_authority"], document["signer_title"], document["signer"]) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Mai Xuân Liêm",
    )


_PIPE_ROWS = (
    "TT | Tiêu chí | Điểm tối đa | Điểm đạt năm 2024 | Mục tiêu năm 2025 | Cơ quan chủ trì\n"
    "(1) | (2) | (3) | (4) | (5) | (6)\n"
    "1 | Cải cách chế độ công vụ | 6 | 4,75 | 5,5 | \n"
    "a) | Vị trí việc làm | 2 | 1,5 | 2 | Sở Nội vụ\n"
    "b) | Tuyển dụng công chức | 4 | 3,25 | 3 | Sở Nội vụ\n"
    " | Tổng cộng | 6 | 4,75 | 5,5 | \n"
)


@pytest.mark.parametrize("bars", [False, True])
def test_a_text_dump_table_with_bars_between_its_cells_is_read(bars: bool) -> None:
    # "TT | Tiêu chí | ..." with no "|---|" rule under the header: no Markdown table, and no rows
    # at all (a false no_appendix); read as the dumps' tab rows are
    table = "".join(f"| {line} |\n" for line in _PIPE_ROWS.splitlines()) if bars else _PIPE_ROWS
    tables = run_text(_DUMP_HEAD + table).tables
    assert _scores(tables) == [
        ("1", "Cải cách chế độ công vụ", Decimal(6), Decimal("4.75"), Decimal("5.5"), []),
        ("1.a", "Vị trí việc làm", Decimal(2), Decimal("1.5"), Decimal(2), ["Sở Nội vụ"]),
        ("1.b", "Tuyển dụng công chức", Decimal(4), Decimal("3.25"), Decimal(3), ["Sở Nội vụ"]),
    ]
    assert [(f["code"], f["row_id"], f["column"]) for f in tables["findings"]] == [
        ("sum_mismatch", "1", "target_score")
    ]


def test_a_group_title_across_the_row_opens_the_next_group_when_the_numbering_runs_on() -> None:
    # "II. Lĩnh vực Tổ chức cán bộ" across the row, then row 2 (numbered on from group I): the title
    # had been kept as a cell of row 1 and row 2 put under group I
    tables = run_html(
        _html_page(
            ("STT", "Tên thủ tục hành chính", "Cơ quan thực hiện"),
            ("I. Lĩnh vực Thi đua - Khen thưởng",),
            ("1", "Tặng Bằng khen", "Sở Nội vụ"),
            ("II. Lĩnh vực Tổ chức cán bộ",),
            ("2", "Thẩm định đề án vị trí việc làm", "Sở Nội vụ"),
        )
    ).tables
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in tables["appendix_rows"]] == [
        ("I", None, "Lĩnh vực Thi đua - Khen thưởng"),
        ("I.1", "I", "Tặng Bằng khen"),
        ("II", None, "Lĩnh vực Tổ chức cán bộ"),
        ("II.2", "II", "Thẩm định đề án vị trí việc làm"),
    ]
    assert _codes(tables) == []


def test_a_table_going_on_after_a_page_break_under_its_column_numbers_alone() -> None:
    # the second part repeats only "(1) | (2) | (3)": it had become a second appendix whose cells
    # had no column header, with a false missing_row_id
    numbers = _tr("(1)", "(2)", "(3)")
    tables_html = (
        "<p>PHỤ LỤC</p><table border='1'>"
        + _tr("STT", "Nội dung", "Kinh phí (triệu đồng)")
        + numbers
        + _tr("1", "Tuyên truyền", "120")
        + "</table><table border='1'>"
        + numbers
        + _tr("2", "Tập huấn", "80")
        + _tr("", "Tổng cộng", "200")
        + "</table>"
    )
    tables = run_html(_appendix_page(tables_html)).tables
    assert tables["documents"][0]["appendix_count"] == 1
    cells = [(c["row_id"], c["column_header"], c["value"]) for c in tables["appendix_cells"]]
    assert cells == [
        ("1", "Kinh phí (triệu đồng)", "120"),
        ("2", "Kinh phí (triệu đồng)", "80"),
        ("total", "Kinh phí (triệu đồng)", "200"),
    ]
    assert _codes(tables) == []


def test_scores_of_two_years_give_the_latest_as_the_achieved_score() -> None:
    # "Điểm năm 2021 | Điểm năm 2022 | Mục tiêu năm 2023": no achieved score at all had been read
    header = ("STT", "Chỉ số", "Điểm tối đa", "Điểm năm 2021", "Điểm năm 2022", "Mục tiêu năm 2023", "Cơ quan chủ trì")
    tables = _dump(
        "1", "Công tác chỉ đạo", "6", "4,5", "5", "5,5", "Sở Nội vụ",
        "2", "Tuyên truyền", "4", "3", "3,5", "4", "Sở Thông tin và Truyền thông",
        header=header,
    )  # fmt: skip
    rows = [(r["row_id"], r["achieved_score"], r["achieved_year"], r["target_score"]) for r in tables["appendix_rows"]]
    assert rows == [("1", Decimal(5), 2022, Decimal("5.5")), ("2", Decimal("3.5"), 2022, Decimal(4))]
    earlier = [(c["row_id"], c["column_header"], c["value"]) for c in tables["appendix_cells"]]
    assert earlier == [("1", "Điểm năm 2021", "4,5"), ("2", "Điểm năm 2021", "3")]


def test_a_maximum_score_is_not_a_rounding_of_its_parts() -> None:
    # "9" over 2,5 + 2 + 4 (8,5) had passed as 8,5 rounded to a whole number; a maximum is set
    tables = _dump(
        "1", "Công tác chỉ đạo", "9", "8", "9", " ",
        "1.1", "Kế hoạch", "2,5", "2,5", "2,5", "Sở Nội vụ",
        "1.2", "Báo cáo", "2", "2", "2", "Sở Nội vụ",
        "1.3", "Kiểm tra", "4", "3,5", "4", "Sở Nội vụ",
        header=_HEADER,
    )  # fmt: skip
    found = [(f["code"], f["row_id"], f["column"], f["expected"], f["actual"]) for f in tables["findings"]]
    assert found == [("sum_mismatch", "1", "max_score", "8,5", "9")]


def test_a_maximum_over_parts_that_cannot_be_printed_exactly_agrees_within_their_rounding() -> None:
    # guard: three parts of "0,33" (a third each) under a maximum of 1
    tables = _dump(
        "1", "Công tác chỉ đạo", "1", "1", "1", " ",
        "1.1", "Kế hoạch", "0,33", "0,33", "0,33", "Sở Nội vụ",
        "1.2", "Báo cáo", "0,33", "0,33", "0,33", "Sở Nội vụ",
        "1.3", "Kiểm tra", "0,33", "0,33", "0,33", "Sở Nội vụ",
        header=_HEADER,
    )  # fmt: skip
    assert _codes(tables) == []


_WORD_PAGE = f"<div class='WordSection1'>{_HEADER_AND_SIGNATURE}</div><div class='WordSection2'>{_APPENDIX}</div>"


@pytest.mark.parametrize(
    "after_bar",
    [
        # the site's copy of the page (its own first section, with the motto)
        _WORD_PAGE,
        # a box of related documents whose paragraphs are MsoNormal too
        "<div class='related'><p class='MsoNormal'><a href='#'>Kế hoạch 15/KH-UBND năm 2024</a></p>"
        "<table class='MsoNormalTable' border='1'><tr><td>STT</td><td>Nhiệm vụ</td></tr>"
        "<tr><td>1</td><td>Khảo sát</td></tr><tr><td>2</td><td>Đánh giá</td></tr></table></div>",
    ],
)
def test_a_bar_of_site_links_before_anything_but_the_documents_next_section_is_its_edge(after_bar: str) -> None:
    # review 32: the bar had been skipped and what followed it read as the document's
    page = _PAGE.format(document=_WORD_PAGE + _BAR + after_bar, after="")
    tables = run_html(page).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
    assert tables["documents"][0]["annex_text"] == "PHỤ LỤC"


def test_a_container_closed_by_the_sites_bar_takes_nothing_after_it() -> None:
    # review 32: past the closing bar, a list of related documents beside the container had been
    # taken into annex_text
    related = (
        "<div class='related'><p><b>Các văn bản cùng lĩnh vực</b></p><ul><li><a href='#'>Kế hoạch 15/KH-UBND</a></li>"
        "</ul><table><tr><td>1</td><td>Kế hoạch 20/KH-UBND</td></tr></table></div>"
    )
    document = _HEADER_AND_SIGNATURE + _APPENDIX + "<p><a href='#'>Tải về</a></p>"
    page = _PAGE.format(document=document, after="").replace(
        "</div><div class='footer'>", f"</div>{related}<div class='footer'>"
    )
    tables = run_html(
        page.replace("<div class='content1'>", "<div id='main'><div class='content1'>").replace(
            f"{related}", f"{related}</div>"
        )
    ).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
    assert tables["documents"][0]["annex_text"] == "PHỤ LỤC"


def _gfm_rows(*rows: str) -> list[tuple]:
    table = "| STT | Nội dung | Điểm tối đa | Cơ quan chủ trì |\n|---|---|---|---|\n" + "".join(f"{r}\n" for r in rows)
    tables = run_text(_MD_HEAD + table, "page.md").tables
    return [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]]


def test_letters_nest_above_numbers_only_in_their_own_part() -> None:
    # review 32: once swapped, letters had stayed above numbers for the rest of the table: part II's
    # "1", "a)", "b)", "2" became II.a, II.b, II.b.2 with false sums
    assert _gfm_rows(
        "| I | CÔNG TÁC CHỈ ĐẠO | 4 | |", "| a) | Kế hoạch | 2 | |", "| 1 | Ban hành kế hoạch | 2 | Sở Nội vụ |",
        "| b) | Kiểm tra | 2 | |", "| 1 | Kiểm tra sở | 2 | Sở Nội vụ |",
        "| II | TUYÊN TRUYỀN | 4 | |", "| 1 | Tuyên truyền CCHC | 4 | |", "| a) | Trên báo | 2 | Báo Gia Lai |",
        "| b) | Trên đài | 2 | Đài PT-TH tỉnh |", "| 2 | Sáng kiến | 0 | Sở Nội vụ |",
    ) == [
        ("I", None), ("I.a", "I"), ("I.a.1", "I.a"), ("I.b", "I"), ("I.b.1", "I.b"),
        ("II", None), ("II.1", "II"), ("II.1.a", "II.1"), ("II.1.b", "II.1"), ("II.2", "II"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "between",
    [
        [],  # letters without a score before scored rows: notes
        ["| | NHIỆM VỤ CỤ THỂ | | |"],  # a heading with no number between
    ],
)
def test_letters_before_a_numbered_list_that_is_no_group_of_theirs(between: list[str]) -> None:
    # review 32: "a) Điểm tối đa của Chỉ số là 100 điểm", "b) ...", then 1, 2 had become b.1, b.2
    rows = _gfm_rows(
        "| a) | Điểm tối đa của Chỉ số là 100 điểm | | |", "| b) | Điểm thưởng tối đa 5 điểm | | |", *between,
        "| 1 | Công tác chỉ đạo điều hành | 10 | Sở Nội vụ |", "| 2 | Cải cách thể chế | 8 | Sở Tư pháp |",
    )  # fmt: skip
    assert rows == [("a", None), ("b", None), ("1", None), ("2", None)]


def test_a_tabbed_signature_ends_before_the_appendix_and_a_tabbed_header_at_its_date() -> None:
    # review 32: the signature's two columns had run on over "⇥PHỤ LỤC" and a two-column tab table
    # (no rows, the table's lines as recipients); the header's over "⇥KẾ HOẠCH" and "I.⇥MỤC ĐÍCH"
    text = (
        _TABBED.replace("- Lưu: VT.\nPHỤ LỤC\n", "- Lưu: VT.\n\tPHỤ LỤC\n")
        .replace("(Kèm theo Kế hoạch số 87/KH-UBND ngày 20/4/2021 của UBND tỉnh Cà Mau)\n", "")
        .replace("năm 2021\n\nKẾ HOẠCH\n\nNâng cao", "năm 2021\n\tKẾ HOẠCH\n\tNâng cao")
        .replace("I. MỤC ĐÍCH\n\n", "I.\tMỤC ĐÍCH\n")
        .replace("STT\tNhiệm vụ\tCơ quan chủ trì\n", "Nhiệm vụ\tCơ quan chủ trì\n")
        .replace("1\tKhảo sát", "1. Khảo sát")
        .replace("2\tCông khai", "2. Công khai")
    )
    tables = run_text(text).tables
    got = _metadata(tables)
    recipients = ["Bộ Nội vụ (b/c)", "TT Tỉnh ủy", "Các sở, ban, ngành tỉnh", "Lưu: VT"]
    assert (got["number"], got["place"], got["signer"], got["recipients"]) == (
        "87/KH-UBND", "Cà Mau", "Nguyễn Văn Phong", recipients
    )  # fmt: skip
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", "Khảo sát sự hài lòng", ["Sở Nội vụ"]),
        ("2", "Công khai kết quả", ["Văn phòng UBND tỉnh"]),
    ]


@pytest.mark.parametrize(
    ("number_line", "place"),
    [
        ("Số: 87 /KH - UBND      Cà Mau, ngày 20 tháng 4 năm 2021", "Cà Mau"),
        ("Số 87/KH-UBND      Cà Mau, ngày 20 tháng 4 năm 2021", "Cà Mau"),
        ("Số: 87/KH-UBND\tCà Mau, ngày ..... tháng ..... năm 20...", "Cà Mau"),
    ],
)
def test_the_place_of_a_number_and_date_line_in_other_spellings(number_line: str, place: str) -> None:
    # review 32: "- UBND Cà Mau", "Số 87/KH-UBND Cà Mau"; a year left as dots ("năm 20...") gave none
    text = _TABBED.replace("Số: 87/KH-UBND\tCà Mau, ngày 20 tháng 4 năm 2021", number_line)
    assert _metadata(run_text(text).tables)["place"] == place


def test_a_blank_date_in_a_form_in_the_body_is_no_place_of_the_document() -> None:
    # review 32: with no date line in the header, a form's "Hà Nội, ngày ... tháng ... năm ..." gave
    # the document's place
    text = _TABBED.replace("Số: 87/KH-UBND\tCà Mau, ngày 20 tháng 4 năm 2021", "Số: 87/KH-UBND\t").replace(
        "Nâng cao sự hài lòng của người dân.", "Mẫu phiếu:\nHà Nội, ngày ... tháng ... năm ...\nNâng cao sự hài lòng."
    )
    got = _metadata(run_text(text).tables)
    assert (got["number"], got["place"], got["issued_date"]) == ("87/KH-UBND", None, None)


def test_lines_with_bars_in_the_body_that_number_nothing_stay_text() -> None:
    # review 32: contact lines "Sở Nội vụ | 0257.3822 | snv@..." had become tab rows, their bars lost
    contacts = "Sở Nội vụ | 0257.3822 | snv@phuyen.gov.vn\nSở Tư pháp | 0257.3811 | stp@phuyen.gov.vn\n"
    contacts += "Văn phòng UBND tỉnh | 0257.3844 | vp@phuyen.gov.vn\n"
    text = _TABBED.replace("Nâng cao sự hài lòng của người dân.\n", "Nâng cao sự hài lòng của người dân.\n" + contacts)
    body = run_text(text).tables["documents"][0]["body_text"]
    assert "Sở Tư pháp | 0257.3811 | stp@phuyen.gov.vn" in body.split("\n")


def test_an_appendix_headed_bieu_so_has_its_label() -> None:
    # probe 22A: "Biểu số 01" over the table gave no appendix_label (only "Biểu mẫu số", "Mẫu số")
    appendix = _APPENDIX.replace(
        "<p class='MsoNormal'>PHỤ LỤC</p>", "<p>Biểu số 01</p><p>DỰ TOÁN KINH PHÍ NĂM 2025</p>"
    )
    tables = run_html(_appendix_page(appendix)).tables
    assert {(r["appendix_label"], r["appendix_title"]) for r in tables["appendix_rows"]} == {
        ("Biểu số 01", "DỰ TOÁN KINH PHÍ NĂM 2025")
    }


# Review 33: regressions of the review-32 mends, pinned.


def test_a_maximum_over_parts_printed_to_one_decimal_agrees_within_their_rounding() -> None:
    tables = _dump(
        "1", "Công tác chỉ đạo", "10", "9", "10", " ",
        "1.1", "Kế hoạch", "3,3", "3", "3,3", "Sở Nội vụ",
        "1.2", "Báo cáo", "3,3", "3", "3,3", "Sở Nội vụ",
        "1.3", "Kiểm tra", "3,3", "3", "3,3", "Sở Nội vụ",
        header=_HEADER,
    )  # fmt: skip
    assert _codes(tables) == []


@pytest.mark.parametrize(
    "after_bar",
    [
        # an appendix form that prints the national motto at its top
        "<div class='WordSection2'><p class='MsoNormal'>PHỤ LỤC</p><p class='MsoNormal'>CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
        " VIỆT NAM</p><p class='MsoNormal'>Độc lập - Tự do - Hạnh phúc</p>{table}</div>",
        # Word paragraphs with no section div
        "<p class='MsoNormal'>PHỤ LỤC</p>{table}",
        # the next section wrapped by the site, or of two classes
        "<div class='doc-part'><div class='WordSection2'><p class='MsoNormal'>PHỤ LỤC</p>{table}</div></div>",
        "<div class='WordSection2 landscape'><p class='MsoNormal'>PHỤ LỤC</p>{table}</div>",
    ],
)
def test_the_documents_word_parts_after_a_bar_of_site_links_are_read(after_bar: str) -> None:
    table = _APPENDIX.split("</p>", 1)[1].replace("<table ", "<table class='MsoNormalTable' ")
    page = _PAGE.format(
        document=f"<div class='WordSection1'>{_HEADER_AND_SIGNATURE}</div>{_BAR}" + after_bar.format(table=table),
        after="",
    )
    tables = run_html(page).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
    assert _codes(tables) == []


def test_an_appendix_in_the_next_container_after_a_bar_closing_the_first() -> None:
    first = f"<div class='WordSection1'>{_HEADER_AND_SIGNATURE}{_BAR}</div>"
    second = f"<div class='content1'><div class='WordSection2'>{_APPENDIX}</div></div>"
    page = _PAGE.format(document=first, after=second)
    tables = run_html(page).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
    assert tables["documents"][0]["annex_text"] == "PHỤ LỤC"


def test_a_tabbed_header_of_a_department_keeps_its_second_line() -> None:
    # "SỞ GIÁO DỤC VÀ ĐÀO TẠO⇥CỘNG HÒA ..." then "TỈNH CÀ MAU⇥Độc lập ...": "SỞ" had read as "Số:"
    text = _TABBED.replace("ỦY BAN NHÂN DÂN\tCỘNG HÒA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tCỘNG HÒA")
    got = _metadata(run_text(text).tables)
    assert (got["issuing_body"], got["place"]) == ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH CÀ MAU", "Cà Mau")


_LETTER_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
)


def test_a_blank_date_of_a_letter_with_no_type_heading_gives_its_place() -> None:
    text = (
        _LETTER_HEAD
        + "Số:      /UBND-KT\nV/v triển khai Kế hoạch CCHC năm 2024\n\nPhú Yên, ngày      tháng 5 năm 2024\n\n"
        "Kính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan triển khai.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn A\n"
    )
    got = _metadata(run_text(text).tables)
    assert (got["place"], got["issued_date"]) == ("Phú Yên", None)


def test_letter_groups_without_scores_of_their_own_still_hold_their_rows() -> None:
    tables = _dump(
        "a)", "Nhóm công tác chỉ đạo", " ", " ", " ", " ",
        "1", "Ban hành kế hoạch CCHC", "2", "2", "2", "Sở Nội vụ",
        "2", "Kiểm tra CCHC", "4", "3", "4", "Sở Nội vụ",
        "b)", "Nhóm tuyên truyền", " ", " ", " ", " ",
        "1", "Tuyên truyền CCHC", "2", "1,5", "2", "Sở Thông tin và Truyền thông",
        header=_HEADER,
    )  # fmt: skip
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [
        ("a", None), ("a.1", "a"), ("a.2", "a"), ("b", None), ("b.1", "b"),
    ]  # fmt: skip


def test_text_dump_rows_with_bars_numbered_before_their_text() -> None:
    rows = (
        "Nhiệm vụ | Cơ quan chủ trì | Thời gian\n1. Rà soát văn bản | Sở Tư pháp | Quý I\n"
        "2. Kiểm tra văn bản | Thanh tra tỉnh | Quý II\n3. Công bố thủ tục | Văn phòng UBND tỉnh | Quý III\n"
    )
    tables = run_text(_DUMP_HEAD + rows).tables
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", "Rà soát văn bản", ["Sở Tư pháp"]),
        ("2", "Kiểm tra văn bản", ["Thanh tra tỉnh"]),
        ("3", "Công bố thủ tục", ["Văn phòng UBND tỉnh"]),
    ]


def test_a_closing_row_in_capitals_with_one_figure() -> None:
    tables = _dump(
        "1", "Công tác chỉ đạo", "6", "Sở Nội vụ",
        "2", "Tuyên truyền", "4", "Sở Thông tin và Truyền thông",
        " ", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA TỈNH", "10", " ",
        header=("STT", "Tiêu chí", "Điểm tối đa", "Đơn vị chủ trì"),
    )  # fmt: skip
    assert [(r["row_id"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", ["Sở Nội vụ"]),
        ("2", ["Sở Thông tin và Truyền thông"]),
    ]
    assert _codes(tables) == ["unnumbered_row"]


def test_the_targets_year_says_which_results_are_past() -> None:
    # the attribute block's date (2023) disagreeing with the header's (2024): with a target for
    # 2024, the result of 2023 is the achieved score
    text = _DUMP_HEAD.replace("Phú Yên, ngày 10 tháng 3 năm 2024", "Phú Yên, ngày 10 tháng 3 năm 2024")
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm năm 2022", "Điểm năm 2023", "Mục tiêu năm 2024")
    cells = (*header, "1", "Công tác chỉ đạo", "6", "4,5", "5", "5,5")
    tables = run_text("Ngày ban hành: 10/03/2023\n" + text + "\n\n".join(cells) + "\n").tables
    assert [(r["achieved_score"], r["achieved_year"]) for r in tables["appendix_rows"]] == [(Decimal(5), 2023)]


# Review 34: regressions of the review-33 mends, pinned.


@pytest.mark.parametrize(
    ("parts", "printed"),
    [(("2,5", "2,5", "2,5", "2,4"), "10"), (("2", "2", "2", "2", "2", "2", "2", "2", "2", "1,5"), "20")],
)
def test_parts_that_print_exactly_give_no_rounding_slack(parts: tuple[str, ...], printed: str) -> None:
    rows = [("1", "Công tác chỉ đạo", printed, " ", " ", " ")]
    rows += [(f"1.{i}", f"Tiêu chí {i}", part, " ", " ", "Sở Nội vụ") for i, part in enumerate(parts, start=1)]
    tables = _dump(*(cell for row in rows for cell in row), header=_HEADER)
    assert [(f["code"], f["row_id"], f["column"]) for f in tables["findings"]] == [("sum_mismatch", "1", "max_score")]


def test_results_of_the_documents_own_year_are_no_past_result() -> None:
    # issued 2024, target 2025: the 2024 column (left blank) is no result yet; 2023 is
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm năm 2023", "Điểm năm 2024", "Mục tiêu năm 2025")
    cells = (*header, "1", "Công tác chỉ đạo", "6", "4,5", " ", "5,5")
    tables = run_text(_DUMP_HEAD + "\n\n".join(cells) + "\n").tables
    assert [(r["achieved_score"], r["achieved_year"]) for r in tables["appendix_rows"]] == [(Decimal("4.5"), 2023)]


def test_a_lone_letter_without_a_score_over_scored_rows_is_a_note() -> None:
    tables = _dump(
        "a)", "Điểm tối đa của Chỉ số là 100 điểm", " ", " ", " ", " ",
        "1", "Công tác chỉ đạo", "10", "8", "9", "Sở Nội vụ",
        "2", "Cải cách thể chế", "15", "12", "14", "Sở Tư pháp",
        header=_HEADER,
    )  # fmt: skip
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [("a", None), ("1", None), ("2", None)]


def test_a_blank_date_in_a_form_of_a_letters_body_is_no_place() -> None:
    text = (
        _LETTER_HEAD + "Số: 15/UBND-KT\nV/v triển khai Kế hoạch CCHC năm 2024\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n"
        "Ủy ban nhân dân tỉnh đề nghị các cơ quan triển khai thực hiện theo mẫu phiếu dưới đây.\n\n"
        "Mẫu phiếu\nTuy Hòa, ngày ..... tháng ..... năm 2024\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn A\n"
    )
    assert _metadata(run_text(text).tables)["place"] is None


@pytest.mark.parametrize(
    "after_bar",
    [
        # a box of related documents styled by Word, under its title
        "<div class='related'><p class='MsoNormal'><b>Văn bản liên quan</b></p>"
        "<p class='MsoNormal'><a href='#'>Kế hoạch 15/KH-UBND năm 2024</a></p>"
        "<p class='MsoNormal'><a href='#'>Quyết định 20/QĐ-UBND năm 2024</a></p></div>",
        # the page again under a caption
        f"<div><p class='MsoNormal'>Bản xem trước:</p><div class='WordSection1'>{_HEADER_AND_SIGNATURE}</div></div>",
    ],
)
def test_the_sites_word_styled_boxes_after_a_bar_are_no_part_of_the_document(after_bar: str) -> None:
    page = _PAGE.format(document=_WORD_PAGE + _BAR + after_bar, after="")
    tables = run_html(page).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
    assert tables["documents"][0]["annex_text"] == "PHỤ LỤC"


# Review 35: regressions of the review-34 mends, pinned.


@pytest.mark.parametrize(
    "appendix",
    [
        # an appendix form that prints its issuer's header under its own title
        "<div class='WordSection2'><p class='MsoNormal'>PHỤ LỤC</p><p class='MsoNormal'>MẪU BÁO CÁO</p>"
        "<table><tr><td><p class='MsoNormal'>ỦY BAN NHÂN DÂN<br>TỈNH GIA LAI</p></td><td><p class='MsoNormal'>"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p></td></tr></table>{table}</div>",
        # a list of linked documents over the appendix's table
        "<div class='WordSection2'><p class='MsoNormal'>PHỤ LỤC</p><p class='MsoNormal'>DANH MỤC VĂN BẢN</p>"
        "<p class='MsoNormal'><a href='#'>Quyết định 10/2019/QĐ-UBND</a></p>"
        "<p class='MsoNormal'><a href='#'>Quyết định 11/2019/QĐ-UBND</a></p>"
        "<p class='MsoNormal'><a href='#'>Quyết định 12/2019/QĐ-UBND</a></p>{table}</div>",
    ],
)
def test_an_appendix_after_a_bar_that_prints_a_header_or_links_is_read(appendix: str) -> None:
    table = _APPENDIX.split("</p>", 1)[1].replace("<table ", "<table class='MsoNormalTable' ")
    page = _PAGE.format(
        document=f"<div class='WordSection1'>{_HEADER_AND_SIGNATURE}</div>{_BAR}" + appendix.format(table=table),
        after="",
    )
    assert [r["row_id"] for r in run_html(page).tables["appendix_rows"]] == ["1", "2"]


def test_a_lone_letter_naming_a_group_without_a_score_holds_its_scored_rows() -> None:
    tables = _dump(
        "a)", "Nhóm văn bản QPPL", " ", " ", " ", " ",
        "1", "Rà soát văn bản", "2", "2", "2", "Sở Tư pháp",
        "2", "Kiểm tra văn bản", "3", "2", "3", "Sở Tư pháp",
        header=_HEADER,
    )  # fmt: skip
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [("a", None), ("a.1", "a"), ("a.2", "a")]


@pytest.mark.parametrize(
    ("subject", "date_line", "place"),
    [
        (
            "V/v triển khai thực hiện Kế hoạch\ncải cách hành chính và nâng cao Chỉ số hài lòng của người dân năm 2024",
            "Tuy Hòa, ngày ..... tháng ..... năm 2024",
            "Tuy Hòa",
        ),
        ("V/v triển khai Kế hoạch", "Bà Rịa - Vũng Tàu, ngày ..... tháng ..... năm 2024", "Bà Rịa - Vũng Tàu"),
    ],
)
def test_a_letters_blank_date_after_a_long_subject_or_with_a_long_place(
    subject: str, date_line: str, place: str
) -> None:
    text = (
        _LETTER_HEAD + f"Số:      /UBND-KT\n{subject}\n\n{date_line}\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n"
        "Ủy ban nhân dân tỉnh đề nghị các cơ quan triển khai.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn A\n"
    )
    assert _metadata(run_text(text).tables)["place"] == place


def test_group_titles_after_a_bullet_open_groups_in_first_cell_numbering() -> None:
    tables = run_html(
        _html_page(
            ("Nội dung nhiệm vụ", "Cơ quan chủ trì"),
            ("- Lĩnh vực Tư pháp", ""),
            ("1. Rà soát văn bản", "Sở Tư pháp"),
            ("2. Kiểm tra văn bản", "Sở Tư pháp"),
            ("- Lĩnh vực Nội vụ", ""),
            ("1. Sắp xếp bộ máy", "Sở Nội vụ"),
        )
    ).tables
    # the titles are groups without a number (row_label the bullet), over rows numbered from 1
    # again: the first title had been read as a second header row, the second as a cell of row 2
    assert [(r["row_id"], r["row_label"], r["parent_id"], r["name"]) for r in tables["appendix_rows"]] == [
        ("#1", "-", None, "Lĩnh vực Tư pháp"),
        ("#1.1", "1.", "#1", "Rà soát văn bản"),
        ("#1.2", "2.", "#1", "Kiểm tra văn bản"),
        ("#2", "-", None, "Lĩnh vực Nội vụ"),
        ("#2.1", "1.", "#2", "Sắp xếp bộ máy"),
    ]
    assert [c["column_header"] for c in tables["appendix_cells"]] == []
