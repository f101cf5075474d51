"""A dock listing entities in a tree (organizations, protocols, people and countries) above
the details of the selected one, linked to the document both ways."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSignalBlocker, Qt, QUrl
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QSplitter, QTreeView

from explorer.qt.coalesced import Coalesced
from explorer.qt.panes.common import (
    PaneContext,
    details_browser,
    entity_menu,
    follow_link,
    muted_colour,
)
from explorer.qt.panes.details_html import entity_html
from explorer.qt.panes.item_models import Column, EntityTreeModel, Sections


class EntityPane(QDockWidget):
    """Selecting a row selects the entity in the document, which marks its events on the
    timeline; the document's selection and filter come back as the current row, marked rows
    and event counts. Double-click zooms the timeline to the entity's events."""

    def __init__(self, context: PaneContext, *, name: str, title: str, noun: str,
                 sections: Sections, columns: Sequence[Column], parent=None) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self._context = context
        self._document = document = context.document
        self._noun = noun
        self.model = EntityTreeModel(sections, columns, self)

        self.tree = QTreeView()
        self.tree.setObjectName(f"{name}Tree")
        self.tree.setAccessibleName(f"{title} list")
        self.tree.setAccessibleDescription(
            f"Select {noun} to mark its events; double-click to zoom the timeline to its events.")
        self.tree.setModel(self.model)
        self.model.repaint_needed.connect(self.tree.viewport().update)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)

        self.details = details_browser(f"{name}Details", f"{title} details")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName(f"{name}Splitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.setWidget(splitter)

        self._counts_later = Coalesced(self._refresh_counts, self)
        self._fit_later = Coalesced(self._fit_columns, self)
        self._marks_later = Coalesced(self._refresh_marks, self)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.doubleClicked.connect(self._on_double_clicked)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.details.anchorClicked.connect(self._on_link)
        document.dataset_loaded.connect(self._on_dataset_loaded)
        document.filter_changed.connect(self._on_filter_changed)
        document.selection_changed.connect(self._on_selection_changed)
        if document.dataset is not None:
            self._on_dataset_loaded(document.dataset)
        else:
            self._show_details()

    # -- following the document ---------------------------------------------------------

    def _on_dataset_loaded(self, dataset) -> None:
        self.model.set_dataset(dataset)
        for index in self.model.parent_indexes():  # while the reset's layout is pending: cheap
            self.tree.expand(index)
        for index in self.model.more_indexes():  # "… and 20,000 more": across the columns
            self.tree.setFirstColumnSpanned(index.row(), index.parent(), True)
        self._follow_selection()
        # the counts, marks and column widths on the next turn of the event loop: the
        # timeline paints the new data set first, and the window is not held for all of it
        self._counts_later.schedule()
        self._marks_later.schedule()
        self._fit_later.schedule()

    def _fit_columns(self) -> None:
        """Size the side columns to their contents, but never so wide that the names in
        the first column are cut: long kinds ("intergovernmental organization") elide."""
        widest = self.tree.fontMetrics().horizontalAdvance("0") * 13
        for column in range(1, self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), widest))

    def _on_filter_changed(self, _filter) -> None:
        self._counts_later.schedule()
        # "Include children" changes which events a selected entity marks.
        self._marks_later.schedule()

    def _on_selection_changed(self, _selection) -> None:
        self._follow_selection()
        self._marks_later.schedule()

    def flush(self) -> None:
        """Apply pending refreshes now."""
        self._counts_later.flush()
        self._marks_later.flush()
        self._fit_later.flush()

    def _refresh_counts(self) -> None:
        self.model.set_counts(*self._context.event_counts())
        self.tree.resizeColumnToContents(self.model.events_column())
        self._show_details()

    def _refresh_marks(self) -> None:
        self.model.set_marked(self._context.marks())

    def _follow_selection(self) -> None:
        index = self.model.index_of(self._document.selection.entity_id)
        selection_model = self.tree.selectionModel()
        with QSignalBlocker(selection_model):
            if index.isValid():
                selection_model.setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.tree.scrollTo(index)
            else:
                selection_model.clear()
        self.tree.viewport().update()
        self._show_details()

    def selected_entity_id(self) -> str | None:
        """The entity of the current row, if any."""
        entity = self.tree.currentIndex().data(Qt.ItemDataRole.UserRole)
        return entity.id if entity is not None and self.tree.currentIndex().isValid() else None

    def _show_details(self) -> None:
        dataset = self._document.dataset
        entity_id = self._document.selection.entity_id
        if dataset is None or not self.model.holds(entity_id):  # (listed or not: `ROWS_LISTED`)
            self.details.setHtml(
                f"<p style='color:{muted_colour(self)}'>Select {self._noun} to see its details "
                "and mark its events on the timeline.</p>")
            return
        shown, totals, _filtered = self._context.event_counts()
        events = None
        if entity_id in totals:
            events = (shown.get(entity_id, 0), totals[entity_id])
        self.details.setHtml(entity_html(dataset, dataset.entity(entity_id), events,
                                         muted=muted_colour(self)))

    # -- the person's input -------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entity = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if entity is not None:
            self._document.select_entity(entity.id)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        entity = index.data(Qt.ItemDataRole.UserRole)
        if entity is not None:
            self._context.zoom_to_entity(entity.id)

    def _on_context_menu(self, pos: QPoint) -> None:
        entity = self.tree.indexAt(pos).data(Qt.ItemDataRole.UserRole)
        if entity is None:
            return
        menu = entity_menu(self._context, entity.id, self)
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _on_link(self, url: QUrl) -> None:
        entity_id = follow_link(self._document, url)
        if entity_id is not None:
            self._context.entity_shown.emit(entity_id)
