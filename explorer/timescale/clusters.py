"""The events behind a count badge, for the list a click on it opens."""

from __future__ import annotations

import numpy as np

from explorer.timescale.index import LaneIndex
from explorer.timescale.scene import Badge, BadgeKind, Scene


def badge_positions(lane_index: LaneIndex, scene: Scene, badge: Badge) -> np.ndarray:
    """Positions of the events `badge` counts, by first day (ties in file order).

    Overflow badges carry theirs; a long badge counts the lane's events longer than the view
    but those drawn in its long rows; a density badge counts its lane's events overlapping its
    stretch (the first stretch) or starting in it (the others)."""
    if badge.positions is not None:
        positions = np.asarray(badge.positions, dtype=np.int64)
    elif badge.kind is BadgeKind.LONG:
        # The lane's events longer than the view, but those its long rows draw.
        lane = scene.lanes[badge.lane].number
        positions = lane_index.long_items(lane, badge.first, badge.last, badge.at_least)
        drawn = [item.position for item in scene.items if item.lane == badge.lane and item.thin]
        positions = positions[~np.isin(positions, drawn)]
    else:
        lane = scene.lanes[badge.lane].number
        positions = lane_index.items(lane, badge.first, badge.last)
        if badge.starting:
            positions = positions[lane_index.index.first[positions] >= badge.first]
    first = lane_index.index.first[positions]
    return positions[np.lexsort((positions, first))]
