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
    assert [(f["code"], f["row_id"], f["column"]) for f in tables["findings"]] == [
        ("sum_mismatch", "1", "Kinh phí (triệu đồng)")
    ]


def test_a_table_numbered_in_its_first_cells_from_1_again_under_each_group() -> None:
    # no number column, "1." again under "II.": the first three numbers (1, 2, 1) had to be 1, 2, 3,
    # so the table was no appendix (no rows, no_appendix)
    def row(*cells: str) -> str:
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"

    table = (
        "<p>PHỤ LỤC</p><table border='1'>"
        + row("Nội dung nhiệm vụ", "Cơ quan chủ trì")
        + row("I. CẢI CÁCH THỂ CHẾ", "")
        + row("1. Rà soát văn bản", "Sở Tư pháp")
        + row("2. Kiểm tra văn bản", "Sở Tư pháp")
        + row("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "")
        + row("1. Công bố thủ tục hành chính", "Văn phòng UBND tỉnh")
        + "</table>"
    )
    tables = run_html(_PAGE.format(document=_HEADER_AND_SIGNATURE + table, after="")).tables
    assert [(r["row_id"], r["parent_id"], r["name"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("I", None, "CẢI CÁCH THỂ CHẾ", []),
        ("I.1", "I", "Rà soát văn bản", ["Sở Tư pháp"]),
        ("I.2", "I", "Kiểm tra văn bản", ["Sở Tư pháp"]),
        ("II", None, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", []),
        ("II.1", "II", "Công bố thủ tục hành chính", ["Văn phòng UBND tỉnh"]),
    ]
    assert _codes(tables) == []


def test_a_breakdown_under_the_total_row_is_the_totals() -> None:
    # "Tổng cộng | 200", "Trong đó:", "- Ngân sách tỉnh | 150": the "-" lines had become rows 2.-1
    # and 2.-2 under row 2 (80), a breakdown of 200 under a row of 80
    def row(*cells: str) -> str:
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"

    table = (
        "<p>PHỤ LỤC</p><table border='1'>"
        + row("STT", "Nội dung", "Kinh phí (triệu đồng)")
        + row("1", "Tuyên truyền", "120")
        + row("2", "Tập huấn", "80")
        + row("", "Tổng cộng", "200")
        + row("", "Trong đó:", "")
        + row("-", "Ngân sách tỉnh", "150")
        + row("-", "Ngân sách huyện", "50")
        + "</table>"
    )
    tables = run_html(_PAGE.format(document=_HEADER_AND_SIGNATURE + table, after="")).tables
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
            f"A line of the total row's breakdown ({line}) was kept in appendix_cells under row_id 'total'.",
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
