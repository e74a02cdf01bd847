"""The ``vnplans extract`` command: exit codes, the summary (text and JSON), input forms, worker crashes."""

from __future__ import annotations

import json
import os
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from extract import batch
from extract import jobs as jobs_module
from extract.cli import main
from extract.inputs import discover

from .helpers import SAMPLE, SAMPLE_ROWS, rows, variant, write_pages


def _extract(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["extract", *args, "--no-repair", "--workers", "1"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_exit_0_and_json_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pages(tmp_path / "in", 2)
    (tmp_path / "in" / "copy.txt").write_bytes(variant(0))
    code, out, _ = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--json")
    assert code == 0
    summary = json.loads(out)
    assert {k: summary[k] for k in ("read", "extracted", "skipped", "duplicates", "written", "failed")} == {
        "read": 3,
        "extracted": 2,
        "skipped": 1,  # the copy: its sha256 was already extracted, so it was reused
        "duplicates": 1,
        "written": 2,
        "failed": 0,
    }
    assert summary["rows"] == {
        "documents": 2,
        "appendix_rows": 2 * SAMPLE_ROWS,
        "appendix_cells": 0,
        "findings": len(rows(tmp_path / "out", "findings")),
        "repairs": 0,
        "failures": 0,
    }
    # by code, as written in the findings table (the sample's four, for each document)
    written = Counter(r["code"] for r in rows(tmp_path / "out", "findings"))
    per_sample = {"sum_mismatch": 2, "total_mismatch": 1, "foreign_document_number": 1}
    assert summary["findings"] == dict(written) == {code: 2 * n for code, n in per_sample.items()}
    assert (summary["repairs_applied"], summary["repairs_reported"], summary["published"]) == (0, 0, True)
    assert summary["failures"] == []
    code, out, _ = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--json")
    assert (code, json.loads(out)["skipped"], json.loads(out)["published"]) == (0, 3, False)


def test_exit_1_lists_the_failures_and_text_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = _extract(capsys, str(SAMPLE), str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"))
    assert (code, out) == (1, "")
    assert "inputs read: 2; extracted: 2, skipped (already extracted): 0, duplicates: 0, failed: 1" in err
    assert f"rows: documents 1, appendix_rows {SAMPLE_ROWS}, appendix_cells 0" in err
    assert f"failed: {tmp_path / 'empty.txt'}: empty: the file is empty" in err
    assert "vnplans: 2/2 documents" in err  # plain progress lines when not on a terminal


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/input.txt"], "no such file, folder or matching pattern: no/such/input.txt"),
        (["nothing-matches-*.html"], "no such file, folder or matching pattern: nothing-matches-*.html"),
        ([str(SAMPLE), "--workers", "0"], "--workers must be at least 1"),
    ],
)
def test_exit_2_bad_usage_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main(["extract", *args, "-o", str(tmp_path / "out"), "--no-repair"])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_exit_2_for_a_confidence_bar_outside_0_to_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(SAMPLE), "-o", str(tmp_path / "out"), "--threshold", "1.5"])
    assert exit_.value.code == 2
    assert "argument --threshold: a confidence bar is between 0 and 1, not 1.5" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_exit_2_output_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("not a folder")
    code, _, err = _extract(capsys, str(SAMPLE), "-o", str(tmp_path / "file" / "out"))
    assert code == 2
    assert f"cannot write the output folder {tmp_path / 'file' / 'out'}: Not a directory" in err


def test_exit_2_when_another_run_holds_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import fcntl

    (tmp_path / "out").mkdir()
    with open(tmp_path / "out" / ".lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        code, _, err = _extract(capsys, str(SAMPLE), "-o", str(tmp_path / "out"))
    assert code == 2 and "another vnplans run is writing" in err


def test_globs_zips_and_folders_are_inputs(tmp_path: Path) -> None:
    write_pages(tmp_path / "a", 2)
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "a" / ".hidden.txt").write_bytes(b"")
    with zipfile.ZipFile(tmp_path / "a" / "more.zip", "w") as archive:
        archive.writestr("x/page.html", variant(5))
        archive.writestr("x/readme.pdf", b"%PDF")
    write_pages(tmp_path / "b", 1, start=7)
    refs = discover([str(tmp_path / "a"), str(tmp_path / "b" / "*.txt"), str(tmp_path / "a" / "page-0000.txt")])
    assert [r.source_path for r in refs] == [
        str(tmp_path / "a" / "more.zip!x/page.html"),
        str(tmp_path / "a" / "page-0000.txt"),
        str(tmp_path / "a" / "page-0001.txt"),
        str(tmp_path / "b" / "page-0007.txt"),
    ]


def test_the_output_folder_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    write_pages(tmp_path, 1)
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), "--no-repair", "-q"]) == 0
    (tmp_path / "out" / "stray.txt").write_bytes(b"")
    assert [r.source_path for r in discover([str(tmp_path)], exclude=tmp_path / "out")] == [
        str(tmp_path / "page-0000.txt")
    ]


def test_a_page_that_kills_its_worker_is_one_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash in native code takes the worker process down; the batch isolates the culprit and goes on."""
    pages = write_pages(tmp_path / "in", 6)
    real = jobs_module.process_bytes

    def crashing(data: bytes, source_path: str, **options: object):  # noqa: ANN202 - mirrors process_bytes
        if source_path.endswith("page-0003.txt"):
            os._exit(139)
        return real(data, source_path, **options)

    monkeypatch.setattr(jobs_module, "process_bytes", crashing)  # forked workers inherit it
    summary = batch.run([str(tmp_path / "in")], tmp_path / "out", workers=2, repair=False)
    assert (summary.written, summary.failed) == (5, 1)
    assert [(r["source_path"], r["reason"]) for r in rows(tmp_path / "out", "failures")] == [
        (str(pages[3]), "extractor_crash")
    ]


def test_a_page_stuck_past_the_timeout_is_one_failure_retried_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    pages = write_pages(tmp_path / "in", 3)
    real = jobs_module.process_bytes

    def slow(data: bytes, source_path: str, **options: object):  # noqa: ANN202 - mirrors process_bytes
        if source_path.endswith("page-0001.txt"):
            time.sleep(30)
        return real(data, source_path, **options)

    monkeypatch.setattr(jobs_module, "process_bytes", slow)
    summary = batch.run([str(tmp_path / "in")], tmp_path / "out", workers=1, repair=False, timeout=2.0)
    assert (summary.written, summary.failed) == (2, 1)
    assert [
        (r["source_path"], r["source_sha256"], r["reason"], r["message"]) for r in rows(tmp_path / "out", "failures")
    ] == [(str(pages[1]), None, "timeout", "the extractor took over 2 s on this input")]
    monkeypatch.setattr(jobs_module, "process_bytes", real)
    summary = batch.run([str(tmp_path / "in")], tmp_path / "out", workers=1, repair=False, timeout=2.0)
    assert (summary.extracted, summary.written, summary.failed) == (1, 3, 0)
