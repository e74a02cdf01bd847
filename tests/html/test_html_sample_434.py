"""The sample plan rendered as a Word-export LawNet page: no letter lost, same text as the
hand-repaired dump; a reader that drops single-letter runs gets the damaged dump back."""

from __future__ import annotations

import pytest
from html_fixture_tools import (
    DAMAGE,
    REPAIRED,
    SEED,
    damaged_text,
    fixture,
    flatten,
    lossy_read,
    page_lines,
)

from extract.html import read_html
from extract.page import RawPage

ATTRIBUTES = [
    ("Số hiệu", "434/KH-UBND"),
    ("Loại văn bản", "Kế hoạch"),
    ("Nơi ban hành", "Tỉnh Đắk Nông"),
    ("Người ký", "Lê Văn Chiến"),
    ("Ngày ban hành", "27/07/2022"),
    ("Ngày hiệu lực", "Đã biết"),
    ("Ngày công báo", "Đang cập nhật"),
    ("Số công báo", "Đang cập nhật"),
    ("Tình trạng", "Đã biết"),
]
TITLE = ("Kế hoạch 434/KH-UBND về cải thiện, nâng cao chỉ số cải cách hành chính "
         "(PAR INDEX) tỉnh Đắk Nông năm 2022")


@pytest.fixture(scope="module")
def page() -> RawPage:
    return read_html(fixture("sample_434_utf8.html"))


def test_repaired_copy_differs_from_seed_only_at_listed_places() -> None:
    rows = DAMAGE.read_text(encoding="utf-8").strip("\n").split("\n")
    assert rows[0].split("\t")[:4] == ["line", "repaired_line", "damaged", "repaired"]
    assert len(rows) - 1 == 42  # damaged words
    assert len({(r.split("\t")[0], r.split("\t")[4]) for r in rows[1:]}) == 38  # places
    assert damaged_text() == SEED.read_text(encoding="utf-8")
    assert "cấp tình" in REPAIRED.read_text(encoding="utf-8")  # the author's typo stays


def test_text_blocks_equal_repaired_dump_lines(page: RawPage) -> None:
    expected = page_lines(REPAIRED.read_text(encoding="utf-8"), "ỦY BAN NHÂN DÂN", "Văn bản gốc")
    assert flatten(page) == expected


def test_blocks_start_at_header_and_end_with_appendix_table(page: RawPage) -> None:
    texts = [b.text for b in page.blocks[:8]]
    assert texts == [
        "ỦY BAN NHÂN DÂN", "TỈNH ĐẮK NÔNG", "-------",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
        "Số: 434/KH-UBND", "Đắk Nông, ngày 27 tháng 7 năm 2022",
    ]
    assert page.blocks[-1].table is not None
    assert [b.text for b in page.blocks[-4:-1]] == [
        "PHỤ LỤC",
        "NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC TỈNH ĐẮK NÔNG NĂM 2022",
        "(Ban hành kèm theo Kế hoạch số: 435/KH-UBND ngày 27/7/2022 của Chủ tịch UBND tỉnh "
        "Đắk Nông)",
    ]
    assert sum(1 for b in page.blocks if b.table is not None) == 1
    all_text = "\n".join(flatten(page))
    for clutter in ("Bạn Chưa Đăng Nhập", "Tư vấn liên quan", "{{", "LawNet", "Tra cứu nhanh"):
        assert clutter not in all_text


def test_signature_layout_table_is_text_blocks(page: RawPage) -> None:
    texts = [b.text for b in page.blocks]
    i = texts.index("Nơi nhận:")
    assert texts[i + 1:i + 4] == ["- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;",
                                  "- Ủy ban MTTQVN tỉnh;"]
    assert texts[i + 11:i + 14] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Chiến"]


def test_appendix_grid(page: RawPage) -> None:
    table = page.blocks[-1].table
    assert table is not None and table.bordered
    assert len(table.rows) == 121 and {len(r) for r in table.rows} == {7}
    assert [c.text for c in table.rows[0]] == [
        "STT", "Lĩnh Vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm 2021 đạt được",
        "Mục tiêu năm 2022", "Nhiệm vụ/giải pháp", "Đơn vị chủ trì",
    ]
    assert [c.text for c in table.rows[1]] == [
        "1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "8,5", "7,46", "8", "", ""]
    row = next(r for r in table.rows if r[0].text == "2.1.1")
    assert row[5].paragraphs == (
        "Thực hiện đầy đủ 03 hoạt động theo dõi tình hình thi hành pháp luật theo đúng quy "
        "định tại Nghị định số 59/2012/NĐ-CP, Nghị định số 32/2020/NĐ-CP và các văn bản "
        "hướng dẫn thi hành, cụ thể như sau:",
        "- Thực hiện thu thập thông tin về tình hình thi hành pháp luật.",
        "- Thực hiện công tác kiểm tra tình hình thi hành pháp luật.",
        "- Thực hiện hoạt động điều tra, khảo sát tình hình thi hành pháp luật.",
    )
    assert [c.text for c in table.rows[-1]] == ["", "TỔNG ĐIỂM", "100", "86,26", "89,93", "", ""]
    restored = next(r for r in table.rows if r[0].text == "7.1")
    assert restored[1].text == "Ứng dụng công nghệ thông tin (CNTT) của tỉnh"
    assert next(r for r in table.rows if r[0].text == "6.1.1")[3].text == "0,8791"


def test_attributes_and_title(page: RawPage) -> None:
    assert page.attributes == ATTRIBUTES
    assert page.page_title == TITLE
    assert page.source_form == "html" and page.encoding == "utf-8"


def test_dropping_single_letter_runs_reproduces_damaged_dump() -> None:
    damaged = lossy_read(fixture("sample_434_utf8.html"))
    assert flatten(damaged) == page_lines(damaged_text(), "ỦY BAN NHÂN DÂN", "Văn bản gốc")
    texts = [b.text for b in damaged.blocks]
    assert "- Ủy ban MTTQVN t" in texts and "nh;" in texts  # the letter became a line break


def test_utf16_word_export_reads_the_same(page: RawPage) -> None:
    data = fixture("sample_434_utf16.html")
    assert data[:2] == b"\xff\xfe" and b"c\x00h\x00a\x00r\x00s\x00e\x00t\x00=\x00u\x00n\x00i" \
        b"\x00c\x00o\x00d\x00e\x00" in data
    other = read_html(data)
    assert other.encoding == "utf-16-le"
    assert other.blocks == page.blocks
    assert other.attributes == page.attributes
