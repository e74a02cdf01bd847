"""argparse sub-commands ``restore`` and ``lm build`` for the ``vnplans`` console script.

Why here: the lead wires these into extract/cli.py; keeping the handlers next to the repair code
lets them be tested with a private ArgumentParser.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from normalize.repair.core import DEFAULT_THRESHOLD, restore
from normalize.repair.evidence import DocumentEvidence
from normalize.repair.lm import DEFAULT_CORPUS, DEFAULT_MODEL_PATH, load_model, run_build


def _read_input(name: str) -> str:
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8")
    return Path(name).read_text(encoding="utf-8")


def confidence_bar(value: str) -> float:
    """An argparse type: a confidence bar is a number from 0 to 1 ("nan" would apply nothing,
    a negative bar everything, both without a word)."""
    try:
        bar = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= bar <= 1.0:  # also false for nan
        raise argparse.ArgumentTypeError(f"a confidence bar is between 0 and 1, not {value}")
    return bar


def cmd_restore(args: argparse.Namespace) -> int:
    """Print the repaired text; optionally write every repair as a JSON line."""
    try:
        text = _read_input(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"vnplans restore: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    try:  # opened before any output: a path that cannot be written is said before the work
        repairs_file = open(args.repairs, "w", encoding="utf-8") if args.repairs else None  # noqa: SIM115
    except OSError as exc:
        print(f"vnplans restore: cannot write {args.repairs}: {exc}", file=sys.stderr)
        return 2
    model = load_model(args.model) if args.model else None
    result = restore(
        text,
        evidence=DocumentEvidence.from_texts([text]),
        threshold=args.threshold,
        model=model,
    )
    sys.stdout.write(result.text)
    sys.stdout.flush()
    if repairs_file is not None:
        with repairs_file:
            for r in result.repairs:
                repairs_file.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
    return 0


def cmd_lm_build(args: argparse.Namespace) -> int:
    """Rebuild the syllable model from a corpus folder (deterministic output)."""
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"vnplans lm build: no corpus folder {corpus}", file=sys.stderr)
        return 2
    return run_build(corpus, args.out)


def add_restore_command(subparsers) -> argparse.ArgumentParser:
    """Register ``restore [FILE|-] [--repairs PATH] [--threshold X] [--model PATH]``."""
    p = subparsers.add_parser("restore", help="put back Vietnamese letters dropped by page extraction")
    p.add_argument("file", nargs="?", default="-", help="UTF-8 text file, or - for stdin")
    p.add_argument("--repairs", metavar="PATH", help="write every repair as JSON lines")
    p.add_argument(
        "--threshold",
        type=confidence_bar,
        default=DEFAULT_THRESHOLD,
        help=f"apply repairs at or above this confidence (default {DEFAULT_THRESHOLD})",
    )
    p.add_argument("--model", metavar="PATH", help="model file (default: the shipped one)")
    p.set_defaults(func=cmd_restore)
    return p


def add_lm_command(subparsers) -> argparse.ArgumentParser:
    """Register ``lm build [--corpus DIR] [--out PATH]``."""
    p = subparsers.add_parser("lm", help="syllable language model for the letter repair")
    sub = p.add_subparsers(dest="lm_command", required=True)
    b = sub.add_parser("build", help="rebuild the model from a folder of *.jsonl.gz texts")
    b.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus folder")
    b.add_argument("--out", default=str(DEFAULT_MODEL_PATH), help="model file to write")
    b.set_defaults(func=cmd_lm_build)
    return p


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry: ``python -m normalize.repair {restore,lm build}``."""
    parser = argparse.ArgumentParser(prog="python -m normalize.repair")
    subs = parser.add_subparsers(dest="command", required=True)
    add_restore_command(subs)
    add_lm_command(subs)
    args = parser.parse_args(argv)
    return args.func(args)
