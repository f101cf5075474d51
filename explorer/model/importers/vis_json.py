"""vis-timeline items (a JSON list, or `{"items": [...], "groups": [...]}`): `content` (or
`name`) is the title, `start`/`end` the timing, `background` items are eras, groups become
tags (named by their group's `content` when the file defines it, else "group N").

Dates may be strings, date-times with zones (the day as written is kept) or millisecond
timestamps (the day in UTC). A file that also has an `edtf` field (as digital-humanities
chronologies built on vis do) is read from it, at the precision it writes, when it agrees
with `start`; where the two disagree `start`/`end`, which vis-timeline draws, are kept and a
warning names both. An EDTF interval means "lasted from a to b": a span.
"""

from __future__ import annotations

import datetime as _dt
import re

from explorer.model.dates import parse_edtf
from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.dates_in import Reading, Unreadable, read_date, read_edtf
from explorer.model.importers.draft import Draft, add_source, add_tag
from explorer.model.importers.html_text import has_html, html_to_text, one_line, title_from_text
from explorer.model.importers.located import at_of, read_json, sniff_json, text_of
from explorer.model.importers.report import ImportReport, Where, shorten
from explorer.model.importers.source import Source, SourceError
from explorer.model.importers.timing import append_summary, set_timing

_TITLE_KEYS = ("content", "name", "title", "label")


def _items(data: object) -> tuple[list, list]:
    if isinstance(data, list):
        return data, []
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        groups = data.get("groups")
        return data["items"], groups if isinstance(groups, list) else []
    return [], []


def vis_date(value: object) -> tuple[Reading, str]:
    """A vis-timeline date as a reading, and what it dropped (a time of day)."""
    text = text_of(value)
    if re.fullmatch(r"-?\d{10,}", text):  # milliseconds since 1970 (UTC)
        moment = _dt.datetime(1970, 1, 1) + _dt.timedelta(milliseconds=int(text))
        return Reading(date=moment.date().isoformat()), "time of day (a timestamp, read in UTC)"
    reading = read_date(text)
    return reading, reading.dropped


class VisTimeline:
    name = "vis"
    label = "vis-timeline JSON"

    def detect(self, source: Source) -> int:
        items, _groups = _items(sniff_json(source))
        dicts = [i for i in items[:50] if isinstance(i, dict)]
        if dicts and sum("start" in i for i in dicts) >= len(dicts) / 2 and \
                any(k in dicts[0] for k in (*_TITLE_KEYS, "id")):
            return SURE
        return NO

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        data = read_json(source)
        items, groups = _items(data)
        if not items:
            raise SourceError("this JSON is not vis-timeline items: it holds no list of items with "
                              "\"start\" (a list, or {\"items\": [...]})", *at_of(data))
        names = {text_of(g.get("id")): one_line(text_of(g.get("content"))) for g in groups if isinstance(g, dict)}
        draft = Draft()
        for index, item in enumerate(items):
            where = Where(*at_of(item), f"[{index}]")
            if not isinstance(item, dict):
                report.warning(where, "this item is not an object; it is left out")
                continue
            self._item(item, names, draft, report, where)
        report.keep("events", len(draft.events))
        if draft.eras:
            report.keep("eras (background items)", len(draft.eras))
        return draft

    def _timing(self, item: dict, report: ImportReport, where: Where) -> tuple[Reading | None, Reading | None]:
        start = end = None
        try:
            if text_of(item.get("start")):
                start, dropped = vis_date(item.get("start"))
                if dropped:
                    report.drop(f"from dates: {dropped}", shorten(text_of(item.get("start")), 30), where)
            if text_of(item.get("end")):
                end, dropped = vis_date(item.get("end"))
                if dropped:
                    report.drop(f"from dates: {dropped}", shorten(text_of(item.get("end")), 30), where)
        except Unreadable as error:
            report.warning(where, f"the start or end cannot be read ({error}); the event is undated")
            return None, None
        written = text_of(item.get("edtf"))
        if not written:
            return start, end
        try:
            precise = read_edtf(written)
        except Unreadable as error:
            report.warning(where, f"edtf {shorten(written)!r} cannot be read ({error}); start and end are kept")
            return start, end
        if start is not None and not _agrees(start, precise.start if precise.is_span else precise.date) or (
                end is not None and precise.is_span and not _agrees(end, precise.end)):
            report.warning(where, f"edtf {written} and start {text_of(item.get('start'))}"
                           f"{' / end ' + text_of(item.get('end')) if end else ''} disagree; the start "
                           "and end vis-timeline draws are kept: check which is right")
            return start, end
        if precise.dropped:
            report.drop(f"from dates: {precise.dropped}", shorten(written, 40), where)
        report.convert("dates taken from the edtf field, at the precision it writes",
                       f"{shorten(written, 40)}", where)
        if precise.is_span:
            return Reading(date=precise.start) if precise.start else None, \
                Reading(date=precise.end) if precise.end else None
        return Reading(date=precise.date), None

    def _item(self, item: dict, groups: dict, draft: Draft, report: ImportReport, where: Where) -> None:
        raw_title = next((text_of(item.get(k)) for k in _TITLE_KEYS if text_of(item.get(k))), "")
        title = one_line(raw_title)
        if has_html(raw_title):
            report.convert("HTML in item contents removed", shorten(title, 40), where)
        summary = html_to_text(text_of(item.get("description")) or text_of(item.get("title")) if
                               "content" in item or "name" in item else text_of(item.get("description")))
        start, end = self._timing(item, report, where)
        kind = text_of(item.get("type"))
        if kind == "background":
            if start is None:
                report.warning(where, "a background item without a start; it is left out")
                return
            era = {"title": title or "Untitled era", "start": start.edtf()}
            if end is not None:
                era["end"] = end.edtf()
            draft.eras.append(era)
            return
        if not title:
            title = title_from_text(summary) if summary else "Untitled"
        event: dict = {"title": title}
        set_timing(event, start, end, report, where)
        if summary:
            event["summary"] = summary
        note = html_to_text(text_of(item.get("note")))
        if note:
            append_summary(event, note)
        group = text_of(item.get("group"))
        if group:
            name = groups.get(group)
            if name is None:
                report.convert("group ids without a group definition kept as tags 'group N'",
                               f"group {group}", where)
            add_tag(event, name or f"group {group}")
        add_tag(event, text_of(item.get("category")))
        for key in ("className", "style", "priority", "subgroup", "editable", "selectable"):
            if text_of(item.get(key)):
                report.drop(f"item field {key!r}", shorten(text_of(item.get(key)), 20), where)
        for cited in item.get("sources") or ():
            if isinstance(cited, dict) and text_of(cited.get("name")):
                page = text_of(cited.get("page"))
                role = text_of(cited.get("source_type"))
                note = ", ".join(bit for bit in (f"p. {page}" if page else "",
                                                 "for the end date" if role == "end" else "") if bit)
                add_source(event, draft.cite(one_line(text_of(cited["name"])), note=note))
        draft.events.append(event)


def _agrees(reading: Reading, written: str | None) -> bool:
    """Whether a vis date lies in the years an EDTF date may mean."""
    if written is None:
        return True
    value, other = parse_edtf(reading.edtf()), parse_edtf(written)
    if value.earliest is None or other.earliest is None or other.latest is None:
        return True
    from explorer.model.calendar import civil_from_days

    year = civil_from_days(value.earliest)[0]
    return civil_from_days(other.earliest)[0] <= year <= civil_from_days(other.latest)[0]
