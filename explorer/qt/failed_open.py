"""A file that could not be opened is not forgotten: the window watches it and opens it as
soon as it is valid (live preview starts there), File > Reload tries again, and the banner
says what is wrong meanwhile.

A path that is not a readable file (missing, a folder, no permission, a named pipe or a
device) gets a plain sentence of its own instead of a list of diagnostics at line 1, column 1.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from explorer.model.diagnostics import Diagnostic
from explorer.model.load.files import special_kind
from explorer.qt.dialogs import fix_them
from explorer.qt.file_watcher import FileWatcher

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow


def shortcut_text(key: QKeySequence.StandardKey) -> str:
    """A standard shortcut as this platform writes it ("Ctrl+O")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def open_hint() -> str:
    """"Open a timeline (Ctrl+O)": what to do in a window with nothing to show."""
    return f"Open a timeline ({shortcut_text(QKeySequence.StandardKey.Open)})"


def unopenable(path: str) -> tuple[str, bool] | None:
    """Why `path` is not a file that can be read, in a plain sentence, and whether it is worth
    watching (a missing file may be saved later; a folder stays a folder); None for a file
    that can be read."""
    target = Path(path)
    again = f"choose it again with File > Open ({shortcut_text(QKeySequence.StandardKey.Open)})"
    try:
        target.stat()
    except FileNotFoundError:
        return (f"There is no file at {target}. It may have been moved, renamed or deleted; "
                f"{again}. It opens by itself if it is saved there.", True)
    except PermissionError:
        return (f"{target} cannot be reached: permission denied for one of its folders.", True)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return f"{target} cannot be read ({reason}); {again}.", True
    if target.is_dir():
        return (f"{target} is a folder, not a timeline file. Choose a .yaml or .json file in "
                f"it with File > Open ({shortcut_text(QKeySequence.StandardKey.Open)}).", False)
    if not target.is_file():  # read as a file, a named pipe would wait for a writer forever
        kind = special_kind(path)
        return (f"{target} is {kind}, not a timeline file, so it is not read. Choose a .yaml "
                f"or .json file with File > Open ({shortcut_text(QKeySequence.StandardKey.Open)}).", False)
    if not os.access(target, os.R_OK):
        return (f"{target} cannot be read: permission denied. Change its permissions (or copy "
                "it somewhere you can read it); it opens by itself once it can be read.", True)
    return None


class FailedOpen(QObject):
    """The file the person asked for that did not open, watched until it does."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.path: str | None = None
        self.watcher = FileWatcher(self)
        self.watcher.file_changed.connect(self._on_changed)
        window.file_opened.connect(lambda _path: self.forget())

    def failed(self, path: str, diagnostics: Sequence[Diagnostic] = (), problem: str = "",
               watch: bool = True, seen: tuple | None = None) -> None:
        """`path` did not open: show why in the banner, and watch it when that is worth it
        (`seen`: its fingerprint before it was read, so that an edit saved meanwhile counts)."""
        window = self._window
        name = Path(path).name or path
        shown = Path(window.path).name if window.path and window.document.dataset else None
        meanwhile = f" {shown} stays on screen meanwhile." if shown else ""
        if problem:
            window.banner.show_message(f"{escape(problem)}{escape(meanwhile)}")
        else:
            window.banner.show_problems(
                name, diagnostics,
                note=f"{fix_them(diagnostics).lower()} and it opens as soon as it is saved."
                     f"{meanwhile}")
        if not watch:
            return
        self.path = str(Path(path).absolute())
        self.watcher.watch(self.path, seen)
        window.reload_action.setEnabled(True)
        if window.document.dataset is None:
            window.timeline.empty_text = f"{name} cannot be opened yet: see above"
            window.timeline.update()

    def forget(self) -> None:
        """Stop watching (another file, or this one, opened)."""
        self.path = None
        self.watcher.stop()
        self._window.timeline.empty_text = open_hint()

    def retry(self) -> bool:
        """Try to open the file again, quietly: the banner says what is still wrong."""
        if self.path is None:
            return False
        self.watcher.mark_seen()
        return self._window.open_file(self.path, explain=False)

    def _on_changed(self, path: str) -> None:
        if path == self.path and self._window.auto_reload_action.isChecked():
            self.retry()


def cannot_open(window, problem: str) -> QMessageBox:
    """A plain message for a path that is not a readable file."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Cannot Open", problem,
                      QMessageBox.StandardButton.Close, window)
    box.setObjectName("cannotOpenMessage")
    box.open()
    return box
