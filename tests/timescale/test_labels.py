"""Items are packed into rows so that no two shapes or labels overlap; labels are shortened
or hidden before an item is given up."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st

from explorer.timescale.labels import ELLIPSIS, LABEL_PAD, Box, Placed, Side, elide, pack_rows
from tests.helpers.builders import measure

GAP = 8.0


def test_a_label_that_fits_is_kept_whole():
    assert elide("Blue Heart", 70, measure) == "Blue Heart"


def test_a_long_label_is_cut_with_an_ellipsis_to_fit():
    shortened = elide("Blue Heart Campaign launched", 80, measure)
    assert shortened.endswith(ELLIPSIS) and measure(shortened) <= 80
    assert "Blue Heart Campaign launched".startswith(shortened[:-1])


def test_a_label_with_no_room_for_three_letters_is_hidden():
    assert elide("Blue Heart Campaign", 20, measure) == ""


PAD = LABEL_PAD


def box(left: float, shape: float, label: float) -> Box:
    return Box(left, left + shape, label)


def extent(item: Box, where: Placed) -> tuple[float, float]:
    """What a placed item takes in its row: its shape and the room its label got."""
    if where.label_room <= 0 or where.side is Side.INSIDE:
        return item.left, item.shape_right
    if where.side is Side.LEFT:
        return item.left - PAD - where.label_room, item.shape_right
    return item.left, item.shape_right + PAD + where.label_room


def test_items_that_would_overlap_go_to_the_next_row():
    placed = pack_rows([box(0, 10, 100), box(50, 10, 100), box(200, 10, 30)], rows=3, gap=GAP)
    assert [p.row for p in placed] == [0, 1, 0]
    assert all(p.side is Side.RIGHT for p in placed)


def test_with_no_free_row_the_earlier_label_is_shortened_to_make_room():
    placed = pack_rows([box(0, 10, 100), box(60, 10, 100)], rows=1, gap=GAP)
    assert [p.row for p in placed] == [0, 0]
    assert placed[0].label_room == 60 - GAP - 10 - PAD
    assert placed[1].label_room == 100


def test_a_label_that_would_run_off_the_view_goes_before_its_mark():
    placed = pack_rows([box(900, 10, 150)], rows=1, gap=GAP, width=1000)
    assert placed[0].side is Side.LEFT and placed[0].label_room == 150


def test_a_label_squeezed_by_its_neighbour_moves_to_the_free_side():
    # The second item comes 30 px after the first; 400 px are free before the first.
    placed = pack_rows([box(400, 10, 150), box(440, 10, 50)], rows=1, gap=GAP, width=1000)
    assert placed[0].side is Side.LEFT and placed[0].label_room == 150
    assert placed[1].side is Side.RIGHT


def test_with_no_room_on_either_side_whole_the_wider_side_gets_the_shortened_label():
    placed = pack_rows([box(0, 10, 30), box(120, 10, 300)], rows=1, gap=GAP, width=200)
    # 200 - 130 leaves 62 px after the second mark; 120 - 38 - 8 before it: left is wider.
    assert placed[1].side is Side.LEFT
    assert placed[1].label_room == 120 - PAD - (10 + PAD + 30 + GAP)


def test_a_label_inside_its_shape_takes_no_room_beside_it():
    placed = pack_rows([box(0, 300, 0), box(310, 10, 40)], rows=1, gap=GAP)
    assert placed[0].side is Side.INSIDE and placed[1].row == 0


def test_when_even_shapes_collide_the_item_overflows():
    placed = pack_rows([box(0, 50, 10), box(20, 10, 10)], rows=1, gap=GAP)
    assert placed[0] is not None and placed[1] is None


boxes = st.lists(
    st.tuples(st.floats(-100, 2000), st.floats(0, 300), st.floats(0, 300)), max_size=60
).map(lambda raw: sorted((box(left, shape, label) for left, shape, label in raw),
                         key=lambda b: b.left))


@given(boxes, st.integers(1, 6), st.sampled_from([math.inf, 1200.0, 600.0]))
# a label moved before its shape to make room, with less room there than none: its room was
# negative (-3 here)
@example([box(0.0, 2.0, 0.0), box(0.0, 2.0, 0.0), box(1.0, 0.0, 1.0), box(9.0, 0.0, 0.0)], 3, math.inf)
def test_placed_items_never_overlap_in_a_row(items, rows, width):
    placed = pack_rows(items, rows, GAP, width)
    by_row: dict[int, list[tuple[float, float]]] = {}
    for item, where in zip(items, placed):
        if where is None:
            continue
        assert 0 <= where.label_room <= item.label_width
        low, high = extent(item, where)
        if where.side is not Side.INSIDE and where.label_room > 0 and width < math.inf:
            # A label moved or shortened for the view's edges stays inside the view
            # when it was placed for them.
            assert where.side is Side.RIGHT or low >= -1e-9
        by_row.setdefault(where.row, []).append((low, high))
    for extents in by_row.values():
        extents.sort()
        for (_, right), (left, _) in zip(extents, extents[1:]):
            assert right + GAP <= left + 1e-9


@given(boxes)
def test_an_item_only_overflows_when_every_row_is_taken_at_its_left(items):
    placed = pack_rows(items, 2, GAP)
    for number, where in enumerate(placed):
        if where is not None:
            continue
        earlier = [(items[n], placed[n]) for n in range(number) if placed[n] is not None]
        for row in (0, 1):
            in_row = [b for b, p in earlier if p.row == row]
            assert in_row and in_row[-1].shape_right + GAP > items[number].left
