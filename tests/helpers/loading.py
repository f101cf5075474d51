"""Texts and comparisons the loader specs share."""

from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError
from explorer.model.load.loader import fast_path, load_text
from tests.helpers.paths import DATA_DIR

#: A small valid file that exercises every section.
MINIMAL = (DATA_DIR / "loader_minimal.yaml").read_text(encoding="utf-8")

# Integers written in every way YAML 1.2 reads as the same number, next to the same numbers
# inside text: the fast path must give the text written, or leave the file to the node path.
HISTORY = """\
timeline: 1
title: 300 years
countries:
  NO: {name: Norway, iso: NO}
  2009: {name: A country named after a year, iso: yes}
events:
  - {title: Ides of March, date: -0043}
  - {title: Founding, date: 0753, summary: 753 years}
  - title: Battle
    date:    0043-03-15
  - {title: "43", date: 1043}
  - title: 7
    date: 2009
    tags: [7, 07a, x_1]
  - {title: Report 4 on 0004, date: 0004~, actors: [2009]}
"""


def assert_same(first: Dataset, second: Dataset) -> None:
    """Two data sets hold the same things, field by field."""
    for field in dataclasses.fields(Dataset):
        left, right = getattr(first, field.name), getattr(second, field.name)
        if isinstance(left, type(dict().keys())) or hasattr(left, "items"):
            left, right = dict(left), dict(right)
        assert left == right, field.name
    for a, b in zip(first.events, second.events):
        assert type(a.start) is type(b.start) and type(a.end) is type(b.end)


def outcome(text: str, accelerate: bool, **kwargs):
    """The data set, or the diagnostics of a file that fails."""
    try:
        return load_text(text, accelerate=accelerate, **kwargs)
    except DatasetError as error:
        return error.diagnostics


def same_outcome(text: str, **kwargs) -> bool:
    """Assert that the loader with and without the fast path gives the same data set (with the
    same warnings) or the same diagnostics, and that what the fast path alone vouches for is
    what the node path reads; whether the fast path vouched for the file."""
    fast, slow = outcome(text, True, **kwargs), outcome(text, False, **kwargs)
    if isinstance(slow, Dataset):
        assert isinstance(fast, Dataset), fast
        assert_same(fast, slow)
    else:
        assert fast == slow
    found = fast_path(text, kwargs.get("language", "yaml"))
    if found is None:
        return False
    fields, warnings = found
    assert isinstance(slow, Dataset), "the fast path vouched for a file with errors"
    assert warnings == list(slow.warnings)
    assert_same(Dataset.build(**fields), Dataset.build(**fields_of(slow)))
    return True


def fields_of(dataset: Dataset) -> dict:
    """The keyword arguments of `Dataset.build` that make `dataset` again."""
    return {
        "title": dataset.title, "description": dataset.description,
        "sources": dataset.sources.values(), "organizations": dataset.organizations.values(),
        "people": dataset.people.values(), "countries": dataset.countries.values(),
        "protocols": dataset.protocols.values(), "memberships": dataset.memberships,
        "eras": dataset.eras, "events": dataset.events,
    }


def mutate(text: str, operations) -> str:
    """`text` after each (operation, where, length, chunk) of a fuzzing strategy."""
    for operation, at, length, chunk in operations:
        at = min(at, len(text))
        if operation == "delete":
            text = text[:at] + text[at + length:]
        elif operation == "insert":
            text = text[:at] + chunk + text[at:]
        elif operation == "replace":
            text = text[:at] + chunk + text[at + len(chunk):]
        else:
            lines = text.split("\n")
            first = at % len(lines)
            second = (first + length) % len(lines)
            if operation == "duplicate-line":
                lines.insert(first, lines[first])
            else:
                lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
    return text


def mutation_lists(extra: str = "") -> st.SearchStrategy:
    """Lists of (operation, where, length, chunk) for `mutate` on `MINIMAL`; chunks are made
    of YAML's indicators, digits and letters, and of `extra`."""
    return st.lists(
        st.tuples(
            st.sampled_from(["delete", "insert", "replace", "duplicate-line", "swap-lines"]),
            st.integers(0, len(MINIMAL)), st.integers(1, 40),
            st.text(alphabet=st.sampled_from(list(" :-[]{}&*!\n'\"#,2019XYabc" + extra)), min_size=1, max_size=6),
        ),
        min_size=1, max_size=4,
    )
