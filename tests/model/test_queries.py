"""Specs for the questions panes ask: an entity's events, an event's entities, sources, counts."""

from __future__ import annotations

import pytest

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Event, Organization, Person, Protocol, Source
from explorer.model.queries import (
    count_text,
    counts_by_entity,
    entities_of,
    events_of,
    extent_of,
    sources_cited,
)
from tests.helpers.builders import both_ways, chosen_positions, shuffled_events


def event(event_id, when=None, *, end=None, actors=(), protocols=(), sources=()):
    return Event(
        id=event_id,
        title=event_id,
        start=None if when is None else parse_edtf(when),
        end=None if end is None else parse_edtf(end),
        is_span=end is not None,
        actors=actors,
        protocols=protocols,
        sources=sources,
    )


DATASET = Dataset.build(
    sources=[Source("unodc-site", "UNODC site"), Source("news", "News"), Source("law", "Law text")],
    organizations=[
        Organization("unodc", "UNODC"),
        Organization("blue-heart", "Blue Heart Campaign", parent="unodc"),
    ],
    people=[Person("fedotov", "Yury Fedotov")],
    countries=[Country("spain", "Spain")],
    protocols=[Protocol("untoc", "UNTOC"), Protocol("tip", "TIP Protocol", parent="untoc")],
    events=[
        event("adopted", "2000-11-15", protocols=("tip",), sources=("law",)),
        event(
            "launch", "2009-03", actors=("blue-heart", "fedotov"), sources=("news", "unodc-site")
        ),
        event(
            "report",
            "2012",
            actors=("unodc", "spain", "ghost"),
            protocols=("tip",),
            sources=("unodc-site",),
        ),
        event("undated", actors=("spain",)),
    ],
)


def ids(positions):
    return [DATASET.events[p].id for p in positions]


def test_an_actors_events_in_file_order_with_children_on_request():
    assert ids(events_of(DATASET, "unodc")) == ["report"]
    assert ids(events_of(DATASET, "unodc", include_children=True)) == ["launch", "report"]


def test_a_protocols_events_are_those_citing_it_or_its_children():
    assert ids(events_of(DATASET, "tip")) == ["adopted", "report"]
    assert ids(events_of(DATASET, "untoc")) == []
    assert ids(events_of(DATASET, "untoc", include_children=True)) == ["adopted", "report"]


def test_an_events_entities_are_its_actors_then_protocols_skipping_unknown_ids():
    report = DATASET.events_by_id["report"]

    assert [e.id for e in entities_of(DATASET, report)] == ["unodc", "spain", "tip"]


def test_sources_cited_by_events_come_once_each_in_file_order():
    cited = sources_cited(DATASET, [1, 2])

    assert [s.id for s in cited] == ["unodc-site", "news"]
    assert sources_cited(DATASET, []) == []


def test_counts_by_entity_count_only_the_given_events():
    assert counts_by_entity(DATASET, [1, 2, 3]) == {
        "blue-heart": 1,
        "fedotov": 1,
        "unodc": 1,
        "spain": 2,
        "ghost": 1,
        "tip": 1,
    }
    assert counts_by_entity(DATASET, []) == {}


def test_the_extent_of_events_spans_their_known_days():
    assert extent_of(DATASET, [0, 2]) == (
        float(parse_edtf("2000-11-15").earliest),
        float(parse_edtf("2012").latest + 1),
    )


def test_undated_events_have_no_extent_and_open_ends_are_ignored():
    ongoing = Dataset.build(events=[event("ongoing", "2010", end="2010/.."), event("undated")])
    start = float(parse_edtf("2010").earliest)

    assert extent_of(DATASET, [3]) is None
    assert extent_of(ongoing, [0, 1]) == (start, start + 1.0)


def test_count_text_says_how_many_of_how_many():
    assert count_text(12, 31) == "12 of 31 events"
    assert count_text(31, 31) == "31 events"
    assert count_text(0, 1) == "0 of 1 event"
    assert count_text(1, 1) == "1 event"
    assert count_text(1234, 100000) == "1,234 of 100,000 events"
    assert count_text(2, 5, noun="source") == "2 of 5 sources"



# A few events of many actors are counted by their own actors, many events of few actors by
# each actor's positions (`REFERENCES_PER_ENTITY`): the two ways give the same counts.

@pytest.mark.parametrize("seed", range(6))
def test_counts_by_event_equal_those_by_entity(monkeypatch, seed):
    dataset = shuffled_events(seed)
    chosen = chosen_positions(dataset, seed)
    by_entity, by_event = both_ways(monkeypatch, lambda positions: counts_by_entity(dataset, positions), chosen)
    assert by_event == by_entity
    assert any(by_event)
    for counts, positions in zip(by_event, chosen):
        for entity_id, count in counts.items():  # each event once, though it names an id twice
            assert count == sum(entity_id in {*dataset.events[p].actors, *dataset.events[p].protocols}
                                for p in positions)


def test_an_event_naming_an_actor_twice_is_one_event_of_that_actor():
    dataset = Dataset.build(
        organizations=[Organization(id="a", name="A")], protocols=[Protocol(id="p", name="P")],
        events=[event("e0", "2009", actors=("a", "a"), protocols=("p", "p")), event("e1", "2010", actors=("a",))],
    )
    assert dataset.events_by_actor["a"] == (0, 1)
    assert dataset.events_by_protocol["p"] == (0,)
    assert counts_by_entity(dataset, [0, 1]) == {"a": 2, "p": 1}
    extended = dataset.with_events([event("e2", "2011", actors=("a", "a"))], {})
    assert extended.events_by_actor["a"] == (0, 1, 2)
