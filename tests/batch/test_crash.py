"""SIGKILL at any moment: the previous dataset stays readable and complete, the next run finishes the job.

Each case runs ``vnplans extract`` in a child process that kills itself with SIGKILL at one
chosen point of the run (inside extraction, while writing tables, just before and just after
the commit), then checks the output as a reader would see it, then re-runs to completion.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from extract import writer
from schemas.tables import TABLES

from .helpers import ROOT, SAMPLE_ROWS, batch, table_bytes, variant, write_pages

#: Where the child kills itself: (module attribute to wrap, calls to let through before the kill).
KILL_POINTS = {
    "during-extraction": ("extract.jobs.process_bytes", 2),
    "writing-tables": ("extract.writer.TableStream.close", 2),
    "before-rename": ("extract.writer._fsync_tree", 0),
    "after-swap-before-links": ("extract.writer._ensure_links", 0),
    "after-swap-before-cleanup": ("extract.writer._remove_old_versions", 0),
    "after-swap-before-hints": ("extract.ledger.Ledger.save_hints", 0),
}

CHILD = """
import os, signal, sys, importlib
target, allowed = sys.argv[1], int(sys.argv[2])
module_name, _, attr = target.rpartition(".")
try:
    owner = importlib.import_module(module_name)
except ModuleNotFoundError:
    module_name, _, cls = module_name.rpartition(".")
    owner = getattr(importlib.import_module(module_name), cls)
original = getattr(owner, attr)
calls = [0]
def wrapper(*args, **kwargs):
    calls[0] += 1
    if calls[0] > allowed:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)
setattr(owner, attr, wrapper)
from extract.cli import main
sys.exit(main(sys.argv[3:]))
"""


def _visible(out: Path) -> dict[str, int]:
    """Row counts as a reader globbing OUT/<table>/*.parquet sees them (raises if anything is broken)."""
    counts = {}
    for name in TABLES:
        query = f"select count(*) from read_parquet('{out / name}/*.parquet')"
        counts[name] = duckdb.sql(query).fetchone()[0]
    return counts


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    write_pages(folder, 6)
    return folder


def _change(folder: Path) -> None:
    write_pages(folder, 4, start=6)
    (folder / "page-0000.txt").write_bytes(variant(99))
    (folder / "bad.txt").write_bytes(b"")


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_sigkill_leaves_a_complete_dataset_and_the_next_run_finishes(tmp_path: Path, point: str) -> None:
    folder, out = _inputs(tmp_path), tmp_path / "out"
    batch([folder], out)
    before = _visible(out)
    assert before["documents"] == 6 and before["appendix_rows"] == 6 * SAMPLE_ROWS
    _change(folder)
    batch([folder], tmp_path / "expected")
    after = _visible(tmp_path / "expected")

    target, allowed = KILL_POINTS[point]
    args = [sys.executable, "-c", CHILD, target, str(allowed), "extract", str(folder), "-o", str(out)]
    child = subprocess.run([*args, "--no-repair", "--workers", "1", "-q"], cwd=ROOT, capture_output=True)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()

    visible = _visible(out)
    killed_after_commit = point.startswith("after-swap")
    assert visible == (after if killed_after_commit else before)
    manifest = writer.read_manifest(out)
    assert manifest is not None and manifest["documents"] == visible["documents"]

    summary = batch([folder], out)
    assert summary.published is not killed_after_commit
    assert _visible(out) == after
    assert table_bytes(out) == table_bytes(tmp_path / "expected")
    assert sorted(p.name for p in (out / ".versions").iterdir() if p.name.endswith(".tmp")) == []
    assert list(out.glob(".current.*")) == []


def test_a_first_run_killed_before_its_links_has_them_made_by_the_next(tmp_path: Path) -> None:
    """Killed right after publishing into a new folder: no OUT/<table> links yet; the next run,
    with nothing to extract again, makes them."""
    folder, out = _inputs(tmp_path), tmp_path / "out"
    args = [sys.executable, "-c", CHILD, "extract.writer._ensure_links", "0", "extract", str(folder), "-o", str(out)]
    child = subprocess.run([*args, "--no-repair", "--workers", "1", "-q"], cwd=ROOT, capture_output=True)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    assert writer.current_version(out) is not None and not (out / "documents").exists()
    summary = batch([folder], out)
    assert not summary.published  # unchanged: nothing rewritten, but the links are made
    assert _visible(out)["documents"] == 6
    assert writer.read_manifest(out)["documents"] == 6


def test_sigkill_at_random_moments_of_a_parallel_run(tmp_path: Path) -> None:
    """Real kills of the whole process group, at a few moments of a 2-worker run, then a finishing run."""
    folder, out = _inputs(tmp_path), tmp_path / "out"
    batch([folder], out)
    before = _visible(out)
    _change(folder)
    write_pages(folder, 20, start=20)
    batch([folder], tmp_path / "expected")
    after = _visible(tmp_path / "expected")
    command = [sys.executable, "-m", "extract.cli", "extract", str(folder), "--no-repair", "-q", "--workers", "2"]
    # kill at moments spread over a whole run (extracting, writing the tables, committing),
    # as long as a run of the same work takes here
    started = time.perf_counter()
    subprocess.run([*command, "-o", str(tmp_path / "timing")], cwd=ROOT, check=False)  # exit 1: a bad input
    duration = time.perf_counter() - started
    for share in (0.3, 0.7, 0.95):
        delay = share * duration
        child = subprocess.Popen([*command, "-o", str(out)], cwd=ROOT, start_new_session=True)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        assert _visible(out) in (before, after)
    batch([folder], out, workers=2)
    assert _visible(out) == after
    assert table_bytes(out) == table_bytes(tmp_path / "expected")


def test_ctrl_c_names_this_runs_version_only_if_it_published_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract import batch as batch_module

    folder, out = _inputs(tmp_path), tmp_path / "out"
    batch([folder], out)
    published = writer.current_version(out)
    _change(folder)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_module, "execute", interrupted)  # before anything is published
    with pytest.raises(batch_module.Interrupted) as error:
        batch([folder], out)
    assert error.value.version is None and writer.current_version(out) == published
