"""Issuer of unit documents, sign numbers as join keys, and figures quoted in the body.

Each rule is checked on the three forms a page comes in where the form matters (a text dump,
a Markdown conversion that joins a header cell's lines, an HTML page), with the values a user
would look up, and with the lines that must not give a finding.
"""

from __future__ import annotations

import pytest

from extract.issuer import name_case, split_issuing_body
from extract.pipeline import DocumentResult, process_bytes
from normalize.clean import FieldLocation, TextCleaner
from normalize.text import close_number_gaps, fold, normalize_sign_number
from tests.conftest import run_text

UNIT_HEADER = "UBND TỈNH THÁI NGUYÊN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"
#: A text dump's attribute block (the portal's Nơi ban hành for a Sở's plan is its province).
_ATTRIBUTES = "Số hiệu: {number} Loại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Thái Nguyên Người ký: Nguyễn Thị Thu Hà\n\n"


def _text_page(
    issuing: str, number_line: str = "Số: 412/KH-SGDĐT", attributes: str = "", body: str = "", appendix: str = ""
) -> str:
    """A plan as a text dump: attribute block (optional), header, body, signature, appendix."""
    return (
        f"{attributes}{issuing}\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"---------------\n\n{number_line}\n\nThái Nguyên, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\n\n"
        f"TRIỂN KHAI NHIỆM VỤ NĂM 2025\n\n{body or 'Sở ban hành Kế hoạch như sau.'}\n\nNơi nhận:\n- Lưu: VT.\n\n"
        f"GIÁM ĐỐC\n\nNguyễn Thị Thu Hà\n\n{appendix}"
    )


#: The portals' Markdown: the issuing body's two lines in one bold cell (read as one line).
_MARKDOWN_PAGE = """|
**UBND TỈNH THÁI NGUYÊN
SỞ GIÁO DỤC VÀ ĐÀO TẠO**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 412/KH-SGDĐT
|
*Thái Nguyên, ngày 05 tháng 3 năm 2025*
|

**KẾ HOẠCH**

**TRIỂN KHAI NHIỆM VỤ NĂM 2025**

Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau.

|
**Nơi nhận:**
- Lưu: VT.
|
**GIÁM ĐỐC**
**Nguyễn Thị Thu Hà**
|
"""

_HTML_PAGE = """<html><body><table><tr><td><p>UBND TỈNH THÁI NGUYÊN<br>SỞ GIÁO DỤC VÀ ĐÀO TẠO</p>
<p>-------</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p></td></tr>
<tr><td><p>Số: 412/KH-SGDĐT</p></td><td><p>Thái Nguyên, ngày 05 tháng 3 năm 2025</p></td></tr></table>
<p>KẾ HOẠCH</p><p>TRIỂN KHAI NHIỆM VỤ NĂM 2025</p><p>Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau.</p>
<p>GIÁM ĐỐC</p><p>Nguyễn Thị Thu Hà</p></body></html>"""


def _run(text: str, path: str) -> DocumentResult:
    return process_bytes(text.encode("utf-8"), path, repair=False)


def _document(text: str, path: str = "page.txt") -> dict[str, object]:
    return _run(text, path).tables["documents"][0]


def _findings(result: DocumentResult, code: str) -> list[dict[str, object]]:
    return [f for f in result.tables["findings"] if f["code"] == code]


# --- 1. Issuer of a unit printed under its parent body ---------------------------------------


@pytest.mark.parametrize(
    ("text", "path"),
    [(_text_page(UNIT_HEADER), "plan.txt"), (_MARKDOWN_PAGE, "plan.md"), (_HTML_PAGE, "plan.html")],
    ids=["text", "markdown", "html"],
)
def test_unit_under_its_parent_issues_for_the_parents_locality_in_every_form(text: str, path: str) -> None:
    # the portals' Nơi ban hành for this page is "Tỉnh Thái Nguyên" (its text dump's attribute block)
    doc = _document(text, path)
    assert (doc["issuer"], doc["issuing_body"]) == (
        "Tỉnh Thái Nguyên",
        "UBND TỈNH THÁI NGUYÊN SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    )


def test_attribute_block_issuer_wins_over_the_header() -> None:
    attributes = _ATTRIBUTES.format(number="412/KH-SGDĐT")  # Nơi ban hành: Tỉnh Thái Nguyên
    assert _document(_text_page("UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ", attributes=attributes))["issuer"] == "Tỉnh Thái Nguyên"


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("UBND TỈNH QUẢNG NINH SỞ NỘI VỤ", "Tỉnh Quảng Ninh"),  # both lines joined in one
        ("BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ", "Bộ Tài chính"),
        ("BỘ TÀI CHÍNH TỔNG CỤC THUẾ", "Bộ Tài chính"),
        ("TỈNH ỦY QUẢNG NINH\nBAN TUYÊN GIÁO", "Tỉnh ủy Quảng Ninh"),
        ("UBND THÀNH PHỐ HẢI PHÒNG SỞ NỘI VỤ", "Thành phố Hải Phòng"),
        ("ỦY BAN NHÂN DÂN\nTHỊ XÃ SƠN TÂY", "Thị xã Sơn Tây"),
        ("ỦY BAN NHÂN DÂN\nHUYỆN CƯ M'GAR", "Huyện Cư M'gar"),
        ("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU", "Tỉnh Bà Rịa - Vũng Tàu"),
        ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo"),
        ("SỞ Y TẾ", "Sở Y tế"),  # a unit that printed no parent
    ],
)
def test_issuer_from_the_header(header: str, issuer: str) -> None:
    assert _document(_text_page(header))["issuer"] == issuer


@pytest.mark.parametrize(
    ("lines", "parent", "unit"),
    [
        (["UBND TỈNH THÁI NGUYÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "UBND TỈNH THÁI NGUYÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
        (["UBND TỈNH THÁI NGUYÊN SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "UBND TỈNH THÁI NGUYÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
        (["BỘ NỘI VỤ VỤ TỔ CHỨC CÁN BỘ"], "BỘ NỘI VỤ", "VỤ TỔ CHỨC CÁN BỘ"),
        (["UBND HUYỆN VỤ BẢN PHÒNG NỘI VỤ"], "UBND HUYỆN VỤ BẢN", "PHÒNG NỘI VỤ"),
        # no unit: a syllable of a place or ministry name is not one ("Phòng" of "Hải Phòng")
        (["UBND THÀNH PHỐ HẢI PHÒNG"], "UBND THÀNH PHỐ HẢI PHÒNG", None),
        (["BỘ QUỐC PHÒNG"], "BỘ QUỐC PHÒNG", None),
        (["BỘ NỘI VỤ"], "BỘ NỘI VỤ", None),
        (["UBND XÃ BAN CÔNG"], "UBND XÃ BAN CÔNG", None),
        (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", None),
    ],
)
def test_split_issuing_body(lines: list[str], parent: str, unit: str | None) -> None:
    assert split_issuing_body(lines) == (parent, unit)


@pytest.mark.parametrize(
    ("printed", "cased"),
    [
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("ỦY BAN NHÂN DÂN TỈNH BẾN TRE", "Ủy ban nhân dân tỉnh Bến Tre"),
        ("TỔNG CỤC THUẾ", "Tổng cục Thuế"),
        ("BAN TUYÊN GIÁO TỈNH ỦY", "Ban Tuyên giáo Tỉnh ủy"),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
        ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Ủy ban Thường vụ Quốc hội"),
        ("BẢO HIỂM XÃ HỘI VIỆT NAM", "Bảo hiểm xã hội Việt Nam"),
        ("BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI", "Bộ Chỉ huy Quân sự tỉnh Gia Lai"),
        ("VĂN PHÒNG UBND TỈNH", "Văn phòng UBND tỉnh"),  # an abbreviation keeps its capitals
    ],
)
def test_name_case(printed: str, cased: str) -> None:
    assert name_case(printed) == cased


# --- 2. Sign numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("25/2024/NQ-HÐND", "25/2024/NQ-HĐND"),
        ("18 /KH-UBND", "18/KH-UBND"),
        ("18/ KH-UBND", "18/KH-UBND"),
        ("18\u00a0/\u00a0KH - UBND", "18/KH-UBND"),
        ("45/QÐ-UBND", "45/QĐ-UBND"),
    ],
)
def test_normalize_sign_number(printed: str, number: str) -> None:
    assert normalize_sign_number(printed) == number


def test_close_number_gaps_keeps_dashes_between_words() -> None:
    assert close_number_gaps("Kèm theo Kế hoạch số 18 /KH- UBND - ngày 15/ 3/2024") == (
        "Kèm theo Kế hoạch số 18/KH-UBND - ngày 15/3/2024"
    )


def test_eth_folds_like_d_stroke() -> None:
    assert fold("HÐND") == fold("HĐND") == "hdnd"


def test_cleaning_puts_the_d_stroke_back() -> None:
    cleaner = TextCleaner()
    assert cleaner.clean("Nghị quyết của HÐND tỉnh, ðã", FieldLocation("documents", "body_text")) == (
        "Nghị quyết của HĐND tỉnh, đã"
    )


@pytest.mark.parametrize(
    ("attribute", "header", "number"),
    [
        ("25/2024/NQ-HĐND", "Số: 25/2024/NQ-HÐND", "25/2024/NQ-HĐND"),
        ("25/2024/NQ-HÐND", "Số: 25/2024/NQ-HĐND", "25/2024/NQ-HĐND"),
        ("18/KH-UBND", "Số: 18 /KH-UBND", "18/KH-UBND"),
        ("18/KH-UBND", "Số: 18/ KH-UBND", "18/KH-UBND"),
    ],
)
def test_same_number_spelled_otherwise_is_no_mismatch(attribute: str, header: str, number: str) -> None:
    result = _run(_text_page(UNIT_HEADER, number_line=header, attributes=_ATTRIBUTES.format(number=attribute)), "p.txt")
    assert result.tables["documents"][0]["number"] == number
    assert _findings(result, "number_mismatch") == []


@pytest.mark.parametrize(("header", "number"), [("Số: 18 /KH-UBND", "18/KH-UBND"), ("Số: 7/QÐ-SNV", "7/QĐ-SNV")])
def test_header_number_alone_is_normalized(header: str, number: str) -> None:
    assert _document(_text_page(UNIT_HEADER, number_line=header))["number"] == number


def test_a_different_number_is_still_a_mismatch() -> None:
    page = _text_page(UNIT_HEADER, number_line="Số: 19 /KH-UBND", attributes=_ATTRIBUTES.format(number="18/KH-UBND"))
    found = _findings(_run(page, "p.txt"), "number_mismatch")
    assert [(f["expected"], f["actual"], f["message"]) for f in found] == [
        ("18/KH-UBND", "19/KH-UBND", "The attribute block gives number 18/KH-UBND but the header says Số: 19/KH-UBND.")
    ]


def _scored_appendix(reference: str) -> str:
    return (
        f"PHỤ LỤC\n\n({reference})\n\n"
        "| STT | Nội dung | Điểm tối đa | Điểm đạt năm 2024 |\n|---|---|---|---|\n"
        "| 1 | Công tác chỉ đạo | 13 | 11,75 |\n"
        "| 2 | Cải cách thể chế | 10 | 8,5 |\n"
        "| 3 | Thủ tục hành chính | 12,5 | 10,88 |\n"
        "| | TỔNG ĐIỂM | 35,5 | 31,13 |\n"
    )


@pytest.mark.parametrize(
    "reference",
    [
        "Kèm theo Kế hoạch số 412/ KH-SGDĐT ngày 05/3/2025",
        "Kèm theo Kế hoạch số 412 /KH-SGDÐT ngày 05/3/2025",
        "Kèm theo Kế hoạch số 412/KH- SGDĐT ngày 05/3/2025",
    ],
)
def test_appendix_reference_spelled_otherwise_is_this_document(reference: str) -> None:
    result = _run(_text_page(UNIT_HEADER, appendix=_scored_appendix(reference)), "p.md")
    assert _findings(result, "foreign_document_number") == []


def test_appendix_reference_to_another_number_is_reported_normalized() -> None:
    page = _text_page(UNIT_HEADER, appendix=_scored_appendix("Kèm theo Kế hoạch số 413 /KH-SGDÐT ngày 05/3/2025"))
    found = _findings(_run(page, "p.md"), "foreign_document_number")
    assert [(f["expected"], f["actual"], f["message"]) for f in found] == [
        (
            "412/KH-SGDĐT",
            "413/KH-SGDĐT",
            "The appendix says it belongs to 413/KH-SGDĐT but the document is 412/KH-SGDĐT.",
        )
    ]


# --- 3. Figures quoted in the body ----------------------------------------------------------------

_REFERENCE = "Kèm theo Kế hoạch số 412/KH-SGDĐT ngày 05/3/2025"


def _body_findings(body: str) -> list[tuple[object, ...]]:
    result = _run(_text_page(UNIT_HEADER, body=body, appendix=_scored_appendix(_REFERENCE)), "p.md")
    return [(f["row_id"], f["expected"], f["actual"], f["message"]) for f in _findings(result, "body_figure_mismatch")]


def test_several_quotes_in_one_sentence_are_each_compared() -> None:
    body = (
        "Năm 2024, Chỉ số cải cách hành chính của Sở đạt 31,13/35,5 điểm, xếp thứ 3/21 sở, ban, ngành. "
        "Trong đó: Lĩnh vực 1 đạt 11,75/13 điểm; Lĩnh vực 2 đạt 8/10 điểm; Lĩnh vực 3 đạt 10,9/12,5 điểm."
    )
    # 10,9 is 10,88 rounded to the one decimal printed; 8 is not 8,5 (which rounds to 9)
    assert _body_findings(body) == [
        ("2", "8,5", "8", "The body says field 2 reached 8/10 but the appendix gives 8,5/10.")
    ]


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("- Chỉ số 3: Thủ tục hành chính đạt 10,80/12,5 điểm.", "index 3"),
        ("- Tiêu chí 3 về thủ tục hành chính đạt 10,80/12,5 điểm.", "criterion 3"),
        ("Kết quả cụ thể: lĩnh vực 3 (thủ tục hành chính) đạt 10,80/12,5 điểm.", "field 3"),
    ],
)
def test_index_and_criterion_quotes_are_compared(line: str, what: str) -> None:
    assert _body_findings(line) == [
        ("3", "10,88", "10,80", f"The body says {what} reached 10,80/12,5 but the appendix gives 10,88/12,5.")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Lĩnh vực 1 đạt 11,75/13 điểm; Chỉ số 2 đạt 8,5/10 điểm; Tiêu chí 3 đạt 10,88/12,5 điểm.",
        "Lĩnh vực 2 được giao theo Kế hoạch 12/KH-UBND ngày 15/12/2024 của UBND tỉnh.",  # a number, a date
        "Lĩnh vực 1 xếp thứ 3/21 sở, ngành.",  # a rank: 21 is not the row's maximum
        "Chỉ số 4 đạt 5/10 điểm.",  # no row 4
        "Tiêu chí 1.2 đạt 2/13 điểm.",  # a sub-row, not row 1
        "Đạt chỉ số 87,76%; lĩnh vực 2 được chấm lại vào ngày 10/10/2024.",
        "Lĩnh vực 2 chưa đạt yêu cầu. Tỷ lệ hồ sơ đúng hạn 8/10 đơn vị.",  # the figure is in the next sentence
    ],
)
def test_no_finding_for_matching_or_unrelated_figures(line: str) -> None:
    assert _body_findings(line) == []


def test_an_enacting_authority_line_is_not_part_of_the_title() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\n-------\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 125/QĐ-BQL\n\n"
        "Bình Dương, ngày 15 tháng 6 năm 2020\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ LAO ĐỘNG\n\n"
        "TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP BÌNH DƯƠNG\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n"
    )
    doc = run_text(page).tables["documents"][0]
    assert doc["title"] == "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ LAO ĐỘNG"


_BODY = (
    "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH BÌNH DƯƠNG</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
    "<p>Độc lập - Tự do - Hạnh phúc</p><p>Số: 125/QĐ-UBND</p><p>Bình Dương, ngày 15 tháng 6 năm 2020</p>"
    "<p>QUYẾT ĐỊNH</p><p>Về việc ban hành quy chế</p><p>Điều 1. Ban hành quy chế.</p>"
)


def test_an_attribute_block_written_as_a_list() -> None:
    items = "".join(
        f"<li><span class=lbl>{label}:</span> <span class=val>{value}</span></li>"
        for label, value in (
            ("Số hiệu", "125/QĐ-UBND"), ("Cơ quan ban hành", "Tỉnh Bình Dương"), ("Ngày có hiệu lực", "25/06/2020"),
            ("Tình trạng hiệu lực", "Hết hiệu lực một phần"),
        )
    )
    page = f"<html><head><meta charset='utf-8'></head><body><ul>{items}</ul><div>{_BODY}</div></body></html>"
    doc = run_text(page, "page.html").tables["documents"][0]
    assert (doc["effective_date"].isoformat(), doc["status"]) == ("2020-06-25", "Hết hiệu lực một phần")


def test_gfm_cells_with_html_line_breaks() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 25/NQ-HĐND\n\n"
        "Bình Dương, ngày 10 tháng 12 năm 2021\n\nNGHỊ QUYẾT\n\nVề danh mục công trình\n\n"
        "Điều 1. Thông qua danh mục.\n\n"
        "| ***Nơi nhận:***<br>- Chính phủ;<br>- Lưu: VT. | **CHỦ TỊCH**<br><br>**Phạm Văn Chánh** |\n"
        "|---|---|\n"
    )
    doc = run_text(page, "page.md").tables["documents"][0]
    assert (doc["signer"], doc["signer_title"]) == ("Phạm Văn Chánh", "CHỦ TỊCH")
    assert doc["recipients"] == ["Chính phủ", "Lưu: VT"]
    assert "<br>" not in doc["body_text"]
