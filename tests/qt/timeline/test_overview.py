"""The overview band shows the whole data set and moves the timeline when its window is dragged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from explorer.qt.document import Document
from explorer.qt.timeline.pane import TimelinePane
from tests.helpers.builders import day, given_events, point, span

DATA = given_events(
    point("office", "1997", actors=["unodc"]),
    point("launch", "2009-03", actors=["unodc"]),
    span("directive", "2011-04-05", "2013-04-06", actors=["eu"]),
)


@pytest.fixture
def pane(qtbot):
    document = Document()
    widget = TimelinePane(document)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    document.set_dataset(DATA)
    return widget


def test_the_band_is_named_and_spans_the_whole_data_set(pane):
    band = pane.overview
    assert band.objectName() == "overview" and band.accessibleName() == "Overview"
    shown = band.band_viewport()
    assert shown.start < day(1997) and shown.end > day(2013, 4, 6)


def test_the_window_rectangle_follows_the_timeline(pane):
    pane.timeline.zoom_by(4.0)
    band = pane.overview.band_viewport()
    window = pane.overview.window_rect()
    vp = pane.timeline.viewport
    assert window.left() == pytest.approx(band.x_of(vp.start), abs=0.5)
    assert window.right() == pytest.approx(band.x_of(vp.end), abs=0.5)


def test_dragging_the_window_rectangle_moves_the_view(pane, qtbot):
    pane.timeline.zoom_by(4.0)
    before = pane.timeline.viewport
    band = pane.overview
    days_per_px = band.band_viewport().days_per_px
    window = band.window_rect()
    grab = QPoint(int(window.center().x()), band.height() // 2)
    qtbot.mousePress(band, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(band, grab + QPoint(40, 0))
    qtbot.mouseMove(band, grab + QPoint(80, 0))
    qtbot.mouseRelease(band, Qt.MouseButton.LeftButton, pos=grab + QPoint(80, 0))
    after = pane.timeline.viewport
    assert after.start == pytest.approx(before.start + 80 * days_per_px, abs=1e-6)
    assert after.span == pytest.approx(before.span)


def test_clicking_outside_the_window_centres_the_view_there(pane, qtbot):
    pane.timeline.zoom_by(8.0)
    band = pane.overview
    target = band.band_viewport().day_at(20)
    qtbot.mouseClick(band, Qt.MouseButton.LeftButton, pos=QPoint(20, band.height() // 2))
    assert pane.timeline.viewport.center == pytest.approx(target, abs=1.0)


def test_a_band_spanning_months_still_names_their_years(qtbot):
    document = Document()
    widget = TimelinePane(document)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    document.set_dataset(given_events(*[point(f"e{n}", f"2010-{3 + n // 3:02d}-{1 + 9 * (n % 3):02d}")
                                        for n in range(12)]))
    upper, lower = widget.overview.tick_labels()
    assert upper and all("2010" in label for label in upper)
    assert lower and not any("2010" in label for label in lower)


def column_colours(band, x: float) -> set[str]:
    """The colours painted in the columns at `x` (a line of 1.5 px covers one or two)."""
    image = band.grab().toImage()
    below_the_labels = int(2 * band._tier_height() + 2)
    return {image.pixelColor(column, y).name() for y in range(below_the_labels, image.height())
            for column in (int(x) - 1, int(x), int(x) + 1) if 0 <= column < image.width()}


def test_the_band_marks_today_and_the_as_of_day(pane):
    band = pane.overview
    document = pane.timeline.document
    viewport = band.band_viewport()
    today_x = viewport.x_of(pane.timeline.index.today)
    if 0 <= today_x < band.width():
        assert band._style.today.name() in column_colours(band, today_x)
    as_of = day(2005, 6, 1)
    x = viewport.x_of(as_of)
    assert band._style.text.name() not in column_colours(band, x)
    document.set_as_of(as_of)
    assert band._style.text.name() in column_colours(band, x)


def test_events_further_apart_than_a_view_can_show_are_fitted_where_most_of_them_are(qtbot):
    # A view is at most `MAX_SPAN` (50,000 years) wide: a fit to 300,000 years was kept to
    # its widest around their middle, 150,000 BCE, where no event is; and so was the band.
    from explorer.timescale.viewport import MAX_SPAN

    document = Document()
    widget = TimelinePane(document)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    recent = ["-3499", "-0299", "1021", "1609-11", "1826", "1969-07-20", "1990-04-25"]
    document.set_dataset(given_events(point("early", "Y-300000"),
                                      *[point(f"e{n}", date) for n, date in enumerate(recent)]))
    timeline = widget.timeline
    assert timeline.viewport.span <= MAX_SPAN
    shown = {item.event_id for item in timeline.current_scene().items}
    assert shown == {f"e{n}" for n in range(len(recent))}
    band = widget.overview.band_viewport()
    assert band.start < day(-300000) and band.end > day(1990, 4, 25)
    window = widget.overview.window_rect()
    assert band.x_of(day(-3499)) <= window.right() and window.left() <= band.x_of(day(1990, 4, 25))
    timeline.fit_all()  # Ctrl+0 does the same
    assert {item.event_id for item in timeline.current_scene().items} == shown
