"""The cumulative member chart: how many members one campaign or protocol had over time,
as step curves for sure and possible members, with the "as of" day marked."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from explorer.model.calendar import civil_from_days, days_from_civil
from explorer.model.memberships import MemberCurve
from explorer.timescale.ticks import axis_ticks
from explorer.timescale.viewport import Viewport

#: Padding around the plot, in multiples of the font height.
PAD = 0.6


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way towards `b`."""
    channels = zip(a.getRgbF()[:3], b.getRgbF()[:3])
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in channels))


def with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def chart_days(curve: MemberCurve, as_of: float | None) -> tuple[float, float]:
    """The days the chart spans: every step and the "as of" day, from the start of the first
    year to the end of the year after the last step (at least three years)."""
    days = [day for steps in (curve.sure, curve.possible) for day, _count in steps]
    if as_of is not None:
        days.append(as_of)
    if not days:
        return 0.0, 365.0
    first_year = civil_from_days(int(min(days)))[0]
    last_year = max(civil_from_days(int(max(days)))[0] + 1, first_year + 2)
    return float(days_from_civil(first_year)), float(days_from_civil(last_year + 1))


def step_points(steps, start: float, end: float) -> list[tuple[float, int]]:
    """(day, count) corners of a step curve from `start` to `end`, starting at zero."""
    points = [(start, 0)]
    count = 0
    for day, new in steps:
        day = min(max(float(day), start), end)
        points += [(day, count), (day, new)]
        count = new
    points.append((end, count))
    return points


class MemberChart(QWidget):
    """Painted with QPainter in the palette's colours; click to set the "as of" day."""

    #: The chart was clicked at this day number (float).
    day_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberChart")
        self.setAccessibleName("Cumulative members chart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._curve: MemberCurve | None = None
        self._title = ""
        self._as_of: float | None = None
        self._viewport: Viewport | None = None
        self._plot = QRectF()

    def sizeHint(self) -> QSize:
        height = QFontMetricsF(self.font()).height()
        return QSize(int(height * 22), int(height * 11))

    def minimumSizeHint(self) -> QSize:
        height = QFontMetricsF(self.font()).height()
        return QSize(int(height * 12), int(height * 7))

    @property
    def curve(self) -> MemberCurve | None:
        return self._curve

    def set_curve(self, curve: MemberCurve | None, title: str) -> None:
        self._curve, self._title = curve, title
        self.setAccessibleDescription(self._description())
        self.update()

    def set_as_of(self, day: float | None) -> None:
        self._as_of = day
        self.setAccessibleDescription(self._description())
        self.update()

    def _description(self) -> str:
        if self._curve is None:
            return "No campaign or protocol with members"
        peak = max((count for _day, count in self._curve.sure), default=0)
        text = f"Members of {self._title} over time; at most {peak} surely."
        if self._as_of is not None:
            sure, possible = self._curve.at(self._as_of)
            text += f" As of the chosen day: {sure} surely, {possible} possibly."
        return text

    # -- geometry -----------------------------------------------------------------------

    def _layout(self, metrics: QFontMetricsF) -> tuple[QRectF, Viewport, int]:
        height = metrics.height()
        top = height * (2 + PAD)  # title and legend
        peak = max((c for _d, c in self._curve.possible), default=0)
        top_count = max(1, peak)
        left = metrics.horizontalAdvance(str(top_count)) + height
        bottom = height * (2 + PAD * 2)  # two rows of axis labels
        plot = QRectF(left, top, max(self.width() - left - height, 10.0),
                      max(self.height() - top - bottom, 10.0))
        first, last = chart_days(self._curve, self._as_of)
        return plot, Viewport(first, last, plot.width()), top_count

    def _x(self, day: float) -> float:
        return self._plot.left() + self._viewport.x_of(day)

    def _y(self, count: float, top_count: int) -> float:
        return self._plot.bottom() - self._plot.height() * count / top_count

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = mix(text, base, 0.45)
        painter.fillRect(self.rect(), base)
        metrics = QFontMetricsF(self.font())
        if self._curve is None:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "This file lists no memberships")
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._plot, self._viewport, top_count = self._layout(metrics)
        plot, height = self._plot, metrics.height()

        # Count grid and labels: whole numbers only, at most five lines.
        step = max(1, math.ceil(top_count / 5))
        painter.setFont(self.font())
        for count in range(0, top_count + 1, step):
            y = self._y(count, top_count)
            painter.setPen(QPen(mix(text, base, 0.88), 1.0))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - height / 2, plot.left() - height / 3, height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(count))
        self._paint_axis(painter, metrics, mix(text, base, 0.75), muted)

        possible = self._polyline(self._curve.possible, top_count)
        sure = self._polyline(self._curve.sure, top_count)
        baseline = self._y(0, top_count)
        # Solid under the sure count, hatched between it and the possible count.
        band = QPainterPath(possible[0])
        for point in [*possible[1:], *reversed(sure)]:
            band.lineTo(point)
        band.closeSubpath()
        painter.fillPath(band, QBrush(with_alpha(accent, 150), Qt.BrushStyle.BDiagPattern))
        area = QPainterPath(QPointF(sure[0].x(), baseline))
        for point in sure:
            area.lineTo(point)
        area.lineTo(QPointF(sure[-1].x(), baseline))
        area.closeSubpath()
        painter.fillPath(area, with_alpha(accent, 45))
        painter.setPen(QPen(with_alpha(accent, 170), 1.2, Qt.PenStyle.DashLine))
        painter.drawPolyline(possible)
        painter.setPen(QPen(accent, 2.5))
        painter.drawPolyline(sure)

        if self._as_of is not None and self._viewport.start <= self._as_of <= self._viewport.end:
            x = self._x(self._as_of)
            painter.setPen(QPen(text, 1.0, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        self._paint_legend(painter, metrics, text, muted, accent)

    def _polyline(self, steps, top_count: int) -> list[QPointF]:
        points = step_points(steps, self._viewport.start, self._viewport.end)
        return [QPointF(self._x(day), self._y(count, top_count)) for day, count in points]

    def _paint_axis(self, painter: QPainter, metrics: QFontMetricsF, line, muted) -> None:
        plot, height = self._plot, metrics.height()
        painter.setPen(QPen(line, 1.0))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        ticks = axis_ticks(self._viewport, metrics.horizontalAdvance)
        painter.setPen(muted)
        for row, tier in enumerate((ticks.minor, ticks.major)):
            y = plot.bottom() + height * (PAD / 2 + row)
            for tick in tier:
                x = self._x(tick.day)
                if row == 0:
                    painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
                width = metrics.horizontalAdvance(tick.label)
                x = min(max(x - width / 2 if row == 0 else x + 2, plot.left()),
                        plot.right() - width)
                painter.drawText(QRectF(x, y, width + 2, height),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, tick.label)

    def _paint_legend(self, painter: QPainter, metrics: QFontMetricsF, text, muted, accent) -> None:
        height = metrics.height()
        title = f"Members of {self._title}"
        if self._curve.undated:
            title += f" (+{self._curve.undated} with unknown date)"
        painter.setPen(text)
        painter.drawText(QRectF(height / 2, height * 0.2, self.width() - height, height),
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight,
                                            self.width() - height))
        y = height * 1.2 + height / 2
        x = height / 2
        painter.setPen(QPen(accent, 2.5))
        painter.drawLine(QPointF(x, y), QPointF(x + height, y))
        painter.setPen(muted)
        label = "surely a member"
        painter.drawText(QPointF(x + height * 1.3, y + metrics.ascent() / 2 - 1), label)
        x += height * 1.3 + metrics.horizontalAdvance(label) + height
        painter.fillRect(QRectF(x, y - height / 3, height, height * 2 / 3),
                         QBrush(with_alpha(accent, 150), Qt.BrushStyle.BDiagPattern))
        painter.drawText(QPointF(x + height * 1.3, y + metrics.ascent() / 2 - 1),
                         "possibly (imprecise dates)")

    # -- input --------------------------------------------------------------------------

    def plot_point(self, day: float, count: float) -> QPointF:
        """Where (day, count) was drawn in the last paint (widget coordinates)."""
        peak = max((c for _d, c in self._curve.possible), default=0) if self._curve else 0
        return QPointF(self._x(day), self._y(count, max(1, peak)))

    def day_at(self, x: float) -> float | None:
        """The day under `x`, or None outside the plot."""
        if self._viewport is None or not (self._plot.left() <= x <= self._plot.right()):
            return None
        return self._viewport.day_at(x - self._plot.left())

    def mousePressEvent(self, event) -> None:
        day = self.day_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and day is not None:
            self.day_clicked.emit(math.floor(day))
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        day = self.day_at(event.position().x())
        if day is None or self._curve is None:
            QToolTip.hideText()
            return
        sure, possible = self._curve.at(day)
        year, month, date = civil_from_days(math.floor(day))
        text = f"{year:04d}-{month:02d}-{date:02d}: {sure} surely"
        if possible != sure:
            text += f", {possible} possibly"
        QToolTip.showText(event.globalPosition().toPoint(), text + "\nClick to see who.", self)
