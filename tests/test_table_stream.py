"""Row starts in one-cell-per-line Markdown tables: numbering that skips a letter or a group,
rows before the first roman group, dash rows with figures, and a total row one cell short
(the shapes a reviewer used to break the rules for procedure tables; all must keep working)."""

from __future__ import annotations

from decimal import Decimal

from extract.pipeline import DocumentResult, process_bytes
from tests.conftest import markdown_row

HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n-------\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n"
    "Số: 88/KH-UBND\n\n**KẾ HOẠCH**\n\nĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH\n\nI. MỤC TIÊU\n\n"
    "**PHỤ LỤC**\n\nBẢNG ĐIỂM\n\n*(Kèm theo Kế hoạch số 88/KH-UBND của UBND tỉnh)*\n\n"
)
SCORES = ("**TT**", "**Nội dung**", "**Điểm tối đa**", "**Điểm tự chấm**")


def _run(*rows: tuple[str, ...]) -> DocumentResult:
    return process_bytes((HEADER + "".join(markdown_row(*r) for r in rows)).encode(), "plan.md", repair=False)


def _rows(result: DocumentResult) -> list[tuple[str, str | None, object]]:
    return [(r["row_id"], r["name"], r["max_score"]) for r in result.tables["appendix_rows"]]


def test_a_letter_list_that_skips_a_letter_keeps_every_row() -> None:
    # a, b, c, d, e without "đ": "e" is a step forward, not a mark
    letters = [(k, f"Tiêu chí {k}", "5", "4") for k in "abcde"]
    result = _run(SCORES, ("1", "Công tác chỉ đạo điều hành", "25", "20"), *letters, ("2", "Tuyên truyền", "15", "12"))
    got = _rows(result)
    assert [row_id for row_id, _, _ in got] == ["1", "1.a", "1.b", "1.c", "1.d", "1.e", "2"]
    assert got[5] == ("1.e", "Tiêu chí e", Decimal("5"))
    # lists lettered as the Latin alphabet run "d, e, f"; as the Vietnamese one "d, đ, e, g"
    assert [f["code"] for f in result.tables["findings"]] == []


def test_a_vietnamese_letter_list_has_no_f_and_a_real_gap_is_said() -> None:
    letters = [(k, f"Tiêu chí {k}", "3", "3") for k in "abcdđegh"]
    result = _run(SCORES, ("1", "Công tác chỉ đạo điều hành", "24", "24"), *letters)
    assert [row_id for row_id, _, _ in _rows(result)] == ["1", *(f"1.{k}" for k in "abcdđegh")]
    assert result.tables["findings"] == []
    gap = [(k, f"Tiêu chí {k}", "5", "5") for k in "abd"]
    result = _run(SCORES, ("1", "Công tác chỉ đạo điều hành", "15", "15"), *gap)
    assert [(f["code"], f["row_id"], f["message"]) for f in result.tables["findings"]] == [
        ("missing_row_id", "1.d", "Row 1.d follows row b; 1 row number(s) are missing in between.")
    ]


def test_a_missing_group_is_reported_not_merged() -> None:
    result = _run(
        SCORES,
        ("**I**", "**NHÓM MỘT**", "10", "8"),
        ("1", "Chỉ đạo điều hành", "10", "8"),
        ("**II**", "**NHÓM HAI**", "10", "8"),
        ("1", "Tuyên truyền", "10", "8"),
        ("**IV**", "**NHÓM BỐN**", "10", "8"),
        ("1", "Kiểm tra", "10", "8"),
    )
    assert [row_id for row_id, _, _ in _rows(result)] == ["I", "I.1", "II", "II.1", "IV", "IV.1"]
    assert [f["code"] for f in result.tables["findings"]] == ["missing_row_id"]


def test_numbered_rows_before_the_first_roman_group_stay_at_the_top() -> None:
    result = _run(
        SCORES,
        ("1", "Chỉ đạo điều hành", "20", "18"),
        ("2", "Tuyên truyền", "15", "12"),
        ("**I**", "**NHÓM BỔ SUNG**", "30", "25"),
        ("1", "Đổi mới sáng tạo", "10", "8"),
        ("2", "Ứng dụng công nghệ thông tin", "20", "17"),
    )
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["parent_id"], r["level"]) for r in rows] == [
        ("1", None, 1),
        ("2", None, 1),
        ("I", None, 1),
        ("I.1", "I", 2),
        ("I.2", "I", 2),
    ]
    assert not result.tables["findings"]


def test_dash_rows_with_figures_are_rows_of_their_own() -> None:
    result = _run(
        ("**TT**", "**Thông số**", "**Tần suất**", "**Số điểm**", "**Số mẫu**", "**Ghi chú**"),
        ("1", "Nước cấp", "01 lần/tháng", "4", "48", "Lấy mẫu tại cửa cống"),
        ("2", "Nước thải", "01 lần/tháng", "4", "48", "Lấy mẫu tại cửa xả"),
        ("-", "Nhiệt độ", "", "3", "36", "Đo nhanh tại hiện trường"),
    )
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in rows] == [
        ("1", None, "Nước cấp"),
        ("2", None, "Nước thải"),
        ("2.-1", "2", "Nhiệt độ"),
    ]
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert (cells[("2.-1", "Số điểm")], cells[("2.-1", "Số mẫu")]) == ("3", "36")


def test_a_total_row_one_cell_short_puts_its_figure_in_the_last_column() -> None:
    header = ("**TT**", "**Đối tượng**", "**Thông số**", "**Tần suất**", "**Số điểm**", "**Số lượng**", "**Tổng số**")
    result = _run(
        header,
        ("1", "Nước cấp ao nuôi", "Nhiệt độ, pH", "02 lần/tháng", "12", "24", "288"),
        ("2", "Nước sông", "Oxy hòa tan", "01 lần/tháng", "13", "12", "156"),
        ("", "Tổng cộng", "", "", "", "444"),
    )
    cells = {(c["row_id"], c["column_header"]): c["value"] for c in result.tables["appendix_cells"]}
    assert cells[("total", "Tổng số")] == "444"
    assert cells.get(("total", "Số điểm")) is None


def test_a_part_letter_and_a_short_name_in_one_cell_head_a_group() -> None:
    result = _run(
        ("**STT**", "**Tên tiếng Việt**", "**Tên khoa học**"),
        ("**A. Vi sinh vật**",),
        ("1", "Nấm gây bệnh thối rễ", "*Phytophthora cinnamomi*"),
        ("2", "Vi khuẩn gây bệnh dịch hạch", "*Yersinia pestis*"),
        ("**B. Động vật**",),
        ("1", "Bọ cánh cứng hại lá dừa", "*Brontispa longissima*"),
    )
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in rows] == [
        ("A", None, "Vi sinh vật"),
        ("A.1", "A", "Nấm gây bệnh thối rễ"),
        ("A.2", "A", "Vi khuẩn gây bệnh dịch hạch"),
        ("B", None, "Động vật"),
        ("B.1", "B", "Bọ cánh cứng hại lá dừa"),
    ]
    assert not result.tables["findings"]


def test_fused_labels() -> None:
    from extract.numbering import fused_label

    assert fused_label("I. NÂNG CAO NHẬN THỨC") == ("I.", "NÂNG CAO NHẬN THỨC")  # the label as printed
    # a short name after a letter or roman numeral: only where a group's numbering follows
    assert fused_label("A. Vi sinh vật") is None
    assert fused_label("A. Vi sinh vật", names=True) == ("A.", "Vi sinh vật")
    assert fused_label("II. Lĩnh vực Du lịch", names=True) == ("II.", "Lĩnh vực Du lịch")
    # a numbered task, a sentence, a long clause: no group heading
    assert fused_label("1. Thực hiện kế hoạch") is None
    assert fused_label("A. Các sở, ngành thực hiện đầy đủ và kịp thời các nhiệm vụ được giao.", names=True) is None
    assert fused_label("B. nội dung khác", names=True) is None


def test_a_letter_and_a_name_inside_a_row_are_no_group() -> None:
    # "B. Báo cáo kết quả" in the product column: no first number follows, so no group head
    result = _run(
        ("**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Thời gian**", "**Sản phẩm**"),
        ("1", "Rà soát thủ tục", "Sở Tư pháp", "", "B. Báo cáo kết quả"),
        ("2", "Tập huấn cán bộ", "Sở Nội vụ", "Quý II", "Tài liệu"),
    )
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [("1", "Rà soát thủ tục"), ("2", "Tập huấn cán bộ")]
    assert [r["product"] for r in rows] == ["B. Báo cáo kết quả", "Tài liệu"]


def test_a_header_printed_again_inside_the_table_is_skipped() -> None:
    # Word repeats the header row on each page; the rows after it are the same table's
    result = _run(
        SCORES,
        ("1", "Công tác chỉ đạo điều hành", "25", "18"),
        SCORES,
        ("2", "Tuyên truyền", "15", "12"),
    )
    assert _rows(result) == [("1", "Công tác chỉ đạo điều hành", Decimal("25")), ("2", "Tuyên truyền", Decimal("15"))]
    assert result.tables["findings"] == []
