"""The ``vnplans extract`` command: exit codes, the summary (text and JSON), input forms, worker crashes."""

from __future__ import annotations

import json
import os
import zipfile
from collections import Counter
from decimal import Decimal
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


def test_the_dataset_inside_an_input_folder_is_not_read_but_pages_beside_it_are(tmp_path: Path) -> None:
    write_pages(tmp_path, 1)
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), "--no-repair", "-q"]) == 0
    (tmp_path / "out" / "kept.txt").write_bytes(variant(3))  # a page kept in the output folder
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), "--no-repair", "-q"]) == 0
    assert sorted(r["source_path"] for r in rows(tmp_path / "out", "documents")) == [
        str(tmp_path / "out" / "kept.txt"),
        str(tmp_path / "page-0000.txt"),
    ]
    # named on the command line inside the output folder, too
    assert main(["extract", str(tmp_path / "out" / "kept.txt"), "-o", str(tmp_path / "out"), "--no-repair", "-q"]) == 0
    assert [r["source_path"] for r in rows(tmp_path / "out", "documents")] == [str(tmp_path / "out" / "kept.txt")]


def test_an_output_folder_holding_files_named_like_the_tables_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path / "in", 1)
    (tmp_path / "proj" / "documents").mkdir(parents=True)
    (tmp_path / "proj" / "documents" / "notes.txt").write_text("my notes")
    code, _, err = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "proj"))
    assert code == 2
    assert f"the output folder {tmp_path / 'proj'} holds documents but no vnplans dataset" in err
    assert (tmp_path / "proj" / "documents" / "notes.txt").read_text() == "my notes"


def test_an_output_path_that_is_a_file_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pages(tmp_path / "in", 1)
    (tmp_path / "afile").write_text("")
    code, _, err = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "afile"))
    assert (code, err.strip()) == (2, f"vnplans extract: the output path {tmp_path / 'afile'} is a file, not a folder")


def test_a_page_rewritten_with_its_old_size_and_time_is_read_again(tmp_path: Path) -> None:
    page = write_pages(tmp_path / "in", 1)[0]
    assert main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-repair", "-q"]) == 0
    before = os.stat(page)
    data = page.read_bytes()
    page.write_bytes(data.replace(b"1000/KH-UBND", b"1001/KH-UBND", 1))  # same length
    assert len(page.read_bytes()) == len(data)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-repair", "-q"]) == 0
    assert rows(tmp_path / "out", "documents")[0]["source_sha256"] != _sha256(data)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


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


def _interrupted_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, interrupt: KeyboardInterrupt
) -> str:
    """What the CLI says when the run raises ``interrupt`` (exit 130)."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise interrupt

    monkeypatch.setattr(batch, "run", interrupted)
    code, _, err = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 130
    return err.strip()


def test_ctrl_c_says_the_last_tables_stand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pages(tmp_path / "in", 1)
    assert _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 0
    said = _interrupted_run(tmp_path, capsys, monkeypatch, KeyboardInterrupt())
    assert said == f"vnplans extract: interrupted; the tables in {tmp_path / 'out'} are those of the last run"


def test_ctrl_c_while_the_inputs_are_listed_in_a_first_run_says_nothing_was_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pages(tmp_path / "in", 1)
    said = _interrupted_run(tmp_path, capsys, monkeypatch, KeyboardInterrupt())  # no version to name
    assert said == f"vnplans extract: interrupted; nothing was published in {tmp_path / 'out'} yet"


def test_ctrl_c_in_a_first_run_says_nothing_was_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pages(tmp_path / "in", 1)
    said = _interrupted_run(tmp_path, capsys, monkeypatch, batch.Interrupted(None, None))
    assert said == f"vnplans extract: interrupted; nothing was published in {tmp_path / 'out'} yet"


def test_a_worker_whose_run_is_killed_exits(tmp_path: Path) -> None:
    """The worker initializer watches the run: an orphaned worker must not live on holding memory
    and the run's output pipes."""
    script = (
        "import os, sys, time\n"
        "from extract.writer import release_inherited_locks\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    release_inherited_locks()\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(pid, flush=True)\n"
        "os._exit(0)  # the run dies at once, as under kill -9\n"
    )
    import subprocess
    import sys
    import time

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=os.getcwd())
    child = int(done.stdout.strip())
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.2)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except FileNotFoundError:
        return False


def test_a_recursive_glob_over_a_tree_with_links_back_up_ends(tmp_path: Path) -> None:
    (tmp_path / "loop" / "a" / "b").mkdir(parents=True)
    (tmp_path / "loop" / "a" / "x.md").write_bytes(variant(1))
    (tmp_path / "loop" / "top.md").write_bytes(variant(2))
    os.symlink("..", tmp_path / "loop" / "a" / "b" / "up1")
    os.symlink("../..", tmp_path / "loop" / "a" / "b" / "up2")
    refs = discover([str(tmp_path / "loop" / "**" / "*.md")])
    assert [r.source_path for r in refs] == [str(tmp_path / "loop" / "a" / "x.md"), str(tmp_path / "loop" / "top.md")]


def test_globs_ending_in_a_slash_naming_hidden_folders_or_with_a_bad_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pages" / "sub").mkdir(parents=True)
    (tmp_path / "pages" / ".hid").mkdir()
    for name in ("a.md", "_b.md", "sub/c.md", ".hid/h.md"):
        (tmp_path / "pages" / name).write_bytes(variant(len(name)))
    found = [r.source_path for r in discover([str(tmp_path / "pages" / "**") + os.sep])]
    assert found == [str(tmp_path / "pages" / n) for n in ("_b.md", "a.md", "sub/c.md")]
    assert [r.source_path for r in discover([str(tmp_path / "pages" / "**" / "[^_]*.md")])] == [
        str(tmp_path / "pages" / "_b.md")
    ]
    assert [r.source_path for r in discover([str(tmp_path / "pages" / "**" / ".hid" / "*.md")])] == [
        str(tmp_path / "pages" / ".hid" / "h.md")
    ]
    code, _, err = _extract(capsys, str(tmp_path / "pages" / "**" / "[z-a]*.md"), "-o", str(tmp_path / "out"))
    assert code == 2 and "bad pattern" in err


def test_a_recursive_glob_ending_in_a_slash_names_folders_only(tmp_path: Path) -> None:
    for name in ("t/1.md", "t/a/2.md", "t/a/b/3.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(variant(len(name)))
    found = [r.source_path for r in discover([str(tmp_path / "t" / "**" / "*") + os.sep])]
    assert found == [str(tmp_path / "t" / n) for n in ("a/2.md", "a/b/3.md")]


def test_a_page_whose_values_its_columns_cannot_hold_is_one_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing the tables is the last step a worker takes; a value that fails it (a figure the
    extractor should have kept out) fails that page only, and the run publishes the others."""
    pages = write_pages(tmp_path / "in", 3)
    real = jobs_module.process_bytes

    def oversized(data: bytes, source_path: str, **options: object):  # noqa: ANN202 - mirrors process_bytes
        result = real(data, source_path, **options)
        if source_path.endswith("page-0001.txt"):
            result.tables["appendix_rows"][0]["max_score"] = Decimal("123456789")  # beyond decimal(12, 4)
        return result

    monkeypatch.setattr(jobs_module, "process_bytes", oversized)
    summary = batch.run([str(tmp_path / "in")], tmp_path / "out", workers=1, repair=False)
    assert (summary.written, summary.failed) == (2, 1)
    [failure] = rows(tmp_path / "out", "failures")
    assert (failure["source_path"], failure["reason"]) == (str(pages[1]), "extractor_error")
    assert failure["message"].startswith("ArrowInvalid while typing the tables: ")


# Probe 17: inputs that cannot be listed, folder links, an empty input, Ctrl-C after publishing.


def _deny_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Listing ``folder`` fails as for a folder without read permission (the tests may run as root)."""
    scandir = os.scandir

    def denied(path: object = ".") -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", denied)


def test_an_input_folder_that_cannot_be_listed_is_bad_usage_not_an_empty_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pages(tmp_path / "in", 2)
    assert _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 0
    _deny_listing(monkeypatch, tmp_path / "in")
    code, _, err = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 2 and f"cannot list the folder {tmp_path / 'in'}: Permission denied" in err
    assert len(rows(tmp_path / "out", "documents")) == 2  # was an empty dataset published with exit 0


def test_a_sub_folder_that_cannot_be_listed_is_a_failure_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pages(tmp_path / "in", 1)
    write_pages(tmp_path / "in" / "locked", 2, start=1)
    _deny_listing(monkeypatch, tmp_path / "in" / "locked")
    code, _, _ = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1  # its pages were silently dropped with exit 0
    failures = rows(tmp_path / "out", "failures")
    assert [(f["source_path"], f["reason"]) for f in failures] == [(str(tmp_path / "in" / "locked"), "unreadable")]
    assert "a folder that cannot be listed (PermissionError: Permission denied)" in str(failures[0]["message"])


def test_links_to_folders_are_followed_each_folder_once(tmp_path: Path) -> None:
    write_pages(tmp_path / "elsewhere" / "2024", 2)
    write_pages(tmp_path / "in", 1, start=5)
    os.symlink(tmp_path / "elsewhere" / "2024", tmp_path / "in" / "2024")
    os.symlink("..", tmp_path / "in" / "2024" / "back")  # a link back up the tree ends there
    found = [r.source_path for r in discover([str(tmp_path / "in")])]
    assert found == [
        str(tmp_path / "in" / "2024" / "page-0000.txt"),
        str(tmp_path / "in" / "2024" / "page-0001.txt"),
        str(tmp_path / "in" / "page-0005.txt"),
    ]  # the linked year had been skipped without a word


def test_no_pages_at_all_leave_the_dataset_as_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pages(tmp_path / "in", 2)
    assert _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 0
    (tmp_path / "empty").mkdir()
    code, _, err = _extract(capsys, str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert code == 2 and "no pages found in" in err and "left as it is" in err
    assert len(rows(tmp_path / "out", "documents")) == 2


def test_ctrl_c_after_publishing_says_the_tables_are_this_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract import writer

    write_pages(tmp_path / "in", 1)

    def interrupted(out: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "_ensure_links", interrupted)  # right after the new version is made current
    code, _, err = _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 130
    assert "interrupted after publishing; the tables in" in err and "are this run's (version" in err


def test_a_run_leaves_what_a_user_put_at_a_table_path_alone_until_it_publishes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path / "in", 1)
    assert _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 0
    (tmp_path / "out" / "documents").unlink()
    (tmp_path / "out" / "documents").mkdir()
    (tmp_path / "out" / "documents" / "notes.txt").write_text("mine")
    assert _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 0  # unchanged: no publish
    assert (tmp_path / "out" / "documents" / "notes.txt").read_text() == "mine"


def test_a_link_to_a_folder_that_is_gone_is_a_failure_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pages(tmp_path / "in", 1)
    write_pages(tmp_path / "share" / "2024", 2, start=1)
    os.symlink(tmp_path / "share" / "2024", tmp_path / "in" / "2024")
    assert _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 0
    (tmp_path / "share").rename(tmp_path / "moved")
    assert _extract(capsys, str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 1
    assert [(f["source_path"], f["reason"]) for f in rows(tmp_path / "out", "failures")] == [
        (str(tmp_path / "in" / "2024"), "unreadable")
    ]  # its two documents had left the dataset without a word


def test_an_input_that_held_pages_and_holds_none_now_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path / "a", 1)
    write_pages(tmp_path / "b", 2, start=1)
    (tmp_path / "c").mkdir()  # empty from the start (a glob's empty match): no harm
    args = [str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "c"), "-o", str(tmp_path / "out")]
    assert _extract(capsys, *args)[0] == 0
    for page in (tmp_path / "b").iterdir():
        page.unlink()  # an unmounted share
    code, _, err = _extract(capsys, *args)
    assert code == 2 and f"{tmp_path / 'b'} held pages in the last run and holds none now" in err
    assert len(rows(tmp_path / "out", "documents")) == 3  # its documents had left the dataset
    code, _, _ = _extract(capsys, str(tmp_path / "a"), "-o", str(tmp_path / "out"))  # left out: they go
    assert code == 0 and len(rows(tmp_path / "out", "documents")) == 1


def test_links_are_not_followed_back_up_nor_into_another_named_folder(tmp_path: Path) -> None:
    write_pages(tmp_path / "top" / "in", 1)
    write_pages(tmp_path / "top" / "sibling", 1, start=1)
    os.symlink("..", tmp_path / "top" / "in" / "up")  # leads to a folder holding the input
    assert [r.source_path for r in discover([str(tmp_path / "top" / "in")])] == [
        str(tmp_path / "top" / "in" / "page-0000.txt")
    ]  # it had read everything beside the input
    os.symlink(tmp_path / "top" / "sibling", tmp_path / "top" / "in" / "other")
    found = [r.source_path for r in discover([str(tmp_path / "top" / "in"), str(tmp_path / "top" / "sibling")])]
    assert found == [
        str(tmp_path / "top" / "in" / "page-0000.txt"),
        str(tmp_path / "top" / "sibling" / "page-0001.txt"),
    ]


def test_a_link_named_on_the_command_line_that_leads_nowhere_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(tmp_path / "mnt" / "share", tmp_path / "pages")
    code, _, err = _extract(capsys, str(tmp_path / "pages"), "-o", str(tmp_path / "out"))
    assert code == 2 and f"{tmp_path / 'pages'} is a link to {tmp_path / 'mnt' / 'share'}, which is gone" in err


def test_a_recursive_glob_reports_what_it_cannot_walk(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", 1)
    os.symlink(tmp_path / "gone", tmp_path / "in" / "share")
    os.symlink(tmp_path / "missing.png", tmp_path / "in" / "logo.png")  # no page either way: ignored
    refs = discover([str(tmp_path / "in" / "**" / "*.txt")])
    assert [(r.source_path, r.problem) for r in refs] == [
        (str(tmp_path / "in" / "page-0000.txt"), None),
        (
            str(tmp_path / "in" / "share"),
            ("unreadable", f"a link to {tmp_path / 'gone'}, which is gone: the pages there were not read"),
        ),
    ]


def test_links_inside_the_tree_keep_the_real_paths_and_recursive_globs_follow_links_out(tmp_path: Path) -> None:
    write_pages(tmp_path / "in" / "real", 1)
    os.symlink("real", tmp_path / "in" / "alias")  # a convenience link: "real" keeps its own path
    write_pages(tmp_path / "share" / "2024", 1, start=3)
    os.symlink(tmp_path / "share" / "2024", tmp_path / "in" / "2024")
    expected = [str(tmp_path / "in" / "2024" / "page-0003.txt"), str(tmp_path / "in" / "real" / "page-0000.txt")]
    assert [r.source_path for r in discover([str(tmp_path / "in")])] == expected
    assert [r.source_path for r in discover([str(tmp_path / "in" / "**" / "*.txt")])] == expected


def test_a_recursive_glob_reports_a_folder_it_cannot_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pages(tmp_path / "in", 1)
    write_pages(tmp_path / "in" / "locked", 1, start=1)
    _deny_listing(monkeypatch, tmp_path / "in" / "locked")
    refs = discover([str(tmp_path / "in" / "**" / "*.txt")])
    assert [(r.source_path, r.problem and r.problem[0]) for r in refs] == [
        (str(tmp_path / "in" / "locked"), "unreadable"),
        (str(tmp_path / "in" / "page-0000.txt"), None),
    ]  # its page had gone without a row


def test_an_emptied_input_is_refused_however_it_is_spelled_and_whatever_the_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_pages(tmp_path / "a", 1)
    write_pages(tmp_path / "b", 1, start=1)
    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        archive.writestr("p.txt", variant(7))
    assert _extract(capsys, "a", "b", "pages.zip", "-o", "out")[0] == 0
    for page in (tmp_path / "a").iterdir():
        page.unlink()
    code, _, err = _extract(capsys, str(tmp_path / "a"), "b", "pages.zip", "-o", "out", "--threshold", "0.9")
    assert code == 2 and "held pages in the last run and holds none now" in err  # spelled and set otherwise
    write_pages(tmp_path / "a", 1)
    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        archive.writestr("notes.csv", "x")
    code, _, err = _extract(capsys, "a", "b", "pages.zip", "-o", "out")
    assert code == 2 and "pages.zip held pages in the last run" in err
    assert len(rows(tmp_path / "out", "documents")) == 3


def test_a_link_to_a_folder_holding_a_named_one_reads_the_rest_of_it(tmp_path: Path) -> None:
    write_pages(tmp_path / "docs", 1)
    write_pages(tmp_path / "shared" / "sub", 1, start=1)
    write_pages(tmp_path / "shared" / "other", 1, start=2)
    os.symlink("../shared", tmp_path / "docs" / "link")
    found = [r.source_path for r in discover([str(tmp_path / "docs"), str(tmp_path / "shared" / "sub")])]
    assert found == [
        str(tmp_path / "docs" / "link" / "other" / "page-0002.txt"),  # had been dropped without a word
        str(tmp_path / "docs" / "page-0000.txt"),
        str(tmp_path / "shared" / "sub" / "page-0001.txt"),  # the named folder keeps its own path
    ]


def test_a_folder_named_inside_another_named_one_runs_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pages(tmp_path / "A" / "y2024", 2)
    args = [str(tmp_path / "A"), str(tmp_path / "A" / "y2024"), "-o", str(tmp_path / "out")]
    assert _extract(capsys, *args)[0] == 0
    assert _extract(capsys, *args)[0] == 0  # had been refused: "A held pages ... and holds none now"


def test_an_emptied_share_behind_a_link_or_with_a_bang_in_its_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path / "ext" / "real", 1)
    (tmp_path / "A").mkdir()
    os.symlink(tmp_path / "ext" / "real", tmp_path / "A" / "share")
    write_pages(tmp_path / "share!2024", 1, start=1)
    write_pages(tmp_path / "B", 1, start=2)
    args = [str(tmp_path / "A"), str(tmp_path / "share!2024"), str(tmp_path / "B"), "-o", str(tmp_path / "out")]
    assert _extract(capsys, *args)[0] == 0
    (tmp_path / "ext" / "real").rename(tmp_path / "ext" / "off")
    (tmp_path / "ext" / "real").mkdir()  # the share's mount point, empty
    for page in (tmp_path / "share!2024").iterdir():
        page.unlink()
    code, _, err = _extract(capsys, *args)
    assert code == 2 and f"{tmp_path / 'A'}, {tmp_path / 'share!2024'} held pages in the last run" in err


def test_an_unreadable_documents_table_leaves_the_check_to_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path / "a", 1)
    (tmp_path / "e").mkdir()
    args = [str(tmp_path / "a"), str(tmp_path / "e"), "-o", str(tmp_path / "out")]
    assert _extract(capsys, *args)[0] == 0
    for part in (tmp_path / "out" / "current" / "documents").glob("*.parquet"):
        part.chmod(0o644)
        part.write_bytes(b"damaged")
    assert _extract(capsys, *args, "--force")[0] == 0  # was a traceback and exit 1


def test_a_recursive_glob_under_a_missing_folder_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path / "a", 1)
    code, _, err = _extract(
        capsys, str(tmp_path / "a"), str(tmp_path / "typo" / "**" / "*.txt"), "-o", str(tmp_path / "o")
    )
    assert code == 2 and "no such file, folder or matching pattern" in err


def test_an_emptied_input_is_refused_through_a_linked_parent_and_in_a_bang_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "private"
    write_pages(real / "ext" / "real", 1)
    (real / "A").mkdir()
    os.symlink(real / "ext" / "real", real / "A" / "share")
    os.symlink(real, tmp_path / "alias")  # /tmp and /private/tmp, as some systems have them
    (real / "share!2024").mkdir()
    with zipfile.ZipFile(real / "share!2024" / "a.zip", "w") as archive:
        archive.writestr("p.txt", variant(8))
    write_pages(real / "B", 1, start=2)
    zipped = str(real / "share!2024" / "a.zip")
    assert _extract(capsys, str(tmp_path / "alias" / "A"), zipped, str(real / "B"), "-o", str(tmp_path / "out"))[0] == 0
    (real / "ext" / "real").rename(real / "ext" / "off")
    (real / "ext" / "real").mkdir()
    with zipfile.ZipFile(real / "share!2024" / "a.zip", "w") as archive:
        archive.writestr("notes.csv", "x")
    code, _, err = _extract(capsys, str(real / "A"), zipped, str(real / "B"), "-o", str(tmp_path / "out"))
    assert code == 2 and f"{real / 'A'}, {zipped} held pages in the last run" in err
