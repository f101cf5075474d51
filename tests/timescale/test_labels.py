"""Items are packed into rows so that no two shapes or labels overlap; labels are shortened
or hidden before an item is given up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from explorer.timescale.labels import ELLIPSIS, Box, elide, pack_rows
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


def box(left: float, shape: float, label: float) -> Box:
    return Box(left, left + shape, left + shape + 3, label)


def test_items_that_would_overlap_go_to_the_next_row():
    placed = pack_rows([box(0, 10, 100), box(50, 10, 100), box(200, 10, 30)], rows=3, gap=GAP)
    assert [p.row for p in placed] == [0, 1, 0]


def test_with_no_free_row_the_earlier_label_is_shortened_to_make_room():
    placed = pack_rows([box(0, 10, 100), box(60, 10, 100)], rows=1, gap=GAP)
    assert [p.row for p in placed] == [0, 0]
    assert placed[0].label_room == 60 - GAP - 13
    assert placed[1].label_room == 100


def test_when_even_shapes_collide_the_item_overflows():
    placed = pack_rows([box(0, 50, 10), box(20, 10, 10)], rows=1, gap=GAP)
    assert placed[0] is not None and placed[1] is None


boxes = st.lists(
    st.tuples(st.floats(-100, 2000), st.floats(0, 300), st.floats(0, 300)), max_size=60
).map(lambda raw: sorted((box(left, shape, label) for left, shape, label in raw),
                         key=lambda b: b.left))


@given(boxes, st.integers(1, 6))
def test_placed_items_never_overlap_in_a_row(items, rows):
    placed = pack_rows(items, rows, GAP)
    by_row: dict[int, list[tuple[float, float]]] = {}
    for item, where in zip(items, placed):
        if where is None:
            continue
        assert where.label_room <= item.label_width
        shown = where.label_room > 0  # a label with no room is not drawn at all
        right = max(item.shape_right, item.label_left + where.label_room) if shown \
            else item.shape_right
        by_row.setdefault(where.row, []).append((item.left, right))
    for extents in by_row.values():
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
