"""The events behind a count badge, for the list a click on it opens."""

from __future__ import annotations

import numpy as np

from explorer.timescale.index import LaneIndex
from explorer.timescale.scene import Badge, Scene


def badge_positions(lane_index: LaneIndex, scene: Scene, badge: Badge) -> np.ndarray:
    """Positions of the events `badge` counts, by first day (ties in file order).

    Overflow and long badges carry theirs; a density badge counts its lane's events
    overlapping its stretch (the first stretch) or starting in it (the others)."""
    if badge.positions is not None:
        positions = np.asarray(badge.positions, dtype=np.int64)
    else:
        lane = scene.lanes[badge.lane].number
        positions = lane_index.items(lane, badge.first, badge.last)
        if badge.starting:
            positions = positions[lane_index.index.first[positions] >= badge.first]
    first = lane_index.index.first[positions]
    return positions[np.lexsort((positions, first))]
