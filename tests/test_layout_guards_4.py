"""Session-6 probe and review fixes: tab-separated tables in text dumps, row starts inside a
Markdown row, score columns named "Kết quả đánh giá", titles over two lines, tables cut by a
page break, and the mends of the fourth review's collateral damage."""

from __future__ import annotations

from decimal import Decimal

from extract.columns import map_columns
from tests.conftest import markdown_table, run_text, text_cells

TOP = (
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 45/KH-UBND\n\nBình Định, ngày 12 tháng 3 năm 2020\n\nKẾ HOẠCH\n\nCẢI CÁCH HÀNH CHÍNH NĂM 2020\n\n"
)
HEAD = TOP + "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\nPHỤ LỤC\n\nDANH MỤC NHIỆM VỤ\n\n"
END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"


def test_a_table_copied_with_tabs_is_read_row_by_row() -> None:
    page = HEAD + (
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\n"
        "I\tCẢI CÁCH THỂ CHẾ\t\t\n"
        "1\tRà soát văn bản\tSở Tư pháp\tCác sở, ngành\n"
        "2\tKiểm tra thi hành pháp luật\tSở Tư pháp\tUBND các huyện, thị xã, thành phố\t\n"
    ) + END
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"], r["coordinating_units"]) for r in rows] == [
        ("I", "CẢI CÁCH THỂ CHẾ", [], []),
        ("I.1", "Rà soát văn bản", ["Sở Tư pháp"], ["Các sở, ngành"]),
        ("I.2", "Kiểm tra thi hành pháp luật", ["Sở Tư pháp"], ["UBND các huyện, thị xã, thành phố"]),
    ]
    assert result.tables["findings"] == []  # the tab after the last cell is no fifth column


def test_lines_with_tabs_that_are_no_table_stay_text() -> None:
    page = TOP + "Nơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n\nNội dung kế hoạch.\n" + END
    result = run_text(page)
    assert result.tables["appendix_rows"] == []
    assert "Nội dung kế hoạch." in result.tables["documents"][0]["body_text"]


def test_a_score_equal_to_the_next_row_number_stays_in_its_markdown_row() -> None:
    page = HEAD + markdown_table(
        ("TT", "Tiêu chí", "Điểm tối đa", "Ghi chú"),
        ("1", "Chỉ đạo, điều hành", "2", "Kế hoạch"),
        ("2", "Cải cách thủ tục", "4", "Báo cáo"),
    ) + END
    rows = run_text(page, "plan.md").tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "Chỉ đạo, điều hành", Decimal("2")), ("2", "Cải cách thủ tục", Decimal("4")),
    ]


def test_a_row_short_by_a_merged_cell_keeps_the_next_row_number_in_a_text_dump() -> None:
    # "3" after row 2's name is row 3's number (row 2 lost its score to a merged cell), although
    # row 3's score is 3 as well; a text dump cannot tell this from a score 3 of row 2
    page = HEAD + text_cells(
        "TT", "Tiêu chí", "Điểm tối đa", "Tài liệu kiểm chứng",
        "1", "Ban hành kế hoạch", "1", "Kế hoạch", "2", "Tổ chức tuyên truyền",
        "3", "Tổ chức kiểm tra", "3", "Báo cáo",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "Ban hành kế hoạch", Decimal("1")), ("2", "Tổ chức tuyên truyền", None),
        ("3", "Tổ chức kiểm tra", Decimal("3")),
    ]


def test_rows_short_by_a_merged_score_keep_their_numbers() -> None:
    # no number is printed twice: each is a row's own
    page = HEAD + text_cells(
        "TT", "Tiêu chí", "Điểm tối đa", "Ghi chú",
        "1", "Chỉ đạo, điều hành", "2", "Tuyên truyền", "3", "Cải cách thủ tục", "4", "Báo cáo",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["max_score"]) for r in rows] == [
        ("1", "Chỉ đạo, điều hành", None), ("2", "Tuyên truyền", None), ("3", "Cải cách thủ tục", None),
        ("4", "Báo cáo", None),
    ]


def test_results_of_an_assessment_are_the_achieved_scores() -> None:
    page = HEAD + text_cells(
        "STT", "Tiêu chí", "Điểm tối đa", "Kết quả đánh giá năm 2019", "Mục tiêu năm 2020",
        "1", "Sắp xếp tổ chức bộ máy", "3", "2,5", "3", "2", "Quản lý tài sản công", "2", "1,75", "2",
    ) + END
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["achieved_score"], r["target_score"]) for r in rows] == [
        ("1", Decimal("2.5"), Decimal("3")), ("2", Decimal("1.75"), Decimal("2")),
    ]
    doc = result.tables["documents"][0]
    assert (doc["achieved_year"], doc["target_year"]) == (2019, 2020)


def test_a_score_of_a_year_beside_the_maximum_is_the_achieved_score() -> None:
    page = HEAD + text_cells(
        "STT", "Tiêu chí", "Điểm tối đa", "Điểm năm 2021", "Mục tiêu năm 2022",
        "1", "Sắp xếp tổ chức bộ máy", "3", "2,5", "3",
    ) + END
    result = run_text(page)
    assert [(r["achieved_score"], r["target_score"]) for r in result.tables["appendix_rows"]] == [
        (Decimal("2.5"), Decimal("3")),
    ]
    assert result.tables["documents"][0]["achieved_year"] == 2021


def test_tasks_beside_a_tasks_header_that_names_the_rows() -> None:
    page = HEAD + text_cells(
        "STT", "Nhiệm vụ", "Nội dung thực hiện", "Đơn vị chủ trì",
        "1", "Tiếp cận dịch vụ", "Lắp đặt máy lấy số tự động.", "Sở Nội vụ",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["name"], r["tasks"], r["lead_units"]) for r in rows] == [
        ("Tiếp cận dịch vụ", ["Lắp đặt máy lấy số tự động."], ["Sở Nội vụ"]),
    ]


def _decision(*title_lines: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 2104/QĐ-UBND\n\nYên Bái, ngày 5 tháng 10 năm 2021\n\nQUYẾT ĐỊNH\n\n"
        + "\n\n".join(title_lines)
        + "\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n"
        + END
    )


def test_a_sentence_case_title_goes_on_over_its_wrapped_lines() -> None:
    cases = [
        ("Ban hành Bộ chỉ số đánh giá mức độ hài lòng của người dân",
         "đối với sự phục vụ của cơ quan hành chính nhà nước tỉnh Yên Bái"),
        ("Ban hành Bộ chỉ số đánh giá mức độ hài lòng của người dân đối với sự phục vụ của",
         "Ủy ban nhân dân tỉnh Yên Bái"),
    ]
    for lines in cases:
        assert run_text(_decision(*lines)).tables["documents"][0]["title"] == " ".join(lines)


def test_a_sentence_case_title_ends_at_a_line_that_does_not_go_on_with_it() -> None:
    doc = run_text(_decision("Ban hành Bộ chỉ số đánh giá năm 2021", "Phê duyệt kèm theo")).tables["documents"][0]
    assert doc["title"] == "Ban hành Bộ chỉ số đánh giá năm 2021"


def test_results_of_several_years_give_the_latest_as_the_achieved_score() -> None:
    one = map_columns(["STT", "Tiêu chí", "Kết quả đánh giá / Năm 2019", "Kết quả đánh giá / Mục tiêu năm 2020"])
    assert [(c.role, c.year) for c in one[2:]] == [("achieved_score", 2019), ("target_score", 2020)]
    # session 17 (probes 22A, 22B): the plan starts from the latest result before the document's
    # year; the other years are cells, and with the document's year unknown no year is the result
    headers = ["STT", "Nội dung", "Kết quả đánh giá / Năm 2023", "Kết quả đánh giá / Năm 2022"]
    several = map_columns(headers, issued_year=2024)
    assert [(c.role, c.year) for c in several[2:]] == [("achieved_score", 2023), ("other", 2022)]
    assert [c.role for c in map_columns(headers, issued_year=2023)[2:]] == ["other", "achieved_score"]
    assert [c.role for c in map_columns(headers, issued_year=2022)[2:]] == ["other", "other"]
    assert [c.role for c in map_columns(headers)[2:]] == ["other", "other"]
    three = map_columns(["STT", "Chỉ số", "Điểm năm 2020", "Điểm năm 2021", "Mục tiêu năm 2022"], issued_year=2022)
    assert [(c.role, c.year) for c in three[2:]] == [
        ("other", 2020), ("achieved_score", 2021), ("target_score", 2022)
    ]


# Mends of the fourth review's collateral damage (session 6 review).

_TOP_NO_TITLE = (
    "ỦY BAN NHÂN DÂN\nTỈNH X\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 12/QĐ-CT\n\nHà Nội, ngày 1 tháng 2 năm 2024\n\n"
)


def _title(heading: str, *lines: str) -> str | None:
    page = _TOP_NO_TITLE + heading + "\n\n" + "\n\n".join(lines) + "\n\nCăn cứ Luật Hải quan;\n" + END
    return run_text(page).tables["documents"][0]["title"]


def test_an_office_wrapped_over_two_lines_before_the_grounds_ends_the_title() -> None:
    assert _title("THÔNG BÁO", "VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ", "CỤC TRƯỞNG CỤC", "HẢI QUAN") == (
        "VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ"
    )
    assert _title("QUYẾT ĐỊNH", "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH", "TRƯỞNG PHÒNG GIÁO DỤC", "VÀ ĐÀO TẠO") == (
        "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH"
    )


def test_an_organisation_is_no_office_the_title_needs() -> None:
    assert _title("QUYẾT ĐỊNH", "VỀ VIỆC KIỆN TOÀN TỔ CHỨC", "CỤC TRƯỞNG CỤC THUẾ") == "VỀ VIỆC KIỆN TOÀN TỔ CHỨC"
    assert _title("QUYẾT ĐỊNH", "VỀ VIỆC BỔ NHIỆM", "TRƯỞNG PHÒNG NỘI VỤ") == "VỀ VIỆC BỔ NHIỆM TRƯỞNG PHÒNG NỘI VỤ"


def test_gfm_line_breaks_between_two_capitalised_tasks_separate_them() -> None:
    page = HEAD + (
        "| STT | Nội dung | Giải pháp | Đơn vị chủ trì |\n|---|---|---|---|\n"
        "| 1 | Chỉ đạo | Ban hành kế hoạch<br>Tổ chức kiểm tra<br>định kỳ | Trung tâm Phục vụ<br>Hành chính công |\n"
    ) + END
    rows = run_text(page, "plan.md").tables["appendix_rows"]
    assert [(r["tasks"], r["lead_units"]) for r in rows] == [
        (["Ban hành kế hoạch", "Tổ chức kiểm tra định kỳ"], ["Trung tâm Phục vụ Hành chính công"]),
    ]


def test_a_grand_total_over_parts_is_the_table_s_total() -> None:
    for formula in ("(I+II)", "A+B"):
        page = HEAD + text_cells(
            "STT", "Nội dung", "Ghi chú", "Kinh phí",
            "I", "Tuyên truyền", "", "", "1", "In tờ rơi", "", "3", "", "Cộng (I)", "", "3",
            "II", "Kiểm tra", "", "", "1", "Kiểm tra cơ sở", "", "4", "", "Cộng (II)", "", "4",
            "", "Tổng cộng", formula, "7",
        ) + END
        result = run_text(page)
        assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["I", "I.1", "II", "II.1"]
        assert [f["code"] for f in result.tables["findings"]] == ["subtotal_row", "subtotal_row"]
        assert "Tổng cộng" not in (result.tables["documents"][0]["annex_text"] or "")


def test_a_form_heading_without_its_number_word_ends_a_text_dump_table() -> None:
    for heading in ("BIỂU MẪU 02", "BIỂU MẪU SỐ II"):
        page = HEAD + text_cells(
            "STT", "Chỉ tiêu", "Đơn vị tính", "1", "Sản lượng lương thực", "tấn", "2", "Diện tích rừng", "ha",
        ) + f"\n\n{heading}\n\nBÁO CÁO KẾT QUẢ THỰC HIỆN\n\nKính gửi: Sở Nội vụ." + END
        rows = run_text(page).tables["appendix_rows"]
        assert [(r["row_id"], r["name"]) for r in rows] == [("1", "Sản lượng lương thực"), ("2", "Diện tích rừng")]


def test_counts_equal_to_the_next_row_numbers_before_codes_stay_counts() -> None:
    page = HEAD + text_cells(
        "STT", "Nội dung", "Số lượng", "Mã số", "Đơn vị chủ trì",
        "1", "Tuyên truyền", "2", "1.001234", "Sở Nội vụ",
        "2", "Kiểm tra", "3", "1.001235", "Sở Tư pháp",
        "3", "Giám sát", "4", "1.001236", "Sở Y tế",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Tuyên truyền", ["Sở Nội vụ"]), ("2", "Kiểm tra", ["Sở Tư pháp"]), ("3", "Giám sát", ["Sở Y tế"]),
    ]


def test_a_place_after_a_unit_on_its_own_line_is_no_unit_of_its_own() -> None:
    from extract.units import looks_like_unit

    assert not looks_like_unit("TP. Bến Tre")
    assert not looks_like_unit("KT. CHỦ TỊCH")
    assert looks_like_unit("UBND các huyện")
    assert looks_like_unit("(BHXH tỉnh)")


_FORM_TABLE = text_cells("STT", "Tiêu chí", "Điểm tối đa", "1", "Chỉ đạo", "3", "2", "Tuyên truyền", "4")


def _appendix_heading(heading: str, path: str = "page.txt") -> tuple[object, object]:
    page = TOP + "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\n" + heading + _FORM_TABLE + "\n"
    rows = run_text(page, path).tables["appendix_rows"]
    return rows[0]["appendix_label"], rows[0]["appendix_title"]


def test_a_form_s_date_line_in_emphasis_is_part_of_its_own_header() -> None:
    heading = "Mẫu số 01\n\nUBND HUYỆN ABC\n\nSố: 12/BC-UBND\n\n*Bến Tre, **ngày** 10 tháng 3 năm 2024*\n\n"
    assert _appendix_heading(heading + "Báo cáo kết quả thực hiện\n\n") == ("Mẫu số 01", "Báo cáo kết quả thực hiện")


def test_headings_without_a_signature_above_a_table() -> None:
    attached = "DANH MỤC NHIỆM VỤ\n\n(Đính kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2020 của UBND tỉnh)\n\n"
    assert _appendix_heading(attached) == (None, "DANH MỤC NHIỆM VỤ")
    cited = "Thực hiện Quy chế ban hành kèm theo Quyết định số 99/QĐ-UBND của UBND tỉnh, như sau:\n\n"
    assert _appendix_heading(cited + "DANH MỤC NHIỆM VỤ\n\n(Kèm theo Kế hoạch số 45/KH-UBND)\n\n") == (
        None, "DANH MỤC NHIỆM VỤ",
    )
    assert _appendix_heading("Phụ lục I\n\nDanh mục nhiệm vụ\n\nnăm 2024\n\n") == (
        "Phụ lục I", "Danh mục nhiệm vụ năm 2024",
    )


def test_a_group_with_no_title_keeps_its_label_and_numbers_its_rows() -> None:
    for group_a, group_b in ((("A", "", ""), ("B", "", "")), (("A",), ("B",))):
        page = HEAD + text_cells(
            "STT", "Nội dung", "Cơ quan chủ trì",
            *group_a, "1", "Tuyên truyền", "Sở Nội vụ", "2", "Kiểm tra", "Sở Tư pháp",
            *group_b, "1", "Giám sát", "Sở Y tế",
        ) + END
        result = run_text(page)
        assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
            ("A", None), ("A.1", "Tuyên truyền"), ("A.2", "Kiểm tra"), ("B", None), ("B.1", "Giám sát"),
        ]
        assert result.tables["findings"] == []


def test_a_grade_letter_in_the_last_column_is_no_group() -> None:
    page = HEAD + text_cells("STT", "Nội dung", "Xếp loại", "1", "Tuyên truyền", "A", "2", "Kiểm tra", "B") + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [("1", "Tuyên truyền"), ("2", "Kiểm tra")]


def test_a_type_heading_printed_with_its_title_gives_both() -> None:
    head = _TOP_NO_TITLE
    for heading, expected in (
        ("KẾ HOẠCHTRIỂN KHAI CẢI CÁCH HÀNH CHÍNH\n\nNĂM 2020", ("Kế hoạch", "TRIỂN KHAI CẢI CÁCH HÀNH CHÍNH NĂM 2020")),
        ("KẾ HOẠCH Triển khai cải cách hành chính", ("Kế hoạch", "Triển khai cải cách hành chính")),
    ):
        doc = run_text(head + heading + "\n\nI. MỤC TIÊU\n\nNâng cao." + END).tables["documents"][0]
        assert (doc["doc_type"], doc["title"]) == expected
    run_on = "QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH Căn cứ Luật Tổ chức chính quyền địa phương;"
    assert run_text(head + run_on + END).tables["documents"][0]["title"] is None
    with_stop = run_text(head + "KẾ HOẠCH Triển khai công tác cải cách hành chính năm 2024." + END)
    assert with_stop.tables["documents"][0]["title"] == "Triển khai công tác cải cách hành chính năm 2024."


def test_the_authority_of_a_resolution_ends_its_title() -> None:
    for body, issuer in (("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"), ("CHÍNH PHỦ", "CHÍNH PHỦ")):
        page = (
            f"{issuer}\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 1111/NQ-UBTVQH14\n\nHà Nội, ngày 1 tháng 2 năm 2020\n\nNGHỊ QUYẾT\n\nVỀ VIỆC THÀNH LẬP THỊ XÃ\n\n"
            f"{body}\n\nCăn cứ Hiến pháp;" + END
        )
        assert run_text(page).tables["documents"][0]["title"] == "VỀ VIỆC THÀNH LẬP THỊ XÃ"


# Second review of this session's rules.


def test_indented_paragraphs_and_tabbed_lists_are_no_table() -> None:
    for items in ("-\tCác sở, ngành xây dựng kế hoạch;\n-\tUBND các huyện tổ chức thực hiện.",
                  "1.\tCác sở, ngành xây dựng kế hoạch;\n2.\tUBND các huyện tổ chức thực hiện."):
        page = TOP + f"I. MỤC ĐÍCH, YÊU CẦU\n\n\tĐể triển khai, UBND tỉnh yêu cầu:\n{items}\n\n" + (
            "II. TỔ CHỨC THỰC HIỆN\n\nGiao Sở Nội vụ theo dõi." + END
        )
        result = run_text(page)
        assert result.tables["appendix_rows"] == []
        assert "Giao Sở Nội vụ theo dõi." in result.tables["documents"][0]["body_text"]


def test_a_tab_table_cell_of_two_paragraphs_stays_in_its_row() -> None:
    page = HEAD + (
        "STT\tNội dung\tCơ quan chủ trì\t\n"
        "1\tRà soát văn bản\tSở Tư pháp\nSở Nội vụ\n"
        "2\tKiểm tra\nBáo cáo kết quả\tSở Y tế\n"
        "3\tGiám sát\tSở Tài chính\n"
    ) + END
    result = run_text(page)
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Rà soát văn bản", ["Sở Tư pháp", "Sở Nội vụ"]),
        ("2", "Kiểm tra Báo cáo kết quả", ["Sở Y tế"]),
        ("3", "Giám sát", ["Sở Tài chính"]),
    ]
    assert result.tables["findings"] == []


def test_a_row_without_a_code_does_not_stop_the_next_code_row() -> None:
    page = HEAD + text_cells(
        "STT", "Mã số", "Tên thủ tục", "Cơ quan thực hiện",
        "1", "1.001193", "Đăng ký khai sinh", "UBND cấp xã", "2", "", "Đăng ký kết hôn", "UBND cấp xã",
        "3", "1.001195", "Đăng ký khai tử", "UBND cấp xã",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [
        ("1", "Đăng ký khai sinh"), ("2", "Đăng ký kết hôn"), ("3", "Đăng ký khai tử"),
    ]


def test_self_assessed_and_appraised_scores_keep_the_achieved_score() -> None:
    columns = map_columns(["STT", "Tiêu chí", "Điểm tối đa", "Điểm / Tự đánh giá", "Điểm / Thẩm định"])
    assert [c.role for c in columns[2:]] == ["max_score", "achieved_score", "other"]
    flat_years = map_columns(["TT", "Chỉ số", "Điểm tối đa", "Điểm năm 2021", "Điểm năm 2022", "Mục tiêu năm 2023"])
    # the target's year says which results are past (session 17): 2022 is the latest before 2023
    assert [c.role for c in flat_years[2:]] == ["max_score", "other", "achieved_score", "target_score"]


_SPLIT_HEAD = (
    "<html><head><meta charset='utf-8'></head><body>"
    "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐẮK LẮK</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
    "<p>Số: 58/KH-UBND</p><p>Đắk Lắk, ngày 10 tháng 3 năm 2022</p><p>KẾ HOẠCH</p><p>Kinh phí năm 2022</p>"
    "<p>PHỤ LỤC</p>"
)


def _html_table(*rows: tuple[str, ...]) -> str:
    return "<table border=1>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows
    ) + "</table>"


def test_a_page_number_between_the_two_parts_of_a_table_keeps_one_table() -> None:
    header = ("STT", "Nội dung", "Kinh phí")
    for between in ("<p>12</p>", "<p align=center>- 12 -</p>", "<p>Trang 2/3</p>"):
        html = (
            _SPLIT_HEAD
            + _html_table(header, ("1", "In tờ rơi", "3"), ("2", "Hội nghị", "2"))
            + between
            + _html_table(header, ("3", "Kiểm tra cơ sở", "4"))
            + "</body></html>"
        )
        result = run_text(html, "plan.html")
        rows = [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]]
        assert rows == [(1, "1"), (1, "2"), (1, "3")], between
        assert result.tables["documents"][0]["appendix_count"] == 1, between


def test_a_table_starting_again_at_1_under_the_same_header_is_another_table() -> None:
    header = ("STT", "Nội dung", "Kinh phí")
    for between in ("", "<p>12</p>"):
        html = (
            _SPLIT_HEAD
            + _html_table(header, ("1", "In tờ rơi", "3"), ("2", "Hội nghị", "2"))
            + between
            + _html_table(header, ("1", "Kiểm tra cơ sở", "4"), ("2", "Tập huấn", "1"))
            + "</body></html>"
        )
        result = run_text(html, "plan.html")
        rows = [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]]
        assert rows == [(1, "1"), (1, "2"), (2, "1"), (2, "2")], between
        assert "duplicate_row_id" not in [f["code"] for f in result.tables["findings"]], between


def test_a_table_going_on_with_the_first_sub_row_of_its_last_row_is_one_table() -> None:
    # the page breaks inside row 2: the next part starts with "2.1" and repeats no header
    html = (
        _SPLIT_HEAD
        + _html_table(("STT", "Nội dung", "Kinh phí"), ("1", "In tờ rơi", "3"), ("2", "Hội nghị", "5"))
        + "<br clear=all style='page-break-before:always'>"
        + _html_table(("2.1", "Hội nghị cấp tỉnh", "3"), ("2.2", "Hội nghị cấp huyện", "2"), ("", "Tổng cộng", "8"))
        + "</body></html>"
    )
    result = run_text(html, "plan.html")
    assert [(r["appendix_index"], r["row_id"]) for r in result.tables["appendix_rows"]] == [
        (1, "1"), (1, "2"), (1, "2.1"), (1, "2.2"),
    ]  # fmt: skip
    assert [(c["row_id"], c["value"]) for c in result.tables["appendix_cells"] if c["row_id"] == "total"] == [
        ("total", "8")
    ]


def test_a_subtotal_at_the_top_of_the_next_page_is_a_row_of_the_table() -> None:
    html = _SPLIT_HEAD + _html_table(
        ("STT", "Nội dung", "Kinh phí"), ("I", "Tuyên truyền", ""), ("1", "In tờ rơi", "3"), ("2", "Hội nghị", "2"),
    ) + "<br clear=all style='page-break-before:always'>" + _html_table(
        ("", "Cộng (I)", "5"), ("II", "Kiểm tra", ""), ("1", "Kiểm tra cơ sở", "4"), ("", "Cộng (II)", "4"),
    ) + "</body></html>"
    result = run_text(html, "plan.html")
    rows = result.tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"], r["name"]) for r in rows] == [
        (1, "I", "Tuyên truyền"), (1, "I.1", "In tờ rơi"), (1, "I.2", "Hội nghị"), (1, "II", "Kiểm tra"),
        (1, "II.1", "Kiểm tra cơ sở"),
    ]
    # as in one table; "Cộng (II)" names its group: a subtotal too, not the table's total
    assert [f["code"] for f in result.tables["findings"]] == ["subtotal_row", "subtotal_row"]
    money = [(c["row_id"], c["value"]) for c in result.tables["appendix_cells"] if c["value"]]
    assert money == [("I.1", "3"), ("I.2", "2"), ("subtotal 1", "5"), ("II.1", "4"), ("subtotal 2", "4")]


def test_a_sentence_case_title_stops_at_the_body() -> None:
    for line in ("a) Mục đích: nâng cao chỉ số.", "thực hiện Quyết định số 12/QĐ-UBND của UBND tỉnh;"):
        page = _TOP_NO_TITLE + "KẾ HOẠCH\n\nTriển khai Chỉ số cải cách hành chính năm 2022\n\n" + line + END
        assert run_text(page).tables["documents"][0]["title"] == "Triển khai Chỉ số cải cách hành chính năm 2022"


def test_unit_abbreviations_with_a_dot() -> None:
    from extract.units import looks_like_unit

    assert looks_like_unit("TT. Phục vụ hành chính công")
    assert looks_like_unit("BQL. Khu kinh tế")
    assert not looks_like_unit("TX. Ba Tri")


def test_hidden_tables_that_are_no_appendix_stay_hidden() -> None:
    sig = "<p>Nơi nhận:</p><p>- Như trên;</p><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p><p>Nguyễn Văn A</p>"
    related = _html_table(("STT", "Văn bản liên quan", "Ngày"), ("1", "Quyết định 99/QĐ-UBND", "1/1/2022"))
    tooltip = _html_table(("Số hiệu:", "99/QĐ-UBND"), ("Loại văn bản:", "Quyết định"))
    attachments = _html_table(("Phụ lục, biểu mẫu kèm theo văn bản",), ("STT",), ("1",))
    for markup in (
        f"<p><a>Xem văn bản kèm theo</a></p><div style='display:none'>{related}</div>",
        f"<p>(Xem Phụ lục kèm theo)</p><div class=tooltip style='display:none'>{tooltip}</div>",
        f"<div style='display:none'>{attachments}</div>",
    ):
        html = _SPLIT_HEAD.replace("<p>PHỤ LỤC</p>", "") + sig + markup + "</body></html>"
        result = run_text(html, "plan.html")
        assert result.tables["appendix_rows"] == []
        assert "99/QĐ-UBND" not in (result.tables["documents"][0]["body_text"] or "")


def test_a_letter_in_the_last_column_of_a_markdown_group_row_is_no_group() -> None:
    page = HEAD + markdown_table(
        ("STT", "Tên đơn vị", "Số lượng", "Xếp loại"),
        ("I", "KHỐI SỞ, NGÀNH", "", "A"),
        ("1", "Sở Nội vụ", "1", "A"),
        ("2", "Sở Tư pháp", "2", "B"),
    ) + END
    rows = run_text(page, "plan.md").tables["appendix_rows"]
    assert [r["row_id"] for r in rows] == ["I", "I.1", "I.2"]


def test_titles_that_end_with_an_authority_s_name_keep_it() -> None:
    title = _title("QUYẾT ĐỊNH", "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA", "CHÍNH PHỦ")
    assert title == "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA CHÍNH PHỦ"
    page = _TOP_NO_TITLE + "THÔNG TƯ LIÊN TỊCH Hướng dẫn thực hiện chế độ phụ cấp\n\nĐiều 1. Phạm vi." + END
    doc = run_text(page).tables["documents"][0]
    assert (doc["doc_type"], doc["title"]) == ("Thông tư liên tịch", "Hướng dẫn thực hiện chế độ phụ cấp")


def test_a_unit_wrapped_over_two_lines_of_a_cell_is_one_unit() -> None:
    from extract.units import split_units

    assert split_units(["Sở Thông tin và", "Truyền thông"]) == ["Sở Thông tin và Truyền thông"]
    assert split_units(["Ban Quản lý", "khu kinh tế tỉnh"]) == ["Ban Quản lý khu kinh tế tỉnh"]
    # a line that names a unit of its own is never joined
    assert split_units(["Sở Tư pháp", "Sở Nội vụ"]) == ["Sở Tư pháp", "Sở Nội vụ"]
    assert split_units(["Sở Nội vụ", "các sở, ngành liên quan"]) == ["Sở Nội vụ", "các sở, ngành liên quan"]
    assert split_units(["Sở Tài chính chủ trì, phối hợp với", "Sở Nội vụ"])[-1] == "Sở Nội vụ"
    assert split_units(["Sở Tư pháp", "x"]) == ["Sở Tư pháp", "x"]
    html = _SPLIT_HEAD + _html_table(
        ("STT", "Nội dung", "Cơ quan chủ trì"), ("1", "Chuyển đổi số", "Sở Thông tin và<br>Truyền thông"),
    ) + "</body></html>"
    assert [r["lead_units"] for r in run_text(html, "plan.html").tables["appendix_rows"]] == [
        ["Sở Thông tin và Truyền thông"],
    ]


def test_a_short_markdown_group_row_and_national_authorities() -> None:
    page = HEAD + markdown_table(
        ("STT", "Nội dung", "Cơ quan chủ trì"), ("A",), ("1", "Tuyên truyền", "Sở Nội vụ"),
        ("2", "Kiểm tra", "Sở Tư pháp"), ("B",), ("1", "Giám sát", "Sở Y tế"),
    ) + END
    assert [r["row_id"] for r in run_text(page, "plan.md").tables["appendix_rows"]] == ["A", "A.1", "A.2", "B", "B.1"]
    resolution = _title(
        "NGHỊ QUYẾT", "VỀ VIỆC SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA HIẾN PHÁP", "QUỐC HỘI",
        "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KHÓA X, KỲ HỌP THỨ 10",
    )
    assert resolution == "VỀ VIỆC SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA HIẾN PHÁP"
