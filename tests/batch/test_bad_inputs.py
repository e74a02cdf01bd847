"""One case per kind of bad input: its failure row (reason and message), and the rest of the batch intact.

Every batch holds the real sample page next to the bad input; the sample must come out whole
(one documents row, 119 appendix rows) whatever the bad input did.
"""

from __future__ import annotations

import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from extract import inputs

from .helpers import SAMPLE, SAMPLE_ROWS, batch, html_fixture, rows, variant, write_pages


def _assert_sample_intact(out: Path, source_path: str) -> None:
    documents = rows(out, "documents")
    sample = [d for d in documents if d["source_path"] == source_path]
    assert len(sample) == 1
    assert sample[0]["number"] == "434/KH-UBND"
    assert sample[0]["appendix_row_count"] == SAMPLE_ROWS
    doc_rows = [r for r in rows(out, "appendix_rows") if r["doc_id"] == sample[0]["doc_id"]]
    assert [r["position"] for r in doc_rows] == list(range(1, SAMPLE_ROWS + 1))


def _deep_html(depth: int) -> bytes:
    return b"<html><body>" + b"<div>" * depth + b"x" + b"</div>" * depth + b"</body></html>"


#: (file name, bytes or a maker of them, reason, message; the HTML reader's messages are pinned by their start)
BAD_BYTES: list[tuple[str, bytes | Callable[[], bytes], str, str]] = [
    ("empty.txt", b"", "empty", "the file is empty"),
    ("blank.txt", b"  \n\t \r\n", "empty", "the file holds only blanks (spaces or line breaks)"),
    ("garbage.txt", random.Random(5).randbytes(4096), "not_text", "the file is binary data, not a saved page"),
    (
        "truncated.html",
        lambda: html_fixture("sample_434_utf8.html")[:2000],
        "truncated_page",
        "the page ends before its closing </html> tag and before any document: it was saved incompletely; "
        "save it again",
    ),
    ("deep.html", _deep_html(100_000), "too_deep", "markup nests too deep"),
    (
        "plan.html",
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nC\xe1\xbb\x98NG H\xc3\x92A\n",
        "not_text",
        "the file is a PDF document, not a saved page: save the page as HTML or text",
    ),
    ("plan.txt", b"{\\rtf1\\ansi K\\'ea ho\\'e1ch}", "not_text", "the file is an RTF document, not a saved page"),
    ("bot.html", lambda: html_fixture("reject_bot_challenge.html"), "bot_challenge", "a bot-challenge page"),
    (
        "login.html",
        lambda: html_fixture("reject_login_stub.html"),
        "login_stub",
        "a login form instead of the document",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason", "message"), BAD_BYTES, ids=[case[0] for case in BAD_BYTES])
def test_bad_page_gives_one_failure_row(
    tmp_path: Path, name: str, data: bytes | Callable[[], bytes], reason: str, message: str
) -> None:
    (tmp_path / "in").mkdir()
    bad = tmp_path / "in" / name
    bad.write_bytes(data() if callable(data) else data)
    summary = batch([SAMPLE, bad], tmp_path / "out")
    failures = rows(tmp_path / "out", "failures")
    assert len(failures) == 1
    row = failures[0]
    assert (row["source_path"], row["reason"]) == (str(bad), reason)
    assert row["message"].startswith(message)
    assert row["source_sha256"] is not None and len(row["source_sha256"]) == 64
    assert (summary.read, summary.written, summary.failed) == (2, 1, 1)
    _assert_sample_intact(tmp_path / "out", str(SAMPLE))


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 60_000)
    summary = batch([SAMPLE, big], tmp_path / "out", max_bytes=55_000)
    assert [
        (r["source_path"], r["source_sha256"], r["reason"], r["message"]) for r in rows(tmp_path / "out", "failures")
    ] == [(str(big), None, "too_large", "the input is 60000 bytes, over the limit of 55000")]
    assert summary.failed == 1
    _assert_sample_intact(tmp_path / "out", str(SAMPLE))


def test_changing_the_size_limit_keeps_the_cache(tmp_path: Path) -> None:
    size = SAMPLE.stat().st_size
    first = batch([SAMPLE], tmp_path / "out", max_bytes=2 * size)
    assert (first.extracted, first.failed) == (1, 0)
    same = batch([SAMPLE], tmp_path / "out", max_bytes=size)  # still under it: nothing to redo
    assert (same.extracted, same.skipped, same.written, same.published) == (0, 1, 1, False)
    _assert_sample_intact(tmp_path / "out", str(SAMPLE))
    lowered = batch([SAMPLE], tmp_path / "out", max_bytes=size - 1)  # the known input is read again
    assert (lowered.written, lowered.failed, lowered.published) == (0, 1, True)
    assert [r["reason"] for r in rows(tmp_path / "out", "failures")] == ["too_large"]


def _dangling_link(folder: Path) -> Path:
    link = folder / "gone.html"
    link.symlink_to(folder / "no-such-target.html")
    return link


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


UNREADABLE: list[tuple[str, Callable[[Path], Path], str]] = [
    ("dangling-symlink", _dangling_link, "FileNotFoundError: No such file or directory"),
    ("fifo", _fifo, "not a regular file"),
]


@pytest.mark.parametrize(("kind", "make", "message"), UNREADABLE, ids=[case[0] for case in UNREADABLE])
def test_unreadable_input_found_in_a_folder(
    tmp_path: Path, kind: str, make: Callable[[Path], Path], message: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(SAMPLE.read_bytes())
    bad = make(folder)
    batch([folder], tmp_path / "out")
    assert [
        (r["source_path"], r["source_sha256"], r["reason"], r["message"]) for r in rows(tmp_path / "out", "failures")
    ] == [(str(bad), None, "unreadable", message)]
    _assert_sample_intact(tmp_path / "out", str(folder / "plan.txt"))


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where chmod 000 does not stop a read: make open() refuse that one file."""
    locked = tmp_path / "locked.txt"
    locked.write_bytes(SAMPLE.read_bytes() + b"\n")
    real_open = open

    def guarded_open(file: object, *args: object, **kwargs: object):  # noqa: ANN202 - mirrors open()
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(inputs, "open", guarded_open, raising=False)
    batch([SAMPLE, locked], tmp_path / "out", workers=1)
    assert [(r["source_path"], r["reason"], r["message"]) for r in rows(tmp_path / "out", "failures")] == [
        (str(locked), "unreadable", "PermissionError: Permission denied")
    ]
    _assert_sample_intact(tmp_path / "out", str(SAMPLE))


def test_zip_slip_members_are_refused_and_nothing_is_written_outside(tmp_path: Path) -> None:
    archive = tmp_path / "work" / "pages.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("plans/434.txt", SAMPLE.read_bytes())
        z.writestr("../../x.txt", b"escaped")
        z.writestr("/etc/evil.txt", b"absolute")
        z.writestr("a/../../../y.html", b"<html></html>")
    out = tmp_path / "work" / "out"
    before = sorted(tmp_path.rglob("*"))
    summary = batch([archive], tmp_path / "work" / "out")
    failures = [
        (r["source_path"], r["source_sha256"], r["reason"], r["message"])
        for r in rows(tmp_path / "work" / "out", "failures")
    ]
    assert failures == [
        (
            f"{archive}!../../x.txt",
            None,
            "unsafe_path",
            "the member name climbs out of the archive folder: '../../x.txt'",
        ),
        (f"{archive}!/etc/evil.txt", None, "unsafe_path", "the member name is an absolute path: '/etc/evil.txt'"),
        (
            f"{archive}!a/../../../y.html",
            None,
            "unsafe_path",
            "the member name climbs out of the archive folder: 'a/../../../y.html'",
        ),
    ]
    assert (summary.read, summary.written, summary.failed) == (4, 1, 3)
    _assert_sample_intact(tmp_path / "work" / "out", f"{archive}!plans/434.txt")
    outside = sorted(p for p in tmp_path.rglob("*") if p != out and out not in p.parents)
    assert outside == before
    assert not (tmp_path / "x.txt").exists() and not Path("/etc/evil.txt").exists()


def test_zip_member_that_inflates_past_the_limit(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("plan.txt", SAMPLE.read_bytes())
        z.writestr("bomb.txt", b"0" * 2_000_000)
    batch([archive], tmp_path / "out", max_bytes=1_000_000)
    assert [(r["source_path"], r["reason"], r["message"]) for r in rows(tmp_path / "out", "failures")] == [
        (f"{archive}!bomb.txt", "too_large", "the member is 2000000 bytes, over the limit of 1000000")
    ]
    _assert_sample_intact(tmp_path / "out", f"{archive}!plan.txt")


def test_broken_zip_is_one_failure(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really an archive")
    batch([SAMPLE, broken], tmp_path / "out")
    assert [(r["source_path"], r["reason"], r["message"]) for r in rows(tmp_path / "out", "failures")] == [
        (str(broken), "unreadable", "not a readable zip archive: File is not a zip file")
    ]
    _assert_sample_intact(tmp_path / "out", str(SAMPLE))


def test_same_content_twice_is_one_document_under_the_smallest_path(tmp_path: Path) -> None:
    for name in ("b-copy.txt", "a-copy.txt", "c-copy.txt"):
        (tmp_path / name).write_bytes(SAMPLE.read_bytes())
    summary = batch([tmp_path / "c-copy.txt", tmp_path / "b-copy.txt", tmp_path / "a-copy.txt"], tmp_path / "out")
    assert (summary.read, summary.written, summary.duplicates, summary.failed) == (3, 1, 2, 0)
    assert rows(tmp_path / "out", "failures") == []
    assert len(rows(tmp_path / "out", "appendix_rows")) == SAMPLE_ROWS
    _assert_sample_intact(tmp_path / "out", str(tmp_path / "a-copy.txt"))
    # the copies are named, so that every input of the run can be found in the tables
    assert [d["duplicate_paths"] for d in rows(tmp_path / "out", "documents")] == [
        [str(tmp_path / "b-copy.txt"), str(tmp_path / "c-copy.txt")]
    ]
    (tmp_path / "c-copy.txt").unlink()
    batch([tmp_path / "b-copy.txt", tmp_path / "a-copy.txt"], tmp_path / "out")
    assert [d["duplicate_paths"] for d in rows(tmp_path / "out", "documents")] == [[str(tmp_path / "b-copy.txt")]]


def test_the_same_failing_content_twice_lists_each_path(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_bytes(b"")
    (tmp_path / "two.txt").write_bytes(b"")
    batch([SAMPLE, tmp_path / "one.txt", tmp_path / "two.txt"], tmp_path / "out")
    assert [(r["source_path"], r["reason"]) for r in rows(tmp_path / "out", "failures")] == [
        (str(tmp_path / "one.txt"), "empty"),
        (str(tmp_path / "two.txt"), "empty"),
    ]


ENCODINGS: list[tuple[str, Callable[[], bytes], str, int]] = [
    ("utf16-bom-text", lambda: SAMPLE.read_text(encoding="utf-8").encode("utf-16"), "utf-16", SAMPLE_ROWS),
    ("utf16-html", lambda: html_fixture("sample_434_utf16.html"), "utf-16", SAMPLE_ROWS),
    ("undeclared-charset-html", lambda: html_fixture("plan2_nocharset.html"), "windows-1258", 6),
    (
        "wrong-charset-html",
        lambda: html_fixture("plan2_utf8.html").replace(b'charset="utf-8"', b'charset="windows-1252"'),
        "utf-8",
        6,
    ),
]


@pytest.mark.parametrize(("kind", "make", "encoding", "appendix_rows"), ENCODINGS, ids=[c[0] for c in ENCODINGS])
def test_unusual_encodings_are_read_not_refused(
    tmp_path: Path, kind: str, make: Callable[[], bytes], encoding: str, appendix_rows: int
) -> None:
    page = tmp_path / f"{kind}.html"
    page.write_bytes(make())
    batch([SAMPLE, page], tmp_path / "out")
    assert rows(tmp_path / "out", "failures") == []
    document = next(d for d in rows(tmp_path / "out", "documents") if d["source_path"] == str(page))
    assert document["encoding"].startswith(encoding)  # the HTML reader may name the byte order (utf-16-le)
    assert document["appendix_row_count"] == appendix_rows
    assert "CẢI CÁCH HÀNH CHÍNH" in document["title"]
    _assert_sample_intact(tmp_path / "out", str(SAMPLE))


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 1)
    odd = os.fsdecode(bytes(folder) + b"/k\xe9-ho\xe1ch.txt")  # a Latin-1 name on a UTF-8 disk
    with open(odd, "wb") as handle:
        handle.write(variant(5))
    summary = batch([folder], tmp_path / "out")
    assert (summary.written, summary.failed) == (2, 0)
    paths = sorted(r["source_path"] for r in rows(tmp_path / "out", "documents"))
    assert paths == [f"{folder}/k\\xe9-ho\\xe1ch.txt", f"{folder}/page-0000.txt"]


def test_an_archive_rewritten_between_two_runs_of_one_process_is_read_again(tmp_path: Path) -> None:
    archive = tmp_path / "plans.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", variant(1))
    batch([archive], tmp_path / "out")  # one worker: the archive stays open in this process
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", variant(1))
        z.writestr("b.txt", variant(2))
    summary = batch([archive], tmp_path / "out")
    assert (summary.written, summary.failed) == (2, 0)


def test_an_archive_inside_an_archive_is_a_failure_not_dropped(tmp_path: Path) -> None:
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as archive:
        archive.write(SAMPLE, "plan.txt")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(SAMPLE, "plan.txt")
        archive.write(inner, "more/inner.zip")
    summary = batch([outer], tmp_path / "out")
    assert [(r["source_path"], r["reason"], r["message"]) for r in rows(tmp_path / "out", "failures")] == [
        (
            f"{outer}!more/inner.zip",
            "nested_archive",
            "an archive inside the archive is not read: extract it and name it on its own",
        )
    ]
    assert (summary.read, summary.written, summary.failed) == (2, 1, 1)


def test_files_that_are_no_pages_are_counted_in_the_summary(tmp_path: Path) -> None:
    (tmp_path / "in" / "img").mkdir(parents=True)
    (tmp_path / "in" / "plan.txt").write_bytes(SAMPLE.read_bytes())
    for name in ("scan.pdf", "img/logo.png", "img/seal.png", "page.aspx"):
        (tmp_path / "in" / name).write_bytes(b"x")
    archive = tmp_path / "in" / "more.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("notes.docx", b"x")
        zipped.writestr(".git/config", b"x")  # in a hidden folder: not counted
        zipped.write(SAMPLE, ".pages/plan.txt")  # a page in a hidden folder of a zip is read (same bytes)
        zipped.writestr("__MACOSX/p/._inner.zip", b"x")  # a Finder's resource fork: no nested archive
    summary = batch([tmp_path / "in"], tmp_path / "in" / "out")
    assert summary.left_out == {".aspx": 1, ".docx": 1, ".pdf": 1, ".png": 2}
    assert "files left out, not pages: .aspx 1, .docx 1, .pdf 1, .png 2" in summary.to_text()
    assert (summary.read, summary.written, summary.duplicates, summary.failed) == (2, 1, 1, 0)
    assert [d["duplicate_paths"] for d in rows(tmp_path / "in" / "out", "documents")] == [
        [f"{tmp_path / 'in' / 'plan.txt'}"]
    ]
    # the dataset written inside the folder read is not counted on the next run (its manifest)
    (tmp_path / "in" / "plan.txt").write_bytes(variant(3))
    assert batch([tmp_path / "in"], tmp_path / "in" / "out").left_out == {".aspx": 1, ".docx": 1, ".pdf": 1, ".png": 2}
