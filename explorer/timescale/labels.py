"""Rows within a lane and labels that never overlap.

Items are packed greedily from left to right into the first row that is free at their left
edge, each wanting room for its shape and its whole label, after the shape or, when the view
ends there, before it. When no row is free, the row whose last shape ends earliest gives up
room: its last label moves before its shape or is shortened with an ellipsis (or hidden);
only when even shapes collide does an item overflow into a "+n" badge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Sequence

Measure = Callable[[str], float]

ELLIPSIS = "…"
#: A shortened label keeps at least this many characters, or is hidden.
MIN_LABEL_CHARS = 3
#: No text is measured or drawn longer than this: a title of ten million characters costs
#: what a long one does (and its width in pixels would overflow the toolkit's fixed point).
MAX_DRAWN_CHARS = 1000


def clipped(text: str, limit: int = MAX_DRAWN_CHARS) -> str:
    """`text`, or its first `limit` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit].rstrip() + ELLIPSIS


def elide(text: str, max_width: float, measure: Measure) -> str:
    """`text`, or its longest prefix plus an ellipsis, that measures at most `max_width`;
    "" when fewer than `MIN_LABEL_CHARS` characters would remain."""
    cut = len(text) > MAX_DRAWN_CHARS
    if cut:
        text = text[:MAX_DRAWN_CHARS]
    elif measure(text) <= max_width:
        return text
    if cut and measure(text + ELLIPSIS) <= max_width:
        return text.rstrip() + ELLIPSIS
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


class Side(str, Enum):
    """Where an item's label sits."""

    RIGHT = "right"  # after the shape (the usual place)
    LEFT = "left"  # before it, when the room is there and not after it
    INSIDE = "inside"  # within the shape (a bar wide enough to hold it)


@dataclass(frozen=True, slots=True)
class Box:
    """What one item needs in a row: its shape from `left` to `shape_right`, and a label
    `label_width` wide beside it (0 when the label sits inside the shape)."""

    left: float
    shape_right: float
    label_width: float


@dataclass(frozen=True, slots=True)
class Placed:
    """An item's row, the side of its label and how wide the label may be (`label_room`
    less than the label's width: shorten it)."""

    row: int
    side: Side
    label_room: float


#: Between a shape and its label.
LABEL_PAD = 4.0


def pack_rows(boxes: Sequence[Box], rows: int, gap: float, width: float = math.inf,
              pad: float = LABEL_PAD) -> list[Placed | None]:
    """Rows and label sides for `boxes` (in the order given, which should be by `left`) in a
    view `width` wide; None = no room for the shape.

    A label goes after its shape in the first row free there; when that would run off the
    view, before the shape if a row has the room; otherwise on whichever side has more. With
    no row free at all, the row whose last shape ends first makes room: its last label moves
    before its shape or is shortened.
    """
    count = len(boxes)
    ends = [-math.inf] * rows  # the right edge of the last thing in each row
    shape_ends = [-math.inf] * rows
    last: list[int | None] = [None] * rows
    before = [-math.inf] * count  # the row's right edge before each item came
    sides = [Side.RIGHT] * count
    rooms = [0.0] * count
    placed_rows: list[int | None] = [None] * count

    def left_room(number: int) -> float:
        box = boxes[number]
        return box.left - pad - max(before[number] + gap, 0.0)

    def make_room(number: int, limit: float) -> None:
        """Keep the label of item `number` (last in its row) left of `limit`."""
        if sides[number] is not Side.RIGHT:
            return
        box = boxes[number]
        right = limit - (box.shape_right + pad)
        if rooms[number] <= right:
            return
        room_left = left_room(number)
        if room_left >= box.label_width or room_left > right:
            sides[number], rooms[number] = Side.LEFT, max(0.0, min(room_left, box.label_width))
        else:
            rooms[number] = max(0.0, right)

    for number, box in enumerate(boxes):
        left = box.left
        free = [r for r in range(rows) if ends[r] + gap <= left]
        row: int | None = None
        side, room = Side.INSIDE, 0.0
        if box.label_width <= 0:
            row = free[0] if free else None
        else:
            label_start = left - pad - box.label_width
            if free and box.shape_right + pad + box.label_width <= width:
                row, side, room = free[0], Side.RIGHT, box.label_width
            elif label_start >= 0 and (found := next(
                    (r for r in range(rows) if ends[r] + gap <= label_start), None)) is not None:
                row, side, room = found, Side.LEFT, box.label_width
            elif free:
                row = free[0]
                right = width - pad - (box.shape_right + pad)
                before[number] = ends[row]
                side, room = (Side.RIGHT, right) if right >= left_room(number) else \
                    (Side.LEFT, left_room(number))
                room = max(0.0, min(room, box.label_width))
        if row is None:
            # No row is free: the row whose last shape ends first makes room.
            earliest = math.inf
            for candidate in range(rows):
                if shape_ends[candidate] + gap <= left and shape_ends[candidate] < earliest:
                    row, earliest = candidate, shape_ends[candidate]
            if row is None:
                continue
            previous = last[row]
            if previous is not None:
                make_room(previous, left - gap)
                ends[row] = _right_edge(boxes[previous], sides[previous], rooms[previous], pad)
            if box.label_width > 0:
                side = Side.RIGHT
                room = max(0.0, min(box.label_width, width - pad - (box.shape_right + pad)))
        before[number] = ends[row]
        placed_rows[number], sides[number], rooms[number] = row, side, room
        ends[row] = _right_edge(box, side, room, pad)
        shape_ends[row] = box.shape_right
        last[row] = number
    return [
        None if row is None else Placed(row, sides[number], rooms[number])
        for number, row in enumerate(placed_rows)
    ]


def _right_edge(box: Box, side: Side, room: float, pad: float) -> float:
    if side is Side.RIGHT and room > 0:
        return box.shape_right + pad + room
    return box.shape_right
