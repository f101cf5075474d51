"""What a person waits for when the explorer opens a file, from process start, against the budgets.

    .venv/bin/python benchmarks/open.py [--sizes 10000 100000 1000000] [--formats yaml json]
                                        [--repeat 3] [--file FILE] [--no-warnings] [--stages]

Writes synthetic files with `benchmarks/make_dataset.py` (kept in a folder of the system's
temporary folder between runs, since a million events take a while to write), then starts the
app on each, in a fresh process each time, as `explorer FILE` does (`explorer.qt.app.run`, on
Qt's offscreen platform), and times from the moment the process is started:

- **window shown**: the main window's first paint;
- **first frame**: the timeline's first paint with the data set on it;
- **panes filled**: every pane has taken the data set and no refresh is pending;

cold (empty cache, new settings) and warm (the cache and settings of an earlier run on the same
file), for YAML and JSON. Each run also reports where the time went, stage by stage (read,
parse, validate, build indexes, search index, each pane, first scene, first paint), the
**stall probe**: the longest the window's event loop went without running a 5 ms timer while the
file loaded, while it was reloaded (File > Reload) and while the filter changed three times, and
the process's peak memory: up to the panes filled (the load), and over the whole run (a reload
holds the data set on screen while it reads the new one). Medians of `--repeat` fresh processes;
the stage breakdown (`--stages`: the reload's and the filter's stages follow the load's, each
call under the phase in which it ended) is the median run's.

It also times `explorer check` on the 100,000-event YAML file (the loader alone, the yardstick of
the first budget) and the same file with 100 warnings (unknown fields), cold.

The explorer's modules are compiled to bytecode first, as an installed copy's are (pip
compiles them as it installs): a checkout run with PYTHONDONTWRITEBYTECODE set compiles every
module at every start, about 0.3 s that no installed copy spends.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_dataset import make  # noqa: E402
from explorer.model.load.files import limit_of  # noqa: E402

COLD_100K_YAML_S = 3.0
CHECK_RATIO = 1.2
WARM_100K_YAML_S = 1.0
WARNINGS_RATIO = 1.2
COLD_1M_JSON_S = 8.0
STALL_MS = 100.0
PEAK_1M_JSON_MB = 1536.0
WARNINGS = 100
DATA_FOLDER = Path(tempfile.gettempdir()) / "explorer-open-benchmark"

# The child: the app as `explorer FILE` starts it, with its stages timed from outside (the
# product code carries no timing hooks). Prints one JSON line.
CHILD = r'''
import functools, inspect, json, os, sys, threading, time
started = float(sys.argv[2])
path = sys.argv[1]
now = time.monotonic
marks, stages, gaps, gaps_at, opened, later = {}, {}, {}, {}, {}, {}
loaded_peak = []
main_thread = threading.get_ident()
windows = []


def mark(name):
    marks.setdefault(name, now() - started)


def timed(owner, attribute, stage):
    # Wrap owner.attribute so that its seconds add up under `stage`, with the first call's start.
    original = inspect.getattr_static(owner, attribute)
    is_class = isinstance(original, classmethod)
    function = original.__func__ if is_class else original
    parameters = inspect.signature(function).parameters.values()
    varargs = any(p.kind is p.VAR_POSITIONAL for p in parameters)
    accepts = len(parameters)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if not varargs:
            args = args[:accepts]  # Qt passes a signal's arguments to slots that take fewer
        begun = now()
        try:
            return function(*args, **kwargs)
        finally:
            thread = "ui" if threading.get_ident() == main_thread else "worker"
            entry = stages.setdefault(stage, [0.0, 0, begun - started, thread])
            entry[0] += now() - begun
            entry[1] += 1
    setattr(owner, attribute, classmethod(wrapper) if is_class else wrapper)


# The loader, timed before anything reads a file.
import explorer.model.load.loader as loader
import explorer.model.load.cache as cache_module
from explorer.model.dataset import Dataset
from explorer.model.filters import FilterIndex
timed(loader, "read_file", "read the file")
timed(loader, "read_yaml_fast", "parse (fast path)")
timed(loader, "read_json_fast", "parse (fast path)")
timed(loader, "read_plain", "validate (fast path)")
timed(loader, "_node_fields", "node path (parse and validate, placed)")
timed(Dataset, "build", "build the data set and its indexes")
timed(cache_module.DatasetCache, "get", "cache: read an entry")
timed(cache_module.DatasetCache, "put", "cache: store (a thread)")
timed(FilterIndex, "prepare", "search index (after the first paint)")


def patch_window():
    # The window's modules, timed; imported when `run` would import them (after the head start).
    global QTimer, QApplication
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from explorer.qt.document import Document
    import explorer.qt.timeline.widget as widget_module
    from explorer.qt.timeline.widget import TimelineWidget
    from explorer.qt.panes.entity_pane import EntityPane
    from explorer.qt.panes.map_pane import MembershipMapPane
    from explorer.qt.panes.event_table import EventTableModel
    from explorer.qt.panes.event_details import EventDetailsPane
    from explorer.qt.panes.memberships import MembershipsPane
    from explorer.qt.filter_bar import FilterBar
    from explorer.qt.coalesced import Coalesced
    import explorer.qt.main_window as main_window
    for owner, attribute, stage in (
            (Document, "shown_for", "what the views show (membership events)"),
            (Document, "set_dataset", "views take the data set (all their slots)"),
            (widget_module, "build_scene", "scene"),
            (widget_module, "paint_timeline", "paint"),
            (TimelineWidget, "_on_dataset_loaded", "  timeline"),
            (EntityPane, "_on_dataset_loaded", "  organizations, protocols, people"),
            (EntityPane, "_refresh_counts", "pane: organizations, protocols, people (counts)"),
            (MembershipMapPane, "refresh", "pane: membership map"),
            (EventTableModel, "_reset", "pane: events table"),
            (EventDetailsPane, "_follow", "pane: event details"),
            (MembershipsPane, "_on_dataset_loaded", "  memberships"),
            (MembershipsPane, "_refresh", "pane: memberships (list and chart)"),
            (FilterBar, "_on_dataset_loaded", "  filter bar"),
            (main_window, "settle", "one collection after the load"),
            (main_window.MainWindow, "show_dataset", "the window shows the data set"),
            (main_window.MainWindow, "_paint_then_settle", "repaint, then settle"),
    ):
        if inspect.getattr_static(owner, attribute, None) is not None:
            timed(owner, attribute, stage)

    import weakref
    refreshes = weakref.WeakSet()
    original_init = Coalesced.__init__

    def coalesced_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        refreshes.add(self)
    Coalesced.__init__ = coalesced_init

    def check_filled():
        # looked at every 10 ms, not on every turn of the loop: a callback on each turn
        # would ask for the interpreter all the time, and stall the loop it measures
        if any(refresh.pending for refresh in list(refreshes)):
            QTimer.singleShot(10, check_filled)
            return
        mark("panes filled")
        loaded_peak.append(peak_mb())  # the load's; the peak counts afresh for the reload
        try:
            with open("/proc/self/clear_refs", "w") as refs:
                refs.write("5")
        except OSError:
            pass
        opened.update({stage: list(entry) for stage, entry in stages.items()})
        QTimer.singleShot(0, reload_and_filter)

    original_paint = TimelineWidget.paintEvent

    def paint_event(self, event):
        original_paint(self, event)
        dataset = self._document.dataset
        if dataset is not None and len(dataset.events) and "first frame" not in marks:
            mark("first frame")
            QTimer.singleShot(0, check_filled)
    TimelineWidget.paintEvent = paint_event

    class Shown(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "window shown" not in marks:
                window = getattr(watched, "window", None)
                if callable(window) and isinstance(window(), main_window.MainWindow):
                    mark("window shown")
                    # every event of the application passes through here, each taking the
                    # interpreter: once is enough
                    QApplication.instance().removeEventFilter(self)
            return False

    original_show = main_window.MainWindow.show

    def show(self):
        global probe, shown
        windows.append(self)
        shown = Shown()
        QApplication.instance().installEventFilter(shown)
        probe = Probe()
        QTimer.singleShot(280_000, give_up)
        original_show(self)
    main_window.MainWindow.show = show


class Probe:
    # The longest gap between ticks of a 5 ms timer, per phase (load, reload, filter).
    def __init__(self):
        self.phase, self.last = "load", now()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self):
        moment = now()
        gap, self.last = moment - self.last, moment
        if gap > gaps.get(self.phase, 0.0):
            gaps[self.phase] = gap
            gaps_at[self.phase] = moment - gap - started

    def enter(self, phase):
        self.tick()
        self.phase, self.last = phase, now()


def after_phase(phase):
    # the stages of the phase that ends, under its name; the next one's counted afresh
    later.update({f"({phase}) {stage}": list(entry) for stage, entry in stages.items()})
    stages.clear()


def reload_and_filter():
    stages.clear()  # the load's are in `opened`
    probe.enter("reload")
    windows[0].reload()
    QTimer.singleShot(50, filter_changes)


def filter_changes():
    from explorer.model.filters import EventFilter
    document = windows[0].document
    after_phase("reload")
    probe.enter("filter")
    actors = [actor.id for actor in document.dataset.actors()[:1]]
    document.set_filter(EventFilter(actors=frozenset(actors)))
    QApplication.processEvents()
    document.set_filter(EventFilter(text="police"))
    QApplication.processEvents()
    QTimer.singleShot(0, clear_when_applied)


def clear_when_applied():
    # a search asked for before the search text is built applies once the lane built it
    # (`Document.filter_waiting`); the event loop runs meanwhile, as it would for a person
    document = windows[0].document
    if document.filter_waiting:
        QTimer.singleShot(5, clear_when_applied)
        return
    document.clear_filter()
    QTimer.singleShot(100, finish)


def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def finish():
    probe.tick()
    after_phase("filter")
    dataset = windows[0].document.dataset
    cache = windows[0].loads.cache
    if cache is not None:  # the entry the warm starts read, written on the background lane
        cache.flush()
    print(json.dumps({"marks": marks, "stages": opened, "later": later, "gaps": gaps, "gaps_at": gaps_at, "rss_mb": (loaded_peak or [peak_mb()])[0],
                      "rss_reload_mb": max(loaded_peak + [peak_mb()]),
                      "events": len(dataset.events), "warnings": len(dataset.warnings)}), flush=True)
    os._exit(0)


def give_up():
    print(json.dumps({"error": "no first frame in 280 s", "marks": marks}), flush=True)
    os._exit(1)


import explorer.qt.head_start as head_start
original_begin = head_start.HeadStart.begin.__func__


def begin(cls, *args, **kwargs):
    head = original_begin(cls, *args, **kwargs)
    patch_window()
    return head
head_start.HeadStart.begin = classmethod(begin)

from explorer.cli.main import main
main([path])
'''


def child(path: Path, home: Path) -> dict:
    """One start of the app on `path` in a fresh process whose settings and cache live in
    `home`."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), repr(started)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=330)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the app did not open {path.name}: {done.stdout[-500:]} {done.stderr[-1500:]}")
    result = json.loads(lines[-1])
    if "error" in result:
        raise SystemExit(f"{path.name}: {result['error']}")
    return result


def check_seconds(path: Path) -> float:
    """`explorer check FILE` in a fresh process, from its start to its end."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "explorer", "check", str(path)], capture_output=True,
                   cwd=ROOT, check=False, timeout=300)
    return time.monotonic() - started


def dataset_file(events: int, language: str, warnings: int = 0) -> Path:
    """The synthetic file, written once and kept in DATA_FOLDER."""
    DATA_FOLDER.mkdir(exist_ok=True)
    suffix = f"-{warnings}w" if warnings else ""
    path = DATA_FOLDER / f"synthetic-{events}{suffix}.{language}"
    if not path.exists():
        text = make(events, as_json=language == "json")
        if warnings:
            text = with_warnings(text, warnings)
        part = path.with_suffix(".part")
        part.write_text(text, encoding="utf-8")
        part.replace(path)
    return path


def with_warnings(yaml_text: str, count: int) -> str:
    """The YAML text with `count` events given an unknown field (a warning each)."""
    lines = yaml_text.splitlines(keepends=True)
    inside, added = False, 0
    for number, line in enumerate(lines):
        if line.startswith("events:"):
            inside = True
        elif inside and line.startswith("  - ") and not line.startswith("  - {") and added < count and number % 7 == 0:
            indent = " " * 4
            lines[number] = line + f"{indent}remark: added for the benchmark\n"
            added += 1
    if added < count:
        raise SystemExit(f"could only add {added} warnings")
    return "".join(lines)


def median_run(runs: list[dict], key: str) -> dict:
    ordered = sorted(runs, key=lambda run: run["marks"].get(key, float("inf")))
    return ordered[len(ordered) // 2]


def summary(name: str, runs: list[dict]) -> dict:
    marks = {key: statistics.median(run["marks"][key] for run in runs)
             for key in ("window shown", "first frame", "panes filled")}
    gaps = {phase: statistics.median(run["gaps"].get(phase, 0.0) for run in runs) * 1000
            for phase in ("load", "reload", "filter")}
    worst_gap = {phase: max(run["gaps"].get(phase, 0.0) for run in runs) * 1000
                 for phase in ("load", "reload", "filter")}
    rss = max(run["rss_mb"] for run in runs)
    rss_reload = max(run["rss_reload_mb"] for run in runs)
    print(f"  {name:<22} shown {marks['window shown']:6.2f} s   first frame {marks['first frame']:6.2f} s   "
          f"panes filled {marks['panes filled']:6.2f} s   stall (load/reload/filter) "
          f"{worst_gap['load']:4.0f}/{worst_gap['reload']:4.0f}/{worst_gap['filter']:4.0f} ms   "
          f"peak {rss:5.0f} MB (with the reload {rss_reload:5.0f} MB)")
    middle = median_run(runs, "first frame")
    return {"marks": marks, "gaps": gaps, "worst_gap": worst_gap, "rss": rss, "rss_reload": rss_reload,
            "stages": {**middle["stages"], **middle.get("later", {})}, "stalls": {phase: (middle["gaps_at"][phase], middle["gaps"][phase])
                                                  for phase in middle.get("gaps_at", {})}}


def print_stages(figures: dict) -> None:
    stages = dict(figures["stages"])
    for phase, (begun, seconds) in figures["stalls"].items():  # where the longest gaps fell
        stages[f"** the longest stall of the {phase} began here"] = [seconds, 1, begun, "ui"]
    rows = sorted(stages.items(), key=lambda item: item[1][2])
    for stage, (seconds, calls, first, thread) in rows:
        times = f" ({calls} calls)" if calls > 1 else ""
        print(f"      {first:6.2f} s  {seconds * 1000:8.1f} ms  {thread:<6}  {stage}{times}")


def measure(path: Path, repeat: int, stages: bool) -> dict[str, dict]:
    """Cold and warm starts on `path`."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        cold = []
        for number in range(repeat):
            home = Path(folder) / f"cold-{number}"
            home.mkdir()
            cold.append(child(path, home))
        warm_home = Path(folder) / "cold-0"  # its cache holds the file, its settings its view
        warm = [child(path, warm_home) for _ in range(repeat)]
    print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB, {cold[0]['events']:,} events, "
          f"{cold[0]['warnings']} warnings), median of {repeat} fresh processes")
    results["cold"] = summary("cold (empty cache)", cold)
    if stages:
        print_stages(results["cold"])
    results["warm"] = summary("warm (cache)", warm)
    if stages:
        print_stages(results["warm"])
    return results


def verdict(value: float, budget: float) -> str:
    return "ok" if value <= budget else "OVER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=["yaml", "json"], choices=["yaml", "json"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", type=Path, help="time this file only")
    parser.add_argument("--no-warnings", action="store_true", help="skip the file with 100 warnings")
    parser.add_argument("--stages", action="store_true", help="print each run's stages")
    parser.add_argument("--clean", action="store_true", help="write the synthetic files again")
    options = parser.parse_args()
    compileall.compile_dir(ROOT / "explorer", quiet=1)
    if options.clean and DATA_FOLDER.exists():
        shutil.rmtree(DATA_FOLDER)
    if options.file is not None:
        measure(options.file.resolve(), options.repeat, True)
        return 0

    table: dict[tuple[int, str], dict] = {}
    for events in options.sizes:
        for language in options.formats:
            path = dataset_file(events, language)
            if path.stat().st_size > limit_of(language):  # refused at once, by design: no frame comes
                print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB): skipped, over the loader's "
                      f"limit for {language.upper()} files ({limit_of(language) / 2**20:.0f} MB)")
                continue
            table[events, language] = measure(path, options.repeat, options.stages)
    checked = warned = None
    if 100_000 in options.sizes and "yaml" in options.formats:
        plain = dataset_file(100_000, "yaml")
        checked = statistics.median(check_seconds(plain) for _ in range(options.repeat))
        print(f"explorer check {plain.name}: {checked:.2f} s (median of {options.repeat})")
        if not options.no_warnings:
            warned = measure(dataset_file(100_000, "yaml", WARNINGS), options.repeat, options.stages)

    print("\nBudgets (medians of fresh processes, from process start)")
    rows = []
    if (100_000, "yaml") in table:
        cold = table[100_000, "yaml"]["cold"]["marks"]["first frame"]
        rows.append(("100k YAML, cold: first painted frame", f"{cold:.2f} s", f"<= {COLD_100K_YAML_S:g} s",
                     verdict(cold, COLD_100K_YAML_S)))
        if checked is not None:
            ratio = cold / checked
            rows.append(("  ... against explorer check", f"{ratio:.2f}x ({checked:.2f} s)",
                         f"<= {CHECK_RATIO:g}x", verdict(ratio, CHECK_RATIO)))
        warm = table[100_000, "yaml"]["warm"]["marks"]["first frame"]
        rows.append(("100k YAML, warm: first painted frame", f"{warm:.2f} s", f"<= {WARM_100K_YAML_S:g} s",
                     verdict(warm, WARM_100K_YAML_S)))
        if warned is not None:
            with_them = warned["cold"]["marks"]["first frame"]
            ratio = with_them / cold
            rows.append((f"100k YAML with {WARNINGS} warnings, cold", f"{ratio:.2f}x ({with_them:.2f} s)",
                         f"<= {WARNINGS_RATIO:g}x", verdict(ratio, WARNINGS_RATIO)))
        stall = max(max(table[100_000, language][start]["worst_gap"].values())
                    for language in options.formats if (100_000, language) in table
                    for start in ("cold", "warm"))
        rows.append(("longest stall, load/reload/filter (100k)", f"{stall:.0f} ms", f"<= {STALL_MS:g} ms",
                     verdict(stall, STALL_MS)))
    if (1_000_000, "json") in table:
        cold = table[1_000_000, "json"]["cold"]
        seconds = cold["marks"]["first frame"]
        rows.append(("1M JSON, cold: first painted frame", f"{seconds:.2f} s", f"<= {COLD_1M_JSON_S:g} s",
                     verdict(seconds, COLD_1M_JSON_S)))
        rows.append(("peak memory, 1M JSON loaded (to panes filled)", f"{cold['rss']:.0f} MB",
                     f"<= {PEAK_1M_JSON_MB:g} MB", verdict(cold["rss"], PEAK_1M_JSON_MB)))
        rows.append(("    ... with a reload beside it (both held)", f"{cold['rss_reload']:.0f} MB", "", ""))
    for name, value, budget, result in rows:
        print(f"  {name:<44} {value:>18}   {budget:<10} {result}")
    print("  (frames at 1M events with lanes by actor: benchmarks/paint.py --group-by actor)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
