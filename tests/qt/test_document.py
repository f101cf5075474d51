"""The document finds events by id for every view, and forgets the map with its data set."""

from __future__ import annotations

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Event
from explorer.model.filters import EventFilter
from explorer.qt.document import Document
from explorer.qt.panes.event_table import EventTableModel


def given_events(*ids: str, tag: str = "t") -> Dataset:
    return Dataset.build(events=[
        Event(id=event_id, title=event_id.upper(), start=parse_edtf("2009"), tags=(tag,) if n % 2 else ())
        for n, event_id in enumerate(ids)
    ])


def test_positions_by_id_follow_the_data_set(qapp):
    document = Document()
    assert document.position_of("a") is None
    document.set_dataset(given_events("a", "b", "c"))
    assert [document.position_of(i) for i in ("a", "b", "c", "zz", None)] == [0, 1, 2, None, None]
    document.set_dataset(given_events("c", "a"))
    assert [document.position_of(i) for i in ("a", "b", "c")] == [1, None, 0]


def test_the_event_table_finds_rows_of_listed_events_only(qapp):
    document = Document()
    document.set_dataset(given_events("a", "b", "c", "d"))
    model = EventTableModel(document)
    assert [model.row_of(i) for i in ("a", "b", "c", "d", "zz")] == [0, 1, 2, 3, -1]
    document.set_filter(EventFilter(tags=frozenset({"t"})))  # keeps b and d
    assert [model.row_of(i) for i in ("a", "b", "c", "d")] == [-1, 0, -1, 1]
