"""Paths that are not regular files (named pipes, sockets), and a guard that turns a call that
would block on one into a failed spec instead of a stalled run."""

from __future__ import annotations

import os
import socket
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

#: How long a call may block before the spec says it hangs: far beyond what reading a small
#: file takes, so that it never fires on a slow machine, only on a real hang.
HANG_SECONDS = 30

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")


def fifo(path: Path) -> Path:
    """A named pipe at `path`, that nobody writes to."""
    os.mkfifo(path)
    return path


@contextmanager
def unix_socket(path: Path) -> Iterator[Path]:
    """A listening Unix socket at `path` while the block runs."""
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        yield path
    finally:
        server.close()


def without_hanging(call: Callable[[], Any], unblock: Path | None = None) -> Any:
    """What `call()` returns (or raises), failing the spec if it blocks: a reader stuck on the
    named pipe `unblock` is released before the failure is reported."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # noqa: BLE001 - handed back to the spec
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_SECONDS)
    if worker.is_alive():
        if unblock is not None:
            release(unblock)
        pytest.fail(f"blocked for {HANG_SECONDS} s: a special file was opened or read as a file")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def release(pipe: Path) -> None:
    """Let a reader waiting on the named pipe `pipe` go: it reads an empty file."""
    try:
        writer = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # nobody is waiting
        return
    os.close(writer)


def in_window_without_hanging(call: Callable[[], Any], pipe: Path) -> Any:
    """What `call()` returns when run on the window's own thread, failing the spec if it had
    to be released from waiting on the named pipe `pipe` (Qt widgets live in one thread, so the
    guard is a timer of that thread's event loop: the window's loads run one)."""
    from PySide6.QtCore import QTimer

    fired: list[bool] = []

    def rescue() -> None:
        fired.append(True)
        release(pipe)

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(rescue)
    guard.start(HANG_SECONDS * 1000)
    try:
        value = call()
    finally:
        guard.stop()
    if fired:
        pytest.fail(f"blocked for {HANG_SECONDS} s: a special file was opened or read as a file")
    return value
