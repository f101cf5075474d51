"""A mark (an actor picked in a pane) shows as a chip that clears it, Esc clears it before the
filter, a newer filter drops it, and Event Details says when the filter hides its event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QTextBrowser, QToolButton

from tests.helpers.windows import click_entity_row, click_link, focus, settle, timeline_of


def given_spain_marked(shown, qtbot) -> QToolButton:
    click_entity_row(qtbot, shown.panes.actors, "ES")
    settle(shown)
    chip = shown.findChild(QToolButton, "markChip")
    qtbot.waitUntil(chip.isVisible)
    return chip


def dimmed_on_timeline(window) -> bool:
    """Whether the timeline dims the events that are not marked."""
    return bool(timeline_of(window).current_scene().highlighted)


def test_the_mark_shows_as_a_chip_that_clears_it(shown, qtbot):
    chip = given_spain_marked(shown, qtbot)
    assert "Spain" in chip.text()
    assert dimmed_on_timeline(shown)

    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)

    assert shown.document.selection.entity_id is None
    assert not chip.isVisible()
    assert not dimmed_on_timeline(shown)


def test_a_newer_filter_is_never_dimmed_by_an_older_mark(shown, qtbot):
    chip = given_spain_marked(shown, qtbot)

    shown.findChild(QAction, "tagAction:campaign").trigger()

    assert shown.document.visible_positions  # the filter keeps some events
    assert not dimmed_on_timeline(shown)
    assert not chip.isVisible()


def test_esc_on_the_timeline_clears_the_mark_then_the_event_then_the_filter(shown, qtbot):
    shown.findChild(QAction, "tagAction:campaign").trigger()
    given_spain_marked(shown, qtbot)
    shown.document.select_event("spain-joins")
    timeline = focus(qtbot, timeline_of(shown))

    qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert shown.document.selection.entity_id is None
    assert shown.document.selection.event_id == "spain-joins"
    assert shown.document.filter.tags == {"campaign"}

    qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert shown.document.selection.event_id is None
    assert shown.document.filter.tags == {"campaign"}

    qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert shown.document.filter.is_empty


def test_esc_in_the_filter_bar_clears_the_mark_before_the_filter(shown, qtbot):
    search = focus(qtbot, shown.findChild(QLineEdit, "searchFilter"))
    qtbot.keyClicks(search, "campaign")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert shown.document.filter.text == "campaign"
    given_spain_marked(shown, qtbot)
    focus(qtbot, search)

    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert shown.document.selection.entity_id is None
    assert shown.document.filter.text == "campaign"

    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert shown.document.filter.is_empty


def test_event_details_say_the_filter_hides_the_event_and_offer_to_show_it(shown, qtbot):
    shown.document.select_event("spain-joins")
    details = shown.findChild(QTextBrowser, "eventDetailsText")
    shown.document.set_filter(shown.document.filter.with_actor("MX"))

    assert details.toPlainText().startswith("The filter hides this event.")
    click_link(qtbot, details, "show:hidden-event")

    assert shown.document.filter.is_empty
    assert shown.document.selection.event_id == "spain-joins"
    assert timeline_of(shown).selection_on_axis()
    assert details.toPlainText().startswith("Spain joins")
