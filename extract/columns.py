"""Map appendix column headers to roles by their words ("Điểm 2021 đạt được" -> achieved_score)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from extract.settings import (
    BREAKDOWN_WORDS,
    COLUMN_ROLES,
    HEADER_DAMAGE_SEEN_NOWHERE,
    HEADER_PHRASES_AS_WRITTEN,
    PERIOD_HEADER,
    SCORE_ROLES,
    TASK_LIKE_NAMES,
    UNIT_ROLES,
)
from normalize.text import fold
from normalize.vietnamese import is_block_letter, is_syllable

_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as printed; two-level headers joined with " / "
    role: str  # a role of settings.COLUMN_ROLES, or "other"
    year: int | None  # year named in the header ("Điểm 2021 đạt được" -> 2021)


def role_of(header: str, damaged: bool = True) -> str:
    """The role of a column by its header's words. A two-level header ("Điểm / Tối đa", "Đơn vị
    thực hiện / Chủ trì") is read as one phrase, else by its sub-column alone. ``damaged``: a
    header word may have lost a letter ("Điểm đt"); the anchors of the repair ask without."""
    parts = [fold(part).strip(" :.") for part in header.split(" / ")]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return _role_of_words(" ".join(parts), damaged)
    role = _role_of_words(" ".join(parts), damaged)
    if role == "other" and _SCORE_PARENT.match(parts[0]) and _BARE_SCORE.match(parts[-1]):
        return _role_of_words(f"diem {parts[-1]}", damaged)  # "Điểm số / Phấn đấu năm 2024"
    if role == "other":
        return _role_of_words(parts[-1], damaged)
    if role in SCORE_ROLES:  # "Thang điểm / Điểm đạt được": the sub-column says which score
        own = _role_of_words(parts[-1], damaged)
        if own == "other" and _BARE_SCORE.match(parts[-1]):  # "Thang điểm / Đạt được": a score's
            own = _role_of_words(f"diem {parts[-1]}", damaged)
        if own in SCORE_ROLES:
            return own
    if role == "deadline" and PERIOD_HEADER.match(parts[-1]):
        return "other"
    return role


#: A sub-column named by a score's word alone, under a score's parent ("Thang điểm / Tối đa").
_BARE_SCORE = re.compile(
    r"^(toi da|dat|dat duoc|tu cham|tu danh gia|tham dinh|chuan|phan dau|du kien dat)( nam (19|20)\d\d)?$"
)
#: A parent header naming scores ("Điểm", "Điểm số", "Số điểm", "Điểm đánh giá năm 2023"), over
#: bare sub-columns.
_SCORE_PARENT = re.compile(r"^(diem|diem so|so diem)( danh gia| cham)?( nam (19|20)\d\d)?$")


def _role_of_words(folded: str, damaged: bool = True) -> str:
    role = _matching_role(folded)
    if role == "other" and damaged:  # a header phrase that lost a letter in saved text ("Điểm đt")
        undamaged = folded
        for _ in range(2):  # two words of a phrase may each have lost one ("Đim tchấm")
            undamaged = _HEADER_DAMAGE.sub(lambda m: _HEADER_DAMAGE_FORMS[m.group(1)], undamaged)
        if undamaged != folded:
            role = _matching_role(undamaged)
    return role


def _matching_role(folded: str) -> str:
    for role, pattern in COLUMN_ROLES:
        if pattern.search(folded):
            return role
    return "other"


def _damaged_forms(phrases: tuple[str, ...]) -> dict[str, str]:
    """Folded forms of the header phrases with one or two letters of U+1EA0..U+1EF9 lost, the space
    after a word-final one maybe lost with it ("Điểm đạt" -> "diem dt", "tự chấm" -> "tcham") -> the
    phrase folded. Whole phrases, so a word alone never changes ("thi hành" is no "thời hạn");
    a form two phrases share is left out, and so is a form of real syllables only ("phi hop" is
    "kinh phí hợp pháp", "tin do" is "tín đồ") unless it is known to be no phrase of its own."""
    forms: dict[str, set[str]] = {}
    for phrase in phrases:
        once = _losses(phrase)
        for variant in once | {twice for v in once for twice in _losses(v)}:  # one or two letters lost
            forms.setdefault(fold(variant), set()).add(fold(phrase))
    return {
        form: next(iter(found))
        for form, found in forms.items()
        if len(found) == 1 and (form in HEADER_DAMAGE_SEEN_NOWHERE or not all(_could_be_word(w) for w in form.split()))
    }


def _losses(phrase: str) -> set[str]:
    """``phrase`` with one letter of U+1EA0..U+1EF9 lost, a word-final one maybe with its space."""
    variants: set[str] = set()
    for at, ch in enumerate(phrase):
        if is_block_letter(ch):
            variants.add(phrase[:at] + phrase[at + 1 :])
            if phrase[at + 1 : at + 2] == " ":
                variants.add(phrase[:at] + phrase[at + 2 :])
    return variants


def _could_be_word(folded: str) -> bool:
    """Is a folded word a Vietnamese syllable under some tone ("hop": họp, "phi": phí)?"""
    if is_syllable(folded):
        return True
    return any(is_syllable(unicodedata.normalize("NFC", _with_mark(folded, mark))) for mark in ("\u0301", "\u0323"))


def _with_mark(word: str, mark: str) -> str:
    """``word`` with a tone mark after its first vowel."""
    at = next((i for i, ch in enumerate(word) if ch in "aeiouy"), None)
    return word if at is None else word[: at + 1] + mark + word[at + 1 :]


_HEADER_DAMAGE_FORMS = _damaged_forms(HEADER_PHRASES_AS_WRITTEN)
_HEADER_DAMAGE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(form) for form in sorted(_HEADER_DAMAGE_FORMS, key=len, reverse=True)) + r")(?!\w)"
)


def map_columns(headers: list[str], issued_year: int | None = None) -> list[Column]:
    """Roles for a header row; a role already taken by an earlier column falls back to other.

    The first column is the row number when its header says so (STT, TT) or when nothing
    else claims it. ``issued_year``: the document's year, which tells results from plans when
    the table gives results of several years.
    """
    taken: set[str] = set()
    columns: list[Column] = []
    second_tasks: int | None = None  # a later tasks column, left "other" while the first holds the role
    roles = _completion_deadline([role_of(header) for header in headers], headers)
    leads = [i for i, role in enumerate(roles) if role == "lead_units"]
    saying = [i for i in leads if _body_leads(headers[i])]
    if len(leads) > 1 and saying:
        # "Cơ quan, đơn vị thực hiện | Đơn vị chủ trì", "Cơ quan thực hiện / Chủ trì": the body
        # that leads says so (not a person: "Lãnh đạo Ban chủ trì")
        roles = ["other" if i in leads and i not in saying else r for i, r in enumerate(roles)]
    achieved = [i for i, role in enumerate(roles) if role == "achieved_score"]
    graded = [i for i in achieved if _GRADED.match(fold(headers[i].split(" / ")[-1]).strip(" :."))]
    if graded and len(graded) < len(achieved):
        # "Điểm đánh giá năm 2023 | Điểm tự chấm", "| Kết quả năm 2024": the grade of a past
        # year beside the result the table reports is a cell; alone it is the achieved score
        roles = ["other" if i in graded else role for i, role in enumerate(roles)]
        achieved = [i for i in achieved if i not in graded]
    points = [i for i in achieved if fold(headers[i]).startswith("diem")]
    same_year = len({_year_of(headers[i]) for i in achieved} - {None}) <= 1
    if "max_score" in roles and len(achieved) > 1 and len(points) == 1 and same_year:
        # "Kết quả năm 2023 | Điểm đạt năm 2023" beside a maximum score: the points are the score,
        # the result (a share, a count) is a cell
        roles = ["other" if i in achieved and i not in points else role for i, role in enumerate(roles)]
    latest = _latest_result(headers, roles, issued_year)
    for index, header in enumerate(headers):
        role = roles[index]
        if role == "achieved_score" and latest is not None and index != latest:
            role = "other"  # "Kết quả đánh giá / Năm 2022 | Năm 2023": the result is the latest year's
        if role == "name" and "name" in taken and "tasks" not in taken and fold(header).startswith(TASK_LIKE_NAMES):
            role = "tasks"  # "Nội dung công việc" after "Tên nhiệm vụ"; not "Lĩnh vực" after "Tên thủ tục"
        if role in taken and role != "other":
            if role == "tasks" and second_tasks is None:
                second_tasks = index
            role = "other"
        if index == 0 and role == "other" and not header.strip():
            role = "id"
        taken.add(role)
        columns.append(Column(index, header, role, _year_of(header)))
    if "name" not in taken:
        # The first free-text column after the number holds the row's name.
        for i, column in enumerate(columns):
            if column.role in ("other", "tasks") and i > 0:
                columns[i] = Column(column.index, column.header, "name", column.year)
                if column.role == "tasks" and second_tasks is not None:
                    # "Nhiệm vụ | Nội dung thực hiện": the first names the row, the second holds its tasks
                    later = columns[second_tasks]
                    columns[second_tasks] = Column(later.index, later.header, "tasks", later.year)
                break
    return columns


#: A header part naming the body that leads ("Đơn vị chủ trì", "Phòng, ban chủ trì", "Chủ trì";
#: not a person, "Lãnh đạo Ban chủ trì"), folded; and a parent naming bodies ("Cơ quan thực
#: hiện" over "Chủ trì | Phối hợp"; not "Lãnh đạo phụ trách", "Cán bộ").
_BODY_LEADS = re.compile(r"^((don vi|co quan|bo phan|phong|ban)\b.*\b)?chu tri\b")
_BODIES = re.compile(r"^(don vi|co quan|bo phan|phong|ban|trach nhiem|to chuc)\b")


def _body_leads(header: str) -> bool:
    """Does the header name the body that leads ("Đơn vị chủ trì", "Cơ quan thực hiện / Chủ
    trì"), not a person ("Lãnh đạo phụ trách / Chủ trì")?"""
    *parents, last = [fold(part).strip() for part in header.split(" / ")]
    return bool(_BODY_LEADS.match(last)) and all(_BODIES.match(parent) for parent in parents)


#: A header (or its last part, "Điểm / Đánh giá năm 2023") naming a grade given ("Điểm đánh giá
#: năm 2023"), folded.
_GRADED = re.compile(r"^(diem )?danh gia( nam (19|20)\d\d)?$")

#: A period in a header ("giai đoạn 2021-2025", "2021 - 2025"): its year is the last.
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*[-–—]\s*((?:19|20)\d\d)\b")
#: Words that name a time span's start in any header ("Thời gian / Bắt đầu", "Thời gian bắt đầu").
_START_WORD = re.compile(r"\b(bat dau|khoi cong)\b")
#: ... and in a sub-column only ("Thời gian / Từ ngày"; not "Thời gian thực hiện (từ năm 2021)").
_START_FROM = re.compile(r"\b(tu ngay|tu thang|tu nam)\b")
#: ... unless the header names the end too ("Thời gian khởi công - hoàn thành").
_END_WORD = re.compile(r"\b(hoan thanh|ket thuc|den)\b")


def _year_of(header: str) -> int | None:
    """The year a column is of: the one it names, or the end of the period it names ("Mục tiêu
    giai đoạn 2021-2025" is a target for 2025)."""
    period = _PERIOD.search(header)
    if period:
        return int(period.group(1))
    found = _YEAR.search(header)
    return int(found.group(1)) if found else None


def _completion_deadline(roles: list[str], headers: list[str]) -> list[str]:
    """With a start and an end under one time header ("Thời gian / Bắt đầu | Hoàn thành"), the
    deadline is the end: the start column is an ordinary one."""
    deadlines = [i for i, role in enumerate(roles) if role == "deadline"]
    # "Thời gian bắt đầu", "Thời gian / Từ ngày"; not "Thời gian thực hiện (từ năm 2021)"
    lower = [fold(h.rsplit(" / ", 1)[1]) if " / " in h else "" for h in headers]
    starts = [
        i
        for i in deadlines
        if (_START_WORD.search(fold(headers[i])) and not _END_WORD.search(fold(headers[i])))
        or _START_FROM.search(lower[i])
    ]
    if starts and len(starts) < len(deadlines):
        roles = ["other" if i in starts else role for i, role in enumerate(roles)]
    return roles


def _latest_result(headers: list[str], roles: list[str], issued_year: int | None) -> int | None:
    """When the result columns give scores of two or more years ("Kết quả đánh giá / Năm 2022 |
    Năm 2023", "Điểm năm 2020 | Điểm năm 2021 | Mục tiêu năm 2022"), the column of the latest year
    before both the target's year and the document's (either when only one is known): the result the plan starts
    from (the others are kept as cells; a year not past is no result yet). -1 (no column) when no
    year is past or neither year is known; None for results of one year, or of no year ("Điểm /
    Tự đánh giá | Thẩm định": the first is the achieved score)."""
    years = {
        i: int(match.group(1))
        for i, (h, role) in enumerate(zip(headers, roles, strict=True))
        if role == "achieved_score" and (match := _YEAR.search(h))
    }
    if len(set(years.values())) < 2:
        return None
    # before the year the table sets its target for and the document's year, the earlier
    targets = [y for h, role in zip(headers, roles, strict=True) if role == "target_score" and (y := _year_of(h))]
    known = [year for year in (min(targets, default=None), issued_year) if year is not None]
    bound = min(known) if known else None
    past = [i for i, year in years.items() if bound is not None and year < bound]
    return max(past, key=lambda i: (years[i], -i)) if past else -1


#: Words of a header that stands over several sub-columns ("Kết quả đánh giá" over years).
PARENT_HEADER_WORDS = (
    "toa do",
    "ket qua",
    "doi tuong",
    "giai doan",
    "chia ra",
    "trong do",
    "kinh phi",
    "vi tri",
    "so luong",
    "du kien",
    "nam ",
    "nguon von",
    "tien do",
    "chi tieu",
)


#: Column roles that never stand over sub-columns (a units header does over "Chủ trì | Phối hợp").
LEAF_ROLES = frozenset({"id", "name", "tasks", "lead_units", "coordinating_units", "product", "unit", "note"})
#: Headers of units that stand over the lead and the coordinating units ("Đơn vị thực hiện",
#: "Cơ quan thực hiện", "Trách nhiệm thực hiện", "Phân công").
UNITS_PARENTS = ("^(don vi|co quan)", "trach nhiem", "phan cong")
#: ... and the sub-columns under one (folded).
_UNITS_SUB = re.compile(r"^((don vi|co quan) )?(chu tri|phoi hop)$")


class SubColumnKind(NamedTuple):
    """A kind of sub-columns a parent header stands over: the sub-columns' words (folded), the
    words of the parents that group them, and, when it differs, the sub-columns' words in a flat
    header that prints them on the parent's row (``split_by_kind``)."""

    sub: re.Pattern[str]
    parents: tuple[str, ...]
    flat: re.Pattern[str] | None = None


#: Years go under results, targets and phases; money under funding; start and end under time;
#: X and Y under coordinates; the lead and the others under a units header; scores under a scale.
SUB_COLUMN_KINDS: tuple[SubColumnKind, ...] = (
    SubColumnKind(
        re.compile(r"^(nam\s+)?(19|20)\d\d\b"),
        ("ket qua", "chi tieu", "muc tieu", "giai doan", "nam ", "du kien", "ke hoach"),
    ),
    SubColumnKind(
        re.compile(r"\b(tong|ngan sach|ns\w*|von|trung uong|dia phuong|xa hoi hoa|khac)\b"),
        ("kinh phi", "nguon von", "von", "du toan", "tong muc"),
    ),
    SubColumnKind(
        re.compile(r"\b(bat dau|ket thuc|hoan thanh|tu ngay|den ngay)\b"), ("thoi gian", "tien do", "thoi han")
    ),
    SubColumnKind(re.compile(r"^(x|y|kinh do|vi do)$"), ("toa do", "vi tri")),
    # "Đơn vị thực hiện" over "Chủ trì | Phối hợp"; in a flat header "Cơ quan chủ trì | Cơ quan
    # phối hợp" are columns of their own, only the bare words are sub-columns
    SubColumnKind(_UNITS_SUB, UNITS_PARENTS, re.compile(r"^(chu tri|phoi hop)$")),
    # "Thang điểm" or "Điểm" over "Điểm tối đa | Điểm đạt được", not "Mục tiêu năm 2021" beside
    # it; a header that is a score itself ("Điểm tối đa") is no parent
    SubColumnKind(
        re.compile(r"^(diem )?(toi da|dat|dat duoc|tu cham|tu danh gia|tham dinh|chuan)$"), ("^thang diem", "^diem$")
    ),
)


def merge_header_rows(rows: list[list[str]]) -> list[str]:
    """Two header rows into one: the second row's cells go under one parent of the first row,
    joined as "parent / child".

    The parent is a header that can stand over columns (not the number, name, tasks, units or
    notes; nor the first column after the number, which names the rows, while another is
    left), chosen by what its sub-columns are (years under "Kết quả", money under "Kinh phí",
    start and end under "Thời gian"; anything under "Trong đó"), then by words that say it
    groups columns; of equals, the first. Without such a header, the last header.
    """
    if len(rows) == 1:
        return rows[0]
    top, sub = rows[0], rows[1]
    folded_sub = [fold(s).strip() for s in sub]
    kinds = [kind.parents for kind in SUB_COLUMN_KINDS if any(kind.sub.search(s) for s in folded_sub)]
    units = UNITS_PARENTS in kinds
    free = [
        i
        for i, h in enumerate(top)
        if role_of(h) not in LEAF_ROLES
        or (units and role_of(h) in UNIT_ROLES and any(re.search(w, fold(h)) for w in UNITS_PARENTS))
    ]
    if len(free) > 1 and free[0] <= 1:
        free = free[1:]  # "Chỉ tiêu" right after STT names the rows

    year_parents = SUB_COLUMN_KINDS[0].parents
    years = year_parents in kinds

    def affinity(i: int) -> tuple[int, int]:
        header = fold(top[i]).strip()
        if breakdown_label(header):  # "Trong đó" only ever stands over the parts that follow it
            return len(SUB_COLUMN_KINDS) + 1, 1
        if _ONE_YEARS_COLUMN.match(header) and (years or not kinds):
            # "Thực hiện năm 2020" is a column of that year: not over years, nor over sub-columns
            # of no known kind; over money parts it may be ("Kế hoạch vốn năm 2021 / Tổng số")
            return sum(any(re.search(w, header) for w in parents) for parents in kinds if parents != year_parents), 0
        fits = sum(any(re.search(w, header) for w in parents) for parents in kinds)
        return fits, int(any(w in header for w in PARENT_HEADER_WORDS))

    parent = max(free, key=lambda i: (*affinity(i), -i)) if free else len(top) - 1
    return top[:parent] + [f"{top[parent]} / {s}" for s in sub] + top[parent + 1 :]


#: A header that says the next columns break the one before it down ("Trong đó", "Chia ra",
#: "Bao gồm", alone), folded: the parent of any sub-columns, before "Tổng kinh phí" beside it
#: ("Trong đó: nữ" is a column of its own).
def breakdown_label(text: str) -> bool:
    """Is the (folded) text only the words of a breakdown ("trong do", "chia ra:")?"""
    found = BREAKDOWN_WORDS.match(text)
    return found is not None and not text[found.end() :].strip(" :")


#: A header of one year's figures with words before the year ("Thực hiện năm 2020", "Kế hoạch năm
#: 2021"), folded: a column of its own, never over sub-columns ("Năm 2021" alone may be).
_ONE_YEARS_COLUMN = re.compile(r"^\S.*\bnam (19|20)\d\d$")


def _alike_trailing(cells: list[str]) -> int:
    """How many cells at the end are sub-columns of one known kind (years, parts of a sum, start
    and end, the lead and the others), with the total of the parts before them ("Tổng | Năm
    2021 | Năm 2022")."""
    folded = [fold(c).strip() for c in cells]
    last_total = bool(folded) and bool(_TOTAL_SUB.match(folded[-1]))  # "Năm 2021 | Năm 2022 | Tổng cộng"
    body = folded[:-1] if last_total else folded
    best = 0
    for kind in SUB_COLUMN_KINDS:
        pattern = kind.flat or kind.sub
        run = 0
        for header in reversed(body):
            if not pattern.search(header):
                break
            run += 1
        best = max(best, run)
    if 0 < best < len(body) and _TOTAL_SUB.match(body[-best - 1]):
        best += 1
    return best + last_total if best else 0


#: A sub-column totalling the others ("Tổng", "Tổng số", "Cộng").
_TOTAL_SUB = re.compile(r"^(tong( so| cong)?|cong)$")


def split_by_kind(cells: list[str]) -> list[list[str]] | None:
    """A flat two-level header whose last cells are sub-columns of known kinds ("Năm 2025 | Năm
    2030", "Chủ trì | Phối hợp") under a header that can stand over them (not the number or the
    name: "STT | Nội dung | Năm 2024 | Năm 2025" is one row of headers); None otherwise."""
    alike = _alike_trailing(cells)
    top, sub = cells[: len(cells) - alike], cells[len(cells) - alike :]
    return [top, sub] if alike >= 2 and _parent_among(top, sub) else None


def _parent_among(top: list[str], sub: list[str]) -> bool:
    """Is there a header in ``top``, after the number and the name, that may stand over ``sub``:
    no leaf (a units header over "Chủ trì | Phối hợp" is one)?"""
    units = any(_UNITS_SUB.match(fold(s).strip()) for s in sub)
    return any(
        role_of(h) not in LEAF_ROLES or (units and any(re.search(w, fold(h)) for w in UNITS_PARENTS)) for h in top[2:]
    )


def split_flat_header(cells: list[str], width: int) -> list[list[str]] | None:
    """A two-level header printed flat (text dumps: the parent row, then the sub-columns) as its
    two rows, when the table really has ``width`` columns; None when it cannot be told apart.

    The sub-columns are the trailing cells with no role of their own (years, "Tổng số", "X").
    """
    if len(cells) != width + 1:
        return None
    by_kind = split_by_kind(cells)
    if by_kind is not None:
        return by_kind
    trailing = 0
    years = [cell for cell in cells if _YEAR.search(cell)]
    for header in reversed(cells):
        if role_of(header) not in ("other", "max_score", "achieved_score", "target_score") or len(header.split()) > 6:
            break
        # the header's one cell naming a year, over sub-columns, is their parent ("Kết quả năm
        # 2019" over "Điểm tối đa | Điểm đạt | Tỷ lệ (%)"); years side by side are sub-columns
        if trailing >= 2 and years == [header]:  # the header's only year: no other year cell to mistake
            break
        trailing += 1
    top = cells[: len(cells) - trailing]
    if trailing < 2 or len(top) < 2:
        return None
    return [top, cells[len(cells) - trailing :]]
