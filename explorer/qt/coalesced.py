"""A refresh that follows a burst of changes once: panes and the filter bar use it.

Refreshes that fall due together (every pane after a new data set, or a filter change) run
one per turn of the event loop, in the order they fell due: between two of them the window
paints and answers input, so that a new data set of 100,000 events, which gives a dozen panes
their refresh of 5 to 40 ms each, does not hold the window for all of them at once.
"""

from __future__ import annotations

from collections import deque
from typing import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer


class Coalesced(QObject):
    """Runs `callback` once, `msec` after the last request, however often it is asked:
    costly refreshes follow a burst of changes (a drag, typing) once, not per change. Once
    due, it waits for its turn (see the module)."""

    def __init__(self, callback: Callable[[], None], parent: QObject, msec: int = 0) -> None:
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(msec)
        self._timer.timeout.connect(self._due)
        self._queued = False

    def schedule(self) -> None:
        if self._queued and self._timer.interval() == 0:
            return  # due already: it runs at its turn, after this request
        _TURNS.drop(self)
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive() or self._queued

    def flush(self) -> None:
        """Run a pending refresh now (before reading the pane, or in a benchmark)."""
        if self.pending:
            self._timer.stop()
            _TURNS.drop(self)
            self._callback()

    def _due(self) -> None:
        _TURNS.add(self)

    def _run(self) -> None:
        self._queued = False
        self._callback()


class _Turns:
    """The refreshes due, run one per turn of the event loop (a zero timer started after a
    refresh runs at the next turn, after the events and timers that were waiting)."""

    def __init__(self) -> None:
        self._due: deque[Coalesced] = deque()
        self._timer: QTimer | None = None

    def add(self, refresh: Coalesced) -> None:
        refresh._queued = True
        self._due.append(refresh)
        self._arm()

    def drop(self, refresh: Coalesced) -> None:
        if refresh._queued:
            refresh._queued = False
            self._due.remove(refresh)

    def _arm(self) -> None:
        timer = self._timer
        if timer is None or not shiboken6.isValid(timer):
            timer = self._timer = QTimer(QCoreApplication.instance())
            timer.setSingleShot(True)
            timer.setInterval(0)
            timer.timeout.connect(self._next)
        if not timer.isActive():
            timer.start()

    def _next(self) -> None:
        while self._due:
            refresh = self._due.popleft()
            if shiboken6.isValid(refresh):  # not one whose pane has been deleted meanwhile
                try:
                    refresh._run()
                finally:
                    if self._due:
                        self._arm()
                return
            refresh._queued = False


_TURNS = _Turns()
