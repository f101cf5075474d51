"""The overview band under the timeline: the whole (filtered) data set at a glance, with
the timeline's current window as a rectangle you can drag (SIMILE's second band)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.qt.document import Document
from explorer.qt.timeline.painter import paint_density
from explorer.qt.timeline.style import TimelineStyle, with_alpha
from explorer.qt.timeline.widget import TimelineWidget
from explorer.timescale.layout import era_days
from explorer.timescale.ticks import axis_ticks
from explorer.timescale.viewport import Viewport

#: Narrowest the window rectangle is drawn, so a deep zoom stays visible and grabbable.
MIN_WINDOW_PX = 6.0
BIN_PX = 2.0


class OverviewBand(QWidget):
    """Density of every visible event over the data set's extent; drag to move the timeline."""

    def __init__(self, document: Document, timeline: TimelineWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setAccessibleName("Overview")
        self.setToolTip("The whole timeline. Drag the highlighted window to move the view; "
                        "click elsewhere to jump there; wheel to zoom.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._document = document
        self._timeline = timeline
        self._style = TimelineStyle.from_widget(self)
        self._counts: np.ndarray | None = None
        self._drag: tuple[float, Viewport] | None = None
        self.setFixedHeight(int(self._style.font_metrics.height() * 4 + 10))
        timeline.viewport_changed.connect(self.update)
        document.as_of_changed.connect(self.update)
        document.dataset_loaded.connect(self._invalidate)
        document.filter_changed.connect(self._invalidate)
        document.selection_changed.connect(self.update)

    def _invalidate(self, *_args) -> None:
        self._counts = None
        self.update()

    def band_viewport(self) -> Viewport:
        """The days the band shows: every visible event with a margin, and the timeline's window."""
        index = self._timeline.index
        window = self._timeline.viewport
        extent = index.extent() if index is not None else None
        low, high = extent if extent is not None else (window.start, window.end)
        if index is not None:
            for era in index.dataset.eras:
                first, after = era_days(era, index.today)
                low, high = min(low, first), max(high, after)
        # every event, however far apart: the band is no view of the timeline's, it has no
        # labels to lay out and draws one strip (a band held to a view's widest showed the
        # middle of 300,000 years, and not the timeline's window)
        return Viewport.fitting(low, high, max(self.width(), 1), margin=0.03, max_span=math.inf)

    def window_rect(self) -> QRectF:
        """Where the timeline's current window sits in the band."""
        band, window = self.band_viewport(), self._timeline.viewport
        left = min(max(band.x_of(window.start), -1.0), self.width() + 1.0)
        right = min(max(band.x_of(window.end), -1.0), self.width() + 1.0)
        if right - left < MIN_WINDOW_PX:
            middle = (left + right) / 2
            left, right = middle - MIN_WINDOW_PX / 2, middle + MIN_WINDOW_PX / 2
        return QRectF(left, 1, right - left, self.height() - 2)

    def resizeEvent(self, event) -> None:
        self._counts = None
        super().resizeEvent(event)

    def paintEvent(self, _event) -> None:
        style = self._style
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), style.axis_fill)
            index = self._timeline.index
            if index is None:
                return
            band = self.band_viewport()
            height = self.height()
            for number, era in enumerate(index.dataset.eras):
                first, after = era_days(era, index.today)
                x0, x1 = band.x_of(first), band.x_of(after)
                painter.fillRect(QRectF(x0, 0, x1 - x0, height), style.era_fill(number))
            self._paint_density(painter, band, index)
            self._paint_ticks(painter, band)
            position = self._document.position_of(self._document.selection.event_id)
            if position is not None and index.dated[position]:
                x = band.x_of(float(index.first[position]))
                painter.setPen(QPen(style.selection, 2.0))
                painter.drawLine(QLineF(x, 0, x, height))
            window = self.window_rect()
            painter.fillRect(window, with_alpha(style.selection, 45))
            painter.setPen(QPen(style.selection, 1.5))
            painter.drawRect(window)
            self._paint_marks(painter, band, index.today)
        finally:
            painter.end()

    def _tier_height(self) -> float:
        return self._style.font_metrics.height() + 2

    def _paint_density(self, painter: QPainter, band: Viewport, index) -> None:
        if self._counts is None:
            bins = max(1, int(self.width() / BIN_PX))
            edges = band.start + np.arange(bins + 1) * (band.span / bins)
            self._counts = index.coverage(edges)
        top = 2 * self._tier_height() + 2
        rect = QRectF(0, top, self.width(), self.height() - top - 2)
        paint_density(painter, rect, self._counts, self.width() / len(self._counts),
                      self._style.hue(0))

    def tick_labels(self) -> tuple[list[str], list[str]]:
        """The labels of the band's upper tier (years over months, say) and its lower tier."""
        ticks = axis_ticks(self.band_viewport(), self._style.measure, gap=24.0)
        return [t.label for t in ticks.major], [t.label for t in ticks.minor]

    def _paint_ticks(self, painter: QPainter, band: Viewport) -> None:
        """Both tiers of the axis: the upper one (years, when the band spans months) always
        says where in time the lower one is."""
        style = self._style
        ticks = axis_ticks(band, style.measure, gap=24.0)
        tier = self._tier_height()
        upper, lower = (ticks.major, ticks.minor) if ticks.major else (ticks.minor, ())
        painter.setPen(style.text)
        painter.setFont(style.bold_font)
        baseline = 2 + style.bold_metrics.ascent()
        for number, tick in enumerate(upper):
            x = band.x_of(tick.day)
            painter.drawLine(QLineF(x, 0, x, 2 * tier))
            # The tier names what is at the left edge, as the timeline's axis does.
            following = band.x_of(upper[number + 1].day) if number + 1 < len(upper) else self.width()
            left = max(x, 0.0) + 3
            if style.bold_metrics.horizontalAdvance(tick.label) <= following - left - 4 or x >= 0:
                painter.drawText(QPointF(left, baseline), tick.label)
        painter.setFont(style.font)
        painter.setPen(style.muted)
        baseline = tier + 2 + style.font_metrics.ascent()
        for tick in lower:
            x = band.x_of(tick.day)
            painter.drawLine(QLineF(x, tier, x, tier + 4))
            if x >= 0:  # a label cut by the edge would read as another number
                painter.drawText(QPointF(x + 3, baseline), tick.label)

    def _paint_marks(self, painter: QPainter, band: Viewport, today: float) -> None:
        """Today (dashed) and the memberships' "as of" day (dotted), where they fall."""
        style, height = self._style, self.height()
        x = band.x_of(today)
        if 0 <= x <= self.width():
            painter.setPen(QPen(style.today, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(x, 0, x, height))
        as_of = self._document.as_of
        if as_of is not None:
            x = band.x_of(as_of)
            if 0 <= x <= self.width():
                painter.setPen(QPen(style.text, 1.5, Qt.PenStyle.DotLine))
                painter.drawLine(QLineF(x, 0, x, height))

    # -- dragging -------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._timeline.index is None:
            return
        x = event.position().x()
        if not self.window_rect().adjusted(-3, 0, 3, 0).contains(QPointF(x, self.height() / 2)):
            band = self.band_viewport()
            self._timeline.set_viewport(self._timeline.viewport.centered_on(band.day_at(x)))
        self._drag = (x, self._timeline.viewport)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._drag is None:
            return
        origin, start = self._drag
        shift = (event.position().x() - origin) * self.band_viewport().days_per_px
        self._timeline.set_viewport(Viewport(start.start + shift, start.end + shift,
                                             start.width_px))

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None
        self.unsetCursor()

    def wheelEvent(self, event) -> None:
        dy = event.angleDelta().y()
        if dy:
            self._timeline.zoom_by(1.25 ** (dy / 120))
        event.accept()
