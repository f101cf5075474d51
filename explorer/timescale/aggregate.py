"""When a lane holds more than can be drawn legibly: density strips and count badges.

A lane switches to aggregates above its capacity (what fits in its rows at a typical item
width, and never more than `MAX_LANE_ITEMS`), as KronoGraph switches to a density view
above about a hundred events in view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from explorer.timescale.viewport import Viewport

Measure = Callable[[str], float]

#: A lane never draws more individual items than this.
MAX_LANE_ITEMS = 120
#: The width an item and its label typically need in a row, for the capacity estimate.
TYPICAL_ITEM_PX = 110.0
#: Width of one density bin.
DENSITY_BIN_PX = 3.0
#: Width of the stretch of a density strip one count badge counts.
BADGE_SEGMENT_PX = 160.0


def lane_capacity(rows: int, width_px: float) -> int:
    """How many items a lane of `rows` rows across `width_px` pixels draws before aggregating."""
    return int(min(MAX_LANE_ITEMS, max(1, rows) * max(width_px, 1.0) / TYPICAL_ITEM_PX))


def density_edges(viewport: Viewport, bin_px: float = DENSITY_BIN_PX) -> np.ndarray:
    """Day numbers of the bin edges of a density strip across the viewport."""
    bins = max(1, int(np.ceil(viewport.width_px / bin_px)))
    return viewport.start + np.arange(bins + 1) * (bin_px * viewport.days_per_px)


def badge_segments(viewport: Viewport, segment_px: float = BADGE_SEGMENT_PX) -> list[tuple[float, float]]:
    """Day ranges of the fixed stretches of the view that each get one count badge."""
    count = max(1, int(np.ceil(viewport.width_px / segment_px)))
    edges = [viewport.day_at(min(i * segment_px, viewport.width_px)) for i in range(count + 1)]
    return list(zip(edges[:-1], edges[1:]))


@dataclass(frozen=True, slots=True)
class Cluster:
    """Overflowing items gathered under one "+n" badge from `left` to `left + width`."""

    left: float
    width: float
    members: tuple[int, ...]

    @property
    def text(self) -> str:
        return f"+{len(self.members):,}"


#: A "+n" badge gathers what did not fit over at least this stretch of its row.
CLUSTER_STRETCH_PX = 60.0


def cluster_overflow(
    lefts: Sequence[float], measure: Measure, gap: float, padding: float = 8.0
) -> list[Cluster]:
    """Gather items (by their left x, in increasing order) under badges that do not overlap.

    An item joins the current badge when it starts before that badge's right edge (or the
    end of its `CLUSTER_STRETCH_PX` stretch) plus `gap`: a crowded row gets a few badges one
    can read and click, not a "+1" after every mark.
    """
    clusters: list[Cluster] = []
    for number, left in enumerate(lefts):
        if clusters:
            current = clusters[-1]
            if left < current.left + max(current.width, CLUSTER_STRETCH_PX) + gap:
                members = (*current.members, number)
                width = measure(f"+{len(members):,}") + padding
                clusters[-1] = Cluster(current.left, width, members)
                continue
        clusters.append(Cluster(left, measure("+1") + padding, (number,)))
    return clusters
