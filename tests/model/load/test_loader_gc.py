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



def cyclic_garbage_of(make_it) -> int:
    """How many objects the cyclic collector finds of what `make_it` returns, once dropped:
    none when reference counting frees it all."""
    gc.collect()
    gc.disable()
    try:
        made = make_it()
        del made
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize("form", ["yaml", "json", "yaml with an anchor (node path)", "cache entry"])
def test_a_loaded_data_set_holds_no_reference_cycles(tmp_path, monkeypatch, form):
    # What lets the window freeze a large load's objects (`explorer.collector.settle`): a data
    # set put in the place of a frozen one is freed by reference counting alone.
    from benchmarks.make_dataset import make
    from explorer.model.filters import FilterIndex
    from explorer.model.load.cache import DatasetCache
    from explorer.model.membership_events import with_membership_events

    text = make(300, as_json=form == "json")
    if form.startswith("yaml with"):
        text = text.replace("\nevents:\n", "\ncolour_of_note: &note red\nevents:\n", 1)
    path = tmp_path / ("t.json" if form == "json" else "t.yaml")
    path.write_text(text, encoding="utf-8")
    cache = DatasetCache(tmp_path / "cache", background=False)
    if form == "cache entry":
        load_dataset(path, cache=cache)
        cache.forget()  # the next load decodes the entry

    node_path = []
    if form.startswith("yaml with"):
        import explorer.model.load.loader as loader

        original = loader._node_fields
        monkeypatch.setattr(loader, "_node_fields", lambda *a, **k: node_path.append(1) or original(*a, **k))

    def loaded():
        dataset = load_dataset(path, cache=cache)
        shown = with_membership_events(dataset)
        return dataset, shown, FilterIndex(shown).prepare()

    assert len(loaded()[0].events) >= 300
    assert cyclic_garbage_of(loaded) == 0
    assert bool(node_path) == form.startswith("yaml with")
