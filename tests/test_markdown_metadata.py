"""Markdown dumps of portal pages in shapes beyond the four corpus fixtures: the site's attribute
block as cells, a type heading marked "#", the number in the cell after "Số:", an issuing body
printed in one cell with its rule and number, and a page that lost its header."""

from __future__ import annotations

from tests.conftest import run_text

SITE_AND_ATTRIBUTES = """|
|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại là vi phạm pháp luật.
|
|
Đang tải văn bản...
#
**Số hiệu:**
|
1207/QĐ-UBND
|
|
**Loại văn bản:**
|
Quyết định
|
**Nơi ban hành:**
|
Tỉnh Quảng Ngãi
|
|
**Người ký:**
|
Trần Văn Bình
|
**Ngày ban hành:**
|
02/10/2025
|
|
**
Ngày hiệu lực:**
|
Đã biết
|
"""

HEADER_CELLS = """|
**ỦY BAN NHÂN DÂN **
TỈNH QUẢNG NGÃI
--------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
|
1207/QĐ-UBND
|
*Quảng Ngãi, ngày 02 tháng 10 năm 2025*
|
|
# QUYẾT ĐỊNH
|
VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH
|

Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_the_attribute_block_in_cells_and_a_number_in_the_next_cell() -> None:
    result = run_text(SITE_AND_ATTRIBUTES + HEADER_CELLS, "page.md")
    assert not result.tables.get("failures")
    doc = result.tables["documents"][0]
    assert (doc["number"], doc["doc_type"], doc["issuer"], doc["signer"]) == (
        "1207/QĐ-UBND",
        "Quyết định",
        "Tỉnh Quảng Ngãi",
        "Trần Văn Bình",
    )
    assert doc["effective_date"] is None and doc["effective_date_raw"] == "Đã biết"
    assert "Bản dịch này" not in (doc["body_text"] or "")


def test_a_type_heading_marked_as_a_markdown_heading_in_a_cell() -> None:
    doc = run_text(HEADER_CELLS, "page.md").tables["documents"][0]  # no attribute block
    assert (doc["number"], doc["doc_type"], doc["issuer"]) == ("1207/QĐ-UBND", "Quyết định", "Tỉnh Quảng Ngãi")
    assert doc["title"] == "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH"


def test_an_issuing_body_printed_with_its_rule_and_number_in_one_cell() -> None:
    page = (
        "CHÍNH PHỦ__________ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\n"
        "|\n\n**NGHỊ ĐỊNH**\n\n**Quy định về đào tạo, bồi dưỡng công chức**\n\n"
        "*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*\n\nĐiều 1. Phạm vi điều chỉnh\n"
    )
    doc = run_text(page, "page.md").tables["documents"][0]
    assert (doc["issuing_body"], doc["issuer"], doc["number"], doc["doc_type"]) == (
        "CHÍNH PHỦ",
        "Chính phủ",
        "171/2025/NĐ-CP",
        "Nghị định",
    )


def test_a_page_that_lost_its_header_starts_at_its_type_heading() -> None:
    # the only motto is that of a form annexed to the decree: it heads neither the page nor its metadata
    page = (
        "**NGHỊ ĐỊNH**\n\nQUY ĐỊNH THỰC HIỆN LIÊN THÔNG ĐIỆN TỬ NHÓM THỦ TỤC HÀNH CHÍNH\n\n"
        "*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*\n\n"
        "Điều 1. Phạm vi điều chỉnh\n\nNghị định này quy định thực hiện liên thông điện tử.\n\n"
        "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Văn An\n\n"
        "**PHỤ LỤC**\n\n**Mẫu số 01**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\n**TỜ KHAI**\n\nKính gửi: ……………\n"
    )
    result = run_text(page, "page.md")
    doc = result.tables["documents"][0]
    assert (doc["doc_type"], doc["issuing_body"], doc["issuer"], doc["number"]) == ("Nghị định", None, None, None)
    assert doc["title"] == "QUY ĐỊNH THỰC HIỆN LIÊN THÔNG ĐIỆN TỬ NHÓM THỦ TỤC HÀNH CHÍNH"
    assert doc["body_text"].startswith("NGHỊ ĐỊNH")


def test_a_draft_without_its_number_has_no_number() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\nSố:     /QĐ-UBND\n"
        "Quảng Ngãi, ngày      tháng 10 năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\n\nĐiều 1. Ban hành quy chế.\n"
    )
    doc = run_text(page).tables["documents"][0]
    assert (doc["number"], doc["doc_type"], doc["issuer"]) == (None, "Quyết định", "Tỉnh Quảng Ngãi")


ESCAPED = r"""**ỦY BAN NHÂN DÂN**
**THÀNH PHỐ CẦN THƠ**
\-\-\-\-\-\-\-

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập \- Tự do \- Hạnh phúc**
\-\-\-\-

Số: 03/2026/QĐ\-UBND

Cần Thơ, ngày 08 tháng 01 năm 2026

**QUYẾT ĐỊNH**

**BAN HÀNH BỘ TIÊU CHÍ ĐÁNH GIÁ NĂM 2026**

Điều 1. Ban hành kèm theo Quyết định này Bộ tiêu chí.

**Nơi nhận:**
\- Như Điều 2;
\- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN**

**CHỦ TỊCH**

Trần Văn B

**PHỤ LỤC**

| STT | Tiêu chí | Điểm tối đa | Cách tính điểm |
|---|---|---|---|
| 1 | Ban hành nghị quyết \| kế hoạch | 10 | Có: 10 điểm; không: 0 |
| 2 | Tổ chức thực hiện \*đúng hạn\* | 5 | Đủ: 5 điểm |
"""


def test_markdown_escapes_are_the_characters_they_escape() -> None:
    result = run_text(ESCAPED, "can-tho.md")
    doc = result.tables["documents"][0]
    assert (doc["number"], doc["issuer"], doc["issued_date"].isoformat(), doc["place"]) == (
        "03/2026/QĐ-UBND",
        "Thành phố Cần Thơ",
        "2026-01-08",
        "Cần Thơ",
    )
    assert doc["recipients"] == ["Như Điều 2", "Lưu: VT"]
    rows = [(r["row_id"], r["name"], r["max_score"]) for r in result.tables["appendix_rows"]]
    # an escaped pipe is part of the cell, not a border
    assert [(row_id, name) for row_id, name, _ in rows] == [
        ("1", "Ban hành nghị quyết | kế hoạch"),
        ("2", "Tổ chức thực hiện *đúng hạn*"),  # escaped asterisks are the page's own, not emphasis
    ]
    assert [str(score) for _, _, score in rows] == ["10", "5"]
    assert result.tables["findings"] == []


def test_bold_lines_printed_one_under_the_other_stay_apart() -> None:
    signature = "**TM. ỦY BAN NHÂN DÂN**\n\n**CHỦ TỊCH**\n\nTrần Văn B"
    page = ESCAPED.replace(signature, "**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n\nTrần Văn B")
    doc = run_text(page, "can-tho.md").tables["documents"][0]
    signed = (doc["signing_authority"], doc["signer_title"], doc["signer"])
    assert signed == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn B")


def test_an_escaped_backslash_before_a_border_leaves_the_border() -> None:
    from extract.readers.markdown import unescaped

    assert unescaped(r"| 1 | Thư mục C:\\| 10 |") == "| 1 | Thư mục C:\\| 10 |"
    assert unescaped(r"| 1 | nghị quyết \| kế hoạch | 10 |").count("|") == 4  # the escaped one is kept apart
    assert unescaped(r"C:\path\to and \n stay") == r"C:\path\to and \n stay"
