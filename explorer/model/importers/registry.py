"""The importers, in one place, and the one way to use them: `convert(source)` picks the
format (or takes the one asked for), reads the file, writes format v1 text with its
provenance and checks that text with the loader, so an import never hands on a file that
`explorer check` would refuse.

Adding a format is one module with a class that has `name`, `label`, `detect` and `read`
(`base.Importer`), and one line in `IMPORTERS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer import __version__
from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError
from explorer.model.importers.base import NO, Importer, Options
from explorer.model.importers.draft import ORIGINAL, Draft, add_source
from explorer.model.importers.event_table import EventTable
from explorer.model.importers.format_v1 import FormatV1, is_format_v1
from explorer.model.importers.membership_table import MembershipTable
from explorer.model.importers.report import START, ImportReport, Where
from explorer.model.importers.source import Source, SourceError, read_source
from explorer.model.importers.timeline_xml import TimelineProject
from explorer.model.importers.timelinejs_json import TimelineJsJson
from explorer.model.importers.timelinejs_sheet import TimelineJsSheet
from explorer.model.importers.untc_status import UntcStatus
from explorer.model.importers.vis_json import VisTimeline
from explorer.model.importers.writer import to_yaml
from explorer.model.load.loader import load_text
from explorer.model.load.validate_plain import NotVouched, read_plain

#: Every format, in the order ties are broken.
IMPORTERS: tuple[Importer, ...] = (
    FormatV1(), TimelineJsJson(), VisTimeline(), TimelineProject(), UntcStatus(),
    MembershipTable(), TimelineJsSheet(), EventTable(),
)


def importer_named(name: str) -> Importer:
    """The importer `--from` names; SourceError listing the names otherwise."""
    for importer in IMPORTERS:
        if importer.name == name:
            return importer
    raise SourceError(f"--from {name!r} is not a format; formats: {', '.join(FORMAT_NAMES)}")


FORMAT_NAMES = tuple(importer.name for importer in IMPORTERS)


def choose(source: Source) -> Importer:
    """The importer surest that `source` is its format; SourceError when none is."""
    best, score = None, NO
    for importer in IMPORTERS:
        found = importer.detect(source)
        if found > score:
            best, score = importer, found
    if best is None:
        source.refuse_binary("a timeline or a table")
        raise SourceError("this file is in no format an import reads (TimelineJS JSON or "
                          "spreadsheet, vis-timeline JSON, The Timeline Project's .timeline, a "
                          "CSV, TSV, XLSX or ODS table, a UN treaty status table); name its format "
                          "with --from if it is one of them")
    return best


def is_importable(path: str) -> bool:
    """Whether a file should go through an import rather than the loader: anything that is
    not format v1 by its name (`format_v1.is_format_v1`)."""
    return not is_format_v1(path)


@dataclass(frozen=True, slots=True)
class Conversion:
    """An import's outcome: format v1 text and its data set (None when it failed), and the
    report."""

    text: str | None
    dataset: Dataset | None
    report: ImportReport
    format: str


def convert_file(path: str, options: Options | None = None, format_name: str | None = None) -> Conversion:
    """Import the file at `path` (see `convert`)."""
    report = ImportReport(path)
    try:
        source = read_source(path)
    except SourceError as error:
        report.error(Where(error.line, error.column), error.message)
        return Conversion(None, None, report, "")
    return convert(source, options, format_name, report)


def convert(source: Source, options: Options | None = None, format_name: str | None = None,
            report: ImportReport | None = None) -> Conversion:
    """Read `source` in its format into checked format v1 text; every problem ends in the report."""
    report = report or ImportReport(source.name)
    options = options or Options()
    label = ""
    try:
        importer = importer_named(format_name) if format_name else choose(source)
        label = importer.label
        report.format = report.format or label
        draft = importer.read(source, report, options)
    except SourceError as error:
        report.error(Where(error.line, error.column), error.message)
        return Conversion(None, None, report, label)
    except MemoryError:
        report.error(START, "the file needs more memory than this computer has; split it")
        return Conversion(None, None, report, label)
    if report.errors:
        return Conversion(None, None, report, label)
    if isinstance(importer, FormatV1):
        text = source.text()
    else:
        from pathlib import Path

        draft.original(Path(source.name).name, report.format or label, source.digest)
        if not draft.title:
            draft.title = Path(source.name).stem.replace("_", " ")
            report.convert("the title taken from the file's name (the file has none)", draft.title)
        for event in draft.events:
            add_source(event, ORIGINAL)
        for membership in draft.memberships:
            add_source(membership, ORIGINAL)
        text = to_yaml(draft, header(source, report))
    try:
        dataset = _checked(draft, text, f"{source.name} (converted)", isinstance(importer, FormatV1))
    except DatasetError as error:
        for diagnostic in error.errors[:20]:
            report.error(START, f"the converted file does not pass `explorer check` ({diagnostic.short()}); "
                         "please report this together with the file")
        return Conversion(None, None, report, label)
    if not isinstance(importer, FormatV1):
        for diagnostic in dataset.warnings:
            # placed in the converted text, which the person has not seen: said by its path
            report.warning(START, f"the converted file warns at {diagnostic.path}: {diagnostic.message}")
    return Conversion(text, dataset, report, label)


def _checked(draft: Draft, text: str, name: str, as_text: bool) -> Dataset:
    """The data set of the converted file, checked by the format's rules: the values written
    are validated as the loader's fast path validates a file's (the same validator, without
    parsing again the text just written); when it cannot vouch for them, the loader reads the
    text and places every problem. `DatasetError` when the file would not pass `explorer check`."""
    if not as_text:
        try:
            fields = read_plain(draft.plain(), _text_of)
        except NotVouched:
            pass
        else:
            return Dataset.build(**fields)
    return load_text(text, name)


def _text_of(value: object) -> str | None:
    if value is None:
        return None
    raise NotVouched(f"a {type(value).__name__} where text belongs")


def header(source: Source, report: ImportReport) -> list[str]:
    """The comment at the top of an imported file: where it came from and what the import did."""
    from pathlib import Path

    lines = [
        f"Converted from {Path(source.name).name} ({report.format}) by Timeline Explorer {__version__}.",
        f"Original file: SHA-256 {source.digest}; read as {source.encoding}." if not source.is_zip else
        f"Original file: SHA-256 {source.digest}.",
        "Edit this file freely: it is yours now. `explorer check` checks it.",
        "",
    ]
    summary = report.summary()
    if summary:
        lines.append("What the import did:")
        lines.extend(f"  {line}" for line in summary)
    problems = report.diagnostics()
    if problems:
        lines.append(f"Warnings ({len(problems):,}), each at its place in the original:")
        lines.extend(f"  {d.line}:{d.column}: {d.message}{' (' + d.path + ')' if d.path else ''}"
                     for d in problems[:50])
        if len(problems) > 50:
            lines.append(f"  ... and {len(problems) - 50:,} more (see `explorer import`)")
    return [line.replace("\n", " ") for line in lines]
