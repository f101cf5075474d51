"""Input of the timeline widget: mouse, wheel, pinch, keyboard and tooltips, each turned into
a viewport change or a call to the document. Mixed into `TimelineWidget`."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from explorer.timescale.lanes import GroupBy
from explorer.timescale.viewport import Viewport

#: Zoom step of the keyboard, the menu and one wheel notch.
ZOOM_STEP = 1.25
#: Share of the view an arrow key pans.
PAN_STEP = 0.1


class TimelineInput:
    """Event handlers of `TimelineWidget`, sharing its state (viewport, scene, drag)."""

    # -- mouse --------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos, button = event.position(), event.button()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if button == Qt.MouseButton.RightButton or (button == Qt.MouseButton.LeftButton and shift):
            self._band = (pos.x(), pos.x())
            self._band_button = button
            self.update()
        elif button == Qt.MouseButton.LeftButton:
            self._press = (pos, self._viewport, self._scroll_y)
            self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._band is not None:
            self._band = (self._band[0], min(max(pos.x(), 0.0), self.canvas_rect().width()))
            self.update()
        elif self._press is not None:
            origin, viewport, scroll = self._press
            delta = pos - origin
            if not self._dragging and delta.manhattanLength() >= QApplication.startDragDistance():
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self.set_viewport(viewport.panned(delta.x()))
                self.set_scroll_y(scroll - delta.y())
        else:
            self._hover(pos.x(), pos.y())

    def _hover(self, x: float, y: float) -> None:
        scene = self.current_scene()
        if scene is None:
            return
        item = scene.item_at(x, y)
        hovered = item.event_id if item is not None else None
        if hovered != self._hover_id:
            self._hover_id = hovered
            self.update()
        header = scene.lane_header_at(x, y)
        clickable = (item is not None or scene.badge_at(x, y) or scene.chip_at(x, y)
                     or scene.density_at(x, y)
                     or (header is not None and self._group_by is GroupBy.ACTOR and header.key))
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    def mouseReleaseEvent(self, event) -> None:
        pos = event.position()
        if self._band is not None and event.button() == self._band_button:
            left, right = sorted(self._band)
            self._band = None
            self.update()
            if right - left >= 4:
                vp = self._viewport
                self.set_viewport(Viewport(vp.day_at(left), vp.day_at(right), vp.width_px))
            elif event.button() == Qt.MouseButton.RightButton:
                self._context_menu(event.globalPosition().toPoint())
        elif self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            dragged = self._dragging
            self._press = None
            self._dragging = False
            self.unsetCursor()
            if not dragged:
                self._click(pos.x(), pos.y())
        event.accept()

    def _click(self, x: float, y: float) -> None:
        scene = self.current_scene()
        if scene is None:
            return
        item = scene.item_at(x, y)
        badge = scene.badge_at(x, y)
        chip = scene.chip_at(x, y)
        header = scene.lane_header_at(x, y)
        if item is not None:
            self._document.select_event(item.event_id)
        elif badge is not None:
            self.zoom_to_range(badge.first, badge.last)
        elif chip is not None:
            self._document.select_event(chip.event_id)
        elif scene.density_at(x, y) is not None:
            vp = self._viewport
            self.zoom_to_range(vp.day_at(x - 40), vp.day_at(x + 40))
        elif header is not None and self._group_by is GroupBy.ACTOR and header.key:
            self._document.select_entity(header.key)
        elif scene.in_time_area(x, y):
            self._document.select_event(None)
            self.day_clicked.emit(self._viewport.day_at(x))

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.current_scene()
        pos = event.position()
        item = scene.item_at(pos.x(), pos.y()) if scene is not None else None
        if item is not None:
            self.zoom_to_events([item.position])
        elif scene is not None and scene.in_time_area(pos.x(), pos.y()):
            self.zoom_by(2.0, pos.x())
        event.accept()

    def leaveEvent(self, event) -> None:
        if self._hover_id is not None:
            self._hover_id = None
            self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event) -> None:
        angle, pixels, modifiers = event.angleDelta(), event.pixelDelta(), event.modifiers()
        dx, dy = angle.x(), angle.y()
        row = self._style.metrics().row_height
        if modifiers & Qt.KeyboardModifier.AltModifier:
            # Some platforms turn Alt+wheel into a horizontal wheel: take whichever moved.
            self.set_scroll_y(self._scroll_y - (dy or dx) / 120 * 3 * row)
        elif dx or modifiers & Qt.KeyboardModifier.ShiftModifier:
            moved = pixels.x() or pixels.y() if not pixels.isNull() else (dx or dy) / 120 * 60
            self.set_viewport(self._viewport.panned(moved))
        elif dy:
            self.zoom_by(ZOOM_STEP ** (dy / 120), event.position().x())
        event.accept()

    def event(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value(), event.position().x())
            event.accept()
            return True
        if kind == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _context_menu(self, global_pos) -> None:
        menu = QMenu(self)
        for action in self.view_actions():
            menu.addAction(action)
        menu.addSeparator()
        for action in self.group_actions.values():
            menu.addAction(action)
        menu.exec(global_pos)

    # -- keyboard -----------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        key, modifiers = event.key(), event.modifiers()
        pan_only = bool(modifiers & (Qt.KeyboardModifier.ControlModifier
                                     | Qt.KeyboardModifier.AltModifier))
        layout = self._frame_layout()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = 1 if key == Qt.Key.Key_Right else -1
            if pan_only or not self._selection_on_axis():
                self.set_viewport(self._viewport.panned(-direction * PAN_STEP
                                                        * self._viewport.width_px))
            else:
                self.step_selection(direction)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and layout is not None:
            step = layout.lane_height / 2 if self._group_by is not GroupBy.NONE else 0
            self.set_scroll_y(self._scroll_y + (step if key == Qt.Key.Key_Down else -step))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and layout is not None:
            page = layout.lanes_rect.h
            self.set_scroll_y(self._scroll_y + (page if key == Qt.Key.Key_PageDown else -page))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self._index is not None:
            position = self._index.step(None, 1 if key == Qt.Key.Key_Home else -1)
            if position is not None:
                self._document.select_event(self._index.dataset.events[position].id)
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or key in (Qt.Key.Key_Plus,
                                                                       Qt.Key.Key_Equal):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0 and modifiers & Qt.KeyboardModifier.ControlModifier:
            self.fit_all()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and \
                modifiers & Qt.KeyboardModifier.ControlModifier:
            # Tab walks the events, so Ctrl+Tab is the way out (as in Qt's text editors).
            forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
        elif key == Qt.Key.Key_Escape:
            if self._band is not None:
                self._band = None
                self.update()
            else:
                self._document.select_event(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next_child: bool) -> bool:
        # Tab and Shift+Tab walk the events in time; past the last one, focus moves on.
        if self.hasFocus() and self.step_selection(1 if next_child else -1):
            return True
        return super().focusNextPrevChild(next_child)

    # -- tooltips -----------------------------------------------------------------------

    def tooltip_at(self, x: float, y: float) -> str:
        """Rich text describing what is under (x, y); "" over empty space."""
        scene = self.current_scene()
        if scene is None:
            return ""
        item = scene.item_at(x, y)
        chip = scene.chip_at(x, y) if item is None else None
        if item is not None or chip is not None:
            position = item.position if item is not None else chip.position
            return event_tooltip(self._index.dataset, self._index.dataset.events[position])
        badge = scene.badge_at(x, y)
        if badge is not None:
            noun = "event" if badge.count == 1 else "events"
            return f"{badge.count:,} {noun} here. Click to zoom in."
        if scene.density_at(x, y) is not None:
            return "Too many events to show one by one. Click to zoom in."
        header = scene.lane_header_at(x, y)
        if header is not None:
            hint = "<br>Click to mark its events." if self._group_by is GroupBy.ACTOR and \
                header.key else ""
            return f"<b>{html.escape(header.title)}</b>{hint}"
        return ""


def event_tooltip(dataset, event) -> str:
    """Title, the date in words and as written, and the actors of an event, as rich text."""
    lines = [f"<b>{html.escape(event.title)}</b>"]
    written = event.when_text()
    when = html.escape(event.when_words())
    lines.append(f"{when} <span style='color:gray'>({html.escape(written)})</span>"
                 if written else when)
    if event.actors:
        names = ", ".join(html.escape(dataset.label(actor)) for actor in event.actors)
        lines.append(f"Actors: {names}")
    if event.tags:
        lines.append(f"Tags: {html.escape(', '.join(event.tags))}")
    return "<br>".join(lines)
