"""Text a browser does not show is not document text: Word's hidden runs, CSS-hidden elements
and the ``hidden`` attribute; a hidden element that holds the whole document is kept."""

from __future__ import annotations

import lxml.html
import pytest

from extract.html import read_html
from extract.html.dom import is_hidden, style_declarations
from extract.pipeline import process_bytes

HEADER = "<table><tr><td><p>ỦY BAN NHÂN DÂN</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr></table>"
NOTICE = "Tài liệu được chia sẻ bởi LawNet - nghiêm cấm sao chép"


def _last_line(markup: str) -> str | None:
    page = read_html(f"<html><body>{HEADER}{markup}</body></html>".encode())
    return page.blocks[-1].text


@pytest.mark.parametrize(
    "hidden",
    [
        "<span style='display:none'>giữ</span>",
        "<span style='DISPLAY: None'>giữ</span>",
        "<span style='color:red; display : none !important'>giữ</span>",
        "<span style='visibility:hidden'>giữ</span>",
        "<span style='display:none;mso-hide:all'>giữ</span>",
        "<span hidden>giữ</span>",
        "<span hidden='hidden'>giữ</span>",
    ],
)
def test_hidden_run_is_not_text(hidden: str) -> None:
    assert _last_line(f"<p>t<span>ỉ</span>nh {hidden}Đắk Nông</p>") == "tỉnh Đắk Nông"


@pytest.mark.parametrize(
    "style",
    ["display:block", "display:inline-block", "visibility:visible", "mso-display:none-ish", "font-family:none"],
)
def test_shown_style_is_text(style: str) -> None:
    assert _last_line(f"<p>tỉnh <span style='{style}'>Đắk Nông</span></p>") == "tỉnh Đắk Nông"


def test_style_declarations() -> None:
    assert style_declarations(" Display : None !important; COLOR:red ;") == ["display:none", "color:red"]


def test_is_hidden_needs_a_hiding_declaration() -> None:
    shown = lxml.html.fromstring("<p style='display:flex; visibility: visible'>x</p>")
    hidden = lxml.html.fromstring("<p style='margin:0; display: NONE'>x</p>")
    assert (is_hidden(shown), is_hidden(hidden)) == (False, True)


_DOCUMENT = f"""<table><tr><td><p>BỘ NỘI VỤ</p><p>-------</p></td>
<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p></td></tr>
<tr><td><p>Số: 5123/TB-BNV</p></td><td><p>Hà Nội, ngày 25 tháng 10 năm 2019</p></td></tr></table>
<p class=MsoNormal>THÔNG BÁO</p><p class=MsoNormal>KẾT LUẬN CỦA LÃNH ĐẠO BỘ</p>
<p class=MsoNormal>Văn phòng Bộ thông báo để các đơn vị biết, thực hiện./.</p>
<p class=MsoNormal style='display:none'>{NOTICE}</p>
<p class=MsoNormal>TL. BỘ TRƯỞNG</p><p class=MsoNormal>CHÁNH VĂN PHÒNG</p><p class=MsoNormal>Nguyễn Hữu Tuấn</p>"""


def test_hidden_notice_does_not_leak_into_body_text() -> None:
    html = f"<html><body>{_DOCUMENT}</body></html>"
    doc = process_bytes(html.encode("utf-8"), "notice.html", repair=False).tables["documents"][0]
    assert doc["body_text"].split("\n")[-4:] == [
        "Văn phòng Bộ thông báo để các đơn vị biết, thực hiện./.",
        "TL. BỘ TRƯỞNG",
        "CHÁNH VĂN PHÒNG",
        "Nguyễn Hữu Tuấn",
    ]
    assert NOTICE not in doc["body_text"]


def test_document_in_a_hidden_tab_is_still_read() -> None:
    # a page saved while another tab of the site was shown: the document's own tab is hidden
    html = (
        f"<html><body><div class=tab>Lược đồ</div><div id=noidung style='display:none'>{_DOCUMENT}</div></body></html>"
    )
    doc = process_bytes(html.encode("utf-8"), "tab.html", repair=False).tables["documents"][0]
    assert (doc["number"], doc["issuer"], doc["signer"]) == ("5123/TB-BNV", "Bộ Nội vụ", "Nguyễn Hữu Tuấn")
    assert NOTICE not in doc["body_text"]


_PLAN = (
    "<html><head><meta charset='utf-8'></head><body><div class=content1>"
    "<table border=0><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐẮK LẮK</p></td>"
    "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
    "<tr><td><p>Số: 58/KH-UBND</p></td><td><p>Đắk Lắk, ngày 10 tháng 3 năm 2022</p></td></tr></table>"
    "<p>KẾ HOẠCH</p><p>Nâng cao chỉ số cải cách hành chính năm 2022</p><p>I. MỤC TIÊU</p><p>Nâng cao chỉ số.</p>"
    "<p>Nơi nhận:</p><p>- Như trên;</p><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p><p>Nguyễn Văn A</p>"
)
_TASKS = (
    "<table border=1><tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>"
    "<tr><td>1</td><td>Tuyên truyền về dân số</td><td>Sở Y tế</td></tr>"
    "<tr><td>2</td><td>Kiểm tra, giám sát</td><td>Sở Y tế</td></tr></table>"
)


@pytest.mark.parametrize(
    "markup",
    [
        f"<div style='display:none'><span>PHỤ LỤC I</span><br>{_TASKS}</div>",
        f"<div style='display:none'><font><b>PHỤ LỤC I</b></font>{_TASKS}</div>",
        f"<div style='display:none'><h5>PHỤ LỤC I</h5>{_TASKS}</div>",
        f"<div style='display:none'>PHỤ LỤC I<br>NHIỆM VỤ NĂM 2022{_TASKS}</div>",
        f"<a href='#'>Xem phụ lục I</a><div class='collapse' style='display: none'>{_TASKS}</div>",
        f"<div style='display:none'><p><i>Xem chi tiết tại</i> Phụ lục I</p>{_TASKS}</div>",
    ],
)
def test_a_collapsed_appendix_is_read_whatever_holds_its_heading(markup: str) -> None:
    html = _PLAN + markup + "</div></body></html>"
    rows = process_bytes(html.encode("utf-8"), "plan.html", repair=False).tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [("1", "Tuyên truyền về dân số"), ("2", "Kiểm tra, giám sát")]


def test_a_hidden_table_cited_inside_a_sentence_is_dropped() -> None:
    markup = f"<p>Căn cứ Quyết định số 12/QĐ-UBND ban hành kèm theo Quy chế</p><div style='display:none'>{_TASKS}</div>"
    html = _PLAN + markup + "</div></body></html>"
    assert process_bytes(html.encode("utf-8"), "plan.html", repair=False).tables["appendix_rows"] == []
