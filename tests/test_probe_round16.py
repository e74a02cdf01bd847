"""Session-16 fixes: text dumps of score tables whose last column (the lead unit) is merged down
over sub-rows, so that a row's last figure and the next row number stand side by side."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import run_text

_DUMP_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 12/KH-UBND\n\nPhú Yên, ngày 10 tháng 3 năm 2024\n\n"
    "KẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024\n\nI. MỤC TIÊU\n\nNâng cao Chỉ số CCHC năm 2024./.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn A\n\n"
    "PHỤ LỤC\n\nBẢNG ĐIỂM\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2024 của UBND tỉnh Phú Yên)\n\n"
)
_HEADER = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Mục tiêu năm 2024", "Đơn vị chủ trì")


def _dump(*cells: str) -> dict[str, list[dict]]:
    """A text dump's table: one cell per line, a blank line between cells."""
    return run_text(_DUMP_HEAD + "\n\n".join((*_HEADER, *cells)) + "\n").tables


def _scores(tables: dict[str, list[dict]]) -> list[tuple]:
    return [
        (r["row_id"], r["name"], r["max_score"], r["achieved_score"], r["target_score"], r["lead_units"])
        for r in tables["appendix_rows"]
    ]


def _codes(tables: dict[str, list[dict]]) -> list[str]:
    return [f["code"] for f in tables["findings"]]


_UNIT = "Văn phòng UBND tỉnh"


def test_a_target_before_a_sub_row_is_no_row_number() -> None:
    # the lead unit is merged down over row 1 and its sub-rows: row 1 ends in its target "2",
    # and "a)" follows; the 2 had been read as row 2, with no name
    tables = _dump(
        "1", "Cơ sở vật chất", "2", "1,75", "2",
        "a)", "Nơi ngồi chờ", "1", "1", "1",
        "b)", "Trang thiết bị tra cứu", "1", "0,75", "1",
        "2", "Thông tin hướng dẫn", "2", "2", "2", "Sở Nội vụ",
    )  # fmt: skip
    assert _scores(tables) == [
        ("1", "Cơ sở vật chất", Decimal(2), Decimal("1.75"), Decimal(2), []),
        ("1.a", "Nơi ngồi chờ", Decimal(1), Decimal(1), Decimal(1), []),
        ("1.b", "Trang thiết bị tra cứu", Decimal(1), Decimal("0.75"), Decimal(1), []),
        ("2", "Thông tin hướng dẫn", Decimal(2), Decimal(2), Decimal(2), ["Sở Nội vụ"]),
    ]
    assert _codes(tables) == ["short_row", "short_row", "short_row"]


def test_a_last_figure_1_under_a_sub_row_does_not_start_the_numbering_again() -> None:
    # "a) | Nơi ngồi chờ | 1 | 1 | 1": the last 1 had been read as row 1 again (a restart), and
    # "b)" became its name, with duplicate_row_id and false sums
    tables = _dump(
        "1", "Cơ sở vật chất", "2", "1,75", "2", _UNIT,
        "a)", "Nơi ngồi chờ", "1", "1", "1",
        "b)", "Trang thiết bị tra cứu", "1", "0,75", "1",
        "2", "Thông tin hướng dẫn", "2", "2", "2", "Sở Nội vụ",
    )  # fmt: skip
    assert [row[0] for row in _scores(tables)] == ["1", "1.a", "1.b", "2"]
    assert _scores(tables)[1] == ("1.a", "Nơi ngồi chờ", Decimal(1), Decimal(1), Decimal(1), [])
    assert _codes(tables) == ["short_row", "short_row"]


def test_a_row_number_where_a_merged_lead_unit_stands_opens_the_next_row() -> None:
    # "b) | ... | 1 | 0,75 | 1 | 2 | Thông tin hướng dẫn": the lead unit's cell is merged from row
    # 1, and a unit is never a bare 2; row 2 had been swallowed into row b)'s lead units
    tables = _dump(
        "1", "Cơ sở vật chất", "2", "1,75", "1,5", _UNIT,
        "a)", "Nơi ngồi chờ", "1", "1", "0,5",
        "b)", "Trang thiết bị tra cứu", "1", "0,75", "1",
        "2", "Thông tin hướng dẫn", "2", "2", "2", "Sở Nội vụ",
        " ", "TỔNG ĐIỂM", "4", "3,75", "3,5", " ",
    )  # fmt: skip
    assert _scores(tables) == [
        ("1", "Cơ sở vật chất", Decimal(2), Decimal("1.75"), Decimal("1.5"), [_UNIT]),
        ("1.a", "Nơi ngồi chờ", Decimal(1), Decimal(1), Decimal("0.5"), []),
        ("1.b", "Trang thiết bị tra cứu", Decimal(1), Decimal("0.75"), Decimal(1), []),
        ("2", "Thông tin hướng dẫn", Decimal(2), Decimal(2), Decimal(2), ["Sở Nội vụ"]),
    ]
    assert _codes(tables) == ["short_row", "short_row"]


def test_the_numbering_still_starts_again_under_a_part_title() -> None:
    # guard: "B | KHỐI HUYỆN" then "1": a part's rows are numbered from 1 again
    tables = _dump(
        "A", "KHỐI SỞ", "4", "3", "4", " ",
        "1", "Sở Nội vụ làm tốt", "2", "1,5", "2", "Sở Nội vụ",
        "2", "Sở Tư pháp làm tốt", "2", "1,5", "2", "Sở Tư pháp",
        "B", "KHỐI HUYỆN", "2", "2", "2", " ",
        "1", "Huyện Đông Hòa làm tốt", "2", "2", "2", "UBND huyện Đông Hòa",
    )  # fmt: skip
    assert [(row[0], row[1]) for row in _scores(tables)] == [
        ("A", "KHỐI SỞ"),
        ("A.1", "Sở Nội vụ làm tốt"),
        ("A.2", "Sở Tư pháp làm tốt"),
        ("B", "KHỐI HUYỆN"),
        ("B.1", "Huyện Đông Hòa làm tốt"),
    ]
    assert _codes(tables) == []
