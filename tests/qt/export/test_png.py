"""PNG exports checked by their pixels: size, colours at computed places, the same pixels as
the widget, and the words around the timeline."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QImage

from explorer.model.filters import EventFilter
from explorer.qt.document import Document
from explorer.qt.export.render import ExportCancelled, ExportOptions, export_font, export_timeline
from explorer.qt.export.sheet import theme_palette
from explorer.qt.timeline.style import TimelineStyle
from explorer.qt.timeline.widget import TimelineWidget
from explorer.timescale.lanes import GroupBy
from explorer.timescale.viewport import Viewport
from tests.helpers.days import day


def words(sheet) -> str:
    return " ".join(line.text for block in (sheet.header, sheet.footer) for line in block.lines)


def without_sources(label: str) -> str:
    """A label without the source numbers an export adds (" [1, 3–5]")."""
    return re.sub(r" \[[0-9, \u2013]+\]$", "", label)


def test_a_png_has_the_asked_size_and_the_event_colour_at_its_day(qapp, blue_heart, tmp_path):
    first, after, width, scale = day(2003), day(2005), 800, 2.0
    result = export_timeline(blue_heart, tmp_path / "t.png",
                             ExportOptions(first=first, after=after, width=width, scale=scale))
    image = QImage(str(tmp_path / "t.png"))
    assert image.width() == width * scale == result.size[0]
    assert image.height() == result.size[1]
    sheet = result.sheets[0]
    force = next(i for i in sheet.scene.items if i.event_id == "tip-protocol-in-force")
    # 25 December 2003, a known day: a filled diamond in the middle of that day.
    x = (day(2003, 12, 25) + 0.5 - first) / (after - first) * width
    y = sheet.timeline_top + force.rect.y + force.rect.h / 2
    hue = TimelineStyle(theme_palette(False), export_font(None, "png")).hue(0)
    assert image.pixelColor(round(x * scale), round(y * scale)).rgb() == hue.rgb()
    away = image.pixelColor(round((x + 30) * scale), round(y * scale))
    assert away.rgb() != hue.rgb()


def test_what_you_export_is_what_you_see(qtbot, blue_heart, tmp_path):
    document = Document()
    widget = TimelineWidget(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    widget.show()
    qtbot.waitExposed(widget)
    document.set_dataset(blue_heart)
    widget.set_viewport(Viewport(day(2008, 6), day(2013), 1000))
    canvas = widget.canvas_rect().toRect()
    seen = widget.grab(canvas).toImage().convertToFormat(QImage.Format.Format_RGB32)

    viewport = widget.viewport
    options = ExportOptions(first=viewport.start, after=viewport.end, width=canvas.width(),
                            height=canvas.height(), title=None, legend=False, caption=False,
                            footer=False)
    result = export_timeline(blue_heart, tmp_path / "view.png", options, font=widget.font(),
                             palette=widget.palette())
    exported = QImage(str(tmp_path / "view.png")).convertToFormat(QImage.Format.Format_RGB32)

    assert result.sheets[0].scene.items == widget.current_scene().items
    assert len(widget.current_scene().items) >= 8
    assert exported.size() == seen.size()
    assert exported == seen


def test_a_range_outside_the_view_exports_the_events_of_that_range(qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.png",
                             ExportOptions(first=day(1996), after=day(2001, 6)))
    drawn = {item.event_id for item in result.sheets[0].scene.items}
    assert drawn == {"unodc-founded", "tip-protocol-adopted", "unodc-becomes-guardian"}
    # The caption states the extent of the events drawn, not the margins around them.
    assert "1 Jan 1997 to 31 Dec 2000" in words(result.sheets[0])


def test_everything_fits_the_filtered_events_and_the_caption_states_the_filter(
        qapp, blue_heart, tmp_path):
    chosen = EventFilter(actors={"unodc", "eu"}, tags={"funding", "legislation"})
    result = export_timeline(blue_heart, tmp_path / "t.png",
                             ExportOptions(event_filter=chosen, group_by=GroupBy.ACTOR))
    sheet = result.sheets[0]
    drawn = {item.event_id for item in sheet.scene.items}
    assert drawn == {"trust-fund-established", "eu-directive-adopted"}
    text = words(sheet)
    assert "3 of 24 events" in text  # the third is undated: it waits in the tray
    assert "actors: EU or UNODC" in text
    assert "tags: funding or legislation" in text
    assert "lanes by actor" in text
    assert result.first < day(2010, 7) and result.after > day(2012)


def test_the_footer_names_the_file_and_only_the_sources_of_drawn_events(
        qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.png",
                             ExportOptions(first=day(2003), after=day(2004, 6)))
    text = words(result.sheets[0])
    assert "Data: Blue Heart Campaign against Human Trafficking (blue_heart.yaml)" in text
    in_force = blue_heart.events_by_id["tip-protocol-in-force"]
    launch = blue_heart.events_by_id["blue-heart-launch"]
    for source in in_force.sources:
        assert blue_heart.sources[source].title in text
    only_launch = set(launch.sources) - set(in_force.sources)
    undated = [e for e in blue_heart.events if not e.is_dated]
    only_launch -= {s for e in undated for s in e.sources}
    assert only_launch
    for source in only_launch:
        assert blue_heart.sources[source].title not in text


def test_the_legend_explains_the_marks_drawn_and_lanes_are_titled_with_their_colour(
        qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.png",
                             ExportOptions(group_by=GroupBy.KIND))
    sheet = result.sheets[0]
    legend = {line.text for line in sheet.legend.block.lines}
    assert {"Event on a known day", "Possible days of an imprecise date"} <= legend
    # Each lane says what its colour is where it is drawn: its title beside a swatch.
    assert {lane.title_text for lane in sheet.scene.lanes} >= {"Organizations", "People", "Countries"}
    assert all(lane.header_rect is not None for lane in sheet.scene.lanes)
    assert not legend & {"Organizations", "People", "Countries"}
    plain = export_timeline(blue_heart, tmp_path / "u.png",
                            ExportOptions(group_by=GroupBy.KIND, legend=False, title=None))
    assert plain.sheets[0].legend is None and not plain.sheets[0].header.lines[0].role == "title"


def test_the_dark_theme_paints_a_dark_page(qapp, blue_heart, tmp_path):
    export_timeline(blue_heart, tmp_path / "dark.png", ExportOptions(dark=True, width=600))
    image = QImage(str(tmp_path / "dark.png"))
    corner = image.pixelColor(2, 2)
    assert corner.lightnessF() < 0.2


def test_every_lane_is_whole_and_labels_get_rows_without_a_height(qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.png", ExportOptions(width=1600))
    scene = result.sheets[0].scene
    assert scene.content_height <= scene.lanes_rect.h  # nothing scrolled out
    assert not scene.badges
    titles = {e.id: e.title for e in blue_heart.events}
    shortened = [i for i in scene.items if without_sources(i.label) != titles[i.event_id]]
    # Only labels cut by the right edge may end in an ellipsis.
    assert all(i.label_rect.right > scene.width - 20 for i in shortened)


def test_a_cancelled_export_writes_nothing(qapp, blue_heart, tmp_path):
    progress = []
    with pytest.raises(ExportCancelled):
        export_timeline(blue_heart, tmp_path / "t.png", ExportOptions(),
                        progress=progress.append, cancelled=lambda: len(progress) > 3)
    assert list(tmp_path.iterdir()) == []
    finished = []
    export_timeline(blue_heart, tmp_path / "t.png", ExportOptions(), progress=finished.append)
    assert finished == sorted(finished) and finished[-1] == pytest.approx(1.0)


def test_an_image_too_large_for_memory_is_refused_before_drawing(qapp, blue_heart, tmp_path):
    from explorer.qt.export.render import ExportError

    with pytest.raises(ExportError, match="too large"):
        export_timeline(blue_heart, tmp_path / "t.png", ExportOptions(width=20000, scale=4))
    assert list(tmp_path.iterdir()) == []
