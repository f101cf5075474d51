"""The zoomable timeline: hands input to its handlers (`input`) and paints the scene.

All drawing goes through `paint_timeline`; all layout through `build_scene`. The widget keeps
the index of the current data set (rebuilt per data set, masked per filter) and the last
scene (dropped whenever anything it depends on changes, rebuilt lazily on paint). Its public
methods are the seams the input handlers, the overview band, the panes and exports use.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPen
from PySide6.QtWidgets import QMenu, QScrollBar, QToolTip, QWidget

from explorer.model.calendar import day_words, today
from explorer.qt.citations import add_citation
from explorer.qt.document import Document
from explorer.qt.timeline.actions import HELP, STATUS_TIP, timeline_actions
from explorer.qt.timeline.cluster_list import ClusterList
from explorer.qt.timeline.input import (
    ZOOM_STEP,
    Idle,
    InputHandler,
    key_pressed,
    tooltip_at,
    wheel_turned,
)
from explorer.qt.timeline.painter import paint_timeline
from explorer.qt.timeline.style import TimelineStyle, with_alpha
from explorer.timescale.clusters import badge_positions
from explorer.timescale.index import LaneIndex, TimelineIndex, index_for
from explorer.timescale.lanes import GroupBy
from explorer.timescale.layout import FrameLayout, build_scene, era_rows, frame_layout
from explorer.timescale.pages import fitted_range, fitted_view
from explorer.timescale.scene import Badge, Scene
from explorer.timescale.viewport import Viewport


class TimelineWidget(QWidget):
    """The central view: eras, an adaptive axis, lanes of events, and the undated tray."""

    #: The visible range changed (the new Viewport).
    viewport_changed = Signal(object)
    #: Empty timeline area was clicked (the day number under the click, float).
    day_clicked = Signal(float)
    #: The lanes were regrouped (the GroupBy value, str).
    group_by_changed = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(HELP)
        self.setStatusTip(STATUS_TIP)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setMinimumSize(240, 160)
        self._document = document
        self._today = today()
        self._index: TimelineIndex | None = None
        self._lanes: LaneIndex | None = None
        self._group_by = GroupBy.NONE
        self._viewport = Viewport(0.0, 365.0, 800.0)
        self._scroll_y = 0.0
        self._scene: Scene | None = None
        self._style = TimelineStyle.from_widget(self)
        self._hover_id: str | None = None
        self._input: InputHandler = Idle(self)
        self._fit_pending = False
        #: The list of a badge's events, while one is open.
        self.cluster_list: ClusterList | None = None
        #: What the empty timeline says (the window says what to do).
        self.empty_text = "No timeline loaded"

        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.hbar.setObjectName("timelineScrollBar")
        self.hbar.setAccessibleName("Scroll time")
        self.hbar.valueChanged.connect(self._on_hbar)
        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.vbar.setObjectName("laneScrollBar")
        self.vbar.setAccessibleName("Scroll lanes")
        self.vbar.valueChanged.connect(self._on_vbar)
        self._hbar_origin, self._hbar_unit = 0.0, 1.0
        actions = timeline_actions(self)
        self.zoom_in_action, self.zoom_out_action = actions.zoom_in, actions.zoom_out
        self.fit_action = actions.fit
        self.group_action_group, self.group_actions = actions.group_group, actions.group_by

        document.dataset_loaded.connect(self._on_dataset_loaded)
        document.filter_changed.connect(self._on_filter_changed)
        document.selection_changed.connect(self._on_selection_changed)
        document.as_of_changed.connect(lambda _day: self._invalidate())
        if document.dataset is not None:
            self._on_dataset_loaded(document.dataset)

    # -- actions ------------------------------------------------------------------------

    def view_actions(self) -> list[QAction]:
        """The zoom actions, for the main window's View menu."""
        return [self.zoom_in_action, self.zoom_out_action, self.fit_action]

    # -- public API ---------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self._document

    @property
    def index(self) -> TimelineIndex | None:
        return self._index

    @property
    def lane_index(self) -> LaneIndex | None:
        return self._lanes

    @property
    def viewport(self) -> Viewport:
        return self._viewport

    @property
    def timeline_style(self) -> TimelineStyle:
        return self._style

    @property
    def group_by(self) -> GroupBy:
        return self._group_by

    @property
    def scroll_y(self) -> float:
        return self._scroll_y

    def set_viewport(self, viewport: Viewport) -> None:
        viewport = viewport.with_width(self.canvas_rect().width()).clamped()
        if viewport == self._viewport:
            return
        self._viewport = viewport
        self._invalidate()
        self._update_hbar()
        self.viewport_changed.emit(viewport)

    def zoom_by(self, factor: float, x: float | None = None) -> None:
        """Zoom in (`factor` > 1) or out keeping the day under `x` (default: the centre) fixed."""
        x = self._viewport.width_px / 2 if x is None else x
        self.set_viewport(self._viewport.zoomed_at(x, factor))

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_to_range(self, first_day: float, last_day: float) -> None:
        """Show days `first_day` to `last_day` with a small margin."""
        low, high = sorted((first_day, last_day))
        self.set_viewport(Viewport.fitting(low, high, self._viewport.width_px))

    def zoom_to_events(self, positions) -> None:
        """Show the dated events at `positions` (into `dataset.events`)."""
        if self._index is None:
            return
        bounds = [(self._index.first[p], self._index.after[p]) for p in positions
                  if self._index.dated[p]]
        if bounds:
            self._fit(min(b[0] for b in bounds), max(b[1] for b in bounds))

    def fit_all(self) -> None:
        """Show every dated event the filter keeps (or, spread over more than a view can
        show, where most of them are: `pages.fitted_view`)."""
        days = fitted_view(self._index, self._viewport.width_px) if self._index is not None else None
        if days is not None:
            self.set_viewport(Viewport(*days, self._viewport.width_px))

    def _fit(self, first: float, after: float) -> None:
        """Show days `first` to `after`, leaving room on the right for the last labels."""
        self.set_viewport(Viewport(*fitted_range(first, after, self._viewport.width_px), self._viewport.width_px))

    def set_group_by(self, mode: GroupBy | str) -> None:
        mode = GroupBy(mode)
        self.group_actions[mode].setChecked(True)
        if mode is self._group_by:
            return
        self._group_by = mode
        if self._index is not None:
            self._lanes = self._index.lanes(mode)
        self._scroll_y = 0.0
        self._invalidate()
        self._update_vbar()
        self.group_by_changed.emit(mode.value)

    def set_scroll_y(self, value: float) -> None:
        """Scroll the lanes vertically (pixels from the top of the first lane)."""
        layout = self.frame_layout()
        value = 0.0 if layout is None else min(max(value, 0.0), layout.max_scroll)
        if value != self._scroll_y:
            self._scroll_y = value
            self._invalidate()
            with QSignalBlocker(self.vbar):
                self.vbar.setValue(int(value))

    def canvas_rect(self) -> QRectF:
        """Where the scene is drawn: the widget without its scroll bars."""
        width = self.width() - (self.vbar.sizeHint().width() if self.vbar.isVisible() else 0)
        height = self.height() - self.hbar.sizeHint().height()
        return QRectF(0, 0, max(width, 1), max(height, 1))

    def scene_for(self, size: QSize | tuple[float, float], viewport: Viewport | None = None,
                  scroll_y: float = 0.0, style: TimelineStyle | None = None) -> Scene | None:
        """The scene of any range at any size (for export), with the current lanes, filter and
        selection; None before a data set is loaded."""
        if self._lanes is None:
            return None
        width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
        style = style or self._style
        viewport = (viewport or self._viewport).with_width(width)
        scene = build_scene(self._lanes, viewport, width, height, style.measure, style.metrics(),
                            today=self._today, scroll_y=scroll_y, as_of=self._document.as_of)
        return self._with_state(scene)

    def current_scene(self) -> Scene | None:
        """The scene on screen, built if needed."""
        if self._scene is None and self._lanes is not None:
            rect = self.canvas_rect()
            selected = self._document.selection.event_id
            self._scene = build_scene(
                self._lanes, self._viewport, rect.width(), rect.height(), self._style.measure,
                self._style.metrics(), today=self._today, scroll_y=self._scroll_y,
                as_of=self._document.as_of, keep_position=self._document.position_of(selected))
        return None if self._scene is None else self._with_state(self._scene)

    def _with_state(self, scene: Scene) -> Scene:
        selection = self._document.selection
        return scene.with_state(selection.event_id, self._hover_id,
                                self._document.highlighted_positions())

    # -- document -----------------------------------------------------------------------

    def _on_dataset_loaded(self, dataset) -> None:
        previous = self._index.dataset if self._index is not None else None
        # The same file reloaded (saved in an editor) keeps the view; another file is fitted.
        reloaded = previous is not None and dataset.path is not None and \
            previous.path == dataset.path
        self._index = index_for(dataset, self._today)
        self._index.set_visible(self._document.visible_positions)
        self._lanes = self._index.lanes(self._group_by)
        self._hover_id = None
        if not reloaded:
            self._scroll_y = 0.0
        self._invalidate()
        self._update_vbar()
        self._update_hbar()
        if not reloaded:
            # Before the first show the width is not known yet: fit when it is.
            self._fit_pending = not self.isVisible()
            self.fit_all()

    def _on_filter_changed(self, _filter) -> None:
        if self._index is None or self._lanes is None:
            return
        self._index.set_visible(self._document.visible_positions)
        self._lanes.refresh()
        self._invalidate()
        self._update_vbar()
        self._update_hbar()

    def _on_selection_changed(self, selection) -> None:
        self._reveal(selection.event_id)
        scene = self._scene
        if scene is not None and selection.event_id is not None and not any(
                item.event_id == selection.event_id for item in scene.items):
            self._invalidate()  # lay out again: a selected event gets its row
        self.update()

    def _reveal(self, event_id: str | None) -> None:
        """Bring a selected event into view, keeping the zoom: pan to it when it is off
        screen, and scroll the lanes to its first lane when that lane is out of sight."""
        index, lane_index = self._index, self._lanes
        position = None if index is None else self._document.position_of(event_id)
        if index is None or lane_index is None or position is None or not index.dated[position]:
            return
        first, after = float(index.first[position]), float(index.after[position])
        vp = self._viewport
        if after <= vp.start or first >= vp.end:
            self.set_viewport(vp.centered_on(first + min(after - first, vp.span) / 2))
        layout = self.frame_layout()
        lanes = lane_index.lanes_of(position)
        if layout is None or not lanes or layout.max_scroll <= 0:
            return
        shown = lane_index.shown.tolist()
        rows = [shown.index(lane) for lane in lanes if lane in shown]
        top, bottom = self._scroll_y, self._scroll_y + layout.lanes_rect.h
        if rows and not any(top <= r * layout.lane_height < bottom - layout.lane_height / 2
                            for r in rows):
            self.set_scroll_y(rows[0] * layout.lane_height)

    # -- painting -----------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._scene = None
        # Only the canvas: the scroll bars repaint themselves when their values change.
        self.update(self.canvas_rect().toAlignedRect())

    def frame_layout(self) -> FrameLayout | None:
        """How the canvas is split (eras, axis, lanes, tray) for the current data and size."""
        if self._lanes is None or self._index is None:
            return None
        rect = self.canvas_rect()
        eras = self._index.dataset.eras
        rows = max(era_rows(eras, self._today), default=-1) + 1
        return frame_layout(rect.width(), rect.height(), len(self._lanes.lanes), rows,
                            len(self._index.visible_undated) > 0,
                            self._group_by is not GroupBy.NONE, self._style.metrics())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            rect = self.canvas_rect()
            scene = self.current_scene()
            if scene is None:
                painter.fillRect(self.rect(), self._style.background)
                painter.setPen(self._style.muted)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.empty_text)
                return
            paint_timeline(painter, rect, scene, self._style)
            corner = QRectF(rect.right(), rect.bottom(), self.width() - rect.right(),
                            self.height() - rect.bottom())
            painter.fillRect(corner, self.palette().color(self.backgroundRole()))
            dragged = self._input.band()
            if dragged is not None:
                left, right = dragged
                band = QRectF(left, scene.axis_rect.y, right - left,
                              scene.lanes_rect.bottom - scene.axis_rect.y)
                painter.fillRect(band, with_alpha(self._style.selection, 50))
                painter.setPen(QPen(self._style.selection, 1.0))
                painter.drawRect(band)
        finally:
            painter.end()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_scrollbars()
        self._viewport = self._viewport.with_width(self.canvas_rect().width())
        self._invalidate()
        self._update_vbar()
        self._update_hbar()
        if self._fit_pending and self.isVisible():
            self._fit_pending = False
            self.fit_all()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            self.fit_all()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self._style = TimelineStyle.from_widget(self)
            self._invalidate()
        super().changeEvent(event)

    # -- scroll bars --------------------------------------------------------------------

    def _layout_scrollbars(self) -> None:
        h = self.hbar.sizeHint().height()
        w = self.vbar.sizeHint().width() if self.vbar.isVisible() else 0
        self.hbar.setGeometry(0, self.height() - h, self.width() - w, h)
        self.vbar.setGeometry(self.width() - self.vbar.sizeHint().width(), 0,
                              self.vbar.sizeHint().width(), self.height() - h)

    def _update_vbar(self) -> None:
        layout = self.frame_layout()
        needed = layout is not None and layout.max_scroll > 0
        if needed != self.vbar.isVisibleTo(self):
            self.vbar.setVisible(needed)
            self._layout_scrollbars()
            self._viewport = self._viewport.with_width(self.canvas_rect().width())
            self._invalidate()
            layout = self.frame_layout()
        with QSignalBlocker(self.vbar):
            if layout is not None:
                self.vbar.setRange(0, int(layout.max_scroll))
                self.vbar.setPageStep(int(layout.lanes_rect.h))
                self.vbar.setSingleStep(int(layout.lane_height / 2) or 1)
                self._scroll_y = min(self._scroll_y, layout.max_scroll)
                self.vbar.setValue(int(self._scroll_y))

    def _update_hbar(self) -> None:
        vp = self._viewport
        extent = self._index.extent() if self._index is not None else None
        low, high = extent if extent is not None else (vp.start, vp.end)
        margin = (high - low) * 0.05
        low, high = min(low - margin, vp.start), max(high + margin, vp.end)
        # Scroll bars count in ints: keep the range under a billion steps at any zoom.
        unit = max(vp.days_per_px, (high - low) / 1e9)
        self._hbar_origin, self._hbar_unit = low, unit
        with QSignalBlocker(self.hbar):
            self.hbar.setRange(0, max(0, int((high - low - vp.span) / unit)))
            self.hbar.setPageStep(max(1, int(vp.span / unit)))
            self.hbar.setSingleStep(max(1, int(vp.span / unit / 20)))
            self.hbar.setValue(int(round((vp.start - low) / unit)))

    def _on_hbar(self, value: int) -> None:
        start = self._hbar_origin + value * self._hbar_unit
        span = self._viewport.span
        self.set_viewport(Viewport(start, start + span, self._viewport.width_px))

    def _on_vbar(self, value: int) -> None:
        self.set_scroll_y(float(value))

    # -- selection ----------------------------------------------------------------------

    def _selected_position(self) -> int | None:
        if self._index is None:
            return None
        return self._document.position_of(self._document.selection.event_id)

    def step_selection(self, direction: int) -> bool:
        """Select the next (1) or previous (-1) event in time; False when there is none."""
        if self._index is None:
            return False
        position = self._index.step(self._selected_position(), direction)
        if position is None:
            return False
        self._document.select_event(self._index.dataset.events[position].id)
        return True

    def selection_on_axis(self) -> bool:
        """Whether the selected event is drawn on the axis (dated and kept by the filter)."""
        position = self._selected_position()
        return position is not None and self._index is not None \
            and bool(self._index.dated[position]) and bool(self._index.mask[position])

    # -- input ----------------------------------------------------------------------------

    @property
    def input_handler(self) -> InputHandler:
        """What the mouse does now (`input.Idle`, `PanDrag` or `ZoomBand`)."""
        return self._input

    def set_input(self, handler: InputHandler) -> None:
        """Hand the mouse to another mode."""
        self._input = handler
        self.update()

    def hover_at(self, x: float, y: float) -> None:
        """Mark the event under the pointer, and show whether a click there does something."""
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

    def click_at(self, x: float, y: float) -> None:
        """A click: select an event, zoom into a count, mark a lane's actor, or pick a day."""
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
            self.open_cluster(badge)
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

    def open_cluster(self, badge: Badge) -> ClusterList | None:
        """List the events behind a count badge in a small window of its own."""
        if self._lanes is None:
            return None
        scene = self.current_scene()
        if scene is None:
            return None
        positions = badge_positions(self._lanes, scene, badge)
        noun = "event" if len(positions) == 1 else "events"
        title = f"{len(positions):,} {noun}, {day_words(badge.first)} to {day_words(badge.last)}"
        if self.cluster_list is not None:
            self.cluster_list.close()
        found = self.cluster_list = ClusterList(self._lanes.index.dataset, positions, title,
                                                (badge.first, badge.last), self)
        found.event_chosen.connect(self._document.select_event)
        found.zoom_requested.connect(self.zoom_to_range)
        found.show()
        return found

    def context_menu(self, global_pos: QPoint) -> None:
        """The zoom and lane actions, at `global_pos`."""
        menu = QMenu(self)
        add_citation(menu, self._document, self.current_scene(), self.mapFromGlobal(global_pos))
        for action in self.view_actions():
            menu.addAction(action)
        menu.addSeparator()
        for action in self.group_actions.values():
            menu.addAction(action)
        menu.exec(global_pos)

    def leave_focus(self, forward: bool) -> None:
        """Move the keyboard focus to the next (or previous) widget, as Tab elsewhere does."""
        QWidget.focusNextPrevChild(self, forward)

    def mousePressEvent(self, event) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._input.pressed(event)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        self._input.moved(event)

    def mouseReleaseEvent(self, event) -> None:
        self._input.released(event)
        event.accept()

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
        wheel_turned(self, event)
        event.accept()

    def keyPressEvent(self, event) -> None:
        if key_pressed(self, event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next_child: bool) -> bool:
        # Tab and Shift+Tab walk the events in time; past the last one, focus moves on.
        if self.hasFocus() and self.step_selection(1 if next_child else -1):
            return True
        return super().focusNextPrevChild(next_child)

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

    def tooltip_at(self, x: float, y: float) -> str:
        """Rich text describing what is under (x, y); "" over empty space."""
        return tooltip_at(self, x, y)
