"""Input of the timeline, turned into viewport changes or calls to the document through the
widget's public methods.

The mouse is in one of three modes, each a small handler object that the widget swaps (after
The Timeline Project's input handlers): `Idle` (hover, and a press picks the next mode),
`PanDrag` (a left press: a click, or a drag that pans) and `ZoomBand` (a right or Shift+left
press: drag a band of days to zoom to, or right-click for the menu). The wheel, pinch,
keyboard and tooltips need no mode; they are functions of the widget.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer.qt.marks import escape
from explorer.timescale.lanes import GroupBy
from explorer.timescale.viewport import Viewport

if TYPE_CHECKING:
    from explorer.qt.timeline.widget import TimelineWidget

#: Zoom step of the keyboard, the menu and one wheel notch.
ZOOM_STEP = 1.25
#: Share of the view an arrow key pans.
PAN_STEP = 0.1
#: A band narrower than this (pixels) is a click, not a range to zoom to.
MIN_BAND_PX = 4.0


class InputHandler:
    """What a press, a move and a release of the mouse do in one mode."""

    def __init__(self, timeline: TimelineWidget) -> None:
        self.timeline = timeline

    def pressed(self, event: QMouseEvent) -> None:
        """A button went down."""

    def moved(self, event: QMouseEvent) -> None:
        """The mouse moved, with or without a button down."""

    def released(self, event: QMouseEvent) -> None:
        """A button went up."""

    def band(self) -> tuple[float, float] | None:
        """The x range of a band being dragged, to draw over the timeline; None for none."""
        return None

    def cancel(self) -> bool:
        """Esc: stop what this mode is doing; False when there is nothing to stop."""
        return False


class Idle(InputHandler):
    """No button down: hovering shows what is under the pointer; a press starts a mode."""

    def pressed(self, event: QMouseEvent) -> None:
        timeline = self.timeline
        x, button = event.position().x(), event.button()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if button == Qt.MouseButton.RightButton or (button == Qt.MouseButton.LeftButton and shift):
            timeline.set_input(ZoomBand(timeline, x, button))
        elif button == Qt.MouseButton.LeftButton:
            timeline.set_input(PanDrag(timeline, event.position()))

    def moved(self, event: QMouseEvent) -> None:
        position = event.position()
        self.timeline.hover_at(position.x(), position.y())


class PanDrag(InputHandler):
    """The left button is down: released where it went down, a click; moved further than the
    platform's drag distance, the view follows the pointer (time and lanes)."""

    def __init__(self, timeline: TimelineWidget, origin: QPointF) -> None:
        super().__init__(timeline)
        self.origin = origin
        self.viewport = timeline.viewport
        self.scroll_y = timeline.scroll_y
        self.dragging = False

    def moved(self, event: QMouseEvent) -> None:
        timeline = self.timeline
        delta = event.position() - self.origin
        if not self.dragging and delta.manhattanLength() >= QApplication.startDragDistance():
            self.dragging = True
            timeline.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self.dragging:
            timeline.set_viewport(self.viewport.panned(delta.x()))
            timeline.set_scroll_y(self.scroll_y - delta.y())

    def released(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        timeline = self.timeline
        timeline.set_input(Idle(timeline))
        timeline.unsetCursor()
        if not self.dragging:
            position = event.position()
            timeline.click_at(position.x(), position.y())


class ZoomBand(InputHandler):
    """A right or Shift+left drag: the band of days between press and pointer is zoomed to on
    release; a right click without dragging opens the context menu."""

    def __init__(self, timeline: TimelineWidget, x: float, button: Qt.MouseButton) -> None:
        super().__init__(timeline)
        self.start = self.end = x
        self.button = button
        timeline.update()

    def band(self) -> tuple[float, float]:
        return min(self.start, self.end), max(self.start, self.end)

    def moved(self, event: QMouseEvent) -> None:
        width = self.timeline.canvas_rect().width()
        self.end = min(max(event.position().x(), 0.0), width)
        self.timeline.update()

    def released(self, event: QMouseEvent) -> None:
        if event.button() != self.button:
            return
        timeline = self.timeline
        timeline.set_input(Idle(timeline))
        left, right = self.band()
        if right - left >= MIN_BAND_PX:
            viewport = timeline.viewport
            timeline.set_viewport(Viewport(viewport.day_at(left), viewport.day_at(right),
                                           viewport.width_px))
        elif self.button == Qt.MouseButton.RightButton:
            timeline.context_menu(event.globalPosition().toPoint())

    def cancel(self) -> bool:
        self.timeline.set_input(Idle(self.timeline))
        return True


# -- the wheel, keys and tooltips -----------------------------------------------------------


def wheel_turned(timeline: TimelineWidget, event: QWheelEvent) -> None:
    """The wheel zooms at the pointer; Shift+wheel or a horizontal wheel pans; Alt+wheel
    scrolls the lanes."""
    angle, pixels, modifiers = event.angleDelta(), event.pixelDelta(), event.modifiers()
    dx, dy = angle.x(), angle.y()
    row = timeline.timeline_style.metrics().row_height
    if modifiers & Qt.KeyboardModifier.AltModifier:
        # Some platforms turn Alt+wheel into a horizontal wheel: take whichever moved.
        timeline.set_scroll_y(timeline.scroll_y - (dy or dx) / 120 * 3 * row)
    elif dx or modifiers & Qt.KeyboardModifier.ShiftModifier:
        moved = pixels.x() or pixels.y() if not pixels.isNull() else (dx or dy) / 120 * 60
        timeline.set_viewport(timeline.viewport.panned(moved))
    elif dy:
        timeline.zoom_by(ZOOM_STEP ** (dy / 120), event.position().x())


def key_pressed(timeline: TimelineWidget, event: QKeyEvent) -> bool:
    """Act on a key; False when the timeline has no use for it."""
    key, modifiers = event.key(), event.modifiers()
    control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    pan_only = control or bool(modifiers & Qt.KeyboardModifier.AltModifier)
    layout = timeline.frame_layout()
    index = timeline.index
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        direction = 1 if key == Qt.Key.Key_Right else -1
        if pan_only or not timeline.selection_on_axis():
            viewport = timeline.viewport
            timeline.set_viewport(viewport.panned(-direction * PAN_STEP * viewport.width_px))
        else:
            timeline.step_selection(direction)
    elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and layout is not None:
        step = layout.lane_height / 2 if timeline.group_by is not GroupBy.NONE else 0
        timeline.set_scroll_y(timeline.scroll_y + (step if key == Qt.Key.Key_Down else -step))
    elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and layout is not None:
        page = layout.lanes_rect.h
        timeline.set_scroll_y(timeline.scroll_y + (page if key == Qt.Key.Key_PageDown else -page))
    elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and index is not None:
        position = index.step(None, 1 if key == Qt.Key.Key_Home else -1)
        if position is not None:
            timeline.document.select_event(index.dataset.events[position].id)
    elif event.matches(QKeySequence.StandardKey.ZoomIn) or key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
        timeline.zoom_in()
    elif event.matches(QKeySequence.StandardKey.ZoomOut) or key == Qt.Key.Key_Minus:
        timeline.zoom_out()
    elif key == Qt.Key.Key_0 and control:
        timeline.fit_all()
    elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and control:
        # Tab walks the events, so Ctrl+Tab is the way out (as in Qt's text editors).
        forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
        timeline.leave_focus(forward)
    elif key == Qt.Key.Key_Escape:
        if not timeline.input_handler.cancel():
            escape(timeline.document)  # the mark, then the selected event, then the filter
    else:
        return False
    return True


def tooltip_at(timeline: TimelineWidget, x: float, y: float) -> str:
    """Rich text describing what is under (x, y); "" over empty space."""
    scene = timeline.current_scene()
    index = timeline.index
    if scene is None or index is None:
        return ""
    item = scene.item_at(x, y)
    chip = scene.chip_at(x, y) if item is None else None
    if item is not None or chip is not None:
        position = item.position if item is not None else chip.position  # type: ignore[union-attr]
        return event_tooltip(index.dataset, index.dataset.events[position])
    badge = scene.badge_at(x, y)
    if badge is not None:
        return html.escape(badge.description) + "."
    if scene.density_at(x, y) is not None:
        return "Too many events to show one by one. Click to zoom in."
    era = next((band for band in scene.eras if band.strip.contains(x, y)), None)
    if era is not None:
        found = next((e for e in index.dataset.eras if e.title == era.title), None)
        when = ""
        if found is not None and found.start is not None:
            end = found.end.words() if found.end is not None else "today"
            when = f"<br>{html.escape(found.start.words())} to {html.escape(end)}"
        return f"<b>{html.escape(era.title)}</b>{when}"
    header = scene.lane_header_at(x, y)
    if header is not None:
        hint = "<br>Click to mark its events." if timeline.group_by is GroupBy.ACTOR and \
            header.key else ""
        return f"<b>{html.escape(header.title)}</b>{hint}"
    return ""


def event_tooltip(dataset, event) -> str:
    """Title, the date in words, and the actors and tags of an event, as rich text."""
    # The date as written in the file is for Event Details, where it is asked for.
    lines = [f"<b>{html.escape(event.title)}</b>", html.escape(event.when_words())]
    if event.actors:
        names = ", ".join(html.escape(dataset.label(actor)) for actor in event.actors)
        lines.append(f"Actors: {names}")
    if event.tags:
        lines.append(f"Tags: {html.escape(', '.join(event.tags))}")
    return "<br>".join(lines)
