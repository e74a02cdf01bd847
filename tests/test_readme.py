"""The README's table reference is generated from the schemas and must not drift."""

from __future__ import annotations

from schemas.docs import END, START, tables_markdown
from schemas.tables import TABLES, field_description
from tests.conftest import ROOT


def test_readme_tables_section_matches_schemas() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(START, 1)[1].split(END, 1)[0]
    assert section.strip() == tables_markdown().strip(), "run `make docs` to regenerate README.md"


def test_every_field_is_described() -> None:
    for name, schema in TABLES.items():
        for field in schema:
            assert field_description(field), f"{name}.{field.name} has no description"


def test_readme_shows_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make extract" in text and "make test" in text
