"""Whatever it is given, the loader returns a data set or raises `DatasetError` with located
diagnostics: never another exception, and never its own last-resort "failed unexpectedly"."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from hypothesis import given
from hypothesis import strategies as st

from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError, Severity
from explorer.model.load.loader import load_text
from explorer.model.load.schema import ENTITY_SECTIONS, LIST_SECTIONS, TOP_LEVEL_KEYS
from tests.helpers.fuzzing import fuzz_settings, no_hang
from tests.helpers.loading import MINIMAL, mutate, mutation_lists, same_outcome

FUZZ = fuzz_settings(200)

FIELD_NAMES = sorted(
    {name for section in ENTITY_SECTIONS.values() for name in section.shape.fields}
    | {name for shape in LIST_SECTIONS.values() for name in shape.fields}
)
IDS = ["un", "unodc", "MX", "costa", "tip", "src", "undoc", "NO", ""]
DATE_TEXTS = ["2009", "2009-03", "2010-02-30", "2009/2007", "../2013-07-03", "201X", "-0043-03-15", "2009~", "x"]


def check(source: str | bytes) -> None:
    """The loader's contract on any input: a data set or located diagnostics, never a hang."""
    try:
        with no_hang():
            dataset = load_text(source)
    except DatasetError as error:
        assert any(d.is_error for d in error.diagnostics)
        diagnostics = error.diagnostics
    else:
        assert isinstance(dataset, Dataset)
        diagnostics = dataset.warnings
        assert all(d.severity is Severity.WARNING for d in diagnostics)
        assert len(dataset.events_by_id) == len(dataset.events), "event ids are unique"
        for event in dataset.events:
            for actor in event.actors:
                assert dataset.entity(actor) is not None
        for membership in dataset.memberships:
            assert dataset.entity(membership.member) is not None
            assert dataset.entity(membership.of) is not None
    for diagnostic in diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1, diagnostic
        assert "failed unexpectedly" not in diagnostic.message, diagnostic


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(IDS + DATE_TEXTS),
    st.dates(min_value=dt.date(1, 1, 1)),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES + list(TOP_LEVEL_KEYS) + IDS), st.text(max_size=8))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


def entity(fields: list[str]) -> st.SearchStrategy:
    values = st.one_of(scalars, st.lists(st.sampled_from(IDS), max_size=3), trees)
    return st.dictionaries(st.sampled_from(fields + ["sumary", "colour"]), values, max_size=6)


shaped_documents = st.fixed_dictionaries(
    {"timeline": st.sampled_from([1, 1, 1, 2, "1", None])},
    optional={
        **{
            name: st.dictionaries(st.sampled_from(IDS), entity(list(section.shape.fields)), max_size=4)
            for name, section in ENTITY_SECTIONS.items()
        },
        **{
            section: st.lists(entity(list(shape.fields)), max_size=4)
            for section, shape in LIST_SECTIONS.items()
        },
        "title": scalars,
        "extra": trees,
    },
)


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    check(data)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("timeln: 1\n-[]{}&*!<>|'\"#,?%~@`\t\r\x00é") + ["\ud800"]), max_size=200))
def test_arbitrary_yaml_like_text(text):
    check(text)
    check("timeline: 1\n" + text)


@FUZZ
@given(trees, st.booleans())
def test_arbitrary_yaml_trees(tree, flow):
    check(yaml.safe_dump(tree, default_flow_style=flow, allow_unicode=True))
    check(yaml.safe_dump({"timeline": 1, "events": tree}, default_flow_style=flow))


@FUZZ
@given(shaped_documents, st.booleans())
def test_documents_shaped_like_timelines(document, flow):
    check(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, sort_keys=False))


mutations = mutation_lists()


@FUZZ
@given(mutations)
def test_mutations_of_a_valid_file(operations):
    check(mutate(MINIMAL, operations))


def test_the_unmutated_file_loads():
    check(MINIMAL)
    assert len(load_text(MINIMAL).events) == 7


@FUZZ
@given(shaped_documents, st.booleans())
def test_documents_shaped_like_timelines_read_the_same_both_ways(document, flow):
    """Their unknown keys and fields (`sumary`, `colour`, `extra`) are warnings: the fast path
    places them as the node path does, or leaves the file to it."""
    same_outcome(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, sort_keys=False))
    same_outcome(json.dumps(document, default=str, ensure_ascii=flow), language="json")
