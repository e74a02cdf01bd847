"""The same page in the forms and encodings it is saved in."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from extract.pipeline import process_bytes
from tests.conftest import REPAIRED, ROOT, SAMPLE

SAMPLES_HTML = ROOT / "samples" / "html"


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-16", "utf-16-le"), ("utf-8-sig", "utf-8")],
)
def test_text_dump_in_other_unicode_encodings(encoding: str, reported: str) -> None:
    data = SAMPLE.read_text(encoding="utf-8").encode(encoding)
    result = process_bytes(data, "sample.txt", repair=False)
    doc = result.tables["documents"][0]
    assert doc["encoding"] == reported
    assert (doc["number"], doc["appendix_row_count"]) == ("434/KH-UBND", 119)


def test_truncated_html_page_is_read_and_flagged() -> None:
    page = (SAMPLES_HTML / "sample_434_utf8.html").read_bytes()
    whole = process_bytes(page, "whole.html", repair=False)
    cut = process_bytes(page[: len(page) // 2], "cut.html", repair=False)
    assert "truncated_page" not in {f["code"] for f in whole.tables["findings"]}
    assert 0 < len(cut.tables["appendix_rows"]) < len(whole.tables["appendix_rows"]) == 119
    flagged = [f for f in cut.tables["findings"] if f["code"] == "truncated_page"]
    assert [(f["severity"], f["location"]) for f in flagged] == [("warning", "page")]
    assert flagged[0]["message"].startswith("the page ends before its closing </html> tag")


def _encode_1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Word writes it: the base letter (â, ơ...), then the tone mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


def test_windows_1258_text_dump_is_named_like_html() -> None:
    data = _encode_1258(SAMPLE.read_text(encoding="utf-8"))
    result = process_bytes(data, "sample-1258.txt", repair=False)
    doc = result.tables["documents"][0]
    assert (doc["encoding"], doc["number"], doc["issuer"]) == ("windows-1258", "434/KH-UBND", "Tỉnh Đắk Nông")


def _sample_html() -> str:
    return (SAMPLES_HTML / "sample_434_utf8.html").read_bytes().decode("utf-8")


def test_borderless_data_table_is_still_the_appendix() -> None:
    """Borders set by a stylesheet leave no trace in the markup: the row numbers decide."""
    page = _sample_html().replace("class=MsoTableGrid border=1", "class=MsoTableGrid border=0")
    page = page.replace("border:solid windowtext 1.0pt;", "")
    assert "border:solid" not in page.split("MsoTableGrid", 1)[1]
    result = process_bytes(page.encode("utf-8"), "borderless.html", repair=False)
    assert len(result.tables["appendix_rows"]) == 119


def test_a_mention_of_the_original_text_does_not_cut_the_appendix() -> None:
    page = _sample_html()
    start = page.index(">", page.index("WordSection2")) + 1
    note = "<p class=MsoNormal>Ghi chú: số liệu đối chiếu với văn bản gốc của Bộ Nội vụ.</p>"
    result = process_bytes((page[:start] + note + page[start:]).encode("utf-8"), "note.html", repair=False)
    assert len(result.tables["appendix_rows"]) == 119


def _plain_site_page(text: str) -> str:
    """The page as a plain (non-Word) portal renders it: an attribute table in its own tab,
    the document as <p> paragraphs in a content div, the appendix as a bordered table."""
    from html import escape

    from extract.readers.text import read_text

    page = read_text(text, "utf-8")
    attributes = "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in page.attributes)
    body = []
    for block in page.blocks:
        if block.table is None:
            body.append(f"<p>{escape(block.text or '')}</p>")
            continue
        cell = lambda c: "<td>" + "".join(f"<p>{escape(p)}</p>" for p in c.paragraphs) + "</td>"  # noqa: E731
        rows = ("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in block.table.rows)
        body.append('<table border="1">' + "".join(rows) + "</table>")
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(page.page_title or "")}</title></head>'
        '<body><div class="header"><a href="/">LawNet</a><div>Bạn Chưa Đăng Nhập Tài khoản!</div></div>'
        f'<div id="tab-thuoctinh"><table>{attributes}</table></div>'
        f'<div id="divContentDoc"><div class="content1">{"".join(body)}</div></div>'
        '<div class="footer">Văn bản gốc (Không có nội dung) {{m.News_Dates_Date}}</div></body></html>'
    )


def test_plain_portal_html_gives_the_same_tables_as_the_text() -> None:
    text = REPAIRED.read_text(encoding="utf-8")
    from_text = process_bytes(text.encode("utf-8"), "page.txt", repair=False)
    from_html = process_bytes(_plain_site_page(text).encode("utf-8"), "page.html", repair=False)
    ids = {"doc_id", "source_path", "source_sha256", "source_form"}
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ids} for r in rows]  # noqa: E731
    for table in ("documents", "appendix_rows", "appendix_cells", "findings"):
        assert strip(from_html.tables[table]) == strip(from_text.tables[table]), table
    assert from_html.tables["documents"][0]["source_form"] == "html"
    # the page is built from the text reader's own blocks: values fixed by hand, so that a mistake
    # of that reader cannot pass by showing up on both sides
    doc = from_html.tables["documents"][0]
    assert (doc["number"], doc["doc_type"], doc["issuer"], doc["signer"]) == (
        "434/KH-UBND", "Kế hoạch", "Tỉnh Đắk Nông", "Lê Văn Chiến",
    )
    assert len(from_html.tables["appendix_rows"]) == 119
    assert [r["row_id"] for r in from_html.tables["appendix_rows"][:3]] == ["1", "1.1", "1.2"]


def test_a_header_row_repeated_inside_an_html_table_is_no_row() -> None:
    # Word repeats a table's header on every page; the saved page keeps the copies as rows
    header = "<tr><td>TT</td><td>Nội dung</td><td>Điểm tối đa</td></tr>"
    page = (
        '<html><head><meta charset="utf-8"></head><body><div class="content1">'
        "<p>ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
        "<p>Độc lập - Tự do - Hạnh phúc</p><p>Số: 88/KH-UBND</p><p>KẾ HOẠCH</p>"
        "<p>ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH</p><p>PHỤ LỤC</p><p>BẢNG ĐIỂM</p>"
        f'<table border="1">{header}<tr><td>1</td><td>Chỉ đạo điều hành</td><td>25</td></tr>'
        f"{header}<tr><td>2</td><td>Tuyên truyền</td><td>15</td></tr></table></div></body></html>"
    )
    result = process_bytes(page.encode("utf-8"), "plan.html", repair=False)
    rows = [(r["row_id"], r["name"], r["max_score"]) for r in result.tables["appendix_rows"]]
    assert rows == [("1", "Chỉ đạo điều hành", Decimal("25")), ("2", "Tuyên truyền", Decimal("15"))]
    assert result.tables["findings"] == []
    assert result.tables["appendix_cells"] == []


def test_an_html_page_that_lost_its_header_starts_at_its_type_heading() -> None:
    # no motto above "THÔNG TƯ": the motto further down is the annexed form's, not the start
    page = (
        '<html><head><meta charset="utf-8"></head><body><div class="content">'
        "<p>THÔNG TƯ</p><p>QUY ĐỊNH TIÊU CHUẨN CHỨC DANH KHOA HỌC</p>"
        "<p>Căn cứ Luật Viên chức số 58/2010/QH12;</p><p>Căn cứ Luật Khoa học và Công nghệ;</p>"
        "<p>Theo đề nghị của Vụ trưởng Vụ Tổ chức cán bộ;</p><p>Bộ trưởng ban hành Thông tư quy định:</p>"
        "<p>Điều 1. Phạm vi điều chỉnh</p><p>Thông tư này quy định tiêu chuẩn chức danh.</p>"
        "<p>Điều 2. Đối tượng áp dụng</p><p>Viên chức làm việc tại tổ chức khoa học.</p>"
        "<p>Điều 3. Tiêu chuẩn chung</p><p>Có phẩm chất chính trị tốt.</p>"
        "<p>Điều 4. Hiệu lực thi hành</p><p>Thông tư này có hiệu lực từ ngày ký.</p>"
        "<p>Mẫu số 01</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>"
        "<p>ĐƠN ĐỀ NGHỊ BỔ NHIỆM</p></div></body></html>"
    )
    result = process_bytes(page.encode("utf-8"), "thong-tu.html", repair=False)
    assert not result.tables.get("failures")
    doc = result.tables["documents"][0]
    assert (doc["doc_type"], doc["title"]) == ("Thông tư", "QUY ĐỊNH TIÊU CHUẨN CHỨC DANH KHOA HỌC")
    assert doc["body_text"].startswith("THÔNG TƯ\nQUY ĐỊNH TIÊU CHUẨN CHỨC DANH KHOA HỌC\nCăn cứ Luật Viên chức")
    assert "Điều 4. Hiệu lực thi hành" in doc["body_text"]


@pytest.mark.parametrize(
    "above",
    [
        "<ul><li>THÔNG TƯ</li><li>QUYẾT ĐỊNH</li></ul><div><p>Điều 1. Ban hành kế hoạch</p></div>",  # menu, contents
        "<div><p>QUYẾT ĐỊNH</p><p>Tóm tắt</p><p>Căn cứ vào quyết định này, các sở triển khai.</p></div>",  # summary
    ],
)
def test_a_type_heading_of_the_site_above_the_header_does_not_start_the_document(above: str) -> None:
    page = (
        f'<html><head><meta charset="utf-8"></head><body>{above}<div class="content1">'
        "<p>ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
        "<p>Độc lập - Tự do - Hạnh phúc</p><p>Số: 88/QĐ-UBND</p><p>QUYẾT ĐỊNH</p>"
        "<p>VỀ VIỆC BAN HÀNH KẾ HOẠCH</p><p>Căn cứ Luật Tổ chức chính quyền địa phương;</p>"
        "<p>Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.</p></div></body></html>"
    )
    doc = process_bytes(page.encode("utf-8"), "qd.html", repair=False).tables["documents"][0]
    assert (doc["number"], doc["doc_type"], doc["title"]) == ("88/QĐ-UBND", "Quyết định", "VỀ VIỆC BAN HÀNH KẾ HOẠCH")
    assert doc["body_text"].startswith("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
