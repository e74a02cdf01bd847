"""Bytes -> text for saved HTML pages, in whatever encoding the page was saved.

Order of evidence, strongest first: byte-order mark; UTF-16 byte pattern (Word "Save as web
page" writes UTF-16 and declares it as ``charset=unicode``); valid multi-byte UTF-8 (re-saved
pages keep stale declarations); UTF-8 with a few bytes that are not (a stray Windows-1252 quote,
a download cut inside a letter); the page's own ``<meta charset>`` or ``http-equiv`` content
type (Beautiful Soup's EncodingDetector); strict UTF-8; charset-normalizer, checked against
Windows-1258 by how many of its words read as Vietnamese syllables. The result is composed to
NFC, because Windows-1258 (and NFD pages) store a tone mark as a separate combining character
after the letter. What could not be decoded is said in ``Decoded.damage``, never dropped silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
from bs4.dammit import EncodingDetector

from extract.page import PageError
from normalize.text import eth_to_d_stroke
from normalize.vietnamese import is_syllable

from .settings import META_SCAN_BYTES

#: A page is read as UTF-8 with a few bad bytes when it has this many well-formed non-ASCII
#: characters for each byte that is not UTF-8 (a Windows-1258 page has almost none).
_UTF8_CHARS_PER_BAD_BYTE = 20
#: Where a late ``<meta charset>`` is still looked for: up to the end of the head within this
#: prefix (browsers switch to a declaration met while parsing the head, after 20 KB of script too).
HEAD_SCAN_LIMIT = 1 << 20
_WORD = re.compile(r"[^\W\d_]+")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
#: ``<meta charset="...">`` or ``<meta http-equiv="Content-Type" content="text/html; charset=...">``
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    """A page's text, the encoding it was read in, and what did not decode (None: nothing)."""

    text: str
    encoding: str
    damage: str | None = None


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
    found = EncodingDetector.find_declared_encoding(head, is_html=True)
    if found:
        return found
    # a declaration further into the head, after a long script or style (Beautiful Soup looks
    # at the first few kilobytes only); the head ends at "</head>" or at "<body"
    end = _HEAD_END.search(data, 0, HEAD_SCAN_LIMIT)
    late = _META_CHARSET.search(data, 0, end.start() if end else min(len(data), HEAD_SCAN_LIMIT))
    return late.group(1).decode("ascii") if late else None


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


def _finish(text: str, encoding: str, damage: str | None = None) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(unicodedata.normalize("NFC", text), encoding, damage)


def _utf8_lead_length(byte: int) -> int:
    """Bytes in the UTF-8 sequence a lead byte begins (0: not a lead byte)."""
    if 0xC2 <= byte <= 0xDF:
        return 2
    if 0xE0 <= byte <= 0xEF:
        return 3
    if 0xF0 <= byte <= 0xF4:
        return 4
    return 0


def _cut_tail(data: bytes) -> int:
    """How many bytes at the end are the start of a UTF-8 character the file was cut inside."""
    for back in (1, 2, 3):
        if back > len(data):
            break
        byte = data[-back]
        if 0x80 <= byte <= 0xBF:
            continue  # a continuation byte: the lead is further back
        need = _utf8_lead_length(byte)
        return back if need > back else 0
    return 0


#: Lead bytes of letters only Vietnamese writes: 0xC4-0xC6 (ă, đ, ĩ, ũ, ơ, ư; as Windows-1252 "Ä",
#: "Å", "Æ", never a legacy letter here) and 0xE1 (U+1EA0-U+1EF9).
_VIETNAMESE_LEADS = frozenset({0xC4, 0xC5, 0xC6, 0xE1})


def _cut_letter(run: bytes, before: str) -> bool:
    """Are these bad bytes a letter whose UTF-8 sequence was cut short? A lead byte with fewer
    continuation bytes than it needs; alone, when it leads letters only Vietnamese writes
    (``_VIETNAMESE_LEADS``) or its Windows-1252 reading is a capital after a small letter (the "\xc3" of
    a cut "í" in "ch\xc3nh"); else it is the legacy character it reads as ("Café", "60×90")."""
    if _utf8_lead_length(run[0]) <= len(run) or not all(0x80 <= b <= 0xBF for b in run[1:]):
        return False
    if len(run) >= 2 or run[0] in _VIETNAMESE_LEADS:
        return True
    letter = bytes(run).decode("windows-1252", errors="replace")
    return letter.isupper() and before.islower()


def _lenient_utf8(data: bytes, bom: bool = False) -> Decoded | None:
    """UTF-8 with a few bytes that are not: a download cut inside a letter, or a letter whose
    sequence is cut short inside the page (its bytes dropped: the letter is lost as saved text
    loses letters, and the letter repair may put it back), or a stray byte of another encoding
    (read as Windows-1252, "\x93" -> "“"; U+FFFD where that has no character). None when the
    bytes are not mostly UTF-8: too few well-formed non-ASCII characters for the bad bytes,
    unless a byte-order mark says UTF-8."""
    cut = _cut_tail(data)
    body = data[: len(data) - cut] if cut else data
    escaped = body.decode("utf-8", errors="surrogateescape")
    runs = [(m.start(), bytes(ord(c) - 0xDC00 for c in m.group())) for m in _ESCAPED_RUN.finditer(escaped)]
    bad = sum(len(run) for _, run in runs)
    good = sum(1 for ch in escaped if ord(ch) > 127) - bad
    if not bom and (good == 0 or bad * _UTF8_CHARS_PER_BAD_BYTE > good):
        return None
    if not runs and not cut:
        return None  # strict UTF-8 already said no for another reason
    pieces: list[str] = []
    stray = broken = 0
    last = 0
    for at, run in runs:
        pieces.append(escaped[last:at])
        last = at + len(run)
        if _cut_letter(run, escaped[at - 1 : at]):
            # a letter's sequence cut short: dropped, so the word reads as one that lost a letter
            # ("Ngh\xe1\xbb An" -> "Ngh An", which the letter repair may put back); a lone lead
            # byte reads as the legacy letter it most often is ("Caf\xe9" -> "Café")
            broken += 1
        else:
            stray += len(run)
            pieces.append(run.decode("windows-1252", errors="replace"))
    pieces.append(escaped[last:])
    said = []
    if runs:
        first = len(escaped[: runs[0][0]].encode("utf-8", errors="surrogateescape")) + (3 if bom else 0)
        kinds = []
        if stray:
            plural = "s" if stray > 1 else ""
            kinds.append(f"{stray} stray byte{plural} read as Windows-1252 characters (U+FFFD where it has none)")
        if broken:
            kinds.append(f"{broken} letter{'s' if broken > 1 else ''} cut short, dropped")
        said.append(f"bytes of the UTF-8 page are not UTF-8 (the first at byte {first}): {' and '.join(kinds)}")
    if cut:
        said.append(
            f"the file ends inside a character (its last {cut} byte{'s' if cut > 1 else ''} dropped): "
            "it was saved incompletely"
        )
    return _finish("".join(pieces), "utf-8", "; ".join(said))


def _lenient_utf16(data: bytes, encoding: str) -> Decoded:
    """UTF-16 cut at an odd byte, or with a broken surrogate: the rest is read, the damage said."""
    said = []
    if len(data) % 2:
        data = data[:-1]
        said.append("the file ends inside a character (its last byte dropped): it was saved incompletely")
    text = data.decode(encoding, errors="replace")
    if bad := text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd"):
        said.append(f"{bad} UTF-16 code unit{'s' if bad > 1 else ''} did not decode: replaced by U+FFFD")
    return _finish(text, encoding, "; ".join(said) or None)


def _vietnamese_words(text: str) -> int:
    """Words with a non-ASCII letter that are Vietnamese syllables, less those that are not: how
    well an encoding's reading of the bytes reads as Vietnamese ("Kế hoạch" against "Kęě")."""
    score = 0
    for word in _WORD.findall(unicodedata.normalize("NFC", text[:200_000])):
        if not word.isascii():
            score += 1 if is_syllable(word.lower()) else -1
    return score


def decode_page(data: bytes) -> Decoded:
    """Decode a saved page to NFC text with the encoding used and what did not decode.

    Raises ``PageError('undecodable', ...)`` when no encoding gives plausible text.
    """
    for bom, enc in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], enc)
            if text is not None:
                return _finish(text, enc)
            if enc == "utf-8":
                found = _lenient_utf8(data[len(bom) :], bom=True)
            elif enc.startswith("utf-16"):
                found = _lenient_utf16(data[len(bom) :], enc)
            else:
                found = None
            if found is None or _looks_binary(found.text):
                raise PageError("undecodable", f"bytes after the {enc} BOM do not decode")
            return found

    utf16 = sniff_utf16(data)
    if utf16:
        text = _strict(data, utf16)
        if text is not None and not _looks_binary(text):
            return _finish(text, utf16)
        found = _lenient_utf16(data, utf16)
        if not _looks_binary(found.text):
            return found

    utf8 = _strict(data, "utf-8")
    if utf8 is not None and not data.isascii() and not _looks_binary(utf8):
        # Valid multi-byte UTF-8 is almost never an accident of a legacy encoding, while
        # pages re-saved as UTF-8 often keep their old charset declaration.
        return _finish(utf8, "utf-8")
    if utf8 is None:
        found = _lenient_utf8(data)
        if found is not None and not _looks_binary(found.text):
            return found

    declared = declared_charset(data)
    if declared:
        enc = canonical_encoding(declared)
        if enc and enc.startswith(("utf-16", "utf-32")):
            enc = "utf-8"  # an ASCII-compatible file cannot really be UTF-16 (WHATWG rule)
        if enc:
            text = _strict(data, enc)
            if text is not None and not _looks_binary(text):
                if enc == "windows-1252":  # Word on a Vietnamese Windows labels its 1258 so too
                    # (a 1252 page's "HÐND" is read with đ, as the cleaning puts it back)
                    vietnamese = _strict(data, "windows-1258")
                    western = _vietnamese_words(eth_to_d_stroke(text))
                    if vietnamese is not None and _vietnamese_words(vietnamese) > max(0, western):
                        return _finish(vietnamese, "windows-1258")
                return _finish(text, enc)

    if utf8 is not None and not _looks_binary(utf8):
        return _finish(utf8, "utf-8")

    legacy = _legacy_windows_1252(data)
    if legacy is not None:
        return _finish(legacy, "windows-1252")

    best = charset_normalizer.from_bytes(data).best()
    guess = None
    if best is not None and best.encoding:
        text = str(best)
        if not _looks_binary(text):
            guess = (text, canonical_encoding(best.encoding) or best.encoding)
    if guess is None or guess[1] != "windows-1258":
        # the detector tells Central European from Vietnamese poorly (a page with a long ASCII
        # head came out as windows-1250 "Kęě hoaňch"): Windows-1258 is taken when more of its
        # words are Vietnamese syllables
        text = _strict(data, "windows-1258")
        if text is not None and not _looks_binary(text):
            score = _vietnamese_words(text)
            if score > 0 and (guess is None or score > _vietnamese_words(guess[0])):
                guess = (text, "windows-1258")
    if guess is not None:
        return _finish(*guess)
    raise PageError("undecodable", "no declared, sniffed or detected encoding decodes the bytes")


#: Windows-1252 as browsers read it: the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90,
#: 0x9D) stand for the control characters of the same number, which TCVN3 uses for letters.
_WINDOWS_1252 = {i: bytes([i]).decode("cp1252", errors="ignore") or chr(i) for i in range(0x80, 0xA0)}


def _legacy_windows_1252(data: bytes) -> str | None:
    """The bytes read as Windows-1252, when that shows a text typed in a legacy Vietnamese font
    encoding (TCVN3, VNI: normalize/legacy.py) and most of its lines read better so, converted,
    than in Windows-1258. Why: a text saved from such a page (Notepad's ANSI) has no label, and
    the detector names it Central European ("Loaďi vaęn baűn") or nothing; line by line, because
    a Windows-1258 page may hold a part typed in a legacy font (it stays Windows-1258, and that
    part is converted later), and a short legacy text reads as a few real syllables in
    Windows-1258 too ("vụ" typed in TCVN3 is "vô")."""
    from normalize.legacy import convert_segment, detect_page

    text = data.decode("latin-1").translate(_WINDOWS_1252)
    if _looks_binary(text):
        return None
    encoding, _ = detect_page(text)  # the lines are converted one by one below
    if encoding is None:
        return None
    legacy_lines = vietnamese_lines = 0
    for line, raw in zip(text.split("\n"), data.split(b"\n"), strict=True):
        as_legacy = _vietnamese_words(convert_segment(line, encoding) or line)
        vietnamese = _strict(raw, "windows-1258")
        as_vietnamese = _vietnamese_words(vietnamese) if vietnamese is not None else as_legacy - 1
        legacy_lines += as_legacy > as_vietnamese
        vietnamese_lines += as_vietnamese > as_legacy
    return text if legacy_lines > vietnamese_lines else None


def decode_html_bytes(data: bytes) -> tuple[str, str]:
    """Decode a saved page to NFC text; return ``(text, encoding name used)`` (``decode_page``
    without what did not decode)."""
    decoded = decode_page(data)
    return decoded.text, decoded.encoding


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
