"""A second, smaller plan (another province, I/1/a)/- numbering, merged cells) in UTF-8,
Windows-1258 with decomposed tone marks, and with no declared charset."""

from __future__ import annotations

import pytest
from html_fixture_tools import fixture

from extract.html import read_html
from extract.page import Cell, RawPage

HEADER_TOP = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
              "Kết quả đánh giá", "Kết quả đánh giá", "Kết quả đánh giá"]
HEADER_SUB = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
              "Năm 2024", "Năm 2025", "Năm 2026"]
GRID = [
    HEADER_TOP,
    HEADER_SUB,
    ["I"] + ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH"] * 7,
    ["1", "Rà soát, đơn giản hóa thủ tục hành chính", "Sở Nội vụ", "Các sở, ngành",
     "Quý IV/2024", "8,5", "9", "9,5"],
    ["a)", "Công bố danh mục thủ tục\nCập nhật Cơ sở dữ liệu quốc gia", "Sở Nội vụ",
     "Văn phòng UBND tỉnh", "Hằng năm", "0,75", "", "1"],
    ["-", "Địa chỉ một của Ứng dụng", "Sở Nội vụ", "", "2025", "26.120", "0,8791", ""],
    ["II"] + ["HIỆN ĐẠI HÓA HÀNH CHÍNH"] * 7,
    ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
     "Sở Thông tin và Truyền thông", "UBND cấp huyện", "2024-2026", "1", "1,5", "2"],
]
TEXT = [
    "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 58/KH-UBND",
    "Quảng Trị, ngày 15 tháng 3 năm 2024", "KẾ HOẠCH",
    "THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2024-2026", "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích", "a) Nâng cao Chỉ số hài lòng của người dân, tổ chức.",
    "- Bảo đảm 100% hồ sơ được giải quyết đúng hạn.", "II. NHIỆM VỤ, GIẢI PHÁP",
    "Chi tiết tại Phụ lục kèm theo; kinh phí 26.120 triệu đồng, mục tiêu đạt 8,5 điểm.",
    "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Võ Văn Hưng",
    "PHỤ LỤC", "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
]
ATTRIBUTES = [
    ("Số hiệu", "58/KH-UBND"), ("Loại văn bản", "Kế hoạch"),
    ("Cơ quan ban hành", "Tỉnh Quảng Trị"), ("Người ký", "Hoàng Nam"),
    ("Ngày ban hành", "15/03/2024"), ("Ngày có hiệu lực", "Đã biết"),
    ("Ngày công báo", "Đang cập nhật"), ("Số công báo", "{{m.SoCongBao}}"),
    ("Tình trạng hiệu lực", "Hết hiệu lực một phần"),
]


@pytest.fixture(scope="module")
def utf8() -> RawPage:
    return read_html(fixture("plan2_utf8.html"))


def test_text_blocks(utf8: RawPage) -> None:
    assert [b.text for b in utf8.blocks[:-1]] == TEXT


def test_grid_with_merged_cells(utf8: RawPage) -> None:
    table = utf8.blocks[-1].table
    assert table is not None and table.bordered
    assert [[c.text for c in row] for row in table.rows] == GRID


def test_span_origins(utf8: RawPage) -> None:
    rows = utf8.blocks[-1].table.rows  # type: ignore[union-attr]
    assert rows[0][5] == Cell(("Kết quả đánh giá",)) and rows[0][7].span_origin == (0, 5)
    assert [c.span_origin for c in rows[1][:5]] == [(0, 0), (0, 1), (0, 2), (0, 3), (0, 4)]
    # the lead unit spans three rows: every row gets it, marked as a copy
    assert [rows[r][2] for r in (3, 4, 5)] == [
        Cell(("Sở Nội vụ",)), Cell(("Sở Nội vụ",), (3, 2)), Cell(("Sở Nội vụ",), (3, 2))]
    assert rows[4][1].paragraphs == ("Công bố danh mục thủ tục",
                                     "Cập nhật Cơ sở dữ liệu quốc gia")
    assert rows[4][6].is_empty and rows[4][6].paragraphs == ()


def test_attributes(utf8: RawPage) -> None:
    assert utf8.attributes == ATTRIBUTES
    assert utf8.page_title is not None and utf8.page_title.startswith("Kế hoạch 58/KH-UBND")


@pytest.mark.parametrize("name", ["plan2_windows1258.html", "plan2_nocharset.html"])
def test_windows_1258_composes_tone_marks(utf8: RawPage, name: str) -> None:
    data = fixture(name)
    assert "Quảng".encode() not in data
    assert "Qua\u0309ng".encode("cp1258") in data  # base letter, then the tone mark
    page = read_html(data)
    assert page.encoding == "windows-1258"
    assert page.blocks == utf8.blocks
    assert page.attributes == utf8.attributes
