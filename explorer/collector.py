"""The garbage collector around large loads, as the programs decide it: the loading library
(`explorer.model`) never touches the collector, so whatever embeds it keeps its own policy.

A file of a million events becomes millions of long-lived objects. Built while the cyclic
collector runs, they are traversed again and again as they grow: at 100,000 events six full
collections hold the interpreter for about 0.7 s and loading takes about 1.7 times as long.
The window and the commands therefore pause automatic collections while a load runs (on the
UI thread, for the few seconds a load takes) and, once the loaded data set is in place and
before collections resume, `settle`:

- after a small load, it collects once: the garbage of the load goes, and the new objects
  become old, so later collections of young objects never walk them again;
- after a large one (more than `FREEZE_ABOVE` entries: events, entities, memberships),
  that one collection would hold the interpreter, and with it the window, for a third of
  a second at 100,000 events and two seconds at a million (0.8 s at a million
  organizations). It freezes them instead (`gc.freeze`, which costs nothing): no
  collection walks them again. A loaded data set holds no reference cycles (a spec checks
  it), so when a newer one takes its place it is freed by reference counting, frozen or
  not; what stays frozen for good is the few cycles made while the load ran (a few hundred
  objects at the window's first open, none at a reload).

    with paused_collections():
        dataset = load_dataset(path)
        ...  # put it in place of the last one
        settle(dataset.entries)
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


#: Entries past which `settle` freezes rather than collects: a collection walks about 1.5
#: million objects a second on a 2-core laptop, and an event makes about four (an entity
#: about two), so the collection after 20,000 events takes about 50 ms.
FREEZE_ABOVE = 20_000


def settle(entries: int = 0) -> float:
    """Collect once, now, or freeze what the load made when the data set put in place holds
    more than `FREEZE_ABOVE` entries (see the module): after a loaded data set took the place
    of the last one, within `paused_collections`. Returns the seconds it took."""
    started = time.perf_counter()
    if entries > FREEZE_ABOVE:
        gc.freeze()
    else:
        gc.collect()
    return time.perf_counter() - started
