"""The Membership Map pane: the map of `member_map` wired to the document. Its target and day
are the memberships pane's (the document's `membership_target` and "as of" day, or today); a
click on a state selects that country everywhere, and a country selected anywhere is outlined."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from explorer.qt.coalesced import Coalesced
from explorer.qt.failed_open import open_hint
from explorer.qt.panes.common import PaneContext
from explorer.qt.panes.member_map import MapContent, MapPanel, Placement, placement


class MembershipMapPane(QDockWidget):
    """States coloured by their stage on the day, with a legend, a play control and export."""

    def __init__(self, context: PaneContext, parent=None) -> None:
        super().__init__("Membership Map", parent)
        self.setObjectName("membershipMapPane")
        self.setAccessibleName("Membership map")
        self._context = context
        self._document = document = context.document
        self.panel = MapPanel()
        self.view = self.panel.view
        self.setWidget(self.panel)
        self._placement: Placement | None = None
        self._placed_for: tuple | None = None
        self._refresh_later = Coalesced(self.refresh, self)
        self.view.state_clicked.connect(self._on_state_clicked)
        self.panel.day_requested.connect(document.set_as_of)
        document.dataset_loaded.connect(lambda _d: self.refresh())
        document.filter_changed.connect(lambda _f: self._refresh_later.schedule())
        document.selection_changed.connect(lambda _s: self.refresh())
        document.as_of_changed.connect(lambda _d: self.refresh())
        document.membership_target_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def flush(self) -> None:
        self._refresh_later.flush()

    def placement(self) -> Placement | None:
        """Which member is which state, for the current target and filter."""
        return self._placement

    def refresh(self) -> None:
        """Colour the states for the target, the day, the filter and the selection."""
        dataset, members = self._document.dataset, self._context.target_members()
        target_id = self._document.membership_target
        if dataset is None or members is None or target_id is None:
            self._placement = None
            empty = open_hint() if dataset is None else "This file lists no memberships"
            self.view.set_content(MapContent(empty, None, {}, None), {})
            self.panel.set_unplaced([])
            self.panel.set_history(None, None)
            return
        key = (id(dataset), id(members))
        if self._placed_for != key or self._placement is None:
            self._placement = placement(dataset, [h.member for h in members.histories])
            self._placed_for = key
            self.panel.set_unplaced([dataset.label(m) for m in self._placement.unplaced])
            curves = members.curves()
            self.panel.set_history(curves.first, curves.last)
        place = self._placement
        day = self._context.membership_day()
        standings = {place.members[s.member]: s for s in members.as_of(day) if s.member in place.members}
        selected = place.members.get(self._document.selection.entity_id or "")
        names = {code: dataset.label(member) for code, member in place.codes.items()}
        self.view.set_content(MapContent(dataset.label(target_id), day, standings, selected), names)

    def _on_state_clicked(self, code: str) -> None:
        place = self._placement
        if place is not None and code in place.codes:
            self._document.select_entity(place.codes[code])
