"""The member chart: how many members one campaign or protocol had at each stage over its whole
history (parties, signatories not yet parties, members), sure counts as lines and what
imprecise dates leave possible as a hatched band, with the "as of" day marked.

`paint_chart` draws it on any QPainter, so the widget, a copied image and an exported PNG or
SVG are the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFontMetricsF, QGuiApplication, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFileDialog, QMenu, QSizePolicy, QToolTip, QWidget

from explorer.model.calendar import civil_from_days, day_words, days_from_civil
from explorer.model.memberships import HELD_STAGES, Stage, StageCurves, TargetMembers, count_at
from explorer.qt.export.files import ExportError, format_of, write_atomically
from explorer.qt.export.svg import SvgDocument
from explorer.qt.panes.stages import STAGE_TITLES, stage_colour, stage_count
from explorer.qt.timeline.style import TimelineStyle, with_alpha
from explorer.timescale.ticks import axis_ticks
from explorer.timescale.viewport import Viewport

#: Padding around the plot, in multiples of the font height.
PAD = 0.6
#: Most count lines the chart draws.
MAX_COUNT_LINES = 5


@dataclass(frozen=True, slots=True, eq=False)
class ChartContent:
    """What one chart shows: its title, the counts over time, the "as of" day, and the days it
    spans (the target's whole history, whatever the "as of" day)."""

    title: str
    curves: StageCurves | None
    as_of: float | None
    first: float
    after: float
    empty: str = ""  # what to say when there is nothing to chart


def chart_range(curves: StageCurves | None) -> tuple[float, float]:
    """From the start of the year of the first action to the end of the year after the last
    (at least three years)."""
    if curves is None or curves.first is None or curves.last is None:
        return 0.0, 365.0
    first_year = civil_from_days(int(curves.first))[0]
    last_year = max(civil_from_days(int(curves.last))[0] + 1, first_year + 2)
    return float(days_from_civil(first_year)), float(days_from_civil(last_year + 1))


def chart_content(title: str, curves: StageCurves | None, as_of: float | None,
                  empty: str = "") -> ChartContent:
    first, after = chart_range(curves)
    return ChartContent(title, curves, as_of, first, after, empty)


def nice_step(peak: int, lines: int = MAX_COUNT_LINES) -> int:
    """The step between count lines: 1, 2 or 5 times a power of ten, so that at most `lines`
    lines reach `peak`."""
    if peak <= lines:
        return 1
    power = 10 ** int(math.floor(math.log10(peak / lines)))
    for factor in (1, 2, 5, 10):
        if peak / (factor * power) <= lines:
            return factor * power
    return 10 * power


def step_points(steps, start: float, end: float) -> list[tuple[float, int]]:
    """(day, count) corners of a step curve from `start` to `end`, starting at its count then."""
    count = count_at(steps, start)
    points = [(start, count)]
    for day, new in steps:
        if day <= start:
            continue
        if day >= end:
            break
        points += [(float(day), count), (float(day), new)]
        count = new
    points.append((end, count))
    return points


@dataclass(frozen=True, slots=True)
class ChartGeometry:
    """Where the last paint put the plot, for pointing at it."""

    plot: QRectF
    viewport: Viewport
    top: int  # the count at the top of the plot

    def x(self, day: float) -> float:
        return self.plot.left() + self.viewport.x_of(day)

    def y(self, count: float) -> float:
        return self.plot.bottom() - self.plot.height() * count / self.top

    def day_at(self, x: float) -> float | None:
        if not (self.plot.left() <= x <= self.plot.right()):
            return None
        return self.viewport.day_at(x - self.plot.left())


def paint_chart(painter: QPainter, rect: QRectF, content: ChartContent, style: TimelineStyle) -> ChartGeometry | None:
    """Draw the chart into `rect`; where the plot went, or None when there is nothing to chart."""
    painter.save()
    try:
        painter.translate(rect.topLeft())
        width, height = rect.width(), rect.height()
        painter.fillRect(QRectF(0, 0, width, height), style.background)
        painter.setFont(style.font)
        metrics = style.font_metrics
        line = metrics.height()
        curves = content.curves
        if curves is None or not curves.stages():
            painter.setPen(style.muted)
            message = content.empty or ("No campaign or protocol has members yet" if curves is None
                                        else "No member has a dated action")
            painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, message)
            return None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        step = nice_step(max(curves.peak(), 1))
        top = max(step, math.ceil(max(curves.peak(), 1) / step) * step)
        left = metrics.horizontalAdvance(f"{top:,}") + line
        plot = QRectF(left, line * (2 + PAD), max(width - left - line, 10.0),
                      max(height - line * (4 + PAD * 3), 10.0))
        geometry = ChartGeometry(plot, Viewport(content.first, content.after, plot.width()), top)
        _paint_counts(painter, geometry, step, style, metrics)
        _paint_axis(painter, geometry, style, metrics)
        for stage in reversed(curves.stages()):
            _paint_stage(painter, geometry, curves, stage, style)
        if content.as_of is not None and content.first <= content.as_of <= content.after:
            x = geometry.x(content.as_of)
            painter.setPen(QPen(style.text, 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            label = f"as of {day_words(content.as_of)}"
            label_width = metrics.horizontalAdvance(label)
            lx = x + 4 if x + 4 + label_width <= plot.right() else x - 4 - label_width
            painter.drawText(QPointF(lx, plot.top() + metrics.ascent()), label)
        _paint_legend(painter, content, curves, width, style, metrics)
        return geometry
    finally:
        painter.restore()


def _paint_counts(painter: QPainter, geometry: ChartGeometry, step: int, style: TimelineStyle,
                  metrics: QFontMetricsF) -> None:
    plot, line = geometry.plot, metrics.height()
    for count in range(0, geometry.top + 1, step):
        y = geometry.y(count)
        painter.setPen(QPen(style.grid, 1.0))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(style.muted)
        painter.drawText(QRectF(0, y - line / 2, plot.left() - line / 3, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{count:,}")


def _paint_axis(painter: QPainter, geometry: ChartGeometry, style: TimelineStyle,
                metrics: QFontMetricsF) -> None:
    """Years (and finer steps when they fit) under the plot, labels never overlapping: the
    ladder chooses the level whose labels fit, and a label that would run past the plot or
    into the next one is left out."""
    plot, line = geometry.plot, metrics.height()
    painter.setPen(QPen(style.grid_major, 1.0))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    ticks = axis_ticks(geometry.viewport, metrics.horizontalAdvance)
    painter.setPen(style.muted)
    for row, tier in enumerate((ticks.minor, ticks.major)):
        y = plot.bottom() + line * (PAD / 2 + row)
        taken = plot.left() - 1
        for tick in tier:
            x = geometry.x(tick.day)
            if row == 0 and plot.left() <= x <= plot.right():
                painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            label_x = max(x + 3, plot.left()) if row else x + 3
            label_width = metrics.horizontalAdvance(tick.label)
            if label_x < taken or label_x < plot.left() or label_x + label_width > plot.right() + line:
                continue
            painter.drawText(QPointF(label_x, y + metrics.ascent()), tick.label)
            taken = label_x + label_width + line / 2


def _paint_stage(painter: QPainter, geometry: ChartGeometry, curves: StageCurves, stage: Stage,
                 style: TimelineStyle) -> None:
    colour = stage_colour(style, stage)
    start, end = geometry.viewport.start, geometry.viewport.end
    sure = [QPointF(geometry.x(d), geometry.y(c)) for d, c in step_points(curves.sure[stage], start, end)]
    possible = [QPointF(geometry.x(d), geometry.y(c)) for d, c in step_points(curves.possible[stage], start, end)]
    if curves.sure[stage] != curves.possible[stage]:
        band = QPainterPath(possible[0])
        for point in [*possible[1:], *reversed(sure)]:
            band.lineTo(point)
        band.closeSubpath()
        painter.fillPath(band, QBrush(with_alpha(colour, 150), Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(with_alpha(colour, 170), 1.2, Qt.PenStyle.DashLine))
        painter.drawPolyline(possible)
    painter.setPen(QPen(colour, 2.5))
    painter.drawPolyline(sure)


def _paint_legend(painter: QPainter, content: ChartContent, curves: StageCurves, width: float,
                  style: TimelineStyle, metrics: QFontMetricsF) -> None:
    line = metrics.height()
    title = content.title
    if curves.undated:
        title += f" (+{curves.undated:,} with no dated action)"
    painter.setPen(style.text)
    painter.setFont(style.bold_font)
    painter.drawText(QPointF(line / 2, line * 0.2 + style.bold_metrics.ascent()),
                     style.bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, width - line))
    painter.setFont(style.font)
    y = line * 1.2 + line / 2
    x = line / 2
    entries = [(stage, STAGE_TITLES[stage]) for stage in curves.stages()]
    hatched = any(curves.sure[s] != curves.possible[s] for s in HELD_STAGES)
    for stage, label in entries:
        painter.setPen(QPen(stage_colour(style, stage), 2.5))
        painter.drawLine(QPointF(x, y), QPointF(x + line, y))
        painter.setPen(style.muted)
        painter.drawText(QPointF(x + line * 1.3, y + metrics.ascent() / 2 - 1), label)
        x += line * 1.3 + metrics.horizontalAdvance(label) + line
    if hatched:
        painter.fillRect(QRectF(x, y - line / 3, line, line * 2 / 3),
                         QBrush(with_alpha(style.text, 120), Qt.BrushStyle.BDiagPattern))
        painter.setPen(style.muted)
        painter.drawText(QPointF(x + line * 1.3, y + metrics.ascent() / 2 - 1), "possibly (imprecise dates)")


def chart_image(content: ChartContent, size: QSize, style: TimelineStyle, scale: float = 1.0) -> QImage:
    """The chart as an image of `size` logical pixels (times `scale` device pixels)."""
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(style.background)
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, size.width(), size.height()), content, style)
    finally:
        painter.end()
    return image


def chart_bytes(content: ChartContent, size: QSize, style: TimelineStyle, kind: str) -> bytes:
    """The chart as the bytes of a PNG or SVG file."""
    if kind == "svg":
        svg = SvgDocument(size, QRectF(0, 0, size.width(), size.height()), content.title)
        painter = QPainter(svg.generator)
        try:
            paint_chart(painter, QRectF(0, 0, size.width(), size.height()), content, style)
        finally:
            painter.end()
        return svg.data()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not chart_image(content, size, style, 2.0).save(buffer, "PNG"):
        raise ExportError("The chart could not be encoded as PNG")
    buffer.close()
    return bytes(buffer.data().data())


class MemberChart(QWidget):
    """The chart in the memberships pane: hover for the counts and who changed stage at a step,
    click to set the "as of" day, right-click to copy or export it."""

    #: The chart was clicked at this day number (float).
    day_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberChart")
        self.setAccessibleName("Members by stage over time")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._content = chart_content("", None, None)
        self._members: TargetMembers | None = None
        self._labels: dict[str, str] = {}
        self._geometry: ChartGeometry | None = None

    def sizeHint(self) -> QSize:
        height = QFontMetricsF(self.font()).height()
        return QSize(int(height * 26), int(height * 12))

    def minimumSizeHint(self) -> QSize:
        height = QFontMetricsF(self.font()).height()
        return QSize(int(height * 12), int(height * 6))

    @property
    def content(self) -> ChartContent:
        return self._content

    @property
    def geometry_of_plot(self) -> ChartGeometry | None:
        """Where the plot was last drawn."""
        return self._geometry

    def set_members(self, members: TargetMembers | None, title: str, as_of: float | None,
                    labels: dict[str, str] | None = None, empty: str = "") -> None:
        """Chart these members; `labels` names members for the tooltips, `empty` says why
        there are none."""
        self._members = members
        self._labels = labels or {}
        curves = members.curves() if members is not None else None
        self._content = chart_content(title, curves, as_of, empty)
        self.setAccessibleDescription(self._description())
        self.update()

    def set_as_of(self, day: float | None) -> None:
        content = self._content
        self._content = replace(content, as_of=day)
        self.setAccessibleDescription(self._description())
        self.update()

    def _description(self) -> str:
        curves = self._content.curves
        if curves is None:
            return self._content.empty or "No campaign or protocol with members"
        text = f"Members of {self._content.title} by stage over time."
        if self._content.as_of is not None:
            counts = curves.at(self._content.as_of)
            parts = [stage_count(counts[s][0], s) for s in curves.stages()]
            text += " As of the chosen day: " + ", ".join(parts) + "."
        return text

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            self._geometry = paint_chart(painter, QRectF(self.rect()), self._content, TimelineStyle.from_widget(self))
        finally:
            painter.end()

    def plot_point(self, day: float, count: float) -> QPointF:
        """Where (day, count) was drawn in the last paint (widget coordinates)."""
        assert self._geometry is not None, "the chart has not been painted"
        return QPointF(self._geometry.x(day), self._geometry.y(count))

    def day_at(self, x: float) -> float | None:
        """The day under `x`, or None outside the plot."""
        return None if self._geometry is None else self._geometry.day_at(x)

    def tooltip_at(self, x: float) -> str:
        """The counts on the day under `x` and who changed stage at the step in force then."""
        day = self.day_at(x)
        curves, members = self._content.curves, self._members
        if day is None or curves is None or members is None:
            return ""
        counts = curves.at(day)
        lines = [day_words(day) + ": " + ", ".join(
            stage_count(sure, s) + (f" ({possible:,} possibly)" if possible != sure else "")
            for s, (sure, possible) in counts.items() if s in curves.stages())]
        step, changed = members.step_at(day)
        if step is not None and changed:
            names = [f"{self._labels.get(member, member)} ({change.action.status if change.action else ''})"
                     for member, change in changed[:8]]
            more = f" and {len(changed) - 8:,} more" if len(changed) > 8 else ""
            lines.append(f"On {day_words(step)}: " + ", ".join(names) + more)
        lines.append("Click to see who was where that day.")
        return "\n".join(lines)

    def mousePressEvent(self, event) -> None:
        day = self.day_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and day is not None:
            self.day_clicked.emit(float(math.floor(day)))
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        text = self.tooltip_at(event.position().x())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    # -- copy and export ------------------------------------------------------------------

    def copy_chart(self) -> None:
        """Put the chart on the clipboard as an image."""
        image = chart_image(self._content, self.size(), TimelineStyle.from_widget(self), 2.0)
        QGuiApplication.clipboard().setImage(image)

    def export_chart(self, path: str) -> None:
        """Write the chart as PNG or SVG (by the extension), atomically; raises ExportError."""
        kind = format_of(path)
        if kind not in ("png", "svg"):
            raise ExportError("A chart is written as .png or .svg", usage=True)
        write_atomically(path, chart_bytes(self._content, self.size(), TimelineStyle.from_widget(self), kind))

    def _menu(self, position) -> None:
        menu = QMenu(self)
        copy = menu.addAction("&Copy Chart")
        copy.setObjectName("copyChartAction")
        copy.triggered.connect(self.copy_chart)
        export = menu.addAction("&Export Chart…")
        export.setObjectName("exportChartAction")
        export.triggered.connect(self._choose_and_export)
        menu.exec(self.mapToGlobal(position))

    def _choose_and_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export Chart", f"{self._content.title or 'chart'}.png",
                                              "PNG image (*.png);;SVG drawing (*.svg)")
        if not path:
            return
        try:
            self.export_chart(path)
        except ExportError as error:
            QToolTip.showText(self.mapToGlobal(self.rect().center()), error.message, self)
