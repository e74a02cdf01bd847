"""Text typed in a legacy 8-bit Vietnamese encoding (TCVN3 or VNI) and read as Windows-1252.

Older Vietnamese documents were typed with 8-bit fonts: the bytes are TCVN3 (.VnTime fonts)
or VNI (VNI-Times), but the page says nothing of it, so a browser or a decoder shows them as
Latin-1 letters and symbols: "Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3), "Coäng hoøa xaõ hoäi
chuû nghóa Vieät Nam" (VNI). Such a page is put back letter by letter, a segment (a line, or a
text node of an HTML page) at a time.

Which encoding, if any: the words that hold a character Unicode Vietnamese never writes
("Céng", "Coäng") are converted both ways, and the encoding under which most of them become
Vietnamese syllables (normalize/vietnamese.py) wins, if most do and they are at least as many
as the page's Unicode Vietnamese words (the site around a short document writes some). A
segment that already holds Unicode Vietnamese is left alone (the site around the document),
and so is every page without such words ("µg/l", "25°C", "Zürich" stay). TCVN3 headings typed
with the capital font (.VnTimeH) use the small letters' codes: a paragraph where a small
letter's code comes before a capital ("CéNG") is put in capitals.

TCVN3: the 74 letters of TCVN 5712:1993 VN3 (67 small letters and Ă Â Ê Ô Ơ Ư Đ), each keyed by
the character its byte shows in Windows-1252, derived with glibc's iconv: for b in 0xA1..0xFF,
``iconv -f TCVN5712-1 -t UTF-8`` on that byte, kept when the letter is small or one of ĂÂÊÔƠƯĐ
(VN1's other capitals and its combining marks are not VN3).
VNI: built below from the scheme's rules (a vowel, then one character for its tone, its
circumflex or breve, or both; ơ ư đ and the marked i, ỵ as one character).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

from normalize.vietnamese import is_syllable

_SHOWN = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ"
_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
TCVN3 = dict(zip(_SHOWN, _LETTERS, strict=True))

_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng


def _vni_table() -> dict[str, str]:
    """VNI sequences (as Windows-1252 shows them) -> Unicode letters, small and capital."""
    tone, circumflex, breve = "ùøûõï", "âáàåãä", "êéèúüë"  # the last two: bare, then the 5 tones
    small: dict[str, str] = {"ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ"}
    small.update(zip("íìæóò", ("i" + t for t in _TONES), strict=True))
    for base in ("a", "e", "o", "u", "y", "ô", "ö"):
        letter = small.get(base, base)
        small.update({base + mark: letter + t for mark, t in zip(tone, _TONES, strict=True)})
    for base in "aeo":
        small.update({base + mark: base + "\u0302" + t for mark, t in zip(circumflex, ("", *_TONES), strict=True)})
    small.update({"a" + mark: "a\u0306" + t for mark, t in zip(breve, ("", *_TONES), strict=True)})
    table = {key: unicodedata.normalize("NFC", value) for key, value in small.items()}
    table.update({key.upper(): value.upper() for key, value in table.items()})
    return table


VNI = _vni_table()
#: Characters a VNI letter may end with after its vowel (tone, circumflex, breve).
VNI_MARKS = frozenset(k[-1] for k in VNI if len(k) == 2)
_VNI_SEQUENCE = re.compile("|".join(re.escape(k) for k in sorted(VNI, key=len, reverse=True)))

#: Characters that these pages show and Unicode Vietnamese never writes inside a word.
_MARKERS = "".join(sorted(frozenset(_SHOWN) - frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")))
_MARKER = re.compile(f"[{re.escape(_MARKERS)}]")
_LATIN1_LETTERS = "A-Za-z\u00c0-\u00ff\u00a1-\u00bf"
#: A word with a marker among its letters ("Céng", "nghÜa", "t\u00ad", "Coäng", "hoøa").
_LEGACY_WORD = re.compile(f"[{_LATIN1_LETTERS}]*[{re.escape(_MARKERS)}][{_LATIN1_LETTERS}]*")
#: Letters only Unicode Vietnamese writes (tone-marked vowels of U+1EA0-U+1EF9, ă ơ ư đ ĩ ũ).
_UNICODE_VIETNAMESE = re.compile("[\u1ea0-\u1ef9ăĂơƠưƯđĐĩĨũŨ]")
_UNICODE_WORD = re.compile("\\w*[\u1ea0-\u1ef9ăĂơƠưƯđĐĩĨũŨ]\\w*")
_TABLE_CHAR = {
    "TCVN3": re.compile(f"[{re.escape(_SHOWN)}]"),
    "VNI": re.compile(f"[{re.escape(''.join(sorted(set(''.join(VNI)) - set('aeouyAEOUY'))))}]"),
}
_SEGMENT = re.compile(r"[^\n]+")
#: A TCVN3 small letter's code followed by an ASCII capital: the capital font ("CéNG", "ñY").
_BEFORE_CAPITAL = re.compile(f"[{re.escape(''.join(k for k, v in TCVN3.items() if v.islower()))}]+[A-Z]")
#: Marked words needed, the share of them that must become syllables, their share over Unicode
#: Vietnamese words, and how many are tried.
MIN_WORDS = 8
MIN_SYLLABLES = 0.6
MIN_RATIO = 1
#: A page with more Unicode Vietnamese words than marked ones is converted where it is not
#: Unicode when it has at least this many marked words and this share of them become syllables.
MIN_MIXED_WORDS = 16
MIN_MIXED_SYLLABLES = 0.85
_SAMPLE_WORDS = 400


def _to_unicode(word: str, encoding: str) -> str:
    if encoding == "TCVN3":
        return word.translate(_FROM_TCVN3)
    return _VNI_SEQUENCE.sub(lambda m: VNI[m.group()], word)


_FROM_TCVN3 = str.maketrans(TCVN3)


def detect(text: str) -> str | None:
    """ "TCVN3", "VNI" or None: the legacy encoding this text was typed in, shown as Windows-1252.
    Cheap on Unicode pages: most have no marker at all, and their Unicode words are counted
    only as far as the decision needs."""
    return detect_page(text)[0]


def detect_page(text: str) -> tuple[str | None, bool]:
    """(the legacy encoding or None, whether the page is mostly Unicode with a legacy part).

    A Unicode page with a part still typed in a legacy font (a table pasted from an old file, the
    document inside LawNet's Unicode summary) counts only words of two characters or more with a
    letter ("÷" in "2850÷3800" is a sign), and only when nearly all become Vietnamese syllables
    (names such as "Zürich", "Müller" do not); then only segments with such words are converted
    (``convert_segment(strict=True)``)."""
    if not _MARKER.search(text):
        return None, False
    marked = [m.group() for m in _LEGACY_WORD.finditer(text)]
    if len(marked) < MIN_WORDS:
        return None, False
    allowed = len(marked) // MIN_RATIO  # the site around a legacy document writes Unicode
    mixed = sum(1 for _ in islice(_UNICODE_WORD.finditer(text), allowed + 1)) > allowed
    if mixed:  # many words, and many different ones ("µm" eighteen times is a unit, not a part)
        marked = [w for w in marked if _MIXED_WORD.fullmatch(w)]
        if len(marked) < MIN_MIXED_WORDS or len({w.lower() for w in marked}) < MIN_MIXED_WORDS // 2:
            return None, False
    words = marked[:: max(1, len(marked) // _SAMPLE_WORDS)]
    scores = {e: sum(1 for w in words if is_syllable(_to_unicode(w, e).lower())) for e in ("TCVN3", "VNI")}
    best = max(scores, key=lambda e: (scores[e], e == "TCVN3"))
    share = MIN_MIXED_SYLLABLES if mixed else MIN_SYLLABLES
    return (best, mixed) if scores[best] >= share * len(words) else (None, False)


_PUNCTUATION = ".,;:!?()[]\"'*-–/"
#: A marked word that counts on a mostly Unicode page: two characters or more, an ASCII letter.
_MIXED_WORD = re.compile(r"(?=.*[A-Za-z]).{2,}", re.DOTALL)


def from_legacy(text: str) -> tuple[str, str | None, int]:
    """(text with its legacy lines in Unicode, the encoding or None, how many lines changed)."""
    encoding, mixed = detect_page(text)
    if encoding is None:
        return text, None, 0
    converted = 0

    def convert(match: re.Match[str]) -> str:
        nonlocal converted
        unicode = convert_segment(match.group(), encoding, strict=mixed)
        if unicode is None:
            return match.group()
        converted += 1
        return unicode

    return _SEGMENT.sub(convert, text), encoding, converted


def convert_segment(segment: str, encoding: str, capitals: bool | None = None, strict: bool = False) -> str | None:
    """One segment of a legacy page (a line, a text node) in Unicode; None to leave it as it is
    (it already holds Unicode Vietnamese, or no character of the encoding). ``capitals``: the
    segment was typed in TCVN3's capital font (decided by the caller on its whole paragraph);
    None decides on the segment. ``strict`` (a mostly Unicode page): only a segment whose own
    marked words are mostly syllables once converted ("Thái Nguyên" has none: it stays)."""
    if _UNICODE_VIETNAMESE.search(segment) or not _TABLE_CHAR[encoding].search(segment):
        return None
    if strict:  # a marker ("Céng", "nghÜa"), and words that become syllables
        if not any(_MIXED_WORD.fullmatch(m.group()) for m in _LEGACY_WORD.finditer(segment)):
            return None
        words = [w for w in segment.split() if _TABLE_CHAR[encoding].search(w)]
        syllables = sum(1 for w in words if is_syllable(_to_unicode(w.strip(_PUNCTUATION), encoding).lower()))
        if syllables < MIN_SYLLABLES * len(words):
            return None
    letters = _to_unicode(segment, encoding)
    if capitals is None:
        capitals = encoding == "TCVN3" and capital_font(segment)
    return letters.upper() if capitals else letters


def capital_font(text: str) -> bool:
    """Typed with TCVN3's capital font: a small letter's code comes before a capital in a word
    ("CéNG", "HO¹CH", "ñY"), and no word with TCVN3 letters has a small ASCII letter. Not "Sè:
    12/KH", "Tù do" or "Së GD&§T" (a capital word may end in a marked letter in either font)."""
    words = [w for w in text.split() if _TABLE_CHAR["TCVN3"].search(w)]
    if any(c.isascii() and c.islower() for w in words for c in w):
        return False
    return any(_BEFORE_CAPITAL.search(w) for w in words)


def legacy_note(encoding: str, segments: int) -> tuple[str, str]:
    """(code, message) of the page note (a ``legacy_encoding`` finding) for a converted page."""
    fonts = {"TCVN3": "TCVN3 (.VnTime fonts)", "VNI": "VNI (VNI-Times fonts)"}[encoding]
    return (
        "legacy_encoding",
        f"the text was typed in the {fonts} encoding and shown as Windows-1252; "
        f"{segments} lines or text runs were converted to Unicode letter by letter",
    )
