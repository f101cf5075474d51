"""The Edit menu: Copy, Copy Citation, Find and Select All with the standard shortcuts, each
acting where it applies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QTextBrowser

from explorer.model.citation import citation_text
from tests.helpers.windows import focus, timeline_of


def test_the_edit_menu_follows_the_file_menu_with_the_standard_shortcuts(shown):
    menus = [action.menu().objectName() for action in shown.menuBar().actions()]
    assert menus[:2] == ["fileMenu", "editMenu"]
    edit = shown.findChild(QMenu, "editMenu")
    names = [a.objectName() for a in edit.actions() if not a.isSeparator()]
    assert names == ["copyAction", "copyCitationAction", "selectAllAction", "findAction"]
    standard = {"copyAction": QKeySequence.StandardKey.Copy,
                "selectAllAction": QKeySequence.StandardKey.SelectAll,
                "findAction": QKeySequence.StandardKey.Find,
                "printAction": QKeySequence.StandardKey.Print,
                "openAction": QKeySequence.StandardKey.Open,
                "reloadAction": QKeySequence.StandardKey.Refresh,
                "userGuideAction": QKeySequence.StandardKey.HelpContents}
    for name, key in standard.items():
        assert shown.findChild(QAction, name).shortcut() == QKeySequence(key), name


def test_ctrl_c_on_the_timeline_copies_the_selected_event(shown, qtbot):
    shown.document.select_event("spain-joins")
    timeline = focus(qtbot, timeline_of(shown))

    qtbot.keyClick(timeline, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Spain joins the Blue Heart Campaign (June 2010)")


def test_copy_citation_copies_the_event_with_its_sources(shown, qtbot):
    citation = shown.findChild(QAction, "copyCitationAction")
    assert not citation.isEnabled()  # no event selected
    shown.document.select_event("spain-joins")
    assert citation.isEnabled()

    citation.trigger()

    copied = QGuiApplication.clipboard().text()
    event = shown.document.dataset.events_by_id["spain-joins"]
    assert copied == citation_text(shown.document.dataset, event)  # as the context menus copy it
    assert copied.startswith("Spain joins the Blue Heart Campaign. June 2010")
    assert "1. Spain joins campaign against human trafficking. United Nations Office " \
           "on Drugs and Crime" in copied
    assert "Retrieved 15 April 2013" in copied
    assert "<ol><li>Spain joins campaign" in QGuiApplication.clipboard().mimeData().html()


def test_select_all_and_copy_in_event_details_copy_its_text(shown, qtbot):
    shown.document.select_event("spain-joins")
    details = focus(qtbot, shown.findChild(QTextBrowser, "eventDetailsText"))
    select_all = shown.findChild(QAction, "selectAllAction")
    shown.edit.update_actions()
    assert select_all.isEnabled()

    select_all.trigger()
    shown.findChild(QAction, "copyAction").trigger()

    assert QGuiApplication.clipboard().text() == details.toPlainText()


def test_select_all_does_not_apply_to_the_timeline(shown, qtbot):
    focus(qtbot, timeline_of(shown))
    shown.edit.update_actions()
    assert not shown.findChild(QAction, "selectAllAction").isEnabled()


def test_find_in_the_edit_menu_goes_to_the_search_field(shown, qtbot):
    focus(qtbot, timeline_of(shown))
    edit = shown.findChild(QMenu, "editMenu")
    find = next(a for a in edit.actions() if a.objectName() == "findAction")

    find.trigger()

    qtbot.waitUntil(lambda: QGuiApplication.focusObject() is shown.findChild(QLineEdit, "searchFilter"))
