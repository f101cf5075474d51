"""The Events pane: a table of the events the filter keeps (date in words, title, actors,
tags), sorted by date unless a column header says otherwise, in step with the filter, the
selection and reloads. Search matches are highlighted in the titles.

The model is a view over numpy arrays of positions, not a widget per row: a million rows
open and sort in well under a second (`benchmarks/event_table.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from explorer.model.dataset import Dataset
from explorer.model.filters import filter_index, match_spans
from explorer.qt.document import Document
from explorer.timescale.labels import MAX_DRAWN_CHARS, clipped

_NO_PARENT = QModelIndex()
#: The event's id, for the views.
ID_ROLE = Qt.ItemDataRole.UserRole
#: The (start, end) spans of the title that match the search.
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1

DATE, TITLE, ACTORS, TAGS = range(4)
HEADERS = ("Date", "Title", "Actors", "Tags")


class SortKeys:
    """Every event of one data set in the order of each column, made on first use per
    column: the filtered rows in that order are then one pass over it (no sort)."""

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._orders: dict[int, np.ndarray] = {}

    def order(self, column: int) -> np.ndarray:
        """Positions of every event, sorted by `column` (ties in file order)."""
        found = self._orders.get(column)
        if found is None:
            found = self._orders[column] = self._make(column)
        return found

    def _words(self, column: int, combo: tuple[str, ...]) -> str:
        """How a list of actors or tags sorts: as the table writes it, empty ones last."""
        if not combo:
            return "\uffff"
        if column == ACTORS:
            return ", ".join(self._dataset.label(actor) for actor in combo).casefold()
        return ", ".join(combo).casefold()

    def _make(self, column: int) -> np.ndarray:
        dataset = self._dataset
        events = dataset.events
        if column == DATE:
            low, _high = filter_index(dataset).extents
            # By first day (open starts first), undated last, ties in file order.
            first = np.nan_to_num(low, nan=np.inf, neginf=-1e18)
            return np.argsort(first, kind="stable")
        elif column == TITLE:
            # Titles are mostly distinct: one sort of a million strings (timsort beats numpy's
            # sort of fixed-width strings here).
            titles = [event.title.casefold() for event in events]
            return np.fromiter(sorted(range(len(titles)), key=titles.__getitem__),
                               dtype=np.int64, count=len(titles))
        else:
            # Few distinct actor (or tag) lists: sort those, then the events by their rank.
            key = ((lambda e: e.actors) if column == ACTORS else (lambda e: e.tags))
            codes: dict[tuple[str, ...], int] = {}
            code_of = np.fromiter((codes.setdefault(key(event), len(codes)) for event in events),
                                  dtype=np.int64, count=len(events))
            words = [self._words(column, combo) for combo in codes]
            ranks = np.empty(len(words), dtype=np.int64)
            ranks[sorted(range(len(words)), key=words.__getitem__)] = np.arange(len(words))
            return np.argsort(ranks[code_of], kind="stable")


class EventTableModel(QAbstractTableModel):
    """One row per event the filter keeps, in the chosen order."""

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows = np.zeros(0, dtype=np.int64)
        self._row_of = np.zeros(0, dtype=np.int64)
        self._keys: SortKeys | None = None
        self._keys_for: Dataset | None = None
        self._column, self._order = DATE, Qt.SortOrder.AscendingOrder
        document.dataset_loaded.connect(self._reset)
        document.filter_changed.connect(self._reset)
        self._reset()

    # -- the rows ------------------------------------------------------------------------

    @property
    def positions(self) -> np.ndarray:
        """The events' positions in `dataset.events`, row by row."""
        return self._rows

    def _sort_keys(self, dataset: Dataset) -> SortKeys:
        if self._keys is None or self._keys_for is not dataset:
            self._keys, self._keys_for = SortKeys(dataset), dataset
        return self._keys

    def _reset(self, *_args) -> None:
        self.beginResetModel()
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        dataset = self._document.dataset
        if dataset is None:
            self._rows = np.zeros(0, dtype=np.int64)
            self._row_of = np.zeros(0, dtype=np.int64)
            return
        order = self._sort_keys(dataset).order(self._column)
        visible = self._document.visible_positions
        if len(visible) < len(dataset.events):
            kept = np.zeros(len(dataset.events), dtype=bool)
            kept[np.asarray(visible, dtype=np.int64)] = True
            order = order[kept[order]]
        self._rows = order[::-1] if self._order == Qt.SortOrder.DescendingOrder else order
        self._row_of = np.full(len(dataset.events), -1, dtype=np.int64)
        self._row_of[self._rows] = np.arange(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        self._column, self._order = column, order
        self._arrange()
        self.layoutChanged.emit()

    def row_of(self, event_id: str | None) -> int:
        """The row of an event, or -1 when it is not listed (unknown id or filtered out)."""
        position = self._document.position_of(event_id)
        if position is None or position >= len(self._row_of):
            return -1
        return int(self._row_of[position])

    # -- Qt's interface --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        dataset = self._document.dataset
        if not index.isValid() or dataset is None or index.row() >= len(self._rows):
            return None
        event = dataset.events[int(self._rows[index.row()])]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return event.when_short()
            if column == TITLE:
                return clipped(event.title)
            if column == ACTORS:
                return listed([dataset.label(actor) for actor in event.actors[:MAX_DRAWN_CHARS]],
                              "actors", len(event.actors))
            return listed(event.tags, "tags")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{clipped(event.title)}\n{event.when_words()}"
        if role == ID_ROLE:
            return event.id
        if role == MATCH_ROLE and column == TITLE:
            return match_spans(event.title, self._document.filter.terms)
        return None


def listed(words: Sequence[str], noun: str, total: int | None = None) -> str:
    """`words` joined by commas, up to about `MAX_DRAWN_CHARS` characters; when that cuts
    them, how many there are (of `total`, when `words` are the first of them) comes first,
    where a narrow column still shows it ("100,000 tags: tag-0, tag-1, …"): a cell of an
    event with 100,000 tags took Qt 0.8 s to elide at each paint."""
    shown: list[str] = []
    length = 0
    for word in words:
        if shown and length + len(word) > MAX_DRAWN_CHARS:
            break
        shown.append(clipped(word))
        length += len(shown[-1]) + 2
    count = total if total is not None else len(words)
    if len(shown) == count:
        return ", ".join(shown)
    return f"{count:,} {noun}: " + ", ".join(shown) + ", \u2026"


class MatchDelegate(QStyledItemDelegate):
    """Draws a title with the parts that match the search on the highlight colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        spans = index.data(MATCH_ROLE)
        if not spans:
            super().paint(painter, option, index)
            return
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        normal_font = QFont(option.font)
        bold_font = QFont(option.font)
        bold_font.setBold(True)
        fonts = {False: (normal_font, QFontMetricsF(normal_font)),
                 True: (bold_font, QFontMetricsF(bold_font))}
        rect = QRectF(option.rect.adjusted(4, 0, -4, 0))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        text = clipped(text)  # a title of millions of characters is measured whole otherwise
        shown = fonts[False][1].elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        if shown != text:  # shortened to fit: the marks stop where the text does
            keep = len(shown) - 1
            text = text[:keep]
            spans = [(a, min(b, keep)) for a, b in spans if a < keep]
        pieces, cursor = [], 0
        for start, end in spans:
            pieces += [(text[cursor:start], False), (text[start:end], True)]
            cursor = end
        pieces.append((text[cursor:] + ("\u2026" if shown != clipped(index.data() or "") else ""), False))
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(text_colour)
        metrics = fonts[False][1]
        baseline = rect.y() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
        x = rect.x()
        for piece, matched in pieces:
            if not piece:
                continue
            font, piece_metrics = fonts[matched]
            width = piece_metrics.horizontalAdvance(piece)
            if matched and not selected:
                mark = QColor(palette.color(QPalette.ColorRole.Highlight))
                mark.setAlpha(90)  # light on a light base, dark on a dark one: text reads
                painter.fillRect(QRectF(x, rect.y() + 2, width, rect.height() - 4), mark)
            painter.setFont(font)
            painter.drawText(QPointF(x, baseline), piece)
            x += width
        painter.restore()


class EventTableView(QTableView):
    """The table; selecting a row selects the event everywhere, and back."""

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("eventTable")
        self.setAccessibleName("Events")
        self._document = document
        self.table_model = EventTableModel(document, self)
        self.setModel(self.table_model)
        self.setSortingEnabled(True)
        self.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        width = self.fontMetrics().horizontalAdvance
        header.resizeSection(DATE, width("on or before 30 Sep 2013") + 16)
        header.resizeSection(TITLE, width("M" * 34))
        header.resizeSection(ACTORS, width("M" * 16))
        self.setItemDelegateForColumn(TITLE, MatchDelegate(self))
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        document.selection_changed.connect(self._follow_selection)
        document.dataset_loaded.connect(self._follow_selection)
        document.filter_changed.connect(self._follow_selection)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._document.select_event(current.siblingAtColumn(DATE).data(ID_ROLE))

    def _follow_selection(self, *_args) -> None:
        row = self.table_model.row_of(self._document.selection.event_id)
        with QSignalBlocker(self.selectionModel()):
            if row < 0:
                self.selectionModel().clear()
            else:
                index = self.table_model.index(row, DATE)
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.scrollTo(index)
        self.viewport().update()


class EventTablePane(QDockWidget):
    """The Events dock around the table."""

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__("Events", parent)
        self.setObjectName("eventsDock")
        self.table = EventTableView(document)
        self.setWidget(self.table)
