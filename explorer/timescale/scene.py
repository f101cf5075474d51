"""What one frame of the timeline draws, in pixels, as plain values; and what is under a point.

`explorer.timescale.layout.build_scene` computes a `Scene`; `explorer.qt.timeline.painter.paint_timeline`
draws it on any QPainter (the widget, an image, SVG, PDF). Nothing here knows about Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

import numpy as np

from explorer.timescale.geometry import Rect
from explorer.timescale.viewport import Viewport


@dataclass(frozen=True, slots=True)
class SceneMetrics:
    """Sizes in pixels, taken from the font by the Qt side (defaults suit tests)."""

    text_height: float = 14.0
    row_height: float = 22.0
    bar_height: float = 14.0
    marker_size: float = 10.0
    lane_header_height: float = 18.0
    era_row_height: float = 17.0
    axis_height: float = 38.0
    tray_height: float = 26.0
    gap: float = 8.0
    fade_px: float = 40.0
    min_lane_rows: int = 3
    max_lane_rows: int = 8
    #: Per item hue: whether a label reads inside a filled bar (exact, approximate) of that
    #: hue, as the style's colours say; empty: always.
    inside_readable: tuple[tuple[bool, bool], ...] = ()
    #: Rows of each lane, in the order shown (an export that packs lanes with few events);
    #: empty: every lane gets the same rows.
    lane_rows: tuple[int, ...] = ()
    #: Lane titles in the lane's first row instead of a header strip above it (exports).
    inline_titles: bool = False


class Shape(str, Enum):
    MARKER = "marker"  # a point on a day (or too narrow to show its range): a diamond
    RANGE = "range"  # an imprecise point wide enough to show every day it may be
    BAR = "bar"  # a span


@dataclass(frozen=True, slots=True)
class AxisMark:
    x: float
    label: str
    label_rect: Rect | None


@dataclass(frozen=True, slots=True)
class EraBand:
    title: str
    x0: float
    x1: float
    row: int
    strip: Rect  # its band in the era strip above the axis
    label: str
    label_rect: Rect | None
    colour: int
    fuzzy: bool  # approximate or uncertain bounds: dashed edges
    ongoing: bool


@dataclass(frozen=True, slots=True)
class LaneBand:
    number: int  # into the lane index's `all_lanes`, stable across filters
    key: str
    title: str
    rect: Rect
    header_rect: Rect | None
    title_text: str
    colour: int
    aggregated: bool


@dataclass(frozen=True, slots=True)
class Item:
    """One event in one lane. Fades run from the outer edge of `rect` to `sure_left` /
    `sure_right` (where the dates become certain); open ends fade out completely."""

    position: int
    event_id: str
    lane: int  # index into `Scene.lanes`
    shape: Shape
    rect: Rect
    sure_left: float
    sure_right: float
    fade_left: bool
    fade_right: bool
    exact: bool
    approximate: bool
    uncertain: bool
    label: str
    label_rect: Rect | None
    label_inside: bool
    colour: int
    #: The label sits inside a hatched or hard-to-read shape on a backing of the background.
    label_backed: bool = False
    #: Longer than the view: a thin bar in the lane's rows for long spans, label above it.
    thin: bool = False

    def hit(self, x: float, y: float, slack: float = 3.0) -> bool:
        r = self.rect
        if r.x - slack <= x < r.right + slack and r.y - slack <= y < r.bottom + slack:
            return True
        return self.label_rect is not None and self.label_rect.contains(x, y)


class BadgeKind(str, Enum):
    """What a count badge counts."""

    OVERFLOW = "overflow"  # events here that did not fit in the lane's rows
    DENSITY = "density"  # the events of a stretch of a lane too dense to draw one by one
    LONG = "long"  # spans and imprecise dates longer than the view, beyond its long rows


@dataclass(frozen=True, slots=True, eq=False)
class Badge:
    """A count of events not drawn one by one, from `first` to `last`; clicking lists them.

    `positions` are the events it counts when the scene knows them (overflow and long
    badges); a density badge counts the lane's events overlapping its stretch (the first
    stretch) or starting in it (the others): `explorer.timescale.clusters` finds them."""

    rect: Rect
    text: str
    count: int
    first: float
    last: float
    lane: int  # index into `Scene.lanes`
    kind: BadgeKind = BadgeKind.OVERFLOW
    positions: np.ndarray | None = None
    #: Density badges of later stretches count events starting in them, not overlapping.
    starting: bool = False
    #: A long badge counts events lasting at least this many days.
    at_least: float = 0.0

    @property
    def description(self) -> str:
        """What it counts, for its tooltip: "12 more events here: click to list them"."""
        noun = "event" if self.count == 1 else "events"
        if self.kind is BadgeKind.LONG:
            what = f"{self.count:,} more spans and imprecise dates longer than the view"
        elif self.kind is BadgeKind.DENSITY:
            what = f"{self.count:,} {noun} {'starting ' if self.starting else ''}here, too many to draw one by one"
        else:
            what = f"{self.count:,} more {noun} here that do not fit in the rows"
        return f"{what}: click to list them"


@dataclass(frozen=True, slots=True, eq=False)
class DensityStrip:
    """Events per `bin_px`-wide bin across a lane's rows (counts as a numpy array)."""

    rect: Rect
    counts: np.ndarray
    bin_px: float
    lane: int
    colour: int


@dataclass(frozen=True, slots=True)
class Chip:
    """An undated event in the tray."""

    position: int
    event_id: str
    label: str
    rect: Rect


@dataclass(frozen=True, slots=True, eq=False)
class Scene:
    width: float
    height: float
    viewport: Viewport
    axis_rect: Rect
    minor: tuple[AxisMark, ...]
    major: tuple[AxisMark, ...]
    era_rect: Rect
    eras: tuple[EraBand, ...]
    lanes_rect: Rect
    lanes: tuple[LaneBand, ...]
    items: tuple[Item, ...]
    badges: tuple[Badge, ...]
    densities: tuple[DensityStrip, ...]
    tray_rect: Rect | None
    tray_title: str
    tray_note: str  # "+12 more" when not every undated event has a chip
    chips: tuple[Chip, ...]
    today_x: float | None
    content_height: float
    scroll_y: float
    selected_id: str | None = None
    hovered_id: str | None = None
    highlighted: frozenset[int] = field(default_factory=frozenset)
    #: Where the "as of" day of the membership views is (None: no day chosen, or off screen).
    as_of_x: float | None = None
    as_of_label: str = ""

    def with_state(
        self, selected_id: str | None, hovered_id: str | None, highlighted: frozenset[int]
    ) -> Scene:
        """The same frame with another selection, hover or highlight (no relayout)."""
        return replace(self, selected_id=selected_id, hovered_id=hovered_id, highlighted=highlighted)

    def item_at(self, x: float, y: float) -> Item | None:
        if not self.lanes_rect.contains(x, y):
            return None
        for item in reversed(self.items):
            if item.hit(x, y):
                return item
        return None

    def badge_at(self, x: float, y: float) -> Badge | None:
        return next((b for b in self.badges if b.rect.contains(x, y)), None)

    def chip_at(self, x: float, y: float) -> Chip | None:
        return next((c for c in self.chips if c.rect.contains(x, y)), None)

    def density_at(self, x: float, y: float) -> DensityStrip | None:
        return next((d for d in self.densities if d.rect.contains(x, y)), None)

    def lane_header_at(self, x: float, y: float) -> LaneBand | None:
        return next(
            (lane for lane in self.lanes if lane.header_rect and lane.header_rect.contains(x, y)),
            None,
        )

    def in_time_area(self, x: float, y: float) -> bool:
        """True over the lanes, the axis or the eras: where a click means a day."""
        return 0 <= x < self.width and self.era_rect.y <= y < self.lanes_rect.bottom


def plain_scene(width: float, height: float, items: tuple[Item, ...] = (),
                badges: tuple[Badge, ...] = (), densities: tuple[DensityStrip, ...] = ()) -> Scene:
    """A scene of loose shapes with no axis, eras or lanes (a legend's samples), or of nothing
    (a page with words only)."""
    area = Rect(0.0, 0.0, width, height)
    empty = Rect(0.0, 0.0, width, 0.0)
    return Scene(
        width=width, height=height, viewport=Viewport(0.0, 1.0, max(width, 1.0)), axis_rect=empty,
        minor=(), major=(), era_rect=empty, eras=(), lanes_rect=area, lanes=(), items=items,
        badges=badges, densities=densities, tray_rect=None, tray_title="", tray_note="",
        chips=(), today_x=None, content_height=height, scroll_y=0.0)
