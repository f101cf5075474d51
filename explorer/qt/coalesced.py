"""A refresh that follows a burst of changes once: panes and the filter bar use it.

Refreshes that fall due together (every pane after a new data set, or a filter change) run
in the order they fell due, a slice of the event loop's time at a time: each turn runs
refreshes while they fit in `SLICE_MS` (the first of a turn always runs; each of the others
if it took no longer last time than the slice has left), and the rest wait for the next
turn, the window painting and answering between two. A new data set of 100,000 events
gives a dozen panes their refresh of 5 to 40 ms each: run at once they held the window for
about 0.1 s; run one per turn they let the work the window lends its idle time to (the
search index) in between, and the panes filled a third of a second later.
"""

from __future__ import annotations

import time
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
        self.took = 0.0  # how long its last run took (seconds, by the turns' clock)

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

    def _run(self, clock: Callable[[], float]) -> None:
        self._queued = False
        began = clock()
        try:
            self._callback()
        finally:
            self.took = clock() - began


#: How long the refreshes of one turn of the event loop run before the rest wait for the next.
SLICE_MS = 20.0


class _Turns:
    """The refreshes due, run a slice of time per turn of the event loop (a zero timer
    started after a slice runs at the next turn, after the events and timers that were
    waiting)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._due: deque[Coalesced] = deque()
        self._timer: QTimer | None = None
        self.clock = clock

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
        clock = self.clock
        ends = clock() + SLICE_MS / 1000.0
        first = True
        try:
            while self._due:
                refresh = self._due[0]
                if not shiboken6.isValid(refresh):  # its pane has been deleted meanwhile
                    self._due.popleft()
                    refresh._queued = False
                    continue
                if not first and clock() + refresh.took > ends:
                    break  # it would not fit in what is left of the slice
                self._due.popleft()
                first = False
                refresh._run(clock)
        finally:
            if self._due:
                self._arm()


_TURNS = _Turns()
