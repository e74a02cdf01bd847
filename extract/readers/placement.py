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

from extract.units import looks_like_unit
from normalize.numbers import parse_number
from normalize.text import fold

#: A cell saying when, folded ("quy ii/2024", "thuong xuyen", "truoc 30/6/2024", "nam 2024-2025").
PERIOD = re.compile(
    r"^(quy [ivx1-4]+\b|thang \d|nam (19|20)\d\d|hang (nam|quy|thang)|thuong xuyen|truoc\b|"
    r"giai doan\b|ca nam\b|(19|20)\d\d\s*[-–]\s*(19|20)\d\d$|\d{1,2}/(19|20)\d\d$|\d{1,2}/\d{1,2}/(19|20)\d\d$)"
)
_UNIT_ROLES = frozenset({"lead_units", "coordinating_units"})
_FIGURE, _PERIOD, _UNIT, _TEXT, _EMPTY = range(5)


def _kind(text: str) -> int:
    """What a cell holds, read once per cell."""
    if not text.strip():
        return _EMPTY
    if parse_number(text) is not None:
        return _FIGURE
    if len(text.split()) <= 6 and PERIOD.match(fold(text).strip()):
        return _PERIOD
    return _UNIT if looks_like_unit(text) else _TEXT


def _fit(kind: int, role: str, numeric: bool) -> int:
    """+1 when a cell of this kind belongs in the column, -1 when it belongs in another kind of
    column, else 0 (an empty cell fits anywhere)."""
    if kind == _EMPTY:
        return 0
    if kind == _FIGURE:
        return 1 if numeric else -1
    if numeric:
        return -1
    if kind == _PERIOD:
        return 1 if role == "deadline" else -1 if role in _UNIT_ROLES else 0
    if kind == _UNIT:
        return 1 if role in _UNIT_ROLES else -1 if role == "deadline" else 0
    return 0


def placed_message(label: str, count: int, headers: Sequence[str], placed: Sequence[int]) -> str:
    """The short_row finding's message for a row whose cells were placed by kind: ``headers``
    are the columns after the row number's, ``placed`` the columns the cells went to."""
    empty = ", ".join(repr(header) for k, header in enumerate(headers) if k not in placed)
    return (
        f"row {label} has {count} cells for {len(headers) + 1} columns; they were placed by what they hold "
        f"(periods under the time, units under the units, figures under figures), and {empty} left empty "
        "(a cell merged with the row above, or empty)"
    )


def placed_by_kind(texts: Sequence[str], roles: Sequence[str], numeric: Collection[int]) -> list[int] | None:
    """Columns (indexes into ``roles``, the row number's column left out) for the cells
    ``texts`` of a row with fewer cells than columns: the first (the name) stays in column 0,
    the others keep their order. None when filling from the left is as good as any placement.

    The best placement is found by dynamic programming over (cell, column); among equally good
    ones the cells stand as far left as they can (the reading closest to the printed order)."""
    width, count = len(roles), len(texts)
    if count < 2 or count >= width:
        return None
    kinds = [_kind(text) for text in texts]
    fit = [[_fit(kinds[i], roles[j], j in numeric) for j in range(width)] for i in range(count)]
    # best[i][j]: the best score of cells i.. placed in columns j.. (in order), -inf if they do not fit
    low = float("-inf")
    best = [[low] * (width + 2) for _ in range(count + 1)]
    for j in range(width + 2):
        best[count][j] = 0
    for i in range(count - 1, 0, -1):
        for j in range(width - 1, 0, -1):
            best[i][j] = max(best[i][j + 1], fit[i][j] + best[i + 1][j + 1])
    from_left = sum(fit[i][i] for i in range(1, count))
    if best[1][1] <= from_left:
        return None
    placed, j = [0], 1
    for i in range(1, count):
        while fit[i][j] + best[i + 1][j + 1] != best[i][j]:
            j += 1  # the leftmost column that keeps the best score
        placed.append(j)
        j += 1
    return placed
