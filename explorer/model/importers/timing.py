"""An imported event's timing from what its source wrote: a point or a span, a start and end
that cover one whole month or year made that month or year, and a date that cannot be read
kept in the summary, never guessed."""

from __future__ import annotations

from typing import Callable

from explorer.model.calendar import civil_from_days, days_in_month
from explorer.model.dates import Precision, parse_edtf
from explorer.model.importers.dates_in import Reading, Unreadable, checked
from explorer.model.importers.report import ImportReport, Where, shorten


def set_timing(event: dict, start: Reading | None, end: Reading | None,
               report: ImportReport, where: Where | Callable[[], Where]) -> None:
    """Give `event` its `date`, or `start` and `end`, from the readings of its start and end.
    `where` (or a function that makes it, when only a report needs it) places the row."""
    if start is None and end is None:
        return
    if start is None:
        assert end is not None
        last = end.end if end.is_span else end.date
        if last is None:
            return
        event["date"] = f"../{last}"
        report.convert("an end without a start written as 'on or before' the end", shorten(end.edtf()), _at(where))
        return
    if end is None or end.edtf() == start.edtf():
        if start.is_span:
            event["start"], event["end"] = start.start, start.end
            if start.start is None:
                event["start"] = None
        else:
            event["date"] = start.date
        _clean(event)
        return
    first = start.start if start.is_span else start.date
    last = end.end if end.is_span else end.date
    whole = _whole_period(first, last)
    if whole is not None:
        event["date"] = whole
        report.convert("a start and end covering one whole month or year written as that month or year",
                       f"{first} to {last} -> {whole}", _at(where))
        return
    try:
        if first is not None and last is not None:
            checked(f"{_outer(first, 0)}/{_outer(last, -1)}")
    except Unreadable:
        report.warning(_at(where), f"the end {last} is before the start {first}; the dates are kept "
                       "as a point at the start, with the end in the summary")
        event["date"] = first
        append_summary(event, f"End as written: {last}")
        return
    event["start"], event["end"] = first, last
    _clean(event)


def _at(where: Where | Callable[[], Where]) -> Where:
    return where if isinstance(where, Where) else where()


def _clean(event: dict) -> None:
    if event.get("start") is None and "start" in event:
        end = event.pop("end", None)
        event.pop("start")
        if end is not None:
            event["date"] = f"../{end}"
    elif "end" in event and event["end"] is None:
        event.pop("end")


def _outer(value: str, side: int) -> str:
    parts = value.split("/")
    return parts[side] or parts[side + 1 if side == 0 else side - 1]


def _whole_period(first: str | None, last: str | None) -> str | None:
    """"1946-03" for 1946-03-01 and 1946-03-31; "1946" for 1946-01-01 and 1946-12-31."""
    if first is None or last is None or "/" in first + last:
        return None
    try:
        a, b = parse_edtf(first), parse_edtf(last)
    except ValueError:
        return None
    if a.is_interval or b.is_interval or a.precision != Precision.DAY or b.precision != Precision.DAY:
        return None
    if a.approximate or a.uncertain or b.approximate or b.uncertain:
        return None
    if a.earliest is None or b.latest is None:
        return None
    year, month, day = civil_from_days(a.earliest)
    end_year, end_month, end_day = civil_from_days(b.latest)
    if year != end_year or day != 1:
        return None
    if month == end_month and end_day == days_in_month(year, month):
        return first[: first.rindex("-")]
    if (month, end_month, end_day) == (1, 12, 31):
        return first.split("-")[0] if not first.startswith("-") else "-" + first[1:].split("-")[0]
    return None


def append_summary(event: dict, text: str) -> None:
    """Add a paragraph to the event's summary."""
    text = text.strip()
    if not text:
        return
    summary = event.get("summary", "")
    event["summary"] = f"{summary}\n\n{text}" if summary else text
