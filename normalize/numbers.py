"""Vietnamese figures as exact decimals: "8,5" -> 8.5, "0,8791" -> 0.8791, "26.120" -> 26120.

Decimal comma is the rule; a dot followed by exactly three digits (possibly repeated) is a
thousands separator, any other dot is a decimal point ("574945.0").
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

#: 26.120 or 1.234,5: dot thousands, maybe a comma decimal
_DOT_THOUSANDS = r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?"
#: 1,234.5: English style, only with a decimal point ("101,102,103" may be a list of numbers)
_COMMA_THOUSANDS = r"[1-9]\d{0,2}(?:,\d{3})+\.\d+"
#: 1,500: English thousands only in a column that writes them so (``comma_thousands``)
_ONE_COMMA_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(?:,\d{3})+$")
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
#: No-break and narrow no-break spaces are spaces.
_SPACES = re.compile(r"[\u00a0\u202f\u2009]")
_SIGN_SPACE = re.compile(r"^([+-])\s+")
#: Minus signs Word and typists write for "-": en dash, figure dash, minus, small and full-width
#: hyphen-minus ("–0,5", "− 1"). Alone, a dash is no figure (NO_VALUE).
_MINUS = re.compile(r"^[\u2013\u2012\u2212\ufe63\uff0d](?=\s*[\d.,])")
#: 1 250 000 or 1 234,5: space thousands, maybe a comma decimal
_SPACE_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$")
#: Cells that mean "no figure" rather than a bad figure.
NO_VALUE = frozenset({"", "-", "–", "—", "x", "X", "/", "_"})


#: A penalty written in brackets with its minus inside: "(-1)", "(–0,5)", "(-2 điểm)". Without a
#: minus, "(1)" is a column number or a note mark, not a figure.
_BRACKETED_NEGATIVE = re.compile(r"^\(\s*([-\u2013\u2012\u2212\ufe63\uff0d]\s*\d[^()]*?)\s*\)$")
#: A footnote mark after a figure, in superscript digits ("4,25³": extract/html/dom.py writes a
#: <sup>'s digits so): the figure is 4.25. After a whole number ("10³") it may be a power: no
#: figure is read then (a not_a_number finding), rather than a wrong one.
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NOTE_MARK = re.compile(rf"(?<=\d)\s?[{SUPERSCRIPT_DIGITS}]+$")


def parse_number(text: str, comma_thousands: bool = False) -> Decimal | None:
    """The exact value of a cell holding one number, or None when it holds anything else.

    A space inside the figure is a thousands separator only between groups of three digits
    ("1 250 000"); anything else ("4 8", "5 10,5": two figures of merged cells) is no number.
    ``comma_thousands``: the cell's column writes English figures ("1,125.5"), so "1,500" is
    1500 there, not 1,5 (see ``writes_comma_thousands``).
    """
    raw = _SPACES.sub(" ", text).strip()
    if bracketed := _BRACKETED_NEGATIVE.match(raw):
        raw = bracketed.group(1)  # "(-1)": a penalty or a decrease, its minus written inside
    if mark := _NOTE_MARK.search(raw):
        raw = raw[: mark.start()]
        if "," not in raw and "." not in raw:
            return None
    match = _PERCENT.match(raw)
    if match:
        raw = match.group("num")
    raw = _SIGN_SPACE.sub(r"\1", _MINUS.sub("-", raw))
    if " " in raw:
        if not _SPACE_THOUSANDS.match(raw):
            return None
        raw = raw.replace(" ", "")
    if comma_thousands and _ONE_COMMA_THOUSANDS.match(raw):
        raw = raw.replace(",", "")  # "1,500", "1,500,000" in a column of English figures
    elif not raw or not _NUMBER.match(raw):
        return None
    elif _COMMA_THOUSANDS_NUMBER.match(raw):
        raw = raw.replace(",", "")
    elif _DOT_THOUSANDS_NUMBER.match(raw):
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the regex only lets valid shapes through
        return None
    return value.copy_abs() if value.is_zero() else value  # "- 0" is 0, not a negative zero


#: Two commas or more between groups of three digits: no decimal comma, so English style
#: ("150,000,000"); but "101,102,103" may list numbers, so one such cell is not enough.
_COMMA_GROUPS = re.compile(r"^[+-]?[1-9]\d{0,2}(?:,\d{3}){2,}$")
#: Millions in English style with one digit first ("1,250,000"): no list of numbers, whose first
#: number has two digits at least ("12,115,116").
_MILLIONS = re.compile(r"^[+-]?[1-9](?:,\d{3}){2,}$")
#: A figure only Vietnamese style writes: "1.500", "1.234,5", "2,25" (a comma before other than
#: three digits).
_VIETNAMESE_ONLY = re.compile(rf"^[+-]?(?:{_DOT_THOUSANDS}|\d+,(?:\d{{1,2}}|\d{{4,}}))$")


def writes_comma_thousands(texts: list[str]) -> bool:
    """Does a column write its figures English style: some figure only that style writes
    ("1,125.5", "1,500,000") and none only the Vietnamese style does ("1.500", "2,25")? Then
    its "1,500" and "1,500,000" are read as thousands (``parse_number(comma_thousands=True)``)."""
    english = groups = 0
    vietnamese = False
    for text in texts:
        raw = _SPACES.sub(" ", text).strip().removesuffix("%").strip()
        english += bool(_COMMA_THOUSANDS_NUMBER.match(raw) or _MILLIONS.match(raw))
        groups += bool(_COMMA_GROUPS.match(raw))
        vietnamese = vietnamese or bool(_VIETNAMESE_ONLY.match(raw))
    # a decimal point or millions say so once; groups of three digits twice ("101,102,103" may
    # list numbers)
    return (english >= 1 or groups >= 2) and not vietnamese


#: A score printed with its unit: "1,5đ", "2 điểm".
_SCORE_WITH_UNIT = re.compile(
    r"^(?P<number>(?:[+\-\u2013\u2012\u2212\ufe63\uff0d]\s*)?[\d.,]+)\s*(điểm|đ)\.?$", re.IGNORECASE
)
#: A figure that reads as thousands ("1.000") but is a decimal in a column written with dot decimals.
_DOT_THOUSANDS_SHAPE = re.compile(r"^\d{1,3}\.\d{3}$")
#: A dot decimal that cannot be thousands ("1.75", "0.5", "2.1250").
_DOT_DECIMAL = re.compile(r"^\d+\.(\d{1,2}|\d{4,})$")


def parse_score(text: str, dot_decimals: bool = False) -> Decimal | None:
    """A score cell's value: a figure, maybe with its unit ("1,5đ"); in a column whose other
    scores are written with a decimal point ("1.75", "0.75"), "1.000" is 1, not a thousand."""
    raw = printed_figure(text)
    if dot_decimals and _DOT_THOUSANDS_SHAPE.match(raw):
        return Decimal(raw)
    return parse_number(raw)


def is_dot_thousands_shape(text: str) -> bool:
    """Written "2.125": thousands in Vietnamese style, or a dot decimal of three places."""
    return bool(_DOT_THOUSANDS_SHAPE.match(text.strip().lstrip("+-")))


def is_dot_decimal(text: str) -> bool:
    """Written with a decimal point that cannot be a thousands separator ("1.75")."""
    return bool(_DOT_DECIMAL.match(text.strip()))


def is_no_value(text: str) -> bool:
    return text.strip().replace("\u00a0", "") in NO_VALUE


def decimals_of(text: str) -> int:
    """How many decimals the printed figure carries ("2,71" -> 2); used as rounding tolerance."""
    value = parse_number(text)  # it has decided which mark is the decimal separator
    return max(0, -value.as_tuple().exponent) if value is not None else 0


def printed_figure(text: str) -> str:
    """A score cell's figure without its unit or the brackets of a penalty ("1,5đ" -> "1,5",
    "10 điểm" -> "10", "(-1)" -> "-1")."""
    raw = text.strip()
    if bracketed := _BRACKETED_NEGATIVE.match(raw):
        raw = bracketed.group(1)
    unit = _SCORE_WITH_UNIT.match(raw)
    return unit.group("number") if unit else raw


def rounds_to(exact: Decimal, printed: str) -> bool:
    """Is the figure ``printed`` (maybe with its unit) the ``exact`` value rounded half up to the
    decimals it is printed with ("9" for 8,5; "10,9" for 10,88; not "9" for 9,5, which rounds to 10)?"""
    figure = printed_figure(printed)
    value = parse_number(figure)
    if value is None:
        return False
    return exact.quantize(Decimal(1).scaleb(-decimals_of(figure)), rounding=ROUND_HALF_UP) == value


def format_vi(value: Decimal) -> str:
    """A figure the way the documents print it: decimal comma, no trailing zeros."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
