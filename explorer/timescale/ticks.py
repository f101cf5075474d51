"""Axis ticks from a ladder of steppers (hours ... days, months, years, decades ... 10^9 years).

The finest stepper whose widest label fits between two of its ticks wins (pyqtgraph's
`DateAxisItem`, The Timeline Project's `choose_strip`). Sub-year levels get a second, coarser
tier of context labels (months under their year). Years are written as people write them:
"44 BCE", and there is no year 0 (1 BCE is followed by 1 CE). The number of ticks is bounded
by the width in pixels whatever the span.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from explorer.model.calendar import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    civil_from_days,
    days_from_civil,
    days_in_month,
    year_label,
    year_of_day,
)
from explorer.timescale.viewport import Viewport

Measure = Callable[[str], float]

#: Ticks are never closer than this many pixels, whatever the labels measure.
MIN_TICK_PX = 6.0
#: Space kept between two neighbouring labels.
LABEL_GAP_PX = 10.0


@dataclass(frozen=True, slots=True)
class Tick:
    day: float
    label: str


@dataclass(frozen=True, slots=True)
class AxisTicks:
    """The ticks of one view: `minor` carry the chosen level, `major` the context tier."""

    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]
    level: str
    major_level: str


class HourStep:
    """Ticks every `hours` hours, labelled "06:00"."""

    def __init__(self, hours: int) -> None:
        self.hours = hours
        self.name = f"{hours}h"
        self.min_days = hours / 24.0

    def first(self, day: float) -> float:
        return math.floor(day / self.min_days) * self.min_days

    def following(self, tick: float) -> float:
        return tick + self.min_days

    def label(self, tick: float, with_era: bool) -> str:
        hour = int(round((tick - math.floor(tick)) * 24)) % 24
        return f"{hour:02d}:00"

    def samples(self, start: float, end: float, with_era: bool) -> Iterable[str]:
        return ("00:00",)


class DayStep:
    """Ticks on days 1, 1 + step, ... of each month, labelled with the day of the month."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = "day" if step == 1 else f"{step} days"
        # A month's last tick is dropped when it would sit closer than this to the next 1st.
        self.min_days = 1.0 if step == 1 else 0.75 * step

    def _days_of_month(self, year: int, month: int) -> list[int]:
        length = days_in_month(year, month)
        return [d for d in range(1, length + 1, self.step) if length + 1 - d >= self.min_days]

    def first(self, day: float) -> float:
        number = math.floor(day)
        year, month, dom = civil_from_days(number)
        best = max(d for d in self._days_of_month(year, month) if d <= dom)
        return float(number - dom + best)

    def following(self, tick: float) -> float:
        number = int(tick)
        year, month, dom = civil_from_days(number)
        for d in self._days_of_month(year, month):
            if d > dom:
                return float(number - dom + d)
        return float(number - dom + days_in_month(year, month) + 1)

    def label(self, tick: float, with_era: bool) -> str:
        return str(civil_from_days(int(tick))[2])

    def context_label(self, tick: float, with_era: bool) -> str:
        year, month, day = civil_from_days(int(tick))
        return f"{day} {MONTH_NAMES[month - 1]} {_year_text(year, with_era)}"

    def samples(self, start: float, end: float, with_era: bool) -> Iterable[str]:
        return ("30",)


class MonthStep:
    """Ticks on the 1st of every `step`-th month (January first), labelled "Mar"."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = "month" if step == 1 else f"{step} months"
        self.min_days = {1: 28.0, 3: 89.0, 6: 181.0}.get(step, 28.0 * step)

    def first(self, day: float) -> float:
        year, month, _ = civil_from_days(math.floor(day))
        month = (month - 1) // self.step * self.step + 1
        return float(days_from_civil(year, month, 1))

    def following(self, tick: float) -> float:
        year, month, _ = civil_from_days(int(tick))
        month += self.step
        return float(days_from_civil(year + (month - 1) // 12, (month - 1) % 12 + 1, 1))

    def label(self, tick: float, with_era: bool) -> str:
        return MONTH_ABBREVIATIONS[civil_from_days(int(tick))[1] - 1]

    def context_label(self, tick: float, with_era: bool) -> str:
        year, month, _ = civil_from_days(int(tick))
        return f"{MONTH_NAMES[month - 1]} {_year_text(year, with_era)}"

    def samples(self, start: float, end: float, with_era: bool) -> Iterable[str]:
        return MONTH_ABBREVIATIONS


class YearStep:
    """Ticks on 1 January of years that are multiples of `step` as people count them:
    CE years divisible by `step`, BCE years whose BCE number is divisible by `step`, and
    1 CE itself for the coarser steps (so the run goes 10 BCE, 1 CE, 10, 20)."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = "year" if step == 1 else f"{step} years"
        self.include_one = step >= 5
        self.min_days = 365.0 * (step - 1 if self.include_one else step)

    def tick_year_at_or_before(self, year: int) -> int:
        step = self.step
        if year >= 1:
            multiple = year // step * step
            if multiple >= 1:
                return multiple
            if self.include_one:
                return 1
            year = 0
        bce = 1 - year
        return 1 - (-(-bce // step) * step)

    def tick_year_at_or_after(self, year: int) -> int:
        step = self.step
        if year <= 0:
            bce = (1 - year) // step * step
            if bce >= 1:
                return 1 - bce
            return 1 if self.include_one else step
        if year == 1 and self.include_one:
            return 1
        return -(-year // step) * step

    def first(self, day: float) -> float:
        return float(days_from_civil(self.tick_year_at_or_before(year_of_day(day))))

    def following(self, tick: float) -> float:
        year = year_of_day(tick)
        return float(days_from_civil(self.tick_year_at_or_after(year + 1)))

    def label(self, tick: float, with_era: bool) -> str:
        return _year_text(year_of_day(tick), with_era)

    context_label = label

    def samples(self, start: float, end: float, with_era: bool) -> Iterable[str]:
        first, last = year_of_day(start), year_of_day(end)
        return {_year_text(y, with_era) for y in (first, last, first - self.step, last + self.step)}


def _year_text(year: int, with_era: bool) -> str:
    """Year label; CE years say so when BCE years are in view, so the 1 BCE -> 1 CE step reads."""
    if with_era and year >= 1:
        return f"{year} CE"
    return year_label(year)


def _year_steps() -> list[YearStep]:
    steps = []
    for power in range(10):
        for mantissa in (1, 2, 5):
            steps.append(YearStep(mantissa * 10**power))
    return steps


#: Finest to coarsest. Each entry is (stepper, the context stepper for its second tier or None).
LADDER: tuple = (
    *((HourStep(h), DayStep(1)) for h in (1, 3, 6, 12)),
    *((DayStep(d), MonthStep(1)) for d in (1, 2, 5, 10)),
    *((MonthStep(m), YearStep(1)) for m in (1, 3, 6)),
    *((step, None) for step in _year_steps()),
)


def choose_level(viewport: Viewport, measure: Measure, gap: float = LABEL_GAP_PX):
    """The finest (stepper, context stepper) whose labels fit between its ticks, or None."""
    with_era = year_of_day(viewport.start) <= 0
    days_per_px = viewport.days_per_px
    if not (days_per_px > 0 and math.isfinite(days_per_px)):
        return None
    for stepper, context in LADDER:
        spacing = stepper.min_days / days_per_px
        if spacing < MIN_TICK_PX:
            continue
        samples = stepper.samples(viewport.start, viewport.end, with_era)
        if max(measure(text) for text in samples) + gap <= spacing:
            return stepper, context
    return None


def _walk(stepper, viewport: Viewport, limit: int) -> Iterator[float]:
    tick = stepper.first(viewport.start)
    for _ in range(limit):
        if tick > viewport.end:
            return
        yield tick
        following = stepper.following(tick)
        if not following > tick:
            return
        tick = following


def axis_ticks(viewport: Viewport, measure: Measure, gap: float = LABEL_GAP_PX) -> AxisTicks:
    """Ticks and labels for `viewport`; the first tick of each tier may lie left of the view
    (it names what is in view at the left edge)."""
    chosen = choose_level(viewport, measure, gap)
    if chosen is None:
        return AxisTicks((), (), "", "")
    stepper, context = chosen
    with_era = year_of_day(viewport.start) <= 0
    limit = int(viewport.width_px / MIN_TICK_PX) + 3
    minor = tuple(Tick(t, stepper.label(t, with_era)) for t in _walk(stepper, viewport, limit))
    major: tuple[Tick, ...] = ()
    if context is not None:
        major = tuple(
            Tick(t, context.context_label(t, with_era)) for t in _walk(context, viewport, limit)
        )
    return AxisTicks(minor, major, stepper.name, "" if context is None else context.name)
