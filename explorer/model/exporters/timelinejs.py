"""Events as TimelineJS JSON, so that a timeline can go back to the web: headlines, texts (as
HTML paragraphs), dates as year, month and day objects, the first tag as the group, eras.

TimelineJS writes 500 BCE as the year -500 (EDTF -0499). What it cannot hold is said in the
notes: undated events (left out), qualifiers and unknown digits (written as the first day they
may mean, with the words as the display date), more than one tag (the first is the group)."""

from __future__ import annotations

import json
from html import escape

from explorer.model.calendar import civil_from_days
from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfDate, EdtfValue, Precision


def _single(value: EdtfValue, last: bool) -> EdtfDate | None:
    if not value.is_interval:
        return value  # type: ignore[return-value]
    date = value.end if last else value.start  # type: ignore[union-attr]
    return date or (value.start if last else value.end)  # type: ignore[union-attr]


def date_object(value: EdtfValue, notes: list[str], title: str, last: bool = False) -> dict:
    """A TimelineJS date of an EDTF value, as precise as the value, never more."""
    date = _single(value, last)
    assert date is not None
    plain = (not value.is_interval and not date.approximate and not date.uncertain
             and date.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR)
             and "X" not in date.text)
    if plain:
        year, month, day = date.year, date.month, date.day
    else:
        year, month, day = civil_from_days(date.latest if last else date.earliest)
        month = month if date.precision <= Precision.MONTH else None
        day = day if date.precision == Precision.DAY else None
        notes.append(f"{title!r}: {value.text} has no TimelineJS form; written as its "
                     f"{'last' if last else 'first'} possible {'day' if day else 'month' if month else 'year'} "
                     "with the words as its display date")
    found: dict = {"year": str(year - 1 if year <= 0 else year)}
    if month is not None and date.precision <= Precision.MONTH:
        found["month"] = str(month)
        if day is not None and date.precision == Precision.DAY:
            found["day"] = str(day)
    if not plain:
        found["display_date"] = value.words()
    return found


def _html(text: str) -> str:
    return "".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in text.split("\n\n") if paragraph)


def timelinejs_text(dataset: Dataset, positions, notes: list[str]) -> str:
    """The TimelineJS 3 JSON of the events at `positions`; `notes` gets what was lost."""
    events = []
    for position in positions:
        event = dataset.events[position]
        if not event.is_dated or event.start is None:
            notes.append(f"{event.title!r} is undated; TimelineJS needs a start date, so it is left out")
            continue
        slide: dict = {"start_date": date_object(event.start, notes, event.title),
                       "text": {"headline": escape(event.title, quote=False)}, "unique_id": event.id}
        if event.is_span and event.end is not None:
            slide["end_date"] = date_object(event.end, notes, event.title, last=True)
        elif event.is_span:
            notes.append(f"{event.title!r} is ongoing; TimelineJS has no open end, so only its start is written")
        if event.summary:
            slide["text"]["text"] = _html(event.summary)
        if event.tags:
            slide["group"] = event.tags[0]
            if len(event.tags) > 1:
                notes.append(f"{event.title!r} has {len(event.tags)} tags; TimelineJS takes one group, the first")
        events.append(slide)
    data: dict = {"events": events}
    if dataset.title or dataset.description:
        data["title"] = {"text": {"headline": escape(dataset.title, quote=False),
                                  "text": _html(dataset.description)}}
    eras = []
    for era in dataset.eras:
        if era.end is None:
            notes.append(f"the era {era.title!r} has no end; TimelineJS needs one, so it is left out")
            continue
        eras.append({"start_date": date_object(era.start, notes, era.title),
                     "end_date": date_object(era.end, notes, era.title, last=True),
                     "text": {"headline": escape(era.title, quote=False)}})
    if eras:
        data["eras"] = eras
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
