"""Document metadata from the attribute block and the document's own header and signature.

The attribute block is matched by label, never by position; where it is missing, the
header ("Số: ...", "Place, ngày ... tháng ... năm ...") and the signature block stand in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extract.header import find_head, header_start
from extract.settings import (
    DOC_TYPES,
    DOCUMENT_NUMBER_LINE,
    HEADER_RULE,
    PLACE_DATE_LINE,
    PLACEHOLDER_PATTERN,
    PLACEHOLDER_VALUES,
    RECIPIENTS_LABEL,
    SIGNATURE_PREFIXES,
    SIGNATURE_TITLES,
    TITLE_NEEDS_OBJECT,
    WRAP_LAST_WORDS,
    attribute_key,
)
from normalize.dates import parse_date
from normalize.text import (
    close_number_gaps,
    collapse_spaces,
    fold,
    fold_aligned,
    mostly_upper,
    normalize_sign_number,
)
from normalize.vietnamese import DamageTolerantNames

_SECTION_START = re.compile(r"^([ivxlc]+|\d+|[a-z])[.)]\s|^(can cu|dieu \d|chuong [ivxlc\d]|phan [ivxlc\d])")
_AUTHORITY_LINE = re.compile(r"^(chu tich|bo truong|thu tuong|giam doc|uy ban nhan dan|hoi dong)")
#: Authority lines that may also go on a title ("VỀ VIỆC BỔ NHIỆM" / "CHÁNH VĂN PHÒNG SỞ ..."): one
#: ends the title only as the last line before the grounds ("Căn cứ ...").
_OTHER_AUTHORITY_LINE = re.compile(
    r"^(truong ban|tong cuc truong|cuc truong|chanh van phong|chanh thanh tra|truong phong|vien truong)\b"
)
#: A national body as a line of its own, the authority of a law, resolution or decree: it ends
#: the title unless the title's last line needs it ("QUY CHẾ LÀM VIỆC CỦA" / "CHÍNH PHỦ").
_NATIONAL_AUTHORITY_LINE = re.compile(r"^(quoc hoi|chinh phu|uy ban thuong vu quoc hoi|chu tich nuoc)$")


@dataclass
class Metadata:
    """Raw (uncleaned) metadata strings, plus the indices of the blocks they came from."""

    values: dict[str, str | None] = field(default_factory=dict)  # key -> raw value or None
    raw: dict[str, str | None] = field(default_factory=dict)  # key -> as printed
    header_number: str | None = None
    issuing_body_lines: list[str] = field(default_factory=list)  # as printed, line by line
    place: str | None = None
    header_date: date | None = None
    doc_type_heading: str | None = None
    title: str | None = None
    recipients: list[str] = field(default_factory=list)  # raw items, may hold line breaks
    signer_line: str | None = None
    signer_title: str | None = None
    signing_authority: str | None = None
    signature_end: int | None = None  # index (in the text lines) of the signer's name

    @property
    def issuing_body(self) -> str | None:
        """The issuing body on one line ("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG")."""
        return " ".join(self.issuing_body_lines) or None


def is_placeholder(value: str | None) -> bool:
    if value is None:
        return True
    if PLACEHOLDER_PATTERN.search(value):
        return True
    return fold(value).strip(" .:") in PLACEHOLDER_VALUES


def read_attributes(pairs: list[tuple[str, str]]) -> tuple[dict[str, str | None], dict[str, str]]:
    """First value of each known label: (value or None for placeholders, raw as printed)."""
    values: dict[str, str | None] = {}
    raw: dict[str, str] = {}
    for label, value in pairs:
        key = attribute_key(label)
        if key is None or key in raw:
            continue
        raw[key] = value
        values[key] = None if is_placeholder(value) else value
    return values, raw


#: Where an issuing body printed in one cell with its rule and number ends.
_BODY_END = re.compile(r"[-_=–—]{3,}|\b[Ss][ốỐ]\s*:")
#: A document number standing alone ("5680/CT-CS", "125-KH/TU").
_BARE_NUMBER = re.compile(r"^\S*\d\S*/\S+$")


def _is_number(token: str) -> bool:
    """A document number has a numeral and a slash ("434/KH-UBND"); a draft's "/QĐ-UBND",
    printed before it was numbered, is no number."""
    return "/" in token and any(ch.isdigit() for ch in token.split("/")[0])


def _clean_line(line: str) -> str:
    return collapse_spaces(line.replace("**", "").replace("__", "")).strip(" *_|")


def read_metadata(lines: list[str], pairs: list[tuple[str, str]]) -> Metadata:
    """Metadata of a document whose text lines (tables left out) are ``lines``."""
    meta = Metadata()
    meta.values, raw = read_attributes(pairs)
    meta.raw = dict(raw)
    cleaned = [_clean_line(line) for line in lines]
    folded = [fold(line) for line in cleaned]
    motto = find_head(cleaned)[0]
    if motto is not None:
        # "CHÍNH PHỦ_______ Số: 170/2025/NĐ-CP": the body ends at its rule or at the number
        head = [_BODY_END.split(line)[0].rstrip("-_ ") for line in cleaned[header_start(cleaned, motto) : motto]]
        head = [line for line in head if line and not set(line) <= set(HEADER_RULE)]
        if head:
            meta.issuing_body_lines = head
        elif "|" in lines[motto]:  # "QUỐC HỘI | CỘNG HÒA ..." on one line (Markdown dumps)
            body = _BODY_END.split(_clean_line(lines[motto].split("|")[0]))[0].rstrip("-_ ")
            meta.issuing_body_lines = [body] if body else []

    number_label = False  # the previous part was a bare "Số:" (the number is in the next cell)
    # a blank date ("ngày ... tháng ... năm ...") is the header's only above the document's type;
    # a form in the body prints one too
    heading = next((i for i, text in enumerate(folded[:40]) if text in DOC_TYPES), None)
    if heading is None:  # a Công văn: its header ends at "Kính gửi" or its first sentence
        heading = _letter_body_start(folded, motto or 0)
    for at, clean in enumerate(cleaned[:40]):
        # cells, and pieces a rule parts ("... Hạnh phúc_______ Hà Nội, ngày 30 tháng 6 năm 2025")
        pieces = [piece for cell in clean.split("|") for piece in _RULE_RUN.split(cell)]
        for n, part in enumerate(pieces):
            ends_line = n == len(pieces) - 1 and "|" not in clean  # a date may wrap onto the next line
            part = close_number_gaps(part.strip())  # "Số: 18 /KH-UBND" read as "18/KH-UBND"
            if not part:
                continue
            fpart = fold_aligned(part)
            if number_label and meta.header_number is None and _BARE_NUMBER.match(part) and _is_number(part):
                meta.header_number = normalize_sign_number(_whole_number(part.strip(" .;"), lines, at))
            number_label = fpart.rstrip(" :") == "so" and fpart.endswith(":")
            match = DOCUMENT_NUMBER_LINE.match(fpart) or re.search(r"\bso\s*:\s*(?P<number>\S+)", fpart)
            if meta.header_number is None and match and _is_number(match.group("number")):
                number = _NUMBER_WORDS.match(part[match.start("number") : match.end("number")].strip(" .;|")).group()  # type: ignore[union-attr]
                meta.header_number = normalize_sign_number(_whole_number(number.strip(" .;|"), lines, at))
            place = PLACE_DATE_LINE.match(fpart)
            if meta.place is None and place:
                # a date line wrapped by the page's converter ("Hà Nội, ngày 01" / "tháng 12 năm 2025")
                dated = parse_date(part) or (_wrapped_date(part, _next_text(lines, at)) if ends_line else None)
                if dated or (at < heading and _BLANK_DATE.search(fpart)):  # "Hải Phòng, ngày    tháng 5 năm 2020"
                    printed = part[: place.end("place" if place.group("place") else "named")].strip()
                    # "Số: 123/KH-UBND    Gia Lai, ngày ...": the number and the date line on one line
                    lead = _NUMBER_BEFORE_PLACE.match(fold_aligned(printed))
                    printed = printed[lead.end() :] if lead else printed
                    meta.place = (_wrapped_place(lines, at, printed) if ends_line else None) or printed
                    meta.header_date = dated
        if meta.header_number and meta.place:
            break

    _read_heading(meta, lines, folded, start=(motto or 0))
    subject = _letter_subject(folded, motto or 0) if meta.doc_type_heading is None else None
    if subject is not None:
        meta.doc_type_heading = "Công văn"
        if meta.title is None:  # its subject is its title ("V/v đề xuất giải pháp ...")
            at, offset = subject
            meta.title = _subject(lines, at, _clean_line(lines[at])[offset:].strip())
    _read_signature(meta, lines, folded)
    return meta


def _letter_subject(folded: list[str], start: int) -> tuple[int, int] | None:
    """Where an official letter's subject starts (line, offset in its folded text), or None: a
    Công văn prints no type heading, its subject "V/v ..." stands under the number, and "Kính
    gửi:" follows it (a "V/v" the body cites from another letter comes after that)."""
    salutation = next((i for i in range(start, min(len(folded), start + 40)) if folded[i].startswith("kinh gui")), None)
    if salutation is None:
        return None
    for i in range(start, salutation):
        if found := _SUBJECT.search(folded[i]):
            return i, found.start()
    return None


def _subject(lines: list[str], at: int, first: str) -> str | None:
    """A letter's subject from its first line on, with the lines it wraps onto ("V/v" /
    "tuyên truyền ...", "... chính sách của" / "Đảng"): they go on in lower case, or after a
    line that cannot end it."""
    parts = [first]
    for line in lines[at + 1 : at + 4]:
        text = _clean_line(line)
        if not text or "|" in text or PLACE_DATE_LINE.match(fold(text)) or fold(text).startswith("kinh gui"):
            break
        ends_open = fold(parts[-1]).rstrip(" :") in ("v/v", "ve viec") or _ends_on_preposition(parts[-1])
        if not (text[:1].islower() or ends_open):
            break
        parts.append(text)
    return " ".join(parts).strip() or None


#: A letter's subject line, at the start of a line or after its number ("Số: 12/UBND V/v ...").
_SUBJECT = re.compile(r"(?:^|\s)v/v\b")


def _wrapped_place(lines: list[str], at: int, place: str) -> str | None:
    """The place of a date line whose first words a converter wrapped onto the line above
    ("Hà" / "Nội, ngày 17 tháng 11 năm 2025", "Thành phố Hồ Chí" / "Minh, ngày ..."). Only a
    place of one word, or one that opens in lowercase ("phố Hồ Chí Minh"), is a wrap's tail, and
    the line above must read as a place's first words: at most four, each capitalized but a
    locality's own ("phố", "xã"), and no marking ("Khẩn")."""
    if len(place.split()) != 1 and not place[:1].islower():
        return None
    above = next((clean for line in reversed(lines[:at]) if (clean := _clean_line(line))), "")
    words = above.split()
    if (
        1 <= len(words) <= _WRAPPED_PLACE_WORDS
        and all(w.isalpha() and (w in _PLACE_INNER_WORDS or (w[0].isupper() and w[1:].islower())) for w in words)
        and words[0][0].isupper()
        and fold(above) not in _MARKINGS
    ):
        return f"{above} {place}"
    return None


#: Words of a place wrapped onto the line above its date line, at most ("Thành phố Hồ Chí").
_WRAPPED_PLACE_WORDS = 4
#: Small words inside a place's name ("Thành phố", "Thị xã").
_PLACE_INNER_WORDS = frozenset({"phố", "xã", "trấn"})
#: Markings printed above the date line, folded ("Khẩn", "Mật", "Hỏa tốc").
_MARKINGS = frozenset({"khan", "thuong khan", "hoa toc", "hoa toc hen gio", "mat", "toi mat", "tuyet mat"})
#: A date line cut inside its date ("Hà Nội, ngày 01" / "tháng 12 năm 2025"), folded, and how the
#: rest of the date opens on the next line.
_DATE_CUT = re.compile(r",\s*ngay(\s+\d{1,2})?(\s+thang(\s+\d{1,2})?)?(\s+nam)?\s*$")
_DATE_REST = re.compile(r"^(\d|thang\b|nam\b)")


def _wrapped_date(part: str, following: str) -> date | None:
    """The date of a date line a converter cut inside its date, read with the next line."""
    if _DATE_CUT.search(fold(part)) and _DATE_REST.match(fold(following)):
        return parse_date(f"{part} {following}")
    return None


#: A sign number as printed after "Số:": its first word, and an issuer's code after a spaced dash
#: ("123/QĐ - UBND", "45 - KH/TU"); what follows on the line is no part of it (a subject line "v/v
#: trả lời ...", a place and date, "(Dự thảo)").
_NUMBER_WORDS = re.compile(r"\S+(?:\s+[-–]\s*[A-ZĐ][\w/.-]*|\s*[-–]\s+[A-ZĐ][\w/.-]*)?")

#: Words of a line that is a sentence of the body, not a line of the header.
_SENTENCE_WORDS = 10


def _letter_body_start(folded: list[str], motto: int) -> int:
    """Where a letter's body starts (folded lines): its "Kính gửi" line, else its first sentence
    after the motto that is no date line and no line of its subject ("V/v ..." and the lines it
    wraps onto), else line 40."""
    subject = 0  # lines of the subject still possible
    for i in range(motto + 1, min(40, len(folded))):
        text = folded[i]
        if text.startswith("kinh gui"):
            return i
        if text.startswith("v/v"):
            subject = 3
        elif subject:
            subject -= 1
        elif len(text.split()) >= _SENTENCE_WORDS and ", ngay" not in text:
            return i
    return 40


#: A date line whose day (and maybe month) is left blank: a draft, or a copy of one (folded).
_BLANK_DATE = re.compile(r",\s*ngay[\s._…]*thang[\s._…]*(?:\d{1,2}[\s._…]*)?nam[\s._…]*(?:(?:19|20)[\d._…]*)?\s*$")
#: The document's number before its place and date on one line (folded): "so: 123/kh-ubnd   ",
#: "so 12 /kh - ubnd   ".
_NUMBER_BEFORE_PLACE = re.compile(r"^so\s*(?::\s*[^\s,]+|\s+\d[^\s,]*)(?:\s*[-/–]\s*[^\s,]+)*\s+")
#: A rule under the issuing body or the motto, printed on the same line as what follows it (a
#: converter may leave one "_" of it: "Hạnh phúc_ Hà Nội, ngày ...").
_RULE_RUN = re.compile(r"[_=]{3,}|[-–—]{4,}|(?<=\w)_(?=\s)")


def _whole_number(number: str, lines: list[str], at: int) -> str:
    """The sign number with its issuer's code when a converter wrapped the line after its dash
    ("Số: 3783/QĐ-" / "UBND"); the words after the number ("5387/CT-CS v/v trả lời ...", the
    subject line joined to it) were cut off before."""
    if not number.endswith(("-", "/")):
        return number
    following = _next_text(lines, at).split("|")[0].strip()
    return number + following if _ISSUER_CODE.match(following) else number


#: The issuer's part of a sign number on a line of its own: "UBND", "BTC-CTK", "HĐND".
_ISSUER_CODE = re.compile(r"^[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*$")


def _next_text(lines: list[str], at: int) -> str:
    """The first non-blank line after ``lines[at]``, cleaned ("" when none)."""
    return next((clean for line in lines[at + 1 :] if (clean := _clean_line(line))), "")


def _grounds_next(folded: list[str], start: int) -> bool:
    """Is one of the next two non-empty lines the grounds of the decision ("Căn cứ ...", "Theo
    đề nghị ...")? An authority's name may wrap once ("CỤC TRƯỞNG CỤC" / "HẢI QUAN")."""
    following = [line for line in folded[start : start + 6] if line.strip()][:2]
    grounds = [line.startswith(("can cu", "xet de nghi", "theo de nghi")) for line in following]
    if not following or grounds[0]:
        return bool(grounds)
    if _AUTHORITY_LINE.match(following[0]) or _OTHER_AUTHORITY_LINE.match(following[0]):
        return False  # the authority comes next: this line is the title's
    return len(grounds) > 1 and grounds[1]


def _needs_object(title_line: str) -> bool:
    """Does a title line stop on a word the next line completes ("VỀ VIỆC BỔ NHIỆM" / "TRƯỞNG
    PHÒNG NỘI VỤ": the appointee)? Not "TỔ CHỨC", an organisation."""
    words = title_line.lower().split()
    return bool(words) and words[-1] in TITLE_NEEDS_OBJECT and words[-2:] != ["tổ", "chức"]


#: Words a title line cannot end on, so the next line goes on with it even when it opens like an
#: authority's ("... NĂM 2025 CỦA" / "CHỦ TỊCH UBND THÀNH PHỐ ..."); "CÔNG CHỨC", "GIAO" can end one.
_PREPOSITIONS = frozenset({"của", "về", "cho", "với", "và", "giữa", "tại"})


def _ends_on_preposition(title_line: str) -> bool:
    words = title_line.lower().split()
    return bool(words) and words[-1] in _PREPOSITIONS


def _read_heading(meta: Metadata, lines: list[str], folded: list[str], start: int) -> None:
    """Document type heading ("KẾ HOẠCH") and the title lines under it; a heading printed on
    one line with its title ("KẾ HOẠCH Triển khai ...", "KẾ HOẠCHTRIỂN KHAI ...") when the
    page has no heading line of its own."""
    window = range(start, min(len(lines), start + 60))
    at = next((i for i in window if folded[i] in DOC_TYPES), None)
    title: list[str] = []
    if at is not None:
        meta.doc_type_heading = DOC_TYPES[folded[at]]
    else:
        at, glued = next(((i, g) for i in window if (g := _glued_heading(lines[i])) is not None), (None, None))
        if at is None or glued is None:
            return
        meta.doc_type_heading, first_line = glued
        title.append(first_line)
    in_sentence = bool(title) and not mostly_upper(title[0])  # a sentence-case title: only its wrap goes on
    for j in range(at + 1, min(len(lines), at + 8)):
        clean = _clean_line(lines[j])
        if not clean:
            continue
        upper = mostly_upper(clean)
        if in_sentence:
            if upper or _SECTION_START.match(folded[j]) or not _wraps_on(title[-1], clean):
                break
            title.append(clean)
            continue
        if _SECTION_START.match(folded[j]) or _enactment(lines, folded, j):
            break
        if title and meta.doc_type_heading == "Công điện" and folded[j].rstrip(" *").endswith(" dien:"):
            break  # a Công điện's sender: "BAN CHỈ ĐẠO QUỐC GIA VỀ PHÒNG, CHỐNG THIÊN TAI điện:"
        # an authority's line ends the title, unless the title stops on a word it completes
        # ("... NĂM 2025 CỦA" / "CHỦ TỊCH UBND THÀNH PHỐ VỀ VIỆC ...") and the grounds do not follow
        if (
            title
            and _AUTHORITY_LINE.match(folded[j])
            and not (_ends_on_preposition(title[-1]) and not _grounds_next(folded, j + 1))
        ):
            break
        if title and _NATIONAL_AUTHORITY_LINE.match(folded[j]) and not _needs_object(title[-1]):
            break
        if (
            title
            and _OTHER_AUTHORITY_LINE.match(folded[j])
            and _grounds_next(folded, j + 1)
            and not _needs_object(title[-1])
        ):
            break
        if not upper and title:
            break
        title.append(clean)
        in_sentence = not upper
    meta.title = " ".join(title) or None


#: The line that enacts a decision or resolution ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"), folded.
_ENACTMENT = re.compile(r"^(quyet dinh|quyet nghi)\s*(:?)$")


def _enactment(lines: list[str], folded: list[str], at: int) -> bool:
    """Is line ``at`` the enactment line that opens the articles, not a title line? With its
    colon always; without it when the first article comes next (a title may wrap on "QUYẾT
    ĐỊNH"): "Điều 1." or "Điều 1:", or "Điều 1" in sentence case ("Điều 1 - Ban hành"); not a
    title line in capitals ("ĐIỀU 1 CỦA QUYẾT ĐỊNH SỐ ...")."""
    match = _ENACTMENT.match(folded[at].strip())
    if match is None:
        return False
    if match.group(2):
        return True
    after = next((i for i in range(at + 1, len(folded)) if folded[i].strip()), None)
    if after is None or not _FIRST_ARTICLE.match(folded[after]):
        return False
    return bool(_FIRST_ARTICLE_MARK.match(folded[after])) or not mostly_upper(lines[after])


#: The first article's opening, folded ("Điều 1", not "Điều 10"), and with its mark ("Điều 1.").
_FIRST_ARTICLE = re.compile(r"^dieu 1(?!\d)")
_FIRST_ARTICLE_MARK = re.compile(r"^dieu 1\s*[.:]")


def _glued_heading(line: str) -> tuple[str, str] | None:
    """(type, first title line) of a type heading in capitals printed on one line with its
    title: "KẾ HOẠCH Triển khai ...", "QUYẾT ĐỊNHVỀ VIỆC ..." (two words of title at least)."""
    clean = _clean_line(line)
    folded = fold_aligned(clean).lower()
    for key, name in _TYPES_LONGEST_FIRST:
        rest = clean[len(key) :].strip()
        words = len(rest.split())
        # a paragraph that runs on into the grounds ("... Căn cứ Luật ...") is no heading line
        if (
            folded.startswith(key)
            and clean[: len(key)].isupper()
            and 2 <= words <= _MAX_GLUED_TITLE_WORDS
            and rest[:1].isupper()
            and "căn cứ" not in rest.lower()
        ):
            return name, rest
    return None


#: The type headings, longest first ("thông tư liên tịch" before "thông tư").
_TYPES_LONGEST_FIRST = tuple(sorted(DOC_TYPES.items(), key=lambda item: -len(item[0])))
#: Words of a title printed on one line with its type heading, at most.
_MAX_GLUED_TITLE_WORDS = 60


def _wraps_on(line: str, following: str) -> bool:
    """Does ``following`` go on with the sentence-case title ``line`` (its wrap): it opens in
    lowercase, or the line stops on a word that needs one after it ("của", "và")?"""
    if line.rstrip().endswith((".", ";", ":")) or following.rstrip().endswith((".", ";", ":")):
        return False  # a sentence of the body ("thực hiện Quyết định số 12/QĐ-UBND, ...;")
    last = line.split()[-1].lower() if line.split() else ""
    return following[:1].islower() or last in WRAP_LAST_WORDS


def is_signature_title(folded_line: str) -> bool:
    """A signing authority's line (folded): "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC"."""
    text = folded_line.strip(" .*")
    deputy = text.startswith("pho ") and text[4:] in SIGNATURE_TITLES  # "PHÓ CHỦ NHIỆM", "PHÓ CHÁNH VĂN PHÒNG"
    return text.startswith(SIGNATURE_PREFIXES) or text in SIGNATURE_TITLES or deputy


def _looks_like_name(line: str) -> bool:
    clean = _clean_line(line)
    words = clean.split()
    # names are printed in title case: "NHÂN DÂN" is a wrapped title line, not a signer
    return (
        2 <= len(words) <= 6
        and all(w[:1].isupper() for w in words)
        and not clean.isupper()
        and not any(ch.isdigit() for ch in line)
    )


def _read_signature(meta: Metadata, lines: list[str], folded: list[str]) -> None:
    """Recipients ("Nơi nhận:") and the signature block (authority, title, name)."""
    signer = meta.values.get("signer")
    name_index: int | None = None
    if signer:
        target = fold(signer)
        name_index = next((i for i in range(len(lines)) if folded[i] == target), None)
    titles_at: int | None = None
    if name_index is None:
        for i, f in enumerate(folded):
            if is_signature_title(f):
                for j in range(i + 1, min(len(lines), i + 6)):
                    if _looks_like_name(lines[j]) and not is_signature_title(folded[j]):
                        name_index = j
                        break
                if name_index is not None:
                    break
    if name_index is not None:
        meta.signer_line = _clean_line(lines[name_index])
        meta.signature_end = name_index
        block: list[str] = []
        j = name_index - 1
        while j >= 0 and name_index - j <= 6:
            if is_signature_title(folded[j]) or _named_title(lines[j], folded[j]) or _deputy_under(folded, j):
                block.insert(0, _clean_line(lines[j]))
                titles_at = j
            elif _wrapped_authority(lines, folded, j, title_below=bool(block)):
                # "TM. ỦY BAN" / "NHÂN DÂN", "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ": a
                # signing line wrapped in two; the lines above it may sign too ("TL. CỤC TRƯỞNG")
                block.insert(0, f"{_clean_line(lines[j - 1])} {_clean_line(lines[j])}")
                titles_at = j - 1
                j -= 1
            elif folded[j] and block:
                break
            j -= 1
        authority = [b for b in block if fold(b).startswith(SIGNATURE_PREFIXES)]
        plain = [b for b in block if b not in authority]
        meta.signing_authority = " / ".join(authority) or None
        # with no title line of its own, the signer holds the authority's title, unless one signs
        # for (KT.), by order of (TL., TUQ.) or on behalf of a body (TM.)
        acting = authority and not fold(authority[-1]).startswith(_SIGNS_FOR)
        meta.signer_title = plain[-1] if plain else (authority[-1].split(".", 1)[-1].strip() if acting else None)
    _read_recipients(meta, lines, folded, stop=titles_at if titles_at is not None else meta.signature_end)


def _deputy_under(folded: list[str], j: int) -> bool:
    """A deputy's title under the authority it signs for: "KT. THỐNG ĐỐC" / "PHÓ THỐNG ĐỐC",
    "K/T CHÁNH VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC"."""
    text = folded[j].strip(" .*")
    above = folded[j - 1].strip(" .*") if j > 0 else ""
    prefix = next((p for p in SIGNATURE_PREFIXES if above.startswith(p)), None)
    office = above[len(prefix) :].strip() if prefix else ""
    return bool(office) and text.startswith("pho ") and text[4:].startswith(office)


#: A deputy's title inside a line ("VỀ HQ PHÓ TRƯỞNG BAN"): no wrap of the line above.
_DEPUTY_WORD = re.compile(r"(^|\s)pho\s")


def _wrapped_authority(lines: list[str], folded: list[str], j: int, *, title_below: bool) -> bool:
    """Is ``lines[j]`` the rest of the signing line above it, wrapped in two ("TM. ỦY BAN" /
    "NHÂN DÂN" over a title, "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ")? Right above the
    name (``title_below`` false) the line is mostly the signer's own title ("VỤ TRƯỞNG VỤ PHÁP
    CHẾ", "CHỦ TỌA", "THẨM PHÁN") or a note ("ĐÃ KÝ"): there it goes on only from a signing line
    that stops on a comma or a linking word, or when it opens as the rest of a body's name does
    ("NHÂN DÂN", "TỈNH HÒA BÌNH", "VÀ PHÁT TRIỂN NÔNG THÔN")."""
    if not folded[j] or j == 0 or not folded[j - 1].startswith(SIGNATURE_PREFIXES):
        return False
    if not mostly_upper(lines[j]) or _DEPUTY_WORD.search(folded[j]):
        return False
    above = _clean_line(lines[j - 1]).rstrip()
    if title_below or above.endswith(",") or above.split()[-1].lower() in WRAP_LAST_WORDS:
        return True
    return bool(_BODY_NAME_GOES_ON.match(folded[j].strip(" *")))


#: How the second line of a body's name wrapped in a signing line opens (folded).
_BODY_NAME_GOES_ON = re.compile(r"(nhan dan|tinh|thanh pho|huyen|quan|thi xa|xa|phuong|va|cua)\b")


def _named_title(line: str, folded_line: str) -> bool:
    """A title in capitals that names its office, above the signer's name: "TRƯỞNG BAN GIÁM SÁT
    QUẢN LÝ VỀ HQ", "PHÓ GIÁM ĐỐC SỞ TÀI CHÍNH"."""
    text = folded_line.strip(" .*")
    starts = any(text.startswith(title + " ") for title in SIGNATURE_TITLES)
    return starts and mostly_upper(_clean_line(line), share=0.9) and len(text.split()) <= 12


#: Signing prefixes under which the signer does not hold the title that follows.
_SIGNS_FOR = ("kt", "k/t", "tl", "t/l", "tuq", "tm", "t/m")


def _read_recipients(meta: Metadata, lines: list[str], folded: list[str], stop: int | None) -> None:
    start = next((i for i, f in enumerate(folded) if RECIPIENTS_LABEL.match(f)), None)
    if start is None:
        return
    end = stop if stop is not None and stop > start else min(len(lines), start + 40)
    items: list[str] = []
    first_rest = RECIPIENTS_LABEL.match(folded[start])
    if first_rest and first_rest.group("rest").strip(" -"):
        items.append(lines[start].split(":", 1)[-1].strip().lstrip("-+• ").strip())
    for i in range(start + 1, end):
        text = lines[i].replace("**", "").strip()
        if not text or is_signature_title(folded[i]):
            if is_signature_title(folded[i]):
                break
            continue
        if text.startswith(("-", "+", "•")):
            items.append(text.lstrip("-+• ").strip())
        elif items:
            items[-1] = items[-1] + "\n" + text  # a wrapped item; the cleaner joins it
        else:
            items.append(text)
    meta.recipients = [item.rstrip(" ;,.") for item in items if item.strip(" ;,.")]


def doc_type_of(meta: Metadata) -> str | None:
    """The attribute block's type, else the heading's. A value that is a known type with a lost
    letter ("Quyết đnh") is that type, the heading's when it is the same one."""
    value = meta.values.get("doc_type")
    if value and fold(value) not in DOC_TYPES:
        value = _TYPE_NAMES.get(fold(value)) or value
    return value or meta.doc_type_heading


#: The types by name, found with a lost letter too ("quyet dnh").
_TYPE_NAMES = DamageTolerantNames({name: name for name in DOC_TYPES.values()})
