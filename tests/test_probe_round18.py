"""Session-18 fixes: groups titled without a number ("Lĩnh vực Hộ tịch" across the row) over rows
numbered from 1 again under each title, as lists of administrative procedures print them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import finding_codes, run_text
from tests.test_probe_round12 import _tabs
from tests.test_probe_round17 import _appendix_page, _html_page, _tr, run_html

_PROCEDURES = ("STT", "Tên thủ tục hành chính", "Cơ quan thực hiện")
_FIELDS = (
    ("Lĩnh vực Hộ tịch",),
    ("1", "Đăng ký khai sinh", "UBND cấp xã"),
    ("2", "Đăng ký kết hôn", "UBND cấp xã"),
    ("Lĩnh vực Chứng thực",),
    ("1", "Chứng thực bản sao từ bản chính", "Phòng Tư pháp"),
    ("2", "Chứng thực chữ ký", "Phòng Tư pháp"),
)
_TREE = [
    ("#1", "", None, 1, "unnumbered", "Lĩnh vực Hộ tịch", []),
    ("#1.1", "1", "#1", 2, "decimal", "Đăng ký khai sinh", ["UBND cấp xã"]),
    ("#1.2", "2", "#1", 2, "decimal", "Đăng ký kết hôn", ["UBND cấp xã"]),
    ("#2", "", None, 1, "unnumbered", "Lĩnh vực Chứng thực", []),
    ("#2.1", "1", "#2", 2, "decimal", "Chứng thực bản sao từ bản chính", ["Phòng Tư pháp"]),
    ("#2.2", "2", "#2", 2, "decimal", "Chứng thực chữ ký", ["Phòng Tư pháp"]),
]


def _rows(tables: dict[str, list[dict]]) -> list[tuple]:
    return [
        (r["row_id"], r["row_label"], r["parent_id"], r["level"], r["numbering"], r["name"], r["lead_units"])
        for r in tables["appendix_rows"]
    ]


@pytest.mark.parametrize("form", ["html", "text dump"])
def test_field_titles_without_numbers_are_the_groups_of_rows_numbered_from_1_again(form: str) -> None:
    # the rows had been 1, 2, 1, 2 (two duplicate_row_id) and the titles cells of the rows above:
    # which field a procedure belongs to was lost
    if form == "html":
        result = run_html(_html_page(_PROCEDURES, *_FIELDS))
    else:
        result = run_text(_tabs(*("\t".join(row) for row in (_PROCEDURES, *_FIELDS))))
    assert _rows(result.tables) == _TREE
    assert finding_codes(result) == []
    assert result.tables["appendix_cells"] == []


def test_a_total_under_untitled_groups_adds_up_their_rows() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    body = (
        ("Khối sở, ban, ngành",),
        ("1", "Ban hành kế hoạch", "10", "8"),
        ("2", "Kiểm tra", "5", "4"),
        ("Khối UBND cấp huyện",),
        ("1", "Ban hành kế hoạch", "10", "9"),
        ("2", "Kiểm tra", "5", "5"),
    )
    right = run_html(_html_page(header, *body, ("Tổng cộng", "", "30", "26")))
    assert [(r["row_id"], r["max_score"], r["achieved_score"]) for r in right.tables["appendix_rows"]] == [
        ("#1", None, None),
        ("#1.1", Decimal(10), Decimal(8)),
        ("#1.2", Decimal(5), Decimal(4)),
        ("#2", None, None),
        ("#2.1", Decimal(10), Decimal(9)),
        ("#2.2", Decimal(5), Decimal(5)),
    ]
    assert finding_codes(right) == []
    wrong = run_html(_html_page(header, *body, ("Tổng cộng", "", "30", "25")))
    assert [(f["code"], f["column"], f["expected"], f["actual"]) for f in wrong.tables["findings"]] == [
        ("total_mismatch", "achieved_score", "26", "25")
    ]


def test_a_lone_line_in_a_table_numbered_once_through_is_no_group() -> None:
    # guard: without a numbering that starts again, the line stays a cell of the row above
    rows = (("1", "Đăng ký khai sinh", "UBND cấp xã"), ("Lĩnh vực Chứng thực",), ("2", "Chứng thực chữ ký", "Tư pháp"))
    result = run_html(_html_page(_PROCEDURES, *rows))
    assert [(r["row_id"], r["parent_id"]) for r in result.tables["appendix_rows"]] == [("1", None), ("2", None)]
    assert [(c["row_id"], c["value"]) for c in result.tables["appendix_cells"]] == [("1", "Lĩnh vực Chứng thực")]


def test_a_sentence_before_rows_numbered_again_is_no_group() -> None:
    # guard: a line ending in a full stop is a note, not a title
    note = ("Các thủ tục sau đây do Phòng Tư pháp tiếp nhận.",)
    result = run_html(_html_page(_PROCEDURES, *_FIELDS[1:3], note, *_FIELDS[4:]))
    assert [r["row_id"] for r in result.tables["appendix_rows"]] == ["1", "2", "1", "2"]
    assert finding_codes(result).count("duplicate_row_id") == 2


# Probe 23: signatures "by authorisation", communes and towns, and common column headers.

_HEAD = (
    "ỦY BAN NHÂN DÂN\n{body}\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 690/KH-UBND\n\nU Minh, ngày 26 tháng 01 năm 2018\n\nKẾ HOẠCH\n\nCải cách hành chính năm 2018\n\n"
    "Giao Phòng Nội vụ theo dõi thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n{signature}\n\n"
    "PHỤ LỤC\n\nNHIỆM VỤ NĂM 2018\n\n"
)


def _plan(header: tuple[str, ...], *rows: tuple[str, ...], body: str = "HUYỆN U MINH", signature: str = "") -> dict:
    signature = signature or "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Tâm"
    cells = "\n\n".join(cell for row in (header, *rows) for cell in row)
    return run_text(_HEAD.format(body=body, signature=signature) + cells + "\n").tables


_TASK_HEADER = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian")
_TASK_ROWS = (("1", "Tuyên truyền cải cách hành chính", "Phòng Văn hóa và Thông tin", "Quý I"),)


@pytest.mark.parametrize(
    ("signature", "title", "authority"),
    [
        ("TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG HĐND VÀ UBND HUYỆN", "CHÁNH VĂN PHÒNG HĐND VÀ UBND HUYỆN", "TUQ. CHỦ TỊCH"),
        ("TUQ. CHỦ TỊCH\nTRƯỞNG PHÒNG", "TRƯỞNG PHÒNG", "TUQ. CHỦ TỊCH"),
        ("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ", "VỤ TRƯỞNG VỤ PHÁP CHẾ", "TL. BỘ TRƯỞNG"),
    ],
)
def test_a_signature_by_authorisation_is_read(signature: str, title: str, authority: str) -> None:
    # "TUQ." (by authorisation) had not been read: no signer, and the signature, the appendix's
    # heading and its title ran into the last recipient; "VỤ TRƯỞNG" had no title
    tables = _plan(_TASK_HEADER, *_TASK_ROWS, signature=f"{signature}\n\nNguyễn Văn Tâm")
    document = tables["documents"][0]
    assert (document["signer"], document["signer_title"], document["signing_authority"]) == (
        "Nguyễn Văn Tâm",
        title,
        authority,
    )
    assert document["recipients"] == ["Như trên", "Lưu: VT"]
    assert [r["name"] for r in tables["appendix_rows"]] == ["Tuyên truyền cải cách hành chính"]


@pytest.mark.parametrize(
    ("body", "issuer"),
    [
        ("THỊ TRẤN U MINH", "Thị trấn U Minh"),
        ("HUYỆN U MINH\nỦY BAN NHÂN DÂN XÃ KHÁNH HÒA", "Xã Khánh Hòa"),
        ("HUYỆN U MINH\nUBND XÃ KHÁNH HÒA", "Xã Khánh Hòa"),
        ("HUYỆN U MINH", "Huyện U Minh"),  # guard
        ("TỈNH CÀ MAU\nSỞ NỘI VỤ", "Tỉnh Cà Mau"),  # guard: a department issues for its province
    ],
)
def test_the_issuer_of_a_town_or_of_a_commune_under_its_district(body: str, issuer: str) -> None:
    # "Thị trấn" had been no place ("Ủy ban nhân dân thị trấn U Minh"); a commune's body under its
    # district's had run into it ("Huyện U Minh Ubnd Xã Khánh Hòa")
    assert _plan(_TASK_HEADER, *_TASK_ROWS, body=body)["documents"][0]["issuer"] == issuer


@pytest.mark.parametrize(
    "header",
    [
        "Phòng chủ trì",
        "Phòng, ban chủ trì",
        "Cơ quan, đơn vị thực hiện",
        "Đơn vị, cá nhân thực hiện",
        "Bộ phận thực hiện",
        "Cơ quan chịu trách nhiệm",
        "Trách nhiệm chủ trì",
        "Phân công thực hiện",
    ],
)
def test_common_headers_of_the_lead_unit_column(header: str) -> None:
    # the units had gone to appendix_cells, lead_units empty
    tables = _plan(("STT", "Nhiệm vụ", header, "Thời gian"), *_TASK_ROWS)
    assert [r["lead_units"] for r in tables["appendix_rows"]] == [["Phòng Văn hóa và Thông tin"]]
    assert tables["appendix_cells"] == []


_SCORE_ROWS = (
    ("1", "Công tác chỉ đạo", "6", "5,25", "6"),
    ("1.1", "Ban hành kế hoạch", "3", "2,5", "3"),
    ("1.2", "Kiểm tra", "3", "2,5", "3"),
)


@pytest.mark.parametrize(
    ("achieved", "target"),
    [
        ("Điểm đánh giá năm 2017", "Mục tiêu năm 2018"),
        ("Điểm đạt năm 2017", "Điểm dự kiến năm 2018"),
    ],
)
def test_common_headers_of_results_and_targets_are_scores(achieved: str, target: str) -> None:
    # the figures had gone to appendix_cells, so row 1's sum (5,25 over 2,5 + 2,5) was not checked
    tables = _plan(("STT", "Tiêu chí", "Điểm tối đa", achieved, target), *_SCORE_ROWS)
    assert [(r["row_id"], r["achieved_score"], r["achieved_year"], r["target_score"], r["target_year"]) for r in
            tables["appendix_rows"]] == [
        ("1", Decimal("5.25"), 2017, Decimal(6), 2018),
        ("1.1", Decimal("2.5"), 2017, Decimal(3), 2018),
        ("1.2", Decimal("2.5"), 2017, Decimal(3), 2018),
    ]  # fmt: skip
    assert [(f["code"], f["row_id"], f["column"]) for f in tables["findings"]] == [
        ("sum_mismatch", "1", "achieved_score")
    ]


_INDICATORS = ("STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2017", "Phấn đấu năm 2018")
_POINTS = ("STT", "Tiêu chí", "Điểm tối đa")


@pytest.mark.parametrize(
    ("header", "row"),
    [
        # an indicator table
        (_INDICATORS, ("1", "Doanh nghiệp mới", "DN", "120", "150")),
        # beside a maximum score too (review 36: read as scores, 100% and 15 gave false score_above_max)
        ((*_POINTS, "Thực hiện năm 2017", "Kế hoạch năm 2018"), ("1", "Hồ sơ đúng hạn", "2", "98%", "100%")),
        ((*_POINTS, "Điểm đạt năm 2017", "Chỉ tiêu năm 2018"), ("1", "Văn bản ban hành", "2", "1,5", "15")),
        # a task table: "Kết quả thực hiện" is what was done (12 documents), no score
        (("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kết quả thực hiện"), ("1", "Ban hành", "Sở Tư pháp", "12")),
    ],
)
def test_a_plan_or_a_result_of_a_year_named_alone_stays_a_cell(header: tuple[str, ...], row: tuple[str, ...]) -> None:
    # guard: "Thực hiện năm 2017", "Phấn đấu / Kế hoạch / Chỉ tiêu năm 2018" hold indicators, counts,
    # shares and money as often as points
    tables = _plan(header, row)
    assert [(r.get("achieved_score"), r.get("target_score")) for r in tables["appendix_rows"]] == [
        (Decimal("1.5") if "Điểm đạt năm 2017" in header else None, None)
    ]
    assert [f["code"] for f in tables["findings"]] == []
    named = [h for h in header[3:] if h != "Điểm đạt năm 2017"]
    assert [c["column_header"] for c in tables["appendix_cells"]] == named


def test_numbered_groups_across_the_row_are_no_untitled_groups() -> None:
    # guard (review of the first version): "I. Lĩnh vực ..." across the row over rows from 1 had
    # been read as an untitled group named "I."
    rows = (
        ("I. Lĩnh vực Thi đua - Khen thưởng",),
        ("1", "Tặng Bằng khen", "Sở Nội vụ"),
        ("2", "Tặng Cờ thi đua", "Sở Nội vụ"),
        ("II. Lĩnh vực Tổ chức cán bộ",),
        ("1", "Thẩm định đề án vị trí việc làm", "Sở Nội vụ"),
    )
    tables = run_html(_html_page(_PROCEDURES, *rows)).tables
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in tables["appendix_rows"]] == [
        ("I", None, "Lĩnh vực Thi đua - Khen thưởng"),
        ("I.1", "I", "Tặng Bằng khen"),
        ("I.2", "I", "Tặng Cờ thi đua"),
        ("II", None, "Lĩnh vực Tổ chức cán bộ"),
        ("II.1", "II", "Thẩm định đề án vị trí việc làm"),
    ]


def test_a_line_under_letter_groups_numbered_from_1_in_each_is_no_untitled_group() -> None:
    # guard: under "a)" and "b)" the rows are numbered from 1 in each letter's group, no restart;
    # the line under each letter stays a cell of the row above, as before
    rows = (
        ("a)", "Lĩnh vực Đất đai", ""),
        ("Thủ tục do Sở thực hiện",),
        ("1", "Đăng ký đất đai", "Sở TNMT"),
        ("2", "Cấp đổi giấy chứng nhận", "Sở TNMT"),
        ("b)", "Lĩnh vực Xây dựng", ""),
        ("Thủ tục do Sở thực hiện",),
        ("1", "Cấp giấy phép xây dựng", "Sở Xây dựng"),
    )
    tables = run_html(_html_page(_PROCEDURES, *rows)).tables
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [
        ("a", None),
        ("a.1", "a"),
        ("a.2", "a"),
        ("b", None),
        ("b.1", "b"),
    ]


# Review 36: the first versions of the rules above misread these.


def test_a_sentence_between_two_lists_of_a_tab_dump_keeps_both() -> None:
    # the rows after the sentence had gone to annex_text, unreported, when a title opened the table
    lines = (
        "STT\tTên thủ tục hành chính\tCơ quan thực hiện",
        "Lĩnh vực Hộ tịch",
        "1\tĐăng ký khai sinh\tUBND cấp xã",
        "2\tĐăng ký kết hôn\tUBND cấp xã",
        "Các thủ tục sau đây do Phòng Tư pháp tiếp nhận và giải quyết.",
        "1\tChứng thực bản sao\tPhòng Tư pháp",
        "2\tChứng thực chữ ký\tPhòng Tư pháp",
    )
    result = run_text(_tabs(*lines))
    assert [r["name"] for r in result.tables["appendix_rows"]] == [
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
        "Chứng thực bản sao",
        "Chứng thực chữ ký",
    ]


def test_the_rest_of_a_wrapped_name_is_no_group_title() -> None:
    # "lưu động tại nhà" (a lowercase remainder) above a second list had become group #1
    rows = (
        ("1", "Đăng ký khai sinh", "UBND cấp xã"),
        ("2", "Đăng ký kết hôn", "UBND cấp xã"),
        ("", "lưu động tại nhà", ""),
        ("1", "Chứng thực bản sao từ bản chính", "Phòng Tư pháp"),
    )
    tables = run_html(_html_page(_PROCEDURES, *rows)).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2", "1"]
    assert [(c["row_id"], c["value"]) for c in tables["appendix_cells"]] == [("2", "lưu động tại nhà")]


def test_titles_over_numbering_that_runs_on_are_groups_when_another_starts_again() -> None:
    # "Lĩnh vực Chứng thực" over rows 3, 4 had been skipped: its rows went under "Lĩnh vực Hộ tịch"
    rows = (
        ("Lĩnh vực Hộ tịch",),
        ("1", "Đăng ký khai sinh", "UBND cấp xã"),
        ("Lĩnh vực Chứng thực",),
        ("2", "Chứng thực chữ ký", "Phòng Tư pháp"),
        ("Thủ tục hành chính bị bãi bỏ",),
        ("1", "Đăng ký giám hộ", "UBND cấp xã"),
    )
    tables = run_html(_html_page(_PROCEDURES, *rows)).tables
    assert [(r["row_id"], r["parent_id"], r["name"]) for r in tables["appendix_rows"]] == [
        ("#1", None, "Lĩnh vực Hộ tịch"),
        ("#1.1", "#1", "Đăng ký khai sinh"),
        ("#2", None, "Lĩnh vực Chứng thực"),
        ("#2.2", "#2", "Chứng thực chữ ký"),
        ("#3", None, "Thủ tục hành chính bị bãi bỏ"),
        ("#3.1", "#3", "Đăng ký giám hộ"),
    ]
    assert finding_codes(run_html(_html_page(_PROCEDURES, *rows))) == []


@pytest.mark.parametrize("unit", ["Đơn vị tính: triệu đồng", "Đơn vị: triệu đồng", "ĐVT: triệu đồng"])
def test_a_unit_line_over_rows_numbered_in_their_first_cells_stays_in_the_header(unit: str) -> None:
    # the unit line had become a row, the column no longer one of money: row 1's wrong sum unreported
    rows = (
        (unit,),
        ("1. Tổng thu ngân sách", "1.200", ""),
        ("1.1. Thu nội địa", "700", ""),
        ("1.2. Thu xuất nhập khẩu", "400", ""),
        ("2. Tổng chi ngân sách", "1.100", ""),
    )
    tables = run_html(_html_page(("Nội dung", "Năm 2024", "Ghi chú"), *rows)).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "1.1", "1.2", "2"]
    assert [(f["code"], f["row_id"], f["expected"], f["actual"]) for f in tables["findings"]] == [
        ("sum_mismatch", "1", "1100", "1200")
    ]


def test_a_title_in_the_body_does_not_take_the_signature() -> None:
    # "Chánh Thanh tra" over a member's name in the body had been read as the signature (it is no
    # signing title; "Giám đốc" in the same place still is, as before the session)
    text = _HEAD.replace(
        "Giao Phòng", "Thành phần đoàn kiểm tra:\n\n- Trưởng đoàn:\n\nChánh Thanh tra\n\nLê Văn Bình\n\nGiao Phòng"
    )
    page = text.format(body="HUYỆN U MINH", signature="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Tâm")
    page += "\n\n".join(cell for row in (_TASK_HEADER, *_TASK_ROWS) for cell in row) + "\n"
    document = run_text(page).tables["documents"][0]
    assert (document["signer"], document["signer_title"], document["signing_authority"]) == (
        "Nguyễn Văn Tâm",
        "CHỦ TỊCH",
        "TM. ỦY BAN NHÂN DÂN",
    )


# Review 37: the second versions of the rules above misread these.


def test_a_capitalised_rest_of_a_row_above_numbering_that_runs_on_is_no_group() -> None:
    # "UBND tỉnh", the rest of row 1's name on a row of its own, had become group #2 over rows 2, 3
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt")
    rows = (
        ("Khối sở, ban, ngành",),
        ("1", "Ban hành kế hoạch của", "2", "2"),
        ("", "UBND tỉnh", "", ""),
        ("2", "Kiểm tra", "3", "3"),
        ("Khối UBND cấp huyện",),
        ("1", "Ban hành kế hoạch", "2", "2"),
    )
    tables = run_html(_html_page(header, *rows)).tables
    assert [(r["row_id"], r["parent_id"]) for r in tables["appendix_rows"]] == [
        ("#1", None),
        ("#1.1", "#1"),
        ("#1.2", "#1"),
        ("#2", None),
        ("#2.1", "#2"),
    ]
    assert [(c["row_id"], c["value"]) for c in tables["appendix_cells"]] == [("#1.1", "UBND tỉnh")]


def test_a_title_printed_again_after_a_page_break_is_no_new_group() -> None:
    rows = (
        ("Thủ tục hành chính cấp tỉnh",),
        ("1", "Đăng ký khai sinh", "Sở Tư pháp"),
        ("Thủ tục hành chính cấp tỉnh (tiếp theo)",),
        ("2", "Đăng ký kết hôn", "Sở Tư pháp"),
        ("Thủ tục hành chính cấp huyện",),
        ("1", "Chứng thực chữ ký", "Phòng Tư pháp"),
    )
    tables = run_html(_html_page(_PROCEDURES, *rows)).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["#1", "#1.1", "#1.2", "#2", "#2.1"]


def test_a_tab_dump_cell_wrapped_before_numbering_from_1_again_goes_on() -> None:
    # "Phòng Tư pháp", the rest of "UBND cấp huyện," had become a group's title
    lines = (
        "STT\tTên thủ tục hành chính\tCơ quan thực hiện",
        "Lĩnh vực Hộ tịch",
        "1\tĐăng ký khai sinh\tUBND cấp xã",
        "2\tĐăng ký kết hôn\tUBND cấp huyện,",
        "Phòng Tư pháp",
        "1\tChứng thực bản sao\tPhòng Tư pháp",
    )
    rows = run_text(_tabs(*lines)).tables["appendix_rows"]
    assert [r["lead_units"] for r in rows if r["name"] == "Đăng ký kết hôn"] == [["UBND cấp huyện", "Phòng Tư pháp"]]
    assert "Phòng Tư pháp" not in [r["name"] for r in rows]


def test_a_signature_in_title_case_before_an_annex_with_a_title_in_capitals() -> None:
    # guard (review 37): a title in capitals in the annex ("TRƯỞNG BAN" over a member) is no signature
    page = _HEAD.format(body="HUYỆN U MINH", signature="Kt. Chủ tịch\nPhó Chủ tịch\n\nNguyễn Văn An")
    page += "DANH SÁCH THÀNH VIÊN\n\nTRƯỞNG BAN\n\nÔng Lê Văn Cường\n\n"
    page += "\n\n".join(cell for row in (_TASK_HEADER, *_TASK_ROWS) for cell in row) + "\n"
    document = run_text(page).tables["documents"][0]
    assert (document["signer"], document["signer_title"]) == ("Nguyễn Văn An", "Phó Chủ tịch")


def test_a_second_table_under_the_same_appendix_heading_keeps_its_label() -> None:
    # probe 23: the table after "2. Nhiệm vụ, giải pháp" under the same "PHỤ LỤC" had no label
    first = _tr("STT", "Tiêu chí", "Điểm tối đa") + _tr("1", "Công tác chỉ đạo", "6")
    second = _tr("STT", "Nhiệm vụ", "Cơ quan chủ trì") + _tr("1", "Rà soát văn bản", "Sở Tư pháp")
    appendix = (
        "<p>PHỤ LỤC</p><p>NHIỆM VỤ NĂM 2025</p><p>1. Kết quả năm 2024</p>"
        f"<table border='1'>{first}</table><p>2. Nhiệm vụ, giải pháp</p><table border='1'>{second}</table>"
    )
    rows = run_html(_appendix_page(appendix)).tables["appendix_rows"]
    assert [(r["appendix_index"], r["appendix_label"], r["row_id"]) for r in rows] == [
        (1, "PHỤ LỤC", "1"),
        (2, "PHỤ LỤC", "1"),
    ]


def test_a_past_years_grade_beside_the_tables_own_score_stays_a_cell() -> None:
    # guard (corpus comparison): "Điểm đánh giá năm 2023" is the achieved score alone, not beside
    # "Điểm tự chấm", which the table reports (it had taken the role, being the first column)
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đánh giá năm 2023", "Điểm tự chấm")
    rows = (("1", "Chỉ đạo", "20", "15", "18"), ("2", "Kiểm tra", "20", "16", "19"))
    tables = _plan(header, *rows)
    assert [(r["row_id"], r["achieved_score"]) for r in tables["appendix_rows"]] == [
        ("1", Decimal(18)),
        ("2", Decimal(19)),
    ]
    assert [(c["row_id"], c["column_header"], c["value"]) for c in tables["appendix_cells"]] == [
        ("1", "Điểm đánh giá năm 2023", "15"),
        ("2", "Điểm đánh giá năm 2023", "16"),
    ]


# Review 38: the third versions of the rules above misread these.


@pytest.mark.parametrize(
    ("above", "expected_units"),
    [
        ("2\tĐăng ký kết hôn\tUBND cấp xã\tCó", ["UBND cấp xã"]),  # "Có" is a value, not a word going on
        ("2\tĐăng ký kết hôn\tUBND cấp huyện,\nPhòng Tư pháp", ["UBND cấp huyện", "Phòng Tư pháp"]),
    ],
)
def test_a_tab_dump_keeps_the_rows_after_a_group_title(above: str, expected_units: list[str]) -> None:
    # the table had ended at the title: the rows after it went to annex_text, unreported
    lines = (
        "STT\tTên thủ tục hành chính\tCơ quan thực hiện\tDịch vụ công trực tuyến",
        "1\tĐăng ký khai sinh\tUBND cấp xã\tCó",
        above,
        "Lĩnh vực Chứng thực",
        "1\tChứng thực bản sao\tPhòng Tư pháp\tKhông",
        "2\tChứng thực chữ ký\tPhòng Tư pháp\tCó",
    )
    rows = run_text(_tabs(*lines)).tables["appendix_rows"]
    assert [(r["row_id"], r["name"]) for r in rows] == [
        ("1", "Đăng ký khai sinh"),
        ("2", "Đăng ký kết hôn"),
        ("#1", "Lĩnh vực Chứng thực"),
        ("#1.1", "Chứng thực bản sao"),
        ("#1.2", "Chứng thực chữ ký"),
    ]
    assert rows[1]["lead_units"] == expected_units


def test_a_tab_dump_keeps_the_rows_after_a_title_in_small_letters() -> None:
    lines = (
        "STT\tTên thủ tục hành chính\tCơ quan thực hiện",
        "1\tĐăng ký khai sinh\tUBND cấp xã",
        "lĩnh vực chứng thực",
        "1\tChứng thực bản sao\tPhòng Tư pháp",
    )
    # the rows after it had gone to annex_text; they are kept as before the session (a title in
    # small letters is no group's: the line stays a cell of row 1)
    tables = run_text(_tabs(*lines)).tables
    assert [r["name"] for r in tables["appendix_rows"]] == ["Đăng ký khai sinh", "Chứng thực bản sao"]
    assert [(c["row_id"], c["value"]) for c in tables["appendix_cells"]] == [("1", "lĩnh vực chứng thực")]


def test_the_capitalised_rest_of_a_name_above_a_row_1_is_no_group() -> None:
    # "Luật Hộ tịch năm 2014", the rest of "... theo quy định của", had become group #1
    header = ("STT", "Tên thủ tục hành chính", "Lĩnh vực")
    rows = (
        ("1", "Đăng ký khai sinh", "Hộ tịch"),
        ("2", "Đăng ký kết hôn theo quy định của", "Hộ tịch"),
        ("", "Luật Hộ tịch năm 2014", ""),
        ("1", "Chứng thực bản sao", "Chứng thực"),
    )
    tables = run_html(_html_page(header, *rows)).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2", "1"]


def test_the_column_that_says_it_leads_holds_the_lead_units() -> None:
    # "Cơ quan, đơn vị thực hiện" before "Đơn vị chủ trì" had taken lead_units
    header = ("STT", "Nhiệm vụ", "Cơ quan, đơn vị thực hiện", "Đơn vị chủ trì")
    tables = run_html(_html_page(header, ("1", "Rà soát văn bản", "Phòng Pháp chế", "Sở Tư pháp"))).tables
    assert [r["lead_units"] for r in tables["appendix_rows"]] == [["Sở Tư pháp"]]
    assert [(c["column_header"], c["value"]) for c in tables["appendix_cells"]] == [
        ("Cơ quan, đơn vị thực hiện", "Phòng Pháp chế")
    ]


# Review 39: the fourth versions of the rules above misread these.


def test_a_person_who_leads_is_no_lead_unit_column() -> None:
    # "Lãnh đạo Ban chủ trì" (a person) had won over "Cơ quan thực hiện", as a column saying "chủ trì"
    header = ("STT", "Nhiệm vụ", "Cơ quan thực hiện", "Lãnh đạo Ban chủ trì")
    tables = run_html(_html_page(header, ("1", "Rà soát văn bản", "Sở Tư pháp", "Đồng chí Nguyễn Văn A"))).tables
    assert [r["lead_units"] for r in tables["appendix_rows"]] == [["Sở Tư pháp"]]


@pytest.mark.parametrize(
    ("last_column", "wrapped"),
    [
        ("Căn cứ pháp lý", ("Luật Hộ tịch năm 2014;", "Nghị định số 123/2015/NĐ-CP")),
        ("Cơ quan phối hợp", ("UBND cấp huyện", "Phòng Tư pháp")),
    ],
)
def test_a_wrapped_cell_before_numbering_from_1_again_in_a_dump_a_title_opens(
    last_column: str, wrapped: tuple[str, str]
) -> None:
    # the cell's last line had become group #2 (or been cut off): in a table a title opens, only a
    # line printed as that title is ("Lĩnh vực ...") is another group's title
    lines = (
        f"STT\tTên thủ tục hành chính\tCơ quan thực hiện\t{last_column}",
        "Lĩnh vực Hộ tịch",
        "1\tĐăng ký khai sinh\tUBND cấp xã\tSở Tư pháp",
        f"2\tĐăng ký kết hôn\tUBND cấp xã\t{wrapped[0]}",
        wrapped[1],
        "1\tChứng thực bản sao\tPhòng Tư pháp\tSở Tư pháp",
    )
    tables = run_text(_tabs(*lines)).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["1", "2", "1"]  # as before the session
    kept = [str(c["value"]) for c in tables["appendix_cells"] if c["row_id"] == "2"]
    kept += [str(r.get("coordinating_units")) for r in tables["appendix_rows"] if r["row_id"] == "2"]
    assert any(wrapped[1] in value for value in kept)


@pytest.mark.parametrize("result", ["Kết quả năm 2024", "Điểm tự chấm"])
def test_a_past_years_grade_beside_the_years_result_stays_a_cell(result: str) -> None:
    # review 40: "Điểm đánh giá năm 2023" had become the score beside "Kết quả năm 2024"
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm đánh giá năm 2023", result)
    rows = (("1", "Kế hoạch", "2", "2", "1,5"), ("2", "Báo cáo", "1", "0,5", "1"))
    tables = _plan(header, *rows)
    assert [(r["row_id"], r["achieved_score"]) for r in tables["appendix_rows"]] == [
        ("1", Decimal("1.5")),
        ("2", Decimal(1)),
    ]


@pytest.mark.parametrize("lead", ["Chủ trì", "Đơn vị chủ trì", "Chủ trì thực hiện"])
def test_the_column_that_leads_wins_over_one_that_carries_out(lead: str) -> None:
    # review 40: a plain "Chủ trì" had lost to an earlier "Bộ phận thực hiện"
    header = ("STT", "Nhiệm vụ", "Bộ phận thực hiện", lead)
    tables = run_html(_html_page(header, ("1", "Rà soát văn bản", "Bộ phận Một cửa", "Sở Tư pháp"))).tables
    assert [r["lead_units"] for r in tables["appendix_rows"]] == [["Sở Tư pháp"]]


def test_a_wrapped_unit_in_capitals_under_a_title_in_capitals_is_no_title() -> None:
    # review 40: "UBND", the rest of "Sở Tư pháp,", had become a row before rows numbered again
    lines = (
        "STT\tTên thủ tục hành chính\tCơ quan thực hiện\tCơ quan phối hợp",
        "LĨNH VỰC HỘ TỊCH",
        "1\tĐăng ký khai sinh\tUBND cấp xã\tCông an xã",
        "2\tĐăng ký kết hôn\tUBND cấp xã\tSở Tư pháp,",
        "UBND",
        "1\tChứng thực bản sao\tPhòng Tư pháp\tUBND cấp xã",
    )
    rows = run_text(_tabs(*lines)).tables["appendix_rows"]
    assert [r["coordinating_units"] for r in rows if r["name"] == "Đăng ký kết hôn"] == [["Sở Tư pháp", "UBND"]]


def test_a_title_across_the_table_under_a_name_ending_on_a_comma_is_a_group() -> None:
    # a title spanning the table is no rest of the name above, whatever that name ends on
    rows = (
        ("Lĩnh vực Hộ tịch",),
        ("1", "Đăng ký khai sinh, khai tử,", "UBND cấp xã"),
        ("Lĩnh vực Chứng thực",),
        ("1", "Chứng thực chữ ký", "Phòng Tư pháp"),
    )
    tables = run_html(_html_page(_PROCEDURES, *rows)).tables
    assert [r["row_id"] for r in tables["appendix_rows"]] == ["#1", "#1.1", "#2", "#2.1"]


def test_a_list_in_a_cell_before_numbering_from_1_again_goes_on() -> None:
    # "VNPT, VIETTEL" after "Sở TT&TT;" (a list going on) had become a row under a title in capitals
    lines = (
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp",
        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        "1\tRà soát văn bản\tSở Tư pháp\tCác sở",
        "2\tTheo dõi thi hành pháp luật\tSở Tư pháp\tSở TT&TT;",
        "VNPT, VIETTEL",
        "1\tCông khai thủ tục\tVăn phòng UBND tỉnh\tCác sở",
    )
    rows = run_text(_tabs(*lines)).tables["appendix_rows"]
    assert [r["coordinating_units"] for r in rows if r["row_id"] == "2"] == [["Sở TT&TT", "VNPT", "VIETTEL"]]


def test_a_past_years_grade_under_a_two_level_header_stays_a_cell() -> None:
    # "Điểm / Đánh giá năm 2023" beside "Điểm / Tự chấm" had become the score
    header = (
        "<tr><td rowspan='2'>STT</td><td rowspan='2'>Tiêu chí</td><td rowspan='2'>Điểm tối đa</td>"
        "<td colspan='2'>Điểm</td></tr><tr><td>Đánh giá năm 2023</td><td>Tự chấm</td></tr>"
    )
    body = _tr("1", "Kế hoạch", "2", "2", "1,5") + _tr("2", "Báo cáo", "1", "0,5", "1")
    table = f"<p>PHỤ LỤC</p><table border='1'>{header}{body}</table>"
    rows = run_html(_appendix_page(table)).tables["appendix_rows"]
    assert [(r["row_id"], r["achieved_score"]) for r in rows] == [("1", Decimal("1.5")), ("2", Decimal(1))]


def test_a_person_over_chu_tri_and_phoi_hop_is_no_lead_unit_column() -> None:
    # review 41: "Lãnh đạo phụ trách / Chủ trì" had won over "Cơ quan thực hiện" (people's names as
    # lead units); under "Cơ quan thực hiện / Chủ trì" the bodies lead
    header = (
        "<tr><td rowspan='2'>STT</td><td rowspan='2'>Nhiệm vụ</td><td rowspan='2'>Cơ quan thực hiện</td>"
        "<td colspan='2'>Lãnh đạo phụ trách</td></tr><tr><td>Chủ trì</td><td>Phối hợp</td></tr>"
    )
    body = _tr("1", "Rà soát văn bản", "UBND cấp huyện", "Đồng chí Nguyễn Văn A", "Đồng chí Trần Văn B")
    table = f"<p>PHỤ LỤC</p><table border='1'>{header}{body}</table>"
    rows = run_html(_appendix_page(table)).tables["appendix_rows"]
    assert [r["lead_units"] for r in rows] == [["UBND cấp huyện"]]
