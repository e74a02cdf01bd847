"""Letter repairs made on a text dump or Markdown page before it is read, and where they land.

Why: such a page's structure is its lines. A line that lost a letter may hide what it anchors
(a motto "CNG HÒA XÃ HI ..." loses the issuing body, "Đơn vị ch trì" a column's role:
extract/anchors.py), and a letter turned into a line break ("Sở Lao đ" / "ng - Thương binh")
cuts a cell in two and shifts the table. So those repairs are made on the page's text first;
every other repair is left to the fields, where it is made or reported with its table, row and
column. Once the page is read, each repair made here is looked up in the fields it ended in
(``locate``), so it is recorded there as well as a field's own repairs are.

Pure: text and tables in, text, repairs and rows out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from extract.anchors import MAX_ANCHOR_WORDS, MAX_HEADER_WORDS, anchor_kind, is_fixed_anchor
from normalize.text import collapse_spaces, nfc
from normalize.tone import normalize_tone_placement

if TYPE_CHECKING:
    from normalize.repair.core import Repair

#: How much likelier a repair is right when it turns its line into an anchor known letter for
#: letter than the letter model alone says (odds ratio): a line that becomes "CỘNG HÒA XÃ HỘI
#: CHỦ NGHĨA VIỆT NAM" or "Nơi nhận:" is strong evidence the model cannot see.
ANCHOR_ODDS = 10.0
#: Characters of the line on each side of a repair that find it again in a field.
CONTEXT_CHARS = 16
#: A repair found in more fields than this is not placed (its context says too little).
MAX_FIELDS = 3
#: Columns that are no text of the page.
_NOT_TEXT = frozenset({"doc_id", "source_path", "source_sha256", "extractor_version", "row_id", "parent_id"})


@dataclass(frozen=True)
class SourceRepair:
    """A repair made on the page's text: the repair (offsets in the text as decoded) and the
    line it stands in, repaired, with where the repair sits in it (to find it in a field), and
    the line as the page came, with where the damage sits in it (to tell the field that held
    the damage from one that held the words intact)."""

    repair: Repair
    line: str
    at: int
    came: str = ""
    came_at: int = 0


def repair_source(text: str, threshold: float | None = None, *, joins: bool = True) -> tuple[str, list[SourceRepair]]:
    """``text`` with its anchor lines and its line-broken words repaired, and those repairs.

    A line's repairs that clear the bar are made when together they make the line an anchor it
    was not, or when it is a line of the issuing body ("TỈNH QUẢNG TR", "BỘ NỘI V"): the issuer
    is named from it. A line that becomes an anchor known letter for letter attests them (their
    odds times ANCHOR_ODDS), so a word in capitals the page writes nowhere else ("CNG") is put
    back too. A word broken by a line break is joined when its repair clears the bar (unless
    ``joins`` is False: an HTML page's paragraphs, where a line break ends a paragraph). Only
    joins change the text's lines."""
    from normalize.repair import DEFAULT_THRESHOLD, DocumentEvidence, restore
    from normalize.repair.fixes import JOIN_LINE_BROKEN_WORD

    bar = DEFAULT_THRESHOLD if threshold is None else threshold
    evidence = DocumentEvidence.from_texts([text])
    found: dict[tuple[int, int], Repair] = {}
    # the repair reads only what may matter here, with the whole page as its evidence: runs of
    # lines short enough to be anchors, and the two lines around a break between two letters
    for start, piece in _short_line_runs(text):
        # a tab parts two cells as a line break does (same length: the offsets hold)
        for r in restore(piece.replace("\t", "\n"), evidence=evidence, threshold=bar).repairs:
            found.setdefault((r.start + start, r.end + start), replace(r, start=r.start + start, end=r.end + start))
    for start, piece in _broken_word_lines(text) if joins else ():
        for r in restore(piece, evidence=evidence, threshold=bar).repairs:
            if r.fix == JOIN_LINE_BROKEN_WORD:
                found.setdefault((r.start + start, r.end + start), replace(r, start=r.start + start, end=r.end + start))
    by_line: dict[tuple[int, int], list[Repair]] = {}
    for r in sorted(found.values(), key=lambda r: r.start):
        start = text.rfind("\n", 0, r.start) + 1
        end = text.find("\n", r.end)
        by_line.setdefault((start, len(text) if end < 0 else end), []).append(r)
    picked: dict[tuple[int, int], Repair] = {}
    for (start, end), repairs in by_line.items():
        for at, window in _windows(text, start, end):
            inside = [r for r in repairs if at <= r.start and r.end <= at + len(window)]
            attested = [a for r in inside if (a := replace(r, confidence=_attested(r.confidence))).confidence >= bar]
            sure = [r for r in inside if r.confidence >= bar]
            if attested and is_fixed_anchor(_in_line(window, attested, at)) and not is_fixed_anchor(window):
                made = attested
            elif sure and _becomes_anchor(window, repaired := _in_line(window, sure, at)):
                made = sure
            elif sure and anchor_kind(repaired) == "body":
                made = sure  # the issuing body: what the issuer is named from must be read repaired
            else:
                continue
            for r in made:  # the first window that makes an anchor of the repairs in it decides
                picked.setdefault((r.start, r.end), replace(r, applied=True))
        for r in repairs:
            if r.fix == JOIN_LINE_BROKEN_WORD:
                picked.setdefault((r.start, r.end), r)
    chosen = sorted(picked.values(), key=lambda r: r.start)
    repaired = _applied(text, [r for r in chosen if r.applied])
    return repaired, _with_lines(text, repaired, chosen)


def _becomes_anchor(before: str, after: str) -> bool:
    """Is ``after`` an anchor of a kind ``before`` (or any of its lines) is not?"""
    kind = anchor_kind(after)
    return kind is not None and anchor_kind(before) != kind and all(anchor_kind(p) != kind for p in before.split("\n"))


def _windows(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, text) of the stretches of the page a repair's line is read in as an anchor: the
    line, the line with the one before or after it (an anchor wrapped over two lines: "CỘNG
    HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"), and each of its cells ("|" or a tab apart)."""
    before = text.rfind("\n", 0, max(start - 1, 0)) + 1 if start > 0 else start
    after = text.find("\n", end + 1) if end < len(text) else -1
    after = len(text) if after < 0 else after
    windows = [(start, text[start:end]), (before, text[before:end]), (start, text[start:after])]
    offset = start
    for cell in re.split(r"([|\t])", text[start:end]):
        if cell not in ("|", "\t") and cell.strip():
            windows.append((offset, cell))
        offset += len(cell)
    return windows


def _short_line_runs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each run of lines short enough to be anchors (blank lines between
    them too: a text dump sets its lines apart with them, and the repair reads the line above),
    or a header line of tab-separated cells each short enough to be a column header."""
    runs: list[tuple[int, str]] = []
    offset = 0
    run_start: int | None = None
    for line in text.split("\n"):
        # a table's header printed as one line with tabs between its cells counts cell by cell
        short = len(line.split()) <= MAX_ANCHOR_WORDS or (
            "\t" in line and all(len(cell.split()) <= MAX_HEADER_WORDS for cell in line.split("\t"))
        )
        if short and run_start is None:
            run_start = offset
        elif not short and run_start is not None:
            runs.append((run_start, text[run_start : offset - 1]))
            run_start = None
        offset += len(line) + 1
    if run_start is not None:
        runs.append((run_start, text[run_start:]))
    return runs


_BREAK_IN_WORD = re.compile(r"(?<=[^\W\d_])\n(?=[^\W\d_])")


def _broken_word_lines(text: str) -> list[tuple[int, str]]:
    """(offset, text) of the two lines around each line break between two letters."""
    spans: list[list[int]] = []
    for m in _BREAK_IN_WORD.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(start, text[start:end]) for start, end in spans]


def _attested(confidence: float) -> float:
    """The confidence of a repair that makes an anchor line: its odds times ANCHOR_ODDS."""
    if confidence >= 1.0:
        return 1.0
    odds = ANCHOR_ODDS * confidence / (1.0 - confidence)
    return round(odds / (1.0 + odds), 4)


def _applied(text: str, repairs: list[Repair]) -> str:
    """``text`` with ``repairs`` (spans of it, not overlapping) made."""
    for r in sorted(repairs, key=lambda r: r.start, reverse=True):
        text = text[: r.start] + r.after + text[r.end :]
    return text


def _in_line(line: str, repairs: list[Repair], start: int) -> str:
    """``line`` (starting at ``start`` in the page) with ``repairs`` (spans inside it) made."""
    return _applied(line, [replace(r, start=r.start - start, end=r.end - start) for r in repairs])


def _with_lines(text: str, repaired: str, chosen: list[Repair]) -> list[SourceRepair]:
    """Each repair with its line in the repaired text and in ``text`` as it came (``chosen`` in
    page order; a join below the bar was not made: its line is the text around the break as it
    stays)."""
    out: list[SourceRepair] = []
    shift = 0
    for r in chosen:
        came_start = text.rfind("\n", 0, r.start) + 1
        came_end = text.find("\n", r.end)
        came = text[came_start : len(text) if came_end < 0 else came_end]
        at = r.start + shift
        length = len(r.after) if r.applied else r.end - r.start
        if r.applied:
            shift += len(r.after) - (r.end - r.start)
        start = repaired.rfind("\n", 0, at) + 1
        end = repaired.find("\n", at + length)
        line = repaired[start : len(repaired) if end < 0 else end]
        out.append(SourceRepair(r, line, at - start, came, r.start - came_start))
    return out


#: Where a repair ended: (table, column, appendix_index, row_id, offset), as the repairs table
#: names it; a cell's column is its header, as for the repairs made in the cell itself.
Place = tuple[str, str, "int | None", "str | None", int]


def _where(table: str, row: dict[str, object], column: str) -> tuple[str, str, object, object]:
    """(table, column, appendix_index, row_id) of a field as the repairs table names it: a
    cell's value by its column's header, a header (no one row's) by "column_header"."""
    if table == "documents":
        return table, column, None, None
    if column in ("appendix_label", "appendix_title"):  # the same on every row of the appendix: no one row's
        return table, column, row.get("appendix_index"), None
    if table == "appendix_cells":
        if column == "column_header":
            return table, column, row.get("appendix_index"), None
        if column == "value":
            return table, str(row.get("column_header")), row.get("appendix_index"), row.get("row_id")
    return table, column, row.get("appendix_index"), row.get("row_id")


def locate(
    source: SourceRepair,
    tables: dict[str, list[dict[str, object]]],
    used: set[Place] | None = None,
    as_it_came: dict[str, list[dict[str, object]]] | None = None,
) -> list[Place]:
    """(table, column, appendix_index, row_id, offset) of each field the repair ended in, found by the repaired
    word with up to CONTEXT_CHARS of its line on each side (a list item's bullet and closing
    mark aside), else with its context on one side; [] when it is in no field, or in more than
    MAX_FIELDS (its context says too little). A column takes the first place not ``used`` by
    an earlier repair (the same damage in two cells is two repairs, one in each); the places
    found are added to ``used``.

    ``as_it_came`` are the tables of the page read with no repair: a field that holds the words
    as often there is an intact copy ("Các sở, ngành; UBND huyện" in an earlier row, or in the
    body), not where the repair ended; nor is a place where a repair of the field itself stands
    inside the words ("UBND huyện Phú Lc" in the body, "Lc" repaired there). A join below the
    bar was not made: no field holds its word ([])."""
    used = set() if used is None else used
    if not source.repair.applied:
        return []
    line, at, after = source.line, source.at, source.repair.after
    left, right = line[max(0, at - CONTEXT_CHARS) : at], line[at + len(after) : at + len(after) + CONTEXT_CHARS]
    if at <= CONTEXT_CHARS:
        left = left.lstrip(_BULLETS)
    if at + len(after) + CONTEXT_CHARS >= len(line):
        right = right.rstrip(_CLOSING)
    came, came_at, length = source.came, source.came_at, len(source.repair.before)
    came_lead = came[max(0, came_at - CONTEXT_CHARS) : came_at]
    came_tail = came[came_at + length : came_at + length + CONTEXT_CHARS]
    if came_at <= CONTEXT_CHARS:
        came_lead = came_lead.lstrip(_BULLETS)
    if came_at + length + CONTEXT_CHARS >= len(came):
        came_tail = came_tail.rstrip(_CLOSING)
    word = _as_field(after)
    before = _FieldTexts(as_it_came, tables) if as_it_came is not None else None
    for lead, tail in ((left, right), (left, ""), ("", right)):
        needle = _as_field(lead + after + tail)
        if len(needle) < len(word) + 4:
            continue
        offset = len(_as_field(lead + after)) - len(word)  # where the word stands in the needle
        damaged = _as_field(  # the words as the page came, other repairs of the line undone
            (came_lead if lead else "") + source.repair.before + (came_tail if tail else "")
        )
        found: dict[tuple[str, str], Place] = {}
        holding: dict[tuple[str, str], Place] = {}  # ... in a field that held the damage as it came
        order: dict[Place, tuple[int, int]] = {}  # an appendix place's (appendix, row position)
        for table, row, column, value in _fields(tables):
            if (table, column) in holding or needle not in value:
                continue
            if (table, column) in found and before is None:
                continue
            where = _where(table, row, column)
            starts = _starts(value, needle)
            if before is not None:
                item = isinstance(row.get(column), list)
                starts = [i for i in starts if not before.repaired_inside(where, value, i, len(needle), item)]
                if not before.gained(table, row, column, needle, value, len(starts)):
                    continue
                # of the places, those that were not there as the page came ("- UBND huyện X;"
                # among the recipients the body ends with, not "UBND huyện X chủ động ...")
                starts = [i for i in starts if before.new_in(table, row, column, value, i, len(needle))] or starts
            for index in starts:
                place = (*where, index + offset)
                if place not in used:
                    found.setdefault((table, column), place)
                    order.setdefault(place, (int(row.get("appendix_index") or 0), int(row.get("position") or 0)))
                    if before is not None and before.held(table, row, column, damaged):
                        holding[(table, column)] = place
                    break
        found.update(holding)  # in a column, the row that held the damage as the page came
        _one_table_place(found, order)
        if 0 < len(found) <= MAX_FIELDS:
            used.update(found.values())
            return list(found.values())
    return _as_whole_line(line, at, after, word, tables, used, before)


def _one_table_place(found: dict[tuple[str, str], Place], order: dict[Place, tuple[int, int]]) -> None:
    """Keep one place in the appendices, the first in the page: a line of the page's text stands
    in one cell of a table, while the body and the recipients may both hold it. Several found
    ("Sở Lao đ" / "ng" as a lead unit in appendix I, a coordinating unit in appendix II) are the
    same words damaged in several lines: each repair takes its own, in page order."""
    in_tables = [key for key in found if key[0] != "documents"]
    if len(in_tables) > 1:
        first = min(in_tables, key=lambda key: order.get(found[key], (0, 0)))
        for key in in_tables:
            if key != first:
                del found[key]


def _as_whole_line(
    line: str,
    at: int,
    after: str,
    word: str,
    tables: dict[str, list[dict[str, object]]],
    used: set[Place],
    before: _FieldTexts | None,
) -> list[Place]:
    """A short line with too little context around its repair ("KẾ HOẠCH"), found as a whole
    line of one field only (the same line elsewhere, already right, says nothing of which one
    was repaired: then no field is named)."""
    whole = _as_field(line).strip()
    if len(whole) <= len(word):
        return []
    offset = len(_as_field(line[:at] + after).lstrip()) - len(word)
    pattern = re.compile(r"(?m)^" + re.escape(whole) + r"$")
    places: list[Place] = []
    for table, row, column, value in _fields(tables):
        here = len(pattern.findall(value))
        if before is not None and not before.gained(table, row, column, whole, value, here, pattern):
            continue
        for match in pattern.finditer(value):
            place = (*_where(table, row, column), match.start() + offset)
            if place not in used:
                places.append(place)
    if len(places) == 1:
        used.update(places)
        return places
    return []


#: Characters before a place that tell it from an older copy of the same words.
NEW_CONTEXT = 24


class _FieldTexts:
    """The text fields of a document's tables by where they are (table, column, appendix, row,
    cell header): to tell a field that gained some words from one that had them already."""

    def __init__(self, tables: dict[str, list[dict[str, object]]], now: dict[str, list[dict[str, object]]]) -> None:
        self._texts: dict[tuple, list[str]] = {}
        for table, row, column, value in _fields(tables):
            self._texts.setdefault(_field_key(table, row, column), []).append(value)
        #: (table, column, appendix_index, row_id) -> (offset, repaired text) of the repairs made
        #: in the field itself
        self._repairs: dict[tuple[str, str, object, object], list[tuple[int, str]]] = {}
        for r in now.get("repairs", []):
            where = (r["location_table"], r["location_column"], r["location_appendix_index"], r["location_row_id"])
            self._repairs.setdefault(where, []).append((int(r["offset"]), str(r["after"])))  # type: ignore[call-overload]

    def repaired_inside(
        self, where: tuple[str, str, object, object], value: str, start: int, length: int, item: bool
    ) -> bool:
        """Does a repair of the field itself stand inside ``length`` characters of ``value`` from
        ``start``? An item of a list column is no whole field (a repair's offset is in the cell
        the items came from): there a repair's word inside the span counts."""
        span = value[start : start + length]
        return any(
            (after in span) if item else (start < at + len(after) and at < start + length)
            for at, after in self._repairs.get(where, [])
        )

    def held(self, table: str, row: dict[str, object], column: str, words: str) -> bool:
        """Did the field hold ``words`` (the damage with its context) as the page came?"""
        return any(words in _as_field(old) for old in self._texts.get(_field_key(table, row, column), []))

    def new_in(self, table: str, row: dict[str, object], column: str, value: str, start: int, length: int) -> bool:
        """Is the place not a copy of one the field had as the page came (the words with what
        stands before them)?"""
        seen = value[max(0, start - NEW_CONTEXT) : start + length]
        return not any(seen in old for old in self._texts.get(_field_key(table, row, column), []))

    def gained(
        self,
        table: str,
        row: dict[str, object],
        column: str,
        words: str,
        value: str,
        here: int,
        pattern: re.Pattern[str] | None = None,
    ) -> bool:
        """Does this field hold ``words`` (or lines matching ``pattern``) more often now than as
        the page came? ``here``: how often its ``value`` holds them now (outside the field's own
        repairs); the other items of a list column count as they are."""
        key = _field_key(table, row, column)

        def count(value: str) -> int:
            return len(pattern.findall(value)) if pattern else len(_starts(value, words))

        values = [v for _, _, c, v in _fields({table: [row]}) if c == column]
        others = sum(count(v) for v in values) - count(value)
        return here + others > sum(count(v) for v in self._texts.get(key, []))


def _starts(text: str, words: str) -> list[int]:
    """Where ``words`` stand in ``text`` (overlapping places too)."""
    found = []
    index = text.find(words)
    while index >= 0:
        found.append(index)
        index = text.find(words, index + 1)
    return found


def _field_key(table: str, row: dict[str, object], column: str) -> tuple:
    return (table, column, row.get("appendix_index"), row.get("row_id"), row.get("column_header"))


#: A list item's opening mark and a line's closing marks, which a field may not keep.
_BULLETS = " -+•*–"
_CLOSING = " ;.,:"


def _as_field(text: str) -> str:
    """Text as the fields hold it: NFC, tone marks placed, no Markdown emphasis, single spaces."""
    return collapse_spaces(normalize_tone_placement(nfc(text.replace("*", ""))))


def _fields(tables: dict[str, list[dict[str, object]]]):
    """(table, row, column, text) of every text field of the document, in table order."""
    for table in ("documents", "appendix_rows", "appendix_cells"):
        for row in tables.get(table, []):
            for column, value in row.items():
                if column in _NOT_TEXT:
                    continue
                if isinstance(value, str):
                    yield table, row, column, value
                elif isinstance(value, list):
                    for item in value:
                        if isinstance(item, str):
                            yield table, row, column, item
