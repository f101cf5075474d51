"""An entity tree lists the first `ROWS_LISTED` entities of a section and says how many more
there are: a tree view asks for every row when it is reset, and a million organizations
held the window seconds. Every entity keeps its details, its counts and its marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Event, Organization
from explorer.qt.panes import item_models
from explorer.qt.panes.item_models import more_text
from tests.helpers.windows import settle, tree_rows

LISTED = 6


@pytest.fixture
def window(window, monkeypatch):
    monkeypatch.setattr(item_models, "ROWS_LISTED", LISTED)
    organizations = [Organization(id=f"o{n}", name=f"Org {n}", parent="o9" if n == 2 else None)
                     for n in range(10)]
    countries = [Country(id=f"C{n}", name=f"Country {n}") for n in range(8)]
    events = [Event(id="e", title="t", start=parse_edtf("2009"), actors=("o1", "o8", "C7"))]
    window.document.set_dataset(Dataset.build(organizations=organizations, countries=countries, events=events))
    settle(window)
    return window


def test_a_long_section_lists_its_first_entities_then_how_many_more(window):
    rows = tree_rows(window.panes.organizations.tree)
    assert [entity for _depth, entity, _texts in rows] == ["o0", "o1", "o2", "o3", "o4", "o5", None]
    assert rows[-1][2][0] == more_text(4) == "\u2026 and 4 more: find one by name in the Actors filter"
    assert rows[2][0] == 0  # its parent (o9) is not listed: it sits at the top
    assert rows[1][2][-1] == "1"  # o1's events
    tree, model = window.panes.organizations.tree, window.panes.organizations.model
    more = model.more_indexes()
    assert [index.row() for index in more] == [LISTED]
    assert tree.isFirstColumnSpanned(LISTED, more[0].parent())  # the note reads across the columns
    assert not model.flags(more[0]) & Qt.ItemFlag.ItemIsSelectable


def test_a_group_heading_counts_every_entity_of_its_section(window):
    rows = tree_rows(window.panes.actors.tree)
    heading = next(texts[0] for _depth, entity, texts in rows if texts[0].startswith("Countries"))
    assert heading == "Countries (8)"
    assert sum(1 for _depth, entity, _texts in rows if entity is not None and entity.startswith("C")) == LISTED
    assert more_text(2) in [texts[0] for _depth, _entity, texts in rows]


def test_an_entity_not_listed_still_shows_its_details_and_counts(window):
    window.document.select_entity("o8")
    settle(window)
    pane = window.panes.organizations
    assert not pane.model.index_of("o8").isValid() and pane.model.holds("o8")
    text = pane.details.toPlainText()
    assert "Org 8" in text and "1 event" in text
    window.document.select_entity("C7")
    settle(window)
    assert "Country 7" in window.panes.actors.details.toPlainText()
