"""The loader has no process-wide side effects on the garbage collector: it neither disables
nor freezes it, so garbage made before, during and after a load is collected as usual."""

from __future__ import annotations

import gc
import weakref

import pytest

from explorer.model.diagnostics import DatasetError
from explorer.model.load.loader import load_dataset, load_text
from explorer.paths import shipped_dataset


class Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def a_collectable_cycle() -> weakref.ref:
    return weakref.ref(Cycle())


def test_the_collector_is_left_as_the_loader_found_it():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    load_dataset(shipped_dataset())
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_cycles_made_before_and_after_a_load_are_collected():
    before = a_collectable_cycle()
    load_dataset(shipped_dataset())
    after = a_collectable_cycle()
    gc.collect()
    assert before() is None
    assert after() is None


def test_garbage_cycles_of_failed_loads_are_collected():
    # An alias that contains itself: the composed node graph is a cycle.
    frozen = gc.get_freeze_count()
    for _ in range(200):
        with pytest.raises(DatasetError):
            load_text("timeline: 1\ntitle: &a [*a]\n")
    gc.collect()
    assert gc.get_freeze_count() == frozen
    assert not [obj for obj in gc.garbage if type(obj).__module__.startswith("explorer")]

