"""Notice when the open file changes on disk, however the editor saves it.

Editors save in place, in several writes, or by writing a new file and renaming it over the
old one (which a plain file watch loses). We watch the file and its folder, compare a cheap
fingerprint (size, modification time, inode) and announce one change after a short quiet period.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 250
#: A safety net for file systems that drop notifications (network shares, some containers).
POLL_MS = 1000


def fingerprint(path: str) -> tuple | None:
    """What changes when a file is rewritten or replaced; None when it is missing."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns


class FileWatcher(QObject):
    """Emits `file_changed` once a watched file has changed and stayed quiet for a moment."""

    #: The watched file changed on disk and has been quiet for DEBOUNCE_MS (its path).
    file_changed = Signal(str)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._path: str | None = None
        self._seen: tuple | None = None
        self._target: str | None = None  # where the path leads (another file once a link is changed)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(debounce_ms)
        self._quiet.timeout.connect(self._settle)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poke)

    @property
    def path(self) -> str | None:
        return self._path

    def watch(self, path: str | None, seen: tuple | None = None) -> None:
        """Follow `path` (None stops watching); `seen` is its fingerprint when it was read, if
        it was read before now (later changes count, including those made while reading)."""
        self.stop()
        if path is None:
            return
        self._path = os.path.abspath(path)  # not resolved: a link is followed wherever it points
        self._seen = fingerprint(self._path) if seen is None else seen
        self._rewatch()
        self._poll.start()
        if self._seen != fingerprint(self._path):
            self._quiet.start()

    def stop(self) -> None:
        for watched in self._watcher.files() + self._watcher.directories():
            self._watcher.removePath(watched)
        self._quiet.stop()
        self._poll.stop()
        self._path = None
        self._seen = None
        self._target = None

    def mark_seen(self, seen: tuple | None = None) -> None:
        """The current content (or the one with fingerprint `seen`) has been read; only later
        changes count."""
        if self._path is not None:
            self._seen = fingerprint(self._path) if seen is None else seen
            if self._seen != fingerprint(self._path):
                self._quiet.start()

    def _rewatch(self) -> None:
        if self._path is None:
            return
        folder = str(Path(self._path).parent)
        if folder not in self._watcher.directories() and os.path.isdir(folder):
            self._watcher.addPath(folder)
        # A link pointed elsewhere leads to another file: watch that one.
        target = os.path.realpath(self._path)
        if target != self._target and self._path in self._watcher.files():
            self._watcher.removePath(self._path)
        self._target = target
        # A file replaced by rename is a new inode: watch it again.
        if self._path not in self._watcher.files() and os.path.exists(self._path):
            self._watcher.addPath(self._path)

    def _poke(self, *_args) -> None:
        if self._path is None:
            return
        self._rewatch()
        if fingerprint(self._path) != self._seen:
            self._quiet.start()  # restart: wait until the writes stop

    def _settle(self) -> None:
        if self._path is None:
            return
        current = fingerprint(self._path)
        if current is None or current == self._seen:
            return  # mid-rename or nothing new; a later poke will come
        self._seen = current
        self.file_changed.emit(self._path)
