"""Bytes of one input -> RawPage, whatever form it was saved in (HTML, Markdown, text dump)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from extract.html.decode import BOMS, decode_page, sniff_utf16
from extract.html.textutil import contains_any, fold
from extract.page import PageError, RawPage, ReadNote
from extract.readers import mhtml
from extract.readers.markdown import GFM_SEPARATOR, read_markdown
from extract.readers.text import read_text
from extract.settings import LOGIN_WALL_MESSAGE, LOGIN_WALL_NOTICES
from normalize.legacy import from_legacy, legacy_note


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or sniff_utf16(head):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05 if head else False


def _after_bom(data: bytes) -> tuple[bytes, str | None]:
    """The bytes after a byte-order mark, and the encoding it names (None when there is none)."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data[len(bom) :], enc
    return data, None


def _blank(data: bytes) -> bool:
    """Nothing but blanks, after a byte-order mark if any (Notepad saves an empty file as its
    BOM). Only a short file is decoded for that: a page has more than a few hundred bytes."""
    rest, enc = _after_bom(data)
    if enc is None:
        return not data.strip()
    return len(rest) <= _BLANK_BYTES and not rest.decode(enc, errors="replace").strip()


def _blank_message(data: bytes) -> str:
    """Why a blank file is refused, in the words a user checks it by: no bytes at all (after a
    byte-order mark) or only spaces and line breaks (a page saved while it was still loading)."""
    rest, _ = _after_bom(data)
    return "the file is empty" if not rest else "the file holds only blanks (spaces or line breaks)"


#: Leading bytes of document formats that are no saved page, and what to call them.
_OTHER_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word or Excel file (.doc, .xls)"),
    (b"PK\x03\x04", "a zip file (or .docx, .xlsx)"),
    (b"{\\rtf", "an RTF document"),
)
#: Bytes after a byte-order mark past which a file is not looked at as possibly blank.
_BLANK_BYTES = 1024


def read_page(data: bytes, prepare: Callable[[str], str] | None = None, *, unwrap: bool = True) -> RawPage:
    """Sniff the form and read it. Raises PageError for anything that is not a legal page.

    ``prepare`` runs on the decoded text of a text dump or Markdown page before it is read (the
    pipeline puts back the letters its anchor lines lost: extract.source_repair.repair_source).
    ``unwrap``: a web archive (.mhtml) is opened (its page is not opened again)."""
    if _blank(data):
        raise PageError("empty", _blank_message(data))
    kind = next((name for magic, name in _OTHER_FORMATS if data.startswith(magic)), None)
    if kind is not None:  # a PDF or Word file saved under a page's name: say what it is
        raise PageError("not_text", f"the file is {kind}, not a saved page: save the page as HTML or text")
    from extract import html  # late import: the HTML stack is heavier than the text path

    if unwrap and mhtml.is_mhtml(data):  # a browser's "save as single file": the page inside, unwrapped
        inside, is_html = mhtml.page_part(data)
        if is_html and html.looks_like_html(inside):
            return html.read_html(inside)
        return read_page(inside, prepare, unwrap=False)  # text sent as a page or a mail: a dump
    if html.looks_like_html(data):
        return html.read_html(data)
    if _looks_binary(data):
        raise PageError("not_text", "the file is binary data, not a saved page")
    decoded = decode_page(data)  # the same evidence, in the same order, as for pages
    text, encoding = decoded.text, decoded.encoding
    if "\x00" in text:
        raise PageError("not_text", "the decoded text holds NUL characters; it is binary data")
    text, legacy, converted = from_legacy(text)
    if prepare is not None:  # on the lines as the readers see them: "\r\n" and "\r" end a line too
        text = prepare(text.replace("\r\n", "\n").replace("\r", "\n"))
    page = _read_decoded(text, encoding)
    if decoded.damage:
        page.notes.append(ReadNote("bad_bytes", decoded.damage))
    if legacy is not None:
        page.notes.append(ReadNote(*legacy_note(legacy, converted)))
    if contains_any(fold(text), LOGIN_WALL_NOTICES):
        page.notes.append(ReadNote("login_wall", LOGIN_WALL_MESSAGE))
    return page


def _read_decoded(text: str, encoding: str) -> RawPage:
    lines = text.splitlines()
    if _has_markdown_tables(lines):
        return read_markdown(text, encoding)
    if _has_markdown_paragraphs(lines):
        try:  # its markers must not reach the text; a dump that only looks so is read as text
            return read_markdown(text, encoding)
        except PageError:
            pass
    return read_text(text, encoding)


def _has_markdown_tables(lines: list[str]) -> bool:
    """The portals' one-cell-per-line tables ("|" lines) or a GFM table."""
    pipe_lines = sum(1 for line in lines if line.strip() == "|")
    return pipe_lines >= 2 or any(GFM_SEPARATOR.match(line.strip()) for line in lines if "-|" in line)


def _has_markdown_paragraphs(lines: list[str]) -> bool:
    """Markdown without tables: lines in bold ("**NGHỊ ĐỊNH**") or headings ("# QUYẾT ĐỊNH"),
    and paragraphs set apart by blank lines (Markdown joins the lines of a paragraph)."""
    marked = sum(1 for line in lines if _MARKED_LINE.match(line.strip()))
    blank = sum(1 for line in lines if not line.strip())
    return marked >= 2 and blank * 4 >= len(lines)


_MARKED_LINE = re.compile(r"^(\*\*[^*].*\*\*|#{1,6}\s+\S.*)$")
