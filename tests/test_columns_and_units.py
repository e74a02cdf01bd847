"""Column roles under two-level headers, unit lists with commas inside names, code columns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.appendix import split_units
from extract.columns import role_of
from tests.conftest import run_text


@pytest.mark.parametrize(
    ("header", "role"),
    [
        # a two-level header is read as one phrase, else by its sub-column
        ("Điểm / Tối đa", "max_score"),
        ("Điểm / Đạt được năm 2021", "achieved_score"),
        ("Điểm / Mục tiêu năm 2022", "target_score"),
        ("Đơn vị thực hiện / Chủ trì", "lead_units"),
        ("Đơn vị thực hiện / Phối hợp", "coordinating_units"),
        ("Trách nhiệm thực hiện / Chủ trì", "lead_units"),
        ("Thời gian thực hiện / Bắt đầu", "deadline"),
        # marks per period under a time header are no deadline
        ("Thời gian thực hiện / Năm 2024", "other"),
        ("Tiến độ / Quý II", "other"),
        # the result of an assessment in one year is the achieved score (map_columns leaves
        # several years of results as cells: tests/test_layout_guards_4.py)
        ("Kết quả đánh giá / Năm 2021", "achieved_score"),
        # one-level headers that name the lead unit or a self-assessed score
        ("Chủ trì thực hiện", "lead_units"),
        ("Trách nhiệm thực hiện", "lead_units"),
        ("Đơn vị phụ trách", "lead_units"),
        ("Điểm tự chấm năm 2021", "achieved_score"),
        ("Nội dung / Nhiệm vụ", "name"),
    ],
)
def test_column_roles_of_two_level_and_other_headers(header: str, role: str) -> None:
    assert role_of(header) == role


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Sở Văn hóa, Thể thao và Du lịch; Báo Nghệ An", ["Sở Văn hóa, Thể thao và Du lịch", "Báo Nghệ An"]),
        ("Sở Lao động, Thương binh và Xã hội", ["Sở Lao động, Thương binh và Xã hội"]),
        ("UBND các huyện Đại Từ, Phú Lương, Võ Nhai", ["UBND các huyện Đại Từ, Phú Lương, Võ Nhai"]),
        ("Sở Nội vụ, UBND cấp huyện", ["Sở Nội vụ", "UBND cấp huyện"]),
        (
            "Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch, BHXH tỉnh",
            ["Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "BHXH tỉnh"],
        ),
        ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
        ("Sở Tài chính, các đơn vị liên quan", ["Sở Tài chính", "các đơn vị liên quan"]),
        # one phrase: a bare "Ban", a lowercase piece
        ("Các Sở, Ban, ngành phối hợp", ["Các Sở, Ban, ngành phối hợp"]),
        ("Các cơ quan, đơn vị được UBND tỉnh giao", ["Các cơ quan, đơn vị được UBND tỉnh giao"]),
        ("- Sở Y tế;\n- Sở Tài chính.", ["Sở Y tế", "Sở Tài chính"]),
    ],
)
def test_units_split_between_names_not_inside_them(cell: str, units: list[str]) -> None:
    assert split_units(cell.split("\n")) == units


_HEAD = (
    "<html><head><meta charset='utf-8'></head><body><div class=content1>"
    "<table border=0><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐẮK LẮK</p></td>"
    "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
    "<tr><td><p>Số: 58/KH-UBND</p></td><td><p>Đắk Lắk, ngày 10 tháng 3 năm 2022</p></td></tr></table>"
    "<p>KẾ HOẠCH</p><p>Nâng cao chỉ số cải cách hành chính năm 2022</p><p>I. MỤC TIÊU</p><p>Nâng cao chỉ số.</p>"
    "<p>PHỤ LỤC</p><p>NHIỆM VỤ NĂM 2022</p>"
)


def _html(table_rows: str) -> str:
    return _HEAD + f"<table border=1>{table_rows}</table></div></body></html>"


def test_scores_and_units_under_two_level_headers_in_html() -> None:
    rows = (
        "<tr><td rowspan=2>TT</td><td rowspan=2>Tiêu chí</td><td colspan=3>Điểm</td>"
        "<td colspan=2>Đơn vị thực hiện</td></tr>"
        "<tr><td>Tối đa</td><td>Đạt được năm 2021</td><td>Mục tiêu năm 2022</td><td>Chủ trì</td><td>Phối hợp</td></tr>"
        "<tr><td>1</td><td>Công tác chỉ đạo</td><td>10</td><td>8,5</td><td>9</td>"
        "<td>Sở Nội vụ</td><td>Sở Văn hóa, Thể thao và Du lịch; UBND các huyện</td></tr>"
        "<tr><td>2</td><td>Cải cách thể chế</td><td>6</td><td>5</td><td>5,5</td>"
        "<td>Sở Tư pháp</td><td>Sở Lao động, Thương binh và Xã hội</td></tr>"
        "<tr><td></td><td>TỔNG ĐIỂM</td><td>16</td><td>13,5</td><td>14,5</td><td></td><td></td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    got = [
        (r["row_id"], r["max_score"], r["achieved_score"], r["achieved_year"], r["target_score"], r["target_year"],
         r["lead_units"], r["coordinating_units"])
        for r in result.tables["appendix_rows"]
    ]
    assert got == [
        ("1", Decimal("10"), Decimal("8.5"), 2021, Decimal("9"), 2022, ["Sở Nội vụ"],
         ["Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện"]),
        ("2", Decimal("6"), Decimal("5"), 2021, Decimal("5.5"), 2022, ["Sở Tư pháp"],
         ["Sở Lao động, Thương binh và Xã hội"]),
    ]
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"], doc["total_target_score"]) == (
        Decimal("16"), Decimal("13.5"), Decimal("14.5"),
    )
    assert result.tables["appendix_cells"] == []


def test_procedure_codes_are_text_not_numbers() -> None:
    rows = (
        "<tr><td>STT</td><td>Mã TTHC</td><td>Tên thủ tục hành chính</td><td>Số hồ sơ</td></tr>"
        "<tr><td>1</td><td>1.005062</td><td>Cấp giấy phép xây dựng</td><td>1.250</td></tr>"
        "<tr><td>2</td><td>2.000815</td><td>Đăng ký hộ kinh doanh</td><td>12</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    cells = {
        (c["row_id"], c["column_header"]): (c["value"], c["value_number"]) for c in result.tables["appendix_cells"]
    }
    assert cells == {
        ("1", "Mã TTHC"): ("1.005062", None),
        ("1", "Số hồ sơ"): ("1.250", Decimal("1250")),
        ("2", "Mã TTHC"): ("2.000815", None),
        ("2", "Số hồ sơ"): ("12", Decimal("12")),
    }


def test_coordinates_stay_numbers() -> None:
    rows = (
        "<tr><td>STT</td><td>Điểm quan trắc</td><td>X</td><td>Y</td></tr>"
        "<tr><td>1</td><td>Hồ Suối Rằm</td><td>2210567</td><td>606959</td></tr>"
        "<tr><td>2</td><td>Sông Đà</td><td>2209277</td><td>603812</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    numbers = [(c["row_id"], c["column_header"], c["value_number"]) for c in result.tables["appendix_cells"]]
    assert numbers == [
        ("1", "X", Decimal("2210567")), ("1", "Y", Decimal("606959")),
        ("2", "X", Decimal("2209277")), ("2", "Y", Decimal("603812")),
    ]


_TASK_HEADER = "<tr><td>TT</td><td>Nội dung</td><td>Cơ quan chủ trì</td><td>Thời gian</td></tr>"


def test_a_group_title_spanning_the_first_row_is_no_header() -> None:
    rows = (
        _TASK_HEADER
        + "<tr><td colspan=4>I. CÔNG TÁC TRUYỀN THÔNG, GIÁO DỤC</td></tr>"
        + "<tr><td>1</td><td>Tuyên truyền về dân số</td><td>Sở Y tế</td><td>Cả năm</td></tr>"
        + "<tr><td colspan=4>II. CÔNG TÁC KIỂM TRA</td></tr>"
        + "<tr><td>1</td><td>Kiểm tra, giám sát</td><td>Sở Y tế</td><td>Tháng 11/2021</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    got = [(r["row_id"], r["parent_id"], r["name"], r["lead_units"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("I", None, "CÔNG TÁC TRUYỀN THÔNG, GIÁO DỤC", []),
        ("I.1", "I", "Tuyên truyền về dân số", ["Sở Y tế"]),
        ("II", None, "CÔNG TÁC KIỂM TRA", []),
        ("II.1", "II", "Kiểm tra, giám sát", ["Sở Y tế"]),
    ]
    assert {r["appendix_index"] for r in result.tables["appendix_rows"]} == {1}


def test_row_ids_under_parts_are_unique() -> None:
    # parts A and B each number their rows 1, 1.1, 1.2: the ids keep the part
    rows = _TASK_HEADER
    for part in "AB":
        rows += f"<tr><td>{part}</td><td>PHẦN {part}</td><td></td><td></td></tr>"
        rows += "<tr><td>1.</td><td>Nhiệm vụ chung</td><td>Sở Nội vụ</td><td>2024</td></tr>"
        rows += "<tr><td>1.1</td><td>Việc thứ nhất</td><td>Sở Nội vụ</td><td>2024</td></tr>"
        rows += "<tr><td>1.2</td><td>Việc thứ hai</td><td>Sở Nội vụ</td><td>2024</td></tr>"
    result = run_text(_html(rows), "page.html")
    got = [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("A", None), ("A.1", "A"), ("A.1.1", "A.1"), ("A.1.2", "A.1"),
        ("B", None), ("B.1", "B"), ("B.1.1", "B.1"), ("B.1.2", "B.1"),
    ]
    assert result.tables["findings"] == []


def test_a_total_row_above_the_rows_is_the_total_not_a_header() -> None:
    rows = (
        "<tr><td>STT</td><td>Danh mục dự án</td><td>Tổng mức đầu tư (tỷ đồng)</td></tr>"
        "<tr><td></td><td>TỔNG CỘNG</td><td>4.120,5</td></tr>"
        "<tr><td>1</td><td>Khu đô thị sinh thái Biển Hồ</td><td>2.500</td></tr>"
        "<tr><td>2</td><td>Nhà máy chế biến nông sản</td><td>1.620,5</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    assert [(r["row_id"], r["name"]) for r in result.tables["appendix_rows"]] == [
        ("1", "Khu đô thị sinh thái Biển Hồ"), ("2", "Nhà máy chế biến nông sản"),
    ]
    cells = {(c["row_id"], c["column_header"]): c["value_number"] for c in result.tables["appendix_cells"]}
    assert cells == {
        ("total", "Tổng mức đầu tư (tỷ đồng)"): Decimal("4120.5"),
        ("1", "Tổng mức đầu tư (tỷ đồng)"): Decimal("2500"),
        ("2", "Tổng mức đầu tư (tỷ đồng)"): Decimal("1620.5"),
    }


def test_a_row_printed_over_two_lines_is_one_row() -> None:
    # the number and the task span two lines, one per lead unit: one row with both
    rows = (
        "<tr><td>TT</td><td>Nhiệm vụ</td><td>Đơn vị chủ trì</td><td>Đơn vị phối hợp</td><td>Thời gian</td></tr>"
        "<tr><td>1</td><td>Tổ chức quán triệt</td><td>Sở Tư pháp</td><td>Các sở, ngành</td><td>Quý III/2020</td></tr>"
        "<tr><td rowspan=2>2</td><td rowspan=2>Rà soát văn bản</td><td>Sở Tư pháp</td><td>Các sở, ngành</td>"
        "<td>Năm 2020</td></tr>"
        "<tr><td>UBND cấp huyện</td><td>Phòng Tư pháp cấp huyện</td><td>Năm 2021</td></tr>"
        "<tr><td>3</td><td>Kiểm tra</td><td>Sở Tư pháp</td><td>Công an tỉnh</td><td>Năm 2021</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    got = [(r["row_id"], r["name"], r["lead_units"], r["coordinating_units"], r["deadline"])
           for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", "Tổ chức quán triệt", ["Sở Tư pháp"], ["Các sở, ngành"], "Quý III/2020"),
        ("2", "Rà soát văn bản", ["Sở Tư pháp", "UBND cấp huyện"], ["Các sở, ngành", "Phòng Tư pháp cấp huyện"],
         "Năm 2020\nNăm 2021"),
        ("3", "Kiểm tra", ["Sở Tư pháp"], ["Công an tỉnh"], "Năm 2021"),
    ]
    assert result.tables["findings"] == []


def test_two_lines_with_two_scores_stay_two_rows() -> None:
    rows = (
        "<tr><td>TT</td><td>Tiêu chí</td><td>Điểm tối đa</td></tr>"
        "<tr><td rowspan=2>1</td><td>Cấp tỉnh</td><td>5</td></tr>"
        "<tr><td>Cấp huyện</td><td>3</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    assert [(r["row_id"], r["max_score"]) for r in result.tables["appendix_rows"]] == [
        ("1", Decimal("5")), ("1", Decimal("3")),
    ]
    assert [f["code"] for f in result.tables["findings"]] == ["duplicate_row_id"]  # one finding, not two


def test_a_task_column_as_the_only_text_column_gives_a_name_and_tasks() -> None:
    rows = (
        "<tr><td>TT</td><td>Nhiệm vụ, giải pháp</td><td>Đơn vị chủ trì</td></tr>"
        "<tr><td>1</td><td><p>Phổ biến trên phương tiện thông tin đại chúng:</p>"
        "<p>- Xây dựng chuyên mục trên Báo Nghệ An;</p><p>- Phát sóng trên Đài PT-TH tỉnh.</p></td>"
        "<td>Sở Thông tin và Truyền thông</td></tr>"
        "<tr><td>2</td><td>Rà soát văn bản quy phạm pháp luật</td><td>Sở Tư pháp</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    got = [(r["row_id"], r["name"], r.get("tasks")) for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", "Phổ biến trên phương tiện thông tin đại chúng:",
         ["Xây dựng chuyên mục trên Báo Nghệ An;", "Phát sóng trên Đài PT-TH tỉnh."]),
        ("2", "Rà soát văn bản quy phạm pháp luật", None),
    ]


def test_a_table_without_a_number_column_numbered_in_its_first_cells() -> None:
    rows = (
        "<tr><td>Nội dung</td><td>Đơn vị chủ trì</td><td>Thời hạn</td></tr>"
        "<tr><td>1. Bổ sung 120 biên chế giáo viên</td><td>Vụ Tổ chức - Biên chế</td><td>Quý IV/2019</td></tr>"
        "<tr><td>2. Hướng dẫn sắp xếp thôn, tổ dân phố</td><td>Vụ Chính quyền địa phương</td><td>Quý I/2020</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    got = [(r["row_id"], r["row_label"], r["name"], r["lead_units"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", "1.", "Bổ sung 120 biên chế giáo viên", ["Vụ Tổ chức - Biên chế"]),  # the label as printed
        ("2", "2.", "Hướng dẫn sắp xếp thôn, tổ dân phố", ["Vụ Chính quyền địa phương"]),
    ]


def test_a_layout_table_with_one_numbered_paragraph_is_no_appendix() -> None:
    rows = "<tr><td>Nơi nhận</td><td>Ký tên</td></tr><tr><td>1. Như trên</td><td>Nguyễn Văn A</td></tr>"
    assert run_text(_html(rows), "page.html").tables["appendix_rows"] == []


def test_scores_with_their_unit_and_columns_written_with_a_decimal_point() -> None:
    rows = (
        "<tr><td>STT</td><td>Tiêu chí</td><td>Điểm tối đa</td><td>Điểm đạt</td></tr>"
        "<tr><td>1</td><td>Tiêu chí một</td><td>2 điểm</td><td>1.75</td></tr>"
        "<tr><td>2</td><td>Tiêu chí hai</td><td>1,5đ</td><td>1.000</td></tr>"
        "<tr><td>3</td><td>Tiêu chí ba</td><td>3</td><td>2.5</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    got = [(r["row_id"], r["max_score"], r["achieved_score"]) for r in result.tables["appendix_rows"]]
    assert got == [
        ("1", Decimal("2"), Decimal("1.75")),
        ("2", Decimal("1.5"), Decimal("1.000")),
        ("3", Decimal("3"), Decimal("2.5")),
    ]
    assert result.tables["findings"] == []


def test_thousands_stay_thousands_in_a_column_with_decimal_commas() -> None:
    rows = (
        "<tr><td>STT</td><td>Tiêu chí</td><td>Điểm tối đa</td></tr>"
        "<tr><td>1</td><td>Tiêu chí một</td><td>1.000</td></tr><tr><td>2</td><td>Tiêu chí hai</td><td>2,5</td></tr>"
    )
    result = run_text(_html(rows), "page.html")
    assert [r["max_score"] for r in result.tables["appendix_rows"]] == [Decimal("1000"), Decimal("2.5")]
