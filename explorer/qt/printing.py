"""File > Print… (Ctrl+P): the current view on paper, through a print preview.

The pages are the PDF export's: cut by the same routine (`export.render.compose`) for the
page size, orientation and margins the printer has, with the title, the caption stating the
filter, the legend and the footer, and painted by the same routine (`paint_pages`, which
draws each sheet with `paint_timeline`). Printing to a PDF file gives the pages of File >
Export Image… as PDF for the same view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox

from explorer.qt.export.render import (
    ExportError,
    ExportOptions,
    Pages,
    compose,
    page_layout,
    paint_pages,
)

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow


def default_page() -> str:
    """Letter where the locale uses it (the United States, Canada...), else A4."""
    country = QLocale().territory()
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
              QLocale.Country.Chile, QLocale.Country.Colombia, QLocale.Country.Philippines}
    return "letter" if country in letter else "A4"


class Printing(QObject):
    """The print action of a main window and what it prints: the timeline's current view
    with its filter and lanes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.action = QAction("&Print…", window)
        self.action.setObjectName("printAction")
        self.action.setShortcut(QKeySequence.StandardKey.Print)
        self.action.setStatusTip("Print the current view of the timeline, with a preview")
        self.action.setEnabled(window.document.dataset is not None)
        window.document.dataset_loaded.connect(lambda _dataset: self.action.setEnabled(True))
        self.action.triggered.connect(self.preview)
        self.printer: QPrinter | None = None
        self.dialog: QPrintPreviewDialog | None = None
        self.last_pages: Pages | None = None

    def options(self) -> ExportOptions:
        """What is printed: the view on screen, its lanes and filter, with every part."""
        timeline, document = self._window.timeline, self._window.document
        viewport = timeline.viewport
        return ExportOptions(first=viewport.start, after=viewport.end, title="", legend=True,
                             caption=True, footer=True, group_by=timeline.group_by,
                             event_filter=document.filter)

    def print_to(self, printer: QPrinter) -> Pages | None:
        """Print the current view on `printer`; the pages printed, or None without data."""
        dataset = self._window.document.dataset
        if dataset is None:
            return None
        pages = compose(dataset, self.options(), "pdf", layout=printer.pageLayout(),
                        font=self._window.timeline.font())
        if not printer.paintingActive():
            printer.setResolution(pages.resolution)  # else `paint_pages` scales to the printer's
        printer.setDocName(pages.composer.title() or "Timeline")
        printer.setCreator("Timeline Explorer")
        paint_pages(printer, pages)
        self.last_pages = pages
        return pages

    def new_printer(self) -> QPrinter:
        """A printer set up like the PDF export: landscape, the local paper size, its margins."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        layout = page_layout(default_page(), landscape=True)
        printer.setPageLayout(layout)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return printer

    def preview(self) -> None:
        """Show the print preview, from which the person prints."""
        if self._window.document.dataset is None:
            return
        if self.printer is None:
            self.printer = self.new_printer()
        dialog = QPrintPreviewDialog(self.printer, self._window)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle("Print Preview")
        size = self._window.size()
        dialog.resize(int(size.width() * 0.8), int(size.height() * 0.85))
        dialog.paintRequested.connect(self._paint_requested)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _paint_requested(self, printer: QPrinter) -> None:
        try:
            self.print_to(printer)
        except ExportError as error:
            QMessageBox.warning(self._window, "Cannot Print", error.message)
