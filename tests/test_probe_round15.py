"""Session-15 probe fixes: HTML pages built from real corpus documents (Word's runs of a word
read as a site's menu word) and GitHub-style Markdown tables broken by a converter (a line of
bare "|", a header over two lines, a group title between the header and the rows)."""

from __future__ import annotations

from decimal import Decimal

from extract.pipeline import process_bytes
from tests.conftest import run_text

_HTML_HEAD = (
    "<html><head><meta charset='utf-8'><title>t</title></head><body><div id='divContentDoc'>"
    "<table border=0><tr><td><p><b>ỦY BAN THƯỜNG VỤ QUỐC HỘI</b></p><p>-------</p></td>"
    "<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p></td></tr>"
    "<tr><td><p>Số: 1668/NQ-UBTVQH15</p></td><td><p><i>Hà Nội, ngày 16 tháng 6 năm 2025</i></p></td></tr></table>"
    "<p><b>NGHỊ QUYẾT</b></p><p><b>Về việc sắp xếp các đơn vị hành chính cấp xã năm 2025</b></p>"
    "<p><b>Điều 1.</b> Sắp xếp các đơn vị hành chính cấp xã như sau:</p>"
)
_HTML_TAIL = (
    "<p><b>Điều 2.</b> Nghị quyết này có hiệu lực từ ngày 01 tháng 7 năm 2025.</p>"
    "<table border=0><tr><td><p><b><i>Nơi nhận:</i></b></p><p>- Chính phủ;</p><p>- Lưu: HC, PLTP.</p></td>"
    "<td><p><b>TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI</b></p><p><b>CHỦ TỊCH</b></p><p><b>Trần Thanh Mẫn</b></p></td></tr>"
    "</table></div></body></html>"
)


def _html_document(paragraph: str) -> dict:
    page = _HTML_HEAD + paragraph + _HTML_TAIL
    return process_bytes(page.encode("utf-8"), "page.html", repair=False).tables["documents"][0]


def _html_appendix(*rows: tuple[str, ...]) -> dict[str, list[dict]]:
    """The document above with an appendix table of ``rows`` (the header first) after it."""
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    table = f"<p>PHỤ LỤC</p><table border=1>{cells}</table>"
    page = (_HTML_HEAD + _HTML_TAIL).replace("</div></body>", table + "</div></body>")
    return process_bytes(page.encode("utf-8"), "page.html", repair=False).tables


def test_a_word_split_into_runs_is_not_read_as_a_damaged_menu_word() -> None:
    # Word prints "Tài Văn" as runs "Tài V", "ă", "n"; "Tài V" read alone is "Tải về" with a lost
    # letter, a menu word: the paragraph had been taken for the site's, and the document ended at it
    split = "<p>90. Thành lập xã mới có tên gọi là <b><span>Tài V</span><span>ă</span><span>n</span></b> và xã An.</p>"
    document = _html_document(split)
    assert document["signer"] == "Trần Thanh Mẫn"
    assert document["signing_authority"] == "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    assert document["recipients"] == ["Chính phủ", "Lưu: HC, PLTP"]
    assert "90. Thành lập xã mới có tên gọi là Tài Văn và xã An." in document["body_text"]
    assert "Điều 2. Nghị quyết này có hiệu lực" in document["body_text"]


def test_the_site_menu_beside_the_document_is_still_left_out() -> None:
    menu = "<ul><li>Tải về</li><li>Văn bản gốc</li></ul>"
    page = _HTML_HEAD.replace("<div id='divContentDoc'>", menu + "<div id='divContentDoc'>") + _HTML_TAIL
    document = process_bytes(page.encode("utf-8"), "page.html", repair=False).tables["documents"][0]
    assert document["signer"] == "Trần Thanh Mẫn"
    assert "Tải về" not in document["body_text"]
    assert "Văn bản gốc" not in document["body_text"]


_MD_DOCUMENT = (
    "|\n**ỦY BAN NHÂN DÂN**\nTỈNH HÒA BÌNH\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 77/KH-UBND\n|\n*Hòa Bình, ngày 05 tháng 3 năm 2025*\n|\n\n"
    "**KẾ HOẠCH**\n\nQUAN TRẮC CHẤT LƯỢNG NƯỚC NĂM 2025\n\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau.\n\n"
    "|\n**Nơi nhận:**\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n**Trần Văn Minh**\n|\n\n"
    "**PHỤ LỤC I**\n\nDANH MỤC\n\n"
)


def _gfm(table: str) -> dict[str, list[dict]]:
    return run_text(_MD_DOCUMENT + table, "page.md").tables


def _cells(tables: dict[str, list[dict]]) -> list[tuple]:
    return [(c["row_id"], c["column_header"], c["value"]) for c in tables["appendix_cells"]]


def test_a_line_of_bare_bars_under_a_converted_header_does_not_end_the_table() -> None:
    # what a converter leaves of a header row whose cells it lost: "|", "| |" or "| ||"
    for remnant in ("|", "| |", "| ||", "|---|---|---|\n|"):
        tables = _gfm(
            "TT | Giá trị tài sản | Mức thu |\n"
            f"{remnant}\n"
            "| 1 | Dưới 50 triệu đồng | 50 nghìn |\n"
            "| 2 | Trên 100 triệu đồng | 0,1% giá trị tài sản |\n"
        )
        rows = [(r["row_id"], r["name"]) for r in tables["appendix_rows"]]
        assert rows == [("1", "Dưới 50 triệu đồng"), ("2", "Trên 100 triệu đồng")], remnant
        assert _cells(tables) == [("1", "Mức thu", "50 nghìn"), ("2", "Mức thu", "0,1% giá trị tài sản")]


def test_a_header_over_two_lines_without_its_merged_cells_goes_under_its_parent() -> None:
    tables = _gfm(
        "STT | Giao dịch | Biện pháp xác thực tối thiểu | |\n"
        "Khách hàng cá nhân | Khách hàng tổ chức | ||\n"
        "1 | Giao dịch loại A | Tên đăng nhập, mật khẩu | Tên đăng nhập |\n"
        "2 | Giao dịch loại B | OTP gửi qua SMS | Thẻ ma trận OTP |\n"
    )
    assert [(r["row_id"], r["name"]) for r in tables["appendix_rows"]] == [
        ("1", "Giao dịch loại A"),
        ("2", "Giao dịch loại B"),
    ]
    assert _cells(tables)[:2] == [
        ("1", "Biện pháp xác thực tối thiểu / Khách hàng cá nhân", "Tên đăng nhập, mật khẩu"),
        ("1", "Biện pháp xác thực tối thiểu / Khách hàng tổ chức", "Tên đăng nhập"),
    ]
    merged = [f["message"] for f in tables["findings"] if f["code"] == "header_rows_merged"]
    assert merged == [
        "2 header rows were merged into one as parent / child: STT | Giao dịch | "
        "Biện pháp xác thực tối thiểu / Khách hàng cá nhân | Biện pháp xác thực tối thiểu / Khách hàng tổ chức"
    ]


def test_a_header_row_wrapped_inside_its_last_cell_is_joined() -> None:
    tables = _gfm(
        "STT | Tên thủ tục hành chính nội bộ | Cơ quan thực\nhiện |\n"
        "| 1 | Lập, phê duyệt Đề án bán nhà ở xã hội | Ủy ban nhân dân tỉnh |\n"
        "| 2 | Chuyển đổi công năng nhà ở | Sở Xây dựng |\n"
    )
    assert [(r["row_id"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", ["Ủy ban nhân dân tỉnh"]),
        ("2", ["Sở Xây dựng"]),
    ]


def test_a_wrapped_header_cell_is_no_row_of_its_own() -> None:
    tables = _gfm(
        "| TT | Loại văn bản | Số điều | Tổng\n(1) |\n"
        "| 1 | Lệnh của Chủ tịch nước | 12 | 150 |\n| 2 | Nghị định | 14 | 1.800 |\n"
    )
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
    assert ("1", "Tổng (1)", "150") in _cells(tables)
    assert "duplicate_row_id" not in [f["code"] for f in tables["findings"]]


def test_a_group_title_between_the_header_and_the_first_row_keeps_the_table() -> None:
    tables = _gfm(
        "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi |\n\n**Đến năm 2030**\n\n"
        "1 | Tiềm lực khoa học, công nghệ | Thứ bậc | Đạt mức tiên tiến | Bộ Khoa học và Công nghệ |\n"
        "2 | Trình độ công nghệ của doanh nghiệp | Thứ bậc | Trên trung bình | Bộ Công Thương |\n"
    )
    assert [(r["row_id"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", ["Bộ Khoa học và Công nghệ"]),
        ("2", ["Bộ Công Thương"]),
    ]
    assert ("2", "Kết quả", "Trên trung bình") in _cells(tables)
    assert ("(before the first row)", "TT (unnumbered row)", "Đến năm 2030") in _cells(tables)


def test_two_tables_with_rows_apart_by_a_blank_line_stay_two_tables() -> None:
    tables = _gfm(
        "| TT | Việc | Cơ quan chủ trì |\n| 1 | Việc A | Sở Tư pháp |\n\n"
        "| TT | Mẫu | Tên mẫu |\n| 1 | M01 | Quyết định xử phạt |\n"
    )
    assert [(r["appendix_index"], r["row_id"], r["name"]) for r in tables["appendix_rows"]] == [
        (1, "1", "Việc A"),
        (2, "1", "Quyết định xử phạt"),
    ]


def test_a_layout_table_is_not_joined_to_a_numbered_table_after_a_blank_line() -> None:
    tables = _gfm(
        "| Cơ quan | Địa chỉ |\n| Sở Tư pháp | Hòa Bình |\n\n| 1 | Việc A | Sở Tư pháp |\n| 2 | Việc B | Sở Nội vụ |\n"
    )
    assert tables["appendix_rows"] == []


def test_a_total_whose_label_spans_the_number_and_name_columns_keeps_its_figures() -> None:
    # the converter printed "Tổng cộng" over STT and the names as one cell: the figures stand one
    # column to the left and the last cell is empty
    tables = _gfm(
        "TT | Danh mục sử dụng đất | Diện tích (ha) | Tỷ lệ (%) |\n"
        "| Tổng cộng (I+II) | 590,00 | 100,0 | |\n"
        "| I | Đất xây dựng khu công nghiệp | 425,00 | 72,0 |\n"
        "| II | Đất khác | 165,00 | 28,0 |\n"
    )
    totals = [(c["column_header"], c["value"]) for c in tables["appendix_cells"] if c["row_id"] == "total"]
    assert totals == [("Diện tích (ha)", "590,00"), ("Tỷ lệ (%)", "100,0")]


def test_a_money_total_printed_over_the_number_column_is_checked() -> None:
    tables = _gfm(
        "TT | Nội dung | Kinh phí (triệu đồng) | Ghi chú |\n"
        "| I | Chi thường xuyên | 425 | |\n| II | Chi đầu tư | 165 | |\n"
        "| Tổng cộng (I+II) | 600 | | |\n"
    )
    assert [(f["code"], f["message"]) for f in tables["findings"] if f["code"] == "total_mismatch"] == [
        ("total_mismatch", "The total row gives 600 for Kinh phí (triệu đồng) but the 2 top-level rows add up to 590.")
    ]


def test_a_total_in_its_own_name_cell_is_read_as_printed() -> None:
    tables = _gfm(
        "| TT | Nội dung | Kinh phí (triệu đồng) | Ghi chú |\n"
        "| I | Chi thường xuyên | 425 | |\n| II | Chi đầu tư | 165 | |\n"
        "| | Tổng cộng | 590 | Đủ |\n"
    )
    totals = [(c["column_header"], c["value"]) for c in tables["appendix_cells"] if c["row_id"] == "total"]
    assert totals == [("Kinh phí (triệu đồng)", "590")]
    assert "total_mismatch" not in [f["code"] for f in tables["findings"]]


_LETTER_TOP = (
    "|\n**BỘ TÀI CHÍNH**\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 5680/CT-CS\nV/v chính sách thuế\n|\n"
    "*Hà Nội, ngày 05 tháng 12 năm 2025*\n|\n\nKính gửi: Công ty TNHH ABC.\n\n"
    "Cục Thuế nhận được công văn của Công ty. Về vấn đề này, Cục Thuế có ý kiến như sau.\n\n"
    "|\n*Nơi nhận:*\n- Như trên;\n- Lưu: VT, CS.\n|\n"
)


def _signature(*lines: str) -> dict:
    page = _LETTER_TOP + "\n".join(lines) + "\nNguyễn Văn An\n|\n"
    document = run_text(page, "page.md").tables["documents"][0]
    return {key: document[key] for key in ("signer", "signer_title", "signing_authority")}


def test_a_signing_line_wrapped_in_two_keeps_the_authority_above_it() -> None:
    assert _signature(
        "**TL. CỤC TRƯỞNG**", "**KT. TRƯỞNG BAN BAN CHÍNH SÁCH,**", "**THUẾ QUỐC TẾ**", "**PHÓ TRƯỞNG BAN**"
    ) == {
        "signer": "Nguyễn Văn An",
        "signer_title": "PHÓ TRƯỞNG BAN",
        "signing_authority": "TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ",
    }


def test_a_signing_line_wrapped_right_above_the_name_is_not_lost() -> None:
    assert _signature("**TL. CỤC TRƯỞNG**", "**KT. TRƯỞNG BAN BAN CHÍNH SÁCH,**", "**THUẾ QUỐC TẾ**") == {
        "signer": "Nguyễn Văn An",
        "signer_title": None,
        "signing_authority": "TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ",
    }


def test_a_deputy_title_under_the_office_it_signs_for_is_the_signer_title() -> None:
    assert _signature("**KT. THỐNG ĐỐC**", "**PHÓ THỐNG ĐỐC**") == {
        "signer": "Nguyễn Văn An",
        "signer_title": "PHÓ THỐNG ĐỐC",
        "signing_authority": "KT. THỐNG ĐỐC",
    }
    assert _signature("**K/T CHÁNH VĂN PHÒNG**", "**PHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC**")["signer_title"] == (
        "PHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC"
    )


def test_a_site_menu_of_glued_items_still_ends_the_document() -> None:
    # "<a>Tải về</a><a>in</a>": a menu word as printed is clutter even when the next item follows
    # without a space; only a menu word read with a lost letter ("Tài V") needs its text to end
    related = (
        "<div class='related'><p>Văn bản cùng lĩnh vực</p><table border=1><tr><td>STT</td><td>Tên văn bản</td>"
        "<td>Cơ quan ban hành</td></tr><tr><td>1</td><td>Quyết định 12/2024/QĐ-UBND về giá đất</td>"
        "<td>UBND tỉnh</td></tr></table></div>"
    )
    for menu in ("<a href='#'>Tải về</a><a href='#'>in</a>", "<b>Từ khóa</b><a href='#'>sắp xếp</a>"):
        page = (_HTML_HEAD + "<p>Thành lập xã An.</p>" + _HTML_TAIL).replace(
            "</div></body>", f"</div><div class='tabs'>{menu}</div>{related}</body>"
        )
        tables = process_bytes(page.encode("utf-8"), "page.html", repair=False).tables
        assert tables["appendix_rows"] == [], menu
        assert tables["documents"][0]["signer"] == "Trần Thanh Mẫn"


def test_a_word_in_capitals_split_into_runs_is_not_a_menu_word() -> None:
    split = "<p>90. Thành lập xã mới có tên gọi là <b><span>TÀI V</span><span>Ă</span><span>N</span></b>.</p>"
    document = _html_document(split)
    assert document["signer"] == "Trần Thanh Mẫn"
    assert "90. Thành lập xã mới có tên gọi là TÀI VĂN." in document["body_text"]


def test_a_title_row_across_a_grid_before_the_first_row_is_no_header() -> None:
    tables = _gfm(
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| **Nhiệm vụ chung** | | | |\n| 1 | Việc A | Sở Tư pháp | Quý I |\n| 2 | Việc B | Sở Nội vụ | Quý II |\n"
    )
    assert ("(before the first row)", "STT (unnumbered row)", "Nhiệm vụ chung") in _cells(tables)
    assert [(r["row_id"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", ["Sở Tư pháp"]),
        ("2", ["Sở Nội vụ"]),
    ]
    assert "header_rows_merged" not in [f["code"] for f in tables["findings"]]


def test_a_total_with_a_count_under_the_names_is_read_where_it_stands() -> None:
    tables = _gfm(
        "| TT | Tên đơn vị | Số lượng (người) | Ghi chú |\n|---|---|---|---|\n"
        "| 1 | Xã A | 10 | |\n| 2 | Xã B | 20 | |\n| Cộng | 2 | 30 | |\n"
    )
    totals = [(c["column_header"], c["value"]) for c in tables["appendix_cells"] if c["row_id"] == "total"]
    assert totals == [("Số lượng (người)", "30")]


def test_a_bar_after_a_grid_does_not_join_the_signature_grid_to_it() -> None:
    page = _MD_DOCUMENT.split("|\n**Nơi nhận:**")[0] + (
        "| TT | Việc | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Việc A | Sở Tư pháp |\n| 2 | Việc B | Sở Nội vụ |\n|\n"
        "| **Nơi nhận:**<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br>**Trần Văn Minh** |\n"
    )
    tables = run_text(page, "page.md").tables
    assert [(r["row_id"], r["lead_units"]) for r in tables["appendix_rows"]] == [
        ("1", ["Sở Tư pháp"]),
        ("2", ["Sở Nội vụ"]),
    ]
    assert tables["appendix_cells"] == []


def test_a_penalty_sub_row_is_no_part_of_its_parents_maximum() -> None:
    tables = _gfm(
        "| STT | Tiêu chí | Điểm tối đa | Điểm tự chấm |\n|---|---|---|---|\n"
        "| 1 | Công tác chỉ đạo | 3 | 2 |\n| 1.1 | Ban hành kế hoạch | 1 | 1 |\n| 1.2 | Kiểm tra | 2 | 1 |\n"
        "| 1.3 | Điểm trừ: chậm báo cáo | -1 | 0 |\n| | TỔNG ĐIỂM | 3 | 2 |\n"
    )
    assert [f["code"] for f in tables["findings"] if f["severity"] == "error"] == []


def test_a_second_column_of_points_named_by_who_graded_is_checked() -> None:
    tables = _gfm(
        "| STT | Tiêu chí | Điểm tối đa | Điểm tự chấm | Điểm Khối chấm |\n|---|---|---|---|---|\n"
        "| 1 | Công tác chỉ đạo | 20 | 18 | 17 |\n| 2 | Công tác kiểm tra | 20 | 19 | 18 |\n"
        "| | TỔNG ĐIỂM | 40 | 37 | 36 |\n"
    )
    assert [f["message"] for f in tables["findings"] if f["code"] == "total_mismatch"] == [
        "The total row gives 36 for Điểm Khối chấm but the 2 top-level rows add up to 35."
    ]


def test_sub_rows_numbered_inside_the_name_cell_are_rows_of_their_own() -> None:
    # no number column: "1. Công tác chỉ đạo", then its sub-rows "1.1. Kế hoạch CCHC"
    tables = _html_appendix(
        ("Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt"),
        ("1. Công tác chỉ đạo", "3", "2,5"),
        ("1.1. Kế hoạch cải cách hành chính", "1", "1"),
        ("1.2. Kiểm tra cải cách hành chính", "2", "1,5"),
        ("2. Thủ tục hành chính", "2", "2"),
    )
    assert [(r["row_id"], r["parent_id"], r["name"], r["max_score"]) for r in tables["appendix_rows"]] == [
        ("1", None, "Công tác chỉ đạo", Decimal("3")),
        ("1.1", "1", "Kế hoạch cải cách hành chính", Decimal("1")),
        ("1.2", "1", "Kiểm tra cải cách hành chính", Decimal("2")),
        ("2", None, "Thủ tục hành chính", Decimal("2")),
    ]
    assert "unnumbered_row" not in [f["code"] for f in tables["findings"]]


def test_a_title_right_above_the_name_is_no_wrap_of_the_authority() -> None:
    assert _signature("**TL. BỘ TRƯỞNG**", "**VỤ TRƯỞNG VỤ PHÁP CHẾ**")["signing_authority"] == "TL. BỘ TRƯỞNG"
    assert _signature("**TM. ỦY BAN NHÂN DÂN**", "(ĐÃ KÝ)")["signing_authority"] == "TM. ỦY BAN NHÂN DÂN"


def test_only_a_column_of_points_named_by_its_grader_is_a_second_score() -> None:
    head = "| STT | Tiêu chí | Điểm tối đa | {} | Điểm tự chấm |\n|---|---|---|---|---|\n"
    rows = "| 1 | Công tác chỉ đạo | 20 | {} | 18 |\n| 2 | Công tác kiểm tra | 20 | {} | 19 |\n"
    for header, first, second in (
        ("Điểm trừ do chậm", "-2", "0"),  # "chậm" (late) folds as "chấm" (graded)
        ("Điểm hướng dẫn chấm", "Chấm theo hồ sơ", "Chấm theo báo cáo"),
    ):
        tables = _gfm(head.format(header) + rows.format(first, second))
        assert [r["achieved_score"] for r in tables["appendix_rows"]] == [Decimal("18"), Decimal("19")], header


def test_a_signing_line_wrapped_right_above_the_name_is_joined_unless_it_is_a_title() -> None:
    assert _signature("**TM. ỦY BAN**", "**NHÂN DÂN**")["signing_authority"] == "TM. ỦY BAN NHÂN DÂN"
    assert _signature("**KT. GIÁM ĐỐC SỞ NÔNG NGHIỆP**", "**VÀ PHÁT TRIỂN NÔNG THÔN**")["signing_authority"] == (
        "KT. GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"
    )
    assert _signature("**T/M BAN THƯỜNG VỤ**", "**THƯỜNG TRỰC**")["signing_authority"] == "T/M BAN THƯỜNG VỤ"
    assert _signature("**TM. ỦY BAN NHÂN DÂN**", "**TỈNH HÒA BÌNH**")["signing_authority"] == (
        "TM. ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"
    )
    # a title or note right above the name that holds none of the usual title words
    for line in ("**CHỦ TỌA**", "ĐÃ KÍ", "KÝ TÊN, ĐÓNG DẤU", "**HIỆU PHÓ**", "**THẨM PHÁN - CHỦ TỌA PHIÊN TÒA**"):
        assert _signature("**TM. HỘI ĐỒNG NHÂN DÂN**", line)["signing_authority"] == "TM. HỘI ĐỒNG NHÂN DÂN", line


def test_a_decimal_before_a_lower_case_word_in_a_name_cell_is_no_row_number() -> None:
    tables = _html_appendix(
        ("Nội dung", "Kinh phí (triệu đồng)"),
        ("1. Chi đào tạo", "300"),
        ("1.5. triệu đồng cho mỗi lớp", ""),
        ("1.6. đồng cho mỗi học viên", ""),
        ("2. Chi tuyên truyền", "200"),
    )
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2"]
