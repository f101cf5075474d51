"""The shipped Blue Heart data set holds the seed article's facts with their dates, precision
and sources; the format reference's examples and date table agree with the code."""

from __future__ import annotations

import re

import pytest

from explorer.cli import report
from explorer.cli.main import main
from explorer.model.calendar import days_from_civil
from explorer.model.dates import EdtfInterval, Precision, parse_edtf
from explorer.model.load.loader import load_dataset
from explorer.model.memberships import Certainty, Stage, as_of
from explorer.paths import shipped_dataset
from tests.helpers.days import first_day
from tests.helpers.paths import ROOT

FORMAT_DOC = ROOT / "docs" / "format.md"
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(shipped_dataset())


# (event id, date as written, precision, first possible day, last possible day)
DATED_FACTS = [
    ("unodc-founded", "1997", Precision.YEAR, "1997-01-01", "1997-12-31"),
    ("tip-protocol-adopted", "2000", Precision.YEAR, "2000-01-01", "2000-12-31"),
    ("unodc-becomes-guardian", "2000", Precision.YEAR, "2000-01-01", "2000-12-31"),
    ("tip-protocol-in-force", "2003-12-25", Precision.DAY, "2003-12-25", "2003-12-25"),
    ("blue-heart-launch", "2009-03", Precision.MONTH, "2009-03-01", "2009-03-31"),
    ("ukhtc-blue-heart-partnership", "2009-04", Precision.MONTH, "2009-04-01", "2009-04-30"),
    ("kards-research", "2009", Precision.YEAR, "2009-01-01", "2009-12-31"),
    ("mexico-joins", "2010-04", Precision.MONTH, "2010-04-01", "2010-04-30"),
    ("spain-joins", "2010-06", Precision.MONTH, "2010-06-01", "2010-06-30"),
    ("global-plan-of-action-adopted", "2010-07", Precision.MONTH, "2010-07-01", "2010-07-31"),
    ("eu-directive-adopted", "2011", Precision.YEAR, "2011-01-01", "2011-12-31"),
    ("europol-report-2011", "2011", Precision.YEAR, "2011-01-01", "2011-12-31"),
    ("eu-coordinator-appointed", "2011-12", Precision.MONTH, "2011-12-01", "2011-12-31"),
    ("nite-participates", "2012-02", Precision.MONTH, "2012-02-01", "2012-02-29"),
    ("portugal-joins", "2012-04", Precision.MONTH, "2012-04-01", "2012-04-30"),
    ("obama-proclamation", "2012-12-31", Precision.DAY, "2012-12-31", "2012-12-31"),
    ("trump-proclamation", "2017-12-29", Precision.DAY, "2017-12-29", "2017-12-29"),
    ("prevention-month-2018", "2018-01", Precision.MONTH, "2018-01-01", "2018-01-31"),
]

UNDATED_FACTS = [
    "blue-heart-communication",
    "trust-fund-manager",
    "tip-report-tiers",
    "kenya-play",
    "beulah-london-ethical-clothing",
]

#: Every date the seed article gives, as written in the file; nothing else may appear.
ARTICLE_DATES = {
    "1997", "2000", "2003-12-25", "2009", "2009-03", "2009-04", "2010-04", "2010-06",
    "2010-07", "2010-07/..", "2011", "2011-12", "2012-02", "2012-04", "2012-12-31",
    "2017-12-29", "2018-01",
}


def test_the_shipped_file_loads_cleanly(dataset):
    assert dataset.warnings == ()
    assert dataset.title == "Blue Heart Campaign against Human Trafficking"


@pytest.mark.parametrize(
    ("event_id", "written", "precision", "first", "last"), DATED_FACTS, ids=[f[0] for f in DATED_FACTS]
)
def test_dated_facts_keep_the_articles_date_and_precision(
    dataset, event_id, written, precision, first, last
):
    event = dataset.events_by_id[event_id]
    assert not event.is_span
    assert event.end is None
    assert event.start.text == written
    assert event.start.precision == precision
    assert not (event.start.approximate or event.start.uncertain)
    assert (event.start.earliest, event.start.latest) == (first_day(first), first_day(last))
    assert event.extent() == (first_day(first), first_day(last) + 1)


def test_the_trust_fund_is_only_known_to_follow_july_2010(dataset):
    event = dataset.events_by_id["trust-fund-established"]
    assert not event.is_span
    assert isinstance(event.start, EdtfInterval)
    assert event.start.end_open
    assert event.start.earliest == first_day("2010-07-01")
    assert event.start.latest is None
    assert event.when_words() == "in or after July 2010"


@pytest.mark.parametrize("event_id", UNDATED_FACTS)
def test_undated_facts_are_kept_undated(dataset, event_id):
    event = dataset.events_by_id[event_id]
    assert not event.is_dated
    assert event.start is None and event.end is None
    assert event.extent() == (None, None)


def test_the_kenyan_play_and_beulah_london_are_told_with_their_actors(dataset):
    play = dataset.events_by_id["kenya-play"]
    assert "A Blue Heart, Joy's Story" in play.title
    assert {"fern-poetry", "africa-sanaelimu", "KE"} <= set(play.actors)
    beulah = dataset.events_by_id["beulah-london-ethical-clothing"]
    assert {"beulah-london", "freeset", "openhand", "IN"} <= set(beulah.actors)


def test_every_event_has_an_explicit_id_and_every_fact_is_counted(dataset):
    ids = [event.id for event in dataset.events]
    expected = {fact[0] for fact in DATED_FACTS} | set(UNDATED_FACTS) | {"trust-fund-established"}
    assert len(ids) == len(set(ids))
    assert set(ids) == expected


def test_no_date_in_the_file_is_one_the_article_does_not_give(dataset):
    written = set()
    for event in dataset.events:
        for value in (event.start, event.end):
            if value is not None:
                written.add(value.text)
    for entity in (*dataset.organizations.values(), *dataset.protocols.values()):
        for name in ("founded", "dissolved", "adopted", "in_force"):
            value = getattr(entity, name, None)
            if value is not None:
                written.add(value.text)
    for membership in dataset.memberships:
        written.update(v.text for v in (membership.date, membership.until) if v is not None)
    for era in dataset.eras:
        written.update(v.text for v in (era.start, era.end) if v is not None)
    assert written <= ARTICLE_DATES
    assert "2003-12-25" in written and "2009-03" in written


def test_the_launch_is_costas_in_march_2009(dataset):
    launch = dataset.events_by_id["blue-heart-launch"]
    assert {"unodc", "antonio-maria-costa", "blue-heart-campaign"} <= set(launch.actors)
    assert "Vienna" in launch.summary and "World's Women's Conference" in launch.summary
    assert dataset.organizations["blue-heart-campaign"].founded.text == "2009-03"


def test_portugal_was_launched_by_the_three_people_the_article_names(dataset):
    event = dataset.events_by_id["portugal-joins"]
    assert {"PT", "teresa-morais", "manuel-albano", "pierre-lapaque"} <= set(event.actors)
    assert dataset.people["pierre-lapaque"].name == "Pierre Lapaque"


def test_the_proclamations_name_their_presidents(dataset):
    assert "barack-obama" in dataset.events_by_id["obama-proclamation"].actors
    trump = dataset.events_by_id["trump-proclamation"]
    assert "donald-trump" in trump.actors
    assert len(trump.sources) == 5  # the article's references [10] to [14]


def test_every_event_cites_a_source_and_every_source_is_complete(dataset):
    for event in dataset.events:
        assert event.sources, event.id
        for source_id in event.sources:
            assert source_id in dataset.sources, (event.id, source_id)
    assert len(dataset.sources) == 21  # one per reference of the article
    for source in dataset.sources.values():
        assert source.title, source.id
        assert source.retrieved is not None, source.id
        assert source.retrieved.precision == Precision.DAY, source.id
        assert source.url == "", source.id  # the article gives no addresses


def test_sources_keep_the_articles_citation_details(dataset):
    about = dataset.sources["unodc-about"]
    assert about.title == "About the Blue Heart Campaign"
    assert about.publisher == "United Nations Office on Drugs and Crime"
    assert about.retrieved.text == "2013-03-13"
    assert "dead link" in dataset.sources["unric-blue-heart"].note.lower()
    assert "16 August 2013" in dataset.sources["blue-heart-end-trafficking"].note
    assert dataset.sources["unodc-trust-fund"].retrieved.text == "2013-04-14"
    examiner = dataset.sources["washington-examiner-2017"]
    assert (examiner.date.text, examiner.retrieved.text) == ("2017-12-29", "2018-01-10")


def test_organizations_hang_from_their_parents(dataset):
    organizations = dataset.organizations
    assert organizations["unodc"].parent == "un"
    assert organizations["blue-heart-campaign"].parent == "unodc"
    assert organizations["unodc-organized-crime-unit"].parent == "unodc"
    assert organizations["european-commission"].parent == "eu"
    assert organizations["blue-blindfold-campaign"].parent == "ukhtc"
    assert organizations["nite"].parent == "usf"
    assert {"unodc", "blue-heart-campaign", "un-trust-fund"} <= set(dataset.descendants("un"))
    founded = organizations["unodc"].founded
    assert (founded.text, founded.precision) == ("1997", Precision.YEAR)


def test_the_protocol_sits_under_untoc_with_unodc_as_guardian(dataset):
    protocol = dataset.protocols["tip-protocol"]
    assert protocol.parent == "untoc"
    assert protocol.guardian == "unodc"
    assert (protocol.adopted.text, protocol.adopted.precision) == ("2000", Precision.YEAR)
    assert (protocol.in_force.text, protocol.in_force.precision) == ("2003-12-25", Precision.DAY)
    assert "147" in protocol.description
    assert dataset.protocols["eu-directive-2011-36"].adopted.text == "2011"
    assert dataset.protocols["global-plan-of-action"].adopted.text == "2010-07"


def test_countries_use_their_iso_codes_as_ids(dataset):
    assert {"MX", "ES", "PT", "US", "KE", "IN", "GB"} <= set(dataset.countries)
    for country_id, country in dataset.countries.items():
        assert re.fullmatch(r"[A-Z]{2}", country_id)
        assert country.iso == country_id


def test_mexico_spain_and_portugal_joined_the_campaign_in_their_months(dataset):
    joined = {
        m.member: (m.status, m.date.text, m.date.precision)
        for m in dataset.memberships_by_target["blue-heart-campaign"]
    }
    assert joined == {
        "MX": ("joined", "2010-04", Precision.MONTH),
        "ES": ("joined", "2010-06", Precision.MONTH),
        "PT": ("joined", "2012-04", Precision.MONTH),
    }


def test_as_of_new_year_2011_mexico_and_spain_are_members_and_portugal_is_not(dataset):
    standing = {s.member: (s.stage, s.certainty)
                for s in as_of(dataset, "blue-heart-campaign", first_day("2011-01-01"))}
    assert standing == {"MX": (Stage.MEMBER, Certainty.SURE), "ES": (Stage.MEMBER, Certainty.SURE)}


def test_eras_start_where_the_article_says(dataset):
    campaign = [era for era in dataset.eras if era.title == "Blue Heart Campaign"]
    assert len(campaign) == 1
    assert campaign[0].start.text == "2009-03" and campaign[0].end is None


def test_explorer_check_passes_the_shipped_file(capsys):
    assert main(["check", str(shipped_dataset())]) == report.EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "ok, 24 events, 0 warnings" in captured.err


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_the_format_examples_load_cleanly(example):
    loaded = load_dataset(str(example))
    assert loaded.warnings == ()
    assert loaded.events


def test_the_every_field_example_shows_generated_ids_and_raw_text_ids():
    loaded = load_dataset(str(ROOT / "docs" / "examples" / "every_field.yaml"))
    assert "NO" in loaded.countries
    assert not loaded.events_by_id["something-undated"].is_dated
    assert loaded.events_by_id["ongoing"].is_ongoing


def _complete_files_in_format_doc() -> list[str]:
    blocks = re.findall(r"```yaml\n(.*?)```", FORMAT_DOC.read_text(encoding="utf-8"), re.S)
    return [block for block in blocks if block.startswith("timeline: 1")]


def test_the_complete_files_shown_in_the_format_reference_load_cleanly(tmp_path):
    blocks = _complete_files_in_format_doc()
    assert blocks
    for number, block in enumerate(blocks):
        path = tmp_path / f"block{number}.yaml"
        path.write_text(block, encoding="utf-8")
        assert load_dataset(str(path)).warnings == ()


def _date_table_rows() -> list[tuple[str, str, str, str]]:
    section = FORMAT_DOC.read_text(encoding="utf-8").split("### Forms", 1)[1].split("Rules:", 1)[0]
    rows = re.findall(
        r"^\| `([^`]+)` +\|[^|]+\| (\w+) +\| (\S+) +\| (\S+) +\|$", section, re.M
    )
    return rows


def test_the_format_references_date_table_matches_the_parser():
    rows = _date_table_rows()
    assert len(rows) >= 20
    for written, precision, first, last in rows:
        value = parse_edtf(written)
        assert value.precision.name.lower() == precision, written
        assert value.earliest == (None if first == "none" else _signed_day(first)), written
        assert value.latest == (None if last == "none" else _signed_day(last)), written


def _signed_day(text: str) -> int:
    year, month, dom = re.fullmatch(r"(-?\d+)-(\d\d)-(\d\d)", text).groups()
    return days_from_civil(int(year), int(month), int(dom))


def test_the_format_references_check_example_is_what_explorer_check_prints(
    tmp_path, monkeypatch, capsys
):
    after = FORMAT_DOC.read_text(encoding="utf-8").split("for this file `mine.yaml`:", 1)[1]
    source, expected = re.findall(r"```\n(.*?)```", after, re.S)[:2]
    (tmp_path / "mine.yaml").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "mine.yaml"]) == report.EXIT_DATA_ERROR
    captured = capsys.readouterr()
    assert captured.out.splitlines() == expected.splitlines()
    assert "mine.yaml: 4 errors, 2 warnings" in captured.err
