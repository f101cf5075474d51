"""An unexpected exception in the UI is logged, explained in a dialog, and the app goes on."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from explorer.qt.crash_guard import CrashGuard, ErrorDialog


@pytest.fixture
def guard(tmp_path, qtbot):
    guard = CrashGuard(log_dir=tmp_path / "logs").install()
    yield guard
    guard.uninstall()
    if guard.dialog is not None:
        guard.dialog.close()


def failing_button(qtbot) -> QPushButton:
    button = QPushButton("Break")
    qtbot.addWidget(button)

    def broken_slot():
        raise ValueError("the lane index ran past the end")

    button.clicked.connect(broken_slot)
    return button


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_shown(guard, qtbot):
    failing_button(qtbot).click()
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    dialog = guard.dialog
    assert isinstance(dialog, ErrorDialog)
    log = guard.log_path.read_text(encoding="utf-8")
    assert "ValueError: the lane index ran past the end" in log
    assert "Traceback" in log and "broken_slot" in log  # the traceback goes to the log ...
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "ValueError: the lane index ran past the end" in shown
    assert "Traceback" not in shown and "broken_slot" not in shown  # ... never to the dialog
    assert str(guard.log_path) in shown


@pytest.mark.qt_no_exception_capture
def test_copy_details_puts_the_traceback_on_the_clipboard(guard, qtbot):
    failing_button(qtbot).click()
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    guard.dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "the lane index ran past the end" in copied
    assert guard.dialog.isVisible()


@pytest.mark.qt_no_exception_capture
def test_the_app_keeps_working_after_an_error(guard, qtbot):
    button = failing_button(qtbot)
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    button.click()
    button.click()
    qtbot.waitUntil(lambda: guard.dialog is not None)
    assert len(clicks) == 2
    assert guard.log_path.read_text(encoding="utf-8").count("ValueError") >= 2
