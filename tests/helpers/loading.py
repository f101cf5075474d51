"""Texts and comparisons the loader specs share."""

from __future__ import annotations

import dataclasses

from explorer.model.dataset import Dataset
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
