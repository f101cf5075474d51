"""The centre of the main window: the timeline above its overview band."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.qt.document import Document
from explorer.qt.timeline.legend_strip import LegendStrip
from explorer.qt.timeline.overview import OverviewBand
from explorer.qt.timeline.widget import TimelineWidget


class TimelinePane(QWidget):
    """Holds the `TimelineWidget` (`timeline`), its `LegendStrip` (`legend`, hidden until
    View > Legend) and the `OverviewBand` (`overview`)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePane")
        self.timeline = TimelineWidget(document, self)
        self.overview = OverviewBand(document, self.timeline, self)
        self.legend = LegendStrip(self.timeline, self)
        self.legend.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.overview)
        self.setFocusProxy(self.timeline)
