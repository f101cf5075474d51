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

