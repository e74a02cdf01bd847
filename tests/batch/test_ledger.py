"""The run's ledger on disk: the published state, its checksum, and damaged hints."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from extract import jobs as jobs_module
from extract import writer
from extract.ledger import LEDGER

from .helpers import batch, write_pages

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def _ledger_file(out: Path) -> Path:
    (ledger,) = (out / ".cache").glob(f"*/{LEDGER}")
    return ledger


def test_the_version_keeps_the_state_and_its_checksum(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "in", 2)
    pages[1].with_name("copy.txt").write_bytes(pages[1].read_bytes())  # a duplicate of page 1
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    batch([tmp_path / "in"], tmp_path / "out")
    current = tmp_path / "out" / "current"
    state_bytes = (current / writer.STATE).read_bytes()
    manifest = json.loads((current / writer.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["state_sha256"] == hashlib.sha256(state_bytes).hexdigest()
    state = json.loads(state_bytes)
    shas = [hashlib.sha256(p.read_bytes()).hexdigest() for p in pages]
    folder = str(tmp_path / "in")
    assert state["inputs"] == {
        f"{folder}/copy.txt": {"sha256": shas[1]},
        f"{folder}/empty.txt": {"sha256": EMPTY_SHA256},  # read: its failure is its document's
        f"{folder}/page-0000.txt": {"sha256": shas[0]},
        f"{folder}/page-0001.txt": {"sha256": shas[1]},
    }
    assert sorted(state["docs"]) == sorted([*shas, EMPTY_SHA256])
    assert state["docs"][EMPTY_SHA256] == {"failure": ["empty", "the file is empty"]}
    assert state["docs"][shas[0]]["rows"]["appendix_rows"] == 119


def test_a_damaged_ledger_only_costs_reading_the_inputs_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pages(tmp_path / "in", 3)
    batch([tmp_path / "in"], tmp_path / "out")
    version = writer.current_version(tmp_path / "out")
    _ledger_file(tmp_path / "out").write_bytes(b"not a database" * 100)
    reads: list[str] = []
    original = jobs_module.read_input

    def counted(ref: object, max_bytes: int) -> bytes:
        reads.append(ref.source_path)  # type: ignore[attr-defined]
        return original(ref, max_bytes)  # type: ignore[arg-type]

    monkeypatch.setattr(jobs_module, "read_input", counted)
    again = batch([tmp_path / "in"], tmp_path / "out")
    assert (len(reads), again.extracted, again.skipped, again.published) == (3, 0, 3, False)
    assert writer.current_version(tmp_path / "out") == version
    reads.clear()
    assert batch([tmp_path / "in"], tmp_path / "out").skipped == 3  # the hints are back
    assert reads == []
