"""Second review of the new table rules: shapes they must leave alone or read right."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.units import split_units
from tests.conftest import NBSP, markdown_table, run_text, text_cells

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 215/KH-UBND\n\nBến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ DTI NĂM 2024\n\n"
    "I. MỤC TIÊU\n\nNâng cao chỉ số.\n\nPHỤ LỤC\n\nNHIỆM VỤ, GIẢI PHÁP\n\n"
)
SIG = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"
END = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"




def _markdown(*rows: tuple[str, ...]) -> str:
    return HEAD + markdown_table(*rows) + END


def test_a_markdown_total_that_lost_its_empty_last_cells_goes_where_the_rows_add_up() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Mục tiêu năm 2024", "Giải pháp", "Đơn vị")
    page = _markdown(
        header,
        ("1", "Chỉ đạo", "3", "2", "", "Ban hành", "Sở Nội vụ"),
        ("2", "Tuyên truyền", "4", "3", "", "Phổ biến", "Sở Tư pháp"),
        ("", "TỔNG ĐIỂM", "7", "5"),
    )
    result = run_text(page, "plan.md")
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"], doc["total_target_score"]) == (
        Decimal("7"), Decimal("5"), None,
    )
    assert "total_mismatch" not in [f["code"] for f in result.tables["findings"]]


def test_a_markdown_sub_header_starting_with_tong_so_is_a_header() -> None:
    page = _markdown(
        ("STT", "Nội dung", "Kinh phí"), ("Tổng số", "Ngân sách tỉnh", "Ngân sách huyện"),
        ("1", "Tuyên truyền", "300", "200", "100"), ("2", "Kiểm tra", "150", "100", "50"),
    )
    result = run_text(page, "plan.md")
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2"]
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert cells[("2", "Kinh phí / Ngân sách huyện")] == "50"


def test_a_number_before_a_code_in_an_ordinary_row_is_a_figure() -> None:
    header = ("STT", "Nội dung", "Số lượng", "Mã số", "Đơn vị chủ trì")
    page = HEAD + text_cells(
        *header, "1", "Tuyên truyền", "2", "1.001234", "Sở Nội vụ", "2", "Kiểm tra", "5", "1.001235", "Sở Tư pháp",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Tuyên truyền", ["Sở Nội vụ"]), ("2", "Kiểm tra", ["Sở Tư pháp"]),
    ]


def test_a_cell_citing_a_form_before_a_repeated_header_keeps_the_table_whole() -> None:
    page = HEAD + text_cells(
        "STT", "Tên thủ tục", "Thành phần hồ sơ", "1", "Đăng ký kinh doanh", "Tờ khai theo", "Mẫu số 01",
        "STT", "Tên thủ tục", "Thành phần hồ sơ", "2", "Cấp phép xây dựng", "Đơn đề nghị",
        "3", "Cấp phép khai thác", "Đơn đề nghị",
    ) + END
    rows = run_text(page).tables["appendix_rows"]
    assert [(r["appendix_index"], r["row_id"]) for r in rows] == [(1, "1"), (1, "2"), (1, "3")]


def test_a_line_under_the_total_is_no_second_total() -> None:
    page = HEAD + text_cells(
        "STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "1", "Chỉ đạo", "3", "2", "2", "Tuyên truyền", "4", "3",
        "", "TỔNG ĐIỂM", "7", "5",
    ) + "\n\nTổng cộng: 02 lĩnh vực" + END
    result = run_text(page)
    doc = result.tables["documents"][0]
    assert (doc["total_max_score"], doc["total_achieved_score"]) == (Decimal("7"), Decimal("5"))
    assert "subtotal_row" not in [f["code"] for f in result.tables["findings"]]


@pytest.mark.parametrize(
    "lines",
    [
        ("Nội dung kiểm tra", "Kiểm tra việc ban hành văn bản.", "Đơn vị chủ trì: Sở Nội vụ.", NBSP,
         "Kiểm tra công tác chỉ đạo"),
        ("Nội dung", "Chỉ tiêu", "Đơn vị tính", "1", "Năm 2024 tăng 5%", "2", "Năm 2025 tăng 6%"),
    ],
)
def test_a_blank_line_before_body_text_makes_no_table(lines: tuple[str, ...]) -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 215/KH-UBND\n\n"
        "Bến Tre, ngày 16 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nKIỂM TRA NĂM 2024\n\nI. MỤC ĐÍCH\n\n" + NBSP + "\n\n"
        + "\n\n".join(lines) + "\n\nII. TỔ CHỨC THỰC HIỆN\n\nGiao Sở Nội vụ chủ trì." + SIG
    )
    result = run_text(page)
    assert result.tables["appendix_rows"] == []
    assert "II. TỔ CHỨC THỰC HIỆN" in result.tables["documents"][0]["body_text"].split("\n")


def test_no_signature_a_grounds_line_citing_another_decision_is_no_appendix_heading() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 215/QĐ-UBND\n\n"
        "Bến Tre, ngày 16 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH KẾ HOẠCH\n\n"
        "Căn cứ Quy chế ban hành kèm theo Quyết định số 09/2019/QĐ-UBND ngày 12/3/2019 của UBND tỉnh;\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
        + text_cells("STT", "Tiêu chí", "Điểm tối đa", "1", "Chỉ đạo", "3", "2", "Tuyên truyền", "4") + END
    )
    result = run_text(page)
    assert {(r["appendix_label"], r["appendix_title"]) for r in result.tables["appendix_rows"]} == {(None, None)}
    assert "foreign_document_number" not in [f["code"] for f in result.tables["findings"]]


def test_a_title_line_that_names_an_office_stays_in_the_title() -> None:
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 215/QĐ-UBND\n\n"
        "Bến Tre, ngày 16 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC BỔ NHIỆM LẠI\n\nCHÁNH VĂN PHÒNG SỞ TƯ PHÁP\n\n"
        "GIÁM ĐỐC SỞ NỘI VỤ\n\nCăn cứ Luật;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Bổ nhiệm." + SIG
    )
    assert run_text(page).tables["documents"][0]["title"] == "VỀ VIỆC BỔ NHIỆM LẠI CHÁNH VĂN PHÒNG SỞ TƯ PHÁP"


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Sở Nội vụ (Ban Thi đua, Khen thưởng)", ["Sở Nội vụ (Ban Thi đua, Khen thưởng)"]),
        ("Đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh", ["Đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh"]),
        ("UBND huyện Cư M'gar, Krông Búk", ["UBND huyện Cư M'gar, Krông Búk"]),
        ("UBND huyện Cư M'gar, Sở Y tế", ["UBND huyện Cư M'gar", "Sở Y tế"]),
    ],
)
def test_units_inside_brackets_people_and_places_are_not_split(cell: str, units: list[str]) -> None:
    assert split_units([cell]) == units


_HTML_HEAD = (
    "<html><head><meta charset='utf-8'></head><body>{before}<div class=content1>"
    "<table border=0><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐẮK LẮK</p></td>"
    "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
    "<tr><td><p>Số: 58/KH-UBND</p></td><td><p>Đắk Lắk, ngày 10 tháng 3 năm 2022</p></td></tr></table>"
    "<p>KẾ HOẠCH</p><p>Nâng cao chỉ số cải cách hành chính năm 2022</p><p>I. MỤC TIÊU</p><p>Nâng cao chỉ số.</p>"
    "<table border=0><tr><td><p>Nơi nhận:</p><p>- Như trên;</p></td><td><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p>"
    "<p>Nguyễn Văn A</p></td></tr></table><p>PHỤ LỤC</p><p>NHIỆM VỤ NĂM 2022</p>"
    "<table border=1><tr><td>STT</td><td>Nội dung</td><td>Điểm tối đa</td></tr>"
    "<tr><td>1</td><td>Công tác chỉ đạo</td><td>3</td></tr><tr><td>2</td><td>Tuyên truyền</td><td>4</td></tr></table>"
    "{inside}</div>{after}</body></html>"
)


@pytest.mark.parametrize(
    ("before", "inside", "after"),
    [
        ("", "<div style='display:none'><p>" + "Bạn cần đăng nhập để xem toàn văn. " * 20 + "</p></div>", ""),
        (
            "",
            "<div style='display:none'><table border=1><tr><td>STT</td><td>Văn bản liên quan</td></tr>"
            "<tr><td>1</td><td>Quyết định 12/QĐ-UBND</td></tr><tr><td>2</td><td>Kế hoạch 13/KH-UBND</td></tr>"
            "</table></div>",
            "",
        ),
        (
            "<ul class=menu><li>Lĩnh vực: Thuế</li><li>Tình trạng: Còn hiệu lực</li><li>Người ký: Trần Văn B</li></ul>",
            "",
            "",
        ),
    ],
)
def test_hidden_notices_related_tables_and_facet_menus_stay_out(before: str, inside: str, after: str) -> None:
    result = run_text(_HTML_HEAD.format(before=before, inside=inside, after=after), "page.html")
    doc = result.tables["documents"][0]
    assert (doc["signer"], doc["appendix_count"]) == ("Nguyễn Văn A", 1)
    assert [r["name"] for r in result.tables["appendix_rows"]] == ["Công tác chỉ đạo", "Tuyên truyền"]
