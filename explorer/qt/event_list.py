"""A plain list of the filtered events, in file order, following the document."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from explorer.qt.document import Document, Selection

_NO_PARENT = QModelIndex()


class EventListModel(QAbstractListModel):
    """Thin adapter: one row per visible event; text for display, the Event for UserRole."""

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._positions: list[int] = []
        document.dataset_loaded.connect(self._reset)
        document.filter_changed.connect(self._reset)
        self._reset()

    def _reset(self, *_args) -> None:
        self.beginResetModel()
        self._positions = list(self._document.visible_positions)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._positions)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._document.dataset is None:
            return None
        event = self._document.dataset.events[self._positions[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            when = event.when_text() or "undated"
            return f"{when}  {event.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.title}\n{event.when_words()}"
        if role == Qt.ItemDataRole.UserRole:
            return event
        return None

    def row_of(self, event_id: str | None) -> int:
        """The row of an event, or -1 when it is not listed (unknown id or filtered out)."""
        position = self._document.position_of(event_id)
        if position is None:
            return -1
        row = bisect_left(self._positions, position)  # the rows are in file order
        return row if row < len(self._positions) and self._positions[row] == position else -1


class EventListView(QListView):
    """The list view; selecting a row selects the event in the document, and back."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventList")
        self.setAccessibleName("Events")
        self._document = document
        self.list_model = EventListModel(document, self)
        self.setModel(self.list_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        document.selection_changed.connect(self._follow_selection)
        document.dataset_loaded.connect(self._follow_selection)
        document.filter_changed.connect(self._follow_selection)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        event = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self._document.select_event(event.id if event is not None else None)

    def _follow_selection(self, *_args) -> None:
        selection: Selection = self._document.selection
        row = self.list_model.row_of(selection.event_id)
        with QSignalBlocker(self.selectionModel()):
            if row < 0:
                self.selectionModel().clear()
            else:
                index = self.list_model.index(row)
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.scrollTo(index)
        self.viewport().update()
