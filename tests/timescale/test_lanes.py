"""Lanes group events by actor, actor kind or tag, in a stable order; an event with several
actors belongs to each of their lanes."""

from __future__ import annotations

from explorer.timescale.lanes import lane_membership
from tests.helpers.builders import given_events, point


def lanes_and_members(dataset, group_by):
    membership = lane_membership(dataset, group_by)
    members = {lane.title: [] for lane in membership.lanes}
    for lane_no, position in zip(membership.lane_of.tolist(), membership.positions.tolist()):
        members[membership.lanes[lane_no].title].append(dataset.events[position].id)
    return [lane.title for lane in membership.lanes], members


DATA = given_events(
    point("launch", "2009-03", actors=["unodc", "costa"], tags=["campaign"]),
    point("mexico", "2010-04", actors=["MX", "unodc"], tags=["campaign", "country"]),
    point("directive", "2011-04-05", actors=["eu"], tags=["law"]),
    point("play", "2012", tags=["culture"]),
)


def test_no_grouping_is_one_lane_of_everything():
    titles, members = lanes_and_members(DATA, "none")
    assert titles == ["All events"]
    assert members["All events"] == ["launch", "mexico", "directive", "play"]


def test_by_actor_follows_the_file_sections_and_repeats_shared_events():
    titles, members = lanes_and_members(DATA, "actor")
    assert titles == ["UNODC", "EU", "Antonio Maria Costa", "Mexico", "No actor"]
    assert members["UNODC"] == ["launch", "mexico"]
    assert members["Antonio Maria Costa"] == ["launch"]
    assert members["Mexico"] == ["mexico"]
    assert members["No actor"] == ["play"]


def test_by_kind_puts_an_event_once_in_each_kind_it_involves():
    titles, members = lanes_and_members(DATA, "kind")
    assert titles == ["Organizations", "People", "Countries", "No actor"]
    assert members["Organizations"] == ["launch", "mexico", "directive"]
    assert members["People"] == ["launch"]
    assert members["Countries"] == ["mexico"]


def test_by_tag_sorts_tags_and_keeps_the_untagged():
    untagged = given_events(point("a", "2000", tags=["law"]), point("b", "2001"))
    titles, members = lanes_and_members(untagged, "tag")
    assert titles == ["law", "Untagged"]
    assert members == {"law": ["a"], "Untagged": ["b"]}
    titles, _ = lanes_and_members(DATA, "tag")
    assert titles == ["campaign", "country", "culture", "law"]


def test_an_actor_missing_from_the_sections_still_gets_a_lane_after_the_known_ones():
    data = given_events(point("a", "2000", actors=["ghost", "eu"]))
    titles, members = lanes_and_members(data, "actor")
    assert titles == ["EU", "ghost"]
