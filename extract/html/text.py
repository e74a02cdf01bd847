"""Inline-aware text walk: the visible text of an element, line by line.

Inline runs join with no separator (Word splits one word into several runs, one letter per
run at times); ASCII whitespace inside a block is one space; block elements and ``<br>`` end
a line. The walk uses an explicit stack, so no markup depth can exhaust Python's recursion.
"""

from __future__ import annotations

from collections.abc import Callable

import lxml.etree as etree

from .dom import tag_of
from .settings import BLOCK_TAGS
from .textutil import collapse_ws

_STRIP = " \u00a0"


class LineBuilder:
    """Collects inline text; ``newline`` closes the current line (empty lines are dropped)."""

    __slots__ = ("_parts", "_space", "lines")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._space = True  # at line start, leading whitespace is dropped
        self.lines: list[str] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        t = collapse_ws(text)
        if self._space and t.startswith(" "):
            t = t[1:]
        if t:
            self._parts.append(t)
            self._space = t.endswith(" ")

    def newline(self) -> None:
        if self._parts:
            line = "".join(self._parts).strip(" ")
            if line.strip(_STRIP + "\t"):
                self.lines.append(line.strip(_STRIP))
            self._parts = []
        self._space = True


# A table handler gets the table element and returns the blocks' worth of output itself.
TableHandler = Callable[[etree._Element, LineBuilder], None]


def walk(root: etree._Element, lines: LineBuilder, on_table: TableHandler | None = None) -> None:
    """Feed the visible text under ``root`` (its tail excluded) into ``lines``.

    ``on_table`` takes over ``<table>`` elements (the document flow reads them as tables);
    without it a table is plain nested blocks (text of a cell inside a data table).
    """
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, leaving = stack.pop()
        if not isinstance(el.tag, str):  # comment / processing instruction: only its tail
            lines.add(el.tail)
            continue
        tag = tag_of(el)
        if leaving:
            if tag in BLOCK_TAGS:
                lines.newline()
            if el is not root:
                lines.add(el.tail)
            continue
        if tag == "br":
            lines.newline()
            if el is not root:
                lines.add(el.tail)
            continue
        if tag == "table" and on_table is not None:
            lines.newline()
            on_table(el, lines)
            lines.newline()
            if el is not root:
                lines.add(el.tail)
            continue
        if tag in BLOCK_TAGS:
            lines.newline()
        lines.add(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines.newline()


def paragraphs(el: etree._Element) -> tuple[str, ...]:
    """The lines of an element (e.g. a table cell) as a tuple of paragraphs."""
    lb = LineBuilder()
    walk(el, lb)
    return tuple(lb.lines)
