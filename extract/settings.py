"""Every word list and pattern the extraction relies on, in one place (all accent-folded).

The rules are for the genre (Vietnamese administrative documents on LawNet-style portals),
never for one page: labels, clutter phrases and column words below are matched on the
accent-free lower-case form produced by ``normalize.text.fold``.
"""

from __future__ import annotations

import re
import unicodedata

from normalize.text import drop_invisible, fold, fold_aligned, mostly_upper
from normalize.vietnamese import DamageTolerantNames, damage_tolerant

#: Attribute block labels as printed -> metadata key.
ATTRIBUTE_LABELS_AS_WRITTEN: dict[str, str] = {
    "Số hiệu": "number",
    "Loại văn bản": "doc_type",
    "Nơi ban hành": "issuer",
    "Cơ quan ban hành": "issuer",
    "Người ký": "signer",
    "Ngày ban hành": "issued_date",
    "Ngày hiệu lực": "effective_date",
    "Ngày có hiệu lực": "effective_date",
    "Ngày công báo": "gazette_date",
    "Số công báo": "gazette_number",
    "Tình trạng": "status",
    "Tình trạng hiệu lực": "status",
    "Ngày hết hiệu lực": "expiry_date",
    "Lĩnh vực": "field",
    "Lĩnh vực, ngành": "field",
    "Ngày hợp nhất": "consolidated_date",
}
#: The same labels folded ("so hieu"), as the readers match them.
ATTRIBUTE_LABELS: dict[str, str] = {fold(label): key for label, key in ATTRIBUTE_LABELS_AS_WRITTEN.items()}
#: Each label as a pattern over folded text that also matches it with a lost letter of
#: U+1EA0..U+1EF9 ("Ngưi ký:" in a damaged dump), longest first so "ngày có hiệu lực" wins.
ATTRIBUTE_LABEL_PATTERNS: tuple[tuple[str, str], ...] = tuple(
    (damage_tolerant(label), key)
    for label, key in sorted(ATTRIBUTE_LABELS_AS_WRITTEN.items(), key=lambda item: len(item[0]), reverse=True)
)
_LABEL_NAMES = DamageTolerantNames(ATTRIBUTE_LABELS_AS_WRITTEN)


def attribute_key(label: str) -> str | None:
    """The metadata key of an attribute label as printed ("Người ký", "Ngưi ký:"), or None."""
    return _LABEL_NAMES.get(fold(label).strip(" :"))


#: Values that mean "unknown" on these portals; they become null, the raw text is kept.
PLACEHOLDER_VALUES: frozenset[str] = frozenset(
    {"dang cap nhat", "chua xac dinh", "da biet", "lien he", "-", "--", "khong xac dinh", ""}
)
PLACEHOLDER_PATTERN = re.compile(r"\{\{.*?\}\}")

# Site clutter, for both readers (folded forms). A text dump is judged line by line, an HTML
# page element by element (an element that holds the document is never clutter).
#: Notices of the site that no legal text contains: a line that starts with one, or an element
#: that contains one, is clutter. Generic words ("chia sẻ", "văn bản gốc" inside a sentence)
#: must not be here: they would cut a document short.
SITE_NOTICES_AS_WRITTEN: tuple[str, ...] = (
    "Bạn chưa đăng nhập",
    "Vì chưa đăng nhập",
    "Bạn phải đăng nhập",
    "Vui lòng đăng nhập để xem",
    "Vui lòng đăng nhập tài khoản để sử dụng",
    "Mời bạn đăng ký tài khoản",
    "Nếu chưa có tài khoản",
    "Bản dịch này thuộc quyền sở hữu",
    "Mọi hành vi sao chép",
)
SITE_NOTICES: tuple[str, ...] = tuple(fold(notice) for notice in SITE_NOTICES_AS_WRITTEN)
#: Notices that the site hides the rest of the document behind a login ("Bạn phải đăng nhập để
#: xem toàn văn"): the page is read, with a ``login_wall`` finding that its text may be cut short.
LOGIN_WALL_NOTICES: tuple[str, ...] = (
    "đăng nhập để xem toàn văn",
    "đăng nhập để xem đầy đủ văn bản",
    "đăng nhập để xem đầy đủ nội dung",
    "đăng nhập để xem toàn bộ văn bản",
    "đăng nhập để tải văn bản",
    "đăng nhập hoặc đăng ký để xem toàn văn",
)
#: The ``login_wall`` finding's message.
LOGIN_WALL_MESSAGE = (
    "the page asks to log in to see the whole document ('... đăng nhập để xem toàn văn'): its text, "
    "appendix rows and signature after that point may be missing"
)
#: The site's own names: clutter at the start of a line or of a short element ("LawNet - ..."),
#: not inside a paragraph that cites the site ("đăng tại thuvienphapluat.vn").
SITE_NAMES: tuple[str, ...] = ("lawnet", "thuvienphapluat")
#: Titles of the site's tabs and boxes that a document may also write inside a sentence ("đối
#: chiếu với văn bản gốc"): clutter only as a whole line, or as the whole text of an element
#: or of a short part of one ("<li>Văn bản gốc</li>" in a tab bar).
TAB_TITLES_AS_WRITTEN: tuple[str, ...] = (
    "Văn bản gốc",
    "Văn bản tiếng Anh",
    "Tư vấn liên quan",
    "Tra cứu nhanh",
    "Bài viết liên quan",
)
#: Navigation words too common to look for inside text ("chia sẻ dữ liệu"): clutter in the
#: same places as the tab titles.
NAV_WORDS_AS_WRITTEN: tuple[str, ...] = (
    "Đăng nhập",
    "Đăng ký tài khoản",
    "Từ khóa",
    "Tải về",
    "Chia sẻ",
    "Không có nội dung",
    "Thư viện pháp luật",
)
#: The notices, and the tab titles and navigation words as whole lines, found as printed or with a
#: lost letter ("Văn bn gốc" after the document).
_DAMAGED_NOTICE = re.compile("|".join(damage_tolerant(notice) for notice in SITE_NOTICES_AS_WRITTEN))
_WHOLE_CLUTTER = DamageTolerantNames(dict.fromkeys((*TAB_TITLES_AS_WRITTEN, *NAV_WORDS_AS_WRITTEN), True))
#: A template placeholder left in the page ("{{ doc.title }}"): clutter wherever it stands.
PLACEHOLDER_MARK = "{{"
#: Characters stripped from a line or an element's text before it is compared with the tab
#: titles and navigation words as a whole.
CLUTTER_STRIP = " ().:!,-|"


def _site_mark(folded: str) -> bool:
    return PLACEHOLDER_MARK in folded or folded.startswith(SITE_NOTICES + SITE_NAMES)


def is_clutter_line(folded: str) -> bool:
    """Is this folded line (or an element's whole text) the site's, not the document's?"""
    if _site_mark(folded):
        return True
    return bool(_WHOLE_CLUTTER.get(folded.strip(CLUTTER_STRIP)) or _DAMAGED_NOTICE.match(folded))


_CLUTTER_AS_PRINTED = frozenset(fold(name) for name in (*TAB_TITLES_AS_WRITTEN, *NAV_WORDS_AS_WRITTEN))


def is_printed_clutter_line(folded: str) -> bool:
    """Is this folded line the site's as printed, without reading a lost letter into it ("tai ve",
    not "tai v")?"""
    return _site_mark(folded) or folded.strip(CLUTTER_STRIP) in _CLUTTER_AS_PRINTED


#: Lines that open the document proper.
NATIONAL_MOTTO_AS_WRITTEN = "Cộng hòa xã hội chủ nghĩa Việt Nam"
#: Characters of the rule line under the issuing body ("-------", a Party document's "*").
HEADER_RULE = "-_–—=. *"
#: The Party's documents (a Tỉnh ủy's plans) put this where the State's put the national motto.
PARTY_MOTTO = "dang cong san viet nam"


#: "Độc lập - Tự do - Hạnh phúc" (folded), with any dash; like the motto, found when it lost
#: letters ("Đc lp - T do - Hnh phúc").
_SUBTITLE = re.compile(r"\s*[-–—]\s*".join(damage_tolerant(part) for part in ("Độc lập", "Tự do", "Hạnh phúc")))
_ANY_SPACE = re.compile(r"\s")
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
#: The national motto (folded), found too when it lost letters ("CNG HÒA XÃ HI ..."): the
#: document's start and its issuing body hang on it.
_MOTTO_WORDS = re.compile(damage_tolerant(NATIONAL_MOTTO_AS_WRITTEN))
#: Markup around a line or cell that says nothing about it ("**", "|", "#").
_LINE_MARKUP = " *_|#>\t"


def is_motto(line: str) -> bool:
    """Is this line (as written) the motto that opens a document?

    The national motto in capitals in a cell of its own, maybe with the issuing body in
    capitals before it and "Độc lập - Tự do - Hạnh phúc" after it ("ỦY BAN NHÂN DÂN | CỘNG HÒA
    XÃ HỘI CHỦ NGHĨA VIỆT NAM"), or alone on its line in any case. Never inside a sentence, a
    quotation or a list item that names the Republic ("Quốc huy nước Cộng hòa xã hội chủ nghĩa
    Việt Nam", 'dòng chữ "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"', "+ CỘNG HÒA ..., Độc lập ...;").
    The Party's motto only as a line or a table cell of its own, since texts cite the Party.
    """
    nfc = drop_invisible(unicodedata.normalize("NFC", line))  # "VI\u00adỆT NAM" prints "VIỆT NAM"
    # "<br>", NBSP, tabs, line breaks: spaces (the motto's subtitle after a "<br>" stays in its cell)
    text = _ANY_SPACE.sub(" ", _LINE_BREAK_TAG.sub(" ", nfc))
    folded = fold_aligned(text)
    cells = text.split("|")
    alone = sum(1 for cell in cells if cell.strip(_LINE_MARKUP)) == 1  # the line holds nothing else
    start = 0
    for cell in cells:
        end = start + len(cell)
        for m in _MOTTO_WORDS.finditer(folded, start, end):
            if _motto_cell(text, folded, start, m.start(), m.end(), end, alone):
                return True
        start = end + 1
    # the Party's: in capitals, as a line or a cell of its own ("| Đảng chính trị | Đảng Cộng sản
    # Việt Nam |" in an infobox names the Party)
    pieces = _LINE_BREAK_TAG.sub("|", nfc).split("|")  # "ĐẢNG CỘNG SẢN VIỆT NAM<br>Đắk Lắk, ngày ..."
    return any(
        fold(piece).strip(_LINE_MARKUP + "-") == PARTY_MOTTO and mostly_upper(piece, share=0.8) for piece in pieces
    )


def _motto_cell(text: str, folded: str, cell_start: int, start: int, end: int, cell_end: int, alone: bool) -> bool:
    """The motto at text[start:end] stands as a header in the cell text[cell_start:cell_end];
    ``alone``: the line holds nothing but this cell (an infobox row holds a label cell too, and
    never the subtitle)."""
    before = text[cell_start:start].strip(_LINE_MARKUP)
    rest = folded[end:cell_end].lstrip(" ,.:*_")
    subtitle = _SUBTITLE.match(rest)
    if subtitle:
        rest = rest[subtitle.end() :]
    rest = rest.lstrip(_LINE_MARKUP + HEADER_RULE)
    if PLACE_DATE_LINE.match(rest):
        rest = ""  # "Hà Nội, ngày 30 tháng 6 năm 2025" after the motto in the same cell
    after = text[cell_end - len(rest) : cell_end].strip(_LINE_MARKUP + HEADER_RULE)
    if not before and not after and (alone or subtitle):
        return True  # alone on its line or over its subtitle, whatever the case (else in capitals)
    return _header_words(before) and _header_words(after) and mostly_upper(text[start:end], share=0.8)


def _header_words(piece: str) -> bool:
    """Nothing, or words in capitals (the issuing body), not a sentence, quote or list item
    (a title in capitals that names the Republic has commas: "..., NGUYÊN CHỦ TỊCH NƯỚC ...")."""
    if not piece:
        return True
    return piece[0].isalpha() and mostly_upper(piece, share=0.8) and not any(c in piece for c in _SENTENCE_MARKS)


_SENTENCE_MARKS = ',;“”"«»'


#: Document types, folded heading -> canonical name.
DOC_TYPES: dict[str, str] = {
    "ke hoach": "Kế hoạch",
    "quyet dinh": "Quyết định",
    "nghi dinh": "Nghị định",
    "nghi quyet": "Nghị quyết",
    "thong tu": "Thông tư",
    "thong tu lien tich": "Thông tư liên tịch",
    "chi thi": "Chỉ thị",
    "cong van": "Công văn",
    "thong bao": "Thông báo",
    "luat": "Luật",
    "phap lenh": "Pháp lệnh",
    "bao cao": "Báo cáo",
    "chuong trinh": "Chương trình",
    "de an": "Đề án",
    "huong dan": "Hướng dẫn",
    "to trinh": "Tờ trình",
    "van ban hop nhat": "Văn bản hợp nhất",
    "cong dien": "Công điện",
    "cong dien khan": "Công điện",
    "cong dien hoa toc": "Công điện",
    "giay moi": "Giấy mời",
}

#: The site's footer after the document: its title line ("Quyết định 1383/QĐ-BNV năm 2025 về
#: ...", a type and the sign number, no "số"), this notice, and the title again with its date
#: ("Quyết định 1383/QĐ-BNV ngày 25/11/2025 ..."), then links to related documents.
SITE_FOOTER_NOTICE = re.compile(damage_tolerant("Văn bản này chưa cập nhật nội dung Tiếng Anh"))
SITE_TITLE_LINE = re.compile(
    r"^(?:"
    + "|".join(sorted([*DOC_TYPES, "ket luan", "thong bao ket luan"], key=len, reverse=True))
    + r")\s+(?P<number>\d[\w.-]*/\S+)(?:\s|$)"  # "45-KH/TU": a Party document's number
)

#: National issuing bodies as the portals name them (folded header text -> name).
ISSUER_NAMES: dict[str, str] = {
    "thu tuong chinh phu": "Thủ tướng Chính phủ",
    "chinh phu": "Chính phủ",
    "quoc hoi": "Quốc hội",
    "uy ban thuong vu quoc hoi": "Ủy ban Thường vụ Quốc hội",
    "chu tich nuoc": "Chủ tịch nước",
    "van phong chinh phu": "Văn phòng Chính phủ",
    "toa an nhan dan toi cao": "Tòa án nhân dân tối cao",
    "vien kiem sat nhan dan toi cao": "Viện kiểm sát nhân dân tối cao",
    "ngan hang nha nuoc viet nam": "Ngân hàng Nhà nước Việt Nam",
}

#: Header lines of the signature block that stand above the signer's name.
#: On behalf of ("TM.", "KT.", "TL.", "TUQ.", "Q."); Party documents write them with a slash ("T/M", "K/T").
SIGNATURE_PREFIXES: tuple[str, ...] = (
    *("kt.", "tm.", "tl.", "tuq.", "q."),
    *("kt ", "tm ", "tl ", "tuq ", "t/m ", "k/t ", "t/l "),
)
SIGNATURE_TITLES: tuple[str, ...] = (
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "bo truong",
    "thu truong",
    "thu tuong",
    "pho thu tuong",
    "truong ban",
    "pho truong ban",
    "chanh van phong",
    "cuc truong",
    "pho cuc truong",
    "tong giam doc",
    "chu nhiem",
    "bi thu",
    "pho bi thu",
    "uy vien",
    "truong phong",
    "chanh an",
    "vien truong",
    "tong cuc truong",
    "vu truong",
    "hieu truong",
    "thong doc",
)

#: "Nơi nhận:" (folded), found too when it lost a letter ("Nơi nhn:").
RECIPIENTS_LABEL = re.compile(rf"^{damage_tolerant('Nơi nhận')}\s*:?\s*(?P<rest>.*)$")
#: Lines that may go on after a table in a text dump, which prints a cell's paragraphs one per
#: line (the table's end is found by what follows it): an article, chapter, part or section
#: heading ("IV. Tổ chức thực hiện"), a form's number. The recipients and the signing
#: authority in capitals (RECIPIENTS_LABEL, SIGNATURE_PREFIXES) end a table anywhere.
TEXT_AFTER_TABLE = re.compile(
    r"^(dieu \d+\s*[.:]|(chuong|phan) [ivxlc\d]+\b|(bieu )?mau so\s*\d|[ivx]{1,4}\.\s|(ghi chu|chu thich)\s*:"
    r"|tren day la\b)"  # "Trên đây là Kế hoạch ...": the closing sentence of the body
)
#: First words (folded) of a title line between two tables ("Danh mục thủ tục bị bãi bỏ", "Phần II").
TITLE_BETWEEN_TABLES: tuple[str, ...] = ("phan ", "danh muc", "bang ", "muc ", "bieu ")
#: A procedure code ("2.001611", "1.003742"; "1014217" where the dot was lost): digits, a dot,
#: then more than a thousands group, or six digits or more in a row.
PROCEDURE_CODE = re.compile(r"\d{1,3}\.\d{4,}|\d{6,}")
#: Headers (folded) of columns of codes and identifiers ("Mã TTHC", "Mã số", "Số hiệu"): their
#: cells are kept as text, never as numbers ("1.005062" is a procedure code, not 1.005062).
CODE_HEADER = re.compile(r"^(ma|ky hieu|so hieu)\b")
#: A procedure code as printed in a cell ("1.005062", "2.001611": a digit, a dot, six digits);
#: "0.8791" (a decimal with a dot) and a coordinate such as "2210567" are numbers.
DOTTED_PROCEDURE_CODE = re.compile(r"\d\.\d{6}")
#: The words that open a breakdown of the figure above ("Trong đó:", "Chia ra", "Bao gồm"), folded:
#: a header over the parts that follow it, a line under a total row, a bullet line detailing.
BREAKDOWN_WORDS = re.compile(r"^(trong do|chia ra|bao gom)\b")
APPENDIX_HEADING = re.compile(
    r"^(phu luc(?:\s+(?:so\s+)?(?P<num>[ivxlc]+|\d+|[a-z]))?"
    r"|(bieu mau(\s+so)?|bieu(\s+so)?|mau so)\s*(\d+[a-z]?|[ivxlc]+)(/\S+)?)"
    r"\s*[.:]?\s*$"
)
APPENDIX_REFERENCE = re.compile(
    r"(?:ban hanh\s+)?kem theo\s+(?P<type>[a-z ]+?)\s+(?:so\s*:?\s*)?(?P<number>\d+[\w/.-]*-[\w.-]+)"
)
#: "Số: 434/KH-UBND", "Số hiệu: ..." (folded), found too when "Số" lost its letter ("S: 434/KH-UBND").
DOCUMENT_NUMBER_LINE = re.compile(
    rf"^{damage_tolerant('Số')}\s*(?:{damage_tolerant('hiệu')})?\s*:\s*(?P<number>\S.*?)\s*$"
)
#: "Hà Nội, ngày 30 tháng 6 năm 2025" (folded); a portal's copy may print "Nghệ An, 05/3/2021", as the
#: whole line and after a place with no colon or slash ("V/v triển khai, 01/3/2021" is none).
PLACE_DATE_LINE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngay\b|^(?P<named>[^,:/]{2,40}),\s*\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d\.?\s*$"
)

#: Phrases of column headers that carry a letter saved text may lose, as written: a header that
#: lost one ("Điểm đt năm 2022", "Đơn vị ch trì", "Điểm tchấm") is matched with the phrase put back
#: (extract/columns.py). Whole phrases: a word alone ("thi", "tin") is too often a word of its own;
#: "điểm" is one alone, since "dim" is no header's word ("Đim 2021 đạt được").
HEADER_PHRASES_AS_WRITTEN: tuple[str, ...] = (
    "điểm tối đa",
    "điểm đạt",
    "điểm chuẩn",
    "điểm tự chấm",
    "tự chấm",
    "tự đánh giá",
    "thẩm định",
    "mục tiêu",
    "nhiệm vụ",
    "chủ trì",
    "phối hợp",
    "thời gian",
    "thời hạn",
    "tiến độ",
    "kết quả",
    "nội dung",
    "sản phẩm",
    "giải pháp",
    "lĩnh vực",
    "chỉ số",
    "chỉ tiêu",
    "kế hoạch",
    "hoàn thành",
    "thực hiện",
    "số thứ tự",
    "điểm năm",
    "điểm",
    "cơ quan phối hợp",
    "đơn vị phối hợp",
    "đơn vị chủ trì",
    "cơ quan chủ trì",
    "đơn vị thực hiện",
    "cơ quan thực hiện",
    "đơn vị phụ trách",
    "đơn vị tính",
    "điểm số",
    "điểm số tối đa",
    "điểm thẩm định",
    "điểm tự đánh giá",
    "thang điểm",
    "đạt được",
    "phụ trách",
    "hạng mục",
    "danh mục",
)
#: Damaged header phrases of real syllables that are no phrase of their own (folded): kept.
HEADER_DAMAGE_SEEN_NOWHERE = frozenset(
    {
        "thi gian",
        "thi han",
        "diem ti da",
        "dim toi da",
        "dim dat",
        "dim chuan",
        "dim tu cham",
        "dim nam",
        "dim",
        "co quan phi hop",
        "don vi phi hop",
        "dim ti da",
        "dim so",
        "dim so toi da",
        "dim tham dinh",
        "dim tu danh gia",
        "thang dim",
        "thuc hin",
        "gii phap",
        "nhim vu",
        "ni dung",
        "mc tieu",
    }
)
#: A page's number on a line of its own, folded ("2", "- 2 -", "Trang 2", "Trang 2/3"): Word prints
#: it between a table's rows or above the header it repeats on each page.
PAGE_NUMBER_LINE = re.compile(r"^(?:[-–]\s*)?(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?$")
#: Column roles, tried in order; the first whose pattern matches the folded header wins.
COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("id", re.compile(r"^(stt|tt|so tt|so thu tu|thu tu|s tt)\.?$")),
    ("max_score", re.compile(r"diem (chuan|toi da)|^diem so toi da|thang diem")),
    (
        "achieved_score",
        re.compile(
            r"^diem\b(?!\s+du kien dat).*\bdat\b|diem dat duoc"
            r"|^ket qua( dat duoc| danh gia| cham diem)?( nam \d{4})?$"
            r"|diem tu (danh gia|cham)|diem tham dinh|^diem( so)? nam \d{4}$|^diem danh gia( nam \d{4})?$"
            r"|^diem (cua )?(khoi|cum|hoi dong|doan|to|ban|so|co quan)\b.*\b(cham|tham dinh)$"
        ),
    ),
    (
        "target_score",
        re.compile(
            r"^(diem )?muc tieu|diem phan dau|chi tieu phan dau|^diem du kien dat\b"
            r"|^diem du kien( nam \d{4})?$"
        ),
    ),
    (
        "lead_units",
        re.compile(
            r"(don vi|co quan|bo phan)\s+chu tri|^(phong|ban)([,/]? ?(phong|ban))? chu tri( thuc hien)?$"
            r"|^chu tri( thuc hien)?$"
            r"|^(don vi|co quan|bo phan)(,? (don vi|co quan|ca nhan|dia phuong))* thuc hien$"
            r"|^trach nhiem (chu tri|thuc hien)$|^(don vi|co quan) phu trach$|^co quan chiu trach nhiem$"
            r"|^phan cong (chu tri|thuc hien)$"
        ),
    ),
    ("coordinating_units", re.compile(r"phoi hop")),
    ("deadline", re.compile(r"thoi gian|thoi han|tien do")),
    ("product", re.compile(r"san pham|^ket qua (dau ra|du kien|can dat)$")),
    ("unit", re.compile(r"^(dvt|don vi tinh)$")),
    ("note", re.compile(r"^ghi chu$")),
    ("tasks", re.compile(r"giai phap|^nhiem vu$|^nhiem vu,|hoat dong|^noi dung thuc hien$")),
    ("name", re.compile(r"linh vuc|tieu chi|noi dung|^ten\b|^nhiem vu|^danh muc|^chi so|^hang muc|^cong viec")),
)
#: Last words of a line that a wrapped phrase goes on from ("phối hợp với" / "Sở Nội vụ ...").
WRAP_LAST_WORDS = frozenset(
    {
        "với",
        "và",
        "của",
        "cho",
        "các",
        "theo",
        "tại",
        "về",
        "trong",
        "để",
        "được",
        "có",
        "là",
        "từ",
        "đến",
        "thuộc",
        "cùng",
        "hoặc",
    }
)


def goes_on_into(text: str) -> bool:
    """Does a cell's text stop where it must go on on the next line ("UBND cấp huyện,", "Sở Nội
    vụ và", "... theo quy định của", a list item "Sở TT&TT;")?"""
    words = text.rstrip().split()
    return bool(words) and (text.rstrip().endswith((",", ";")) or words[-1].lower() in WRAP_LAST_WORDS)


#: Columns of unit names.
UNIT_ROLES: tuple[str, ...] = ("lead_units", "coordinating_units")
#: Bullets of list items in a cell: "-", "+", "•", "*", "–", and Word's Symbol-font "·" (and the
#: private-use glyph U+F0B7 it may be saved as).
BULLET = re.compile(r"^\s*[-+•*–·\uf0b7]\s*")
#: A sub-column that names a period ("Năm 2024", "Quý II", "Tháng 6", folded): under "Thời gian
#: thực hiện" it holds marks per period, not a deadline.
PERIOD_HEADER = re.compile(r"^((nam|quy|thang)\s+)?((19|20)\d\d|[ivx]+|\d{1,2})$")
#: Unit words that stand alone inside the phrase "sở, ban, ngành" rather than as a unit.
UNIT_PHRASE_WORDS = frozenset({"so", "ban", "nganh"})
#: What "các" names when it names units ("Các huyện", "Các ngành liên quan"), besides unit words.
UNIT_GROUP_WORDS: tuple[str, ...] = (
    "nganh",
    "dia phuong",
    "huyen",
    "xa",
    "quan",
    "phuong",
    "thi xa",
    "thanh pho",
    "tinh",
    "thanh vien",
)
#: A list of places opened by a locality word ("UBND các huyện Đại Từ, Phú Lương, Võ Nhai", "UBND huyện
#: Cư M'gar, Krông Búk"), on the text as written: a place name is capitalised ("xã hội" is no place);
#: a unit word after the comma still starts another unit.
PLACE_LIST = re.compile(
    r"\b(?i:các) (?i:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|thôn|bản|tổ dân phố)\b"
    r"|\b(?i:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) [A-ZĐÀ-Ỹ0-9]"
)
#: Starts (as written, lower-cased) of a comma piece that goes on the unit before it: a person's
#: title after the person ("Phó Chủ tịch UBND tỉnh"), a period ("Quý II", "năm 2024").
NOT_A_UNIT_START = re.compile(r"^(chủ tịch|phó chủ tịch|giám đốc|phó giám đốc|trưởng |phó trưởng|quý |tháng \d|năm \d)")
#: Starts (folded) of a person named in a unit cell ("Đồng chí Nguyễn Văn A, Phó Chủ tịch").
PERSON_WORDS: tuple[str, ...] = ("dong chi ", "ong ", "ba ")
#: Words of a unit's name at most (a longer line is a task or a sentence).
MAX_UNIT_WORDS = 14
#: Abbreviations with a dot that stand before a place or a person, not a unit ("TP. Bến Tre",
#: "TX. Ba Tri", "KT. CHỦ TỊCH", "TS. Nguyễn Văn A").
NOT_UNIT_ABBREVIATIONS = frozenset({"TP", "TX", "KT", "TM", "TL", "TS", "THS", "PGS", "GS", "BS", "KS", "CN", "ĐC"})
#: First words (folded) of a unit's name: in "Sở Văn hóa, Thể thao và Du lịch; Báo Nghệ An" a comma
#: starts another unit only before one of these (or an abbreviation such as UBND), so commas
#: inside an official name ("Sở Lao động, Thương binh và Xã hội", "UBND các huyện Đại Từ, Phú
#: Lương") do not cut it.
#: Units named by their head alone (folded): "Tỉnh đoàn", "Tỉnh ủy".
WHOLE_UNIT_NAMES = frozenset({"tinh doan", "thanh doan", "huyen doan", "tinh uy", "thanh uy", "huyen uy"})
UNIT_HEAD_WORDS: tuple[str, ...] = (
    "so",
    "ban",
    "uy ban",
    "ubnd",
    "hdnd",
    "hoi dong",
    "cong an",
    "bo",
    "cuc",
    "chi cuc",
    "tong cuc",
    "van phong",
    "trung tam",
    "dai",
    "bao",
    "hoi",
    "lien doan",
    "lien hiep",
    "lien minh",
    "doan",
    "truong",
    "phong",
    "kho bac",
    "ngan hang",
    "bao hiem",
    "vien",
    "toa an",
    "thanh tra",
    "tinh uy",
    "tinh doan",
    "thanh doan",
    "huyen doan",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "dang uy",
    "dang bo",
    "mat tran",
    "hiep hoi",
    "cong ty",
    "tong cong ty",
    "tap doan",
    "chi nhanh",
    "benh vien",
    "doi",
    "hai quan",
    "kiem toan",
    "co quan",
    "don vi",
    "cac",
    "chu tich",
    "giam doc",
    "thu truong",
    "thuong truc",
    "buu dien",
    "viettel",
    "mobifone",
    "cang vu",
    "hoc vien",
    "dai hoc",
    "khu",
    "nha xuat ban",
    "to chuc",
    "tinh doan",
    "huyen doan",
    "bo chi huy",
    "ban chi huy",
    "lanh dao",
    "nhan dan",
    "doanh nghiep",
)
#: Headers (folded) over the rows' names besides the name role's ("Chỉ tiêu", which also stands
#: over year columns): a text-dump header may start with a blank number cell before one.
ROW_NAME_HEADERS: tuple[str, ...] = ("chi tieu",)
#: Headers (folded) of a second name-like column that holds the rows' work ("Nội dung thực hiện"
#: after "Tên nhiệm vụ"): it becomes the tasks column; any other is kept as a cell ("Lĩnh vực").
TASK_LIKE_NAMES: tuple[str, ...] = ("noi dung", "nhiem vu", "cong viec", "hoat dong")
#: Columns whose cells are figures; a non-figure there is a finding.
SCORE_ROLES: tuple[str, ...] = ("max_score", "achieved_score", "target_score")
#: Columns that can hold several paragraphs (they absorb extra lines in text dumps).
MULTI_PARAGRAPH_ROLES: tuple[str, ...] = (
    "tasks",
    "name",
    "lead_units",
    "coordinating_units",
    "product",
    "note",
    "deadline",
    "other",
)

#: Rows that close a table with totals, not criteria, on folded text. Every word tolerates the
#: loss of its tone-marked vowel, the damage of saved pages: "TNG ĐIM", "Tng s", "Cng:".
#: A total row that names its group ("Cộng I", "Cộng (II)", "Cộng phần A"): a subtotal even at the
#: table's end; ``group`` is the group's number as written, folded.
_GROUP_TOTAL = r"^co?ng\s*(?:\((?P<group>\w{1,4})\)|(?:\s(?:muc|phan|nhom))?\s+(?P<key>[ivxl]{1,5}|[a-h]))\s*:?\s*$"
GROUP_TOTAL_ROW = re.compile(_GROUP_TOTAL)
#: The whole label of a money table's total: "TỔNG KINH PHÍ", "Tổng vốn đầu tư", "Tổng dự toán (I+II)".
_MONEY_TOTAL = (
    r"^to?ng\s+(?:kinh\s+ph\w?|(?:nguon\s+)?vo?n(?:\s+dau\s+tu)?|du\s+toa?n|mu?c\s+dau\s+tu|chi\s+ph\w?)"
    r"\s*(?:\([^)]*\))?\s*:?\s*$"
)
TOTAL_ROW = re.compile(
    r"^to?ng(\s+(c\w{0,2}ng|d\w{0,3}m|so?)\b|\s*\(|\s*$|\s*:)|^co?ng\s*:?\s*$|" + _MONEY_TOTAL + "|" + _GROUP_TOTAL
)
#: Total rows that sum a part ("Cộng", "Cộng I", "Cộng (II)"), not the grand total ("Tổng cộng"): rows
#: after one make it a subtotal.
PART_TOTAL_ROW = re.compile(r"^co?ng\b")

#: A line giving a table's unit ("Đơn vị tính: triệu đồng", "Đơn vị: tỷ đồng", "ĐV tính: %", "(ĐVT:
#: người)", "ĐVT triệu đồng"), folded: a note on the figures, no title nor a group of rows.
UNIT_LINE = re.compile(r"^\W*(?:(?:don vi|dv)(?: tinh)?\s*:|dvt\b|don vi tinh\b)")
#: The line above a table saying its figures are money ("Đơn vị tính: triệu đồng", "(ĐVT: 1.000 đồng)",
#: "Đơn vị: tỷ đồng"), folded: its columns of amounts add up like "Kinh phí" ones (extract/validate.py);
#: not a price per unit ("ĐVT: 1.000 đồng/m2", "đồng/người/ngày"; per year is money).
MONEY_UNIT_LINE = re.compile(
    r"^\(?\s*(?:don vi(?: tinh)?|dvt)\s*:\s*(?:(?:trieu|nghin|ngan|ty|1\.000)\s+)?(?:dong|vnd)\b(?!\s*/(?!\s*nam\b))"
)

#: How the body names a numbered appendix row (folded) and the word its findings use for it
#: (extract/validate.py compares the figures it quotes with the row's).
BODY_ROW_WORDS: dict[str, str] = {"linh vuc": "field", "chi so": "index", "tieu chi": "criterion"}

# Issuing bodies (extract/issuer.py)

#: A parent body's opening words (folded) and the fewest words of it, its own name included:
#: a unit printed on the same line starts only after them. Every ministry's name has two
#: words at least ("BỘ NỘI VỤ", then "VỤ PHÁP CHẾ"), a place name one.
PARENT_BODIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^(?:(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) )?"
            r"(?:thanh pho|thi xa|thi tran|tinh|huyen|quan|xa|phuong) \S+"
        ),
        "local",
    ),
    (re.compile(r"^(?:tinh|thanh|huyen|quan|thi|dang) uy \S+"), "local"),
    (re.compile(r"^bo \S+ \S+"), "central"),
    (re.compile(r"^tong cuc \S+"), "central"),
)

#: Units printed under a parent body (by the parent's kind), in capitals with their marks:
#: compared letter for letter, so that a syllable of a place or ministry name ("Vụ Bản",
#: "Phong Điền", "Nội vụ") is not taken for one. No two start with the same word.
ISSUER_UNITS: dict[str, tuple[str, ...]] = {
    "local": (
        "SỞ",
        "BAN",
        "CHI CỤC",
        "CỤC",
        "VĂN PHÒNG",
        "TRUNG TÂM",
        "PHÒNG",
        "THANH TRA",
        "BỘ CHỈ HUY",
        "CÔNG AN",
        "HỘI ĐỒNG",
        "ĐÀI",
        "TRƯỜNG",
        "BỆNH VIỆN",
    ),
    "central": ("TỔNG CỤC", "CỤC", "VỤ", "VĂN PHÒNG", "THANH TRA", "VIỆN", "TRUNG TÂM", "BAN", "BỘ TƯ LỆNH"),
}

#: Words naming a level of local government, as written in lower case: the words after one
#: are a place name ("Ủy ban nhân dân tỉnh Bến Tre"). Longest first.
LOCALITY_WORDS: tuple[str, ...] = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")

#: A locality word followed by one of these is a common noun ("Lao động - Thương binh và Xã hội").
NOT_A_PLACE_AFTER: dict[str, frozenset[str]] = {"xã": frozenset({"hội"})}

#: How the line of an issuing body in the header opens (folded): "ỦY BAN NHÂN DÂN", "TỈNH ĐẮK
#: NÔNG", "SỞ NỘI VỤ", "BỘ TÀI CHÍNH". Only for the anchors (extract/anchors.py): with the
#: line in capitals it tells a damaged header line ("HI ĐỒNG NHÂN DÂN") from a repaired one.
#: Words that also open a title in capitals ("BAN HÀNH ...") are not here.
ISSUING_BODY_OPENING = re.compile(
    r"^(uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd|(tinh|thanh|huyen|quan|thi|dang) uy|tinh|thanh pho|huyen"
    r"|thi xa|so|bo|tong cuc|chi cuc|cuc|van phong|cong an|toa an nhan dan|vien kiem sat nhan dan"
    r"|thu tuong chinh phu|chinh phu|quoc hoi|chu tich nuoc|ngan hang nha nuoc)\b"
)

#: Party committees: printed as names wherever they stand, a place name after them ("Tỉnh ủy Quảng Ninh").
PARTY_COMMITTEES: tuple[str, ...] = ("tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy")

#: Kinds of body as written ("Bộ Chỉ huy" keeps its capital); the word after one opens the
#: body's own name ("Sở | Giáo dục", "Tổng cục | Thuế"). Longest first.
BODY_KINDS: tuple[str, ...] = (
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "bộ Chỉ huy",
    "ủy ban",
    "hội đồng",
    "tổng cục",
    "chi cục",
    "văn phòng",
    "trung tâm",
    "thanh tra",
    "công an",
    "bệnh viện",
    "học viện",
    "cục",
    "sở",
    "bộ",
    "ban",
    "vụ",
    "phòng",
    "viện",
    "trường",
    "đài",
)

#: Names capitalized syllable by syllable wherever they stand.
PROPER_NAMES: dict[str, str] = {
    "việt nam": "Việt Nam",
    "chính phủ": "Chính phủ",
    "quốc hội": "Quốc hội",
    "trung ương": "Trung ương",
    "công thương": "Công Thương",
}

#: Last words (as written, lower case) of a title line that the next line completes ("VỀ VIỆC BỔ NHIỆM" /
#: "TRƯỞNG PHÒNG NỘI VỤ": the appointee, not the authority).
TITLE_NEEDS_OBJECT = frozenset({"nhiệm", "cho", "với", "của", "về", "nhận", "giao", "thưởng", "tặng", "lại", "chức"})

#: Words (folded) of a total row's label that name the score it totals ("TỔNG ĐIỂM ĐẠT": achieved).
TOTAL_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("achieved_score", ("dat", "tu cham", "danh gia")),
    ("target_score", ("muc tieu", "phan dau")),
    ("max_score", ("toi da", "chuan")),
)
