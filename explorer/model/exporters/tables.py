"""Events as a table: one row per event, the date as written (EDTF) and as the first and last
day it may mean, the actors, tags and sources by name. `csv_text` and `json_text` are read
back by the table importer: titles, dates with their precision, texts, actors and tags."""

from __future__ import annotations

import csv
import io
import json

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue, day_text
from explorer.model.entities import Event

#: The columns, in order.
COLUMNS = ("title", "date", "start", "end", "summary", "actors", "tags", "protocols", "sources",
           "edtf", "first day", "last day", "id")


def when_cell(value: EdtfValue | None) -> str:
    """A date for a table cell that the importer reads back the same: a single EDTF date as
    written; an interval ("some time in") as words, "between A and B" (an EDTF interval in a
    column is read as a span)."""
    if value is None:
        return ""
    if not value.is_interval:
        return value.text
    start, end = value.text.split("/")
    if start in ("", "..") and end:
        return f"before {end}"
    if end in ("", "..") and start:
        return f"after {start}"
    return f"between {start} and {end}"


def _days(event: Event) -> tuple[str, str]:
    first, after = event.extent()
    return (day_text(first) if first is not None else "",
            day_text(after - 1) if after is not None else "")


def row_of(dataset: Dataset, event: Event) -> dict[str, str]:
    first, last = _days(event)
    names = lambda ids: "; ".join(dataset.label(i) for i in ids)  # noqa: E731
    return {
        "title": event.title,
        "date": when_cell(event.start) if not event.is_span else "",
        "start": when_cell(event.start) if event.is_span else "",
        "end": (when_cell(event.end) if event.end is not None else "ongoing") if event.is_span else "",
        "summary": event.summary,
        "actors": names(event.actors),
        "tags": "; ".join(event.tags),
        "protocols": names(event.protocols),
        "sources": "; ".join(dataset.sources[s].title for s in event.sources if s in dataset.sources),
        "edtf": event.when_text(),
        "first day": first,
        "last day": last,
        "id": event.id,
    }


def csv_text(dataset: Dataset, positions) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for position in positions:
        writer.writerow(row_of(dataset, dataset.events[position]))
    return out.getvalue()


def json_text(dataset: Dataset, positions) -> str:
    events = []
    for position in positions:
        event = dataset.events[position]
        first, last = _days(event)
        entry: dict = {"id": event.id, "title": event.title}
        if event.is_span:
            entry["start"] = event.start.text if event.start is not None else None
            entry["end"] = event.end.text if event.end is not None else None
        elif event.start is not None:
            entry["date"] = event.start.text
        entry.update({
            "when": event.when_words(), "first_day": first or None, "last_day": last or None,
            "summary": event.summary, "actors": [dataset.label(a) for a in event.actors],
            "actor_ids": list(event.actors), "tags": list(event.tags),
            "protocols": list(event.protocols),
            "sources": [{k: v for k, v in (("title", s.title), ("url", s.url), ("publisher", s.publisher))
                         if v} for s in (dataset.sources.get(i) for i in event.sources) if s is not None],
        })
        events.append(entry)
    return json.dumps({"title": dataset.title, "events": events}, ensure_ascii=False, indent=2) + "\n"
