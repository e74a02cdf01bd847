"""Grid expansion and layout/data detection on small hand-written tables."""

from __future__ import annotations

import lxml.html
import pytest

from extract.html.tables import build_grid, is_bordered
from extract.html.text import paragraphs
from extract.page import Cell, PageError


def _table(markup: str) -> lxml.html.HtmlElement:
    root = lxml.html.fromstring(f"<div>{markup}</div>")
    return root.find(".//table")


def _grid(markup: str) -> list[list[tuple[str, tuple[int, int] | None]]]:
    table = build_grid(_table(markup), paragraphs)
    return [[(c.text, c.span_origin) for c in row] for row in table.rows]


def test_rowspan_and_two_level_header() -> None:
    markup = """<table border=1>
      <tr><td rowspan=2>TT</td><td rowspan=2>Nội dung</td><th colspan=2>Kết quả</th></tr>
      <tr><th>2021</th><th>2022</th></tr>
      <tr><td>1</td><td rowspan=2>Sở Nội vụ</td><td>8,5</td><td>9</td></tr>
      <tr><td>2</td><td>&nbsp;</td><td>1</td></tr></table>"""
    assert _grid(markup) == [
        [("TT", None), ("Nội dung", None), ("Kết quả", None), ("Kết quả", (0, 2))],
        [("TT", (0, 0)), ("Nội dung", (0, 1)), ("2021", None), ("2022", None)],
        [("1", None), ("Sở Nội vụ", None), ("8,5", None), ("9", None)],
        [("2", None), ("Sở Nội vụ", (2, 1)), ("", None), ("1", None)],
    ]


def test_thead_first_tfoot_last_and_short_rows_padded() -> None:
    markup = """<table border=1><tfoot><tr><td>Tổng</td><td>10</td></tr></tfoot>
      <tbody><tr><td>a</td></tr></tbody><thead><tr><th>A</th><th>B</th></tr></thead></table>"""
    assert _grid(markup) == [
        [("A", None), ("B", None)], [("a", None), ("", None)], [("Tổng", None), ("10", None)]]


def test_rowspan_zero_and_overlong_spans_are_clamped() -> None:
    markup = """<table border=1><tr><td rowspan=0>x</td><td rowspan=99>y</td><td>1</td></tr>
      <tr><td>2</td></tr></table>"""
    assert _grid(markup) == [
        [("x", None), ("y", None), ("1", None)],
        [("x", (0, 0)), ("y", (0, 1)), ("2", None)],
    ]


def test_huge_colspan_is_bounded() -> None:
    table = build_grid(_table("<table><tr><td colspan=100000>x</td></tr></table>"), paragraphs)
    assert len(table.rows[0]) == 1000


def test_grid_cell_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.html.tables as tables

    monkeypatch.setattr(tables, "MAX_GRID_CELLS", 10)
    with pytest.raises(PageError) as err:
        build_grid(_table("<table><tr><td colspan=20>x</td></tr></table>"), paragraphs)
    assert err.value.reason == "too_large"


def test_cell_paragraphs_kept() -> None:
    table = build_grid(_table(
        "<table><tr><td><p>- Một</p><p>- Hai<br>ba</p><p>&nbsp;</p></td></tr></table>"),
        paragraphs)
    assert table.rows[0][0] == Cell(("- Một", "- Hai", "ba"))


def test_nested_table_in_data_cell_is_text() -> None:
    table = build_grid(_table(
        "<table border=1><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td></tr>"
        "</table>"), paragraphs)
    assert table.rows[0][0].paragraphs == ("a", "b", "c")


@pytest.mark.parametrize(
    ("markup", "bordered"),
    [
        ("<table border=1><tr><td>x</td></tr></table>", True),
        ("<table border=0><tr><td>x</td></tr></table>", False),
        ("<table><tr><td>x</td></tr></table>", False),
        ("<table class=MsoTableGrid border=1 style='border-collapse:collapse;border:none'>"
         "<tr><td style='border:solid windowtext 1.0pt'>x</td></tr></table>", True),
        ("<table class=MsoTableGrid style='border:none'><tr>"
         "<td style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>x</td>"
         "<td style='border:solid windowtext 1.0pt;border-left:none'>y</td></tr></table>", True),
        ("<table class=MsoNormalTable style='border-collapse:collapse'><tr>"
         "<td style='padding:0cm 5.4pt 0cm 5.4pt'>x</td><td style='border:none'>y</td>"
         "</tr></table>", False),
        ("<table style='border: 1px solid #000'><tr><td>x</td></tr></table>", True),
        ("<table><tr><td style='border:0px solid'>x</td></tr></table>", False),
    ],
)
def test_layout_vs_data(markup: str, bordered: bool) -> None:
    assert is_bordered(_table(markup)) is bordered
