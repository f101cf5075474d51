"""The legend of a timeline: what its shapes and lane colours mean, for exports and for the
window's View > Legend alike. The samples are a small scene drawn by `paint_timeline`
itself, so they look exactly like the events they explain."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Sequence

import numpy as np

from explorer.qt.timeline.blocks import PAD, Block, Fonts, Line
from explorer.qt.timeline.style import TimelineStyle
from explorer.timescale.geometry import Rect
from explorer.timescale.labels import elide
from explorer.timescale.lane_items import THIN_BAR_PX
from explorer.timescale.scene import Badge, BadgeKind, DensityStrip, Item, Scene, Shape, plain_scene

#: Width of a legend sample shape.
SAMPLE_PX = 30.0
#: Hue of the shape samples when lanes have colours of their own (the grey of `HUES`).
NEUTRAL_HUE = 7


class Sample(str, Enum):
    KNOWN_DAY = "Event on a known day"
    DAY_UNKNOWN = "Day not known exactly"
    RANGE = "Possible days of an imprecise date"
    SPAN = "Span"
    OPEN_END = "Open, unknown or ongoing end"
    FUZZY = "Approximate (~) or uncertain (?) date"
    LONG = "Longer than the view (rows of their own)"
    OVERFLOW = "Events that did not fit (counted)"
    DENSITY = "How many events, where too many to draw"


def samples_in(scenes: Sequence[Scene]) -> list[Sample]:
    """The kinds of marks the scenes draw, in the legend's order."""
    found = set()
    for scene in scenes:
        for item in scene.items:
            if item.thin:
                found.add(Sample.LONG)
                continue
            if item.shape is Shape.MARKER:
                found.add(Sample.KNOWN_DAY if item.exact else Sample.DAY_UNKNOWN)
            else:
                found.add(Sample.SPAN if item.shape is Shape.BAR else Sample.RANGE)
            if item.fade_left or item.fade_right:
                found.add(Sample.OPEN_END)
            if item.approximate or item.uncertain:
                found.add(Sample.FUZZY)
        aggregated = {band for band, lane in enumerate(scene.lanes) if lane.aggregated}
        if any(badge.lane not in aggregated and badge.kind is not BadgeKind.LONG
               for badge in scene.badges):
            found.add(Sample.OVERFLOW)
        if any(badge.kind is BadgeKind.LONG for badge in scene.badges):
            found.add(Sample.LONG)
        if scene.densities:
            found.add(Sample.DENSITY)
    return [sample for sample in Sample if sample in found]


@dataclass(frozen=True, slots=True, eq=False)
class Legend:
    """The sample shapes (a scene for `paint_timeline`) and their words."""

    scene: Scene
    block: Block


def _sample(number: int, kind: Sample | None, x: float, y: float, row_h: float, style,
            colour: int) -> Item | Badge | DensityStrip:
    metrics = style.metrics()
    middle = y + row_h / 2
    if kind is Sample.OVERFLOW:
        width = style.small_metrics.horizontalAdvance("+3") + 10.0
        return Badge(Rect(x, y + 2.0, width, row_h - 4.0), "+3", 3, 0.0, 0.0, 0)
    if kind is Sample.DENSITY:
        counts = np.array([1, 2, 4, 7, 5, 3, 6, 9, 4, 2], dtype=np.int64)
        return DensityStrip(Rect(x, y, SAMPLE_PX, row_h), counts, SAMPLE_PX / len(counts), 0,
                            colour)
    if kind is Sample.LONG:
        rect = Rect(x, middle - THIN_BAR_PX / 2, SAMPLE_PX, THIN_BAR_PX)
        return Item(position=-1 - number, event_id=f"legend:{number}", lane=0, shape=Shape.BAR,
                    rect=rect, sure_left=x, sure_right=x + SAMPLE_PX, fade_left=False,
                    fade_right=False, exact=False, approximate=False, uncertain=False, label="",
                    label_rect=None, label_inside=False, colour=colour, thin=True)
    if kind in (Sample.KNOWN_DAY, Sample.DAY_UNKNOWN):
        size = metrics.marker_size
        centre = x + SAMPLE_PX / 2
        rect = Rect(centre - size / 2, middle - size / 2, size, size)
        shape, left, right = Shape.MARKER, rect.x, rect.right
    else:
        rect = Rect(x, middle - metrics.bar_height / 2, SAMPLE_PX, metrics.bar_height)
        shape = Shape.RANGE if kind is Sample.RANGE else Shape.BAR
        left, right = x, x + SAMPLE_PX
        if kind is Sample.OPEN_END:
            right = x + SAMPLE_PX * 0.5
        elif kind is Sample.FUZZY:
            left, right = x + 7.0, x + SAMPLE_PX - 7.0
    return Item(
        position=-1 - number, event_id=f"legend:{number}", lane=0, shape=shape, rect=rect,
        sure_left=left, sure_right=right, fade_left=False, fade_right=kind is Sample.OPEN_END,
        exact=kind is not Sample.DAY_UNKNOWN, approximate=kind is Sample.FUZZY,
        uncertain=False, label="", label_rect=None, label_inside=False, colour=colour)


def legend(style: TimelineStyle, fonts: Fonts, width: float, samples: Sequence[Sample],
           grouped: bool = False) -> Legend | None:
    """The legend of the marks laid out in rows across `width`; None when there is nothing to
    explain. Lane colours need none: every lane is titled beside its colour where it is
    drawn. With lanes, the samples are grey, the colour of no lane."""
    entries = [(kind.value, kind) for kind in samples]
    if not entries:
        return None
    row_h = style.metrics().row_height
    measure = fonts.measure("body")
    ascent = fonts.metrics["body"].ascent()
    text_h = fonts.metrics["body"].height()
    items: list[Item] = []
    badges: list[Badge] = []
    densities: list[DensityStrip] = []
    lines: list[Line] = []
    x, row = PAD, 0
    shape_hue = NEUTRAL_HUE if grouped else 0
    for number, (label, what) in enumerate(entries):
        label = elide(label, width - 3 * PAD - SAMPLE_PX, measure) or label[:3]
        wide = SAMPLE_PX + 6.0 + measure(label)
        if x > PAD and x + wide > width - PAD:
            x, row = PAD, row + 1
        y = row * row_h
        made = _sample(number, what, x, y, row_h, style, shape_hue)
        if isinstance(made, Item):
            items.append(made)
        elif isinstance(made, Badge):
            badges.append(made)
        else:
            densities.append(made)
        lines.append(Line(label, x + SAMPLE_PX + 6.0, y + (row_h - text_h) / 2 + ascent, "body"))
        x += wide + 2 * PAD
    height = (row + 1) * row_h
    scene = plain_scene(width, height, tuple(items), tuple(badges), tuple(densities))
    return Legend(scene, Block(tuple(lines), height))
