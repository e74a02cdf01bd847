"""The form-independent page model every reader produces.

Readers (text dump, Markdown dump, HTML) differ only in how they get from bytes to a
``RawPage``; everything after that (metadata, appendix rows, findings) is shared, which is
what lets the HTML rendering of a page and its text dump give the same tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

SourceForm = Literal["text", "markdown", "html"]


class PageError(Exception):
    """A document that cannot be read as a legal page; becomes one ``failures`` row.

    ``reason`` is a short stable code (``not_a_document``, ``empty``, ``bot_challenge``,
    ``login_stub``, ``content_pending``, ``empty_shell``, ``truncated_page``, ``undecodable``, ``too_large``,
    ``too_deep``, ``unreadable``...), ``message`` says what was seen, for a person.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Cell:
    """One grid cell; ``paragraphs`` keeps a multi-paragraph cell's lines in order.

    ``span_origin`` is ``(row, col)`` of the cell this one copies when a rowspan/colspan was
    expanded (None for the cell where the text really stands).
    """

    paragraphs: tuple[str, ...] = ()
    span_origin: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def is_empty(self) -> bool:
        return not any(p.strip() for p in self.paragraphs)


class ReadNote(NamedTuple):
    """One thing a reader had to infer: a finding's code and message and, when it is about one
    table row, the row's number as printed and how many rows of its table printed the same
    number before it ("-" items): the finding then names the row it became."""

    code: str
    message: str
    row_label: str | None = None
    occurrence: int = 0


def occurrences(numbers: Iterable[str]) -> list[int]:
    """For each row number as printed, how many rows printed it before (0, 1, 2 for three "-"
    items): with the number, what a ReadNote names its row by."""
    seen: Counter[str] = Counter()
    counts = []
    for number in numbers:
        counts.append(seen[number])
        seen[number] += 1
    return counts


@dataclass(frozen=True)
class Table:
    """A full rectangular-ish grid: spans already expanded, one ``Cell`` per position."""

    rows: tuple[tuple[Cell, ...], ...]
    bordered: bool = True  # data tables have borders; header/signature layout tables do not
    #: what the reader inferred about single rows of this table (a short row, a merged cell)
    row_notes: tuple[ReadNote, ...] = ()


@dataclass(frozen=True)
class Block:
    """One item of the document body in reading order: a paragraph (line) or a table."""

    text: str | None = None
    table: Table | None = None


@dataclass
class RawPage:
    """What a reader found in one input, before any interpretation.

    ``attributes`` holds the site's attribute block ("Thuộc tính") as raw label -> raw value
    pairs, labels as printed (the metadata step matches them accent- and case-insensitively).
    ``blocks`` is the document itself, from the header to the end of the last appendix, with
    the site clutter already removed.
    """

    source_form: SourceForm
    encoding: str
    blocks: list[Block] = field(default_factory=list)
    attributes: list[tuple[str, str]] = field(default_factory=list)
    page_title: str | None = None
    #: Things the reader had to infer (a short row padded, a merged cell assumed); they become
    #: ``findings`` rows so no guess is silent.
    notes: list[ReadNote] = field(default_factory=list)
