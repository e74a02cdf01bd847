"""Bytes -> text: BOMs, declared charsets, Word's charset=unicode, Windows-1258, fallback."""

from __future__ import annotations

import codecs
import random
import unicodedata

import pytest
from html_fixture_tools import fixture

from extract.html import decode_html_bytes, looks_like_html
from extract.page import PageError

WORD = "Tỉnh Đắk Nông, Ủy ban nhân dân, Chỉ số cải cách hành chính"


def _page(meta: str, body: str = WORD) -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + _page("").encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + _page("").encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + _page("").encode("utf-16-be"), "utf-16-be"),
        (_page("").encode("utf-16-le"), "utf-16-le"),  # no BOM: sniffed from the NULs
        (_page('<meta charset="utf-8">').encode("utf-8"), "utf-8"),
        (_page("").encode("utf-8"), "utf-8"),  # undeclared but valid UTF-8
    ],
)
def test_boms_and_declarations(data: bytes, encoding: str) -> None:
    text, used = decode_html_bytes(data)
    assert used == encoding
    assert WORD in text and not text.startswith("\ufeff")


def test_charset_unicode_is_utf16() -> None:
    meta = '<meta http-equiv=Content-Type content="text/html; charset=unicode">'
    text, used = decode_html_bytes(_page(meta).encode("utf-16"))
    assert used == "utf-16-le" and WORD in text


def test_declared_utf16_on_ascii_bytes_means_utf8() -> None:
    text, used = decode_html_bytes(_page('<meta charset="unicode">').encode("utf-8"))
    assert used == "utf-8" and WORD in text


def test_http_equiv_windows_1258_composes_to_nfc() -> None:
    decomposed = "Ti\u0309nh Đă\u0301k Nông"  # Windows-1258 keeps tone marks apart
    data = _page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
                 decomposed).encode("cp1258")
    text, used = decode_html_bytes(data)
    assert used == "windows-1258"
    assert "Tỉnh Đắk Nông" in text and unicodedata.is_normalized("NFC", text)


def test_declared_latin1_is_windows_1252() -> None:
    data = _page('<meta charset="iso-8859-1">', "café “ok”").encode("cp1252")
    text, used = decode_html_bytes(data)
    assert used == "windows-1252" and "café “ok”" in text


def test_wrong_declaration_falls_back_to_utf8() -> None:
    data = _page('<meta charset="windows-1258">').encode("utf-8")
    text, used = decode_html_bytes(data)  # re-saved as UTF-8, old declaration kept
    assert used == "utf-8" and WORD in text


def test_undeclared_windows_1258_detected() -> None:
    text, used = decode_html_bytes(fixture("plan2_nocharset.html"))
    assert used == "windows-1258"
    assert "<td>Tỉnh Quảng Trị</td>" in text and "Hoàng Nam" in text


def test_nfd_utf8_composed() -> None:
    data = _page("", unicodedata.normalize("NFD", WORD)).encode("utf-8")
    text, _ = decode_html_bytes(data)
    assert WORD in text


def test_random_bytes_are_undecodable() -> None:
    rnd = random.Random(7)
    with pytest.raises(PageError) as err:
        decode_html_bytes(bytes(rnd.randrange(256) for _ in range(4000)))
    assert err.value.reason == "undecodable"
    with pytest.raises(PageError):
        decode_html_bytes(b"\x00\x01\x02\x03" * 500)


def test_looks_like_html() -> None:
    assert looks_like_html(fixture("sample_434_utf8.html"))
    assert looks_like_html(fixture("sample_434_utf16.html"))
    assert looks_like_html(fixture("plan2_nocharset.html"))
    assert looks_like_html(b"  <div><p>x</p></div>")
    assert not looks_like_html("Kế hoạch 434/KH-UBND\nSố hiệu: 434\n".encode())
    assert not looks_like_html(b"|\n| a |\n|\n**b**")
    assert not looks_like_html(b"")
