"""Other tools' files in the window: a CSV, a TimelineJS file or a `.timeline` opens like a
timeline file (converted in memory by `model.importers`), its import report in the problem
banner and a "converted from" badge in the status bar; File > Save As Timeline… keeps the
format v1 text; File > Export Data… writes what the filter keeps; files dropped on the window
open. The window calls `install_importing` once and `shown` after each load."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from explorer.atomic import WriteFailed, write_atomically
from explorer.model.exporters.formats import UnknownFormat, export_data
from explorer.qt.load_worker import LoadOutcome

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

#: What File > Open offers.
OPEN_FILTER = (
    "Timelines and other tools' files (*.yaml *.yml *.json *.csv *.tsv *.txt *.xlsx *.ods *.timeline);;"
    "Timeline files (*.yaml *.yml *.json);;"
    "TimelineJS, vis-timeline, The Timeline Project (*.json *.csv *.timeline);;"
    "Tables (*.csv *.tsv *.txt *.xlsx *.ods);;All files (*)"
)
EXPORT_FILTERS = {
    "CSV table (*.csv)": ".csv",
    "JSON (*.json)": ".json",
    "Timeline file, format v1 (*.yaml)": ".yaml",
    "TimelineJS JSON (*.timelinejs.json)": ".timelinejs.json",
}


class Importing(QObject):
    """The window's side of imports and data exports."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.outcome: LoadOutcome | None = None
        self.badge = QLabel()
        self.badge.setObjectName("convertedBadge")
        self.badge.hide()
        window.statusBar().insertPermanentWidget(0, self.badge)
        self.save_as_action = QAction("Save As &Timeline…", window)
        self.save_as_action.setObjectName("saveAsTimelineAction")
        self.save_as_action.setStatusTip("Keep the converted file as a timeline file (format v1) to edit")
        self.save_as_action.setEnabled(False)
        self.save_as_action.triggered.connect(self.save_as_timeline)
        self.export_data_action = QAction("Export &Data…", window)
        self.export_data_action.setObjectName("exportDataAction")
        self.export_data_action.setStatusTip("Write the events the filter keeps as CSV, JSON, "
                                             "format v1 or TimelineJS JSON")
        self.export_data_action.setEnabled(False)
        self.export_data_action.triggered.connect(self.choose_and_export_data)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # -- after a load -------------------------------------------------------------------

    def shown(self, outcome: LoadOutcome, path: str) -> None:
        """The window shows `outcome`'s data set: say whether it was converted, and how."""
        self.outcome = outcome
        self.export_data_action.setEnabled(True)
        conversion = outcome.conversion
        self.save_as_action.setEnabled(conversion is not None)
        if conversion is None:
            self.badge.hide()
            return
        report = conversion.report
        self.badge.setText(f"Converted from {report.format}")
        self.badge.setToolTip(f"{Path(path).name} is not a timeline file: it was converted in "
                              "memory. File > Save As Timeline… keeps the converted file.")
        self.badge.show()
        diagnostics = report.diagnostics()
        warnings = len(diagnostics)
        headline = (f"<b>{Path(path).name}</b> was converted from {report.format}"
                    + (f" with {warnings} warning{'s' * (warnings != 1)}" if warnings else "")
                    + ". File &gt; Save As Timeline… keeps it as a timeline file.")
        self.window.banner.show_report(headline, diagnostics, report.summary())
        self.window.statusBar().showMessage(
            f"Converted from {report.format}" + (f" with {warnings} warning{'s' * (warnings != 1)}; "
                                                 "the banner lists them" if warnings else ""), 10000)

    # -- saving and exporting -----------------------------------------------------------

    def save_as_timeline(self, path: str | None = None) -> bool:
        """Write the converted text as a format v1 file (asked for when `path` is None)."""
        conversion = self.outcome.conversion if self.outcome is not None else None
        if conversion is None or conversion.text is None:
            return False
        if path is None:
            source = Path(self.window.path or "timeline")
            suggested = str(source.with_suffix(".yaml"))
            path, _ = QFileDialog.getSaveFileName(self.window, "Save As Timeline", suggested,
                                                  "Timeline files (*.yaml)")
            if not path:
                return False
        if not path.lower().endswith((".yaml", ".yml")):
            path += ".yaml"
        try:
            write_atomically(path, conversion.text.encode("utf-8"))
        except WriteFailed as error:
            QMessageBox.warning(self.window, "Save As Timeline", error.message)
            return False
        self.window.statusBar().showMessage(f"Saved {Path(path).name}; it is now the file shown", 5000)
        return self.window.open_file(path)

    def choose_and_export_data(self) -> None:
        folder = str(Path(self.window.path).parent) if self.window.path else ""
        path, chosen = QFileDialog.getSaveFileName(self.window, "Export Data", folder,
                                                   ";;".join(EXPORT_FILTERS))
        if path:
            ending = EXPORT_FILTERS.get(chosen, "")
            if ending and not path.lower().endswith(ending):
                path += ending
            self.export_data(path)

    def export_data(self, path: str) -> bool:
        """Write the events the filter keeps to `path`, in the format its name ends with."""
        document = self.window.document
        if document.dataset is None:
            return False
        if self.window.path and Path(path).resolve() == Path(self.window.path).resolve():
            QMessageBox.warning(self.window, "Export Data", "Refusing to overwrite the file shown.")
            return False
        try:
            exported = export_data(document.dataset, document.visible_positions, path,
                                   "filtered" if not document.filter.is_empty else "")
            write_atomically(path, exported.text.encode("utf-8"))
        except (UnknownFormat, WriteFailed) as error:
            QMessageBox.warning(self.window, "Export Data", str(error))
            return False
        note = f"; {len(exported.notes)} notes (e.g. {exported.notes[0]})" if exported.notes else ""
        self.window.statusBar().showMessage(
            f"Exported {exported.events} events to {Path(path).name} ({exported.format}){note}", 8000)
        return True

    # -- files dropped on the window -----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _dropped_file(event) is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            path = _dropped_file(event)
            if path is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.window.open_file(path)
                return True
        return super().eventFilter(watched, event)


def _dropped_file(event) -> str | None:
    """The first local file of a drag, if any."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_file():
            return url.toLocalFile()
    return None


def install_importing(window: MainWindow) -> Importing:
    """Add Save As Timeline… and Export Data… to the File menu, after Export Image."""
    importing = Importing(window)
    menu = window.file_menu
    actions = menu.actions()
    at = actions.index(window.export_action) + 1 if window.export_action in actions else len(actions)
    if at < len(actions):
        menu.insertActions(actions[at], [importing.save_as_action, importing.export_data_action])
    else:
        menu.addActions([importing.save_as_action, importing.export_data_action])
    return importing
