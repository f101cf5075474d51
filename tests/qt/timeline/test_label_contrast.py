"""Every label reads against what is actually behind it: filled, translucent and hatched bars,
era bands and lane stripes, in light and dark palettes. The colours behind are worked out here
from the scene and the style (the painter's choice of text colour is what is checked), and the
pixels of the painted frame beside each label confirm them."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette

from explorer.qt.timeline.painter import BACKING_ALPHA, label_colours, paint_timeline
from explorer.qt.timeline.style import TEXT_CONTRAST, TimelineStyle, composite, contrast, with_alpha
from explorer.timescale.layout import build_scene
from explorer.timescale.viewport import Viewport
from tests.helpers.builders import TODAY, day, given_index, point, span

WIDTH, HEIGHT = 1200, 520


def palette(dark: bool) -> QPalette:
    result = QPalette()
    role = QPalette.ColorRole
    base, text = ("#1e1e1e", "#e8e8e8") if dark else ("#ffffff", "#202020")
    for r, colour in ((role.Base, base), (role.Window, base), (role.Text, text),
                      (role.WindowText, text), (role.Highlight, "#3daee9"),
                      (role.HighlightedText, "#ffffff")):
        result.setColor(r, QColor(colour))
    return result


EVENTS = (
    span("filled", "2009-02-01", "2010-11-30", "A solid span with a long title inside it"),
    span("soft", "2009-03~", "2010-10~", "An approximate span with a title inside"),
    span("hatched", "2009-04?", "2010-09?", "An uncertain span, hatched, with a title"),
    point("month", "2010-06", "Spain joins the Blue Heart Campaign"),
    point("year", "2011", "A year-long imprecise date with a title"),
    point("day", "2010-06-15", "A known day"),
    span("ongoing", "2011-06-01", None, "Still going"),
)
ERAS = (("An era behind the bars", "2009-01-01", "2010-12-31"),
        ("A second era overlapping it", "2010-03-01", "2012-01-01"))
VIEWS = {"years": (day(2008, 6), day(2012, 6)), "months": (day(2010, 4), day(2010, 9)),
         "a day": (day(2010, 6, 15), day(2010, 6, 16))}


def under_label(scene, style, item) -> list[QColor]:
    """The opaque colours that may be behind a label, worked out from first principles."""
    label = item.label_rect
    x = label.x + label.w / 2
    colour = style.background
    for era in scene.eras:
        if era.x0 <= x < era.x1:
            colour = composite(colour, style.era_fill(era.colour))
    if scene.lanes[item.lane].number % 2:
        colour = composite(colour, style.stripe)
    ink = style.ink(item.colour)
    if item.label_backed:
        # On a backing over the shape: the shape's darkest part may show through it.
        return [composite(under, with_alpha(style.background, BACKING_ALPHA))
                for under in (colour, composite(colour, ink.fill))]
    if item.label_inside:
        return [composite(colour, ink.soft if item.approximate else ink.fill)]
    return [colour]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("group_by", ["none", "tag"])
def test_every_label_has_a_contrast_of_4_5_against_what_is_behind_it(qapp, dark, view, group_by):
    style = TimelineStyle(palette(dark), QFont())
    index = given_index(*EVENTS, eras=ERAS)
    first, after = VIEWS[view]
    scene = build_scene(index.lanes(group_by), Viewport(first, after, WIDTH), WIDTH, HEIGHT,
                        style.measure, style.metrics(), today=TODAY)
    labelled = [i for i in scene.items if i.label_rect is not None]
    assert len(labelled) >= 3
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    paint_timeline(painter, QRectF(0, 0, WIDTH, HEIGHT), scene, style)
    painter.end()
    for item in labelled:
        text, _backing = label_colours(scene, style, item, style.ink(item.colour))
        for behind in under_label(scene, style, item):
            assert contrast(text, behind) >= TEXT_CONTRAST, (
                f"{item.event_id}: {text.name()} on {behind.name()} "
                f"({contrast(text, behind):.2f}) in {view}")
        # The colour painted most along the label's top line (above the letters) is what
        # is behind it.
        label = item.label_rect
        seen = Counter(image.pixelColor(x, int(label.y) + 1).rgb()
                       for x in range(int(label.x), int(label.right))).most_common(1)[0][0]
        assert contrast(text, QColor.fromRgb(seen)) >= TEXT_CONTRAST, (
            f"{item.event_id}: painted {QColor.fromRgb(seen).name()} behind {text.name()} in {view}")


def test_a_hatched_range_wider_than_its_label_keeps_no_white_text_on_it(qapp):
    # The label of a month at a day's zoom once was white on pale hatching.
    style = TimelineStyle(palette(False), QFont())
    index = given_index(point("month", "2010-06", "Spain joins the Blue Heart Campaign"))
    first, after = day(2010, 6, 10), day(2010, 6, 20)
    scene = build_scene(index.lanes("none"), Viewport(first, after, WIDTH), WIDTH, HEIGHT,
                        style.measure, style.metrics(), today=TODAY)
    (item,) = scene.items
    assert item.label == "Spain joins the Blue Heart Campaign"
    assert not (item.label_inside and not item.label_backed)
    text, _ = label_colours(scene, style, item, style.ink(item.colour))
    assert text != QColor("#ffffff")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_era_titles_read_on_their_bands(qapp, dark):
    style = TimelineStyle(palette(dark), QFont())
    index = given_index(*EVENTS, eras=ERAS)
    first, after = VIEWS["years"]
    scene = build_scene(index.lanes("none"), Viewport(first, after, WIDTH), WIDTH, HEIGHT,
                        style.measure, style.metrics(), today=TODAY)
    assert len([era for era in scene.eras if era.label_rect is not None]) == 2
    for era in scene.eras:
        band = composite(style.axis_fill, style.era_label_fills[era.colour % len(style.era_label_fills)])
        behind = [band]
        if era.row % 2:  # hatched to tell overlapping eras apart
            behind.append(composite(band, style.era_hatches[era.colour % len(style.era_hatches)]))
        for colour in behind:
            assert contrast(style.text, colour) >= TEXT_CONTRAST, era.title
