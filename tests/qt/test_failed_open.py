"""A file that fails to open is watched and opens once it is valid (Reload works meanwhile);
missing files and folders get plain messages; empty views say what to do."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from tests.helpers.files import broken_text, events_text, write
from tests.helpers.special import fifo, in_window_without_hanging, needs_fifo
from tests.helpers.windows import shown_and_active, timeline_of

#: The watcher's quiet period and its poll, with room to spare.
OPENS_WITHIN_MS = 5000


def test_a_file_that_failed_to_open_opens_once_it_is_fixed(window, qtbot, tmp_path):
    shown_and_active(qtbot, window)
    path = write(tmp_path / "draft.yaml", broken_text(1))
    assert not window.open_file(str(path))
    dialog = window.findChild(QWidget, "diagnosticsDialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()

    assert window.findChild(QAction, "reloadAction").isEnabled()
    banner = window.findChild(QWidget, "problemBanner")
    assert banner.isVisible()
    assert "opens as soon as it is saved" in window.findChild(QLabel, "problemHeadline").text()
    assert "draft.yaml cannot be opened yet" in timeline_of(window).empty_text

    write(path, events_text(3))
    qtbot.waitUntil(lambda: window.document.dataset is not None, timeout=OPENS_WITHIN_MS)
    assert window.path == str(path.resolve())
    assert len(window.document.dataset.events) == 3
    assert not banner.isVisible()

    write(path, events_text(5))  # and live preview goes on from there
    qtbot.waitUntil(lambda: len(window.document.dataset.events) == 5, timeout=OPENS_WITHIN_MS)


def test_reload_tries_a_file_that_failed_to_open_again(window, qtbot, tmp_path):
    window.findChild(QAction, "autoReloadAction").setChecked(False)
    path = write(tmp_path / "draft.yaml", broken_text(2))
    assert not window.open_file(str(path), explain=False)
    write(path, events_text(2))

    window.findChild(QAction, "reloadAction").trigger()

    assert window.document.dataset is not None and len(window.document.dataset.events) == 2


def test_a_missing_file_gets_a_plain_message_and_opens_when_it_appears(window, qtbot, tmp_path):
    shown_and_active(qtbot, window)
    path = tmp_path / "later.yaml"
    assert not window.open_file(str(path))

    message = window.findChild(QMessageBox, "cannotOpenMessage")
    qtbot.waitUntil(message.isVisible)
    assert message.text().startswith(f"There is no file at {path}.")
    assert "error" not in message.text() and "Line" not in message.text()
    message.close()

    write(path, events_text(1))
    qtbot.waitUntil(lambda: window.document.dataset is not None, timeout=OPENS_WITHIN_MS)


def test_a_folder_gets_a_plain_message_and_is_not_watched(window, qtbot, tmp_path):
    assert not window.open_file(str(tmp_path))

    message = window.findChild(QMessageBox, "cannotOpenMessage")
    assert f"{tmp_path} is a folder, not a timeline file." in message.text()
    assert "Line" not in message.text()
    assert not window.findChild(QAction, "reloadAction").isEnabled()
    message.close()


def test_an_empty_window_says_what_to_do(window, qtbot, tmp_path):
    shown_and_active(qtbot, window)
    assert timeline_of(window).empty_text == "Open a timeline (Ctrl+O)"
    assert window.findChild(QLabel, "asOfSummary").text() == "Open a timeline (Ctrl+O)."
    assert window.findChild(QWidget, "memberChart").accessibleDescription() == \
        "Open a timeline (Ctrl+O)"

    assert window.open_file(str(write(tmp_path / "plain.yaml", events_text(2))))
    window.panes.flush()
    assert window.findChild(QLabel, "asOfSummary").text() == "This file lists no memberships."
    assert window.findChild(QWidget, "memberChart").accessibleDescription() == \
        "This file lists no memberships"


def test_an_empty_window_says_which_file_is_opening_while_it_opens(window, qtbot, tmp_path):
    """Not "Open a timeline" behind the progress dialog of a file being opened."""
    shown_and_active(qtbot, window)
    said = []
    window.loads.started.connect(lambda _path: said.append(timeline_of(window).empty_text))
    cancelled = []

    def cancel_it(_fraction):
        if not cancelled:
            cancelled.append(True)
            window.loads.cancel()
    window.loads.progressed.connect(cancel_it)
    assert not window.open_file(str(write(tmp_path / "big.yaml", events_text(2000))))
    assert said == ["Opening big.yaml\u2026"]
    assert cancelled
    assert timeline_of(window).empty_text == "Open a timeline (Ctrl+O)"  # as before the open


@needs_fifo
def test_a_named_pipe_gets_a_plain_message_at_once(window, qtbot, tmp_path):
    pipe = fifo(tmp_path / "pipe.yaml")
    assert not in_window_without_hanging(lambda: window.open_file(str(pipe)), pipe)

    message = window.findChild(QMessageBox, "cannotOpenMessage")
    assert message.text().startswith(f"{pipe} is a named pipe (FIFO), not a timeline file, so it is not read.")
    assert "Line" not in message.text()
    message.close()


@needs_fifo
def test_a_file_replaced_by_a_named_pipe_is_not_read_on_reload(window, qtbot, tmp_path):
    path = write(tmp_path / "t.yaml", events_text(2))
    assert window.open_file(str(path))
    path.unlink()
    fifo(path)

    assert not in_window_without_hanging(window.reload, path)
    assert len(window.document.dataset.events) == 2, "the last good version stays"
    assert [d.message for d in window.banner.diagnostics] == [
        "this is a named pipe (FIFO), not a file, so it is not read; give the path of a timeline file (.yaml)"]
