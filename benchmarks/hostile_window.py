"""The window on files with very long texts and very long lists, in fresh processes.

    .venv/bin/python benchmarks/hostile_window.py [--repeat 3] [--actors 1000000]

Writes each file to a temporary folder, then, in a fresh process per run and file, opens it
in the main window (offscreen, an empty cache), flushes every pane and paints the window
("open"); a tenth of a second later, as a click would (an event of the window's loop, while
the work behind the open goes on), selects its event, flushes and paints again ("select").
Prints the medians of `--repeat` runs next to the budget: each within 5 s (a person who
waits longer thinks the window hung). Beside them, `explorer check` on the same file
("check", fresh processes too, each right after an open): the loader alone. A file whose
load takes about as long (a million organizations) is opened under a moving progress
dialog with Cancel; its open is held to what the window adds to the load instead, as
`open.py` holds a cold open: within `CHECK_RATIO` times the check ("ok, load"). Its select
is held to 5 s all the same.

The files: an event title of 10 MB and of 300,000 characters, a data set title and
description of 10 MB, an event summary of 10 MB, an event of 100,000 tags, an organization
whose name and description are 10 MB, and an event of `--actors` organizations.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 5.0
CHECK_RATIO = 1.2  # an open whose load alone is over budget: within this many times the check
TEN_MB = 10_000_000

CHILD = r"""
import json, os, sys, tempfile, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from explorer.qt.main_window import MainWindow
from explorer.qt.settings import Settings
app = QApplication([])
window = MainWindow(Settings(QSettings(os.environ["XDG_CACHE_HOME"] + "/s.ini", QSettings.Format.IniFormat)))
window.resize(1600, 1000)
window.show()
app.processEvents()
start = time.perf_counter()
opened = window.open_file(sys.argv[1])
window.panes.flush()
app.processEvents()
window.grab()
shown = time.perf_counter()


def select():  # as a click a moment after the paint: an event, the work behind the open going on
    begun = time.perf_counter()
    window.document.select_event("e")
    window.panes.flush()
    app.processEvents()
    window.grab()
    selected.append(time.perf_counter() - begun)
    idle.quit()


selected = []
idle = QEventLoop()
QTimer.singleShot(100, select)
idle.exec()
window.watcher.stop()
ok = opened and window.document.dataset is not None
print(json.dumps({"ok": ok, "open": shown - start, "select": selected[0]}))
"""


def words(word: str, length: int) -> str:
    return (f"{word} " * (length // (len(word) + 1) + 1))[:length]


def files(actors: int) -> dict[str, dict]:
    event = {"id": "e", "title": "t", "date": "2009"}
    return {
        "event title, 10 MB": {"events": [{**event, "title": words("word", TEN_MB)}]},
        "event title, 300,000 characters": {"events": [{**event, "title": "x" * 300_000}]},
        "data set title and description, 10 MB": {
            "title": words("word", TEN_MB), "description": "d" * TEN_MB, "events": [event]},
        "event summary, 10 MB": {"events": [{**event, "summary": words("word", TEN_MB)}]},
        "event of 100,000 tags": {"events": [{**event, "tags": [f"tag-{n}" for n in range(100_000)]}]},
        "organization name and description, 10 MB": {
            "organizations": {"o": {"name": "n" * TEN_MB, "description": "d" * TEN_MB}},
            "events": [{**event, "actors": ["o"]}]},
        f"event of {actors:,} actors": {
            "organizations": {f"o{n}": {"name": f"Org {n}"} for n in range(actors)},
            "events": [{**event, "actors": [f"o{n}" for n in range(actors)]}]},
    }


def run(path: Path) -> dict | None:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if done.returncode == 0 and lines else None


def check(path: Path) -> float:
    """Seconds `explorer check` takes on `path`, in a fresh process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "explorer", "check", str(path)], capture_output=True,
                   cwd=ROOT, timeout=600)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--actors", type=int, default=1_000_000)
    args = parser.parse_args()
    over = False
    print(f"{'file':45} {'open':>8} {'select':>8}  budget {BUDGET_S:.0f} s each   {'check':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files(args.actors).items():
            path = Path(folder) / "hostile.json"
            path.write_text(json.dumps({"timeline": 1, "title": "T", **data}), encoding="utf-8")
            runs, checks = [], []
            for _ in range(args.repeat):  # each open beside its check: the machine's speed drifts
                runs.append(run(path))
                checks.append(check(path))
            if any(r is None or not r["ok"] for r in runs):
                print(f"{name:45} FAILED (no window, or the file did not open)")
                over = True
                continue
            opened = statistics.median(r["open"] for r in runs)
            selected = statistics.median(r["select"] for r in runs)
            checked = statistics.median(checks)
            if max(opened, selected) <= BUDGET_S:
                verdict = "ok"
            elif selected <= BUDGET_S and opened <= CHECK_RATIO * checked:
                verdict = f"ok, load ({opened / checked:.2f}x)"
            else:
                verdict = "OVER"
            over = over or verdict == "OVER"
            print(f"{name:45} {opened:7.2f}s {selected:7.2f}s  {verdict:18} {checked:7.2f}s")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
