"""What the panes mark, keep and link, asked of the pure helpers directly (no widgets)."""

from __future__ import annotations

import pytest

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Event, Membership, Organization, Protocol
from explorer.model.filters import EventFilter, Match
from explorer.model.memberships import memberships_kept
from explorer.qt.panes.details_html import entity_href, event_html, internal_link
from explorer.qt.panes.linking import entities_in, marked_entities, partners
from tests.helpers.builders import both_ways, chosen_positions, shuffled_events


def kept(dataset, event_filter) -> list[tuple[str, str]]:
    positions = memberships_kept(dataset, event_filter)
    return [(m.member, m.of) for n, m in enumerate(dataset.memberships)
            if positions is None or n in positions]


def test_without_actors_every_membership_is_kept(blue_heart):
    assert len(kept(blue_heart, EventFilter(tags={"campaign"}))) == 3


def test_a_country_keeps_its_memberships_and_a_target_keeps_its_members(blue_heart):
    assert kept(blue_heart, EventFilter(actors={"ES"})) == [("ES", "blue-heart-campaign")]
    assert len(kept(blue_heart, EventFilter(actors={"blue-heart-campaign"}))) == 3


def test_an_organization_stands_for_its_children_only_when_asked(blue_heart):
    assert kept(blue_heart, EventFilter(actors={"unodc"})) == []
    assert len(kept(blue_heart, EventFilter(actors={"unodc"}, include_children=True))) == 3


def test_a_search_keeps_the_members_whose_names_hold_its_words(blue_heart):
    assert kept(blue_heart, EventFilter(text="spa")) == [("ES", "blue-heart-campaign")]
    assert kept(blue_heart, EventFilter(text="nowhere")) == []


def test_a_date_range_keeps_the_actions_that_may_fall_in_it(blue_heart):
    day = parse_edtf("2010-05").earliest
    assert [m for m, _of in kept(blue_heart, EventFilter(date_from=day))] == ["ES", "PT"]
    assert [m for m, _of in kept(blue_heart, EventFilter(date_to=day))] == ["MX"]


def test_all_needs_every_actor_on_the_membership(blue_heart):
    both = EventFilter(actors={"ES", "blue-heart-campaign"}, match=Match.ALL)
    assert kept(blue_heart, both) == [("ES", "blue-heart-campaign")]
    assert kept(blue_heart, EventFilter(actors={"ES", "MX"}, match=Match.ALL)) == []


def test_a_selected_event_marks_its_actors_and_protocols(blue_heart):
    marked = marked_entities(blue_heart, "tip-protocol-adopted", None)
    assert marked == {"un-general-assembly", "tip-protocol", "untoc"}


def test_a_selected_entity_marks_its_partners_and_whoever_shares_its_events(blue_heart):
    positions = blue_heart.events_by_actor["MX"]
    marked = marked_entities(blue_heart, None, "MX", positions)
    assert marked == {"blue-heart-campaign"}
    assert partners(blue_heart, "unodc") == {"tip-protocol"}
    assert partners(blue_heart, "tip-protocol") == {"unodc"}


def test_nothing_is_marked_without_a_data_set_or_a_selection(blue_heart):
    assert marked_entities(None, "x", "y") == frozenset()
    assert marked_entities(blue_heart, None, None) == frozenset()


def test_internal_links_round_trip_any_id():
    for entity_id in ("unodc", "ES", "a b/c:d?e#f", "Málaga"):
        assert internal_link(entity_href(entity_id)) == ("entity", entity_id)
    assert internal_link("https://www.unodc.org") is None
    assert internal_link("tag:campaign") == ("tag", "campaign")


def test_event_text_is_escaped_and_unknown_ids_are_not_links():
    dataset = Dataset.build(
        countries=[Country("ES", "Spain")],
        protocols=[Protocol("p", "Protocol <A & B>")],
        organizations=[Organization("o", "Org")],
        memberships=[Membership("ES", "o", date=parse_edtf("2010"))],
        events=[Event("e", "<b>Not bold</b> & more", start=parse_edtf("2010"),
                      actors=("ES", "ghost"), protocols=("p",))])
    html = event_html(dataset, dataset.events[0])
    assert "&lt;b&gt;Not bold&lt;/b&gt; &amp; more" in html
    assert '<a href="entity:ES">Spain</a>, ghost' in html
    assert "Protocol &lt;A &amp; B&gt;" in html


@pytest.mark.parametrize("seed", range(6))
def test_the_entities_of_events_read_by_event_equal_those_by_entity(monkeypatch, seed):
    dataset = shuffled_events(seed)
    chosen = chosen_positions(dataset, seed)
    by_entity, by_event = both_ways(monkeypatch, lambda positions: entities_in(dataset, positions), chosen)
    assert by_event == by_entity
    for found, positions in zip(by_event, chosen):
        assert found == {n for p in positions for n in (*dataset.events[p].actors, *dataset.events[p].protocols)}
