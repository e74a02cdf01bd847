"""The HTML rendering of the sample and the hand-repaired text dump give the same rows."""

from __future__ import annotations

import pytest
from html_fixture_tools import REPAIRED, fixture

from extract import pipeline

SKIP = {"source_path", "source_sha256", "sha256", "doc_id", "encoding", "source_form"}


def _rows(result: object, table: str) -> list[dict[str, object]]:
    rows = result.tables.get(table, [])  # type: ignore[attr-defined]
    return [{k: v for k, v in row.items() if k not in SKIP} for row in rows]


@pytest.mark.parametrize("repair", [False, True])
@pytest.mark.parametrize("name", ["sample_434_utf8.html", "sample_434_utf16.html"])
def test_html_and_text_give_same_documents_and_rows(name: str, repair: bool) -> None:
    text = pipeline.process_bytes(REPAIRED.read_bytes(), "sample_434_repaired.txt",
                                  repair=repair)
    page = pipeline.process_bytes(fixture(name), name, repair=repair)
    assert not page.failed and not text.failed
    for table in ("documents", "appendix_rows"):
        assert _rows(page, table) == _rows(text, table), table
    assert len(_rows(page, "appendix_rows")) == 119
    doc = _rows(page, "documents")[0]
    assert doc["number"] == "434/KH-UBND"


@pytest.mark.parametrize("name", ["reject_bot_challenge.html", "reject_login_stub.html",
                                  "reject_content_pending.html", "reject_empty_shell.html"])
def test_rejects_become_failure_rows(name: str) -> None:
    result = pipeline.process_bytes(fixture(name), name)
    assert result.failed
    reason = result.tables["failures"][0]["reason"]
    assert reason == name.removeprefix("reject_").removesuffix(".html")
