"""Lanes: which events go in which horizontal band, in a stable order.

Grouped by actor (or actor kind, or tag) an event with several actors belongs to several
lanes; the index and the scene keep it recognisable as one event.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

from explorer.model.dataset import Dataset
from explorer.model.entities import EntityKind


class GroupBy(str, Enum):
    NONE = "none"
    ACTOR = "actor"
    KIND = "kind"
    TAG = "tag"
    TARGET = "target"  # membership events by what was joined; every other event in one lane


#: Lane titles for actor kinds, in lane order.
KIND_TITLES = {
    EntityKind.ORGANIZATION: "Organizations",
    EntityKind.PERSON: "People",
    EntityKind.COUNTRY: "Countries",
}


@dataclass(frozen=True, slots=True)
class Lane:
    """A band of the timeline: `key` is an actor id, a kind, a tag, or "" for the rest."""

    key: str
    title: str


@dataclass(frozen=True, slots=True, eq=False)
class LaneMembership:
    """Which events each lane holds: pairs (lanes[lane_of[i]], events[positions[i]])."""

    group_by: GroupBy
    lanes: tuple[Lane, ...]
    lane_of: np.ndarray
    positions: np.ndarray


def _positions(values) -> np.ndarray:
    """`values` (positions) as an array; `fromiter` reads a tuple in half the time `asarray` takes."""
    if isinstance(values, np.ndarray):
        return values.astype(np.int64, copy=False)
    return np.fromiter(values, dtype=np.int64, count=len(values))


def lane_membership(dataset: Dataset, group_by: GroupBy | str) -> LaneMembership:
    """The lanes of `dataset` for a grouping, with every (lane, event) pair."""
    group_by = GroupBy(group_by)
    count = len(dataset.events)
    groups: list[tuple[Lane, np.ndarray]] = []
    if group_by is GroupBy.NONE:
        groups.append((Lane("", "All events"), np.arange(count, dtype=np.int64)))
    elif group_by is GroupBy.ACTOR:
        known = [actor.id for actor in dataset.actors()]
        unknown = sorted(set(dataset.events_by_actor) - set(known))
        for actor_id in (*known, *unknown):
            found = dataset.events_by_actor.get(actor_id)
            if found:
                groups.append((Lane(actor_id, dataset.label(actor_id)), _positions(found)))
        groups.append((Lane("", "No actor"), _without(count, [found for _, found in groups])))
    elif group_by is GroupBy.KIND:
        by_kind: dict[EntityKind, list[np.ndarray]] = {kind: [] for kind in KIND_TITLES}
        for actor_id, found in dataset.events_by_actor.items():
            kind = dataset.kind_of(actor_id)
            if kind in by_kind:
                by_kind[kind].append(_positions(found))
        for kind, title in KIND_TITLES.items():
            if by_kind[kind]:
                groups.append((Lane(kind.value, title), np.unique(np.concatenate(by_kind[kind]))))
        groups.append((Lane("", "No actor"), _without(count, dataset.events_by_actor.values())))
    elif group_by is GroupBy.TARGET:
        by_target: dict[str, list[int]] = {}
        # membership events come after the file's own (`Dataset.with_events`)
        first = count - len(dataset.membership_actions)
        order = {dataset.events[p].id: p for p in range(first, count)}
        for event_id, actions in dataset.membership_actions.items():
            target = dataset.memberships[actions[0]].of
            by_target.setdefault(target, []).append(order[event_id])
        for target, held in by_target.items():
            groups.append((Lane(target, dataset.label(target)), _positions(sorted(held))))
        groups.append((Lane("", "Other events"), _without(count, by_target.values())))
    else:
        for tag in dataset.tags():
            groups.append((Lane(tag, tag), _positions(dataset.events_by_tag[tag])))
        groups.append((Lane("", "Untagged"), _without(count, [found for _, found in groups])))

    groups = [(lane, found) for lane, found in groups if len(found)]
    lanes = tuple(lane for lane, _ in groups)
    lane_of = np.concatenate(
        [np.full(len(found), number, dtype=np.int64) for number, (_, found) in enumerate(groups)]
        or [np.zeros(0, dtype=np.int64)]
    )
    positions = np.concatenate([found for _, found in groups] or [np.zeros(0, dtype=np.int64)])
    return LaneMembership(group_by, lanes, lane_of, positions)


def _without(count: int, groups) -> np.ndarray:
    """Positions of events in none of `groups`."""
    seen = np.zeros(count, dtype=bool)
    for found in groups:
        seen[_positions(found)] = True
    return np.flatnonzero(~seen).astype(np.int64)
