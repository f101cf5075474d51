"""A million events: paint, filter, export and memory, each next to its budget.

    .venv/bin/python benchmarks/large.py [--events 1000000] [--source api|json] [--frames 15]

The data set is built through the model API (`benchmarks/synthetic.py`) or, with
`--source json`, written as JSON by `benchmarks/make_dataset.py` (in another process, or
taken from `--file`) and opened with the loader.
The timeline widget is shown offscreen at 1600x900 as in `benchmarks/paint.py`. Budgets:

- every paint <= 16 ms median, at each zoom (everything, a decade, a year, a month, a day);
- a filter change <= 300 ms: the document's refilter and every view connected to it (the
  timeline's index update among them), for actors, tags, dates and text searches;
- export of the full range to PNG <= 5 s;
- peak resident memory <= 2 GB with the million events loaded and shown.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from benchmarks.paint import CENTRE, FRAME_BUDGET_MS, HEIGHT, WIDTH, ZOOMS, frame_times
from benchmarks.synthetic import synthetic_dataset
from explorer.model.calendar import days_from_civil
from explorer.model.filters import EventFilter, Match, adopt_index, prepared_index
from explorer.model.load.loader import load_dataset
from explorer.qt.document import Document
from explorer.qt.timeline.widget import TimelineWidget
from explorer.timescale.viewport import Viewport

FILTER_BUDGET_MS = 300.0
EXPORT_BUDGET_S = 5.0
RSS_BUDGET_MB = 2048.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def verdict(value: float, budget: float) -> str:
    return "ok" if value <= budget else "OVER"


def dataset_of(options, folder: str):
    """The data set, and how it was made, in words."""
    started = time.perf_counter()
    if options.source == "api":
        dataset = synthetic_dataset(options.events)
        return dataset, f"built through the model API in {time.perf_counter() - started:.1f} s"
    path = options.file or Path(folder) / f"synthetic-{options.events}.json"
    if options.file is None:
        # in another process, so that writing the file does not count in this one's memory
        subprocess.run([sys.executable, str(Path(__file__).with_name("make_dataset.py")),
                        str(options.events), "--json", "-o", str(path)], check=True)
    written = time.perf_counter() - started
    started = time.perf_counter()
    dataset = load_dataset(path)
    how = "given" if options.file else f"written in {written:.0f} s"
    return dataset, (f"JSON ({path.stat().st_size / 1e6:.0f} MB) {how}, opened with the loader "
                     f"in {time.perf_counter() - started:.1f} s")


def filters_of(dataset) -> list[tuple[str, EventFilter]]:
    """Filter changes a person makes in the filter bar, each keeping some events."""
    sizes = Counter({actor: len(positions) for actor, positions in dataset.events_by_actor.items()})
    busiest = [actor for actor, _count in sizes.most_common()]
    common = Counter(word for event in dataset.events[:2000] for word in event.title.lower().split())
    word = common.most_common(1)[0][0]
    rare = dataset.events[len(dataset.events) // 3].title
    family = max(dataset.organizations, key=lambda o: len(dataset.descendants(o)))
    decade = (float(days_from_civil(1990, 1, 1)), float(days_from_civil(2000, 1, 1)))
    return [
        ("the busiest actor", EventFilter(actors={busiest[0]})),
        ("a typical actor", EventFilter(actors={busiest[len(busiest) // 4]})),
        ("two actors, all", EventFilter(actors=set(busiest[:2]), match=Match.ALL)),
        ("an organization and its children", EventFilter(actors={family}, include_children=True)),
        ("a tag", EventFilter(tags={dataset.tags()[0]})),
        ("a decade", EventFilter(date_from=decade[0], date_to=decade[1])),
        (f"search a common word ({word!r})", EventFilter(text=word)),
        ("search a whole title", EventFilter(text=f'"{rare}"')),
        ("actor, tag and decade", EventFilter(actors={busiest[1]}, tags={dataset.tags()[1]},
                                             date_from=decade[0], date_to=decade[1])),
        ("cleared", EventFilter()),
    ]


def time_filters(document: Document, repeat: int) -> float:
    """Milliseconds per filter change (median of each, the worst printed and returned)."""
    print(f"\nFilter change (document refilter and every connected view, timeline index "
          f"included), median of {repeat}; budget {FILTER_BUDGET_MS:.0f} ms")
    worst = 0.0
    for name, event_filter in filters_of(document.dataset):
        times = []
        for _ in range(repeat):
            document.set_filter(EventFilter(tags={"__none__"}))  # a change each time
            started = time.perf_counter()
            document.set_filter(event_filter)
            times.append((time.perf_counter() - started) * 1000.0)
        median = statistics.median(times)
        worst = max(worst, median)
        shown = len(document.visible_positions)
        print(f"  {name:<40} {median:7.1f} ms  {verdict(median, FILTER_BUDGET_MS):<4}  "
              f"(first {times[0]:.0f} ms)  [{shown:,} events kept]")
    return worst


def time_export(document: Document, folder: str) -> float | None:
    """Seconds to export the full range to PNG, or None when there is no exporter."""
    try:
        from explorer.qt.export.render import ExportOptions, export_timeline
    except ImportError:
        print("\nExport of the full range to PNG: not measured: exporter missing")
        return None
    started = time.perf_counter()
    result = export_timeline(document.dataset, Path(folder) / "all.png", ExportOptions())
    seconds = time.perf_counter() - started
    print(f"\nExport of the full range to PNG ({result.size[0]}x{result.size[1]} px, "
          f"{result.bytes / 1e3:.0f} kB): {seconds:.2f} s  (budget {EXPORT_BUDGET_S:.0f} s)  "
          f"{verdict(seconds, EXPORT_BUDGET_S)}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--source", choices=["api", "json"], default="api")
    parser.add_argument("--file", type=Path, help="with --source json: open this JSON file")
    parser.add_argument("--frames", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=5, help="changes per filter")
    options = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        dataset, made = dataset_of(options, folder)
        print(f"{len(dataset.events):,} events, {made}; peak RSS so far {peak_rss_mb():.0f} MB")
        document = Document()
        widget = TimelineWidget(document)
        widget.resize(WIDTH, HEIGHT)
        widget.show()
        app.processEvents()
        started = time.perf_counter()
        adopt_index(prepared_index(dataset))
        print(f"Search index built in {time.perf_counter() - started:.1f} s (in the app, by the "
              f"loading thread)")
        started = time.perf_counter()
        document.set_dataset(dataset)
        app.processEvents()
        print(f"Shown in the timeline in {time.perf_counter() - started:.1f} s (once per data set)")

        print(f"\nPaint at {WIDTH}x{HEIGHT}, median of {options.frames} frames (each after a "
              f"one-pixel pan); budget {FRAME_BUDGET_MS:.0f} ms")
        views = {"all": None}
        for name, span in ZOOMS.items():
            views[name] = Viewport(CENTRE - span / 2, CENTRE + span / 2, widget.viewport.width_px)
        worst_paint = 0.0
        for name, viewport in views.items():
            median = statistics.median(frame_times(widget, viewport, options.frames))
            worst_paint = max(worst_paint, median)
            print(f"  {name:<7} {median:7.2f} ms  {verdict(median, FRAME_BUDGET_MS)}")

        worst_filter = time_filters(document, options.repeat)
        app.processEvents()
        export = time_export(document, folder)
        rss = peak_rss_mb()

    print("\nSummary")
    print(f"  paint, worst median       {worst_paint:8.2f} ms   budget {FRAME_BUDGET_MS:.0f} ms    "
          f"{verdict(worst_paint, FRAME_BUDGET_MS)}")
    print(f"  filter change, worst      {worst_filter:8.1f} ms   budget {FILTER_BUDGET_MS:.0f} ms   "
          f"{verdict(worst_filter, FILTER_BUDGET_MS)}")
    if export is None:
        print("  export to PNG             not measured: exporter missing")
    else:
        print(f"  export to PNG             {export:8.2f} s    budget {EXPORT_BUDGET_S:.0f} s     "
              f"{verdict(export, EXPORT_BUDGET_S)}")
    print(f"  peak resident memory      {rss:8.0f} MB   budget {RSS_BUDGET_MB:.0f} MB  "
          f"{verdict(rss, RSS_BUDGET_MB)}")
    widget.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
