"""The one small interface every importer has: `detect` says how sure it is that a file is
its format, `read` turns the file into a `Draft` and tells the `ImportReport` what it kept,
converted and dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Protocol

from explorer.model.importers.draft import Draft
from explorer.model.importers.report import ImportReport
from explorer.model.importers.source import Source

#: What `detect` answers: not this format, maybe (by the name only), surely (by the content).
NO, MAYBE, LIKELY, SURE = 0, 10, 50, 90


@dataclass(frozen=True, slots=True)
class Options:
    """What the person asked for: `columns` maps a role (`title`, `date`...) to a column's
    header, overriding the guess; `target` names what a membership table's rows joined."""

    columns: Mapping[str, str] = field(default_factory=dict)
    target: str = ""


class Importer(Protocol):
    """One foreign format."""

    #: The name `--from` takes (`timelinejs`, `csv`...).
    name: str
    #: The format in words, for reports ("TimelineJS JSON").
    label: str

    def detect(self, source: Source) -> int:
        """How sure it is that `source` is this format: `NO` ... `SURE`."""
        ...

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        """The file as a draft of format v1; `SourceError` (with its line) when it cannot
        be read at all. Everything else goes into `report`."""
        ...
