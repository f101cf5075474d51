"""The Event details pane: the selected event in full, with links to its actors, protocols,
tags and sources."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QDockWidget

from explorer.qt.citations import citation_action
from explorer.qt.panes.common import (
    PaneContext,
    details_browser,
    entity_menu,
    follow_link,
    muted_colour,
)
from explorer.qt.panes.details_html import ENTITY_SCHEME, event_html, internal_link, overview_html

#: The link of the notice over an event the filter hides.
SHOW_HIDDEN = "show:hidden-event"


class EventDetailsPane(QDockWidget):
    """Shows the document's selected event. An actor or protocol link selects that entity
    while the event stays shown (its events are marked and its pane comes forward); a tag
    link adds the tag to the filter; a source URL opens in the browser. An event the filter
    hides says so first, with a link that clears the filter."""

    def __init__(self, context: PaneContext, parent=None) -> None:
        super().__init__("Event Details", parent)
        self.setObjectName("eventDetails")
        self.setAccessibleName("Event details")
        self._context = context
        self._document = document = context.document
        self.browser = details_browser("eventDetailsText", "Details of the selected event")
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setWidget(self.browser)
        self._shown: tuple[object, str | None, bool] | None = None
        self._position: tuple[object, str, int] | None = None
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.customContextMenuRequested.connect(self._on_context_menu)
        document.dataset_loaded.connect(self._follow)
        document.selection_changed.connect(self._follow)
        document.filter_changed.connect(self._follow)
        self._follow()

    def _follow(self, *_args) -> None:
        dataset = self._document.dataset
        event_id = self._document.selection.event_id
        event = dataset.events_by_id.get(event_id) if dataset and event_id else None
        hidden = event is not None and not self._is_visible(dataset, event)
        shown = (dataset, event.id if event is not None else None, hidden)
        if shown == self._shown:
            return  # an entity link was followed: keep the text and its scroll position
        self._shown = shown
        muted = muted_colour(self)
        if event is None:
            self.browser.setHtml(overview_html(dataset, muted))
            return
        note = (f"<p><i>The filter hides this event.</i> <a href='{SHOW_HIDDEN}'>Clear the "
                "filter to show it</a></p>" if hidden else "")
        self.browser.setHtml(note + event_html(dataset, event, muted=muted))

    def _is_visible(self, dataset, event) -> bool:
        """Whether the filter keeps `event` (its position is looked up once per event)."""
        if self._position is None or self._position[:2] != (dataset, event.id):
            found = next(p for p, e in enumerate(dataset.events) if e is event)
            self._position = (dataset, event.id, found)
        position, visible = self._position[2], self._document.visible_positions
        at = bisect_left(visible, position)
        return at < len(visible) and visible[at] == position

    def _on_link(self, url: QUrl) -> None:
        if url.toString() == SHOW_HIDDEN:
            self._document.clear_filter()
            return
        entity_id = follow_link(self._document, url, keep_event=True)
        if entity_id is not None:
            self._context.entity_shown.emit(entity_id)

    def _on_context_menu(self, pos: QPoint) -> None:
        self.context_menu(pos).exec(self.browser.viewport().mapToGlobal(pos))

    def context_menu(self, pos: QPoint):
        """The menu at `pos` of the text: an entity's actions over its link, else the text's
        own; with Copy Citation while an event is shown."""
        internal = internal_link(self.browser.anchorAt(pos))
        menu = None
        if internal is not None and internal[0] == ENTITY_SCHEME:
            menu = entity_menu(self._context, internal[1], self)
        if menu is None:
            menu = self.browser.createStandardContextMenu(pos)
        event = self.shown_event()
        if event is not None:
            menu.addSeparator()
            menu.addAction(citation_action(self._document.dataset, event, menu))
        return menu

    def shown_event(self):
        """The event the pane shows, or None."""
        dataset, event_id = self._document.dataset, self._document.selection.event_id
        return dataset.events_by_id.get(event_id) if dataset is not None and event_id else None
