"""File > Print… prints the current view on the pages the PDF export cuts, painted by the
same routine: printed to a PDF file, the pages and their text are the export's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from explorer.qt.export.render import export_timeline, page_layout
from tests.helpers.pdf import page_count, pdf_text
from tests.helpers.windows import focus, timeline_of


def pdf_printer(path, page: str = "A4", landscape: bool = True) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(page_layout(page, landscape))
    return printer


def exported_pdf(window, path, page: str = "A4", landscape: bool = True):
    """The PDF export of the window's current view, as the export dialog writes it."""
    options = window.printing.options()
    options = type(options)(**{**{f: getattr(options, f) for f in options.__slots__},
                               "page": page, "landscape": landscape})
    return export_timeline(window.document.dataset, path, options,
                           font=timeline_of(window).font())


def given_a_view_of_several_pages(shown):
    """The whole shipped data set, lanes by actor: more than one page."""
    timeline = timeline_of(shown)
    shown.findChild(QAction, "groupByActorAction").trigger()
    timeline.fit_all()
    return timeline


def test_printing_to_a_pdf_gives_the_pages_of_the_pdf_export(shown, tmp_path):
    given_a_view_of_several_pages(shown)
    printed_path, exported_path = tmp_path / "printed.pdf", tmp_path / "exported.pdf"

    pages = shown.printing.print_to(pdf_printer(printed_path))
    exported = exported_pdf(shown, exported_path)

    printed = printed_path.read_bytes()
    assert pages is not None and len(pages.sheets) == exported.pages > 1
    assert page_count(printed) == exported.pages
    for number in range(1, exported.pages + 1):
        assert pdf_text(printed_path, number) == pdf_text(exported_path, number)
    text = pdf_text(printed_path, 1)
    assert "Page 1 of" in text and "Blue Heart" in text and "lanes by actor" in text


def test_the_printer_s_page_size_and_orientation_are_used(shown, tmp_path):
    given_a_view_of_several_pages(shown)
    printed_path, exported_path = tmp_path / "printed.pdf", tmp_path / "exported.pdf"

    shown.printing.print_to(pdf_printer(printed_path, "letter", landscape=False))
    exported = exported_pdf(shown, exported_path, "letter", landscape=False)

    assert page_count(printed_path.read_bytes()) == exported.pages
    assert pdf_text(printed_path) == pdf_text(exported_path)
    width, height = exported.size
    assert height > width  # portrait


def test_ctrl_p_opens_a_preview_of_the_export_s_pages(shown, qtbot, tmp_path):
    given_a_view_of_several_pages(shown)
    action = shown.findChild(QAction, "printAction")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    focus(qtbot, timeline_of(shown))

    qtbot.keyClick(timeline_of(shown), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    preview = shown.findChild(QWidget, "printPreview")
    qtbot.waitUntil(lambda: preview is not None and preview.isVisible())
    widget = preview.findChild(QPrintPreviewWidget)
    printer = shown.printing.printer
    layout = printer.pageLayout()
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    page = "letter" if layout.pageSize().id().name == "Letter" else "A4"
    exported = exported_pdf(shown, tmp_path / "exported.pdf", page)
    qtbot.waitUntil(lambda: widget.pageCount() == exported.pages)
    preview.close()
