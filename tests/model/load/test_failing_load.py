"""A file with an error costs no more than a good one: the JSON node path composes the items
of `events` one at a time, and once the fast path has found an error it walks the file for
its problems only, keeping none of its entries."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from benchmarks.make_dataset import make
from explorer.model.diagnostics import DatasetError
from explorer.model.load import loader
from explorer.model.load.json_format import _Items, _Pairs, compose_json
from explorer.model.load.loader import load_text
from explorer.model.load.nodes import MappingNode, Node, ScalarNode, SequenceNode
from explorer.model.load.problems import Problems
from explorer.model.load.validate_plain import Broken
from tests.helpers.loading import MINIMAL, assert_same


def shape(node: Node) -> list[tuple]:
    """Everything a node says, and its children's, as plain values in file order (without
    recursion: a list may nest a thousand deep)."""
    out: list[tuple] = []
    stack = [node]
    while stack:
        current = stack.pop()
        own = (type(current).__name__, current.tag, current.line, current.column)
        if isinstance(current, SequenceNode):
            out.append((*own, len(current.value)))
            stack.extend(reversed(list(current.value)))
        elif isinstance(current, MappingNode):
            out.append((*own, len(current.value)))
            stack.extend(reversed([part for pair in current.value for part in pair]))
        else:
            assert isinstance(current, ScalarNode)
            out.append((*own, current.value, current.style, getattr(current, "text_line", None),
                        getattr(current, "text_column", None), getattr(current, "raw", None)))
    return out


def composed(text: str, lazy: bool) -> tuple[Node | None, list]:
    problems = Problems("t.json")
    return compose_json(text, problems, lazy_events=lazy), problems.diagnostics()


def events_node(root: Node) -> Node:
    assert isinstance(root, MappingNode)
    return next(value for key, value in root.value if key.value == "events")


EVENT = '{"id": "e%d", "title": "T\\u00e9 %d", "date": "2009", "actors": ["a"], "tags": [1, true, null]}'


def events_text(items: str, before: str = "", after: str = "") -> str:
    return '{"timeline": 1, ' + before + '"events": ' + items + after + "}"


LAZY = {
    "generated": make(60, as_json=True),
    "one per line, with escapes": events_text("[\n  " + ",\n  ".join(EVENT % (n, n) for n in range(5)) + "\n]"),
    "empty list": events_text("[ ]"),
    "empty list over lines": events_text("[\n\r\n]"),
    "sections after": events_text("[" + EVENT % (1, 1) + "]", after=', "organizations": {"a": {"name": "A"}}'),
    "given twice": events_text("[" + EVENT % (1, 1) + "]", before='"events": [{"title": "x"}], '),
    "items of every kind": events_text('[1, "two", null, [3, [4]], {"events": [5]}]'),
    "a key named events inside an event": events_text('[{"title": "t", "events": [{"a": 1}]}]'),
}
WHOLE = {
    "NaN in an event": events_text('[{"title": "t", "date": NaN}]'),
    "nested 998 deep in an event": events_text("[" + "[" * 998 + "]" * 998 + "]"),
    "nested too deep in an event": events_text("[" + "[" * 1200 + "]" * 1200 + "]"),
}


@pytest.mark.parametrize("name", [*LAZY, *WHOLE])
def test_events_composed_one_at_a_time_are_the_nodes_composed_at_once(name):
    lazy_root = composed_alike({**LAZY, **WHOLE}[name])
    if lazy_root is not None:
        # the items wait to be composed, except where composing them one at a time could differ
        assert isinstance(events_node(lazy_root).value, _Items) == (name in LAZY)


def composed_alike(text: str) -> Node | None:
    """The root composed with entries one at a time, after checking it has the shape, and
    gives the problems, of the root composed at once; None when neither is composed (too
    deep: the same error, at the same place)."""
    lazy_root, lazy_problems = composed(text, True)
    root, problems = composed(text, False)
    assert lazy_problems == problems
    if root is None:
        assert lazy_root is None and problems
        return None
    assert lazy_root is not None
    assert shape(lazy_root) == shape(root)
    return lazy_root


def test_an_item_is_composed_each_time_it_is_read_and_not_kept():
    root, _problems = composed(LAZY["one per line, with escapes"], True)
    items = events_node(root).value
    assert len(items) == 5
    first = items[0]
    assert items[0] is not first and shape(items[0]) == shape(first)
    assert [shape(item) for item in items] == [shape(items[n]) for n in range(5)]
    assert [shape(item) for item in items[1:3]] == [shape(items[1]), shape(items[2])]
    assert shape(items[-1]) == shape(items[4])


def with_a_bad_date(text: str, is_json: bool) -> str:
    """`text` with the first date after 90 % of it made unreadable."""
    key = '"date": "' if is_json else "date: "
    at = text.index(key, int(len(text) * 0.9)) + len(key)
    at += text[at] in "'\""
    return text[:at] + "20x9" + text[at + 4:]


def traced_peak(text: str, name: str) -> tuple[int, str]:
    """The most memory loading `text` held at once (bytes allocated by Python), and how the
    load ended."""
    tracemalloc.start()
    try:
        load_text(text, name)
        ended = "loaded"
    except DatasetError as error:
        ended = error.diagnostics[0].message
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, ended


def test_a_failing_json_load_takes_no_more_memory_than_a_good_one():
    # The issue's case at 1/250 of its size: an error at 90 % of a large JSON file cost the
    # node path's whole graph (3.7 times the memory of loading the good file).
    good = make(4000, as_json=True)
    bad = with_a_bad_date(good, True)
    good_peak, good_end = traced_peak(good, "t.json")
    bad_peak, bad_end = traced_peak(bad, "t.json")
    assert good_end == "loaded"
    assert bad_end.startswith("'20x9")
    assert bad_peak <= good_peak


@pytest.mark.parametrize("language", ["json", "yaml"])
def test_a_broken_file_gives_the_reference_diagnostics(language):
    organizations = {"un": {"name": "UN", "parent": "un2"}, "un2": {"name": "UN 2", "parent": "un"}}
    events = [
        {"title": "fine", "date": "2009", "actors": ["un", "later"]},
        {"title": "bad date", "date": "20x9", "actors": ["unknown", "un"]},
        {"title": "ends early", "start": "2010", "end": "2009", "protocols": ["un"]},
        {"id": "e", "title": "twice", "date": "2011"},
        {"id": "e", "title": "again", "date": "2012", "actors": ["later", "missing"]},
    ]
    document = {"timeline": 1, "organizations": organizations, "events": events,
                "countries": {"later": {"name": "Later"}}}
    text = json.dumps(document, indent=1)
    if language == "yaml":
        text = text.replace('"timeline": 1', '"timeline": 1, "x": &anchor 1', 1)  # a node-path file
    with pytest.raises(DatasetError) as fast:
        load_text(text, f"t.{language}")
    with pytest.raises(DatasetError) as reference:
        load_text(text, f"t.{language}", accelerate=False)
    assert fast.value.diagnostics == reference.value.diagnostics
    errors = [(d.path, d.message.split(";")[0]) for d in fast.value.diagnostics if d.is_error]
    assert ("events[1].actors[0]", "unknown actor 'unknown'") in errors
    assert ("events[4].actors[1]", "unknown actor 'missing'") in errors
    assert not any("later" in message for _path, message in errors)  # known once every id is
    assert ("events[2].protocols[0]",
            "'un' is an organization, but `protocols` must name a protocol") in errors
    assert any(path == "events[4].id" for path, _message in errors)
    assert any(message.startswith("the `parent` links loop") for _path, message in errors)


@pytest.mark.parametrize("language", ["json", "yaml"])
def test_a_file_the_fast_path_wrongly_calls_broken_still_loads(monkeypatch, language):
    # The node path decides: should it find no error where the fast path found one, the file
    # is read again, keeping what it reads.
    def broken(*args, **kwargs):
        raise Broken("a disagreement")

    text = MINIMAL if language == "yaml" else make(40, as_json=True)
    expected = load_text(text, f"t.{language}")
    monkeypatch.setattr(loader, "read_plain", broken)
    assert_same(load_text(text, f"t.{language}"), expected)


def reads_of(monkeypatch, lazy: type, noted) -> list:
    """What `noted(sequence, index)` says of each entry of a `lazy` sequence composed from
    now on (read through `__getitem__`)."""
    reads: list = []
    read = lazy.__getitem__

    def reading(sequence, index):
        reads.append(noted(sequence, index))
        return read(sequence, index)

    monkeypatch.setattr(lazy, "__getitem__", reading)
    return reads


# Events of a broken JSON file, each written as it stands in the file, and whether the walk
# for problems can check it as plain values (True) or reads its nodes (False). The first
# makes the fast path stop with an error (so that the file is walked for its problems only).
PLAIN_OR_NODES = [
    ('{"title": "bad date", "date": "20x9"}', False),
    ('{"id": "p1", "title": "plain", "date": "2009", "actors": ["un"], "tags": ["a", "b"]}', True),
    ('{"id": "dup", "title": "first of two", "start": "2010-02", "end": "2011"}', True),
    ('{"title": "caf\\u00e9", "date": 2009, "summary": "", "sources": []}', True),
    ('{"title": "blank date", "date": "  "}', True),
    ('{"id": 7, "title": 8}', True),
    ('{"title": "unknown field", "date": "2009", "colour": "red"}', False),
    ('{"title": "null", "date": null}', False),
    ('{"title": "true tag", "tags": [true]}', False),
    ('{"title": "empty tag", "tags": [""]}', False),
    ('{"title": "point and span", "date": "2009", "start": "2010"}', False),
    ('{"title": "end alone", "end": "2010"}', False),
    ('{"title": "ends early", "start": "2010", "end": "2009"}', False),
    ('{"title": "  ", "date": "2009"}', False),
    ('{"date": "2009"}', False),
    ('{"id": " ", "title": "blank id"}', False),
    ('{"title": "a", "title": "key twice"}', False),
    ('{"title": "later", "actors": ["later"]}', False),
    ('{"title": "wrong kind", "protocols": ["un"]}', False),
    ('{"title": "unknown actor", "actors": ["nobody"]}', False),
    ('{"title": {"a": 1}}', False),
    ('{"title": ["a"]}', False),
    ('{"title": "tags as text", "tags": "a"}', False),
    ('{"id": "dup", "title": "second of two"}', False),
    ('{"id": "p1", "title": "p1 again"}', False),
]


def test_a_broken_json_file_is_walked_without_the_nodes_of_its_plain_events(monkeypatch):
    # The walk for problems decodes each event with the standard parser and reads the nodes
    # only of those that break a rule or wait on a reference; the diagnostics, lines of first
    # uses of an id included, are the reference's.
    events = ",\n".join(f"  {item}" for item, _plain in PLAIN_OR_NODES)
    text = (f'{{"timeline": 1,\n "organizations": {{"un": {{"name": "UN"}}}},\n "events": [\n{events}\n ],\n'
            f' "countries": {{"later": {{"name": "Later"}}}}}}')
    with pytest.raises(DatasetError) as reference:
        load_text(text, "t.json", accelerate=False)
    composed = reads_of(monkeypatch, _Items, lambda items, index: index)
    with pytest.raises(DatasetError) as walked:
        load_text(text, "t.json")
    assert walked.value.diagnostics == reference.value.diagnostics
    nodes = {at for at, (_item, plain) in enumerate(PLAIN_OR_NODES) if not plain}
    assert set(composed) == nodes | {1, 2}  # and the two first uses of an id, for their lines
    lines = [d.message for d in walked.value.diagnostics if d.path in ("events[23].id", "events[24].id")]
    assert ["already used by the event on line 6" in lines[0], "on line 5" in lines[1]] == [True, True]


def sections_text(organizations: str, after: str = "") -> str:
    return '{"timeline": 1, "sources": {"s": {"title": "S"}}, "organizations": ' + organizations + after + "}"


LAZY_SECTIONS = {
    "generated": make(60, as_json=True),
    "one per line, with escapes": sections_text(
        '{\n  "a": {"name": "\\u00c9 A"},\n  "b\\u00e9": {"name": "B", "sources": ["s"]}\n}'),
    "empty section": sections_text("{ }"),
    "empty section over lines": sections_text("{\n\r\n}"),
    "an id given twice": sections_text('{"a": {"name": "A"}, "a": {"name": "again"}}'),
    "values of every kind": sections_text('{"a": 1, "b": "two", "c": null, "d": [3, [4]], "e": {"f": {"g": 5}}}'),
    "a section given twice": sections_text('{"a": {"name": "A"}}', ', "organizations": {"b": {"name": "B"}}'),
}
WHOLE_SECTIONS = {
    "NaN in an entity": sections_text('{"a": {"name": "A", "founded": NaN}}'),
    "nested too deep in an entity": sections_text('{"a": ' + "[" * 1200 + "]" * 1200 + "}"),
    "a syntax error in an entity": sections_text('{"a": {"name": "A",}}'),
}


def organizations_node(root: Node) -> Node:
    assert isinstance(root, MappingNode)
    return next(value for key, value in root.value if key.value == "organizations")


@pytest.mark.parametrize("name", [*LAZY_SECTIONS, *WHOLE_SECTIONS])
def test_entity_sections_composed_one_at_a_time_are_the_nodes_composed_at_once(name):
    lazy_root = composed_alike({**LAZY_SECTIONS, **WHOLE_SECTIONS}[name])
    if lazy_root is not None:
        assert isinstance(organizations_node(lazy_root).value, _Pairs) == (name in LAZY_SECTIONS)


# Organizations of a broken JSON file, and whether the walk for problems can check each as
# plain values (True) or reads its nodes (False). The events before them make the fast path
# stop with an error, and one has an id an organization uses again.
ENTITIES_PLAIN_OR_NODES = [
    ('"a": {"name": "A"}', True),
    ('"b": {"name": "B", "short": "b", "kind": "agency", "url": "u", "description": "",'
     ' "founded": "2000", "dissolved": "2010", "sources": ["s"]}', True),
    ('"c": {"name": "C", "parent": "a"}', False),
    ('"d": {"name": "D", "colour": "red"}', False),
    ('"e": {"name": " "}', False),
    ('"f": {"short": "f"}', False),
    ('"g": {"name": "G", "founded": "20x0"}', False),
    ('"h": {"name": "H", "founded": "2010", "dissolved": "2000"}', False),
    ('"i": {"name": "I", "sources": ["nope"]}', False),
    ('"j": null', False),
    ('"k": {"name": "K", "name": "again"}', False),
    ('" ": {"name": "blank id"}', False),
    ('"l": {"name": "L", "sources": [""]}', False),
    ('"m": {"name": "the id of an event"}', False),
    ('"n": {"name": 7}', True),
    ('"a": {"name": "A again"}', None),  # a key given twice: its key is read, not its value
]


def test_a_broken_json_file_is_walked_without_the_nodes_of_its_plain_entities(monkeypatch):
    # As events are (above): the diagnostics, the lines of first uses of an id included, are
    # the reference's, and only the entities that break a rule have their nodes composed.
    entities = ",\n".join(f"  {entry}" for entry, _plain in ENTITIES_PLAIN_OR_NODES)
    text = ('{"timeline": 1,\n "sources": {"s": {"title": "S"}},\n "events": [\n'
            '  {"title": "bad date", "date": "20x9"},\n  {"id": "m", "title": "an id in use"}\n ],\n'
            ' "organizations": {\n' + entities + '\n },\n "countries": {"b": {"name": "Bee"}}}')
    with pytest.raises(DatasetError) as reference:
        load_text(text, "t.json", accelerate=False)
    composed_at = reads_of(monkeypatch, _Pairs, lambda pairs, index: (len(pairs), index))
    with pytest.raises(DatasetError) as walked:
        load_text(text, "t.json")
    assert walked.value.diagnostics == reference.value.diagnostics
    size = len(ENTITIES_PLAIN_OR_NODES)
    nodes = {(size, at) for at, (_entry, plain) in enumerate(ENTITIES_PLAIN_OR_NODES) if plain is False}
    assert set(composed_at) == nodes | {(1, 0)}  # and the country whose id is taken
    messages = [(d.path, d.message) for d in walked.value.diagnostics]
    for path, said in [("organizations.a", "appears twice in this mapping (first on line 8)"),
                       ("organizations.m", "already used by the event on line 5"),
                       ("countries.b", "already used by the organization on line 9")]:
        assert any(where == path and said in message for where, message in messages), path


def test_a_failing_json_load_of_many_entities_takes_no_more_memory_than_a_good_one():
    # A million organizations and an event with a bad date: the walk for problems composed
    # every organization's nodes (1.25 GB against 0.75 GB for the good file).
    organizations = {f"o{n}": {"name": f"Organization {n}", "short": f"O{n}"} for n in range(3000)}
    good = json.dumps({"timeline": 1, "organizations": organizations,
                       "events": [{"title": "t", "date": "2009", "actors": list(organizations)[:50]}]}, indent=1)
    bad = good.replace('"date": "2009"', '"date": "20x9"')
    good_peak, good_end = traced_peak(good, "t.json")
    bad_peak, bad_end = traced_peak(bad, "t.json")
    assert good_end == "loaded"
    assert bad_end.startswith("'20x9")
    assert bad_peak <= good_peak
