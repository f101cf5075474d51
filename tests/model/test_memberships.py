"""Specs for memberships: who belonged on a given day, and member counts over time."""

from __future__ import annotations

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Membership, Organization, Protocol
from explorer.model.memberships import (
    MemberCurve,
    Standing,
    as_of,
    cumulative_members,
    membership_targets,
    standing,
)
from tests.helpers.days import first_day


def last_day(text: str) -> int:
    return parse_edtf(text).latest


def joined(
    member: str, of: str, date: str | None, until: str | None = None, status: str = "joined"
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
        countries=[Country(c, c.title()) for c in ("mexico", "spain", "portugal", "chile")],
        memberships=memberships,
    )


CAMPAIGN = given_memberships(
    joined("mexico", "blue-heart", "2010-04"),
    joined("spain", "blue-heart", "2010-06"),
    joined("portugal", "blue-heart", "2012-04"),
)


def standings(dataset: Dataset, target: str, on: float) -> dict[str, str]:
    return {m.member: state.value for m, state in as_of(dataset, target, on)}


# -- as of -------------------------------------------------------------------------------


def test_as_of_2011_mexico_and_spain_are_members_and_portugal_is_not():
    assert standings(CAMPAIGN, "blue-heart", first_day("2011-01-01")) == {
        "mexico": "member",
        "spain": "member",
    }


def test_a_month_precision_date_is_only_possibly_a_membership_within_that_month():
    assert standings(CAMPAIGN, "blue-heart", first_day("2010-04-15")) == {"mexico": "possibly"}


def test_a_month_precision_date_is_sure_from_the_last_day_of_the_month():
    assert standings(CAMPAIGN, "blue-heart", first_day("2010-04-30")) == {"mexico": "member"}
    assert standings(CAMPAIGN, "blue-heart", first_day("2010-03-31")) == {}


def test_a_day_precision_date_is_a_membership_from_that_very_day():
    dataset = given_memberships(joined("chile", "tip", "2004-11-29"))

    assert standings(dataset, "tip", first_day("2004-11-28")) == {}
    assert standings(dataset, "tip", first_day("2004-11-29")) == {"chile": "member"}


def test_a_fraction_of_a_day_counts_as_that_day():
    dataset = given_memberships(joined("chile", "tip", "2004-11-29"))

    assert standings(dataset, "tip", first_day("2004-11-29") + 0.75) == {"chile": "member"}
    assert standings(dataset, "tip", first_day("2004-11-29") - 0.25) == {}


def test_until_ends_a_membership_on_that_day():
    dataset = given_memberships(joined("spain", "iom", "1990", until="2000-06-15"))

    assert standings(dataset, "iom", first_day("2000-06-14")) == {"spain": "member"}
    assert standings(dataset, "iom", first_day("2000-06-15")) == {}


def test_an_imprecise_until_makes_the_end_only_possible():
    dataset = given_memberships(joined("spain", "iom", "1990", until="2000"))

    assert standings(dataset, "iom", first_day("1999-12-31")) == {"spain": "member"}
    assert standings(dataset, "iom", first_day("2000-05-01")) == {"spain": "possibly"}
    assert standings(dataset, "iom", first_day("2001")) == {}


def test_undated_memberships_are_kept_as_unknown_at_any_day():
    dataset = given_memberships(joined("chile", "tip", None), joined("spain", "tip", "2003"))

    assert standings(dataset, "tip", first_day("1500")) == {"chile": "unknown"}
    assert standings(dataset, "tip", first_day("2010")) == {"chile": "unknown", "spain": "member"}


def test_an_undated_membership_whose_end_surely_passed_is_left_out():
    dataset = given_memberships(joined("chile", "tip", None, until="2005"))

    assert standings(dataset, "tip", first_day("2005-06")) == {"chile": "unknown"}
    assert standings(dataset, "tip", first_day("2006")) == {}


def test_ranges_with_an_open_side_reach_into_the_past_or_the_future():
    on_or_before = given_memberships(joined("chile", "tip", "../2005"))
    on_or_after = given_memberships(joined("chile", "tip", "2015/.."))

    assert standings(on_or_before, "tip", first_day("1800")) == {"chile": "possibly"}
    assert standings(on_or_before, "tip", first_day("2006")) == {"chile": "member"}
    assert standings(on_or_after, "tip", first_day("2014")) == {}
    assert standings(on_or_after, "tip", first_day("2500")) == {"chile": "possibly"}


def test_as_of_keeps_the_file_order_and_the_membership_itself():
    found = as_of(CAMPAIGN, "blue-heart", first_day("2013"))

    assert [m for m, _ in found] == list(CAMPAIGN.memberships)
    assert all(state is Standing.MEMBER for _, state in found)


def test_a_target_without_memberships_has_no_members():
    assert as_of(CAMPAIGN, "iom", first_day("2013")) == []
    assert standing(CAMPAIGN.memberships[0], first_day("2013")) is Standing.MEMBER


def test_what_can_be_joined_lists_organizations_then_protocols_with_members():
    dataset = given_memberships(
        joined("chile", "tip", "2004"), joined("spain", "blue-heart", "2010")
    )

    assert [t.id for t in membership_targets(dataset)] == ["blue-heart", "tip"]


# -- cumulative counts -------------------------------------------------------------------


def test_the_sure_curve_steps_up_at_each_last_possible_day():
    curve = cumulative_members(CAMPAIGN, "blue-heart")

    assert curve.sure == (
        (last_day("2010-04"), 1),
        (last_day("2010-06"), 2),
        (last_day("2012-04"), 3),
    )


def test_the_possible_curve_steps_up_at_each_first_possible_day():
    curve = cumulative_members(CAMPAIGN, "blue-heart")

    assert curve.possible == ((first_day("2010-04"), 1), (first_day("2010-06"), 2), (first_day("2012-04"), 3))


def test_counts_on_a_day_read_the_step_in_force():
    curve = cumulative_members(CAMPAIGN, "blue-heart")

    assert curve.at(first_day("2009")) == (0, 0)
    assert curve.at(first_day("2010-04-15")) == (0, 1)
    assert curve.at(first_day("2011-01-01")) == (2, 2)
    assert curve.at(first_day("2012-04-02")) == (2, 3)
    assert curve.at(first_day("2030")) == (3, 3)


def test_until_brings_the_counts_down():
    dataset = given_memberships(
        joined("spain", "iom", "1990"),
        joined("chile", "iom", "1995", until="2000-06"),
    )

    curve = cumulative_members(dataset, "iom")

    assert curve.sure == (
        (last_day("1990"), 1),
        (last_day("1995"), 2),
        (first_day("2000-06"), 1),
    )
    assert curve.possible == ((first_day("1990"), 1), (first_day("1995"), 2), (last_day("2000-06"), 1))


def test_a_member_that_signed_then_ratified_counts_once():
    dataset = given_memberships(
        joined("chile", "tip", "2000-12-13", status="signed"),
        joined("chile", "tip", "2004-11-29", status="ratified"),
    )

    assert cumulative_members(dataset, "tip").sure == ((first_day("2000-12-13"), 1),)


def test_the_counts_can_follow_one_status_only():
    dataset = given_memberships(
        joined("chile", "tip", "2000-12-13", status="signed"),
        joined("chile", "tip", "2004-11-29", status="ratified"),
        joined("spain", "tip", "2002", status="signed"),
    )

    assert cumulative_members(dataset, "tip", statuses={"ratified"}).sure == (
        (first_day("2004-11-29"), 1),
    )


def test_undated_members_are_counted_apart_from_the_curves():
    dataset = given_memberships(
        joined("chile", "tip", None),
        joined("spain", "tip", None),
        joined("spain", "tip", "2003"),
    )

    curve = cumulative_members(dataset, "tip")

    assert curve.undated == 1
    assert curve.possible == ((first_day("2003"), 1),)


def test_a_member_since_an_unknown_time_is_possible_from_where_the_chart_starts():
    dataset = given_memberships(joined("chile", "tip", "../2005"), joined("spain", "tip", "2001"))

    curve = cumulative_members(dataset, "tip")

    assert curve.possible == ((first_day("2001"), 2),)
    assert curve.sure == ((last_day("2001"), 1), (last_day("2005"), 2))


def test_an_open_ended_join_is_never_sure():
    dataset = given_memberships(joined("chile", "tip", "2015/.."))

    assert cumulative_members(dataset, "tip") == MemberCurve(sure=(), possible=((first_day("2015"), 1),))


def test_the_possible_count_is_never_below_the_sure_count():
    dataset = given_memberships(
        joined("mexico", "blue-heart", "2010-04"),
        joined("spain", "blue-heart", "2010~", until="2014?"),
        joined("portugal", "blue-heart", "201X"),
        joined("chile", "blue-heart", "2012-21", until="2013-06"),
    )
    curve = cumulative_members(dataset, "blue-heart")

    for breakpoint, _count in (*curve.sure, *curve.possible):
        for probe in (breakpoint - 1, breakpoint):
            sure, possible = curve.at(probe)
            assert sure <= possible
            assert possible <= 4
