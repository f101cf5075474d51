"""The overview band under the timeline: the whole (filtered) data set at a glance, with
the timeline's current window as a rectangle you can drag (SIMILE's second band)."""

from __future__ import annotations

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
        self.setFixedHeight(int(self._style.font_metrics.height() * 3 + 8))
        timeline.viewport_changed.connect(self.update)
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
        return Viewport.fitting(low, high, max(self.width(), 1), margin=0.03)

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
        finally:
            painter.end()

    def _paint_density(self, painter: QPainter, band: Viewport, index) -> None:
        if self._counts is None:
            bins = max(1, int(self.width() / BIN_PX))
            edges = band.start + np.arange(bins + 1) * (band.span / bins)
            self._counts = index.coverage(edges)
        top = self._style.font_metrics.height() + 4
        rect = QRectF(0, top, self.width(), self.height() - top - 2)
        paint_density(painter, rect, self._counts, self.width() / len(self._counts),
                      self._style.hue(0))

    def _paint_ticks(self, painter: QPainter, band: Viewport) -> None:
        style = self._style
        ticks = axis_ticks(band, style.measure, gap=24.0)
        painter.setPen(style.muted)
        baseline = 2 + style.font_metrics.ascent()
        for tick in ticks.minor:
            x = band.x_of(tick.day)
            painter.drawLine(QLineF(x, 0, x, 4))
            if x >= 0:  # a label cut by the edge would read as another year
                painter.drawText(QPointF(x + 3, baseline), tick.label)

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
