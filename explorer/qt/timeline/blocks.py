"""Blocks of words laid out for painting: a sheet's title, caption and footer, a legend's
labels. Every word is drawn with `drawText`, so it stays text in SVG and PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from explorer.qt.timeline.style import TimelineStyle
from explorer.timescale.labels import ELLIPSIS, clipped, elide

Measure = Callable[[str], float]

#: Space around the words and between the parts of a sheet or a legend.
PAD = 12.0


def wrap(text: str, width: float, measure: Measure, max_lines: int | None = None) -> list[str]:
    """`text` broken into lines at spaces, each at most `width` wide (a word longer than a
    line is shortened with an ellipsis); past `max_lines`, the last line ends in an ellipsis
    and the rest of the text is not looked at (a title of millions of words costs a few lines)."""
    lines: list[str] = []
    current = ""
    more = False
    for found in re.finditer(r"\S+", text):
        word = clipped(found.group())
        candidate = f"{current} {word}" if current else word
        if current and measure(candidate) > width:
            lines.append(current)
            current = word
            if max_lines is not None and len(lines) == max_lines:
                more, current = True, ""
                break
        else:
            current = candidate
    if current:
        lines.append(current)
    fitted = [line if measure(line) <= width else (elide(line, width, measure) or line[:1])
              for line in lines]
    if more:
        fitted[-1] = elide(fitted[-1] + " " + ELLIPSIS, width, measure) or fitted[-1]
    return fitted


class Fonts:
    """The title, body and small fonts of a sheet, with their metrics."""

    def __init__(self, style: TimelineStyle) -> None:
        self.title = QFont(style.bold_font)
        size = style.font.pointSizeF()
        if size > 0:
            self.title.setPointSizeF(size * 1.5)
        else:
            self.title.setPixelSize(round(style.font.pixelSize() * 1.5))
        self.body = QFont(style.font)
        self.small = QFont(style.small_font)
        self.metrics = {role: QFontMetricsF(font) for role, font in
                        (("title", self.title), ("body", self.body), ("small", self.small))}

    def font(self, role: str) -> QFont:
        return {"title": self.title, "body": self.body, "small": self.small}[role]

    def measure(self, role: str) -> Measure:
        return self.metrics[role].horizontalAdvance


@dataclass(frozen=True, slots=True)
class Line:
    """One line of words: its left x (or right x when `right`), baseline, font and colour."""

    text: str
    x: float
    baseline: float
    role: str  # "title", "body" or "small"
    muted: bool = False
    right: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    lines: tuple[Line, ...]
    height: float


def text_block(fonts: Fonts, width: float, paragraphs: Sequence[tuple[str, str, bool]],
               top: float = PAD, max_lines: int = 40) -> Block:
    """Paragraphs (text, role, muted) wrapped to `width` less the padding, one under another."""
    lines, y = [], top
    for text, role, muted in paragraphs:
        if not text:
            continue
        metrics = fonts.metrics[role]
        wrapped = wrap(text, width - 2 * PAD, fonts.measure(role), max_lines)
        for line in wrapped:
            lines.append(Line(line, PAD, y + metrics.ascent(), role, muted))
            y += metrics.lineSpacing()
        y += 4.0
    return Block(tuple(lines), y + PAD / 2 if lines else 0.0)


def paint_block(painter: QPainter, block: Block, top: float, width: float, fonts: Fonts,
                style: TimelineStyle) -> None:
    for line in block.lines:
        painter.setFont(fonts.font(line.role))
        painter.setPen(style.muted if line.muted else style.text)
        x = width - PAD - fonts.measure(line.role)(line.text) if line.right else line.x
        painter.drawText(QPointF(x, top + line.baseline), line.text)
