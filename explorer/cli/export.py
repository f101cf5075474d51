"""`explorer export DATA -o OUT.(png|svg|pdf) ...`: the timeline as an image, no display needed.

Exit status: 0 when the image was written; 1 when the data file has errors (printed exactly
as `explorer check` prints them) or the image could not be written (a full disk, a folder
without write permission); 2 for usage errors: unknown options, an unknown extension, the
data file as the output, a date that is not EDTF, an actor or tag the file does not have
(with the ids it may have meant) or a name that fits several (with each id).
"""

from __future__ import annotations

import argparse
import difflib
from typing import Sequence

from explorer.cli.report import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, print_report, say
from explorer.model.dataset import Dataset
from explorer.model.dates import DateError, parse_edtf
from explorer.model.diagnostics import DatasetError
from explorer.model.filters import EventFilter, Match
from explorer.model.load.loader import load_dataset
from explorer.model.membership_events import with_membership_events
from explorer.timescale.lanes import GroupBy
from explorer.timescale.pages import MAX_PDF_PAGES, MAX_WIDTH_PX

#: Data errors and failed writes share one status.
EXIT_FAILED = EXIT_DATA_ERROR

PAGES = {"a4": "A4", "a3": "A3", "letter": "letter"}


class UsageError(Exception):
    """A command line that asks for something impossible; the message says what."""


def _page(text: str) -> str:
    try:
        return PAGES[text.casefold()]
    except KeyError:
        raise argparse.ArgumentTypeError(f"invalid page size {text!r} (choose from A4, A3, letter)") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _width(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_WIDTH_PX:
        raise argparse.ArgumentTypeError(f"at most {MAX_WIDTH_PX:,} pixels: {text!r}")
    return value


def _pages(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_PDF_PAGES:
        raise argparse.ArgumentTypeError(f"a PDF has at most {MAX_PDF_PAGES:,} pages: {text!r}")
    return value


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.1 <= value <= 8:
        raise argparse.ArgumentTypeError(f"must be between 0.1 and 8: {text!r}")
    return value


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="explorer export",
        description="Write the timeline of a data file as PNG, SVG or PDF (chosen by the "
        "output's extension). Works without a display. Exit 0 on success, 1 on data errors "
        "(printed like 'explorer check') or when the file cannot be written, 2 on usage errors.",
    )
    made.add_argument("data", metavar="DATA", help="timeline file (YAML or JSON)")
    made.add_argument("-o", "--output", required=True, metavar="OUT",
                      help="image to write: .png, .svg or .pdf")
    made.add_argument("--from", dest="date_from", metavar="DATE",
                      help="first day shown (EDTF: 2009, 2009-03, 2009-03-24...); "
                      "default: fit the events")
    made.add_argument("--to", dest="date_to", metavar="DATE",
                      help="last day shown (EDTF; 2012 means to the end of 2012)")
    made.add_argument("--actor", action="append", default=[], metavar="ACTOR",
                      help="only events of this actor: an id, a name or a short name, in any "
                      "case (repeatable)")
    made.add_argument("--match", choices=["any", "all"], default="any",
                      help="with several actors: events of any of them, or of all")
    made.add_argument("--children", action="store_true",
                      help="an organization also stands for its sub-organizations")
    made.add_argument("--tag", action="append", default=[], metavar="TAG",
                      help="only events with this tag, in any case (repeatable; any of them)")
    made.add_argument("--search", metavar="TEXT",
                      help="only events whose title or summary holds every word of TEXT "
                      "(\"quoted phrases\" kept together), as the window's search does")
    made.add_argument("--group-by", choices=[g.value for g in GroupBy], default="none",
                      help="lanes: none, one per actor, per actor kind, per tag")
    made.add_argument("--width", type=_width, default=1600, metavar="PX",
                      help="timeline width in pixels for PNG and SVG (default 1600)")
    made.add_argument("--scale", type=_scale, default=1.0, metavar="N",
                      help="pixels per pixel of a PNG, for high-DPI screens and print (default 1)")
    made.add_argument("--page", type=_page, default="A4", metavar="A4|A3|letter",
                      help="PDF page size (default A4)")
    made.add_argument("--portrait", action="store_true", help="PDF pages upright, not landscape")
    made.add_argument("--pages", type=_pages, metavar="N",
                      help="PDF pages across the range (default: by the number of events)")
    made.add_argument("--theme", choices=["light", "dark"], default="light")
    made.add_argument("--title", metavar="TEXT", help="title (default: the data file's title)")
    made.add_argument("--no-title", action="store_true", help="no title")
    made.add_argument("--no-legend", action="store_true", help="no legend")
    made.add_argument("--no-caption", action="store_true", help="no caption stating the filter")
    made.add_argument("--no-footer", action="store_true",
                      help="no footer naming the data file and the sources")
    made.add_argument("--no-memberships", action="store_true",
                      help="leave membership actions (signatures, ratifications...) off the timeline")
    return made


def _day(text: str | None, option: str, end: bool) -> float | None:
    if text is None:
        return None
    try:
        value = parse_edtf(text.strip())
    except DateError as error:
        raise UsageError(f"{option}: {error.message}") from None
    bound = value.latest if end else value.earliest
    if bound is None:
        raise UsageError(f"{option}: {text!r} has no {'end' if end else 'start'} to export "
                         f"{'to' if end else 'from'}")
    return float(bound + 1 if end else bound)


def _unknown(kind: str, wrong: str, known: dict[str, str]) -> UsageError:
    """"unknown actor 'unodx'; did you mean unodc?" with the closest ids, or names that match."""
    by_name = {name.casefold(): key for key, names in known.items() for name in names.split("\n")}
    guesses = list(dict.fromkeys(
        ([by_name[wrong.casefold()]] if wrong.casefold() in by_name else [])
        + difflib.get_close_matches(wrong, list(known), n=3, cutoff=0.6)
        + [by_name[n] for n in difflib.get_close_matches(wrong.casefold(), list(by_name), n=3,
                                                         cutoff=0.75)]))[:3]
    hint = f"; did you mean {' or '.join(guesses)}?" if guesses else f"; no {kind} is called that"
    return UsageError(f"unknown {kind} {wrong!r}{hint}")


def resolve(kind: str, written: str, known: dict[str, str]) -> str:
    """The id `written` stands for: an id, or (case aside) an id, a name or a short name of
    exactly one of `known` (id -> its names, one per line). UsageError when it names none
    (with the nearest) or several (with each id to choose from)."""
    if written in known:
        return written
    folded = written.strip().casefold()
    found = [key for key, names in known.items() if key.casefold() == folded
             or folded in (name.casefold() for name in names.split("\n"))]
    if len(found) == 1:
        return found[0]
    if found:
        choices = ", ".join(f"{key} ({known[key].splitlines()[0]})" for key in sorted(found))
        raise UsageError(f"{kind} {written!r} is ambiguous: it names {choices}; give one of "
                         "these ids")
    raise _unknown(kind, written, known)


def event_filter(dataset: Dataset, options: argparse.Namespace) -> EventFilter:
    """The filter the options ask for; UsageError for an actor or tag the data set lacks.
    Actors and tags may be given by id or by name, in any case."""
    actors = {}
    for entity_id in (*dataset.organizations, *dataset.people, *dataset.countries,
                      *dataset.protocols):
        entity = dataset.entity(entity_id)
        if entity is None:
            continue
        names = dict.fromkeys(n for n in (entity.name, dataset.label(entity_id),
                                          getattr(entity, "short", "") or "") if n)
        actors[entity_id] = "\n".join(names)
    chosen_actors = [resolve("actor", actor, actors) for actor in options.actor]
    tags = {tag: tag for tag in dataset.tags()}
    chosen_tags = [resolve("tag", tag, tags) for tag in options.tag]
    return EventFilter(actors=frozenset(chosen_actors), match=Match(options.match),
                       include_children=options.children, tags=frozenset(chosen_tags),
                       text=getattr(options, "search", None) or "")


def _fail(message: str, code: int) -> int:
    say(f"explorer export: error: {message}", error=True)
    return code


def run_export(args: Sequence[str]) -> int:
    """`explorer export`: load, filter and write the image; the exit status."""
    try:
        options = parser().parse_args(list(args))
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE

    from explorer.qt.export.files import ExportError, check_target

    try:
        check_target(options.output, [options.data])
    except ExportError as error:
        return _fail(error.message, EXIT_USAGE)
    try:
        dataset = load_dataset(options.data)
    except DatasetError as error:
        print_report(options.data, error.diagnostics)
        return EXIT_FAILED
    for warning in dataset.warnings:
        say(warning, error=True)
    if not options.no_memberships:  # as the window shows them
        dataset = with_membership_events(dataset)
    try:
        first = _day(options.date_from, "--from", end=False)
        after = _day(options.date_to, "--to", end=True)
        if first is not None and after is not None and after <= first:
            raise UsageError(f"--to {options.date_to} ends before --from {options.date_from}")
        chosen = event_filter(dataset, options)
    except UsageError as error:
        return _fail(str(error), EXIT_USAGE)

    from explorer.qt.export.headless import ensure_application

    ensure_application()
    from explorer.qt.export.render import ExportOptions, export_timeline

    title = None if options.no_title else (options.title or "")
    export_options = ExportOptions(
        first=first, after=after, width=options.width, scale=options.scale, page=options.page,
        landscape=not options.portrait, pages=options.pages, dark=options.theme == "dark",
        title=title, legend=not options.no_legend, caption=not options.no_caption,
        footer=not options.no_footer, group_by=GroupBy(options.group_by), event_filter=chosen)
    try:
        result = export_timeline(dataset, options.output, export_options, inputs=[options.data])
    except ExportError as error:
        return _fail(error.message, EXIT_USAGE if error.usage else EXIT_FAILED)
    pages = f", {result.pages} page{'s' * (result.pages != 1)}" if result.format == "pdf" else ""
    say(f"{result.path}: {result.format.upper()} {result.size[0]} x {result.size[1]} px"
          f"{pages}, {result.bytes:,} bytes", error=True)
    return EXIT_OK
