"""Check the figures against each other and report what does not add up; never change them.

A difference that the printed rounding explains (2,71 printed for 2,7091) is not an error:
the tolerance is half a unit of the last digit the document prints.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from extract.appendix import UNNUMBERED_ROW, Appendix, AppendixRow, Finding
from extract.columns import role_of
from extract.numbering import BULLET_STYLES, UNNUMBERED, roman_value
from extract.settings import APPENDIX_REFERENCE, BODY_ROW_WORDS, SCORE_ROLES
from normalize.numbers import (
    decimals_of,
    format_vi,
    is_dot_decimal,
    is_dot_thousands_shape,
    parse_number,
    printed_figure,
    rounds_to,
)
from normalize.text import close_number_gaps, fold, fold_aligned, normalize_sign_number

_FIGURE = r"(\d+(?:[.,]\d+)?)"
_TOTAL_FIGURE = re.compile(rf"tong (?:so )?diem\b[^/]*?{_FIGURE}\s*/\s*{_FIGURE}")

#: "Lĩnh vực 1", "Chỉ số 3:", "tiêu chí 2" anywhere in a line; not "chỉ số 87,76%" (a share)
#: nor "Tiêu chí 1.2" (a sub-row).
_ROW_QUOTE = re.compile(rf"\b({'|'.join(BODY_ROW_WORDS)})\s+(\d+)(?![.,]?\d)")
#: A quoted "x/y": not a piece of a date ("15/12/2024") nor of a sign number ("12/KH-UBND").
_QUOTED_FIGURE = re.compile(rf"(?<![\d.,/]){_FIGURE}\s*/\s*{_FIGURE}(?![\d/]|[.,]\d)")
#: Where the clause quoting a row ends: a semicolon, or a full stop that closes a sentence.
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")


def _agrees(total: Decimal, value: Decimal, printed: str) -> bool:
    """Does a row's figure agree with the sum of its sub-rows: the sum rounded to the decimals
    the figure is printed with ("9" for 8,5 but not for 9,5)? Without a printed text, exactly."""
    return rounds_to(total, printed) if parse_number(printed_figure(printed)) == value else total == value


def _max_agrees(total: Decimal, value: Decimal, parts: list[str]) -> bool:
    """Does a maximum score agree with the sum of its parts' maxima? A maximum is set, not
    measured: "9" over parts of 2,5 + 2 + 4 (8,5) is no rounding. Only a part that cannot be
    printed exactly may be off, by half its last decimal (three parts of "3,3" under "10", each a
    third; six of "0,33" under "2"); whole parts, halves and quarters are exact."""
    slack = sum((_rounding_of(p) for p in parts), Decimal(0))
    return abs(total - value) <= slack


def _rounding_of(printed: str) -> Decimal:
    """How far a part printed so may be from its true value: half its last decimal when that
    decimal is no 0 or 5 ("3,3", "0,33", "1,7": thirds and sixths), else none ("2,5", "0,25", "2")."""
    figure = printed_figure(printed).strip()
    places = decimals_of(figure)
    if not places or figure[-1:] in ("0", "5"):
        return Decimal(0)
    return Decimal(5).scaleb(-places - 1)


def _sum_agrees(role: str, values: list[Decimal], rows: list[AppendixRow], value: Decimal, printed: str) -> bool:
    """Does ``value`` (printed so) agree with the sum of its parts' ``values`` (of ``rows``), with
    or without a penalty's negative maximum: a maximum exactly (``_max_agrees``), a measured score
    or amount up to its printed rounding (``_agrees``)?"""
    total = sum(values, Decimal(0))
    without = _without_penalties(values, role, total)
    if role == "max_score":
        parts = [str(r.printed.get(role, "")) for r in rows]
        return _max_agrees(total, value, parts) or _max_agrees(without, value, parts)
    return _agrees(total, value, printed) or _agrees(without, value, printed)


def _scored(row: AppendixRow) -> bool:
    """Is the row summed: anything printed in a score column (a figure, or "Không chấm"), or a
    numbered row (a criterion whose figure is missing, a heading over scored rows)? Only a bullet
    or unnumbered row with no score at all is a note ("- Trong đó, ...")."""
    if row.values.get("numbering") not in (*BULLET_STYLES, UNNUMBERED, None):
        return True
    return any(row.values.get(role) is not None or str(row.printed.get(role, "")).strip() for role in SCORE_ROLES)


def check_sums(appendix: Appendix) -> list[Finding]:
    """Each parent against the sum of its children, and the total row against the top rows."""
    findings: list[Finding] = []
    children: dict[str, list[AppendixRow]] = defaultdict(list)
    for row in appendix.rows:
        if row.values.get("parent_id") is not None:
            children[str(row.values["parent_id"])].append(row)
    at = {c.role: c.index for c in appendix.columns if c.role in SCORE_ROLES}  # each score's column
    for row in appendix.rows:
        # a sub-row with no score in any column ("- Trong đó, ..."), a note, is not summed
        kids = [kid for kid in children.get(str(row.values["row_id"]), []) if _scored(kid)]
        if not kids or _a_rate(appendix, row):
            continue  # a rate's parts do not add up to it ("Tỷ lệ trường đạt chuẩn | %")
        rid = str(row.values["row_id"])
        details = [_detail_row(str(k.values.get("name") or "")) for k in kids]
        for role in SCORE_ROLES:
            value = row.values.get(role)
            # "- Trong đó: Thu nội địa | 4.200" under "Thu ngân sách | 5.000" details its parent:
            # the others (if any) may add up without it (when it opens the list of parts, all do)
            counted = [k for k, detail in zip(kids, details, strict=True) if not detail]
            # a detail without a figure: the parts alone are checked
            detail_blank = len(counted) < len(kids) and any(k.values.get(role) is None for k in kids)
            summed = counted if detail_blank else kids
            kid_values = [k.values.get(role) for k in summed]
            if value is None or not summed or any(v is None for v in kid_values):
                continue
            printed = row.printed.get(role, "")
            parts = [k.values.get(role) for k in counted]
            if len(counted) < len(kids) and (not parts or _agrees(sum(parts, Decimal(0)), value, printed)):  # type: ignore[arg-type]
                continue
            # a score a rowspan carries over several sub-rows counts once, or once a row, as an
            # amount does (check_amount_sums); the row's own score merged down has no parts
            copies = [(str(k.values["row_id"]), at.get(role)) in appendix.merged_copies for k in summed]
            if (rid, at.get(role)) in appendix.merged_copies or copies[0]:
                continue
            total = sum(kid_values, Decimal(0))  # type: ignore[arg-type]
            once = sum((v for v, copy in zip(kid_values, copies, strict=True) if not copy), Decimal(0))  # type: ignore[misc]
            if any(copies) and _agrees(once, value, printed):  # type: ignore[arg-type]
                continue
            if not _sum_agrees(role, kid_values, summed, value, printed):  # type: ignore[arg-type]
                where = f"appendix {appendix.index}, row {rid}, column {role}"
                findings.append(
                    _mismatch(
                        "sum_mismatch",
                        where,
                        f"Row {rid}",
                        value,
                        _role_words(role),
                        total,
                        f"its {len(summed)} sub-rows",
                        rid,
                        role,
                    )  # type: ignore[arg-type]
                )
    top = _parts(appendix, [r for r in appendix.rows if r.values.get("parent_id") is None], _scored)
    findings += _check_total(appendix, top, appendix.totals, appendix.totals_printed, None)
    for name, span, totals, printed, group in appendix.subtotal_checks:
        findings += _check_total(appendix, _closed_rows(appendix, span, group, _scored), totals, printed, name)
    return findings


def check_score_limits(appendix: Appendix) -> list[Finding]:
    """A score (achieved, or a target) above the row's own maximum score: no table of points
    allows it ("1,75" against a maximum of "1,5"), so the figure or its maximum is wrong. A
    rate's row (see ``_a_rate``) may pass its planned share."""
    findings: list[Finding] = []
    rows = [(str(r.values["row_id"]), r.values) for r in appendix.rows if not _a_rate(appendix, r)]
    merged = _merged_cells(appendix)
    for rid, values in [*rows, ("total", appendix.totals)]:
        top = values.get("max_score")
        if top is None:
            continue
        for role in ("achieved_score", "target_score"):
            if (rid, role) in merged:
                continue  # one score for several rows ("1,5" merged over 2.1 and 2.2): whose maximum?
            value = values.get(role)
            # a penalty's maximum is negative ("Điểm trừ | -1 | -0,5"): the score may not go below it
            if value is not None and (value > top if top >= 0 else value < top):
                subject = "The total row" if rid == "total" else f"Row {rid}"
                findings.append(
                    Finding(
                        "score_above_max",
                        "error",
                        f"appendix {appendix.index}, {'total row' if rid == 'total' else f'row {rid}'}, column {role}",
                        f"{subject} gives {format_vi(value)} for {_role_words(role)}, beyond its maximum score "
                        f"{format_vi(top)}.",
                        row_id=None if rid == "total" else rid,
                        column=role,
                        expected=f"{'≤' if top >= 0 else '≥'} {format_vi(top)}",
                        actual=format_vi(value),
                    )
                )
    return findings


def _merged_cells(appendix: Appendix) -> set[tuple[str, str]]:
    """(row_id, role) of the score cells a rowspan merges: the copies and the row they start in."""
    roles = {c.index: c.role for c in appendix.columns if c.role in SCORE_ROLES}
    ids = [str(r.values["row_id"]) for r in appendix.rows]
    merged: set[tuple[str, str]] = set()
    for at, role in roles.items():
        for k, rid in enumerate(ids):
            if (rid, at) in appendix.merged_copies:
                merged.add((rid, role))
                start = k - 1
                while start > 0 and (ids[start], at) in appendix.merged_copies:
                    start -= 1
                if start >= 0:
                    merged.add((ids[start], role))
    return merged


#: Headers of columns of money, which add up like scores: "Kinh phí (triệu đồng)", "Dự toán",
#: "Nguồn vốn / Ngân sách tỉnh", "Thành tiền". Counts and rates need not (averages, shares).
_AMOUNT_HEADER = re.compile(r"kinh phi|du toan|nguon von|tong muc|von dau tu|thanh tien|(trieu|nghin|ty) dong")
#: ... but not a price, a norm or an average per unit ("Đơn giá", "Mức hỗ trợ (triệu đồng/người)").
_PER_UNIT_HEADER = re.compile(
    r"don gia|dinh muc|muc ho tro|binh quan|trung binh|ty le"
    r"|dong/(?!\s*nam\b)\s*\w"  # "đồng/người", "đồng/buổi" ...: not per year, nor " / " of a two-level header
    r"|dong\s+/\s*(nguoi|suat|buoi|kg|luot|m2|m3|thang|ngay|tan|km|lan|hoc vien|lop|dot|cuoc)\b"
)
#: In a table of money ("ĐVT: triệu đồng"), the columns of amounts that add up: totals, budgets,
#: sources, spending, plans, results, disbursements, a year or a period ("Tổng", "Ngân sách trung
#: ương", "Chi đầu tư", "Đã giải ngân", "Năm 2024"); not prices, norms or coefficients ("Vị trí 1",
#: "Mức chi", "Hệ số").
_MONEY_UNIT_HEADER = re.compile(
    r"tong|ngan sach|\bvon\b|nguon|trung uong|dia phuong|xa hoi hoa|doanh nghiep|huy dong|ho tro|\bvay\b|\boda\b"
    r"|dau tu|ke hoach|thuc hien|du kien|du toan|giai doan|\b(19|20)\d\d\b|^khac$|^chi\b|giai ngan|gia tri"
    r"|thanh tien|so tien|quyet toan|phan bo|bo tri|\bns\w*|\btw\b|\bdp\b|xay lap|thiet bi|luy ke|\buoc\b"
)
#: ... and of those not counts, shares, comparisons, lengths and areas, codes, dates, norms
#: ("Năm khởi công", "Số xã", "So sánh TH/KH", "Mức hỗ trợ").
_NOT_MONEY_HEADER = re.compile(
    r"^so\b|so luong|ty le|%|so sanh|tang giam|dien tich|khoi luong|chieu dai|quy mo|\((km|ha|m2|m3|nguoi|ho|xa)\)"
    r"|don vi|dvt|ma so|\bma\b|thoi gian|^nam\b(?!\s*(19|20)\d\d)|ghi chu|tien do|muc chi|dinh muc|he so|dan so"
)
#: A sub-row that details part of its parent ("- Trong đó: ngân sách tỉnh"), not a part of a sum.
_DETAIL_ROW = re.compile(r"^(trong đó|chia ra)\b|^(bao gồm|gồm)\s*:")
#: ... typed without accents ("Trong do: ngan sach tinh"), not "Trong đô thị".
_DETAIL_ROW_PLAIN = re.compile(r"^(trong do|chia ra)\b|^(bao gom|gom)\s*:")


def _detail_row(name: str) -> bool:
    text = name.lower().lstrip("-+• ")
    return bool(_DETAIL_ROW.match(text) or (text.isascii() and _DETAIL_ROW_PLAIN.match(text)))


def _other_points(appendix: Appendix) -> list:
    """Score columns beside the one whose role they share, kept in appendix_cells ("Điểm thẩm
    định" after "Điểm tự đánh giá", a second year's points): in a table of points they add up as
    the scores do, and are checked as amounts are."""
    if not any(c.role == "max_score" for c in appendix.columns):
        return []
    points = []
    for c in appendix.columns:
        if not (
            c.role == "other"
            and _POINTS_WORD.search(fold(c.header))
            and not _SHARE_HEADER.search(fold(c.header))
            and role_of(c.header) in SCORE_ROLES
        ):
            continue
        texts = [str(cell["value"] or "").strip() for cell in appendix.cells if cell["column_index"] == c.index]
        # "2.125" beside "2.25": a dot decimal the cells read as thousands; the column is left alone
        dotted = bool(appendix.dot_decimals) or any(is_dot_decimal(t) for t in texts)
        if not (dotted and any(is_dot_thousands_shape(t) for t in texts)):
            points.append(c)
    return points


#: A header of points ("Điểm thẩm định", "Điểm đánh giá năm 2023 / Thẩm định"), not a result that
#: may be a share or a count ("Kết quả năm 2023").
_POINTS_WORD = re.compile(r"\bdiem\b")
#: ... nor a share of the points ("Điểm đạt / Tỷ lệ (%)").
_SHARE_HEADER = re.compile(r"ty le|%|phan tram")


def check_amount_sums(appendix: Appendix) -> list[Finding]:
    """Each parent's amount against its children's, each total and subtotal row's against the
    rows it closes, in the money columns kept in appendix_cells (named so, or a column of amounts
    of a table whose unit line says money; when every row concerned has a figure). A figure a
    rowspan carries over several rows counts once (or once a row, if that adds up); rows under a
    "Trong đó:" line of their parent with no figure of its own detail it and are not its parts."""
    money = [
        c
        for c in appendix.columns
        if c.role == "other"
        and (
            _AMOUNT_HEADER.search(fold(c.header))
            or (
                appendix.money_unit
                and _MONEY_UNIT_HEADER.search(fold(c.header))
                and not _NOT_MONEY_HEADER.search(fold(c.header))
                and not _years_column(appendix, c)
            )
        )
        and not _PER_UNIT_HEADER.search(fold(c.header))
    ]
    points = _other_points(appendix)
    money += points
    ids = [str(row.values["row_id"]) for row in appendix.rows]
    if not money or len(set(ids)) < len(ids):  # a row number printed twice: which figure is whose?
        return []
    money_at = {c.index for c in money}
    printed: dict[tuple[str, int], str] = {}
    values: dict[tuple[str, int], Decimal] = {}
    # rows followed by a "Trong đó..." line with no row number (accents as ``_detail_row`` reads
    # them: not "Trong đô thị"); with a figure of its own the line is the detail, and rows go on
    details_after: set[str] = set()
    own_figure: set[str] = set()  # ... and those whose unnumbered line has a figure of its own
    for cell in appendix.cells:
        rid, at = str(cell["row_id"]), int(cell["column_index"])  # type: ignore[call-overload]
        if str(cell["column_header"]).endswith(UNNUMBERED_ROW):
            value = str(cell["value"] or "")
            if _detail_row(value) and fold(value).lstrip("-+• ").startswith("trong do"):
                details_after.add(rid)
            elif at in money_at and cell["value_number"] is not None:
                own_figure.add(rid)
        elif at in money_at and cell["value_number"] is not None:
            values[(rid, at)] = cell["value_number"]  # type: ignore[assignment]
            printed[(rid, at)] = str(cell["value"])
    children: dict[str, list[str]] = defaultdict(list)
    top: list[str] = []
    for row in appendix.rows:
        rid, parent = str(row.values["row_id"]), row.values.get("parent_id")
        if _detail_row(str(row.values.get("name") or "")):
            continue  # "- Trong đó: ..."
        if str(parent) in details_after - own_figure:
            continue  # "- Ngân sách tỉnh" under a "Trong đó:" line of its parent: a detail
        (children[str(parent)] if parent is not None else top).append(rid)
    checks = [(rid, kids, None) for rid, kids in children.items()] + [("total", top, None)]
    checks += [(name, _closed_ids(appendix, span, group), name) for name, span, _, _, group in appendix.subtotal_checks]

    points_at = {c.index for c in points}
    # a rate's row ("Tỷ lệ hồ sơ đúng hạn | % | 100 | 98") is left out of a column of points, as
    # check_sums leaves it out of the scores
    rates = {str(row.values["row_id"]) for row in appendix.rows if points and _a_rate(appendix, row)}

    def resolved(rid: str, at: int) -> Decimal | None:
        """The row's figure, or for a group row printed without one ("I. Nhiệm vụ chung" over
        rows 1 and 2) the sum of its sub-rows' when they all have one (none merged). Not in a
        column of points: a group without figures there may be a bonus outside the total, as
        for the scores (check_sums)."""
        value = values.get((rid, at))
        kids = children.get(rid)
        if value is not None or not kids or at in points_at or any((kid, at) in appendix.merged_copies for kid in kids):
            return value
        parts = [resolved(kid, at) for kid in kids]
        return None if any(v is None for v in parts) else sum(parts, Decimal(0))  # type: ignore[arg-type]

    findings: list[Finding] = []
    for column in money:
        english = column.index in appendix.comma_thousands
        for rid, all_kids, subtotal in checks:
            value = values.get((rid, column.index))
            if value is None or (rid, column.index) in appendix.merged_copies:
                continue
            kids = all_kids
            if column.index in points_at:
                if rid in rates:
                    continue
                kids = [kid for kid in all_kids if kid not in rates]
            # a figure a rowspan carries over several rows counts once, or once a row ("Huyện A |
            # 200" merged over three districts that each get 200): either reading may add up
            copies = [kid for kid in kids if (kid, column.index) in appendix.merged_copies]
            if rid != "total" and subtotal is None and copies and copies[0] == kids[0]:
                continue  # the row's own figure merged down over its first sub-rows: no parts to add
            once = [resolved(kid, column.index) for kid in kids if kid not in copies]
            each = [resolved(kid, column.index) for kid in kids]
            shown = printed[(rid, column.index)]
            counted = any(
                (kid, column.index) not in values and v is not None for kid, v in zip(kids, each, strict=True)
            )
            findings += _amount_check(
                appendix, column.header, rid, value, shown, once, each, subtotal, english, counted
            )
    return findings


def _years_column(appendix: Appendix, column) -> bool:
    """Does the column hold years (every figure a whole number from 1900 to 2100)?"""
    figures = [
        cell["value_number"]
        for cell in appendix.cells
        if cell["column_index"] == column.index and cell["value_number"] is not None
    ]
    return bool(figures) and all(f == int(f) and 1900 <= f <= 2100 for f in figures)  # type: ignore[operator, arg-type]


def _amount_check(
    appendix: Appendix,
    header: str,
    rid: str,
    value: Decimal,
    printed: str,
    once: list[Decimal | None],
    each: list[Decimal | None],
    subtotal: str | None,
    english: bool,
    counted: bool = False,
) -> list[Finding]:
    """One money figure against the figures of the rows it sums (a merged figure counted
    ``once`` or for ``each`` row it spans); ``english``: the column writes "4,876"; ``counted``:
    a row among them has no figure and was counted by its sub-rows (the message says so)."""
    if not once or any(v is None for v in once):
        return []
    if english:
        printed = printed.replace(",", "")  # "4,876" is 4876 in this column: the rounding is read so
    total = sum(once, Decimal(0))  # type: ignore[arg-type]
    if _agrees(total, value, printed):
        return []
    if each != once and all(v is not None for v in each) and _agrees(sum(each, Decimal(0)), value, printed):  # type: ignore[arg-type]
        return []
    n = len(once)
    by_parts = " (a row without a figure counted by its sub-rows)" if counted else ""
    if subtotal is not None:
        where = f"appendix {appendix.index}, {subtotal} row, column {header}"
        return [
            _mismatch(
                "total_mismatch",
                where,
                f"The {subtotal} row",
                value,
                header,
                total,
                f"the {n} rows it closes{by_parts}",
                subtotal,
                header,
            )
        ]
    if rid == "total":
        where = f"appendix {appendix.index}, total row, column {header}"
        return [
            _mismatch(
                "total_mismatch",
                where,
                "The total row",
                value,
                header,
                total,
                f"the {n} top-level rows{by_parts}",
                None,
                header,
            )
        ]
    where = f"appendix {appendix.index}, row {rid}, column {header}"
    return [
        _mismatch("sum_mismatch", where, f"Row {rid}", value, header, total, f"its {n} sub-rows{by_parts}", rid, header)
    ]


def _closed_rows(appendix: Appendix, span: tuple[int, int], group: str | None, keep) -> list[AppendixRow]:
    """The rows a subtotal closes: the sub-rows of the group it names ("Cộng II"), else the
    outermost rows since the total row before it ("Cộng"); only those ``keep`` accepts."""
    if group is not None:
        top = [r for r in appendix.rows if r.values.get("parent_id") is None and keep(r)]
        heads = [r for r in top if r.label.key.lower() == group]
        if len(heads) != 1:
            return []
        head = str(heads[0].values["row_id"])
        return [r for r in appendix.rows if str(r.values.get("parent_id")) == head and keep(r)]
    rows = appendix.rows[span[0] : span[1]]
    inside = {str(r.values["row_id"]) for r in rows}
    return _parts(appendix, [r for r in rows if str(r.values.get("parent_id")) not in inside], keep)


def _parts(appendix: Appendix, rows: list[AppendixRow], keep) -> list[AppendixRow]:
    """The rows a total adds up: ``rows`` that ``keep`` accepts, an unnumbered group's title with
    no figure ("Lĩnh vực Hộ tịch" over rows 1, 2) standing for its rows."""
    parts = []
    for row in rows:
        if keep(row):
            parts.append(row)
        elif row.values.get("numbering") == UNNUMBERED:
            rid = row.values["row_id"]
            parts += [r for r in appendix.rows if r.values.get("parent_id") == rid and keep(r)]
    return parts


def _closed_ids(appendix: Appendix, span: tuple[int, int], group: str | None) -> list[str]:
    """The row ids a subtotal closes, for the money columns (detail rows are no parts)."""
    rows = _closed_rows(appendix, span, group, lambda r: not _detail_row(str(r.values.get("name") or "")))
    return [str(r.values["row_id"]) for r in rows]


def _a_rate(appendix: Appendix, row: AppendixRow) -> bool:
    """Is the row's figure a rate: its unit (an indicator table's "ĐVT" column) is "%"? In a
    table of points (a maximum score column) a criterion measured in % still scores points,
    unless the other rows' unit says "điểm" and its own maximum is 100 or none: then its figures
    are percentages."""
    unit = _unit_of(row)
    rate = "%" in unit or unit.startswith(("ty le", "phan tram"))
    if rate and any(c.role == "max_score" for c in appendix.columns):
        top = row.values.get("max_score")
        on_percent_scale = top is None or top >= 100  # "| % | 100 | 97 |", not "| % | 2 | 1,5 |"
        return on_percent_scale and any(_unit_of(other) == "diem" for other in appendix.rows)
    return rate


def _unit_of(row: AppendixRow) -> str:
    return fold(str(row.values.get("unit") or "")).strip()


def _check_total(
    appendix: Appendix,
    rows: list[AppendixRow],
    totals: dict[str, Decimal | None],
    printed: dict[str, str],
    subtotal: str | None,
) -> list[Finding]:
    """A total (or a subtotal's) row against the rows it sums, when they all have a figure (and
    none is a rate; in a table of points, the rates are left out of the sum)."""
    if any(c.role == "max_score" for c in appendix.columns):
        rows = [r for r in rows if not _a_rate(appendix, r)]
    elif any(_a_rate(appendix, r) for r in rows):
        return []
    findings = []
    for role, value in totals.items():
        values = [r.values.get(role) for r in rows]
        if value is None or not values or any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))  # type: ignore[arg-type]
        if not _sum_agrees(role, values, rows, value, printed.get(role, "")):  # type: ignore[arg-type]
            where = f"appendix {appendix.index}, {subtotal or 'total'} row, column {role}"
            subject = f"The {subtotal} row" if subtotal else "The total row"
            parts = f"the {len(rows)} {'rows it closes' if subtotal else 'top-level rows'}"
            findings.append(
                _mismatch("total_mismatch", where, subject, value, _role_words(role), total, parts, subtotal, role)
            )
    return findings


def _without_penalties(values: list[Decimal], role: str, total: Decimal) -> Decimal:
    """The sum of maximum scores without a penalty's negative maximum ("Điểm trừ | -2"): no part of
    its parent's or the table's maximum, either reading is accepted. Other roles: ``total``."""
    return sum((v for v in values if v >= 0), Decimal(0)) if role == "max_score" else total


def _mismatch(
    code: str,
    where: str,
    subject: str,
    value: Decimal,
    what: str,
    total: Decimal,
    parts: str,
    row_id: str | None,
    column: str,
) -> Finding:
    """A figure that is not the sum of its parts ("Row 2 gives 9 for the maximum score but its 2
    sub-rows add up to 8."): the one finding every sum check writes."""
    return Finding(
        code,
        "error",
        where,
        f"{subject} gives {format_vi(value)} for {what} but {parts} add up to {format_vi(total)}.",
        row_id=row_id,
        column=column,
        expected=format_vi(total),
        actual=format_vi(value),
    )


def check_body_figures(body_lines: list[str], appendix: Appendix) -> list[Finding]:
    """Figures quoted in the body ("Lĩnh vực 1 ... đạt 7,46/8,5", "Chỉ số 3: ... đạt
    12,10/15", several to a line) against the top-level appendix row numbered so, and the
    quoted total ("tổng điểm ... 86,26/100") against the total row.

    A quoted "x/y" is compared only when y is that row's maximum score (so the quote is
    about that row); x must then be the achieved or the target score, as rounded to the
    decimals x is printed with.
    """
    findings: list[Finding] = []
    top = {str(r.values["row_id"]): r for r in appendix.rows if r.values.get("parent_id") is None}
    # groups numbered I, II, III: "Lĩnh vực 2" is group II when no top-level row is numbered 2
    groups = {str(roman_value(key)): row for key, row in top.items() if row.values.get("numbering") == "roman"}
    for number, line in enumerate(body_lines, start=1):
        folded = fold(line)
        for word, row_id, quoted, out_of in _row_quotes(folded):
            row = top.get(row_id) or groups.get(row_id)
            if row is not None:
                findings += _compare_quote(
                    appendix,
                    number,
                    line,
                    quoted,
                    out_of,
                    row.values.get("achieved_score"),
                    row.values.get("target_score"),
                    row.values.get("max_score"),
                    f"{BODY_ROW_WORDS[word]} {row_id}",
                    str(row.values["row_id"]),
                )
        match = _TOTAL_FIGURE.search(folded)
        if match and appendix.totals:
            findings += _compare_quote(
                appendix,
                number,
                line,
                match.group(1),
                match.group(2),
                appendix.totals.get("achieved_score"),
                appendix.totals.get("target_score"),
                appendix.totals.get("max_score"),
                "the total",
                None,
            )
    return findings


def _row_quotes(folded: str) -> list[tuple[str, str, str, str]]:
    """(row word, row number, x, y) of each row quoted in a folded line with a figure "x/y":
    the first figure of the clause that follows the row's name, before the next row's."""
    mentions = [m for m in _ROW_QUOTE.finditer(folded) if _names_an_appendix_row(folded, m)]
    quotes: list[tuple[str, str, str, str]] = []
    for k, mention in enumerate(mentions):
        end = mentions[k + 1].start() if k + 1 < len(mentions) else len(folded)
        clause = folded[mention.end() : end]
        stop = _CLAUSE_END.search(clause)
        figure = _QUOTED_FIGURE.search(clause[: stop.start()] if stop else clause)
        if figure:
            quotes.append((mention.group(1), mention.group(2), figure.group(1), figure.group(2)))
    return quotes


def _names_an_appendix_row(folded: str, mention: re.Match[str]) -> bool:
    """ "Lĩnh vực N" names a field of the appendix anywhere in a line; the more common words
    "chỉ số N", "tiêu chí N" only as the line's subject ("- Chỉ số 3: ...", "Chỉ số 3 đạt") or
    before a colon: "riêng chỉ số 2 (Tính minh bạch) chỉ đạt 5,2/10 theo PCI" quotes another
    ranking."""
    if mention.group(1) == "linh vuc":
        return True
    at_start = not folded[: mention.start()].strip(" -+•*.:;")
    return at_start or folded[mention.end() :].lstrip().startswith(":")


def _compare_quote(
    appendix: Appendix,
    line_number: int,
    line: str,
    quoted: str,
    out_of: str,
    achieved: object,
    target: object,
    maximum: object,
    what: str,
    row_id: str | None,
) -> list[Finding]:
    quoted_value, out_of_value = parse_number(quoted), parse_number(out_of)
    if quoted_value is None or out_of_value is None or maximum is None or out_of_value != maximum:
        return []
    if any(_rounds_to(value, quoted) for value in (achieved, target)):
        return []
    return [
        Finding(
            "body_figure_mismatch",
            "error",
            f"body line {line_number}",
            f"The body says {what} reached {quoted}/{out_of} but the appendix gives "
            f"{format_vi(achieved) if isinstance(achieved, Decimal) else 'nothing'}/"
            f"{format_vi(maximum)}.",  # type: ignore[arg-type]
            row_id=row_id,
            column="achieved_score",
            expected=format_vi(achieved) if isinstance(achieved, Decimal) else None,
            actual=quoted,
        )
    ]


def _rounds_to(value: object, quoted: str) -> bool:
    """Is ``quoted`` the appendix's ``value`` rounded to the decimals the body prints
    ("10,9" for 10,88; not "8" for 8,5, which rounds to 9)?"""
    return isinstance(value, Decimal) and rounds_to(value, quoted)


def cited_number(appendix: Appendix) -> str | None:
    """The number of the document the appendix says it belongs to ("Kèm theo Kế hoạch số
    18/KH-UBND"), as a sign number, or None."""
    if not appendix.reference:
        return None
    reference = close_number_gaps(appendix.reference)  # "số 18 /KH-UBND" is "18/KH-UBND"
    match = APPENDIX_REFERENCE.search(fold_aligned(reference))
    if not match:
        return None
    return normalize_sign_number(reference[match.start("number") : match.end("number")].strip(" .,;)"))


def same_number(a: str, b: str) -> bool:
    """Two document numbers compared as sign numbers: "HÐND" is "HĐND", "18 / KH-UBND" is "18/KH-UBND"."""
    return fold(normalize_sign_number(a)) == fold(normalize_sign_number(b))


def check_reference(appendix: Appendix, number: str | None) -> list[Finding]:
    """The appendix says which document it belongs to; it should be this one."""
    cited = cited_number(appendix)
    if cited is None or not number or same_number(cited, number):
        return []
    return [
        Finding(
            "foreign_document_number",
            "warning",
            f"appendix {appendix.index}, heading",
            f"The appendix says it belongs to {cited} but the document is {number}.",
            expected=number,
            actual=cited,
        )
    ]


def _role_words(role: str) -> str:
    return {
        "max_score": "the maximum score",
        "achieved_score": "the achieved score",
        "target_score": "the target score",
    }.get(role, role)
