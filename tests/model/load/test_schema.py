"""The schema is the one statement of format v1: the format reference documents exactly its
sections and fields, both validators follow its rules, and the cache key covers every module a
loaded data set depends on."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from explorer.model.dates import parse_edtf
from explorer.model.diagnostics import DatasetError
from explorer.model.entities import EntityKind
from explorer.model.load.cache import loader_files
from explorer.model.load.loader import fast_path_fields, load_text
from explorer.model.load.schema import (
    DATE,
    DATE_AND_SPAN,
    END_WITHOUT_START,
    ENTITY_SECTIONS,
    LIST_SECTIONS,
    REF,
    REFS,
    TEXT,
    TEXTS,
    TOP_LEVEL_KEYS,
    USUAL_STATUSES,
    event_form,
    misspelt_status,
    out_of_order,
    parent_loops,
)
from explorer.model.memberships import STATUS_STAGES
from tests.helpers.paths import ROOT

REFERENCE = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
KIND_WORDS = {
    "organization": {EntityKind.ORGANIZATION}, "person": {EntityKind.PERSON},
    "country": {EntityKind.COUNTRY}, "protocol": {EntityKind.PROTOCOL},
    "source": {EntityKind.SOURCE},
    "entity": {EntityKind.ORGANIZATION, EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.PROTOCOL},
}


def documented_tables() -> dict[str, list[tuple[str, str, str]]]:
    """(field, type, required) of each `### \\`section\\`` table of the format reference."""
    tables = {}
    for match in re.finditer(r"^### `(\w+)`\n(.*?)(?=^#)", REFERENCE, re.S | re.M):
        rows = re.findall(r"^\| `(\w+)` +\| ([^|]+?) +\| (yes|no) +\|", match.group(2), re.M)
        tables[match.group(1)] = rows
    return tables


def documented_type(words: str) -> tuple[str, frozenset[EntityKind]]:
    """The schema's field type and reference targets for the reference's words."""
    if words in ("text", "date", "list of text"):
        return {"text": TEXT, "date": DATE, "list of text": TEXTS}[words], frozenset()
    listed = words.startswith("list of ")
    nouns = words.removeprefix("list of ").removesuffix(" ids").removesuffix(" id")
    kinds = set()
    for noun in re.split(r", | or ", nouns):
        kinds |= KIND_WORDS[noun]
    return (REFS if listed else REF), frozenset(kinds)


def shapes():
    yield from ((name, section.shape) for name, section in ENTITY_SECTIONS.items())
    yield from LIST_SECTIONS.items()


def test_the_reference_documents_every_section_with_the_schemas_fields():
    tables = documented_tables()
    for name, shape in shapes():
        rows = tables[name]
        assert [field for field, _type, _required in rows] == list(shape.fields), name
        for field, words, required in rows:
            declared = shape.fields[field]
            assert documented_type(words) == (declared.type, frozenset(declared.targets)), \
                f"{name}.{field}: the reference says {words!r}"
            assert (required == "yes") == (field in shape.required), f"{name}.{field}"


def test_the_reference_lists_the_top_level_keys_and_the_usual_statuses():
    documented = re.findall(r"^\| `(\w+)` +\| [^|]+\| (?:yes|no) +\|", REFERENCE.split("### `sources`")[0], re.M)
    assert tuple(documented) == TOP_LEVEL_KEYS
    stages = REFERENCE.split("### Stages")[1].split("###")[0]
    documented = {status: stage for stage, statuses in
                  re.findall(r"^\| (\w+) \| ((?:`[\w ]+`(?:, )?)+) \|", stages, re.M)
                  for status in re.findall(r"`([\w ]+)`", statuses)}
    assert documented == {status: stage.value for status, stage in STATUS_STAGES.items()}
    assert set(documented) == set(USUAL_STATUSES)


@pytest.mark.parametrize(("has_date", "has_start", "has_end", "broken"), [
    (True, False, False, None),
    (False, True, False, None),
    (False, True, True, None),
    (False, False, False, None),
    (True, True, False, DATE_AND_SPAN),
    (True, False, True, DATE_AND_SPAN),
    (False, False, True, END_WITHOUT_START),
])
def test_an_event_is_a_point_or_a_span(has_date, has_start, has_end, broken):
    assert event_form(has_date, has_start, has_end) == broken


def test_a_date_is_out_of_order_only_when_it_is_surely_before():
    assert out_of_order(parse_edtf("2010"), parse_edtf("2009"))
    assert not out_of_order(parse_edtf("2010"), parse_edtf("2010-01"))  # may be the same month
    assert not out_of_order(parse_edtf("2010"), None)
    assert not out_of_order(parse_edtf("../2010"), parse_edtf("2009"))  # no known start


def test_a_status_close_to_a_known_one_is_a_likely_misspelling():
    assert misspelt_status("ratifed") == "ratified"
    assert misspelt_status("Formal confirmaton") == "formal confirmation"
    assert misspelt_status("ratified") is None
    assert misspelt_status("observer") is None


def test_each_loop_of_parents_is_found_once_from_its_first_entity_in_file_order():
    parents = {"a": "b", "b": "c", "c": "a", "d": "d", "e": "a", "f": "g"}
    assert parent_loops(parents, lambda child, parent: parent in parents) == [
        ["a", "b", "c", "a"], ["d", "d"]]
    assert parent_loops(parents, lambda child, parent: False) == []


BROKEN_EVENTS = {
    "a date and a start": "- {title: x, date: 2009, start: 2010}",
    "an end without a start": "- {title: x, end: 2010}",
    "an end before its start": "- {title: x, start: 2010, end: 2009}",
}


@pytest.mark.parametrize("events", BROKEN_EVENTS.values(), ids=BROKEN_EVENTS.keys())
def test_both_validators_refuse_an_event_of_the_wrong_form(events):
    text = f"timeline: 1\nevents:\n  {events}\n"
    assert fast_path_fields(text) is None
    with pytest.raises(DatasetError):
        load_text(text)


def test_both_validators_find_a_loop_of_parents():
    text = ("timeline: 1\norganizations:\n  a: {name: A, parent: b}\n  b: {name: B, parent: a}\n")
    assert fast_path_fields(text) is None
    with pytest.raises(DatasetError) as raised:
        load_text(text)
    assert "the `parent` links loop: a -> b -> a" in str(raised.value)


def test_the_cache_key_covers_every_module_a_loaded_data_set_depends_on(tmp_path, data_dir):
    code = (
        "import json, sys\n"
        "from explorer.model.load.cache import DatasetCache\n"
        "from explorer.model.load.loader import load_dataset\n"
        f"cache = DatasetCache({str(tmp_path)!r}, background=False)\n"
        f"load_dataset({str(data_dir / 'loader_minimal.yaml')!r}, cache=cache)\n"
        f"load_dataset({str(data_dir / 'loader_minimal.yaml')!r}, cache=cache)\n"
        "print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items()\n"
        "                        if n.startswith('explorer') and getattr(m, '__file__', None))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    used = set(json.loads(result.stdout.strip().splitlines()[-1]))
    hashed = {str(path) for path in loader_files()}
    assert used, "the load imported no module of the package"
    assert used <= hashed | {str(ROOT / "explorer" / "__init__.py")}
