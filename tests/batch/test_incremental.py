"""Re-runs: no work and no change for the same inputs, only changed inputs extracted again, --force redoes all."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from extract import batch as batch_module
from extract import jobs as jobs_module
from extract import writer

from .helpers import SAMPLE_ROWS, batch, rows, table_bytes, variant, write_pages


def _snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of the published dataset with its mtime: 'changes nothing' means this is equal."""
    current = out / "current"
    return {
        str(p.relative_to(current)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(current.rglob("*"))
        if p.is_file()
    }


def test_second_run_does_no_work_and_changes_nothing(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", 4)
    first = batch([tmp_path / "in"], tmp_path / "out")
    assert (first.read, first.extracted, first.skipped, first.written, first.published) == (4, 4, 0, 4, True)
    before = _snapshot(tmp_path / "out")
    version = writer.current_version(tmp_path / "out")
    second = batch([tmp_path / "in"], tmp_path / "out")
    assert (second.read, second.extracted, second.skipped, second.written, second.published) == (4, 0, 4, 4, False)
    assert second.rows == first.rows
    assert writer.current_version(tmp_path / "out") == version
    assert _snapshot(tmp_path / "out") == before


def test_unchanged_inputs_are_not_even_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pages(tmp_path / "in", 3)
    batch([tmp_path / "in"], tmp_path / "out")

    def no_read(*_: object) -> bytes:
        raise AssertionError("an unchanged input was read")

    monkeypatch.setattr(jobs_module, "read_input", no_read)
    assert batch([tmp_path / "in"], tmp_path / "out").skipped == 3


def test_a_changed_input_replaces_its_own_rows(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "in", 3)
    batch([tmp_path / "in"], tmp_path / "out")
    old = {d["source_path"]: d["doc_id"] for d in rows(tmp_path / "out", "documents")}
    pages[1].write_bytes(variant(77))
    summary = batch([tmp_path / "in"], tmp_path / "out")
    assert (summary.extracted, summary.skipped, summary.written, summary.published) == (1, 2, 3, True)
    new = {d["source_path"]: d["doc_id"] for d in rows(tmp_path / "out", "documents")}
    assert new[str(pages[0])] == old[str(pages[0])] and new[str(pages[2])] == old[str(pages[2])]
    assert new[str(pages[1])] != old[str(pages[1])]
    appendix = rows(tmp_path / "out", "appendix_rows")
    assert len(appendix) == 3 * SAMPLE_ROWS
    assert {r["doc_id"] for r in appendix} == set(new.values())
    # the same as a fresh run over the new inputs, byte for byte
    batch([tmp_path / "in"], tmp_path / "fresh")
    assert table_bytes(tmp_path / "out") == table_bytes(tmp_path / "fresh")


def test_a_removed_input_leaves_the_dataset_and_a_new_one_joins(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "in", 3)
    batch([tmp_path / "in"], tmp_path / "out")
    pages[0].unlink()
    write_pages(tmp_path / "in", 1, start=10)
    summary = batch([tmp_path / "in"], tmp_path / "out")
    assert (summary.read, summary.extracted, summary.skipped, summary.written) == (3, 1, 2, 3)
    assert sorted(d["source_path"] for d in rows(tmp_path / "out", "documents")) == [
        str(pages[1]),
        str(pages[2]),
        str(tmp_path / "in" / "page-0010.txt"),
    ]


def test_touched_but_identical_input_is_rehashed_not_extracted(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "in", 2)
    batch([tmp_path / "in"], tmp_path / "out")
    version = writer.current_version(tmp_path / "out")
    os.utime(pages[0], ns=(1, 1))
    summary = batch([tmp_path / "in"], tmp_path / "out")
    assert (summary.extracted, summary.skipped, summary.published) == (0, 2, False)
    assert writer.current_version(tmp_path / "out") == version


def test_a_new_pipeline_fingerprint_reprocesses_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pages(tmp_path / "in", 2)
    batch([tmp_path / "in"], tmp_path / "out")
    monkeypatch.setattr(jobs_module, "pipeline_fingerprint", lambda **_: "a-new-model")
    monkeypatch.setattr(batch_module, "pipeline_fingerprint", lambda **_: "a-new-model")
    summary = batch([tmp_path / "in"], tmp_path / "out")
    assert (summary.extracted, summary.skipped, summary.published) == (2, 0, True)
    # only the new pipeline's cache is kept, named by its fingerprint
    assert sorted(p.name for p in (tmp_path / "out" / ".cache").iterdir()) == ["a-new-model"]


def test_force_extracts_everything_again_with_the_same_tables(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", 2)
    batch([tmp_path / "in"], tmp_path / "out")
    before = table_bytes(tmp_path / "out")
    summary = batch([tmp_path / "in"], tmp_path / "out", force=True)
    assert (summary.extracted, summary.skipped, summary.published) == (2, 0, True)
    assert table_bytes(tmp_path / "out") == before


def test_a_lost_cache_is_rebuilt_when_the_tables_must_be_rewritten(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "in", 3)
    batch([tmp_path / "in"], tmp_path / "out")
    expected = table_bytes(tmp_path / "out")
    shutil.rmtree(tmp_path / "out" / ".cache")
    assert batch([tmp_path / "in"], tmp_path / "out").published is False  # nothing changed: nothing needed
    pages[2].write_bytes(variant(2))  # same bytes, new mtime: rehashed, still nothing changed
    (tmp_path / "in" / "extra.txt").write_bytes(b"")  # a change: every table is rewritten from the cache
    summary = batch([tmp_path / "in"], tmp_path / "out")
    assert summary.published and summary.failed == 1
    assert table_bytes(tmp_path / "out")["documents"] == expected["documents"]
    assert table_bytes(tmp_path / "out")["appendix_rows"] == expected["appendix_rows"]


def test_a_damaged_cache_file_is_not_trusted(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", 2)
    batch([tmp_path / "in"], tmp_path / "out")
    for cached in (tmp_path / "out" / ".cache").rglob("*.doc"):
        cached.write_bytes(cached.read_bytes()[:-10])  # truncated, as by a crash without rename
    summary = batch([tmp_path / "in"], tmp_path / "out", force=False)
    assert summary.published is False
    (tmp_path / "in" / "new.txt").write_bytes(variant(9))
    summary = batch([tmp_path / "in"], tmp_path / "out")
    assert (summary.written, summary.published) == (3, True)
    # the two documents rebuilt from their pages count once each, as extracted, not also as skipped
    assert (summary.read, summary.extracted, summary.skipped) == (3, 3, 0)
    assert len(rows(tmp_path / "out", "appendix_rows")) == 3 * SAMPLE_ROWS
    batch([tmp_path / "in"], tmp_path / "fresh")
    assert table_bytes(tmp_path / "out") == table_bytes(tmp_path / "fresh")


def test_byte_identical_for_any_worker_count_and_input_order(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "in", 12)
    (tmp_path / "in" / "dup.txt").write_bytes(variant(3))
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01garbage" * 50)
    args = [str(p) for p in [*pages, tmp_path / "in" / "dup.txt", tmp_path / "in" / "bad.txt"]]
    batch(args, tmp_path / "one", workers=1)
    random.Random(1).shuffle(args)
    batch(args, tmp_path / "two", workers=2)
    batch([tmp_path / "in"], tmp_path / "folder", workers=2)
    one = table_bytes(tmp_path / "one")
    assert one == table_bytes(tmp_path / "two") == table_bytes(tmp_path / "folder")
    assert len(rows(tmp_path / "one", "documents")) == 12
    manifests = [writer.read_manifest(tmp_path / name) for name in ("one", "two")]
    for manifest in manifests:
        assert manifest is not None
        manifest.pop("created_at")
    assert manifests[0] == manifests[1]
