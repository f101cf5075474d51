"""TimelineJS spreadsheets (CSV, XLSX or ODS): the version 3 columns (`Year, Month, Day, Time,
End Year, ..., Display Date, Headline, Text, Media, ..., Type, Group, Background`), the
version 1 `Start Date`/`End Date` columns, and the common variants with `date`, `title`,
`type` and `group` columns. A `Type` of `title` gives the file's title (a second title row is
an event, as TimelineJS reads it), `era` an era; `Group` becomes a tag."""

from __future__ import annotations

from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.columns import normal
from explorer.model.importers.dates_in import Reading, Unreadable, from_parts
from explorer.model.importers.draft import Draft
from explorer.model.importers.event_table import TABLE_SUFFIXES, TableEvents
from explorer.model.importers.report import ImportReport, Where, shorten
from explorer.model.importers.source import Source, SourceError
from explorer.model.importers.tables import Row, read_table
from explorer.model.importers.timelinejs_json import timelinejs_year

_MARKS = {"headline", "display date", "media", "media credit", "media caption",
          "media thumbnail", "background", "end year", "start date", "end date", "alt text"}
_DROPPED = {"media": "media", "media credit": "media", "media caption": "media",
            "media thumbnail": "media", "alt text": "media", "alt": "media",
            "object location": "media", "caption": "media", "background": "background colours and images",
            "display date": "display dates", "objectid": "object ids"}
_ROLE_COLUMNS = {"title": ("headline", "title"), "summary": ("text", "description"),
                 "tags": ("group", "tag"), "date": ("start date", "date"),
                 "end": ("end date",), "source": ("source",)}


def _looks_like(header) -> bool:
    names = {normal(h) for h in header}
    return len(names & _MARKS) >= 2 or {"year", "headline"} <= names or ({"type", "group"} <= names and bool(names & {"display date", "background"}))


class TimelineJsSheet:
    name = "timelinejs-sheet"
    label = "TimelineJS spreadsheet"

    def detect(self, source: Source) -> int:
        if source.suffix not in TABLE_SUFFIXES:
            return NO
        if source.suffix in (".xlsx", ".ods"):
            try:
                return SURE if _looks_like(read_table(source).header) else NO
            except SourceError:
                return NO  # the table importer reports why it cannot be read
        first = source.text()[:4096].splitlines()[:1]
        if first and _looks_like([c.strip().strip('"') for c in first[0].replace("\t", ",").split(",")]):
            return SURE
        return NO

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        table = read_table(source)
        report.format = f"TimelineJS spreadsheet ({table.kind})"
        names = [normal(h) for h in table.header]
        columns = dict(options.columns)
        for role, wanted in _ROLE_COLUMNS.items():
            if role not in columns:
                found = next((table.header[names.index(w)] for w in wanted if w in names), None)
                if found is not None:
                    columns[role] = found
        draft = Draft()
        rows = _SheetRows(table, report, draft, Options(columns, options.target))
        kind = names.index("type") if "type" in names else None
        if kind is not None:
            rows.used.add(kind)
        for index, name in enumerate(names):
            if name in _DROPPED:
                rows.used.add(index)
                values = [row.get(index) for row in table.rows if row.get(index)]
                if values:
                    report.drop(_DROPPED[name], shorten(values[0], 40), count=len(values))
        titled = False
        for row in table.rows:
            row_type = row.get(kind).lower() if kind is not None else ""
            event = rows.event(row)
            where = rows.where(row)
            if row_type == "title" and not titled:
                titled = True
                draft.title = event["title"]
                draft.description = event.get("summary", "")
                report.keep("title")
                if any(k in event for k in ("date", "start")):
                    draft.events.append(event)
                    report.convert("a title row with a date kept as an event too", shorten(event["title"], 40), where)
                continue
            if row_type == "title":
                report.warning(where, "a second title row; it is read as an event, as TimelineJS reads it")
            if row_type == "era":
                if "start" in event or "date" in event:
                    era = {"title": event["title"], "start": event.get("start") or event["date"]}
                    if event.get("end"):
                        era["end"] = event["end"]
                    draft.eras.append(era)
                else:
                    report.warning(where, "an era without a start date; it is left out")
                continue
            draft.events.append(event)
        report.keep("events", len(draft.events))
        if draft.eras:
            report.keep("eras", len(draft.eras))
        rows.report_unused()
        return draft


class _SheetRows(TableEvents):
    """Rows of a TimelineJS sheet: version 3 dates come in Year, Month, Day and Time columns."""

    def __init__(self, table, report, draft, options) -> None:
        super().__init__(table, report, draft, options)
        names = [normal(h) for h in table.header]
        self.parts: dict[str, int] = {name: names.index(name) for name in
                      ("year", "month", "day", "time", "end year", "end month", "end day", "end time")
                      if name in names}
        self.used.update(self.parts.values())

    def readings(self, row: Row) -> tuple[Reading | None, Reading | None]:
        if "year" not in self.parts:
            return super().readings(row)
        return self._parts(row, ""), self._parts(row, "end ")

    def _parts(self, row: Row, prefix: str) -> Reading | None:
        year = row.get(self.parts.get(prefix + "year"))
        if not year:
            return None
        where = Where(row.line, 1, f"row {row.number}, {prefix.title()}Year")
        if row.get(self.parts.get(prefix + "time")):
            self.report.drop("times of day", row.get(self.parts.get(prefix + "time")), where)
        try:
            numbers = [int(float(v.replace(",", ""))) if v else None for v in
                       (year, row.get(self.parts.get(prefix + "month")), row.get(self.parts.get(prefix + "day")))]
            assert numbers[0] is not None
            text = from_parts(timelinejs_year(numbers[0]), numbers[1], numbers[2] if numbers[1] else None)
        except (ValueError, Unreadable) as error:
            self.report.warning(where, f"the date {year}-{row.get(self.parts.get(prefix + 'month'))}-"
                                f"{row.get(self.parts.get(prefix + 'day'))} cannot be read ({error}); "
                                "the event is kept with the date in its summary")
            self.pending.append(f"{prefix.title()}Year as written: {year}")
            return None
        return Reading(date=text)

