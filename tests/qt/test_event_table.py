"""The Events pane: a table sorted by date with dates in words, in step with the filter, the
selection and reloads, search matches marked in the titles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from explorer.model.filters import EventFilter
from explorer.qt.panes.event_table import ACTORS, DATE, MATCH_ROLE, TITLE
from tests.helpers.windows import settle

LATE_ADDITION = """  - id: added-by-editor
    title: An event added while the file is open
    date: 2005-05-05
"""


def rows(table, column=DATE, role=Qt.ItemDataRole.DisplayRole):
    model = table.model()
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def days_of(window, table):
    index = window.timeline.index
    return [index.first[int(p)] for p in table.model().positions]


def test_the_table_is_shown_sorted_by_date_with_dates_in_words(shown):
    table = shown.panes.events.table
    assert shown.panes.events.isVisible()
    assert table.model().rowCount() == len(shown.document.dataset.events)
    dated = [d for d in days_of(shown, table) if d == d]  # NaN for undated
    assert dated == sorted(dated) and len(dated) == 19
    dates = rows(table)
    assert dates[:4] == ["1997", "2000", "2000", "25 Dec 2003"]
    assert "March 2009" in dates and "in or after July 2010" in dates
    assert dates[-5:] == ["undated"] * 5
    assert not any(d[:4].isdigit() and "-" in d for d in dates)  # never raw EDTF
    assert "Mexico" in rows(table, ACTORS)[dates.index("April 2010")]


def test_a_header_click_sorts_by_title_and_back_by_date(shown, qtbot):
    table = shown.panes.events.table
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(TITLE) + 5, 5))
    titles = rows(table, TITLE)
    assert titles == sorted(titles, key=str.casefold) or titles == sorted(titles, key=str.casefold, reverse=True)
    table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    dated = [d for d in days_of(shown, table) if d == d]
    assert dated == sorted(dated)


def test_the_table_follows_the_filter_and_marks_what_the_search_found(shown):
    table = shown.panes.events.table
    shown.document.set_filter(EventFilter(text="blue heart"))
    settle(shown)
    titles = rows(table, TITLE)
    assert len(titles) == len(shown.document.visible_positions) > 3
    spans = rows(table, TITLE, MATCH_ROLE)
    for title, found in zip(titles, spans):
        marked = [title[a:b].casefold() for a, b in found]
        assert all(m in ("blue", "heart") for m in marked)
        if "blue heart" in title.casefold():
            assert {"blue", "heart"} <= set(marked)
    assert sum(bool(f) for f in spans) >= 3
    shown.document.clear_filter()
    assert table.model().rowCount() == len(shown.document.dataset.events)


def test_selection_goes_both_ways(shown, qtbot):
    table = shown.panes.events.table
    shown.document.select_event("spain-joins")
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole) == "spain-joins"
    index = table.model().index(0, TITLE)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.document.selection.event_id == index.data(Qt.ItemDataRole.UserRole)
    shown.document.set_filter(EventFilter(text="Portugal"))
    settle(shown)
    assert table.model().row_of("spain-joins") == -1


def test_an_event_added_by_a_reload_takes_its_place_in_time(shown, qtbot, blue_heart_copy):
    table = shown.panes.events.table
    text = blue_heart_copy.read_text(encoding="utf-8")
    blue_heart_copy.write_text(text + LATE_ADDITION, encoding="utf-8")
    assert shown.reload()
    ids = rows(table, DATE, Qt.ItemDataRole.UserRole)
    where = ids.index("added-by-editor")
    dates = rows(table)
    assert dates[where] == "5 May 2005"
    assert dates[where - 1] == "25 Dec 2003" and dates[-1] == "undated"


@pytest.mark.parametrize("column", [DATE, TITLE, ACTORS])
def test_sorting_keeps_every_row(shown, column):
    table = shown.panes.events.table
    before = sorted(rows(table, DATE, Qt.ItemDataRole.UserRole))
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert sorted(rows(table, DATE, Qt.ItemDataRole.UserRole)) == before


def test_a_cell_of_thousands_of_tags_or_actors_says_how_many_rather_than_listing_them_all():
    import re

    from explorer.qt.panes.event_table import listed
    from explorer.timescale.labels import MAX_DRAWN_CHARS

    tags = [f"tag-{number}" for number in range(100_000)]
    text = listed(tags, "tags")
    found = re.fullmatch(r"100,000 tags: (tag-0, tag-1, .*), \u2026", text)
    assert found is not None  # the count first, where a narrow column still shows it
    shown = found.group(1).split(", ")
    assert shown == tags[:len(shown)] and len(shown) < 100_000
    assert len(text) < MAX_DRAWN_CHARS + 40
    assert listed(tags[:500], "actors", 100_000).startswith("100,000 actors: tag-0, ")
    assert listed(["a", "b"], "tags") == "a, b"
    assert listed([], "tags") == ""
