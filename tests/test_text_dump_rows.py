"""Text dumps (one cell per line): figures that look like the next row number, "no data" dashes,
units of measure, and unit lists over several lines, each checked as text and as Markdown."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import NBSP, markdown_table, run_text, text_cells, text_table

_PAGE_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 215/KH-UBND\n\nBến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ DTI NĂM 2024\n\n"
    "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\nPHỤ LỤC\n\nNHIỆM VỤ, GIẢI PHÁP\n\n"
)
_PAGE_END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"




def _text(*rows: tuple[str, ...]) -> str:
    return _PAGE_HEAD + text_table(*rows) + _PAGE_END


def _markdown(*rows: tuple[str, ...]) -> str:
    return _PAGE_HEAD + markdown_table(*rows) + _PAGE_END


def _both_forms(*rows: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(page, path) of the table as a text dump and as a Markdown dump: a rule holds for both."""
    return (_text(*rows), "plan.txt"), (_markdown(*rows), "plan.md")


SCORED = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Giải pháp thực hiện", "Đơn vị chủ trì")
SCORED_ROWS = (
    # each row's achieved score is the next row's number
    ("1", "Công tác chỉ đạo, điều hành", "3", "2", "Ban hành kế hoạch đúng hạn.", "Sở Nội vụ"),
    ("2", "Công tác tuyên truyền", "4", "3", "Tăng cường tuyên truyền.", "Sở Thông tin và Truyền thông"),
    ("3", "Công tác kiểm tra", "3", "3", "Kiểm tra 30% cơ quan.", "Sở Nội vụ"),
    ("", "TỔNG ĐIỂM", "10", "8", "", ""),
)


def test_a_score_equal_to_the_next_row_number_is_a_score() -> None:
    for page, path in _both_forms(SCORED, *SCORED_ROWS):
        result = run_text(page, path)
        rows = [
            (r["row_id"], r["name"], r["max_score"], r["achieved_score"], r["tasks"], r["lead_units"])
            for r in result.tables["appendix_rows"]
        ]
        assert rows == [
            ("1", "Công tác chỉ đạo, điều hành", Decimal("3"), Decimal("2"), ["Ban hành kế hoạch đúng hạn."],
             ["Sở Nội vụ"]),
            ("2", "Công tác tuyên truyền", Decimal("4"), Decimal("3"), ["Tăng cường tuyên truyền."],
             ["Sở Thông tin và Truyền thông"]),
            ("3", "Công tác kiểm tra", Decimal("3"), Decimal("3"), ["Kiểm tra 30% cơ quan."], ["Sở Nội vụ"]),
        ], path
        doc = result.tables["documents"][0]
        assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal("10"), Decimal("8")), path
        assert result.tables["findings"] == [], path


def test_a_row_number_printed_once_with_a_short_row_before_it_still_opens_the_row() -> None:
    # row 1 lost its unit to a rowspan: "2" then a name opens row 2 (it is not printed again)
    rows = (
        SCORED,
        ("1", "Công tác chỉ đạo", "3", "2", "Ban hành kế hoạch.", "Sở Nội vụ"),
        ("2", "Công tác tuyên truyền", "4", "3", "Tăng cường tuyên truyền."),
        ("3", "Công tác kiểm tra", "3", "3", "Kiểm tra 30% cơ quan.", "Sở Tư pháp"),
    )
    result = run_text(_text(*rows))
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Công tác chỉ đạo"), ("2", "Công tác tuyên truyền"), ("3", "Công tác kiểm tra"),
    ]


TARGETS = ("STT", "Chỉ tiêu", "ĐVT", "Năm 2021", "Năm 2022", "Năm 2023", "Ghi chú")


def test_a_no_data_dash_before_a_note_and_units_of_measure_in_lowercase() -> None:
    rows = (
        TARGETS,
        ("1", "Tỷ lệ hộ nghèo", "%", "8,12", "6,5", "5,0", ""),
        ("2", "Số trường đạt chuẩn quốc gia", "trường", "25", "27", "-", "Chưa có kế hoạch năm 2023"),
        ("3", "Số lao động được đào tạo nghề", "người", "1.200", "1.250", "1.300", ""),
    )
    result = run_text(_text(*rows) + "\n\n" + NBSP)
    got = [(r["row_id"], r["name"], r["unit"], r["note"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", "Tỷ lệ hộ nghèo", "%", None),
        ("2", "Số trường đạt chuẩn quốc gia", "trường", "Chưa có kế hoạch năm 2023"),
        ("3", "Số lao động được đào tạo nghề", "người", None),
    ]
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert [cells[("2", f"Năm {y}")] for y in (2021, 2022, 2023)] == ["25", "27", "-"]
    assert [cells[("3", f"Năm {y}")] for y in (2021, 2022, 2023)] == ["1.200", "1.250", "1.300"]
    assert [f["code"] for f in result.tables["findings"]] == []


TASKS = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")


def test_units_over_several_lines_stay_in_their_column() -> None:
    # a text dump prints each paragraph of a cell on its own line: two coordinating units, then
    # the deadline and the product
    page = _PAGE_HEAD + text_cells(
        *TASKS,
        "1", "Ban hành Quy chế khai thác dữ liệu dân cư", "Văn phòng UBND tỉnh",
        "Công an tỉnh", "Sở Thông tin và Truyền thông", "Tháng 6/2023", "Quyết định của UBND tỉnh",
        "2", "Rà soát quỹ đất", "Sở Xây dựng",
        "Sở Quy hoạch - Kiến trúc", "Sở Tài nguyên và Môi trường;", "UBND thành phố Thủ Đức", "Quý IV/2021",
        "Danh mục quỹ đất",
    ) + _PAGE_END
    result = run_text(page)
    got = [(r["row_id"], r["lead_units"], r["coordinating_units"], r["deadline"], r["product"])
           for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", ["Văn phòng UBND tỉnh"], ["Công an tỉnh", "Sở Thông tin và Truyền thông"], "Tháng 6/2023",
         "Quyết định của UBND tỉnh"),
        ("2", ["Sở Xây dựng"], ["Sở Quy hoạch - Kiến trúc", "Sở Tài nguyên và Môi trường", "UBND thành phố Thủ Đức"],
         "Quý IV/2021", "Danh mục quỹ đất"),
    ]


def test_units_in_the_last_column_after_task_paragraphs() -> None:
    header = ("STT", "Tiêu chí", "Nhiệm vụ, giải pháp", "Đơn vị chủ trì")
    page = _PAGE_HEAD + text_cells(
        *header,
        "1", "Tuyên truyền về chuyển đổi số", "Duy trì chuyên mục chuyển đổi số trên báo, đài.",
        "Phát động phong trào học tập kỹ năng số.",
        "Sở Thông tin và Truyền thông", "Đài Phát thanh và Truyền hình tỉnh",
        "2", "Hạ tầng viễn thông", "Phủ sóng 4G đến 100% ấp.", "Sở Thông tin và Truyền thông",
    ) + _PAGE_END
    result = run_text(page)
    got = [(r["row_id"], r["tasks"], r["lead_units"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", ["Duy trì chuyên mục chuyển đổi số trên báo, đài.", "Phát động phong trào học tập kỹ năng số."],
         ["Sở Thông tin và Truyền thông", "Đài Phát thanh và Truyền hình tỉnh"]),
        ("2", ["Phủ sóng 4G đến 100% ấp."], ["Sở Thông tin và Truyền thông"]),
    ]


def test_a_score_equal_to_the_next_row_number_before_letter_sub_rows() -> None:
    # "1 | ... | 2 | 2 | 2 | Kế hoạch số ..." then a), b): the third "2" completes row 1 exactly
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Tài liệu kiểm chứng")
    rows = (
        header,
        ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "4", "4", "3,75", ""),
        ("1", "Kế hoạch CCHC năm", "2", "2", "2", "Kế hoạch số 12/KH-SNV ngày 15/01/2020"),
        ("a)", "Ban hành kế hoạch đúng thời hạn", "1", "1", "1", "Kế hoạch số 12/KH-SNV"),
        ("b)", "Mức độ hoàn thành kế hoạch", "1", "1", "1", "Báo cáo số 40/BC-SNV"),
        ("2", "Kiểm tra CCHC", "2", "2", "1,75", "Kế hoạch kiểm tra số 25/KH-SNV"),
    )
    for page, path in _both_forms(*rows):
        result = run_text(page, path)
        got = [(r["row_id"], r["name"], r["max_score"]) for r in result.tables["appendix_rows"]]
        assert got == [
            ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", Decimal("4")),
            ("I.1", "Kế hoạch CCHC năm", Decimal("2")),
            ("I.1.a", "Ban hành kế hoạch đúng thời hạn", Decimal("1")),
            ("I.1.b", "Mức độ hoàn thành kế hoạch", Decimal("1")),
            ("I.2", "Kiểm tra CCHC", Decimal("2")),
        ], path
        cells = result.tables["appendix_cells"]
        evidence = {c["row_id"]: c["value"] for c in cells if c["column_header"] == "Tài liệu kiểm chứng"}
        assert evidence["I.1"] == "Kế hoạch số 12/KH-SNV ngày 15/01/2020", path
        assert [f["code"] for f in result.tables["findings"]] == [], path


def test_markdown_cells_keep_one_unit_per_line() -> None:
    rows = (
        TASKS,
        ("1", "Xây dựng kho học liệu số", "Phòng Giáo dục Trung học\nPhòng Giáo dục Thường xuyên",
         "Trung tâm Công nghệ thông tin và Truyền\nthông", "Tháng 12/2025", "Kho học liệu"),
    )
    result = run_text(_markdown(*rows), "plan.md")
    got = [(r["lead_units"], r["coordinating_units"]) for r in result.tables["appendix_rows"]]
    assert got == [
        (["Phòng Giáo dục Trung học", "Phòng Giáo dục Thường xuyên"], ["Trung tâm Công nghệ thông tin và Truyền thông"])
    ]


def test_a_total_row_above_the_rows_is_no_header_in_markdown_or_text() -> None:
    header = ("STT", "Danh mục dự án", "Địa điểm xây dựng", "Tổng mức đầu tư", "Ghi chú")
    rows = (
        header,
        ("", "TỔNG SỐ", "", "1.285.400", ""),
        ("1", "Cầu Cái Sao Lớn", "Thành phố Long Xuyên", "362.000", "Chuyển tiếp"),
        ("2", "Trường THPT Ung Văn Khiêm", "Huyện Chợ Mới", "923.400", "Khởi công mới"),
    )
    for page, path in _both_forms(*rows):
        result = run_text(page, path)
        got = [(r["row_id"], r["name"], r["note"]) for r in result.tables["appendix_rows"]]
        assert got == [
            ("1", "Cầu Cái Sao Lớn", "Chuyển tiếp"), ("2", "Trường THPT Ung Văn Khiêm", "Khởi công mới"),
        ], path
        cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
        assert cells[("total", "Tổng mức đầu tư")] == "1.285.400", path
        assert cells[("2", "Tổng mức đầu tư")] == "923.400", path


def test_an_appendix_without_a_phu_luc_heading_takes_its_title_from_the_capitals_above_the_reference() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 2156/QĐ-UBND\n\nQuảng Ninh, ngày 12 tháng 7 năm 2022\n\nQUYẾT ĐỊNH\n\n"
        "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH\n\nĐiều 1. Công bố kèm theo Quyết định này danh mục.\n\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thắng\n\n"
        "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CHUẨN HÓA\n\n"
        "(Ban hành kèm theo Quyết định số 2156/QĐ-UBND ngày 12/7/2022 của Chủ tịch UBND tỉnh Quảng Ninh)\n\n"
        + text_cells("STT", "Mã TTHC", "Tên thủ tục hành chính", "1", "1.005062", "Cấp giấy phép xây dựng")
        + "\n"
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["appendix_label"], r["appendix_title"]) for r in rows] == [
        ("1", "Cấp giấy phép xây dựng", None, "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CHUẨN HÓA"),
    ]
    assert [f["code"] for f in result.tables["findings"]] == []


def test_a_table_in_the_body_ends_at_the_next_numbered_paragraph() -> None:
    # the rows print bare numbers; "3. Công an tỉnh ..." goes on with "2." above the table
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 08/CT-UBND\n\nBắc Ninh, ngày 03 tháng 8 năm 2020\n\nCHỈ THỊ\n\nVề phòng, chống dịch COVID-19\n\n"
        "1. Các sở, ngành tăng cường kiểm tra.\n\n2. Thành lập các chốt kiểm soát sau:\n\n"
        + text_cells("STT", "Địa điểm chốt kiểm soát", "Đơn vị chủ trì",
                "1", "Cửa ngõ Quốc lộ 1A giáp Hà Nội", "Công an tỉnh",
                "2", "Nút giao Quốc lộ 18 - Quế Võ", "Bộ Chỉ huy Quân sự tỉnh")
        + "\n\n3. Công an tỉnh xử lý nghiêm các hành vi đưa tin sai sự thật.\n\n4. Giao Sở Y tế theo dõi.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Tử Quỳnh\n"
    )
    result = run_text(page)
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["lead_units"]) for r in rows] == [
        ("1", ["Công an tỉnh"]), ("2", ["Bộ Chỉ huy Quân sự tỉnh"]),
    ]
    doc = result.tables["documents"][0]
    assert doc["body_text"].split("\n")[-8:-5] == [
        "2 | Nút giao Quốc lộ 18 - Quế Võ | Bộ Chỉ huy Quân sự tỉnh",
        "3. Công an tỉnh xử lý nghiêm các hành vi đưa tin sai sự thật.",
        "4. Giao Sở Y tế theo dõi.",
    ]
    assert (doc["signer"], doc["annex_text"]) == ("Nguyễn Tử Quỳnh", None)


PROCEDURES = ("TT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện")


def test_a_two_line_group_row_before_a_procedure_code_keeps_the_first_procedure() -> None:
    rows = (
        PROCEDURES,
        ("A", "THỦ TỤC HÀNH CHÍNH CẤP TỈNH"),
        ("1", "1.001193", "Cấp bản sao có chứng thực từ bản chính", "Chứng thực", "Sở Tư pháp"),
        ("2", "2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "Sở Tư pháp"),
        ("B", "THỦ TỤC HÀNH CHÍNH CẤP HUYỆN"),
        ("1", "1.001766", "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", "UBND cấp huyện"),
    )
    result = run_text(_text(*rows))
    got = [(r["row_id"], r["name"], r.get("tasks"), r["lead_units"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("A", "THỦ TỤC HÀNH CHÍNH CẤP TỈNH", None, []),
        ("A.1", "Cấp bản sao có chứng thực từ bản chính", None, ["Sở Tư pháp"]),
        ("A.2", "Cấp bản sao trích lục hộ tịch", None, ["Sở Tư pháp"]),
        ("B", "THỦ TỤC HÀNH CHÍNH CẤP HUYỆN", None, []),
        ("B.1", "Đăng ký khai sinh có yếu tố nước ngoài", None, ["UBND cấp huyện"]),
    ]
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert (cells[("A.1", "Mã TTHC")], cells[("A.1", "Lĩnh vực")]) == ("1.001193", "Chứng thực")


def test_a_row_of_column_letters_and_numbers_under_the_header_is_skipped() -> None:
    header = ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2024", "Thực hiện 2024", "So sánh (%)")
    rows = (
        header,
        ("A", "B", "C", "1", "2", "3=2/1"),
        ("1", "Tổng thu ngân sách", "tỷ đồng", "4.500", "4.725", "105"),
        ("2", "Kim ngạch xuất khẩu", "triệu USD", "1.200", "1.150", "95,8"),
    )
    for page, path in _both_forms(*rows):
        result = run_text(page, path)
        assert [(r["row_id"], r["name"], r["unit"]) for r in result.tables["appendix_rows"]] == [
            ("1", "Tổng thu ngân sách", "tỷ đồng"), ("2", "Kim ngạch xuất khẩu", "triệu USD"),
        ], path


def test_a_text_dump_header_with_a_blank_number_cell() -> None:
    rows = (
        ("", "Chỉ tiêu", "Đơn vị tính", "Năm 2024"),
        ("1", "Sản lượng lương thực", "tấn", "550.000"),
        ("2", "Tỷ lệ che phủ rừng", "%", "52,7"),
    )
    result = run_text(_text(*rows))
    assert [(r["row_id"], r["name"], r["unit"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Sản lượng lương thực", "tấn"), ("2", "Tỷ lệ che phủ rừng", "%"),
    ]


def test_subtotals_then_a_grand_total_are_all_kept() -> None:
    header = ("STT", "Đơn vị", "Kinh phí (triệu đồng)")
    rows = (
        header,
        ("I", "CÁC HUYỆN", ""), ("1", "Huyện Bát Xát", "1.200"), ("2", "Huyện Sa Pa", "800"), ("", "Cộng (I)", "2.000"),
        ("II", "CÁC SỞ", ""), ("3", "Sở Tư pháp", "300"), ("", "Cộng (II)", "300"),
        ("", "Tổng cộng", "2.300"),
    )
    for page, path in _both_forms(*rows):
        result = run_text(page, path)
        assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["I", "I.1", "I.2", "II", "II.3"], path
        money = [(c["row_id"], c["value"]) for c in result.tables["appendix_cells"] if c["value"]]
        assert money == [
            ("I.1", "1.200"), ("I.2", "800"), ("subtotal 1", "2.000"), ("II.3", "300"), ("subtotal 2", "300"),
            ("total", "2.300"),
        ], path
        assert [f["code"] for f in result.tables["findings"]] == ["subtotal_row", "subtotal_row"], path



SCORED_GROUPS = ("STT", "Nội dung", "Điểm tối đa", "Điểm đạt năm 2023", "Mục tiêu năm 2024")


def test_a_subtotal_named_after_its_group_is_no_part_of_the_row_above() -> None:
    # "Cộng I" with an empty number cell: once glued to row 2 (its figures shifted, "7" a row)
    rows = (
        SCORED_GROUPS,
        ("I", "Nhóm 1", "", "", ""),
        ("1", "Tiêu chí A", "4", "3", "3"),
        ("2", "Tiêu chí B", "4", "3,5", "4"),
        ("", "Cộng I", "8", "6,5", "7"),
        ("II", "Nhóm 2", "", "", ""),
        ("1", "Tiêu chí C", "2", "2", "2"),
    )
    for page, path in _both_forms(*rows):
        result = run_text(page, path)
        got = [(r["row_id"], r["name"], r["max_score"], r["achieved_score"]) for r in result.tables["appendix_rows"]]
        assert got == [
            ("I", "Nhóm 1", None, None),
            ("I.1", "Tiêu chí A", Decimal("4"), Decimal("3")),
            ("I.2", "Tiêu chí B", Decimal("4"), Decimal("3.5")),
            ("II", "Nhóm 2", None, None),
            ("II.1", "Tiêu chí C", Decimal("2"), Decimal("2")),
        ], path
        # the last total row was a subtotal (rows came after it): the table has no total
        assert result.tables["documents"][0]["total_max_score"] is None, path
        assert [(f["code"], f["message"]) for f in result.tables["findings"]] == [
            (
                "subtotal_row",
                "A total row was followed by more rows; it was read as a subtotal "
                "(max_score 8, achieved_score 6,5, target_score 7).",
            )
        ], path


def test_a_subtotal_without_groups_is_no_grand_total() -> None:
    rows = (
        SCORED_GROUPS,
        ("1", "Tiêu chí A", "4", "3", "3"),
        ("2", "Tiêu chí B", "4", "3,5", "4"),
        ("", "Cộng", "8", "6,5", "7"),
        ("3", "Tiêu chí C", "2", "2", "2"),
        ("", "Tổng cộng", "10", "8,5", "9"),
    )
    result = run_text(_text(*rows))
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2", "3"]
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal("10"), Decimal("8.5"))
    assert [f["code"] for f in result.tables["findings"]] == ["subtotal_row"]


def test_a_table_ending_on_its_last_group_s_subtotal_has_no_grand_total() -> None:
    rows = (
        SCORED_GROUPS,
        ("I", "Nhóm 1", "4", "3", "3"),
        ("1", "Tiêu chí A", "4", "3", "3"),
        ("", "Cộng I", "4", "3", "3"),
        ("II", "Nhóm 2", "6", "5", "5"),
        ("2", "Tiêu chí B", "6", "5", "5"),
        ("", "Cộng II", "6", "5", "5"),
    )
    for page, path in _both_forms(*rows):
        result = run_text(page, path)
        assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["I", "I.1", "II", "II.2"], path
        assert result.tables["documents"][0]["total_max_score"] is None, path
        assert [f["message"] for f in result.tables["findings"]] == [
            "A total row was followed by more rows; it was read as a subtotal "
            "(max_score 4, achieved_score 3, target_score 3).",
            "A total row names its group; it was read as a subtotal (max_score 6, achieved_score 5, target_score 5).",
        ], path


def test_a_grand_total_followed_by_a_bonus_row_stays_the_total() -> None:
    rows = (
        SCORED_GROUPS,
        ("1", "Chỉ đạo điều hành", "4", "3", "4"),
        ("2", "Tuyên truyền phổ biến", "6", "5", "6"),
        ("", "Tổng cộng", "10", "8", "10"),
        ("-", "Điểm thưởng tối đa 2 điểm", "", "", ""),
    )
    result = run_text(_text(*rows))
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal("10"), Decimal("8"))
    assert result.tables["findings"] == []


def test_figures_printed_with_their_unit_are_summed_as_figures() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    rows = (
        header,
        ("1", "Chỉ đạo điều hành", "10 điểm", "8đ"),  # 4,5 + 5,5 = 10 (a maximum is exact)
        ("1.1", "Ban hành kế hoạch", "4,5", "3,5"),
        ("1.2", "Kiểm tra", "5,5", "4,6"),  # 3,5 + 4,6 = 8,1: 8
        ("2", "Tuyên truyền", "5đ", "4,5đ"),
        ("-", "Trên báo", "3đ", "2,5đ"),  # "-", "+", "-" as one list: 3 + 1 + 1 = 5
        ("+", "Trên cổng thông tin", "1đ", "1đ"),
        ("-", "Tại hội nghị", "1đ", "1đ"),
    )
    result = run_text(_text(*rows))
    assert [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]] == [
        ("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None), ("2.-1", "2"), ("2.+1", "2"), ("2.-2", "2"),
    ]  # fmt: skip
    assert result.tables["findings"] == []


def test_the_last_row_s_score_equal_to_the_next_row_number_is_its_score() -> None:
    # "2" is the achieved score of the last "-" item, then its task and unit, then "Nơi nhận:"
    rows = (
        SCORED,
        ("1", "Chỉ đạo điều hành", "7", "5", "", ""),
        ("-", "Ban hành kế hoạch", "4", "3", "Ban hành đúng hạn.", "Sở Nội vụ"),
        ("-", "Tuyên truyền phổ biến", "3", "2", "Thực hiện.", "Sở Tư pháp"),
    )
    closing = "\n\nTrên đây là Kế hoạch nâng cao chỉ số năm 2024 của tỉnh.\n"
    for page in (_text(*rows), _PAGE_HEAD + text_table(*rows) + closing + _PAGE_END):
        result = run_text(page)
        got = [(r["row_id"], r["achieved_score"], r["lead_units"]) for r in result.tables["appendix_rows"]]
        assert got == [
            ("1", Decimal("5"), []),
            ("1.-1", Decimal("3"), ["Sở Nội vụ"]),
            ("1.-2", Decimal("2"), ["Sở Tư pháp"]),
        ]
        assert result.tables["findings"] == []


def test_no_data_dashes_before_a_group_number_are_cells_not_an_item() -> None:
    rows = (
        SCORED_GROUPS,
        ("I", "Nhóm 1", "6", "5", "5"),
        ("1", "Tiêu chí A", "6", "5", "5"),
        ("2", "Điểm thưởng", "-", "-", "-"),  # the last "-" is followed by "II": no "-" item
        ("II", "Nhóm 2", "2", "2", "2"),
    )
    result = run_text(_text(*rows))
    got = [(r["row_id"], r["name"], r["max_score"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("I", "Nhóm 1", Decimal("6")),
        ("I.1", "Tiêu chí A", Decimal("6")),
        ("I.2", "Điểm thưởng", None),
        ("II", "Nhóm 2", Decimal("2")),
    ]
    assert result.tables["findings"] == []


def test_a_sum_is_checked_rounded_to_the_decimals_the_row_prints() -> None:
    # 5 + 4,5 = 9,5 rounds to 10, not to the 9 printed; 5 + 3,5 = 8,5 rounds to 9
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    rows = (
        header,
        ("1", "Công tác chỉ đạo", "10", "9"),
        ("1.1", "Ban hành kế hoạch", "5", "5"),
        ("1.2", "Kiểm tra", "5", "4,5"),
        ("2", "Công tác tuyên truyền", "10", "9"),
        ("2.1", "Tuyên truyền trên báo", "5", "5"),
        ("2.2", "Tuyên truyền trên cổng thông tin", "5", "3,5"),
    )
    result = run_text(_text(*rows))
    findings = [(f["code"], f["row_id"], f["column"], f["expected"], f["actual"]) for f in result.tables["findings"]]
    assert findings == [("sum_mismatch", "1", "achieved_score", "9,5", "9")]


def test_a_form_heading_and_a_note_after_a_table_are_no_cells() -> None:
    header = ("TT", "Chỉ tiêu", "Đơn vị tính", "So sánh (%)")
    page = (
        _PAGE_HEAD
        + text_cells(*header, "1", "Sản lượng lương thực", "tấn", "100,9", "2", "Tỷ lệ che phủ rừng", "%", "100,2")
        + "\n\nGhi chú: số liệu ước thực hiện.\n\nMẫu số 01\n\nBÁO CÁO KẾT QUẢ THỰC HIỆN\n\n"
        + text_cells("Số TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả")
        + "\n\n"
        + text_cells("1", "Diện tích lúa", "ha", "", "2", "Sản lượng", "tấn", "")
        + _PAGE_END
    )
    result = run_text(page)
    cells = {
        (c["appendix_index"], c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]
    }
    assert cells[(1, "2", "So sánh (%)")] == "100,2"
    rows = [(r["appendix_index"], r["row_id"], r["name"], r["appendix_label"]) for r in result.tables["appendix_rows"]]
    assert rows == [
        (1, "1", "Sản lượng lương thực", "PHỤ LỤC"), (1, "2", "Tỷ lệ che phủ rừng", "PHỤ LỤC"),
        (2, "1", "Diện tích lúa", "Mẫu số 01"), (2, "2", "Sản lượng", "Mẫu số 01"),
    ]
    assert "Ghi chú: số liệu ước thực hiện." in result.tables["documents"][0]["annex_text"]


def test_a_target_that_is_no_number_is_kept_as_printed() -> None:
    header = ("STT", "Chỉ tiêu", "Mục tiêu năm 2023")
    result = run_text(_text(header, ("1", "Tỷ lệ hài lòng", "≥ 87"), ("2", "Tỷ lệ hồ sơ đúng hạn", "98")))
    assert [r["target_score"] for r in result.tables["appendix_rows"]] == [None, Decimal("98")]
    assert [(c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"]] == [
        ("1", "Mục tiêu năm 2023", "≥ 87"),
    ]
    assert [f["code"] for f in result.tables["findings"]] == ["not_a_number"]


def test_a_blank_line_and_a_title_before_an_stt_header_are_no_header() -> None:
    header = ("Số TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2023")
    page = (
        _PAGE_HEAD + NBSP + "\n\nDANH MỤC CHỈ TIÊU\n\n(Kèm theo Kế hoạch số 215/KH-UBND)\n\n"
        + text_cells(*header, "A", "B", "C", "1", "1.", "Tổng thu ngân sách", "tỷ đồng", "5.104,2")
        + _PAGE_END
    )
    result = run_text(page)
    assert [(r["row_id"], r["unit"]) for r in result.tables["appendix_rows"]] == [("1", "tỷ đồng")]
    assert [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"]] == [
        ("Thực hiện năm 2023", "5.104,2"),
    ]


def test_a_name_with_its_own_list_gives_the_list_as_tasks_when_there_is_no_tasks_column() -> None:
    header = ("STT", "Nội dung", "Đơn vị chủ trì")
    page = _PAGE_HEAD + text_cells(
        *header, "1", "Triển khai học bạ số:", "+ Cấp THPT: 100% trường;", "+ Giáo dục thường xuyên: 50% trung tâm.",
        "Văn phòng Sở", "2", "Cập nhật dữ liệu học sinh", "Phòng Kế hoạch - Tài chính",
    ) + _PAGE_END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r.get("tasks"), r["lead_units"]) for r in rows] == [
        ("1", "Triển khai học bạ số:", ["Cấp THPT: 100% trường;", "Giáo dục thường xuyên: 50% trung tâm."],
         ["Văn phòng Sở"]),
        ("2", "Cập nhật dữ liệu học sinh", None, ["Phòng Kế hoạch - Tài chính"]),
    ]


def test_a_form_with_its_own_header_is_titled_by_what_follows_that_header() -> None:
    header = ("STT", "Chỉ tiêu", "Đơn vị tính")
    page = (
        _PAGE_HEAD + text_cells(*header, "1", "Sản lượng lương thực", "tấn") + "\n\nBIỂU MẪU SỐ 01\n\n"
        "UBND QUẬN/HUYỆN ……\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: ……/BC-UBND\n\n……, ngày … tháng … năm 20…\n\nBÁO CÁO KẾT QUẢ THỰC HIỆN 06 THÁNG\n\n"
        + text_cells(*header, "1", "Diện tích lúa", "ha") + _PAGE_END
    )
    result = run_text(page)
    titles = {(r["appendix_index"], r["appendix_label"], r["appendix_title"]) for r in result.tables["appendix_rows"]}
    assert (2, "BIỂU MẪU SỐ 01", "BÁO CÁO KẾT QUẢ THỰC HIỆN 06 THÁNG") in titles
    assert result.tables["documents"][0]["number"] == "215/KH-UBND"


def test_a_page_break_after_a_short_row_keeps_the_items_going() -> None:
    # the last "-" item of the page lost its unit; the page's number and the header Word repeats
    # follow; the next page goes on with a "-" item and group II
    first = (
        SCORED,
        ("I", "Chỉ đạo", "7", "5", "", ""),
        ("-", "Ban hành kế hoạch", "3", "2", "Thực hiện.", "Sở Nội vụ"),
        ("-", "Kiểm tra", "4", "3", "Kiểm tra."),
    )
    second = (
        SCORED,
        ("-", "Tuyên truyền", "0", "0", "Tuyên truyền.", "Sở Tư pháp"),
        ("II", "Cải cách", "3", "3", "", ""),
        ("-", "Số hóa", "3", "3", "Số hóa.", "Sở Nội vụ"),
    )
    for between in ("\n\n", "\n\n12\n\n"):
        page = _PAGE_HEAD + text_table(*first) + between + text_table(*second) + _PAGE_END
        result = run_text(page)
        rows = [(r["row_id"], r["name"], r["lead_units"]) for r in result.tables["appendix_rows"]]
        assert rows == [
            ("I", "Chỉ đạo", []),
            ("I.-1", "Ban hành kế hoạch", ["Sở Nội vụ"]),
            ("I.-2", "Kiểm tra", []),
            ("I.-3", "Tuyên truyền", ["Sở Tư pháp"]),
            ("II", "Cải cách", []),
            ("II.-1", "Số hóa", ["Sở Nội vụ"]),
        ], between
        assert [(f["code"], f["row_id"]) for f in result.tables["findings"]] == [("short_row", "I.-2")], between



def test_units_one_per_paragraph_stay_out_of_the_quarter_columns() -> None:
    header = ("STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Quý I", "Quý II", "Quý III")
    page = _PAGE_HEAD + text_cells(
        *header,
        "1", "Công bố danh mục thủ tục", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Y tế", "Văn phòng UBND tỉnh",
        "x", "x", "x",
        "2", "Kiểm tra việc thực hiện", "Văn phòng UBND tỉnh", "Sở Nội vụ", NBSP, "x", NBSP,
    ) + _PAGE_END  # fmt: skip
    result = run_text(page)
    rows = [(r["row_id"], r["lead_units"], r["coordinating_units"]) for r in result.tables["appendix_rows"]]
    assert rows == [
        ("1", ["Sở Tư pháp"], ["Sở Kế hoạch và Đầu tư", "Sở Y tế", "Văn phòng UBND tỉnh"]),
        ("2", ["Văn phòng UBND tỉnh"], ["Sở Nội vụ"]),
    ]
    marks = [(c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"]]
    assert marks == [
        ("1", "Quý I", "x"), ("1", "Quý II", "x"), ("1", "Quý III", "x"),
        ("2", "Quý I", None), ("2", "Quý II", "x"), ("2", "Quý III", None),
    ]  # fmt: skip


def test_a_year_column_may_hold_a_plan_s_paragraphs() -> None:
    # unlike a quarter's mark, a year's cell may run over paragraphs: they never join the name
    page = _PAGE_HEAD + text_cells(
        "STT", "Nội dung", "Năm 2024", "Năm 2025",
        "1", "Chuyển đổi số", "Hoàn thành cơ sở dữ liệu.", "Kết nối hệ thống.", "Duy trì vận hành.",
    ) + _PAGE_END  # fmt: skip
    result = run_text(page)
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [("1", "Chuyển đổi số")]
    years = [(c["column_header"], c["value"]) for c in result.tables["appendix_cells"]]
    assert years == [("Năm 2024", "Hoàn thành cơ sở dữ liệu."), ("Năm 2025", "Kết nối hệ thống.\nDuy trì vận hành.")]


def test_a_subtotal_naming_its_group_is_checked_against_the_group_s_rows() -> None:
    rows = (
        SCORED_GROUPS,
        ("I", "Nhóm 1", "", "", ""),
        ("1", "Tiêu chí A", "4", "3", "3"),
        ("2", "Tiêu chí B", "4", "3,5", "4"),
        ("", "Cộng I", "8", "7,5", "7"),  # 3 + 3,5 = 6,5 achieved, not 7,5
        ("II", "Nhóm 2", "", "", ""),
        ("3", "Tiêu chí C", "2", "2", "2"),
        ("", "Cộng II", "2", "2", "2"),  # group II alone, not group I's rows too
        ("", "TỔNG ĐIỂM", "10", "8,5", "9"),
    )
    for page, path in _both_forms(*rows):
        result = run_text(page, path)
        doc = result.tables["documents"][0]
        assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal("10"), Decimal("8.5")), path
        found = [
            (f["code"], f["row_id"], f["column"], f["expected"], f["actual"])
            for f in result.tables["findings"]
            if f["code"] != "subtotal_row"
        ]
        assert found == [("total_mismatch", "subtotal 1", "achieved_score", "6,5", "7,5")], path


def test_group_rows_without_figures_leave_the_total_unchecked() -> None:
    # a bonus group outside the total, or levels a/b/c that are alternatives: the groups' sums
    # are not the table's, so a total over groups printed without figures is not checked
    rows = (
        SCORED_GROUPS,
        ("I", "Nhóm 1", "", "", ""),
        ("1", "Tiêu chí A", "4", "3", "3"),
        ("2", "Tiêu chí B", "6", "5", "5"),
        ("II", "Điểm thưởng", "", "", ""),
        ("3", "Sáng kiến", "2", "1", "1"),
        ("", "TỔNG ĐIỂM", "10", "8", "8"),
    )
    for page, path in _both_forms(*rows):
        assert run_text(page, path).tables["findings"] == [], path



def test_a_field_quoted_by_its_number_is_the_group_numbered_so_in_roman() -> None:
    # the body's "Lĩnh vực 2" is group II of a table grouped I, II
    head = _PAGE_HEAD.replace("Nâng cao chỉ số.", "Năm 2023, Lĩnh vực 2 đạt 4,5/6 điểm; Lĩnh vực 1 đạt 3/4 điểm.")
    rows = (
        SCORED_GROUPS,
        ("I", "Chỉ đạo điều hành", "4", "3", "4"),
        ("1", "Ban hành kế hoạch", "4", "3", "4"),
        ("II", "Tuyên truyền", "6", "5", "6"),
        ("2", "Tuyên truyền trên báo", "6", "5", "6"),
    )
    result = run_text(head + text_table(*rows) + _PAGE_END)
    found = [(f["code"], f["row_id"], f["expected"], f["actual"]) for f in result.tables["findings"]]
    assert found == [("body_figure_mismatch", "II", "5", "4,5")]
