"""File > Export Image… (Ctrl+E): the timeline as PNG, SVG or PDF, for the current view, every
filtered event, or a range of dates, with the last folder and options remembered, a live
preview of what will be written, and a message with Open and Show in Folder once it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.model.dates import DateError, parse_edtf
from explorer.paths import resource_dir
from explorer.qt.document import Document
from explorer.qt.export.done import export_done
from explorer.qt.export.files import FORMATS
from explorer.qt.export.preview import ExportPreview
from explorer.qt.export.render import (
    PAGE_SIZES,
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
    export_timeline,
)
from explorer.qt.settings import Settings

#: The group of `Settings.options` the dialog remembers its choices in.
OPTIONS_GROUP = "export"
FILE_FILTERS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)",
                "pdf": "PDF document (*.pdf)"}
RANGES = ("view", "all", "dates")
PROBLEM_STYLE = "color: #c0392b;"


def default_folder(last: str = "") -> str:
    """Where an export goes unless the person says otherwise: the folder of the last export
    while it exists, else their Pictures or Documents folder, else their home; never inside
    the installed program."""
    program = resource_dir().parent
    candidates = [last] + [QStandardPaths.writableLocation(location) for location in (
        QStandardPaths.StandardLocation.PicturesLocation,
        QStandardPaths.StandardLocation.DocumentsLocation)]
    for folder in candidates:
        if folder and Path(folder).is_dir() and not Path(folder).resolve().is_relative_to(program):
            return folder
    return str(Path.home())


class ExportDialog(QDialog):
    """Asks where and how to export, then exports with a progress dialog that can cancel."""

    #: An image was written (its path, str).
    exported = Signal(str)

    def __init__(self, document: Document, timeline, settings: Settings,
                 data_path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Image")
        self._document, self._timeline, self._settings = document, timeline, settings
        self._data_path = data_path
        self.result_: ExportResult | None = None
        self._build()
        self._restore(settings.options(OPTIONS_GROUP))
        self._follow_choices()
        self.preview.schedule()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.path_edit = QLineEdit(objectName="exportPath")
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.setMinimumWidth(360)
        self.path_edit.textEdited.connect(self._follow_extension)
        browse = QPushButton("&Browse…", objectName="exportBrowse")
        browse.clicked.connect(self._browse)
        self.format_combo = QComboBox(objectName="exportFormat")
        for kind in FILE_FILTERS:
            self.format_combo.addItem(kind.upper(), kind)
        self.format_combo.currentIndexChanged.connect(self._on_format)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.format_combo)
        file_row.addWidget(browse)

        self.range_group = QButtonGroup(self)
        self.range_buttons = {}
        range_box = QVBoxLayout()
        for key, text in zip(RANGES, ("The current &view", "&Everything the filter keeps",
                                      "From &dates:")):
            button = QRadioButton(text, objectName=f"exportRange_{key}")
            self.range_group.addButton(button)
            self.range_buttons[key] = button
            range_box.addWidget(button)
        self.from_edit = QLineEdit(objectName="exportFrom", placeholderText="2009")
        self.to_edit = QLineEdit(objectName="exportTo", placeholderText="2012-06")
        for edit, name in ((self.from_edit, "From date"), (self.to_edit, "To date")):
            edit.setAccessibleName(name)
            edit.setToolTip("A date in EDTF: 2009, 2009-03, 2009-03-24, -0043 (44 BCE)")
            edit.textEdited.connect(lambda _text: self.range_buttons["dates"].setChecked(True))
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.to_edit)
        range_box.addLayout(dates)

        self.width_spin = QSpinBox(objectName="exportWidth", minimum=200, maximum=30000,
                                   suffix=" px", singleStep=100)
        self.scale_spin = QDoubleSpinBox(objectName="exportScale", minimum=1.0, maximum=4.0,
                                         singleStep=0.5, decimals=1, suffix=" ×")
        self.page_combo = QComboBox(objectName="exportPage")
        for page in PAGE_SIZES:
            self.page_combo.addItem(page if page != "letter" else "Letter", page)
        self.orientation_combo = QComboBox(objectName="exportOrientation")
        self.orientation_combo.addItem("Landscape", True)
        self.orientation_combo.addItem("Portrait", False)
        self.pages_spin = QSpinBox(objectName="exportPages", minimum=0, maximum=50)
        self.pages_spin.setSpecialValueText("Automatic")
        self.theme_combo = QComboBox(objectName="exportTheme")
        self.theme_combo.addItem("Light", False)
        self.theme_combo.addItem("Dark", True)

        self.title_check = QCheckBox("&Title:", objectName="exportTitleCheck")
        self.title_edit = QLineEdit(objectName="exportTitle")
        dataset = self._document.dataset
        self.title_edit.setPlaceholderText(dataset.title if dataset is not None else "")
        self.title_check.toggled.connect(self.title_edit.setEnabled)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_check)
        title_row.addWidget(self.title_edit, 1)
        self.legend_check = QCheckBox("&Legend (what colours, shapes and lanes mean)",
                                      objectName="exportLegend")
        self.caption_check = QCheckBox("&Caption stating the filter", objectName="exportCaption")
        self.footer_check = QCheckBox("&Footer with the data file and its sources",
                                      objectName="exportFooter")

        self.problem_label = QLabel(objectName="exportProblem")
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("E&xport", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("File:", file_row)
        form.addRow("Range:", range_box)
        form.addRow("Width:", self.width_spin)
        form.addRow("Scale:", self.scale_spin)
        form.addRow("Page:", self.page_combo)
        form.addRow("Orientation:", self.orientation_combo)
        form.addRow("Pages across:", self.pages_spin)
        form.addRow("Theme:", self.theme_combo)
        form.addRow(title_row)
        form.addRow(self.legend_check)
        form.addRow(self.caption_check)
        form.addRow(self.footer_check)
        self._form = form
        self.preview = ExportPreview(lambda: self._document.dataset, self.choices,
                                     self._timeline.font())
        columns = QHBoxLayout()
        columns.addLayout(form)
        columns.addSpacing(12)
        columns.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)

    def _follow_choices(self) -> None:
        """Redraw the preview when any choice changes."""
        later = self.preview.schedule
        for combo in (self.format_combo, self.page_combo, self.orientation_combo,
                      self.theme_combo):
            combo.currentIndexChanged.connect(later)
        for spin in (self.width_spin, self.scale_spin, self.pages_spin):
            spin.valueChanged.connect(later)
        for edit in (self.from_edit, self.to_edit, self.title_edit):
            edit.textChanged.connect(later)
        for check in (self.title_check, self.legend_check, self.caption_check,
                      self.footer_check):
            check.toggled.connect(later)
        self.range_group.buttonToggled.connect(later)

    def _restore(self, saved: dict) -> None:
        def get(key, default):
            value = saved.get(key)
            # type, not isinstance: a remembered True is no width.
            return value if type(value) is type(default) else default

        kind = get("format", "png")
        kind = kind if kind in FILE_FILTERS else "png"
        folder = default_folder(self._settings.last_folder(OPTIONS_GROUP))
        stem = Path(self._data_path).stem if self._data_path else "timeline"
        self.path_edit.setText(str(Path(folder) / f"{stem}-timeline.{kind}"))
        self.format_combo.setCurrentIndex(self.format_combo.findData(kind))
        chosen = get("range", "view")
        self.range_buttons[chosen if chosen in RANGES else "view"].setChecked(True)
        self.from_edit.setText(get("from", ""))
        self.to_edit.setText(get("to", ""))
        self.width_spin.setValue(get("width", 1600))
        self.scale_spin.setValue(get("scale", 1.0))
        page = get("page", "A4")
        self.page_combo.setCurrentIndex(max(0, self.page_combo.findData(page)))
        self.orientation_combo.setCurrentIndex(0 if get("landscape", True) else 1)
        self.pages_spin.setValue(get("pages", 0))
        self.theme_combo.setCurrentIndex(1 if get("dark", False) else 0)
        self.title_check.setChecked(get("title", True))
        self.title_edit.setEnabled(self.title_check.isChecked())
        self.legend_check.setChecked(get("legend", True))
        self.caption_check.setChecked(get("caption", True))
        self.footer_check.setChecked(get("footer", True))
        self._on_format()

    def remembered(self) -> dict:
        """The choices to remember for the next export (not the file name or the title)."""
        return {
            "format": self.format(), "range": self._range(), "from": self.from_edit.text(),
            "to": self.to_edit.text(), "width": self.width_spin.value(),
            "scale": self.scale_spin.value(), "page": self.page_combo.currentData(),
            "landscape": bool(self.orientation_combo.currentData()),
            "pages": self.pages_spin.value(), "dark": bool(self.theme_combo.currentData()),
            "title": self.title_check.isChecked(), "legend": self.legend_check.isChecked(),
            "caption": self.caption_check.isChecked(), "footer": self.footer_check.isChecked(),
        }

    # -- following the choices ----------------------------------------------------------

    def format(self) -> str:
        return self.format_combo.currentData()

    def choices(self) -> tuple[str, ExportOptions]:
        """The format and the options asked for (ExportError when a date does not read)."""
        return self.format(), self.options()

    def _range(self) -> str:
        return next(key for key, button in self.range_buttons.items() if button.isChecked())

    def _on_format(self) -> None:
        kind = self.format()
        pdf = kind == "pdf"
        for widget, shown in ((self.width_spin, not pdf), (self.scale_spin, kind == "png"),
                              (self.page_combo, pdf), (self.orientation_combo, pdf),
                              (self.pages_spin, pdf)):
            widget.setVisible(shown)
            self._form.labelForField(widget).setVisible(shown)
        path = Path(self.path_edit.text())
        if path.name and FORMATS.get(path.suffix.lower()) != kind:
            self.path_edit.setText(str(path.with_suffix(f".{kind}")))

    def _follow_extension(self, text: str) -> None:
        kind = FORMATS.get(Path(text).suffix.lower())
        if kind is not None and kind != self.format():
            self.format_combo.setCurrentIndex(self.format_combo.findData(kind))

    def _browse(self) -> None:
        filters = ";;".join(FILE_FILTERS.values())
        path, chosen = QFileDialog.getSaveFileName(self, "Export Image", self.path_edit.text(),
                                                   filters, FILE_FILTERS[self.format()])
        if path:
            if Path(path).suffix.lower() not in FORMATS:
                kind = next(k for k, f in FILE_FILTERS.items() if f == chosen)
                path += f".{kind}"
            self.path_edit.setText(path)
            self._follow_extension(path)

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    # -- exporting ----------------------------------------------------------------------

    def _bound(self, edit: QLineEdit, end: bool) -> float | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            value = parse_edtf(text)
        except DateError as error:
            raise ExportError(f"{'To' if end else 'From'} date: {error.message}") from None
        bound = value.latest if end else value.earliest
        return None if bound is None else float(bound + 1 if end else bound)

    def options(self) -> ExportOptions:
        """The export the dialog asks for; ExportError when a date does not read."""
        first = after = None
        chosen = self._range()
        if chosen == "view":
            viewport = self._timeline.viewport
            first, after = viewport.start, viewport.end
        elif chosen == "dates":
            first, after = self._bound(self.from_edit, False), self._bound(self.to_edit, True)
            if first is None and after is None:
                raise ExportError("Give a From date, a To date, or both")
        title = None
        if self.title_check.isChecked():
            title = self.title_edit.text().strip()
        return ExportOptions(
            first=first, after=after, width=self.width_spin.value(), scale=self.scale_spin.value(),
            page=self.page_combo.currentData(),
            landscape=bool(self.orientation_combo.currentData()),
            pages=self.pages_spin.value() or None, dark=bool(self.theme_combo.currentData()),
            title=title, legend=self.legend_check.isChecked(),
            caption=self.caption_check.isChecked(), footer=self.footer_check.isChecked(),
            group_by=self._timeline.group_by, event_filter=self._document.filter)

    def export(self) -> bool:
        """Export with the dialog's choices; on success remember them and close."""
        dataset = self._document.dataset
        if dataset is None:
            self._show_problem("Open a timeline file first")
            return False
        path = self.path_edit.text().strip()
        if not path:
            self._show_problem("Choose a file to export to")
            return False
        progress = QProgressDialog("Exporting the timeline…", "Cancel", 0, 100, self)
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        try:
            self.result_ = export_timeline(
                dataset, path, self.options(), font=self._timeline.font(),
                inputs=[self._data_path] if self._data_path else [],
                progress=lambda fraction: progress.setValue(round(fraction * 100)),
                cancelled=progress.wasCanceled)
        except ExportCancelled:
            self._show_problem("Export cancelled; nothing was written")
            return False
        except ExportError as error:
            self._show_problem(error.message)
            return False
        finally:
            progress.close()
            progress.deleteLater()
        self._show_problem("")
        self._settings.set_last_folder(str(Path(path).resolve().parent), OPTIONS_GROUP)
        self._settings.set_options(OPTIONS_GROUP, self.remembered())
        self.exported.emit(str(self.result_.path))
        self.accept()
        return True


def export_image_action(window) -> QAction:
    """File > Export Image… for a main window (its document, timeline, settings and path);
    enabled once a data set is shown."""
    action = QAction("&Export Image…", window)
    action.setObjectName("exportImageAction")
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.setStatusTip("Export the timeline as a PNG, SVG or PDF file")
    action.setEnabled(window.document.dataset is not None)
    window.document.dataset_loaded.connect(lambda _dataset: action.setEnabled(True))

    def open_dialog() -> None:
        dialog = ExportDialog(window.document, window.timeline, window.settings, window.path,
                              window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(
            lambda path: window.statusBar().showMessage(f"Exported {path}", 5000))
        dialog.exported.connect(lambda _path: setattr(
            window, "export_done", export_done(window, dialog.result_)))
        window.export_dialog = dialog
        dialog.open()

    action.triggered.connect(open_dialog)
    return action
