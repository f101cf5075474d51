"""The loader reads format v1 and explains every mistake with a line, a column and a path."""

from __future__ import annotations

import textwrap

import pytest

from explorer.model.dates import Precision
from explorer.model.diagnostics import DatasetError, Severity
from explorer.model.entities import Event
from explorer.model.load.ids import slug
from explorer.model.load.loader import load_dataset, load_text


def doc(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def problems_of(text: str) -> list:
    """Every diagnostic of a file that must fail to load."""
    with pytest.raises(DatasetError) as caught:
        load_text(doc(text), file="t.yaml")
    return list(caught.value.diagnostics)


def the_error(text: str):
    """The one error of a file that has exactly one."""
    errors = [d for d in problems_of(text) if d.is_error]
    assert len(errors) == 1, errors
    return errors[0]


def where(diagnostic) -> tuple[int, int, str]:
    return diagnostic.line, diagnostic.column, diagnostic.path


# a valid file


def test_the_minimal_fixture_loads_every_section(data_dir):
    dataset = load_dataset(data_dir / "loader_minimal.yaml")

    assert dataset.path == str(data_dir / "loader_minimal.yaml")
    assert dataset.warnings == ()
    assert dataset.title == "Minimal timeline"
    assert list(dataset.sources) == ["about", "news"]
    assert dataset.sources["about"].retrieved.text == "2013-03-13"
    unodc = dataset.organizations["unodc"]
    assert (unodc.short, unodc.kind_label, unodc.parent, unodc.sources) == ("UNODC", "agency", "un", ("about",))
    assert unodc.founded.precision == Precision.YEAR
    assert dataset.organizations["blue-heart"].dissolved.is_interval
    assert dataset.people["costa"].name == "Antonio Maria Costa"
    tip = dataset.protocols["tip-protocol"]
    assert (tip.parent, tip.guardian, tip.in_force.text) == ("untoc", "unodc", "2003-12-25")
    assert dataset.children["un"] == ("unodc",)
    assert [m.status for m in dataset.memberships] == ["joined", "ratified", "joined"]
    assert dataset.memberships[1].date.approximate
    assert dataset.memberships[2].date is None
    assert [(e.title, e.end is None) for e in dataset.eras] == [
        ("Protocol adopted, not in force", False), ("Campaign", True),
    ]


def test_ids_are_the_text_as_written():
    dataset = load_text(doc("""
        timeline: 1
        countries:
          NO: {name: Norway, iso: NO}
          2009: {name: A country named after a year, iso: yes}
        """))
    assert list(dataset.countries) == ["NO", "2009"]
    assert dataset.countries["NO"].iso == "NO"
    assert dataset.countries["2009"].iso == "yes"


def test_events_are_points_spans_ongoing_or_undated(data_dir):
    events = {e.id: e for e in load_dataset(data_dir / "loader_minimal.yaml").events}

    launch = events["launch"]
    assert (launch.is_span, launch.start.text, launch.end) == (False, "2009-03", None)
    assert launch.actors == ("unodc", "costa") and launch.protocols == ("tip-protocol",)
    span = events["protocol-negotiations"]
    assert (span.is_span, span.start.text, span.end.text) == (True, "1998", "2000-11")
    ongoing = events["campaign-runs"]
    assert ongoing.is_span and ongoing.is_ongoing
    assert events["report-published"].start.is_interval
    assert events["ides-of-march"].start.year == -43
    undated = events["a-play-about-a-blue-heart"]
    assert not undated.is_dated and undated.actors == ("MX",)


def test_indexes_are_built(data_dir):
    dataset = load_dataset(data_dir / "loader_minimal.yaml")
    launch = dataset.events_by_id["launch"]
    assert [dataset.events[i].id for i in dataset.events_by_actor["MX"]] == [
        "mexico-joins-the-campaign", "a-play-about-a-blue-heart",
    ]
    assert dataset.events[dataset.events_by_actor["costa"][0]] is launch
    assert [m.member for m in dataset.memberships_by_target["blue-heart"]] == ["MX"]


def test_load_text_accepts_bytes_with_a_bom_and_names_no_path(data_dir):
    data = (data_dir / "loader_minimal.yaml").read_bytes()
    from_bytes = load_text(b"\xef\xbb\xbf" + data)
    from_file = load_dataset(data_dir / "loader_minimal.yaml")
    assert from_bytes.events == from_file.events
    assert from_bytes.path is None


def test_generated_ids_avoid_every_other_id():
    dataset = load_text(doc("""
        timeline: 1
        organizations:
          mexico-joins: {name: An organization whose id looks like a title}
        events:
          - {title: Mexico joins}
          - {title: "Mexico  JOINS!"}
          - {id: mexico-joins-3, title: Explicit}
          - {title: Mexico joins}
          - {title: "Málaga: Víctor’s fête"}
          - {title: "!!!"}
        """))
    assert [e.id for e in dataset.events] == [
        "mexico-joins-2", "mexico-joins-4", "mexico-joins-3", "mexico-joins-5",
        "malaga-victors-fete", "event",
    ]


def test_slug_keeps_ascii_words():
    assert slug("Blue Heart Campaign launched") == "blue-heart-campaign-launched"
    assert slug("Mexico's 1st “Blue Heart” day") == "mexicos-1st-blue-heart-day"


def test_merge_keys_fill_in_fields_not_given():
    dataset = load_text(doc("""
        timeline: 1
        sources:
          base: &common {title: Common source, publisher: UN}
          other:
            <<: *common
            title: Other source
        events:
          - &event {title: One, date: 2010, tags: [a]}
          - {<<: [*event, {summary: merged}], title: Two}
        """))
    assert dataset.sources["other"].title == "Other source"
    assert dataset.sources["other"].publisher == "UN"
    two = dataset.events[1]
    assert (two.title, two.start.text, two.tags, two.summary) == ("Two", "2010", ("a",), "merged")


def test_null_and_empty_optional_values_are_absent():
    dataset = load_text(doc("""
        timeline: 1
        title:
        organizations:
        events:
          - title: Undated
            date:
            summary: ~
            actors:
        """))
    event = dataset.events[0]
    assert (dataset.title, event.is_dated, event.summary, event.actors) == ("", False, "", ())


# every problem, not the first


def test_every_problem_is_reported_in_file_order():
    diagnostics = problems_of("""
        timeline: 1
        organizations:
          unodc: {name: UNODC, founded: 1997-13}
          un: {short: UN}
        events:
          - title: Launch
            date: 2010-02-30
            actors: [undoc]
            sumary: typo
          - date: 2011
        """)
    assert [(d.severity, d.line, d.path) for d in diagnostics] == [
        (Severity.ERROR, 3, "organizations.unodc.founded"),
        (Severity.ERROR, 4, "organizations.un"),
        (Severity.ERROR, 7, "events[0].date"),
        (Severity.ERROR, 8, "events[0].actors[0]"),
        (Severity.WARNING, 9, "events[0].sumary"),
        (Severity.ERROR, 10, "events[1]"),
    ]
    assert all(d.file == "t.yaml" for d in diagnostics)


def test_error_carries_its_diagnostics_in_the_exception_text():
    with pytest.raises(DatasetError) as caught:
        load_text("timeline: 1\nevents: [{date: 2009}, {date: 2010}]\n", file="x.yaml")
    assert str(caught.value).startswith("x.yaml:2:10: error: this event has no `title`")
    assert str(caught.value).endswith("(and 1 more error)")


# YAML syntax and the top level


def test_yaml_syntax_error_points_at_the_problem():
    error = the_error("""
        timeline: 1
        title: A
         description: B
        """)
    assert where(error)[:2] == (3, 13)
    assert error.message.startswith("YAML syntax error: mapping values are not allowed")
    assert error.message.endswith(
        "either a value contains ': ' (put the whole value in quotes) or this line is indented "
        "deeper than the key above it"
    )


def test_tab_indentation_is_explained():
    error = the_error("timeline: 1\nevents:\n\t- title: x\n")
    assert where(error)[:2] == (3, 1)
    assert "indent with spaces" in error.message


def test_unclosed_bracket_is_a_syntax_error():
    error = the_error("timeline: 1\nevents: [{title: x}\n")
    assert error.line == 3 and error.message.startswith("YAML syntax error")


def test_more_than_one_document_is_refused():
    error = the_error("timeline: 1\n---\ntimeline: 1\n")
    assert where(error)[:2] == (2, 1)
    assert "more than one YAML document" in error.message


def test_undefined_alias_is_explained():
    error = the_error("timeline: 1\ntitle: *name\n")
    assert where(error)[:2] == (2, 8)
    assert "must come after its anchor" in error.message


def test_root_must_be_a_mapping():
    error = the_error("- timeline: 1\n- title: x\n")
    assert where(error) == (1, 1, "")
    assert error.message == (
        "the file must be a mapping of sections (`timeline: 1`, `title:`, `events:` ...), "
        "but it is a list"
    )
    scalar = the_error("just some text\n")
    assert "but it is the value 'just some text'" in scalar.message


def test_missing_timeline_version():
    error = the_error("title: No version\n")
    assert where(error) == (1, 1, "timeline")
    assert error.message == "the format version is missing; add `timeline: 1` as the first line"


def test_unknown_timeline_version_names_the_supported_one():
    error = the_error("title: x\ntimeline: 2\n")
    assert where(error) == (2, 11, "timeline")
    assert error.message.startswith("unsupported format version '2'; this program reads `timeline: 1`")
    empty = the_error("timeline:\n")
    assert (empty.line, empty.column, empty.message) == (1, 1, "`timeline` has no value; write `timeline: 1`")


# required fields and types


def test_missing_required_fields():
    diagnostics = problems_of("""
        timeline: 1
        sources:
          s1: {publisher: UN}
        organizations:
          un:
            short: UN
        memberships:
          - {member: un}
        eras:
          - {title: Era}
        events:
          - summary: no title
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 3, "sources.s1"), "this source has no `title`; add `title: ...`"),
        ((5, 3, "organizations.un"), "this organization has no `name`; add `name: ...`"),
        ((8, 5, "memberships[0]"), "this membership has no `of`; add `of: ...`"),
        ((10, 5, "eras[0]"), "this era has no `start`; add `start: ...`"),
        ((12, 5, "events[0]"), "this event has no `title`; add `title: ...`"),
    ]


def test_empty_required_fields():
    diagnostics = problems_of("""
        timeline: 1
        people:
          costa: {name: ""}
          nobody:
        events:
          - title:
          -
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 11, "people.costa.name"), "`name` is empty; write the person's name"),
        ((4, 3, "people.nobody"), "this person is empty; give it at least `name:`"),
        ((6, 5, "events[0].title"), "`title` is empty; write the event's title"),
        ((7, 4, "events[1]"), "this event is empty; give it at least `title:`"),
    ]


def test_text_where_a_mapping_or_list_is_given():
    error = the_error("""
        timeline: 1
        events:
          - title: [a, b]
        """)
    assert where(error) == (3, 12, "events[0].title")
    assert error.message.startswith("`title` must be text, not a list;")


def test_bare_id_where_a_list_is_expected_shows_how_to_write_it():
    error = the_error("""
        timeline: 1
        organizations: {unodc: {name: UNODC}}
        events:
          - {title: x, actors: unodc}
        """)
    assert where(error) == (4, 24, "events[0].actors")
    assert error.message == "`actors` must be a list, not the value 'unodc'; write `actors: [unodc]`"


def test_list_items_must_be_scalars():
    diagnostics = problems_of("""
        timeline: 1
        events:
          - title: x
            tags:
              - ok
              - [nested]
              -
        """)
    assert [where(d) for d in diagnostics] == [(6, 9, "events[0].tags[1]"), (7, 8, "events[0].tags[2]")]
    assert diagnostics[0].message == "each item of `tags` must be text, not a list; write `tags: [a, b]`"
    assert "not an empty item" in diagnostics[1].message


def test_sections_of_the_wrong_shape():
    diagnostics = problems_of("""
        timeline: 1
        organizations:
          - name: UNODC
        events:
          title: x
        sources:
          s1: just a title
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 3, "organizations"),
         "`organizations` must be a mapping from id to organization (`some-id: {...}` lines), not a list"),
        ((5, 3, "events"),
         "`events` must be a list: start each event with `- `, not a mapping (key: value lines)"),
        ((7, 7, "sources.s1"),
         "a source must be a mapping of fields (`title: ...`), not the value 'just a title'"),
    ]


def test_keys_must_be_text():
    error = the_error("timeline: 1\n? [a, b]\n: x\n")
    assert where(error)[:2] == (2, 3)
    assert error.message.startswith("a key must be plain text, not a list")


# dates


def test_impossible_date_points_at_the_day():
    error = the_error("""
        timeline: 1
        events:
          - title: x
            date: 2010-02-30
        """)
    assert where(error) == (4, 19, "events[0].date")
    assert error.message == "day 30 does not exist in February 2010, which has 28 days; check the day"


def test_date_column_counts_the_opening_quote():
    error = the_error("""
        timeline: 1
        eras:
          - {title: x, start: "2010-13"}
        """)
    assert where(error) == (3, 29, "eras[0].start")
    assert error.message.startswith("month 13 does not exist")


def test_malformed_dates():
    diagnostics = problems_of("""
        timeline: 1
        sources:
          s: {title: x, date: March 2009, retrieved: 2009-3-24}
        """)
    assert [where(d) for d in diagnostics] == [(3, 23, "sources.s.date"), (3, 51, "sources.s.retrieved")]
    assert diagnostics[0].message.startswith("'March 2009' is not a date")
    assert diagnostics[1].message.startswith("'2009-3-24' is not a date")


def test_interval_ending_before_it_starts():
    error = the_error("""
        timeline: 1
        events:
          - {title: x, date: 2009/2007}
        """)
    assert where(error) == (3, 27, "events[0].date")
    assert error.message == "the range '2009/2007' ends before it starts; swap the two dates"


def test_end_before_start():
    diagnostics = problems_of("""
        timeline: 1
        organizations:
          un: {name: UN, founded: 1945, dissolved: 1944-12}
        protocols:
          p: {name: P, adopted: 2003, in_force: 2000}
        memberships:
          - {member: un, of: p, date: 2010-04, until: 2010-03}
        eras:
          - {title: Era, start: 2010, end: 2009-12-31}
        events:
          - title: Span
            start: 2009-03-24
            end: 2009-02
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 44, "organizations.un.dissolved"),
         "`dissolved: 1944-12` is before `founded: 1945`; check the two dates"),
        ((5, 41, "protocols.p.in_force"), "`in_force: 2000` is before `adopted: 2003`; check the two dates"),
        ((7, 47, "memberships[0].until"), "`until: 2010-03` is before `date: 2010-04`; check the two dates"),
        ((9, 36, "eras[0].end"), "`end: 2009-12-31` is before `start: 2010`; check the two dates"),
        ((13, 10, "events[0].end"), "`end: 2009-02` is before `start: 2009-03-24`; check the two dates"),
    ]


def test_overlapping_imprecise_ends_are_not_errors():
    dataset = load_text("timeline: 1\nevents: [{title: x, start: 2009-03-24, end: 2009}]\n")
    assert dataset.events[0].end.text == "2009"


def test_event_timing_rules():
    diagnostics = problems_of("""
        timeline: 1
        events:
          - title: Both
            date: 2009
            start: 2009
          - title: End only
            end: 2010
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((4, 5, "events[0].date"),
         "an event has either `date:` (a point) or `start:`/`end:` (a span), not both; keep one"),
        ((7, 5, "events[1].end"),
         "`end:` needs a `start:`; add the start, or write `date:` for a point event"),
    ]


# ids and references


def test_unknown_reference_suggests_a_close_id():
    error = the_error("""
        timeline: 1
        organizations: {unodc: {name: UNODC}}
        events:
          - {title: x, actors: [unodc, undoc]}
        """)
    assert where(error) == (4, 32, "events[0].actors[1]")
    assert error.message == "unknown actor 'undoc'; did you mean 'unodc'?"


def test_unknown_reference_without_a_close_id_says_where_to_add_it():
    diagnostics = problems_of("""
        timeline: 1
        protocols:
          p: {name: P, guardian: nobody, sources: [nothing]}
        memberships:
          - {member: ghost, of: p}
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 26, "protocols.p.guardian"),
         "unknown guardian 'nobody'; add it to `organizations`, or fix the id"),
        ((3, 44, "protocols.p.sources[0]"), "unknown source 'nothing'; add it to `sources`, or fix the id"),
        ((5, 14, "memberships[0].member"),
         "unknown member 'ghost'; add it to `organizations` or `people` or `countries` or "
         "`protocols`, or fix the id"),
    ]


def test_reference_to_the_wrong_kind():
    diagnostics = problems_of("""
        timeline: 1
        sources: {s: {title: S}}
        organizations: {un: {name: UN, parent: s}}
        protocols: {p: {name: P}}
        events:
          - {title: x, actors: [p], protocols: [un]}
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 40, "organizations.un.parent"), "'s' is a source, but `parent` must name an organization; check the id"),
        ((6, 25, "events[0].actors[0]"),
         "'p' is a protocol, but `actors` must name an organization, person or country; check the id"),
        ((6, 41, "events[0].protocols[0]"),
         "'un' is an organization, but `protocols` must name a protocol; check the id"),
    ]


def test_parent_cycle_is_reported_once():
    diagnostics = problems_of("""
        timeline: 1
        organizations:
          a: {name: A, parent: c}
          b: {name: B, parent: a}
          c: {name: C, parent: b}
          d: {name: D, parent: a}
        protocols:
          p: {name: P, parent: p}
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 24, "organizations.a.parent"),
         "the `parent` links loop: a -> c -> b -> a; give one of them another parent or none"),
        ((8, 24, "protocols.p.parent"),
         "the `parent` links loop: p -> p; give one of them another parent or none"),
    ]


def test_duplicate_ids_across_sections():
    diagnostics = problems_of("""
        timeline: 1
        organizations:
          unodc: {name: UNODC}
        countries:
          unodc: {name: Not a country}
        events:
          - {id: unodc, title: x}
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((5, 3, "countries.unodc"),
         "the id 'unodc' is already used by the organization on line 3; ids must be unique across "
         "all sections: rename one"),
        ((7, 10, "events[0].id"),
         "the id 'unodc' is already used by the organization on line 3; ids must be unique across "
         "all sections: rename one"),
    ]


def test_empty_ids():
    diagnostics = problems_of("""
        timeline: 1
        people:
          "": {name: Nobody}
        events:
          - {id: "", title: x}
        """)
    assert [(where(d), d.message) for d in diagnostics] == [
        ((3, 3, "people."), "an id cannot be empty; write a short id such as `unodc`"),
        ((5, 10, "events[0].id"),
         "`id` is empty; write an id, or remove the line to have one made from the title"),
    ]


def test_duplicate_mapping_keys_lose_no_data_silently():
    diagnostics = problems_of("""
        timeline: 1
        organizations:
          unodc: {name: UNODC}
          unodc: {name: Again}
        events:
          - title: First
            title: Second
        events: []
        """)
    assert [where(d) for d in diagnostics] == [
        (4, 3, "organizations.unodc"), (7, 5, "events[0].title"), (8, 1, "events"),
    ]
    assert diagnostics[0].message == (
        "the key 'unodc' appears twice in this mapping (first on line 3); YAML keeps only the "
        "last one and the first would be lost: merge the two or rename one"
    )
    assert "(first on line 6)" in diagnostics[1].message
    assert "(first on line 5)" in diagnostics[2].message


def test_merge_key_problems():
    diagnostics = problems_of("""
        timeline: 1
        events:
          - {<<: just text, title: x}
          - &loop {title: y, <<: *loop}
        """)
    assert [(where(d)[:2], d.message) for d in diagnostics] == [
        ((3, 10), "`<<` merges mappings: write `<<: *name` or `<<: [*one, *two]` where each alias names a mapping"),
        ((4, 5), "this mapping merges itself through `<<`; remove the loop"),
    ]


# warnings


def test_unknown_fields_and_keys_are_warnings():
    dataset = load_text(doc("""
        timeline: 1
        event:
          - title: misplaced
        organizations:
          un: {name: UN, parnet: x}
        events:
          - title: x
            sumary: typo
            colour: red
        """), file="t.yaml")
    assert [(where(d), d.message) for d in dataset.warnings] == [
        ((2, 1, "event"), "unknown top-level key 'event' is ignored; did you mean 'events'?"),
        ((5, 18, "organizations.un.parnet"),
         "unknown field 'parnet' in an organization is ignored; did you mean 'parent'?"),
        ((8, 5, "events[0].sumary"), "unknown field 'sumary' in an event is ignored; did you mean 'summary'?"),
        ((9, 5, "events[0].colour"), "unknown field 'colour' in an event is ignored"),
    ]
    assert all(d.severity is Severity.WARNING for d in dataset.warnings)
    assert len(dataset.events) == 1


def test_warnings_travel_with_errors():
    diagnostics = problems_of("""
        timeline: 1
        events:
          - {title: x, sumary: y, date: 2010-02-30}
        """)
    assert [d.severity for d in diagnostics] == [Severity.WARNING, Severity.ERROR]


def test_membership_status_typo_is_a_warning():
    dataset = load_text(doc("""
        timeline: 1
        organizations: {o: {name: O}}
        countries: {MX: {name: Mexico}}
        memberships:
          - {member: MX, of: o, status: ratifed}
          - {member: MX, of: o, status: observer}
        """))
    assert [(where(d), d.message) for d in dataset.warnings] == [
        ((5, 33, "memberships[0].status"), "status 'ratifed' is not one the explorer knows: it is "
         "kept as written and counts at no stage; did you mean 'ratified'?"),
        ((6, 33, "memberships[1].status"), "status 'observer' is not one the explorer knows: it is "
         "kept as written and counts at no stage; write one of signed, ratified, acceded, accepted, "
         "approved, succeeded, joined or withdrew (the format reference lists them all)"),
    ]
    assert [m.status for m in dataset.memberships] == ["ratifed", "observer"]


def test_a_flood_of_problems_is_capped_with_a_note():
    events = "".join(f"  - {{title: e{i}, date: 2010-02-30}}\n" for i in range(1200))
    with pytest.raises(DatasetError) as caught:
        load_text("timeline: 1\nevents:\n" + events)
    diagnostics = caught.value.diagnostics
    assert len(diagnostics) == 1001
    assert diagnostics[-1].is_error and diagnostics[-1].line == 1003
    assert diagnostics[-1].message == "200 more problems are not listed; fix the ones above and check again"


def test_loaded_events_are_plain_values():
    dataset = load_text("timeline: 1\nevents: [{id: a, title: A, date: 2009}]\n")
    assert isinstance(dataset.events[0], Event)
    assert dataset.events_by_id["a"].start.precision == Precision.YEAR


# a turn: the work that holds the interpreter waits for the caller

_TURN_FILE = """\
timeline: 1
title: Turns
events:
  - id: a
    title: A
    date: 2001-02-03
"""


@pytest.mark.parametrize("name, text, cached", [
    ("t.yaml", _TURN_FILE, False),
    ("t.json", '{"timeline": 1, "title": "Turns", "events": [{"id": "a", "title": "A", "date": "2001-02-03"}]}',
     False),
    ("t.yaml", _TURN_FILE.replace("    date:", "    colour: red\n    date:"), False),  # a warning
    ("t.yaml", _TURN_FILE, True),  # from a cache entry on disk
])
def test_a_load_waits_for_its_turn_once_before_what_holds_the_interpreter(tmp_path, name, text, cached):
    from explorer.model.load.cache import DatasetCache

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    cache = DatasetCache(tmp_path / "cache", background=False)
    if cached:
        load_dataset(path, cache=cache)
        cache.forget()  # the entry on disk, not the one in memory
    reports: list[float] = []
    turns: list[int] = []
    dataset = load_dataset(path, cache=cache, progress=reports.append,
                           turn=lambda: turns.append(len(reports)))
    assert len(turns) == 1
    assert turns[0] < len(reports)  # the rest of the load comes after it
    assert [event.title for event in dataset.events] == ["A"]


def test_a_load_that_is_cancelled_at_its_turn_stops_there(tmp_path):
    from explorer.model.load.progress import LoadCancelled

    path = tmp_path / "t.yaml"
    path.write_text(_TURN_FILE, encoding="utf-8")
    asked = []
    with pytest.raises(LoadCancelled):
        load_dataset(path, turn=lambda: asked.append(True), cancelled=lambda: bool(asked))
