"""The programs pause automatic collections around a load and collect once after it; the
collector is always left running, and nothing is frozen away from it."""

from __future__ import annotations

import gc
import weakref

import pytest

from explorer.collector import paused_collections, settle


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
        settle()
        assert made() is None
    assert gc.get_freeze_count() == frozen
