"""The one routine that draws a timeline scene, on the widget, a QImage, SVG or PDF alike.

It reads only the scene and the style: no widget state, so an export of a range draws exactly
what the widget would show for it.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QLinearGradient,
    QPainter,
    QPen,
    QPolygonF,
)

from explorer.qt.timeline.style import Ink, TimelineStyle, best_text_on, composite, with_alpha
from explorer.timescale.layout import LANE_TITLE_INDENT
from explorer.timescale.scene import Item, Scene, Shape


def _qrect(rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def paint_timeline(painter: QPainter, rect: QRectF, scene: Scene, style: TimelineStyle) -> None:
    """Draw `scene` into `rect` of `painter` (the scene's origin goes to rect's top left)."""
    painter.save()
    try:
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, scene.width, scene.height))
        painter.setFont(style.font)
        _paint_eras(painter, scene, style)
        _paint_lanes(painter, scene, style)
        _paint_grid(painter, scene, style)
        painter.save()
        painter.setClipRect(_qrect(scene.lanes_rect))
        _paint_densities(painter, scene, style)
        _paint_items(painter, scene, style)
        _paint_connectors(painter, scene, style)
        _paint_badges(painter, scene, style)
        _paint_lane_titles(painter, scene, style)
        _paint_as_of_label(painter, scene, style)
        painter.restore()
        _paint_axis(painter, scene, style)
        _paint_era_labels(painter, scene, style)
        _paint_tray(painter, scene, style)
    finally:
        painter.restore()


def _paint_lanes(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    for lane in scene.lanes:
        if lane.number % 2:
            painter.fillRect(_qrect(lane.rect), style.stripe)
        if lane.header_rect is not None:
            painter.fillRect(_qrect(lane.header_rect), style.header_fill)


def _paint_lane_titles(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    painter.setFont(style.bold_font)
    painter.setPen(style.text)
    ascent = style.bold_metrics.ascent()
    for lane in scene.lanes:
        header = lane.header_rect
        if header is None:
            continue
        swatch = QRectF(6, header.y + header.h / 2 - 4, 8, 8)
        painter.fillRect(swatch, style.hue(lane.colour))
        baseline = header.y + (header.h - style.bold_metrics.height()) / 2 + ascent
        painter.drawText(QPointF(LANE_TITLE_INDENT, baseline), lane.title_text)
    painter.setFont(style.font)


def era_segments(scene: Scene) -> list[tuple[float, float, list[int]]]:
    """The stretches of x where the same eras overlap: (left, right, era numbers in the scene)."""
    edges = sorted({0.0, scene.width, *(min(max(x, 0.0), scene.width) for era in scene.eras
                                        for x in (era.x0, era.x1))})
    segments = []
    for left, right in zip(edges, edges[1:]):
        middle = (left + right) / 2
        active = [n for n, era in enumerate(scene.eras) if era.x0 <= middle < era.x1]
        if active and right > left:
            segments.append((left, right, active))
    return segments


def _paint_eras(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    """Era bands behind the lanes. Overlaps are blended here and filled opaque: a translucent
    fill over the full height costs a blend per pixel on every frame."""
    top, bottom = scene.axis_rect.bottom, scene.lanes_rect.bottom
    # The background only where no era is: a fill of the whole frame costs as much as the
    # eras' own (the era strip, axis and tray are filled by their painters).
    covered = 0.0
    for left, right, active in era_segments(scene):
        if left > covered:
            painter.fillRect(QRectF(covered, top, left - covered, bottom - top), style.background)
        colour = style.background
        for number in active:
            colour = composite(colour, style.era_fill(scene.eras[number].colour))
        painter.fillRect(QRectF(left, top, right - left, bottom - top), colour)
        covered = right
    if covered < scene.width:
        painter.fillRect(QRectF(covered, top, scene.width - covered, bottom - top), style.background)
    if top > 0 and not scene.eras:
        painter.fillRect(QRectF(0, 0, scene.width, top), style.background)
    for era in scene.eras:
        pen = QPen(with_alpha(style.hue(era.colour), 150), 1.0)
        if era.fuzzy:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QLineF(era.x0, scene.era_rect.y, era.x0, bottom))
        if not era.ongoing:
            painter.drawLine(QLineF(era.x1, scene.era_rect.y, era.x1, bottom))


def _paint_era_labels(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    if not scene.eras:
        return
    painter.save()
    painter.setClipRect(_qrect(scene.era_rect))
    painter.fillRect(_qrect(scene.era_rect), style.axis_fill)
    metrics = style.font_metrics
    for era in scene.eras:
        band = era.strip
        strip = QRectF(band.x, band.y + 1, band.w, band.h - 2)
        painter.fillRect(strip, style.era_label_fills[era.colour % len(style.era_label_fills)])
        if era.row % 2:
            # Overlapping eras sit in different rows; hatching tells them apart without hue.
            painter.fillRect(strip, QBrush(style.era_hatches[era.colour % len(style.era_hatches)],
                                           Qt.BrushStyle.BDiagPattern))
        if era.label_rect is not None:
            painter.setPen(style.text)
            baseline = band.y + (band.h - metrics.height()) / 2 + metrics.ascent()
            painter.drawText(QPointF(era.label_rect.x, baseline), era.label)
    painter.restore()


def _paint_grid(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    top, bottom = scene.axis_rect.y, scene.lanes_rect.bottom
    minor = [QLineF(m.x, top + scene.axis_rect.h / 2, m.x, bottom) for m in scene.minor
             if 0 <= m.x <= scene.width]
    painter.setPen(QPen(style.grid, 1.0))
    painter.drawLines(minor)
    major = [QLineF(m.x, top, m.x, bottom) for m in scene.major if 0 <= m.x <= scene.width]
    painter.setPen(QPen(style.grid_major, 1.0))
    painter.drawLines(major)
    if scene.today_x is not None:
        pen = QPen(style.today, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QLineF(scene.today_x, top, scene.today_x, bottom))
    if scene.as_of_x is not None:
        painter.setPen(QPen(style.text, 1.5, Qt.PenStyle.DotLine))
        painter.drawLine(QLineF(scene.as_of_x, scene.lanes_rect.y, scene.as_of_x, bottom))


def _paint_as_of_label(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    """The "as of" day's name at the top of its line, on the side where it fits."""
    if scene.as_of_x is None or not scene.as_of_label:
        return
    metrics = style.small_metrics
    width = metrics.horizontalAdvance(scene.as_of_label) + 6
    x = scene.as_of_x + 3 if scene.as_of_x + 3 + width <= scene.width else scene.as_of_x - 3 - width
    # at the foot of the lanes, where lane titles (at their top) cannot be under it
    box = QRectF(x, scene.lanes_rect.bottom - metrics.height() - 4, width, metrics.height() + 2)
    painter.fillRect(box, with_alpha(style.background, 220))
    painter.setFont(style.small_font)
    painter.setPen(style.text)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, scene.as_of_label)
    painter.setFont(style.font)


def _paint_axis(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    axis = _qrect(scene.axis_rect)
    painter.fillRect(axis, style.axis_fill)
    painter.setPen(QPen(style.grid_major, 1.0))
    painter.drawLine(QLineF(0, axis.bottom() - 0.5, scene.width, axis.bottom() - 0.5))
    tier = axis.height() / 2
    ticks = [QLineF(m.x, axis.bottom() - 5, m.x, axis.bottom()) for m in scene.minor]
    ticks += [QLineF(m.x, axis.top(), m.x, axis.bottom()) for m in scene.major]
    painter.drawLines(ticks)
    painter.setPen(style.muted if scene.major else style.text)
    offset = (tier - style.font_metrics.height()) / 2
    for mark in scene.minor:
        rect = mark.label_rect
        if rect is not None and rect.right > 0 and rect.x < scene.width:
            painter.drawStaticText(QPointF(rect.x, rect.y + offset), style.static_text(mark.label))
    painter.setFont(style.bold_font)
    painter.setPen(style.text)
    offset = (tier - style.bold_metrics.height()) / 2
    for mark in scene.major:
        rect = mark.label_rect
        if rect is not None and rect.right > 0 and rect.x < scene.width:
            painter.drawStaticText(QPointF(rect.x, rect.y + offset),
                                   style.static_text(mark.label, bold=True))
    painter.setFont(style.font)


def _paint_densities(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    for strip in scene.densities:
        paint_density(painter, QRectF(strip.rect.x, strip.rect.y + 2, strip.rect.w,
                                      strip.rect.h - 4),
                      strip.counts, strip.bin_px, style.hue(strip.colour))


def paint_density(painter: QPainter, rect: QRectF, counts, bin_px: float, colour: QColor) -> None:
    """Bars of log-scaled counts, one per `bin_px`-wide bin, from the bottom of `rect`."""
    height = int(rect.height())
    counts = np.asarray(counts, dtype=np.float64)
    if height <= 0 or not counts.size or counts.max() <= 0:
        return
    # One pixel per bin in an image the painter stretches: cost follows the width, not the data.
    scaled = np.log1p(counts) / math.log1p(counts.max())
    bars = np.ceil(scaled * height).astype(np.int64)
    rows = np.arange(height)[:, None]
    pixels = np.where(rows >= height - bars[None, :], _premultiply(colour, 160), np.uint32(0))
    pixels = np.ascontiguousarray(pixels, dtype=np.uint32)
    image = QImage(pixels.data, counts.size, height, counts.size * 4,
                   QImage.Format.Format_ARGB32_Premultiplied)
    painter.drawImage(QRectF(rect.x(), rect.y(), counts.size * bin_px, height), image)


def _premultiply(colour: QColor, alpha: int) -> np.uint32:
    scale = alpha / 255.0
    red, green, blue = (int(round(c * scale)) for c in (colour.red(), colour.green(), colour.blue()))
    return np.uint32((alpha << 24) | (red << 16) | (green << 8) | blue)


def _fill_with_fades(painter: QPainter, item: Item, brush, edges: tuple[QColor, QColor, QColor]) -> None:
    """A bar solid between its sure edges, fading towards fuzzy or open ends.

    `edges` are the colours of an open end, a fuzzy end and the solid middle."""
    r = item.rect
    solid_left = min(max(item.sure_left, r.x), r.right)
    solid_right = min(max(item.sure_right, solid_left), r.right)
    if solid_right > solid_left:
        painter.fillRect(QRectF(solid_left, r.y, solid_right - solid_left, r.h), brush)
    open_colour, fuzzy_colour, solid = edges
    for outer, inner, is_open in ((r.x, solid_left, item.fade_left),
                                  (r.right, solid_right, item.fade_right)):
        if abs(inner - outer) < 0.5:
            continue
        gradient = QLinearGradient(outer, 0, inner, 0)
        gradient.setColorAt(0.0, open_colour if is_open else fuzzy_colour)
        gradient.setColorAt(1.0, solid)
        painter.fillRect(QRectF(min(outer, inner), r.y, abs(inner - outer), r.h), QBrush(gradient))


def _diamond(x: float, y: float, half: float) -> QPolygonF:
    return QPolygonF([QPointF(x, y - half), QPointF(x + half, y), QPointF(x, y + half),
                      QPointF(x - half, y)])


def _paint_shape(painter: QPainter, item: Item, ink: Ink) -> None:
    """Bars and ranges (drawn without antialiasing: they are axis-aligned)."""
    r = item.rect
    fuzzy = item.approximate or item.uncertain
    if item.shape is Shape.BAR:
        fill = ink.soft if item.approximate else ink.fill
        _fill_with_fades(painter, item, fill, (ink.clear, ink.fuzzy_edge, fill))
        if item.uncertain:
            _fill_with_fades(painter, item, ink.uncertain_hatch,
                             (ink.clear, ink.clear, ink.uncertain_hatch.color()))
        if fuzzy:
            painter.setPen(ink.dashed)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(item.sure_left, r.y, item.sure_right - item.sure_left, r.h))
    else:
        # Every day of the range is possible, none certain: hatched, with brackets at the ends.
        span = QRectF(item.sure_left, r.y, item.sure_right - item.sure_left, r.h)
        painter.fillRect(span, ink.faint)
        painter.fillRect(span, ink.hatch)
        painter.setPen(ink.bracket_dashed if fuzzy else ink.bracket)
        for x, tip in ((item.sure_left, 4.0), (item.sure_right, -4.0)):
            painter.drawPolyline(QPolygonF([QPointF(x + tip, r.y), QPointF(x, r.y),
                                            QPointF(x, r.bottom), QPointF(x + tip, r.bottom)]))
        _paint_tails(painter, item, ink)


def _paint_marker(painter: QPainter, item: Item, ink: Ink) -> None:
    """A diamond: filled for a known day, hollow when the day is not known."""
    r = item.rect
    middle = (item.sure_left + item.sure_right) / 2
    half = (item.sure_right - item.sure_left) / 2 + 1
    if item.exact:
        painter.setPen(ink.outline)
        painter.setBrush(ink.fill)
    else:
        painter.setPen(ink.hollow_dashed if item.approximate or item.uncertain else ink.hollow)
        painter.setBrush(ink.faint)
    painter.drawPolygon(_diamond(middle, r.y + r.h / 2, half))
    _paint_tails(painter, item, ink)


def _paint_tails(painter: QPainter, item: Item, ink: Ink) -> None:
    """Open ends of a point's range: a line fading out towards the unknown side (filled, not
    stroked: Qt's SVG output draws a gradient pen as a black line)."""
    y = item.rect.y + item.rect.h / 2
    for outer, inner, is_open in ((item.rect.x, item.sure_left, item.fade_left),
                                  (item.rect.right, item.sure_right, item.fade_right)):
        if not is_open or abs(inner - outer) < 0.5:
            continue
        gradient = QLinearGradient(outer, 0, inner, 0)
        gradient.setColorAt(0.0, ink.clear)
        gradient.setColorAt(1.0, ink.fill)
        painter.fillRect(QRectF(min(outer, inner), y - 1.0, abs(inner - outer), 2.0),
                         QBrush(gradient))


def backdrop(scene: Scene, style: TimelineStyle, x: float, lane: int) -> QColor:
    """The opaque colour the lanes show at `x` in lane `lane` (of the scene) with no item
    there: the background, the eras over it, the lane's stripe."""
    colour = style.background
    for era in scene.eras:
        if era.x0 <= x < era.x1:
            colour = composite(colour, style.era_fill(era.colour))
    if scene.lanes[lane].number % 2:
        colour = composite(colour, style.stripe)
    return colour


def label_colours(scene: Scene, style: TimelineStyle, item: Item, ink: Ink) -> tuple[QColor, QColor | None]:
    """The colour of an item's label, and the backing drawn under it (None: none).

    Inside a bar, black or white against the bar's fill as it shows over what is behind it;
    on a backing (a hatched or crowded shape), the text colour on the background; beside the
    shape, the text colour (muted when dimmed)."""
    label = item.label_rect
    assert label is not None
    if item.label_backed:
        backing = with_alpha(style.background, BACKING_ALPHA)
        return (style.muted if ink.dimmed else style.text), backing
    if item.label_inside:
        under = backdrop(scene, style, label.x + label.w / 2, item.lane)
        return best_text_on(composite(under, ink.soft if item.approximate else ink.fill)), None
    return (style.muted if ink.dimmed else style.text), None


#: Opacity of the backing of a label drawn over a hatched shape.
BACKING_ALPHA = 235


def _paint_thin(painter: QPainter, item: Item, ink: Ink) -> None:
    """A span or an imprecise date longer than the view: a thin bar (hatched when imprecise)."""
    r = item.rect
    if item.shape is Shape.BAR:
        fill = ink.soft if item.approximate else ink.fill
        _fill_with_fades(painter, item, fill, (ink.clear, ink.fuzzy_edge, fill))
    else:
        span = QRectF(r.x, r.y, r.w, r.h)
        painter.fillRect(span, ink.faint)
        painter.fillRect(span, ink.hatch)
    if item.uncertain:
        painter.fillRect(QRectF(r.x, r.y, r.w, r.h), ink.hatch)


def _paint_items(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    highlighted = scene.highlighted
    inks = [style.ink(item.colour, bool(highlighted) and item.position not in highlighted)
            for item in scene.items]
    # Axis-aligned shapes first without antialiasing (cheaper), then diamonds and outlines.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for item, ink in zip(scene.items, inks):
        if item.thin:
            _paint_thin(painter, item, ink)
        elif item.shape is not Shape.MARKER:
            _paint_shape(painter, item, ink)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    marked = {scene.selected_id, scene.hovered_id}
    for item, ink in zip(scene.items, inks):
        if item.shape is Shape.MARKER:
            _paint_marker(painter, item, ink)
        if item.event_id in marked or (highlighted and not ink.dimmed):
            selected = item.event_id == scene.selected_id
            painter.setPen(style.selected_pen if selected else
                           style.hover_pen if item.event_id == scene.hovered_id else
                           style.highlight_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            r = item.rect
            painter.drawRoundedRect(QRectF(r.x - 2, r.y - 2, r.w + 4, r.h + 4), 3, 3)
    height = style.font_metrics.height()
    for item, ink in zip(scene.items, inks):
        label = item.label_rect
        if label is None:
            continue
        if item.event_id == scene.selected_id and not item.label_inside:
            painter.fillRect(QRectF(label.x - 2, label.y, label.w + 4, label.h), style.selection)
            painter.setPen(style.selection_text)
        else:
            text, backing = label_colours(scene, style, item, ink)
            if backing is not None:
                painter.fillRect(QRectF(label.x - 2, label.y, label.w + 4, label.h), backing)
            painter.setPen(text)
        painter.drawStaticText(QPointF(label.x, label.y + (label.h - height) / 2),
                               style.static_text(item.label))


def _paint_connectors(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    """The same event in several lanes: a line through its occurrences when selected or hovered."""
    for event_id, width in ((scene.hovered_id, 1.5), (scene.selected_id, 2.0)):
        if event_id is None:
            continue
        found = [item for item in scene.items if item.event_id == event_id]
        if len(found) < 2:
            continue
        found.sort(key=lambda item: item.rect.y)
        x = min(max((found[0].sure_left + found[0].sure_right) / 2, 2.0), scene.width - 2)
        painter.setPen(QPen(style.selection, width, Qt.PenStyle.DashLine))
        painter.drawLine(QLineF(x, found[0].rect.bottom + 2, x, found[-1].rect.y - 2))


def _paint_badges(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    """Count badges: square boxes (no antialiasing) and cached text; a frame may hold a hundred."""
    if not scene.badges:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setFont(style.small_font)
    painter.setPen(style.badge_pen)
    painter.setBrush(style.badge_fill)
    for badge in scene.badges:
        painter.drawRect(_qrect(badge.rect))
    painter.setPen(style.text)
    height = style.small_metrics.height()
    for badge in scene.badges:
        r = badge.rect
        text = style.static_text(badge.text, small=True)
        width = text.size().width()
        painter.drawStaticText(QPointF(r.x + (r.w - width) / 2, r.y + (r.h - height) / 2), text)
    painter.setFont(style.font)


def _paint_tray(painter: QPainter, scene: Scene, style: TimelineStyle) -> None:
    tray = scene.tray_rect
    if tray is None:
        return
    painter.fillRect(_qrect(tray), style.axis_fill)
    painter.setPen(QPen(style.grid_major, 1.0))
    painter.drawLine(QLineF(0, tray.y + 0.5, scene.width, tray.y + 0.5))
    metrics = style.font_metrics
    baseline = tray.y + (tray.h - metrics.height()) / 2 + metrics.ascent()
    painter.setPen(style.muted)
    painter.drawText(QPointF(8, baseline), scene.tray_title)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    x = 8.0
    for chip in scene.chips:
        rect = _qrect(chip.rect)
        selected = chip.event_id == scene.selected_id
        painter.setPen(QPen(style.selection if selected else style.muted, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(style.selection if selected else style.background)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(style.selection_text if selected else style.text)
        painter.drawStaticText(QPointF(rect.x() + 6, baseline - metrics.ascent()),
                               style.static_text(chip.label))
        x = rect.right() + 8
    if scene.tray_note:
        painter.setPen(style.muted)
        painter.drawText(QPointF(x, baseline), scene.tray_note)
