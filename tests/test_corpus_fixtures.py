"""Real plans and decisions from other provinces (Markdown dumps in ../shared/corpus).

The corpus text is never committed: the documents are read from the corpus by id
(``VNPLANS_CORPUS`` or ../shared/corpus), and these tests are skipped where it is absent; the
shapes they cover are also in a synthetic page that always runs (tests/test_markdown_tables.py).
The expectations were written by hand from the documents (tests/fixtures/corpus/*.expected.json);
row numbers are compared as printed (row_label), parents through their printed labels.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from extract.columns import map_columns
from extract.pipeline import DocumentResult, process_bytes
from normalize.repair.lm import iter_corpus

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
IDS = ["d5ffa6afac124d52", "85ff77cbda28ffbb", "ec00bd6f58be7864", "8718801c503045f9"]
#: Where the corpus shards (*.jsonl.gz) are; the fixtures' texts are looked up there by id.
SHARED_CORPUS = Path(os.environ.get("VNPLANS_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


@lru_cache(maxsize=1)
def corpus_texts() -> dict[str, str]:
    """The fixtures' texts, read from the corpus in one pass (empty when it is not here)."""
    return {doc_id: text for doc_id, _, text in iter_corpus(SHARED_CORPUS, heldout=None) if doc_id in IDS}

#: The issuer as the portals name it (the hand-written JSON keeps the printed header instead).
ISSUERS = {
    "d5ffa6afac124d52": "Tỉnh Đắk Lắk",
    "85ff77cbda28ffbb": "Tỉnh Thanh Hóa",
    "ec00bd6f58be7864": "Thủ tướng Chính phủ",
    "8718801c503045f9": "Tỉnh Đồng Tháp",
}


@pytest.fixture(scope="module", params=IDS)
def case(request: pytest.FixtureRequest) -> tuple[dict, DocumentResult]:
    expected = json.loads((CORPUS / f"{request.param}.expected.json").read_text(encoding="utf-8"))
    text = corpus_texts().get(request.param)
    if text is None:
        pytest.skip(f"corpus document {request.param} not found under {SHARED_CORPUS} (set VNPLANS_CORPUS)")
    return expected, process_bytes(text.encode("utf-8"), f"{request.param}.md", repair=False)


def test_document_fields(case: tuple[dict, DocumentResult]) -> None:
    expected, result = case
    doc = result.tables["documents"][0]
    want = expected["document"]
    assert doc["source_form"] == "markdown"
    for key in ("number", "doc_type", "signer", "signer_title", "signing_authority", "place", "title"):
        assert doc[key] == want[key], key
    assert doc["issued_date"] == date.fromisoformat(want["issued_date"])
    assert doc["issuer"] == ISSUERS[expected["source_id"]]
    assert doc["issuing_body"] == want["issuer_printed"]


def test_every_row_number_in_order(case: tuple[dict, DocumentResult]) -> None:
    expected, result = case
    got: dict[str, list[str]] = {}
    for row in result.tables["appendix_rows"]:
        got.setdefault(row["appendix_label"], []).append(row["row_label"].rstrip("."))
    assert got == expected["row_ids"]
    titles = {a["label"]: a["title"] for a in expected["appendices"] if a.get("title")}
    for row in result.tables["appendix_rows"]:
        if row["appendix_label"] in titles:
            assert row["appendix_title"] == titles[row["appendix_label"]]


def _units(text: str) -> list[str]:
    return [u.strip() for u in re.split(r"[;,]", text) if u.strip()]


def test_rows_in_detail(case: tuple[dict, DocumentResult]) -> None:
    expected, result = case
    rows = result.tables["appendix_rows"]
    by_appendix: dict[str, list[dict]] = {}
    for row in rows:
        by_appendix.setdefault(row["appendix_label"], []).append(row)
    by_id = {r["row_id"]: r for r in rows}
    headers = {a["label"]: a["column_headers"] for a in expected["appendices"]}
    for want in expected["rows"]:
        row = by_appendix[want["appendix"]][want["row_index"]]
        where = (want["appendix"], want["row_id"])
        assert row["row_label"].rstrip(".") == want["row_id"], where
        parent = by_id.get(row["parent_id"]) if row["parent_id"] else None
        assert (parent["row_label"].rstrip(".") if parent else None) == want["parent_id"], where
        assert row["level"] == want["level"], where
        assert row["name"] == want["name"], where
        roles = {c.header: c.role for c in map_columns(headers[want["appendix"]])}
        cells = {
            c["column_header"]: c["value"]
            for c in result.tables["appendix_cells"]
            if (c["position"], c["row_id"]) == (row["position"], row["row_id"])
        }
        # where the fixture's author could not tell from the Markdown which row a merged cell
        # comes from, the cell is not asserted
        doubtful = set(want.get("inherited", {})) if "DOUBT" in want.get("note", "") else set()
        for header, value in want["cells"].items():
            role = roles.get(header, "other")
            if role in ("id", "name") or header in doubtful:
                continue
            if role in ("lead_units", "coordinating_units"):
                assert _units("; ".join(row[role])) == _units(value), (where, header)
            elif role in ("deadline", "product", "unit", "note"):
                assert (row[role] or "").split("\n")[0] == value, (where, header)
            elif role == "other":
                # an unnumbered sub-row below a row adds paragraphs to its cells: the row's own
                # value comes first
                mine = (cells.get(header) or "").split("\n")[0]
                assert mine == value, (where, header)
            else:
                pytest.fail(f"{where}: the fixture's cell {header!r} has role {role!r}, which this test does not check")


def test_merged_and_sub_rows_are_reported_not_silent(case: tuple[dict, DocumentResult]) -> None:
    expected, result = case
    codes = {f["code"] for f in result.tables["findings"]}
    if expected["source_id"] == "d5ffa6afac124d52":
        assert {"merged_cell_inferred", "sub_row_merged"} <= codes
    if expected["source_id"] == "ec00bd6f58be7864":
        assert "merged_cell_inferred" not in codes and "sub_row_merged" not in codes
    if expected["source_id"] == "85ff77cbda28ffbb":
        # FORMAT.md: unnumbered sub-rows in PL II after rows 1, 3 and 4, a continuation in PL III
        # after 6.2, and two appendices with a two-level header
        merged = [
            f["message"].split(" is followed")[0] for f in result.tables["findings"] if f["code"] == "sub_row_merged"
        ]
        assert merged == ["row 1", "row 3", "row 4", "row 6.2"]
        assert [f["code"] for f in result.tables["findings"]].count("header_rows_merged") == 2
    if expected["source_id"] == "8718801c503045f9":  # fused "I. TITLE" labels, nothing merged
        assert not codes & {"merged_cell_inferred", "sub_row_merged", "short_row"}
