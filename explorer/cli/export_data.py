"""`explorer export-data FILE -o OUT.(csv|json|yaml|timelinejs.json) [the export filters]`:
the events the filter keeps as a table, as format v1 or as TimelineJS JSON.

Exit status as `explorer export`: 0 written; 1 when the data file has errors or the file
cannot be written; 2 for usage errors (an unknown extension, the data file as the output,
a date that is not EDTF, an actor or tag the file does not have).
"""

from __future__ import annotations

import argparse
import os
from typing import Sequence

from explorer.atomic import WriteFailed, write_atomically
from explorer.cli.export import UsageError, _day, event_filter
from explorer.cli.report import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, plural, print_report, say
from explorer.model.diagnostics import DatasetError
from explorer.model.exporters.formats import UnknownFormat, export_data, format_of
from explorer.model.filters import apply_filter
from explorer.model.load.loader import load_dataset


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="explorer export-data",
        description="Write the events of a timeline file that the filter keeps: .csv (a table, "
        "dates as EDTF and as first and last day), .json, .yaml (format v1) or .timelinejs.json "
        "(TimelineJS). Exit 0 when written, 1 on data errors or a failed write, 2 on usage errors.",
    )
    made.add_argument("data", metavar="FILE", help="timeline file (YAML or JSON)")
    made.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    made.add_argument("--from", dest="date_from", metavar="DATE", help="events from this day on (EDTF)")
    made.add_argument("--to", dest="date_to", metavar="DATE", help="events up to this day (EDTF)")
    made.add_argument("--actor", action="append", default=[], metavar="ID", help="only events of this actor (repeatable)")
    made.add_argument("--match", choices=["any", "all"], default="any", help="with several actors: any or all")
    made.add_argument("--children", action="store_true", help="an organization also stands for its sub-organizations")
    made.add_argument("--tag", action="append", default=[], metavar="TAG", help="only events with this tag (repeatable)")
    made.add_argument("--force", action="store_true", help="replace OUT if it exists")
    return made


def _fail(message: str, code: int) -> int:
    say(f"explorer export-data: error: {message}", error=True)
    return code


def run_export_data(args: Sequence[str]) -> int:
    try:
        options = parser().parse_args(list(args))
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    output = options.output
    try:
        format_of(output)
    except UnknownFormat as error:
        return _fail(str(error), EXIT_USAGE)
    if os.path.exists(output):
        if os.path.exists(options.data) and os.path.samefile(output, options.data):
            return _fail(f"{output}: refusing to overwrite the data file being exported", EXIT_USAGE)
        if not options.force:
            return _fail(f"{output} exists; give --force to replace it", EXIT_USAGE)
    try:
        dataset = load_dataset(options.data)
    except DatasetError as error:
        print_report(options.data, error.diagnostics)
        return EXIT_DATA_ERROR
    try:
        first = _day(options.date_from, "--from", end=False)
        after = _day(options.date_to, "--to", end=True)
        chosen = event_filter(dataset, options)
    except UsageError as error:
        return _fail(str(error), EXIT_USAGE)
    from dataclasses import replace

    chosen = replace(chosen, date_from=first, date_to=after)
    positions = apply_filter(dataset, chosen)
    exported = export_data(dataset, positions, output, "filtered" if not chosen.is_empty else "")
    for note in exported.notes[:50]:
        say(f"{options.data}: note: {note}", error=True)
    try:
        write_atomically(output, exported.text.encode("utf-8"))
    except WriteFailed as error:
        return _fail(error.message, EXIT_DATA_ERROR)
    say(f"{output}: {exported.format}, {plural(exported.events, 'event')} of "
          f"{len(dataset.events):,}", error=True)
    return EXIT_OK
