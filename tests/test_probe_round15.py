"""Session-15 probe fixes: HTML pages built from real corpus documents (Word's runs of a word
read as a site's menu word) and GitHub-style Markdown tables broken by a converter (a line of
bare "|", a header over two lines, a group title between the header and the rows)."""

from __future__ import annotations

from extract.pipeline import process_bytes

_HTML_HEAD = (
    "<html><head><meta charset='utf-8'><title>t</title></head><body><div id='divContentDoc'>"
    "<table border=0><tr><td><p><b>ỦY BAN THƯỜNG VỤ QUỐC HỘI</b></p><p>-------</p></td>"
    "<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p></td></tr>"
    "<tr><td><p>Số: 1668/NQ-UBTVQH15</p></td><td><p><i>Hà Nội, ngày 16 tháng 6 năm 2025</i></p></td></tr></table>"
    "<p><b>NGHỊ QUYẾT</b></p><p><b>Về việc sắp xếp các đơn vị hành chính cấp xã năm 2025</b></p>"
    "<p><b>Điều 1.</b> Sắp xếp các đơn vị hành chính cấp xã như sau:</p>"
)
_HTML_TAIL = (
    "<p><b>Điều 2.</b> Nghị quyết này có hiệu lực từ ngày 01 tháng 7 năm 2025.</p>"
    "<table border=0><tr><td><p><b><i>Nơi nhận:</i></b></p><p>- Chính phủ;</p><p>- Lưu: HC, PLTP.</p></td>"
    "<td><p><b>TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI</b></p><p><b>CHỦ TỊCH</b></p><p><b>Trần Thanh Mẫn</b></p></td></tr>"
    "</table></div></body></html>"
)


def _html_document(paragraph: str) -> dict:
    page = _HTML_HEAD + paragraph + _HTML_TAIL
    return process_bytes(page.encode("utf-8"), "page.html", repair=False).tables["documents"][0]


def test_a_word_split_into_runs_is_not_read_as_a_damaged_menu_word() -> None:
    # Word prints "Tài Văn" as runs "Tài V", "ă", "n"; "Tài V" read alone is "Tải về" with a lost
    # letter, a menu word: the paragraph had been taken for the site's, and the document ended at it
    split = "<p>90. Thành lập xã mới có tên gọi là <b><span>Tài V</span><span>ă</span><span>n</span></b> và xã An.</p>"
    document = _html_document(split)
    assert document["signer"] == "Trần Thanh Mẫn"
    assert document["signing_authority"] == "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    assert document["recipients"] == ["Chính phủ", "Lưu: HC, PLTP"]
    assert "90. Thành lập xã mới có tên gọi là Tài Văn và xã An." in document["body_text"]
    assert "Điều 2. Nghị quyết này có hiệu lực" in document["body_text"]


def test_the_site_menu_beside_the_document_is_still_left_out() -> None:
    menu = "<ul><li>Tải về</li><li>Văn bản gốc</li></ul>"
    page = _HTML_HEAD.replace("<div id='divContentDoc'>", menu + "<div id='divContentDoc'>") + _HTML_TAIL
    document = process_bytes(page.encode("utf-8"), "page.html", repair=False).tables["documents"][0]
    assert document["signer"] == "Trần Thanh Mẫn"
    assert "Tải về" not in document["body_text"]
    assert "Văn bản gốc" not in document["body_text"]
