"""Timeline files in JSON read like their YAML, and every problem keeps its line and column."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
import yaml_rs

from explorer.cli import report
from explorer.cli.main import main
from explorer.model.diagnostics import DatasetError, Severity
from explorer.model.load import files
from explorer.model.load.files import JSON
from explorer.model.load.loader import fast_path_fields, load_dataset, load_text
from tests.helpers.loading import assert_same
from tests.helpers.paths import ROOT


def problems_of(text: str, accelerate: bool = True) -> list:
    with pytest.raises(DatasetError) as caught:
        load_text(textwrap.dedent(text).lstrip("\n"), file="t.json", accelerate=accelerate)
    return list(caught.value.diagnostics)


def where(diagnostic) -> tuple[int, int, str]:
    return diagnostic.line, diagnostic.column, diagnostic.path


BOTH_PATHS = pytest.mark.parametrize("accelerate", [True, False], ids=["fast path", "node path"])


# the same data as YAML


def test_json_of_the_minimal_fixture_reads_like_the_yaml(data_dir, tmp_path):
    yaml_file = data_dir / "loader_minimal.yaml"
    # yaml-rs reads the file as plain data: numbers stay numbers, as a generator would write them
    json_file = tmp_path / "loader_minimal.json"
    json_file.write_text(json.dumps(yaml_rs.loads(yaml_file.read_text(encoding="utf-8"), parse_datetime=False), indent=2))
    from_yaml, from_json = load_dataset(yaml_file), load_dataset(json_file)
    assert from_json.path == str(json_file)
    assert_same(from_json, load_dataset(json_file, accelerate=False))
    for name in ("title", "description", "sources", "organizations", "people", "countries",
                 "protocols", "memberships", "eras", "events"):
        assert getattr(from_json, name) == getattr(from_yaml, name), name


@BOTH_PATHS
def test_every_scalar_reads_as_the_text_written(accelerate):
    dataset = load_text(json.dumps({
        "timeline": 1,
        "title": 12.50,
        "countries": {"NO": {"name": "Norway", "iso": "NO"}, "2009": {"name": False}},
        "events": [
            {"title": "Year as a number", "date": 2009, "summary": None, "tags": [True, 7]},
            {"title": "BCE", "date": "-0043-03-15"},
        ],
    }).replace("12.5", "12.50"), file="t.json", accelerate=accelerate)
    assert dataset.title == "12.50"
    assert dataset.countries["2009"].name == "false"
    first, second = dataset.events
    assert (first.start.text, first.summary, first.tags) == ("2009", "", ("true", "7"))
    assert second.start.year == -43


def test_a_bom_is_allowed(tmp_path):
    path = tmp_path / "t.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"timeline": 1, "title": "x"}).encode())
    assert load_dataset(path).title == "x"


def test_language_follows_the_file_name_or_is_given():
    text = '{"timeline": 1, "title": "x"}'
    assert load_text(text, file="A.JSON").title == "x"
    assert load_text(text, language="json").title == "x"


# syntax errors: where the json module points


@BOTH_PATHS
@pytest.mark.parametrize("text, line, column, start", [
    ('{"timeline": 1,\n "title": "x",\n}\n', 3, 1, "JSON syntax error: Expecting property name enclosed in double quotes; keys are"),
    ('{"timeline": 1\n "title": "x"}\n', 2, 2, "JSON syntax error: Expecting ',' delimiter; a comma is missing"),
    ('{"timeline": 1, "events": [{"title": "x"},]}', 1, 43, "JSON syntax error: Expecting value; a value is missing here"),
    ('{"timeline": 1, "title": "a\tb"}', 1, 28, "JSON syntax error: Invalid control character at; a string holds"),
    ('{"timeline": 1, "title": "open}', 1, 26, "JSON syntax error: Unterminated string starting at; a string is not closed"),
    ('{"timeline": 1} {}', 1, 17, "JSON syntax error: Extra data; the file holds more than one JSON value"),
    ("{'timeline': 1}", 1, 2, "JSON syntax error: Expecting property name enclosed in double quotes"),
    # between the events, which the fast path reads one at a time
    ('{"timeline": 1, "events": [{"title": "x"} {"title": "y"}]}', 1, 43, "JSON syntax error: Expecting ',' delimiter"),
    ('{"timeline": 1, "events": [{"title": "x"},,{"title": "y"}]}', 1, 43, "JSON syntax error: Expecting value"),
    ('{"timeline": 1, "events": [{"title": "x"}', 1, 42, "JSON syntax error: Expecting ',' delimiter"),
    ('{"timeline": 1, "events": [{"title": "x"}] ]}', 1, 44, "JSON syntax error: Expecting ',' delimiter"),
])
def test_syntax_errors_point_at_the_problem(text, line, column, start, accelerate):
    diagnostics = problems_of(text, accelerate)
    assert len(diagnostics) == 1
    assert (diagnostics[0].line, diagnostics[0].column) == (line, column)
    assert diagnostics[0].message.startswith(start), diagnostics[0].message


def test_the_fast_path_reads_events_whatever_the_whitespace_between_them():
    text = '{"timeline": 1, "events": [ \n\t{"title": "x"}\r\n ,\n{"title": "y"} ,{"title": "z"}\t]\n, "title": "t"}'
    found = fast_path_fields(text, JSON)
    assert found is not None, "the fast path did not vouch for plain JSON"
    assert [event.title for event in found["events"]] == ["x", "y", "z"]
    assert found["title"] == "t"
    assert [event.title for event in load_text(text, file="t.json").events] == ["x", "y", "z"]
    empty = fast_path_fields('{"timeline": 1, "events": [ \n ], "title": "t"}', JSON)
    assert empty is not None and empty["events"] == [] and empty["title"] == "t"


@BOTH_PATHS
def test_an_empty_file_says_how_a_json_timeline_starts(accelerate):
    for text in ("", "  \n"):
        (error,) = problems_of(text, accelerate)
        assert error.message == 'the file is empty; a timeline file in JSON starts with {"timeline": 1'


@BOTH_PATHS
def test_nan_and_infinity_are_not_json(accelerate):
    (error,) = [d for d in problems_of('{"timeline": 1,\n "title": NaN}', accelerate) if d.is_error]
    assert (error.line, error.column) == (2, 11)
    assert error.message.startswith("JSON syntax error: Expecting value")


def test_very_deep_nesting_is_refused_quickly():
    (error,) = problems_of('{"timeline": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert (error.line, error.column) == (1, 22 + 999)  # at the thousandth [
    assert error.message.startswith("lists or objects are nested too deeply")


def test_a_json_file_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_JSON_BYTES", 10)
    (error,) = problems_of('{"timeline": 1, "title": "long enough"}')
    assert error.message.startswith("the file is larger than 0 MB, the limit for a timeline file in JSON")


def test_bytes_that_are_not_utf8_are_located():
    with pytest.raises(DatasetError) as caught:
        load_text('{"timeline": 1,\n "title": "Málaga"}'.encode("latin-1"), file="t.json")
    (error,) = caught.value.diagnostics
    assert (error.line, error.column) == (2, 13)
    assert "timeline's JSON file" in error.message


# problems in the data: the node path places them


def pointed_at(text: str, diagnostic) -> str:
    """The text from where a diagnostic points to the end of its line."""
    line = textwrap.dedent(text).lstrip("\n").splitlines()[diagnostic.line - 1]
    return line[diagnostic.column - 1:]


def test_every_problem_has_its_line_column_and_path():
    text = """
        {
          "timeline": 1,
          "organizations": {"unodc": {"name": "UNODC", "founded": "1997-13"}},
          "events": [
            {"title": "Launch", "date": "2010-02-30", "actors": ["undoc"], "sumary": "typo"},
            {"date": 2011}
          ]
        }
        """
    diagnostics = problems_of(text)
    assert [(d.severity, d.line, d.path) for d in diagnostics] == [
        (Severity.ERROR, 3, "organizations.unodc.founded"),
        (Severity.ERROR, 5, "events[0].date"),
        (Severity.ERROR, 5, "events[0].actors[0]"),
        (Severity.WARNING, 5, "events[0].sumary"),
        (Severity.ERROR, 6, "events[1]"),
    ]
    assert [pointed_at(text, d)[:8] for d in diagnostics] == [
        '13"}},', '30", "ac', '"undoc"]', '"sumary"', '{"date":',
    ]
    assert diagnostics[2].message == "unknown actor 'undoc'; did you mean 'unodc'?"
    assert diagnostics[1].message == "day 30 does not exist in February 2010, which has 28 days; check the day"


def test_a_date_given_as_a_number_is_located_at_its_digits():
    text = '{"timeline": 1,\n "eras": [{"title": "x", "start": 20100}]}'
    (error,) = problems_of(text)
    assert error.path == "eras[0].start"
    assert pointed_at(text, error) == "20100}]}"


def test_a_key_given_twice_is_an_error_not_a_silent_loss():
    text = """
        {"timeline": 1,
         "events": [{"title": "First",
                     "title": "Second"}]}
        """
    diagnostics = problems_of(text)
    assert [(d.line, d.path) for d in diagnostics] == [(3, "events[0].title")]
    assert pointed_at(text, diagnostics[0]) == '"title": "Second"}]}'
    assert diagnostics[0].message == (
        "the key 'title' appears twice in this mapping (first on line 2); JSON keeps only the last "
        "one and the first would be lost: merge the two or rename one"
    )


def test_the_root_must_be_an_object():
    (error,) = problems_of("[1, 2]")
    assert where(error) == (1, 1, "")
    assert error.message.endswith("but it is a list")


def test_warnings_of_a_json_file_keep_their_place():
    dataset = load_text('{"timeline": 1,\n "colour": "red"}', file="t.json")
    (warning,) = dataset.warnings
    assert where(warning) == (2, 2, "colour")


# the command line


def test_explorer_check_reads_json_files(tmp_path, capsys):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text('{"timeline": 1, "events": [{"title": "x", "date": 2009}]}')
    bad.write_text('{"timeline": 1,\n "events": [{"date": 2009}]}')
    assert main(["check", str(good)]) == report.EXIT_OK
    assert "ok, 1 event, 0 warnings" in capsys.readouterr().err
    assert main(["check", str(bad)]) == report.EXIT_DATA_ERROR
    assert f"{bad}:2:13: error: this event has no `title`" in capsys.readouterr().out


def test_the_json_example_of_the_format_reference_loads_cleanly():
    reference = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = reference.split("## The same data in JSON", 1)[1]
    (example,) = [block for block in re.findall(r"```json\n(.*?)```", section, re.S) if '"timeline"' in block]
    dataset = load_text(example, file="example.json")
    assert dataset.warnings == ()
    assert [e.when_text() for e in dataset.events] == ["2009-03", "2010-04-15", ""]
