"""A page saved as one file by a browser (``.mhtml``, ``.mht``): a MIME archive -> its HTML bytes.

Why: Chrome's and Edge's "Save as single file" (and Internet Explorer's "Web archive") wrap the
page and its images in a MIME message, the page's HTML quoted-printable or base64. Read as it
stands, its "=3D" and soft line breaks ("=" at a line's end) would cut attributes and words;
unwrapped, the page is the HTML page it was, and the HTML reader takes it from there.

Pure functions over bytes; the standard library's ``email`` parser does the MIME work.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message
from email.parser import BytesParser

from extract.page import PageError

#: How much of a file is looked at for the archive's headers.
_HEAD_BYTES = 8192
#: The archive's own header block: header lines ("Name: value", continued by indented lines) up to
#: the first blank line, with a MIME version and a content type of a page or a multipart archive.
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")
_MIME_VERSION = re.compile(rb"^mime-version:", re.IGNORECASE | re.MULTILINE)
_ARCHIVE_TYPE = re.compile(rb"^content-type:\s*(?:multipart/related|text/html)\b", re.IGNORECASE | re.MULTILINE)
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


def is_mhtml(data: bytes) -> bool:
    """Does the file start with the header block of a MIME archive of a web page?"""
    head = data.removeprefix(codecs.BOM_UTF8)[:_HEAD_BYTES]
    end = _BLANK_LINE.search(head)
    block = head[: end.start()] if end else b""
    return (
        bool(block)
        and _HEADER_LINE.match(block) is not None
        and _MIME_VERSION.search(block) is not None
        and _ARCHIVE_TYPE.search(block) is not None
    )


def page_part(data: bytes) -> tuple[bytes, bool]:
    """The archive's page, its transfer encoding undone, and whether it is an HTML part: the HTML
    part the archive names as saved (Chrome's ``Snapshot-Content-Location``, or the ``start`` part
    of ``multipart/related``), else its first HTML part (frames come after the page), else its
    first plain-text part (a text dump sent as a mail). Its bytes keep their own encoding: the
    readers weigh the evidence (a browser writes the page's ``<meta charset>`` into it). Raises
    PageError when the archive holds neither."""
    message = BytesParser().parsebytes(data.removeprefix(codecs.BOM_UTF8))
    pages = [part for part in message.walk() if part.get_content_type() == "text/html"]
    texts = [part for part in message.walk() if part.get_content_type() == "text/plain"]
    if not pages and not texts:
        raise PageError("not_a_document", "the web archive (.mhtml) holds no HTML page and no text")
    chosen = (_named_page(message, pages) or pages[0]) if pages else texts[0]
    payload = chosen.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise PageError("empty", "the web archive's (.mhtml) page is empty")
    return payload, bool(pages)


def _named_page(message: Message, pages: list[Message]) -> Message | None:
    location = (message.get("Snapshot-Content-Location") or "").strip()
    if location:
        for part in pages:
            if (part.get("Content-Location") or "").strip() == location:
                return part
    start = (message.get_param("start") or "") if message.is_multipart() else ""
    if isinstance(start, str) and start.strip():
        wanted = start.strip().strip("<>")
        for part in pages:
            if (part.get("Content-ID") or "").strip().strip("<>") == wanted:
                return part
    return None
