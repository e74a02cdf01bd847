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

from extract import __version__
from extract.document import Source, build_document, repair_row
from extract.page import PageError, RawPage
from extract.readers import read_page
from extract.source_repair import Place, SourceRepair, locate, repair_source
from normalize.clean import FieldLocation, Repairer, RepairRecord, TextCleaner

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
        made_on_source: list[SourceRepair] = []

        def prepare(text: str) -> str:
            repaired, made = repair_source(text, threshold)
            made_on_source.extend(made)
            return repaired

        page = read_page(data, prepare if repair else None)
        if repair and page.source_form == "html":
            _repair_paragraph_anchors(page, threshold, made_on_source)
        repairer = default_repairer(page, threshold) if repair else None
        cleaner = TextCleaner(repairer=repairer)
        result.tables = build_document(page, Source(source_path, sha, result.doc_id), cleaner).tables
        if made_on_source:  # a second reading only to place repairs that were made
            applied = any(made.repair.applied for made in made_on_source)
            as_it_came = _as_it_came(data, Source(source_path, sha, result.doc_id)) if applied else None
            _record_source_repairs(result.tables, made_on_source, result.doc_id, as_it_came)
    except PageError as error:
        result.tables = failure_tables(source_path, sha, error.reason, error.message)
    except RecursionError:
        result.tables = failure_tables(source_path, sha, "too_deep", "the page is nested too deeply to read")
    except MemoryError:
        result.tables = failure_tables(source_path, sha, "too_large", "the page needs too much memory to read")
    except Exception as error:  # noqa: BLE001 - one bad page must never stop a batch
        result.tables = failure_tables(source_path, sha, "extractor_error", f"{type(error).__name__}: {error}")
    return result


def _repair_paragraph_anchors(page: RawPage, threshold: float | None, made: list[SourceRepair]) -> None:
    """An HTML page's paragraphs get the repairs a text dump's lines get before they are read: a
    damaged type heading ("K HOẠCH"), appendix heading ("PHỤ LC II"), motto or issuing body hides
    the title, the appendix's label or the issuer. Paragraphs are never joined."""
    texts = [block.text for block in page.blocks if block.text is not None]
    joined = "\n".join(texts)
    repaired, found = repair_source(joined, threshold, joins=False)
    if not found or repaired.count("\n") != joined.count("\n"):
        return
    lines = iter(repaired.split("\n"))
    page.blocks = [
        block if block.text is None else replace(block, text="\n".join(next(lines) for _ in block.text.split("\n")))
        for block in page.blocks
    ]
    made.extend(found)


def _as_it_came(data: bytes, source: Source) -> dict[str, list[dict[str, object]]] | None:
    """The page's tables read with no repair: a field a repair on the page's text changed holds
    its words more often than here; an intact copy of them as often. None when the page cannot
    be read without its repairs (a motto the repair put back)."""
    try:
        return build_document(read_page(data), source, TextCleaner()).tables
    except Exception:  # noqa: BLE001 - only a help to place repairs; the document stands without it
        return None


def _record_source_repairs(
    tables: dict[str, list[dict[str, object]]],
    made: list[SourceRepair],
    doc_id: str,
    as_it_came: dict[str, list[dict[str, object]]] | None,
) -> None:
    """The repairs made (or, a join below the bar, only reported) on the page's text, as rows of
    ``repairs`` in the fields they ended in (before the fields' own repairs, in page order), or
    at their offset in the page's text (``source_text``) when no one field is surely theirs; the
    document's counts include them."""
    records: list[RepairRecord] = []
    used: set[Place] = set()
    reported = {(str(row["before"]), str(row["after"])) for row in tables["repairs"] if not row["applied"]}
    for source in made:
        r = source.repair
        if not r.applied and (r.before, r.after) in reported:
            continue  # a join below the bar in a field that kept the break: reported there already
        places = locate(source, tables, used, as_it_came) or [("documents", "source_text", None, None, r.start)]
        records.extend(
            RepairRecord(
                FieldLocation(table, column, row_id, appendix_index),
                offset,
                r.before,
                r.after,
                float(r.confidence),
                r.applied,
                r.fix,
                before_reading=True,
            )
            for table, column, appendix_index, row_id, offset in places
        )
    tables["repairs"] = [repair_row(doc_id, record) for record in records] + tables["repairs"]
    tables["documents"][0]["repairs_applied"] += sum(1 for record in records if record.applied)
    tables["documents"][0]["repairs_reported"] += sum(1 for record in records if not record.applied)


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
