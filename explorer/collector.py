"""The garbage collector around large loads, as the programs decide it: the loading library
(`explorer.model`) never touches the collector, so whatever embeds it keeps its own policy.

A file of a million events becomes millions of long-lived objects. Built while the cyclic
collector runs, they are traversed again and again as they grow: at 100,000 events six full
collections hold the interpreter for about 0.7 s and loading takes about 1.7 times as long.
The window and the commands therefore pause automatic collections while a load runs (on the
UI thread, for the few seconds a load takes) and, once the loaded data set is in place and
before collections resume, collect once (`settle`): the garbage of the load goes, and the new
objects become old, so later collections of young objects never walk them again. (Resuming
without it would make the first young collection walk every new object.) Nothing is frozen,
so nothing is kept that the collector would have freed.

    with paused_collections():
        dataset = load_dataset(path)
        ...  # put it in place of the last one
        settle()
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collections() -> Iterator[None]:
    """Automatic collections wait while the block runs (a load); the collector is left as it
    was found, whatever happens in the block."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> float:
    """Collect once, now: after a loaded data set took the place of the last one, within
    `paused_collections`. Returns the seconds it took."""
    started = time.perf_counter()
    gc.collect()
    return time.perf_counter() - started
