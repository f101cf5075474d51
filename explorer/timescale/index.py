"""Visible-range queries over a data set with numpy, so a frame costs what is on screen.

Built once per data set (and per lane grouping): every (lane, event) pair sorted by first day,
by day after the last, and by duration class then first day. A filter change is a boolean mask
over those fixed orders (a few vector compressions); a frame is a handful of binary searches
per lane on screen:

- how many events overlap [lo, hi): #(first < hi) - #(after <= lo), exact;
- which ones: per duration class (durations up to 8^k days), firsts in [lo - 8^k, hi), which
  finds spans that started long before the window without scanning every earlier event;
- coverage per pixel bin for density strips: the same two counts on every bin edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explorer.model.dataset import Dataset
from explorer.model.filters import filter_index
from explorer.timescale.geometry import EventGeometry, event_geometry
from explorer.timescale.lanes import GroupBy, Lane, lane_membership

#: Upper duration (days) of each duration class; the last class holds everything longer.
DURATION_CLASSES = np.array([1.0, 8.0, 64.0, 512.0, 4096.0, 32768.0, 262144.0, math.inf])


# The index built ahead by a loading thread (`build_ahead`), until a widget takes it.
_ahead: TimelineIndex | None = None


def build_ahead(dataset: Dataset, today: float, extents: tuple[np.ndarray, np.ndarray],
                group_by: GroupBy | str | None = None) -> None:
    """Build the index of a data set about to be shown, in the thread that loaded it (a
    tenth of a second at 100,000 events that the window's thread does not spend), with the
    lanes of `group_by`, the grouping the window is to show (as long again); the next
    `index_for` of the same data set and day takes it."""
    global _ahead
    index = TimelineIndex(dataset, today, extents)
    if group_by is not None:
        index.build_lanes_ahead(group_by)
    _ahead = index


def index_for(dataset: Dataset, today: float) -> TimelineIndex:
    """The index of `dataset` as of `today`: the one built ahead for them (taken: another
    view gets its own), else a new one."""
    global _ahead
    ahead, _ahead = _ahead, None
    if ahead is not None and ahead.dataset is dataset and ahead.today == today:
        return ahead
    return TimelineIndex(dataset, today)


class TimelineIndex:
    """Per-event axis positions of one data set, its time order, and the current filter."""

    def __init__(self, dataset: Dataset, today: float,
                 extents: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """`extents` are `filter_index(dataset).extents`, given by a thread that has them
        (the one that filters adopts the filter index later)."""
        self.dataset = dataset
        self.today = today
        self.size = len(dataset.events)
        low, high = extents if extents is not None else filter_index(dataset).extents
        first = low.copy()
        after = high.copy()
        # Unknown or open ends (infinite in the filter's extents) need the event's own geometry:
        # where its known part is, and the ongoing spans end today.
        for position in np.flatnonzero(np.isinf(low) | np.isinf(high)).tolist():
            geometry = event_geometry(dataset.events[position])
            assert geometry is not None  # an infinite extent is a dated event's open end
            first[position] = geometry.first
            after[position] = geometry.after_or(today)
        self.dated = ~np.isnan(first)
        # A zero-length extent would make "first < hi" and "after > lo" disagree.
        after = np.where(self.dated, np.maximum(after, first + 1e-6), after)
        self.first = first
        self.after = after
        dated = np.flatnonzero(self.dated)
        self.by_first = dated[np.argsort(first[dated], kind="stable")]
        self.by_after = dated[np.argsort(after[dated], kind="stable")]
        self.undated = np.flatnonzero(~self.dated)
        # Each event's place in the two time orders, so lanes sort by integer keys.
        self.rank_first = np.zeros(self.size, dtype=np.int64)
        self.rank_first[self.by_first] = np.arange(len(dated))
        self.rank_after = np.zeros(self.size, dtype=np.int64)
        self.rank_after[self.by_after] = np.arange(len(dated))
        self._geometry: dict[int, EventGeometry | None] = {}
        self._lanes_ahead: LaneIndex | None = None
        self.mask = np.ones(self.size, dtype=bool)
        self._apply_mask()

    def geometry(self, position: int) -> EventGeometry | None:
        """The axis geometry of one event, computed on first use."""
        try:
            return self._geometry[position]
        except KeyError:
            found = self._geometry[position] = event_geometry(self.dataset.events[position])
            return found

    def set_visible(self, positions) -> None:
        """Show only the events at `positions` (the filter's result)."""
        positions = np.asarray(positions, dtype=np.int64)
        if len(positions) == self.size:
            mask = np.ones(self.size, dtype=bool)
        else:
            mask = np.zeros(self.size, dtype=bool)
            mask[positions] = True
        self.mask = mask
        self._apply_mask()

    def _apply_mask(self) -> None:
        self.shows_all = bool(self.mask.all())
        if self.shows_all:
            self.time_order = self.by_first
            after_order = self.by_after
            self.visible_undated = self.undated
        else:
            self.time_order = self.by_first[self.mask[self.by_first]]
            after_order = self.by_after[self.mask[self.by_after]]
            self.visible_undated = self.undated[self.mask[self.undated]]
        self.sorted_first = self.first[self.time_order]
        self.sorted_after = self.after[after_order]

    @property
    def visible_count(self) -> int:
        return len(self.time_order)

    def extent(self) -> tuple[float, float] | None:
        """First and after-last day of the visible dated events; None when there are none."""
        if not len(self.time_order):
            return None
        return float(self.sorted_first[0]), float(self.sorted_after[-1])

    def busiest(self, length: float) -> tuple[float, float]:
        """Of the stretches of `length` days, the one in which the most visible dated events
        start (the earliest of equals): the first day of those events and the day after the
        last, cut to `length`. There must be one visible."""
        firsts = self.sorted_first
        ends = np.searchsorted(firsts, firsts + length, side="left")
        best = int(np.argmax(ends - np.arange(len(firsts))))
        first = float(firsts[best])
        after = float(self.after[self.time_order[best:ends[best]]].max())
        return first, min(after, first + length)

    def coverage(self, edges: np.ndarray) -> np.ndarray:
        """How many visible events overlap each bin between consecutive `edges`."""
        return _coverage(self.sorted_first, self.sorted_after, edges)

    def step(self, position: int | None, direction: int) -> int | None:
        """The visible dated event after (direction 1) or before (-1) `position` in time.

        With no position, or one not on the axis, the first (or last) one.
        """
        order = self.time_order
        if not len(order):
            return None
        if position is not None:
            found = np.flatnonzero(order == position)
            if len(found):
                rank = int(found[0]) + direction
                return int(order[rank]) if 0 <= rank < len(order) else None
        return int(order[0] if direction > 0 else order[-1])

    def lanes(self, group_by: GroupBy | str) -> LaneIndex:
        """The lanes of a grouping under the current filter: the ones built ahead when they
        are of this grouping (taken: they are built once, not kept for every grouping)."""
        ahead = self._lanes_ahead
        if ahead is not None and ahead.group_by is GroupBy(group_by):
            self._lanes_ahead = None
            ahead.refresh()  # the filter may have changed since they were built
            return ahead
        return LaneIndex(self, group_by)

    def build_lanes_ahead(self, group_by: GroupBy | str) -> None:
        """Build the lanes of `group_by` now, for the next `lanes` of that grouping."""
        self._lanes_ahead = LaneIndex(self, group_by)


def _coverage(sorted_first: np.ndarray, sorted_after: np.ndarray, edges: np.ndarray) -> np.ndarray:
    started = np.searchsorted(sorted_first, edges[1:], side="left")
    ended = np.searchsorted(sorted_after, edges[:-1], side="right")
    return started - ended


#: The group boundaries of pairs not yet grouped (`_Sorted.grouped` gives them).
_UNGROUPED = np.zeros(0, dtype=np.intp)


@dataclass(frozen=True, slots=True, eq=False)
class _Sorted:
    """(lane, event) pairs in one order, with each lane's slice boundaries."""

    positions: np.ndarray
    keys: np.ndarray  # the sort value: first day or after-last day
    bounds: np.ndarray  # group g holds [bounds[g], bounds[g + 1])

    def grouped(self, groups: np.ndarray, group_count: int) -> _Sorted:
        """The same pairs with the slice boundaries of each group (`groups` is sorted)."""
        bounds = np.searchsorted(groups, np.arange(group_count + 1), side="left")
        return _Sorted(self.positions, self.keys, bounds)

    def compress(self, keep: np.ndarray, groups: np.ndarray, group_count: int) -> _Sorted:
        """Only the pairs where `keep` is True, with their group boundaries."""
        return _Sorted(self.positions[keep], self.keys[keep], _UNGROUPED).grouped(
            groups[keep], group_count)


class LaneIndex:
    """The range queries of one lane grouping, under the index's current filter."""

    def __init__(self, index: TimelineIndex, group_by: GroupBy | str) -> None:
        self.index = index
        membership = lane_membership(index.dataset, group_by)
        self.group_by = membership.group_by
        self.all_lanes: tuple[Lane, ...] = membership.lanes
        dated = index.dated[membership.positions]
        lane_of = membership.lane_of[dated]
        positions = membership.positions[dated]
        lane_count = len(self.all_lanes)
        classes = len(DURATION_CLASSES)
        duration = index.after[positions] - index.first[positions]
        duration_class = np.searchsorted(DURATION_CLASSES, duration, side="left")
        # One integer key per order (group, then rank in time) sorts faster than lexsort; the
        # keys are unique, and a stable sort (a merge of the runs the lanes' groups already
        # make) takes three quarters of the default's time on them.
        scale = max(len(index.by_first), 1)
        rank_first = index.rank_first[positions]
        by_first = np.argsort(lane_of * scale + rank_first, kind="stable")
        by_after = np.argsort(lane_of * scale + index.rank_after[positions], kind="stable")
        class_group = lane_of * classes + duration_class
        by_class = np.argsort(class_group * scale + rank_first, kind="stable")
        self._first_groups = lane_of[by_first]
        self._after_groups = lane_of[by_after]
        self._class_groups = class_group[by_class]
        first_positions = positions[by_first]
        after_positions = positions[by_after]
        class_positions = positions[by_class]
        self._all_first = _Sorted(first_positions, index.first[first_positions], _UNGROUPED)
        self._all_after = _Sorted(after_positions, index.after[after_positions], _UNGROUPED)
        self._all_class = _Sorted(class_positions, index.first[class_positions], _UNGROUPED)
        self._lane_count = lane_count
        self._unfiltered = (
            self._all_first.grouped(self._first_groups, lane_count),
            self._all_after.grouped(self._after_groups, lane_count),
            self._all_class.grouped(self._class_groups, lane_count * classes),
        )
        self.refresh()

    def refresh(self) -> None:
        """Apply the index's current filter mask."""
        mask = self.index.mask
        lanes, classes = self._lane_count, len(DURATION_CLASSES)
        if self.index.shows_all:
            self._first, self._after, self._class = self._unfiltered
        else:
            self._filter(mask, lanes, classes)
        sizes = np.diff(self._first.bounds)
        #: Numbers (into `all_lanes`) of the lanes holding a visible dated event, in order.
        self.shown = np.flatnonzero(sizes)
        self.lanes = tuple(self.all_lanes[i] for i in self.shown.tolist())

    def _filter(self, mask: np.ndarray, lanes: int, classes: int) -> None:
        self._first = self._all_first.compress(
            mask[self._all_first.positions], self._first_groups, lanes)
        self._after = self._all_after.compress(
            mask[self._all_after.positions], self._after_groups, lanes)
        self._class = self._all_class.compress(
            mask[self._all_class.positions], self._class_groups, lanes * classes)

    def lanes_of(self, position: int) -> list[int]:
        """The lanes (numbers into `all_lanes`) in which the event at `position` is shown."""
        rows = np.flatnonzero(self._first.positions == position)
        return (np.searchsorted(self._first.bounds, rows, side="right") - 1).tolist()

    def _slice(self, table: _Sorted, group: int) -> tuple[np.ndarray, np.ndarray]:
        low, high = table.bounds[group], table.bounds[group + 1]
        return table.keys[low:high], table.positions[low:high]

    def holds(self, lane: int, position: int) -> bool:
        """Whether the event at `position` is visible in lane `lane`."""
        firsts, positions = self._slice(self._first, lane)
        day = self.index.first[position]
        low, high = np.searchsorted(firsts, day, "left"), np.searchsorted(firsts, day, "right")
        return bool(np.any(positions[low:high] == position))

    def count(self, lane: int, lo: float, hi: float) -> int:
        """How many visible events of lane `lane` (a number into `all_lanes`) overlap [lo, hi)."""
        firsts, _ = self._slice(self._first, lane)
        afters, _ = self._slice(self._after, lane)
        return int(np.searchsorted(firsts, hi, "left") - np.searchsorted(afters, lo, "right"))

    def count_starting(self, lane: int, lo: float, hi: float) -> int:
        """How many visible events of the lane start (their first day) in [lo, hi)."""
        firsts, _ = self._slice(self._first, lane)
        return int(np.searchsorted(firsts, hi, "left") - np.searchsorted(firsts, lo, "left"))

    def coverage(self, lane: int, edges: np.ndarray) -> np.ndarray:
        """How many visible events of the lane overlap each bin between consecutive `edges`."""
        firsts, _ = self._slice(self._first, lane)
        afters, _ = self._slice(self._after, lane)
        return _coverage(firsts, afters, edges)

    def items(self, lane: int, lo: float, hi: float, shorter_than: float = math.inf) -> np.ndarray:
        """Positions of the visible events of the lane overlapping [lo, hi), by first day;
        only those lasting less than `shorter_than` days when it is given."""
        return self._overlapping(lane, lo, hi, 0.0, shorter_than)

    def long_items(self, lane: int, lo: float, hi: float, at_least: float) -> np.ndarray:
        """Positions of the visible events of the lane overlapping [lo, hi) that last at least
        `at_least` days, by first day: the complement of `items(..., shorter_than=at_least)`."""
        return self._overlapping(lane, lo, hi, at_least, math.inf)

    def count_short(self, lane: int, lo: float, hi: float, shorter_than: float) -> int:
        """How many visible events of the lane overlap [lo, hi) and last less than
        `shorter_than` days (without listing them: a frame asks for every lane in view).

        The short classes' candidates are counted, or the long classes' and taken from the
        lane's count, whichever side has fewer to look at (a view of all time has nearly
        every event in its short classes)."""
        ranges = self._class_ranges(lane, lo, hi)
        short_cost = sum(stop - start for low, _high, start, stop, _at in ranges
                         if low < shorter_than)
        long_cost = sum(stop - start for _low, high, start, stop, _at in ranges
                        if high >= shorter_than)
        if short_cost <= long_cost:
            return self._count_in(ranges, lo, 0.0, shorter_than)
        return self.count(lane, lo, hi) - self._count_in(ranges, lo, shorter_than, math.inf)

    def _class_ranges(self, lane: int, lo: float, hi: float) -> list[tuple[float, float, int, int, int]]:
        """Per duration class of the lane: (shortest, longest, start, stop, offset) where
        the class's candidates for [lo, hi) are `_class` entries offset+start..offset+stop."""
        classes = len(DURATION_CLASSES)
        bounds = self._class.bounds
        found = []
        lowest = 0.0
        for number, longest in enumerate(DURATION_CLASSES.tolist()):
            group = lane * classes + number
            low, high = int(bounds[group]), int(bounds[group + 1])
            if low != high:
                firsts = self._class.keys[low:high]
                start = int(np.searchsorted(firsts, lo - longest, "left"))
                stop = int(np.searchsorted(firsts, hi, "left"))
                found.append((lowest, longest, start, stop, low))
            lowest = longest
        return found

    def _count_in(self, ranges, lo: float, at_least: float, shorter_than: float) -> int:
        """How many candidates of `ranges` overlap from `lo` on and last from `at_least` up
        to (not including) `shorter_than` days."""
        first, after = self.index.first, self.index.after
        total = 0
        for lowest, longest, start, stop, offset in ranges:
            if stop <= start or lowest >= shorter_than or longest < at_least:
                continue
            candidates = self._class.positions[offset + start:offset + stop]
            keep = after[candidates] > lo
            if at_least > lowest or shorter_than <= longest:
                duration = after[candidates] - first[candidates]
                keep &= (duration >= at_least) & (duration < shorter_than)
            total += int(np.count_nonzero(keep))
        return total

    def shortest_long(self, lane: int, lo: float, hi: float, at_least: float,
                      limit: int) -> np.ndarray:
        """Positions of the `limit` shortest visible events of the lane overlapping [lo, hi)
        that last at least `at_least` days (ties by first day), shortest first. The duration
        classes are read from the shortest up and no further than needed."""
        classes = len(DURATION_CLASSES)
        bounds = self._class.bounds
        first, after = self.index.first, self.index.after
        found: list[np.ndarray] = []
        held = 0
        lowest = 0.0
        for number, longest in enumerate(DURATION_CLASSES.tolist()):
            if held >= limit:
                break
            if longest < at_least:
                lowest = longest
                continue
            group = lane * classes + number
            low, high = bounds[group], bounds[group + 1]
            if low != high:
                firsts = self._class.keys[low:high]
                start = np.searchsorted(firsts, lo - longest, "left")
                stop = np.searchsorted(firsts, hi, "left")
                if stop > start:
                    candidates = self._class.positions[low + start:low + stop]
                    keep = after[candidates] > lo
                    if at_least > lowest:
                        keep &= (after[candidates] - first[candidates]) >= at_least
                    found.append(candidates[keep])
                    held += int(np.count_nonzero(keep))
            lowest = longest
        if not found:
            return np.zeros(0, dtype=np.int64)
        positions = np.concatenate(found)
        order = np.lexsort((first[positions], after[positions] - first[positions]))
        return positions[order[:limit]]

    def _overlapping(self, lane: int, lo: float, hi: float, at_least: float,
                     shorter_than: float) -> np.ndarray:
        found = []
        classes = len(DURATION_CLASSES)
        bounds = self._class.bounds
        first, after = self.index.first, self.index.after
        shortest = 0.0
        for number, longest in enumerate(DURATION_CLASSES.tolist()):
            # This class holds durations in (shortest, longest].
            lowest, shortest = shortest, longest
            if lowest >= shorter_than or longest < at_least:
                continue
            group = lane * classes + number
            low, high = bounds[group], bounds[group + 1]
            if low == high:
                continue
            firsts = self._class.keys[low:high]
            start = np.searchsorted(firsts, lo - longest, "left")
            stop = np.searchsorted(firsts, hi, "left")
            if stop > start:
                candidates = self._class.positions[low + start:low + stop]
                keep = after[candidates] > lo
                if at_least > lowest or shorter_than <= longest:
                    duration = after[candidates] - first[candidates]
                    keep &= (duration >= at_least) & (duration < shorter_than)
                found.append(candidates[keep])
        if not found:
            return np.zeros(0, dtype=np.int64)
        positions = np.concatenate(found)
        return positions[np.argsort(first[positions], kind="stable")]
