"""Command line: `explorer [FILE]` opens the window, `explorer check FILE...` validates,
`explorer export DATA -o OUT` writes an image without a display."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from explorer import __version__

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `explorer` command; returns the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        try:
            return run_check(args[1:])
        except BrokenPipeError:
            # The reader went away (`explorer check ... | head`): stop quietly, like other tools.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_DATA_ERROR
    if args and args[0] == "export":
        from explorer.qt.export_cli import run_export

        return run_export(args[1:])
    return run_app(args)


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Explore a timeline file (format v1, YAML or JSON). Without FILE, opens the shipped "
        "Blue Heart data set. Subcommands: 'explorer check FILE...' validates files, "
        "'explorer export DATA -o OUT' writes an image.",
    )
    parser.add_argument("file", nargs="?", help="timeline file to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def run_app(args: Sequence[str]) -> int:
    options = _app_parser().parse_args(args)
    from explorer.qt.app import run

    return run(options.file)


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer check",
        description="Validate timeline files (YAML, or JSON when the name ends in .json). "
        "Prints one line per problem "
        "(path:line:col: severity: message); exit 0 when no file has errors, 1 otherwise.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="timeline files to check")
    parser.add_argument("--json", action="store_true", help="print the diagnostics as JSON")
    return parser


def run_check(args: Sequence[str]) -> int:
    """`explorer check`: print every problem of every file; 1 if any has an error."""
    options = _check_parser().parse_args(args)
    from explorer.model.diagnostics import DatasetError
    from explorer.model.loader import load_dataset

    reports = []
    failed = False
    for file in options.files:
        try:
            dataset = load_dataset(file)
        except DatasetError as error:
            diagnostics = list(error.diagnostics)
            failed = True
            events = None
        else:
            diagnostics = list(dataset.warnings)
            events = len(dataset.events)
        reports.append((file, diagnostics, events))

    if options.json:
        payload = [
            {
                "file": file,
                "ok": events is not None,
                "events": events,
                "diagnostics": [d.as_json() for d in diagnostics],
            }
            for file, diagnostics, events in reports
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for file, diagnostics, events in reports:
            print_report(file, diagnostics, events)
    return EXIT_DATA_ERROR if failed else EXIT_OK


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def print_report(file: str, diagnostics, events: int | None = None) -> None:
    """One file's problems as compiler-style lines on stdout, then a summary on stderr:
    "ok, N events" when it loaded (`events` given), else the count of errors."""
    for diagnostic in diagnostics:
        print(diagnostic)
    errors = sum(d.is_error for d in diagnostics)
    warnings = _plural(len(diagnostics) - errors, "warning")
    if events is None:
        print(f"{file}: {_plural(errors, 'error')}, {warnings}", file=sys.stderr)
    else:
        print(f"{file}: ok, {_plural(events, 'event')}, {warnings}", file=sys.stderr)
