"""Values made by `maker` are the real thing: same class, equal, frozen, hashable."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from explorer.model.dates import EdtfDate, EdtfInterval, parse_edtf
from explorer.model.entities import Country, Event, Membership, Organization
from explorer.model.load.records import maker


def test_made_values_equal_values_made_by_the_class():
    start = parse_edtf("2009-03")
    arguments = dict(id="launch", title="Launched", start=start, actors=("unodc",), tags=("campaign",))
    made = maker(Event)(**arguments)
    assert type(made) is Event
    assert made == Event(**arguments)
    assert hash(made) == hash(Event(**arguments))
    assert made.is_span is False and made.summary == ""  # defaults kept
    assert made.extent() == Event(**arguments).extent()


@pytest.mark.parametrize("cls", [Event, Organization, Country, Membership, EdtfDate, EdtfInterval])
def test_positional_making_matches_for_every_loaded_class(cls):
    date = parse_edtf("2010-04")
    samples = {"EdtfDate": date, "EdtfInterval": None}
    values = [
        samples.get(cls.__name__, f"{f.name}-value") if f.type not in ("bool",) else True
        for f in dataclasses.fields(cls)
    ]
    assert maker(cls)(*values) == cls(*values)
    assert type(maker(cls)(*values)) is cls


def test_made_values_stay_frozen():
    made = maker(Country)("ES", "Spain")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "Portugal"


def test_classes_it_cannot_serve_are_made_by_the_class_itself():
    @dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class Base:
        a: int

    @dataclass(frozen=True, slots=True)
    class Derived(Base):
        b: int = 0

    assert maker(WithFactory) is WithFactory
    assert maker(Derived) is Derived
    assert maker(Derived)(1, 2) == Derived(1, 2)
