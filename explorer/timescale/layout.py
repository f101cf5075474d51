"""Build the `Scene` of one frame from pure inputs: the lane index, a viewport, a size, a
text-measuring callable and the sizes from the font. Only what is visible is laid out."""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Callable, Mapping

from explorer.model.calendar import day_words
from explorer.model.dates import EdtfValue
from explorer.model.entities import Era
from explorer.timescale.aggregate import (
    DENSITY_BIN_PX,
    badge_segments,
    density_edges,
    lane_capacity,
)
from explorer.timescale.geometry import Rect, value_bounds
from explorer.timescale.index import LaneIndex
from explorer.timescale.labels import elide
from explorer.timescale.lane_items import LONG_ROWS_FROM, LaneFrame, lane_items, long_span_days
from explorer.timescale.lanes import GroupBy
from explorer.timescale.scene import (
    AxisMark,
    Badge,
    BadgeKind,
    Chip,
    DensityStrip,
    EraBand,
    LaneBand,
    Scene,
    SceneMetrics,
)
from explorer.timescale.ticks import axis_ticks
from explorer.timescale.viewport import Viewport

Measure = Callable[[str], float]

#: Items laid out one by one in a whole frame; lanes further down aggregate beyond it.
FRAME_ITEM_BUDGET = 160
#: Rows a density strip takes at most.
DENSITY_ROWS = 4
#: Sizes for callers without a font (tests): a value, so one instance serves every call.
DEFAULT_METRICS = SceneMetrics()
#: Where a lane's title starts, after its colour swatch.
LANE_TITLE_INDENT = 20.0
#: Widest an undated chip gets.
CHIP_MAX_PX = 200.0


@dataclass(frozen=True, slots=True)
class FrameLayout:
    """The vertical split of a frame: era strip, axis, lanes (scrolling), undated tray.

    Lane `n` runs from `tops[n]` to `tops[n + 1]` (offsets into the lanes' content) with
    `rows_of(n)` rows; without `lane_rows` every lane is `lane_height` high with `rows` rows."""

    era_rect: Rect
    axis_rect: Rect
    lanes_rect: Rect
    tray_rect: Rect | None
    lane_height: float
    header_height: float
    rows: int
    lane_count: int
    lane_rows: tuple[int, ...] = ()
    tops: tuple[float, ...] = ()

    @property
    def content_height(self) -> float:
        return self.tops[-1] if self.tops else self.lane_count * self.lane_height

    @property
    def max_scroll(self) -> float:
        return max(0.0, self.content_height - self.lanes_rect.h)

    def rows_of(self, lane: int) -> int:
        return self.lane_rows[lane] if self.lane_rows else self.rows

    def top_of(self, lane: int) -> float:
        return self.tops[lane] if self.tops else lane * self.lane_height

    def height_of(self, lane: int) -> float:
        return self.tops[lane + 1] - self.tops[lane] if self.tops else self.lane_height

    def first_visible(self, scroll_y: float) -> int:
        """The first lane any of which is below `scroll_y`."""
        if not self.tops:
            return int(scroll_y // self.lane_height) if self.lane_height > 0 else 0
        return max(0, bisect_right(self.tops, scroll_y) - 1)


def frame_layout(
    width: float, height: float, lane_count: int, era_rows: int, has_tray: bool,
    grouped: bool, metrics: SceneMetrics,
) -> FrameLayout:
    """Where each part of the frame goes, and how many rows each lane gets."""
    era_h = era_rows * metrics.era_row_height
    tray_h = metrics.tray_height if has_tray else 0.0
    top = era_h + metrics.axis_height
    area = max(height - top - tray_h, metrics.row_height)
    lane_rows: tuple[int, ...] = ()
    tops: tuple[float, ...] = ()
    if grouped:
        header = 0.0 if metrics.inline_titles else metrics.lane_header_height
        share = area / max(lane_count, 1)
        rows = int((share - header) // metrics.row_height)
        rows = min(max(rows, metrics.min_lane_rows), metrics.max_lane_rows)
        lane_height = header + rows * metrics.row_height
        if len(metrics.lane_rows) == lane_count and lane_count:
            lane_rows = metrics.lane_rows
            heights = [header + count * metrics.row_height for count in lane_rows]
            tops = tuple(float(t) for t in accumulate(heights, initial=0.0))
    else:
        header = 0.0
        rows = max(1, int(area // metrics.row_height))
        lane_height = area
    return FrameLayout(
        era_rect=Rect(0.0, 0.0, width, era_h),
        axis_rect=Rect(0.0, era_h, width, metrics.axis_height),
        lanes_rect=Rect(0.0, top, width, area),
        tray_rect=Rect(0.0, height - tray_h, width, tray_h) if has_tray else None,
        lane_height=lane_height,
        header_height=header,
        rows=rows,
        lane_count=lane_count,
        lane_rows=lane_rows,
        tops=tops,
    )


# -- eras ----------------------------------------------------------------------------


def _value_days(value: EdtfValue | None, today: float) -> tuple[float, float]:
    if value is None:
        return today, today
    low, high, _, _ = value_bounds(value)
    first = low if low is not None else (high - 1.0 if high is not None else today)
    after = high if high is not None else first + 1.0
    return first, after


def era_days(era: Era, today: float) -> tuple[float, float]:
    """First day and day after the last of an era (an era still going runs to `today`)."""
    first, _ = _value_days(era.start, today)
    _, after = _value_days(era.end, today) if era.end is not None else (today, max(today, first + 1))
    return first, max(after, first + 1.0)


def era_rows(eras: tuple[Era, ...], today: float) -> list[int]:
    """A row per era such that eras in the same row do not overlap in time."""
    ends: list[float] = []
    rows = [0] * len(eras)
    order = sorted(range(len(eras)), key=lambda i: era_days(eras[i], today)[0])
    for number in order:
        first, after = era_days(eras[number], today)
        row = next((r for r, end in enumerate(ends) if end <= first), None)
        if row is None:
            row = len(ends)
            ends.append(after)
        ends[row] = after
        rows[number] = row
    return rows


def _era_bands(eras, rows, viewport, layout, measure, metrics, today) -> tuple[EraBand, ...]:
    width = layout.era_rect.w
    spans = [tuple(viewport.x_of(day) for day in era_days(era, today)) for era in eras]
    bands = []
    for number, era in enumerate(eras):
        x0, x1 = spans[number]
        if x1 < 0 or x0 > width:
            continue
        # A title may run on past its era into the free strip up to the next era of its row:
        # it is shortened only when there is truly no room.
        following = min((spans[other][0] for other in range(len(eras))
                         if rows[other] == rows[number] and other != number
                         and spans[other][0] >= x1), default=math.inf)
        x0, x1 = max(x0, -2.0), min(x1, width + 2.0)
        y = layout.era_rect.y + rows[number] * metrics.era_row_height
        left = max(x0, 0.0) + 4.0
        room = max(min(x1, width) - left - 4.0, min(following, width) - left - metrics.gap)
        label = elide(era.title, room, measure)
        label_rect = Rect(left, y, measure(label), metrics.era_row_height) if label else None
        fuzzy = any(v is not None and (v.approximate or v.uncertain) for v in (era.start, era.end))
        strip = Rect(x0, y, x1 - x0, metrics.era_row_height)
        bands.append(EraBand(era.title, x0, x1, rows[number], strip, label, label_rect, number,
                             fuzzy, era.end is None))
    return tuple(bands)


# -- axis ----------------------------------------------------------------------------


def _axis_marks(viewport, layout, measure, metrics):
    ticks = axis_ticks(viewport, measure)
    axis = layout.axis_rect
    tier = axis.h / 2.0
    major_marks = []
    majors = ticks.major
    for number, tick in enumerate(majors):
        x = viewport.x_of(tick.day)
        left = max(x + 3.0, 3.0)  # the tier names what is at the left edge, even off screen
        following = viewport.x_of(majors[number + 1].day) + 3.0 if number + 1 < len(majors) else math.inf
        label = elide(tick.label, following - left - metrics.gap, measure)
        rect = Rect(left, axis.y, measure(label), tier) if label else None
        major_marks.append(AxisMark(x, label, rect))
    minor_y = axis.y + (tier if majors else tier / 2.0)
    minor_marks = []
    for tick in ticks.minor:
        x = viewport.x_of(tick.day)
        # A label cut by the left edge would read as another number ("0" for 2000): drop it.
        rect = Rect(x + 3.0, minor_y, measure(tick.label), tier) if x + 3.0 >= 0 else None
        minor_marks.append(AxisMark(x, tick.label, rect))
    return tuple(minor_marks), tuple(major_marks)


# -- lanes ---------------------------------------------------------------------------


def _density(lane_index, lane_no, band_no, band, header, viewport, measure, metrics, colour,
             reserved=0.0):
    """The density strip of a lane with too many events to draw, and its count badges; a
    badge starts after the first `reserved` pixels of the lane (its inline title)."""
    # A strip a few rows high reads as well as one filling a tall lane, and costs less.
    height = min(band.h - header, DENSITY_ROWS * metrics.row_height)
    rows_rect = Rect(band.x, band.y + header, band.w, height)
    edges = density_edges(viewport, DENSITY_BIN_PX)
    counts = lane_index.coverage(lane_no, edges)
    strip = DensityStrip(rows_rect, counts, DENSITY_BIN_PX, band_no, colour)
    badges = []
    h = min(metrics.row_height - 4.0, rows_rect.h)
    y = rows_rect.y + (rows_rect.h - h) / 2.0
    if y >= band.y + metrics.row_height:
        reserved = 0.0  # the badges are below the title's row
    # Each event is counted once, in the stretch where it starts (or in the first stretch when
    # it started before the view), so the badges add up to what the lane holds in view.
    for number, (first, last) in enumerate(badge_segments(viewport)):
        if number == 0:
            count = lane_index.count(lane_no, first, last)
        else:
            count = lane_index.count_starting(lane_no, first, last)
        if count <= 0:
            continue
        # "1,234 events" when the stretch has room for it, else the number alone.
        text = f"{count:,} {'event' if count == 1 else 'events'}"
        left = max(viewport.x_of(first), band.x + reserved)
        stretch = viewport.x_of(last) - left
        if measure(text) + 10.0 > stretch - metrics.gap:
            text = f"{count:,}"
        w = measure(text) + 10.0
        x = max((viewport.x_of(first) + viewport.x_of(last) - w) / 2.0, band.x + reserved)
        rect = Rect(x, y, w, h)
        badges.append(Badge(rect, text, count, first, last, band_no, BadgeKind.DENSITY,
                            starting=number > 0))
    return strip, badges


def build_scene(
    lane_index: LaneIndex,
    viewport: Viewport,
    width: float,
    height: float,
    measure: Measure,
    metrics: SceneMetrics = DEFAULT_METRICS,
    *,
    today: float,
    scroll_y: float = 0.0,
    selected_id: str | None = None,
    hovered_id: str | None = None,
    highlighted: frozenset[int] = frozenset(),
    as_of: float | None = None,
    keep_position: int | None = None,
    notes: Mapping[int, str] | None = None,
) -> Scene:
    """Everything one frame draws for `viewport` in a `width` x `height` area; the event at
    `keep_position` (the selected one) gets a row before the others where it is in view;
    `notes` go after the labels of the events at their positions."""
    index = lane_index.index
    dataset = index.dataset
    viewport = viewport.with_width(width)
    eras = dataset.eras
    rows_of_era = era_rows(eras, today)
    era_row_count = max(rows_of_era, default=-1) + 1
    undated = index.visible_undated
    grouped = lane_index.group_by is not GroupBy.NONE
    layout = frame_layout(width, height, len(lane_index.lanes), era_row_count, len(undated) > 0,
                          grouped, metrics)
    scroll_y = min(max(scroll_y, 0.0), layout.max_scroll)
    minor, major = _axis_marks(viewport, layout, measure, metrics)
    era_bands = _era_bands(eras, rows_of_era, viewport, layout, measure, metrics, today)

    bands, items, badges, densities = [], [], [], []
    area = layout.lanes_rect
    first_lane = layout.first_visible(scroll_y)
    budget = FRAME_ITEM_BUDGET
    for band_no, shown_no in enumerate(range(first_lane, len(lane_index.lanes))):
        y = area.y + layout.top_of(shown_no) - scroll_y
        if y >= area.bottom:
            break
        lane_no = int(lane_index.shown[shown_no])
        lane = lane_index.lanes[shown_no]
        rows = layout.rows_of(shown_no)
        rect = Rect(0.0, y, width, layout.height_of(shown_no))
        title = elide(lane.title, max(width / 3.0, 60.0), measure) if grouped else ""
        reserved = 0.0
        if not grouped:
            header_rect = None
        elif metrics.inline_titles:
            # The title and its swatch take the start of the first row.
            reserved = LANE_TITLE_INDENT + measure(title) + metrics.gap
            header_rect = Rect(0.0, y, reserved, metrics.row_height)
        else:
            header_rect = Rect(0.0, y, width, layout.header_height)
        colour = lane_no if grouped else 0
        lo = viewport.start - metrics.fade_px * viewport.days_per_px
        in_view = lane_index.count(lane_no, lo, viewport.end)
        if rows >= LONG_ROWS_FROM and in_view:
            # Spans longer than the view go to rows of their own: they do not crowd the rest.
            in_view = lane_index.count_short(lane_no, lo, viewport.end, long_span_days(viewport))
        capacity = min(lane_capacity(rows, width), budget)
        aggregated = in_view > capacity
        if aggregated:
            strip, lane_badges = _density(lane_index, lane_no, band_no, rect,
                                          layout.header_height, viewport, measure, metrics, colour,
                                          reserved)
            densities.append(strip)
            badges.extend(lane_badges)
        else:
            frame = LaneFrame(lane_no, band_no, rect, layout.header_height, rows, colour,
                              notes, reserved)
            found, lane_badges, drawn = lane_items(lane_index, frame, viewport, measure, metrics,
                                                   today, keep_position)
            items.extend(found)
            badges.extend(lane_badges)
            budget -= drawn
        bands.append(LaneBand(lane_no, lane.key, lane.title, rect, header_rect, title, colour,
                              aggregated))

    chips, tray_title, tray_note = _tray(index, layout, measure, metrics)
    today_x = viewport.x_of(today)
    as_of_x = None if as_of is None else viewport.x_of(as_of)
    if as_of_x is not None and not 0 <= as_of_x <= width:
        as_of_x = None
    return Scene(
        width=width, height=height, viewport=viewport, axis_rect=layout.axis_rect,
        minor=minor, major=major, era_rect=layout.era_rect, eras=era_bands,
        lanes_rect=area, lanes=tuple(bands), items=tuple(items), badges=tuple(badges),
        densities=tuple(densities), tray_rect=layout.tray_rect, tray_title=tray_title,
        tray_note=tray_note,
        chips=chips, today_x=today_x if 0 <= today_x <= width else None,
        content_height=layout.content_height, scroll_y=scroll_y, selected_id=selected_id,
        hovered_id=hovered_id, highlighted=highlighted, as_of_x=as_of_x,
        as_of_label="" if as_of is None else f"as of {day_words(as_of)}",
    )


def _tray(index, layout, measure, metrics) -> tuple[tuple[Chip, ...], str, str]:
    """Chips for the undated events, left to right, as many as fit, and a note counting
    the rest."""
    tray = layout.tray_rect
    undated = index.visible_undated
    if tray is None:
        return (), "", ""
    title = f"Undated ({len(undated):,}):"
    x = 8.0 + measure(title) + metrics.gap
    events = index.dataset.events
    chips = []
    h = tray.h - 6.0
    for number, position in enumerate(undated.tolist()):
        rest = len(undated) - number
        reserve = measure(f"+{rest - 1:,} more") + 16.0 if rest > 1 else 0.0
        room = min(CHIP_MAX_PX, tray.right - x - reserve - 8.0) - 12.0
        event = events[position]
        label = elide(event.title, room, measure)
        if not label:
            break
        w = measure(label) + 12.0
        chips.append(Chip(position, event.id, label, Rect(x, tray.y + 3.0, w, h)))
        x += w + 6.0
    hidden = len(undated) - len(chips)
    note = f"+{hidden:,} more" if hidden else ""
    return tuple(chips), title, note
