"""Steps shared by the specs that drive the real main window: show it and wait until it is
the active window (keyboard shortcuts and focus need that), give a widget the focus, click
rows and links the way a person does."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QTreeView, QWidget

#: The actor completion popup is a window of its own, which the headless platform cannot
#: raise or give the keyboard to; it says so with a warning.
headless_popup = pytest.mark.qt_log_ignore("This plugin does not support")


def shown_and_active(qtbot, window: QWidget) -> QWidget:
    """Show `window` and wait until it is exposed and the active window: the offscreen
    platform activates a window some time after showing it, and until then key events
    reach no shortcut and `QApplication.focusWidget()` is None."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def focus(qtbot, widget: QWidget) -> QWidget:
    """Give `widget` the keyboard focus, as a click or Tab would, once its window is active."""
    if not widget.window().isActiveWindow():
        shown_and_active(qtbot, widget.window())
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


def given_shipped_window(window, qtbot, path):
    """The main window showing `path` (a copy of the shipped data set), on screen and active."""
    window.resize(1600, 1000)
    shown_and_active(qtbot, window)
    assert window.open_file(str(path))
    window.panes.flush()
    # A slow load shows its progress dialog for a moment: the window is active again after.
    qtbot.waitActive(window)
    return window


def settle(window) -> None:
    """Let every pending pane refresh run."""
    window.panes.flush()


def tree_rows(tree: QTreeView, parent=None) -> list[tuple[int, str, list[str]]]:
    """(depth, entity id, texts of the row) of every row, depth first."""
    model = tree.model()
    rows = []

    def walk(parent_index, depth):
        for row in range(model.rowCount(parent_index)):
            index = model.index(row, 0, parent_index)
            entity = index.data(Qt.ItemDataRole.UserRole)
            texts = [model.index(row, c, parent_index).data() or ""
                     for c in range(model.columnCount())]
            rows.append((depth, entity.id if entity is not None else None, texts))
            walk(index, depth + 1)

    walk(parent if parent is not None else QModelIndex(), 0)
    return rows


def click_entity_row(qtbot, pane, entity_id: str, double: bool = False) -> None:
    """Click (or double-click) the row of `entity_id` in an entity pane's tree."""
    pane.show()
    pane.raise_()
    index = pane.model.index_of(entity_id)
    assert index.isValid(), entity_id
    pane.tree.scrollTo(index)
    point = pane.tree.visualRect(index).center()
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:
        qtbot.mouseDClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)


def anchor_point(browser: QTextBrowser, href: str) -> QPoint:
    """Where the link to `href` is drawn in the browser's viewport."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isAnchor() and fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in {browser.objectName()}")


def click_link(qtbot, browser: QTextBrowser, href: str) -> None:
    point = anchor_point(browser, href)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def timeline_of(window) -> QWidget:
    timeline = window.findChild(QWidget, "timeline")
    assert timeline is not None, "the main window has no timeline"
    return timeline


EXAMPLE_WINDOW = "windowOfOneExample"


@contextmanager
def window_of_one_example(settings) -> Iterator:
    """A main window that lives for one example of a property test only: closed and deleted
    when the block ends (`qtbot.addWidget` keeps a window until the test ends, and a test of
    2,000 examples kept 2,000 windows)."""
    from explorer.qt.main_window import MainWindow

    window = MainWindow(settings)
    window.setProperty(EXAMPLE_WINDOW, True)
    try:
        yield window
    finally:
        window.watcher.stop()
        window.loads.wait()
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def live_main_windows() -> list[QWidget]:
    """The main windows of earlier examples (`window_of_one_example`) that still exist, shown
    or not (the windows of other tests are theirs to close)."""
    from explorer.qt.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.property(EXAMPLE_WINDOW)]
