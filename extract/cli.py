"""The ``vnplans`` command: extract pages into Parquet tables, restore text, build the model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract import __version__


def _extract(args: argparse.Namespace) -> int:
    from extract.batch import run

    summary = run(
        args.paths, Path(args.output), workers=args.workers, repair=not args.no_repair, threshold=args.threshold
    )
    print(
        f"documents read: {summary.read}, written: {summary.written}, failed: {summary.failed}; "
        + ", ".join(f"{name}: {count}" for name, count in summary.rows.items()),
        file=sys.stderr,
    )
    return 1 if summary.failed else 0


def _schema_doc(args: argparse.Namespace) -> int:
    from schemas.docs import tables_markdown

    print(tables_markdown())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnplans", description=__doc__)
    parser.add_argument("--version", action="version", version=f"vnplans {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="read pages (files or folders) and write the Parquet tables")
    extract.add_argument("paths", nargs="+", help="input files or folders (searched recursively)")
    extract.add_argument("-o", "--output", default="output", help="output folder (default: output)")
    extract.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    extract.add_argument("--no-repair", action="store_true", help="do not restore dropped letters")
    extract.add_argument("--threshold", type=float, default=None, help="confidence bar for applying repairs")
    extract.set_defaults(func=_extract)

    schema = commands.add_parser("schema", help="print the tables and columns as Markdown")
    schema.set_defaults(func=_schema_doc)

    try:
        from normalize.repair.cli import add_lm_command, add_restore_command
    except ImportError:  # pragma: no cover - the repair package ships with the project
        pass
    else:
        add_restore_command(commands)
        add_lm_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
