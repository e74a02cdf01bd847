"""Session-16 fixes: text dumps of score tables whose last column (the lead unit) is merged down
over sub-rows, so that a row's last figure and the next row number stand side by side."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import markdown_row, markdown_table, run_text
from tests.test_probe_round14 import FOOTER, HEADER, TITLE, TOP, _rows, _without_blank_lines
from tests.test_probe_round15 import _MD_DOCUMENT as _MD_HEAD

_DUMP_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 12/KH-UBND\n\nPhú Yên, ngày 10 tháng 3 năm 2024\n\n"
    "KẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024\n\nI. MỤC TIÊU\n\nNâng cao Chỉ số CCHC năm 2024./.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn A\n\n"
    "PHỤ LỤC\n\nBẢNG ĐIỂM\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2024 của UBND tỉnh Phú Yên)\n\n"
)
_HEADER = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Mục tiêu năm 2024", "Đơn vị chủ trì")


def _dump(*cells: str, header: tuple[str, ...] = _HEADER) -> dict[str, list[dict]]:
    """A text dump's table: one cell per line, a blank line between cells."""
    return run_text(_DUMP_HEAD + "\n\n".join((*header, *cells)) + "\n").tables


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


def _merged_lead(target_1: str, target_a: str) -> tuple[str, ...]:
    """Row 1 with its lead unit merged down over its sub-rows a) and b) (which print no unit cell),
    then row 2; the targets of row 1 and of a) as given."""
    return (
        "1", "Cơ sở vật chất", "2", "1,75", target_1, _UNIT,
        "a)", "Nơi ngồi chờ", "1", "1", target_a,
        "b)", "Trang thiết bị tra cứu", "1", "0,75", "1",
        "2", "Thông tin hướng dẫn", "2", "2", "2", "Sở Nội vụ",
    )  # fmt: skip


def test_a_last_figure_1_under_a_sub_row_does_not_start_the_numbering_again() -> None:
    # "a) | Nơi ngồi chờ | 1 | 1 | 1": the last 1 had been read as row 1 again (a restart), and
    # "b)" became its name, with duplicate_row_id and false sums
    tables = _dump(*_merged_lead(target_1="2", target_a="1"))
    assert [row[0] for row in _scores(tables)] == ["1", "1.a", "1.b", "2"]
    assert _scores(tables)[1] == ("1.a", "Nơi ngồi chờ", Decimal(1), Decimal(1), Decimal(1), [])
    assert _codes(tables) == ["short_row", "short_row"]


def test_a_row_number_where_a_merged_lead_unit_stands_opens_the_next_row() -> None:
    # "b) | ... | 1 | 0,75 | 1 | 2 | Thông tin hướng dẫn": the lead unit's cell is merged from row
    # 1, and a unit is never a bare 2; row 2 had been swallowed into row b)'s lead units
    tables = _dump(*_merged_lead(target_1="1,5", target_a="0,5"), " ", "TỔNG ĐIỂM", "4", "3,75", "3,5", " ")
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


_SCORES = ("Chuyển đổi nhận thức", "50", "38,5", "45", "Sở Thông tin và Truyền thông",
           "1.1", "Đánh giá nhận thức số", "20", "15,5", "18", "Sở Thông tin và Truyền thông",
           "1.2", "Tuyên truyền chuyển đổi số", "30", "23", "27", "Sở Thông tin và Truyền thông",
           "2", "Kiến tạo thể chế số", "40", "30", "36", "Sở Tư pháp")  # fmt: skip


def _totals(tables: dict[str, list[dict]]) -> tuple:
    document = tables["documents"][0]
    return document["total_max_score"], document["total_achieved_score"], document["total_target_score"]


def test_a_total_label_in_the_number_cell_before_an_empty_name_cell_keeps_its_figures() -> None:
    # "TỔNG ĐIỂM | ␠ | 90 | 68,5 | 81 | ␠": as many cells as the header; the figures had moved one
    # column right (no maximum, 90 achieved) with two false total_mismatch errors
    tables = _dump("1", *_SCORES, "TỔNG ĐIỂM", " ", "90", "68,5", "81", " ")
    assert _totals(tables) == (Decimal(90), Decimal("68.5"), Decimal(81))
    assert [row[0] for row in _scores(tables)] == ["1", "1.1", "1.2", "2"]
    assert _codes(tables) == []


def test_a_total_printed_first_with_its_label_in_the_number_cell_keeps_the_table() -> None:
    # the same total right under the header had been read as a header cell: rows "81", "18", "36"
    tables = _dump("TỔNG ĐIỂM", " ", "90", "68,5", "81", " ", "1", *_SCORES)
    assert _totals(tables) == (Decimal(90), Decimal("68.5"), Decimal(81))
    assert _scores(tables)[0] == (
        "1", "Chuyển đổi nhận thức", Decimal(50), Decimal("38.5"), Decimal(45), ["Sở Thông tin và Truyền thông"]
    )  # fmt: skip
    assert [row[0] for row in _scores(tables)] == ["1", "1.1", "1.2", "2"]
    assert _codes(tables) == []


def test_a_total_label_across_the_number_and_name_cells_keeps_its_figures_at_the_top_or_the_end() -> None:
    # "TỔNG ĐIỂM | 90 | 68,5 | 81 | ␠", one cell fewer than the header: at the end it was read so
    # already; at the top it had been read as header cells
    for cells in (
        ("TỔNG ĐIỂM", "90", "68,5", "81", " ", "1", *_SCORES),
        ("1", *_SCORES, "TỔNG ĐIỂM", "90", "68,5", "81"),
    ):
        tables = _dump(*cells)
        assert _totals(tables) == (Decimal(90), Decimal("68.5"), Decimal(81))
        assert [row[0] for row in _scores(tables)] == ["1", "1.1", "1.2", "2"]


_TASKS = ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú")
_COLUMN_NUMBERS = ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)")
_ROW_1 = ("1", "Rà soát hộ nghèo", "Sở Lao động - Thương binh và Xã hội", "UBND cấp huyện", "Quý IV/2022", "Hằng năm")
_ROW_2 = ("2", "Hỗ trợ sinh kế", "Sở Nông nghiệp và Phát triển nông thôn", "UBND các huyện", "2022-2025", " ")
_ROW_3 = ("3", "Hỗ trợ việc làm bền vững", "Sở Lao động - Thương binh và Xã hội", "Ngân hàng Chính sách xã hội",
          "2022-2025", " ")  # fmt: skip


def _tasks(tables: dict[str, list[dict]]) -> list[tuple]:
    return [(r["row_id"], r["parent_id"], r["name"]) for r in tables["appendix_rows"]]


def test_a_group_title_under_the_column_numbers_opens_the_rows() -> None:
    # "(1) | ... | (6)" then "I. CÁC NHIỆM VỤ CHUNG" in one cell: the numbers were taken for more
    # header cells (13 columns), the groups lost, every row short
    tables = _dump(*_COLUMN_NUMBERS, "I. CÁC NHIỆM VỤ CHUNG", *_ROW_1, *_ROW_2, "II. CÁC DỰ ÁN THÀNH PHẦN", *_ROW_3,
                   header=_TASKS)  # fmt: skip
    assert _tasks(tables) == [
        ("I", None, "CÁC NHIỆM VỤ CHUNG"),
        ("I.1", "I", "Rà soát hộ nghèo"),
        ("I.2", "I", "Hỗ trợ sinh kế"),
        ("II", None, "CÁC DỰ ÁN THÀNH PHẦN"),
        ("II.3", "II", "Hỗ trợ việc làm bền vững"),
    ]
    assert tables["appendix_cells"] == []
    assert _codes(tables) == []


def test_two_group_titles_right_under_the_header_are_rows() -> None:
    # "A. NHIỆM VỤ TRỌNG TÂM" then "I. CÁC NHIỆM VỤ CHUNG", one cell each: both had become headers
    tables = _dump("A. NHIỆM VỤ TRỌNG TÂM", "I. CÁC NHIỆM VỤ CHUNG", *_ROW_1, *_ROW_2, header=_TASKS)
    assert _tasks(tables) == [
        ("A", None, "NHIỆM VỤ TRỌNG TÂM"),
        ("A.I", "A", "CÁC NHIỆM VỤ CHUNG"),
        ("A.I.1", "A.I", "Rà soát hộ nghèo"),
        ("A.I.2", "A.I", "Hỗ trợ sinh kế"),
    ]
    assert _codes(tables) == []


def test_the_column_numbers_printed_again_after_a_page_break_are_no_rows() -> None:
    # with the header: row 3 had been lost to the text after the table; alone: rows "1" to "5"
    for again in ((*_TASKS, *_COLUMN_NUMBERS), _COLUMN_NUMBERS):
        tables = _dump(*_COLUMN_NUMBERS, *_ROW_1, *_ROW_2, *again, *_ROW_3, header=_TASKS)
        assert _tasks(tables) == [
            ("1", None, "Rà soát hộ nghèo"),
            ("2", None, "Hỗ trợ sinh kế"),
            ("3", None, "Hỗ trợ việc làm bền vững"),
        ]
        assert tables["appendix_rows"][2]["lead_units"] == ["Sở Lao động - Thương binh và Xã hội"]
        assert _codes(tables) == []


def test_a_score_header_that_lost_a_letter_of_its_first_word_keeps_its_role() -> None:
    # "Đim 2021 đạt được" (the sample's "Điểm 2021 đạt được"): the achieved scores had been cells
    header = ("STT", "Tiêu chí", "Điểm chuẩn", "Đim 2021 đạt được", "Mục tiêu năm 2022", "Đơn vị chủ trì")
    tables = _dump("1", *_SCORES, header=header)
    assert _scores(tables)[0] == (
        "1", "Chuyển đổi nhận thức", Decimal(50), Decimal("38.5"), Decimal(45), ["Sở Thông tin và Truyền thông"]
    )  # fmt: skip
    assert tables["documents"][0]["achieved_year"] == 2021
    assert tables["appendix_cells"] == []


def test_a_repair_in_an_appendix_names_its_appendix() -> None:
    # two appendices each with a row 1: the repair of appendix II's row 1 had only row_id "1"
    first = "\n\n".join((*_HEADER, "1", *_SCORES))
    second = "\n\n".join(_TASKS + ("1", "Kiểm tra nghip vụ công chức", "Sở Nội vụ", "Các sở", "Quý IV/2022", " "))
    page = _DUMP_HEAD + first + "\n\nPHỤ LỤC II\n\nNHIỆM VỤ KIỂM TRA\n\n" + second + "\n"
    tables = run_text(page, repair=True).tables
    assert [(r["appendix_index"], r["row_id"]) for r in tables["appendix_rows"]][-1] == (2, "1")
    assert tables["appendix_rows"][-1]["name"] == "Kiểm tra nghiệp vụ công chức"
    repairs = [(r["location_table"], r["location_column"], r["location_appendix_index"], r["location_row_id"])
               for r in tables["repairs"] if r["before"] == "nghip"]  # fmt: skip
    assert repairs == [("appendix_rows", "name", 2, "1")]


def test_a_repair_in_a_cell_names_the_column_as_output() -> None:
    # the header "Tần suất (đt/tháng)" is output repaired: the cell's repair named it as printed
    header = ("STT", "Nội dung", "Tần suất (đt/tháng)", "Đơn vị chủ trì")
    cells = (
        "1",
        "Kiểm tra hồ sơ",
        "2 đt mỗi tháng",
        "Sở Nội vụ",
        "2",
        "Kiểm tra thực địa",
        "1 đợt mỗi tháng",
        "Sở Xây dựng",
    )
    tables = run_text(_DUMP_HEAD + "\n\n".join((*header, *cells)) + "\n", repair=True).tables
    assert {c["column_header"] for c in tables["appendix_cells"]} == {"Tần suất (đợt/tháng)"}
    repairs = [(r["location_column"], r["location_appendix_index"], r["location_row_id"], r["after"])
               for r in tables["repairs"] if r["location_table"] == "appendix_cells"]  # fmt: skip
    assert sorted(repairs, key=str) == [
        ("Tần suất (đợt/tháng)", 1, "1", "đợt"),
        ("column_header", 1, None, "đợt"),
    ]


def test_the_site_footer_whose_notice_lost_a_letter_still_ends_the_document() -> None:
    # "... nội dung Ting Anh": the footer had run into the last row (its name, its lead unit)
    page = _without_blank_lines(
        TOP
        + TITLE
        + markdown_table(HEADER, ("1", "Rà soát quy hoạch", "Sở Xây dựng", "Quý I/2026"))
        + markdown_row("2", "Xây dựng cơ sở dữ liệu", "Sở Tài chính", "Quý IV/2026")[:-2]
        + FOOTER.replace("Tiếng Anh", "Ting Anh")
    )
    result = run_text(page, "plan.md")
    assert _rows(result)[-1] == ("2", "Xây dựng cơ sở dữ liệu", ["Sở Tài chính"], "Quý IV/2026", None)
    assert "Văn bản liên quan" not in (result.tables["documents"][0]["annex_text"] or "")


def test_a_list_title_above_a_table_that_lost_a_letter_is_the_appendix_title() -> None:
    # "A. DANH MC THỦ TỤC HÀNH CHÍNH": the title had been null on every row
    head = _DUMP_HEAD.split("PHỤ LỤC")[0] + "A. DANH MC THỦ TỤC HÀNH CHÍNH\n\n"
    cells = ("STT", "Tên thủ tục hành chính", "Lĩnh vực", "1", "Cấp giấy phép xây dựng", "Xây dựng")
    tables = run_text(head + "\n\n".join(cells) + "\n", repair=True).tables
    assert [r["appendix_title"] for r in tables["appendix_rows"]] == ["A. DANH MỤC THỦ TỤC HÀNH CHÍNH"]


def _findings(tables: dict[str, list[dict]]) -> list[tuple[str, str, str]]:
    return [(f["code"], f["severity"], f["message"]) for f in tables["findings"]]


def test_a_body_citing_its_own_appendix_on_a_page_without_one_is_reported() -> None:
    # the page was saved without its appendix: it had looked like a document that has none
    body = "Nâng cao Chỉ số CCHC năm 2024./."
    page = _DUMP_HEAD.split("PHỤ LỤC")[0]
    cited = page.replace(body, "Nâng cao Chỉ số CCHC năm 2024 (chi tiết tại các Phụ lục kèm theo).")
    assert _findings(run_text(cited).tables) == [
        (
            "appendix_not_in_page",
            "warning",
            "The text refers to its own appendix (“Phụ lục kèm theo”) but the page holds no appendix.",
        )
    ]
    # another document's appendix, or no appendix named: a document without one
    other = page.replace(body, "Thực hiện theo Phụ lục II kèm theo Nghị định số 30/2020/NĐ-CP.")
    for text in (page, other):
        assert [code for code, _, _ in _findings(run_text(text).tables)] == ["no_appendix"]


def test_a_related_documents_preview_before_the_document_is_not_its_header() -> None:
    # the site previews a related decision (its attributes, header and title) down to "Xem tiếp...":
    # its issuing body, place and title had been taken for the plan's
    preview = (
        "Số hiệu: 12/KH-UBND\nLoại văn bản: Kế hoạch\n\nVăn bản liên quan\n"
        "Quyết định 90/QĐ-TTg năm 2022 phê duyệt Chương trình\nSố hiệu: 90/QĐ-TTg Loại văn bản: Quyết định\n"
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\nSố: 90/QĐ-TTg\nHà Nội, ngày 18 tháng 01 năm 2022\nQUYẾT ĐỊNH\n"
        "PHÊ DUYỆT CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA\nXem tiếp...\n\n"
    )
    document = run_text(preview + _DUMP_HEAD).tables["documents"][0]
    assert (document["number"], document["issuing_body"], document["place"]) == (
        "12/KH-UBND",
        "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
        "Phú Yên",
    )
    assert document["title"] == "NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert "Thủ tướng" not in document["body_text"] and "THỦ TƯỚNG" not in document["body_text"]


# Review 29: the first versions of the rules above misfired on these shapes.


def test_rows_numbered_from_1_again_under_a_group_title_in_small_letters_are_kept() -> None:
    # "a) | Rà soát thủ tục" across the row, then rows 1, 2 again: row 1 had become a's cells
    header = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành")
    cells = ("1", "Cải cách thể chế", "Sở Tư pháp", "Cả năm", "2", "Cải cách thủ tục hành chính",
             "a)", "Rà soát thủ tục", "1", "Rà soát thủ tục đất đai", "Sở Tài nguyên và Môi trường", "Quý II",
             "2", "Rà soát thủ tục xây dựng", "Sở Xây dựng", "Quý III")  # fmt: skip
    tables = _dump(*cells, header=header)
    named = [(r["row_id"], r["name"], r["lead_units"]) for r in tables["appendix_rows"]]
    assert named[3:] == [
        ("1", "Rà soát thủ tục đất đai", ["Sở Tài nguyên và Môi trường"]),
        ("2", "Rà soát thủ tục xây dựng", ["Sở Xây dựng"]),
    ]
    assert named[2] == ("2.a", "Rà soát thủ tục", [])


def test_a_spanning_total_with_a_blank_first_figure_before_a_line_after_the_table_stays_put() -> None:
    # "Tổng cộng | ␠ | 300 | 80 | ␠" then "Bằng chữ: ...": the line had made the row as wide as the
    # header, and the figures moved one column left
    header = ("STT", "Nội dung", "Ngân sách trung ương", "Ngân sách tỉnh", "Ngân sách huyện", "Ghi chú")
    cells = ("1", "Tập huấn cán bộ", " ", "200", "50", " ", "2", "Tuyên truyền", " ", "100", "30", " ",
             "Tổng cộng", " ", "300", "80", " ", "Bằng chữ: Ba trăm tám mươi triệu đồng.")  # fmt: skip
    tables = _dump(*cells, header=header)
    total = {c["column_header"]: c["value"] for c in tables["appendix_cells"] if c["row_id"] == "total"}
    assert (total.get("Ngân sách tỉnh"), total.get("Ngân sách huyện")) == ("300", "80")


def test_a_total_column_over_year_columns_is_a_header_cell() -> None:
    # "Kinh phí (triệu đồng) | Tổng số | 2024 | 2025": "Tổng số" then a year had been taken for a
    # total printed first
    header = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Kinh phí (triệu đồng)", "Tổng số", "2024", "2025")
    cells = ("1", "Số hóa hồ sơ", "Sở Thông tin và Truyền thông", "1.500", "1.500", "700", "800",
             "2", "Nâng cấp Cổng dịch vụ công", "Văn phòng UBND tỉnh", "900", "900", "400", "500")  # fmt: skip
    tables = _dump(*cells, header=header)
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
    assert [(c["row_id"], c["column_header"], c["value"]) for c in tables["appendix_cells"][:4]] == [
        ("1", "Kinh phí (triệu đồng)", "1.500"),
        ("1", "Tổng số", "1.500"),
        ("1", "2024", "700"),
        ("1", "2025", "800"),
    ]


def test_another_documents_appendix_cited_in_the_body_is_no_missing_appendix() -> None:
    page = _DUMP_HEAD.split("PHỤ LỤC")[0]
    for citation in (
        "Thực hiện theo hướng dẫn chi tiết tại các Phụ lục kèm theo Công văn số 17899/BTC-VP.",
        "Định mức cụ thể theo Phụ lục 1 ban hành kèm theo Quyết định số 2223/QĐ-UBND.",
        "Xét Tờ trình số 45/TTr-SNV ngày 01/3/2024 của Sở Nội vụ và Phụ lục kèm theo.",
    ):
        text = page.replace("Nâng cao Chỉ số CCHC năm 2024./.", citation)
        assert [code for code, _, _ in _findings(run_text(text).tables)] == ["no_appendix"], citation


def test_a_repair_in_a_subtotal_row_names_the_subtotal() -> None:
    # review 30: the cells of a total read again as "subtotal 1" kept their repairs under "total"
    table = (
        "| STT | Tiêu chí | Điểm tối đa | Điểm đạt | Kinh phí (triệu đồng) |\n|---|---|---|---|---|\n"
        "| 1 | Công tác chỉ đạo | 10 | 8 | Ngân sách tỉnh |\n| Cộng | | 10 | 8 | Tổng ngân sách tnh |\n"
        "| 2 | Cải cách thủ tục | 5 | 4 | Ngân sách tỉnh |\n| TỔNG ĐIỂM | | 15 | 12 | |\n"
    )
    tables = run_text(_MD_HEAD + table, "page.md", repair=True).tables
    kept = {(c["row_id"], c["column_header"], c["value"]) for c in tables["appendix_cells"]}
    assert ("subtotal 1", "Kinh phí (triệu đồng)", "Tổng ngân sách tỉnh") in kept
    repairs = [
        (r["location_row_id"], r["location_column"], r["after"]) for r in tables["repairs"] if r["before"] == "tnh"
    ]
    assert repairs == [("subtotal 1", "Kinh phí (triệu đồng)", "tỉnh")]


def test_a_repair_in_a_list_under_a_rows_name_is_located_in_its_tasks() -> None:
    # review 30: the list items under the name are the row's tasks, but their repairs said "name"
    header = ("STT", "Nội dung", "Đơn vị chủ trì")
    name = "Triển khai học bạ số:\n- Cấp THPT: 100% trường;\n- Cấp THCS: nâng cao chsố hài lòng."
    tables = run_text(_DUMP_HEAD + "\n\n".join((*header, "1", name, "Sở Giáo dục")) + "\n", repair=True).tables
    row = tables["appendix_rows"][0]
    assert (row["name"], row["tasks"]) == (
        "Triển khai học bạ số:",
        ["Cấp THPT: 100% trường;", "Cấp THCS: nâng cao chỉ số hài lòng."],
    )
    repairs = [
        (r["location_column"], r["location_row_id"], r["after"]) for r in tables["repairs"] if r["before"] == "chsố"
    ]
    assert repairs == [("tasks", "1", "chỉ số")]


def test_a_repair_in_an_appendix_label_names_the_appendix_and_no_one_row() -> None:
    # review 30: made before reading, it named row "1"; made in the field, no row (the label is on
    # every row of the appendix)
    page = _DUMP_HEAD.replace("PHỤ LỤC\n", "PHỤ LC\n") + "\n\n".join((*_HEADER, "1", *_SCORES)) + "\n"
    tables = run_text(page, repair=True).tables
    assert {r["appendix_label"] for r in tables["appendix_rows"]} == {"PHỤ LỤC"}
    labels = [r for r in tables["repairs"] if r["location_column"] == "appendix_label"]
    assert [(r["location_appendix_index"], r["location_row_id"], r["before"], r["after"]) for r in labels] == [
        (1, None, "LC", "LỤC")
    ]


def test_the_same_damaged_line_in_two_columns_gives_one_repair_row_each() -> None:
    # review 30: the first repair made before reading took both cells (lead of row 1, coordinating
    # unit of row 2), and the second fell back to source_text: three rows for two repairs
    header = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp")
    unit = "Sở Lao đ\nng - Thương binh và Xã hội"
    cells = ("1", "Rà soát hộ nghèo", unit, "Sở Tư pháp", "2", "Kiểm tra chính sách", "Sở Nội vụ", unit)
    tables = run_text(_DUMP_HEAD + "\n\n".join((*header, *cells)) + "\n", repair=True).tables
    joined = [
        (r["location_table"], r["location_column"], r["location_row_id"])
        for r in tables["repairs"]
        if r["after"] == "động"
    ]
    assert sorted(joined) == [("appendix_rows", "coordinating_units", "2"), ("appendix_rows", "lead_units", "1")]
    assert [r["lead_units"] for r in tables["appendix_rows"]] == [
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Sở Nội vụ"],
    ]


def test_a_repair_made_before_reading_is_placed_where_the_damage_was() -> None:
    # review 30: appendix I holds "Bảo him ...", appendix II "Bo him ...": the "Bo" repair was put
    # in appendix I, whose field held its words intact but for "him" (judged by the line repaired)
    table = "| STT | Nhiệm vụ | Cơ quan chủ trì |\n|---|---|---|\n| 1 | {task} | {unit} xã hội tỉnh |\n"
    page = (
        _MD_HEAD
        + table.format(task="Rà soát hồ sơ", unit="Bảo him")
        + "\n**PHỤ LỤC II**\n\nKIỂM TRA\n\n"
        + table.format(task="Kiểm tra hồ sơ", unit="Bo him")
    )
    tables = run_text(page, "page.md", repair=True).tables
    assert [r["lead_units"] for r in tables["appendix_rows"]] == [["Bảo hiểm xã hội tỉnh"]] * 2
    placed = [(r["location_appendix_index"], r["location_row_id"]) for r in tables["repairs"] if r["before"] == "Bo"]
    assert placed == [(2, "1")]


def test_a_subtotal_with_text_after_its_figures_keeps_its_figures_in_a_text_dump() -> None:
    # "Cộng | ␠ | 10 | 8 | Tổng ngân sách tnh": the 8 before a text cell had been taken for a row
    # number with its name, so the label was not seen in the number cell and the figures moved
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Kinh phí (triệu đồng)")
    cells = ("1", "Công tác chỉ đạo", "10", "8", "Ngân sách tỉnh", "Cộng", " ", "10", "8", "Tổng ngân sách tnh",
             "2", "Cải cách thủ tục", "5", "4", "Ngân sách tỉnh", "TỔNG ĐIỂM", " ", "15", "12", " ")  # fmt: skip
    tables = run_text(_DUMP_HEAD + "\n\n".join((*header, *cells)) + "\n", repair=True).tables
    assert [(r["row_id"], r["name"], r["max_score"]) for r in tables["appendix_rows"]] == [
        ("1", "Công tác chỉ đạo", Decimal(10)),
        ("2", "Cải cách thủ tục", Decimal(5)),
    ]
    assert ("subtotal 1", "Kinh phí (triệu đồng)", "Tổng ngân sách tỉnh") in {
        (c["row_id"], c["column_header"], c["value"]) for c in tables["appendix_cells"]
    }
    assert _totals(tables)[:2] == (Decimal(15), Decimal(12))
    assert [f["code"] for f in tables["findings"]] == ["subtotal_row"]
