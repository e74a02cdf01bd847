"""Every output table's schema, defined once, with a description on every field.

The writer, the tests and the README's table reference all read these objects, so a column
is added or renamed here and nowhere else.
"""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa

SCHEMA_VERSION = "1"

#: Exact decimal for scores and figures: "0,8791" is stored as 0.8791, never as a float.
SCORE = pa.decimal128(12, 4)
#: Wider exact decimal for generic figures in unmapped cells ("26.120", "574945.0").
FIGURE = pa.decimal128(24, 6)


def fits(value: Decimal, type_: pa.Decimal128Type) -> bool:
    """Can ``type_`` hold ``value`` exactly (no more decimals than its scale, no more whole
    digits than its precision leaves)? A figure it cannot hold is not written as that type."""
    sign, digits, exponent = value.normalize().as_tuple()
    if not isinstance(exponent, int):
        return False  # NaN, infinity
    decimals, whole = max(0, -exponent), max(0, len(digits) + exponent)
    return decimals <= type_.scale and whole <= type_.precision - type_.scale


def _field(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


def _schema(table: str, description: str, fields: list[pa.Field]) -> pa.Schema:
    return pa.schema(
        fields,
        metadata={"table": table, "description": description, "schema_version": SCHEMA_VERSION},
    )


_DOC_ID = _field(
    "doc_id",
    pa.string(),
    "Stable document id: first 16 hex digits of the sha256 of the input bytes.",
    nullable=False,
)

DOCUMENTS = _schema(
    "documents",
    "One row per document read.",
    [
        _DOC_ID,
        _field("source_path", pa.string(), "Path of the input as given (inside a zip: archive.zip!member).", False),
        _field(
            "duplicate_paths",
            pa.list_(pa.string()),
            "The other inputs of the run with the same bytes, sorted (read as this one document, under the "
            "smallest path); empty when none.",
        ),
        _field("source_sha256", pa.string(), "sha256 of the input bytes, hex.", False),
        _field("source_form", pa.string(), "How the page was saved: text, markdown or html.", False),
        _field("encoding", pa.string(), "Character encoding the input was decoded with.", False),
        _field(
            "number",
            pa.string(),
            "Document number (Số hiệu), e.g. 434/KH-UBND: the site's attribute block, else the header's 'Số:'; "
            "the header's when the two differ and an appendix names the header's (a number_mismatch finding).",
        ),
        _field(
            "doc_type",
            pa.string(),
            "Document type (Loại văn bản), e.g. Kế hoạch, Quyết định, Công điện; Công văn for a letter with "
            "no type heading, a 'V/v ...' subject and 'Kính gửi'.",
        ),
        _field("issuer", pa.string(), "Issuing authority (Nơi ban hành), e.g. Tỉnh Đắk Nông."),
        _field(
            "issuing_body",
            pa.string(),
            "Issuing body as printed in the document header, e.g. ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG.",
        ),
        _field("signer", pa.string(), "Person who signed (Người ký)."),
        _field(
            "signer_title",
            pa.string(),
            "Title of the signer as printed above the name, e.g. PHÓ CHỦ TỊCH; null when none is printed "
            "under KT., TL., TUQ. or TM. (the signer does not hold the authority's title).",
        ),
        _field("signing_authority", pa.string(), "Signing on behalf, e.g. KT. CHỦ TỊCH or TM. ỦY BAN NHÂN DÂN."),
        _field("issued_date", pa.date32(), "Date of issue (Ngày ban hành)."),
        _field("effective_date", pa.date32(), "Date in force (Ngày hiệu lực); null when the page gives a placeholder."),
        _field("effective_date_raw", pa.string(), "Ngày hiệu lực as printed, placeholders included."),
        _field("gazette_date", pa.date32(), "Date published in the official gazette (Ngày công báo)."),
        _field("gazette_date_raw", pa.string(), "Ngày công báo as printed, placeholders included."),
        _field("gazette_number", pa.string(), "Gazette number (Số công báo); null for placeholders."),
        _field("gazette_number_raw", pa.string(), "Số công báo as printed, placeholders included."),
        _field(
            "status", pa.string(), "Legal status (Tình trạng); null for placeholders such as Đã biết, Đang cập nhật."
        ),
        _field("status_raw", pa.string(), "Tình trạng as printed, placeholders included."),
        _field("title", pa.string(), "Title as printed under the document type heading; a Công văn's subject line."),
        _field("page_title", pa.string(), "Title the site gave the page, when present."),
        _field("place", pa.string(), "Place of signing, from the header line 'Place, ngày ... tháng ... năm ...'."),
        _field(
            "body_text", pa.string(), "The document's cleaned text from header to signature, one paragraph per line."
        ),
        _field(
            "annex_text",
            pa.string(),
            "Text after the signature outside the appendix tables: appendix headings, titles, notes.",
        ),
        _field("recipients", pa.list_(pa.string()), "Recipients (Nơi nhận), one item each, in order."),
        _field("appendix_count", pa.int32(), "Number of appendix tables read.", False),
        _field("appendix_row_count", pa.int32(), "Number of rows written to appendix_rows.", False),
        _field(
            "total_max_score",
            SCORE,
            "Maximum score from the total row (TỔNG ĐIỂM), as printed, of the first appendix with a score column.",
        ),
        _field("total_achieved_score", SCORE, "Achieved score from the total row, as printed."),
        _field("total_target_score", SCORE, "Target score from the total row, as printed."),
        _field("achieved_year", pa.int16(), "Year of that appendix's achieved-score column, read from its header."),
        _field("target_year", pa.int16(), "Year of the target column, read from its header."),
        _field("repairs_applied", pa.int32(), "Text repairs applied to this document.", False),
        _field("repairs_reported", pa.int32(), "Text repairs found but below the confidence bar (not applied).", False),
        _field("extractor_version", pa.string(), "Version of vnplans that wrote the row.", False),
    ],
)

APPENDIX_ROWS = _schema(
    "appendix_rows",
    "One row per numbered row of an appendix table.",
    [
        _DOC_ID,
        _field(
            "appendix_index", pa.int16(), "1-based position of the table among the document's appendix tables.", False
        ),
        _field(
            "appendix_label",
            pa.string(),
            "Appendix heading, e.g. PHỤ LỤC or PHỤ LỤC II; a later table with no heading of its own keeps the one "
            "above it.",
        ),
        _field("appendix_title", pa.string(), "Appendix title printed under the heading."),
        _field("position", pa.int32(), "1-based order of the row within the document's appendix rows.", False),
        _field(
            "row_id",
            pa.string(),
            "Row number as a path: as printed where it says its place (1, 1.3.1; I.1, 1.a printed with the parent's "
            "number), else the parent's row_id, a dot and the number (II.1, A.1.1, 1.a); a row printed under a parent "
            "the table lacks keeps its printed path ('II.1' with no row 'II'); '-' items as parent.-N (2.-1), '+' "
            "items under them as parent.+N "
            "(2.-1.+1), or beside them (2.+1) when the figures add up as one list; a group titled without a number "
            "over rows numbered from 1 again under each title ('Lĩnh vực Hộ tịch', 1, 2, 'Lĩnh vực Chứng thực', 1, "
            "2) as #N under its parent (#1, #1.1, #2.1; I.#1). Unique within an appendix "
            "unless the page repeats a number (a duplicate_row_id finding).",
            False,
        ),
        _field("row_label", pa.string(), "Row number exactly as printed, e.g. 'a)' or 'II.' or '-'.", False),
        _field("parent_id", pa.string(), "row_id of the enclosing row; null at the top level."),
        _field("level", pa.int8(), "Depth in the hierarchy: 1 field, 2 criterion, 3 sub-criterion, ...", False),
        _field(
            "numbering",
            pa.string(),
            "Numbering style of the label: decimal, roman, upper_letter, lower_letter, dash, plus; unnumbered for "
            "a group's title printed without a number (row_id #N).",
            False,
        ),
        _field("name", pa.string(), "Name of the field/criterion/task (the content column)."),
        _field("max_score", SCORE, "Maximum score (Điểm chuẩn / Điểm tối đa)."),
        _field("achieved_score", SCORE, "Score achieved in achieved_year."),
        _field(
            "achieved_year",
            pa.int16(),
            "Year of the achieved score, read from the column header; of results of several years, the "
            "latest before the document's year (the others are appendix_cells).",
        ),
        _field("target_score", SCORE, "Target score for target_year."),
        _field(
            "target_year",
            pa.int16(),
            "Year of the target, read from the column header; of a period ('giai đoạn 2021-2025'), its last year.",
        ),
        _field("tasks", pa.list_(pa.string()), "Tasks/solutions: the cell's paragraphs and bullets, in order."),
        _field(
            "lead_units",
            pa.list_(pa.string()),
            "Lead units (đơn vị/cơ quan chủ trì), one per unit: split at ';', lines and a comma before a unit's "
            "name, never inside one ('Sở Văn hóa, Thể thao và Du lịch').",
        ),
        _field("coordinating_units", pa.list_(pa.string()), "Coordinating units (cơ quan phối hợp), split so too."),
        _field(
            "deadline",
            pa.string(),
            "Completion time (Thời gian hoàn thành / thực hiện; under 'Thời gian' over 'Bắt đầu | Hoàn thành', the "
            "end), as printed; paragraphs on separate lines.",
        ),
        _field("product", pa.string(), "Expected product (Sản phẩm); paragraphs on separate lines."),
        _field("unit", pa.string(), "Unit of measure (ĐVT)."),
        _field("note", pa.string(), "Notes (Ghi chú); paragraphs on separate lines."),
    ],
)

APPENDIX_CELLS = _schema(
    "appendix_cells",
    "Every appendix cell whose column has no role in appendix_rows, and every score cell that holds no number "
    "('≥ 87'), so that no cell is lost.",
    [
        _DOC_ID,
        _field("appendix_index", pa.int16(), "Appendix table the cell belongs to.", False),
        _field(
            "row_id",
            pa.string(),
            "row_id of the row the cell belongs to; 'total' for the total row, 'subtotal N' for a total row "
            "followed by more rows.",
            False,
        ),
        _field("position", pa.int32(), "position of that row in appendix_rows (a total row: of the row above).", False),
        _field(
            "column_index",
            pa.int16(),
            "0-based column of the cell in the expanded grid, the number column first (a column of group "
            "labels printed before it counts after the last column).",
            False,
        ),
        _field(
            "column_header",
            pa.string(),
            "Column header, cleaned and repaired as any text field; two-level headers joined with ' / '.",
            False,
        ),
        _field("value", pa.string(), "Cell text, paragraphs joined by newlines."),
        _field(
            "value_number",
            FIGURE,
            "The value as an exact number when the whole cell is one number; null for codes ('Mã' columns, "
            "'1.005062'). Decimal comma ('1,5' is 1.5) unless the column writes English figures ('1,125.5': "
            "its '1,500' is 1500); null too for a figure of more than 6 decimals (value keeps it).",
        ),
    ],
)

FINDINGS = _schema(
    "findings",
    "What does not add up or could not be read as expected, one row each. Numbers are never changed.",
    [
        _DOC_ID,
        _field("code", pa.string(), "Stable finding code, e.g. sum_mismatch, total_mismatch.", False),
        _field("severity", pa.string(), "error (figures disagree), warning (data looks wrong), info.", False),
        _field("location", pa.string(), "Where, for a person: appendix, row, column or body line.", False),
        _field("row_id", pa.string(), "Appendix row concerned, if any."),
        _field("column", pa.string(), "Column role or header concerned, if any."),
        _field("expected", pa.string(), "The figure the check computed, as text."),
        _field("actual", pa.string(), "The figure the document prints, as text."),
        _field("message", pa.string(), "What is wrong, in one sentence.", False),
    ],
)

REPAIRS = _schema(
    "repairs",
    "Every text repair considered, applied or only reported, once per field it stands in: a word "
    "that is in two fields (the body and the recipients) has a record in each.",
    [
        _DOC_ID,
        _field(
            "location_table",
            pa.string(),
            "Table of the repaired field: documents, appendix_rows, appendix_cells.",
            False,
        ),
        _field(
            "location_appendix_index",
            pa.int32(),
            "appendix_index for appendix fields (with location_row_id, the row's key), null for document fields.",
        ),
        _field(
            "location_row_id",
            pa.string(),
            "row_id for appendix fields; null for document fields, for an appendix's label and title (the same "
            "on every row of the appendix) and for a column header.",
        ),
        _field(
            "location_column",
            pa.string(),
            "Column of the repaired field, e.g. body_text, name, tasks; for a cell of appendix_cells its column_header "
            "as output, or column_header for a repair in the header itself; source_text for a repair made on the "
            "page's text before it was read (an anchor line or a line-broken word) that no field holds.",
            False,
        ),
        _field(
            "offset",
            pa.int32(),
            "Offset of the damaged span in the raw field text (for a repair made before the page was read: of the "
            "repaired word in the cleaned field; for source_text: in the page's text as read, decoded to Unicode "
            "with line feeds ending its lines).",
            False,
        ),
        _field("before", pa.string(), "Damaged text (empty where a lost one-letter word is put back).", False),
        _field("after", pa.string(), "Proposed repair.", False),
        _field(
            "confidence",
            pa.float64(),
            "Estimated probability that the repair is right, 0..1 (for an anchor line repaired before the page "
            "was read, with the evidence of the line it makes).",
            False,
        ),
        _field(
            "applied",
            pa.bool_(),
            "True when the repair was applied: its confidence cleared the threshold and, for a word in capitals, "
            "the page writes the repaired word elsewhere (else it is only reported, whatever its confidence).",
            False,
        ),
        _field(
            "fix",
            pa.string(),
            "Fix that proposed it: restore_inner_letter, split_glued_syllables, join_line_broken_word, "
            "restore_lost_word.",
            False,
        ),
        _field(
            "before_reading",
            pa.bool_(),
            "True for a repair made on the page's text before it was read (an anchor line such as a heading or "
            "'Số:', a word broken by a line break): its offset is of the repaired word in the cleaned field (or in "
            "the page's text, source_text), and the field's own repairs count theirs in a text it already holds.",
            False,
        ),
    ],
)

FAILURES = _schema(
    "failures",
    "Inputs that could not be read as a document.",
    [
        _field("source_path", pa.string(), "Path of the input as given.", False),
        _field("source_sha256", pa.string(), "sha256 of the input bytes when they could be read."),
        _field("reason", pa.string(), "Stable reason code, e.g. not_a_document, bot_challenge, empty.", False),
        _field("message", pa.string(), "What was seen, for a person.", False),
        _field("extractor_version", pa.string(), "Version of vnplans that wrote the row.", False),
    ],
)

#: All tables, in the order they are documented and written.
TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "appendix_rows": APPENDIX_ROWS,
    "appendix_cells": APPENDIX_CELLS,
    "findings": FINDINGS,
    "repairs": REPAIRS,
    "failures": FAILURES,
}

#: Sort keys that make every table's row order independent of input order and worker count.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "appendix_rows": ("doc_id", "position"),
    "appendix_cells": ("doc_id", "position", "row_id", "column_index", "column_header"),
    "findings": ("doc_id", "code", "location", "message"),
    "repairs": ("doc_id", "location_table", "location_column", "location_appendix_index", "location_row_id", "offset"),
    "failures": ("source_path", "reason"),
}


def describe(schema: pa.Schema) -> str:
    """The schema's table description."""
    return (schema.metadata or {}).get(b"description", b"").decode()


def field_description(field: pa.Field) -> str:
    return (field.metadata or {}).get(b"description", b"").decode()
