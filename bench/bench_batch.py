"""Measure batch extraction end to end: scaling over workers, peak memory by batch size, re-run cost.

Run from the repository root (pages are generated into --work, default a temp folder):

    .venv/bin/python bench/bench_batch.py                      # everything, defaults below
    .venv/bin/python bench/bench_batch.py --only scaling --pages 2000 --workers 1,2
    .venv/bin/python bench/bench_batch.py --only memory --memory 1000,10000
    .venv/bin/python bench/bench_batch.py --only rerun --pages 2000

Each measurement runs ``vnplans extract`` in a child process (as a user would), timed with
time.perf_counter; peak memory is the child's own ru_maxrss (the parent that collects results)
and the largest worker's (RUSAGE_CHILDREN), read with resource.getrusage inside the child.
Pages cycle through five shapes of input, each with its own document number so that every page
is a distinct document: the sample text dump (119 appendix rows), the sample saved as UTF-8
HTML, a smaller plan saved as UTF-8 and as windows-1258 HTML (samples/html), and an invented
Markdown plan (tests/fixtures/markdown). Without --repair the dropped-letter repair is off (the
extractor alone, several times faster per page).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Names the page mix in the folder's marker, so that a --work folder of another mix is remade.
PAGE_SET = "five-inputs"
#: (page, its document number as bytes, suffix): the number is replaced in every copy.
TEMPLATES = (
    (ROOT / "samples" / "lawnet-434-KH-UBND-2022-dak-nong.txt", b"434/KH-UBND", ".txt"),
    (ROOT / "samples" / "html" / "sample_434_utf8.html", b"434/KH-UBND", ".html"),
    (ROOT / "samples" / "html" / "plan2_utf8.html", b"58/KH-UBND", ".html"),
    (ROOT / "samples" / "html" / "plan2_windows1258.html", b"58/KH-UBND", ".html"),
    (ROOT / "tests" / "fixtures" / "markdown" / "synthetic_plan.md", b"77/KH-UBND", ".md"),
)

#: Runs the CLI, then prints its own and its largest worker's peak RSS (KiB) as the last stderr line.
CHILD = """
import json, resource, sys
from extract.cli import main
code = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("RUSAGE " + json.dumps({"code": code, "self_kib": own, "worker_kib": workers}), file=sys.stderr)
"""


def generate(folder: Path, count: int) -> Path:
    """``count`` distinct pages, the templates in turn, each with its own number; reused when
    already there."""
    marker = folder / f".complete-{PAGE_SET}-{count}"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    templates = [(path.read_bytes(), number, suffix) for path, number, suffix in TEMPLATES]
    for n in range(count):
        data, number, suffix = templates[n % len(templates)]
        page = data.replace(number, f"{10_000 + n}/KH-UBND".encode("ascii"))
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"page-{n:06d}{suffix}").write_bytes(page)
    marker.touch()
    return folder


def extract(pages: Path, out: Path, workers: int, repair: bool) -> dict[str, object]:
    """One ``vnplans extract`` run: wall seconds, the JSON summary, peak memory."""
    args = [str(pages), "-o", str(out), "--workers", str(workers), "--json", "-q"]
    if not repair:
        args.append("--no-repair")
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", CHILD, "extract", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    usage_line = [line for line in child.stderr.splitlines() if line.startswith("RUSAGE ")]
    if child.returncode != 0 or not usage_line:
        raise SystemExit(f"vnplans extract failed ({child.returncode}):\n{child.stderr[-2000:]}")
    usage = json.loads(usage_line[-1].removeprefix("RUSAGE "))
    summary = json.loads(child.stdout)
    return {"seconds": seconds, "summary": summary, **usage}


def bench_scaling(work: Path, pages: int, workers: list[int], repair: bool) -> dict[str, object]:
    folder = generate(work / f"pages-{pages}", pages)
    rates: dict[int, float] = {}
    for count in workers:
        out = work / f"out-scaling-{count}"
        shutil.rmtree(out, ignore_errors=True)
        result = extract(folder, out, count, repair)
        assert result["summary"]["written"] == pages, result["summary"]
        rates[count] = pages / result["seconds"]
        print(f"scaling: {pages} pages, {count} worker(s): {result['seconds']:.1f} s, {rates[count]:.1f} docs/s")
    base = rates[workers[0]]
    for count in workers[1:]:
        print(f"scaling ratio {count} vs {workers[0]} worker(s): {rates[count] / base:.2f}x")
    return {"pages": pages, "docs_per_second": rates}


def bench_rerun(work: Path, pages: int, workers: int, repair: bool) -> dict[str, object]:
    folder = generate(work / f"pages-{pages}", pages)
    out = work / "out-rerun"
    shutil.rmtree(out, ignore_errors=True)
    first = extract(folder, out, workers, repair)
    again = extract(folder, out, workers, repair)
    assert again["summary"]["skipped"] == pages and not again["summary"]["published"], again["summary"]
    ratio = again["seconds"] / first["seconds"]
    print(f"rerun: first {first['seconds']:.2f} s, unchanged re-run {again['seconds']:.2f} s, ratio {ratio:.1%}")
    return {"first_seconds": first["seconds"], "rerun_seconds": again["seconds"], "ratio": ratio}


def bench_memory(work: Path, sizes: list[int], workers: int, repair: bool) -> dict[str, object]:
    peaks: dict[int, dict[str, float]] = {}
    for size in sizes:
        folder = generate(work / f"pages-{size}", size)
        out = work / f"out-memory-{size}"
        shutil.rmtree(out, ignore_errors=True)
        result = extract(folder, out, workers, repair)
        peaks[size] = {"main_mib": result["self_kib"] / 1024, "worker_mib": result["worker_kib"] / 1024}
        print(
            f"memory: {size} pages, {workers} worker(s): main process {peaks[size]['main_mib']:.0f} MiB, "
            f"largest worker {peaks[size]['worker_mib']:.0f} MiB, {result['seconds']:.1f} s"
        )
    if len(sizes) > 1:
        first, last = peaks[sizes[0]], peaks[sizes[-1]]
        print(
            f"memory growth {sizes[0]} -> {sizes[-1]} pages: main {last['main_mib'] / first['main_mib']:.2f}x, "
            f"worker {last['worker_mib'] / first['worker_mib']:.2f}x"
        )
    return {"workers": workers, "peak": peaks}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["scaling", "rerun", "memory"], action="append")
    parser.add_argument("--pages", type=int, default=2000, help="pages for scaling and rerun (default 2000)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--memory", default="1000,10000", help="batch sizes for peak memory (default 1000,10000)")
    parser.add_argument("--repair", action="store_true", help="with the dropped-letter repair (slower)")
    parser.add_argument("--work", type=Path, default=None, help="folder for pages and outputs (kept)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="vnplans-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    only = set(args.only or ["scaling", "rerun", "memory"])
    print(f"work folder: {work} (cpus: {len(os.sched_getaffinity(0))}, repair: {args.repair})")
    figures: dict[str, object] = {}
    if "scaling" in only:
        figures["scaling"] = bench_scaling(work, args.pages, workers, args.repair)
    if "rerun" in only:
        figures["rerun"] = bench_rerun(work, args.pages, max(workers), args.repair)
    if "memory" in only:
        figures["memory"] = bench_memory(work, [int(n) for n in args.memory.split(",")], max(workers), args.repair)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
