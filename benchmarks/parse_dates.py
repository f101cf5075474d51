"""Microseconds per date of the EDTF parser, uncached, next to its budget.

    .venv/bin/python benchmarks/parse_dates.py [--dates 100000] [--repeat 5]

Parses that many distinct strings with `parse_edtf.__wrapped__` (the cache bypassed), per
form and all together, and prints the best of `--repeat` runs. Loading 100k events reads
up to 100k distinct dates, so the budget keeps that part of a load well under a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable

from explorer.model.dates import DateError, parse_date, parse_edtf

BUDGET_US = 10.0


def four_digits(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def generators(rng: random.Random) -> dict[str, Callable[[], str]]:
    """One text maker per form; most history is CE, some is far back."""

    def year() -> int:
        return rng.randint(1800, 2030) if rng.random() < 0.7 else rng.randint(-9999, 9999)

    def month() -> str:
        return f"{four_digits(year())}-{rng.randint(1, 12):02d}"

    def day() -> str:
        return f"{month()}-{rng.randint(1, 28):02d}"

    return {
        "year": lambda: four_digits(year()),
        "month": month,
        "day": day,
        "qualified": lambda: rng.choice([four_digits(year()), month(), day()]) + rng.choice("~?%"),
        "unspecified": lambda: rng.choice(
            [four_digits(year())[:-1] + "X", month() + "-XX", four_digits(year()) + "-XX"]
        ),
        "season": lambda: f"{four_digits(year())}-{rng.randint(21, 24)}",
        "long year": lambda: f"Y{rng.choice(['', '-'])}{rng.randint(10_000, 999_999)}",
        "interval": lambda: rng.choice(
            [f"{four_digits(year())}/{four_digits(rng.randint(2031, 9999))}",
             f"../{day()}", f"{month()}/..", f"/{day()}", f"{four_digits(year())}/"]
        ),
    }


def distinct(make: Callable[[], str], count: int) -> list[str]:
    texts: set[str] = set()
    while len(texts) < count:
        text = make()
        try:
            parse_edtf.__wrapped__(text)
        except DateError:
            continue
        texts.add(text)
    return list(texts)


def best_us(texts: list[str], parse: Callable[[object], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            parse(text)
        best = min(best, time.perf_counter() - started)
    return best / len(texts) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(11)
    uncached = parse_edtf.__wrapped__

    print(f"{'form':<16} {'dates':>8} {'per date':>10} {'budget':>8}")
    by_form = {name: distinct(make, args.dates // 10) for name, make in generators(rng).items()}
    for name, texts in by_form.items():
        elapsed = best_us(texts, uncached, args.repeat)
        verdict = "ok" if elapsed < BUDGET_US else "OVER"
        print(f"{name:<16} {len(texts):>8,} {elapsed:>7.2f} us {BUDGET_US:>5.0f} us  {verdict}")

    makers = list(generators(rng).values())
    weights = [30, 25, 25, 6, 4, 2, 1, 7]  # roughly how often each form appears in real files
    mixed = distinct(lambda: rng.choices(makers, weights)[0](), args.dates)
    elapsed = best_us(mixed, uncached, args.repeat)
    verdict = "ok" if elapsed < BUDGET_US else "OVER"
    print()
    print(f"{'mixed':<16} {len(mixed):>8,} {elapsed:>7.2f} us {BUDGET_US:>5.0f} us  {verdict}")

    # parse_date as the loader calls it, on what YAML hands over: every int year, distinct dates.
    ints = list(range(-9999, 10000))
    days = sorted({dt.date(1800, 1, 1) + dt.timedelta(days=rng.randint(0, 80_000))
                   for _ in range(args.dates)})
    print()
    for name, values in (("parse_date(int)", ints), ("parse_date(date)", days)):
        parse_edtf.cache_clear()
        first = best_us(values, parse_date, 1)
        hits = values[: parse_edtf.cache_info().maxsize]
        parse_date_hit = best_us(hits, parse_date, args.repeat)
        print(f"{name:<16} {len(values):>8,} {first:>7.2f} us first time, "
              f"{parse_date_hit:.2f} us when cached")

if __name__ == "__main__":
    main()
