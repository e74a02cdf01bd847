"""The run's ledger on disk: the published state, its checksum, and damaged hints."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from extract import jobs as jobs_module
from extract import ledger as ledger_module
from extract import writer
from extract.cli import main
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


def test_a_ledger_damaged_inside_its_hints_is_rebuilt(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", 3)
    batch([tmp_path / "in"], tmp_path / "out")
    ledger = _ledger_file(tmp_path / "out")
    with sqlite3.connect(ledger) as db:  # damage only the hints' first page: opening still works
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'hints'").fetchone()
    data = bytearray(ledger.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xab" * page_size
    ledger.write_bytes(bytes(data))
    again = batch([tmp_path / "in"], tmp_path / "out")
    assert (again.read, again.extracted, again.skipped, again.published) == (3, 0, 3, False)
    assert batch([tmp_path / "in"], tmp_path / "out", force=True).extracted == 3


def test_a_ledger_locked_by_another_program_stops_the_run_and_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path / "in", 2)
    batch([tmp_path / "in"], tmp_path / "out")
    ledger = _ledger_file(tmp_path / "out")
    monkeypatch.setattr(ledger_module, "LOCK_TIMEOUT", 0.05)
    other = sqlite3.connect(ledger)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-repair", "-q"])
    finally:
        other.rollback()
        other.close()
    assert code == 2
    message = capsys.readouterr().err
    assert message.startswith(f"vnplans extract: cannot write {tmp_path / 'out'}: the run ledger {ledger}: ")
    assert "database is locked" in message
    with sqlite3.connect(ledger) as db:  # not taken for damage: the hints are still there
        assert db.execute("SELECT COUNT(*) FROM hints").fetchone() == (2,)
