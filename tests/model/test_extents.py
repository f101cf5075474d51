"""Extents known ahead (a cache entry's) stand for the very same events only, and the events
past them are measured one by one."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict

import numpy as np
import pytest

from explorer.model import extents as extents_module
from explorer.model.extents import extents_of, remember
from tests.helpers.builders import point, span, undated


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    monkeypatch.setattr(extents_module, "_KNOWN", OrderedDict())


FILE = (point("a", "2009"), span("ongoing", "2009-03", None), undated("u"))
MORE = (point("b", "2010-07-03"), span("c", None, "2001"))


def measured(events) -> tuple[np.ndarray, np.ndarray]:
    kept = extents_module._KNOWN
    extents_module._KNOWN = OrderedDict()
    try:
        return extents_of(events)
    finally:
        extents_module._KNOWN = kept


def marked(count: int) -> tuple[np.ndarray, np.ndarray]:
    """Extents no event has, to tell kept values from measured ones."""
    return np.arange(count, dtype=float) + 0.5, np.arange(count, dtype=float) + 0.75


def test_the_events_a_view_shows_take_the_kept_extents_of_the_file_s_and_measure_the_rest():
    remember(FILE, marked(3))
    low, high = extents_of((*FILE, *MORE))
    fresh_low, fresh_high = measured(MORE)
    assert low.tolist()[:3] == [0.5, 1.5, 2.5] and high.tolist()[:3] == [0.75, 1.75, 2.75]
    assert np.array_equal(low[3:], fresh_low) and np.array_equal(high[3:], fresh_high)


def test_equal_events_that_are_not_the_same_objects_are_measured():
    remember(FILE, marked(3))
    copies = tuple(dataclasses.replace(event) for event in FILE)
    assert copies == FILE
    low, high = extents_of((*copies, *MORE))
    fresh_low, fresh_high = measured((*FILE, *MORE))
    assert np.array_equal(low, fresh_low, equal_nan=True) and np.array_equal(high, fresh_high, equal_nan=True)


def test_events_that_begin_those_kept_take_their_kept_extents():
    remember((*FILE, *MORE), marked(5))  # what a view showed: the file's events, then more
    low, high = extents_of(FILE)  # the file's own, as its cache entry is written
    assert low.tolist() == [0.5, 1.5, 2.5] and high.tolist() == [0.75, 1.75, 2.75]


def test_the_longest_run_of_the_same_events_is_taken():
    remember(FILE[:1], marked(1))
    remember(FILE, (marked(3)[0] + 10, marked(3)[1] + 10))
    low, _ = extents_of((*FILE, *MORE))
    assert low.tolist()[:3] == [10.5, 11.5, 12.5]


def test_the_extents_a_filter_index_measures_are_kept_read_only():
    from explorer.model.filters import FilterIndex
    from tests.helpers.builders import given_events

    dataset = given_events(*FILE)
    low, high = FilterIndex(dataset).extents
    assert not low.flags.writeable and not high.flags.writeable
    assert extents_module._KNOWN[id(dataset.events)][1] is low


def test_the_extents_made_are_new_arrays_not_the_kept_ones():
    kept = marked(3)
    remember(FILE, kept)
    low, high = extents_of(FILE)
    low[0] = high[0] = -1.0
    assert kept[0][0] == 0.5 and kept[1][0] == 0.75


def test_extents_of_another_number_of_events_are_refused():
    with pytest.raises(ValueError, match="another number"):
        remember(FILE, marked(2))
