"""The memberships pane: the members of one campaign or protocol on the "as of" day, one row
per member with its stage and the date it got there, the counts by stage in its header, and the
chart of members by stage over the target's whole history.

The target ("Of:") is the document's (`membership_target`), shared with the map; the day is the
document's "as of" day, or today. Both follow the filter: only the membership actions it keeps
count (`memberships.memberships_kept`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPoint, QSignalBlocker, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.model.calendar import day_words
from explorer.model.dates import DateError, day_text, parse_day
from explorer.model.memberships import MemberStanding, membership_targets
from explorer.qt.coalesced import Coalesced
from explorer.qt.failed_open import open_hint
from explorer.qt.panes.common import PaneContext, entity_menu
from explorer.qt.panes.item_models import SORT_ROLE
from explorer.qt.panes.member_chart import MemberChart
from explorer.qt.panes.membership_models import COLUMNS, MEMBER, MemberTableModel

#: Rows measured when fitting column widths to their contents.
CONTENT_SAMPLE_ROWS = 200
class MemberSortProxy(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE`, each column's keys read once (not twice per comparison)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._keys: dict[int, list] = {}

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._keys.clear)
        model.dataChanged.connect(lambda *_args: self._keys.clear())

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        column = left.column()
        keys = self._keys.get(column)
        if keys is None:
            source = self.sourceModel()
            keys = self._keys[column] = [source.index(row, column).data(SORT_ROLE)
                                         for row in range(source.rowCount())]
        return keys[left.row()] < keys[right.row()]


class MembershipsPane(QDockWidget):
    """Clicking a row selects its member (its events are marked); the chosen target stays. A
    campaign or protocol selected anywhere becomes the target. The "as of" day is typed here,
    or set by clicking the timeline, the chart, or playing the map."""

    def __init__(self, context: PaneContext, parent=None) -> None:
        super().__init__("Memberships", parent)
        self.setObjectName("membershipsPane")
        self.setAccessibleName("Memberships")
        self._context = context
        self._document = document = context.document

        self.model = MemberTableModel(self)
        self.proxy = MemberSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("membershipTable")
        self.table.setAccessibleName("Members on the chosen day")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MEMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fit columns to a sample of rows and keep rows one line high: measuring every cell
        # of thousands of members would freeze the window after a large file loads.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(CONTENT_SAMPLE_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.target = QComboBox()
        self.target.setObjectName("membershipTarget")
        self.target.setAccessibleName("Campaign or protocol")
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.as_of_edit = QLineEdit()
        self.as_of_edit.setObjectName("asOfDate")
        self.as_of_edit.setAccessibleName("As of date")
        self.as_of_edit.setPlaceholderText("today; or 2011-01-01, or click the timeline")
        self.as_of_edit.setToolTip("Who stood where on this day. Type a date (2011, 2011-01, "
                                   "2011-01-01) or click the timeline, the chart or play the map.")
        self.as_of_edit.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("asOfSummary")
        self.summary.setAccessibleName("Members by stage on the chosen day")
        self.summary.setWordWrap(True)
        self.chart = MemberChart()
        self.setWidget(self._layout())

        self._refresh_later = Coalesced(self._refresh, self)
        self._marks_later = Coalesced(self._refresh_marks, self)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.target.currentIndexChanged.connect(self._on_target_picked)
        self.as_of_edit.editingFinished.connect(self._on_as_of_typed)
        self.chart.day_clicked.connect(document.set_as_of)
        document.dataset_loaded.connect(self._on_dataset_loaded)
        document.filter_changed.connect(lambda _f: self._refresh_later.schedule())
        document.selection_changed.connect(self._on_selection_changed)
        document.as_of_changed.connect(self._on_as_of_changed)
        document.membership_target_changed.connect(self._on_target_changed)
        self._on_dataset_loaded(document.dataset)

    def _layout(self) -> QWidget:
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        target_label = QLabel("&Of:")
        target_label.setBuddy(self.target)
        as_of_label = QLabel("&As of:")
        as_of_label.setBuddy(self.as_of_edit)
        controls.addWidget(target_label)
        controls.addWidget(self.target, 2)
        controls.addSpacing(12)
        controls.addWidget(as_of_label)
        controls.addWidget(self.as_of_edit, 1)
        members = QWidget()
        members_layout = QVBoxLayout(members)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addWidget(self.summary)
        members_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("membershipsSplitter")
        splitter.setChildrenCollapsible(False)
        for widget, stretch in ((members, 5), (self.chart, 4)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        return body

    # -- following the document ---------------------------------------------------------

    def _on_dataset_loaded(self, dataset) -> None:
        with QSignalBlocker(self.target):
            self.target.clear()
            for entity in membership_targets(dataset) if dataset is not None else ():
                self.target.addItem(entity.label, entity.id)
            self.target.setEnabled(self.target.count() > 0)
            self.target.setCurrentIndex(max(self.target.findData(self._document.membership_target), 0))
        self._refresh()

    def _on_target_changed(self, target_id) -> None:
        found = self.target.findData(target_id)
        if found >= 0 and found != self.target.currentIndex():
            with QSignalBlocker(self.target):
                self.target.setCurrentIndex(found)
        self._refresh()

    def _on_target_picked(self, _row: int) -> None:
        self._document.set_membership_target(self.target.currentData())

    def _on_selection_changed(self, selection) -> None:
        dataset = self._document.dataset
        if dataset is not None and selection.entity_id in dataset.memberships_by_target:
            self._document.set_membership_target(selection.entity_id)
        self._marks_later.schedule()
        current = self.table.currentIndex().data(Qt.ItemDataRole.UserRole)
        if current is not None and current.member != selection.entity_id:
            with QSignalBlocker(self.table.selectionModel()):
                self.table.selectionModel().clear()
            self.table.viewport().update()

    def _on_as_of_changed(self, day) -> None:
        if day is None:
            text = ""
        else:
            text = day_text(day)
            try:  # keep what was typed ("2011") when it means the same day
                if parse_day(self.as_of_edit.text()) == math.floor(day):
                    text = self.as_of_edit.text()
            except DateError:
                pass
        with QSignalBlocker(self.as_of_edit):
            self.as_of_edit.setText(text)
        self._refresh()

    def flush(self) -> None:
        """Apply pending refreshes now."""
        self._refresh_later.flush()
        self._marks_later.flush()

    def _refresh(self) -> None:
        """The members, the counts and the chart for the target, the day and the filter."""
        dataset, members = self._document.dataset, self._context.target_members()
        target_id = self._document.membership_target
        day = self._context.membership_day()
        if dataset is None or members is None or target_id is None:
            self.model.set_rows(None, [])
            empty = open_hint() if dataset is None else "This file lists no memberships"
            self.chart.set_members(None, "", self._document.as_of, empty=empty)
            self.summary.setText(f"{empty}.")
            return
        label = dataset.label(target_id)
        self.model.set_rows(dataset, members.as_of(day))
        self.chart.set_members(members, label, self._document.as_of,
                               {h.member: dataset.label(h.member) for h in members.histories})
        when = "today" if self._document.as_of is None else day_words(day)
        self.summary.setText(f"<b>{label}</b> as of {when}: {members.counts(day).text()}")
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        entity_id = self._document.selection.entity_id
        selected = frozenset() if entity_id is None else frozenset({entity_id})
        self.model.set_marked(self._context.marks() | selected)

    # -- the person's input -------------------------------------------------------------

    def _on_as_of_typed(self) -> None:
        text = self.as_of_edit.text().strip()
        if not text:
            self.as_of_edit.setToolTip("")
            self._document.set_as_of(None)
            return
        try:
            day = parse_day(text)
        except DateError as error:
            self.as_of_edit.setToolTip(f"Not a date: {error.message}")
            self.summary.setText(f"“{text}” is not a date: {error.message}")
            return
        self._document.set_as_of(day)

    def _standing_at(self, index: QModelIndex) -> MemberStanding | None:
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        standing = self._standing_at(current)
        if standing is not None:
            self._document.select_entity(standing.member)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        standing = self._standing_at(index)
        if standing is not None:
            self._context.zoom_to_entity(standing.member)

    def _on_context_menu(self, pos: QPoint) -> None:
        standing = self._standing_at(self.table.indexAt(pos))
        if standing is None:
            return
        menu = entity_menu(self._context, standing.member, self)
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def target_id(self) -> str | None:
        return self._document.membership_target

    def visible_rows(self) -> list[tuple[str, str]]:
        """(member, stage in words) of the rows shown, top to bottom."""
        rows = []
        for row in range(self.proxy.rowCount()):
            standing = self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole)
            rows.append((standing.member, self.proxy.index(row, 1).data()))
        return rows

    def column_titles(self) -> tuple[str, ...]:
        return COLUMNS
