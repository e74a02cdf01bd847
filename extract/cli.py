"""The ``vnplans`` command: extract pages into Parquet tables, restore text, build the model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract import __version__


def _extract(args: argparse.Namespace) -> int:
    """Exit 0 when every input was read, 1 when some failed (listed), 2 for usage or output errors."""
    from extract.batch import run
    from extract.inputs import UsageError
    from extract.pipeline import MAX_INPUT_BYTES
    from extract.writer import OutputError, current_version

    if args.workers is not None and args.workers < 1:
        print("vnplans extract: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.timeout < 0:
        print("vnplans extract: --timeout must not be negative", file=sys.stderr)
        return 2
    if args.max_bytes is not None and args.max_bytes < 1:
        print("vnplans extract: --max-bytes must be at least 1", file=sys.stderr)
        return 2
    try:
        summary = run(
            args.paths,
            Path(args.output),
            workers=args.workers,
            repair=not args.no_repair,
            threshold=args.threshold,
            max_bytes=args.max_bytes or MAX_INPUT_BYTES,
            timeout=args.timeout or None,
            force=args.force,
            progress=not args.quiet,
        )
    except (UsageError, OutputError) as error:
        print(f"vnplans extract: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # the output became unwritable mid-run: the previous dataset is intact
        print(f"vnplans extract: cannot write {args.output}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as interrupt:  # Ctrl-C: the previous tables stand, unless it came after publishing
        version = getattr(interrupt, "version", None)
        if version is not None:
            print(
                f"vnplans extract: interrupted after publishing; the tables in {args.output} are this run's "
                f"(version {version})",
                file=sys.stderr,
            )
        elif (interrupt.previous if hasattr(interrupt, "previous") else current_version(Path(args.output))) is None:
            # (an interrupt before the run took the output, while the inputs were listed, has no
            # version to name: the output says whether a last run published)
            print(f"vnplans extract: interrupted; nothing was published in {args.output} yet", file=sys.stderr)
        else:
            print(
                f"vnplans extract: interrupted; the tables in {args.output} are those of the last run", file=sys.stderr
            )
        return 130
    if args.json:
        print(summary.to_json())
    elif not args.quiet:
        print(summary.to_text(), file=sys.stderr)
    return 1 if summary.failed else 0


def _schema_doc(args: argparse.Namespace) -> int:
    from schemas.docs import tables_markdown

    print(tables_markdown())
    return 0


def build_parser() -> argparse.ArgumentParser:
    from normalize.repair.cli import add_lm_command, add_restore_command, confidence_bar

    parser = argparse.ArgumentParser(
        prog="vnplans",
        description="Saved Vietnamese legal pages into Parquet tables; restore dropped letters; build the model.",
    )
    parser.add_argument("--version", action="version", version=f"vnplans {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser(
        "extract",
        help="read pages (files, folders, globs, .zip archives) and write the Parquet tables",
        description="Exit status: 0 every input was read, 1 some failed (see the failures table), "
        "2 bad usage or an output folder that cannot be written.",
    )
    extract.add_argument("paths", nargs="+", help="input files, folders (recursive), glob patterns or .zip archives")
    extract.add_argument("-o", "--output", default="output", help="output folder (default: output)")
    extract.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    extract.add_argument("--no-repair", action="store_true", help="do not restore dropped letters")
    extract.add_argument("--threshold", type=confidence_bar, default=None, help="confidence bar for applying repairs")
    extract.add_argument("--force", action="store_true", help="extract every input again, ignoring the cache")
    extract.add_argument("--max-bytes", type=int, default=None, help="refuse larger inputs (default: 64 MiB)")
    extract.add_argument(
        "--timeout", type=float, default=300.0, help="seconds one document may take, 0 for no limit (default: 300)"
    )
    extract.add_argument("--json", action="store_true", help="print the run summary as JSON on stdout")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress and no text summary")
    extract.set_defaults(func=_extract)

    schema = commands.add_parser("schema", help="print the tables and columns as Markdown")
    schema.set_defaults(func=_schema_doc)

    add_restore_command(commands)
    add_lm_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
