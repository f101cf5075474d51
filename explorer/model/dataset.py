"""A loaded timeline file: its entities, events and the indexes the views query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from explorer.model.diagnostics import Diagnostic
from explorer.model.entities import (
    Country,
    Entity,
    EntityKind,
    Era,
    Event,
    Membership,
    Organization,
    Person,
    Protocol,
    Source,
)

_EMPTY: tuple = ()


def _freeze(groups: Mapping[str, list]) -> Mapping[str, tuple]:
    return MappingProxyType({key: tuple(values) for key, values in groups.items()})


def _by_id(entities: Iterable[Any]) -> dict[str, Any]:
    """Entities by id: given so (a mapping, copied), or listed."""
    if isinstance(entities, Mapping):
        return dict(entities)
    return {entity.id: entity for entity in entities}


def _copied(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """A dict of `mapping`'s items. A proxy's `copy` copies the dict behind it at once;
    `dict(proxy)` reads it key by key, eight times as long (28 ms against 3.6 ms for the
    events of a file of 100,000)."""
    if isinstance(mapping, (dict, MappingProxyType)):
        return mapping.copy()
    return dict(mapping)


def _indexed(events: Iterable[Event], start: int = 0) -> tuple[dict[str, list[int]], ...]:
    """The positions of the events (numbered from `start`) naming each actor, citing each
    protocol and tagged with each tag; each event once, though it names an id twice."""
    by_actor: dict[str, list[int]] = defaultdict(list)
    by_protocol: dict[str, list[int]] = defaultdict(list)
    by_tag: dict[str, list[int]] = defaultdict(list)
    for position, event in enumerate(events, start=start):  # written out: a million events
        for key in event.actors:
            found = by_actor[key]
            if not found or found[-1] != position:
                found.append(position)
        for key in event.protocols:
            found = by_protocol[key]
            if not found or found[-1] != position:
                found.append(position)
        for key in event.tags:
            found = by_tag[key]
            if not found or found[-1] != position:
                found.append(position)
    return by_actor, by_protocol, by_tag


@dataclass(frozen=True, slots=True, eq=False)
class Dataset:
    """Everything in one file, immutable, with lookups by id, actor, tag and membership.

    Event indexes (`events_by_actor` ...) hold positions in `events`, in file order.
    """

    title: str
    description: str
    sources: Mapping[str, Source]
    organizations: Mapping[str, Organization]
    people: Mapping[str, Person]
    countries: Mapping[str, Country]
    protocols: Mapping[str, Protocol]
    memberships: tuple[Membership, ...]
    eras: tuple[Era, ...]
    events: tuple[Event, ...]
    path: str | None = None
    warnings: tuple[Diagnostic, ...] = ()
    version: int = 1
    events_by_id: Mapping[str, Event] = field(default_factory=dict)
    events_by_actor: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    events_by_protocol: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    events_by_tag: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    memberships_by_member: Mapping[str, tuple[Membership, ...]] = field(default_factory=dict)
    memberships_by_target: Mapping[str, tuple[Membership, ...]] = field(default_factory=dict)
    children: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Events that stand for membership actions (`membership_events`): event id -> the
    #: positions in `memberships` of the actions it shows. Empty for a data set as loaded.
    membership_actions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        title: str = "",
        description: str = "",
        sources: Iterable[Source] | Mapping[str, Source] = (),
        organizations: Iterable[Organization] | Mapping[str, Organization] = (),
        people: Iterable[Person] | Mapping[str, Person] = (),
        countries: Iterable[Country] | Mapping[str, Country] = (),
        protocols: Iterable[Protocol] | Mapping[str, Protocol] = (),
        memberships: Iterable[Membership] = (),
        eras: Iterable[Era] = (),
        events: Iterable[Event] = (),
        path: str | None = None,
        warnings: Iterable[Diagnostic] = (),
        version: int = 1,
        membership_actions: Mapping[str, tuple[int, ...]] | None = None,
    ) -> Dataset:
        """Assemble a data set from already validated entities (each section listed, or by id)
        and compute its indexes."""
        events = tuple(events)
        memberships = tuple(memberships)
        organizations_by_id = _by_id(organizations)
        protocols_by_id = _by_id(protocols)

        by_actor, by_protocol, by_tag = _indexed(events)

        by_member: dict[str, list[Membership]] = defaultdict(list)
        by_target: dict[str, list[Membership]] = defaultdict(list)
        for membership in memberships:
            by_member[membership.member].append(membership)
            by_target[membership.of].append(membership)

        children: dict[str, list[str]] = defaultdict(list)
        parented: list[Organization | Protocol] = [*organizations_by_id.values(), *protocols_by_id.values()]
        for entity in parented:
            if entity.parent:
                children[entity.parent].append(entity.id)

        return cls(
            title=title,
            description=description,
            sources=MappingProxyType(_by_id(sources)),
            organizations=MappingProxyType(organizations_by_id),
            people=MappingProxyType(_by_id(people)),
            countries=MappingProxyType(_by_id(countries)),
            protocols=MappingProxyType(protocols_by_id),
            memberships=memberships,
            eras=tuple(eras),
            events=events,
            path=path,
            warnings=tuple(warnings),
            version=version,
            events_by_id=MappingProxyType({e.id: e for e in events}),
            events_by_actor=_freeze(by_actor),
            events_by_protocol=_freeze(by_protocol),
            events_by_tag=_freeze(by_tag),
            memberships_by_member=_freeze(by_member),
            memberships_by_target=_freeze(by_target),
            children=_freeze(children),
            membership_actions=MappingProxyType(dict(membership_actions or {})),
        )

    def with_events(self, extra: Iterable[Event],
                    membership_actions: Mapping[str, tuple[int, ...]]) -> Dataset:
        """This data set with `extra` events after its own, its indexes extended rather than
        rebuilt (a million events stay a million entries copied, not walked again)."""
        extra = tuple(extra)
        start = len(self.events)
        by_actor, by_protocol, by_tag = _indexed(extra, start)

        def extended(index: Mapping[str, tuple[int, ...]], more: dict[str, list[int]]) -> Mapping[str, tuple[int, ...]]:
            merged = _copied(index)
            for key, positions in more.items():
                merged[key] = (*merged.get(key, ()), *positions)
            return MappingProxyType(merged)

        events_by_id = _copied(self.events_by_id)
        events_by_id.update((e.id, e) for e in extra)
        return replace(
            self, events=(*self.events, *extra), events_by_id=MappingProxyType(events_by_id),
            events_by_actor=extended(self.events_by_actor, by_actor),
            events_by_protocol=extended(self.events_by_protocol, by_protocol),
            events_by_tag=extended(self.events_by_tag, by_tag),
            membership_actions=MappingProxyType({**self.membership_actions, **membership_actions}),
        )

    def entity(self, entity_id: str) -> Entity | None:
        """The organization, person, country, protocol or source with this id."""
        for section in (self.organizations, self.people, self.countries, self.protocols, self.sources):
            found = section.get(entity_id)
            if found is not None:
                return found
        return None

    def kind_of(self, entity_id: str) -> EntityKind | None:
        found = self.entity(entity_id)
        return None if found is None else found.kind

    @property
    def entries(self) -> int:
        """How many entries the data set holds: events, entities, memberships and eras."""
        return (len(self.events) + len(self.organizations) + len(self.people) + len(self.countries)
                + len(self.protocols) + len(self.sources) + len(self.memberships) + len(self.eras))

    def actors(self) -> list[Organization | Person | Country]:
        """Every organization, person and country, in file order by section."""
        return [*self.organizations.values(), *self.people.values(), *self.countries.values()]

    def label(self, entity_id: str) -> str:
        """A short display name for an id (falls back to the id itself)."""
        found = self.entity(entity_id)
        if found is None:
            return entity_id
        return getattr(found, "label", None) or found.name

    def descendants(self, entity_id: str) -> list[str]:
        """Ids below `entity_id` in the parent tree (organizations or protocols), depth first."""
        found: list[str] = []
        stack = list(reversed(self.children.get(entity_id, _EMPTY)))
        seen = {entity_id}
        while stack:
            child = stack.pop()
            if child in seen:
                continue
            seen.add(child)
            found.append(child)
            stack.extend(reversed(self.children.get(child, _EMPTY)))
        return found

    def tags(self) -> list[str]:
        return sorted(self.events_by_tag)
