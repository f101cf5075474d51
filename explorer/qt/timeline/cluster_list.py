"""The list a click on a count badge opens: the events behind it, by date, searchable; each
row a link that selects its event everywhere (and the timeline scrolls to it)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.model.dataset import Dataset
from explorer.model.filters import fold, search_terms

_NO_PARENT = QModelIndex()


class ClusterModel(QAbstractListModel):
    """Rows "date in words — title" for some events, narrowed by a search."""

    def __init__(self, dataset: Dataset, positions: np.ndarray, parent=None) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._all = [int(p) for p in positions]
        self._shown = self._all
        self._folded: list[str] | None = None

    @property
    def total(self) -> int:
        """How many events the badge counts."""
        return len(self._all)

    @property
    def positions(self) -> list[int]:
        """The events listed, by date."""
        return list(self._shown)

    def set_search(self, text: str) -> None:
        """List only the events whose title holds every word of `text`."""
        terms = search_terms(text)
        self.beginResetModel()
        if not terms:
            self._shown = self._all
        else:
            if self._folded is None:
                events = self._dataset.events
                self._folded = [fold(events[p].title) for p in self._all]
            self._shown = [p for p, title in zip(self._all, self._folded)
                           if all(term in title for term in terms)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        event = self._dataset.events[self._shown[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{event.when_short()} \u2014 {event.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.title}\n{event.when_words()}\nClick to select it"
        if role == Qt.ItemDataRole.UserRole:
            return event.id
        return None


class ClusterList(QDialog):
    """A small window listing the events of one badge."""

    #: An event was chosen in the list (its id).
    event_chosen = Signal(str)
    #: "Zoom to these" was pressed: (first day, day after the last).
    zoom_requested = Signal(float, float)

    def __init__(self, dataset: Dataset, positions: np.ndarray, title: str, days: tuple[float, float],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clusterList")
        self.setWindowTitle(title)
        self._days = days
        self.model = ClusterModel(dataset, positions, self)
        layout = QVBoxLayout(self)
        self.heading = QLabel(title)
        self.heading.setObjectName("clusterHeading")
        layout.addWidget(self.heading)
        self.search = QLineEdit()
        self.search.setObjectName("clusterSearch")
        self.search.setPlaceholderText("Search these titles")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        layout.addWidget(self.search)
        self.view = QListView()
        self.view.setObjectName("clusterEvents")
        self.view.setUniformItemSizes(True)
        self.view.setModel(self.model)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        zoom = QPushButton("&Zoom to These")
        zoom.setObjectName("clusterZoom")
        buttons.addButton(zoom, QDialogButtonBox.ButtonRole.ActionRole)
        zoom.clicked.connect(lambda: self.zoom_requested.emit(*self._days))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("M" * 44)
        self.resize(width, self.fontMetrics().height() * 24)

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)
        shown = self.model.rowCount()
        self.heading.setText(self.windowTitle() if not text.strip() else
                             f"{shown:,} of {self.model.total:,} match")

    def _on_clicked(self, index: QModelIndex) -> None:
        event_id = index.data(Qt.ItemDataRole.UserRole)
        if event_id is not None:
            self.event_chosen.emit(event_id)
