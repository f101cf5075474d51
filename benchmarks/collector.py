"""Pauses of the garbage collector around a large load, in fresh processes.

    .venv/bin/python benchmarks/collector.py [--events 1000000] [--repeat 3]

Writes a synthetic JSON file (`benchmarks/make_dataset.py`) and loads it in fresh processes
two ways:

- as the window and the commands load (`explorer.collector`): automatic collections paused
  during the load, then `settle` once the data set is in place (a freeze past
  `FREEZE_ABOVE` events, else one collection), the pause a person may feel after the first
  frame; then what a later full collection and a young one cost with the data set alive;
- with the collector left running through the load, as a library caller that sets no policy
  gets it: the load's time and its longest single collection (a stall of the UI when the load
  runs in a worker thread, since collections hold the interpreter).

Prints medians of `--repeat` runs. The budget is that of a frame a person notices on an
interaction that is not a load: a later young collection within 16 ms.
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
from explorer.collector import FREEZE_ABOVE  # noqa: E402

YOUNG_BUDGET_MS = 16.0

CHILD = r"""
import gc, json, sys, time
from explorer.collector import paused_collections, settle
from explorer.model.load.loader import load_dataset
path, mode = sys.argv[1:3]
pauses = []
def watch(phase, info, started=[0.0]):
    if phase == "start":
        started[0] = time.perf_counter()
    else:
        pauses.append(time.perf_counter() - started[0])
gc.callbacks.append(watch)
result = {}
started = time.perf_counter()
if mode == "policy":
    with paused_collections():
        dataset = load_dataset(path)
        result["load"] = time.perf_counter() - started
        result["settle"] = settle(len(dataset.events))
    started = time.perf_counter()
    gc.collect()
    result["full"] = time.perf_counter() - started
    started = time.perf_counter()
    gc.collect(0)
    result["young"] = time.perf_counter() - started
else:
    dataset = load_dataset(path)
    result["load"] = time.perf_counter() - started
    result["collections"] = len(pauses)
    result["longest"] = max(pauses, default=0.0)
    result["total"] = sum(pauses)
result["events"] = len(dataset.events)
print(json.dumps(result))
"""


def run(path: Path, mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), mode],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"synthetic-{options.events}.json"
        path.write_text(make(options.events, as_json=True), encoding="utf-8")
        policy = [run(path, "policy") for _ in range(options.repeat)]
        running = [run(path, "running") for _ in range(options.repeat)]
    print(f"{policy[0]['events']:,} events from JSON, median of {options.repeat} fresh processes")
    how = "frozen" if policy[0]["events"] > FREEZE_ABOVE else "one collection"
    print(f"As the window loads (collections paused, then settled once the data set is in place: {how})")
    print(f"  load                                {median(policy, 'load'):7.2f} s")
    print(f"  settling after it                   {median(policy, 'settle') * 1000:7.1f} ms")
    print(f"  a later full collection             {median(policy, 'full') * 1000:7.0f} ms")
    young = median(policy, "young") * 1000
    verdict = "ok" if young <= YOUNG_BUDGET_MS else "OVER"
    print(f"  a later young collection            {young:7.1f} ms   (budget {YOUNG_BUDGET_MS:g} ms)  {verdict}")
    print("With the collector left running through the load")
    print(f"  load                                {median(running, 'load'):7.2f} s")
    print(f"  collections during it               {median(running, 'collections'):7.0f}")
    print(f"  their total                         {median(running, 'total') * 1000:7.0f} ms")
    print(f"  the longest one                     {median(running, 'longest') * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
