"""Random and mutated pages into every parser: only the documented PageError escapes, process_bytes never raises."""

from __future__ import annotations

import html as html_lib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.html import read_html
from extract.page import PageError, RawPage
from extract.pipeline import process_bytes
from extract.readers import read_page
from extract.readers.markdown import read_markdown
from extract.readers.text import read_text

from .helpers import SAMPLE

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE_TEXT.splitlines()
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

#: Bits of pages that steer the parsers down their less common paths.
FRAGMENTS = [
    "|",
    "| --- |",
    "\u00a0",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 1/KH-UBND",
    "PHỤ LỤC",
    "TT",
    "1.1.1",
    "II.",
    "a)",
    "-",
    "TỔNG ĐIỂM",
    "0,8791",
    "<table>",
    "</td>",
    '<td rowspan="99999">',
    "<br>",
    "&#7885;",
    "\x00",
    "\ufeff",
    "\r",
]


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    """The sample with a few lines deleted, duplicated, shuffled or replaced by fragments or noise."""
    lines = list(SAMPLE_LINES)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "fragment", "noise", "cut"]))
        if action == "delete":
            del lines[i : i + draw(st.integers(1, 40))]
        elif action == "duplicate":
            lines[i:i] = lines[i : i + draw(st.integers(1, 40))]
        elif action == "fragment":
            lines.insert(i, draw(st.sampled_from(FRAGMENTS)))
        elif action == "noise":
            lines[i] = draw(st.text(max_size=40))
        else:
            lines = lines[:i]
        if not lines:
            break
    return "\n".join(lines)


def _as_html(text: str, table_every: int) -> bytes:
    """A crude HTML rendering: paragraphs, and runs of lines as table cells."""
    parts = ['<html><head><meta charset="utf-8"></head><body>']
    for i, line in enumerate(text.splitlines()):
        cell = html_lib.escape(line)
        parts.append(
            f"<table border=1><tr><td>{cell}</td></tr></table>"
            if table_every and i % table_every == 0
            else f"<p>{cell}</p>"
        )
    return ("".join(parts) + "</body></html>").encode("utf-8")


pages_as_bytes = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
    mutated_lines().map(lambda t: t.encode("utf-8")),
    mutated_lines().map(lambda t: t.encode("utf-16")),
    st.tuples(mutated_lines(), st.integers(0, 7)).map(lambda a: _as_html(*a)),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(lambda f: "\n".join(f).encode("utf-8")),
)


def _only_page_errors(call, *args: object) -> None:  # noqa: ANN001 - any parser
    try:
        page = call(*args)
    except PageError as error:
        assert error.reason and isinstance(error.message, str)
    else:
        assert isinstance(page, RawPage)


@FAST
@given(pages_as_bytes)
def test_read_page_raises_only_page_error(data: bytes) -> None:
    _only_page_errors(read_page, data)


@FAST
@given(st.one_of(mutated_lines(), st.text(max_size=2000)))
def test_read_text_raises_only_page_error(text: str) -> None:
    _only_page_errors(read_text, text, "utf-8")


@FAST
@given(st.one_of(mutated_lines(), st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("\n".join)))
def test_read_markdown_raises_only_page_error(text: str) -> None:
    _only_page_errors(read_markdown, text, "utf-8")


@FAST
@given(st.one_of(pages_as_bytes, st.lists(st.sampled_from(FRAGMENTS), max_size=80).map(lambda f: "".join(f).encode())))
def test_read_html_raises_only_page_error(data: bytes) -> None:
    _only_page_errors(read_html, data)


@FAST
@given(pages_as_bytes)
def test_process_bytes_never_raises(data: bytes) -> None:
    result = process_bytes(data, "random.txt", repair=False)
    if result.failed:
        assert set(result.tables) == {"failures"} and len(result.tables["failures"]) == 1
        assert result.tables["failures"][0]["reason"] != "extractor_error", result.tables["failures"][0]["message"]
    else:
        assert len(result.tables["documents"]) == 1
