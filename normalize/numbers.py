"""Vietnamese figures as exact decimals: "8,5" -> 8.5, "0,8791" -> 0.8791, "26.120" -> 26120.

Decimal comma is the rule; a dot followed by exactly three digits (possibly repeated) is a
thousands separator, any other dot is a decimal point ("574945.0").
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

#: 26.120 or 1.234,5: dot thousands, maybe a comma decimal
_DOT_THOUSANDS = r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?"
#: 1,234.5: English style, only with a decimal point
_COMMA_THOUSANDS = r"[1-9]\d{0,2}(?:,\d{3})+\.\d+"
_NUMBER = re.compile(
    rf"""^[+-]?(?:
        {_DOT_THOUSANDS}
      | {_COMMA_THOUSANDS}
      | \d+(?:,\d+)?                      # 8,5 or 100
      | \d+\.\d+                          # 574945.0 (dot decimal)
      | [.,]\d+                           # ,5
    )$""",
    re.VERBOSE,
)
_DOT_THOUSANDS_NUMBER = re.compile(rf"^[+-]?{_DOT_THOUSANDS}$")
_COMMA_THOUSANDS_NUMBER = re.compile(rf"^[+-]?{_COMMA_THOUSANDS}$")
_PERCENT = re.compile(r"^(?P<num>.+?)\s*%$")
#: Cells that mean "no figure" rather than a bad figure.
NO_VALUE = frozenset({"", "-", "–", "—", "x", "X", "/", "_"})


def parse_number(text: str) -> Decimal | None:
    """The exact value of a cell holding one number, or None when it holds anything else."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    match = _PERCENT.match(raw)
    if match:
        raw = match.group("num")
    if not raw or not _NUMBER.match(raw):
        return None
    if _COMMA_THOUSANDS_NUMBER.match(raw):
        raw = raw.replace(",", "")
    elif _DOT_THOUSANDS_NUMBER.match(raw):
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the regex only lets valid shapes through
        return None


def is_no_value(text: str) -> bool:
    return text.strip().replace("\u00a0", "") in NO_VALUE


def decimals_of(text: str) -> int:
    """How many decimals the printed figure carries ("2,71" -> 2); used as rounding tolerance."""
    value = parse_number(text)  # it has decided which mark is the decimal separator
    return max(0, -value.as_tuple().exponent) if value is not None else 0


def format_vi(value: Decimal) -> str:
    """A figure the way the documents print it: decimal comma, no trailing zeros."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
