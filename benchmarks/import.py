"""Importing a table of 100,000 events against checking the same data as format v1.

    .venv/bin/python benchmarks/import.py [--rows 100000] [--seed 1]

Writes a CSV of N rows of the kinds people keep (dates in several spellings: ISO days,
"14 Oct 1066", "March 2009", years, "c. 1850", "55 BC"; titles, summaries, tags, a citation
and a link), then, each in a fresh process as a person runs them:

- `explorer import events.csv -o events.yaml` (reads, converts, writes format v1 and checks
  that text with the loader before writing it);
- `explorer check events.yaml` on the file the import wrote.

Prints both wall times (one run each) and their ratio next to the budget: the import takes at
most twice what the check takes.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_RATIO = 2.0
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WORDS = ("campaign", "protocol", "report", "conference", "victims", "police", "border",
         "shelter", "court", "training", "awareness", "funding", "Vienna", "Málaga", "Genève")


def a_date(rng: random.Random) -> str:
    year = rng.randint(1800, 2024)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.45:
        return f"{year}-{month:02d}-{day:02d}"
    if kind < 0.65:
        return f"{day} {MONTHS[month - 1]} {year}"
    if kind < 0.8:
        return f"{MONTHS[month - 1]} {year}"
    if kind < 0.9:
        return str(year)
    if kind < 0.97:
        return f"c. {year}"
    return f"{rng.randint(1, 500)} BC"


def write_csv(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Date", "End", "Title", "Description", "Tags", "Source", "URL"])
        for number in range(rows):
            spans = rng.random() < 0.2
            start = f"{rng.randint(1800, 2000)}" if spans else a_date(rng)
            end = str(int(start) + rng.randint(1, 20)) if spans else ""
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30)))
            writer.writerow([start, end, f"Event {number}: {rng.choice(WORDS)} {rng.choice(WORDS)}",
                             words.capitalize() + ".", ", ".join(rng.sample(WORDS[:12], 2)),
                             f"Annual report {rng.randint(1, 40)}",
                             f"https://example.org/reports/{rng.randint(1, 40)}" if rng.random() < 0.5 else ""])


def timed(*args: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "explorer", *args], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        table, v1 = Path(folder) / "events.csv", Path(folder) / "events.yaml"
        write_csv(table, options.rows, options.seed)
        imported = timed("import", str(table), "-o", str(v1))
        checked = timed("check", str(v1))
        ratio = imported / checked
        print(f"{options.rows:,} rows: CSV {table.stat().st_size / 2**20:.1f} MB, "
              f"format v1 {v1.stat().st_size / 2**20:.1f} MB")
        print(f"explorer import  {imported:6.2f} s")
        print(f"explorer check   {checked:6.2f} s")
        verdict = "within" if ratio <= BUDGET_RATIO else "OVER"
        print(f"ratio            {ratio:6.2f}   (budget <= {BUDGET_RATIO:.1f}: {verdict})")
    return 0 if ratio <= BUDGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
