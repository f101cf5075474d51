"""Where an event sits on the axis, honestly: its possible days, which ends are fuzzy or
unknown, and a plain rectangle type for layout."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.model.dates import EdtfDate, EdtfValue
from explorer.model.entities import Event


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: Rect) -> bool:
        """True when the two rectangles share some area (touching edges do not count)."""
        return (
            self.x < other.right and other.x < self.right
            and self.y < other.bottom and other.y < self.bottom
        )

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


@dataclass(frozen=True, slots=True)
class EventGeometry:
    """An event on the axis in day numbers.

    `first`..`after` is everything the event may cover. For spans, `start_sure` is the first
    day by which the start has surely happened and `end_sure` the last day before which the
    end surely has not (fuzzy ends are drawn fading between them and the outer bounds). For an
    imprecise point (a year, "between 2007 and 2009") the whole range is uncertain.
    `after` is None for an ongoing span.
    """

    first: float
    after: float | None
    is_span: bool
    start_sure: float
    end_sure: float
    open_start: bool  # the start is unknown or open: drawn fading out to the left
    open_end: bool  # the end of a point's range is unknown or open ("2015/..")
    ongoing: bool
    approximate: bool
    uncertain: bool
    exact_day: bool  # a point on one known day

    def after_or(self, today: float) -> float:
        """The end to draw: `after`, or for an ongoing span `today` (never before the start)."""
        if self.after is not None:
            return self.after
        return max(today, self.start_sure, self.first + 1.0)


def value_bounds(value: EdtfValue) -> tuple[float | None, float | None, bool, bool]:
    """(first day, day after the last, start unknown, end unknown) of a date or range."""
    if isinstance(value, EdtfDate):
        return float(value.earliest), float(value.latest + 1), False, False
    start, end = value.start, value.end
    first = start.earliest if start is not None else (end.earliest if end is not None else None)
    after = end.latest + 1 if end is not None else (start.latest + 1 if start is not None else None)
    return (
        None if first is None else float(first),
        None if after is None else float(after),
        start is None,
        end is None,
    )


def event_geometry(event: Event) -> EventGeometry | None:
    """How to place `event` on the axis; None when it has no date at all."""
    start, end = event.start, event.end
    if start is None and end is None:
        return None
    approximate = any(v.approximate for v in (start, end) if v is not None)
    uncertain = any(v.uncertain for v in (start, end) if v is not None)
    if not event.is_span:
        assert start is not None  # a dated point has its date in `start`
        low, high, open_start, open_end = value_bounds(start)
        assert low is not None and high is not None  # a date, or a range with a known end
        return EventGeometry(
            first=low, after=high, is_span=False, start_sure=high, end_sure=low,
            open_start=open_start, open_end=open_end, ongoing=False,
            approximate=approximate, uncertain=uncertain,
            exact_day=isinstance(start, EdtfDate) and high - low <= 1.0,
        )
    open_start = start is None
    open_end = False
    first: float | None = None
    start_sure: float | None = None
    end_sure: float | None = None
    after: float | None = None
    if start is not None:
        first, start_sure, open_start, _ = value_bounds(start)
    if end is not None:
        end_sure, after, _, open_end = value_bounds(end)
    if first is None:
        first = end_sure
        start_sure = end_sure
    if start_sure is None:
        start_sure = first
    if end is None:
        end_sure = start_sure
    assert first is not None and start_sure is not None and end_sure is not None  # a known day
    end_sure = max(end_sure, start_sure) if after is None else min(max(end_sure, first), after)
    start_sure = min(start_sure, after) if after is not None else start_sure
    return EventGeometry(
        first=first, after=after, is_span=True, start_sure=start_sure, end_sure=end_sure,
        open_start=open_start, open_end=open_end, ongoing=end is None,
        approximate=approximate, uncertain=uncertain, exact_day=False,
    )
