"""Dates as printed in Vietnamese documents: "27/07/2022", "ngày 27 tháng 7 năm 2022"."""

from __future__ import annotations

import re
from datetime import date

from normalize.text import fold

_NUMERIC = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
#: "ngày 27 tháng 7 năm 2022", also with a number glued to its word ("tháng12", as pages print it)
_WORDS = re.compile(r"ngay\s*(\d{1,2})\s+thang\s*(\d{1,2})\s+nam\s*(\d{4})")


def parse_date(text: str | None) -> date | None:
    """The first valid date in the text, or None (placeholders, garbage, impossible dates)."""
    if not text:
        return None
    folded = fold(text)
    for pattern in (_NUMERIC, _WORDS):
        for match in pattern.finditer(folded):
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None
