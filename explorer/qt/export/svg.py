"""Every SVG the program writes (the timeline, the map, the chart) is made here, so each is
XML: text reaches Qt's SVG generator through a dozen `drawText` calls and it writes control
characters as they are ("\\x1b" in a title, a NUL from "\\u0000" in JSON), which no XML
parser reads. The metadata and the finished document go through `model/safe_text.py`."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
from PySide6.QtSvg import QSvgGenerator

from explorer.model.safe_text import for_xml, xml_bytes
from explorer.timescale.labels import clipped


class SvgDocument:
    """An SVG being drawn into memory: `generator` is the paint device, `data()` the document
    once the painter has ended."""

    def __init__(self, size: QSize, view_box: QRectF, title: str = "", description: str = "",
                 resolution: int | None = None) -> None:
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.generator = QSvgGenerator()
        self.generator.setOutputDevice(self._buffer)
        self.generator.setSize(size)
        self.generator.setViewBox(view_box)
        if resolution is not None:
            self.generator.setResolution(resolution)
        if title:
            self.generator.setTitle(for_xml(clipped(title)))
        if description:
            self.generator.setDescription(for_xml(clipped(description)))

    def data(self) -> bytes:
        """The document, without any character XML 1.0 cannot hold."""
        self._buffer.close()
        return xml_bytes(bytes(self._buffer.data().data()))

