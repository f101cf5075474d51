"""Time for a change of the "as of" day to update every membership view, against the budgets.

    .venv/bin/python benchmarks/memberships.py [--states 200] [--targets 10] [--repeat 25]

Builds a data set of `--states` states, each with four actions (signed, ratified, withdrew,
acceded) toward each of `--targets` protocols (8,000 memberships by default), shows it in the
real main window offscreen at 1600x1000 (membership events on the timeline, lanes by target),
and changes the "as of" day again and again. Each change is timed from `document.set_as_of`
until the memberships list and its counts, the chart (painted), the map and the timeline's scene
are up to date; the map's repaint is timed apart. Prints medians next to the budgets: an "as of" change
within 50 ms, a repaint of the map within 16 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from explorer.model.calendar import days_from_civil
from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Membership, Protocol
from explorer.model.places import country_shapes
from explorer.qt.main_window import MainWindow
from explorer.qt.settings import Settings

CHANGE_BUDGET_MS = 50.0
REPAINT_BUDGET_MS = 16.0


def dataset_of(states: int, targets: int, seed: int = 7) -> Dataset:
    """States (placed on the map by their ISO codes) with four actions toward each protocol."""
    rng = random.Random(seed)
    codes = sorted(country_shapes())[:states]
    countries = [Country(code, country_shapes()[code].name, iso=code) for code in codes]
    protocols = [Protocol(f"p{n}", f"Protocol {n}") for n in range(targets)]
    memberships = []
    for protocol in protocols:
        for country in countries:
            year = rng.randint(1990, 2005)
            for status, offset in (("signed", 0), ("ratified", 2), ("withdrew", 6), ("acceded", 9)):
                memberships.append(Membership(country.id, protocol.id, status,
                                              parse_edtf(f"{year + offset:04d}-{rng.randint(1, 12):02d}")))
    return Dataset.build(countries=countries, protocols=protocols, memberships=memberships)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, default=200)
    parser.add_argument("--targets", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    dataset = dataset_of(args.states, args.targets)
    print(f"{len(dataset.countries):,} states, {len(dataset.protocols)} targets, "
          f"{len(dataset.memberships):,} memberships")
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)))
        window.resize(1600, 1000)
        window.show()
        document, panes = window.document, window.panes
        started = time.perf_counter()
        document.set_dataset(dataset)
        panes.flush()
        print(f"views loaded the data set in {(time.perf_counter() - started) * 1000:.0f} ms "
              f"({len(document.dataset.events):,} membership events on the timeline)")
        window.timeline.set_group_by("target")
        document.set_membership_target("p3")
        panes.membership_map.show()
        app.processEvents()
        days = [float(days_from_civil(1990 + n % 25, 1 + n % 12, 1)) for n in range(args.repeat)]
        changes, repaints = [], []
        image = QImage(window.panes.membership_map.view.size(), QImage.Format.Format_ARGB32_Premultiplied)
        chart = window.panes.memberships.chart
        chart_image = QImage(chart.size(), QImage.Format.Format_ARGB32_Premultiplied)
        for day in days:
            started = time.perf_counter()
            document.set_as_of(day)
            panes.flush()
            window.timeline.current_scene()
            chart.render(chart_image)
            changes.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            window.panes.membership_map.view.render(image)
            repaints.append((time.perf_counter() - started) * 1000)
        standing = window.panes.memberships.model.rowCount()
        change, repaint = statistics.median(changes), statistics.median(repaints)
        print(f"\"as of\" change (list of {standing} members, counts, chart painted, map, timeline scene), "
              f"median of {args.repeat}: {change:6.1f} ms  (budget {CHANGE_BUDGET_MS:g} ms)  "
              f"{'ok' if change <= CHANGE_BUDGET_MS else 'OVER'}")
        print(f"map repaint, median of {args.repeat}:{'':>49}{repaint:6.1f} ms  (budget {REPAINT_BUDGET_MS:g} ms)  "
              f"{'ok' if repaint <= REPAINT_BUDGET_MS else 'OVER'}")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
