"""The export dialog's live preview: what the export will write, drawn small.

The sheets come from `render.compose`, as the export makes them (the first page of a PDF,
on its paper), and are painted by `paint_sheet`; the preview follows the dialog's choices
once they settle, so typing a date or a width does not redraw on every key.
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from explorer.model.dataset import Dataset
from explorer.model.queries import counted
from explorer.qt.coalesced import Coalesced
from explorer.qt.export.render import ExportError, ExportOptions, Pages, compose
from explorer.qt.export.sheet import paint_sheet

#: The preview's size in pixels (the image is fitted inside, keeping its proportions).
PREVIEW_SIZE = QSize(440, 300)
#: The preview follows the choices this long after the last change.
SETTLE_MS = 250


def preview_image(pages: Pages, size: QSize, ratio: float = 1.0) -> QImage:
    """The first sheet of `pages` fitted into `size`: a page of paper for a PDF, the image
    itself for PNG and SVG."""
    sheet = pages.sheets[0]
    layout = pages.layout
    if layout is not None:
        full = QRectF(layout.fullRectPixels(pages.resolution))
        content = layout.paintRectPixels(pages.resolution)
        width, height, left, top = full.width(), full.height(), float(content.x()), float(content.y())
    else:
        width, height, left, top = sheet.width, sheet.height, 0.0, 0.0
    scale = min(size.width() / width, size.height() / height)
    image = QImage(max(1, math.ceil(width * scale * ratio)), max(1, math.ceil(height * scale * ratio)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(pages.style.background)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(scale, scale)
        painter.translate(left, top)
        paint_sheet(painter, sheet, pages.style, pages.composer.fonts)
    finally:
        painter.end()
    return image


def describe(pages: Pages, kind: str, options: ExportOptions) -> str:
    """What will be written: "PNG, 1,600 × 912 px", "PDF, A4 landscape, 3 pages"."""
    if kind == "pdf":
        orientation = "landscape" if options.landscape else "portrait"
        page = "Letter" if options.page == "letter" else options.page
        return f"PDF, {page} {orientation}, {counted(len(pages.sheets), 'page')}"
    sheet = pages.sheets[0]
    scale = options.scale if kind == "png" else 1.0
    return (f"{kind.upper()}, {math.ceil(sheet.width * scale):,} × "
            f"{math.ceil(sheet.height * scale):,} px")


class ExportPreview(QWidget):
    """The image of what the export will write, and a line saying its size or pages."""

    def __init__(self, dataset: Callable[[], Dataset | None],
                 choices: Callable[[], tuple[str, ExportOptions]], font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPreviewArea")
        self._dataset, self._choices, self._font = dataset, choices, font
        self.image = QLabel(objectName="exportPreview")
        self.image.setAccessibleName("Preview of the export")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(PREVIEW_SIZE)
        self.image.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.image.setStyleSheet("QLabel#exportPreview { background: palette(mid); }")
        self.info = QLabel(objectName="exportPreviewInfo")
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.info)
        self.pages: Pages | None = None
        self._later = Coalesced(self.refresh, self, SETTLE_MS)

    def schedule(self, *_args) -> None:
        """Follow the dialog's choices once they settle."""
        self._later.schedule()

    def flush(self) -> None:
        """Draw a pending preview now."""
        self._later.flush()

    def refresh(self) -> None:
        """Draw the preview of the current choices."""
        dataset = self._dataset()
        if dataset is None:
            self._show_problem("Open a timeline to export it")
            return
        try:
            kind, options = self._choices()
            pages = compose(dataset, options, kind, font=self._font)
        except ExportError as error:
            self._show_problem(error.message)
            return
        self.pages = pages
        size = self.image.contentsRect().size().shrunkBy(QMargins(8, 8, 8, 8))
        ratio = self.devicePixelRatioF()
        self.image.setPixmap(QPixmap.fromImage(preview_image(pages, size, ratio)))
        self.info.setText(describe(pages, kind, options))
        self.info.setStyleSheet("")

    def _show_problem(self, text: str) -> None:
        self.pages = None
        self.image.setPixmap(QPixmap())
        self.info.setText(text)
        self.info.setStyleSheet(f"color: {QColor('#c0392b').name()};")
