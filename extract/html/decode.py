"""Bytes -> text for saved HTML pages, in whatever encoding the page was saved.

Order of evidence, strongest first: byte-order mark; UTF-16 byte pattern (Word "Save as web
page" writes UTF-16 and declares it as ``charset=unicode``); valid multi-byte UTF-8 (re-saved
pages keep stale declarations); the page's own ``<meta charset>``
or ``http-equiv`` content type (Beautiful Soup's EncodingDetector); strict UTF-8;
charset-normalizer. The result is composed to NFC, because Windows-1258 (and NFD pages) store
a tone mark as a separate combining character after the letter.
"""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer
from bs4.dammit import EncodingDetector

from extract.page import PageError

from .settings import META_SCAN_BYTES

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels seen in the wild that Python does not know, or knows under another meaning.
_LABEL_ALIASES: dict[str, str] = {
    "unicode": "utf-16",  # Word's name for UTF-16 LE
    "unicodefffe": "utf-16-be",
    "ucs-2": "utf-16",
    "iso-10646-ucs-2": "utf-16",
    "x-user-defined": "windows-1252",
    # WHATWG: these labels mean windows-1252 in browsers.
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
}


def canonical_encoding(name: str) -> str | None:
    """A stable, readable name for a codec ('cp1258' -> 'windows-1258'), None if unknown."""
    label = name.strip().strip("\"'").lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        py = codecs.lookup(label).name
    except LookupError:
        return None
    if py.startswith("cp") and py[2:].isdigit() and py[2:].startswith("125"):
        return "windows-" + py[2:]
    return py


def sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII markup leaves a NUL in every other byte."""
    sample = data[:2048]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > 0.4 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.4 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares (``<meta charset>``, ``http-equiv`` content type or an XML
    declaration) in its head, as Beautiful Soup's encoding detector reads it."""
    head = data[:META_SCAN_BYTES]
    if not head.strip():
        return None
    return EncodingDetector.find_declared_encoding(head, is_html=True)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    """Decoded text full of control characters is not a page in that encoding."""
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bad > 0.01 * len(sample)


def _finish(text: str, encoding: str) -> tuple[str, str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text), encoding


def decode_html_bytes(data: bytes) -> tuple[str, str]:
    """Decode a saved page to NFC text; return ``(text, encoding name used)``.

    Raises ``PageError('undecodable', ...)`` when no encoding gives plausible text.
    """
    for bom, enc in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], enc)
            if text is None:
                raise PageError("undecodable", f"bytes after the {enc} BOM do not decode")
            return _finish(text, enc)

    utf16 = sniff_utf16(data)
    if utf16:
        text = _strict(data, utf16)
        if text is not None and not _looks_binary(text):
            return _finish(text, utf16)

    utf8 = _strict(data, "utf-8")
    if utf8 is not None and not data.isascii() and not _looks_binary(utf8):
        # Valid multi-byte UTF-8 is almost never an accident of a legacy encoding, while
        # pages re-saved as UTF-8 often keep their old charset declaration.
        return _finish(utf8, "utf-8")

    declared = declared_charset(data)
    if declared:
        enc = canonical_encoding(declared)
        if enc and enc.startswith(("utf-16", "utf-32")):
            enc = "utf-8"  # an ASCII-compatible file cannot really be UTF-16 (WHATWG rule)
        if enc:
            text = _strict(data, enc)
            if text is not None and not _looks_binary(text):
                return _finish(text, enc)

    if utf8 is not None and not _looks_binary(utf8):
        return _finish(utf8, "utf-8")

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        enc = canonical_encoding(best.encoding) or best.encoding
        text = str(best)
        if not _looks_binary(text):
            return _finish(text, enc)
    raise PageError("undecodable", "no declared, sniffed or detected encoding decodes the bytes")


def looks_like_html(data: bytes) -> bool:
    """Cheap sniff for the dispatcher: does the start of the file look like HTML markup?"""
    head = data[:2048]
    for bom, enc in BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].decode(enc, errors="ignore").encode("ascii", errors="ignore")
            break
    else:
        utf16 = sniff_utf16(head)
        if utf16:
            head = head.decode(utf16, errors="ignore").encode("ascii", errors="ignore")
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return b"<html" in lowered or lowered.startswith(b"<!doctype html")
    markers = (b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p ", b"<p>", b"<table")
    return lowered.startswith(b"<") and any(m in lowered for m in markers)
