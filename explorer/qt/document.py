"""The one signal hub: the loaded data set, the filter, the selection and the "as of" date.

The data set every view shows is the one loaded, with its membership actions as events when
they are shown on the timeline (`model.membership_events`, on by default).

Panes and the timeline read from the document and write through its methods, never into
each other; each change is announced once by a snake_case, past-tense signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from explorer.model.background import BACKGROUND
from explorer.model.dataset import Dataset
from explorer.model.filters import EventFilter, FilterIndex, apply_filter, filter_index
from explorer.model.membership_events import with_membership_events
from explorer.model.memberships import membership_targets
from explorer.model.places import prepare_places
from explorer.model.queries import actor_completions, completions_made, events_of
from explorer.qt.told import tell


@dataclass(frozen=True, slots=True)
class Selection:
    """What the person picked: an event, an entity (organization, person, country,
    protocol), or nothing. Both ids may be set: an event picked while its actor is marked."""

    event_id: str | None = None
    entity_id: str | None = None

    @property
    def is_empty(self) -> bool:
        return self.event_id is None and self.entity_id is None


#: Events above which a search asked for before the search text is built waits for it on
#: the background lane, not in the window's thread: building it takes about 20 ms per 20,000
#: events, 0.1 s and more at 100,000 (and the lane may be building it already).
SEARCH_WAITS_ABOVE = 20_000


#: Actors and protocols up to which the texts an actor is picked by are made by the loading
#: thread, before the data set is shown; the completions of more are made by the background
#: lane after the first paint (`Document.completions_ready`).
COMPLETIONS_AHEAD_UP_TO = 20_000


class _SearchTexts(QObject):
    """Where the background lane says that it built a search text (its FilterIndex) or made
    the actor completions of a data set. One for the program, made in the window's thread and
    never deleted, so that the lane never emits on an object a closing window is deleting;
    each document hears it while it lives."""

    built = Signal(object)
    completed = Signal(object)


_search_texts: _SearchTexts | None = None


def _search_texts_relay() -> _SearchTexts:
    global _search_texts
    if _search_texts is None:
        _search_texts = _SearchTexts()
    return _search_texts


class Document(QObject):
    """Owns the data set and what the person is looking at; emits when any of it changes."""

    #: A data set was opened or reloaded (the new Dataset).
    dataset_loaded = Signal(object)
    #: The filter changed (the new EventFilter); `visible_positions` is already updated.
    filter_changed = Signal(object)
    #: A search of a large data set waits for its search text (the EventFilter asked for):
    #: `filter_changed` follows once it applies, or once another filter takes its place.
    search_waiting = Signal(object)
    #: The selection changed (the new Selection).
    selection_changed = Signal(object)
    #: The "as of" day number changed (float, or None when cleared).
    as_of_changed = Signal(object)
    #: Membership actions were put on the timeline or taken off it (bool).
    memberships_shown_changed = Signal(bool)
    #: Another campaign or protocol was chosen for the membership views (its id, or None).
    membership_target_changed = Signal(object)
    #: The texts an actor of the shown data set is picked by are made (`actor_completions`
    #: of the Dataset given): at once for a small data set, after the first paint for more
    #: than `COMPLETIONS_AHEAD_UP_TO` actors.
    completions_ready = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._loaded: Dataset | None = None
        self._memberships_shown = True
        self._membership_target: str | None = None
        self._filter = EventFilter()
        self._waiting: EventFilter | None = None  # a search asked for, waiting for its text
        self._awaited: FilterIndex | None = None  # the index whose text the lane is asked for
        self._relay = _search_texts_relay()
        # queued even from this thread: a search is announced waiting before it may apply
        self._relay.built.connect(self._on_search_text_built, Qt.ConnectionType.QueuedConnection)
        self._relay.completed.connect(self._on_completions_made, Qt.ConnectionType.QueuedConnection)
        self._visible: list[int] = []
        self._selection = Selection()
        self._as_of: float | None = None
        self._highlighted: frozenset[int] | None = None
        self._positions_by_id: dict[str, int] | None = None

    # -- reading -----------------------------------------------------------------------

    @property
    def dataset(self) -> Dataset | None:
        """The data set the views show (with membership events when they are shown)."""
        return self._dataset

    @property
    def loaded_dataset(self) -> Dataset | None:
        """The data set as loaded from the file."""
        return self._loaded

    @property
    def membership_target(self) -> str | None:
        """The campaign or protocol the membership views (list, chart, map) answer for."""
        return self._membership_target

    @property
    def memberships_shown(self) -> bool:
        """Whether membership actions are on the timeline as events."""
        return self._memberships_shown

    @property
    def filter(self) -> EventFilter:
        """The filter asked for last (a search may still wait for its text: `filter_waiting`)."""
        return self._waiting if self._waiting is not None else self._filter

    @property
    def filter_waiting(self) -> bool:
        """Whether the filter asked for is a search of a large data set that waits for the
        search text, built on the background lane; `filter_changed` announces it once applied."""
        return self._waiting is not None

    @property
    def visible_positions(self) -> list[int]:
        """Positions in `dataset.events` that the filter keeps, in file order (the filter
        last announced by `filter_changed`)."""
        return self._visible

    @property
    def selection(self) -> Selection:
        return self._selection

    @property
    def as_of(self) -> float | None:
        return self._as_of

    def position_of(self, event_id: str | None) -> int | None:
        """Where the event with this id is in `dataset.events` (the map is made on first use)."""
        if event_id is None or self._dataset is None:
            return None
        if self._positions_by_id is None:
            self._positions_by_id = {event.id: n for n, event in enumerate(self._dataset.events)}
        return self._positions_by_id.get(event_id)

    def highlighted_positions(self) -> frozenset[int]:
        """Events marked because the selected entity takes part in them; with the filter's
        "include children", also those of everything below it (UNODC marks the Blue Heart
        Campaign's events too). Views ask on every paint, so the answer is kept."""
        if self._highlighted is None:
            dataset, entity = self._dataset, self._selection.entity_id
            if dataset is None or entity is None:
                self._highlighted = frozenset()
            else:
                self._highlighted = frozenset(
                    events_of(dataset, entity, self._filter.include_children))
        return self._highlighted

    # -- writing -----------------------------------------------------------------------

    def shown_for(self, dataset: Dataset) -> Dataset:
        """What the views would show for a data set as loaded (with its membership events when
        they are shown); a pure function of the data set, safe to call from a loading thread."""
        return with_membership_events(dataset) if self._memberships_shown else dataset

    def ready_for_showing(self, dataset: Dataset) -> Dataset:
        """`shown_for(dataset)`, with the lookups the views will make of it made now and kept
        (where the membership map puts each country: the map's shapes and the country
        codes take a quarter of a second to read the first time; the campaigns and protocols
        with members; the texts an actor is picked by). A loading thread calls it, so that the
        window does not wait for them."""
        if dataset.countries:
            prepare_places(dataset.countries.values())
        shown = self.shown_for(dataset)
        membership_targets(shown)
        if _actor_count(shown) <= COMPLETIONS_AHEAD_UP_TO:
            actor_completions(shown)
        return shown

    def set_dataset(self, dataset: Dataset, event_filter: EventFilter | None = None,
                    shown: Dataset | None = None) -> None:
        """Show a new data set; keep the selection when its ids still exist. `shown` is
        `shown_for(dataset)` when the caller made it already (a loading thread)."""
        self._loaded = dataset
        self._dataset = shown if shown is not None else self.shown_for(dataset)
        self._positions_by_id = None
        if event_filter is None:
            event_filter = self._waiting
        self._waiting = None
        if event_filter is not None:
            self._filter = event_filter
        self._refilter()
        self._highlighted = None
        self._selection = self._surviving(self._selection)
        targets = membership_targets(dataset)
        if self._membership_target not in {t.id for t in targets}:
            self._membership_target = targets[0].id if targets else None
        self.dataset_loaded.emit(self._dataset)
        self._complete(self._dataset)

    def set_membership_target(self, target_id: str | None) -> None:
        if target_id == self._membership_target:
            return
        self._membership_target = target_id
        self.membership_target_changed.emit(target_id)

    def set_memberships_shown(self, shown: bool) -> None:
        """Put the membership actions on the timeline as events, or take them off."""
        if shown == self._memberships_shown:
            return
        self._memberships_shown = shown
        self.memberships_shown_changed.emit(shown)
        if self._loaded is not None:
            self.set_dataset(self._loaded)

    def set_filter(self, event_filter: EventFilter) -> None:
        """Filter the events. A mark set before is dropped: it would dim what the new filter
        was asked to show. A search of a large data set whose search text is not built yet
        waits for the background lane to build it, and applies then (`filter_waiting`): the
        window goes on meanwhile."""
        if event_filter == self.filter:
            return
        if self._text_awaited(event_filter):
            self._waiting = event_filter
            self.search_waiting.emit(event_filter)
            return
        dropped, self._waiting = self._waiting, None
        if event_filter == self._filter:
            if dropped is not None:  # what shows the search dropped (its words) follows
                self.filter_changed.emit(event_filter)
            return
        if event_filter.include_children != self._filter.include_children:
            self._highlighted = None
        self._filter = event_filter
        self._refilter()
        self.filter_changed.emit(event_filter)
        self.clear_mark()

    def clear_filter(self) -> None:
        self.set_filter(EventFilter())

    def select(self, selection: Selection) -> None:
        if selection == self._selection:
            return
        if selection.entity_id != self._selection.entity_id:
            self._highlighted = None
        self._selection = selection
        self.selection_changed.emit(selection)

    def select_event(self, event_id: str | None) -> None:
        self.select(Selection(event_id=event_id, entity_id=self._selection.entity_id))

    def select_entity(self, entity_id: str | None) -> None:
        self.select(Selection(event_id=None, entity_id=entity_id))

    def clear_mark(self) -> None:
        """Stop marking the selected entity's events; the selected event stays."""
        self.select(Selection(event_id=self._selection.event_id))

    def set_as_of(self, day: float | None) -> None:
        if day == self._as_of:
            return
        self._as_of = day
        self.as_of_changed.emit(day)

    # -- internals ---------------------------------------------------------------------

    def _text_awaited(self, event_filter: EventFilter) -> bool:
        """Whether `event_filter` must wait for the search text, which the lane is then asked
        to build (once per index)."""
        dataset = self._dataset
        if dataset is None or not event_filter.terms or len(dataset.events) <= SEARCH_WAITS_ABOVE:
            return False
        index = filter_index(dataset)
        if index.text_ready:
            return False
        if self._awaited is not index:
            self._awaited = index
            relay = self._relay
            # told as soon as the text is built: by the lane's preparation of a loaded data
            # set (`prepare_in_background`), or else by this, once the lane comes to it
            index.when_text_built(lambda: tell(relay, "built", index))
            BACKGROUND.submit(index.build_text)
        return True

    def _complete(self, dataset: Dataset) -> None:
        """Announce the actor completions of `dataset`, now when they are made or cheap to
        make, else once the lane has made them: given to it after the first paint, like the
        search index and the cache entry (after them), they wait for the window to be idle."""
        if completions_made(dataset) or _actor_count(dataset) <= COMPLETIONS_AHEAD_UP_TO:
            actor_completions(dataset)
            self.completions_ready.emit(dataset)
            return
        relay = self._relay

        def make() -> None:
            actor_completions(dataset)
            tell(relay, "completed", dataset)

        QTimer.singleShot(0, lambda: BACKGROUND.submit(make))  # once the window has shown it

    @Slot(object)
    def _on_completions_made(self, dataset: Dataset) -> None:
        if dataset is self._dataset:
            self.completions_ready.emit(dataset)

    @Slot(object)
    def _on_search_text_built(self, index: FilterIndex) -> None:
        if self._awaited is index:
            self._awaited = None
        waiting = self._waiting
        if waiting is not None and self._dataset is not None and filter_index(self._dataset) is index:
            self._waiting = None
            self.set_filter(waiting)

    def _refilter(self) -> None:
        self._visible = apply_filter(self._dataset, self._filter) if self._dataset else []

    def _surviving(self, selection: Selection) -> Selection:
        dataset = self._dataset
        if dataset is None:
            return Selection()
        event_id = selection.event_id
        if event_id is not None and event_id not in dataset.events_by_id:
            event_id = None
        entity_id = selection.entity_id
        if entity_id is not None and dataset.entity(entity_id) is None:
            entity_id = None
        return Selection(event_id, entity_id)


def _actor_count(dataset: Dataset) -> int:
    """The actors and protocols an actor filter picks from."""
    return len(dataset.organizations) + len(dataset.people) + len(dataset.countries) + len(dataset.protocols)
