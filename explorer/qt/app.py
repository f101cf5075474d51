"""Start the desktop app: check the Qt build, create the window, open a file."""

from __future__ import annotations

import sys
from pathlib import Path

from explorer.collector import paused_collections
from explorer.paths import resource_dir, shipped_dataset
from explorer.qt.compat import broken_pyside_message

#: How long a thread may hold the interpreter while another waits for it, in the window's
#: process (Python's default is 5 ms). Qt calls into Python for every virtual method of a
#: class defined in Python (a model's `data`, a widget's `event`, a cast in a layout), each
#: call taking the interpreter; while a worker thread runs Python (a load, a search index),
#: each such call waited up to 5 ms, and a layout or a paint of the window made of hundreds
#: of them stalled it for seconds (1.6 s after a load of 100,000 events; `benchmarks/open.py`).
#: A worker that nobody waits for is never interrupted, so loading costs the same.
SWITCH_INTERVAL_S = 0.001


def run(file: str | None = None) -> int:
    """Open the main window on `file`, or on the shipped data set; returns the exit status."""
    message = broken_pyside_message()
    if message is not None:
        # Refuse before the first paint: the broken build aborts the process mid-paint.
        print(f"explorer: {message}", file=sys.stderr)
        return 1

    sys.setswitchinterval(SWITCH_INTERVAL_S)

    path = file if file is not None else str(shipped_dataset())
    with paused_collections():  # see `explorer.collector`; resumed before the event loop
        from explorer.model.load.cache import DatasetCache
        from explorer.qt.head_start import HeadStart

        # the file loads while the window is built (its settings keep the cache where
        # `DatasetCache` does by default; the window takes the head start only if so)
        cache = DatasetCache()
        cache.hold_writes()  # until the window shows the data set (`FileLoads`)
        head_start = HeadStart.begin(path, cache)

        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from explorer.qt.main_window import MainWindow, application_settings

        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        app.setApplicationDisplayName("Timeline Explorer")
        icon = resource_dir() / "icons" / "blue-heart.svg"
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))

        from explorer.qt.crash_guard import CrashGuard

        window = MainWindow(application_settings())
        CrashGuard(parent=window).install()
        window.restore_layout()
        window.show()
        if file is not None and not Path(file).exists():
            print(f"explorer: {file}: no such file", file=sys.stderr)
        window.loads.head_start = head_start
        window.open_file(path)
    return app.exec()
