"""The visible window of time as a pure value: day numbers <-> pixels, zoom and pan.

Every operation returns a new viewport; nothing raises. Out-of-range requests (zooming past
the limits, non-finite numbers, a zero width) are clamped to the nearest sensible view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.model.calendar import DAYS_PER_YEAR, days_from_civil

#: Narrowest view: two hours across the window.
MIN_SPAN = 2.0 / 24.0
#: Widest view: fifty thousand years across the window.
MAX_SPAN = 50_000 * DAYS_PER_YEAR
#: No view reaches outside these days (years -1,000,000 to 1,000,000), keeping floats exact
#: to well under a second.
LOWEST_DAY = float(days_from_civil(-1_000_000))
HIGHEST_DAY = float(days_from_civil(1_000_000))


@dataclass(frozen=True, slots=True)
class Viewport:
    """Days `start` to `end` shown across `width_px` pixels; x = 0 is `start`."""

    start: float
    end: float
    width_px: float

    @property
    def span(self) -> float:
        return self.end - self.start

    @property
    def days_per_px(self) -> float:
        return self.span / self.width_px if self.width_px > 0 else self.span

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2.0

    def x_of(self, day: float) -> float:
        """The x coordinate of a day number (outside 0..width when off screen)."""
        return (day - self.start) / self.days_per_px

    def day_at(self, x: float) -> float:
        """The day number under pixel column `x`."""
        return self.start + x * self.days_per_px

    def zoomed_at(
        self, x: float, factor: float, min_span: float = MIN_SPAN, max_span: float = MAX_SPAN
    ) -> Viewport:
        """Zoom in by `factor` (> 1 in, < 1 out) keeping the day under `x` at `x`."""
        if not (math.isfinite(factor) and factor > 0 and math.isfinite(x)):
            return self.clamped(min_span, max_span)
        anchor = self.day_at(x)
        span = min(max(self.span / factor, min_span), max_span)
        fraction = x / self.width_px if self.width_px > 0 else 0.5
        start = anchor - fraction * span
        return Viewport(start, start + span, self.width_px).clamped(min_span, max_span)

    def panned(self, dx: float) -> Viewport:
        """Move the content `dx` pixels to the right (the view moves to earlier days)."""
        if not math.isfinite(dx):
            return self
        shift = dx * self.days_per_px
        return Viewport(self.start - shift, self.end - shift, self.width_px).clamped()

    def centered_on(self, day: float) -> Viewport:
        """The same zoom with `day` in the middle."""
        half = self.span / 2.0
        return Viewport(day - half, day + half, self.width_px).clamped()

    def with_width(self, width_px: float) -> Viewport:
        """The same days shown across a different number of pixels."""
        return Viewport(self.start, self.end, width_px).clamped()

    def clamped(self, min_span: float = MIN_SPAN, max_span: float = MAX_SPAN) -> Viewport:
        """The nearest valid view: finite, ordered, within the span limits and the day range."""
        width = self.width_px if math.isfinite(self.width_px) and self.width_px >= 1 else 1.0
        start, end = self.start, self.end
        if not (math.isfinite(start) and math.isfinite(end)):
            finite = [d for d in (start, end) if math.isfinite(d)]
            middle = min(max(finite[0], LOWEST_DAY), HIGHEST_DAY) if finite else 0.0
            start, end = middle - min_span, middle + min_span
        if end < start:
            start, end = end, start
        middle = (start + end) / 2.0
        span = min(max(end - start, min_span), max_span, HIGHEST_DAY - LOWEST_DAY)
        start = min(max(middle - span / 2.0, LOWEST_DAY), HIGHEST_DAY - span)
        result = Viewport(start, start + span, width)
        return self if result == self else result

    @classmethod
    def fitting(cls, first: float, last: float, width_px: float, margin: float = 0.04,
                max_span: float = MAX_SPAN) -> Viewport:
        """A view showing days `first` to `last` with a `margin` (fraction of the span) each
        side, kept within `max_span` days around their middle."""
        span = max(last - first, MIN_SPAN) * (1.0 + 2.0 * margin)
        middle = (first + last) / 2.0
        return cls(middle - span / 2.0, middle + span / 2.0, width_px).clamped(max_span=max_span)
