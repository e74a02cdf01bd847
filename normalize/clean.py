"""The one cleaning step every text field goes through.

Order matters: NFC first (so letters are precomposed), then the look-alike eth put back as the
d with stroke ("HÐND" -> "HĐND": Vietnamese has no eth, converters print it for Đ; one letter
for one, so repair offsets keep), then the dropped-letter repair on the raw field (it needs
the line breaks that whitespace folding would destroy: "t\\nnh" -> "tỉnh"), then tone placement
("hoà" -> "hòa", so one word has one spelling) and whitespace folding.
Every repair the repairer proposes is recorded with where it was, applied or not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from normalize.text import collapse_spaces, drop_invisible, eth_to_d_stroke, nfc
from normalize.tone import normalize_tone_placement

if TYPE_CHECKING:
    from normalize.repair import RestoreResult


@dataclass(frozen=True)
class FieldLocation:
    """Where a text field ends up: output table, column and (for appendix fields) row."""

    table: str
    column: str
    row_id: str | None = None
    appendix_index: int | None = None  # for appendix fields: which appendix of the document


#: A repairer takes the raw (NFC) field text and returns the repaired text and its repairs
#: (normalize.repair.restore with the document's evidence bound).
Repairer = Callable[[str], "RestoreResult"]


@dataclass(frozen=True)
class RepairRecord:
    location: FieldLocation
    offset: int
    before: str
    after: str
    confidence: float
    applied: bool
    fix: str
    before_reading: bool = False  # made on the page's text before it was read (extract/source_repair.py)


@dataclass
class TextCleaner:
    """Cleans the fields of one document and keeps the log of repairs made on them."""

    repairer: Repairer | None = None
    repairs: list[RepairRecord] = field(default_factory=list)

    def clean(self, raw: str | None, where: FieldLocation) -> str | None:
        """One paragraph or value: NFC, repair, then whitespace folded to single spaces."""
        if raw is None:
            return None
        return collapse_spaces(self._normalize(raw, where, base_offset=0)) or None

    def clean_paragraphs(self, raws: Sequence[str], where: FieldLocation) -> list[str]:
        """A multi-paragraph field: each paragraph cleaned, empty ones dropped, order kept.

        Repair offsets count from the start of the paragraphs joined by newlines.
        """
        cleaned: list[str] = []
        offset = 0
        for raw in raws:
            text = collapse_spaces(self._normalize(raw, where, base_offset=offset))
            if text:
                cleaned.append(text)
            offset += len(raw) + 1
        return cleaned

    def clean_lines(self, raws: Sequence[str], where: FieldLocation) -> list[str]:
        """A running text kept line by line (the body): repaired as one text, so that a word
        broken over two lines ("t" / "nh") can be joined, then cleaned line by line.

        Repair offsets count from the start of the lines joined by newlines.
        """
        text = self._normalize("\n".join(raws), where, base_offset=0)
        return [line for line in (collapse_spaces(raw) for raw in text.split("\n")) if line]

    def in_appendix(self, since: int, index: int) -> None:
        """Name appendix ``index`` in the locations of the appendix fields' repairs logged from
        ``since`` on: a row_id ("1") is only unique within its appendix."""
        self._relocate(lambda where: where.table != "documents", since, appendix_index=index)

    def rename_column(self, table: str, old: str, new: str) -> None:
        """Name the column ``new`` in the locations of the repairs logged so far for column
        ``old`` of ``table`` in the appendix being built (its cells are output under the header
        cleaned and repaired, "Tần suất (đợt/tháng)", not as printed)."""
        self._relocate(lambda where: where.table == table and where.column == old, column=new)

    def rename_row(self, table: str, old: str, new: str) -> None:
        """Name the row ``new`` in the locations of the repairs logged so far for row ``old`` of
        ``table`` in the appendix being built (a total row read again as "subtotal 1")."""
        self._relocate(lambda where: where.table == table and where.row_id == old, row_id=new)

    def _relocate(self, matches: Callable[[FieldLocation], bool], since: int = 0, **changes: object) -> None:
        """Change the locations of the repairs logged from ``since`` on that ``matches`` and that
        belong to the appendix being built (no appendix named yet)."""
        self.repairs[since:] = [
            replace(r, location=replace(r.location, **changes))
            if r.location.appendix_index is None and matches(r.location)
            else r
            for r in self.repairs[since:]
        ]

    def _normalize(self, raw: str, where: FieldLocation, base_offset: int) -> str:
        """The steps every field takes, in order: NFC without invisible characters, eth to đ, letter
        repair, tone placement (whitespace is the caller's: a paragraph folds it, the body keeps
        its lines)."""
        return normalize_tone_placement(self._repair(eth_to_d_stroke(drop_invisible(nfc(raw))), where, base_offset))

    def _repair(self, text: str, where: FieldLocation, base_offset: int) -> str:
        if self.repairer is None or not text.strip():
            return text
        result = self.repairer(text)
        for repair in result.repairs:
            self.repairs.append(
                RepairRecord(
                    location=where,
                    offset=base_offset + repair.start,
                    before=repair.before,
                    after=repair.after,
                    confidence=float(repair.confidence),
                    applied=bool(repair.applied),
                    fix=repair.fix,
                )
            )
        return result.text
