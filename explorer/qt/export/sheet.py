"""The page around an exported timeline: a title, a caption stating the filter, a legend of
what the shapes and lane colours mean, and a footer naming the data file and the sources
cited by the drawn events.

Every word is drawn with `drawText` (it stays text in SVG and PDF); the legend's samples
are a small scene of sample items drawn by `paint_timeline` itself, so they look exactly
like the events they explain.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette

from explorer.model.calendar import civil_from_days, year_label
from explorer.model.dataset import Dataset
from explorer.model.entities import Source
from explorer.model.filters import EventFilter, Match
from explorer.model.queries import count_text
from explorer.qt.timeline.painter import paint_timeline
from explorer.qt.timeline.style import TimelineStyle
from explorer.timescale.geometry import Rect
from explorer.timescale.labels import elide
from explorer.timescale.lanes import GroupBy
from explorer.timescale.scene import Badge, DensityStrip, Item, Scene, Shape
from explorer.timescale.viewport import Viewport

Measure = Callable[[str], float]

#: Space around the words and between the parts of a sheet.
PAD = 12.0
#: Width of a legend sample shape.
SAMPLE_PX = 30.0
#: Sources named in a footer; the rest are counted.
MAX_SOURCES = 30
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Hue of the shape samples when lanes have colours of their own (the grey of `HUES`).
NEUTRAL_HUE = 7


def theme_palette(dark: bool) -> QPalette:
    """A light or dark palette for exports, whatever the desktop's theme is."""
    palette = QPalette()
    role = QPalette.ColorRole
    base, window, text = ("#1e1e1e", "#2b2b2b", "#e8e8e8") if dark else \
        ("#ffffff", "#f2f2f2", "#202020")
    for r, colour in ((role.Base, base), (role.Window, window), (role.Text, text),
                      (role.WindowText, text), (role.Highlight, "#3daee9"),
                      (role.HighlightedText, "#ffffff")):
        palette.setColor(r, QColor(colour))
    return palette


# -- words -------------------------------------------------------------------------------


def day_text(day: float) -> str:
    """A day number as a date: "24 Mar 2009", "15 Mar 44 BCE"."""
    year, month, dom = civil_from_days(math.floor(day))
    return f"{dom} {MONTHS[month - 1]} {year_label(year)}"


def range_text(first: float, after: float) -> str:
    """The days from `first` to before `after`, in words."""
    last = max(first, math.ceil(after) - 1.0)
    return f"{day_text(first)} to {day_text(last)}"


def filter_caption(dataset: Dataset, event_filter: EventFilter, shown: int, group_by: GroupBy,
                   first: float, after: float) -> str:
    """What the export shows: how many events the filter keeps, the filter's parts, the lane
    grouping and the range of days."""
    parts = [count_text(shown, len(dataset.events))]
    if event_filter.actors:
        names = sorted((dataset.label(a) for a in event_filter.actors), key=str.casefold)
        joined = (" and " if event_filter.match is Match.ALL else " or ").join(names)
        children = " (with what is below them)" if event_filter.include_children else ""
        parts.append(f"actors: {joined}{children}")
    if event_filter.tags:
        parts.append("tags: " + " or ".join(sorted(event_filter.tags)))
    if event_filter.terms:
        parts.append("text: " + " ".join(f"“{term}”" for term in event_filter.terms))
    if event_filter.has_date_range:
        low = "the start" if event_filter.date_from is None else day_text(event_filter.date_from)
        high = "today" if event_filter.date_to is None else day_text(event_filter.date_to - 1)
        parts.append(f"dates: {low} to {high}")
    if group_by is not GroupBy.NONE:
        parts.append(f"lanes by {'actor kind' if group_by is GroupBy.KIND else group_by.value}")
    parts.append(range_text(first, after))
    return " · ".join(parts)


def sources_text(sources: Sequence[Source]) -> str:
    """"Sources: 1. Title, Publisher; 2. ..." for a footer ("" when there are none)."""
    if not sources:
        return ""
    named = [f"{number}. {source.title}" + (f", {source.publisher}" if source.publisher else "")
             for number, source in enumerate(sources[:MAX_SOURCES], start=1)]
    rest = len(sources) - len(named)
    more = f"; and {rest:,} more" if rest else ""
    return "Sources: " + "; ".join(named) + more


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """`text` broken into lines at spaces, each at most `width` wide (a word longer than a
    line is shortened with an ellipsis)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and measure(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return [line if measure(line) <= width else (elide(line, width, measure) or line[:1])
            for line in lines]


# -- blocks of text ----------------------------------------------------------------------


class Fonts:
    """The title, body and small fonts of a sheet, with their metrics."""

    def __init__(self, style: TimelineStyle) -> None:
        self.title = QFont(style.bold_font)
        size = style.font.pointSizeF()
        if size > 0:
            self.title.setPointSizeF(size * 1.5)
        else:
            self.title.setPixelSize(round(style.font.pixelSize() * 1.5))
        self.body = QFont(style.font)
        self.small = QFont(style.small_font)
        self.metrics = {role: QFontMetricsF(font) for role, font in
                        (("title", self.title), ("body", self.body), ("small", self.small))}

    def font(self, role: str) -> QFont:
        return {"title": self.title, "body": self.body, "small": self.small}[role]

    def measure(self, role: str) -> Measure:
        return self.metrics[role].horizontalAdvance


@dataclass(frozen=True, slots=True)
class Line:
    """One line of words: its left x (or right x when `right`), baseline, font and colour."""

    text: str
    x: float
    baseline: float
    role: str  # "title", "body" or "small"
    muted: bool = False
    right: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    lines: tuple[Line, ...]
    height: float


def text_block(fonts: Fonts, width: float, paragraphs: Sequence[tuple[str, str, bool]],
               top: float = PAD, max_lines: int = 40) -> Block:
    """Paragraphs (text, role, muted) wrapped to `width` less the padding, one under another."""
    lines, y = [], top
    for text, role, muted in paragraphs:
        if not text:
            continue
        metrics = fonts.metrics[role]
        wrapped = wrap(text, width - 2 * PAD, fonts.measure(role))
        if len(wrapped) > max_lines:
            wrapped = wrapped[:max_lines - 1] + [elide(" ".join(wrapped[max_lines - 1:]),
                                                       width - 2 * PAD, fonts.measure(role))]
        for line in wrapped:
            lines.append(Line(line, PAD, y + metrics.ascent(), role, muted))
            y += metrics.lineSpacing()
        y += 4.0
    return Block(tuple(lines), y + PAD / 2 if lines else 0.0)


def footer_block(fonts: Fonts, width: float, data_text: str, sources: str,
                 page_label: str = "") -> Block:
    """The data file line and the sources, with the page number on the right of the first line."""
    room = width - (fonts.measure("small")(page_label) + PAD if page_label else 0.0)
    block = text_block(fonts, room, [(data_text, "small", True), (sources, "small", True)],
                       top=PAD / 2)
    if not page_label:
        return block
    baseline = block.lines[0].baseline if block.lines else PAD / 2 + fonts.metrics["small"].ascent()
    label = Line(page_label, 0.0, baseline, "small", True, right=True)
    return Block(block.lines + (label,), max(block.height, baseline + PAD))


def paint_block(painter: QPainter, block: Block, top: float, width: float, fonts: Fonts,
                style: TimelineStyle) -> None:
    for line in block.lines:
        painter.setFont(fonts.font(line.role))
        painter.setPen(style.muted if line.muted else style.text)
        x = width - PAD - fonts.measure(line.role)(line.text) if line.right else line.x
        painter.drawText(QPointF(x, top + line.baseline), line.text)


# -- legend ------------------------------------------------------------------------------


class Sample(str, Enum):
    KNOWN_DAY = "Event on a known day"
    DAY_UNKNOWN = "Day not known exactly"
    RANGE = "Possible days of an imprecise date"
    SPAN = "Span"
    OPEN_END = "Open, unknown or ongoing end"
    FUZZY = "Approximate (~) or uncertain (?) date"
    OVERFLOW = "Events that did not fit"
    DENSITY = "How many events, where too many to draw"


def samples_in(scenes: Sequence[Scene]) -> list[Sample]:
    """The kinds of marks the scenes draw, in the legend's order."""
    found = set()
    for scene in scenes:
        for item in scene.items:
            if item.shape is Shape.MARKER:
                found.add(Sample.KNOWN_DAY if item.exact else Sample.DAY_UNKNOWN)
            else:
                found.add(Sample.SPAN if item.shape is Shape.BAR else Sample.RANGE)
            if item.fade_left or item.fade_right:
                found.add(Sample.OPEN_END)
            if item.approximate or item.uncertain:
                found.add(Sample.FUZZY)
        aggregated = {band for band, lane in enumerate(scene.lanes) if lane.aggregated}
        if any(badge.lane not in aggregated for badge in scene.badges):
            found.add(Sample.OVERFLOW)
        if scene.densities:
            found.add(Sample.DENSITY)
    return [sample for sample in Sample if sample in found]


def lanes_in(scenes: Sequence[Scene]) -> list[tuple[str, int]]:
    """(title, colour) of every lane the scenes show, each once, in order."""
    seen: dict[int, tuple[str, int]] = {}
    for scene in scenes:
        for lane in scene.lanes:
            if lane.header_rect is not None:
                seen.setdefault(lane.number, (lane.title, lane.colour))
    return list(seen.values())


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
           lanes: Sequence[tuple[str, int]]) -> Legend | None:
    """The legend laid out in rows across `width`; None when there is nothing to explain."""
    entries = [(kind.value, kind) for kind in samples] + [(title, colour) for title, colour in lanes]
    if not entries:
        return None
    row_h = style.metrics().row_height
    measure = fonts.measure("body")
    ascent = fonts.metrics["body"].ascent()
    text_h = fonts.metrics["body"].height()
    items, badges, densities, lines = [], [], [], []
    x, row = PAD, 0
    shape_hue = NEUTRAL_HUE if lanes else 0
    for number, (label, what) in enumerate(entries):
        label = elide(label, width - 3 * PAD - SAMPLE_PX, measure) or label[:3]
        wide = SAMPLE_PX + 6.0 + measure(label)
        if x > PAD and x + wide > width - PAD:
            x, row = PAD, row + 1
        y = row * row_h
        if isinstance(what, Sample):
            made = _sample(number, what, x, y, row_h, style, shape_hue)
        else:
            made = _sample(number, Sample.SPAN, x, y, row_h, style, what)
        {Item: items, Badge: badges, DensityStrip: densities}[type(made)].append(made)
        lines.append(Line(label, x + SAMPLE_PX + 6.0, y + (row_h - text_h) / 2 + ascent, "body"))
        x += wide + 2 * PAD
    height = (row + 1) * row_h
    area = Rect(0.0, 0.0, width, height)
    empty = Rect(0.0, 0.0, width, 0.0)
    scene = Scene(
        width=width, height=height, viewport=Viewport(0.0, 1.0, width), axis_rect=empty,
        minor=(), major=(), era_rect=empty, eras=(), lanes_rect=area, lanes=(),
        items=tuple(items), badges=tuple(badges), densities=tuple(densities), tray_rect=None,
        tray_title="", tray_note="", chips=(), today_x=None, content_height=height, scroll_y=0.0)
    return Legend(scene, Block(tuple(lines), height))


# -- the sheet ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Sheet:
    """One image or page: header, the timeline scene, legend, footer, one under another."""

    width: float
    header: Block
    scene: Scene
    legend: Legend | None
    footer: Block

    @property
    def timeline_top(self) -> float:
        return self.header.height

    @property
    def legend_top(self) -> float:
        return self.timeline_top + self.scene.height + (PAD / 2 if self.legend else 0)

    @property
    def footer_top(self) -> float:
        below = self.legend.block.height + PAD / 2 if self.legend else 0.0
        return self.legend_top + below

    @property
    def height(self) -> float:
        return math.ceil(self.footer_top + self.footer.height)

    @property
    def decor_height(self) -> float:
        """Everything but the timeline."""
        return self.height - self.scene.height


def paint_sheet(painter: QPainter, sheet: Sheet, style: TimelineStyle, fonts: Fonts) -> None:
    """Draw the whole sheet with its top left at the painter's origin.

    Parts only move down: Qt's PDF output places the alpha of a gradient without the
    painter's transform, which leaves the fades (all horizontal) right when moved down, but
    would shift them with a sideways move or a scale."""
    painter.setFont(fonts.body)
    painter.fillRect(QRectF(0, 0, sheet.width, sheet.height), style.background)
    paint_block(painter, sheet.header, 0.0, sheet.width, fonts, style)
    scene = sheet.scene
    paint_timeline(painter, QRectF(0, sheet.timeline_top, scene.width, scene.height), scene, style)
    if sheet.legend is not None:
        shapes = sheet.legend.scene
        paint_timeline(painter, QRectF(0, sheet.legend_top, shapes.width, shapes.height),
                       shapes, style)
        paint_block(painter, sheet.legend.block, sheet.legend_top, sheet.width, fonts, style)
    paint_block(painter, sheet.footer, sheet.footer_top, sheet.width, fonts, style)
