"""Session-10 probe fixes. Bytes: a stray byte or a cut letter in a UTF-8 page, Windows-1258
behind a long head, a BOM-only file, soft hyphens; the page's shape: a hidden copy of the shown
document, a date line with figures."""

from __future__ import annotations

import codecs
import unicodedata
from decimal import Decimal
from html import escape as html_escape

from extract.columns import map_columns
from extract.html.decode import declared_charset, decode_page
from extract.pipeline import process_bytes
from normalize.numbers import parse_number, writes_comma_thousands
from normalize.text import normalize_sign_number
from tests.conftest import markdown_table, run_text, text_cells

HEAD = (
    "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH NGHỆ AN</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
    "<p>Độc lập - Tự do - Hạnh phúc</p><p>Số: 125/KH-UBND</p><p>{date}</p><p>KẾ HOẠCH</p>"
    "<p>Cải cách hành chính năm 2021</p><p>Để triển khai “Chương trình” của tỉnh, Ủy ban nhân dân tỉnh ban hành"
    " kế hoạch như sau.</p><p>PHỤ LỤC</p>"
)
TABLE = (
    "<table border=1><tr><td>STT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td></tr>"
    "<tr><td>1</td><td>Rà soát thủ tục hành chính</td><td>Sở Tư pháp</td></tr>"
    "<tr><td>2</td><td>Số hóa hồ sơ một cửa</td><td>Văn phòng UBND tỉnh</td></tr>"
    "<tr><td>3</td><td>Kiểm tra việc thực hiện</td><td>Sở Nội vụ</td></tr></table>"
)
END = "<p>Nơi nhận:</p><p>- Như trên;</p></body></html>"


def _document(date: str = "Nghệ An, ngày 05 tháng 3 năm 2021") -> str:
    return HEAD.format(date=date) + TABLE


def _page(head: str = "<meta charset='utf-8'>", body: str | None = None) -> str:
    return f"<html><head>{head}</head><body>{_document() if body is None else body}{END}"


def _rows(result) -> list[tuple[str, str]]:
    return [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]]


def _findings(result) -> dict[str, str]:
    return {f["code"]: f["message"] for f in result.tables["findings"]}


ROWS = [("1", "Rà soát thủ tục hành chính"), ("2", "Số hóa hồ sơ một cửa"), ("3", "Kiểm tra việc thực hiện")]

#: A decision shown on the page; the plan it issues may follow in a collapsed tab.
DECISION = (
    "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH NGHỆ AN</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
    "<p>Độc lập - Tự do - Hạnh phúc</p><p>Số: 12/QĐ-UBND</p><p>Nghệ An, ngày 02 tháng 3 năm 2021</p>"
    "<p>QUYẾT ĐỊNH</p><p>Ban hành Kế hoạch</p><p>Điều 1. Ban hành kèm theo Kế hoạch.</p>"
)


def _decision_with_hidden_plan(cited: str):
    """The decision shown, and in a collapsed tab the plan it issues, with no number of its own,
    citing the decision as ``cited`` ("Quyết định số: 12/QĐ-UBND")."""
    plan = (
        "<div style='display:none'><p>ỦY BAN NHÂN DÂN</p><p>TỈNH NGHỆ AN</p>"
        "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p><p>KẾ HOẠCH</p>"
        f"<p>(Ban hành kèm theo {cited} ngày 02/3/2021)</p><p>PHỤ LỤC</p>" + TABLE + "</div>"
    )
    return process_bytes(_page(body=DECISION + plan).encode(), "cited.html")


def _shown_and_hidden(issuer_cell: str) -> str:
    """A document with its header in a table (``issuer_cell`` on the left), shown, and its copy in
    a collapsed tab printing the date with figures (so only the number tells it is a copy)."""

    def document(date: str) -> str:
        return (
            f"<table><tr><td>{issuer_cell}</td>"
            "<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>"
            f"<i>{date}</i></td></tr></table><p>KẾ HOẠCH</p><p>Cải cách hành chính</p><p>PHỤ LỤC</p>" + TABLE
        )

    return (
        f"<div>{document('Nghệ An, ngày 05 tháng 3 năm 2021')}</div>"
        f"<div style='display:none'>{document('Nghệ An, ngày 05/3/2021')}</div>"
    )


# ------------------------------------------------------------------ a stray byte in a UTF-8 page


def test_a_stray_windows_1252_byte_in_a_utf8_page_is_read_and_said() -> None:
    data = _page().encode("utf-8").replace("“".encode(), b"\x93", 1)
    offset = data.index(b"\x93")
    result = process_bytes(data, "stray.html")
    assert not result.failed
    assert _rows(result) == ROWS
    assert "Để triển khai “Chương trình”" in result.tables["documents"][0]["body_text"]
    assert _findings(result)["bad_bytes"] == (
        f"bytes of the UTF-8 page are not UTF-8 (the first at byte {offset}): 1 stray byte read as Windows-1252 "
        "characters (U+FFFD where it has none)"
    )
    assert ("bad_bytes", "warning", "page") in {
        (f["code"], f["severity"], f["location"]) for f in result.tables["findings"]
    }


def test_a_text_dump_with_a_stray_byte_is_read_too() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 125/KH-UBND\nNghệ An, ngày 05 tháng 3 năm 2021\nKẾ HOẠCH\nCải cách hành chính\n"
        "Ủy ban nhân dân tỉnh ban hành kế hoạch.\nNơi nhận:\n- Như trên;\n"
    )
    data = text.encode("utf-8").replace(b"ban nh", b"ban\xa0nh", 1)  # a Windows-1252 no-break space
    result = process_bytes(data, "dump.txt")
    assert not result.failed
    assert result.tables["documents"][0]["number"] == "125/KH-UBND"
    assert _findings(result)["bad_bytes"].endswith(
        ": 1 stray byte read as Windows-1252 characters (U+FFFD where it has none)"
    )


def test_many_bad_bytes_are_no_utf8_page() -> None:
    """A Windows-1258 page has a few byte pairs that happen to be UTF-8: it stays Windows-1258."""
    text = "Tỉnh Đắk Nông, Ủy ban nhân dân, chỉ số cải cách hành chính " * 20
    data = _cp1258(f"<html><head></head><body><p>{text}</p><p>Â©</p></body></html>")
    decoded = decode_page(data)
    assert decoded.encoding == "windows-1258" and decoded.damage is None
    assert "Tỉnh Đắk Nông" in decoded.text


# ------------------------------------------------------------------ a download cut inside a letter


def _cut_inside_a_letter(data: bytes, letter: bytes) -> bytes:
    at = data.index(letter, data.index("Số hóa".encode()))
    return data[: at + len(letter) - 1]


def test_a_utf8_page_cut_inside_a_letter_keeps_the_rows_before_the_cut() -> None:
    for prefix, head in ((b"", "<meta charset='utf-8'>"), (codecs.BOM_UTF8, ""), (b"", "<meta charset=iso-8859-1>")):
        data = prefix + _cut_inside_a_letter(_page(head).encode("utf-8"), "ệ".encode())
        result = process_bytes(data, "cut.html")
        assert not result.failed, head
        assert _rows(result)[0] == ROWS[0], head
        found = _findings(result)
        assert found["bad_bytes"] == (
            "the file ends inside a character (its last 2 bytes dropped): it was saved incompletely"
        ), head
        assert "truncated_page" in found


def test_a_utf16_page_cut_at_an_odd_byte_is_read() -> None:
    data = codecs.BOM_UTF16_LE + _page("").encode("utf-16-le")
    result = process_bytes(data[: len(data) - 41], "cut16.html")
    assert not result.failed
    assert _rows(result)[:2] == ROWS[:2]
    assert _findings(result)["bad_bytes"] == (
        "the file ends inside a character (its last byte dropped): it was saved incompletely"
    )


# ------------------------------------------------------------------ Windows-1258 behind a long head


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: a letter the code page lacks is its base and a tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:  # "ệ": "ê" and the dot below
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in _TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
            out += (base + tone).encode("cp1258")
    return bytes(out)


def test_undeclared_windows_1258_behind_a_long_style_block() -> None:
    data = _cp1258(_page("<style>" + ".a{color:red}" * 4600 + "</style>"))
    result = process_bytes(data, "long-head.html")
    assert not result.failed
    assert result.tables["documents"][0]["encoding"] == "windows-1258"
    assert _rows(result) == ROWS


def test_a_charset_declared_after_a_long_script_is_read() -> None:
    meta = "<meta http-equiv=Content-Type content='text/html; charset=windows-1258'>"
    head = "<script>" + "var x=1;//" * 2500 + "</script>" + meta
    result = process_bytes(_cp1258(_page(head)), "late-meta.html")
    assert not result.failed
    assert result.tables["documents"][0]["encoding"] == "windows-1258"
    assert _rows(result) == ROWS


# ------------------------------------------------------------------ empty files, soft hyphens


def test_a_file_holding_only_a_byte_order_mark_is_empty() -> None:
    for data in (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE):
        result = process_bytes(data, "empty.txt")
        assert [(f["reason"], f["message"]) for f in result.tables["failures"]] == [("empty", "the file is empty")]


def test_a_file_of_blanks_says_so_rather_than_empty() -> None:
    blanks = "the file holds only blanks (spaces or line breaks)"
    for data in (b" \r\n\t\n", codecs.BOM_UTF8 + b"\r\n", codecs.BOM_UTF16_LE + "\r\n".encode("utf-16-le")):
        result = process_bytes(data, "blank.txt")
        assert [(f["reason"], f["message"]) for f in result.tables["failures"]] == [("empty", blanks)]


def test_soft_hyphens_and_joiners_leave_the_sign_number() -> None:
    assert normalize_sign_number("318/KH\u00ad-UBND\u200b") == "318/KH-UBND"
    assert normalize_sign_number("318/KH-\u2060UBND") == "318/KH-UBND"


def test_a_soft_hyphen_in_the_attribute_number_raises_no_mismatch() -> None:
    attrs = (
        "<table><tr><td><b>Số hiệu:</b></td><td>125/KH\u00ad-UBND</td></tr>"
        "<tr><td><b>Loại văn bản:</b></td><td>Kế hoạch</td></tr></table>"
    )
    result = process_bytes(_page(body=attrs + _document()).encode("utf-8"), "shy.html")
    assert result.tables["documents"][0]["number"] == "125/KH-UBND"
    assert "number_mismatch" not in _findings(result)


def test_a_soft_hyphen_inside_a_cell_word_is_dropped() -> None:
    body = _document().replace("Rà soát", "Rà so\u00adát", 1)
    result = process_bytes(_page(body=body).encode("utf-8"), "shy-cell.html")
    assert _rows(result) == ROWS


# ------------------------------------------------------------------ the page's shape


def test_a_hidden_copy_of_the_shown_document_is_not_read_again() -> None:
    hidden = f"<div id=tabGoc style='display:none'><div class=content1>{_document()}</div></div>"
    result = process_bytes(_page(body=hidden + f"<div class=content1>{_document()}</div>").encode(), "tabs.html")
    assert _rows(result) == ROWS
    assert result.tables["documents"][0]["appendix_count"] == 1


def test_a_document_only_in_a_hidden_tab_is_still_read() -> None:
    hidden = f"<div id=tabGoc style='display:none'><div class=content1>{_document()}</div></div>"
    shown = "<div id=tabAnh><p>This document has no English translation.</p></div>"
    result = process_bytes(_page(body=shown + hidden).encode(), "tab-hidden.html")
    assert _rows(result) == ROWS


def test_a_date_line_printed_with_figures() -> None:
    result = process_bytes(_page(body=_document(date="Nghệ An, 05/3/2021")).encode(), "figures.html")
    document = result.tables["documents"][0]
    assert (document["place"], str(document["issued_date"])) == ("Nghệ An", "2021-03-05")


# ------------------------------------------------------------------ money tables (probe Z1)


def _money_page(rows: list[tuple], header: tuple[str, ...], above: str = "") -> bytes:
    """An HTML page whose appendix has ``header`` and ``rows``; a cell is text or (text, rowspan)."""

    def cell(value: object) -> str:
        if isinstance(value, tuple):
            return f"<td rowspan={value[1]}>{value[0]}</td>"
        return f"<td>{value}</td>"

    table = (
        "<table border=1>"
        + "".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in [header, *rows])
        + "</table>"
    )
    return _page(body=HEAD.format(date="Nghệ An, ngày 05 tháng 3 năm 2021") + above + table).encode()


def _sum_findings(result) -> list[tuple[str, str | None, str, str, str]]:
    return [
        (f["code"], f["row_id"], f["column"], f["expected"], f["actual"])
        for f in result.tables["findings"]
        if f["code"] in ("sum_mismatch", "total_mismatch")
    ]


def test_english_thousands_are_read_by_their_column() -> None:
    assert parse_number("1,500,000") is None  # alone, maybe a list ("101,102,103")
    assert parse_number("1,500,000", comma_thousands=True) == Decimal(1500000)
    assert parse_number("1,500") == Decimal("1.5")  # alone, a decimal comma
    assert parse_number("1,500", comma_thousands=True) == Decimal(1500)
    rows = [("1", "Huyện Bát Xát", "1,500"), ("2", "Huyện Sa Pa", "2,250"), ("3", "Huyện Bắc Hà", "1,125.5")]
    rows.append(("", "Tổng cộng", "4,875.5"))
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Dự toán (triệu đồng)")), "english.html")
    numbers = [(c["row_id"], c["value_number"]) for c in result.tables["appendix_cells"]]
    assert numbers == [
        ("1", Decimal(1500)),
        ("2", Decimal(2250)),
        ("3", Decimal("1125.5")),
        ("total", Decimal("4875.5")),
    ]
    assert _sum_findings(result) == []


def test_a_vietnamese_column_keeps_its_decimal_comma() -> None:
    assert not writes_comma_thousands(["1,500", "1.250", "2.125,5"])
    assert writes_comma_thousands(["1,500", "2,250", "1,125.5"])


def test_an_amount_merged_over_two_rows_counts_once() -> None:
    rows = [
        ("1", "Tập huấn khuyến nông", "800"),
        ("1.1", "Tập huấn nuôi tôm", ("500", 2)),
        ("1.2", "Hội thảo đầu bờ"),
        ("1.3", "Tham quan mô hình", "300"),
    ]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (triệu đồng)")), "rowspan.html")
    assert _sum_findings(result) == []
    wrong = [("1", "Tập huấn", "900"), ("1.1", "Tập huấn nuôi tôm", ("500", 2)), ("1.2", "Hội thảo")]
    wrong.append(("1.3", "Tham quan", "300"))
    result = process_bytes(_money_page(wrong, ("STT", "Nội dung", "Kinh phí (triệu đồng)")), "rowspan2.html")
    assert _sum_findings(result) == [("sum_mismatch", "1", "Kinh phí (triệu đồng)", "800", "900")]


def test_rows_under_a_trong_do_line_detail_their_parent() -> None:
    rows = [
        ("1", "Mở lớp xóa mù chữ", "2.400"),
        ("", "Trong đó:", ""),
        ("-", "Ngân sách tỉnh", "1.600"),
        ("-", "Ngân sách huyện", "500"),
        ("2", "Mua sách giáo khoa", "600"),
        ("", "Tổng cộng", "3.000"),
    ]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (triệu đồng)")), "trongdo.html")
    assert _sum_findings(result) == []


def test_money_subtotals_are_checked() -> None:
    rows = [
        ("I", "Năm 2024", ""),
        ("1", "Tập huấn", "1.800"),
        ("2", "Tuyên truyền", "900"),
        ("", "Cộng I", "2.700"),
        ("II", "Năm 2025", ""),
        ("1", "Tập huấn", "2.800"),
        ("2", "Tuyên truyền", "950"),
        ("", "Cộng II", "3.850"),
    ]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (triệu đồng)")), "subtotals.html")
    assert _sum_findings(result) == [("total_mismatch", "subtotal 2", "Kinh phí (triệu đồng)", "3750", "3850")]


def test_a_total_row_named_for_its_money() -> None:
    rows = [("1", "Phun hóa chất", "650"), ("2", "Diệt lăng quăng", "420"), ("3", "Truyền thông", "180")]
    for label in ("TỔNG KINH PHÍ", "Tổng vốn đầu tư", "Tổng dự toán (1+2+3)"):
        page = _money_page([*rows, ("", label, "1.350")], ("STT", "Nội dung", "Kinh phí (triệu đồng)"))
        result = process_bytes(page, "money-total.html")
        assert _sum_findings(result) == [("total_mismatch", None, "Kinh phí (triệu đồng)", "1250", "1350")], label


def test_a_unit_line_above_the_table_makes_its_figure_columns_money() -> None:
    rows = [
        ("1", "Xây dựng trường học", "3.600", "2.100", "1.300", "12"),
        ("2", "Sửa chữa trạm y tế", "800", "500", "300", "4"),
    ]
    header = ("STT", "Nội dung", "Tổng số", "Ngân sách trung ương", "Ngân sách địa phương", "Số lượng")
    result = process_bytes(_money_page(rows, header, "<p>Đơn vị tính: triệu đồng</p>"), "unit.html")
    assert _sum_findings(result) == []  # the parts are columns, not rows: nothing to add up across rows
    rows = [
        ("1", "Xây dựng", "3.600", "12"),
        ("1.1", "Trường học", "2.100", "5"),
        ("1.2", "Trạm y tế", "1.300", "4"),
    ]
    result = process_bytes(
        _money_page(rows, ("STT", "Nội dung", "Tổng số", "Số lượng"), "<p>ĐVT: triệu đồng</p>"), "u.html"
    )
    assert _sum_findings(result) == [("sum_mismatch", "1", "Tổng số", "3400", "3600")]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Tổng số", "Số lượng")), "no-unit.html")
    assert _sum_findings(result) == []


# ------------------------------------------------------------------ text dumps: a figure equal to the next number

DUMP_TOP = (
    "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 23/KH-UBND\n\nCà Mau, ngày 30 tháng 1 năm 2015\n\nKẾ HOẠCH\n\nMua sắm thiết bị\n\nNội dung.\n\n"
    "PHỤ LỤC\n\nDANH MỤC\n\n"
)
DUMP_END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"


def _dump(*cells: str):
    """A plan's text dump whose appendix table prints ``cells`` one per paragraph, read."""
    return run_text(DUMP_TOP + text_cells(*cells) + DUMP_END)


def test_a_quantity_equal_to_the_next_row_number_stays_in_its_row() -> None:
    result = _dump(
        "STT", "Nội dung", "Số lượng", "Đơn vị thực hiện",
        "1", "Máy tính", "2", "Sở Nội vụ",
        "2", "Máy in", "6", "Sở Tư pháp",
    )  # fmt: skip
    rows = [(r["row_id"], r["name"], r["lead_units"]) for r in result.tables["appendix_rows"]]
    assert rows == [("1", "Máy tính", ["Sở Nội vụ"]), ("2", "Máy in", ["Sở Tư pháp"])]
    assert [(c["row_id"], c["value"]) for c in result.tables["appendix_cells"]] == [("1", "2"), ("2", "6")]
    assert "missing_row_id" not in _findings(result)


def test_a_score_equal_to_the_next_top_row_number_stays_in_its_sub_row() -> None:
    rows = _dump(
        "STT", "Tiêu chí", "Điểm tối đa", "Tài liệu kiểm chứng", "Đơn vị thẩm định",
        "1", "CÔNG TÁC CHỈ ĐẠO", "10", "Báo cáo", "Sở Nội vụ",
        "1.1", "Ban hành kế hoạch", "2", "Kế hoạch số 12", "Sở Nội vụ",
        "1.2", "Tuyên truyền", "3", "Ảnh chụp màn hình", "Sở Thông tin và Truyền thông",
        "1.3", "Kiểm tra", "5", "Biên bản", "Sở Nội vụ",
        "2", "HIỆN ĐẠI HÓA", "15", "Số liệu", "Sở Thông tin và Truyền thông",
    ).tables["appendix_rows"]  # fmt: skip
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "CÔNG TÁC CHỈ ĐẠO", Decimal(10)),
        ("1.1", "Ban hành kế hoạch", Decimal(2)),
        ("1.2", "Tuyên truyền", Decimal(3)),
        ("1.3", "Kiểm tra", Decimal(5)),
        ("2", "HIỆN ĐẠI HÓA", Decimal(15)),
    ]


# ------------------------------------------------------------------ review of the session-10 mends


def test_a_motto_in_the_title_does_not_hide_the_only_copy() -> None:
    hidden = f"<div id=tabGoc style='display:none'>{_document()}</div>"
    for head in (
        "<title>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</title>",
        "<noscript>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</noscript>",
    ):
        result = process_bytes(_page(head=head, body=hidden).encode(), "title.html")
        assert _rows(result) == ROWS, head


def test_a_collapsed_plan_attached_to_a_decision_is_read() -> None:
    plan = f"<div id=kh style='display:none'>{_document()}</div>"
    result = process_bytes(_page(body=DECISION + plan).encode(), "attached.html")
    assert _rows(result) == ROWS


def test_a_clause_ending_in_a_date_is_no_date_line() -> None:
    for line in ("V/v triển khai, 01/3/2021", "Số: 125/KH-UBND, 01/3/2021"):
        body = _document().replace("<p>Nghệ An, ngày 05 tháng 3 năm 2021</p>", f"<p>{line}</p>")
        document = process_bytes(_page(body=body).encode(), "clause.html").tables["documents"][0]
        assert (document["place"], document["issued_date"]) == (None, None), line


def test_a_late_charset_declaration_is_found_by_itself() -> None:
    script = b"<script>" + b"var x=1;//" * 3000 + b"</script>"
    assert declared_charset(b"<html><HEAD>" + script + b'<META charset="windows-1258"></HEAD><body>') == "windows-1258"
    assert declared_charset(b"<html><head></head><body>" + script + b"<meta charset=utf-16></body>") is None


def test_a_letter_cut_short_inside_a_utf8_page_is_dropped() -> None:
    data = _page().encode("utf-8").replace("Nghệ An, ngày".encode(), b"Ngh\xe1\xbb An, ng\xc3y", 1)
    data = data.replace("hành chính</td>".encode(), b"h\xc3\xa0nh ch\xc3nh</td>", 1)
    result = process_bytes(data, "broken.html", repair=True)
    assert not result.failed
    assert _findings(result)["bad_bytes"].endswith(": 3 letters cut short, dropped")
    document = result.tables["documents"][0]
    assert "Ngh An" not in document["body_text"] and "Nghá" not in document["body_text"]
    assert "ngÃy" not in document["body_text"]  # a lone lead byte read as a capital after "g": cut
    assert "Ã" not in [r["name"] for r in result.tables["appendix_rows"]][0]
    # a lone 0xE1 leads the Vietnamese letters U+1EA0-U+1EF9: a cut letter, put back by the repair
    data = _page().encode("utf-8").replace("Kiểm tra việc".encode(), b"Ki\xe1m tra vi\xe1c", 1)
    rows = process_bytes(data, "e1.html", repair=True).tables["appendix_rows"]
    assert rows[2]["name"] == "Kiểm tra việc thực hiện"


def test_an_unnumbered_row_of_a_text_dump_is_kept_as_in_html() -> None:
    result = _dump(
        "STT", "Hoạt động", "Kinh phí (triệu đồng)", "Đơn vị thực hiện",
        "1", "Phun hóa chất", "650", "Trung tâm Y tế dự phòng",
        "2", "Diệt lăng quăng", "420", "UBND cấp huyện",
        "\u00a0", "Dự phòng phí", "100", "Sở Y tế",
    )  # fmt: skip
    rows = [(r["row_id"], r["name"], r["lead_units"]) for r in result.tables["appendix_rows"]]
    assert rows == [("1", "Phun hóa chất", ["Trung tâm Y tế dự phòng"]), ("2", "Diệt lăng quăng", ["UBND cấp huyện"])]
    kept = [
        (c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "2"
    ]
    assert kept == [
        ("2", "Kinh phí (triệu đồng)", "420"),
        ("2", "Hoạt động (unnumbered row)", "Dự phòng phí"),
        ("2", "Kinh phí (triệu đồng) (unnumbered row)", "100"),
        ("2", "Đơn vị thực hiện (unnumbered row)", "Sở Y tế"),
    ]
    assert "unnumbered_row" in _findings(result) and "missing_row_id" not in _findings(result)


def test_rows_under_a_trong_do_line_of_a_text_dump_are_details() -> None:
    result = _dump(
        "STT", "Nội dung", "Kinh phí (triệu đồng)", "Đơn vị chủ trì",
        "1", "Mở lớp xóa mù chữ", "2.400", "Sở GD&ĐT",
        "\u00a0", "Trong đó:", "\u00a0", "\u00a0",
        "-", "Ngân sách tỉnh", "1.600", "\u00a0",
        "2", "Biên soạn tài liệu", "350", "Sở GD&ĐT",
        "\u00a0", "Tổng cộng", "2.750", "\u00a0",
    )  # fmt: skip
    assert [r["lead_units"] for r in result.tables["appendix_rows"]][0] == ["Sở GD&ĐT"]
    assert _sum_findings(result) == []


# ------------------------------------------------------------------ second review


def test_a_price_per_unit_line_makes_no_money_columns() -> None:
    rows = [
        ("1", "Đường Lê Lợi", "12.000", "8.000"),
        ("1.1", "Đoạn từ ngã tư đến cầu", "12.000", "8.000"),
        ("1.2", "Đoạn từ cầu đến hết đường", "9.000", "6.000"),
    ]
    header = ("STT", "Tên đường", "Vị trí 1", "Vị trí 2")
    assert _sum_findings(process_bytes(_money_page(rows, header, "<p>ĐVT: 1.000 đồng/m2</p>"), "price.html")) == []
    header = ("STT", "Tên đường", "Tổng số", "Ngân sách tỉnh")
    result = process_bytes(_money_page(rows, header, "<p>Đơn vị tính: đồng/người/ngày</p>"), "norm.html")
    assert _sum_findings(result) == []


def test_a_money_table_keeps_its_years_counts_and_ratios_out_of_the_sums() -> None:
    rows = [
        ("1", "Xây dựng", "2021", "15", "12", "95", "2.000"),
        ("1.1", "Trường học", "2021", "10", "12", "95", "1.200"),
        ("1.2", "Trạm y tế", "2022", "12", "8", "95", "800"),
    ]
    header = ("STT", "Nội dung", "Năm khởi công", "Số xã thụ hưởng", "Chiều dài (km)", "So sánh TH/KH", "Tổng số")
    result = process_bytes(_money_page(rows, header, "<p>Đơn vị tính: triệu đồng</p>"), "mixed.html")
    assert _sum_findings(result) == []


def test_a_hidden_copy_under_a_header_table_is_not_read_again() -> None:
    header = (
        "<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH NGHỆ AN</b></td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>"
        "Độc lập - Tự do - Hạnh phúc</b></td></tr><tr><td>Số 125/KH-UBND</td><td><i>Nghệ An, ngày 05 tháng 3 năm "
        "2021</i></td></tr></table><p>KẾ HOẠCH</p><p>Cải cách hành chính năm 2021</p><p>PHỤ LỤC</p>"
    )
    document = header + TABLE
    body = f"<div>{document}</div><div style='display:none'>{document}</div>"
    assert _rows(process_bytes(_page(body=body).encode(), "header-table.html")) == ROWS


def test_a_hidden_plan_citing_the_shown_decision_is_read() -> None:
    assert _rows(_decision_with_hidden_plan("Quyết định số: 12/QĐ-UBND")) == ROWS


def test_a_figure_equal_to_a_row_number_after_a_short_row_stays_in_its_row() -> None:
    result = _dump(
        "STT", "Nhiệm vụ", "Số lượng văn bản", "Cơ quan chủ trì",
        "1", "Rà soát văn bản", "4", "Sở Tư pháp",
        "2", "Hệ thống hóa văn bản",
        "3", "Kiểm tra văn bản", "3", "Sở Tư pháp", "phối hợp Sở Nội vụ", "và UBND cấp huyện",
        "4", "Báo cáo", "1", "Sở Tư pháp",
    )  # fmt: skip
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Rà soát văn bản"),
        ("2", "Hệ thống hóa văn bản"),
        ("3", "Kiểm tra văn bản"),
        ("4", "Báo cáo"),
    ]
    assert [(c["row_id"], c["value"]) for c in result.tables["appendix_cells"]] == [
        ("1", "4"),
        ("2", None),
        ("3", "3"),
        ("4", "1"),
    ]


def test_a_detail_line_with_its_own_figure_leaves_the_sub_rows_summed() -> None:
    rows = [
        ("1", "Xây dựng", "3.000"),
        ("", "Trong đó: vốn ngân sách trung ương", "2.000"),
        ("1.1", "Trường học", "2.000"),
        ("1.2", "Trạm y tế", "500"),
        ("2", "Sửa chữa", "400"),
    ]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (triệu đồng)")), "detail.html")
    assert _sum_findings(result) == [("sum_mismatch", "1", "Kinh phí (triệu đồng)", "2500", "3000")]


def test_an_english_total_rounds_like_a_vietnamese_one() -> None:
    rows = [("1", "Huyện Bát Xát", "1,500"), ("2", "Huyện Sa Pa", "2,250"), ("3", "Huyện Bắc Hà", "1,125.5")]
    page = _money_page([*rows, ("", "Tổng cộng", "4,876")], ("STT", "Nội dung", "Dự toán (triệu đồng)"))
    assert _sum_findings(process_bytes(page, "round.html")) == []


def test_an_amount_merged_over_rows_may_be_each_rows() -> None:
    rows = [("1", "Huyện A", ("200", 3)), ("2", "Huyện B"), ("3", "Huyện C"), ("", "Tổng cộng", "600")]
    assert _sum_findings(process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí")), "each.html")) == []
    rows = [("1", "Khuyến nông", ("800", 2)), ("1.1", "Tập huấn"), ("1.2", "Hội thảo", "300")]
    assert _sum_findings(process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí")), "down.html")) == []


def test_date_lines_with_figures_end_in_a_stop_or_name_a_district() -> None:
    for line, place in (("Nghệ An, 05/3/2021.", "Nghệ An"), ("Quận 1, 05/3/2021", "Quận 1")):
        document = process_bytes(_page(body=_document(date=line)).encode(), "stop.html").tables["documents"][0]
        assert (document["place"], str(document["issued_date"])) == (place, "2021-03-05"), line


# ------------------------------------------------------------------ indicator and task tables (probe Z4)

TASK_ROWS = (
    ("1", "Làm sạch dữ liệu dân cư", "Công an tỉnh", "UBND cấp huyện", "Quý II/2023", "Dữ liệu đúng, đủ"),
    ("2", "Cấp căn cước công dân", "Công an tỉnh", "Sở Thông tin và Truyền thông", "Quý IV/2023", "Thẻ căn cước"),
)


def _tasks_of(result) -> list[tuple]:
    return [
        (r["row_id"], r["lead_units"], r["coordinating_units"], r["deadline"], r["product"])
        for r in result.tables["appendix_rows"]
    ]


TASKS_READ = [
    ("1", ["Công an tỉnh"], ["UBND cấp huyện"], "Quý II/2023", "Dữ liệu đúng, đủ"),
    ("2", ["Công an tỉnh"], ["Sở Thông tin và Truyền thông"], "Quý IV/2023", "Thẻ căn cước"),
]


def test_units_header_over_lead_and_coordinating_in_text_forms() -> None:
    top = ("STT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian hoàn thành", "Kết quả dự kiến")
    cells = text_cells(*top, "Chủ trì", "Phối hợp", *(c for row in TASK_ROWS for c in row))
    assert _tasks_of(run_text(DUMP_TOP + cells + DUMP_END)) == TASKS_READ
    tabs = "\t".join(top) + "\nChủ trì\tPhối hợp\n" + "\n".join("\t".join(row) for row in TASK_ROWS) + "\n"
    assert _tasks_of(run_text(DUMP_TOP + tabs + DUMP_END)) == TASKS_READ


def test_the_completion_time_is_the_deadline_and_a_period_ends_its_target_year() -> None:
    rows = [("1", "Tuần tra biên giới", "Tháng 1/2023", "Tháng 12/2023", "12")]
    header = ("STT", "Nội dung", "Thời gian / Bắt đầu", "Thời gian / Hoàn thành", "Mục tiêu giai đoạn 2021-2025")
    result = process_bytes(_money_page(rows, header), "span.html")
    (row,) = result.tables["appendix_rows"]
    assert (row["deadline"], row["target_score"], row["target_year"]) == ("Tháng 12/2023", Decimal(12), 2025)
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"]] == [
        ("Thời gian / Bắt đầu", "Tháng 1/2023")
    ]


def test_a_flat_header_puts_years_under_the_target_not_under_a_years_column() -> None:
    result = _dump(
        "STT", "Chỉ tiêu", "Đơn vị tính", "Hiện trạng năm 2020", "Mục tiêu", "Năm 2025", "Năm 2030",
        "1", "Tỷ lệ đô thị hóa", "%", "32", "40", "50",
        "2", "Số đô thị loại IV", "Đô thị", "3", "4", "5",
        "3", "Diện tích nhà ở bình quân", "m2/người", "22", "25", "30",
    )  # fmt: skip
    assert [(r["row_id"], r["unit"], r["target_score"], r["target_year"]) for r in result.tables["appendix_rows"]] == [
        ("1", "%", Decimal(40), 2025),
        ("2", "Đô thị", Decimal(4), 2025),
        ("3", "m2/người", Decimal(25), 2025),
    ]
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "1"] == [
        ("Hiện trạng năm 2020", "32"),
        ("Mục tiêu / Năm 2030", "50"),
    ]


def test_a_tab_sub_header_of_bare_years() -> None:
    tabs = (
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian thực hiện\n2021\t2022\t2023\n"
        "1\tKhảo sát hiện trạng\tSở Xây dựng\tx\tx\t\n2\tLập quy hoạch\tSở Xây dựng\t\tx\tx\n"
    )
    result = run_text(DUMP_TOP + tabs + DUMP_END)
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2"]
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "2"] == [
        ("Thời gian thực hiện / 2021", None),
        ("Thời gian thực hiện / 2022", "x"),
        ("Thời gian thực hiện / 2023", "x"),
    ]


def test_a_portal_column_number_row_under_a_one_row_header() -> None:
    table = markdown_table(
        ("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2020", "Kế hoạch năm 2021", "Ghi chú"),
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
        ("1", "Tổng sản phẩm", "Tỷ đồng", "52.000", "55.000", ""),
        ("2", "Thu ngân sách", "Tỷ đồng", "9.850", "10.200", "Tăng 3,6%"),
    )
    result = run_text(DUMP_TOP + table + DUMP_END, "portal.md")
    assert [(r["row_id"], r["note"]) for r in result.tables["appendix_rows"]] == [("1", None), ("2", "Tăng 3,6%")]
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "2"] == [
        ("Thực hiện năm 2020", "9.850"),
        ("Kế hoạch năm 2021", "10.200"),
    ]


def test_rates_are_not_added_up() -> None:
    result = _dump(
        "TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2020", "Mục tiêu đến năm 2025",
        "1", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "60", "75",
        "-", "Tiểu học", "%", "68", "80",
        "-", "Trung học cơ sở", "%", "58", "72",
        "2", "Số trường học", "Trường", "120", "130",
        "-", "Tiểu học", "Trường", "70", "76",
        "-", "Trung học cơ sở", "Trường", "50", "55",
    )  # fmt: skip
    assert _sum_findings(result) == [("sum_mismatch", "2", "target_score", "131", "130")]


def test_a_text_dump_shown_in_pre_is_read_as_one() -> None:
    result = process_bytes(_pre_page(), "pre.html")
    assert not result.failed
    assert result.tables["documents"][0]["number"] == "23/KH-UBND"
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [("1", "Máy tính"), ("2", "Máy in")]


def test_repairs_made_before_reading_say_so() -> None:
    top = DUMP_TOP.replace("KẾ HOẠCH", "K HOẠCH").replace("Nội dung.", "Tăng cường kim tra việc thực hiện.")
    cells = text_cells("STT", "Nội dung", "Đơn vị", "1", "Rà soát", "Sở Nội vụ", "2", "Kiểm tra", "Sở Tư pháp")
    result = run_text(top + cells + DUMP_END, repair=True)
    repairs = [(r["location_column"], r["before"], r["after"], r["before_reading"]) for r in result.tables["repairs"]]
    assert repairs == [("body_text", "K", "KẾ", True), ("body_text", "kim", "kiểm", False)]
    body = result.tables["documents"][0]["body_text"]
    heading = result.tables["repairs"][0]
    assert body[heading["offset"] : heading["offset"] + 2] == "KẾ"  # of the repaired word, in the cleaned field
    assert result.tables["documents"][0]["doc_type"] == "Kế hoạch"


def test_a_document_in_an_iframe_srcdoc_is_read() -> None:
    inner = f"<html><body>{_document()}{END}"
    frame = f'<iframe srcdoc="{html_escape(inner)}"></iframe>'
    page = f"<html><head><meta charset='utf-8'></head><body>{frame}</body></html>"
    result = process_bytes(page.encode(), "frame.html")
    assert _rows(result) == ROWS
    assert result.tables["documents"][0]["number"] == "125/KH-UBND"


def test_a_preview_of_a_base_document_above_the_document_is_not_it() -> None:
    preview = (
        "<div class=vbcs><h3>Văn bản căn cứ</h3><div class=tooltip><p>ỦY BAN NHÂN DÂN TỈNH NGHỆ AN</p>"
        "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p><p>Số: 12/QĐ-UBND</p>"
        "<p>Nghệ An, ngày 02 tháng 01 năm 2021</p><p>QUYẾT ĐỊNH</p><p>VỀ VIỆC GIAO CHỈ TIÊU NĂM 2021</p></div></div>"
    )
    result = process_bytes(_page(body=preview + f"<div class=content1>{_document()}</div>").encode(), "preview.html")
    document = result.tables["documents"][0]
    assert (document["number"], str(document["issued_date"])) == ("125/KH-UBND", "2021-03-05")
    assert "12/QĐ-UBND" not in (document["body_text"] or "")
    assert _rows(result) == ROWS


# ------------------------------------------------------------------ third review (of 2e8b992)


def test_a_years_plan_stands_over_money_parts() -> None:
    tabs = (
        "STT\tDự án\tTổng mức đầu tư\tKế hoạch vốn năm 2021\nTổng số\tNSTW\tNSĐP\n"
        "1\tĐường A\t1.000\t300\t200\t100\n2\tĐường B\t2.000\t500\t300\t200\n"
    )
    result = run_text(DUMP_TOP + tabs + DUMP_END)
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "1"] == [
        ("Tổng mức đầu tư", "1.000"),
        ("Kế hoạch vốn năm 2021 / Tổng số", "300"),
        ("Kế hoạch vốn năm 2021 / NSTW", "200"),
        ("Kế hoạch vốn năm 2021 / NSĐP", "100"),
    ]


def test_english_amounts_of_three_leading_digits() -> None:
    rows = [("1", "Tập huấn", "150,000,000"), ("2", "Hội thảo", "250,000,000"), ("", "Tổng cộng", "500,000,000")]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (đồng)")), "vnd.html")
    assert [c["value_number"] for c in result.tables["appendix_cells"]] == [
        Decimal(150000000),
        Decimal(250000000),
        Decimal(500000000),
    ]
    assert _sum_findings(result) == [("total_mismatch", None, "Kinh phí (đồng)", "400000000", "500000000")]


def test_a_flat_header_of_a_total_and_years() -> None:
    result = _dump(
        "STT", "Nội dung", "Kinh phí (triệu đồng)", "Tổng", "Năm 2021", "Năm 2022",
        "1", "Tập huấn", "300", "100", "200",
        "2", "Hội thảo", "150", "50", "100",
        "3", "Kiểm tra", "90", "40", "50",
    )  # fmt: skip
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "1"] == [
        ("Kinh phí (triệu đồng) / Tổng", "300"),
        ("Kinh phí (triệu đồng) / Năm 2021", "100"),
        ("Kinh phí (triệu đồng) / Năm 2022", "200"),
    ]


def test_two_rows_under_years_with_no_parent_are_no_flat_header() -> None:
    result = _dump(
        "STT", "Nội dung", "Năm 2024", "Năm 2025", "1", "Tập huấn", "100", "2", "Kiểm tra", "50"
    )  # fmt: skip
    assert "Nội dung / Năm 2025" not in {c["column_header"] for c in result.tables["appendix_cells"]}


def test_a_hidden_copy_printing_its_header_otherwise_is_still_a_copy() -> None:
    table_header = (
        "<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH NGHỆ AN</p><p>Số: 125/KH-UBND</p></td>"
        "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>"
        "<p>Nghệ An, ngày 05 tháng 3 năm 2021</p></td></tr></table>"
        "<p>KẾ HOẠCH</p><p>Cải cách hành chính năm 2021</p><p>PHỤ LỤC</p>"
    )
    body = f"<div>{table_header + TABLE}</div><div style='display:none'>{_document()}</div>"
    assert _rows(process_bytes(_page(body=body).encode(), "two-headers.html")) == ROWS


def test_an_empty_figure_in_the_next_row_still_makes_a_figure() -> None:
    rows = _dump(
        "STT", "Nội dung", "Số lượng", "Đơn vị thực hiện",
        "1", "Máy tính", "2", "Sở Nội vụ",
        "2", "Máy in", "\u00a0", "Sở Tư pháp",
        "3", "Máy quét", "1", "Sở Y tế",
    ).tables["appendix_rows"]  # fmt: skip
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Máy tính", ["Sở Nội vụ"]),
        ("2", "Máy in", ["Sở Tư pháp"]),
        ("3", "Máy quét", ["Sở Y tế"]),
    ]


def test_a_header_alone_in_pre_does_not_make_the_page_a_dump() -> None:
    head = (
        "<pre>ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 125/KH-UBND\nNghệ An, ngày 05 tháng 3 năm 2021</pre>"
    )
    body = head + "<p>KẾ HOẠCH</p><p>Cải cách hành chính năm 2021</p><p>PHỤ LỤC</p>" + TABLE
    assert _rows(process_bytes(_page(body=body).encode(), "pre-head.html")) == ROWS


def test_points_of_a_criterion_measured_in_percent_are_summed() -> None:
    rows = [
        ("1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "2", "1,5"),
        ("2", "Ban hành kế hoạch", "Văn bản", "3", "3"),
        ("", "TỔNG ĐIỂM", "", "6", "4,5"),
    ]
    header = ("STT", "Tiêu chí", "Đơn vị tính", "Điểm tối đa", "Điểm tự chấm")
    result = process_bytes(_money_page(rows, header), "points.html")
    assert _sum_findings(result) == [("total_mismatch", None, "max_score", "5", "6")]


def test_spending_columns_under_a_money_unit_line_are_checked() -> None:
    rows = [
        ("1", "Giáo dục", "900", "500", "300"),
        ("1.1", "Mầm non", "300", "200", "100"),
        ("1.2", "Tiểu học", "500", "300", "150"),
    ]
    header = ("STT", "Nội dung", "Tổng", "Chi đầu tư", "Chi thường xuyên")
    result = process_bytes(_money_page(rows, header, "<p>Đơn vị tính: triệu đồng/năm</p>"), "spend.html")
    assert _sum_findings(result) == [
        ("sum_mismatch", "1", "Tổng", "800", "900"),
        ("sum_mismatch", "1", "Chi thường xuyên", "250", "300"),
    ]


def test_numbered_rows_under_a_bare_trong_do_line_are_details() -> None:
    rows = [
        ("1", "Xây dựng", "3.000"),
        ("", "Trong đó:", ""),
        ("a", "Vốn NSTW", "2.000"),
        ("b", "Vốn NSĐP", "500"),
        ("2", "Sửa chữa", "400"),
    ]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (triệu đồng)")), "trong-do.html")
    assert _sum_findings(result) == []


def test_a_blank_paragraph_inside_a_units_cell_is_no_row() -> None:
    result = _dump(
        "STT", "Nội dung", "Kinh phí (triệu đồng)", "Đơn vị thực hiện",
        "1", "Phun hóa chất", "650", "Trung tâm Y tế",
        "\u00a0", "UBND các huyện", "Phòng Y tế các huyện", "Trạm Y tế các xã",
        "2", "Diệt lăng quăng", "420", "UBND cấp huyện",
    )  # fmt: skip
    units = [r["lead_units"] for r in result.tables["appendix_rows"]][0]
    assert units == ["Trung tâm Y tế", "UBND các huyện", "Phòng Y tế các huyện", "Trạm Y tế các xã"]
    assert "unnumbered_row" not in _findings(result)


def test_a_figures_second_paragraph_stays_with_it() -> None:
    result = _dump(
        "STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2020", "Kế hoạch năm 2025",
        "1", "Thu nhập bình quân", "triệu đồng", "45", "(ước)", "60",
        "2", "Tỷ lệ hộ nghèo", "%", "5,2", "3",
        "3", "Tuổi thọ trung bình", "tuổi", "73,5", "74",
    )  # fmt: skip
    row = result.tables["appendix_rows"][0]
    assert (row["name"], row["unit"]) == ("Thu nhập bình quân", "triệu đồng")
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "1"] == [
        ("Thực hiện năm 2020", "45\n(ước)"),
        ("Kế hoạch năm 2025", "60"),
    ]


def test_a_single_time_header_naming_its_start_keeps_the_deadline() -> None:
    columns = map_columns(["STT", "Nhiệm vụ", "Thời gian thực hiện (từ năm 2021)", "Thời hạn báo cáo"])
    assert [c.role for c in columns] == ["id", "name", "deadline", "other"]


def test_a_deadline_header_that_lost_a_letter_keeps_its_role() -> None:
    assert [c.role for c in map_columns(["STT", "Nội dung", "Thi hạn"])] == ["id", "name", "deadline"]


# ------------------------------------------------------------------ fourth review (of a87beca)


def test_a_base_documents_heading_in_the_body_is_the_documents_text() -> None:
    for heading in (
        "<p><b>Văn bản căn cứ:</b></p><p>- Luật Tổ chức chính quyền địa phương năm 2015;</p>",
        "<table><tr><td colspan=2>Văn bản căn cứ</td></tr><tr><td>1</td><td>Luật số 77/2015/QH13</td></tr></table>",
    ):
        body = (
            "<div class=content1>" + HEAD.format(date="Nghệ An, ngày 05 tháng 3 năm 2021") + heading + TABLE + "</div>"
        )
        result = process_bytes(_page(body=body).encode(), "base-docs.html")
        assert result.tables["documents"][0]["number"] == "125/KH-UBND", heading
        assert _rows(result) == ROWS, heading


def test_a_flat_header_keeps_a_column_of_another_kind_before_the_years() -> None:
    for other, value in (("Nguồn vốn", "NSTW"), ("Thời gian hoàn thành", "Quý II/2021")):
        result = _dump(
            "STT", "Nội dung", "Kinh phí (triệu đồng)", other, "Năm 2021", "Năm 2022",
            "1", "Tập huấn", "100", "200", value,
            "2", "Hội thảo", "50", "60", value,
            "3", "Kiểm tra", "30", "40", value,
        )  # fmt: skip
        cells = {c["column_header"]: c["value"] for c in result.tables["appendix_cells"] if c["row_id"] == "1"}
        assert cells["Kinh phí (triệu đồng) / Năm 2021"] == "100", other
        assert cells["Kinh phí (triệu đồng) / Năm 2022"] == "200", other


def test_units_headers_with_their_words_over_lead_and_coordinating() -> None:
    tabs = (
        "STT\tNội dung công việc\tĐơn vị thực hiện\tThời gian hoàn thành\tKết quả dự kiến\n"
        "Đơn vị chủ trì\tĐơn vị phối hợp\n" + "\n".join("\t".join(row) for row in TASK_ROWS) + "\n"
    )
    assert _tasks_of(run_text(DUMP_TOP + tabs + DUMP_END)) == TASKS_READ


def test_a_start_time_column_beside_the_completion_time() -> None:
    columns = map_columns(["STT", "Nội dung", "Thời gian bắt đầu", "Thời gian hoàn thành"])
    assert [c.role for c in columns] == ["id", "name", "other", "deadline"]


def test_a_hidden_plan_citing_the_decision_in_any_words_is_read() -> None:
    for cited in ("QĐ số 12/QĐ-UBND", "Quyết định của UBND tỉnh số 12/QĐ-UBND"):
        assert _rows(_decision_with_hidden_plan(cited)) == ROWS, cited


def test_an_unnumbered_row_may_print_words_in_a_column_of_figures() -> None:
    result = _dump(
        "STT", "Nội dung", "Kinh phí (triệu đồng)", "Đơn vị thực hiện",
        "1", "Phun hóa chất", "650", "Trung tâm Y tế",
        "\u00a0", "Chi phí phát sinh", "Theo thực tế", "Sở Tài chính",
        "2", "Diệt lăng quăng", "420", "UBND cấp huyện",
    )  # fmt: skip
    assert [r["lead_units"] for r in result.tables["appendix_rows"]][0] == ["Trung tâm Y tế"]
    assert "unnumbered_row" in _findings(result)


def test_a_unit_of_two_words_is_no_figure_of_the_next_row() -> None:
    rows = _dump(
        "STT", "Nhiệm vụ", "Số lượng văn bản", "Cơ quan chủ trì",
        "1", "Rà soát văn bản", "4", "Sở Tư pháp",
        "2", "Hệ thống hóa văn bản",
        "3", "Kiểm tra văn bản", "3", "Sở Tư pháp", "Công an",
        "4", "Báo cáo", "1", "Sở Tư pháp",
    ).tables["appendix_rows"]  # fmt: skip
    assert [(r["row_id"], r["name"]) for r in rows][2] == ("3", "Kiểm tra văn bản")


def test_prices_and_norms_under_a_money_line_are_not_summed() -> None:
    rows = [
        ("1", "Đường Lê Lợi", "12.000", "8.000", "1,2"),
        ("1.1", "Đoạn 1", "12.000", "8.000", "1,2"),
        ("1.2", "Đoạn 2", "9.000", "6.000", "1,0"),
    ]
    header = ("STT", "Tên đường", "Vị trí 1", "Mức chi", "Hệ số")
    result = process_bytes(_money_page(rows, header, "<p>Đơn vị tính: 1.000 đồng</p>"), "prices.html")
    assert _sum_findings(result) == []


def test_a_dump_in_pre_beside_a_long_menu_is_read() -> None:
    menu = "<div class=menu><ul>" + "".join(
        f"<li><a>Quyết định số {i}/QĐ-UBND về việc phê duyệt kế hoạch năm 2021 của tỉnh</a></li>" for i in range(12)
    ) + "</ul></div>"  # fmt: skip
    result = process_bytes(_pre_page(before=menu), "pre-menu.html")
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [("1", "Máy tính"), ("2", "Máy in")]


def test_a_lone_legacy_letter_in_a_utf8_page_is_kept() -> None:
    data = _page().encode().replace("Để triển khai".encode(), b"T\xe2y H\xe0 v\xe0 Caf\xe9 ", 1)
    result = process_bytes(data, "latin.html")
    assert "Tây Hà và Café" in result.tables["documents"][0]["body_text"]


def test_one_list_of_three_digit_numbers_is_no_english_figure() -> None:
    rows = [("1", "Xã A", "101,102,103", "2,5"), ("2", "Xã B", "15", "1,250"), ("3", "Xã C", "7", "3,75")]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Thửa đất số", "Diện tích (ha)")), "parcels.html")
    numbers = [(c["row_id"], c["column_header"], c["value_number"]) for c in result.tables["appendix_cells"]]
    assert numbers[0] == ("1", "Thửa đất số", None)


# ------------------------------------------------------------------ fifth review (of ae1412c)


def test_a_hidden_plan_citing_the_decision_with_a_capital_so_is_read() -> None:
    assert _rows(_decision_with_hidden_plan("Quyết định Số 12/QĐ-UBND")) == ROWS


def test_a_header_and_preamble_in_pre_above_an_html_table() -> None:
    lines = [
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 125/KH-UBND", "Nghệ An, ngày 05 tháng 3 năm 2021", "KẾ HOẠCH", "Cải cách hành chính năm 2021",
        *[f"Căn cứ văn bản số {i}/2020 của Chính phủ;" for i in range(1, 9)],
    ]  # fmt: skip
    body = "<pre>" + "\n".join(lines) + "</pre><p>I. MỤC ĐÍCH</p><p>PHỤ LỤC</p>" + TABLE
    assert _rows(process_bytes(_page(body=body).encode(), "pre-preamble.html")) == ROWS


def test_a_word_in_a_column_of_figures_of_the_next_row() -> None:
    rows = _dump(
        "STT", "Nội dung", "Số lần/năm", "Đơn vị thực hiện",
        "1", "Họp giao ban", "2", "Văn phòng UBND tỉnh",
        "2", "Kiểm tra công vụ", "Thường xuyên", "Sở Nội vụ",
        "3", "Tổng kết", "1", "Sở Nội vụ",
    ).tables["appendix_rows"]  # fmt: skip
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Họp giao ban", ["Văn phòng UBND tỉnh"]),
        ("2", "Kiểm tra công vụ", ["Sở Nội vụ"]),
        ("3", "Tổng kết", ["Sở Nội vụ"]),
    ]


def test_more_unit_lines_after_a_blank_paragraph_stay_the_units() -> None:
    result = _dump(
        "STT", "Nội dung", "Kinh phí (triệu đồng)", "Đơn vị thực hiện",
        "1", "Phun hóa chất", "650", "Trung tâm Y tế",
        "\u00a0", "Sở Y tế", "(phối hợp)", "UBND cấp xã",
        "2", "Diệt lăng quăng", "420", "UBND cấp huyện",
    )  # fmt: skip
    units = [r["lead_units"] for r in result.tables["appendix_rows"]][0]
    assert units[0] == "Trung tâm Y tế" and "UBND cấp xã" in units
    assert "unnumbered_row" not in _findings(result)


def test_flat_columns_named_for_the_lead_and_the_others_are_columns() -> None:
    rows = _dump(
        "STT", "Nhiệm vụ", "Thời gian", "Cơ quan chủ trì", "Cơ quan phối hợp",
        "1", "Rà soát", "Quý I/2021", "Sở Tư pháp",
        "2", "Kiểm tra", "Quý II/2021", "Sở Nội vụ",
        "3", "Báo cáo", "Quý IV/2021", "Văn phòng UBND tỉnh",
    ).tables["appendix_rows"]  # fmt: skip
    assert [(r["lead_units"], r["deadline"]) for r in rows][0] == (["Sở Tư pháp"], "Quý I/2021")


def test_a_header_naming_the_start_and_the_end_is_the_deadline() -> None:
    headers = ["STT", "Dự án", "Thời gian khởi công - hoàn thành", "Tiến độ thực hiện"]
    assert [c.role for c in map_columns(headers)][2] == "deadline"


def test_a_flat_header_with_the_total_after_the_years() -> None:
    headers = {c["column_header"] for c in _dump(
        "STT", "Nội dung", "Kinh phí (triệu đồng)", "Năm 2021", "Năm 2022", "Tổng cộng",
        "1", "Tập huấn", "100", "200", "300",
        "2", "Hội thảo", "50", "60", "110",
        "3", "Kiểm tra", "30", "40", "70",
    ).tables["appendix_cells"]}  # fmt: skip
    assert headers == {
        "Kinh phí (triệu đồng) / Năm 2021",
        "Kinh phí (triệu đồng) / Năm 2022",
        "Kinh phí (triệu đồng) / Tổng cộng",
    }


def test_budget_abbreviations_under_a_money_line_are_summed() -> None:
    rows = [
        ("1", "Giáo dục", "300", "200", "100"),
        ("1.1", "Mầm non", "150", "50", "50"),
        ("1.2", "Tiểu học", "150", "50", "50"),
    ]
    result = process_bytes(
        _money_page(rows, ("STT", "Nội dung", "Tổng", "NSTW", "NSĐP"), "<p>Đơn vị tính: triệu đồng</p>"), "ns.html"
    )
    assert _sum_findings(result) == [("sum_mismatch", "1", "NSTW", "100", "200")]


def test_one_figure_in_millions_makes_a_column_english() -> None:
    rows = [("1", "Dự án A", "1,250,000"), ("1.1", "Hạng mục 1", "750,000"), ("1.2", "Hạng mục 2", "400,000")]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (đồng)")), "millions.html")
    assert [c["value_number"] for c in result.tables["appendix_cells"]] == [
        Decimal(1250000),
        Decimal(750000),
        Decimal(400000),
    ]
    assert _sum_findings(result) == [("sum_mismatch", "1", "Kinh phí (đồng)", "1150000", "1250000")]


def test_an_iframe_whose_srcdoc_holds_nothing_does_not_fail_the_page() -> None:
    result = process_bytes(
        _page(body='<iframe srcdoc="<!-- x -->"></iframe>' + _document()).encode(), "empty-frame.html"
    )
    assert not result.failed
    assert _rows(result) == ROWS


# ------------------------------------------------------------------ sixth review (of 811f80a, afb6337)


def _pre_page(before: str = "", after: str = "", wrap: bool = False) -> bytes:
    cells = ("STT", "Nội dung", "Số lượng", "Đơn vị thực hiện", "1", "Máy tính", "5", "Sở Nội vụ")
    dump = DUMP_TOP + text_cells(*cells, "2", "Máy in", "6", "Sở Tư pháp") + DUMP_END
    pre = f"<pre>{html_escape(dump)}</pre>"
    if wrap:
        pre = f"<table><tr><td>{pre}</td></tr></table>"
    return f"<html><head><meta charset='utf-8'></head><body>{before}{pre}{after}</body></html>".encode()


def test_a_dump_in_pre_beside_small_tables_is_read() -> None:
    attributes = "<table><tr><td>Số hiệu:</td><td>23/KH-UBND</td></tr><tr><td>Loại:</td><td>Kế hoạch</td></tr></table>"
    related = "<table><tr><td>Văn bản liên quan</td></tr><tr><td>1</td><td>Quyết định 12/QĐ-UBND</td></tr></table>"
    for page in (_pre_page(wrap=True), _pre_page(before=attributes), _pre_page(after=related)):
        rows = process_bytes(page, "pre.html").tables["appendix_rows"]
        assert [(r["row_id"], r["name"]) for r in rows] == [("1", "Máy tính"), ("2", "Máy in")]


def test_an_unnumbered_row_named_by_a_dash_or_a_figure() -> None:
    for name in ("- Dự phòng phí", "03 lớp tập huấn", "“Ngày sức khỏe”"):
        result = _dump(
            "STT", "Hoạt động", "Kinh phí (triệu đồng)", "Đơn vị thực hiện",
            "1", "Phun hóa chất", "650", "Trung tâm Y tế dự phòng",
            "2", "Diệt lăng quăng", "420", "UBND cấp huyện",
            "\u00a0", name, "100", "Sở Y tế",
        )  # fmt: skip
        assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2"], name
        assert "missing_row_id" not in _findings(result), name


def test_a_quoted_name_after_a_figure_equal_to_its_number() -> None:
    rows = _dump(
        "STT", "Nội dung", "Số lượng", "Đơn vị thực hiện",
        "1", "Máy tính", "2", "Sở Nội vụ",
        "2", "“Máy in”", "6", "Sở Tư pháp",
    ).tables["appendix_rows"]  # fmt: skip
    assert [(r["row_id"], r["lead_units"]) for r in rows] == [("1", ["Sở Nội vụ"]), ("2", ["Sở Tư pháp"])]


def test_a_hidden_copy_whose_issuer_ends_in_a_word_that_cites() -> None:
    body = _shown_and_hidden("<b>UBND TỈNH NGHỆ AN<br>SỞ KẾ HOẠCH VÀ ĐẦU TƯ</b><br>Số: 125/KH-SKHĐT")
    result = process_bytes(_page(body=body).encode(), "issuer.html")
    assert _rows(result) == ROWS


def test_lone_bytes_that_are_no_letters_stay() -> None:
    data = _page().encode().replace("Để triển khai".encode(), b"Kh\xe1m 60\xd790 cm, Fran\xe7ois, Stra\xdfe", 1)
    body = process_bytes(data, "bytes.html").tables["documents"][0]["body_text"]
    assert "60×90 cm, François, Straße" in body


def test_a_list_of_parcels_starting_with_two_digits_is_no_english_figure() -> None:
    rows = [("1", "Xã A", "12,115,116", "2,5"), ("2", "Xã B", "15", "1,25"), ("3", "Xã C", "7,230", "3,75")]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Thửa đất số", "Diện tích (ha)")), "parcels2.html")
    assert [c["value_number"] for c in result.tables["appendix_cells"] if c["column_header"] == "Thửa đất số"] == [
        None,
        Decimal(15),
        Decimal("7.230"),
    ]


# ------------------------------------------------------------------ last review (of 935d98f)


def test_a_header_in_pre_above_an_html_appendix_keeps_the_appendix() -> None:
    lines = [
        "ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 23/KH-UBND", "Cà Mau, ngày 30 tháng 1 năm 2015", "KẾ HOẠCH", "Mua sắm thiết bị",
        *[f"{n}. Mục {n}: nội dung kế hoạch." for n in ("I", "II", "III", "IV", "V", "VI")],
        "PHỤ LỤC", "DANH MỤC THIẾT BỊ",
    ]  # fmt: skip
    for numbers in (("1", "2"), ("I", "II"), ("1", "1.1")):
        table = (
            "<table border=1><tr><td>STT</td><td>Nội dung</td><td>Số lượng</td><td>Đơn vị thực hiện</td></tr>"
            f"<tr><td>{numbers[0]}</td><td>Máy tính</td><td>5</td><td>Sở Nội vụ</td></tr>"
            f"<tr><td>{numbers[1]}</td><td>Máy in</td><td>6</td><td>Sở Tư pháp</td></tr></table>"
        )
        page = f"<pre>{chr(10).join(lines)}</pre>{table}<p>Nơi nhận:</p>"
        result = process_bytes(_page(body=page).encode(), "pre-html.html")
        assert [r["name"] for r in result.tables["appendix_rows"]] == ["Máy tính", "Máy in"], numbers


def test_a_hidden_copy_with_its_number_beside_a_bold_label() -> None:
    body = _shown_and_hidden("<b>ỦY BAN NHÂN DÂN<br>TỈNH NGHỆ AN</b><br><b>Số:</b> 125/KH-UBND")
    assert _rows(process_bytes(_page(body=body).encode(), "bold-label.html")) == ROWS


def test_a_lone_lead_of_a_letter_only_vietnamese_writes_is_a_cut_letter() -> None:
    data = (
        _page().encode().replace("Để triển khai".encode(), b"S\xc6 GI\xc3\x81O D\xe1\xbb\xa4C tri\xe1\xbb\x83n khai", 1)
    )
    result = process_bytes(data, "cut-caps.html")
    body = result.tables["documents"][0]["body_text"]
    assert "Æ" not in body
    assert "SỞ GIÁO DỤC" in body  # the letter dropped, then put back by the repair


def test_a_line_about_towns_is_no_trong_do_line() -> None:
    rows = [
        ("1", "Xây dựng", "3.000"),
        ("", "Trong đô thị", ""),
        ("-", "Trường học", "2.000"),
        ("-", "Trạm y tế", "500"),
    ]
    result = process_bytes(_money_page(rows, ("STT", "Nội dung", "Kinh phí (triệu đồng)")), "do-thi.html")
    assert _sum_findings(result) == [("sum_mismatch", "1", "Kinh phí (triệu đồng)", "2500", "3000")]
