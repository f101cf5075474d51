"""Plain tables of dated rows (CSV, TSV, XLSX, ODS): the columns are guessed from their headers
(`--columns title=Topic,date=Year` overrides the guess), dates are read in every common
spelling, citations and links become sources, and a column with no role is reported dropped."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from explorer.model.importers.base import LIKELY, MAYBE, NO, Options
from explorer.model.importers.columns import guess_roles, normal, pairs_of_name_and_url
from explorer.model.importers.countries import code_of_name
from explorer.model.importers.dates_in import MDY, Reading, Unreadable, guess_order, read_date
from explorer.model.importers.draft import Draft, add_source, add_tag
from explorer.model.importers.html_text import has_html, html_to_text, one_line, title_from_text
from explorer.model.importers.report import ImportReport, Where, shorten
from explorer.model.importers.source import Source, SourceError
from explorer.model.importers.tables import Row, Table, read_table
from explorer.model.importers.timing import append_summary, set_timing

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".xlsx", ".ods")
#: End cells of a span that has not ended.
ONGOING = frozenset(("ongoing", "present", "now", "today", "..", "open"))
#: The reading of such an end.
OPEN = Reading(start=None, end=None)
_URL = re.compile(r"https?://\S+$", re.I)
_SPLIT_TAGS = re.compile(r"\s*[;,|]\s*")


@lru_cache(maxsize=4096)
def url_citation(url: str) -> tuple[str, str]:
    """(title, publisher) of a source known only by its address: the page's last path part
    in words, and the site."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path.strip("/") else ""
    words = " ".join(re.sub(r"[_+]|\.html?$|\.php$|\.aspx?$", " ", last).split())
    if parts.fragment and not words:
        words = unquote(parts.fragment).replace("_", " ")
    return (words or host or url), host


class TableEvents:
    """Turns the rows of one table into events (and, for TimelineJS sheets, eras and a title)."""

    def __init__(self, table: Table, report: ImportReport, draft: Draft, options: Options) -> None:
        self.table = table
        self.report = report
        self.draft = draft
        self.roles = guess_roles(table.header, options.columns)
        self.used: set[int] = set(self.roles.values())
        self.pairs = [(n, u) for n, u in pairs_of_name_and_url(table.header)
                      if n not in self.used and u not in self.used]
        for name, url in self.pairs:
            self.used.update((name, url))
        date_columns = [self.roles[r] for r in ("date", "start", "end", "exact") if r in self.roles]
        self.order, evidence = guess_order(row.get(i) for row in table.rows for i in date_columns)
        if self.order is None:
            self.order = MDY
            if evidence == "ambiguous":
                report.convert("numeric dates read month first (no date in the column says which; "
                               "TimelineJS reads them so too)")
        else:
            report.convert(f"numeric dates read {self.order}, as {evidence} shows")
        self.years = {i for i in date_columns if "year" in normal(table.header[i])}
        self.entities: dict[tuple, str] = {}
        self.tag_lists: dict[str, tuple[str, ...]] = {}  # many rows share their tags
        self.cited: dict[tuple, list[str]] = {}
        self.converted_dates = {role: f"dates in {table.header[index]!r} written as EDTF"
                                for role, index in self.roles.items()}

    def header(self, role: str) -> str:
        return self.table.header[self.roles[role]]

    def where(self, row: Row, role: str | None = None) -> Where:
        column = f", {self.table.header[self.roles[role]]}" if role and role in self.roles else ""
        return Where(row.line, 1, f"row {row.number}{column}")

    def cell(self, row: Row, role: str) -> str:
        index = self.roles.get(role)
        cells = row.cells
        return cells[index] if index is not None and index < len(cells) else ""

    # -- dates ------------------------------------------------------------------------------

    def reading(self, row: Row, role: str) -> Reading | None:
        """The date in the row's `role` column; None when empty or unreadable (the text then
        goes into the summary, with a warning)."""
        text = self.cell(row, role)
        if not text or text.upper() in ("NA", "N/A", "NULL", "NONE", "-", "?"):
            return None
        if role == "end" and text.lower() in ONGOING:
            return OPEN
        try:
            reading = read_date(text, self.order, years=self.roles[role] in self.years)
        except Unreadable as error:
            self.unreadable(row, role, text, str(error))
            return None
        if reading.edtf() != text:
            what = self.converted_dates[role]
            if self.report.wants_example(what):
                self.report.convert(what, f"{shorten(text, 30)} -> {reading.edtf()}", self.where(row, role))
            else:
                self.report.convert(what)
        if reading.dropped:
            self.report.drop(f"from dates: {reading.dropped}", shorten(text, 30), self.where(row, role))
        return reading

    def unreadable(self, row: Row, role: str, text: str, reason: str) -> None:
        self.report.warning(self.where(row, role), f"{shorten(text)!r} is not a date that can be "
                            f"read ({reason}); the event is kept with the text in its summary")
        self.pending.append(f"{self.header(role)} as written: {text}")

    def readings(self, row: Row) -> tuple[Reading | None, Reading | None]:
        start = self.reading(row, "date") if "date" in self.roles else None
        if start is None and "start" in self.roles:
            start = self.reading(row, "start")
        if "exact" in self.roles and self.cell(row, "exact"):  # refines the date
            exact = self._exact(row, start)
            if exact is not None:
                start = exact
        end = self.reading(row, "end") if "end" in self.roles else None
        return start, end

    def _exact(self, row: Row, start: Reading | None) -> Reading | None:
        """The more precise date of an `Exact Date` column when it agrees with the main one."""
        text = self.cell(row, "exact")
        try:
            exact = read_date(text, self.order)
        except Unreadable:
            self.pending.append(f"{self.header('exact')}: {text}")
            self.report.convert(f"texts of {self.header('exact')!r} that are no date kept in the summary",
                                shorten(text, 40), self.where(row, "exact"))
            return None
        if start is not None and not _overlap(start, exact):
            self.pending.append(f"{self.header('exact')}: {text}")
            self.report.warning(self.where(row, "exact"), f"{shorten(text)!r} does not fall in "
                                f"{start.edtf()}; the date of {self.header('date')!r} is kept and "
                                "this text goes into the summary")
            return None
        self.report.convert(f"dates of {self.header('exact')!r} used where they refine the date",
                            f"{shorten(text, 30)} -> {exact.edtf()}", self.where(row, "exact"))
        return exact

    # -- rows -------------------------------------------------------------------------------

    def event(self, row: Row) -> dict:
        """The event of one row, its timing, texts, tags and sources."""
        self.pending: list[str] = []
        event: dict = {}
        title = one_line(self.cell(row, "title"))
        summary_text = self.cell(row, "summary")
        summary = html_to_text(summary_text) if summary_text else ""
        if summary_text and has_html(summary_text):
            self.report.convert("HTML written as plain text, links kept after their text",
                                where=self.where(row, "summary"))
        if not title:
            if summary:
                title = title_from_text(summary)
                self.report.convert("titles made from the start of the text (the row has none)",
                                    shorten(title, 40), self.where(row, "summary"))
            else:
                title = "Untitled"
                self.report.warning(self.where(row, "title"), "the row has no title and no text; "
                                    "it is kept as 'Untitled'")
        event["title"] = title
        start, end = self.readings(row)
        if end is OPEN:
            if start is not None:
                event["start"] = start.start if start.is_span else start.date
        else:
            set_timing(event, start, end, self.report, lambda: self.where(row, "date"))
        unique = self.cell(row, "id") if "id" in self.roles else ""
        if unique and re.fullmatch(r"[\w.-]+", unique) and self.draft.claim(unique):
            event = {"id": unique, **event}
        if summary:
            event["summary"] = summary
        for text in self.pending:
            append_summary(event, text)
        if "tags" in self.roles:
            cell = self.cell(row, "tags")
            tags = self.tag_lists.get(cell)
            if tags is None:
                found: dict = {}
                add_tag(found, "")
                for tag in _split(cell):
                    add_tag(found, tag)
                tags = self.tag_lists[cell] = tuple(found.get("tags", ()))
            if tags:
                event["tags"] = list(tags)
        for role, section in (("actors", None), ("protocols", "protocols")):
            for name in _split(self.cell(row, role)) if role in self.roles else ():
                ids = event.setdefault(role, [])
                entity_id = self.entity(one_line(name), section)
                if entity_id not in ids:
                    ids.append(entity_id)
        self.sources(row, event)
        return event

    def entity(self, name: str, section: str | None) -> str:
        """The id of the actor (a country when the name is one, else an organization) or
        protocol called `name`, made the first time."""
        key = (section, name)
        found = self.entities.get(key)
        if found is not None:
            return found
        if section is None:
            code = code_of_name(name)
            section = "countries" if code else "organizations"
            if code and self.draft.claim(code):
                entity_id = code
            else:
                entity_id = self.draft.new_id(name)
            entry = {"name": name, **({"iso": code} if code else {})}
            if section == "organizations":
                self.report.convert("actors that are no country made organizations (the table "
                                    "does not say what they are)", shorten(name, 30))
        else:
            entity_id, entry = self.draft.new_id(name), {"name": name}
        getattr(self.draft, section)[entity_id] = entry
        self.entities[key] = entity_id
        return entity_id

    def sources(self, row: Row, event: dict) -> None:
        key = (self.cell(row, "source"), self.cell(row, "url"), *(row.get(i) for pair in self.pairs for i in pair))
        found = self.cited.get(key)
        if found is None:
            cited: dict = {}
            self._sources(row, cited)
            found = self.cited[key] = cited.get("sources", [])
        if found:
            event["sources"] = list(found)

    def _sources(self, row: Row, event: dict) -> None:
        citation = self.cell(row, "source")
        if citation:
            if _URL.match(citation):
                title, site = url_citation(citation)
                add_source(event, self.draft.cite(title, url=citation, publisher=site))
            else:
                for title in _split(citation) if ";" in citation else [citation]:
                    add_source(event, self.draft.cite(one_line(title)))
        url = self.cell(row, "url")
        if url:
            title, site = url_citation(url)
            add_source(event, self.draft.cite(title, url=url, publisher=site))
        for name_column, url_column in self.pairs:
            name, link = row.get(name_column), row.get(url_column)
            if name or link:
                title = one_line(name) or url_citation(link)[0]
                add_source(event, self.draft.cite(title, url=link))

    def report_unused(self) -> None:
        for index, header in enumerate(self.table.header):
            if index in self.used or not header:
                continue
            values = [row.get(index) for row in self.table.rows if row.get(index)]
            if values:
                self.report.drop(f"column {header!r} (no role; give it one with --columns)",
                                 shorten(values[0], 40), count=len(values))


def _split(cell: str) -> list[str]:
    """The items of a list cell: split on `;` (or `|`) when it has one, else on commas."""
    if not cell:
        return []
    parts = re.split(r"\s*[;|]\s*", cell) if re.search(r"[;|]", cell) else _SPLIT_TAGS.split(cell)
    return [p for p in (part.strip() for part in parts) if p]


def _overlap(a: Reading, b: Reading) -> bool:
    from explorer.model.dates import parse_edtf

    first, second = parse_edtf(a.edtf()), parse_edtf(b.edtf())
    if None in (first.earliest, first.latest, second.earliest, second.latest):
        return True
    return not (second.latest < first.earliest or second.earliest > first.latest)  # type: ignore[operator]


class EventTable:
    """Plain tables of events."""

    name = "table"
    label = "table of events"

    def detect(self, source: Source) -> int:
        if source.suffix not in TABLE_SUFFIXES:
            return NO
        return LIKELY if source.suffix in (".csv", ".tsv", ".xlsx", ".ods") else MAYBE

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        table = read_table(source)
        report.format = f"{table.kind} table of events"
        draft = Draft()
        rows = TableEvents(table, report, draft, options)
        if "title" not in rows.roles and "summary" not in rows.roles:
            shown = ", ".join(repr(h) for h in table.header if h) or "none"
            raise SourceError(f"no column holds titles or texts (the columns: {shown}); name "
                              "them with --columns title=COLUMN", table.header_line)
        if "date" not in rows.roles:
            report.warning(Where(table.header_line, 1, "header"), "no column holds dates; the "
                           "events are undated (name one with --columns date=COLUMN)")
        for row in table.rows:
            draft.events.append(rows.event(row))
        report.keep("events", len(draft.events))
        rows.report_unused()
        return draft
