"""The attribute block ("Thuộc tính"): label/value pairs found by label text.

Sites lay the block out as a table with up to two label/value pairs per row and an empty
spacer cell whose position varies, so a value is the next non-empty cell after its label,
never "column 2". Labels match accent- and case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterable

import lxml.etree as etree

from extract.settings import attribute_key

from .dom import tag_of
from .tables import own_cells
from .textutil import collapse_ws, fold

_STRIP = " \u00a0"


def _text(el: etree._Element) -> str:
    return collapse_ws("".join(el.itertext())).strip(_STRIP)


def _label(text: str) -> str | None:
    """The label as printed (colon stripped) if ``text`` is just a known label."""
    head = text.rstrip(_STRIP).rstrip(":").rstrip(_STRIP)
    if head and attribute_key(head) is not None:
        return head
    return None


def _inline_pair(text: str) -> tuple[str, str] | None:
    """'Số hiệu: 434/KH-UBND' in one cell -> ('Số hiệu', '434/KH-UBND')."""
    head, sep, tail = text.partition(":")
    if sep and tail.strip(_STRIP):
        label = _label(head)
        if label:
            return label, tail.strip(_STRIP)
    return None


def _row_pairs(texts: list[str]) -> Iterable[tuple[str, str]]:
    i = 0
    while i < len(texts):
        label = _label(texts[i])
        if label is None:
            pair = _inline_pair(texts[i])
            if pair:
                yield pair
            i += 1
            continue
        value = ""
        j = i + 1
        while j < len(texts) and not texts[j]:
            j += 1  # spacer cells
        if j < len(texts) and _label(texts[j]) is None and _inline_pair(texts[j]) is None:
            value = texts[j]
            i = j + 1
        else:
            i = j
        yield label, value


#: Items of a list that make it an attribute block ("Số hiệu:", "Ngày ban hành:", ...): a lone
#: "Người ký: ..." in a sidebar of related documents is not one.
_MIN_LIST_ATTRIBUTES = 3


def _attribute_list(parent: etree._Element | None) -> bool:
    """A list whose items are the attribute block: several label pairs, "Số hiệu" among them (a
    sidebar of facets such as "Lĩnh vực: Thuế", "Người ký: ..." names other documents)."""
    if parent is None:
        return False
    pairs = [pair for c in parent if tag_of(c) == "li" and (pair := _inline_pair(_text(c)))]
    return len(pairs) >= _MIN_LIST_ATTRIBUTES and any(fold(label).startswith("so") for label, _ in pairs)


def read_attributes(root: etree._Element, exclude: Iterable[etree._Element] = ()) -> list[tuple[str, str]]:
    """All (label, value) pairs in page order, outside the document, from table rows, <dl>
    lists and <li> items; exact repeats dropped."""
    skip = set(exclude)
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def keep(pair: tuple[str, str]) -> None:
        if pair not in seen:
            seen.add(pair)
            pairs.append(pair)

    for el in root.iter("tr", "dl", "li"):
        if skip and (el in skip or any(a in skip for a in el.iterancestors())):
            continue
        if tag_of(el) == "tr":
            texts = [_text(c) for c in own_cells(el)]
        elif tag_of(el) == "li":  # "<li><span>Ngày có hiệu lực:</span> <span>25/06/2020</span></li>"
            if not _attribute_list(el.getparent()):
                continue
            texts = [_text(el)]
        else:
            texts = [_text(c) for c in el if tag_of(c) in {"dt", "dd"}]
        if not any(_label(t) or _inline_pair(t) for t in texts):
            continue
        for pair in _row_pairs(texts):
            keep(pair)
    return pairs
