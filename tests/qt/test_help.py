"""Help helps: the guide and the format reference open inside the app with working links, the
keyboard shortcuts are listed, and a first-run hint shows until it is dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QTextBrowser, QWidget

from explorer.qt.main_window import MainWindow
from tests.helpers.windows import click_link, shown_and_active


def help_text(window, qtbot, action: str) -> QTextBrowser:
    window.findChild(QAction, action).trigger()
    help_window = window.findChild(QWidget, "helpWindow")
    qtbot.waitUntil(lambda: help_window is not None and help_window.isVisible())
    return help_window.findChild(QTextBrowser, "helpText")


def test_the_format_reference_opens_inside_the_app(window, qtbot):
    text = help_text(window, qtbot, "formatAction").toPlainText()

    assert text.startswith("Timeline format v1")
    for heading in ("Sections and fields", "Dates", "Errors and warnings"):
        assert f"\n{heading}\n" in text
    assert "docs/format.md" not in text.split("\n")[0]


def test_a_link_to_a_heading_scrolls_there(window, qtbot):
    browser = help_text(window, qtbot, "formatAction")
    help_window = window.findChild(QWidget, "helpWindow")
    help_window.resize(900, 500)

    click_link(qtbot, browser, "#eras")

    assert browser.verticalScrollBar().value() > 0
    assert help_window.heading_at_top() == "eras"


def test_the_guide_links_into_the_reference_and_back(window, qtbot):
    browser = help_text(window, qtbot, "userGuideAction")
    help_window = window.findChild(QWidget, "helpWindow")
    help_window.resize(900, 500)
    assert browser.toPlainText().startswith("User guide")

    click_link(qtbot, browser, "format.md#dates")
    assert browser.toPlainText().startswith("Timeline format v1")
    assert help_window.heading_at_top() == "dates"

    help_window.findChild(QAction, "helpBackAction").trigger()
    assert browser.toPlainText().startswith("User guide")


def test_a_linked_timeline_file_opens_in_the_window(window, qtbot):
    browser = help_text(window, qtbot, "formatAction")

    with qtbot.waitSignal(window.file_opened):
        click_link(qtbot, browser, "../explorer/resources/blue_heart.yaml")

    assert window.path.endswith("blue_heart.yaml")


def test_f1_opens_the_guide_and_the_shortcuts_are_listed(window, qtbot):
    assert window.findChild(QAction, "userGuideAction").shortcut() == \
        QKeySequence(QKeySequence.StandardKey.HelpContents)
    text = help_text(window, qtbot, "keyboardShortcutsAction").toPlainText()

    cells = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    rows = set(zip(cells, cells[1:]))  # a table's cells, one a line: keys, then what they do
    for row in (("Ctrl+O", "Open"), ("Ctrl+E", "Export Image"), ("Ctrl+P", "Print"),
                ("F1", "User Guide"), ("Ctrl+F", "Find in Titles and Summaries"),
                ("Ctrl+0", "Fit Everything"), ("F5", "Reload")):
        assert row in rows, row
    assert ("Esc", "Clear the mark, then the selected event, then the filter") in rows
    assert "Back" not in cells  # the Help window's own keys are not the explorer's


def test_the_first_run_hint_shows_until_it_is_dismissed(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    shown_and_active(qtbot, first)
    hint = first.findChild(QWidget, "firstRunHint")
    assert hint.isVisible()

    qtbot.mouseClick(hint.findChild(QPushButton, "firstRunDismiss"), Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    first.close()

    second = MainWindow(settings)
    qtbot.addWidget(second)
    shown_and_active(qtbot, second)
    assert not second.findChild(QWidget, "firstRunHint").isVisible()


def test_the_first_run_hint_opens_the_guide(window, qtbot):
    shown_and_active(qtbot, window)
    hint = window.findChild(QWidget, "firstRunHint")

    qtbot.mouseClick(hint.findChild(QPushButton, "firstRunGuide"), Qt.MouseButton.LeftButton)

    help_window = window.findChild(QWidget, "helpWindow")
    qtbot.waitUntil(help_window.isVisible)
    assert help_window.findChild(QTextBrowser, "helpText").toPlainText().startswith("User guide")
