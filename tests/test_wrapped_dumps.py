"""Text dumps whose converter wrapped the header's lines (html2text, lynx, w3m wrap at a width):
a motto, an issuing body, a place and date, or a title's line cut in two must read as if whole."""

from __future__ import annotations

from datetime import date

import pytest

from extract.header import find_head
from tests.conftest import run_text

_WRAPPED = (
    "Trang chủ\nỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n--------\n**CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 2638/QĐ-UBND\nThành phố Đà\nNẵng, ngày 18 tháng 11 năm"
    " 2025\n\nQUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 636/QĐ-UBND NGÀY 17/3/2025 CỦA\nCHỦ TỊCH UBND TỈNH QUẢNG NAM"
    " VỀ VIỆC MUA SẮM\nTRANG THIẾT BỊ DẠY HỌC\nỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\nCăn cứ Luật Tổ chức\n"
    "chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Bãi bỏ Quyết định số"
    " 636/QĐ-UBND của Ủy ban nhân dân tỉnh Quảng Nam.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n"
)


def test_a_header_wrapped_by_a_converter_reads_as_if_whole() -> None:
    doc = run_text(_WRAPPED, "da-nang.txt").tables["documents"][0]
    assert doc["source_form"] == "text"
    assert (doc["issuing_body"], doc["issuer"], doc["number"], doc["doc_type"]) == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG",
        "Thành phố Đà Nẵng",
        "2638/QĐ-UBND",
        "Quyết định",
    )
    assert (doc["place"], doc["issued_date"]) == ("Thành phố Đà Nẵng", date(2025, 11, 18))
    # the title's first line stops on "CỦA": the authority-looking line after it is its object
    assert doc["title"] == (
        "BÃI BỎ QUYẾT ĐỊNH SỐ 636/QĐ-UBND NGÀY 17/3/2025 CỦA CHỦ TỊCH UBND TỈNH QUẢNG NAM VỀ VIỆC MUA SẮM"
        " TRANG THIẾT BỊ DẠY HỌC"
    )


def test_an_authority_line_right_before_the_grounds_still_ends_the_title() -> None:
    page = _WRAPPED.replace(
        "BÃI BỎ QUYẾT ĐỊNH SỐ 636/QĐ-UBND NGÀY 17/3/2025 CỦA\nCHỦ TỊCH UBND TỈNH QUẢNG NAM VỀ VIỆC MUA SẮM\n"
        "TRANG THIẾT BỊ DẠY HỌC\nỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\n",
        "VỀ VIỆC TẶNG BẰNG KHEN CỦA\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ\n",
    )
    doc = run_text(page, "da-nang.txt").tables["documents"][0]
    assert doc["title"] == "VỀ VIỆC TẶNG BẰNG KHEN CỦA"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["BỘ TÀI CHÍNH", "**CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Số: 1/QĐ-BTC"], 1),
        (["BỘ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Số: 1/QĐ-BTC"], 1),
        # a line of the issuing body above the motto's own line is not a part of it
        (["ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/QĐ-UBND"], 2),
        # a sentence that names the Republic over two lines is no motto
        (["Quốc huy nước Cộng hòa", "xã hội chủ nghĩa Việt Nam được treo"], None),
    ],
)
def test_a_motto_wrapped_over_two_lines_heads_the_document(lines: list[str], expected: int | None) -> None:
    assert find_head(lines)[0] == expected


def test_a_damaged_issuing_body_is_put_back_before_its_issuer_is_named() -> None:
    page = _WRAPPED.replace("ỦY\nBAN NHÂN DÂN\n", "Y BAN NHÂN DÂN\n")
    result = run_text(page, "da-nang.txt", repair=True)
    doc = result.tables["documents"][0]
    assert (doc["issuing_body"], doc["issuer"]) == ("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG", "Thành phố Đà Nẵng")
    # recorded in each field the header line ended in
    fixed = [(r["location_column"], r["after"], r["applied"]) for r in result.tables["repairs"] if r["before"] == "Y"]
    assert fixed == [("issuing_body", "ỦY", True), ("body_text", "ỦY", True)]


def test_a_damaged_line_of_the_issuing_body_is_put_back_before_its_issuer_is_named() -> None:
    # "BỘ NỘI VỤ" lost the "Ụ": already a body's line, but the issuer is named from its letters
    page = _WRAPPED.replace("ỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n", "BỘ NỘI V\n").replace(
        "Bãi bỏ Quyết định", "Bộ Nội vụ bãi bỏ Quyết định"
    )
    result = run_text(page, "bo-noi-vu.txt", repair=True)
    doc = result.tables["documents"][0]
    assert (doc["issuing_body"], doc["issuer"]) == ("BỘ NỘI VỤ", "Bộ Nội vụ")
    assert run_text(page, "bo-noi-vu.txt").tables["documents"][0]["issuer"] == "Bộ Nội V"  # repair off


def test_attribute_labels_alone_on_their_lines_take_the_value_below() -> None:
    # the site's attribute table copied one cell per line (and, from a Markdown dump, in bold)
    block = (
        "**Số hiệu:**\n\n2638/QĐ-UBND\n\n**Loại văn bản:**\n\nQuyết định\n\nNơi ban hành:\nThành phố Đà Nẵng\n"
        "Người ký:\nPhạm Đức Ấn\n**\nNgày hiệu lực:**\n\nĐã biết\n\nSố công báo:\n\nTình trạng:\nĐã biết\n"
    )
    doc = run_text(block + _WRAPPED, "da-nang.txt").tables["documents"][0]
    assert (doc["number"], doc["doc_type"], doc["issuer"], doc["signer"]) == (
        "2638/QĐ-UBND",
        "Quyết định",
        "Thành phố Đà Nẵng",
        "Phạm Đức Ấn",
    )
    # a placeholder is kept as printed; a label with nothing under it but the next label is empty
    assert (doc["effective_date_raw"], doc["gazette_number_raw"], doc["status_raw"]) == ("Đã biết", None, "Đã biết")


_PLAIN_HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 12/QĐ-UBND\n{above}Quảng Nam, ngày 12 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n{title}\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Giao biên chế.\n"
)


@pytest.mark.parametrize("above", ["Dự thảo\n", "Khẩn\n", "Kính gửi\n", "Về việc báo cáo\n", "Hạnh phúc\n", ""])
def test_a_line_above_a_whole_date_line_is_no_part_of_the_place(above: str) -> None:
    page = _PLAIN_HEADER.format(above=above, title="VỀ VIỆC GIAO BIÊN CHẾ")
    doc = run_text(page, "quang-nam.txt").tables["documents"][0]
    assert (doc["place"], doc["issued_date"]) == ("Quảng Nam", date(2024, 3, 12))


def test_a_blank_date_is_not_taken_from_the_line_after_it() -> None:
    page = _PLAIN_HEADER.format(above="", title="VỀ VIỆC GIAO BIÊN CHẾ").replace(
        "Quảng Nam, ngày 12 tháng 3 năm 2024\n", "Quảng Nam, ngày     tháng     năm 2024\nDỰ THẢO NGÀY 05/01/2024\n"
    )
    doc = run_text(page, "quang-nam.txt").tables["documents"][0]
    # the place is printed whole before the blank date (session 17: it is kept)
    assert (doc["place"], doc["issued_date"]) == ("Quảng Nam", None)


def test_a_title_that_may_end_on_its_word_stops_at_the_authority_and_its_session() -> None:
    title = "VỀ VIỆC GIAO BIÊN CHẾ CÔNG CHỨC\nHỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NAM\nKHÓA X\nKỲ HỌP THỨ 20"
    doc = run_text(_PLAIN_HEADER.format(above="", title=title), "quang-nam.txt").tables["documents"][0]
    assert doc["title"] == "VỀ VIỆC GIAO BIÊN CHẾ CÔNG CHỨC"


@pytest.mark.parametrize(
    ("date_lines", "place", "issued"),
    [
        ("Thành\nphố Hồ Chí Minh, ngày 25 tháng 11 năm 2025", "Thành phố Hồ Chí Minh", date(2025, 11, 25)),
        ("Hà Tĩnh, ngày\n01 tháng12 năm 2025", "Hà Tĩnh", date(2025, 12, 1)),  # and a number glued to "tháng"
    ],
)
def test_a_date_line_wrapped_inside_its_place_or_its_date_is_read_whole(
    date_lines: str, place: str, issued: date
) -> None:
    page = _PLAIN_HEADER.format(above="", title="VỀ VIỆC GIAO BIÊN CHẾ").replace(
        "Quảng Nam, ngày 12 tháng 3 năm 2024", date_lines
    )
    doc = run_text(page, "wrapped-date.txt").tables["documents"][0]
    assert (doc["place"], doc["issued_date"]) == (place, issued)
