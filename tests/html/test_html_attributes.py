"""The attribute block is read by label text, whatever the cell positions."""

from __future__ import annotations

import lxml.html

from extract.html.attributes import read_attributes


def _attrs(markup: str) -> list[tuple[str, str]]:
    return read_attributes(lxml.html.fromstring(f"<html><body>{markup}</body></html>"))


def test_two_pairs_per_row_with_spacers_anywhere() -> None:
    markup = """<table>
      <tr><td><b>Số hiệu:</b></td><td>434/KH-UBND</td><td></td>
          <td><b>Loại văn bản:</b></td><td>Kế hoạch</td></tr>
      <tr><td></td><td><b>Nơi ban hành:</b></td><td>&nbsp;</td><td>Tỉnh Đắk Nông</td>
          <td><b>Người ký:</b></td><td>Lê Văn Chiến</td></tr>
      <tr><td><b>Ngày hiệu lực:</b></td><td><b>Tình trạng:</b></td><td>Đã biết</td></tr>
    </table>"""
    assert _attrs(markup) == [
        ("Số hiệu", "434/KH-UBND"), ("Loại văn bản", "Kế hoạch"),
        ("Nơi ban hành", "Tỉnh Đắk Nông"), ("Người ký", "Lê Văn Chiến"),
        ("Ngày hiệu lực", ""), ("Tình trạng", "Đã biết"),
    ]


def test_labels_accent_and_case_insensitive_kept_as_printed() -> None:
    markup = """<table><tr><td>SỐ HIỆU :</td><td>12/2024/QĐ-UBND</td></tr>
      <tr><td>so hieu</td><td>12/2024/QĐ-UBND</td></tr>
      <tr><td>Ngày có hiệu lực:</td><td>{{m.News_EffectDate_Date}}</td></tr>
      <tr><td>Tình trạng hiệu lực: Hết hiệu lực: 01/01/2025</td></tr></table>"""
    assert _attrs(markup) == [
        ("SỐ HIỆU", "12/2024/QĐ-UBND"), ("so hieu", "12/2024/QĐ-UBND"),
        ("Ngày có hiệu lực", "{{m.News_EffectDate_Date}}"),
        ("Tình trạng hiệu lực", "Hết hiệu lực: 01/01/2025"),
    ]


def test_repeated_block_is_deduplicated_in_page_order() -> None:
    block = "<table><tr><td>Người ký:</td><td>Hoàng Nam</td></tr></table>"
    other = "<dl><dt>Lĩnh vực:</dt><dd>Bộ máy hành chính</dd></dl>"
    assert _attrs(block + other + block) == [
        ("Người ký", "Hoàng Nam"), ("Lĩnh vực", "Bộ máy hành chính")]


def test_unknown_labels_ignored() -> None:
    assert _attrs("<table><tr><td>Ban hành:</td><td>{{m.News_Dates_Date}}</td></tr></table>") == []


def test_attribute_table_inside_content_but_not_document_tables() -> None:
    from extract.html import read_html

    markup = """<div class=content1>
      <table><tr><td>Số hiệu:</td><td>7/QĐ-UBND</td></tr></table>
      <table><tr><td><p>UBND TỈNH X</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
      </td></tr></table><p>QUYẾT ĐỊNH</p>
      <table border=1><tr><td>Số hiệu</td><td>Tên văn bản</td></tr></table></div>"""
    page = read_html(f"<html><body>{markup}</body></html>".encode())
    assert page.attributes == [("Số hiệu", "7/QĐ-UBND")]
    assert [b.text for b in page.blocks[:3]] == [
        "UBND TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH"]
    assert page.blocks[3].table is not None
