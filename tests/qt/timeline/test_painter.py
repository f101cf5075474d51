"""The one paint routine, checked by its pixels and its SVG text, in light and dark palettes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator

from explorer.qt.timeline.painter import paint_timeline
from explorer.qt.timeline.style import TimelineStyle, contrast
from explorer.timescale.layout import build_scene
from explorer.timescale.viewport import Viewport
from tests.helpers.builders import TODAY, day, given_index, point, span

WIDTH, HEIGHT = 900, 400


def palette(dark: bool) -> QPalette:
    result = QPalette()
    role = QPalette.ColorRole
    base, text = ("#1e1e1e", "#e8e8e8") if dark else ("#ffffff", "#202020")
    for r, colour in ((role.Base, base), (role.Window, base), (role.Text, text),
                      (role.WindowText, text), (role.Highlight, "#3daee9"),
                      (role.HighlightedText, "#ffffff")):
        result.setColor(r, QColor(colour))
    return result


FIRST, LAST = day(2008), day(2012)


def scene_of(style, *events, first=FIRST, last=LAST, **state):
    index = given_index(*events)
    return build_scene(index.lanes("none"), Viewport(first, last, WIDTH), WIDTH, HEIGHT,
                       style.measure, style.metrics(), today=TODAY, **state)


def paint(scene, style) -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    paint_timeline(painter, QRectF(0, 0, WIDTH, HEIGHT), scene, style)
    painter.end()
    return image


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def style(request, qapp):
    return TimelineStyle(palette(request.param), QFont())


def test_text_and_event_colours_stand_out_from_the_background(style):
    assert contrast(style.text, style.background) >= 4.5
    for hue in style.hues:
        assert contrast(hue, style.background) >= 3.0


def test_an_event_is_painted_in_its_colour_at_its_day(style):
    scene = scene_of(style, point("force", "2009-06-15", "Protocol in force"))
    item = scene.items[0]
    image = paint(scene, style)
    x = int(scene.viewport.x_of(day(2009, 6, 15) + 0.5))
    y = int(item.rect.y + item.rect.h / 2)
    assert image.pixelColor(x, y).rgb() == style.hue(0).rgb()
    empty = image.pixelColor(x, int(scene.lanes_rect.bottom) - 3)
    assert empty.rgb() == style.background.rgb()


def test_a_whole_year_is_hatched_while_a_known_span_is_solid(style):
    scene = scene_of(style, point("year", "2009"), span("known", "2010-02-01", "2010-12-01"))
    image = paint(scene, style)
    year, known = (next(i for i in scene.items if i.event_id == e) for e in ("year", "known"))

    def colours(item):
        y = int(item.rect.y) + 1  # above the label drawn inside the bar
        return {image.pixelColor(x, y).rgb()
                for x in range(int(item.sure_left) + 6, int(item.sure_right) - 6)}

    assert len(colours(year)) > 1  # the pattern, not a flat fill
    assert len(colours(known)) == 1


def test_the_selected_event_is_marked_with_the_highlight_colour(style):
    events = (point("force", "2009-06-15", "Protocol in force"),)
    plain = paint(scene_of(style, *events), style)
    scene = scene_of(style, *events, selected_id="force")
    selected = paint(scene, style)
    label = scene.items[0].label_rect
    box = [(x, y) for x in range(int(label.x), int(label.right)) for y in range(int(label.y),
                                                                                 int(label.bottom))]
    highlight = style.selection.rgb()
    assert sum(selected.pixelColor(x, y).rgb() == highlight for x, y in box) > len(box) / 3
    assert sum(plain.pixelColor(x, y).rgb() == highlight for x, y in box) == 0


def test_the_same_routine_writes_svg_with_the_titles_as_text(style):
    scene = scene_of(style, point("force", "2009-06-15", "Protocol in force"),
                     span("campaign", "2010-03", "2011", "Blue Heart Campaign"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(WIDTH, HEIGHT))
    generator.setViewBox(QRectF(0, 0, WIDTH, HEIGHT))
    painter = QPainter(generator)
    paint_timeline(painter, QRectF(0, 0, WIDTH, HEIGHT), scene, style)
    painter.end()
    svg = bytes(data).decode("utf-8")
    assert "Protocol in force" in svg and "Blue Heart Campaign" in svg and "2010" in svg


def test_an_event_in_two_lanes_is_joined_by_a_line_when_selected(style):
    index = given_index(point("launch", "2009-06-15", "Launch", actors=["unodc", "costa"]))
    lanes = index.lanes("actor")

    def scene_with(selected):
        return build_scene(lanes, Viewport(day(2008), day(2012), WIDTH), WIDTH, HEIGHT,
                           style.measure, style.metrics(), today=TODAY, selected_id=selected)

    scene = scene_with("launch")
    upper, lower = sorted(scene.items, key=lambda i: i.rect.y)
    x = int((upper.sure_left + upper.sure_right) / 2)
    ys = range(int(upper.rect.bottom) + 6, int(lower.rect.y) - 6)
    highlight = style.selection.rgb()

    def line_pixels(image):
        return sum(image.pixelColor(dx, y).rgb() == highlight for y in ys for dx in (x - 1, x, x + 1))

    assert line_pixels(paint(scene, style)) > len(ys) / 3  # dashed, so not every pixel
    assert line_pixels(paint(scene_with(None), style)) == 0
