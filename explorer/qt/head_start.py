"""A file named on the command line starts loading before the window is built.

Building the window (importing the panes, the export and import machinery, Qt's widgets) takes
about half a second; reading a large file takes longer, and its parsers let go of the
interpreter while they work. `HeadStart.begin(path)` starts the load in a thread of its own at
once, with only the loader imported; the window's first load of that path then takes its
result (`FileLoads` hands it to the load job) instead of reading the file again, reporting the
head start's progress and able to cancel it. The head start does only what lets the window's
thread run beside it (reading, hashing, parsing) until its result is asked for: the work that
holds the interpreter (validating, decoding a cache entry) waits for that turn, since two
threads taking turns at the interpreter slow the window's imports and construction far more
than they gain (`benchmarks/open.py`: the window of a 100,000-event file was shown after 3.4 s
instead of 1 s). A head start that nobody takes is dropped: it
stops at its next report.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Callable

from explorer.model.background import BACKGROUND
from explorer.model.dataset import Dataset
from explorer.model.importers.format_v1 import is_format_v1
from explorer.model.load.cache import DatasetCache
from explorer.model.load.loader import load_dataset


def _always() -> bool:
    return True


class HeadStart:
    """One load begun before anyone asked for it; `take` hands it to the first who does."""

    def __init__(self, path: str, cache: DatasetCache | None) -> None:
        self.path = path
        self.cache = cache
        self._future: Future[Dataset] = Future()
        self._lock = threading.Lock()
        self._progress: Callable[[float], None] | None = None
        self._cancelled: Callable[[], bool] | None = None
        self._last = 0.0
        self._taken = False
        self._turn = threading.Event()  # set once the result is asked for
        #: Set once the load has done what lets other threads run and waits for its turn.
        self.at_turn = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"head start {Path(path).name}")

    @classmethod
    def begin(cls, path: str, cache: DatasetCache | None) -> HeadStart | None:
        """A head start on `path`, already running; None for anything but a regular timeline
        file (format v1, by its name): the window explains every other case itself."""
        if not is_format_v1(path):  # another tool's file: the window imports it
            return None
        try:
            if not Path(path).is_file():
                return None
        except OSError:
            return None
        head = cls(path, cache)
        head._thread.start()
        return head

    def take(self, path: str) -> bool:
        """Whether this head start serves a load of `path` (once: a later load reads the
        file anew, as it may have changed)."""
        with self._lock:
            if self._taken or Path(path).resolve() != Path(self.path).resolve():
                return False
            self._taken = True
            return True

    def go(self) -> None:
        """Let the load go on with the work that holds the interpreter."""
        self._turn.set()

    def result(self, progress: Callable[[float], None] | None = None,
               cancelled: Callable[[], bool] | None = None, go: bool = True) -> Dataset:
        """Wait for the load, reporting its progress to `progress` from now on and stopping it
        once `cancelled()` is True; raises what `load_dataset` raises. With `go` False, the
        load waits for `go()` before the work that holds the interpreter."""
        with self._lock:
            self._progress, self._cancelled = progress, cancelled
            last = self._last
        if go:
            self.go()
        if progress is not None:
            progress(last)
        return self._future.result()

    def drop(self) -> None:
        """Nobody will take the result: the load stops at its next report (its turn given so
        that it gets there), and what it holds goes with it."""
        with self._lock:
            self._taken = True
            self._cancelled = _always
        self._turn.set()

    def _report(self, fraction: float) -> None:
        with self._lock:
            self._last = fraction
            progress = self._progress
        if progress is not None:
            progress(fraction)

    def _is_cancelled(self) -> bool:
        cancelled = self._cancelled
        return cancelled is not None and cancelled()

    def _wait_for_turn(self) -> None:
        self.at_turn.set()
        self._turn.wait()

    def _run(self) -> None:
        try:
            with BACKGROUND.yielding():  # its validation pauses while the window works
                dataset = load_dataset(self.path, progress=self._report, cancelled=self._is_cancelled,
                                       cache=self.cache, turn=self._wait_for_turn)
        except BaseException as error:  # noqa: BLE001 - handed to whoever takes the result
            self._future.set_exception(error)
        else:
            self._future.set_result(dataset)
