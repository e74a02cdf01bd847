"""The header walk shared by the readers: from the motto back over the issuing body's lines."""

from __future__ import annotations

import pytest

from extract.header import find_head, header_start, is_header_line


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("ỦY BAN NHÂN DÂN", True),
        ("TỈNH ĐẮK NÔNG", True),
        ("-------", True),
        ("*", True),  # the Party's rule
        ("ĐẢNG BỘ TỈNH ĐẮK NÔNG", True),
        ("Trang chủ", False),  # the site's navigation, not in capitals
        ("SỐ HIỆU: 434/KH-UBND", False),  # an attribute of the site's block
        ("VĂN BẢN GỐC", False),  # a tab title
        ("THƯ VIỆN PHÁP LUẬT", False),  # the site's banner, short as it is
        ("LUẬT", False),  # a type word alone: the site's menu
        ("THƯ VIỆN PHÁP LUẬT - CƠ SỞ DỮ LIỆU VĂN BẢN QUY PHẠM PHÁP LUẬT CỦA TRUNG ƯƠNG VÀ ĐỊA PHƯƠNG", False),
    ],
)
def test_is_header_line(line: str, header: bool) -> None:
    assert is_header_line(line) is header


def test_the_walk_takes_the_issuing_body_and_its_rule_across_blank_lines() -> None:
    lines = ["Trang chủ", "Tin mới", "ỦY BAN NHÂN DÂN", "", "TỈNH X", "", "-------", ""]
    lines.append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert header_start(lines, 8) == 2


def test_the_walk_stops_at_a_table_block_and_at_the_window() -> None:
    assert header_start(["ỦY BAN NHÂN DÂN", None, "TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], 3) == 2
    far = ["ỦY BAN NHÂN DÂN"] + [""] * 8 + ["TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert header_start(far, 10) == 9  # the first line is 10 lines above: past the window


def test_a_motto_at_the_top_is_its_own_start() -> None:
    assert header_start(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], 0) == 0


_HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 88/QĐ-UBND", "QUYẾT ĐỊNH"]
_BODY = ["QUY ĐỊNH VỀ LIÊN THÔNG", "Căn cứ Luật Tổ chức Chính phủ;", "Điều 1. Phạm vi", "Nội dung.", "Điều 2. Hiệu lực"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (_HEADER, (2, None)),
        (["THÔNG TƯ", "QUYẾT ĐỊNH", "Điều 1. Ban hành kế hoạch", *_HEADER], (5, None)),  # menu, contents
        (["QUYẾT ĐỊNH", "Tóm tắt", "Căn cứ vào quyết định này, các sở triển khai.", *_HEADER], (5, None)),  # summary
        # a form annexed to a page that lost its header
        (["NGHỊ ĐỊNH", *_BODY, "Nơi nhận:", "Mẫu số 01", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], (None, 0)),
        (["NGHỊ ĐỊNH", *_BODY], (None, 0)),
        (["THÔNG BÁO", "Hôm nay trời đẹp."], (None, None)),
    ],
)
def test_find_head_tells_the_documents_header_from_the_sites_headings(
    lines: list[str], expected: tuple[int | None, int | None]
) -> None:
    assert find_head(lines) == expected
