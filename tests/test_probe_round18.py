"""Session-18 fixes: groups titled without a number ("Lĩnh vực Hộ tịch" across the row) over rows
numbered from 1 again under each title, as lists of administrative procedures print them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import finding_codes, run_text
from tests.test_probe_round12 import _tabs
from tests.test_probe_round17 import _HEADER_AND_SIGNATURE, _PAGE, _tr, run_html

_PROCEDURES = ("STT", "Tên thủ tục hành chính", "Cơ quan thực hiện")
_FIELDS = (
    ("Lĩnh vực Hộ tịch",),
    ("1", "Đăng ký khai sinh", "UBND cấp xã"),
    ("2", "Đăng ký kết hôn", "UBND cấp xã"),
    ("Lĩnh vực Chứng thực",),
    ("1", "Chứng thực bản sao từ bản chính", "Phòng Tư pháp"),
    ("2", "Chứng thực chữ ký", "Phòng Tư pháp"),
)
_TREE = [
    ("#1", "", None, 1, "unnumbered", "Lĩnh vực Hộ tịch", []),
    ("#1.1", "1", "#1", 2, "decimal", "Đăng ký khai sinh", ["UBND cấp xã"]),
    ("#1.2", "2", "#1", 2, "decimal", "Đăng ký kết hôn", ["UBND cấp xã"]),
    ("#2", "", None, 1, "unnumbered", "Lĩnh vực Chứng thực", []),
    ("#2.1", "1", "#2", 2, "decimal", "Chứng thực bản sao từ bản chính", ["Phòng Tư pháp"]),
    ("#2.2", "2", "#2", 2, "decimal", "Chứng thực chữ ký", ["Phòng Tư pháp"]),
]


def _html_rows(*rows: tuple[str, ...]) -> str:
    """Rows of an HTML table; a row of one text spans the table."""
    width = max(len(row) for row in rows)
    return "".join(f"<tr><td colspan='{width}'>{row[0]}</td></tr>" if len(row) == 1 else _tr(*row) for row in rows)


def _html_page(*rows: tuple[str, ...]) -> str:
    table = f"<p>PHỤ LỤC</p><table border='1'>{_html_rows(*rows)}</table>"
    return _PAGE.format(document=_HEADER_AND_SIGNATURE + table, after="")


def _rows(tables: dict[str, list[dict]]) -> list[tuple]:
    return [
        (r["row_id"], r["row_label"], r["parent_id"], r["level"], r["numbering"], r["name"], r["lead_units"])
        for r in tables["appendix_rows"]
    ]


@pytest.mark.parametrize("form", ["html", "text dump"])
def test_field_titles_without_numbers_are_the_groups_of_rows_numbered_from_1_again(form: str) -> None:
    # the rows had been 1, 2, 1, 2 (two duplicate_row_id) and the titles cells of the rows above:
    # which field a procedure belongs to was lost
    if form == "html":
        result = run_html(_html_page(_PROCEDURES, *_FIELDS))
    else:
        result = run_text(_tabs(*("\t".join(row) for row in (_PROCEDURES, *_FIELDS))))
    assert _rows(result.tables) == _TREE
    assert finding_codes(result) == []
    assert result.tables["appendix_cells"] == []


def test_a_total_under_untitled_groups_adds_up_their_rows() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    body = (
        ("Khối sở, ban, ngành",),
        ("1", "Ban hành kế hoạch", "10", "8"),
        ("2", "Kiểm tra", "5", "4"),
        ("Khối UBND cấp huyện",),
        ("1", "Ban hành kế hoạch", "10", "9"),
        ("2", "Kiểm tra", "5", "5"),
    )
    right = run_html(_html_page(header, *body, ("Tổng cộng", "", "30", "26")))
    assert [(r["row_id"], r["max_score"], r["achieved_score"]) for r in right.tables["appendix_rows"]] == [
        ("#1", None, None),
        ("#1.1", Decimal(10), Decimal(8)),
        ("#1.2", Decimal(5), Decimal(4)),
        ("#2", None, None),
        ("#2.1", Decimal(10), Decimal(9)),
        ("#2.2", Decimal(5), Decimal(5)),
    ]
    assert finding_codes(right) == []
    wrong = run_html(_html_page(header, *body, ("Tổng cộng", "", "30", "25")))
    assert [(f["code"], f["column"], f["expected"], f["actual"]) for f in wrong.tables["findings"]] == [
        ("total_mismatch", "achieved_score", "26", "25")
    ]


def test_a_lone_line_in_a_table_numbered_once_through_is_no_group() -> None:
    # guard: without a numbering that starts again, the line stays a cell of the row above
    rows = (("1", "Đăng ký khai sinh", "UBND cấp xã"), ("Lĩnh vực Chứng thực",), ("2", "Chứng thực chữ ký", "Tư pháp"))
    result = run_html(_html_page(_PROCEDURES, *rows))
    assert [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]] == [("1", None), ("2", None)]
    assert [(c["row_id"], c["value"]) for c in result.tables["appendix_cells"]] == [("1", "Lĩnh vực Chứng thực")]


def test_a_sentence_before_rows_numbered_again_is_no_group() -> None:
    # guard: a line ending in a full stop is a note, not a title
    note = ("Các thủ tục sau đây do Phòng Tư pháp tiếp nhận.",)
    result = run_html(_html_page(_PROCEDURES, *_FIELDS[1:3], note, *_FIELDS[4:]))
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2", "1", "2"]
    assert finding_codes(result).count("duplicate_row_id") == 2
