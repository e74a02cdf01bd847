"""Check the figures against each other and report what does not add up; never change them.

A difference that the printed rounding explains (2,71 printed for 2,7091) is not an error:
the tolerance is half a unit of the last digit the document prints.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from extract.appendix import Appendix, AppendixRow, Finding
from extract.settings import APPENDIX_REFERENCE, SCORE_ROLES
from normalize.numbers import decimals_of, format_vi, parse_number
from normalize.text import fold, fold_aligned

_FIGURE = r"(\d+(?:[.,]\d+)?)"
_FIELD_FIGURE = re.compile(rf"^\W*linh vuc\s+(\d+)\b[^/]*?{_FIGURE}\s*/\s*{_FIGURE}")
_TOTAL_FIGURE = re.compile(rf"tong (?:so )?diem\b[^/]*?{_FIGURE}\s*/\s*{_FIGURE}")


def _tolerance(printed: str) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-(decimals_of(printed) + 1))


def check_sums(appendix: Appendix) -> list[Finding]:
    """Each parent against the sum of its children, and the total row against the top rows."""
    findings: list[Finding] = []
    children: dict[str, list[AppendixRow]] = defaultdict(list)
    for row in appendix.rows:
        if row.values.get("parent_id") is not None:
            children[str(row.values["parent_id"])].append(row)
    for row in appendix.rows:
        kids = children.get(str(row.values["row_id"]))
        if not kids:
            continue
        for role in SCORE_ROLES:
            value = row.values.get(role)
            kid_values = [k.values.get(role) for k in kids]
            if value is None or any(v is None for v in kid_values):
                continue
            total = sum(kid_values, Decimal(0))  # type: ignore[arg-type]
            if abs(total - value) > _tolerance(row.printed.get(role, "")):  # type: ignore[operator]
                rid = row.values["row_id"]
                findings.append(
                    Finding(
                        "sum_mismatch",
                        "error",
                        f"appendix {appendix.index}, row {rid}, column {role}",
                        f"Row {rid} gives {format_vi(value)} for {_role_words(role)} but its "  # type: ignore[arg-type]
                        f"{len(kids)} sub-rows add up to {format_vi(total)}.",
                        row_id=str(rid),
                        column=role,
                        expected=format_vi(total),
                        actual=format_vi(value),  # type: ignore[arg-type]
                    )
                )
    top = [r for r in appendix.rows if r.values.get("parent_id") is None]
    for role, value in appendix.totals.items():
        values = [r.values.get(role) for r in top]
        if value is None or not values or any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))  # type: ignore[arg-type]
        if abs(total - value) > _tolerance(appendix.totals_printed.get(role, "")):
            findings.append(
                Finding(
                    "total_mismatch",
                    "error",
                    f"appendix {appendix.index}, total row, column {role}",
                    f"The total row gives {format_vi(value)} for {_role_words(role)} but the "
                    f"{len(top)} top-level rows add up to {format_vi(total)}.",
                    column=role,
                    expected=format_vi(total),
                    actual=format_vi(value),
                )
            )
    return findings


def check_body_figures(body_lines: list[str], appendix: Appendix) -> list[Finding]:
    """Figures quoted in the body ("Lĩnh vực 1 ... đạt 7,46/8,5") against the appendix.

    A quoted "x/y" is compared only when y is that row's maximum score (so the quote is
    about that row); x must then equal the achieved or the target score.
    """
    findings: list[Finding] = []
    top = {str(r.values["row_id"]): r for r in appendix.rows if r.values.get("parent_id") is None}
    for number, line in enumerate(body_lines, start=1):
        folded = fold(line)
        match = _FIELD_FIGURE.search(folded)
        if match:
            row = top.get(match.group(1))
            if row is not None:
                findings += _compare_quote(
                    appendix,
                    number,
                    line,
                    match.group(2),
                    match.group(3),
                    row.values.get("achieved_score"),
                    row.values.get("target_score"),
                    row.values.get("max_score"),
                    f"field {match.group(1)}",
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
    if quoted_value in (achieved, target):
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


def check_reference(appendix: Appendix, number: str | None) -> list[Finding]:
    """The appendix says which document it belongs to; it should be this one."""
    if not appendix.reference or not number:
        return []
    match = APPENDIX_REFERENCE.search(fold_aligned(appendix.reference))
    if not match:
        return []
    cited = appendix.reference[match.start("number") : match.end("number")].strip(" .,;)")
    if fold(cited) == fold(number).strip():
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
