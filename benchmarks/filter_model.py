"""Median time of `apply_filter` on a large synthetic data set, next to its budget.

    .venv/bin/python benchmarks/filter_model.py [--events 100000] [--repeat 15] [--local]

Uses `benchmarks/synthetic.py` (`synthetic_dataset(n)`) unless it is missing or `--local`
is given; then the builder below makes the data: 200 actors (organizations in a tree,
people, countries), tags, accented titles and summaries, day, month and year dates, spans,
ongoing spans and undated events.
The filter index is built on first use; its one-off cost is printed apart.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Event, Organization, Person
from explorer.model.filters import EventFilter, Match, apply_filter, filter_index

BUDGET_MS = 100.0

WORDS = (
    "trafficking protocol campaign report conference ratification victims awareness law "
    "police border migration labour exploitation shelter fund decree Málaga Bogotá São "
    "Paulo Kraków Zürich Genève Niño reunión declaración asociación opération coopération"
).split()


def local_dataset(count: int, seed: int = 7) -> Dataset:
    """A synthetic data set of `count` events and 200 actors."""
    rng = random.Random(seed)
    organizations = []
    for root in range(10):
        organizations.append(Organization(f"org-{root}", f"Organization {root}"))
        for child in range(2):
            child_id = f"org-{root}-{child}"
            organizations.append(
                Organization(child_id, f"Office {root}.{child}", parent=f"org-{root}")
            )
            organizations.append(
                Organization(f"{child_id}-0", f"Campaign {root}.{child}", parent=child_id)
            )
    organizations += [
        Organization(f"org-x{i}", f"Agency {i}") for i in range(60 - len(organizations))
    ]
    people = [Person(f"person-{i}", f"Person {i}") for i in range(40)]
    countries = [Country(f"country-{i}", f"Country {i}") for i in range(100)]
    actor_ids = [a.id for a in (*organizations, *people, *countries)]
    # A few actors take part in many events, most in few, as in real histories.
    weights = [1.0 / (rank + 1) for rank in range(len(actor_ids))]
    tags = [f"tag-{i}" for i in range(20)]

    events = []
    for position in range(count):
        year = rng.randint(1950, 2025)
        month = rng.randint(1, 12)
        kind = rng.random()
        start = end = None
        span = False
        if kind < 0.58:
            start = parse_edtf(f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}")
        elif kind < 0.83:
            start = parse_edtf(f"{year:04d}-{month:02d}")
        elif kind < 0.93:
            start = parse_edtf(f"{year:04d}")
        elif kind < 0.98:
            start = parse_edtf(f"{year:04d}-{month:02d}")
            span = True
            if rng.random() < 0.8:
                end = parse_edtf(f"{min(year + rng.randint(0, 8), 2030):04d}")
        events.append(
            Event(
                id=f"e{position}",
                title=" ".join(rng.choices(WORDS, k=rng.randint(2, 5))).capitalize()
                + f" in Place {rng.randint(1, 5000)}",
                start=start,
                end=end,
                is_span=span,
                summary=" ".join(rng.choices(WORDS, k=rng.randint(8, 30))),
                actors=tuple(set(rng.choices(actor_ids, weights, k=rng.randint(1, 3)))),
                tags=tuple(set(rng.choices(tags, k=rng.randint(0, 2)))),
            )
        )
    return Dataset.build(
        organizations=organizations, people=people, countries=countries, events=events
    )


def build(count: int, local: bool) -> tuple[Dataset, str]:
    try:
        from synthetic import synthetic_dataset
    except ImportError:
        local = True
    if local:
        return local_dataset(count), "local builder in filter_model.py"
    return synthetic_dataset(count), "benchmarks/synthetic.py"


def typical_filters(dataset: Dataset) -> list[tuple[str, EventFilter]]:
    """Filters a person would set, chosen from the data set so that they match something."""
    sizes = Counter({actor: len(p) for actor, p in dataset.events_by_actor.items()})
    busiest = [actor for actor, _ in sizes.most_common()]
    middle = busiest[len(busiest) // 4 : len(busiest) // 4 + 3]
    family = max(dataset.organizations, key=lambda o: len(dataset.descendants(o)))
    word = dataset.events[len(dataset.events) // 2].title.split()[0]
    phrase = " ".join(dataset.events[7].title.split()[:2])
    rare = dataset.events[len(dataset.events) // 3].title
    first, after_last = filter_index(dataset).extents
    dated = sorted(float(d) for d in first[: 5000] if d == d and abs(d) != float("inf"))
    low = dated[len(dated) // 2]
    decade = {"date_from": low, "date_to": low + 3652.0}
    return [
        ("one actor (the busiest)", EventFilter(actors={busiest[0]})),
        ("one actor (typical)", EventFilter(actors={middle[0]})),
        ("three actors, any", EventFilter(actors=set(middle))),
        ("three actors, all", EventFilter(actors=set(busiest[:3]), match=Match.ALL)),
        ("organization with children", EventFilter(actors={family}, include_children=True)),
        ("two tags", EventFilter(tags=set(dataset.tags()[:2]))),
        (f"text {word!r}", EventFilter(text=word)),
        ("text 'a' (matches nearly all)", EventFilter(text="a")),
        ("text, one event's whole title", EventFilter(text=f'"{rare}"')),
        ('text "two words" phrase', EventFilter(text=f'"{phrase}"')),
        ("date range (ten years)", EventFilter(**decade)),
        ("combined: 3 actors + text + dates", EventFilter(actors=set(middle), text=word, **decade)),
        ("empty filter (everything)", EventFilter()),
    ]


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--local", action="store_true", help="use the accent-heavy builder in this file"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    dataset, origin = build(args.events, args.local)
    actors = len(dataset.actors())
    print(f"{len(dataset.events):,} events, {actors} actors ({origin}), built in "
          f"{time.perf_counter() - started:.1f} s")

    index = filter_index(dataset)
    started = time.perf_counter()
    _extents = index.extents
    extents_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    index.prepare()
    texts_ms = (time.perf_counter() - started) * 1000
    print(f"one-off index: extents {extents_ms:.0f} ms, folded text {texts_ms:.0f} ms")
    print()
    print(f"{'filter':<36} {'kept':>9} {'median':>10} {'budget':>8}")
    worst = 0.0
    for name, event_filter in typical_filters(dataset):
        kept = len(apply_filter(dataset, event_filter))
        elapsed = median_ms(lambda chosen=event_filter: apply_filter(dataset, chosen), args.repeat)
        worst = max(worst, elapsed)
        verdict = "ok" if elapsed < BUDGET_MS else "OVER"
        print(f"{name:<36} {kept:>9,} {elapsed:>7.1f} ms {BUDGET_MS:>5.0f} ms  {verdict}")
    print()
    print(f"slowest median {worst:.1f} ms against a budget of {BUDGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
