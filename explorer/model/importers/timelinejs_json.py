"""TimelineJS JSON (version 3, and the legacy `{"timeline": {"date": [...]}}` of version 2):
slides become events, the title slide the file's title, eras eras, groups tags.

TimelineJS shows the year -500 as "500 BCE", so its negative years are one off astronomical
EDTF (500 BCE is `-0499`). Years beyond format v1's range (the cosmological scale) cannot be
placed: such events are kept undated with their year in the summary. Media, credits,
backgrounds and display dates have no place in format v1 and are reported dropped; events that
only name a lane (no text, a hidden display date) are dropped and reported too.
"""

from __future__ import annotations

import re

from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.dates_in import Reading, Unreadable, from_parts, read_date
from explorer.model.importers.draft import Draft, add_tag
from explorer.model.importers.html_text import has_html, html_to_text, one_line, title_from_text
from explorer.model.importers.located import at_of, read_json, sniff_json, text_of
from explorer.model.importers.report import ImportReport, Where, shorten
from explorer.model.importers.source import Source, SourceError
from explorer.model.importers.timing import append_summary, set_timing

_DATE_KEYS = ("year", "month", "day")
_TIME_KEYS = ("hour", "minute", "second", "millisecond")


def timelinejs_year(year: int) -> int:
    """The astronomical year of a year as TimelineJS writes it (-500 is 500 BCE: -499)."""
    return year + 1 if year < 0 else year


def _number(value: object) -> int | None:
    text = re.sub(r"[\s,]", "", text_of(value))
    if not text:
        return None
    if not re.fullmatch(r"[-+]?\d+(?:\.0+)?", text):
        raise Unreadable(f"{shorten(text, 20)!r} is not a whole number")
    return int(float(text)) if "." in text else int(text)


def date_object(value: object, report: ImportReport, where: Where) -> Reading | None:
    """A TimelineJS date object (`{"year": "1815", "month": "12"}`) as a reading; None when
    it has no year. Unreadable for a date format v1 cannot hold."""
    if not isinstance(value, dict):
        return None
    year = _number(value.get("year"))
    if year is None:
        return None
    month = _number(value.get("month"))
    day = _number(value.get("day")) if month is not None else None
    if any(text_of(value.get(key)) for key in _TIME_KEYS):
        report.drop("times of day", shorten(":".join(text_of(value.get(k)) or "00" for k in _TIME_KEYS[:2])), where)
    if text_of(value.get("display_date")):
        report.drop("display dates", shorten(text_of(value.get("display_date")), 30), where)
    astronomical = timelinejs_year(year)
    try:
        text = from_parts(astronomical, month, day)
    except Unreadable as error:
        if str(error).startswith("year"):
            raise Unreadable(f"the year {year:,} is beyond the years a timeline file can hold "
                             "(-999,999 to 999,999)") from None
        raise
    if year < 0:
        report.convert("years before the common era written astronomically (TimelineJS -500 is "
                       "500 BCE, EDTF -0499)", f"{year} -> {text}", where)
    elif month is not None and (len(text_of(value.get("month"))) < 2 or text_of(value.get("day")) and
                                len(text_of(value.get("day"))) < 2):
        report.convert("unpadded year, month and day written as EDTF", f"{year}-{month}-{day or ''} -> {text}", where)
    return Reading(date=text)


def _texts(slide: dict) -> dict:
    text = slide.get("text")
    return text if isinstance(text, dict) else {}


def legacy_date(value: object) -> Reading | None:
    """A TimelineJS 2 date: "2011,12,10" (year, month, day, and perhaps a time)."""
    text = text_of(value)
    if not text:
        return None
    parts = [p.strip() for p in text.split(",")]
    if all(re.fullmatch(r"-?\d+", p) for p in parts if p) and parts[0]:
        numbers = [int(p) for p in parts[:3] if p]
        month = numbers[1] if len(numbers) > 1 else None
        day = numbers[2] if len(numbers) > 2 else None
        return Reading(date=from_parts(timelinejs_year(numbers[0]), month, day))
    return read_date(text)


class TimelineJsJson:
    name = "timelinejs"
    label = "TimelineJS JSON"

    def detect(self, source: Source) -> int:
        data = sniff_json(source)
        if isinstance(data, dict):
            if isinstance(data.get("events"), list) and any(
                    isinstance(e, dict) and ("start_date" in e or "text" in e) for e in data["events"]):
                return SURE
            legacy = data.get("timeline")
            if isinstance(legacy, dict) and isinstance(legacy.get("date"), list):
                return SURE
        return NO

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        data = read_json(source)
        if not isinstance(data, dict):
            raise SourceError("this JSON is not a TimelineJS file: it holds a list, not an object "
                              "with \"events\"")
        legacy = data.get("timeline")
        if "events" not in data and isinstance(legacy, dict) and isinstance(legacy.get("date"), list):
            return self._legacy(legacy, report)
        events = data.get("events")
        if not isinstance(events, list):
            raise SourceError("this JSON is not a TimelineJS file: it has no \"events\" list "
                              "(a TimelineJS file is {\"title\": ..., \"events\": [...]})", *at_of(data))
        draft = Draft()
        title = data.get("title")
        if isinstance(title, dict):
            self._title(title, draft, report)
        for index, slide in enumerate(events):
            where = Where(*at_of(slide), f"events[{index}]")
            if not isinstance(slide, dict):
                report.warning(where, "this event is not an object; it is left out")
                continue
            event = self._slide(slide, report, where, draft)
            if event is not None:
                draft.events.append(event)
        for index, era in enumerate(data.get("eras") or ()):
            self._era(era, report, Where(*at_of(era), f"eras[{index}]"), draft)
        report.keep("events", len(draft.events))
        if draft.eras:
            report.keep("eras", len(draft.eras))
        return draft

    def _title(self, slide: dict, draft: Draft, report: ImportReport) -> None:
        text = _texts(slide)
        draft.title = one_line(text_of(text.get("headline")))
        draft.description = html_to_text(text_of(text.get("text")))
        if draft.title:
            report.keep("title")
        self._extras(slide, report, Where(*at_of(slide), "title"))

    def _extras(self, slide: dict, report: ImportReport, where: Where) -> None:
        media = slide.get("media")
        if isinstance(media, dict) and any(text_of(media.get(k)) for k in ("url", "caption", "credit", "thumbnail")):
            report.drop("media (images, videos, quotes) with their captions and credits",
                        shorten(text_of(media.get("url")), 50), where)
        if isinstance(slide.get("background"), dict) and slide["background"]:
            report.drop("background colours and images", shorten(str(dict(slide["background"])), 40), where)

    def _slide(self, slide: dict, report: ImportReport, where: Where, draft: Draft) -> dict | None:
        text = _texts(slide)
        headline, body = text_of(text.get("headline")), text_of(text.get("text"))
        group = one_line(text_of(slide.get("group")))
        display = slide.get("display_date")
        if group and not body and display is not None and text_of(display) in ("", ".", "-", "–"):
            report.drop("events that only name a lane (no text, hidden date); their group stays "
                        "a tag of the lane's events", shorten(one_line(headline), 40), where)
            return None
        event: dict = {}
        unique = text_of(slide.get("unique_id"))
        if unique and re.fullmatch(r"[\w.-]+", unique) and draft.claim(unique):
            event["id"] = unique
        title = one_line(headline)
        if has_html(headline):
            report.convert("HTML in headlines removed", f"{shorten(headline, 30)} -> {shorten(title, 30)}", where)
        summary = html_to_text(body)
        if has_html(body):
            report.convert("HTML in texts written as plain text, links kept after their text", where=where)
        if not title:
            title = title_from_text(summary) if summary else "Untitled"
            if summary:
                report.convert("titles made from the start of the text (no headline)", shorten(title, 40), where)
            else:
                report.warning(where, "this event has no headline and no text; it is kept as 'Untitled'")
        event["title"] = title
        pending = []
        readings = []
        for key in ("start_date", "end_date"):
            try:
                readings.append(date_object(slide.get(key), report, Where(where.line, where.column,
                                                                           f"{where.path}.{key}")))
            except Unreadable as error:
                readings.append(None)
                year = text_of(slide[key].get("year")) if isinstance(slide.get(key), dict) else ""
                report.warning(where, f"{key} cannot be placed ({error}); the event is kept "
                               "undated with its date in the summary")
                pending.append(f"TimelineJS {key.replace('_', ' ')}: year {year}")
        if readings[0] is None and readings[1] is not None:
            readings = [readings[1], None]
        set_timing(event, readings[0], readings[1], report, where)
        if summary:
            event["summary"] = summary
        for line in pending:
            append_summary(event, line)
        if group:
            add_tag(event, group)
        if text_of(display) and text_of(display) not in (".",):
            report.drop("display dates", shorten(text_of(display), 30), where)
        self._extras(slide, report, where)
        return event

    def _era(self, era: object, report: ImportReport, where: Where, draft: Draft) -> None:
        if not isinstance(era, dict):
            report.warning(where, "this era is not an object; it is left out")
            return
        text = _texts(era)
        title = one_line(text_of(text.get("headline"))) or "Untitled era"
        try:
            start = date_object(era.get("start_date"), report, where)
            end = date_object(era.get("end_date"), report, where)
        except Unreadable as error:
            report.warning(where, f"the era {title!r} cannot be placed ({error}); it is left out")
            return
        if start is None:
            report.warning(where, f"the era {title!r} has no start date; it is left out")
            return
        entry = {"title": title, "start": start.date}
        if end is not None:
            entry["end"] = end.date
        draft.eras.append(entry)

    def _legacy(self, timeline: dict, report: ImportReport) -> Draft:
        report.format = "TimelineJS 2 JSON"
        draft = Draft()
        draft.title = one_line(text_of(timeline.get("headline")))
        draft.description = html_to_text(text_of(timeline.get("text")))
        for index, item in enumerate(timeline.get("date") or ()):
            where = Where(*at_of(item), f"timeline.date[{index}]")
            if not isinstance(item, dict):
                report.warning(where, "this date is not an object; it is left out")
                continue
            event: dict = {"title": one_line(text_of(item.get("headline"))) or "Untitled"}
            try:
                start, end = legacy_date(item.get("startDate")), legacy_date(item.get("endDate"))
            except Unreadable as error:
                report.warning(where, f"the date cannot be read ({error}); the event is kept undated")
                start = end = None
            set_timing(event, start, end, report, where)
            summary = html_to_text(text_of(item.get("text")))
            if summary:
                event["summary"] = summary
            add_tag(event, text_of(item.get("tag")))
            if isinstance(item.get("asset"), dict) and text_of(item["asset"].get("media")):
                report.drop("media (assets)", shorten(text_of(item["asset"].get("media")), 50), where)
            draft.events.append(event)
        for index, item in enumerate(timeline.get("era") or ()):
            where = Where(*at_of(item), f"timeline.era[{index}]")
            if isinstance(item, dict):
                try:
                    start, end = legacy_date(item.get("startDate")), legacy_date(item.get("endDate"))
                except Unreadable:
                    start = end = None
                if start is None or start.date is None:
                    report.warning(where, "this era has no readable start; it is left out")
                    continue
                era = {"title": one_line(text_of(item.get("headline"))) or "Untitled era", "start": start.date}
                if end is not None and end.date is not None:
                    era["end"] = end.date
                draft.eras.append(era)
        report.keep("events", len(draft.events))
        return draft
