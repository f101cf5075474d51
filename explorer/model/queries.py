"""Questions the panes ask of a data set: an entity's events, an event's entities, the
sources behind a set of events, how many events each actor has, "12 of 31 events", the
texts by which an actor is picked."""

from __future__ import annotations

from collections import OrderedDict
from typing import Iterable, Mapping, Sequence

import numpy as np

from explorer.model.dataset import Dataset
from explorer.model.entities import Entity, Event, Source
from explorer.model.filters import actor_group, filter_index


def events_of(dataset: Dataset, entity_id: str, include_children: bool = False) -> list[int]:
    """Positions of the events an actor takes part in or a protocol is cited by, in file
    order; with `include_children`, also those of everything below it in the parent tree."""
    index = filter_index(dataset)
    group = actor_group(dataset, entity_id, include_children)
    return np.flatnonzero(index.group_mask(group)).tolist()


def entities_of(dataset: Dataset, event: Event) -> list[Entity]:
    """The actors, then the protocols, an event names; ids the data set lacks are skipped."""
    found = []
    for entity_id in (*event.actors, *event.protocols):
        entity = dataset.entity(entity_id)
        if entity is not None and entity not in found:
            found.append(entity)
    return found


def sources_cited(dataset: Dataset, positions: Iterable[int]) -> list[Source]:
    """The sources the events at `positions` cite, each once, in the file's order of sources."""
    events = dataset.events
    cited = {source_id for position in positions for source_id in events[position].sources}
    return [source for source_id, source in dataset.sources.items() if source_id in cited]


def counts_by_entity(dataset: Dataset, positions: Sequence[int]) -> dict[str, int]:
    """How many of the events at `positions` each actor or protocol takes part in; entities
    with none are left out (the panes show "UNODC (12)" while a filter is on)."""
    counts = counted_by_event(dataset, positions, reference_budget(dataset))
    if counts is not None:
        return counts
    index = filter_index(dataset)
    shown = np.zeros(index.size, dtype=bool)
    shown[np.asarray(positions, dtype=np.intp)] = True
    counts = {}
    for entity_id in (*dataset.events_by_actor, *dataset.events_by_protocol):
        count = int(np.count_nonzero(shown[index.positions(entity_id)]))
        if count:
            counts[entity_id] = count
    return counts


#: How many references of the given events `counts_by_entity` and `entities_in` read one by
#: one, for each entity they would otherwise look up (a vector operation costing about as
#: much as ten references read): a few events of a million actors are counted by their own
#: actors, all the events of a few actors by each actor's positions.
REFERENCES_PER_ENTITY = 10


def reference_budget(dataset: Dataset) -> int:
    """How many references `counted_by_event` may read before looking each entity up costs less."""
    return REFERENCES_PER_ENTITY * (len(dataset.events_by_actor) + len(dataset.events_by_protocol))


def counted_by_event(dataset: Dataset, positions: Iterable[int], budget: int) -> dict[str, int] | None:
    """`counts_by_entity`, read from the events' own actors and protocols; None once more
    than `budget` references would be read."""
    counts: dict[str, int] = {}
    get = counts.get
    events = dataset.events
    for position in positions:
        event = events[position]
        named = {*event.actors, *event.protocols}
        budget -= len(named)
        if budget < 0:
            return None
        for entity_id in named:
            counts[entity_id] = get(entity_id, 0) + 1
    return counts


def extent_of(dataset: Dataset, positions: Sequence[int]) -> tuple[float, float] | None:
    """The days from the first known bound to the last among the events at `positions`,
    for zooming to them (at least one day long; open ends are left out); None when none of
    them has a known date."""
    first, after_last = filter_index(dataset).extents
    chosen = np.asarray(positions, dtype=np.intp)
    bounds = np.concatenate((first[chosen], after_last[chosen]))
    bounds = bounds[np.isfinite(bounds)]
    if not bounds.size:
        return None
    low, high = float(bounds.min()), float(bounds.max())
    return low, max(high, low + 1.0)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """"1 event", "100,000 events", "2 countries" (with `plural` for nouns that need it)."""
    return f"{count:,} {noun if count == 1 else plural or f'{noun}s'}"


def count_text(shown: int, total: int, noun: str = "event") -> str:
    """"12 of 31 events" while a filter hides some, "31 events" when all are shown."""
    if shown == total:
        return counted(total, noun)
    return f"{shown:,} of {counted(total, noun)}"


#: The completions of the last data sets asked about, by identity (see `actor_completions`).
_COMPLETIONS: OrderedDict[int, tuple[Dataset, dict[str, str], list[str]]] = OrderedDict()
_COMPLETIONS_KEPT = 2


def completions_made(dataset: Dataset) -> bool:
    """Whether `actor_completions` of `dataset` are made (kept), so that asking costs nothing."""
    found = _COMPLETIONS.get(id(dataset))
    return found is not None and found[0] is dataset


def actor_completions(dataset: Dataset) -> tuple[Mapping[str, str], list[str]]:
    """How an actor or protocol is picked by typing: completion text -> id ("UNODC — United
    Nations Office on Drugs and Crime (unodc)", so that typing any of short name, name or id
    finds it), and those texts in order of name, case ignored. Made once per data set, and
    kept for the last two: a loading thread makes them ahead of the window, or, for more than
    `document.COMPLETIONS_AHEAD_UP_TO` actors, the background lane after the first paint (a
    million actors take a second)."""
    found = _COMPLETIONS.get(id(dataset))
    if found is not None and found[0] is dataset:
        return found[1], found[2]
    entries = {}
    for entity in (*dataset.actors(), *dataset.protocols.values()):
        label = entity.label or entity.name  # `Dataset.label`, without finding the entity again
        text = label if entity.name == label else f"{label} — {entity.name}"
        entries[f"{text} ({entity.id})"] = entity.id
    ordered = sorted(entries, key=str.casefold)
    _COMPLETIONS[id(dataset)] = (dataset, entries, ordered)
    while len(_COMPLETIONS) > _COMPLETIONS_KEPT:
        _COMPLETIONS.popitem(last=False)
    return entries, ordered
