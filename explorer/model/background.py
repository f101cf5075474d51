"""Work that can wait (a search index, a cache entry), done one piece at a time on one thread,
while the window has nothing to do.

Pure-Python work holds the interpreter between switches. One such thread beside a window's
event loop costs the loop a switch at worst; two of them trade the interpreter between
themselves and keep it from the loop for a tenth of a second at a time (measured: a 5 ms
timer went 167 ms without running, against 22 ms beside one thread). So the work that waits
behind a load runs in order on one lane rather than on a thread each.

Even one thread costs the window dearly while the window works: Qt calls into Python for
every virtual method of a class defined in Python (a model's `data`, a widget's `event`) and
PySide gives the interpreter up around most calls into Qt, so a layout or a paint takes the
interpreter back hundreds of times, each time waiting for the lane's thread to let go. So the
lane's work stops at its `checkpoint`s while a `Gate` is closed: a window closes it when its
event loop wakes up and opens it when the loop goes back to waiting (`qt/idle_gate.py`). A
gate closed for longer than its patience (half a second) no longer stops the work: a
window that stays busy, or waits for the lane itself (`Done.wait`), slows the work down
rather than stopping it. Each piece of work has its own patience, counted from its start
when the gate closed before it: work given by a window that is still busy (the search
index of a data set it has yet to paint) waits for the window first.

While a file loads (`Lane.held`), the lane's work waits at its checkpoints whatever the gate:
it is most often for the data set the load is about to replace, and beside the loading
threads it took the interpreter from the window for a quarter of a second at a time
(`benchmarks/open.py`, the stall of a reload of 100,000 events). Waiting for the work
(`Done.wait`) lets it go on.

    done = BACKGROUND.submit(index.prepare)
    done.wait()  # only where something must have finished (a flush, a test)

    for item in paced(items):  # in the lane's work: a checkpoint every 1,024 items
        ...

The thread is a daemon started on first use: a program that ends does not wait for work
that can wait.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


class Done:
    """What `Lane.submit` gives back: whether the piece of work has run."""

    __slots__ = ("_event", "_lane")

    def __init__(self, lane: Lane) -> None:
        self._event = threading.Event()
        self._lane = lane

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the work has run (or failed); True when it has. The lane's gate is
        open meanwhile: the window waits for the work, not the other way round."""
        if self._event.is_set():
            return True
        self._lane.awaited()
        return self._event.wait(timeout)

    @property
    def finished(self) -> bool:
        return self._event.is_set()


class Gate:
    """Whether the lane's work may go on: open while its owner (a window's event loop) is
    idle; a closed gate stops the work for `patience` seconds at most from its closing."""

    def __init__(self, patience: float = 0.5) -> None:
        self.patience = patience
        self._open = threading.Event()
        self._open.set()
        self._closed_at = 0.0

    def close(self) -> None:
        """Stop the work at its next checkpoint (closing a closed gate changes nothing: the
        patience counts from the first closing)."""
        if self._open.is_set():
            self._closed_at = time.monotonic()
            self._open.clear()

    def open(self) -> None:
        self._open.set()

    @property
    def is_open(self) -> bool:
        return self._open.is_set()

    def wait(self, began: float = 0.0) -> None:
        """Return once the gate is open, or once it has been closed for `patience`, counted
        from its closing, or from `began` (when the lane began its piece of work) if later."""
        if self._open.is_set():
            return
        remaining = max(self._closed_at, began) + self.patience - time.monotonic()
        if remaining > 0:
            self._open.wait(remaining)


class Lane:
    """One thread that runs the work given to it in the order given. Work that raises goes
    to `threading.excepthook`, as it would from a thread of its own, and the lane goes on."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.SimpleQueue[tuple[Callable[..., Any], tuple, Done]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._yielding: set[int] = set()  # other threads whose checkpoints count (`yielding`)
        self._began = 0.0  # when the lane's thread began its current piece of work
        self._holds = 0  # how many `held` blocks are running
        self._free = threading.Event()  # set while no `held` block runs, or the work is awaited
        self._free.set()
        #: Where the work waits at its checkpoints (none: it never waits).
        self.gate: Gate | None = None

    def submit(self, work: Callable[..., Any], *args: Any) -> Done:
        """Run `work(*args)` after the work given before it."""
        done = Done(self)
        self._queue.put((work, args, done))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True, name=self.name)
                self._thread.start()
        return done

    def awaited(self) -> None:
        """Said by a thread about to wait for the lane's work (a window's thread that needs
        a search index the lane is building, a flush): the gate opens, since nothing runs
        in that thread until the work is done."""
        if threading.current_thread() is self._thread:
            return
        self._free.set()  # until the next `held` block
        gate = self.gate
        if gate is not None:
            gate.open()

    @contextmanager
    def held(self) -> Iterator[None]:
        """While the block runs, the lane's work waits at its checkpoints, and a piece of work
        waits to begin, however long the block lasts (for a load: see the module); a thread
        that waits for the work (`Done.wait`) lets it go on."""
        with self._lock:
            self._holds += 1
            self._free.clear()
        try:
            yield
        finally:
            with self._lock:
                self._holds -= 1
                if not self._holds:
                    self._free.set()

    @contextmanager
    def yielding(self) -> Iterator[None]:
        """While the block runs, the checkpoints of the calling thread count as the lane's:
        for a thread that loads a file beside the window (the load is waited for, but not
        by the window's every paint)."""
        ident = threading.get_ident()
        with self._lock:
            self._yielding.add(ident)
        try:
            yield
        finally:
            with self._lock:
                self._yielding.discard(ident)

    def yields(self) -> bool:
        """Whether the calling thread is in a `yielding` block (a thread it starts to share
        its work can be put in one too)."""
        return threading.get_ident() in self._yielding

    def checkpoint(self) -> None:
        """In the lane's work (or a `yielding` thread's), between two steps of a few
        milliseconds: wait while the gate is closed (see the module). Anywhere else (the same
        work called by the window, or by a command that has no lane), nothing."""
        lane = threading.current_thread() is self._thread
        if lane:
            self._free.wait()
        gate = self.gate
        if gate is None:
            return
        if lane:
            gate.wait(self._began)
        elif threading.get_ident() in self._yielding:
            gate.wait()  # a load's patience counts from the closing alone

    def _run(self) -> None:
        while True:
            work, args, done = self._queue.get()
            try:
                self._free.wait()
                self._began = time.monotonic()
                gate = self.gate
                if gate is not None:
                    gate.wait(self._began)  # a piece of work begins once the window is idle
                work(*args)
            except Exception:  # noqa: BLE001 - told as a thread's own would be; the next runs
                threading.excepthook(threading.ExceptHookArgs((*sys.exc_info(), threading.current_thread())))
            finally:
                done._event.set()
                del work, args  # nothing of a finished piece is kept while the lane waits


#: The one lane of the program.
BACKGROUND = Lane("background")


def paced(items: Iterable[T], every: int = 1024) -> Iterator[T]:
    """`items`, with a checkpoint of the lane before each `every` of them."""
    checkpoint = BACKGROUND.checkpoint
    for number, item in enumerate(items):
        if number % every == 0:
            checkpoint()
        yield item
