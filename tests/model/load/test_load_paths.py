"""Every path through the loader gives the same data set: the node path (the reference, which
places every diagnostic), the fast path (a compiled parser and the plain validator), JSON,
and the cache of validated data sets. They are compared field by field."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.make_dataset import make
from explorer.model.dataset import Dataset
from explorer.model.load import loader
from explorer.model.load.loader import fast_path_fields, load_dataset, load_text
from explorer.paths import shipped_dataset
from tests.helpers.loading import HISTORY, MINIMAL, assert_same, fields_of, mutate, same_outcome
from tests.helpers.paths import DATA_DIR, ROOT

FILES = [shipped_dataset(), DATA_DIR / "loader_minimal.yaml", *sorted((ROOT / "docs" / "examples").glob("*.yaml"))]
FUZZ = settings(
    max_examples=150, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

def reference(text: str, **kwargs) -> Dataset:
    return load_text(text, accelerate=False, **kwargs)


# the fast path serves clean files, with the reference's results


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_shipped_files_take_the_fast_path_with_the_same_results(path):
    text = path.read_text(encoding="utf-8")
    fields = fast_path_fields(text)
    assert fields is not None, "the fast path should vouch for this clean file"
    assert_same(Dataset.build(**fields), Dataset.build(**fields_of(reference(text))))
    assert_same(load_dataset(path), load_dataset(path, accelerate=False))


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_files_take_the_fast_path_with_the_same_results(seed):
    text = make(400, seed)
    fields = fast_path_fields(text)
    assert fields is not None
    assert_same(Dataset.build(**fields), Dataset.build(**fields_of(reference(text))))


def test_a_parsed_file_let_go_a_piece_at_a_time_keeps_what_was_made_of_it(monkeypatch):
    # A parsed YAML file's sections are emptied in pieces once read (`_let_go`; JSON's are
    # decoded one at a time already): with pieces of 7 entries, every section of 400 events
    # is, and the data set is the reference's.
    let_go = []
    original = loader._let_go
    monkeypatch.setattr(loader, "_LET_GO_PIECE", 7)
    monkeypatch.setattr(loader, "_let_go", lambda root: (original(root), let_go.append(root)))
    text = make(400, 6)
    dataset = load_text(text)

    assert_same(dataset, reference(text))
    assert len(dataset.events) >= 400
    emptied = [section for root in let_go if type(root) is dict for section in root.values()
               if type(section) in (list, dict)]
    assert len(emptied) >= 3 and all(len(section) <= 7 for section in emptied)


def test_integers_are_read_as_written_or_left_to_the_node_path():
    same_outcome(HISTORY)
    dataset = load_text(HISTORY)
    assert [e.start.text for e in dataset.events] == ["-0043", "0753", "0043-03-15", "1043", "2009", "0004~"]
    assert [e.title for e in dataset.events][3:5] == ["43", "7"]
    assert dataset.events[4].tags == ("7", "07a", "x_1")
    assert list(dataset.countries) == ["NO", "2009"]


@pytest.mark.parametrize("text", [
    "timeline: 1\nevents: [{title: a, date: 0043}, {title: b, date: 43}]\n",  # 43 written twice
    "timeline: 1\nevents: [{title: a, date: +2009}]\n",
    "timeline: 1\nevents: [{title: a, date: 2_009}]\n",
    "timeline: 1\nevents: [{title: a, date: 0x7D9}]\n",
    "timeline: 1\ntitle: 1.50\n",
    "timeline: 1\ntitle: True\n",
    "timeline: 1\ntitle: .inf\n",
    "timeline: 01\n",
    "timeline: 1\ncountries: {1: {name: a}, '1': {name: b}}\n",
])
def test_numbers_the_fast_path_cannot_read_back_go_to_the_node_path(text):
    same_outcome(text)


@pytest.mark.parametrize("text", [
    "timeline: 1\ntitle: !!str 2009\n",
    "timeline: 1\ntitle: !custom x\n",
    "timeline: 1\nx: &a {title: t}\nevents: [*a]\n",
    "timeline: 1\nevents: [{<<: {title: t}, date: 2009}]\n",
    "%YAML 1.1\n---\ntimeline: 1\n",
    "timeline: 1\n---\ntimeline: 1\n",
    "timeline: 1\ntitle: a\x85b\n",
    "timeline: 1\ntitle: a\u2028b\n",
    "timeline: 1\ntitle: a\x00b\n",
    "timeline: 1\ntitle: a\tb\n",
    "timeline: 1\rtitle: a\r",
    "timeline: 1\r\ntitle: a\r\nevents:\r\n  - {title: x, date: 2009}\r\n",
    "\ufefftimeline: 1\ntitle: a\ufeffb\n",
    "timeline: 1\nx:\n" + "".join(" " * i + "- \n" for i in range(300)),
    "timeline: 1\nx: " + "[" * 400 + "]" * 400 + "\n",
    "timeline: 1\ncountries: {null: {name: a}}\n",
    "timeline: 1\nevents: [{title: Research & development, summary: 5 * 3 = 15!}]\n",
])
def test_what_the_fast_path_cannot_vouch_for_reads_as_the_reference_does(text):
    same_outcome(text)


@pytest.mark.parametrize("text, language", [
    ('timeline: 1\ntitle: "x\\ud83d\\ude00"\n', "yaml"),
    ('timeline: 1\ntitle: "x\\U0000d800"\n', "yaml"),
    ('timeline: 1\norganizations:\n  a: {name: A}\n  ' + "k" * 1100 + ': {name: B}\n', "yaml"),
    ('{"timeline": 1, "title": "x\\ud800"}', "json"),
    ('{"timeline": 1, "title": "x\\\\ud800\\udc00"}', "json"),
    ('{"timeline": 1, "title": "x\\ud83d\\ude00"}', "json"),
    ('{"timeline": 1, "title": "x\ud800"}', "json"),
], ids=["yaml pair", "yaml lone", "yaml long key", "json lone", "json lone after a backslash", "json pair",
        "json text with a lone surrogate"])
def test_surrogates_and_long_keys_read_as_the_reference_does(text, language):
    same_outcome(text, language=language)


# An entity of text fields only is its own checked values (`validate_plain._plain_texts`):
# each case reads as the reference does, vouched for (True) or left to the node path (False).
@pytest.mark.parametrize("text, language, vouched", [
    ("timeline: 1\norganizations: {a: {name: A, short: a, url: u, description: d}}\n", "yaml", True),
    ("timeline: 1\npeople: {p: {name: P}}\ncountries: {c: {name: C, iso: CC}}\n", "yaml", True),
    ("timeline: 1\nsources: {s: {title: S, publisher: P, note: n}}\n", "yaml", True),
    ("timeline: 1\norganizations: {a: {name: 1.50}}\n", "yaml", False),  # a number: as written
    ("timeline: 1\norganizations: {a: {name: A, short: 7}}\n", "yaml", True),
    ("timeline: 1\norganizations: {a: {name: A, short: null}}\n", "yaml", True),
    ("timeline: 1\norganizations: {a: {name: A, short: [x]}}\n", "yaml", False),
    ("timeline: 1\norganizations: {a: {name: A, kind: agency}}\n", "yaml", True),  # `kind_label`
    ("timeline: 1\norganizations: {a: {name: '|x'}}\n", "yaml", False),  # read as text by the nodes
    ("timeline: 1\norganizations: {a: {name: ' '}}\n", "yaml", False),  # blank: an error
    ("timeline: 1\norganizations: {a: {name: ''}}\n", "yaml", False),
    ("timeline: 1\norganizations: {a: {short: a}}\n", "yaml", False),  # no name: an error
    ("timeline: 1\norganizations: {a: {}}\n", "yaml", False),
    ('{"timeline": 1, "organizations": {"a": {"name": "A", "url": "u"}, "b": {"name": "B"}}}', "json", True),
    ('{"timeline": 1, "organizations": {"a": {"name": "\\t"}}}', "json", False),
    ('{"timeline": 1, "organizations": {"a": {"name": "A", "short": true}}}', "json", True),
    ('{"timeline": 1, "organizations": {"a": {"name": "A"}, "a": {"name": "B"}}}', "json", False),
])
def test_entities_of_text_fields_only_read_as_the_reference_does(text, language, vouched):
    assert same_outcome(text, language=language) is vouched


def test_the_fast_path_leaves_every_error_to_the_node_path():
    for text in (
        "timeline: 1\nevents: [{title: x, date: 2010-02-30}]\n",
        "timeline: 1\nevents: [{title: x, sumary: y, date: 2010-02-30}]\n",  # and a warning
        "timeline: 1\norganizations: {a: {name: A, parent: b}, b: {name: B, parent: a}}\n",
        "timeline: 1\nevents: [{id: a, title: x}, {id: a, title: y}]\n",
    ):
        assert fast_path_fields(text) is None
        same_outcome(text)


def test_a_failing_fast_path_falls_back_to_the_node_path(monkeypatch, data_dir):
    def broken(*args):
        raise KeyError("a bug in the fast path")

    monkeypatch.setattr(loader, "read_plain", broken)
    assert_same(load_dataset(data_dir / "loader_minimal.yaml"),
                load_dataset(data_dir / "loader_minimal.yaml", accelerate=False))


# mutated files: whatever the fast path accepts, the reference accepts with the same data

DIGITS = list(" :-[]{}&*!\n'\"#,2019XYabc+_0.~")
mutations = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "replace", "duplicate-line", "swap-lines"]),
        st.integers(0, 4000), st.integers(1, 40),
        st.text(alphabet=st.sampled_from(DIGITS), min_size=1, max_size=6),
    ),
    min_size=1, max_size=4,
)
GENERATED = make(25, 3)


@FUZZ
@given(mutations)
def test_mutations_of_the_minimal_file_read_the_same_both_ways(operations):
    same_outcome(mutate(MINIMAL, operations))


@FUZZ
@given(mutations)
def test_mutations_of_a_generated_file_read_the_same_both_ways(operations):
    same_outcome(mutate(GENERATED, operations))


@FUZZ
@given(mutations)
def test_mutations_of_a_file_of_numbers_read_the_same_both_ways(operations):
    same_outcome(mutate(HISTORY, operations))


@pytest.mark.parametrize("language", ["yaml", "json"])
def test_the_fast_path_keeps_one_text_of_each_reference_and_tag(language):
    # a parser makes a text for each one written: a million events held millions of copies
    yaml_text = make(200, 3)
    text = make(200, 3, as_json=True) if language == "json" else yaml_text
    fields = fast_path_fields(text, language)
    assert fields is not None
    kept: dict[str, int] = {}
    written = 0
    for event in fields["events"]:
        for item in event.actors + event.protocols + event.tags + event.sources:
            assert kept.setdefault(item, id(item)) == id(item), f"two texts {item!r}"
            written += 1
    assert written > 2 * len(kept) > 0  # the file names the same ones again and again
    assert_same(load_text(text, language=language), reference(yaml_text))


@pytest.mark.parametrize("text", [
    "timeline: 1\norganizations: {a: {name: A}}\nevents: [{title: x, actors: [a, [a]]}]\n",
    "timeline: 1\norganizations: {a: {name: A}}\nevents: [{title: x, actors: [{a: 1}]}]\n",
    "timeline: 1\nsources: {s: {title: S}}\nevents: [{title: x, sources: [s, [s]]}]\n",
    "timeline: 1\nevents: [{title: x, tags: [a, [b]]}]\n",
])
def test_a_list_or_mapping_among_references_reads_as_the_reference_does(text):
    assert not same_outcome(text)


# JSON


def test_json_of_a_generated_file_reads_like_its_yaml():
    yaml_text, json_text = make(300, 4), make(300, 4, as_json=True)
    from_yaml = reference(yaml_text)
    for accelerate in (True, False):
        assert_same(load_text(json_text, language="json", accelerate=accelerate), from_yaml)
    assert fast_path_fields(json_text, "json") is not None


@FUZZ
@given(mutations)
def test_mutations_of_a_json_file_read_the_same_both_ways(operations):
    same_outcome(mutate(json.dumps(json.loads(make(20, 5, as_json=True)), indent=1), operations), language="json")


def test_plain_dates_read_by_the_fast_path_equal_the_edtf_parser():
    from explorer.model.dates import parse_edtf
    from explorer.model.load.validate_plain import NotVouched, _date

    texts = [f"{year:04d}" for year in (0, 1, 43, 999, 1000, 1900, 2000, 2024, 9999)]
    texts += [f"{year:04d}-{month:02d}" for year in (0, 4, 1900, 2000, 2023, 2024) for month in range(1, 13)]
    texts += [f"{year:04d}-{month:02d}-{day:02d}" for year in (0, 100, 1600, 1900, 2000, 2024)
              for month in range(1, 13) for day in (1, 15, 28, 29, 30, 31)]
    texts += ["2009-21", "2009-00", "2009-13", "2010-02-29", "2009-04-31", "2009-01-00"]
    for text in texts:
        try:
            expected = parse_edtf.__wrapped__(text)
        except ValueError:
            with pytest.raises(NotVouched):
                _date(text)
            continue
        assert _date(text) == expected, text


def test_without_the_accelerator_yaml_reads_through_the_node_path(monkeypatch, data_dir):
    from explorer.model.load import yaml_fast

    text = (data_dir / "loader_minimal.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(yaml_fast, "yaml_rs", None)
    assert fast_path_fields(text) is None
    assert_same(load_text(text), reference(text))


# warnings stay on the fast path, placed where the node path places them

ORGS = "organizations:\n  a: {name: A}\n  b: {name: B}\n"
#: Files with warnings that the fast path reads and places itself.
PLACED = {
    "unknown top-level key": "timeline: 1\ncolour: blue\nevents:\n  - title: x\n",
    "unknown top-level key holding keys": (
        "timeline: 1\nextra:\n  sumary: 1\n  list: [{a: 1}, {b: [2, 3]}]\nevents:\n  - {title: x, sumary: y}\n"
    ),
    "unknown field, block": "timeline: 1\nevents:\n  - title: x\n    sumary: y\n  - title: z\n",
    "unknown field, flow": "timeline: 1\nevents:\n  - {title: x, sumary: y}\n  - {title: z,   remark: w}\n",
    "unknown field without a value in a flow mapping": "timeline: 1\nevents:\n  - {title: x, remark}\n",
    "quoted keys": "timeline: 1\nevents:\n  - {title: x, 'sumary': y}\n  - title: z\n    \"sumary\": w\n",
    "flow root": '{timeline: 1, events: [{title: x, sumary: y}, {"title": z, "remark": w}]}\n',
    "flow over several lines": "timeline: 1\nevents: [{title: x,\n   sumary: y}, {title: z,\n   remark: w}]\n",
    "characters before the key": 'timeline: 1\nevents:\n  - {title: "é 😀 ü", summary: "€", sumary: y}\n',
    "line ends \\r\\n": "timeline: 1\r\nevents:\r\n  - title: x\r\n    sumary: y\r\n",
    "entity fields": "timeline: 1\nsources:\n  s: {title: S, colour: red}\n" + ORGS.replace("{name: B}", "{name: B, nmae: b}"),
    "membership and era": (
        "timeline: 1\n" + ORGS + "memberships:\n  - {member: a, of: b, remark: r}\n"
        "eras:\n  - title: E\n    start: 2000\n    remark: r\n"
    ),
    "statuses": (
        "timeline: 1\n" + ORGS + "memberships:\n  - {member: a, of: b, status: ratifed}\n"
        "  - member: a\n    of: b\n    status:   'sort of'\n  - {member: a, of: b, status: \"pending\", note: n}\n"
        "  - {member: a, of: b, status: signed}\n"
    ),
    "a status and an unknown field in one entry": (
        "timeline: 1\n" + ORGS + "memberships:\n  - {member: a, of: b, status: ratifed, remark: r}\n"
    ),
    "a field known elsewhere": (
        "timeline: 1\nsources:\n  s: {title: S, url: 'http://x'}\n" + ORGS
        + "memberships:\n  - {member: a, of: b, status: signed}\n"
        "events:\n  - {title: x, url: 'http://y', status: z, name: n}\n  - {title: y, sources: [s]}\n"
    ),
    "a key also an id": "timeline: 1\ncountries:\n  remark: {name: R}\nevents:\n  - {title: x, remark: y}\n",
    "a key nested in an ignored value": "timeline: 1\nevents:\n  - {title: x, extra: {sumary: 1, x: [{sumary: 2}]}, sumary: 3}\n",
    "an integer key": "timeline: 1\nevents:\n  - {title: x, 1990: y}\n",
    "warnings in several sections": (
        "timeline: 1\nnotes: n\nsources:\n  s: {title: S, remark: r}\n" + ORGS
        + "memberships:\n  - {member: a, of: b, status: ratifed}\nevents:\n  - {title: x, remark: y}\nlast: 1\n"
    ),
    "many warnings": "timeline: 1\nevents:\n" + "".join(f"  - title: e{n}\n    remark: r{n}\n" for n in range(150)),
    "JSON": json.dumps({
        "timeline": 1, "colour": "x", "organizations": {"a": {"name": "A", "remark": 1}, "b": {"name": "B"}},
        "memberships": [{"member": "a", "of": "b", "status": "ratifed"}, {"member": "a", "of": "b", "status": 7}],
        "events": [{"title": "x", "remark": {"remark": [1]}}, {"title": "caf\u00e9", "id": "caf\u00e9"}],
    }, indent=2),
    "JSON, a field known elsewhere": json.dumps({
        "timeline": 1, "sources": {"s": {"title": "S", "url": "u"}}, "organizations": {"a": {"name": "A"}},
        "events": [{"title": "x", "url": "v", "name": "n"}, {"title": "y", "sources": ["s"]}, {"title": "z", "name": "m"}],
    }, indent=1),
    "JSON on one line, with escapes": json.dumps({
        "timeline": 1, "countries": {"caf\u00e9": {"name": "a \"b\": c\n"}},
        "events": [{"title": "x\\", "remark": "y", "summary": "remark"}],
    }),
    "a field of events written at the top, JSON": '{"timeline": 1, "summary": "s", "events": [{"title": "x", "summary": "y"}]}',
    "a field of events written at the top": "timeline: 1\nsummary: s\nevents:\n  - {title: x, summary: y}\n",
    "JSON with space before colons": '{"timeline" : 1,\n "events" : [{"title" : "x", "remark"\n : "y"}]}',
}
#: Files with warnings the fast path cannot place for certain: the node path reads them.
UNPLACED = {
    "the key written in a block of text": "timeline: 1\nevents:\n  - title: x\n    sumary: y\n    summary: |\n      sumary: z\n",
    "the key written as a value": "timeline: 1\nevents:\n  - {title: sumary, sumary: y}\n",
    "the key in a comment": "timeline: 1\n# sumary: old\nevents:\n  - {title: x, sumary: y}\n",
    "a key that is not a word": "timeline: 1\nevents:\n  - {title: x, 'see also': y}\n",
    "a key with escapes": 'timeline: 1\nevents:\n  - {title: x, "sum\\x61ry": y}\n',
    "a JSON key with escapes": '{"timeline": 1, "events": [{"title": "x", "sum\\u0061ry": "y"}]}',
    "a status on the next line": "timeline: 1\n" + ORGS + "memberships:\n  - member: a\n    of: b\n    status:\n      ratifed\n",
    "a status in a block": "timeline: 1\n" + ORGS + "memberships:\n  - member: a\n    of: b\n    status: |\n      ratifed\n",
    "too many warnings": "timeline: 1\nevents:\n" + "".join(f"  - {{title: e{n}, remark: r}}\n" for n in range(201)),
    "a merge key": "timeline: 1\nevents:\n  - {title: x, '<<': y}\n",
    "a key that is also a value": "timeline: 1\ncountries:\n  remark: {name: R}\nevents:\n  - {title: x, remark: y, actors: [remark]}\n",
}


def language(text: str) -> str:
    return "json" if text.startswith("{") and '"timeline"' in text[:20] else "yaml"


@pytest.mark.parametrize("text", PLACED.values(), ids=PLACED.keys())
def test_warnings_are_placed_by_the_fast_path_as_by_the_node_path(text):
    assert reference(text, language=language(text)).warnings
    assert same_outcome(text, language=language(text)), "the fast path should place these warnings"


@pytest.mark.parametrize("text", UNPLACED.values(), ids=UNPLACED.keys())
def test_warnings_the_fast_path_cannot_place_are_left_to_the_node_path(text):
    assert reference(text, language=language(text)).warnings
    assert not same_outcome(text, language=language(text)), "the fast path should leave this file to the node path"


def test_a_file_with_warnings_is_read_without_the_node_path(monkeypatch, tmp_path):
    path = tmp_path / "warned.yaml"
    path.write_text(PLACED["warnings in several sections"], encoding="utf-8")
    expected = load_dataset(path, accelerate=False)

    def refused(*args):
        raise AssertionError("the node path read the file")

    monkeypatch.setattr(loader, "_node_fields", refused)
    dataset = load_dataset(path)
    assert_same(dataset, expected)
    assert [w.path for w in dataset.warnings] == ["notes", "sources.s.remark", "memberships[0].status",
                                                  "events[0].remark", "last"]


def test_a_generated_file_with_warnings_keeps_to_the_fast_path():
    from benchmarks.open import with_warnings

    text = with_warnings(make(700, 2), 40)
    assert same_outcome(text)
    assert len(reference(text).warnings) == 40


def test_a_file_with_warnings_comes_back_from_the_cache_with_them(monkeypatch, tmp_path):
    from explorer.model.load.cache import DatasetCache

    cache = DatasetCache(tmp_path / "cache", background=False)
    path = tmp_path / "warned.yaml"
    path.write_text(PLACED["statuses"], encoding="utf-8")
    first = load_dataset(path, cache=cache)
    expected = load_dataset(path, accelerate=False).warnings
    cache.forget()

    def refused(*args):
        raise AssertionError("the file was read again")

    monkeypatch.setattr(loader, "_fast_fields", refused)
    monkeypatch.setattr(loader, "_node_fields", refused)
    again = load_dataset(path, cache=cache)
    assert_same(again, first)
    assert again.warnings == expected
    assert len(again.warnings) == 3


def test_the_words_of_each_warning_are_written_once():
    """Both validators take the words of their warnings from `schema`."""
    for module in ("validate_nodes", "validate_plain"):
        source = (ROOT / "explorer" / "model" / "load" / f"{module}.py").read_text(encoding="utf-8")
        for words in ("is ignored", "is not one the explorer knows", "the format reference lists them all"):
            assert words not in source, (module, words)


# injected warnings, fuzzed: each path places them alike (or the fast path leaves the file)

NAMES = ["sumary", "remark", "url", "name", "status", "note", "title", "id", "tags", "1990", "x-ref", "see also"]
VALUES = ["added", "sumary", "a: b", "", "ratifed", "2009", ["a", "b"], None]
STATUS_WORDS = ["ratifed", "pending", "signed", "Ratified ", "sort of"]
injections = st.lists(
    st.tuples(st.sampled_from(["events", "memberships", "eras", "sources", "organizations", "top", "status"]),
              st.integers(0, 10_000), st.sampled_from(NAMES), st.sampled_from(VALUES), st.sampled_from(STATUS_WORDS)),
    min_size=1, max_size=8,
)


def injected(document: dict, operations) -> dict:
    """`document` with unknown keys, unknown fields and statuses put in."""
    for where, at, name, value, status in operations:
        if where == "top":
            if name not in document:
                document[name] = value
        elif where == "status":
            if document["memberships"]:
                document["memberships"][at % len(document["memberships"])]["status"] = status
        else:
            entries = document[where]
            entries = list(entries.values()) if isinstance(entries, dict) else entries
            if entries:
                entries[at % len(entries)].setdefault(name, value)
    return document


def fuzzed_document(seed: int, operations) -> dict:
    from benchmarks.make_dataset import Maker

    return injected(Maker(12, seed).document(), operations)


@FUZZ
@given(st.integers(1, 5), injections, st.sampled_from(["generated", "block", "flow"]))
def test_injected_warnings_read_the_same_both_ways(seed, operations, style):
    import yaml

    from benchmarks.make_dataset import to_yaml

    document = fuzzed_document(seed, operations)
    if style == "generated":
        top = {k: v for k, v in document.items() if k not in ("timeline", "title", "description", "sources",
                                                            "organizations", "people", "countries", "protocols",
                                                            "memberships", "eras", "events")}
        text = to_yaml(document) + yaml.safe_dump(top, allow_unicode=True) if top else to_yaml(document)
    else:
        text = yaml.safe_dump(document, default_flow_style=style == "flow", allow_unicode=True, sort_keys=False)
    same_outcome(text)


@FUZZ
@given(st.integers(1, 5), injections, st.sampled_from([None, 1, 2]))
def test_injected_warnings_in_json_read_the_same_both_ways(seed, operations, indent):
    text = json.dumps(fuzzed_document(seed, operations), indent=indent, ensure_ascii=indent is None)
    same_outcome(text, language="json")
