"""Time for a filter change to update every view of the real main window, against the budget.

    .venv/bin/python benchmarks/filter.py [--events 100000] [--repeat 9]

Builds the main window offscreen (timeline with its overview, event list, filter bar, event
details, organizations, protocols, people and countries, memberships) on a synthetic data set
(`benchmarks/synthetic.py`: 200 actors) and changes the filter again and again. Each change is
timed from `document.set_filter` until every view is up to date:

- refilter + signals: the filter itself, then every slot connected to `filter_changed` (the
  timeline's index update, the event list, the filter bar, the overview);
- panes: the pane refreshes that were coalesced to the next turn of the event loop (counts
  per entity, marks, the memberships table), run at once;
- scene: the timeline's scene for the next paint (layout of what is in view).

Prints the median of each part and of the total per filter next to the 200 ms budget, and the
time of selecting an entity (marks on the timeline and in every pane) for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.synthetic import synthetic_dataset
from explorer.model.filters import EventFilter, Match, filter_index
from explorer.qt.main_window import MainWindow
from explorer.qt.settings import Settings

BUDGET_MS = 200.0


def filters_of(dataset) -> list[tuple[str, EventFilter]]:
    """Filters a person would pick in the bar, chosen so that each keeps something."""
    sizes = Counter({actor: len(p) for actor, p in dataset.events_by_actor.items()})
    busiest = [actor for actor, _ in sizes.most_common()]
    typical = busiest[len(busiest) // 4]
    family = max(dataset.organizations, key=lambda o: len(dataset.descendants(o)))
    word = dataset.events[len(dataset.events) // 2].title.split()[1]
    first, _after = filter_index(dataset).extents
    middle = float(sorted(d for d in first[:5000].tolist() if abs(d) < 1e9)[2500])
    return [
        ("one actor (the busiest)", EventFilter(actors={busiest[0]})),
        ("one actor (typical)", EventFilter(actors={typical})),
        ("two actors, all", EventFilter(actors=set(busiest[:2]), match=Match.ALL)),
        ("organization with children", EventFilter(actors={family}, include_children=True)),
        ("a tag", EventFilter(tags={dataset.tags()[0]})),
        (f"search {word!r}", EventFilter(text=word)),
        ("ten years", EventFilter(date_from=middle, date_to=middle + 3652.0)),
        ("actor + search + years", EventFilter(actors={typical}, text=word,
                                               date_from=middle, date_to=middle + 3652.0)),
        ("cleared (everything)", EventFilter()),
    ]


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    dataset = synthetic_dataset(args.events)
    print(f"{len(dataset.events):,} events, {len(dataset.actors())} actors, "
          f"built in {time.perf_counter() - started:.1f} s")

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.resize(1600, 1000)
        window.show()
        document, panes = window.document, window.panes
        timeline = window.findChild(QWidget, "timeline")
        load_ms = timed(lambda: (document.set_dataset(dataset), panes.flush()))
        filter_index(dataset).prepare()
        app.processEvents()
        print(f"views loaded the data set in {load_ms:.0f} ms; "
              f"timeline: {'yes' if timeline is not None else 'NOT IN THE WINDOW'}")
        print()

        header = f"{'filter':<28} {'kept':>8} {'refilter':>9} {'panes':>7} {'scene':>7} " \
                 f"{'total':>8} {'budget':>7}"
        print(header)
        worst = 0.0
        totals_all = []
        for name, event_filter in filters_of(dataset):
            parts = {"refilter": [], "panes": [], "scene": [], "total": []}
            for _ in range(args.repeat):
                document.set_filter(EventFilter(text="\u2603 nothing"))  # a different start
                panes.flush()
                app.processEvents()
                refilter = timed(lambda chosen=event_filter: document.set_filter(chosen))
                pane_ms = timed(panes.flush)
                scene = timed(timeline.current_scene) if timeline is not None else 0.0
                for key, value in (("refilter", refilter), ("panes", pane_ms),
                                   ("scene", scene), ("total", refilter + pane_ms + scene)):
                    parts[key].append(value)
                app.processEvents()
            medians = {key: statistics.median(values) for key, values in parts.items()}
            totals_all.extend(parts["total"])
            worst = max(worst, medians["total"])
            verdict = "ok" if medians["total"] < BUDGET_MS else "OVER"
            print(f"{name:<28} {len(document.visible_positions):>8,} "
                  f"{medians['refilter']:>6.1f} ms {medians['panes']:>4.1f} ms "
                  f"{medians['scene']:>4.1f} ms {medians['total']:>5.1f} ms "
                  f"{BUDGET_MS:>4.0f} ms  {verdict}")

        print()
        print(f"median over every change {statistics.median(totals_all):.1f} ms, slowest filter's "
              f"median {worst:.1f} ms, budget {BUDGET_MS:.0f} ms")

        busiest = max(dataset.events_by_actor, key=lambda a: len(dataset.events_by_actor[a]))
        document.clear_filter()
        panes.flush()
        selections = []
        for _ in range(args.repeat):
            document.select_entity(None)
            panes.flush()
            selections.append(timed(lambda: (document.select_entity(busiest), panes.flush(),
                                             timeline and timeline.current_scene())))
        print(f"selecting the busiest actor ({len(dataset.events_by_actor[busiest]):,} events "
              f"marked): median {statistics.median(selections):.1f} ms")
        window.watcher.stop()
        window.close()


if __name__ == "__main__":
    main()
