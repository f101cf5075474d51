"""What the panes share: the counts and marks every pane derives from the document (computed
once per change), link handling and the entity menu."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from explorer.model.calendar import today
from explorer.model.dataset import Dataset
from explorer.model.entities import EntityKind
from explorer.model.filters import EventFilter, filter_index
from explorer.model.memberships import TargetMembers, memberships_kept, target_members
from explorer.model.queries import counts_by_entity, events_of
from explorer.qt.document import Document, Selection
from explorer.qt.panes.details_html import ENTITY_SCHEME, TAG_SCHEME, internal_link
from explorer.qt.panes.item_models import muted_foreground
from explorer.qt.panes.linking import marked_entities


class _EventTotals(Mapping[str, int]):
    """The events of each actor or protocol, counted when a pane asks (the panes ask of the
    rows they list: counting a million actors at once held the window 1.5 s)."""

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._index = filter_index(dataset)
        self._counted: dict[str, int] = {}

    def __getitem__(self, entity_id: str) -> int:
        found = self._counted.get(entity_id)
        if found is None:
            dataset = self._dataset
            if entity_id not in dataset.events_by_actor and entity_id not in dataset.events_by_protocol:
                raise KeyError(entity_id)
            found = self._counted[entity_id] = self._index.event_count(entity_id)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys((*self._dataset.events_by_actor, *self._dataset.events_by_protocol)))

    def __len__(self) -> int:
        return len(self._dataset.events_by_actor.keys() | self._dataset.events_by_protocol.keys())


class PaneContext(QObject):
    """What the panes share besides the document: counts and marks derived from it, computed
    once per change whichever pane asks first, and requests for the window."""

    #: A pane asked to show these events on the timeline (list of positions).
    zoom_requested = Signal(object)
    #: A link picked this entity; the pane that lists it should come to the front (its id).
    entity_shown = Signal(str)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._counts: tuple[Dataset, EventFilter, Mapping[str, int], Mapping[str, int]] | None = None
        self._marks: tuple[Dataset, Selection, bool, frozenset[str]] | None = None
        self._kept: tuple[Dataset, EventFilter, frozenset[int] | None] | None = None

    def event_counts(self) -> tuple[Mapping[str, int], Mapping[str, int], bool]:
        """(events the filter keeps, all events) per actor or protocol, and whether a filter
        is on."""
        document = self.document
        dataset, event_filter = document.dataset, document.filter
        if dataset is None:
            return {}, {}, False
        memo = self._counts
        if memo is not None and memo[0] is dataset and memo[1] == event_filter:
            return memo[2], memo[3], not event_filter.is_empty
        totals = _EventTotals(dataset)
        shown = totals if event_filter.is_empty else counts_by_entity(
            dataset, document.visible_positions)
        self._counts = (dataset, event_filter, shown, totals)
        return shown, totals, not event_filter.is_empty

    def marks(self) -> frozenset[str]:
        """The entities the panes mark for the document's selection (`marked_entities`)."""
        document = self.document
        dataset, selection = document.dataset, document.selection
        if dataset is None:
            return frozenset()
        children = document.filter.include_children
        memo = self._marks
        if memo is not None and memo[0] is dataset and memo[1] == selection \
                and memo[2] == children:
            return memo[3]
        marked = marked_entities(dataset, selection.event_id, selection.entity_id,
                                 document.highlighted_positions())
        self._marks = (dataset, selection, children, marked)
        return marked

    def kept_memberships(self) -> frozenset[int] | None:
        """Positions of the membership actions the filter keeps (None: every one)."""
        document = self.document
        dataset, event_filter = document.dataset, document.filter
        if dataset is None:
            return None
        memo = self._kept
        if memo is not None and memo[0] is dataset and memo[1] == event_filter:
            return memo[2]
        kept = memberships_kept(dataset, event_filter)
        self._kept = (dataset, event_filter, kept)
        return kept

    def target_members(self) -> TargetMembers | None:
        """The members of the campaign or protocol the membership views answer for, among the
        actions the filter keeps."""
        document = self.document
        if document.dataset is None or document.membership_target is None:
            return None
        return target_members(document.dataset, document.membership_target, self.kept_memberships())

    def membership_day(self) -> float:
        """The day the membership views answer for: the "as of" day, or today."""
        return self.document.as_of if self.document.as_of is not None else today()

    def entity_events(self, entity_id: str) -> list[int]:
        """The events a double-click zooms to: the entity's, with its children when the
        filter includes children."""
        document = self.document
        if document.dataset is None:
            return []
        return events_of(document.dataset, entity_id, document.filter.include_children)

    def zoom_to_entity(self, entity_id: str) -> None:
        self.zoom_requested.emit(self.entity_events(entity_id))


# -- links --------------------------------------------------------------------------------

def details_browser(name: str, accessible: str, parent: QWidget | None = None) -> QTextBrowser:
    """A read-only rich text view whose links the pane handles itself."""
    browser = QTextBrowser(parent)
    browser.setObjectName(name)
    browser.setAccessibleName(accessible)
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    return browser


def muted_colour(widget: QWidget) -> str:
    """The colour of secondary text in rich text views, as "#rrggbb"."""
    return muted_foreground(widget.palette(), 0.45).name()


def follow_link(document: Document, url: QUrl, keep_event: bool = False) -> str | None:
    """Act on a clicked link: select an entity, filter to a tag, or open a real URL outside.
    Returns the id of the entity selected, if any."""
    internal = internal_link(url.toString())
    if internal is None:
        if url.scheme() in ("http", "https", "mailto", "ftp"):
            QDesktopServices.openUrl(url)
        return None
    scheme, value = internal
    if scheme == TAG_SCHEME:
        document.set_filter(replace(document.filter, tags=document.filter.tags | {value}))
        return None
    if scheme == ENTITY_SCHEME and document.dataset is not None \
            and document.dataset.entity(value) is not None:
        event_id = document.selection.event_id if keep_event else None
        document.select(Selection(event_id=event_id, entity_id=value))
        return value
    return None


# -- context menu -------------------------------------------------------------------------

FILTERABLE = (EntityKind.ORGANIZATION, EntityKind.PERSON, EntityKind.COUNTRY,
              EntityKind.PROTOCOL)


def entity_menu(context: PaneContext, entity_id: str, parent: QWidget) -> QMenu | None:
    """"Filter to This Actor", add or remove it, select it, zoom the timeline to its events."""
    document = context.document
    dataset = document.dataset
    entity = dataset.entity(entity_id) if dataset is not None else None
    if entity is None or entity.kind not in FILTERABLE:
        return None
    noun = "Protocol" if entity.kind is EntityKind.PROTOCOL else "Actor"
    current = document.filter
    menu = QMenu(parent)
    only = menu.addAction(f"&Filter to This {noun}")
    only.setObjectName("filterToEntityAction")
    only.triggered.connect(
        lambda: document.set_filter(replace(current, actors=frozenset({entity_id}))))
    if entity_id in current.actors:
        remove = menu.addAction("&Remove from Filter")
        remove.setObjectName("removeFromFilterAction")
        remove.triggered.connect(lambda: document.set_filter(current.without_actor(entity_id)))
    elif current.actors:
        add = menu.addAction("&Add to Filter")
        add.setObjectName("addToFilterAction")
        add.triggered.connect(lambda: document.set_filter(current.with_actor(entity_id)))
    menu.addSeparator()
    select = menu.addAction("&Mark Its Events")
    select.setObjectName("markEntityAction")
    select.triggered.connect(lambda: document.select_entity(entity_id))
    zoom_action = menu.addAction("&Zoom Timeline to Its Events")
    zoom_action.setObjectName("zoomToEntityAction")
    zoom_action.triggered.connect(lambda: context.zoom_to_entity(entity_id))
    return menu
