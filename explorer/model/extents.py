"""The extents of events on the axis as arrays: (first day, day after the last) of each, as
floats, with -inf and +inf for unknown or open ends and NaN for undated events (so that no
comparison keeps them). The filter's date range and the timeline's index read them.

Extents once made are kept (`remember`: a cache entry holds those of its file's events, and a
filter index keeps those it measures), so that events that begin with the same events (what a
view shows begins with the file's own, `Dataset.with_events`) or that begin them (the file's,
when its entry is written) are measured only past them.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from operator import is_

import numpy as np

from explorer.model.background import paced
from explorer.model.entities import Event

Extents = tuple[np.ndarray, np.ndarray]

# Recent events' extents by identity of their tuple: the open file's, and the one replaced.
_KNOWN: OrderedDict[int, tuple[tuple[Event, ...], np.ndarray, np.ndarray]] = OrderedDict()
_CAPACITY = 2


def remember(events: tuple[Event, ...], extents: Extents) -> None:
    """Keep `extents` as those of `events` (the same number of each); they are made
    read-only, as every view of them reads them only."""
    low, high = extents
    if not len(low) == len(high) == len(events):
        raise ValueError("extents of another number of events")
    low.flags.writeable = high.flags.writeable = False
    _KNOWN[id(events)] = (events, low, high)
    while len(_KNOWN) > _CAPACITY:
        _KNOWN.popitem(last=False)


def extents_of(events: tuple[Event, ...]) -> Extents:
    """The extents of `events` (new arrays): those kept of the longest run of the same
    events they begin with, and past it measured one by one."""
    low = np.full(len(events), np.nan)
    high = np.full(len(events), np.nan)
    start = 0
    known = _known_start(events)
    if known is not None:
        start, known_low, known_high = known
        low[:start] = known_low[:start]
        high[:start] = known_high[:start]
    for position in paced(range(start, len(events)), 4096):
        event = events[position]
        if event.is_dated:
            first, after_last = event.extent()
            low[position] = -math.inf if first is None else first
            high[position] = math.inf if after_last is None else after_last
    return low, high


def _known_start(events: tuple[Event, ...]) -> tuple[int, np.ndarray, np.ndarray] | None:
    """(how many, low, high) of the kept extents whose events begin `events` or are begun
    by them: the very same objects, each checked (a few milliseconds for 100,000)."""
    best = None
    for held, low, high in list(_KNOWN.values()):
        shared = min(len(held), len(events))
        if shared and (best is None or shared > best[0]) and all(map(is_, held, events)):
            best = (shared, low, high)
    return best
