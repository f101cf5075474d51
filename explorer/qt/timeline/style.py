"""Colours, fonts and sizes of the timeline, derived from a QPalette and a QFont.

Light and dark palettes both work: hues are set to a lightness that stands out from the
background, and text on a filled bar is black or white by contrast. Colour is never the only
encoding: shapes tell points, ranges and spans apart, hatching and dashes tell imprecision.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPalette, QPen, QStaticText

from explorer.timescale.scene import SceneMetrics

#: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
HUES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#7F7F7F")


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way towards `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
        1.0,
    )


def with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG) of an opaque colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


#: Shapes need this contrast against the background (WCAG's figure for graphics).
SHAPE_CONTRAST = 3.0
#: Text needs this contrast against what is behind it (WCAG AA for body text).
TEXT_CONTRAST = 4.5

BLACK, WHITE = QColor("#000000"), QColor("#FFFFFF")


def composite(under: QColor, over: QColor) -> QColor:
    """`over` (maybe translucent) drawn on the opaque `under`: the opaque colour seen."""
    alpha = over.alphaF()
    return QColor.fromRgbF(
        under.redF() + (over.redF() - under.redF()) * alpha,
        under.greenF() + (over.greenF() - under.greenF()) * alpha,
        under.blueF() + (over.blueF() - under.blueF()) * alpha,
        1.0,
    )


def best_text_on(fill: QColor) -> QColor:
    """Black or white, whichever has the higher contrast on the opaque `fill`."""
    return BLACK if contrast(BLACK, fill) >= contrast(WHITE, fill) else WHITE


def text_contrast_on(fill: QColor) -> float:
    """The contrast of the better of black and white on the opaque `fill`."""
    return max(contrast(BLACK, fill), contrast(WHITE, fill))


def _hue_for(hex_colour: str, background: QColor, dark: bool) -> QColor:
    """The hue at a lightness that stands out from `background`: darker on light
    backgrounds, lighter on dark ones."""
    base = QColor(hex_colour)
    hue, saturation = base.hslHueF(), base.hslSaturationF()
    lightness = 0.66 if dark else 0.42
    colour = QColor.fromHslF(max(hue, 0.0), saturation, lightness, 1.0).toRgb()
    while contrast(colour, background) < SHAPE_CONTRAST and 0.05 < lightness < 0.95:
        lightness += 0.02 if dark else -0.02
        colour = QColor.fromHslF(max(hue, 0.0), saturation, lightness, 1.0).toRgb()
    return colour


#: Alpha of the outer edge of a fuzzy (known but imprecise) end; open ends fade to nothing.
FUZZY_EDGE_ALPHA = 70
#: Alpha of items that are not marked while some events are highlighted.
DIMMED_ALPHA = 70


class Ink:
    """The colours, pens and brushes of one item hue, made once (paint runs every frame)."""

    def __init__(self, colour: QColor, text_on: QColor, dimmed: bool) -> None:
        if dimmed:
            colour = with_alpha(colour, DIMMED_ALPHA)
        self.dimmed = dimmed
        self.fill = colour
        self.soft = with_alpha(colour, min(colour.alpha(), 150))
        self.faint = with_alpha(colour, 45)
        self.clear = with_alpha(colour, 0)
        self.fuzzy_edge = with_alpha(colour, min(colour.alpha(), FUZZY_EDGE_ALPHA))
        self.hatch = QBrush(with_alpha(colour, min(colour.alpha(), 160)), Qt.BrushStyle.BDiagPattern)
        self.uncertain_hatch = QBrush(with_alpha(text_on, 90), Qt.BrushStyle.BDiagPattern)
        self.outline = QPen(colour.darker(130), 1.0)
        self.dashed = QPen(colour.darker(140), 1.0, Qt.PenStyle.DashLine)
        self.bracket = QPen(colour, 2.0)
        self.bracket_dashed = QPen(colour, 2.0, Qt.PenStyle.DashLine)
        self.hollow = QPen(colour, 2.0)
        self.hollow_dashed = QPen(colour, 2.0, Qt.PenStyle.DashLine)
        self.text_on = text_on if not dimmed else with_alpha(text_on, 120)


class TimelineStyle:
    """Everything the painter needs to know about looks; built from a palette and a font."""

    def __init__(self, palette: QPalette, font: QFont) -> None:
        role = QPalette.ColorRole
        self.background = palette.color(role.Base)
        self.text = palette.color(role.Text)
        self.dark = self.background.lightnessF() < 0.5
        self.muted = mix(self.text, self.background, 0.40)
        self.grid = mix(self.text, self.background, 0.90)
        self.grid_major = mix(self.text, self.background, 0.75)
        # Stripes and headers are translucent so era bands show through them.
        self.stripe = with_alpha(self.text, 9)
        self.header_fill = with_alpha(self.text, 22)
        self.axis_fill = mix(palette.color(role.Window), self.background, 0.3)
        self.badge_fill = mix(self.text, self.background, 0.80)
        self.selection = palette.color(role.Highlight)
        self.selection_text = palette.color(role.HighlightedText)
        self.today = QColor("#D55E00") if not self.dark else QColor("#FF9F5A")
        self.hues = tuple(_hue_for(h, self.background, self.dark) for h in HUES)
        self.era_fills = tuple(with_alpha(h, 40 if self.dark else 26) for h in self.hues)
        self.era_label_fills = tuple(with_alpha(h, 90 if self.dark else 60) for h in self.hues)
        # Hatching of eras in odd rows: light enough that their titles still read on it.
        self.era_hatches = tuple(with_alpha(h, 40 if self.dark else 70) for h in self.hues)

        self.font = QFont(font)
        self.bold_font = QFont(font)
        self.bold_font.setBold(True)
        self.small_font = QFont(font)
        if font.pointSizeF() > 0:
            self.small_font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        self.font_metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold_font)
        self.small_metrics = QFontMetricsF(self.small_font)
        self.measure = lru_cache(maxsize=32768)(self.font_metrics.horizontalAdvance)
        self.selected_pen = QPen(self.selection, 2.5)
        self.hover_pen = QPen(self.selection, 1.5)
        self.highlight_pen = QPen(self.text, 1.5)
        self._inks: dict[tuple[int, bool], Ink] = {}
        self.badge_pen = QPen(self.muted, 1.0)
        self._static_texts: dict[tuple[str, bool, bool], QStaticText] = {}
        self._readable = self.inside_readable()

    def ink(self, number: int, dimmed: bool = False) -> Ink:
        """Pens and brushes of item hue `number`."""
        key = (number % len(self.hues), dimmed)
        found = self._inks.get(key)
        if found is None:
            hue = self.hues[key[0]]
            found = self._inks[key] = Ink(hue, self.on(hue), dimmed)
        return found

    def static_text(self, text: str, bold: bool = False, small: bool = False) -> QStaticText:
        """A laid-out label, kept between frames (drawing it again is cheaper than drawText);
        draw it with the bold (or small) font when `bold` (or `small`)."""
        key = (text, bold, small)
        found = self._static_texts.get(key)
        if found is None:
            if len(self._static_texts) > 8192:
                self._static_texts.clear()
            found = self._static_texts[key] = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            found.prepare(font=self.bold_font if bold else self.small_font if small else self.font)
        return found

    @classmethod
    def from_widget(cls, widget) -> TimelineStyle:
        return cls(widget.palette(), widget.font())

    def hue(self, number: int) -> QColor:
        return self.hues[number % len(self.hues)]

    def era_fill(self, number: int) -> QColor:
        return self.era_fills[number % len(self.era_fills)]

    def on(self, fill: QColor) -> QColor:
        """Black or white, whichever reads better on the opaque colour `fill`."""
        return best_text_on(fill)

    def backdrops(self) -> list[QColor]:
        """Every opaque colour the lanes may show behind an item: the background, under each
        era and under two overlapping ones, with and without a lane's stripe."""
        plain = [self.background]
        plain += [composite(self.background, fill) for fill in self.era_fills]
        plain += [composite(composite(self.background, a), b)
                  for a in self.era_fills for b in self.era_fills if a is not b]
        return plain + [composite(colour, self.stripe) for colour in plain]

    def inside_readable(self) -> tuple[tuple[bool, bool], ...]:
        """Per hue: whether black or white text reads (contrast `TEXT_CONTRAST`) inside a
        solid bar, and inside an approximate (translucent) one, over every backdrop."""
        backdrops = self.backdrops()
        table = []
        for number in range(len(self.hues)):
            ink = self.ink(number)
            solid = text_contrast_on(ink.fill) >= TEXT_CONTRAST
            soft = all(text_contrast_on(composite(under, ink.soft)) >= TEXT_CONTRAST
                       for under in backdrops)
            table.append((solid, soft))
        return tuple(table)

    def metrics(self) -> SceneMetrics:
        """Sizes of the scene from the font, so large fonts get taller rows."""
        text = self.font_metrics.height()
        return SceneMetrics(
            text_height=text,
            row_height=round(text + 8),
            bar_height=round(text + 3),
            marker_size=round(text * 0.75),
            lane_header_height=round(text + 5),
            era_row_height=round(text + 4),
            axis_height=round(2 * text + 10),
            tray_height=round(text + 12),
            gap=8.0,
            fade_px=40.0,
            inside_readable=self._readable,
        )
