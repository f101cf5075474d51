"""The window bounds what it lays out, whatever the file holds: a text of hundreds of thousands
of characters is clipped where it is shown (and kept whole in the data set), a list of
thousands of entities is cut with a count, and a change to every row of a long list is one
repaint, not a signal per row. Before, a 10 MB organization name held the window for minutes
(each view shaped the whole text to elide it), and selecting an event of a million actors
took over a minute (a signal per marked row)."""

from __future__ import annotations

import json

from PySide6.QtCore import QModelIndex, Qt

from explorer.qt.main_window import TITLE_CHARS
from explorer.qt.panes.details_html import LIST_ITEMS, TEXT_CHARS
from explorer.qt.panes.item_models import ROWS_SIGNALLED
from explorer.timescale.labels import MAX_DRAWN_CHARS
from tests.helpers.windows import given_shipped_window

LONG = 300_000  # characters: slow to lay out whole, quick to generate


def long_text(word: str) -> str:
    return (f"{word} " * (LONG // (len(word) + 1) + 1))[:LONG]


def written(tmp_path, data: dict) -> str:
    path = tmp_path / "bounds.json"
    path.write_text(json.dumps({"timeline": 1, **data}), encoding="utf-8")
    return str(path)


def shown_texts(view) -> list[str]:
    """What every row of a tree or table shows, column by column."""
    model = view.model()
    return [model.index(row, column, QModelIndex()).data() or ""
            for row in range(model.rowCount()) for column in range(model.columnCount())]


def test_long_texts_are_clipped_where_shown_and_kept_whole_in_the_data_set(window, qtbot, tmp_path):
    path = written(tmp_path, {
        "title": long_text("Title\nline"),
        "description": long_text("description"),
        "sources": {"s": {"title": long_text("source"), "publisher": long_text("publisher"),
                          "note": long_text("note")}},
        "organizations": {"o": {"name": long_text("name"), "short": long_text("short"),
                                "kind": long_text("kind"), "description": long_text("about")}},
        "events": [{"id": "e", "title": long_text("event"), "date": "2009", "summary": long_text("summary"),
                    "actors": ["o"], "tags": [long_text("tag")], "sources": ["s"]}],
    })
    given_shipped_window(window, qtbot, path)
    dataset = window.document.dataset
    assert len(dataset.title) == len(dataset.organizations["o"].name) == len(dataset.events[0].title) == LONG

    title = window.windowTitle()
    assert len(title) < TITLE_CHARS + 60 and "\n" not in title
    assert title.startswith("bounds.json – Title line Title line")

    panes = window.panes
    window.document.select_event("e")
    panes.flush()
    event_text = panes.event_details.browser.toPlainText()
    assert event_text.startswith("event event")
    assert len(event_text) < 2 * TEXT_CHARS + 6 * MAX_DRAWN_CHARS

    window.document.select_entity("o")
    panes.flush()
    organization_text = panes.organizations.details.toPlainText()
    assert organization_text.startswith("name name")
    assert len(organization_text) < TEXT_CHARS + 4 * MAX_DRAWN_CHARS

    for view in (panes.organizations.tree, panes.actors.tree, panes.events.table):
        texts = shown_texts(view)
        assert texts and max(len(text) for text in texts) <= MAX_DRAWN_CHARS + 40, view.objectName()
    tooltip = panes.organizations.model.index(0, 0, QModelIndex()).data(Qt.ItemDataRole.ToolTipRole)
    assert len(tooltip) < MAX_DRAWN_CHARS + 100
    assert not window.grab().isNull()


def test_lists_in_the_details_are_cut_with_a_count(window, qtbot, tmp_path):
    count = LIST_ITEMS + 50
    path = written(tmp_path, {
        "title": "Lists",
        "sources": {f"s{n}": {"title": f"Source {n}"} for n in range(count)},
        "organizations": {"club": {"name": "Club"}, **{f"o{n}": {"name": f"Org {n}"} for n in range(count)}},
        "memberships": [{"member": f"o{n}", "of": "club", "status": "joined", "date": "2010"} for n in range(count)],
        "events": [{"id": "e", "title": "Many", "date": "2009", "sources": [f"s{n}" for n in range(count)]}],
    })
    given_shipped_window(window, qtbot, path)
    panes = window.panes
    window.document.select_event("e")
    event_text = panes.event_details.browser.toPlainText()
    assert f"Source {LIST_ITEMS - 1}." in event_text and f"Source {LIST_ITEMS}." not in event_text
    assert "and 50 more" in event_text

    window.document.select_entity("club")
    panes.flush()
    club_text = panes.organizations.details.toPlainText()
    assert f"Org {LIST_ITEMS - 1} joined" in club_text and f"Org {LIST_ITEMS} joined" not in club_text
    assert "and 50 more" in club_text


def test_an_event_of_thousands_of_actors_marks_them_in_one_repaint(window, qtbot, tmp_path):
    count = ROWS_SIGNALLED + 1000
    path = written(tmp_path, {
        "title": "Crowd",
        "organizations": {f"o{n}": {"name": f"Org {n}"} for n in range(count)},
        "events": [{"id": "crowd", "title": "Everyone", "date": "2009", "actors": [f"o{n}" for n in range(count)]},
                   {"id": "alone", "title": "One", "date": "2010", "actors": ["o1"]}],
    })
    given_shipped_window(window, qtbot, path)
    pane = window.panes.organizations
    model = pane.model
    changes, repaints = [], []
    model.dataChanged.connect(lambda *args: changes.append(args))
    model.repaint_needed.connect(lambda: repaints.append(True))

    window.document.select_event("crowd")
    window.panes.flush()
    assert len(changes) <= 1 and repaints
    last = model.index(model.rowCount() - 1, 0, QModelIndex())
    assert last.data(Qt.ItemDataRole.FontRole) is not None  # marked: bold
    assert window.panes.event_details.browser.toPlainText().count("Org ") == LIST_ITEMS
    assert f"and {count - LIST_ITEMS:,} more" in window.panes.event_details.browser.toPlainText()

    window.document.select_event("alone")
    window.panes.flush()
    assert last.data(Qt.ItemDataRole.FontRole) is None  # no longer marked
    assert model.index_of("o1").data(Qt.ItemDataRole.FontRole) is not None
    assert len(changes) <= 2


def test_every_row_with_rows_under_it_opens_expanded(shown):
    tree = shown.panes.organizations.tree
    model = tree.model()
    parents = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.rowCount(index):
                parents.append(index)
                walk(index)

    walk(QModelIndex())
    assert len(parents) >= 2  # the section headings and the United Nations' offices
    assert all(tree.isExpanded(index) for index in parents)
    assert all(tree.visualRect(model.index(0, 0, index)).isValid() for index in parents)
