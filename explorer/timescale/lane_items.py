"""The items of one lane in one frame, when the lane is not too dense to draw one by one.

Spans and imprecise dates longer than the view are context, not the subject of a close view:
they get thin bars in the lane's first rows ("long rows"), the shortest first, and a badge
counting the rest; every other event is packed into the remaining rows with a label that
can be read (inside its bar only where its text colour reads on the fill, otherwise beside
the shape, or inside on a backing when there is no room beside it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np

from explorer.timescale.aggregate import cluster_overflow
from explorer.timescale.geometry import EventGeometry, Rect
from explorer.timescale.index import LaneIndex
from explorer.timescale.labels import LABEL_PAD, Box, Placed, Side, clipped, elide, pack_rows
from explorer.timescale.scene import Badge, BadgeKind, Item, SceneMetrics, Shape
from explorer.timescale.viewport import Viewport

Measure = Callable[[str], float]

#: A lane gives at most one row in this many (and at least one) to spans longer than the view.
LONG_ROW_SHARE = 4
#: A lane needs this many rows before it sets rows apart for long spans.
LONG_ROWS_FROM = 2
#: Height of the bar of a span longer than the view.
THIN_BAR_PX = 5.0


def long_span_days(viewport: Viewport) -> float:
    """Events lasting at least this many days are longer than the view (a day-long event in
    a view of exactly one day is not)."""
    return (viewport.end - viewport.start) * (1.0 + 1e-9) + 1e-9


def label_text(event, geometry: EventGeometry, note: str = "") -> str:
    """An event's label: its title, with "~" when approximate and "?" when uncertain, and
    `note` after it (an export's source numbers, " [2, 5]"); a very long title clipped."""
    text = clipped(event.title)
    if geometry.approximate:
        text += " ~"
    if geometry.uncertain:
        text += " ?"
    return text + note


def reads_inside(metrics: SceneMetrics, colour: int, geometry: EventGeometry) -> bool:
    """True when a label inside a bar of hue `colour` reads well (the font side says which
    fills hold readable text; hatched bars never do)."""
    if geometry.uncertain:
        return False
    table = metrics.inside_readable
    if not table:
        return True
    exact_ok, soft_ok = table[colour % len(table)]
    return soft_ok if geometry.approximate else exact_ok


class _Candidate:
    """An item being laid out: its shape in pixels and the room its label wants."""

    __slots__ = ("position", "event_id", "geometry", "shape", "left", "right", "sure_left",
                 "sure_right", "label", "label_width", "inside", "fits_inside", "box")
    position: int
    event_id: str
    geometry: EventGeometry
    shape: Shape
    left: float
    right: float
    sure_left: float
    sure_right: float
    label: str
    label_width: float
    inside: bool  # the label goes inside, on the fill
    fits_inside: bool  # the shape could hold the label (on a backing when not `inside`)
    box: Box


def _candidate(position, event, geometry, start, scale, width, today, metrics, measure, colour,
               note=""):
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
    found.left, found.right = left, right
    found.sure_left = min(max(sure_left, low), high)
    found.sure_right = min(max(sure_right, low), high)
    found.label = label_text(event, geometry, note)
    found.label_width = measure(found.label)
    visible = min(right, width) - max(left, 0.0)
    found.fits_inside = shape is not Shape.MARKER and visible >= found.label_width + 8.0
    found.inside = (found.fits_inside and shape is Shape.BAR
                    and reads_inside(metrics, colour, geometry))
    found.box = Box(left, right, 0.0 if found.inside else found.label_width)
    return found


@dataclass(frozen=True, slots=True)
class LaneFrame:
    """Where one lane is drawn in this frame and what it may use."""

    lane_no: int  # into the lane index's `all_lanes`
    band_no: int  # into the scene's lanes
    band: Rect
    header: float
    rows: int
    colour: int
    #: Text after some labels, by event position (an export's source numbers).
    notes: Mapping[int, str] | None = None
    #: Pixels at the start of the first row that hold the lane's title.
    reserved: float = 0.0


def lane_items(lane_index: LaneIndex, frame: LaneFrame, viewport: Viewport, measure: Measure,
               metrics: SceneMetrics, today: float,
               keep_position: int | None = None) -> tuple[list[Item], list[Badge], int]:
    """Items and badges of one lane that is not aggregated, and how many events they draw;
    the event at `keep_position` is packed first, so it is drawn even in a crowd."""
    index = lane_index.index
    events = index.dataset.events
    width = viewport.width_px
    start, scale = viewport.start, 1.0 / viewport.days_per_px
    margin_days = (metrics.fade_px + metrics.marker_size) * viewport.days_per_px
    lo, hi = viewport.start - margin_days, viewport.end + margin_days
    long_days = long_span_days(viewport)
    rows = frame.rows
    if rows >= LONG_ROWS_FROM:
        positions = lane_index.items(frame.lane_no, lo, hi, shorter_than=long_days)
        long_count = lane_index.count(frame.lane_no, lo, hi) - len(positions)
    else:
        positions = lane_index.items(frame.lane_no, lo, hi)
        long_count = 0
    # Long spans get a share of the rows, and every row the others cannot need (one each).
    spare = rows - len(positions) - 1
    long_rows = min(long_count, max(1, rows // LONG_ROW_SHARE, spare))
    chosen = np.zeros(0, dtype=np.int64)
    if long_rows:
        chosen = lane_index.shortest_long(frame.lane_no, lo, hi, long_days, long_rows)
        selected = keep_position
        if (selected is not None and selected not in chosen.tolist()
                and lane_index.holds(frame.lane_no, selected)
                and index.first[selected] < hi and index.after[selected] > lo
                and index.after[selected] - index.first[selected] >= long_days):
            chosen = np.concatenate([[selected], chosen[:long_rows - 1]]).astype(np.int64)
    top = frame.band.y + frame.header
    items, badges = _long_rows(index, frame, chosen, long_count - len(chosen), top, viewport,
                               measure, metrics, today, (lo, hi, long_days))
    candidates = []
    notes = frame.notes or {}
    for position in positions.tolist():
        found = _candidate(position, events[position], index.geometry(position), start, scale,
                           width, today, metrics, measure, frame.colour, notes.get(position, ""))
        if found is not None:
            candidates.append(found)

    if keep_position is not None:
        kept = [c for c in candidates if c.position == keep_position]
        candidates = kept + [c for c in candidates if c.position != keep_position]
    short_rows = rows - long_rows
    # The lane's title, when it sits in the first row, is packed first as a shape of its own.
    title = [Box(0.0, frame.reserved, 0.0)] if frame.reserved and not long_rows else []
    boxes = title + [c.box for c in candidates]
    placements = pack_rows(boxes, short_rows, metrics.gap, width)
    if short_rows > 1 and None in placements:
        # Keep the last row for the "+n" badges of what did not fit.
        placements = pack_rows(boxes, short_rows - 1, metrics.gap, width)
    placements = placements[len(title):]

    overflow = []
    rows_top = top + long_rows * metrics.row_height
    for found, placed in zip(candidates, placements):
        if placed is None:
            overflow.append(found)
        else:
            items.append(_item(found, placed, rows_top, frame, measure, metrics))
    if overflow:
        row_y = top + (rows - 1) * metrics.row_height
        lefts = [max(found.box.left, 0.0) for found in overflow]
        for cluster in cluster_overflow(lefts, measure, metrics.gap):
            members = [overflow[m] for m in cluster.members]
            first = min(m.geometry.first for m in members)
            last = max(m.geometry.after_or(today) for m in members)
            rect = Rect(cluster.left, row_y + 2.0, cluster.width, metrics.row_height - 4.0)
            badges.append(Badge(rect, cluster.text, len(members), first, last, frame.band_no,
                                BadgeKind.OVERFLOW,
                                np.array([m.position for m in members], dtype=np.int64)))
    return items, badges, len(items)


def _item(found: _Candidate, placed: Placed, rows_top: float, frame: LaneFrame,
          measure: Measure, metrics: SceneMetrics) -> Item:
    """The scene item of a packed candidate, its label shortened to the room it got."""
    box, shape, geometry = found.box, found.shape, found.geometry
    row_y = rows_top + placed.row * metrics.row_height
    height = metrics.marker_size if shape is Shape.MARKER else metrics.bar_height
    rect = Rect(box.left, row_y + (metrics.row_height - height) / 2.0, box.shape_right - box.left,
                height)
    inside, backed = found.inside, False
    if not inside and found.fits_inside and placed.label_room < found.label_width:
        # No room beside it: inside after all, on a backing that keeps it readable.
        inside = backed = True
    visible_left = max(box.left, 0.0)
    if inside:
        room = min(box.shape_right, frame.band.right) - visible_left - 8.0
    else:
        room = placed.label_room
    shown = found.label if found.label_width <= room else elide(found.label, room, measure)
    label_rect = None
    if shown:
        text_y = row_y + (metrics.row_height - metrics.text_height) / 2.0
        shown_width = measure(shown)
        if inside:
            x = visible_left + 4.0
        elif placed.side is Side.LEFT:
            x = box.left - LABEL_PAD - shown_width
        else:
            x = box.shape_right + LABEL_PAD
        label_rect = Rect(x, text_y, shown_width, metrics.text_height)
    return Item(
        position=found.position, event_id=found.event_id, lane=frame.band_no, shape=shape,
        rect=rect, sure_left=found.sure_left, sure_right=found.sure_right,
        fade_left=geometry.open_start, fade_right=geometry.open_end or geometry.ongoing,
        exact=geometry.exact_day, approximate=geometry.approximate,
        uncertain=geometry.uncertain, label=shown, label_rect=label_rect,
        label_inside=inside, colour=frame.colour, label_backed=backed,
    )


def _long_rows(index, frame: LaneFrame, chosen: np.ndarray, rest: int, top: float,
               viewport: Viewport, measure: Measure, metrics: SceneMetrics,
               today: float, counted: tuple[float, float, float]) -> tuple[list[Item], list[Badge]]:
    """Thin bars for the `chosen` spans longer than the view (the shortest, and the selected
    one), one per long row, in time order; a badge at the end of the last row counts the
    `rest` (`explorer.timescale.clusters` lists them when it is clicked): of the events
    overlapping `counted` = (first day, last day, shortest duration)."""
    rows = len(chosen)
    if rows <= 0:
        return [], []
    width = viewport.width_px
    chosen = chosen[np.argsort(index.first[chosen], kind="stable")]
    badge = None
    if rest > 0:
        text = f"+{rest:,} longer"
        badge_width = measure(text) + 10.0
        row_y = top + (rows - 1) * metrics.row_height
        # Above the thin bar of the row, at its right end.
        rect = Rect(width - badge_width - 4.0, row_y + 1.0, badge_width,
                    metrics.row_height - THIN_BAR_PX - 3.0)
        first, last, at_least = counted
        badge = Badge(rect, text, rest, first, last, frame.band_no, BadgeKind.LONG,
                      at_least=at_least)
    start, scale = viewport.start, 1.0 / viewport.days_per_px
    low, high = -2.0 * metrics.fade_px, width + 2.0 * metrics.fade_px
    items = []
    for row, position in enumerate(chosen.tolist()):
        event, geometry = index.dataset.events[position], index.geometry(position)
        left = min(max((geometry.first - start) * scale, low), high)
        right = min(max((geometry.after_or(today) - start) * scale, low), high)
        row_y = top + row * metrics.row_height
        rect = Rect(left, row_y + metrics.row_height - THIN_BAR_PX - 1.0, right - left, THIN_BAR_PX)
        label_left = max(left, frame.reserved if row == 0 else 0.0) + 4.0
        end = min(right, width) if badge is None or row < rows - 1 else badge.rect.x - metrics.gap
        text = label_text(event, geometry, (frame.notes or {}).get(position, ""))
        shown = elide(text, end - label_left - 4.0, measure)
        label_rect = None
        if shown:
            text_y = row_y + max(0.0, (metrics.row_height - THIN_BAR_PX - 1.0 - metrics.text_height))
            label_rect = Rect(label_left, text_y, measure(shown), metrics.text_height)
        sure_left = min(max((geometry.start_sure - start) * scale, left), right)
        sure_right = right if geometry.ongoing else min(max((geometry.end_sure - start) * scale,
                                                            sure_left), right)
        if not geometry.is_span:
            sure_left, sure_right = left, right
        items.append(Item(
            position=position, event_id=event.id, lane=frame.band_no,
            shape=Shape.BAR if geometry.is_span else Shape.RANGE, rect=rect,
            sure_left=sure_left, sure_right=sure_right, fade_left=geometry.open_start,
            fade_right=geometry.open_end or geometry.ongoing, exact=False,
            approximate=geometry.approximate, uncertain=geometry.uncertain,
            label=shown, label_rect=label_rect, label_inside=False, colour=frame.colour,
            thin=True,
        ))
    return items, [] if badge is None else [badge]
