"""The membership map: the states of one campaign or protocol coloured by their stage on the
"as of" day, linked both ways with the rest of the window (click a state to select it; a state
selected anywhere is outlined), with a control that plays the target's history and an export
to PNG or SVG. Members that are not states, or that cannot be placed, are listed beside it.

`paint_map` draws on any QPainter: the widget and the exported files are the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from explorer.model.calendar import day_words
from explorer.model.dataset import Dataset
from explorer.model.memberships import Certainty, MemberStanding, Stage, stage_words
from explorer.model.places import SHAPES_CREDIT, country_shapes, iso_code
from explorer.qt.export.files import ExportError, format_of, write_atomically
from explorer.qt.export.svg import SvgDocument
from explorer.qt.panes.stages import STAGE_TITLES, stage_colour
from explorer.qt.timeline.style import TimelineStyle, mix

#: The latitudes the map shows (Antarctica is left out).
NORTH, SOUTH = 84.0, -58.0
#: Steps of a played history, and the time between two of them.
PLAY_STEPS = 60
PLAY_INTERVAL_MS = 120


@lru_cache(maxsize=1)
def _paths() -> dict[str, QPainterPath]:
    """Every state's outline as a path in degrees (x: longitude, y: minus latitude)."""
    paths = {}
    for code, shape in country_shapes().items():
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in shape.rings:
            path.moveTo(ring[0][0], -ring[0][1])
            for x, y in ring[1:]:
                path.lineTo(x, -y)
            path.closeSubpath()
        paths[code] = path
    return paths


@dataclass(frozen=True, slots=True, eq=False)
class MapContent:
    """What one map shows: the standing of each placed state, by ISO code, and the state
    outlined because it is selected."""

    title: str
    as_of: float | None
    standings: Mapping[str, MemberStanding]
    selected: str | None


@dataclass(frozen=True, slots=True, eq=False)
class Placement:
    """Which member is which state: ISO code -> member id, and the members not on the map."""

    codes: Mapping[str, str]
    members: Mapping[str, str]  # member id -> ISO code
    unplaced: tuple[str, ...]


def placement(dataset: Dataset, members: list[str]) -> Placement:
    """Where the members go on the map: a country found by `places.iso_code` and drawn by the
    map's shapes; any other member (an organization, a country the shapes lack) is unplaced."""
    shapes = country_shapes()
    codes, by_member, unplaced = {}, {}, []
    for member in members:
        country = dataset.countries.get(member)
        code = iso_code(country) if country is not None else None
        if code is None or code not in shapes or code in codes:
            unplaced.append(member)
            continue
        codes[code] = member
        by_member[member] = code
    return Placement(codes, by_member, tuple(unplaced))


def map_transform(rect: QRectF) -> QTransform:
    """Degrees to pixels: the world from 180 W to 180 E and from `NORTH` to `SOUTH`, as large
    as fits `rect` and centred in it (equirectangular)."""
    scale = min(rect.width() / 360.0, rect.height() / (NORTH - SOUTH))
    width, height = 360.0 * scale, (NORTH - SOUTH) * scale
    left = rect.left() + (rect.width() - width) / 2
    top = rect.top() + (rect.height() - height) / 2
    return QTransform(scale, 0, 0, scale, left + 180.0 * scale, top + NORTH * scale)


def paint_map(painter: QPainter, rect: QRectF, content: MapContent, style: TimelineStyle,
              legend: bool = True) -> QTransform:
    """Draw the map into `rect`; the transform from degrees to the painter's pixels."""
    metrics = style.font_metrics
    line = metrics.height()
    painter.save()
    try:
        painter.fillRect(rect, style.background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(style.font)
        title_height = line * 1.4
        legend_height = line * 1.5 if legend else 0.0
        area = QRectF(rect.left(), rect.top() + title_height, rect.width(),
                      max(rect.height() - title_height - legend_height, 10.0))
        transform = map_transform(area)
        land = mix(style.text, style.background, 0.86)
        border = QPen(mix(style.text, style.background, 0.55), 0.6)
        border.setCosmetic(True)
        painter.setTransform(transform, combine=True)
        paths = _paths()
        for code, path in paths.items():
            standing = content.standings.get(code)
            colour = land if standing is None else stage_colour(style, standing.stage)
            if standing is not None and standing.certainty is not Certainty.SURE:
                painter.fillPath(path, mix(colour, style.background, 0.55))
                painter.fillPath(path, QBrush(colour, Qt.BrushStyle.BDiagPattern))
            else:
                painter.fillPath(path, colour)
            painter.strokePath(path, border)
        if content.selected in paths:
            outline = QPen(style.text, 2.5)
            outline.setCosmetic(True)
            painter.strokePath(paths[content.selected], outline)
        painter.resetTransform()
        painter.setPen(style.text)
        painter.setFont(style.bold_font)
        when = f" as of {day_words(content.as_of)}" if content.as_of is not None else ""
        painter.drawText(QPointF(rect.left() + line / 2, rect.top() + style.bold_metrics.ascent() + 2),
                         style.bold_metrics.elidedText(content.title + when, Qt.TextElideMode.ElideRight,
                                                       rect.width() - line))
        painter.setFont(style.font)
        if legend:
            _paint_legend(painter, rect, content, style, metrics, land)
    finally:
        painter.restore()
    return transform


def _paint_legend(painter: QPainter, rect: QRectF, content: MapContent, style: TimelineStyle,
                  metrics: QFontMetricsF, land: QColor) -> None:
    line = metrics.height()
    y = rect.bottom() - line * 1.2
    x = rect.left() + line / 2
    shown = {s.stage for s in content.standings.values()}
    entries = [(stage_colour(style, stage), STAGE_TITLES[stage], False)
               for stage in (Stage.PARTY, Stage.SIGNATORY, Stage.MEMBER, Stage.LEFT) if stage in shown]
    if any(s.certainty is not Certainty.SURE for s in content.standings.values()):
        entries.append((style.muted, "possibly (imprecise dates)", True))
    entries.append((land, "no action by then", False))
    for colour, label, hatched in entries:
        swatch = QRectF(x, y, line, line * 0.8)
        painter.fillRect(swatch, QBrush(colour, Qt.BrushStyle.BDiagPattern) if hatched else colour)
        painter.setPen(QPen(style.muted, 0.8))
        painter.drawRect(swatch)
        painter.drawText(QPointF(x + line * 1.3, y + metrics.ascent() * 0.8), label)
        x += line * 1.3 + metrics.horizontalAdvance(label) + line
    credit_width = style.small_metrics.horizontalAdvance(SHAPES_CREDIT)
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    painter.drawText(QPointF(max(rect.right() - credit_width - line / 2, x),
                             rect.bottom() - line * 0.25), SHAPES_CREDIT)
    painter.setFont(style.font)


def code_at(transform: QTransform, x: float, y: float) -> str | None:
    """The state drawn under (x, y), or None over the sea."""
    inverted, invertible = transform.inverted()
    if not invertible:
        return None
    point = inverted.map(QPointF(x, y))
    for code, path in _paths().items():
        if path.boundingRect().contains(point) and path.contains(point):
            return code
    return None


def map_bytes(content: MapContent, size: QSize, style: TimelineStyle, kind: str) -> bytes:
    """The map as the bytes of a PNG or SVG file."""
    rect = QRectF(0, 0, size.width(), size.height())
    if kind == "svg":
        svg = SvgDocument(size, rect, content.title)
        painter = QPainter(svg.generator)
        try:
            paint_map(painter, rect, content, style)
        finally:
            painter.end()
        return svg.data()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image = QImage(size.width() * 2, size.height() * 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(style.background)
    painter = QPainter(image)
    try:
        paint_map(painter, rect, content, style)
    finally:
        painter.end()
    if not image.save(buffer, "PNG"):
        raise ExportError("The map could not be encoded as PNG")
    buffer.close()
    return bytes(buffer.data().data())


class MapView(QWidget):
    """The painted map; a click on a state says which."""

    #: A state was clicked (its ISO code).
    state_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membershipMap")
        self.setAccessibleName("Map of the members by stage")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._content = MapContent("", None, {}, None)
        self._names: Mapping[str, str] = {}
        self._transform = QTransform()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(int(line * 34), int(line * 18))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(int(line * 12), int(line * 5))

    @property
    def content(self) -> MapContent:
        return self._content

    def set_content(self, content: MapContent, names: Mapping[str, str]) -> None:
        """Show `content`; `names` names the members by code, for tooltips."""
        self._content, self._names = content, names
        parties = sum(1 for s in content.standings.values() if s.stage is Stage.PARTY and s.is_sure)
        self.setAccessibleDescription(f"{content.title}: {len(content.standings):,} states on the map, "
                                      f"{parties:,} surely parties")
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            self._transform = paint_map(painter, QRectF(self.rect()), self._content,
                                        TimelineStyle.from_widget(self))
        finally:
            painter.end()

    def point_of(self, code: str) -> QPointF:
        """Where a state's shape was drawn (a point inside it), in widget coordinates."""
        path = _paths()[code]
        inside = path.pointAtPercent(0.0)
        centre = path.boundingRect().center()
        target = centre if path.contains(centre) else inside
        return self._transform.map(target)

    def code_at(self, x: float, y: float) -> str | None:
        return code_at(self._transform, x, y)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            code = self.code_at(event.position().x(), event.position().y())
            if code is not None:
                self.state_clicked.emit(code)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        code = self.code_at(event.position().x(), event.position().y())
        if code is None:
            QToolTip.hideText()
            self.unsetCursor()
            return
        standing = self._content.standings.get(code)
        name = self._names.get(code) or country_shapes()[code].name
        text = f"{name}: {stage_words(standing)}" if standing is not None else f"{name}: no action by then"
        QToolTip.showText(event.globalPosition().toPoint(), text, self)
        if code in self._names:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()


class MapPanel(QWidget):
    """The map with its controls (play, export) and the list of members not on it."""

    #: The play control asks for this "as of" day (float).
    day_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membershipMapPanel")
        self.view = MapView()
        self.play_button = QToolButton()
        self.play_button.setObjectName("playHistory")
        self.play_button.setText("Play")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip("Sweep the “as of” day through the whole history")
        self.play_button.toggled.connect(self._on_play)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportMap")
        self.export_button.setText("Export Map…")
        self.export_button.clicked.connect(self._choose_and_export)
        self.unplaced = QListWidget()
        self.unplaced.setObjectName("unplacedMembers")
        self.unplaced.setAccessibleName("Members not on the map")
        self.unplaced_label = QLabel("Not on the map:")
        self.unplaced_label.setBuddy(self.unplaced)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._step)
        self._span: tuple[float, float] | None = None
        self._played = 0

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.unplaced_label)
        side.addWidget(self.unplaced, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.view, 4)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(int(QFontMetricsF(self.font()).height() * 14))
        body.addWidget(side_widget, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addLayout(body, 1)

    def set_play_interval(self, msec: int) -> None:
        """The time between two steps of a played history."""
        self._timer.setInterval(msec)

    def set_history(self, first: float | None, last: float | None) -> None:
        """The days a play sweeps (the target's whole history)."""
        self._span = None if first is None or last is None else (first, last)
        self.play_button.setEnabled(self._span is not None)
        if self._span is None:
            self.play_button.setChecked(False)

    def set_unplaced(self, labels: list[str]) -> None:
        self.unplaced.clear()
        for label in labels:
            self.unplaced.addItem(QListWidgetItem(label))
        self.unplaced_label.setText(f"Not on the map ({len(labels):,}):" if labels else "Every member is on the map")

    def _on_play(self, playing: bool) -> None:
        self.play_button.setText("Stop" if playing else "Play")
        if playing and self._span is not None:
            self._played = 0
            self._timer.start()
            self._step()
        else:
            self._timer.stop()

    def _step(self) -> None:
        if self._span is None:
            self.play_button.setChecked(False)
            return
        first, last = self._span
        self.day_requested.emit(first + (last - first) * self._played / PLAY_STEPS)
        self._played += 1
        if self._played > PLAY_STEPS:
            self.play_button.setChecked(False)

    def export_map(self, path: str, size: QSize | None = None) -> None:
        """Write the map as PNG or SVG (by the extension), atomically; raises ExportError."""
        kind = format_of(path)
        if kind not in ("png", "svg"):
            raise ExportError("A map is written as .png or .svg", usage=True)
        size = size or QSize(max(self.view.width(), 900), max(self.view.height(), 480))
        write_atomically(path, map_bytes(self.view.content, size, TimelineStyle.from_widget(self), kind))

    def _choose_and_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export Map", f"{self.view.content.title or 'map'}.png",
                                              "PNG image (*.png);;SVG drawing (*.svg)")
        if not path:
            return
        try:
            self.export_map(path)
        except ExportError as error:
            QMessageBox.warning(self, "Export Map", error.message)

