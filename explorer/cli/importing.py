"""`explorer import SOURCE -o OUT.yaml [--from FORMAT] [--columns role=Header,...] [--force]`:
another tool's file as a format v1 file, with a report of what was kept, converted and dropped.

Exit status: 0 when the file was written (warnings allowed); 1 when the source cannot be
imported (its errors are printed, each at its line) or the output cannot be written; 2 for
usage errors, and for an output that exists (without --force) or is the source itself.
"""

from __future__ import annotations

import argparse
import os
from typing import Sequence

from explorer.atomic import WriteFailed, write_atomically
from explorer.cli.report import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, plural, say, say_json
from explorer.model.importers.base import Options
from explorer.model.importers.registry import FORMAT_NAMES, convert_file

ROLE_NAMES = "title, date, end, exact, summary, tags, source, url, actors"


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="explorer import",
        description="Convert a TimelineJS file or spreadsheet, a vis-timeline JSON, a .timeline "
        "file, a CSV/TSV/XLSX/ODS table of events or of members, or a UN treaty status table "
        "into a format v1 file that 'explorer check' passes. Prints what was kept, converted "
        "and dropped. Exit 0 when written, 1 when the source cannot be imported, 2 on usage errors.",
    )
    made.add_argument("source", metavar="SOURCE", help="the file to import")
    made.add_argument("-o", "--output", required=True, metavar="OUT.yaml", help="the format v1 file to write")
    made.add_argument("--from", dest="format", choices=FORMAT_NAMES, metavar="FORMAT",
                      help=f"the source's format, when the guess is wrong: {', '.join(FORMAT_NAMES)}")
    made.add_argument("--columns", default="", metavar="ROLE=HEADER,...",
                      help=f"which column holds what, for tables ({ROLE_NAMES}), e.g. "
                      "title=Headline,date=Date")
    made.add_argument("--target", default="", metavar="NAME",
                      help="what the rows of a table of members joined (default: named after the file)")
    made.add_argument("--force", action="store_true", help="replace OUT.yaml if it exists")
    made.add_argument("--json", action="store_true", help="print the report as JSON")
    return made


def _columns(text: str) -> dict[str, str]:
    found = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        role, equals, header = part.partition("=")
        if not equals or not role.strip() or not header.strip():
            raise argparse.ArgumentTypeError(f"--columns: {part!r} is not ROLE=HEADER")
        found[role.strip()] = header.strip()
    return found


def _fail(message: str, code: int) -> int:
    say(f"explorer import: error: {message}", error=True)
    return code


def run_import(args: Sequence[str]) -> int:
    """`explorer import`: convert, report, write atomically; the exit status."""
    try:
        options = parser().parse_args(list(args))
        columns = _columns(options.columns)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    except argparse.ArgumentTypeError as error:
        return _fail(str(error), EXIT_USAGE)
    output = options.output
    if not output.lower().endswith((".yaml", ".yml")):
        return _fail(f"{output}: the output is a format v1 file; give it the extension .yaml", EXIT_USAGE)
    if os.path.exists(output):
        if os.path.exists(options.source) and os.path.samefile(output, options.source):
            return _fail(f"{output}: refusing to write over the file being imported", EXIT_USAGE)
        if not options.force:
            return _fail(f"{output} exists; give --force to replace it", EXIT_USAGE)
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        return _fail(f"{output}: the folder {folder} does not exist", EXIT_USAGE)
    conversion = convert_file(options.source, Options(columns, options.target), options.format)
    report = conversion.report
    if options.json:
        say_json(report.as_json())
    else:
        for diagnostic in report.diagnostics():
            say(diagnostic)
        for line in report.summary():
            say(f"{options.source}: {line}", error=True)
    if conversion.text is None:
        say(f"{options.source}: {plural(report.errors, 'error')}; nothing was written", error=True)
        return EXIT_DATA_ERROR
    try:
        write_atomically(output, conversion.text.encode("utf-8"))
    except WriteFailed as error:
        return _fail(error.message, EXIT_DATA_ERROR)
    dataset = conversion.dataset
    counts = [plural(len(dataset.events), "event")] if dataset is not None else []
    if dataset is not None and dataset.memberships:
        counts.append(plural(len(dataset.memberships), "membership"))
    warnings = sum(not d.is_error for d in report.diagnostics())
    say(f"{output}: written from {conversion.format}, {', '.join(counts)}, "
          f"{plural(warnings, 'warning')}", error=True)
    return EXIT_OK
