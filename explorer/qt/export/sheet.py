"""The page around an exported timeline: a title, a caption stating the filter, a legend of
what the shapes and lane colours mean, and a footer naming the data file and the sources
cited by the drawn events.

Every word is drawn with `drawText` (it stays text in SVG and PDF); the text blocks and
the legend are `qt/timeline/blocks.py` and `qt/timeline/legend.py`, which the window's
View > Legend uses too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette

from explorer.model.calendar import civil_from_days, year_label
from explorer.model.dataset import Dataset
from explorer.model.entities import Source
from explorer.model.filters import EventFilter, Match
from explorer.model.queries import count_text
from explorer.qt.timeline.blocks import PAD, Block, Fonts, Line, paint_block, text_block
from explorer.qt.timeline.legend import Legend
from explorer.qt.timeline.painter import paint_timeline
from explorer.qt.timeline.style import TimelineStyle
from explorer.timescale.lanes import GroupBy
from explorer.timescale.scene import Scene

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


def sources_text(sources: Sequence[Source], more: int = 0) -> str:
    """"Sources: 1. Title, Publisher; 2. ..." for a footer, numbered as the labels cite them
    ("" when there are none); `more` cited sources are counted, not named."""
    if not sources:
        return ""
    named = [f"{number}. {source.title}" + (f", {source.publisher}" if source.publisher else "")
             for number, source in enumerate(sources, start=1)]
    return "Sources: " + "; ".join(named) + (f"; and {more:,} more" if more else "")


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
