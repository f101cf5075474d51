"""Milliseconds per frame of the timeline widget at 1600x900, against the budget.

    .venv/bin/python benchmarks/paint.py [--sizes 1000 10000 100000 1000000] [--frames 25]
                                         [--group-by none] [--filters]

For synthetic data sets (`benchmarks/synthetic.py`, built through the model API) of each
size, the widget is shown offscreen and rendered into a QImage at five zooms (everything, a
decade, a year, a month, a day). Every frame first pans the view by a pixel, so each one
builds its scene (index queries, layout) and paints it, as a frame of a drag does; it renders
what such a frame repaints on screen: the canvas and the time scroll bar.
Prints the median per size and zoom, the ratio to the 1k case, and the budget:
median <= 16 ms everywhere (a 60 Hz display), and 1M / 1k <= 1.5; and against a 120 Hz
display's 8 ms, the budget of a million events with lanes by actor (`--group-by actor`).
Frames on a 2-core machine move by a third from one run to the next: quote medians of runs.
With --filters, also the cost of a filter change (the filter itself, and the timeline's
index update) against 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication

from benchmarks.synthetic import synthetic_dataset
from explorer.model.calendar import days_from_civil
from explorer.model.filters import EventFilter
from explorer.qt.document import Document
from explorer.qt.timeline.widget import TimelineWidget
from explorer.timescale.viewport import Viewport

FRAME_BUDGET_MS = 16.0
FRAME_120HZ_MS = 8.0
RATIO_BUDGET = 1.5
FILTER_BUDGET_MS = 300.0
WIDTH, HEIGHT = 1600, 900
CENTRE = float(days_from_civil(2000, 6, 15))
ZOOMS = {"decade": 3652.4, "year": 365.2, "month": 30.4, "day": 1.0}


def frame_times(widget: TimelineWidget, viewport: Viewport | None, frames: int) -> list[float]:
    """Render `frames` frames, each after a one-pixel pan; milliseconds per frame."""
    if viewport is None:
        widget.fit_all()
    else:
        widget.set_viewport(viewport)
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    # What a frame repaints on screen: the canvas, and the time scroll bar that moved with it.
    region = QRegion(widget.canvas_rect().toAlignedRect()) + QRegion(widget.hbar.geometry())
    times = []
    for frame in range(frames + 2):
        widget.set_viewport(widget.viewport.panned(1.0 if frame % 2 else -1.0))
        started = time.perf_counter()
        widget.render(image, QPoint(), region)
        times.append((time.perf_counter() - started) * 1000.0)
    return times[2:]  # the first frames warm caches (text widths, geometry)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--frames", type=int, default=25)
    parser.add_argument("--group-by", default="none", choices=["none", "actor", "kind", "tag"])
    parser.add_argument("--filters", action="store_true", help="also time filter changes")
    options = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    results: dict[tuple[int, str], float] = {}
    print(f"Timeline frame at {WIDTH}x{HEIGHT}, lanes: {options.group_by}, "
          f"median of {options.frames} frames")
    for size in options.sizes:
        started = time.perf_counter()
        dataset = synthetic_dataset(size)
        built = time.perf_counter() - started
        document = Document()
        widget = TimelineWidget(document)
        widget.resize(WIDTH, HEIGHT)
        widget.show()
        app.processEvents()
        started = time.perf_counter()
        document.set_dataset(dataset)
        loaded = time.perf_counter() - started
        widget.set_group_by(options.group_by)
        print(f"\n{size:>9,} events: data set built in {built:.1f} s (not timed below), "
              f"loaded into the timeline in {loaded * 1000:.0f} ms (once per data set)")
        views = {"all": None}
        for name, span in ZOOMS.items():
            views[name] = Viewport(CENTRE - span / 2, CENTRE + span / 2, widget.viewport.width_px)
        for name, viewport in views.items():
            median = statistics.median(frame_times(widget, viewport, options.frames))
            results[(size, name)] = median
            scene = widget.current_scene()
            base = results.get((options.sizes[0], name))
            ratio = f"{median / base:5.2f}" if base else "  -  "
            verdict = "ok" if median <= FRAME_BUDGET_MS else "OVER"
            print(f"  {name:<7} {median:7.2f} ms/frame  (budget {FRAME_BUDGET_MS:.0f})  "
                  f"ratio to {options.sizes[0]:,}: {ratio}  {verdict:<4}  "
                  f"[{len(scene.items)} items, {len(scene.densities)} density strips, "
                  f"{len(scene.badges)} badges]")
        if options.filters:
            time_filters(document, widget)
        widget.close()
        widget.deleteLater()
        app.processEvents()

    smallest, largest = options.sizes[0], options.sizes[-1]
    if smallest != largest:
        print(f"\nRatio {largest:,} / {smallest:,} per zoom (budget <= {RATIO_BUDGET}):")
        for name in ["all", *ZOOMS]:
            ratio = results[(largest, name)] / results[(smallest, name)]
            print(f"  {name:<7} {ratio:5.2f}  {'ok' if ratio <= RATIO_BUDGET else 'OVER'}")
    worst = max(results.values())
    print(f"\nWorst median: {worst:.2f} ms/frame "
          f"({'within' if worst <= FRAME_BUDGET_MS else 'OVER'} the {FRAME_BUDGET_MS:.0f} ms budget)")
    worst_largest = max(results[(largest, name)] for name in ["all", *ZOOMS])
    print(f"Worst median at {largest:,} events: {worst_largest:.2f} ms/frame "
          f"({'within' if worst_largest <= FRAME_120HZ_MS else 'OVER'} a 120 Hz display's "
          f"{FRAME_120HZ_MS:.0f} ms)")
    return 0


def time_filters(document: Document, widget: TimelineWidget) -> None:
    """A filter change: the document's filter, then the timeline's index update alone."""
    dataset = document.dataset
    busiest = max(dataset.events_by_actor, key=lambda a: len(dataset.events_by_actor[a]))
    filters = [EventFilter(actors=frozenset({busiest})), EventFilter(tags=frozenset({"law"})),
               EventFilter()]
    totals, updates = [], []
    for event_filter in filters * 2:
        started = time.perf_counter()
        document.set_filter(event_filter)
        totals.append((time.perf_counter() - started) * 1000.0)
        started = time.perf_counter()
        widget.index.set_visible(document.visible_positions)
        widget.lane_index.refresh()
        updates.append((time.perf_counter() - started) * 1000.0)
    total, update = statistics.median(totals), statistics.median(updates)
    print(f"  filter change: {total:.0f} ms in all (filter + timeline), of which the timeline's "
          f"index update {update:.0f} ms  (budget {FILTER_BUDGET_MS:.0f} ms)  "
          f"{'ok' if total <= FILTER_BUDGET_MS else 'OVER'}")


if __name__ == "__main__":
    raise SystemExit(main())
