"""Where the cells of a row that lost cells go, by what each cell is.

A text dump (one cell per line, or tabs between the cells) prints nothing for a cell merged
over several rows: "2 | Việc B | Công an tỉnh | Quý II/2024" under STT | Nội dung | Chủ trì |
Phối hợp | Thời gian lost its lead unit to the row above. Filled from the left, the unit of the
coordinating column would land among the lead units and the period among the coordinating units.
The kinds of the cells say better where they stand: a period ("Quý II/2024", "Thường xuyên")
under the time, a unit's name ("Sở Y tế", "Công an tỉnh") under the units, a figure under a
column of figures. The rule is used only when it places the cells strictly better than from the
left; the name (the first cell after the number) never moves.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import combinations
from math import comb

from extract.units import looks_like_unit
from normalize.numbers import parse_number
from normalize.text import fold

#: A cell saying when, folded ("quy ii/2024", "thuong xuyen", "truoc 30/6/2024", "nam 2024-2025").
PERIOD = re.compile(
    r"^(quy [ivx1-4]+\b|thang \d|nam (19|20)\d\d|hang (nam|quy|thang)|thuong xuyen|truoc\b|"
    r"giai doan\b|ca nam\b|(19|20)\d\d\s*[-–]\s*(19|20)\d\d$|\d{1,2}/(19|20)\d\d$|\d{1,2}/\d{1,2}/(19|20)\d\d$)"
)
_UNIT_ROLES = frozenset({"lead_units", "coordinating_units"})
#: Placements tried at most (columns choose cells): a wide table losing many cells is left as it is.
MAX_PLACEMENTS = 5000


def _fit(text: str, role: str, column: int, numeric: Collection[int]) -> int:
    """+1 when the cell's kind is its column's, -1 when it is another column's kind, else 0."""
    if parse_number(text) is not None:
        return 1 if column in numeric else -1
    if column in numeric:
        return -1
    words = len(text.split())
    if words <= 6 and PERIOD.match(fold(text).strip()):
        return 1 if role == "deadline" else -1 if role in _UNIT_ROLES else 0
    if looks_like_unit(text):
        return 1 if role in _UNIT_ROLES else -1 if role == "deadline" else 0
    return 0


def placed_by_kind(texts: Sequence[str], roles: Sequence[str], numeric: Collection[int]) -> list[int] | None:
    """Columns (indexes into ``roles``, the row number's column left out) for the cells
    ``texts`` of a row with fewer cells than columns: the first (the name) stays in column 0,
    the others keep their order. None when filling from the left is as good as any placement
    (an empty cell in ``texts`` counts as nothing, wherever it goes)."""
    width, count = len(roles), len(texts)
    if count < 2 or count >= width or comb(width - 1, count - 1) > MAX_PLACEMENTS:
        return None

    def score(columns: Sequence[int]) -> int:
        return sum(
            _fit(text, roles[column], column, numeric)
            for text, column in zip(texts[1:], columns, strict=True)
            if text.strip()
        )

    from_left = tuple(range(1, count))
    best, best_score = from_left, score(from_left)
    for columns in combinations(range(1, width), count - 1):
        value = score(columns)
        if value > best_score:
            best, best_score = columns, value
    return None if best == from_left else [0, *best]
