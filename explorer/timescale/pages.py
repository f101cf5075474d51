"""What an export draws, and how it is cut into pages: the filtered data set in lanes, the
range of days, how many rows each lane gets, and the scenes of each image or page (tiles
across time and down the lanes), all built by `build_scene` from the same pure inputs as the
widget's (the positions the filter keeps, a viewport, the grouping, a size, a text-measuring
callable and the sizes from the font)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Mapping

import numpy as np

from explorer.model.calendar import today as today_number
from explorer.model.dataset import Dataset
from explorer.model.entities import Source
from explorer.model.filters import EventFilter, apply_filter
from explorer.timescale.aggregate import MAX_LANE_ITEMS
from explorer.timescale.index import LaneIndex, TimelineIndex
from explorer.timescale.labels import ELLIPSIS
from explorer.timescale.lanes import GroupBy
from explorer.timescale.layout import Measure, build_scene, era_rows
from explorer.timescale.scene import Scene, SceneMetrics
from explorer.timescale.viewport import MAX_SPAN, MIN_SPAN, Viewport

#: Rows of the single lane (no grouping) an export grows to before "+n" badges stay.
MAX_PLAIN_ROWS = 40
#: Rows more in every lane are worth it when they give back, per row, `LABELS_PER_ROW`
#: events or labels per this many lanes.
LANES_PER_LABEL = 4
LABELS_PER_ROW = 0.5
#: Pixels a packed export's rows are tighter than the screen's.
PACKED_TIGHTER = 3.0
#: In a packed export, a lane's row more must give back this many shortened labels.
LABELS_PER_LANE_ROW = 1
#: Rows tried past the best so far before the search for rows gives up.
PATIENCE = 6
#: Widest and tallest timeline of an export, in pixels (a PNG has its own, lower limit).
MAX_WIDTH_PX = 200_000
#: Most lanes an export lays out (a lane per tag of 100,000 tags would never finish), and
#: most pages a PDF runs to.
MAX_LANES = 1000
MAX_PDF_PAGES = 1000


class RangeError(ValueError):
    """A range of days to export that ends before it starts."""


@dataclass(frozen=True, slots=True, eq=False)
class Timeline:
    """The data set under a filter, laid into lanes, and the days to export."""

    dataset: Dataset
    lanes: LaneIndex
    visible: int  # how many events the filter keeps
    first: float
    after: float
    today: float
    event_filter: EventFilter
    #: After the labels of some events: their source numbers (" [2, 5]"), by position.
    notes: Mapping[int, str] = field(default_factory=dict)

    @property
    def index(self) -> TimelineIndex:
        return self.lanes.index

    @property
    def grouped(self) -> bool:
        return self.lanes.group_by is not GroupBy.NONE


def fitted_range(first: float, after: float, width: float,
                 left: float = 24.0) -> tuple[float, float]:
    """The days the widget's "fit everything" shows for `first`..`after` at `width`: a little
    room on the left (`left` pixels: more where lane titles sit there), more on the right for
    the last labels."""
    right = min(220.0, width * 0.2)
    days_per_px = max(after - first, MIN_SPAN) / max(width - left - right, width * 0.3)
    start = first - left * days_per_px
    return start, start + width * days_per_px


def fitted_view(index: TimelineIndex, width: float, left: float = 24.0) -> tuple[float, float] | None:
    """The days "fit everything" shows of the visible dated events of `index` at `width`
    (`fitted_range`): all of them, or, when they spread over more than a view can show
    (`MAX_SPAN`, with the margins), the stretch that fits where the most of them start (a
    view kept to its widest around the middle of 300,000 years showed none of them); None
    when none is visible."""
    extent = index.extent()
    if extent is None:
        return None
    first, after = extent
    room = max(width - left - min(220.0, width * 0.2), width * 0.3)
    longest = MAX_SPAN * room / width
    if after - first > longest:
        first, after = index.busiest(longest)
    return fitted_range(first, after, width, left)


def prepare(dataset: Dataset, event_filter: EventFilter, group_by: GroupBy,
            first: float | None, after: float | None, width: float,
            today: float | None = None) -> Timeline:
    """The lanes of the filtered data set and the days to export (see `with_range`)."""
    today = today_number() if today is None else today
    positions = apply_filter(dataset, event_filter)
    index = TimelineIndex(dataset, today)
    index.set_visible(positions)
    timeline = Timeline(dataset, index.lanes(group_by), len(positions), 0.0, 1.0, today,
                        event_filter)
    return with_range(timeline, first, after, width)


#: Sources an export names; with more, the rest are counted and labels carry no numbers.
MAX_NUMBERED_SOURCES = 60


@dataclass(frozen=True, slots=True)
class Citations:
    """The sources an export cites, numbered once for the whole document (in the time order
    of the events citing them), and the numbers each event's label carries."""

    sources: tuple[Source, ...]
    notes: Mapping[int, str]
    more: int  # cited but not named (beyond `MAX_NUMBERED_SOURCES`)


def drawn_in_range(timeline: Timeline) -> np.ndarray:
    """Positions of the events an export of the timeline draws, dated ones in time order
    (those the filter keeps overlapping its range), then the undated ones."""
    index = timeline.index
    order = index.time_order
    inside = (index.first[order] < timeline.after) & (index.after[order] > timeline.first)
    return np.concatenate([order[inside], index.visible_undated]).astype(np.int64)


def number_runs(numbers: list[int]) -> str:
    """Sorted numbers with runs shortened: [1, 3, 4, 5, 9] -> "1, 3–5, 9"."""
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else
                     f"{start}, {previous}" if previous == start + 1 else f"{start}\u2013{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def citations(timeline: Timeline) -> Citations:
    """Number the sources the drawn events cite, and note each event's numbers."""
    dataset = timeline.dataset
    numbers: dict[str, int] = {}
    events = dataset.events
    drawn = drawn_in_range(timeline).tolist()
    for position in drawn:
        for source_id in events[position].sources:
            if source_id in dataset.sources and source_id not in numbers:
                numbers[source_id] = len(numbers) + 1
    sources = tuple(dataset.sources[source_id] for source_id in numbers)
    if len(sources) > MAX_NUMBERED_SOURCES:
        return Citations(sources[:MAX_NUMBERED_SOURCES], {}, len(sources) - MAX_NUMBERED_SOURCES)
    notes = {}
    for position in drawn:
        cited = sorted({numbers[s] for s in events[position].sources if s in numbers})
        if cited:
            notes[position] = " [" + number_runs(cited) + "]"
    return Citations(sources, notes, 0)


def events_extent(timeline: Timeline) -> tuple[float, float]:
    """The first and after-last day of the events the export draws (those the filter keeps
    within its range), clipped to the range: what its caption states, the same in every
    format. The range itself when no dated event is in it."""
    index = timeline.index
    order = index.time_order
    first, after = index.first[order], index.after[order]
    inside = (first < timeline.after) & (after > timeline.first)
    if not inside.any():
        return timeline.first, timeline.after
    return (max(float(first[inside].min()), timeline.first),
            min(float(after[inside].max()), timeline.after))


def with_range(timeline: Timeline, first: float | None, after: float | None,
               width: float, left: float = 24.0) -> Timeline:
    """The timeline showing days `first` to `after`, or where one is None, what "fit
    everything" shows across `width` pixels."""
    today = timeline.today
    extent = timeline.index.extent() or (today - 365.0, today + 365.0)
    fit_first, fit_after = fitted_view(timeline.index, width, left) or fitted_range(*extent, width, left)
    # (no more than the fit: for events further apart than a view can show, the stretch fitted)
    span = max(MIN_SPAN, min(extent[1] - extent[0], fit_after - fit_first))
    if first is None:
        first = fit_first if after is None else min(fit_first, after - span)
    if after is None:
        after = max(fit_after, first + span)
    first, after = float(first), float(after)
    if not (math.isfinite(first) and math.isfinite(after)) or after <= first:
        raise RangeError("The range to export ends before it starts")
    return replace(timeline, first=first, after=after)


@dataclass(frozen=True, slots=True)
class Frame:
    """The vertical plan of an export's scenes: `rows` rows in every lane (fixed through the
    metrics), and the heights of what is above and below the lanes."""

    metrics: SceneMetrics
    rows: int
    top: float  # era strip and axis
    tray: float  # the undated tray, 0 when there is none
    lane_height: float
    lane_count: int
    grouped: bool
    #: Rows of each lane when lanes differ (`packed_frame`); empty: `rows` each.
    lane_rows: tuple[int, ...] = ()

    def height(self, lanes: int | None = None) -> float:
        """The scene height holding `lanes` lanes whole (all of them by default)."""
        if not self.grouped:
            return self.top + self.rows * self.metrics.row_height + self.tray
        if self.lane_rows:
            return self.top + sum(self.lane_rows) * self.metrics.row_height + self.tray
        count = self.lane_count if lanes is None else lanes
        return self.top + max(count, 1) * self.lane_height + self.tray


def frame(timeline: Timeline, base: SceneMetrics, rows: int) -> Frame:
    """The frame of `timeline` with `rows` rows per lane (the other sizes from `base`)."""
    metrics = replace(base, min_lane_rows=rows, max_lane_rows=rows)
    eras = max(era_rows(timeline.dataset.eras, timeline.today), default=-1) + 1
    top = eras * metrics.era_row_height + metrics.axis_height
    tray = metrics.tray_height if len(timeline.index.visible_undated) else 0.0
    header = metrics.lane_header_height if timeline.grouped else 0.0
    return Frame(metrics, rows, top, tray, header + rows * metrics.row_height,
                 len(timeline.lanes.lanes), timeline.grouped)


def scene_of(timeline: Timeline, first: float, after: float, width: float, height: float,
             measure: Measure, metrics: SceneMetrics, scroll_y: float = 0.0) -> Scene:
    """The scene of days `first`..`after` across `width` x `height` pixels."""
    return build_scene(timeline.lanes, Viewport(first, after, width), width, height,
                       measure, metrics, today=timeline.today, scroll_y=scroll_y,
                       notes=timeline.notes)


def crowding(scene: Scene) -> tuple[int, int]:
    """How many events more rows could draw one by one (in "+n" badges, or counted in a
    density strip that a lane with more rows would not need), and how many labels were
    shortened or hidden."""
    overflow = 0
    for badge in scene.badges:
        lane = scene.lanes[badge.lane]
        overflow += badge.count if not lane.aggregated else 0
    for number, lane in enumerate(scene.lanes):
        if lane.aggregated:
            # The density strip's badges add up to what the lane holds in view.
            held = sum(b.count for b in scene.badges if b.lane == number)
            overflow += held if held <= MAX_LANE_ITEMS else 0
    shortened = sum(1 for item in scene.items
                    if item.label_rect is None or item.label.endswith(ELLIPSIS))
    return overflow, shortened


def choose_rows(timeline: Timeline, stretches: list[tuple[float, float]], width: float,
                measure: Measure, base: SceneMetrics, max_height: float = math.inf) -> Frame:
    """The frame with the rows per lane that draw more events one by one, then give
    shortened labels their room: rows added to every lane have to give back an event or a
    label for about every `LANES_PER_LABEL` lanes per two rows. Up to the layout's limit, and a lane (or,
    without lanes, the whole scene) `max_height` pixels high."""
    if timeline.grouped:
        counts = range(base.min_lane_rows, base.max_lane_rows + 1)
    else:
        counts = range(base.min_lane_rows, MAX_PLAIN_ROWS + 1)
    worth = max(1, math.ceil(len(timeline.lanes.lanes) / LANES_PER_LABEL))
    chosen: Frame | None = None
    best: tuple[int, int] | None = None
    idle = 0
    for rows in counts:
        candidate = frame(timeline, base, rows)
        if chosen is not None and candidate.height(1) > max_height:
            break
        found = [crowding(scene_of(timeline, first, after, width, candidate.height(), measure,
                                   candidate.metrics)) for first, after in stretches]
        overflow, shortened = sum(f[0] for f in found), sum(f[1] for f in found)
        gained: tuple[int, int] | None = (
            (best[0] - overflow, best[1] - shortened) if best is not None else None)
        needed = max(1, math.ceil(worth * (idle + 1) * LABELS_PER_ROW))
        if gained is None or gained[0] >= needed or (gained[0] >= 0 and gained[1] >= needed):
            chosen, best, idle = candidate, (overflow, shortened), 0
        else:
            # Rows only help where events crowd; a few in a row that help nothing is enough
            # (labels cut by the right edge stay cut however many rows there are).
            idle += 1
            if idle == PATIENCE:
                break
        if best == (0, 0):
            break
    assert chosen is not None  # the first candidate is always taken
    return chosen


def lane_crowding(scene: Scene, band: int) -> tuple[int, int]:
    """`crowding` of one lane of the scene (by its place in `scene.lanes`)."""
    lane = scene.lanes[band]
    badges = [b for b in scene.badges if b.lane == band]
    held = sum(b.count for b in badges)
    overflow = (held if held <= MAX_LANE_ITEMS else 0) if lane.aggregated else held
    shortened = sum(1 for item in scene.items if item.lane == band
                    and (item.label_rect is None or item.label.endswith(ELLIPSIS)))
    return overflow, shortened


def packed_frame(timeline: Timeline, first: float, after: float, width: float, measure: Measure,
                 base: SceneMetrics) -> Frame:
    """For a grouped export on one sheet: each lane with the rows its own events need (a lane
    of one event takes one row) and its title in its first row, so lanes with few events
    take little room. Each lane gets, up to the layout's limit, the rows that draw as many of
    its events one by one as any, and a row more only where it gives back
    `LABELS_PER_LANE_ROW` shortened labels."""
    lanes = len(timeline.lanes.lanes)
    if not timeline.grouped or not lanes:
        return choose_rows(timeline, [(first, after)], width, measure, base)
    # Rows a little tighter than on screen (the text keeps its size): lane after lane of one
    # event each reads as a list.
    base = replace(base, row_height=max(base.text_height + 4, base.row_height - PACKED_TIGHTER),
                   bar_height=max(base.text_height, base.bar_height - PACKED_TIGHTER))
    found: list[list[tuple[int, int]]] = [[] for _ in range(lanes)]
    counts = range(1, base.max_lane_rows + 1)
    for rows in counts:
        metrics = replace(base, min_lane_rows=rows, max_lane_rows=rows, lane_rows=(rows,) * lanes,
                          inline_titles=True)
        plan = _frame_with(timeline, metrics, (rows,) * lanes)
        scene = scene_of(timeline, first, after, width, plan.height(), measure, metrics)
        for band, lane in enumerate(scene.lanes):
            shown = int(np.flatnonzero(timeline.lanes.shown == lane.number)[0])
            found[shown].append(lane_crowding(scene, band))
    chosen = []
    for outcomes in found:
        if not outcomes:
            chosen.append(1)
            continue
        # Every event one by one first; then a row must give back a shortened label.
        fewest = min(overflow for overflow, _ in outcomes)
        costs = [(shortened + LABELS_PER_LANE_ROW * rows, rows)
                 for rows, (overflow, shortened) in zip(counts, outcomes) if overflow == fewest]
        chosen.append(min(costs)[1])
    rows_of = tuple(chosen)
    metrics = replace(base, min_lane_rows=1, max_lane_rows=max(rows_of), lane_rows=rows_of,
                      inline_titles=True)
    return _frame_with(timeline, metrics, rows_of)


def _frame_with(timeline: Timeline, metrics: SceneMetrics, lane_rows: tuple[int, ...]) -> Frame:
    """The frame of lanes with these rows each and their titles in their first rows."""
    eras = max(era_rows(timeline.dataset.eras, timeline.today), default=-1) + 1
    top = eras * metrics.era_row_height + metrics.axis_height
    tray = metrics.tray_height if len(timeline.index.visible_undated) else 0.0
    return Frame(metrics, max(lane_rows), top, tray, max(lane_rows) * metrics.row_height,
                 len(lane_rows), True, lane_rows)


def drawn_positions(timeline: Timeline, scene: Scene) -> np.ndarray:
    """Positions of the events a scene draws: those of its lanes overlapping its days (one by
    one or counted in a density strip), and the undated chips it shows."""
    viewport = scene.viewport
    found = [timeline.lanes.items(lane.number, viewport.start, viewport.end)
             for lane in scene.lanes]
    found.append(np.array([chip.position for chip in scene.chips], dtype=np.int64))
    return np.unique(np.concatenate(found))


@dataclass(frozen=True, slots=True)
class Tile:
    """One page's part of a tiled export: its days and the lanes it shows."""

    first: float
    after: float
    first_lane: int
    lanes: int


def tiles(timeline: Timeline, across: int, frame_: Frame, lanes_per_page: int) -> list[Tile]:
    """The range cut into `across` equal stretches and the lanes into pages of
    `lanes_per_page`; pages run across time first, then down the lanes."""
    span = (timeline.after - timeline.first) / across
    total = frame_.lane_count if frame_.grouped else 1
    per_page = max(1, min(lanes_per_page, total))
    found = []
    for lane in range(0, max(total, 1), per_page):
        for number in range(across):
            found.append(Tile(timeline.first + number * span, timeline.first + (number + 1) * span,
                              lane, min(per_page, max(total - lane, 1))))
    return found


def tile_scene(timeline: Timeline, tile: Tile, width: float, frame_: Frame,
               measure: Measure) -> Scene:
    """The scene of one tile: its days, and its lanes scrolled to the top."""
    scroll = tile.first_lane * frame_.lane_height if frame_.grouped else 0.0
    return scene_of(timeline, tile.first, tile.after, width, frame_.height(tile.lanes), measure,
                    frame_.metrics, scroll)
