"""Small parts: figures, dates, row labels, column roles, placeholders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from extract.columns import map_columns, merge_header_rows, role_of
from extract.metadata import is_placeholder
from extract.numbering import parse_label
from normalize.dates import parse_date
from normalize.numbers import decimals_of, format_vi, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8,5", Decimal("8.5")),
        ("0,8791", Decimal("0.8791")),
        ("100", Decimal("100")),
        ("26.120", Decimal("26120")),
        ("1.364.329.243", Decimal("1364329243")),
        ("574945.0", Decimal("574945.0")),
        ("0.875", Decimal("0.875")),
        ("1.234,5", Decimal("1234.5")),
        ("85%", Decimal("85")),
        (" 7,46 ", Decimal("7.46")),
        ("Sở Nội vụ", None),
        ("1,5 điểm", None),
        ("", None),
        ("1 250 000", Decimal("1250000")),  # a space between groups of three digits: thousands
        ("1\u00a0234,5", Decimal("1234.5")),
        ("- 5", Decimal("-5")),
        ("4 8", None),  # two figures of merged cells, not 48
        ("5 10,5", None),
        ("12 5", None),
        ("1 25", None),
    ],
)
def test_parse_number(text: str, value: Decimal | None) -> None:
    assert parse_number(text) == value


def test_decimals_and_format() -> None:
    assert decimals_of("2,71") == 2
    assert decimals_of("2,7091") == 4
    assert decimals_of("13") == 0
    # the separator as parse_number reads it: thousands marks are not decimals
    assert decimals_of("1,234.5") == 1
    assert decimals_of("12,5%") == 1
    assert decimals_of("1.234.567") == 0
    assert format_vi(Decimal("86.2400")) == "86,24"
    assert format_vi(Decimal("100")) == "100"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("27/07/2022", date(2022, 7, 27)),
        ("Đắk Nông, ngày 27 tháng 7 năm 2022", date(2022, 7, 27)),
        ("Hết hiệu lực: 01/01/2025", date(2025, 1, 1)),
        ("Đã biết", None),
        ("31/02/2022", None),
        (None, None),
    ],
)
def test_parse_date(text: str | None, value: date | None) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    ("text", "style", "key"),
    [
        ("1", "decimal", "1"),
        ("1.3.1", "decimal", "1.3.1"),
        ("2.", "decimal", "2"),
        ("II", "roman", "II"),
        ("IV.", "roman", "IV"),
        ("B", "upper_letter", "B"),
        ("a)", "lower_letter", "a"),
        ("đ)", "lower_letter", "đ"),
        ("-", "dash", "-"),
    ],
)
def test_row_labels(text: str, style: str, key: str) -> None:
    label = parse_label(text)
    assert label is not None and (label.style, label.key) == (style, key)


@pytest.mark.parametrize("text", ["10.326.312", "Sở Nội vụ", "8,5", "2021", ""])
def test_not_row_labels(text: str) -> None:
    assert parse_label(text) is None


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("STT", "id"),
        ("TT", "id"),
        ("Lĩnh Vực/Tiêu chí/Tiêu chí thành phần", "name"),
        ("Nội dung/Nhiệm vụ", "name"),
        ("Điểm chuẩn", "max_score"),
        ("Điểm tối đa", "max_score"),
        ("Điểm 2021 đạt được", "achieved_score"),
        ("Mục tiêu năm 2022", "target_score"),
        ("Nhiệm vụ/giải pháp", "tasks"),
        ("Đơn vị chủ trì", "lead_units"),
        ("Cơ quan chủ trì", "lead_units"),
        ("Cơ quan phối hợp", "coordinating_units"),
        ("Thời gian hoàn thành", "deadline"),
        ("Sản phẩm dự kiến", "product"),
        ("ĐVT", "unit"),
        ("Ghi chú", "note"),
        ("Năm 2026", "other"),
        ("Chỉ tiêu", "other"),
    ],
)
def test_column_roles(header: str, role: str) -> None:
    assert role_of(header) == role


def test_years_read_from_headers() -> None:
    columns = map_columns(["STT", "Nội dung", "Điểm 2021 đạt được", "Mục tiêu năm 2022"])
    assert [(c.role, c.year) for c in columns] == [
        ("id", None), ("name", None), ("achieved_score", 2021), ("target_score", 2022),
    ]


@pytest.mark.parametrize("value", ["Đã biết", "Đang cập nhật", "Chưa xác định", "{{m.TinhTrang}}", "-", None])
def test_placeholders(value: str | None) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["Còn hiệu lực", "Hết hiệu lực một phần", "27/07/2022"])
def test_real_values_are_not_placeholders(value: str) -> None:
    assert not is_placeholder(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoà Bình, thuỷ lợi, Uỷ ban nhân dân", "Hòa Bình, thủy lợi, Ủy ban nhân dân"),
        ("TỈNH THANH HOÁ", "TỈNH THANH HÓA"),
        ("khoẻ mạnh", "khỏe mạnh"),
        # spelling guesses of the underlying map are not taken: letters change, or two tone marks
        ("nghành bíết", "nghành bíết"),
        # already new style, abbreviations, damage: untouched
        ("Hòa Bình, CCHC, NĐ-CP, chsố, tnh", "Hòa Bình, CCHC, NĐ-CP, chsố, tnh"),
    ],
)
def test_tone_placement(text: str, expected: str) -> None:
    from normalize.tone import normalize_tone_placement

    assert normalize_tone_placement(text) == expected


def test_pipeline_fingerprint_follows_the_tone_map_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    from extract.pipeline import pipeline_fingerprint

    now = pipeline_fingerprint(repair=False)
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name == "underthesea" else real(name))
    assert pipeline_fingerprint(repair=False) != now


@pytest.mark.parametrize(
    ("label", "total"),
    [
        ("TỔNG ĐIỂM", True), ("TNG ĐIM", True), ("Tổng cộng", True), ("Tổng số", True), ("Tng s", True),
        ("Cộng:", True), ("Cng:", True), ("Cộng (1)", True), ("Cộng (II)", True),
        ("Tổng hợp ý kiến", False), ("Công khai", False), ("Tăng cường", False), ("Cộng (bảng 2 trang 5)", False),
    ],
)
def test_total_rows_are_recognised_with_or_without_their_lost_letters(label: str, total: bool) -> None:
    from extract.settings import TOTAL_ROW
    from normalize.text import fold

    assert bool(TOTAL_ROW.match(fold(label))) is total


@pytest.mark.parametrize(
    ("top", "sub", "merged"),
    [
        # the one grouping header
        (
            ["STT", "Nội dung", "Kết quả đánh giá", "Cơ quan chủ trì"],
            ["Năm 2022", "Năm 2023"],
            ["STT", "Nội dung", "Kết quả đánh giá / Năm 2022", "Kết quả đánh giá / Năm 2023", "Cơ quan chủ trì"],
        ),
        # "Chỉ tiêu" names the rows; the later "Kết quả" groups the years
        (
            ["STT", "Chỉ tiêu", "Kết quả", "Ghi chú"],
            ["2023", "2024"],
            ["STT", "Chỉ tiêu", "Kết quả / 2023", "Kết quả / 2024", "Ghi chú"],
        ),
        # the money is split, not the year column before it
        (
            ["TT", "Nội dung", "Năm thực hiện", "Kinh phí"],
            ["Tổng số", "Ngân sách tỉnh"],
            ["TT", "Nội dung", "Năm thực hiện", "Kinh phí / Tổng số", "Kinh phí / Ngân sách tỉnh"],
        ),
        # no grouping words: the header that can stand over columns, not the units after it
        (
            ["STT", "Nội dung", "Số liệu", "Đơn vị chủ trì"],
            ["2022", "2023"],
            ["STT", "Nội dung", "Số liệu / 2022", "Số liệu / 2023", "Đơn vị chủ trì"],
        ),
        # money before a time column: "Tổng / NSTW" are money, not the time column's
        (
            ["STT", "Nội dung", "Kinh phí", "Tiến độ thực hiện", "Ghi chú"],
            ["Tổng", "NSTW"],
            ["STT", "Nội dung", "Kinh phí / Tổng", "Kinh phí / NSTW", "Tiến độ thực hiện", "Ghi chú"],
        ),
        # start and end under the time column, not under the money after it
        (
            ["STT", "Nội dung", "Thời gian thực hiện", "Kinh phí"],
            ["Bắt đầu", "Kết thúc"],
            ["STT", "Nội dung", "Thời gian thực hiện / Bắt đầu", "Thời gian thực hiện / Kết thúc", "Kinh phí"],
        ),
    ],
    ids=["one group", "name column first", "money after year", "no words", "money then time", "time then money"],
)
def test_merge_header_rows_puts_the_sub_columns_under_their_parent(top, sub, merged):
    assert merge_header_rows([top, sub]) == merged


def test_the_code_fingerprint_covers_the_rules_but_not_the_runners() -> None:
    from extract.pipeline import RUNNER_MODULES, fingerprinted_sources

    root = Path(__file__).resolve().parents[1]
    hashed = {p.relative_to(root).as_posix() for p in fingerprinted_sources()}
    for rule in ("extract/columns.py", "extract/html/dom.py", "normalize/repair/confidence.py", "schemas/tables.py"):
        assert rule in hashed
    assert "extract/batch.py" in hashed  # it writes the failure rows
    assert {"extract/cli.py", "extract/progress.py", "normalize/repair/cli.py"} <= RUNNER_MODULES
    assert "extract/cli.py" not in hashed
    assert all((root / m).is_file() for m in RUNNER_MODULES)  # a renamed runner must be renamed here too
