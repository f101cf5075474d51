"""The Country memberships pane: every membership in a sortable table, the cumulative member
chart of one campaign or protocol, and who belonged to it "as of" a day."""

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

from explorer.model.dates import DateError, day_text, parse_day
from explorer.model.filters import EventFilter, Match
from explorer.model.memberships import Standing, as_of, cumulative_members, membership_targets
from explorer.qt.coalesced import Coalesced
from explorer.qt.panes.common import PaneContext, entity_menu
from explorer.qt.panes.item_models import SORT_ROLE, AsOfListModel, MembershipTableModel
from explorer.qt.panes.linking import actor_groups, membership_kept
from explorer.qt.panes.member_chart import MemberChart

#: Shown only when some membership of the file has ended.
UNTIL_COLUMN = 5
#: Rows measured when fitting column widths to their contents.
CONTENT_SAMPLE_ROWS = 200


class MembershipFilterProxy(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE`; under an actor filter keeps the memberships of those actors
    (the predicate is `linking.membership_kept`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._groups: list[set[str]] = []
        self._match = Match.ANY

    def set_filter(self, dataset, event_filter: EventFilter) -> None:
        groups = actor_groups(dataset, event_filter) if dataset is not None else []
        if groups == self._groups and event_filter.match == self._match:
            return
        self.beginFilterChange()
        self._groups, self._match = groups, event_filter.match
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        return membership_kept(self.sourceModel().membership(row), self._groups, self._match)

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        self._keys: dict[int, list] = {}
        model.modelAboutToBeReset.connect(self._keys.clear)
        model.dataChanged.connect(lambda *_args: self._keys.clear())

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        # Sort keys are read once per column, not twice per comparison: thousands of rows
        # sort in milliseconds instead of a second of `data()` calls.
        column = left.column()
        keys = self._keys.get(column)
        if keys is None:
            source = self.sourceModel()
            keys = self._keys[column] = [
                source.index(row, column).data(SORT_ROLE) for row in range(source.rowCount())
            ]
        return keys[left.row()] < keys[right.row()]


class MembershipsPane(QDockWidget):
    """Clicking a row selects its member (its events are marked) and charts what it joined;
    selecting a campaign or protocol anywhere charts it. The "as of" day comes from the
    document (set by clicking the timeline or the chart, or typed here)."""

    def __init__(self, context: PaneContext, parent=None) -> None:
        super().__init__("Country Memberships", parent)
        self.setObjectName("membershipsPane")
        self.setAccessibleName("Country memberships")
        self._context = context
        self._document = document = context.document

        self.model = MembershipTableModel(self)
        self.proxy = MembershipFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("membershipTable")
        self.table.setAccessibleName("Memberships")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fit columns to a sample of rows and keep rows one line high: measuring every cell
        # of thousands of memberships froze the window for seconds after a large file loaded.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setResizeContentsPrecision(CONTENT_SAMPLE_ROWS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.target = QComboBox()
        self.target.setObjectName("membershipTarget")
        self.target.setAccessibleName("Campaign or protocol to chart")
        self.as_of_edit = QLineEdit()
        self.as_of_edit.setObjectName("asOfDate")
        self.as_of_edit.setAccessibleName("As of date")
        self.as_of_edit.setPlaceholderText("2011-01-01, or click the timeline")
        self.as_of_edit.setToolTip("Who was a member on this day. Type a date (EDTF: 2011, "
                                   "2011-01, 2011-01-01) or click the timeline or the chart.")
        self.as_of_edit.setClearButtonEnabled(True)
        self.chart = MemberChart()
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("asOfSummary")
        self.as_of_label.setWordWrap(True)
        self.as_of_model = AsOfListModel(self)
        self.as_of_list = QTableView()
        self.as_of_list.setObjectName("asOfList")
        self.as_of_list.setAccessibleName("Members as of the chosen date")
        self.as_of_list.setModel(self.as_of_model)
        self.as_of_list.verticalHeader().hide()
        self.as_of_list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.as_of_list.horizontalHeader().setResizeContentsPrecision(CONTENT_SAMPLE_ROWS)
        self.as_of_list.horizontalHeader().setStretchLastSection(True)
        self.as_of_list.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.as_of_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWidget(self._layout())

        self._filter_later = Coalesced(self._refresh_filter, self)
        self._marks_later = Coalesced(self._refresh_marks, self)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.target.currentIndexChanged.connect(self._on_target_changed)
        self.as_of_edit.editingFinished.connect(self._on_as_of_typed)
        self.chart.day_clicked.connect(document.set_as_of)
        document.dataset_loaded.connect(self._on_dataset_loaded)
        document.filter_changed.connect(self._on_filter_changed)
        document.selection_changed.connect(self._on_selection_changed)
        document.as_of_changed.connect(self._on_as_of_changed)
        self._on_dataset_loaded(document.dataset)

    def _layout(self) -> QWidget:
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        chart_label = QLabel("&Chart:")
        chart_label.setBuddy(self.target)
        as_of_label = QLabel("&As of:")
        as_of_label.setBuddy(self.as_of_edit)
        controls.addWidget(chart_label)
        controls.addWidget(self.target, 2)
        controls.addSpacing(12)
        controls.addWidget(as_of_label)
        controls.addWidget(self.as_of_edit, 1)
        members = QWidget()
        members_layout = QVBoxLayout(members)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addWidget(self.as_of_label)
        members_layout.addWidget(self.as_of_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("membershipsSplitter")
        splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.table, 5), (self.chart, 4), (members, 3)):
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
        self.model.set_dataset(dataset)
        ended = dataset is not None and any(m.until is not None for m in dataset.memberships)
        self.table.setColumnHidden(UNTIL_COLUMN, not ended)
        with QSignalBlocker(self.target):
            previous = self.target.currentData()
            self.target.clear()
            for entity in membership_targets(dataset) if dataset is not None else ():
                self.target.addItem(entity.label, entity.id)
            self.target.setEnabled(self.target.count() > 0)
            found = self.target.findData(previous)
            self.target.setCurrentIndex(max(found, 0))
        self._refresh_filter()
        self._on_selection_changed(self._document.selection)
        self._refresh_target()

    def _on_filter_changed(self, _filter) -> None:
        self._filter_later.schedule()
        self._marks_later.schedule()

    def _refresh_filter(self) -> None:
        self.proxy.set_filter(self._document.dataset, self._document.filter)

    def flush(self) -> None:
        """Apply pending refreshes now."""
        self._filter_later.flush()
        self._marks_later.flush()

    def _refresh_marks(self) -> None:
        """Mark the memberships of the selected entity, and of the members the selection
        marks (a country of the selected event); a campaign that is only marked leaves its
        rows alone, or every row would be."""
        entity_id = self._document.selection.entity_id
        selected = frozenset() if entity_id is None else frozenset({entity_id})
        self.model.set_marked(self._context.marks() | selected, selected)

    def _on_selection_changed(self, selection) -> None:
        dataset = self._document.dataset
        self._marks_later.schedule()
        found = self.target.findData(selection.entity_id)
        if found >= 0 and found != self.target.currentIndex():
            self.target.setCurrentIndex(found)
        current = self.table.currentIndex().data(Qt.ItemDataRole.UserRole)
        if current is not None and current.member != selection.entity_id and dataset is not None:
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
        self._refresh_target()

    def _on_target_changed(self, _row: int) -> None:
        self._refresh_target()

    def target_id(self) -> str | None:
        return self.target.currentData()

    def _refresh_target(self) -> None:
        dataset, target_id = self._document.dataset, self.target_id()
        day = self._document.as_of
        if dataset is None or target_id is None:
            self.chart.set_curve(None, "")
            self.chart.set_as_of(day)
            self.as_of_model.set_rows(None, [])
            self.as_of_label.setText("")
            return
        label = dataset.label(target_id)
        self.chart.set_curve(cumulative_members(dataset, target_id), label)
        self.chart.set_as_of(day)
        if day is None:
            self.as_of_model.set_rows(None, [])
            self.as_of_label.setText(f"Pick an “as of” date to see who belonged to {label}.")
            return
        standings = as_of(dataset, target_id, day)
        self.as_of_model.set_rows(dataset, standings)
        sure = sum(1 for _m, s in standings if s is Standing.MEMBER)
        maybe = len(standings) - sure
        text = f"{label} as of {day_text(day)}: {sure} member{'s' * (sure != 1)}"
        if maybe:
            text += f", {maybe} more possibly or with unknown date"
        self.as_of_label.setText(text)

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
            self.as_of_label.setText(f"“{text}” is not a date: {error.message}")
            return
        self._document.set_as_of(day)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        membership = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if membership is None:
            return
        found = self.target.findData(membership.of)
        if found >= 0:
            self.target.setCurrentIndex(found)
        self._document.select_entity(membership.member)

    def _entity_at(self, index: QModelIndex) -> str | None:
        """The target in the "Joined" column, the member elsewhere."""
        membership = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if membership is None:
            return None
        return membership.of if index.column() == 1 else membership.member

    def _on_double_clicked(self, index: QModelIndex) -> None:
        entity_id = self._entity_at(index)
        if entity_id is not None:
            self._context.zoom_to_entity(entity_id)

    def _on_context_menu(self, pos: QPoint) -> None:
        entity_id = self._entity_at(self.table.indexAt(pos))
        if entity_id is None:
            return
        menu = entity_menu(self._context, entity_id, self)
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def visible_rows(self) -> list[tuple[str, str]]:
        """(member, target) ids of the rows shown, top to bottom."""
        rows = []
        for row in range(self.proxy.rowCount()):
            membership = self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole)
            rows.append((membership.member, membership.of))
        return rows

