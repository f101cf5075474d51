"""Work that can wait (a search index, a cache entry), done one piece at a time on one thread.

Pure-Python work holds the interpreter between switches. One such thread beside a window's
event loop costs the loop a switch at worst (about 5 ms); two of them trade the interpreter
between themselves and keep it from the loop for a tenth of a second at a time (measured: a
5 ms timer went 167 ms without running, against 22 ms beside one thread). So the work that
waits behind a load runs in order on one lane rather than on a thread each.

    done = BACKGROUND.submit(index.prepare)
    done.wait()  # only where something must have finished (a flush, a test)

The thread is a daemon started on first use: a program that ends does not wait for work
that can wait.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from typing import Any


class Done:
    """What `Lane.submit` gives back: whether the piece of work has run."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the work has run (or failed); True when it has."""
        return self._event.wait(timeout)

    @property
    def finished(self) -> bool:
        return self._event.is_set()


class Lane:
    """One thread that runs the work given to it in the order given. Work that raises goes
    to `threading.excepthook`, as it would from a thread of its own, and the lane goes on."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.SimpleQueue[tuple[Callable[..., Any], tuple, Done]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, work: Callable[..., Any], *args: Any) -> Done:
        """Run `work(*args)` after the work given before it."""
        done = Done()
        self._queue.put((work, args, done))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True, name=self.name)
                self._thread.start()
        return done

    def _run(self) -> None:
        while True:
            work, args, done = self._queue.get()
            try:
                work(*args)
            except Exception:  # noqa: BLE001 - told as a thread's own would be; the next runs
                threading.excepthook(threading.ExceptHookArgs((*sys.exc_info(), threading.current_thread())))
            finally:
                done._event.set()
                del work, args  # nothing of a finished piece is kept while the lane waits


#: The one lane of the program.
BACKGROUND = Lane("background")
