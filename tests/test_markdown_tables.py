"""An invented plan in the portals' Markdown shapes (tests/fixtures/corpus/FORMAT.md): a 2x2
header layout table with wrapped bold runs, a signature table, appendix headings whose title and
"(Kèm theo ...)" share a paragraph, one-cell-per-line tables with group rows (colspan), a cell
left out under a rowspan, decimal sub-rows, a total row one cell short, and "I. TITLE" fused in
one cell with numbering that runs on across groups. It stands in for the corpus documents, whose
text is not committed, so that these shapes are tested on every machine."""

from __future__ import annotations

from datetime import date

import pytest

from extract.pipeline import DocumentResult, process_bytes
from tests.conftest import FIXTURES, markdown_row

PAGE = FIXTURES / "markdown" / "synthetic_plan.md"


@pytest.fixture(scope="module")
def result() -> DocumentResult:
    return process_bytes(PAGE.read_bytes(), "synthetic_plan.md", repair=False)


def test_header_and_signature_layout_tables(result: DocumentResult) -> None:
    doc = result.tables["documents"][0]
    assert doc["source_form"] == "markdown"
    assert (doc["number"], doc["doc_type"], doc["issuer"], doc["issuing_body"]) == (
        "77/KH-UBND",
        "Kế hoạch",
        "Tỉnh Hòa Bình",
        "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH",
    )
    assert doc["title"] == "QUAN TRẮC CHẤT LƯỢNG NƯỚC CÁC HỒ CHỨA TRÊN ĐỊA BÀN TỈNH HÒA BÌNH NĂM 2025"
    assert (doc["place"], doc["issued_date"]) == ("Hòa Bình", date(2025, 3, 5))
    assert (doc["signing_authority"], doc["signer_title"], doc["signer"]) == (
        "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Minh",
    )
    assert doc["recipients"] == ["Bộ Nông nghiệp và Môi trường", "Lưu: VT"]
    assert "*" not in doc["body_text"]
    assert (doc["appendix_count"], doc["appendix_row_count"]) == (2, 12)


def test_rows_labels_parents_and_levels(result: DocumentResult) -> None:
    rows = result.tables["appendix_rows"]
    label_of = {(r["appendix_index"], r["row_id"]): r["row_label"] for r in rows}
    parent = [label_of.get((r["appendix_index"], r["parent_id"])) for r in rows]
    got = [(r["appendix_label"], r["row_label"], up, r["level"], r["name"]) for r, up in zip(rows, parent, strict=True)]
    assert got == [
        ("PHỤ LỤC I", "I", None, 1, "HỒ CHỨA LỚN"),
        ("PHỤ LỤC I", "1", "I", 2, "Hồ Kỳ Sơn"),
        ("PHỤ LỤC I", "2", "I", 2, "Hồ Đá Bạc"),
        ("PHỤ LỤC I", "II", None, 1, "HỒ CHỨA NHỎ"),
        ("PHỤ LỤC I", "3", "II", 2, "Hồ Suối Rằm"),
        ("PHỤ LỤC I", "3.1", "3", 3, "Điểm đầu hồ"),
        ("PHỤ LỤC I", "3.2", "3", 3, "Điểm cuối hồ"),
        ("PHỤ LỤC II", "I.", None, 1, "QUAN TRẮC"),  # "**I.⏎QUAN TRẮC**" in one cell: the label as printed
        ("PHỤ LỤC II", "1", "I.", 2, "Lấy mẫu nước tại các hồ chứa"),
        ("PHỤ LỤC II", "2", "I.", 2, "Phân tích mẫu"),
        ("PHỤ LỤC II", "II.", None, 1, "BÁO CÁO"),
        ("PHỤ LỤC II", "3", "II.", 2, "Tổng hợp, báo cáo kết quả"),  # numbering runs on across groups
    ]
    assert len({(r["appendix_label"], r["row_id"]) for r in rows}) == len(rows)
    titles = {r["appendix_label"]: r["appendix_title"] for r in rows}
    assert titles == {"PHỤ LỤC I": "DANH MỤC ĐIỂM QUAN TRẮC", "PHỤ LỤC II": "NHIỆM VỤ VÀ PHÂN CÔNG"}


def test_cells_a_rowspan_and_the_total(result: DocumentResult) -> None:
    rows = result.tables["appendix_rows"]
    first = [r for r in rows if r["appendix_label"] == "PHỤ LỤC I"]
    # row 2 has no Ghi chú cell: it is the one above, merged downwards, and reported
    assert [r["note"] for r in first] == [
        None,
        "Lấy mẫu 2 đợt",
        "Lấy mẫu 2 đợt",
        None,
        "Tầng mặt",
        "Tầng mặt",
        "Tầng mặt và tầng đáy",
    ]
    samples = {
        (c["row_id"], c["column_header"]): c["value"]
        for c in result.tables["appendix_cells"]
        if c["column_header"] == "Số lượng mẫu"
    }
    by_label = {r["row_label"]: r["row_id"] for r in first}
    assert [samples[(by_label[label], "Số lượng mẫu")] for label in ("1", "2", "3", "3.1", "3.2")] == [
        "4",
        "2",
        "3",
        "1",
        "2",
    ]
    assert samples[("total", "Số lượng mẫu")] == "9"
    second = [r for r in rows if r["appendix_label"] == "PHỤ LỤC II"]
    assert [r["lead_units"] for r in second] == [
        [],
        ["Trung tâm Quan trắc"],
        ["Trung tâm Quan trắc"],
        [],
        ["Sở Nông nghiệp và Môi trường"],
    ]


def test_what_was_inferred_is_reported(result: DocumentResult) -> None:
    findings = [(f["code"], f["message"]) for f in result.tables["findings"]]
    # the total row "| | Tổng cộng | 9 | |" lost only its empty last cell, as every Markdown row
    # does: its figures fit the columns from the left, so nothing is reported for it
    assert [code for code, _ in findings] == ["merged_cell_inferred"]
    assert findings[0][1].startswith("row 2 has 3 of 4 cells")
    # the row printed "2" under group I is row I.2
    (merged,) = result.tables["findings"]
    assert (merged["location"], merged["row_id"]) == ("appendix 1, row I.2", "I.2")


HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n-------\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n"
    "Số: 88/QĐ-UBND\n\n**QUYẾT ĐỊNH**\n\nCÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH\n\nĐiều 1. Công bố danh mục.\n\n"
    "**DANH MỤC**\n\nTHỦ TỤC HÀNH CHÍNH\n\n*(Kèm theo Quyết định số 88/QĐ-UBND của Chủ tịch UBND tỉnh)*\n\n"
)


def test_a_procedure_list_with_codes_marks_and_parts_above_roman_groups() -> None:
    # TT | code | name | two mark columns | note; parts A and B hold roman groups, numbering
    # restarts under each; "x" marks are no row numbers, codes "2.001611" no figures before a row
    table = (
        markdown_row("**TT**", "**Mã TTHC**", "**Tên TTHC**", "**Toàn trình**", "**Một phần**", "**Ghi chú**")
        + markdown_row("**A**", "**THỦ TỤC CẤP TỈNH**", "", "", "", "")
        + markdown_row("**I**", "**Lĩnh vực Du lịch**", "", "", "", "")
        + markdown_row("1", "2.001611", "Thu hồi giấy phép kinh doanh dịch vụ lữ hành", "x", "", "")
        + markdown_row("2", "1.001440", "Cấp thẻ hướng dẫn viên du lịch tại điểm", "", "x", "")
        + markdown_row("**II**", "**Lĩnh vực Điện ảnh**", "", "", "", "")
        + markdown_row("1", "1.003702", "Cấp giấy phép phổ biến phim truyện", "x", "", "Trực tuyến")
        + markdown_row("**B**", "**THỦ TỤC CẤP XÃ**", "", "", "", "")
        + markdown_row("**I**", "**Lĩnh vực Người có công**", "", "", "", "")
        + markdown_row("1", "1.010805", "Thủ tục hưởng trợ cấp hằng tháng", "x", "", "")
    )
    result = process_bytes((HEADER + table).encode(), "decision.md", repair=False)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["parent_id"], r["level"], r["name"]) for r in rows] == [
        ("A", None, 1, "THỦ TỤC CẤP TỈNH"),
        ("A.I", "A", 2, "Lĩnh vực Du lịch"),
        ("A.I.1", "A.I", 3, "Thu hồi giấy phép kinh doanh dịch vụ lữ hành"),
        ("A.I.2", "A.I", 3, "Cấp thẻ hướng dẫn viên du lịch tại điểm"),
        ("A.II", "A", 2, "Lĩnh vực Điện ảnh"),
        ("A.II.1", "A.II", 3, "Cấp giấy phép phổ biến phim truyện"),
        ("B", None, 1, "THỦ TỤC CẤP XÃ"),
        ("B.I", "B", 2, "Lĩnh vực Người có công"),
        ("B.I.1", "B.I", 3, "Thủ tục hưởng trợ cấp hằng tháng"),
    ]
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert cells[("A.I.1", "Mã TTHC")] == "2.001611"
    assert (cells[("A.I.1", "Toàn trình")], cells[("A.I.1", "Một phần")]) == ("x", None)
    assert (cells[("A.I.2", "Toàn trình")], cells[("A.I.2", "Một phần")]) == (None, "x")
    assert cells[("A.I", "Mã TTHC")] is None  # the group title went to the name column
    assert [r["note"] for r in rows if r["row_id"] == "A.II.1"] == ["Trực tuyến"]
    assert not {f["code"] for f in result.tables["findings"]} & {"duplicate_row_id", "out_of_order_row_id"}
