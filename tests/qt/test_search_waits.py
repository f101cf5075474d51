"""A search of a large data set asked for before its search text is built waits for the
background lane to build it, and applies then; the window's thread never builds it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from explorer.model.background import BACKGROUND
from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Event
from explorer.model.filters import EventFilter, apply_filter, filter_index
from explorer.model.queries import count_text
from explorer.qt.document import SEARCH_WAITS_ABOVE, Document
from explorer.qt.filter_bar import FilterBar

WORDS = ("police", "treaty", "campaign")


@pytest.fixture
def large() -> Dataset:
    """A new data set each time: its filter index, and so its search text, is its own."""
    return Dataset.build(events=[
        Event(id=f"e{n}", title=f"{WORDS[n % 3]} {n}", start=parse_edtf("2009"))
        for n in range(SEARCH_WAITS_ABOVE + 1)
    ])


@pytest.fixture
def held_lane():
    """The background lane kept busy until released, so that the search text is not built."""
    release = threading.Event()
    BACKGROUND.submit(release.wait)
    try:
        yield release
    finally:
        release.set()


def announced(document: Document) -> list[EventFilter]:
    seen: list[EventFilter] = []
    document.filter_changed.connect(seen.append)
    return seen


def test_a_search_waits_for_the_lane_and_applies_once_the_text_is_built(qtbot, large, held_lane):
    document = Document()
    document.set_dataset(large)
    seen = announced(document)
    search = EventFilter(text="police")
    document.set_filter(search)
    assert document.filter_waiting and document.filter == search
    assert document.visible_positions == list(range(len(large.events)))  # the last filter's
    assert seen == [] and not filter_index(large).text_ready
    held_lane.set()
    qtbot.waitUntil(lambda: not document.filter_waiting)
    assert seen == [search]
    assert document.visible_positions == apply_filter(large, search)
    assert len(document.visible_positions) == len(range(0, len(large.events), 3))


def test_only_the_last_search_asked_for_while_waiting_applies(qtbot, large, held_lane):
    document = Document()
    document.set_dataset(large)
    seen = announced(document)
    document.set_filter(EventFilter(text="pol"))
    document.set_filter(EventFilter(text="treaty"))
    assert document.filter == EventFilter(text="treaty")
    held_lane.set()
    qtbot.waitUntil(lambda: not document.filter_waiting)
    assert seen == [EventFilter(text="treaty")]
    assert document.visible_positions == apply_filter(large, EventFilter(text="treaty"))


def test_a_filter_without_words_applies_at_once_and_drops_a_waiting_search(qtbot, large, held_lane):
    document = Document()
    document.set_dataset(large)
    seen = announced(document)
    document.set_filter(EventFilter(text="police"))
    dated = EventFilter(date_from=parse_edtf("2010").earliest)
    document.set_filter(dated)
    assert not document.filter_waiting and seen == [dated]
    assert document.visible_positions == []
    held_lane.set()
    BACKGROUND.submit(lambda: None).wait()
    qtbot.wait(1)  # deliver what the lane announced (nothing must change)
    assert seen == [dated] and document.filter == dated


def test_asking_again_for_the_filter_shown_drops_a_waiting_search_and_says_so(qtbot, large, held_lane):
    # (the filter bar's Clear while a search waits: the search field follows the filter)
    document = Document()
    document.set_dataset(large)
    seen = announced(document)
    document.set_filter(EventFilter(text="police"))
    document.clear_filter()
    assert not document.filter_waiting and document.filter == EventFilter()
    assert seen == [EventFilter()]
    held_lane.set()
    BACKGROUND.submit(lambda: None).wait()
    qtbot.wait(1)
    assert seen == [EventFilter()] and document.visible_positions == list(range(len(large.events)))


def test_a_new_data_set_takes_the_waiting_search(qtbot, large, held_lane):
    document = Document()
    document.set_dataset(large)
    search = EventFilter(text="campaign")
    document.set_filter(search)
    held_lane.set()
    small = Dataset.build(events=[Event(id="a", title="campaign a", start=parse_edtf("2009")),
                                  Event(id="b", title="b", start=parse_edtf("2009"))])
    document.set_dataset(small)
    assert not document.filter_waiting and document.filter == search
    assert document.visible_positions == [0]


def test_a_search_of_a_small_data_set_applies_at_once(qapp, held_lane):
    document = Document()
    document.set_dataset(Dataset.build(events=[Event(id="a", title="police", start=parse_edtf("2009"))]))
    document.set_filter(EventFilter(text="police"))
    assert not document.filter_waiting and document.visible_positions == [0]


def searched_in_a_filter_bar(qtbot, dataset: Dataset, words: str) -> tuple[Document, FilterBar]:
    """A document of `dataset` and its filter bar, `words` typed in its search field and Enter."""
    document = Document()
    document.set_dataset(dataset)
    bar = FilterBar(document)
    qtbot.addWidget(bar)
    bar.search_edit.setText(words)
    bar.search_edit.textEdited.emit(words)  # as typing it does
    bar.search_edit.returnPressed.emit()
    return document, bar


def test_a_search_typed_in_the_filter_bar_applies_once_the_lane_built_the_text(qtbot, large, held_lane):
    document, bar = searched_in_a_filter_bar(qtbot, large, "treaty")
    assert document.filter_waiting and document.filter.text == "treaty"
    assert bar.count_label.text() == "Searching\u2026" and bar.clear_button.isEnabled()
    held_lane.set()
    qtbot.waitUntil(lambda: not document.filter_waiting)
    kept = apply_filter(large, EventFilter(text="treaty"))
    assert bar.count_label.text() == count_text(len(kept), len(large.events))
    assert bar.search_edit.text() == "treaty" and bar.clear_button.isEnabled()


def test_clear_while_a_search_waits_shows_every_event_again(qtbot, large, held_lane):
    document, bar = searched_in_a_filter_bar(qtbot, large, "police")
    assert bar.count_label.text() == "Searching\u2026"
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert not document.filter_waiting and document.filter == EventFilter()
    assert bar.search_edit.text() == "" and not bar.clear_button.isEnabled()
    assert bar.count_label.text() == count_text(len(large.events), len(large.events))


def test_a_waiting_search_applies_once_the_text_is_built_not_after_the_lanes_other_work(qtbot, large):
    # A loaded data set's text is built by the lane's preparation, before the new cache entry
    # (seconds at a million events): the search must not wait for the entry too.
    before, after = threading.Event(), threading.Event()
    BACKGROUND.submit(before.wait)
    BACKGROUND.submit(filter_index(large).build_text)  # as `prepare_in_background` does
    BACKGROUND.submit(after.wait)  # as writing the cache entry does
    try:
        document = Document()
        document.set_dataset(large)
        document.set_filter(EventFilter(text="police"))
        assert document.filter_waiting
        before.set()
        qtbot.waitUntil(lambda: not document.filter_waiting)
        assert not after.is_set()
        assert document.visible_positions == apply_filter(large, EventFilter(text="police"))
    finally:
        before.set()
        after.set()
