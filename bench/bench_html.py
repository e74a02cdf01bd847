"""Time the HTML path (read_html) against trafilatura.extract and bare lxml text_content.

Run:  .venv/bin/python bench/bench_html.py [--pages 300] [--repeat 1]

Pages come from the fixture generator (tests/fixtures/html/generate.py): the small plan
rendered with different seeds (different runs, references, line breaks) and, one page in
ten, the full sample plan. Prints pages per second for each path and the two ratios.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.html import read_html  # noqa: E402


def _generator():  # type: ignore[no-untyped-def]
    path = ROOT / "tests" / "fixtures" / "html" / "generate.py"
    spec = importlib.util.spec_from_file_location("html_fixture_generate", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def make_pages(n: int) -> list[bytes]:
    gen = _generator()
    sample = gen.sample_plan()[0].encode("utf-8")
    pages = []
    for i in range(n):
        if i % 10 == 9:
            pages.append(sample)
        else:
            doc = gen.plan2_doc(gen.Word(seed=1000 + i))
            pages.append(gen.page(gen.PLAN2_TITLE, doc, gen.PLAN2_ATTRS, meta='<meta charset="utf-8">').encode("utf-8"))
    return pages


def timed(fn: Callable[[bytes], object], pages: list[bytes], repeat: int) -> float:
    """Best pages-per-second over ``repeat`` passes."""
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        for data in pages:
            fn(data)
        elapsed = time.perf_counter() - start
        best = max(best, len(pages) / elapsed)
    return best


def bare_lxml(data: bytes) -> str:
    return lxml.html.fromstring(data).text_content()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    pages = make_pages(args.pages)
    size = sum(len(p) for p in pages) / len(pages) / 1024
    print(f"{len(pages)} pages, mean {size:.0f} KiB")
    ours = timed(read_html, pages, args.repeat)
    print(f"read_html            {ours:9.1f} pages/s")
    lx = timed(bare_lxml, pages, args.repeat)
    print(f"lxml text_content    {lx:9.1f} pages/s")
    try:
        import trafilatura
    except ImportError:
        print("trafilatura not installed: ratio against it skipped")
        return
    tr = timed(lambda d: trafilatura.extract(d.decode("utf-8"), include_tables=True), pages, args.repeat)
    print(f"trafilatura.extract  {tr:9.1f} pages/s")
    print(f"read_html / trafilatura      = {ours / tr:.2f}x")
    print(f"read_html / bare lxml        = {ours / lx:.2f}x")


if __name__ == "__main__":
    main()
