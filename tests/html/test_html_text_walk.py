"""The inline-aware walk: runs join with no separator, no letter is ever lost."""

from __future__ import annotations

import html

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.html import read_html
from extract.html.text import paragraphs

HEADER = ("<table><tr><td><p>ỦY BAN NHÂN DÂN</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
          "</p></td></tr></table>")


def _p(markup: str) -> tuple[str, ...]:
    return paragraphs(lxml.html.fromstring(f"<div>{markup}</div>"))


def test_single_letter_runs_and_references() -> None:
    markup = ("<p class=MsoNormal><span lang=VI>&#272;</span><span>&#7883;</span>"
              "<span lang=VI>a ch&#7881;:</span> Ch&#x1EC9; s&#7889; t<span>ỉ</span>nh "
              "&agrave; &ecirc;<o:p></o:p></p>")
    assert _p(markup) == ("Địa chỉ: Chỉ số tỉnh à ê",)


def test_source_line_breaks_and_blocks() -> None:
    markup = "<p>Ủy ban\nnhân   dân<br>tỉnh</p>\n<p> Đắk<!-- wm --> Nông </p><div>a<div>b</div>c</div>"
    assert _p(markup) == ("Ủy ban nhân dân", "tỉnh", "Đắk Nông", "a", "b", "c")


def test_word_hidden_text_and_css_hidden_text_are_skipped() -> None:
    markup = ("<p>t<span>ỉ</span><span style='display:none;mso-hide:all'><br>x</span>nh "
              "<span style='display:none'>giữ</span></p>")
    page = read_html(f"<html><body>{HEADER}{markup}</body></html>".encode())
    assert page.blocks[-1].text == "tỉnh"


def test_layout_table_cells_are_blocks_row_major() -> None:
    markup = (HEADER + "<table><tr><td><p>Số: 1/QĐ-UBND</p></td><td><p>Hà Nội, ngày 1</p>"
              "</td></tr></table><p>QUYẾT ĐỊNH</p>")
    page = read_html(f"<html><body>{markup}</body></html>".encode())
    assert [b.text for b in page.blocks] == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/QĐ-UBND",
        "Hà Nội, ngày 1", "QUYẾT ĐỊNH"]


def test_whole_document_in_a_wrapper_layout_table() -> None:
    markup = (f"<table><tr><td><p>Trang chủ</p>{HEADER}<p>Điều 1. Phạm vi</p>"
              "<table border=1><tr><td>a</td><td>b</td></tr></table></td></tr></table>")
    page = read_html(f"<html><body>{markup}</body></html>".encode())
    assert [b.text for b in page.blocks[:3]] == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Điều 1. Phạm vi"]
    assert page.blocks[3].table is not None
    assert [c.text for c in page.blocks[3].table.rows[0]] == ["a", "b"]


def test_motto_paragraphs_header_lookback() -> None:
    markup = ("<div><p>Trang chủ</p><p>Tin mới về dự thảo</p><p>ỦY BAN NHÂN DÂN</p>"
              "<p>TỈNH X</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Nội dung</p></div>")
    page = read_html(f"<html><body>{markup}</body></html>".encode())
    assert [b.text for b in page.blocks] == [
        "ỦY BAN NHÂN DÂN", "TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nội dung"]


VIET = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƠ0123456789,.-")
                             + [chr(c) for c in range(0x1EA0, 0x1EFA)]),
    min_size=1, max_size=60,
)


@given(words=st.lists(VIET, min_size=1, max_size=12), data=st.data())
@settings(max_examples=150, deadline=None)
def test_no_letter_lost_whatever_the_runs(words: list[str], data: st.DataObject) -> None:
    """Split the text into arbitrary runs, encode letters as references: same text back."""
    text = " ".join(words)
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=10)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    markup = []
    for k, piece in enumerate(pieces):
        body = "".join(
            f"&#{ord(ch)};" if ord(ch) > 127 and (k + i) % 3 == 0 else html.escape(ch)
            for i, ch in enumerate(piece)
        )
        tag = ("span lang=VI", "b", "i", "span")[k % 4]
        markup.append(f"<{tag}>{body}</{tag.split()[0]}>")
        if k % 5 == 4:
            markup.append("<!-- c -->")
    assert _p("<p>" + "".join(markup) + "</p>") == (text,)


def test_a_paragraph_that_cites_the_site_or_a_tab_title_keeps_the_document_whole() -> None:
    # siblings of the document's own paragraphs: none of them is the site's clutter
    markup = (
        "<div><div class=menu><ul><li>Nội dung</li><li>Văn bản gốc</li></ul></div>"
        "<div class=content><p>ỦY BAN NHÂN DÂN</p><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM&nbsp;</b></p>"
        "<p>Điều 1. Văn bản được đăng tại thuvienphapluat.vn.</p><p>Đối chiếu với văn bản gốc khi cần.</p>"
        "<p>Điều 2. Hiệu lực thi hành.</p></div></div>"
    )
    page = read_html(f"<html><body>{markup}</body></html>".encode())
    assert [b.text for b in page.blocks] == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Điều 1. Văn bản được đăng tại thuvienphapluat.vn.",
        "Đối chiếu với văn bản gốc khi cần.",
        "Điều 2. Hiệu lực thi hành.",
    ]
