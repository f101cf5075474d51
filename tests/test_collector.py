"""The programs pause automatic collections around a load and settle after it: one collection
after a small load, a freeze (no collection, no stall) after a large one; the collector is
always left running."""

from __future__ import annotations

import gc
import weakref

import pytest

from explorer.collector import FREEZE_ABOVE, paused_collections, settle


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collections_pause_for_the_block_and_resume_after_it():
    assert gc.isenabled()
    with paused_collections():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_resumes_after_a_failure_in_the_block():
    with pytest.raises(RuntimeError), paused_collections():
        raise RuntimeError("the load failed")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_embedding_program_stays_off():
    gc.disable()
    try:
        with paused_collections():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_settling_collects_the_garbage_made_while_paused_and_freezes_nothing():
    frozen = gc.get_freeze_count()
    with paused_collections():
        made = weakref.ref(Cycle())
        assert made() is not None
        settle(FREEZE_ABOVE)
        assert made() is None
    assert gc.get_freeze_count() == frozen


@pytest.fixture
def unfrozen_after():
    yield
    gc.unfreeze()  # the objects of the rest of the suite go back to the collector


def test_settling_after_a_large_load_freezes_what_it_made_and_runs_no_collection(unfrozen_after):
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    with paused_collections():
        made = [[number] for number in range(1000)]  # tracked objects, as a load makes
        gc.callbacks.append(count)
        try:
            settle(FREEZE_ABOVE + 1)
        finally:
            gc.callbacks.remove(count)
        assert gc.get_freeze_count() >= len(made)
    assert collections == []
    assert gc.isenabled()
