"""Small data sets for time-scale tests, written the way the specs read: given events..."""

from __future__ import annotations

import random

from explorer.model.calendar import days_from_civil
from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Era, Event, Organization, Person, Protocol
from explorer.timescale.index import TimelineIndex
from tests.helpers.days import day

__all__ = ["TODAY", "both_ways", "chosen_positions", "day", "given_events", "given_index", "measure", "point",
           "shuffled_events", "span", "undated"]

TODAY = float(days_from_civil(2025, 6, 1))


def point(event_id: str, date: str, title: str | None = None, actors=(), tags=()) -> Event:
    return Event(event_id, title or event_id, start=parse_edtf(date), actors=tuple(actors),
                 tags=tuple(tags))


def span(event_id: str, start: str | None, end: str | None, title: str | None = None,
         actors=(), tags=()) -> Event:
    return Event(event_id, title or event_id,
                 start=None if start is None else parse_edtf(start),
                 end=None if end is None else parse_edtf(end), is_span=True,
                 actors=tuple(actors), tags=tuple(tags))


def undated(event_id: str, title: str | None = None) -> Event:
    return Event(event_id, title or event_id)


def given_events(*events: Event, eras=()) -> Dataset:
    """A data set with these events, two organizations, a person and a country."""
    return Dataset.build(
        events=events,
        organizations=[Organization("unodc", "UN Office on Drugs and Crime", short="UNODC"),
                       Organization("eu", "European Union", short="EU")],
        people=[Person("costa", "Antonio Maria Costa")],
        countries=[Country("MX", "Mexico")],
        eras=[Era(title, parse_edtf(start), None if end is None else parse_edtf(end))
              for title, start, end in eras],
    )


def given_index(*events: Event, eras=()) -> TimelineIndex:
    return TimelineIndex(given_events(*events, eras=eras), TODAY)


def measure(text: str) -> float:
    """A monospace stand-in for font metrics: 7 pixels a character."""
    return 7.0 * len(text)


def shuffled_events(seed: int, count: int = 60) -> Dataset:
    """`count` events naming up to four of 12 organizations and citing up to two of 3
    protocols, drawn at random (an id may be named twice by one event)."""
    chooser = random.Random(seed)
    actors = [Organization(f"o{n}", f"O{n}") for n in range(12)]
    protocols = [Protocol(f"p{n}", f"P{n}") for n in range(3)]
    events = [
        Event(f"e{n}", f"e{n}", start=parse_edtf("2009"),
              actors=tuple(chooser.choices([a.id for a in actors], k=chooser.randrange(5))),
              protocols=tuple(chooser.choices([p.id for p in protocols], k=chooser.randrange(3))))
        for n in range(count)
    ]
    return Dataset.build(organizations=actors, protocols=protocols, events=events)


def chosen_positions(dataset: Dataset, seed: int) -> list[list[int]]:
    """Sorted samples of the positions of `dataset`'s events: none, one, some, all."""
    chooser = random.Random(seed + 100)
    size = len(dataset.events)
    return [sorted(chooser.sample(range(size), k)) for k in (0, 1, size // 8, size // 2, size)]


def both_ways(monkeypatch, ask, chosen: list[list[int]]) -> tuple[list, list]:
    """`ask(positions)` for each of `chosen`, first by each entity's positions, then by the
    events' own actors (`queries.REFERENCES_PER_ENTITY` forced one way, then the other)."""
    from explorer.model import queries

    found = []
    for references in (0, 10 ** 9):
        monkeypatch.setattr(queries, "REFERENCES_PER_ENTITY", references)
        found.append([ask(positions) for positions in chosen])
    return found[0], found[1]
