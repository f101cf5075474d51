"""Specs for event filters: actors (any, all, children), tags, text, date ranges, saving."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.model import filters as filters_module
from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Event, Organization, Protocol
from explorer.model.filters import (
    _FOLDED_CHARS,
    EventFilter,
    FilterIndex,
    Match,
    apply_filter,
    filter_mask,
    fold,
)
from tests.helpers.builders import shuffled_events
from tests.helpers.days import first_day


def event(
    event_id: str,
    when: str | None = None,
    *,
    end: str | None = None,
    span: bool = False,
    title: str = "",
    summary: str = "",
    actors: tuple[str, ...] = (),
    protocols: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Event:
    return Event(
        id=event_id,
        title=title or event_id,
        start=None if when is None else parse_edtf(when),
        end=None if end is None else parse_edtf(end),
        is_span=span or end is not None,
        summary=summary,
        actors=actors,
        protocols=protocols,
        tags=tags,
    )


def given_events(*events: Event) -> Dataset:
    return Dataset.build(
        organizations=[
            Organization("un", "United Nations"),
            Organization("unodc", "UN Office on Drugs and Crime", short="UNODC", parent="un"),
            Organization("blue-heart", "Blue Heart Campaign", parent="unodc"),
            Organization("iom", "International Organization for Migration"),
        ],
        countries=[Country("spain", "Spain"), Country("mexico", "Mexico")],
        protocols=[
            Protocol("untoc", "UN Convention against Transnational Organized Crime"),
            Protocol("tip", "Trafficking in Persons Protocol", parent="untoc"),
        ],
        events=events,
    )


def kept(dataset: Dataset, **criteria) -> list[str]:
    """Ids of the events the filter keeps, in file order."""
    return [dataset.events[p].id for p in apply_filter(dataset, EventFilter(**criteria))]


ACTOR_EVENTS = given_events(
    event("unodc-report", "2009", actors=("unodc",)),
    event("campaign-launch", "2009-03", actors=("blue-heart",)),
    event("spain-joins", "2010-06", actors=("spain", "blue-heart")),
    event("spain-and-unodc", "2011", actors=("spain", "unodc")),
    event("iom-study", "2012", actors=("iom",)),
    event("protocol-adopted", "2000-11-15", protocols=("tip",)),
    event("convention-adopted", "2000-11-15", protocols=("untoc",)),
)


# -- actors ------------------------------------------------------------------------------


def test_the_empty_filter_keeps_every_event_including_undated_ones():
    dataset = given_events(event("dated", "2009"), event("undated"))

    assert apply_filter(dataset, EventFilter()) == [0, 1]
    assert EventFilter().is_empty


def test_one_actor_keeps_the_events_naming_it():
    assert kept(ACTOR_EVENTS, actors={"spain"}) == ["spain-joins", "spain-and-unodc"]


def test_match_any_keeps_events_with_at_least_one_of_the_actors():
    assert kept(ACTOR_EVENTS, actors={"iom", "spain"}, match=Match.ANY) == [
        "spain-joins",
        "spain-and-unodc",
        "iom-study",
    ]


def test_match_all_keeps_only_events_with_every_actor():
    assert kept(ACTOR_EVENTS, actors={"unodc", "spain"}, match=Match.ALL) == ["spain-and-unodc"]


def test_an_organization_without_its_children_keeps_only_its_own_events():
    assert kept(ACTOR_EVENTS, actors={"unodc"}) == ["unodc-report", "spain-and-unodc"]


def test_an_organization_with_its_children_includes_the_campaign_below_it():
    assert kept(ACTOR_EVENTS, actors={"unodc"}, include_children=True) == [
        "unodc-report",
        "campaign-launch",
        "spain-joins",
        "spain-and-unodc",
    ]


def test_children_reach_every_level_below_the_organization():
    assert kept(ACTOR_EVENTS, actors={"un"}, include_children=True) == kept(
        ACTOR_EVENTS, actors={"unodc"}, include_children=True
    )
    assert kept(ACTOR_EVENTS, actors={"un"}) == []


def test_match_all_with_children_lets_each_actor_count_through_its_group():
    # spain-joins names the campaign, which stands in for UNODC when children are included.
    both = kept(ACTOR_EVENTS, actors={"unodc", "spain"}, match=Match.ALL, include_children=True)

    assert both == ["spain-joins", "spain-and-unodc"]


def test_a_protocol_keeps_the_events_citing_it_and_its_children_on_request():
    assert kept(ACTOR_EVENTS, actors={"untoc"}) == ["convention-adopted"]
    assert kept(ACTOR_EVENTS, actors={"untoc"}, include_children=True) == [
        "protocol-adopted",
        "convention-adopted",
    ]


def test_an_unknown_actor_matches_nothing():
    assert kept(ACTOR_EVENTS, actors={"nobody"}) == []
    assert kept(ACTOR_EVENTS, actors={"nobody", "iom"}) == ["iom-study"]
    assert kept(ACTOR_EVENTS, actors={"nobody", "iom"}, match=Match.ALL) == []


def test_lists_and_plain_strings_make_the_same_filter_as_frozen_values():
    loose = EventFilter(actors=["spain", "iom"], match="all", tags=["a"])

    frozen = EventFilter(actors=frozenset({"iom", "spain"}), match=Match.ALL, tags=frozenset("a"))

    assert loose == frozen
    assert hash(loose) == hash(frozen)


def test_adding_and_removing_an_actor_gives_new_filters():
    base = EventFilter(actors={"spain"})

    assert base.with_actor("iom").actors == {"spain", "iom"}
    assert base.without_actor("spain").is_empty
    assert base.actors == {"spain"}


# -- tags --------------------------------------------------------------------------------


TAGGED = given_events(
    event("law", "2000", tags=("law",), actors=("spain",)),
    event("campaign", "2009", tags=("campaign", "awareness")),
    event("both", "2010", tags=("law", "campaign"), actors=("mexico",)),
    event("untagged", "2011", actors=("spain",)),
)


def test_tags_keep_events_with_any_of_them():
    assert kept(TAGGED, tags={"law"}) == ["law", "both"]
    assert kept(TAGGED, tags={"law", "awareness"}) == ["law", "campaign", "both"]


def test_tags_and_actors_must_both_hold():
    assert kept(TAGGED, tags={"law"}, actors={"spain"}) == ["law"]


def test_an_unknown_tag_matches_nothing():
    assert kept(TAGGED, tags={"missing"}) == []


# -- text --------------------------------------------------------------------------------


TEXTS = given_events(
    event("malaga", "2010", title="Conference in Málaga", summary="Held by UNODC."),
    event("strasse", "2011", title="Meeting", summary="On the Königsstraße in Stuttgart."),
    event("blue", "2009", title="Blue Heart Campaign launched", summary="A  heart\nthat is blue."),
    event("plain", "2012", title="Report", summary="Nothing to see", actors=("spain",)),
)


def test_text_ignores_case_in_titles_and_summaries():
    assert kept(TEXTS, text="unodc") == ["malaga"]
    assert kept(TEXTS, text="CONFERENCE") == ["malaga"]


def test_text_ignores_accents_either_way():
    assert kept(TEXTS, text="malaga") == ["malaga"]
    assert kept(TEXTS, text="MÁLAGA") == ["malaga"]
    assert kept(TEXTS, text="konigsstrasse") == ["strasse"]


def test_every_word_must_occur_but_not_side_by_side():
    assert kept(TEXTS, text="heart blue") == ["blue"]
    assert kept(TEXTS, text="heart malaga") == []


def test_a_quoted_phrase_must_occur_as_written_across_spacing_and_lines():
    assert kept(TEXTS, text='"blue heart"') == ["blue"]
    assert kept(TEXTS, text='"heart that"') == ["blue"]
    assert kept(TEXTS, text='"heart blue"') == []


def test_a_phrase_does_not_run_from_one_event_into_the_next():
    # "blue." ends one event's text and "Report" is the title of the next one.
    assert kept(TEXTS, text='"blue. report"') == []
    assert kept(TEXTS, text="stuttgart.") == ["strasse"]


def test_blank_text_and_empty_quotes_filter_nothing():
    assert EventFilter(text='   "" ').is_empty
    assert kept(TEXTS, text="  ") == ["malaga", "strasse", "blue", "plain"]


def test_fold_drops_case_accents_and_extra_spaces():
    assert fold("  Ça  VA\tbien ") == "ca va bien"
    assert fold("Straße") == "strasse"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_fold_treats_every_character_by_one_rule_whatever_the_script(text):
    # Latin-1 text takes a faster road than other scripts; both must end in the same place.
    by_character = " ".join(text.translate(_FOLDED_CHARS).split())

    assert fold(text) == by_character
    assert fold(by_character) == by_character


def test_text_search_when_most_events_match_still_finds_each_of_them():
    # Past a number of hits the scan switches to looking into each remaining event.
    titles = [("Heart" if i % 3 else "Other") + f" {i}" for i in range(300)]
    dataset = given_events(*(event(f"e{i}", "2000", title=t) for i, t in enumerate(titles)))

    assert kept(dataset, text="heart") == [f"e{i}" for i in range(300) if i % 3]
    assert kept(dataset, text="other") == [f"e{i}" for i in range(300) if not i % 3]


def test_text_search_within_few_candidates_agrees_with_the_full_scan():
    # Thirty unrelated events make the actor filter leave few candidates, which takes the
    # per-candidate path; the same words without the actor scan the whole text.
    filler = [event(f"filler-{i}", "2000", title=f"Heart {i}") for i in range(30)]
    dataset = given_events(
        *filler,
        event("hit", "2001", title="Heart of Spain", actors=("spain",)),
        event("miss", "2002", title="Spain", actors=("spain",)),
    )

    assert kept(dataset, text="heart", actors={"spain"}) == ["hit"]
    assert len(kept(dataset, text="heart")) == 31


# -- date range --------------------------------------------------------------------------


DATED = given_events(
    event("year-2010", "2010"),
    event("june-2010", "2010-06-30"),
    event("july-2010", "2010-07-01"),
    event("span-2008-2009", "2008", end="2009-12-31"),
    event("span-2009-2011", "2009", end="2011"),
    event("ongoing-from-2012", "2012", span=True),
    event("on-or-after-2015", "2015/.."),
    event("undated"),
)


def test_a_year_only_date_overlaps_a_range_starting_mid_year():
    assert "year-2010" in kept(DATED, date_from=first_day("2010-07-01"), date_to=first_day("2011"))


def test_the_range_end_is_exclusive_and_its_start_inclusive():
    assert kept(DATED, date_from=first_day("2010-06-30"), date_to=first_day("2010-07-01")) == [
        "year-2010",
        "june-2010",
        "span-2009-2011",
    ]


def test_spans_are_kept_when_they_overlap_the_range():
    found = kept(DATED, date_from=first_day("2009-12-31"), date_to=first_day("2010-01-01"))

    assert found == ["span-2008-2009", "span-2009-2011"]


def test_an_ongoing_span_overlaps_everything_after_its_start_but_nothing_before():
    assert "ongoing-from-2012" in kept(DATED, date_from=first_day("2300"), date_to=first_day("2301"))
    assert "ongoing-from-2012" not in kept(DATED, date_to=first_day("2012"))
    assert "ongoing-from-2012" in kept(DATED, date_to=first_day("2012-01-02"))


def test_an_open_ended_date_may_fall_on_any_later_day():
    assert "on-or-after-2015" in kept(DATED, date_from=first_day("2090"))
    assert "on-or-after-2015" not in kept(DATED, date_to=first_day("2015"))


def test_undated_events_leave_only_when_a_date_range_is_set():
    assert "undated" in kept(DATED)
    assert "undated" in kept(DATED, text="undated")
    assert "undated" not in kept(DATED, date_from=first_day("1900"))
    assert "undated" not in kept(DATED, date_to=first_day("2100"))


def test_a_one_sided_range_is_open_on_the_other_side():
    assert kept(DATED, date_from=first_day("2013")) == ["ongoing-from-2012", "on-or-after-2015"]
    assert kept(DATED, date_to=first_day("2009")) == ["span-2008-2009"]


def test_a_range_ending_before_it_starts_keeps_nothing():
    assert kept(DATED, date_from=first_day("2011"), date_to=first_day("2010")) == []
    assert kept(DATED, date_from=first_day("2010"), date_to=first_day("2010")) == []


def test_a_span_with_an_unknown_start_reaches_into_the_past():
    dataset = given_events(Event("unknown-start", "x", end=parse_edtf("2005"), is_span=True))

    assert kept(dataset, date_to=first_day("1500")) == ["unknown-start"]
    assert kept(dataset, date_from=first_day("2006")) == []


# -- saving ------------------------------------------------------------------------------


def test_a_filter_survives_a_round_trip_through_its_dict():
    original = EventFilter(
        actors={"spain", "unodc"},
        match=Match.ALL,
        include_children=True,
        tags={"law"},
        text='"blue heart" Málaga',
        date_from=first_day("2010"),
        date_to=first_day("2012-03"),
    )

    assert EventFilter.from_dict(original.to_dict()) == original


def test_the_saved_dict_is_plain_json():
    import json

    saved = EventFilter(actors={"b", "a"}, date_from=12.0).to_dict()

    assert json.loads(json.dumps(saved)) == saved
    assert saved["actors"] == ["a", "b"]


@pytest.mark.parametrize(
    "bad",
    [
        None,
        "spain",
        42,
        ["actors"],
        {},
        {"version": 99, "colour": "red"},
        {"actors": "spain", "tags": 3, "text": None},
        {"actors": [1, None, ""], "match": "most", "include_children": "yes"},
        {"date_from": "2010", "date_to": math.nan},
        {"date_from": math.inf, "date_to": True},
        {"date_from": 10**400, "date_to": [2010]},
    ],
)
def test_bad_or_unknown_input_reads_as_the_empty_filter(bad):
    assert EventFilter.from_dict(bad) == EventFilter()


def test_good_fields_survive_next_to_bad_ones():
    restored = EventFilter.from_dict({"actors": ["spain", 7], "match": "any?", "date_to": 100})

    assert restored == EventFilter(actors={"spain"}, date_to=100.0)


def test_known_to_drops_actors_and_tags_the_file_no_longer_has():
    remembered = EventFilter(actors={"spain", "gone"}, tags={"law", "old"}, text="x")

    assert remembered.known_to(TAGGED) == EventFilter(actors={"spain"}, tags={"law"}, text="x")


# -- results -----------------------------------------------------------------------------


def test_results_are_plain_ints_in_file_order():
    result = apply_filter(ACTOR_EVENTS, EventFilter(actors={"unodc", "spain", "tip"}))

    assert result == sorted(result)
    assert all(type(position) is int for position in result)


def test_each_data_set_is_filtered_with_its_own_index():
    # Data sets built one after another may reuse the memory (and id) of a freed one.
    for size in range(1, 6):
        dataset = given_events(*(event(f"e{i}", "2000", actors=("spain",)) for i in range(size)))
        assert apply_filter(dataset, EventFilter(actors={"spain"})) == list(range(size))
        assert apply_filter(dataset, EventFilter(text="e")) == list(range(size))
        del dataset


# -- the filter against a plain reading of its rules --------------------------------------


WORDS = ["blue", "heart", "Málaga", "trata", "SPAIN", "report"]
YEARS = ["2008", "2009", "2010", "2010-07", "2011-02-03", "2012"]
ACTORS = ["unodc", "blue-heart", "spain", "iom"]


@st.composite
def random_events(draw):
    events = []
    for i in range(draw(st.integers(0, 25))):
        start = draw(st.none() | st.sampled_from(YEARS))
        end = draw(st.none() | st.sampled_from(["2012", "2013"])) if start else None
        events.append(
            event(
                f"e{i}",
                start,
                end=end,
                title=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=3))) or "x",
                actors=tuple(draw(st.sets(st.sampled_from(ACTORS)))),
                tags=tuple(draw(st.sets(st.sampled_from(["law", "campaign"])))),
            )
        )
    return given_events(*events)


def reference(dataset: Dataset, f: EventFilter, event: Event) -> bool:
    """The filter's rules read one event at a time, as the docstring states them."""
    groups = [{a, *(dataset.descendants(a) if f.include_children else ())} for a in f.actors]
    hits = [bool(group & set(event.actors)) for group in groups]
    if f.actors and not (all(hits) if f.match is Match.ALL else any(hits)):
        return False
    if f.tags and not f.tags & set(event.tags):
        return False
    text = fold(f"{event.title} {event.summary}")
    if not all(term in text for term in f.terms):
        return False
    if f.date_from is not None or f.date_to is not None:
        first, after_last = event.extent()
        if first is None and after_last is None:
            return False
        first = -math.inf if first is None else first
        after_last = math.inf if after_last is None else after_last
        low = -math.inf if f.date_from is None else f.date_from
        high = math.inf if f.date_to is None else f.date_to
        return low < high and first < high and after_last > low
    return True


filters = st.builds(
    EventFilter,
    actors=st.frozensets(st.sampled_from([*ACTORS, "un"]), max_size=2),
    match=st.sampled_from(Match),
    include_children=st.booleans(),
    tags=st.frozensets(st.sampled_from(["law", "campaign"]), max_size=1),
    text=st.sampled_from(["", "heart", "malaga blue", '"blue heart"', "SPAIN", "a"]),
    date_from=st.none() | st.sampled_from([first_day("2009-06"), first_day("2010-07-01"), first_day("2012")]),
    date_to=st.none() | st.sampled_from([first_day("2010"), first_day("2011-02-04"), first_day("2014")]),
)


@settings(max_examples=60, deadline=None)
@given(dataset=random_events(), event_filter=filters)
def test_the_filter_keeps_exactly_the_events_its_rules_describe(dataset, event_filter):
    expected = [i for i, e in enumerate(dataset.events) if reference(dataset, event_filter, e)]

    assert apply_filter(dataset, event_filter) == expected
    assert filter_mask(dataset, event_filter).tolist() == [
        i in expected for i in range(len(dataset.events))
    ]


# -- the shipped data set ----------------------------------------------------------------


def test_on_the_shipped_data_set_unodc_with_children_adds_the_campaigns_events():
    from explorer.model.load.loader import load_dataset
    from explorer.paths import shipped_dataset

    dataset = load_dataset(shipped_dataset())
    own = set(kept(dataset, actors={"unodc"}))
    family = set(kept(dataset, actors={"unodc"}, include_children=True))
    campaign = set(kept(dataset, actors={"blue-heart-campaign"}))

    assert campaign and own < family
    assert family == own | campaign | set(kept(dataset, actors={"unodc-organized-crime-unit"}))
    with_spain = [e.id for e in dataset.events if "ES" in e.actors]
    assert with_spain and kept(dataset, actors={"ES"}) == with_spain


def test_text_search_of_a_word_in_most_of_many_events_matches_a_plain_scan():
    # Above a few thousand events a common word is searched line by line all at once, a rare
    # one by skipping through the joined text; both must keep exactly what a plain scan keeps.
    words = ("heart", "campaign", "protocol", "report")
    titles = [f"{words[i % 4]} {'in' if i % 5 else 'out'} {i}" for i in range(6000)]
    dataset = given_events(*(event(f"e{i}", "2000", title=t) for i, t in enumerate(titles)))
    for term in ("in", "heart", "out", "5999", "protocol in"):
        expected = [f"e{i}" for i, title in enumerate(titles) if all(w in title for w in term.split())]
        assert kept(dataset, text=term) == expected, term


def test_an_entity_s_events_are_those_naming_it_or_citing_it_each_once_and_counted_alike():
    from explorer.model.filters import FilterIndex

    dataset = given_events(
        event("a", "2001", actors=("un",)),
        event("b", "2002", actors=("un", "iom"), protocols=("un",)),  # "un" both ways at once
        event("c", "2003", protocols=("un", "tip")),
        event("d", "2004", actors=("iom",)),
        event("e", "2005", protocols=("tip",)),
    )
    index = FilterIndex(dataset)
    assert index.positions("un").tolist() == [0, 1, 2]
    assert index.positions("iom").tolist() == [1, 3]
    assert index.positions("tip").tolist() == [2, 4]
    assert index.positions("spain").tolist() == []
    for entity in ("un", "iom", "tip", "untoc", "spain"):
        assert index.event_count(entity) == index.positions(entity).size


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(
    list("aZ é\u00dfµ¼¨´\u00a0\t\n\r\x1c\x85\x00Ž\u2019\u0130Æ\u3000ﬁ")), max_size=12), max_size=20))
def test_folding_many_texts_at_once_folds_each_as_alone(texts):
    from explorer.model.filters import fold_all

    assert fold_all(texts) == [fold(text) for text in texts]


def test_folding_many_texts_goes_batch_by_batch_with_the_same_result(monkeypatch):
    import explorer.model.filters as filters

    texts = [f"Title {n} Ünïcödé\u2019 {'µ' if n % 7 == 0 else ''}  end " for n in range(50)]
    monkeypatch.setattr(filters, "_BATCH", 8)
    assert filters.fold_all(texts) == [fold(text) for text in texts]


def test_an_index_finds_ahead_the_positions_of_its_first_actors_only(monkeypatch):
    dataset = shuffled_events(1)
    monkeypatch.setattr(filters_module, "PREPARED_POSITIONS", 4)
    index = FilterIndex(dataset).prepare()
    ahead = list(index._positions)
    assert ahead == [*dataset.events_by_actor, *dataset.events_by_protocol][:4]
    everyone = [*dataset.events_by_actor, *dataset.events_by_protocol]
    assert len(everyone) > 4
    for entity_id in everyone:  # the others when asked, the same as ahead
        assert index.positions(entity_id).tolist() == [
            p for p, e in enumerate(dataset.events) if entity_id in (*e.actors, *e.protocols)]


def test_the_extents_are_each_event_s_own_extent_unknown_ends_infinite_undated_nan():
    # `Event.extent` reads its values' first and last days itself, for speed: it must say
    # what `day_extent` of its start and of its last value say.
    from benchmarks.make_dataset import make
    from explorer.model.dates import day_extent
    from explorer.model.load.loader import load_text
    from tests.helpers.builders import given_events, point, span, undated

    built = given_events(point("year", "2009"), point("before", "../2013-07-03"),
                         point("after", "2010-07/.."), span("ongoing", "2009-03", None),
                         span("unknown start", None, "2001"), span("season", "2001-21", "2003~"),
                         undated("undated"), point("approximate", "1990~"))
    for dataset in (built, load_text(make(300, 12))):
        low, high = FilterIndex(dataset).extents
        for position, event in enumerate(dataset.events):
            if not event.is_dated:
                assert math.isnan(low[position]) and math.isnan(high[position])
                continue
            first, after = event.extent()
            assert first == day_extent(event.start)[0]
            assert after == day_extent(event.end if event.is_span else event.start)[1]
            assert low[position] == (-math.inf if first is None else first)
            assert high[position] == (math.inf if after is None else after)
