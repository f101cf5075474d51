"""Membership actions as events of the timeline: what becomes a span, a point or an undated
event, what is not told twice, and the data set they extend."""

from __future__ import annotations

import dataclasses

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Event, Membership, Organization, Protocol
from explorer.model.membership_events import MEMBERSHIP_TAG, membership_events, with_membership_events
from explorer.timescale.lanes import GroupBy, lane_membership


def acted(member, of, date, status="ratified"):
    return Membership(member, of, status, None if date is None else parse_edtf(date))


def given(*memberships, events=()):
    return Dataset.build(
        countries=[Country("AL", "Albania"), Country("BR", "Brazil"), Country("CL", "Chile")],
        organizations=[Organization("camp", "Campaign")],
        protocols=[Protocol("tip", "TIP Protocol")],
        memberships=memberships, events=events)


def test_a_signature_then_a_ratification_is_one_span_from_the_one_to_the_other():
    dataset = given(acted("AL", "tip", "2000-12-12", "signed"), acted("AL", "tip", "2002-08-21"))
    ((event, positions),) = membership_events(dataset)
    assert event.title == "Albania signs, then ratifies TIP Protocol"
    assert event.is_span and (event.start.text, event.end.text) == ("2000-12-12", "2002-08-21")
    assert event.summary == "Signed 12 December 2000; ratified 21 August 2002."
    assert (event.actors, event.protocols, event.tags) == (("AL",), ("tip",), (MEMBERSHIP_TAG,))
    assert positions == (0, 1)


def test_other_actions_are_points_and_actions_without_a_date_are_undated():
    dataset = given(acted("BR", "tip", "2004-01-29", "acceded"), acted("CL", "camp", None, "joined"))
    made = [event for event, _p in membership_events(dataset)]
    assert [(e.title, e.is_dated, e.is_span) for e in made] == [
        ("Brazil accedes to TIP Protocol", True, False), ("Chile joins Campaign", False, False)]
    assert made[1].actors == ("CL", "camp")  # an organization joined is an actor of the event


def test_an_action_the_file_already_tells_is_not_told_twice():
    told = Event("mexico-joins", "Chile joins the campaign", start=parse_edtf("2010-04"), actors=("CL", "camp"))
    dataset = given(acted("CL", "camp", "2010-04", "joined"), acted("BR", "camp", "2010-06", "joined"),
                    events=[told])
    assert [e.title for e, _p in membership_events(dataset)] == ["Brazil joins Campaign"]


def test_only_an_event_of_the_member_naming_the_target_on_the_date_as_written_tells_an_action():
    events = [
        Event("other-date", "Albania and the protocol", start=parse_edtf("2003"), actors=("AL",), protocols=("tip",)),
        Event("other-target", "Albania joins", start=parse_edtf("2002"), actors=("AL", "camp")),
        Event("other-member", "Brazil ratifies", start=parse_edtf("2002"), actors=("BR",), protocols=("tip",)),
        Event("told", "Chile ratifies", start=parse_edtf("2004"), actors=("CL",), protocols=("tip",)),
    ]
    dataset = given(acted("AL", "tip", "2002"), acted("CL", "tip", "2004"), acted("CL", "camp", "2004", "joined"),
                    events=events)
    assert sorted(e.title for e, _p in membership_events(dataset)) == [
        "Albania ratifies TIP Protocol", "Chile joins Campaign"]


def test_made_ids_pass_over_an_id_the_file_holds_and_are_each_made_once():
    dataset = given(acted("AL", "tip", "2002"), acted("BR", "tip", "2004"), acted("CL", "tip", "2006"),
                    events=[Event("membership:2", "Held", start=parse_edtf("2001"))])
    ids = [e.id for e, _p in membership_events(dataset)]
    assert ids == ["membership:1", "membership:3", "membership:4"]


def test_the_events_extend_the_data_set_as_a_full_build_would():
    dataset = given(acted("AL", "tip", "2000", "signed"), acted("AL", "tip", "2002"),
                    acted("BR", "tip", "2004"), events=[Event("e", "E", start=parse_edtf("2001"), actors=("AL",))])
    shown = with_membership_events(dataset)
    rebuilt = Dataset.build(
        countries=dataset.countries.values(), organizations=dataset.organizations.values(),
        protocols=dataset.protocols.values(), memberships=dataset.memberships,
        events=shown.events, membership_actions=shown.membership_actions)
    for field in dataclasses.fields(Dataset):
        left, right = getattr(shown, field.name), getattr(rebuilt, field.name)
        if hasattr(left, "items"):
            left, right = dict(left), dict(right)
        assert left == right, field.name
    assert shown.events[0] == dataset.events[0]  # the file's events keep their positions


def test_a_data_set_without_memberships_is_shown_as_it_is():
    dataset = given()
    assert with_membership_events(dataset) is dataset


def test_lanes_by_target_hold_the_membership_events_of_each_target_and_the_rest_apart():
    dataset = with_membership_events(given(
        acted("AL", "tip", "2002"), acted("BR", "camp", "2010", "joined"),
        events=[Event("e", "E", start=parse_edtf("2001"))]))
    lanes = lane_membership(dataset, GroupBy.TARGET)
    titles = [lane.title for lane in lanes.lanes]
    assert titles == ["TIP Protocol", "Campaign", "Other events"]
    members = {lanes.lanes[n].title: [dataset.events[p].id for p, lane in zip(lanes.positions, lanes.lane_of) if lane == n]
               for n in range(len(lanes.lanes))}
    assert members["Other events"] == ["e"]
