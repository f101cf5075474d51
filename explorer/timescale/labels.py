"""Rows within a lane and labels that never overlap.

Items are packed greedily from left to right into the first row that is free at their left
edge, each wanting room for its shape and its whole label. When no row is free, the row whose
last shape ends earliest gives up the tail of that shape's label (it is shortened with an
ellipsis, or hidden); only when even shapes collide does an item overflow into an aggregate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

Measure = Callable[[str], float]

ELLIPSIS = "…"
#: A shortened label keeps at least this many characters, or is hidden.
MIN_LABEL_CHARS = 3


def elide(text: str, max_width: float, measure: Measure) -> str:
    """`text`, or its longest prefix plus an ellipsis, that measures at most `max_width`;
    "" when fewer than `MIN_LABEL_CHARS` characters would remain."""
    if measure(text) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= max_width:
            low = middle
        else:
            high = middle - 1
    if low < MIN_LABEL_CHARS or low >= len(text):
        return ""
    return text[:low].rstrip() + ELLIPSIS


@dataclass(frozen=True, slots=True)
class Box:
    """What one item needs in a row: its shape from `left` to `shape_right`, and a label
    starting at `label_left` that is `label_width` wide (0 when the label sits inside the shape)."""

    left: float
    shape_right: float
    label_left: float
    label_width: float

    @property
    def right(self) -> float:
        return max(self.shape_right, self.label_left + self.label_width)


@dataclass(frozen=True, slots=True)
class Placed:
    """An item's row and how wide its label may be (`label_room` < its label width: shorten)."""

    row: int
    label_room: float


def pack_rows(boxes: Sequence[Box], rows: int, gap: float) -> list[Placed | None]:
    """Rows for `boxes` (in the order given, which should be by `left`); None = no room."""
    ends = [-math.inf] * rows
    shape_ends = [-math.inf] * rows
    last: list[int | None] = [None] * rows
    rooms = [box.label_width for box in boxes]
    placed_rows: list[int | None] = [None] * len(boxes)
    for number, box in enumerate(boxes):
        left = box.left
        row = None
        for candidate in range(rows):
            if ends[candidate] + gap <= left:
                row = candidate
                break
        if row is None:
            # Make room by shortening the label of the row whose last shape ends first.
            earliest = math.inf
            for candidate in range(rows):
                if shape_ends[candidate] + gap <= left and shape_ends[candidate] < earliest:
                    row, earliest = candidate, shape_ends[candidate]
            if row is None:
                continue
            previous = last[row]
            if previous is not None:
                rooms[previous] = max(0.0, left - gap - boxes[previous].label_left)
        placed_rows[number] = row
        ends[row] = max(box.shape_right, box.label_left + box.label_width)
        shape_ends[row] = box.shape_right
        last[row] = number
    return [
        None if row is None else Placed(row, rooms[number])
        for number, row in enumerate(placed_rows)
    ]
