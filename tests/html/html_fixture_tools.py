"""Shared helpers of the HTML tests: fixture paths, the lossy reader, the damaged text."""

from __future__ import annotations

import lxml.html

from extract.html import decode_html_bytes, read_html
from extract.page import RawPage
from tests.conftest import FIXTURES, REPAIRED
from tests.conftest import SAMPLE as SEED  # noqa: F401 - the seed page, as copied, for the HTML tests
from tests.conftest import html_fixture as fixture  # noqa: F401 - for the HTML tests

DAMAGE = FIXTURES / "sample_434_damage.tsv"
NBSP = "\u00a0"


def is_block_letter(text: str) -> bool:
    return len(text) == 1 and 0x1EA0 <= ord(text) <= 0x1EF9


def lossy_read(data: bytes) -> RawPage:
    """Read a page the way the broken dumps did: single tone-marked-letter runs vanish
    (with the space in the same run), and Word's hidden text is not recognised as hidden."""
    text, _ = decode_html_bytes(data)
    root = lxml.html.document_fromstring(text.encode("utf-8"),
                                         lxml.html.HTMLParser(encoding="utf-8"))
    for span in list(root.iter("span")):
        if len(span) == 0 and is_block_letter((span.text or "").strip()):
            span.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and "mso-hide" in (el.get("style") or ""):
            del el.attrib["style"]
    return read_html(lxml.html.tostring(root, encoding="utf-8"))


def damaged_text() -> str:
    """The damaged dump, rebuilt from the repaired copy and the damage list."""
    text = REPAIRED.read_text(encoding="utf-8")
    lines = text.split("\n")
    done: set[tuple[int, str]] = set()
    for row in DAMAGE.read_text(encoding="utf-8").strip("\n").split("\n")[1:]:
        _, rline, _, _, ctx_dmg, ctx_rep = row.split("\t")
        key = (int(rline) - 1, ctx_rep)
        if key in done:
            continue
        done.add(key)
        i = key[0]
        assert lines[i].count(ctx_rep) == 1, (i, ctx_rep)
        lines[i] = lines[i].replace(ctx_rep, ctx_dmg.replace("\\n", "\n"))
    return "\n".join(lines)


def page_lines(text: str, first: str, stop: str) -> list[str]:
    """Non-blank lines (NBSP-only counts as blank) from the line ``first`` up to ``stop``."""
    lines = text.split("\n")
    start = lines.index(first)
    end = lines.index(stop)
    return [ln for ln in lines[start:end] if ln.strip(NBSP + " ")]


def flatten(page: RawPage) -> list[str]:
    """Block texts, and a table's cell paragraphs row by row, as the text dump lists them."""
    out: list[str] = []
    for block in page.blocks:
        if block.text is not None:
            out.append(block.text)
        elif block.table is not None:
            for row in block.table.rows:
                for cell in row:
                    if cell.span_origin is None:
                        out.extend(cell.paragraphs)
    return out
