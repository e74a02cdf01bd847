"""Pages typed in the TCVN3 or VNI legacy encodings: put back into Unicode, and said."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import lxml.html
import pytest

from extract.html.reader import _from_legacy
from extract.pipeline import process_bytes
from normalize.legacy import TCVN3, VNI, detect, from_legacy
from tests.conftest import ROOT, SAMPLE
from tests.test_forms import _encode_1258

_BACK = {letter: shown for shown, letter in TCVN3.items()}
_VNI_BACK = {letter: typed for typed, letter in VNI.items()}


def _typed_in_tcvn3(text: str) -> str:
    """Unicode text as a .VnTime document shows it: capitals with marks take the small
    letter's code (the capital font draws it as a capital)."""
    return "".join(_BACK.get(c) or (_BACK.get(c.lower()) if c.isupper() else None) or c for c in text)


def _typed_in_vni(text: str) -> str:
    return "".join(_VNI_BACK.get(c, c) for c in text)


_TCVN3_LINE = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
_VNI_LINE = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"


@pytest.mark.parametrize(
    ("encoding", "shown", "unicode"),
    [
        ("TCVN3", _TCVN3_LINE, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("TCVN3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("TCVN3", "Uû ban nh©n d©n tØnh §¾k N«ng", "Uỷ ban nhân dân tỉnh Đắk Nông"),
        ("TCVN3", "Qu¶n lý nhµ n\u00adíc vÒ th«ng t\u00ad", "Quản lý nhà nước về thông tư"),  # 0xAD is "ư"
        ("TCVN3", "Sè: 12/KH-UBND", "Số: 12/KH-UBND"),
        ("TCVN3", "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # capital font
        ("TCVN3", "KÕ HO¹CH", "KẾ HOẠCH"),
        ("VNI", _VNI_LINE, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("VNI", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("VNI", "UÛY BAN NHAÂN DAÂN TÆNH ÑAÉK NOÂNG", "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"),
        ("VNI", "Quaûn lyù nhaø nöôùc; ñaêng kyù; Soá: 12/KH-UBND", "Quản lý nhà nước; đăng ký; Số: 12/KH-UBND"),
    ],
)
def test_lines_of_a_legacy_page_come_back_letter_by_letter(encoding: str, shown: str, unicode: str) -> None:
    page = "\n".join([_TCVN3_LINE if encoding == "TCVN3" else _VNI_LINE] * 3 + [shown])
    converted, found, lines = from_legacy(page)
    assert converted.split("\n")[-1] == unicode
    assert (found, lines) == (encoding, 4)


def test_unicode_lines_of_a_legacy_page_are_left_alone() -> None:
    page = "Đăng nhập LawNet\n" + f"{_TCVN3_LINE}\n" * 3
    converted, encoding, lines = from_legacy(page)
    assert converted.split("\n")[0] == "Đăng nhập LawNet"
    assert (encoding, lines) == ("TCVN3", 3)


@pytest.mark.parametrize(
    "text",
    [
        "Nồng độ chì không quá 5 µg/l ở 25°C; độ pH 6,5–8,5; © Bộ Tài nguyên",
        "Résumé, déjà vu, São Paulo, Zürich, Ærø, Øresund, Ålesund, Müller, Göteborg, Straße, Noël, Zoë",
        "µg/l ± 5 %\n25 °C\n§ 3 Abs. 2\n",  # symbols alone, no legacy words
        "Céng hoµ x· héi",  # too few words to call a page legacy
    ],
)
def test_text_that_is_not_legacy_is_unchanged(text: str) -> None:
    assert from_legacy(text) == (text, None, 0)
    assert detect(text) is None


def _sample() -> str:
    return unicodedata.normalize("NFC", SAMPLE.read_text(encoding="utf-8"))


def test_a_text_dump_of_a_tcvn3_page_reads_like_the_unicode_one() -> None:
    expected = process_bytes(_sample().encode(), "sample.txt", repair=False)
    result = process_bytes(_typed_in_tcvn3(_sample()).encode(), "tcvn3.txt", repair=False)
    doc, want = result.tables["documents"][0], expected.tables["documents"][0]
    fields = ("number", "doc_type", "title", "issuer", "place", "issued_date", "signer")
    assert [doc[f] for f in fields] == [want[f] for f in fields]
    rows = [(r["row_id"], r["name"].lower(), r["max_score"]) for r in result.tables["appendix_rows"]]
    assert rows == [(r["row_id"], r["name"].lower(), r["max_score"]) for r in expected.tables["appendix_rows"]]
    legacy = [f for f in result.tables["findings"] if f["code"] == "legacy_encoding"]
    assert [(f["severity"], f["message"].split(";")[0]) for f in legacy] == [
        ("warning", "the text was typed in the TCVN3 (.VnTime fonts) encoding and shown as Windows-1252")
    ]


def test_a_text_dump_of_a_vni_page_reads_like_the_unicode_one() -> None:
    expected = process_bytes(_sample().encode(), "sample.txt", repair=False)
    result = process_bytes(_typed_in_vni(_sample()).encode(), "vni.txt", repair=False)
    doc, want = result.tables["documents"][0], expected.tables["documents"][0]
    fields = ("number", "doc_type", "title", "issuer", "place", "issued_date", "signer", "body_text")
    assert [doc[f] for f in fields] == [want[f] for f in fields]
    rows = [(r["row_id"], r["name"], r["max_score"]) for r in result.tables["appendix_rows"]]
    assert rows == [(r["row_id"], r["name"], r["max_score"]) for r in expected.tables["appendix_rows"]]
    codes = [f["code"] for f in result.tables["findings"]]
    assert codes == ["legacy_encoding", *(f["code"] for f in expected.tables["findings"])]


def test_an_html_page_in_tcvn3_declared_as_windows_1252() -> None:
    page = unicodedata.normalize("NFC", (ROOT / "samples/html/sample_434_utf8.html").read_text(encoding="utf-8"))
    page = re.sub(r"&#x([0-9A-Fa-f]+);", lambda m: chr(int(m.group(1), 16)), page)  # letters as letters
    page = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), page)
    page = page.replace("&Ocirc;", "Ô").replace("&ocirc;", "ô")
    legacy = re.sub(r">([^<]+)<", lambda m: ">" + _typed_in_tcvn3(m.group(1)) + "<", page)
    legacy = re.sub(r"charset=[\"']?utf-8[\"']?", "charset=windows-1252", legacy, flags=re.IGNORECASE)
    result = process_bytes(legacy.encode("cp1252", errors="xmlcharrefreplace"), "tcvn3.html", repair=False)
    doc = result.tables["documents"][0]
    assert (doc["encoding"], doc["number"], doc["title"]) == (
        "windows-1252",
        "434/KH-UBND",
        "CẢI THIỆN, NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) TỈNH ĐẮK NÔNG NĂM 2022",
    )
    assert (doc["place"], doc["signer"], doc["appendix_row_count"]) == ("Đắk Nông", "Lê Văn Chiến", 119)
    assert "legacy_encoding" in [f["code"] for f in result.tables["findings"]]


def test_a_legacy_document_inside_a_unicode_site_frame_is_converted() -> None:
    # the LawNet lines above the document are Unicode; the document (its first page) is TCVN3
    frame, _, document = _sample().partition("ỦY BAN NHÂN DÂN")
    first_page = ("ỦY BAN NHÂN DÂN" + document)[:1500]
    result = process_bytes((frame + _typed_in_tcvn3(first_page)).encode(), "p.txt", repair=False)
    doc = result.tables["documents"][0]
    assert (doc["number"], doc["issued_date"], doc["doc_type"]) == ("434/KH-UBND", date(2022, 7, 27), "Kế hoạch")
    assert doc["body_text"].startswith("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG")


def _paragraphs_after_conversion(body: str) -> list[str]:
    root = lxml.html.fromstring(f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>')
    assert _from_legacy(root) is not None
    return [p.text_content() for p in root.iter("p")]


def test_html_runs_split_inside_a_letter_or_a_heading() -> None:
    # Word splits runs anywhere: a VNI mark in the next run, a TCVN3 capital heading in two runs
    vni = "<p>Coäng hoøa xaõ hoäi chuû nghóa <span>Vie</span>ät Nam</p>" * 4
    assert _paragraphs_after_conversion(vni)[0] == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    tcvn3 = "<p>Céng hoµ x· héi chñ nghÜa ViÖt Nam</p>" * 4 + "<p><b>GIAI §O</b><b>¹N 2024</b></p><p>Së GD&amp;§T</p>"
    assert _paragraphs_after_conversion(tcvn3)[-2:] == ["GIAI ĐOẠN 2024", "Sở GD&ĐT"]


def test_text_in_a_tcvn3_capital_font_comes_back_in_capitals_whatever_keys_typed_it() -> None:
    # .VnTimeH draws capitals for small keys: "ñy ban nh©n d©n" shows as ỦY BAN NHÂN DÂN; words
    # with no TCVN3 letter ("ban") and a font-family style count too; .VnTime (no H) does not
    body = (
        "<p>Céng hoµ x· héi chñ nghÜa ViÖt Nam</p>" * 3
        + "<p><font face='.VnTimeH'>ñy ban nh©n d©n</font></p>"
        + "<p><span style=\"font-family:'.VnArialH',sans-serif\">kÕ ho¹ch</span> <b>ban</b></p>"
        + "<p><font face='.VnTime'>tØnh cao b»ng</font></p>"
    )
    assert _paragraphs_after_conversion(body)[3:] == ["ỦY BAN NHÂN DÂN", "KẾ HOẠCH ban", "tỉnh cao bằng"]


def test_a_unicode_page_with_a_part_typed_in_tcvn3_has_that_part_converted() -> None:
    # the body is Unicode; the appendix (its last part) was pasted from a .VnTime file
    text = _sample()
    cut = text.index("\n", text.index("PHỤ LỤC")) + 1  # the heading's marks are no markers: it stays
    legacy_part = _typed_in_tcvn3(text[cut : cut + 1500])
    plain = "\nGhi chú\nThái Nguyên\n"  # Unicode lines with no letter only Unicode writes stay
    converted, encoding, segments = from_legacy(text[:cut] + plain + legacy_part)
    assert encoding == "TCVN3" and segments > 0
    assert converted == text[:cut] + plain + text[cut : cut + 1500]
    # a Unicode page quoting many foreign names with Latin-1 letters is left alone
    names = " ".join(["Müller", "Zürich", "Gödel", "Françoise", "Señora", "Ångström", "Noël", "Björk"] * 3)
    assert from_legacy(text[:cut] + names) == (text[:cut] + names, None, 0)
    # and so is one writing ranges with a division sign ("2850÷3800" is no word)
    ranges = "\n".join(f"Công suất {n}÷{2 * n} tấn/năm; Ghi chú" for n in range(100, 120))
    assert from_legacy(text[:cut] + ranges) == (text[:cut] + ranges, None, 0)


def test_a_unit_repeated_down_a_unicode_table_is_no_legacy_part() -> None:
    text = _sample()
    cut = text.index("PHỤ LỤC")
    units = "\n".join(f"{n}\nKích thước hạt\nµm\n{n * 5}" for n in range(1, 19))
    assert from_legacy(text[:cut] + units) == (text[:cut] + units, None, 0)


def test_the_capital_font_is_read_past_a_bidi_font_property() -> None:
    body = "<p>Céng hoµ x· héi chñ nghÜa ViÖt Nam</p>" * 3 + (
        "<p><span style='mso-bidi-font-family:Arial;font-family:.VnTimeH'>ñy ban nh©n d©n</span></p>"
    )
    assert _paragraphs_after_conversion(body)[3] == "ỦY BAN NHÂN DÂN"


def _saved_as_ansi(text: str) -> bytes:
    """Legacy-shown text saved as 8-bit Windows-1252 (Notepad's ANSI), as browsers map its bytes:
    the five bytes Windows-1252 leaves undefined stand for the control characters of their number."""
    out = bytearray()
    for c in text:
        try:
            out += c.encode("cp1252")
        except UnicodeEncodeError:
            out.append(ord(c))  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: TCVN3 letters
    return bytes(out)


@pytest.mark.parametrize(("typed", "name"), [(_typed_in_tcvn3, "tcvn3"), (_typed_in_vni, "vni")])
def test_a_legacy_text_dump_saved_as_8_bit_text_reads_like_the_unicode_one(typed, name: str) -> None:
    # no charset label: it had been read as Central European (VNI: "Loaďi vaęn baűn") or refused
    # as undecodable (TCVN3)
    expected = process_bytes(_sample().encode(), "sample.txt", repair=False)
    result = process_bytes(_saved_as_ansi(typed(_sample())), f"{name}.txt", repair=False)
    doc, want = result.tables["documents"][0], expected.tables["documents"][0]
    fields = ("number", "doc_type", "issuer", "place", "issued_date", "signer")
    assert [doc[f] for f in fields] == [want[f] for f in fields]
    assert doc["encoding"] == "windows-1252"
    rows = [(r["row_id"], r["name"].lower(), r["max_score"]) for r in result.tables["appendix_rows"]]
    assert rows == [(r["row_id"], r["name"].lower(), r["max_score"]) for r in expected.tables["appendix_rows"]]


def test_a_windows_1258_text_with_a_part_typed_in_a_legacy_font_stays_windows_1258() -> None:
    # review 30: the 8-bit legacy reading had taken the whole file, Windows-1258 lines and all
    lines = _sample().split("\n")
    head, tail = "\n".join(lines[:60]), "\n".join(lines[60:90])
    for typed in (_typed_in_tcvn3, _typed_in_vni):
        result = process_bytes(_encode_1258(head) + b"\n" + _saved_as_ansi(typed(tail)), "mixed.txt", repair=False)
        doc = result.tables["documents"][0]
        assert (doc["encoding"], doc["number"], doc["doc_type"]) == ("windows-1258", "434/KH-UBND", "Kế hoạch")


def test_a_short_legacy_text_saved_as_8_bit_text_is_still_read_as_legacy() -> None:
    # review 31: in a short TCVN3 text, words read as real syllables in Windows-1258 ("vụ" as
    # "vô", "số" as "sè"); a share of the whole file had stopped taking it as legacy
    short = (
        "Số: 434/KH-UBND\n\nĐắk Nông, ngày 27 tháng 7 năm 2022\n\n"
        "II. KẾ HOẠCH CẢI THIỆN, NÂNG CAO CHỈ SỐ PAR INDEX TỈNH ĐẮK NÔNG NĂM 2022\n\n1. Cơ sở pháp lý\n\n"
        "- Quyết định số 362/QĐ-BNV ngày 06/5/2022 của Bộ Nội vụ về việc phê duyệt và công bố Chỉ số CCHC năm "
        "2021 của các bộ, cơ quan ngang bộ; ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
    )
    result = process_bytes(_saved_as_ansi(_typed_in_tcvn3(short)), "short.txt", repair=False)
    doc = result.tables["documents"][0]
    assert (doc["encoding"], doc["number"], doc["issued_date"]) == ("windows-1252", "434/KH-UBND", date(2022, 7, 27))
