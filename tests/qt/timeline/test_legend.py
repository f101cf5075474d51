"""View > Legend shows, under the timeline, the legend exports carry for the same view."""

from __future__ import annotations

from explorer.model.calendar import days_from_civil
from explorer.qt.export.render import ExportOptions, export_timeline
from explorer.qt.main_window import MainWindow
from explorer.qt.timeline.legend import NEUTRAL_HUE
from explorer.timescale.lanes import GroupBy


def test_view_legend_shows_what_an_export_of_the_view_explains(shown, tmp_path, qtbot):
    strip = shown.timeline_pane.legend
    assert not strip.isVisible()
    shown.legend_action.trigger()
    qtbot.waitUntil(strip.isVisible)
    words = strip.entries()
    assert "Event on a known day" in words and "Possible days of an imprecise date" in words
    assert strip.height() >= strip.legend.block.height
    viewport = shown.timeline.viewport
    result = export_timeline(shown.document.dataset, tmp_path / "view.png", ExportOptions(
        first=viewport.start, after=viewport.end, width=int(viewport.width_px), height=None))
    exported = [line.text for line in result.sheets[0].legend.block.lines]
    assert words == exported


def test_the_legend_follows_the_view(shown, qtbot):
    shown.legend_action.trigger()
    strip = shown.timeline_pane.legend
    qtbot.waitUntil(strip.isVisible)
    before = strip.entries()
    # A close view of the month of Spain's joining draws no diamond for a known day.
    shown.timeline.zoom_to_range(days_from_civil(2010, 6, 1), days_from_civil(2010, 7, 1))
    strip._refresh_later.flush()
    assert strip.entries() != before and "Event on a known day" not in strip.entries()
    shown.timeline.set_group_by(GroupBy.KIND)
    strip._refresh_later.flush()
    colours = {item.colour for item in strip.legend.scene.items}
    assert colours == {NEUTRAL_HUE}  # with lanes, samples take the colour of no lane


def test_the_legend_stays_on_after_a_restart(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.legend_action.trigger()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.legend_action.isChecked()
    first.watcher.stop()
    second.watcher.stop()
