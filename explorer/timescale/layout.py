"""Build the `Scene` of one frame from pure inputs: the lane index, a viewport, a size, a
text-measuring callable and the sizes from the font. Only what is visible is laid out."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from explorer.model.calendar import day_words
from explorer.model.dates import EdtfValue
from explorer.model.entities import Era
from explorer.timescale.aggregate import (
    DENSITY_BIN_PX,
    badge_segments,
    cluster_overflow,
    density_edges,
    lane_capacity,
)
from explorer.timescale.geometry import EventGeometry, Rect, value_bounds
from explorer.timescale.index import LaneIndex
from explorer.timescale.labels import Box, elide, pack_rows
from explorer.timescale.lanes import GroupBy
from explorer.timescale.scene import (
    AxisMark,
    Badge,
    Chip,
    DensityStrip,
    EraBand,
    Item,
    LaneBand,
    Scene,
    SceneMetrics,
    Shape,
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
#: Widest an undated chip gets.
CHIP_MAX_PX = 200.0


@dataclass(frozen=True, slots=True)
class FrameLayout:
    """The vertical split of a frame: era strip, axis, lanes (scrolling), undated tray."""

    era_rect: Rect
    axis_rect: Rect
    lanes_rect: Rect
    tray_rect: Rect | None
    lane_height: float
    header_height: float
    rows: int
    lane_count: int

    @property
    def content_height(self) -> float:
        return self.lane_count * self.lane_height

    @property
    def max_scroll(self) -> float:
        return max(0.0, self.content_height - self.lanes_rect.h)


def frame_layout(
    width: float, height: float, lane_count: int, era_rows: int, has_tray: bool,
    grouped: bool, metrics: SceneMetrics,
) -> FrameLayout:
    """Where each part of the frame goes, and how many rows each lane gets."""
    era_h = era_rows * metrics.era_row_height
    tray_h = metrics.tray_height if has_tray else 0.0
    top = era_h + metrics.axis_height
    area = max(height - top - tray_h, metrics.row_height)
    if grouped:
        header = metrics.lane_header_height
        share = area / max(lane_count, 1)
        rows = int((share - header) // metrics.row_height)
        rows = min(max(rows, metrics.min_lane_rows), metrics.max_lane_rows)
        lane_height = header + rows * metrics.row_height
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
    bands = []
    for number, era in enumerate(eras):
        first, after = era_days(era, today)
        x0, x1 = viewport.x_of(first), viewport.x_of(after)
        if x1 < 0 or x0 > width:
            continue
        x0, x1 = max(x0, -2.0), min(x1, width + 2.0)
        y = layout.era_rect.y + rows[number] * metrics.era_row_height
        left = max(x0, 0.0) + 4.0
        label = elide(era.title, min(x1, width) - left - 4.0, measure)
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


def _label_text(event, geometry) -> str:
    text = event.title
    if geometry.approximate:
        text += " ~"
    if geometry.uncertain:
        text += " ?"
    return text


class _Candidate:
    """An item being laid out: its shape in pixels and the room its label wants."""

    __slots__ = ("position", "event_id", "geometry", "shape", "sure_left", "sure_right",
                 "label", "label_width", "inside", "box")
    position: int
    event_id: str
    geometry: EventGeometry
    shape: Shape
    sure_left: float
    sure_right: float
    label: str
    label_width: float
    inside: bool
    box: Box


def _candidate(position, event, geometry, start, scale, width, today, metrics, measure):
    """Place one event on the x axis (`x = (day - start) * scale`); None when off screen."""
    x_first = (geometry.first - start) * scale
    x_after = (geometry.after_or(today) - start) * scale
    if geometry.is_span:
        shape = Shape.BAR
        left, right = x_first, x_after
        sure_left = min(max((geometry.start_sure - start) * scale, left), right)
        sure_right = x_after if geometry.ongoing else (geometry.end_sure - start) * scale
        sure_right = min(max(sure_right, sure_left), right)
    elif geometry.exact_day or x_after - x_first < metrics.marker_size * 0.6:
        shape = Shape.MARKER
        middle = (x_first + x_after) / 2.0
        left = sure_left = middle - metrics.marker_size / 2.0
        right = sure_right = middle + metrics.marker_size / 2.0
    else:
        shape = Shape.RANGE
        left, right, sure_left, sure_right = x_first, x_after, x_first, x_after
    if geometry.open_start:
        left -= metrics.fade_px
    if geometry.open_end or geometry.ongoing:
        right += metrics.fade_px
    if right < 0 or left > width:
        return None
    # Far-off edges are clipped to a margin: fades stay right and coordinates stay small.
    low, high = -2.0 * metrics.fade_px, width + 2.0 * metrics.fade_px
    left, right = min(max(left, low), high), min(max(right, low), high)
    found = _Candidate()
    found.position, found.event_id, found.geometry, found.shape = position, event.id, geometry, shape
    found.sure_left = min(max(sure_left, low), high)
    found.sure_right = min(max(sure_right, low), high)
    found.label = _label_text(event, geometry)
    found.label_width = measure(found.label)
    visible = min(right, width) - max(left, 0.0)
    found.inside = shape is not Shape.MARKER and visible >= found.label_width + 8.0
    if found.inside:
        found.box = Box(left, right, max(left, 0.0) + 4.0, 0.0)
    else:
        found.box = Box(left, right, right + 4.0, found.label_width)
    return found


def _lane_items(lane_index: LaneIndex, lane_no: int, band_no: int, band: Rect, header: float,
                rows: int, viewport: Viewport, measure: Measure, metrics: SceneMetrics,
                today: float, colour: int):
    """Items and overflow badges of one lane that is not aggregated."""
    index = lane_index.index
    events = index.dataset.events
    width = viewport.width_px
    start, scale = viewport.start, 1.0 / viewport.days_per_px
    margin_days = (metrics.fade_px + metrics.marker_size) * viewport.days_per_px
    positions = lane_index.items(lane_no, viewport.start - margin_days, viewport.end + margin_days)
    candidates = []
    for position in positions.tolist():
        found = _candidate(position, events[position], index.geometry(position), start, scale,
                           width, today, metrics, measure)
        if found is not None:
            candidates.append(found)

    boxes = [c.box for c in candidates]
    placements = pack_rows(boxes, rows, metrics.gap)
    if rows > 1 and None in placements:
        # Keep the last row for the "+n" badges of what did not fit.
        placements = pack_rows(boxes, rows - 1, metrics.gap)

    items, overflow = [], []
    top = band.y + header
    for found, placed in zip(candidates, placements):
        if placed is None:
            overflow.append(found)
            continue
        box, shape, geometry = found.box, found.shape, found.geometry
        row_y = top + placed.row * metrics.row_height
        height = metrics.marker_size if shape is Shape.MARKER else metrics.bar_height
        rect = Rect(box.left, row_y + (metrics.row_height - height) / 2.0,
                    box.shape_right - box.left, height)
        if found.inside:
            room = min(box.shape_right, width) - max(box.left, 0.0) - 8.0
        else:
            # A label running off the right edge ends in an ellipsis instead of mid-word.
            room = min(placed.label_room, width - box.label_left - 4.0)
        shown = found.label if found.label_width <= room else elide(found.label, room, measure)
        label_rect = None
        if shown:
            text_y = row_y + (metrics.row_height - metrics.text_height) / 2.0
            label_rect = Rect(box.label_left, text_y, measure(shown), metrics.text_height)
        items.append(Item(
            position=found.position, event_id=found.event_id, lane=band_no, shape=shape,
            rect=rect, sure_left=found.sure_left, sure_right=found.sure_right,
            fade_left=geometry.open_start, fade_right=geometry.open_end or geometry.ongoing,
            exact=geometry.exact_day, approximate=geometry.approximate,
            uncertain=geometry.uncertain, label=shown, label_rect=label_rect,
            label_inside=found.inside, colour=colour,
        ))
    badges = []
    if overflow:
        row_y = top + (rows - 1) * metrics.row_height
        lefts = [max(found.box.left, 0.0) for found in overflow]
        for cluster in cluster_overflow(lefts, measure, metrics.gap):
            members = [overflow[m].geometry for m in cluster.members]
            first = min(g.first for g in members)
            last = max(g.after_or(today) for g in members)
            rect = Rect(cluster.left, row_y + 2.0, cluster.width, metrics.row_height - 4.0)
            badges.append(Badge(rect, cluster.text, len(members), first, last, band_no))
    return items, badges


def _density(lane_index, lane_no, band_no, band, header, viewport, measure, metrics, colour):
    # A strip a few rows high reads as well as one filling a tall lane, and costs less.
    height = min(band.h - header, DENSITY_ROWS * metrics.row_height)
    rows_rect = Rect(band.x, band.y + header, band.w, height)
    edges = density_edges(viewport, DENSITY_BIN_PX)
    counts = lane_index.coverage(lane_no, edges)
    strip = DensityStrip(rows_rect, counts, DENSITY_BIN_PX, band_no, colour)
    badges = []
    # Each event is counted once, in the stretch where it starts (or in the first stretch when
    # it started before the view), so the badges add up to what the lane holds in view.
    for number, (first, last) in enumerate(badge_segments(viewport)):
        if number == 0:
            count = lane_index.count(lane_no, first, last)
        else:
            count = lane_index.count_starting(lane_no, first, last)
        if count <= 0:
            continue
        text = f"{count:,}"
        w = measure(text) + 10.0
        x = (viewport.x_of(first) + viewport.x_of(last) - w) / 2.0
        h = min(metrics.row_height - 4.0, rows_rect.h)
        rect = Rect(x, rows_rect.y + (rows_rect.h - h) / 2.0, w, h)
        badges.append(Badge(rect, text, count, first, last, band_no))
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
) -> Scene:
    """Everything one frame draws for `viewport` in a `width` x `height` area."""
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
    first_lane = int(scroll_y // layout.lane_height) if layout.lane_height > 0 else 0
    budget = FRAME_ITEM_BUDGET
    for band_no, shown_no in enumerate(range(first_lane, len(lane_index.lanes))):
        y = area.y + shown_no * layout.lane_height - scroll_y
        if y >= area.bottom:
            break
        lane_no = int(lane_index.shown[shown_no])
        lane = lane_index.lanes[shown_no]
        rect = Rect(0.0, y, width, layout.lane_height)
        header_rect = Rect(0.0, y, width, layout.header_height) if grouped else None
        title = elide(lane.title, max(width / 3.0, 60.0), measure) if grouped else ""
        colour = lane_no if grouped else 0
        lo = viewport.start - metrics.fade_px * viewport.days_per_px
        in_view = lane_index.count(lane_no, lo, viewport.end)
        capacity = min(lane_capacity(layout.rows, width), budget)
        aggregated = in_view > capacity
        if aggregated:
            strip, lane_badges = _density(lane_index, lane_no, band_no, rect,
                                          layout.header_height, viewport, measure, metrics, colour)
            densities.append(strip)
            badges.extend(lane_badges)
        elif in_view:
            lane_items, lane_badges = _lane_items(
                lane_index, lane_no, band_no, rect, layout.header_height, layout.rows,
                viewport, measure, metrics, today, colour)
            items.extend(lane_items)
            badges.extend(lane_badges)
            budget -= in_view
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
