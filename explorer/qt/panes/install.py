"""Puts the filter bar and every pane into the main window (through its public seams:
`add_above_view`, `add_dock`, `add_menu`) and wires them to the timeline, the menus and the
per-file memory of the filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMenu

from explorer.model.entities import EntityKind
from explorer.model.filters import EventFilter
from explorer.qt.filter_bar import FilterBar
from explorer.qt.panes.actors import actors_pane
from explorer.qt.panes.common import PaneContext
from explorer.qt.panes.entity_pane import EntityPane
from explorer.qt.panes.event_details import EventDetailsPane
from explorer.qt.panes.event_table import EventTablePane
from explorer.qt.panes.map_pane import MembershipMapPane
from explorer.qt.panes.memberships import MembershipsPane
from explorer.qt.panes.organizations import organizations_pane
from explorer.qt.panes.protocols import protocols_pane

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class Panes:
    """The installed panes, for the window and for tests."""

    context: PaneContext
    filter_bar: FilterBar
    event_details: EventDetailsPane
    organizations: EntityPane
    protocols: EntityPane
    actors: EntityPane
    memberships: MembershipsPane
    membership_map: MembershipMapPane
    events: EventTablePane
    filter_memory: FilterMemory

    def docks(self) -> list[QDockWidget]:
        return [self.event_details, self.organizations, self.protocols, self.actors,
                self.events, self.memberships, self.membership_map]

    def flush(self) -> None:
        """Apply every pending pane refresh now."""
        for pane in (self.organizations, self.protocols, self.actors, self.memberships,
                     self.membership_map):
            pane.flush()


class FilterMemory(QObject):
    """Remembers the filter of each file in the settings and brings it back when the file is
    opened again (actors and tags the file no longer has are dropped)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._restoring = False
        window.document.filter_changed.connect(self._save)
        window.file_opened.connect(self._restore)

    def _save(self, event_filter: EventFilter) -> None:
        path = self._window.path
        if path is None or self._restoring:
            return
        settings = self._window.settings
        state = dict(settings.file_state(path))
        state["filter"] = event_filter.to_dict()
        settings.set_file_state(path, state)

    def _restore(self, path: str) -> None:
        document = self._window.document
        remembered = self._window.settings.file_state(path).get("filter")
        event_filter = EventFilter.from_dict(remembered)
        if document.dataset is not None:
            event_filter = event_filter.known_to(document.dataset)
        self._restoring = True
        try:
            document.set_filter(event_filter)
        finally:
            self._restoring = False


def install_panes(window: MainWindow) -> Panes:
    """Create the filter bar and every pane, add them to `window`, and link them."""
    document = window.document
    context = PaneContext(document, window)
    bar = FilterBar(document)
    window.add_above_view(bar)

    details = EventDetailsPane(context, window)
    organizations = organizations_pane(context, window)
    protocols = protocols_pane(context, window)
    actors = actors_pane(context, window)
    memberships = MembershipsPane(context, window)
    membership_map = MembershipMapPane(context, window)
    events = EventTablePane(document, window)
    right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    window.add_dock(details, right)
    for pane in (organizations, protocols, actors):
        window.add_dock(pane, right)
    window.tabifyDockWidget(organizations, protocols)
    window.tabifyDockWidget(protocols, actors)
    organizations.raise_()
    window.add_dock(events, bottom)
    window.add_dock(memberships, bottom)
    window.add_dock(membership_map, bottom)
    window.tabifyDockWidget(events, memberships)
    window.tabifyDockWidget(memberships, membership_map)
    events.raise_()
    height = window.fontMetrics().height()
    window.resizeDocks([details], [height * 34], Qt.Orientation.Horizontal)
    window.resizeDocks([details, organizations], [height * 16, height * 22],
                       Qt.Orientation.Vertical)
    window.resizeDocks([events], [height * 21], Qt.Orientation.Vertical)

    panes_by_kind = {EntityKind.ORGANIZATION: organizations, EntityKind.PROTOCOL: protocols,
                     EntityKind.PERSON: actors, EntityKind.COUNTRY: actors}

    def show_pane(entity_id: str) -> None:
        kind = document.dataset.kind_of(entity_id) if document.dataset is not None else None
        pane = panes_by_kind.get(kind)
        if pane is not None:
            pane.show()
            pane.raise_()

    def zoom(positions) -> None:
        if positions:
            window.timeline.zoom_to_events(positions)

    context.entity_shown.connect(show_pane)
    context.zoom_requested.connect(zoom)
    window.timeline.day_clicked.connect(document.set_as_of)

    menu = QMenu("F&ilter", window)
    menu.setObjectName("filterMenu")
    menu.addAction(bar.find_action)
    menu.addAction(bar.clear_action)
    window.add_menu(menu)

    return Panes(context, bar, details, organizations, protocols, actors, memberships,
                 membership_map, events, FilterMemory(window))
