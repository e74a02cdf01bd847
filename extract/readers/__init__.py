"""Bytes of one input -> RawPage, whatever form it was saved in (HTML, Markdown, text dump)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from extract.html.decode import BOMS, canonical_encoding, sniff_utf16
from extract.page import PageError, RawPage
from extract.readers.markdown import GFM_SEPARATOR, read_markdown
from extract.readers.text import read_text
from normalize.text import nfc


def decode_text(data: bytes) -> tuple[str, str]:
    """Text of a plain-text input and the encoding used: BOM, UTF-16 without a BOM, UTF-8,
    then a confident guess. Encodings are named as for HTML pages ("windows-1258")."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return nfc(data[len(bom) :].decode(encoding)), encoding
            except UnicodeDecodeError as error:
                message = f"the bytes after the {encoding} byte-order mark do not decode"
                raise PageError("undecodable", message) from error
    utf16 = sniff_utf16(data)  # UTF-16 without a BOM: a NUL in every other byte
    if utf16:
        try:
            return nfc(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    try:
        return nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise PageError("undecodable", "the bytes are not text in any encoding that could be detected")
    try:
        return nfc(data.decode(best.encoding)), canonical_encoding(best.encoding) or best.encoding
    except (UnicodeDecodeError, LookupError) as error:
        raise PageError("undecodable", f"the bytes could not be decoded as {best.encoding}: {error}") from error


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or sniff_utf16(head):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05 if head else False


def read_page(data: bytes) -> RawPage:
    """Sniff the form and read it. Raises PageError for anything that is not a legal page."""
    if not data.strip():
        raise PageError("empty", "the file is empty")
    from extract import html  # late import: the HTML stack is heavier than the text path

    if html.looks_like_html(data):
        return html.read_html(data)
    if _looks_binary(data):
        raise PageError("not_text", "the file is binary data, not a saved page")
    text, encoding = decode_text(data)
    if "\x00" in text:
        raise PageError("not_text", "the decoded text holds NUL characters; it is binary data")
    lines = text.splitlines()
    pipe_lines = sum(1 for line in lines if line.strip() == "|")
    if pipe_lines >= 2 or any(GFM_SEPARATOR.match(line.strip()) for line in lines if "-|" in line):
        return read_markdown(text, encoding)
    return read_text(text, encoding)
