"""What a reader inferred about one table row (a short row padded, a merged cell taken from the
row above) is a finding that names the row it became: row_id and location, not only the number
as printed ("row -" says nothing when a table has twenty "-" items)."""

from __future__ import annotations

from extract.document import _continued
from extract.page import Cell, ReadNote, Table
from tests.conftest import markdown_table, run_text, text_table

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 215/KH-UBND\n\nBến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ DTI NĂM 2024\n\n"
    "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\nPHỤ LỤC\n\nNHIỆM VỤ, GIẢI PHÁP\n\n"
)
_END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
HEADER = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Giải pháp thực hiện", "Đơn vị chủ trì")
# the second "-" item lost its unit: to a rowspan (Markdown) or to nothing printed (text dump)
DASH_ROWS = (
    HEADER,
    ("I", "Chỉ đạo", "7", "5", "", ""),
    ("-", "Ban hành kế hoạch", "3", "2", "Ban hành đúng hạn.", "Sở Nội vụ"),
    ("-", "Kiểm tra", "4", "3", "Kiểm tra 30% cơ quan."),
    ("-", "Tuyên truyền", "0", "0", "Tuyên truyền.", "Sở Tư pháp"),
)


def _findings(text: str, path: str) -> list[tuple[str, str, str | None, str]]:
    result = run_text(text, path)
    return [(f["code"], f["location"], f["row_id"], f["message"]) for f in result.tables["findings"]]


def test_a_short_numbered_row_of_a_text_dump_is_named_by_its_row_id() -> None:
    rows = (
        HEADER,
        ("1", "Công tác chỉ đạo", "3", "2", "Ban hành kế hoạch.", "Sở Nội vụ"),
        ("2", "Công tác tuyên truyền", "4", "3", "Tăng cường tuyên truyền."),
        ("3", "Công tác kiểm tra", "3", "3", "Kiểm tra 30% cơ quan.", "Sở Tư pháp"),
    )
    assert _findings(_HEAD + text_table(*rows) + _END, "plan.txt") == [
        (
            "short_row",
            "appendix 1, row 2",
            "2",
            "row 2 has 5 cells for 6 columns; they fit the columns from the left, and the last 1 were left empty",
        )
    ]


def test_the_kth_dash_item_is_the_row_the_note_is_about() -> None:
    assert _findings(_HEAD + text_table(*DASH_ROWS) + _END, "plan.txt") == [
        (
            "short_row",
            "appendix 1, row I.-2",
            "I.-2",
            "row - has 5 cells for 6 columns; they fit the columns from the left, and the last 1 were left empty",
        )
    ]
    assert _findings(_HEAD + markdown_table(*DASH_ROWS) + _END, "plan.md") == [
        (
            "merged_cell_inferred",
            "appendix 1, row I.-2",
            "I.-2",
            "row - has 5 of 6 cells; the last 1 were taken from the row above as merged cells",
        )
    ]


def _row(*texts: str) -> tuple[Cell, ...]:
    return tuple(Cell((t,)) if t else Cell() for t in texts)


def test_a_table_going_on_after_a_page_break_counts_the_dash_items_before_it() -> None:
    # the first part has two "-" items; the note on the second part's first "-" is about the third
    first = Table(rows=(_row("STT", "Nội dung"), _row("1", "Chỉ đạo"), _row("-", "a"), _row("-", "b")))
    note = ReadNote("short_row", "row - has 1 cells for 2 columns", "-", 0)
    more = Table(rows=(_row("2", "Kiểm tra"), _row("-", "c")), row_notes=(note,))
    joined = _continued(first, more)
    assert joined is not None and len(joined.rows) == 6
    assert joined.row_notes == (note._replace(occurrence=2),)


def test_short_rows_of_a_github_style_table_are_each_named() -> None:
    table = (
        "| STT | Tiêu chí | Điểm tối đa | Điểm đạt | Đơn vị chủ trì |\n|---|---|---|---|---|\n"
        "| 1 | Chỉ đạo | 4 | 3 | Sở Nội vụ |\n"
        "| - | Ban hành kế hoạch | 2 | 2 | Sở Nội vụ |\n"
        "| - | Kiểm tra | 2 | 1 |\n"  # the unit merged away: the row is short
        "| 2 | Tuyên truyền | 6 | 5 |\n"
    )
    result = run_text(_HEAD + table + _END, "plan.md")
    assert [(f["code"], f["location"], f["row_id"]) for f in result.tables["findings"]] == [
        ("short_row", "appendix 1, row 1.-2", "1.-2"),
        ("short_row", "appendix 1, row 2", "2"),
    ]
    assert result.tables["findings"][0]["message"] == "row - has 4 cells for 5 columns; its last cells were left empty"
