"""Row labels of appendix tables: "1", "1.3.1", "II", "A", "a)", "-" and their hierarchy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from normalize.numbers import SUPERSCRIPT_DIGITS
from normalize.text import fold, mostly_upper

#: "1", "1.3.1", "1.2." and the bracketed forms some plans print: "1)", "1.2)", "(1)", "(1.2)"
_DECIMAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})\.?$|^\(?(\d{1,3}(?:\.\d{1,3}){0,4})\)$")
_ROMAN = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})[.)]?$")
_UPPER = re.compile(r"^([A-Z])[.)]?$")
_LOWER = re.compile(r"^([a-zđ])[.)]$|^([a-zđ])$")
#: Labels printed with their parent's number: "I.1", "II.2.3", "A.1" (a decimal under a roman
#: numeral or a capital letter) and "1.a", "1.1.b)" (a letter under a decimal). The row's own
#: number is the part after the parent's; the hierarchy puts the parent's back.
_UNDER_GROUP = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z])\.(\d{1,3}(?:\.\d{1,3}){0,3})\.?$")
_LETTER_UNDER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.([a-zđ])[.)]?$")
#: A row number and a title sharing one cell, as in a group row spanning the table: "I. TITLE".
#: Readers split it only when the title is mostly capitals (a task "1. Thực hiện..." is not one),
#: or, with ``names``, after a roman numeral or a capital letter, a short name ("A. Vi sinh
#: vật"): callers ask for that only where a numbered row comes next (1, a, I), as under a group.
FUSED_LABEL = re.compile(r"^(?P<label>[IVXLC]{1,6}|[A-Z]|\d{1,2})[.)]\s+(?P<title>\S.*)$", re.DOTALL)
#: Words of a short group name after "A." or "II." (a sentence is longer or ends with a stop).
GROUP_NAME_WORDS = 8


def fused_label(text: str, *, names: bool = False) -> tuple[str, str] | None:
    """(label as printed, title) of "I. TITLE" in one cell ("I.", "TITLE"): the rule every reader
    and the row builder share."""
    fused = FUSED_LABEL.match(text)
    if fused is None:
        return None
    title = fused.group("title")
    if not mostly_upper(title) and not (names and _group_name(fused.group("label"), title)):
        return None
    return text[: fused.start("title")].strip(), title


def as_letter_after(label: Label, previous_letter: str | None) -> Label:
    """ "C" after part "B" is the letter C, not the roman numeral 100 ("I" after "H" likewise)."""
    follows = previous_letter is not None and ord(label.key[0]) == ord(previous_letter) + 1
    if label.style == "roman" and len(label.key) == 1 and follows:
        return Label(label.printed, "upper_letter", label.key)
    return label


def opens_numbering(text: str | None) -> bool:
    """Does this cell carry the first number of a sequence (1, a, I, A), as under a group head?"""
    label = parse_label(text or "")
    return label is not None and is_first_of_sequence(label)


def _group_name(label: str, title: str) -> bool:
    words = title.split()
    short = len(words) <= GROUP_NAME_WORDS and not title.rstrip().endswith((".", ";", ":", ","))
    return not label.isdigit() and title[:1].isupper() and short


_DASH = re.compile(r"^[-–—•*]$")
#: "+" items sit under "-" items ("- Nhiệm vụ do tỉnh giao" / "+ Hoàn thành đúng hạn"), or "-"
#: under "+" in a table that uses "+" first (extract/appendix.py).
_PLUS = re.compile(r"^\+$")
#: Bullet styles: unnumbered items, counted per parent.
BULLET_STYLES = frozenset({"dash", "plus"})


@dataclass(frozen=True)
class Label:
    """A parsed row label. ``style`` orders the hierarchy: roman > upper > decimal > lower > dash
    > plus."""

    printed: str
    style: str  # roman, upper_letter, decimal, lower_letter, dash, plus
    key: str  # normalized: "1.3.1", "II", "A", "a", "-"
    #: the whole path of a label printed with its parent's number ("II.1", "1.1.a"), else ""
    path: str = ""

    @property
    def parent_path(self) -> str:
        """The parent's number printed in the label ("II" of "II.1", "I.1" of "I.1.1", "1.1" of
        "1.1.a"), else ""."""
        return self.path.rpartition(".")[0]

    @property
    def depth(self) -> int:
        """Depth within the decimal scheme: "1" -> 1, "1.3.1" -> 3; other styles 1."""
        return self.key.count(".") + 1 if self.style == "decimal" else 1


#: A row number after the word for what an assessment's row is: "Tiêu chí 1", "Chỉ số 1.2",
#: "Lĩnh vực II". Not "Mục", "Phần", "Nhóm", "Nội dung": a plan's body and its other tables
#: number its parts and groups so.
_NAMED = re.compile(
    r"^(?P<kind>tiêu chí(?: thành phần)?|chỉ số(?: thành phần)?|lĩnh vực)\s+(?P<number>\S+)$", re.IGNORECASE
)


def names_kind(header: str, kind: str) -> bool:
    """Does a short column header start by naming the rows' kind ("Tiêu chí/Chỉ số" for
    "Tiêu chí 1", "TIÊU CHÍ" for "Tiêu chí 2")?"""
    folded = fold(header).strip()
    return len(folded.split()) <= 6 and any(fold(kind) in part.strip()[: len(kind) + 1] for part in folded.split("/"))


def label_kind(text: str) -> str | None:
    """The word before a row number that says what the row is ("Tiêu chí 1" -> "Tiêu chí"), or
    None when the cell is no such label."""
    named = _NAMED.match(text.replace("\u00a0", " ").strip())
    return named.group("kind") if named and parse_label(text) is not None else None


def parse_label(text: str) -> Label | None:
    """The label of a row's first cell, or None when the cell is not a row number."""
    spaced = text.replace("\u00a0", " ").strip()
    named = _NAMED.match(spaced) if len(spaced) <= 40 else None
    if named:  # the word's number, as a decimal, roman or capital-letter label
        label = parse_label(named.group("number"))
        if label is None or label.style not in ("decimal", "roman", "upper_letter"):
            return None
        return Label(spaced, label.style, label.key)
    raw = text.strip().replace("\u00a0", "")
    if len(raw) > 1 and raw.endswith("*") and raw[-2] != "*":  # "2*": a footnote mark on the number
        marked = parse_label(raw[:-1])
        return Label(raw, marked.style, marked.key, marked.path) if marked is not None else None
    if len(raw) > 1 and raw[-1] in SUPERSCRIPT_DIGITS:  # "2¹": a footnote mark in a superscript
        marked = parse_label(raw.rstrip(SUPERSCRIPT_DIGITS))
        return Label(raw, marked.style, marked.key, marked.path) if marked is not None else None
    if not raw or len(raw) > 16:
        return None
    if match := _DECIMAL.match(raw):
        parts = (match.group(1) or match.group(2)).split(".")
        if any(len(part) == 3 for part in parts[1:]):
            return None  # "10.326.312" is an amount with thousands dots, not a row number
        return Label(raw, "decimal", ".".join(str(int(part)) for part in parts))  # "01" -> "1"
    if (match := _UNDER_GROUP.match(raw)) and parse_label(head := raw.split(".", 1)[0]) is not None:
        key = ".".join(str(int(part)) for part in match.group(1).split("."))
        return Label(raw, "decimal", key, f"{head}.{key}")
    if match := _LETTER_UNDER.match(raw):
        head = ".".join(str(int(part)) for part in raw.rstrip(".)").split(".")[:-1])
        return Label(raw, "lower_letter", match.group(1), f"{head}.{match.group(1)}")
    if _ROMAN.match(raw) and raw.rstrip(".)"):
        return Label(raw, "roman", raw.rstrip(".)"))
    if match := _UPPER.match(raw):
        return Label(raw, "upper_letter", match.group(1))
    if match := _LOWER.match(raw):
        return Label(raw, "lower_letter", match.group(1) or match.group(2))
    if _DASH.match(raw):
        return Label(raw, "dash", "-")
    if _PLUS.match(raw):
        return Label(raw, "plus", "+")
    return None


#: A group title printed without a number ("Lĩnh vực Hộ tịch" across the row) over rows numbered
#: from 1 again under each title: its rows' parent (row_id "#1", "I.#2"), between parts and numbers.
UNNUMBERED = "unnumbered"
STYLE_RANK = {"roman": 0, "upper_letter": 1, UNNUMBERED: 2, "decimal": 3, "lower_letter": 4, "dash": 5, "plus": 6}


def roman_value(key: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(key):
        value = values[ch]
        total += -value if i + 1 < len(key) and values[key[i + 1]] > value else value
    return total


def next_sibling(key: str) -> str:
    """The decimal id after `key` at its own level: "1.3" -> "1.4", "7" -> "8"."""
    head, _, last = key.rpartition(".")
    return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)


def decimal_successors(previous: str) -> set[str]:
    """IDs that may follow a decimal id: a first child, a next sibling, or an ancestor's sibling."""
    parts = previous.split(".")
    return {f"{previous}.1"} | {next_sibling(".".join(parts[:depth])) for depth in range(len(parts), 0, -1)}


def restarts_under(previous: Label | None, label: Label) -> bool:
    """A numbering restarting at 1 under a decimal group row (1..13 under 1.1.2)."""
    return label.key == "1" and previous is not None and previous.style == "decimal" and previous.depth >= 2


def is_first_of_sequence(label: Label) -> bool:
    """Labels a table's first row can carry (1, I, A, a, -): keeps header cells such as
    "X" and "Y" (coordinates) from being taken for row numbers."""
    return label.style in BULLET_STYLES or label.key.split(".")[-1] in ("1", "I", "A", "a")


_LOWER_ORDER = "abcdđefghiklmnopqrstuvxy"


def ordinal(label: Label | None) -> int:
    """Position of a label in its sequence: "IV" -> 4, "c" -> 3, "đ" -> 5, "1.3.2" -> 2."""
    if label is None:
        return 0
    if label.style == "decimal":
        return int(label.key.split(".")[-1])
    if label.style == "roman":
        return roman_value(label.key)
    if label.style == "upper_letter":
        return ord(label.key) - ord("A") + 1
    if label.style == "lower_letter":
        return _LOWER_ORDER.find(label.key) + 1 or ord(label.key) - ord("a") + 1
    return 0


def heading_label(text: str | None) -> Label | None:
    """The number of a paragraph that starts with one ("B. NỘI DUNG QUY TRÌNH" -> B), else None."""
    fused = FUSED_LABEL.match((text or "").strip())
    return parse_label(fused.group("label")) if fused else None


class OpenHeadings:
    """The numbered headings above a table, as an outline: the last heading of each level
    still open ("II. MỨC HỖ TRỢ", then "1. Mức thưởng ..."). A paragraph numbered as the next
    of one of them ("III. NGUỒN KINH PHÍ", "B. NỘI DUNG") is the text after the table."""

    def __init__(self, paragraphs: Iterable[str] = ()) -> None:
        self.stack: list[Label] = []
        for text in paragraphs:
            self.add(text)

    def add(self, text: str) -> None:
        label = heading_label(text)
        if label is None:
            return
        for depth, open_label in enumerate(self.stack):
            if _in_sequence(open_label, label) is not None:
                del self.stack[depth:]  # a sibling closes the headings opened under the last one
                break
        self.stack.append(label)

    def continued_by(self, label: Label) -> Label | None:
        """``label`` read in the style of the open heading it comes next after, or None."""
        for open_label in self.stack:
            sequenced = _in_sequence(open_label, label)
            if sequenced is not None and steps_after(open_label, sequenced):
                return sequenced
        return None


def _in_sequence(open_label: Label, label: Label) -> Label | None:
    """``label`` in the style of ``open_label`` ("C" after "B" is a letter), or None."""
    if open_label.style == "upper_letter":
        label = as_letter_after(label, open_label.key)
    return label if label.style == open_label.style else None


#: Letters of a list, in order: Vietnamese lists run "a b c d đ e g h i k" (no f, j, w, z, as
#: the Vietnamese alphabet), other lists "a b c d e f g".
_LETTER_ORDERS = ("abcdđeghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz")


def next_letters(key: str) -> set[str]:
    """The letters that may follow the list letter ``key`` ("e" -> "g" or "f", "d" -> "đ" or "e")."""
    return {order[at + 1] for order in _LETTER_ORDERS if 0 <= (at := order.find(key)) < len(order) - 1}


def steps_after(previous: Label, label: Label) -> bool:
    """Is ``label`` the next number after ``previous`` in the same style?"""
    if label.style == "decimal":
        return label.key == next_sibling(previous.key)
    if label.style == previous.style and label.style in ("lower_letter", "upper_letter"):
        return label.key.lower() in next_letters(previous.key.lower())  # "G" after "E": no "F" in Vietnamese
    return ordinal(label) == ordinal(previous) + 1


#: A cell of a row that numbers the columns: "1", "(2)", "4=3/2", "(5)=(3)-(4)", or a letter "A".
_COLUMN_LABEL = re.compile(r"^\(?([A-Z]|\d{1,2})\)?(\s*=\s*[\d()+\-*/x×:.,\s]+)?$")


def numbers_columns(text: str, after: str | None) -> bool:
    """Is a bracketed "(1)" followed by "(2)" the start of a row numbering the columns, not a row
    numbered "(1)"? (A form's column numbers may have no row after them.)"""
    stripped = text.strip()
    return stripped.startswith("(") and after is not None and column_label_run([stripped, after]) == 2


def column_label_run(texts: Sequence[str]) -> int:
    """How many of ``texts``, from the first, number the columns: letters A, B, C... (two at
    least) then numbers 1, 2, 3... (each maybe with its formula, "4=3/2"), or numbers alone."""
    letters = numbers = 0
    for text in texts:
        match = _COLUMN_LABEL.match(text.strip())
        if match is None:
            break
        mark = match.group(1)
        if mark.isdigit():
            if int(mark) != numbers + 1:
                break
            numbers += 1
        elif numbers == 0 and ord(mark) - ord("A") == letters:
            letters += 1
        else:
            break
    return 0 if letters == 1 else letters + numbers  # "A | 1 | 2" is a group row with figures
