"""Shared fixtures: the shipped model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize.repair import load_model

DATA = Path(__file__).parent / "data"


def unescape(field: str) -> str:
    """Decode the data files' escapes: \\n line break, \\t tab, \\\\ backslash."""
    out = []
    i = 0
    while i < len(field):
        ch = field[i]
        if ch == "\\" and i + 1 < len(field):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(field[i + 1], field[i : i + 2]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_cases(name: str) -> list[list[str]]:
    """Rows of a data file: tab-separated, unescaped; '#' lines and blank lines skipped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([unescape(f) for f in line.split("\t")])
    return rows


@pytest.fixture(scope="session")
def model():
    return load_model()
