"""Seconds and file sizes of exports, against the budget of 3 s per export of 100k events.

    .venv/bin/python benchmarks/export.py [--sizes 100000] [--width 8000] [--group-by none]
                                          [--keep FOLDER]

Exports the shipped data set and synthetic data sets (`benchmarks/synthetic.py`) of each
size to PNG (--width pixels wide), SVG and PDF, everything the filter keeps (no filter), the
way `explorer export DATA -o OUT` does. Each time covers the whole export: filter, index,
layout, painting, encoding and the atomic write; building the data set is not counted (it
is loading, timed by the loader's own benchmark). The median of --repeat runs is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication

from benchmarks.synthetic import synthetic_dataset
from explorer.model.load.loader import load_dataset
from explorer.paths import shipped_dataset
from explorer.qt.export.render import ExportOptions, export_timeline
from explorer.timescale.lanes import GroupBy

BUDGET_S = 3.0
BUDGET_EVENTS = 100_000
FORMATS = ("png", "svg", "pdf")


def timed_export(dataset, path: Path, options: ExportOptions, repeat: int):
    """Seconds of the first export (nothing of the data set's indexes built yet, as in
    `explorer export`) and the median of the rest; and the result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = export_timeline(dataset, path, options)
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times[1:] or times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[BUDGET_EVENTS])
    parser.add_argument("--width", type=int, default=8000, help="PNG and SVG width in pixels")
    parser.add_argument("--group-by", default="none", choices=[g.value for g in GroupBy])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", metavar="FOLDER", help="write the exports here and keep them")
    options = parser.parse_args()

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    folder = Path(options.keep or tempfile.mkdtemp(prefix="export-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    sets = [("shipped", load_dataset(shipped_dataset()))]
    for size in options.sizes:
        sets.append((f"{size // 1000}k", synthetic_dataset(size)))

    export_options = ExportOptions(width=options.width, group_by=GroupBy(options.group_by))
    print(f"Exports of everything, lanes: {options.group_by}, PNG/SVG {options.width} px wide, "
          f"PDF A4 landscape; first: the first export (the PNG line builds the data set's "
          f"indexes on the way, as `explorer export` does), "
          f"then the median of {options.repeat - 1} more")
    print(f"{'data set':>9} {'events':>8} {'format':>6} {'first s':>8} {'then s':>7} "
          f"{'file':>10} {'pages':>5}  budget")
    over = False
    for name, dataset in sets:
        for kind in FORMATS:
            path = folder / f"{name}.{kind}"
            first, then, result = timed_export(dataset, path, export_options, options.repeat)
            size = f"{result.size[0]}x{result.size[1]} px" if kind == "png" else ""
            verdict = ""
            if len(dataset.events) >= BUDGET_EVENTS:
                worst = max(first, then)
                verdict = f"<= {BUDGET_S:.0f} s " + ("ok" if worst <= BUDGET_S else "OVER")
                over |= worst > BUDGET_S
            print(f"{name:>9} {len(dataset.events):>8,} {kind:>6} {first:>8.2f} {then:>7.2f} "
                  f"{result.bytes / 1024:>7,.0f} KB {result.pages:>5}  {verdict:<10} {size}")
    print(f"files in {folder}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
