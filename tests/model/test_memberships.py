"""Specs for memberships: stages from statuses, one standing per member on a given day, and
member counts by stage over time."""

from __future__ import annotations

import pytest

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Membership, Organization, Protocol
from explorer.model.memberships import (
    STATUS_STAGES,
    Certainty,
    Stage,
    as_of,
    membership_targets,
    stage_curves,
    stage_of,
    stage_words,
    target_members,
)
from tests.helpers.days import first_day


def last_day(text: str) -> int:
    return parse_edtf(text).latest


def acted(
    member: str, of: str, date: str | None, status: str = "joined", until: str | None = None
) -> Membership:
    return Membership(
        member=member,
        of=of,
        status=status,
        date=None if date is None else parse_edtf(date),
        until=None if until is None else parse_edtf(until),
    )


def given_memberships(*memberships: Membership) -> Dataset:
    return Dataset.build(
        organizations=[
            Organization("unodc", "UNODC"),
            Organization("blue-heart", "Blue Heart Campaign", parent="unodc"),
            Organization("iom", "IOM"),
        ],
        protocols=[Protocol("tip", "Trafficking in Persons Protocol")],
        countries=[Country(c, c.title()) for c in ("mexico", "spain", "portugal", "chile", "peru")],
        memberships=memberships,
    )


CAMPAIGN = given_memberships(
    acted("mexico", "blue-heart", "2010-04"),
    acted("spain", "blue-heart", "2010-06"),
    acted("portugal", "blue-heart", "2012-04"),
)


def standings(dataset: Dataset, target: str, on: float) -> dict[str, str]:
    return {s.member: stage_words(s) for s in as_of(dataset, target, on)}


# -- stages --------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "stage"), [
    ("signed", Stage.SIGNATORY), ("ratified", Stage.PARTY), ("acceded", Stage.PARTY),
    ("accepted", Stage.PARTY), ("approved", Stage.PARTY), ("succeeded", Stage.PARTY),
    ("formal confirmation", Stage.PARTY), ("definitive signature", Stage.PARTY),
    ("joined", Stage.MEMBER), ("withdrew", Stage.LEFT), ("denounced", Stage.LEFT),
    ("left", Stage.LEFT), ("Ratified", Stage.PARTY), ("  Formal   Confirmation ", Stage.PARTY),
    ("accession", Stage.PARTY), ("observer", None), ("", None),
])
def test_each_status_reaches_its_stage(status, stage):
    assert stage_of(status) is stage


def test_every_known_status_reaches_a_stage():
    assert all(stage_of(status) is stage for status, stage in STATUS_STAGES.items())


def test_a_ratification_after_a_signature_makes_one_party_not_two_members():
    dataset = given_memberships(
        acted("chile", "tip", "2000-12-13", "signed"),
        acted("chile", "tip", "2004-11-29", "ratified"),
    )
    assert standings(dataset, "tip", first_day("2002")) == {"chile": "signatory"}
    assert standings(dataset, "tip", first_day("2005")) == {"chile": "party"}
    (standing,) = as_of(dataset, "tip", first_day("2005"))
    assert standing.since == parse_edtf("2004-11-29")
    assert standing.action.status == "ratified"


def test_a_member_listed_twice_by_mistake_is_one_member():
    dataset = given_memberships(
        acted("peru", "tip", "2002-01-23", "ratified"),
        acted("peru", "tip", "2002-01-23", "ratified"),
    )
    assert len(as_of(dataset, "tip", first_day("2003"))) == 1
    counts = target_members(dataset, "tip").counts(first_day("2003"))
    assert counts.sure == {Stage.PARTY: 1}


def test_a_withdrawal_leaves_and_a_new_ratification_returns():
    dataset = given_memberships(
        acted("peru", "tip", "2002", "ratified"),
        acted("peru", "tip", "2008-05-01", "withdrew"),
        acted("peru", "tip", "2011-02-01", "acceded"),
    )
    assert standings(dataset, "tip", first_day("2007")) == {"peru": "party"}
    assert standings(dataset, "tip", first_day("2009")) == {"peru": "left"}
    assert standings(dataset, "tip", first_day("2012")) == {"peru": "party"}
    counts = target_members(dataset, "tip").counts(first_day("2009"))
    assert counts.sure == {Stage.LEFT: 1} and counts.text() == "0 members, 1 left"


def test_a_leave_before_any_action_means_nothing():
    dataset = given_memberships(acted("peru", "tip", "2001", "withdrew"),
                                acted("peru", "tip", "2003", "ratified"))
    assert standings(dataset, "tip", first_day("2002")) == {}
    assert standings(dataset, "tip", first_day("2004")) == {"peru": "party"}


def test_an_unknown_status_reaches_no_stage():
    dataset = given_memberships(acted("peru", "tip", "2002", "observer"))
    assert standings(dataset, "tip", first_day("2005")) == {}


# -- as of ---------------------------------------------------------------------------------


def test_as_of_2011_mexico_and_spain_are_members_and_portugal_is_not():
    assert standings(CAMPAIGN, "blue-heart", first_day("2011-01-01")) == {
        "mexico": "member",
        "spain": "member",
    }


def test_a_month_precision_date_is_only_possibly_a_membership_within_that_month():
    assert standings(CAMPAIGN, "blue-heart", first_day("2010-04-15")) == {"mexico": "possibly a member"}


def test_a_month_precision_date_is_sure_from_the_last_day_of_the_month():
    assert standings(CAMPAIGN, "blue-heart", first_day("2010-04-30")) == {"mexico": "member"}
    assert standings(CAMPAIGN, "blue-heart", first_day("2010-03-31")) == {}


def test_an_imprecise_ratification_after_a_sure_signature_is_possibly_a_party():
    dataset = given_memberships(acted("chile", "tip", "2000-12-13", "signed"),
                                acted("chile", "tip", "2004", "ratified"))
    (standing,) = as_of(dataset, "tip", first_day("2004-06-01"))
    assert (standing.sure, standing.stage, standing.certainty) == (
        Stage.SIGNATORY, Stage.PARTY, Certainty.POSSIBLE)
    assert stage_words(standing) == "signatory, possibly a party"


def test_a_day_precision_date_is_a_membership_from_that_very_day():
    dataset = given_memberships(acted("chile", "tip", "2004-11-29", "ratified"))

    assert standings(dataset, "tip", first_day("2004-11-28")) == {}
    assert standings(dataset, "tip", first_day("2004-11-29")) == {"chile": "party"}


def test_a_fraction_of_a_day_counts_as_that_day():
    dataset = given_memberships(acted("chile", "tip", "2004-11-29", "ratified"))

    assert standings(dataset, "tip", first_day("2004-11-29") + 0.75) == {"chile": "party"}
    assert standings(dataset, "tip", first_day("2004-11-29") - 0.25) == {}


def test_until_ends_a_membership_on_that_day():
    dataset = given_memberships(acted("spain", "iom", "1990", until="2000-06-15"))

    assert standings(dataset, "iom", first_day("2000-06-14")) == {"spain": "member"}
    assert standings(dataset, "iom", first_day("2000-06-15")) == {"spain": "left"}


def test_an_imprecise_until_makes_the_end_only_possible():
    dataset = given_memberships(acted("spain", "iom", "1990", until="2000"))

    assert standings(dataset, "iom", first_day("1999-12-31")) == {"spain": "member"}
    assert standings(dataset, "iom", first_day("2000-05-01")) == {"spain": "member, possibly left"}
    assert standings(dataset, "iom", first_day("2001")) == {"spain": "left"}


def test_undated_members_are_kept_with_their_stage_at_any_day():
    dataset = given_memberships(acted("chile", "tip", None, "ratified"), acted("spain", "tip", "2003", "signed"))

    assert standings(dataset, "tip", first_day("1500")) == {"chile": "party (date unknown)"}
    assert standings(dataset, "tip", first_day("2010")) == {
        "chile": "party (date unknown)", "spain": "signatory"}
    counts = target_members(dataset, "tip").counts(first_day("2010"))
    assert (counts.sure, counts.undated) == ({Stage.SIGNATORY: 1}, 1)


def test_a_dated_action_outweighs_an_undated_one_of_the_same_member():
    dataset = given_memberships(acted("spain", "tip", None, "signed"), acted("spain", "tip", "2003", "ratified"))
    assert standings(dataset, "tip", first_day("2002")) == {}
    assert standings(dataset, "tip", first_day("2004")) == {"spain": "party"}


def test_ranges_with_an_open_side_reach_into_the_past_or_the_future():
    on_or_before = given_memberships(acted("chile", "tip", "../2005", "ratified"))
    on_or_after = given_memberships(acted("chile", "tip", "2015/..", "ratified"))

    assert standings(on_or_before, "tip", first_day("1800")) == {"chile": "possibly a party"}
    assert standings(on_or_before, "tip", first_day("2006")) == {"chile": "party"}
    assert standings(on_or_after, "tip", first_day("2014")) == {}
    assert standings(on_or_after, "tip", first_day("2500")) == {"chile": "possibly a party"}


def test_as_of_keeps_the_order_in_which_members_first_appear():
    found = as_of(CAMPAIGN, "blue-heart", first_day("2013"))
    assert [s.member for s in found] == ["mexico", "spain", "portugal"]
    assert all(s.certainty is Certainty.SURE for s in found)


def test_a_target_without_memberships_has_no_members():
    assert as_of(CAMPAIGN, "iom", first_day("2013")) == []


def test_only_the_memberships_a_filter_keeps_are_counted():
    kept = {0, 2}  # mexico and portugal
    assert [s.member for s in as_of(CAMPAIGN, "blue-heart", first_day("2013"), kept)] == ["mexico", "portugal"]


def test_signatories_count_every_member_that_signed_parties_or_not():
    dataset = given_memberships(
        acted("chile", "tip", "2000-12-13", "signed"), acted("chile", "tip", "2004-11-29", "ratified"),
        acted("peru", "tip", "2001-03-01", "signed"),
        acted("spain", "tip", "2005-02-02", "acceded"),
    )
    counts = target_members(dataset, "tip").counts(first_day("2006"))
    assert counts.sure == {Stage.PARTY: 2, Stage.SIGNATORY: 1}
    assert counts.signed == 2
    assert counts.text() == "2 parties, 1 signatory only"


def test_what_can_be_joined_lists_organizations_then_protocols_with_members():
    dataset = given_memberships(
        acted("chile", "tip", "2004"), acted("spain", "blue-heart", "2010")
    )

    assert [t.id for t in membership_targets(dataset)] == ["blue-heart", "tip"]


def test_what_can_be_joined_is_found_once_for_a_data_set_and_the_same_with_its_membership_events(monkeypatch):
    from explorer.model import memberships
    from explorer.model.membership_events import with_membership_events

    monkeypatch.setattr(memberships, "_TARGETS_FOUND", type(memberships._TARGETS_FOUND)())
    dataset = given_memberships(acted("chile", "tip", "2004"), acted("spain", "blue-heart", "2010"))
    first = membership_targets(dataset)
    first.append("changed by its caller")  # a copy: what is kept stays as found
    shown = with_membership_events(dataset)
    assert shown is not dataset
    assert [t.id for t in membership_targets(shown)] == ["blue-heart", "tip"]
    assert len(memberships._TARGETS_FOUND) == 1  # the two share their entities and memberships
    other = given_memberships(acted("spain", "tip", "2011"))
    assert [t.id for t in membership_targets(other)] == ["tip"]
    assert len(memberships._TARGETS_FOUND) == 2


# -- counts over time -----------------------------------------------------------------------


def test_the_sure_curve_steps_up_at_each_last_possible_day():
    curves = stage_curves(CAMPAIGN, "blue-heart")

    assert curves.sure[Stage.MEMBER] == (
        (last_day("2010-04"), 1),
        (last_day("2010-06"), 2),
        (last_day("2012-04"), 3),
    )


def test_the_possible_curve_steps_up_at_each_first_possible_day():
    curves = stage_curves(CAMPAIGN, "blue-heart")

    assert curves.possible[Stage.MEMBER] == (
        (first_day("2010-04"), 1), (first_day("2010-06"), 2), (first_day("2012-04"), 3))


def test_counts_on_a_day_read_the_step_in_force():
    curves = stage_curves(CAMPAIGN, "blue-heart")

    assert curves.at(first_day("2009"))[Stage.MEMBER] == (0, 0)
    assert curves.at(first_day("2010-04-15"))[Stage.MEMBER] == (0, 1)
    assert curves.at(first_day("2011-01-01"))[Stage.MEMBER] == (2, 2)
    assert curves.at(first_day("2012-04-02"))[Stage.MEMBER] == (2, 3)
    assert curves.at(first_day("2030"))[Stage.MEMBER] == (3, 3)
    assert (curves.first, curves.last) == (first_day("2010-04"), last_day("2012-04"))


def test_until_brings_the_counts_down():
    dataset = given_memberships(
        acted("spain", "iom", "1990"),
        acted("chile", "iom", "1995", until="2000-06"),
    )

    curves = stage_curves(dataset, "iom")

    assert curves.sure[Stage.MEMBER] == (
        (last_day("1990"), 1),
        (last_day("1995"), 2),
        (first_day("2000-06"), 1),
    )
    assert curves.possible[Stage.MEMBER] == (
        (first_day("1990"), 1), (first_day("1995"), 2), (last_day("2000-06"), 1))


def test_a_signatory_moves_from_the_signatory_curve_to_the_party_curve():
    dataset = given_memberships(
        acted("chile", "tip", "2000-12-13", "signed"),
        acted("chile", "tip", "2004-11-29", "ratified"),
    )
    curves = stage_curves(dataset, "tip")

    assert curves.sure[Stage.SIGNATORY] == ((first_day("2000-12-13"), 1), (first_day("2004-11-29"), 0))
    assert curves.sure[Stage.PARTY] == ((first_day("2004-11-29"), 1),)
    assert curves.stages() == [Stage.PARTY, Stage.SIGNATORY]


def test_undated_members_are_counted_apart_from_the_curves():
    dataset = given_memberships(
        acted("chile", "tip", None),
        acted("spain", "tip", None),
        acted("spain", "tip", "2003"),
    )

    curves = stage_curves(dataset, "tip")

    assert curves.undated == 1
    assert curves.possible[Stage.MEMBER] == ((first_day("2003"), 1),)


def test_a_member_since_an_unknown_time_is_possible_from_where_the_chart_starts():
    dataset = given_memberships(acted("chile", "tip", "../2005"), acted("spain", "tip", "2001"))

    curves = stage_curves(dataset, "tip")

    assert curves.possible[Stage.MEMBER] == ((first_day("2001"), 2),)
    assert curves.sure[Stage.MEMBER] == ((last_day("2001"), 1), (last_day("2005"), 2))


def test_an_open_ended_join_is_never_sure():
    dataset = given_memberships(acted("chile", "tip", "2015/.."))

    curves = stage_curves(dataset, "tip")
    assert curves.sure[Stage.MEMBER] == ()
    assert curves.possible[Stage.MEMBER] == ((first_day("2015"), 1),)


def test_the_possible_count_of_held_stages_is_never_below_the_sure_count():
    dataset = given_memberships(
        acted("mexico", "blue-heart", "2010-04"),
        acted("spain", "blue-heart", "2010~", until="2014?"),
        acted("portugal", "blue-heart", "201X"),
        acted("chile", "blue-heart", "2012-21", until="2013-06"),
    )
    curves = stage_curves(dataset, "blue-heart")

    for stage in curves.stages():
        for breakpoint, _count in (*curves.sure[stage], *curves.possible[stage]):
            for probe in (breakpoint - 1, breakpoint):
                sure, possible = curves.at(probe)[stage]
                assert sure <= possible <= 4
