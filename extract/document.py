"""One RawPage into the rows of every output table (pure: no I/O).

Stages: split the page into text lines and appendix tables -> metadata -> appendix rows ->
checks. Every text field goes through the document's ``TextCleaner`` on its way out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from extract import __version__
from extract.appendix import (
    Appendix,
    Finding,
    build_appendix,
    header_row_count,
    is_appendix_table,
    is_column_number_row,
    number_column_first,
    title_rows_split,
)
from extract.issuer import issuer_of
from extract.metadata import Metadata, doc_type_of, is_placeholder, read_metadata
from extract.numbering import Label, is_first_of_sequence, parse_label
from extract.page import Cell, RawPage, ReadNote, Table
from extract.settings import (
    APPENDIX_HEADING,
    APPENDIX_REFERENCE,
    DOCUMENT_NUMBER_LINE,
    MONEY_UNIT_LINE,
    PAGE_NUMBER_LINE,
    PLACE_DATE_LINE,
    UNIT_LINE,
    is_motto,
)
from extract.validate import (
    check_amount_sums,
    check_body_figures,
    check_reference,
    check_score_limits,
    check_sums,
    cited_number,
    same_number,
)
from normalize.clean import FieldLocation, RepairRecord, TextCleaner
from normalize.dates import parse_date
from normalize.text import (
    close_number_gaps,
    collapse_spaces,
    drop_invisible,
    fold,
    fold_aligned,
    mostly_upper,
    nfc,
    normalize_sign_number,
)
from normalize.vietnamese import damage_tolerant

#: Severity and location of the readers' notes; any other note is an info about the appendix.
_NOTES = {
    "short_row": ("warning", "appendix"),
    "truncated_page": ("warning", "page"),
    "bad_bytes": ("warning", "page"),
    "legacy_encoding": ("warning", "page"),
    "login_wall": ("warning", "page"),
    "content_as_file": ("warning", "page"),
}


def _note_finding(note: ReadNote, appendix: Appendix | None = None) -> Finding:
    """A reader's note as a finding. A note about one row of an appendix names the row it became
    (row_id and location): the row printed with that number, the k-th of them for a number
    printed again ("-" items)."""
    severity, location = _NOTES.get(note.code, ("info", "appendix"))
    label = parse_label(note.row_label) if note.row_label and appendix is not None else None
    if label is not None:
        rows = [row for row in appendix.rows if row.label.printed == label.printed]
        if note.occurrence < len(rows):
            row_id = str(rows[note.occurrence].values["row_id"])
            where = f"appendix {appendix.index}, row {row_id}"
            return Finding(note.code, severity, where, note.message, row_id=row_id)
    if appendix is not None and location == "appendix":
        location = f"appendix {appendix.index}"
    return Finding(note.code, severity, location, note.message)


@dataclass
class DocumentTables:
    """Rows for each output table produced by one document."""

    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    doc_id: str


def _flatten_table(table: Table) -> list[str]:
    return [" | ".join(c.text.replace("\n", " ") for c in row if not c.is_empty) for row in table.rows]


#: Lines above the first table where its heading is looked for when the page has no signature.
_HEADING_LINES = 10


def _with_body_tables(lines: list[str], body_end: int, tables_at: list[tuple[int, Table]]) -> tuple[list[str], bool]:
    """The body's lines with the text of the numbered tables that stand inside it (a Chỉ thị's
    list of checkpoints under its point 2), and whether there are any: the tables are read as
    appendix rows too, but the body text must not jump over them."""
    inside = [(at, table) for at, table in tables_at if at < body_end]
    body: list[str] = []
    for i, line in enumerate(lines[:body_end]):
        body.extend(text for at, table in inside if at == i for text in _flatten_table(table))
        body.append(line)
    return body, bool(inside)


def _without_tables(cleaned: list[str], has_tables: bool) -> list[str]:
    """The body's cleaned lines without its tables' lines ("a | b | c": their figures are the
    rows' own, not quotes of them)."""
    return [line for line in cleaned if " | " not in line] if has_tables else cleaned


def _named_as_output(finding: Finding, renamed: dict[str, str]) -> Finding:
    """The finding with its column named as the column's cells are ("Kinh phí (triệu đồng)" for
    the header printed "Kinh phí (triu đồng)"), in its column, location and message."""
    if finding.column not in renamed:
        return finding
    old, new = finding.column, renamed[finding.column]
    return replace(
        finding, column=new, location=finding.location.replace(old, new), message=finding.message.replace(old, new)
    )


def _continued(table: Table, more: Table) -> Table | None:
    """``table`` with the rows of ``more`` when ``more`` goes on with it: a table printed right
    after it (no text between), as wide (or narrower by empty last columns), whose first row is
    numbered on (not from 1, I, A), or whose header is the same and is skipped. None when
    ``more`` is a table of its own."""
    width = max((len(r) for r in table.rows), default=0)
    narrow = max((len(r) for r in more.rows), default=0)
    if not more.rows or not 2 <= narrow <= width or not more.bordered:
        return None
    body = table.rows[header_row_count(table) :]
    if narrow < width and sum(any(not c.is_empty for c in row[narrow:]) for row in body) * 2 > len(body):
        return None  # only columns mostly empty may be left out ("Ghi chú" filled here and there)
    more = Table(
        rows=tuple((*r, *(Cell(),) * (width - len(r))) for r in more.rows), bordered=True, row_notes=more.row_notes
    )
    if _fragment_first(more) and len(table.rows) > header_row_count(table):  # the last row goes on
        joined = (*table.rows[:-1], _joined_row(table.rows[-1], more.rows[0]))
        table = Table(rows=joined, bordered=table.bordered, row_notes=table.row_notes)
        more = Table(rows=more.rows[1:], bordered=more.bordered, row_notes=more.row_notes)
    header = header_row_count(table)

    def texts(rows: tuple[tuple[Cell, ...], ...]) -> list[list[str]]:
        # the header printed again may break a line elsewhere ("Thời gian<br>hoàn thành"), print
        # a no-break space, an invisible character or a letter composed otherwise; its words and
        # their case are the same (another table's header may differ in its capitals alone)
        return [[collapse_spaces(drop_invisible(nfc(c.text))) for c in row] for row in rows]

    # past the column-number row printed again after a page break without the header ("(1) |
    # (2) | (3)"; the appendix skips it as it does under the header)
    numbers = 0
    while numbers < len(more.rows) and is_column_number_row(more.rows[numbers]):
        numbers += 1
    first = _first_label(more.rows[numbers:])
    if first is not None and (not is_first_of_sequence(first) or _first_child_of_last(table, first)):
        # rows numbered on ("3", "III. TITLE", after a subtotal "Cộng (I)"), or the first sub-row of
        # the last row ("2.1" after "2"); a "1" starts a table
        skip = 0
    elif header and texts(more.rows[:header]) == texts(table.rows[:header]) and not _restarts(table, more, header):
        skip = header
    else:
        return None
    offset = len(table.rows) - skip

    def moved(cell: Cell) -> Cell:
        origin = cell.span_origin
        return cell if origin is None else Cell(cell.paragraphs, (origin[0] + offset, origin[1]))

    rows = tuple(tuple(moved(c) for c in row) for row in more.rows[skip:])
    # a note about the k-th "-" row of ``more`` is about a later one of the joined table
    before = Counter(row[0].text.strip() for row in table.rows if row)
    notes = tuple(note._replace(occurrence=note.occurrence + before[note.row_label]) for note in more.row_notes)
    return Table(rows=table.rows + rows, bordered=table.bordered, row_notes=table.row_notes + notes)


def _restarts(table: Table, more: Table, header: int) -> bool:
    """Does ``more``, under the same header, start again with the number ``table`` started with
    (a "1" after rows 1, 2): another table, not the same one going on."""
    start = _first_label(table.rows[header:])
    again = _first_label(more.rows[header:])
    return start is not None and again is not None and (start.style, start.key) == (again.style, again.key)


def _first_child_of_last(table: Table, first: Label) -> bool:
    """Is ``first`` ("2.1", "II.1") the first sub-row of ``table``'s last numbered row ("2", "II")?"""
    for row in reversed(table.rows):
        last = _cell_label(row[0].text if row else "")
        if last is not None:
            if first.path:  # printed with its parent's number
                return first.parent_path == (last.path or last.key) and is_first_of_sequence(first)
            return first.style == last.style == "decimal" and first.key == f"{last.key}.1"
    return False


def _cell_label(text: str) -> Label | None:
    """A first cell's row number, also when the cell holds a title after it ("II. THỂ CHẾ")."""
    return parse_label(text) or parse_label(text.split(".")[0])


def _first_label(rows: tuple[tuple[Cell, ...], ...]) -> Label | None:
    """The first row number of a table's ``rows``, past unnumbered rows at its top (a subtotal
    "Cộng (I)" or an unnumbered task printed after the page break)."""
    for row in rows[: _UNNUMBERED_ON_TOP + 1]:
        text = row[0].text if row else ""
        label = _cell_label(text)
        if label is not None:
            return label
        if text.strip():
            return None  # a first cell with text that is no number: not a table going on
    return None


#: Unnumbered rows looked past at the top of a table going on after a page break.
_UNNUMBERED_ON_TOP = 2


def _fragment_first(more: Table) -> bool:
    """Does ``more`` open with the rest of a row cut by a page break: no number and no name,
    text in later cells, and the next row numbered on ("", "", "", "nhân lực hỗ trợ ..." then
    "2", ...)?"""
    first = more.rows[0] if more.rows else ()
    if len(more.rows) < 2 or len(first) < 3 or any(cell.text.strip() for cell in first[:2]):
        return False  # a row with a name of its own ("Cộng (I)", an unnumbered task) is a row
    if not any(cell.text.strip() for cell in first):
        return False
    following = parse_label(more.rows[1][0].text) if more.rows[1] else None
    return following is not None and not is_first_of_sequence(following)


def _joined_row(row: tuple[Cell, ...], rest: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A row's cells with the rest printed after the page break: a piece opening in lowercase
    goes on with the cell's last paragraph, any other is a paragraph of its own."""
    cells = []
    for cell, more in zip(row, rest, strict=False):
        pieces = [p for p in more.paragraphs if p.strip()]
        if not pieces or cell.span_origin is not None:
            cells.append(cell)
            continue
        paragraphs = list(cell.paragraphs)
        if paragraphs and pieces[0][:1].islower():
            paragraphs[-1] = f"{paragraphs[-1].rstrip()} {pieces.pop(0).strip()}"
        cells.append(Cell((*paragraphs, *pieces), None))
    return (*cells, *row[len(cells) :])


_SCORE_ROLES = frozenset({"max_score", "achieved_score", "target_score"})


def _score_appendix(appendices: list[Appendix]) -> Appendix | None:
    """The appendix the document's totals and years come from: the first with a maximum or an
    achieved score, else the first with a target, else the first.

    Why: a Quyết định's plan may list its tasks in Phụ lục I (maybe with a "Mục tiêu" column)
    and score itself in Phụ lục III.
    """
    for roles in ({"max_score", "achieved_score"}, _SCORE_ROLES):
        for appendix in appendices:
            if any(c.role in roles for c in appendix.columns):
                return appendix
    return appendices[0] if appendices else None


def build_document(page: RawPage, source: Source, cleaner: TextCleaner) -> DocumentTables:
    """Rows of documents, appendix_rows, appendix_cells, findings and repairs for one page."""
    lines: list[str] = []  # the text of the document (tables outside the appendix flattened)
    appendices_at: list[tuple[int, Table]] = []  # (line index where it stands, table)
    notes = list(page.notes)  # and the row notes of tables that are no appendix
    held: list[str] = []  # a page's number right after an appendix table: dropped if the table goes on
    for block in page.blocks:
        if block.table is not None:
            follows = appendices_at[-1] if appendices_at and appendices_at[-1][0] == len(lines) else None
            continued = _continued(follows[1], block.table) if follows else None
            if continued is not None:  # the same table going on in another <table> (a page break)
                appendices_at[-1] = (follows[0], continued)
                held = []
                continue
            lines.extend(held)
            held = []
            titles, table = title_rows_split(block.table)
            if is_appendix_table(table):
                lines.extend(titles)
                appendices_at.append((len(lines), number_column_first(table)))
            else:
                lines.extend(_flatten_table(block.table))
                notes.extend(block.table.row_notes)
        elif block.text is not None:
            after_appendix = appendices_at and appendices_at[-1][0] == len(lines)
            if after_appendix and not held and PAGE_NUMBER_LINE.match(fold(block.text.strip())):
                held.append(block.text)
                continue
            lines.extend(held)
            held = []
            lines.append(block.text)
    lines.extend(held)

    meta = read_metadata(lines, page.attributes)
    body_end = (
        (meta.signature_end + 1)
        if meta.signature_end is not None
        else (appendices_at[0][0] if appendices_at else len(lines))
    )
    findings: list[Finding] = [_note_finding(note) for note in notes]
    number = _sign_number(_cleaned(cleaner, meta.values.get("number"), "number")) or meta.header_number
    findings += _check_number(meta, number)

    appendices: list[Appendix] = []
    position = 1
    # the document's own date first (an attribute block's may be another version's)
    issued = meta.header_date or parse_date(meta.values.get("issued_date"))
    # with no signature the body ends at the first table: its heading is looked for in the few
    # lines just above it (not in the whole body, whose "Căn cứ ... kèm theo" lines cite others)
    previous_end = body_end if meta.signature_end is not None else -_HEADING_LINES
    inherited: tuple[str, str | None] | None = None  # the last appendix heading and title
    for index, (at, table) in enumerate(appendices_at, start=1):
        if previous_end >= 0:
            label, title, reference = _appendix_heading(lines[min(previous_end, at) : at])
        else:
            label, title, reference = _heading_just_above(lines[max(0, at + previous_end) : at])
        if label is None and inherited is not None:
            # a second table under the same heading ("PHỤ LỤC", its parts "1. Kết quả ...", "2.
            # Nhiệm vụ ..." each over a table): the appendix goes on, under its own title if any
            label, title = inherited[0], title or inherited[1]
        inherited = (label, title) if label is not None else inherited
        logged = len(cleaner.repairs)
        appendix = build_appendix(
            table,
            index=index,
            label=cleaner.clean(label, FieldLocation("appendix_rows", "appendix_label")),
            title=cleaner.clean(title, FieldLocation("appendix_rows", "appendix_title")),
            reference=reference,
            doc_id=source.doc_id,
            first_position=position,
            cleaner=cleaner,
            issued_year=issued.year if issued else None,
        )
        cleaner.in_appendix(logged, index)
        appendix.money_unit = any(
            MONEY_UNIT_LINE.match(fold(line.replace("*", ""))) for line in lines[max(0, previous_end, at - 4) : at]
        )
        position += len(appendix.rows)
        previous_end = at
        appendices.append(appendix)
        findings += [_note_finding(note, appendix) for note in table.row_notes]

    number = _number_the_appendix_names(number, meta, appendices)
    body_raw, body_tables = _with_body_tables(lines, body_end, appendices_at)
    body_lines = cleaner.clean_lines(body_raw, FieldLocation("documents", "body_text"))

    for appendix in appendices:
        found = [
            *appendix.findings,
            *check_sums(appendix),
            *check_score_limits(appendix),
            *check_amount_sums(appendix),
            *check_body_figures(_without_tables(body_lines, body_tables), appendix),
            *check_reference(appendix, number),
        ]
        findings += [_named_as_output(f, appendix.output_headers) for f in found]
    if not appendices:
        # nothing after the signature (with none found, an appendix in text may be in the body)
        signed_last = meta.signature_end is not None and not any(line.strip() for line in lines[body_end:])
        cited = _cited_appendix(body_lines) if signed_last else None
        if cited is not None:
            message = f"The text refers to its own appendix (“{cited}”) but the page holds no appendix."
            findings.append(Finding("appendix_not_in_page", "warning", "document", message))
        else:
            findings.append(
                Finding("no_appendix", "info", "document", "The document has no appendix table with numbered rows.")
            )

    first = _score_appendix(appendices)
    columns = {c.role: c for c in first.columns} if first else {}
    document = {
        "doc_id": source.doc_id,
        "source_path": source.path,
        "duplicate_paths": [],  # filled by the batch writer, which knows the run's other inputs
        "source_sha256": source.sha256,
        "source_form": page.source_form,
        "encoding": page.encoding,
        "number": number,
        "doc_type": _cleaned(cleaner, doc_type_of(meta), "doc_type"),
        "issuer": _cleaned(cleaner, issuer_of(meta), "issuer"),
        "issuing_body": _cleaned(cleaner, meta.issuing_body, "issuing_body"),
        "signer": _cleaned(cleaner, meta.values.get("signer") or meta.signer_line, "signer"),
        "signer_title": _cleaned(cleaner, meta.signer_title, "signer_title"),
        "signing_authority": _cleaned(cleaner, meta.signing_authority, "signing_authority"),
        "issued_date": parse_date(meta.values.get("issued_date")) or meta.header_date,
        "title": _cleaned(cleaner, meta.title, "title"),
        "page_title": _cleaned(cleaner, page.page_title, "page_title"),
        "place": _cleaned(cleaner, meta.place, "place"),
        "body_text": "\n".join(body_lines) or None,
        "annex_text": "\n".join(cleaner.clean_lines(lines[body_end:], FieldLocation("documents", "annex_text")))
        or None,
        "recipients": cleaner.clean_paragraphs(meta.recipients, FieldLocation("documents", "recipients")),
        "appendix_count": len(appendices),
        "appendix_row_count": sum(len(a.rows) for a in appendices),
        "total_max_score": first.totals.get("max_score") if first else None,
        "total_achieved_score": first.totals.get("achieved_score") if first else None,
        "total_target_score": first.totals.get("target_score") if first else None,
        "achieved_year": columns["achieved_score"].year if "achieved_score" in columns else None,
        "target_year": columns["target_score"].year if "target_score" in columns else None,
        "extractor_version": __version__,
    }
    for key in ("effective_date", "gazette_date"):
        raw = meta.raw.get(key)
        document[key] = None if is_placeholder(raw) else parse_date(raw)
        document[f"{key}_raw"] = _cleaned(cleaner, raw, f"{key}_raw")
    for key in ("gazette_number", "status"):
        # cleaned (and repaired) once: into the field, or into its _raw twin when it holds a
        # placeholder ("Đang cp nhật" once repaired), so a repair is recorded once, where it stays
        raw = meta.raw.get(key)
        cleaned = None if is_placeholder(raw) else _cleaned(cleaner, raw, key)
        if cleaned is not None and not is_placeholder(cleaned):
            document[key] = document[f"{key}_raw"] = cleaned
            continue
        document[key] = None
        if cleaned is not None:  # a placeholder damaged: its repair moves to the _raw field
            moved = FieldLocation("documents", f"{key}_raw")
            cleaner.repairs[:] = [
                replace(r, location=moved) if r.location == FieldLocation("documents", key) else r
                for r in cleaner.repairs
            ]
            document[f"{key}_raw"] = cleaned
        else:
            document[f"{key}_raw"] = _cleaned(cleaner, raw, f"{key}_raw")

    repairs = [repair_row(source.doc_id, r) for r in cleaner.repairs]
    document["repairs_applied"] = sum(1 for r in cleaner.repairs if r.applied)
    document["repairs_reported"] = sum(1 for r in cleaner.repairs if not r.applied)
    return DocumentTables(
        {
            "documents": [document],
            "appendix_rows": [row.values for a in appendices for row in a.rows],
            "appendix_cells": [cell for a in appendices for cell in a.cells],
            "findings": [_finding_row(source.doc_id, f) for f in findings],
            "repairs": repairs,
        }
    )


def repair_row(doc_id: str, r: RepairRecord) -> dict[str, object]:
    """One row of the repairs table."""
    return {
        "doc_id": doc_id,
        "location_table": r.location.table,
        "location_appendix_index": r.location.appendix_index,
        "location_row_id": r.location.row_id,
        "location_column": r.location.column,
        "offset": r.offset,
        "before": r.before,
        "after": r.after,
        "confidence": r.confidence,
        "applied": r.applied,
        "fix": r.fix,
        "before_reading": r.before_reading,
    }


def _cleaned(cleaner: TextCleaner, value: str | None, column: str) -> str | None:
    return cleaner.clean(value, FieldLocation("documents", column)) if value else None


def _sign_number(number: str | None) -> str | None:
    """The number column is a join key: one spelling of a sign number (no "Ð", no blanks)."""
    return normalize_sign_number(number) if number else None


def _number_the_appendix_names(number: str | None, meta: Metadata, appendices: list[Appendix]) -> str | None:
    """The attribute block's number, unless it differs from the header's and an appendix says
    it belongs to the header's ("Kèm theo Kế hoạch số 154/KH-UBND" under "Số: 154/KH-UBND" on a
    page the site lists as 145/KH-UBND) and none names the site's: the page itself, twice,
    outweighs the site's listing."""
    header = meta.header_number
    if not (number and header) or same_number(number, header):
        return number
    cited = [found for appendix in appendices if (found := cited_number(appendix)) is not None]
    names_header = any(same_number(c, header) for c in cited)
    names_site = any(same_number(c, number) for c in cited)
    return header if names_header and not names_site else number


def _check_number(meta: Metadata, number: str | None) -> list[Finding]:
    """The attribute block's Số hiệu against the header's, compared as sign numbers (the
    header's "18 /KH-UBND" or "NQ-HÐND" is the same number as "18/KH-UBND", "NQ-HĐND")."""
    attribute = meta.values.get("number")
    if attribute and meta.header_number and not same_number(attribute, meta.header_number):
        return [
            Finding(
                "number_mismatch",
                "warning",
                "document header",
                f"The attribute block gives number {attribute} but the header says Số: {meta.header_number}.",
                expected=attribute,
                actual=meta.header_number,
            )
        ]
    return []


def _appendix_heading(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """Heading ("PHỤ LỤC II"), title and "(kèm theo ...)" reference from the lines above a table."""
    label = title = reference = None
    start = None
    for i, line in enumerate(lines):
        if APPENDIX_HEADING.match(fold(line.replace("*", ""))):
            start = i
    if start is None:
        return None, _title_above_reference(lines) or _list_title_above(lines), _find_reference(lines)
    label = lines[start].replace("*", "").strip()
    title_lines = []
    for line in map(_reference_gaps_closed, lines[start + 1 :]):
        parts = _split_reference(line)
        if parts is not None:
            title_lines.append(parts[0])
            reference = parts[1]
            break
        if not UNIT_LINE.match(fold(line.replace("*", "").strip())):
            title_lines.append(line.replace("*", "").strip())
    title = " ".join(t for t in _after_form_header(title_lines) if t) or None
    return label, title, reference


#: The body citing its own appendix, folded: "(Chi tiết tại các Phụ lục kèm theo)", "Phụ lục I
#: kèm theo Kế hoạch này", "(chi tiết tại Phụ lục II)"; not another document's ("Phụ lục II kèm
#: theo Nghị định số 30/2020", "chi tiết tại các Phụ lục kèm theo Công văn 17899/BTC-VP").
_CITES_OWN_APPENDIX = re.compile(
    r"\bphu luc\b[^.;]{0,80}?\bkem theo\b(\s+\w+){0,2}\s+nay\b"
    r"|\bphu luc\b[^.;]{0,80}?\bkem theo\s*($|[).;:,])"
    r"|\b(chi tiet|cu the)\s+(tai|theo|o|nhu)\s+(cac\s+)?phu luc(\s+([ivx]+|\d+))?\s*($|[).;:,])"
)
#: A preamble line cites the papers the document was made from ("Xét Tờ trình số 45/TTr-SNV ...
#: và Phụ lục kèm theo"), not its own appendix.
_PREAMBLE = re.compile(r"^\W*(xet|can cu|theo de nghi|thuc hien)\b")


def _cited_appendix(body_lines: list[str]) -> str | None:
    """The words of the first body line that cite the document's own appendix, else None (why:
    a page saved without its appendix looks like a document that has none)."""
    for line in body_lines:
        folded = fold_aligned(line)
        found = None if _PREAMBLE.match(folded) else _CITES_OWN_APPENDIX.search(folded)
        if found is not None:
            return line[found.start() : found.end()].strip(" .;:,()")
    return None


def _list_title_above(lines: list[str]) -> str | None:
    """The line right above a table that names its list ("2. Danh mục thủ tục hành chính được
    sửa đổi, bổ sung" between the lists of one decision, each a table of its own)."""
    last = next((line.replace("*", "").strip() for line in reversed(lines) if line.strip()), "")
    titled = _LIST_TITLE.match(fold(last)) and not last.endswith(".")  # not "Danh mục ... cập nhật hằng quý."
    return last if titled and len(last.split()) <= _LIST_TITLE_WORDS else None


#: "Danh mục ..." after an optional list number ("1.", "II.", "A.", "a)"), folded; "DANH MC" too
#: (a lost letter).
_LIST_TITLE = re.compile(r"^((\d{1,2}|[ivx]{1,4}|[a-z])[.)]\s*)?" + damage_tolerant("danh mục") + r"\b")
_LIST_TITLE_WORDS = 40


def _heading_just_above(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """A heading in the body just above a table (the page has no signature): a "PHỤ LỤC" label
    followed only by heading lines and one title line (``_heading_kind``), or with no label a title in capitals
    over its "(Kèm theo ...)" line. An article's "Điều 3. ..." or a "Căn cứ ... kèm theo ..."
    line is body text, not a heading."""
    start = next(
        (i for i in range(len(lines) - 1, -1, -1) if APPENDIX_HEADING.match(fold(lines[i].replace("*", "")))), None
    )
    if start is None:
        # "DANH MỤC ..." then "(Kèm theo ...)" just above the table: a reference line of its own,
        # not a sentence of the body that cites another document ("... ban hành kèm theo ...")
        references = [i for i, line in enumerate(lines) if _reference_line(line)]
        if not references:
            return None, None, None
        return None, _title_above_reference(lines, references[-1]), lines[references[-1]].strip()
    below = [line.replace("*", "").strip() for line in lines[start + 1 :]]
    kinds = [_heading_kind(line) for line in below]
    # a title in sentence case: one line at most, with its wrap ("Danh mục nhiệm vụ" / "năm 2024")
    wraps = sum(1 for i in range(1, len(kinds)) if kinds[i] == kinds[i - 1] == "title" and below[i][:1].islower())
    if None in kinds or kinds.count("title") - wraps > 1:
        return None, None, None
    return _appendix_heading(lines[start:])


_REFERENCE_LINE_START = re.compile(r"^\(?\s*(ban hanh |dinh )?kem theo\b")


def _reference_line(line: str) -> bool:
    """ "(Kèm theo Kế hoạch số ...)", "(Đính kèm theo ...)" or "Ban hành kèm theo ..." as a line
    of its own."""
    folded = fold(_reference_gaps_closed(line)).strip(" *")
    return bool(_REFERENCE_LINE_START.match(folded) and APPENDIX_REFERENCE.search(folded))


def _heading_kind(line: str) -> str | None:
    """What a line between an appendix label and its table is: "heading" (empty, in capitals,
    its "(Kèm theo ...)" reference, the unit of its figures, a form's own header line), "title"
    (a short line in sentence case, no article, item or sentence), or None (body text)."""
    text = line.replace("*", "").strip()
    folded = fold(text)
    if not text or mostly_upper(text) or UNIT_LINE.match(folded):
        return "heading"
    if _form_header_line(line) or _reference_line(line):
        return "heading"
    if APPENDIX_REFERENCE.search(fold_aligned(_reference_gaps_closed(line))):
        return "title"
    if _HEADING_STOP.match(folded) or text.endswith((".", ";", ":")) or len(text.split()) > 20:
        return None
    return "title"


def _form_header_line(line: str) -> bool:
    """A line of a document header: the motto, "Số: ......", "......, ngày ... tháng ..."
    (Markdown's emphasis marks aside: "*Bến Tre, **ngày** 10 tháng 3 năm 2024*")."""
    text = line.replace("*", "").strip()
    folded = fold(text)
    return is_motto(text) or bool(DOCUMENT_NUMBER_LINE.match(folded) or PLACE_DATE_LINE.match(folded))


_HEADING_STOP = re.compile(r"^(dieu \d|chuong |muc \d|[ivx]+\.|\d+[.)]|[a-zđ]\)|can cu|noi nhan)")


def _after_form_header(lines: list[str]) -> list[str]:
    """A form ("BIỂU MẪU SỐ 01") prints a document header of its own under its label: issuing
    body, motto, "Số: ......", place and date. Its title is what comes after that header."""
    folded = [fold(line) for line in lines]
    numbered = any(DOCUMENT_NUMBER_LINE.match(f) for f in folded) and any(PLACE_DATE_LINE.match(f) for f in folded)
    if not numbered and not any(is_motto(line) for line in lines):
        return lines  # no header of its own (a motto, or a "Số:" and a place and date): the title stays
    last = max(i for i, line in enumerate(lines) if _form_header_line(line))
    return lines[last + 1 :]


#: Lines of a title in capitals above a "(Ban hành kèm theo ...)" line, at most.
_MAX_TITLE_LINES = 3


def _title_above_reference(lines: list[str], at: int | None = None) -> str | None:
    """An appendix without a "PHỤ LỤC" heading ("DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CHUẨN HÓA",
    then "(Ban hành kèm theo Quyết định số ...)"): its title is the lines in capitals just
    above the reference (at line ``at`` when known, else the first line citing one)."""
    if at is None:
        at = next((i for i, line in enumerate(lines) if APPENDIX_REFERENCE.search(fold_aligned(line))), None)
    if at is None:
        return None
    title: list[str] = []
    head, _ = _split_reference(lines[at]) or ("", "")
    if mostly_upper(head):  # "DANH MỤC ... (Ban hành kèm theo ...)" read as one line
        title.append(head)
    for line in reversed(lines[max(0, at - _MAX_TITLE_LINES) : at]):
        text = line.replace("*", "").strip()
        if not text or not mostly_upper(text) or parse_label(text.split(" ")[0]) is not None:
            break
        title.insert(0, text)
    return " ".join(title) or None


def _reference_start(line: str, words: int) -> int:
    """Where the "(Kèm theo ...)" reference whose words start at ``words`` opens: at its
    bracket and emphasis ("*(Ban hành kèm theo"), when a title was read into the same line."""
    paren = line.rfind("(", 0, words + 1)
    cut = paren if paren >= 0 and ")" not in line[paren:words] else words
    while cut > 0 and line[cut - 1] == "*":
        cut -= 1
    return cut


def _reference_gaps_closed(line: str) -> str:
    """The line with the sign number of its "kèm theo ... số 18 /KH-UBND" written whole, so that
    the reference pattern reads it; the text before "kèm theo" (a title) stays as printed."""
    at = fold_aligned(line).find("kem theo")
    return line if at < 0 else line[:at] + close_number_gaps(line[at:])


def _find_reference(lines: list[str]) -> str | None:
    """The "(Kèm theo ...)" line above a table with no "PHỤ LỤC" heading: a line of its own, in
    brackets after a title, or after a title in capitals; a sentence that cites a document ("...
    Mẫu số 01 của Phụ lục III ban hành kèm theo Nghị định 95/2024/NĐ-CP;") says nothing about
    which document the table belongs to."""
    for line in map(_reference_gaps_closed, lines):
        parts = _split_reference(line)
        if parts is None:
            continue
        if mostly_upper(parts[0]):
            return parts[1]  # a title in capitals before it
        if not parts[0] or parts[1].lstrip("*").startswith("(") or _title_before_reference(parts[0], line):
            return line.strip()
    return None


def _title_before_reference(before: str, line: str) -> bool:
    """ "Danh mục nhiệm vụ kèm theo Kế hoạch số 154/KH-UBND ...": a short title in sentence case
    before the reference, not a list item or a sentence ("- Thành phần hồ sơ: ... ban hành kèm
    theo Nghị định 95/2024/NĐ-CP;")."""
    text = before.strip()
    sentence = line.rstrip(" *").endswith((";", ".", ":")) or ":" in text
    titled = fold(text).startswith(_TITLE_OPENINGS)  # not "Các đơn vị thực hiện theo biểu mẫu ..."
    return titled and not sentence and len(text.split()) <= _TITLE_WORDS


#: First words (folded) of a table's title in sentence case.
_TITLE_OPENINGS = ("danh muc", "danh sach", "bang ", "bieu ", "phu luc", "chi tieu", "nhiem vu")


#: Words of a title in sentence case before its "kèm theo ..." reference, at most.
_TITLE_WORDS = 15


def _split_reference(line: str) -> tuple[str, str] | None:
    """A line citing the document it belongs to, as (what stands before the "(Kèm theo ...)"
    reference, without emphasis marks; the reference), or None when it cites none."""
    found = APPENDIX_REFERENCE.search(fold_aligned(line))
    if found is None:
        return None
    cut = _reference_start(line, found.start())
    return line[:cut].replace("*", "").strip(), line[cut:].strip()


def _finding_row(doc_id: str, finding: Finding) -> dict[str, object]:
    return {
        "doc_id": doc_id,
        "code": finding.code,
        "severity": finding.severity,
        "location": finding.location,
        "row_id": finding.row_id,
        "column": finding.column,
        "expected": finding.expected,
        "actual": finding.actual,
        "message": finding.message,
    }
