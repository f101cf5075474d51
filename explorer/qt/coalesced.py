"""A refresh that follows a burst of changes once: panes and the filter bar use it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer


class Coalesced(QObject):
    """Runs `callback` once, `msec` after the last request, however often it is asked:
    costly refreshes follow a burst of changes (a drag, typing) once, not per change."""

    def __init__(self, callback: Callable[[], None], parent: QObject, msec: int = 0) -> None:
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(msec)
        self._timer.timeout.connect(callback)

    def schedule(self) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Run a pending refresh now (before reading the pane, or in a benchmark)."""
        if self._timer.isActive():
            self._timer.stop()
            self._callback()
