"""An appendix table that goes on in another <table> (Word splits a table at a page break)."""

from __future__ import annotations

from extract.pipeline import DocumentResult
from tests.conftest import run_text

_HEAD = (
    "<html><head><meta charset='utf-8'></head><body><div class=content1>"
    "<table border=0><tr><td><p>ỦY BAN NHÂN DÂN</p><p>THÀNH PHỐ HÀ NỘI</p></td>"
    "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
    "<tr><td><p>Số: 215/KH-UBND</p></td><td><p>Hà Nội, ngày 10 tháng 3 năm 2023</p></td></tr></table>"
    "<p>KẾ HOẠCH</p><p>Chuyển đổi số năm 2023</p><p>I. MỤC TIÊU</p><p>Chuyển đổi số.</p>"
    "<p>PHỤ LỤC</p><p>NHIỆM VỤ NĂM 2023</p>"
)
_HEADER = "<tr><td>TT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>"


def _table(*rows: tuple[str, str, str]) -> str:
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    return f"<table border=1>{cells}</table>"


def _run(html: str) -> DocumentResult:
    return run_text(_HEAD + html + "</div></body></html>", "page.html")


def _ids(html: str) -> list[tuple[int, str, str]]:
    return [(r["appendix_index"], r["row_id"], r["name"]) for r in _run(html).tables["appendix_rows"]]


FIRST = (("TT", "Nội dung", "Cơ quan chủ trì"), ("1", "Nhiệm vụ một", "Sở Nội vụ"), ("2", "Nhiệm vụ hai", "Sở Tư pháp"))


def test_rows_numbered_on_in_a_table_without_header_continue_the_table() -> None:
    html = _table(*FIRST) + "<p>&nbsp;</p>" + _table(("3", "Nhiệm vụ ba", "Sở Y tế"))
    assert _ids(html) == [(1, "1", "Nhiệm vụ một"), (1, "2", "Nhiệm vụ hai"), (1, "3", "Nhiệm vụ ba")]


def test_a_header_printed_again_in_the_next_table_is_skipped() -> None:
    html = _table(*FIRST) + _table(FIRST[0], ("3", "Nhiệm vụ ba", "Sở Y tế"))
    assert _ids(html) == [(1, "1", "Nhiệm vụ một"), (1, "2", "Nhiệm vụ hai"), (1, "3", "Nhiệm vụ ba")]


def test_a_table_numbered_from_one_is_a_table_of_its_own() -> None:
    html = _table(*FIRST) + _table(("STT", "Chỉ tiêu", "Đơn vị"), ("1", "Chỉ tiêu một", "Sở Y tế"))
    assert _ids(html) == [(1, "1", "Nhiệm vụ một"), (1, "2", "Nhiệm vụ hai"), (2, "1", "Chỉ tiêu một")]


def test_text_between_two_tables_keeps_them_apart() -> None:
    # a heading between them: the headerless table is not joined (its rows stay as text)
    result = _run(_table(*FIRST) + "<p>PHỤ LỤC II</p>" + _table(("3", "Nhiệm vụ ba", "Sở Y tế")))
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2"]
    assert "3 | Nhiệm vụ ba | Sở Y tế" in result.tables["documents"][0]["annex_text"]


def test_the_rest_of_a_row_cut_by_the_page_break_joins_that_row() -> None:
    html = (
        _table(FIRST[0], ("1", "Nhiệm vụ một", "Sở Nội vụ; Sở Tư"))
        + "<br clear=all style='page-break-before:always'>"
        + _table(("", "", "pháp"), ("2", "Nhiệm vụ hai", "Sở Y tế"))
    )
    rows = _run(html).tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"], r["name"]) for r in rows] == [
        (1, "1", "Nhiệm vụ một"), (1, "2", "Nhiệm vụ hai"),
    ]
    assert rows[0]["lead_units"] == ["Sở Nội vụ", "Sở Tư pháp"]


def test_a_blank_numbered_first_row_before_a_new_numbering_is_no_fragment() -> None:
    html = _table(*FIRST) + _table(("", "Ghi chú", "Sở Y tế"), ("1", "Chỉ tiêu một", "Sở Y tế"))
    assert [r["appendix_index"] for r in _run(html).tables["appendix_rows"]] == [1, 1, 2]
