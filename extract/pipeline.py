"""One input's bytes -> rows of every table, or one failure row. Pure: no file system access.

Nothing but a ``failures`` row comes out of a bad input: the documented PageError for pages
that are not documents, and an ``extractor_error`` row (with the exception) for anything the
extractor did not foresee, so one document never stops a batch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from extract import __version__
from extract.anchors import MAX_ANCHOR_WORDS, anchor_kind, is_fixed_anchor
from extract.document import Source, build_document
from extract.page import PageError, RawPage
from extract.readers import read_page
from normalize.clean import FieldLocation, Repairer, RepairRecord, TextCleaner

if TYPE_CHECKING:
    from normalize.repair.core import Repair

#: Where a repair made before the page was read is recorded: the page's decoded text (its
#: offset counts there), under the documents table.
SOURCE_TEXT = FieldLocation("documents", "source_text")
#: Inputs larger than this are refused (a saved page is rarely over a few MB).
MAX_INPUT_BYTES = 64 * 1024 * 1024


@dataclass
class DocumentResult:
    doc_id: str
    source_path: str
    source_sha256: str
    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.tables.get("failures"))


def doc_id_of(sha256_hex: str) -> str:
    return sha256_hex[:16]


def page_texts(page: RawPage) -> list[str]:
    """All text of a page, for the repair's document-level evidence."""
    texts: list[str] = [value for _, value in page.attributes]
    for block in page.blocks:
        if block.text is not None:
            texts.append(block.text)
        elif block.table is not None:
            texts.extend(p for row in block.table.rows for cell in row for p in cell.paragraphs)
    return texts


def repair_anchors(text: str, threshold: float | None = None) -> tuple[str, list[Repair]]:
    """``text`` with the letters of its anchor lines put back, and those repairs.

    A page's structure hangs on a few lines (the motto, "Số:", "Nơi nhận:", the column headers:
    extract.anchors); one that lost a letter hides what it anchors, so these repairs are made
    before the page is read: a line's repairs that clear the bar, when together they make the
    line an anchor it was not. A line that becomes an anchor known letter for letter ("CỘNG HÒA
    XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:") attests its repairs: their odds are multiplied by
    ANCHOR_ODDS first, so a word in capitals the page writes nowhere else ("CNG") is repaired
    too. Every other repair is left to the fields, where it is made or reported with its table,
    row and column."""
    from normalize.repair import DEFAULT_THRESHOLD, DocumentEvidence, restore

    bar = DEFAULT_THRESHOLD if threshold is None else threshold
    # only short lines can be anchors: the repair reads those (runs of adjacent ones together,
    # so a word broken over two lines is seen whole), with the whole page as its evidence
    evidence = DocumentEvidence.from_texts([text])
    by_line: dict[tuple[int, int], list[Repair]] = {}
    for run_start, run in _short_line_runs(text):
        for r in restore(run, evidence=evidence, threshold=bar).repairs:
            r = replace(r, start=r.start + run_start, end=r.end + run_start)
            start = text.rfind("\n", 0, r.start) + 1
            end = text.find("\n", r.end)
            by_line.setdefault((start, len(text) if end < 0 else end), []).append(r)
    chosen: list[Repair] = []
    for (start, end), repairs in by_line.items():
        before = text[start:end]
        pieces = before.split("\n")
        attested = [replace(r, confidence=_attested(r.confidence)) for r in repairs]
        attested = [r for r in attested if r.confidence >= bar]
        if is_fixed_anchor(_in_line(before, attested, start)) and not any(map(is_fixed_anchor, pieces)):
            chosen.extend(replace(r, applied=True) for r in attested)
            continue
        sure = [r for r in repairs if r.confidence >= bar]
        kind = anchor_kind(_in_line(before, sure, start))
        if sure and kind is not None and all(anchor_kind(piece) != kind for piece in pieces):
            chosen.extend(replace(r, applied=True) for r in sure)
    return _applied(text, chosen), sorted(chosen, key=lambda r: r.start)


def _short_line_runs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each run of adjacent lines short enough to be anchors."""
    runs: list[tuple[int, str]] = []
    offset = 0
    run_start: int | None = None
    for line in text.split("\n"):
        short = 0 < len(line.split()) <= MAX_ANCHOR_WORDS
        if short and run_start is None:
            run_start = offset
        elif not short and run_start is not None:
            runs.append((run_start, text[run_start : offset - 1]))
            run_start = None
        offset += len(line) + 1
    if run_start is not None:
        runs.append((run_start, text[run_start:]))
    return runs


def _in_line(line: str, repairs: list[Repair], start: int) -> str:
    """``line`` (starting at ``start`` in the page) with ``repairs`` made."""
    return _applied(line, [replace(r, start=r.start - start, end=r.end - start) for r in repairs])


#: How much likelier a repair is right when it turns its line into an anchor than the letter
#: model alone says (odds ratio): a line that becomes "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or
#: "Đơn vị chủ trì" is strong evidence the model cannot see.
ANCHOR_ODDS = 10.0


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


def default_repairer(page: RawPage, threshold: float | None = None) -> Repairer:
    """The dropped-letter repair, primed with the page's own intact words."""
    from normalize.repair import DEFAULT_THRESHOLD, DocumentEvidence, restore

    evidence = DocumentEvidence.from_texts(page_texts(page))
    bar = DEFAULT_THRESHOLD if threshold is None else threshold
    return lambda text: restore(text, evidence=evidence, threshold=bar)


def process_bytes(
    data: bytes,
    source_path: str,
    *,
    repair: bool = True,
    threshold: float | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    sha: str | None = None,
) -> DocumentResult:
    """One input's bytes -> its tables, or a failure row; `sha` is the bytes' sha256 when the
    caller has it already (the batch worker hashes them to look up its cache)."""
    sha = sha or hashlib.sha256(data).hexdigest()
    result = DocumentResult(doc_id_of(sha), source_path, sha)
    try:
        if len(data) > max_bytes:
            raise PageError("too_large", f"the input is {len(data)} bytes, over the limit of {max_bytes}")
        anchors: list[Repair] = []

        def prepare(text: str) -> str:
            repaired, made = repair_anchors(text, threshold)
            anchors.extend(made)
            return repaired

        page = read_page(data, prepare if repair else None)
        repairer = default_repairer(page, threshold) if repair else None
        cleaner = TextCleaner(repairer=repairer)
        cleaner.repairs.extend(
            RepairRecord(SOURCE_TEXT, r.start, r.before, r.after, float(r.confidence), True, r.fix) for r in anchors
        )
        result.tables = build_document(page, Source(source_path, sha, result.doc_id), cleaner).tables
    except PageError as error:
        result.tables = failure_tables(source_path, sha, error.reason, error.message)
    except RecursionError:
        result.tables = failure_tables(source_path, sha, "too_deep", "the page is nested too deeply to read")
    except MemoryError:
        result.tables = failure_tables(source_path, sha, "too_large", "the page needs too much memory to read")
    except Exception as error:  # noqa: BLE001 - one bad page must never stop a batch
        result.tables = failure_tables(source_path, sha, "extractor_error", f"{type(error).__name__}: {error}")
    return result


def failure_tables(path: str, sha: str | None, reason: str, message: str) -> dict[str, list[dict[str, object]]]:
    return {
        "failures": [
            {
                "source_path": path,
                "source_sha256": sha,
                "reason": reason,
                "message": message,
                "extractor_version": __version__,
            }
        ]
    }


#: Modules that run the pipeline but decide nothing in a document's rows: editing them (a help
#: string, the progress bar) must not re-extract a cached batch. (extract/batch.py is not one:
#: it writes the failure rows and picks each document's source_path.)
RUNNER_MODULES = frozenset(
    {
        "extract/cli.py",
        "extract/progress.py",
        "normalize/repair/cli.py",
        "normalize/repair/__main__.py",
    }
)


def fingerprinted_sources() -> list[Path]:
    """The source files whose text decides the rows of a document, in a fixed order."""
    root = Path(__file__).resolve().parents[1]
    return [
        path
        for package in ("extract", "normalize", "schemas")
        for path in sorted((root / package).rglob("*.py"))
        if path.relative_to(root).as_posix() not in RUNNER_MODULES
    ]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extractor's own source: a changed rule reprocesses cached documents even when
    the version number was not bumped."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in fingerprinted_sources():
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def pipeline_fingerprint(*, repair: bool = True, threshold: float | None = None) -> str:
    """What decides the output besides the input bytes: extractor version and code, the tone
    map's package, repair model, bar. A change of any of these must reprocess cached documents."""
    from importlib.metadata import version

    from normalize.repair import model_fingerprint

    # underthesea's token map decides the tone placement (normalize/tone.py): its version counts too
    parts = [__version__, code_fingerprint(), f"underthesea={version('underthesea')}", f"repair={repair}"]
    parts.append(f"threshold={threshold}")
    if repair:
        parts.append(f"model={model_fingerprint()}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
