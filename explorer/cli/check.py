"""`explorer check FILE... [--json]`: validate files and print every problem."""

from __future__ import annotations

import argparse
from typing import Sequence

from explorer.cli.report import EXIT_DATA_ERROR, EXIT_OK, print_report, say_json
from explorer.model.diagnostics import DatasetError
from explorer.model.load.loader import load_dataset


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="explorer check",
        description="Validate timeline files (YAML, or JSON when the name ends in .json). "
        "Prints one line per problem "
        "(path:line:col: severity: message); exit 0 when no file has errors, 1 otherwise.",
    )
    made.add_argument("files", nargs="+", metavar="FILE", help="timeline files to check")
    made.add_argument("--json", action="store_true", help="print the diagnostics as JSON")
    return made


def run_check(args: Sequence[str]) -> int:
    """`explorer check`: print every problem of every file; 1 if any has an error."""
    options = parser().parse_args(args)
    reports = []
    failed = False
    for file in options.files:
        events: int | None
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
        say_json(payload)
    else:
        for file, diagnostics, events in reports:
            print_report(file, diagnostics, events)
    return EXIT_DATA_ERROR if failed else EXIT_OK
