"""Every file of `../shared/data` imports with no error into a file `explorer check` passes;
for each, the counts and three facts read from the original: a title, a date at its
precision, and a span or an era. The specs skip with a reason when the folder is absent."""

from __future__ import annotations

import csv

import pytest

from explorer.model.importers.source import read_source
from explorer.model.load.loader import load_text
from tests.helpers.importing import event, imported, timing
from tests.helpers.paths import shared_data

PARTY = {"ratified", "acceded", "accepted", "approved", "succeeded"}


def warnings_of(conversion) -> list[str]:
    return [d.message for d in conversion.report.diagnostics()]


# -- TimelineJS JSON ----------------------------------------------------------------------


def test_women_in_computing_json():
    done = imported("timelinejs_json/women_in_computing.json")
    dataset = done.dataset
    assert (len(dataset.events), dataset.title) == (10, "Women in Computing")
    assert timing(event(dataset, "Rózsa Péter writes recursion")) == ("1951",)
    assert timing(event(dataset, "Ada Lovelace")) == ("1815-12-10", "1852-11-27")
    # "1943", "7", "" and "1946", "", "": a span at month and year precision
    assert timing(event(dataset, "...And the women who made it work")) == ("1943-07", "1946")
    assert "Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace)" in event(dataset, "Ada Lovelace").summary
    assert "media" in " ".join(done.report.dropped)


def test_cosmological_years_are_kept_undated_with_their_year_and_bce_is_one_off():
    done = imported("timelinejs_json/cosmo-mixed.json")
    dataset = done.dataset
    assert (len(dataset.events), dataset.title) == (11, "A Brief History of Light")
    big_bang = event(dataset, "The Big Bang")
    assert not big_bang.is_dated and "-13800000000" in big_bang.summary
    assert sum(not e.is_dated for e in dataset.events) == 3
    assert sum("cannot be placed" in w for w in warnings_of(done)) == 3
    # TimelineJS -300 is shown as 300 BCE: EDTF -0299; -300000 is the long year Y-299999
    assert timing(event(dataset, "Euclid's Optica")) == ("-0299",)
    assert timing(event(dataset, "Homo sapiens Appear")) == ("Y-299999",)
    assert timing(event(dataset, "Galileo Points a Telescope at the Moon")) == ("1609-11",)


def test_universal_jurisdiction_json():
    dataset = imported("timelinejs_json/timeline3.json").dataset
    assert (len(dataset.events), dataset.title) == (15, "The Development of Universal Jurisdiction")
    assert timing(event(dataset, "Geneva Conventions adopted")) == ("1949-08-12",)
    assert timing(event(dataset, "Conviction of Yan Petrovsky")) == ("2025-03-14",)
    assert "<p>" not in event(dataset, "Rome Statute adopted").summary


def test_hundred_years_war_lanes_era_and_lane_labels():
    done = imported("timelinejs_json/timeline.json")
    dataset = done.dataset
    # 42 slides, 5 of which only name a lane (no text, display date ".")
    assert len(dataset.events) == 37 and dataset.title == "Hundred Years' War"
    assert done.report.dropped[next(k for k in done.report.dropped if "lane" in k)].count == 5
    (era,) = dataset.eras
    assert (era.title, era.start.text, era.end.text) == ("Hundred Years' War", "1337", "1453-07-17")
    siege = event(dataset, "Siege of Orléans")
    assert timing(siege) == ("1428-10-12", "1429-05-08")
    assert event(dataset, "Henry V").tags == ("Kings of England",)
    assert set(dataset.tags()) == {"Kings of England", "Notable of England", "Events",
                                   "Notable of France", "Kings of France", "Phase"}


# -- TimelineJS spreadsheets --------------------------------------------------------------


def test_women_in_computing_spreadsheet():
    dataset = imported("timelinejs_csv/women_in_computing.csv").dataset
    assert (len(dataset.events), dataset.title) == (10, "Women in Computing")
    assert timing(event(dataset, "Ada Lovelace")) == ("1815-12-10", "1852-11-27")
    assert timing(event(dataset, "...And the women who made it work")) == ("1943-07", "1946")
    assert timing(event(dataset, "Grace Hopper invents the compiler")) == ("1952",)


def test_demo_timeline_spreadsheet_drops_the_time_of_day():
    done = imported("timelinejs_csv/demo-timeline.csv")
    dataset = done.dataset
    assert (len(dataset.events), dataset.title) == (4, "TimelineJS Template Example")
    game = event(dataset, "University of Idaho vs. University of Southern California (Football)")
    assert timing(game) == ("1925-10-30",)
    assert done.report.dropped["times of day"].count == 1
    assert timing(event(dataset, "Administration Building, University of Idaho")) == ("1910",)


def test_germantown_variant_month_first_dates_two_titles_and_untitled_rows():
    done = imported("timelinejs_csv/timeline.csv")
    dataset = done.dataset
    assert len(dataset.events) == 12 and dataset.title == "Administration Building Opens"
    # 03/01/1946 to 03/31/1946, displayed "March 1946": the month
    assert timing(event(dataset, "Interracial Charter Passed")) == ("1946-03",)
    assert timing(event(dataset, "Redevelopment")) == ("2016-11-10",)  # 11-10-2016, month first
    assert timing(event(dataset, "YWCA Colored Branch")) == ("1917", "1952")
    assert any("second title row" in w for w in warnings_of(done))
    untitled = event(dataset, "YWCA threatened by potential demolition")
    assert untitled.summary.startswith("YWCA threatened")


# -- The Timeline Project ----------------------------------------------------------------


def test_release_history_timeline():
    done = imported("timeline_xml/versions.timeline")
    dataset = done.dataset
    assert len(dataset.events) == 59
    release = event(dataset, "Timeline 0.20.0")
    assert timing(release) == ("2013-03-30",) and release.tags == ("Planned Release",)
    assert "Save As" in release.summary
    assert done.report.dropped["times of day"].count > 0


def test_gregorian_sample_eras_containers_and_spans():
    dataset = imported("timeline_xml/gregorian-sample.timeline").dataset
    assert (len(dataset.events), len(dataset.eras)) == (25, 2)
    era = next(e for e in dataset.eras if e.title == "Sample Era1")
    assert (era.start.text, era.end.text) == ("2021-10-27", "2021-11-10")
    container = event(dataset, "Container")  # "[1]Container"
    assert timing(container) == ("2021-10-13", "2021-11-06")
    assert event(dataset, "BarFoo").tags == ("Container", "Välkommen")  # "(1)BarFoo"
    assert timing(event(dataset, "Sparar")) == ("2021-11-24",)


def test_numeric_time_is_written_as_years_and_said_so():
    done = imported("timeline_xml/numeric-sample.timeline")
    dataset = done.dataset
    assert (len(dataset.events), len(dataset.eras)) == (17, 1)
    assert any("numeric time" in k for k in done.report.converted)
    (era,) = dataset.eras
    assert (era.title, era.start.text, era.end.text) == ("Exempel-era", "0020", "0028")
    assert timing(event(dataset, "Container")) == ("0005", "0024")
    linked = event(dataset, "Den här händelsen har en hyperlänk")
    assert len(linked.sources) == 3  # two hyperlinks and the original file
    assert "milestone" in event(dataset, "<").tags


def test_text_format_before_1_0():
    dataset = imported("timeline_xml/DataIndicatorTest.timeline").dataset
    assert len(dataset.events) == 10
    short = event(dataset, "Event with short text")
    assert timing(short) == ("2009-10-05",) and short.summary == "Hello"
    assert timing(event(dataset, "Event with NO data")) == ("2009-09-15", "2009-09-19")
    assert event(dataset, "Event with multiple sentences").summary == "Sentence one\nand two\n1\n2\nHere is more"


# -- vis-timeline -------------------------------------------------------------------------


def test_vis_basic_items():
    dataset = imported("vis_json/basic.json").dataset
    assert len(dataset.events) == 6
    assert timing(event(dataset, "item 1")) == ("2014-04-20",)
    assert timing(event(dataset, "item 4")) == ("2014-04-16", "2014-04-19")


def test_inklings_edtf_intervals_are_spans_at_their_precision():
    done = imported("vis_json/items_test.json")
    dataset = done.dataset
    assert len(dataset.events) == 204
    # "1895-04-20T21:00/1911-10-14~": lasted; the time of day goes, the qualifier stays
    assert timing(event(dataset, "Birmingham and suburbs")) == ("1895-04-20", "1911-10-14~")
    assert timing(event(dataset, "Tolkien meets Edith")) == ("1908-21",)  # spring 1908, not 1 January
    # a level-2 set as the start: "[1921-04-%20..1921-04-%30]/1926-01-04"
    assert timing(event(dataset, "Leeds")) == ("1921-04-20%/1921-04-30%", "1926-01-04")
    # start 1971-11-29 and edtf 1967-11-09 disagree: what vis draws is kept, with a warning
    assert timing(event(dataset, "Death of Edith Tolkien")) == ("1971-11-29",)
    assert any("1967-11-09" in w and "disagree" in w for w in warnings_of(done))
    pages = [dataset.sources[s].note for s in event(dataset, "Bloemfontein, South Africa").sources
             if dataset.sources[s].note.startswith("p.")]
    assert pages == ["p. 20", "p. 62, for the end date"]


# -- plain tables -------------------------------------------------------------------------


def test_iraq_war_card_without_a_title_column():
    dataset = imported("plain_csv/iraq-war-card_timeline.csv").dataset
    assert len(dataset.events) == 67
    first = dataset.events[0]
    assert timing(first) == ("2001-09-11",) and first.title.startswith("On the morning of September 11, 2001")
    assert first.summary.endswith("These attacks left 2,974 dead.")
    urls = {s.url for s in dataset.sources.values() if s.url}
    assert "http://www.motherjones.com/bush_war_timeline" in urls


def test_trans_rights_tracker_month_first_dates_and_press_sources():
    dataset = imported("plain_csv/stoptransgenocide_timeline.csv").dataset
    assert len(dataset.events) == 8
    first = event(dataset, "Trump ends legal recognition of trans people")
    assert timing(first) == ("2025-01-20",)
    cited = [dataset.sources[s] for s in first.sources]
    assert ("The Advocate", "https://www.advocate.com/politics/donald-trump-invalidates-transgender-identities") in \
        [(s.title, s.url) for s in cited]
    assert max(len(e.sources) for e in dataset.events) == 3  # two news sources and the file


def test_cyclone_pam_log_with_carriage_returns_and_two_digit_years():
    dataset = imported("plain_csv/pam-timeline_timeline.csv").dataset
    assert len(dataset.events) == 55
    first = event(dataset, "Pam threatens Vanuatu")
    assert timing(first) == ("2015-03-11",) and first.tags == ("situation",)


def test_library_annals_exact_dates_seasons_and_decades():
    done = imported("plain_csv/annalsUVaLib_timeline.csv")
    dataset = done.dataset
    assert len(dataset.events) == 539
    # Year 1835, Exact Date "winter 1834-35": winter 1834 (December 1834 to February 1835)
    assert timing(event(dataset, "Harriet Martineau notes the library")) == ("1834-24",)
    fire = event(dataset, "Rotunda fire")
    assert timing(fire) == ("1895",) and set(fire.tags) == {"Rotunda", "buildings", "destruction"}
    assert any(e.start is not None and e.start.text == "185X" for e in dataset.events)
    # "1925,28,37" is no date: the event is kept, the text in its summary
    listed = [e for e in dataset.events if "Year as written: 1925,28,37" in e.summary]
    assert len(listed) == 1 and not listed[0].is_dated


def test_british_history_bc_circa_and_between():
    dataset = imported("plain_csv/Events in British History.csv").dataset
    assert len(dataset.events) == 99
    assert timing(event(dataset, "Caesar’s invasions or Britain")) == ("-0054", "-0053")  # 55 BC to 54 BC
    assert timing(event(dataset, "London founded")) == ("0047/0050",)  # one moment, some time in
    assert timing(event(dataset, "Roman withdrawal from Britain")) == ("0383~", "0410")
    hastings = event(dataset, "Battle of Hastings")
    assert timing(hastings) == ("1066-10-14",)
    assert [dataset.sources[s].url for s in hastings.sources][0] == "https://en.wikipedia.org/wiki/Battle_of_Hastings"


# -- membership tables --------------------------------------------------------------------


def rows(relative: str) -> list[dict]:
    with open(shared_data(relative), newline="", encoding="utf-8-sig") as stream:
        return list(csv.DictReader(stream))


def test_untc_status_rows_statuses_and_the_official_figures():
    relative = "memberships/untc_status_2012_untoc_and_protocols.csv"
    original = rows(relative)
    dataset = imported(relative).dataset
    assert len(original) == 596 and len(dataset.protocols) == 4
    assert dataset.title == ("UN Treaty Collection status: UNTOC, Trafficking in Persons Protocol, "
                             "Smuggling of Migrants Protocol, Firearms Protocol")
    assert len(dataset.memberships) == sum(bool(r["Signature"]) + bool(r["Ratification"]) for r in original)
    by_target = {}
    for membership in dataset.memberships:
        by_target.setdefault(membership.of, []).append(membership)

    def stage_counts(target):
        held = by_target[target]
        return (len({m.member for m in held if m.status in PARTY}),
                len({m.member for m in held if m.status == "signed"}))

    assert stage_counts("tip-protocol") == (147, 117)
    assert stage_counts("untoc") == (166, 147)
    assert stage_counts("smuggling-protocol") == (129, 112)
    assert dataset.protocols["tip-protocol"].parent == "untoc"
    assert dataset.protocols["untoc"].adopted.text == "2000-11-15"
    bahrain = [m for m in dataset.memberships if m.member == "BH" and m.of == "untoc"]
    assert [(m.status, m.date.text) for m in bahrain] == [("acceded", "2004-06-07")]  # "7 Jun 2004 a"
    assert dataset.countries["NA"].name == "Namibia" and dataset.countries["NO"].name == "Norway"
    assert "european-union" in dataset.organizations


def test_human_rights_status_table_na_is_namibia():
    relative = "memberships/hr_status_op_crc_sc.csv"
    original = rows(relative)
    done = imported(relative)
    dataset = done.dataset
    assert len(dataset.countries) == len(original) == 193
    acted = [r for r in original if r["status"] != "no action"]
    assert len(dataset.memberships) == len(acted) == 183
    namibia = dataset.memberships_by_member["NA"]
    assert [(m.status, m.date.text) for m in namibia] == [("ratified", "2002")]
    assert "ratification or accession" in namibia[0].note.lower()
    assert [(m.status, m.date) for m in dataset.memberships_by_member["CM"]] == [("signed", None)]
    assert "BB" in dataset.countries and "BB" not in dataset.memberships_by_member  # no action
    assert dataset.countries["TL"].name == "East Timor"  # the table's code TP is no ISO code


def test_eu_member_states_accession_exit_euro_and_schengen():
    relative = "memberships/member_states_raw.csv"
    original = rows(relative)
    dataset = imported(relative, target="European Union").dataset
    assert len(dataset.countries) == len(original) == 28
    eu = next(i for i, o in dataset.organizations.items() if o.name == "European Union")
    uk = [m for m in dataset.memberships_by_member["GB"] if m.of == eu]
    assert [(m.status, m.date.text, m.until.text) for m in uk] == [("acceded", "1973-01-01", "2020-01-31")]
    assert "GR" in dataset.countries  # EU code EL, ISO code GR
    dated = sum(r[c] not in ("", "NA") for r in original for c in
                ("accession_date", "emu_accession_date", "schengen_date_signed", "schengen_date_implemented"))
    assert len(dataset.memberships) == dated


def test_format_v1_passes_through_unchanged():
    relative = "memberships/treaties_2012.yaml"
    done = imported(relative)
    assert done.text == read_source(shared_data(relative)).text()
    assert len(done.dataset.memberships) == 577


ALL = ["timelinejs_json/women_in_computing.json", "timelinejs_json/cosmo-mixed.json",
       "timelinejs_json/timeline3.json", "timelinejs_json/timeline.json",
       "timelinejs_csv/women_in_computing.csv", "timelinejs_csv/demo-timeline.csv",
       "timelinejs_csv/timeline.csv", "timeline_xml/versions.timeline",
       "timeline_xml/gregorian-sample.timeline", "timeline_xml/numeric-sample.timeline",
       "timeline_xml/DataIndicatorTest.timeline", "vis_json/basic.json", "vis_json/items_test.json",
       "plain_csv/iraq-war-card_timeline.csv", "plain_csv/stoptransgenocide_timeline.csv",
       "plain_csv/pam-timeline_timeline.csv", "plain_csv/annalsUVaLib_timeline.csv",
       "plain_csv/Events in British History.csv", "memberships/member_states_raw.csv",
       "memberships/hr_status_op_crc_sc.csv", "memberships/untc_status_2012_untoc_and_protocols.csv",
       "memberships/treaties_2012.yaml"]


@pytest.mark.parametrize("relative", ALL)
def test_the_written_file_reads_back_as_the_data_set_the_window_shows(relative):
    """The window shows the checked values; the file written from them reads back the same,
    with no error (what `explorer check` does)."""
    done = imported(relative)
    again = load_text(done.text)
    def seen(dataset):
        return ([(e.id, e.title, timing(e), e.summary, e.tags, e.actors, e.sources) for e in dataset.events],
                [(m.member, m.of, m.status, m.date and m.date.text, m.until and m.until.text, m.note)
                 for m in dataset.memberships],
                [(e.title, e.start.text, e.end and e.end.text) for e in dataset.eras],
                dict(dataset.countries), dict(dataset.sources), dict(dataset.protocols), dataset.title)
    assert seen(again) == seen(done.dataset)


def test_every_file_of_the_folder_is_covered():
    folder = shared_data("README.md").parent
    found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != "README.md"}
    assert found == set(ALL)
