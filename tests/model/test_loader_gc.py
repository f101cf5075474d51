"""A loaded data set is kept out of later garbage collections, and the collector runs again."""

from __future__ import annotations

import gc

from explorer.model.loader import load_dataset
from explorer.paths import shipped_dataset


def test_the_data_set_is_frozen_out_of_later_collections():
    assert gc.isenabled()
    dataset = load_dataset(shipped_dataset())
    assert gc.isenabled()
    collectable = {id(tracked) for tracked in gc.get_objects()}
    assert gc.get_freeze_count() > 0
    for event in dataset.events:
        assert id(event) not in collectable
    assert id(dataset) not in collectable


def test_a_frozen_data_set_is_still_freed_when_dropped():
    dataset = load_dataset(shipped_dataset())
    before = gc.get_freeze_count()
    del dataset  # acyclic: reference counting frees it without the collector
    assert gc.get_freeze_count() < before
