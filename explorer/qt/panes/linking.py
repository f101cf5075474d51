"""What the panes mark and list for the current selection and filter.

Pure functions of the model (no Qt), so that every pane agrees on them and tests can ask
them directly.
"""

from __future__ import annotations

from typing import Collection

import numpy as np

from explorer.model.dataset import Dataset
from explorer.model.filters import EventFilter, actor_group, filter_index
from explorer.model.queries import counted_by_event, reference_budget


def entities_in(dataset: Dataset, positions: Collection[int]) -> set[str]:
    """The actors and protocols that take part in any of the events at `positions`."""
    if not positions:
        return set()
    counts = counted_by_event(dataset, positions, reference_budget(dataset))
    if counts is not None:
        return set(counts)
    index = filter_index(dataset)
    chosen = np.zeros(index.size, dtype=bool)
    chosen[np.fromiter(positions, dtype=np.intp, count=len(positions))] = True
    return {
        entity_id
        for entity_id in (*dataset.events_by_actor, *dataset.events_by_protocol)
        if chosen[index.positions(entity_id)].any()
    }


def partners(dataset: Dataset, entity_id: str) -> set[str]:
    """Entities tied to `entity_id` other than by events: what it joined, who joined it,
    the protocols it guards and the guardian of a protocol."""
    found = {m.of for m in dataset.memberships_by_member.get(entity_id, ())}
    found.update(m.member for m in dataset.memberships_by_target.get(entity_id, ()))
    protocol = dataset.protocols.get(entity_id)
    if protocol is not None and protocol.guardian:
        found.add(protocol.guardian)
    found.update(p.id for p in dataset.protocols.values() if p.guardian == entity_id)
    return found


def marked_entities(
    dataset: Dataset | None,
    event_id: str | None,
    entity_id: str | None,
    highlighted: Collection[int] = (),
) -> frozenset[str]:
    """Entities the panes mark: those of the selected event, and for a selected entity
    those of its (highlighted) events and its partners; the selected entity itself is not
    marked, it is selected."""
    if dataset is None:
        return frozenset()
    marked: set[str] = set()
    event = dataset.events_by_id.get(event_id) if event_id is not None else None
    if event is not None:
        if entity_id is None and not event.protocols:  # one copy of a million actors, not two
            return frozenset(event.actors)
        marked.update(event.actors)
        marked.update(event.protocols)
    if entity_id is not None:
        marked.update(entities_in(dataset, highlighted))
        marked.update(partners(dataset, entity_id))
        marked.discard(entity_id)
    return frozenset(marked)


def actor_groups(dataset: Dataset, event_filter: EventFilter) -> list[set[str]]:
    """One set of ids per filtered actor: the actor and, when asked, everything below it."""
    return [
        actor_group(dataset, actor, event_filter.include_children)
        for actor in sorted(event_filter.actors)
    ]
