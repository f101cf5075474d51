"""The Edit menu: Copy, Copy Citation, Find and Select All, with the platform's standard
shortcuts, each acting where it applies.

Copy copies the text selected in the focused field or pane; with none, the selected event
(its title, date and summary). Copy Citation copies the selected event with its sources, to
paste into a report: the same citation as the details pane's and the timeline's context
menus (`qt/citations.py`), as text and as HTML. Select All selects the text of the focused field or pane. Find is the
filter bar's search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from explorer.model.entities import Event
from explorer.qt.citations import copy_citation

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow


def event_text(event: Event) -> str:
    """An event as plain text: "Title (March 2009)" and its summary."""
    when = event.when_words() if event.is_dated else "undated"
    return f"{event.title} ({when})" + (f"\n{event.summary}" if event.summary else "")


def _selected_text(widget: QWidget | None) -> str:
    """The text selected in a field or text pane, "" when none."""
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.textCursor().selection().toPlainText()
    if isinstance(widget, QLabel):
        return widget.selectedText()
    return ""


class EditMenu(QObject):
    """The Edit menu of a main window and its actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.menu = QMenu("&Edit", window)
        self.menu.setObjectName("editMenu")

        def action(name: str, text: str, shortcut, slot, tip: str) -> QAction:
            created = QAction(text, window)
            created.setObjectName(name)
            created.setShortcut(shortcut)
            created.setStatusTip(tip)
            created.triggered.connect(slot)
            return created

        self.copy_action = action(
            "copyAction", "&Copy", QKeySequence.StandardKey.Copy, self.copy,
            "Copy the selected text, or the selected event")
        self.citation_action = action(
            "copyCitationAction", "Copy C&itation", QKeySequence("Ctrl+Shift+C"),
            self.copy_citation, "Copy the selected event with its sources, for a report")
        self.select_all_action = action(
            "selectAllAction", "Select &All", QKeySequence.StandardKey.SelectAll, self.select_all,
            "Select all the text of the focused field or pane")
        self.menu.addAction(self.copy_action)
        self.menu.addAction(self.citation_action)
        self.menu.addSeparator()
        self.menu.addAction(self.select_all_action)
        self.menu.aboutToShow.connect(self.update_actions)
        window.document.selection_changed.connect(self.update_actions)
        window.document.dataset_loaded.connect(self.update_actions)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.update_actions)
        self.update_actions()

    def add_find(self, find: QAction) -> None:
        """Put the filter bar's Find (Ctrl+F) in the menu."""
        self.menu.addSeparator()
        self.menu.addAction(find)

    def selected_event(self) -> Event | None:
        document = self._window.document
        dataset, event_id = document.dataset, document.selection.event_id
        return dataset.events_by_id.get(event_id) if dataset is not None and event_id else None

    def _focused(self) -> QWidget | None:
        focused = QApplication.focusWidget()
        return focused if focused is not None and focused.window() is self._window else None

    def update_actions(self, *_args) -> None:
        """Enable what applies to the focus and the selection."""
        focused = self._focused()
        event = self.selected_event()
        self.copy_action.setEnabled(bool(_selected_text(focused)) or event is not None)
        self.citation_action.setEnabled(event is not None)
        self.select_all_action.setEnabled(
            isinstance(focused, (QLineEdit, QTextEdit, QPlainTextEdit)))

    def copy(self) -> str:
        """Copy the selected text, else the selected event; what was copied."""
        text = _selected_text(self._focused())
        if not text:
            event = self.selected_event()
            text = event_text(event) if event is not None else ""
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def copy_citation(self) -> str:
        """Copy the selected event as a citation; what was copied."""
        event, dataset = self.selected_event(), self._window.document.dataset
        if event is None or dataset is None:
            return ""
        return copy_citation(dataset, event)

    def select_all(self) -> None:
        focused = self._focused()
        if isinstance(focused, (QLineEdit, QTextEdit, QPlainTextEdit)):
            focused.selectAll()
        self.update_actions()
