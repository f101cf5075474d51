"""Which events a person wants to see: actors (any or all), tags, text and a date range.

`EventFilter` is a value; `apply_filter` turns it into the sorted positions of the matching
events in `dataset.events`. The window, the timeline, the panes and the exporter all use it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from explorer.model.dataset import Dataset


class Match(str, Enum):
    ANY = "any"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to keep. The empty filter keeps every event, undated ones included."""

    actors: frozenset[str] = frozenset()
    match: Match = Match.ANY
    include_children: bool = False  # an organization also stands for its sub-organizations
    tags: frozenset[str] = frozenset()
    text: str = ""
    date_from: float | None = None  # day numbers; events overlapping [from, to) are kept
    date_to: float | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.tags or self.text.strip()) and (
            self.date_from is None and self.date_to is None
        )

    def with_actor(self, actor_id: str) -> EventFilter:
        return replace(self, actors=self.actors | {actor_id})

    def without_actor(self, actor_id: str) -> EventFilter:
        return replace(self, actors=self.actors - {actor_id})


def actor_group(dataset: Dataset, actor_id: str, include_children: bool) -> set[str]:
    """The ids an actor stands for: itself, and its sub-organizations when asked."""
    group = {actor_id}
    if include_children:
        group.update(dataset.descendants(actor_id))
    return group


def apply_filter(dataset: Dataset, event_filter: EventFilter) -> list[int]:
    """Positions in `dataset.events` of the events the filter keeps, in file order."""
    count = len(dataset.events)
    if event_filter.is_empty:
        return list(range(count))

    candidates: set[int] | None = None
    if event_filter.actors:
        per_actor = []
        for actor in sorted(event_filter.actors):
            positions: set[int] = set()
            for member in actor_group(dataset, actor, event_filter.include_children):
                positions.update(dataset.events_by_actor.get(member, ()))
            per_actor.append(positions)
        if event_filter.match is Match.ALL:
            candidates = set.intersection(*per_actor)
        else:
            candidates = set().union(*per_actor)
    if event_filter.tags:
        tagged: set[int] = set()
        for tag in event_filter.tags:
            tagged.update(dataset.events_by_tag.get(tag, ()))
        candidates = tagged if candidates is None else candidates & tagged

    positions = sorted(candidates) if candidates is not None else range(count)
    needle = event_filter.text.strip().casefold()
    low, high = event_filter.date_from, event_filter.date_to
    events = dataset.events
    kept = []
    for position in positions:
        event = events[position]
        if needle and needle not in event.title.casefold() and needle not in event.summary.casefold():
            continue
        if low is not None or high is not None:
            first, after_last = event.extent()
            if first is None and after_last is None:
                continue  # undated events cannot be placed inside a date range
            if high is not None and first is not None and first >= high:
                continue
            if low is not None and after_last is not None and after_last <= low:
                continue
        kept.append(position)
    return kept
