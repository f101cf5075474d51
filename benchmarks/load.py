"""Seconds and peak memory to open a timeline file, cold and reopened, against the budgets.

    .venv/bin/python benchmarks/load.py [--events 100000] [--json] [--file FILE] [--repeat 3]
                                        [--reference]

Writes a synthetic file with `benchmarks/make_dataset.py` (or takes `--file`), then opens it
in fresh processes, as the app does when it starts on a file:

- cold: nothing cached, through the loader's fast path (and, with --reference, the node path
  alone, the reference that places every diagnostic);
- reopened, from the cache of checked data sets on disk: in a new session on the same file,
  and later in a session that has had the file open before (the process is warm);
- reloaded unchanged in the same session (the data set just loaded is kept).

Each load runs with automatic collections paused, as the window and `explorer check` run it
(`explorer.collector`); the one collection after it is timed apart.

Prints the median of `--repeat` runs and each run's peak resident memory next to the budgets:
<= 3 s cold for 100,000 events in YAML, <= 0.5 s reopening an unchanged file.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_dataset import make  # noqa: E402

COLD_BUDGET_S = 3.0
REOPEN_BUDGET_S = 0.5

# Run in a fresh interpreter: imports, memory and caches start as they do for the app.
CHILD = r"""
import json, resource, sys, time
from explorer.collector import paused_collections, settle
from explorer.model.load.cache import DatasetCache
from explorer.model.load.loader import load_dataset
path, cache_folder, mode = sys.argv[1:4]
cache = DatasetCache(cache_folder, background=False) if cache_folder else None
started = time.perf_counter()
with paused_collections():  # as the window and `explorer check` load
    dataset = load_dataset(path, cache=cache, accelerate=mode != "reference")
    seconds = time.perf_counter() - started
    settled = settle()
again = settled_again = None
# the later loads settle as the first does: timed apart, so that the collection the loaded
# objects need does not land, unannounced, on the first allocation after the block
if mode == "again":
    started = time.perf_counter()
    with paused_collections():
        load_dataset(path, cache=cache)
        again = time.perf_counter() - started
        settled_again = settle()
elif mode == "after-another":  # the session had another file open: read the entry on disk
    del dataset
    cache.forget()
    started = time.perf_counter()
    with paused_collections():
        dataset = load_dataset(path, cache=cache)
        again = time.perf_counter() - started
        settled_again = settle()
try:  # this process's own peak: ru_maxrss also counts the parent's peak before the exec
    with open("/proc/self/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "again": again, "events": len(dataset.events), "rss_mb": rss,
                  "settle": settled, "settle_again": settled_again}))
"""


def run(path: Path, cache_folder: str, mode: str) -> dict:
    """One load in a fresh process: seconds, events and peak resident memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), cache_folder, mode],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(name: str, runs: list[dict], budget: float | None, key: str = "seconds") -> None:
    seconds = statistics.median(r[key] for r in runs)
    rss = max(r["rss_mb"] for r in runs)
    verdict = "" if budget is None else f"(budget {budget:g} s)  {'ok' if seconds <= budget else 'OVER'}"
    print(f"  {name:<34} {seconds:6.2f} s  {verdict:<22} peak RSS {rss:6.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="a JSON file instead of YAML")
    parser.add_argument("--file", type=Path, help="time this file instead of a synthetic one")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reference", action="store_true", help="also time the node path alone")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        if options.file is not None:
            path = options.file.resolve()
        else:
            path = Path(folder) / f"synthetic-{options.events}.{'json' if options.json else 'yaml'}"
            path.write_text(make(options.events, as_json=options.json), encoding="utf-8")
        size = path.stat().st_size / 1e6
        print(f"Opening {path.name} ({size:.1f} MB), median of {options.repeat} fresh processes")
        cold = [run(path, "", "fast") for _ in range(options.repeat)]
        print(f"  {cold[0]['events']:,} events")
        budget = COLD_BUDGET_S * options.events / 100_000 if options.file is None else None
        report("cold (fast path)", cold, budget)
        report("  then one collection (settle)", cold, None, key="settle")
        if options.reference:
            report("cold (node path alone)", [run(path, "", "reference")], None)
        cache = str(Path(folder) / "cache")
        run(path, cache, "fast")  # fills the cache
        report("reopened, new session (disk)", [run(path, cache, "fast") for _ in range(options.repeat)],
               REOPEN_BUDGET_S)
        later = [run(path, cache, "after-another") for _ in range(options.repeat)]
        report("reopened later in a session (disk)", later, REOPEN_BUDGET_S, key="again")
        report("  then one collection (settle)", later, None, key="settle_again")
        report("reloaded unchanged (in memory)", [run(path, cache, "again") for _ in range(options.repeat)],
               REOPEN_BUDGET_S, key="again")
    if options.file is None and options.events != 100_000:
        print(f"  (cold budget scaled from {COLD_BUDGET_S:g} s per 100,000 events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
