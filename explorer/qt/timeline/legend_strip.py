"""View > Legend: the legend of exports, under the timeline, for what the view shows now
(the shapes it draws and, with lanes, their colours)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.qt.coalesced import Coalesced
from explorer.qt.timeline.blocks import Fonts, paint_block
from explorer.qt.timeline.legend import Legend, legend, samples_in
from explorer.qt.timeline.painter import paint_timeline
from explorer.qt.timeline.style import TimelineStyle
from explorer.qt.timeline.widget import TimelineWidget
from explorer.timescale.lanes import GroupBy


class LegendStrip(QWidget):
    """The legend of the timeline's current scene, as tall as its rows."""

    def __init__(self, timeline: TimelineWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._timeline = timeline
        self._style = TimelineStyle.from_widget(self)
        self._fonts = Fonts(self._style)
        self.legend: Legend | None = None
        self._refresh_later = Coalesced(self.refresh, self)
        document = timeline.document
        for signal in (timeline.viewport_changed, timeline.group_by_changed,
                       document.dataset_loaded, document.filter_changed):
            signal.connect(lambda *_args: self._refresh_later.schedule())
        self.setFixedHeight(0)

    def entries(self) -> list[str]:
        """The words of the legend, in order."""
        return [line.text for line in self.legend.block.lines] if self.legend else []

    def refresh(self) -> None:
        """Lay the legend out again for the scene on screen."""
        if not self.isVisible():
            return
        scene = self._timeline.current_scene()
        scenes = [scene] if scene is not None else []
        self.legend = legend(self._style, self._fonts, max(self.width(), 200), samples_in(scenes),
                             self._timeline.group_by is not GroupBy.NONE)
        self.setFixedHeight(int(self.legend.block.height) + 4 if self.legend else 0)
        self.update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refresh_later.schedule()

    def paintEvent(self, _event) -> None:
        if self.legend is None:
            return
        painter = QPainter(self)
        try:
            shapes = self.legend.scene
            painter.fillRect(self.rect(), self._style.background)
            paint_timeline(painter, QRectF(0, 2, shapes.width, shapes.height), shapes, self._style)
            paint_block(painter, self.legend.block, 2, self.width(), self._fonts, self._style)
        finally:
            painter.end()
