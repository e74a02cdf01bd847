"""Map appendix column headers to roles by their words ("Điểm 2021 đạt được" -> achieved_score)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.settings import COLUMN_ROLES
from normalize.text import fold

_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as printed; two-level headers joined with " / "
    role: str  # a role of settings.COLUMN_ROLES, or "other"
    year: int | None  # year named in the header ("Điểm 2021 đạt được" -> 2021)


def role_of(header: str) -> str:
    folded = fold(header).strip(" :.")
    for role, pattern in COLUMN_ROLES:
        if pattern.search(folded):
            return role
    return "other"


def map_columns(headers: list[str]) -> list[Column]:
    """Roles for a header row; a role already taken by an earlier column falls back to other.

    The first column is the row number when its header says so (STT, TT) or when nothing
    else claims it.
    """
    taken: set[str] = set()
    columns: list[Column] = []
    for index, header in enumerate(headers):
        role = role_of(header)
        if role == "name" and "name" in taken and "tasks" not in taken:
            role = "tasks"
        if role in taken and role != "other":
            role = "other"
        if index == 0 and role == "other" and not header.strip():
            role = "id"
        taken.add(role)
        year_match = _YEAR.search(header)
        columns.append(Column(index, header, role, int(year_match.group(1)) if year_match else None))
    if "name" not in taken:
        # The first free-text column after the number holds the row's name.
        for i, column in enumerate(columns):
            if column.role in ("other", "tasks") and i > 0:
                columns[i] = Column(column.index, column.header, "name", column.year)
                break
    return columns
