"""Text dumps that set their cells apart with blank lines (a browser's copy, as the sample) print
a "<br>" inside a cell, or a converter's wrap, as a line break with no blank line: those lines
are one cell. Also: units named by their head alone, and a figure equal to the next row number
in a row whose unit cell has two paragraphs."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import run_text, text_table

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 87/BC-UBND\n\nBắc Kạn, ngày 20 tháng 02 năm 2025\n\nBÁO CÁO\n\nKẾT QUẢ CHẤM ĐIỂM NĂM 2024\n\n"
    "I. KẾT QUẢ\n\nTỉnh đạt kết quả khá.\n\nPHỤ LỤC\n\nKẾT QUẢ CHẤM ĐIỂM\n\n"
)
_END = "\n\nNơi nhận:\n\n- Như trên;\n\n- Lưu: VT.\n"


def _page(*rows: tuple[str, ...]) -> str:
    """A plan whose appendix is ``rows`` printed one cell per line, blank lines between."""
    return _HEAD + text_table(*rows) + _END


def _tab_page(table: str) -> str:
    """A plan without blank lines whose appendix is ``table``, its rows' cells apart by tabs."""
    return _HEAD.replace("\n\n", "\n") + table + "\nNơi nhận:\n- Lưu: VT.\n"


def _rows(result, *keys: str) -> list[tuple]:
    return [tuple(r[k] for k in ("row_id", *keys)) for r in result.tables["appendix_rows"]]


def test_header_and_unit_cells_broken_over_lines_stay_one_cell() -> None:
    page = _page(
        ("STT", "Chỉ số", "Điểm\ntối đa", "Điểm đạt", "Đơn vị\nchủ trì", "Thời gian\nhoàn thành"),
        ("1", "Công khai thông tin thủ tục hành chính", "8", "7", "Văn phòng UBND tỉnh", "Thường xuyên"),
        ("2", "Tiến độ giải quyết hồ sơ", "10", "8,5", "Sở Nội vụ\nBảo hiểm xã hội tỉnh", "Hằng tháng"),
    )
    result = run_text(page, "bac-kan.txt")
    assert _rows(result, "max_score", "achieved_score", "lead_units", "deadline") == [
        ("1", Decimal("8"), Decimal("7"), ["Văn phòng UBND tỉnh"], "Thường xuyên"),
        ("2", Decimal("10"), Decimal("8.5"), ["Sở Nội vụ", "Bảo hiểm xã hội tỉnh"], "Hằng tháng"),
    ]
    assert [f["code"] for f in result.tables["findings"]] == []


def test_a_task_wrapped_by_a_converter_is_one_task() -> None:
    task = "Rà soát, tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình đối\nvới các thủ tục."
    page = _page(
        ("STT", "Chỉ số", "Điểm tối đa", "Nhiệm vụ", "Đơn vị chủ trì"),
        ("1", "Tỷ lệ hồ sơ trực tuyến", "3", task, "Văn phòng UBND tỉnh"),
        ("2", "Tỷ lệ số hóa hồ sơ", "1,5", "- Số hóa hồ sơ;\n- Cập nhật kết quả.", "Sở Nội vụ"),
    )
    assert _rows(run_text(page, "bac-kan.txt"), "tasks") == [
        ("1", [task.replace("\n", " ")]),
        ("2", ["Số hóa hồ sơ;", "Cập nhật kết quả."]),
    ]


def test_a_target_equal_to_the_next_row_number_in_a_row_with_a_two_paragraph_unit_cell() -> None:
    header = (
        "STT",
        "Chỉ số",
        "Điểm tối đa",
        "Điểm đạt năm 2024",
        "Mục tiêu năm 2025",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
    )
    page = _page(
        header,
        # the coordinating cell's two paragraphs print as two cells: the row is one cell too wide
        (
            "1",
            "Tỷ lệ hồ sơ trực tuyến",
            "2",
            "1,5",
            "2",
            "Rà soát quy trình.",
            "Văn phòng UBND tỉnh",
            "Sở Khoa học và Công nghệ\n\nTỉnh đoàn",
            "Trong năm 2025",
        ),
        (
            "2",
            "Tỷ lệ số hóa hồ sơ",
            "1,5",
            "1,25",
            "1,5",
            "Số hóa hồ sơ.",
            "Sở Nội vụ",
            "Các sở, ban, ngành",
            "Quý II/2025",
        ),
    )
    result = run_text(page, "bac-kan.txt")
    assert _rows(result, "name", "target_score", "coordinating_units", "deadline") == [
        ("1", "Tỷ lệ hồ sơ trực tuyến", Decimal("2"), ["Sở Khoa học và Công nghệ", "Tỉnh đoàn"], "Trong năm 2025"),
        ("2", "Tỷ lệ số hóa hồ sơ", Decimal("1.5"), ["Các sở, ban, ngành"], "Quý II/2025"),
    ]


def test_a_page_without_blank_lines_keeps_one_cell_a_line() -> None:
    # no blank lines anywhere: adjacent lines are cells of their own, never joined
    page = _page(
        ("STT", "Chỉ số", "Điểm tối đa", "Đơn vị chủ trì"),
        ("1", "Công khai thông tin", "8", "Văn phòng UBND tỉnh"),
        ("2", "Tiến độ giải quyết hồ sơ", "10", "Sở Nội vụ"),
    ).replace("\n\n", "\n")
    assert _rows(run_text(page, "bac-kan.txt"), "max_score", "lead_units") == [
        ("1", Decimal("8"), ["Văn phòng UBND tỉnh"]),
        ("2", Decimal("10"), ["Sở Nội vụ"]),
    ]


def test_a_two_level_header_under_a_year_printed_flat() -> None:
    from extract.columns import split_flat_header

    flat = ["STT", "Lĩnh vực", "Kết quả năm 2019", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]
    assert split_flat_header(flat, 5) == [flat[:3], flat[3:]]
    page = _page(
        tuple(flat),
        ("1", "Công tác chỉ đạo, điều hành CCHC", "8,5", "7,25", "85,29"),
        ("2", "Xây dựng và tổ chức thực hiện văn bản QPPL", "10", "8,75", "87,50"),
        ("3", "Cải cách thủ tục hành chính", "13,5", "12,40", "91,85"),
    )
    result = run_text(page, "soc-trang.txt")
    assert _rows(result, "max_score", "achieved_score", "achieved_year") == [
        ("1", Decimal("8.5"), Decimal("7.25"), 2019),
        ("2", Decimal("10"), Decimal("8.75"), 2019),
        ("3", Decimal("13.5"), Decimal("12.40"), 2019),
    ]


def test_a_tab_separated_table_with_header_cells_over_two_lines_and_wrapped_rows() -> None:
    # a browser copies a table with tabs between cells and a "<br>" or a wrap as a line break
    header = "STT\tChỉ số\tĐiểm\ntối đa\tNhiệm vụ\tĐơn vị\nchủ trì\tThời gian\nhoàn thành\n"
    rows = (
        "1\tGia nhập thị trường\t10\tBan hành kế hoạch CCHC, kế hoạch tuyên\ntruyền đúng thời hạn.\tSở Kế hoạch"
        " và Đầu tư\tQuý II/2021\nTrang 2/3\n"
        "2\tTiếp cận đất đai\t10\tRà soát văn bản do HĐND,\nUBND tỉnh ban hành.\tSở Tài nguyên và Môi trường\t"
        "Thường xuyên\n"
    )
    page = _tab_page(header + rows)
    result = run_text(page, "dong-thap.txt")
    assert _rows(result, "max_score", "tasks", "lead_units", "deadline") == [
        (
            "1",
            Decimal("10"),
            ["Ban hành kế hoạch CCHC, kế hoạch tuyên truyền đúng thời hạn."],
            ["Sở Kế hoạch và Đầu tư"],
            "Quý II/2021",
        ),
        (
            "2",
            Decimal("10"),
            ["Rà soát văn bản do HĐND, UBND tỉnh ban hành."],
            ["Sở Tài nguyên và Môi trường"],
            "Thường xuyên",
        ),
    ]


def test_a_page_number_above_the_repeated_header_is_no_row() -> None:
    header = ("TT", "Tiêu chí", "Điểm tối đa", "Nhiệm vụ", "Đơn vị chủ trì")
    page = _page(
        header,
        ("1", "Công khai thủ tục hành chính", "5", "Niêm yết công khai.", "Văn phòng UBND tỉnh"),
        ("2", "Thái độ giao tiếp của công chức", "6", "Tập huấn kỹ năng.", "Sở Nội vụ"),
        ("2",),  # the page's number, then Word's repeated header
        header,
        ("2.1", "Ứng xử của công chức", "2,5", "Thực hiện quy tắc ứng xử.", "Sở Nội vụ"),
        ("2.2", "Kỷ luật, kỷ cương", "3,5", "Kiểm tra đột xuất.", "Sở Nội vụ"),
    )
    result = run_text(page, "binh-dinh.txt")
    assert _rows(result, "max_score", "lead_units") == [
        ("1", Decimal("5"), ["Văn phòng UBND tỉnh"]),
        ("2", Decimal("6"), ["Sở Nội vụ"]),
        ("2.1", Decimal("2.5"), ["Sở Nội vụ"]),
        ("2.2", Decimal("3.5"), ["Sở Nội vụ"]),
    ]
    assert result.tables["findings"] == []


def _cells(*cells: str) -> str:
    return "\n\n".join(cells)


_ROW_CASES = {
    # each row's cells printed as adjacent lines, a blank line between rows
    "rows line by line": _cells(
        "STT\nNội dung\nĐiểm tối đa\nĐiểm đạt", "1\nCông tác chỉ đạo\n8\n7", "2\nCải cách thủ tục\n10\n9"
    ),
    # two figures, a row number and its name, a task and its unit on adjacent lines
    "figures adjacent": _cells(
        "STT", "Nội dung", "Điểm tối đa", "Điểm đạt", "1", "Công tác chỉ đạo", "8\n7", "2", "Cải cách thủ tục", "10\n9"
    ),
    "number and name adjacent": _cells(
        "STT", "Nội dung", "Điểm tối đa", "Điểm đạt", "1\nCông tác chỉ đạo", "8", "7", "2\nCải cách thủ tục", "10", "9"
    ),
}


def test_adjacent_lines_that_are_cells_of_their_own_stay_apart() -> None:
    for name, table in _ROW_CASES.items():
        result = run_text(_HEAD + table + _END, "quang-nam.txt")
        assert _rows(result, "max_score", "achieved_score") == [
            ("1", Decimal("8"), Decimal("7")),
            ("2", Decimal("10"), Decimal("9")),
        ], name
    task_then_unit = _cells("STT", "Nhiệm vụ", "Đơn vị chủ trì", "1", "Ban hành kế hoạch\nSở Nội vụ")
    result = run_text(_HEAD + task_then_unit + _END, "quang-nam.txt")
    assert _rows(result, "name", "lead_units") == [("1", "Ban hành kế hoạch", ["Sở Nội vụ"])]


def test_a_year_parent_only_when_it_is_the_headers_one_year() -> None:
    from extract.columns import split_flat_header

    # two cells name a year: which one is the parent of "Điểm | Xếp hạng" cannot be told, so no
    # year cell is taken for one (the earlier trailing-cells rule splits the header as before)
    flat = ["STT", "Nội dung", "Mục tiêu năm 2023", "Kết quả năm 2022", "Điểm", "Xếp hạng"]
    assert split_flat_header(flat, 5) == [flat[:2], flat[2:]]


def test_a_total_row_under_a_tab_separated_header_is_no_part_of_it() -> None:
    page = _tab_page(
        "STT\tNội dung\tĐiểm tối đa\tĐiểm đạt\tĐơn vị chủ trì\n"
        "Tổng cộng\t\t18\t16\t\n"
        "1\tCông tác chỉ đạo\t8\t7\tSở Nội vụ\n"
        "2\tCải cách thủ tục\t10\t9\tVăn phòng UBND tỉnh\n"
    )
    result = run_text(page, "quang-nam.txt")
    assert _rows(result, "max_score", "lead_units") == [
        ("1", Decimal("8"), ["Sở Nội vụ"]),
        ("2", Decimal("10"), ["Văn phòng UBND tỉnh"]),
    ]
    assert [f["code"] for f in result.tables["findings"]] == []  # the header kept its five columns


def test_a_header_word_that_lost_a_letter_keeps_its_column() -> None:
    from extract.columns import role_of

    assert [role_of(h) for h in ("Điểm đt năm 2022", "Đim tối đa", "Mc tiêu 2023", "Thi gian hoàn thành")] == [
        "achieved_score",
        "max_score",
        "target_score",
        "deadline",
    ]
    assert role_of("Đơn vị ch trì") == "lead_units" and role_of("Đơn vị ch trì", damaged=False) == "other"
    assert [role_of(h) for h in ("Đơn vị thc hin", "Cơ quan phi hợp", "Kết qu chấm điểm / Đim tchấm")] == [
        "lead_units",
        "coordinating_units",
        "achieved_score",
    ]
    # "vị" lost its letter in the unit's own word: "Đơn v chủ trì", "Đơn v tính"
    assert [role_of(h) for h in ("Đơn v chủ trì", "Cơ quan thc hiện", "Đơn v tính", "Đơn v")] == [
        "lead_units",
        "lead_units",
        "unit",
        "other",
    ]
    assert [role_of(h) for h in ("Đim / Ti đa", "Đơn vị thực hin", "Kết quả đt được", "Thang đim")] == [
        "max_score",
        "lead_units",
        "achieved_score",
        "max_score",
    ]
    # real words that look like a damaged header word stay what they are: whole phrases only
    assert [role_of(h) for h in ("Cơ quan thi hành", "Nguồn kinh phí hợp pháp khác", "Thông tin đối ngoại")] == [
        "other",
        "other",
        "other",
    ]
    page = _page(
        ("STT", "Chỉ số", "Điểm tối đa", "Điểm đt năm 2022"),
        ("1", "Công khai thông tin", "8", "7"),
        ("2", "Tiến độ giải quyết hồ sơ", "10", "8,5"),
    )
    for repair in (False, True):
        result = run_text(page, "bac-kan.txt", repair=repair)
        assert _rows(result, "achieved_score", "achieved_year") == [
            ("1", Decimal("7"), 2022),
            ("2", Decimal("8.5"), 2022),
        ]


def test_plus_items_sit_under_dash_items_and_a_note_row_does_not_hide_a_sum() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    page = _page(
        header,
        ("1", "Triển khai nhiệm vụ đột xuất", "30", "27,5"),
        ("-", "Nhiệm vụ do UBND tỉnh giao", "20", "18,5"),
        ("+", "Hoàn thành đúng hạn", "12", "11"),
        ("+", "Chất lượng tham mưu", "8", "7,5"),
        ("-", "Nhiệm vụ do Bộ, ngành giao", "10", "9"),
        ("2", "Công tác phối hợp", "10", "9,5"),
        ("-", "Trong đó, phối hợp tổ chức hội nghị", "", ""),  # a note: no score in any column
        ("2.1", "Phối hợp với các sở", "6", "5"),
        ("2.2", "Phối hợp với các huyện", "4", "3,5"),
    )
    result = run_text(page, "ha-tinh.txt")
    assert _rows(result, "parent_id", "level", "max_score") == [
        ("1", None, 1, Decimal("30")),
        ("1.-1", "1", 2, Decimal("20")),
        ("1.-1.+1", "1.-1", 3, Decimal("12")),
        ("1.-1.+2", "1.-1", 3, Decimal("8")),
        ("1.-2", "1", 2, Decimal("10")),
        ("2", None, 1, Decimal("10")),
        ("2.-1", "2", 2, None),
        ("2.1", "2", 2, Decimal("6")),
        ("2.2", "2", 2, Decimal("4")),
    ]
    # 2 prints 9,5 achieved, its scored sub-rows add up to 8,5; the note among them does not hide it
    findings = [(f["code"], f["row_id"], f["column"]) for f in result.tables["findings"]]
    assert findings == [("sum_mismatch", "2", "achieved_score")]


def test_a_bracketed_line_may_be_a_cell_of_its_own() -> None:
    # a row printed line by line: "(Bắt buộc)" is the note's cell, not part of the unit
    table = _cells(
        "STT\nNội dung\nĐơn vị chủ trì\nGhi chú", "1\nTập huấn nghiệp vụ\nSở Nội vụ\n(Bắt buộc)",
        "2\nKiểm tra công vụ\nSở Tư pháp\n(Định kỳ)",
    )  # fmt: skip
    result = run_text(_HEAD + table + _END, "quang-nam.txt")
    assert _rows(result, "lead_units", "note") == [
        ("1", ["Sở Nội vụ"], "(Bắt buộc)"),
        ("2", ["Sở Tư pháp"], "(Định kỳ)"),
    ]


def test_a_tab_separated_header_cell_wrapped_before_a_capital() -> None:
    page = _tab_page(
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\nHoàn thành\n"
        "1\tRà soát văn bản\tSở Tư pháp\tQuý I/2025\n"
        "2\tCông khai thủ tục\tVăn phòng UBND tỉnh\tQuý II/2025\n"
    )
    assert _rows(run_text(page, "quang-nam.txt"), "lead_units", "deadline") == [
        ("1", ["Sở Tư pháp"], "Quý I/2025"),
        ("2", ["Văn phòng UBND tỉnh"], "Quý II/2025"),
    ]


def test_a_total_row_cell_that_is_no_number_is_reported() -> None:
    page = _page(
        ("STT", "Chỉ số", "Điểm tối đa", "Mục tiêu năm 2025"),
        ("1", "Công khai thông tin", "8", "7"),
        ("2", "Tiến độ giải quyết hồ sơ", "10", "9"),
        ("", "TỔNG ĐIỂM", "18", "≥ 16"),
    )
    result = run_text(page, "bac-kan.txt")
    assert result.tables["documents"][0]["total_max_score"] == Decimal("18")
    findings = [(f["code"], f["row_id"], f["column"], f["actual"]) for f in result.tables["findings"]]
    assert findings == [("not_a_number", "total", "target_score", "≥ 16")]


def test_a_group_line_under_a_tab_header_is_no_part_of_it() -> None:
    page = _tab_page("STT\tNội dung\tĐơn vị\tThời gian\nPhối hợp liên ngành\n1\tRà soát văn bản\tSở Tư pháp\tQuý I\n")
    # not read with the deadlines as coordinating units (session 8: not read at all, reported);
    # since session 12 the line is a group title across the table, kept as an unnumbered row
    result = run_text(page, "quang-nam.txt")
    assert [(r["row_id"], r["name"], r["deadline"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Rà soát văn bản", "Quý I")
    ]
    assert [(c["row_id"], c["column_header"], c["value"]) for c in result.tables["appendix_cells"]] == [
        ("(before the first row)", "STT (unnumbered row)", "Phối hợp liên ngành"),
        ("1", "Đơn vị", "Sở Tư pháp"),
    ]
    assert [f["code"] for f in result.tables["findings"]] == ["unnumbered_row"]


def test_plus_items_first_are_the_outer_bullet() -> None:
    page = _page(
        ("STT", "Tiêu chí", "Điểm tối đa"),
        ("1", "Công tác tham mưu", "10"),
        ("+", "Tham mưu văn bản", "6"),
        ("-", "Đúng hạn", "3"),
        ("-", "Đúng quy trình", "3"),
        ("+", "Tham mưu tổ chức hội nghị", "4"),
    )
    result = run_text(page, "ha-tinh.txt")
    assert _rows(result, "parent_id") == [
        ("1", None),
        ("1.+1", "1"),
        ("1.+1.-1", "1.+1"),
        ("1.+1.-2", "1.+1"),
        ("1.+2", "1"),
    ]
    assert result.tables["findings"] == []


def test_dash_and_plus_used_as_one_list_are_siblings_when_the_figures_add_up_flat() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    flat = _page(
        header,
        ("1", "Công tác chỉ đạo", "10", "8"),
        ("-", "Ban hành kế hoạch", "4", "3"),
        ("+", "Kiểm tra thực hiện", "3", "3"),  # 4 + 3 + 3 = 10: one list under row 1
        ("-", "Báo cáo định kỳ", "3", "2"),
        ("2", "Công tác tuyên truyền", "5", "5"),
    )
    result = run_text(flat, "ha-tinh.txt")
    assert _rows(result, "parent_id", "level", "numbering") == [
        ("1", None, 1, "decimal"),
        ("1.-1", "1", 2, "dash"),
        ("1.+1", "1", 2, "plus"),
        ("1.-2", "1", 2, "dash"),
        ("2", None, 1, "decimal"),
    ]
    assert result.tables["findings"] == []


def test_plus_items_stay_under_the_dash_when_the_nested_sums_hold_or_nothing_adds_up() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa")
    nested = _page(
        header,
        ("1", "Công tác chỉ đạo", "10"),
        ("-", "Ban hành kế hoạch", "4"),
        ("+", "Kiểm tra thực hiện", "1,5"),  # 1,5 + 2,5 = 4 under the "-"; 4 + 6 = 10 under row 1
        ("+", "Ban hành đúng hạn", "2,5"),
        ("-", "Báo cáo định kỳ", "6"),
    )
    assert _rows(run_text(nested, "ha-tinh.txt"), "parent_id") == [
        ("1", None),
        ("1.-1", "1"),
        ("1.-1.+1", "1.-1"),
        ("1.-1.+2", "1.-1"),
        ("1.-2", "1"),
    ]
    neither = _page(
        header,
        ("1", "Công tác chỉ đạo", "12"),
        ("-", "Ban hành kế hoạch", "4"),
        ("+", "Kiểm tra thực hiện", "3"),  # 4 + 3 + 3 = 10 and 4 + 3 = 7: the convention stands
        ("-", "Báo cáo định kỳ", "3"),
    )
    result = run_text(neither, "ha-tinh.txt")
    assert _rows(result, "parent_id") == [("1", None), ("1.-1", "1"), ("1.-1.+1", "1.-1"), ("1.-2", "1")]
    findings = [(f["code"], f["row_id"], f["expected"], f["actual"]) for f in result.tables["findings"]]
    assert findings == [("sum_mismatch", "1", "7", "12"), ("sum_mismatch", "1.-1", "3", "4")]
