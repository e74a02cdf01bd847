"""Session-17 fixes: numbered rows grouped under small letters ("a)", 1, 2, "b)", 1, 2)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import run_text
from tests.test_probe_round15 import _MD_DOCUMENT as _MD_HEAD
from tests.test_probe_round16 import _codes, _dump

_HEADER = ("STT", "Nội dung", "Điểm tối đa", "Điểm đạt năm 2023", "Mục tiêu năm 2024", "Cơ quan chủ trì")


def _groups(max_b: str) -> tuple[str, ...]:
    """Two letter groups with rows numbered from 1 in each; group b's maximum as given."""
    return (
        "a)", "Nhóm công tác chỉ đạo", "6", "5", "6", " ",
        "1", "Ban hành kế hoạch CCHC", "2", "2", "2", "Sở Nội vụ",
        "2", "Kiểm tra CCHC", "4", "3", "4", "Sở Nội vụ",
        "b)", "Nhóm tuyên truyền", max_b, "3", "4", " ",
        "1", "Tuyên truyền CCHC", "2", "1,5", "2", "Sở Thông tin và Truyền thông",
        "2", "Sáng kiến CCHC", "2", "1,5", "2", "Sở Nội vụ",
    )  # fmt: skip


def _tree(tables: dict[str, list[dict]]) -> list[tuple]:
    return [(r["row_id"], r["parent_id"], r["name"], r["max_score"]) for r in tables["appendix_rows"]]


def test_rows_numbered_from_1_under_letter_groups_are_the_groups_children() -> None:
    # the rows under "b)" had been read as 1 and 2 again (duplicate_row_id), "b)" as a sub-row of
    # row 2 (2.b, missing_row_id) and row 2's sum checked against b's maximum (a false sum_mismatch)
    tables = _dump(*_groups(max_b="4"), header=_HEADER)
    assert _tree(tables) == [
        ("a", None, "Nhóm công tác chỉ đạo", Decimal(6)),
        ("a.1", "a", "Ban hành kế hoạch CCHC", Decimal(2)),
        ("a.2", "a", "Kiểm tra CCHC", Decimal(4)),
        ("b", None, "Nhóm tuyên truyền", Decimal(4)),
        ("b.1", "b", "Tuyên truyền CCHC", Decimal(2)),
        ("b.2", "b", "Sáng kiến CCHC", Decimal(2)),
    ]
    assert _codes(tables) == []


def test_a_letter_groups_sum_is_checked_against_its_numbered_rows() -> None:
    tables = _dump(*_groups(max_b="5"), header=_HEADER)
    assert [(f["code"], f["row_id"]) for f in tables["findings"]] == [("sum_mismatch", "b")]


def test_letter_groups_under_a_roman_part_in_markdown() -> None:
    table = (
        "| STT | Nội dung | Điểm tối đa | Cơ quan chủ trì |\n|---|---|---|---|\n"
        "| I | CÔNG TÁC CHỈ ĐẠO | 6 | |\n"
        "| a) | Kế hoạch | 2 | |\n| 1 | Ban hành kế hoạch | 2 | Sở Nội vụ |\n"
        "| b) | Kiểm tra | 4 | |\n| 1 | Kiểm tra sở | 2 | Sở Nội vụ |\n| 2 | Kiểm tra huyện | 2 | Sở Nội vụ |\n"
        "| II | TUYÊN TRUYỀN | 2 | |\n| 1 | Tuyên truyền CCHC | 2 | Sở Thông tin và Truyền thông |\n"
    )
    tables = run_text(_MD_HEAD + table, "page.md").tables
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [
        ("I", None),
        ("I.a", "I"),
        ("I.a.1", "I.a"),
        ("I.b", "I"),
        ("I.b.1", "I.b"),
        ("I.b.2", "I.b"),
        ("II", None),
        ("II.1", "II"),
    ]
    assert _codes(tables) == []


def test_letters_under_numbered_rows_keep_their_place() -> None:
    # guard: "1", "a)", "b)", "2": the letters are sub-rows of the number above them
    tables = _dump(
        "1", "Công tác chỉ đạo", "6", "5", "6", " ",
        "a)", "Ban hành kế hoạch", "2", "2", "2", "Sở Nội vụ",
        "b)", "Kiểm tra", "4", "3", "4", "Sở Nội vụ",
        "2", "Tuyên truyền", "2", "1,5", "2", "Sở Thông tin và Truyền thông",
    )  # fmt: skip
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [
        ("1", None),
        ("1.a", "1"),
        ("1.b", "1"),
        ("2", None),
    ]
    assert _codes(tables) == []
