"""The writer's building blocks: batching-independent Parquet, the document cache file, the commit."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract import writer
from extract.pipeline import DocumentResult

from .helpers import SAMPLE_ROWS


@pytest.fixture(scope="module")
def sample_tables(sample_result: DocumentResult) -> dict:
    """The sample's tables as Arrow tables (the session's pipeline run, not one per test)."""
    return {name: writer.to_table(name, rows) for name, rows in sample_result.tables.items()}


def test_the_file_depends_on_the_rows_not_on_the_batching(tmp_path: Path, sample_tables: dict) -> None:
    rows = sample_tables["appendix_rows"]
    whole = writer.TableStream(tmp_path / "whole.parquet", "appendix_rows", row_group_rows=50)
    whole.append(rows)
    whole.close()
    pieces = writer.TableStream(tmp_path / "pieces.parquet", "appendix_rows", row_group_rows=50)
    for start, length in [(0, 7), (7, 1), (8, 60), (68, 0), (68, 51)]:
        pieces.append(rows.slice(start, length))
    pieces.close()
    assert (tmp_path / "whole.parquet").read_bytes() == (tmp_path / "pieces.parquet").read_bytes()
    metadata = pq.ParquetFile(tmp_path / "whole.parquet").metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [50, 50, 19]
    assert pq.read_table(tmp_path / "whole.parquet").equals(rows)


def test_cache_file_round_trip_and_damage(tmp_path: Path, sample_tables: dict) -> None:
    tables = sample_tables
    path = writer.cache_path(tmp_path, "ab" + "0" * 62)
    assert path == tmp_path / "ab" / f"ab{'0' * 62}.doc"
    writer.write_cache(path, {"rows": 1}, tables)
    assert writer.read_cache_summary(path) == {"rows": 1}
    back = writer.read_cache_tables(path)
    assert back is not None and set(back) == {"documents", "appendix_rows", "findings"}
    assert back["appendix_rows"].num_rows == SAMPLE_ROWS
    assert back["appendix_rows"].equals(tables["appendix_rows"])
    assert back["documents"].schema == tables["documents"].schema  # descriptions restored
    path.write_bytes(path.read_bytes()[:-1])
    assert writer.read_cache_summary(path) is None and writer.read_cache_tables(path) is None
    path.write_bytes(b"something else entirely")
    assert writer.read_cache_summary(path) is None
    assert writer.read_cache_summary(tmp_path / "missing.doc") is None


def test_publish_writes_every_table_and_a_manifest_with_checksums(tmp_path: Path, sample_tables: dict) -> None:
    version = writer.publish(tmp_path / "out", sample_tables, {"note": "test"})
    assert writer.current_version(tmp_path / "out") == version
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["note"] == "test"
    assert manifest["tables"]["appendix_rows"]["rows"] == SAMPLE_ROWS
    assert manifest["tables"]["failures"]["rows"] == 0
    assert manifest["files"]["documents"] == ["documents/part-0.parquet"]
    digest = manifest["tables"]["documents"]["sha256"]["documents/part-0.parquet"]
    assert len(digest) == 64
    assert pq.read_table(tmp_path / "out" / "failures" / "part-0.parquet").num_rows == 0
    second = writer.publish(tmp_path / "out", sample_tables, {})
    third = writer.publish(tmp_path / "out", sample_tables, {})
    assert sorted(p.name for p in (tmp_path / "out" / ".versions").iterdir()) == sorted([second, third])
