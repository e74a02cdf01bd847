"""A page saved by a browser as one file (.mhtml, .mht) reads as the HTML page inside it."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest
from html_fixture_tools import fixture

from extract import pipeline
from extract.inputs import survey
from extract.readers import mhtml
from tests.conftest import SAMPLE

SKIP = {"source_path", "source_sha256", "sha256", "doc_id", "source_form"}
URL = "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-434-KH-UBND-2022.aspx"
BOUNDARY = "----MultipartBoundary--Xq0hY7mJ3oK----"


def _part(content_type: str, location: str, body: bytes, encoding: str, extra: str = "") -> bytes:
    head = f"Content-Type: {content_type}\r\n{extra}Content-Transfer-Encoding: {encoding}\r\n"
    head += f"Content-Location: {location}\r\n\r\n"
    return f"--{BOUNDARY}\r\n".encode() + head.encode() + body + b"\r\n"


def _archive(html: bytes, *, frame_first: bool = False, encoding: str = "quoted-printable") -> bytes:
    """The page as Chrome's "Save as single file" writes it: the page quoted-printable (lines cut
    at 76 characters with soft breaks, "=" as "=3D"), an image in base64, an ad frame's page."""
    body = quopri.encodestring(html) if encoding == "quoted-printable" else base64.encodebytes(html)
    page = _part("text/html", URL, body, encoding, "Content-ID: <frame-7F2@mhtml.blink>\r\n")
    frame = _part(
        "text/html",
        "https://ads.example.vn/banner.html",
        quopri.encodestring(b"<html><body>Qu\xe1\xba\xa3ng c\xc3\xa1o</body></html>"),
        "quoted-printable",
    )
    image = _part(
        "image/png",
        "https://thuvienphapluat.vn/logo.png",
        base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(64)),
        "base64",
    )
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {URL}\r\n"
        "Subject: =?utf-8?Q?K=E1=BA=BF_ho=E1=BA=A1ch_434?=\r\n"
        "Date: Sat, 28 Nov 2026 10:00:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{BOUNDARY}"\r\n\r\n\r\n'
    ).encode()
    parts = [frame, page, image] if frame_first else [page, image, frame]
    return head + b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def _rows(result: pipeline.DocumentResult, table: str) -> list[dict[str, object]]:
    return [{k: v for k, v in row.items() if k not in SKIP} for row in result.tables.get(table, [])]


@pytest.mark.parametrize("frame_first", [False, True])
@pytest.mark.parametrize(
    ("name", "number", "first_rows"),
    [
        ("sample_434_utf8.html", "434/KH-UBND", ["1", "1.1", "1.2"]),
        ("plan2_windows1258.html", "58/KH-UBND", ["I", "I.1", "I.1.a"]),
        ("plan2_nocharset.html", "58/KH-UBND", ["I", "I.1", "I.1.a"]),
    ],
)
def test_an_archive_gives_the_tables_of_the_page_inside(
    name: str, number: str, first_rows: list[str], frame_first: bool
) -> None:
    html = fixture(name)
    archive = _archive(html, frame_first=frame_first)
    assert b"=3D" in archive and b"=\r\n" in archive  # the page's bytes are not readable as they stand
    page = pipeline.process_bytes(html, name)
    saved = pipeline.process_bytes(archive, name.replace(".html", ".mhtml"))
    assert not saved.failed, saved.tables.get("failures")
    for table in ("documents", "appendix_rows", "findings"):
        assert _rows(saved, table) == _rows(page, table), table
    doc = _rows(saved, "documents")[0]
    assert doc["number"] == number
    assert [row["row_id"] for row in _rows(saved, "appendix_rows")][:3] == first_rows


def test_a_base64_page_and_an_ie_web_archive_are_read_too() -> None:
    html = fixture("sample_434_utf8.html")
    ie = _archive(html, encoding="base64").replace(
        b"From: <Saved by Blink>\r\n", b"X-MimeOLE: Produced By Microsoft MimeOLE\r\n"
    )
    ie = ie.replace(f"Snapshot-Content-Location: {URL}\r\n".encode(), b"")
    result = pipeline.process_bytes(ie, "ke-hoach-434.mht")
    assert not result.failed
    assert [r["row_id"] for r in result.tables["appendix_rows"]][:4] == ["1", "1.1", "1.2", "1.3"]


def test_an_archive_without_a_page_is_a_failure_row_saying_so() -> None:
    image = _part("image/png", "https://x.vn/a.png", base64.encodebytes(b"\x89PNG" + bytes(16)), "base64")
    archive = (
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{BOUNDARY}"\r\n\r\n'.encode()
        + image
        + f"--{BOUNDARY}--\r\n".encode()
    )
    result = pipeline.process_bytes(archive, "trang.mhtml")
    assert result.failed
    failure = result.tables["failures"][0]
    assert (failure["reason"], failure["message"]) == (
        "not_a_document",
        "the web archive (.mhtml) holds no HTML page and no text",
    )


@pytest.mark.parametrize(
    "head",
    [
        b"<html><head><title>MIME-Version: 1.0</title></head>",  # HTML
        b"MIME-Version: 1.0\nContent-Type: text/plain\n\nK\xe1\xba\xbf ho\xe1\xba\xa1ch",  # a mail, no page
        b"UY BAN NHAN DAN\nMIME-Version: 1.0\nContent-Type: multipart/related\n\n",  # a dump quoting headers
    ],
)
def test_only_a_web_archive_header_block_is_taken_for_one(head: bytes) -> None:
    assert not mhtml.is_mhtml(head)


def test_folders_are_searched_for_archives(tmp_path: Path) -> None:
    for name in ("ke-hoach.mhtml", "quyet-dinh.MHT", "anh.png"):
        (tmp_path / name).write_bytes(b"x")
    refs, _, left_out = survey([str(tmp_path)])
    assert sorted(Path(ref.source_path).name for ref in refs) == ["ke-hoach.mhtml", "quyet-dinh.MHT"]
    assert left_out == {".png": 1}


def test_a_text_dump_inside_an_archive_or_under_a_page_header_is_read_as_a_dump() -> None:
    # review 32: a mail of the related kind holding a text/plain dump had failed ("no HTML page");
    # a dump under a header that calls it text/html had been read as HTML (no rows, truncated_page)
    dump = SAMPLE.read_bytes()
    mail = (
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{BOUNDARY}"\r\n\r\n'.encode()
        + f"--{BOUNDARY}\r\nContent-Type: text/plain; charset=utf-8\r\n".encode()
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(dump)
        + f"--{BOUNDARY}--\r\n".encode()
    )
    labelled = b"\xef\xbb\xbfMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + dump
    plain = pipeline.process_bytes(dump, "sample.txt")
    for archive in (mail, labelled):
        result = pipeline.process_bytes(archive, "sample.mhtml")
        assert not result.failed, result.tables.get("failures")
        assert _rows(result, "appendix_rows") == _rows(plain, "appendix_rows")
