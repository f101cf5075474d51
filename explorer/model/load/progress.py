"""How far a load has come, and a way to stop it: for loading off the UI thread."""

from __future__ import annotations

from typing import Callable

from explorer.model.background import BACKGROUND


class LoadCancelled(Exception):
    """The caller asked the load to stop; nothing was loaded and nothing changed."""


class Steps:
    """Reports the progress of one load as a fraction from 0 to 1 that never goes back, and
    raises `LoadCancelled` at the next report once `cancelled()` says so.

    `turn` is called once, before the first stage that holds the interpreter for long
    (validating plain values, decoding a cache entry): a load running beside other work that
    needs the interpreter first (a window being built) waits there for its turn, having done
    what lets other threads run (reading, hashing, parsing)."""

    def __init__(
        self,
        progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        turn: Callable[[], None] | None = None,
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._turn = turn
        self._floor = 0.0
        self._low = 0.0
        self._high = 1.0
        self._last = 0.0

    def stage(self, low: float, high: float) -> None:
        """The coming reports (`at(0)` to `at(1)`) cover `low` to `high` of what is left."""
        span = 1.0 - self._floor
        self._low = self._floor + span * low
        self._high = self._floor + span * high
        self.at(0.0)

    def restart(self) -> None:
        """Start stages afresh from the progress reached so far (a second reading of the file)."""
        self._floor = self._last

    def at(self, fraction: float) -> None:
        """Report that `fraction` of the current stage is done; stop the load if asked to."""
        value = self._low + (self._high - self._low) * min(max(fraction, 0.0), 1.0)
        if value > self._last:
            self._last = value
            if self._progress is not None:
                self._progress(value)
        self.check()

    def take_turn(self) -> None:
        """Wait for the caller's `turn` (the first time only), then go on."""
        turn, self._turn = self._turn, None
        if turn is not None:
            turn()
        self.check()

    def check(self) -> None:
        """Raise `LoadCancelled` if the caller asked to stop; on a thread that yields to a
        window (`model.background`), wait while the window works."""
        BACKGROUND.checkpoint()
        if self._cancelled is not None and self._cancelled():
            raise LoadCancelled
