"""The membership answers on real treaty data: the UN Treaty Collection's status tables of
UNTOC and its Protocols (April 2012) give the official numbers of parties and signatories."""

from __future__ import annotations

import pytest

from explorer.model.load.loader import load_dataset, load_text
from explorer.model.memberships import Stage, as_of, target_members
from tests.helpers.days import first_day
from tests.helpers.paths import shared_data
from tests.helpers.untc import untc_as_timeline

SNAPSHOT = first_day("2012-04-06")


@pytest.fixture(scope="module")
def treaties():
    path = shared_data("memberships/untc_status_2012_untoc_and_protocols.csv")
    return load_text(untc_as_timeline(path), "untc.yaml")


@pytest.mark.parametrize(("treaty", "parties", "signatories"), [
    ("tip-protocol", 147, 117),
    ("untoc", 166, 147),
    ("smuggling-protocol", 129, 112),
])
def test_the_official_numbers_of_parties_and_signatories(treaties, treaty, parties, signatories):
    counts = target_members(treaties, treaty).counts(SNAPSHOT)
    assert counts.sure.get(Stage.PARTY, 0) == parties
    assert counts.signed == signatories
    assert counts.possible.get(Stage.PARTY, 0) == parties  # every date is a day: nothing only possible
    assert not treaties.warnings  # every UN action word is known


def test_the_protocol_on_the_day_it_entered_into_force():
    """The issue's finding: 162 "members" were listed with Albania twice; 121 states had acted
    and 45 were parties."""
    dataset = load_dataset(shared_data("memberships/treaties_2012.yaml"))
    day = first_day("2003-12-25")
    assert not dataset.warnings  # succeeded and accepted are UN action types, not misspellings
    standings = as_of(dataset, "tip-protocol", day)
    assert len(standings) == 121
    assert len({s.member for s in standings}) == 121
    counts = target_members(dataset, "tip-protocol").counts(day)
    assert counts.sure == {Stage.PARTY: 45, Stage.SIGNATORY: 76}
    assert counts.text() == "45 parties, 76 signatories only"
