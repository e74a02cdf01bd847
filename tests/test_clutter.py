"""Site clutter: one list of phrases (extract/settings.py), judged per line in text dumps and per
element in HTML pages; words a document also writes inside a sentence never cut it short."""

from __future__ import annotations

import lxml.html
import pytest

from extract.html.dom import is_clutter as is_clutter_element
from extract.readers.text import is_clutter as is_clutter_line

CLUTTER = [
    "Bạn Chưa Đăng Nhập Tài khoản!",  # a site notice at the start of a line
    "Vì chưa Đăng Nhập nên Bạn chỉ xem được Thuộc tính của Văn bản.",
    "LawNet - Thư viện pháp luật",
    "Bản dịch này thuộc quyền sở hữu của LawNet.",
    "Văn bản gốc",  # tab titles, alone
    "Bài viết liên quan",
    "Tư vấn liên quan:",
    "Tải về",  # navigation words, alone
    "Chia sẻ",
    "Đăng ký tài khoản",
    "THƯ VIỆN PHÁP LUẬT",  # the site's banner in capitals (it would pass for an issuing body)
    "{{ doc.title }}",  # a template placeholder
    "Văn bn gốc",  # saved text that lost a letter: still the site's
    "Bn Chưa Đăng Nhập Tài khoản!",
]
DOCUMENT = [
    "Chia sẻ dữ liệu giữa các cơ quan nhà nước theo quy định.",
    "Đăng ký tài khoản định danh điện tử cho công dân trên địa bàn tỉnh.",
    "Tải về máy tính các biểu mẫu theo hướng dẫn của Sở Nội vụ.",
    "Đối chiếu với văn bản gốc khi cần thiết.",
    "Văn bản được đăng tại thuvienphapluat.vn và Cổng thông tin điện tử tỉnh.",
    "Văn bản gốc của Quyết định số 12/QĐ-UBND.",
]


@pytest.mark.parametrize("line", CLUTTER)
def test_a_clutter_line_is_clutter_in_both_readers(line: str) -> None:
    assert is_clutter_line(line)
    assert is_clutter_element(lxml.html.fragment_fromstring(f"<div><span>{line}</span></div>"))


@pytest.mark.parametrize("line", DOCUMENT)
def test_a_document_line_is_not_clutter_in_either_reader(line: str) -> None:
    assert not is_clutter_line(line)
    assert not is_clutter_element(lxml.html.fragment_fromstring(f"<p>{line}</p>"))


def test_a_navigation_word_is_clutter_only_as_the_whole_line() -> None:
    assert is_clutter_line("Từ khóa")
    assert not is_clutter_line("Từ khóa tìm kiếm được chuẩn hóa theo quy định.")
    assert not is_clutter_element(lxml.html.fragment_fromstring("<p>Từ khóa tìm kiếm được chuẩn hóa.</p>"))


def test_a_short_element_with_a_tab_title_among_others_is_clutter() -> None:
    tabs = lxml.html.fragment_fromstring("<ul><li>Nội dung</li><li>Văn bản gốc</li><li>Lược đồ</li></ul>")
    assert is_clutter_element(tabs)


def test_a_damaged_tab_title_after_the_last_cell_stays_out_of_it() -> None:
    from tests.conftest import run_text, text_table

    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/KH-UBND\n\n"
        "Cà Mau, ngày 5 tháng 3 năm 2019\n\nKẾ HOẠCH\n\nCẢI CÁCH HÀNH CHÍNH NĂM 2019\n\nPHỤ LỤC\n\n"
        + text_table(
            ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"),
            ("1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý II"),
            ("2", "Tuyên truyền cải cách hành chính", "Sở Nội vụ", "Năm 2019"),
        )
        + "\n\nVăn bn gốc\n\n(Không có nội dung)\n"
    )
    rows = run_text(page, "ca-mau.txt").tables["appendix_rows"]
    assert [(r["row_id"], r["deadline"]) for r in rows] == [("1", "Quý II"), ("2", "Năm 2019")]
