"""An unobtrusive bar above the timeline: the file on disk has errors, the last good data is shown.

Each problem is a line `line:col: message` that wraps at the banner's width; the banner is
as tall as its problems up to `MAX_LINES` lines of text and scrolls beyond that, and always
shows at least one whole line. Clicking a problem's place opens the file at that line in the
person's text editor when one is set (`Settings.editor_command`), and copies it otherwise.
"""

from __future__ import annotations

import shlex
from html import escape
from typing import Sequence

from PySide6.QtCore import QProcess, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.model.diagnostics import Diagnostic
from explorer.qt.dialogs import diagnostics_summary
from explorer.qt.settings import Settings

#: Lines of text the banner grows to before its list scrolls.
MAX_LINES = 6
#: Problems listed; Copy All has every one.
MAX_LISTED = 200
PROBLEM_SCHEME = "problem"
EDITOR_EXAMPLES = ("code --goto {file}:{line}:{column}", "gedit +{line} {file}",
                   "subl {file}:{line}:{column}", "kate --line {line} {file}")


def editor_arguments(command: str, diagnostic: Diagnostic) -> list[str]:
    """The program and arguments that open the diagnostic's file at its line, from a command
    such as `code --goto {file}:{line}:{column}` (the file is added at the end when the
    command does not place it)."""
    words = shlex.split(command)
    if not any("{file}" in word for word in words):
        words.append("{file}")
    values = {"file": diagnostic.file, "line": str(diagnostic.line),
              "column": str(diagnostic.column)}
    return [_fill(word, values) for word in words]


def _fill(word: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        word = word.replace("{" + key + "}", value)
    return word


class ProblemBanner(QFrame):
    """Lists `line:col: message` for each problem; click a place to open or copy it."""

    #: A diagnostic line was copied to the clipboard (its text).
    line_copied = Signal(str)
    #: The editor was asked to open a diagnostic's file at its line (the program's arguments).
    editor_started = Signal(list)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setAccessibleName("Problems in the file on disk")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.settings = settings
        self.diagnostics: tuple[Diagnostic, ...] = ()
        self._listed: list[Diagnostic] = []
        self._report: list[str] = []

        self.headline = QLabel()
        self.headline.setObjectName("problemHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.editor_button = QToolButton()
        self.editor_button.setObjectName("problemEditor")
        self.editor_button.setText("Text Editor…")
        self.editor_button.setToolTip("The program that opens a problem's line when you click it")
        self.editor_button.clicked.connect(self.choose_editor)
        self.copy_all = QToolButton()
        self.copy_all.setObjectName("problemCopyAll")
        self.copy_all.setText("Copy All")
        self.copy_all.clicked.connect(self._copy_all)
        self.list = QTextBrowser()
        self.list.setObjectName("problemList")
        self.list.setAccessibleName("Problems")
        self.list.setOpenLinks(False)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.list.viewport().setAutoFillBackground(False)
        self.list.setStyleSheet("QTextBrowser { background: transparent; }")
        self.list.document().setDocumentMargin(0)  # lined up with the headline
        self.list.anchorClicked.connect(self._on_link)
        # The list lays its text out at its own width; follow that height, not a guess.
        self.list.document().documentLayout().documentSizeChanged.connect(self._fit_height)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.headline, 1)
        top.addWidget(self.editor_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.copy_all, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self._apply_palette()
        self.hide()

    def _apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(palette.ColorRole.Window)
        # A warm tint that reads on light and dark themes alike.
        tint = base.lighter(112) if base.lightness() < 128 else base.darker(104)
        tint.setHsv(40, 90 if base.lightness() >= 128 else 120, tint.value())
        palette.setColor(palette.ColorRole.Window, tint)
        self.setPalette(palette)

    def show_problems(self, file_name: str, diagnostics: Sequence[Diagnostic],
                      note: str = "showing the last version that loaded. Fix the file and it "
                                  "reloads.") -> None:
        """Show the problems of the file on disk and what the window does meanwhile (`note`)."""
        self.diagnostics = tuple(diagnostics)
        self.headline.setText(
            f"<b>{escape(file_name)}</b> has {diagnostics_summary(self.diagnostics)} on disk; "
            f"{escape(note)}")
        errors = [d for d in self.diagnostics if d.is_error] or list(self.diagnostics)
        self._listed = errors[:MAX_LISTED]
        self._report = []
        rows = [f"<p style='margin:0 0 2px 0'><a href='{PROBLEM_SCHEME}:{n}'>"
                f"{d.line}:{d.column}</a>: {escape(d.message)}</p>"
                for n, d in enumerate(self._listed)]
        if len(errors) > MAX_LISTED:
            rows.append(f"<p>… and {len(errors) - MAX_LISTED:,} more (Copy All lists them)</p>")
        self.list.setHtml("".join(rows))
        for part in (self.list, self.editor_button, self.copy_all):
            part.show()
        self._update_tip()
        self.show()

    def show_message(self, html: str) -> None:
        """Show a sentence about the file and no list (a file that is missing or unreadable)."""
        self.diagnostics = ()
        self._listed = []
        self._report = []
        self.list.clear()
        for part in (self.list, self.editor_button, self.copy_all):
            part.hide()
        self.headline.setText(html)
        self.show()

    def show_report(self, headline: str, diagnostics: Sequence[Diagnostic],
                    lines: Sequence[str]) -> None:
        """Show an import's report: its warnings first (a click on a place opens or copies
        it, as for problems), then what it kept, converted and dropped."""
        self.diagnostics = tuple(diagnostics)
        self.headline.setText(headline)
        self._listed = list(self.diagnostics[:MAX_LISTED])
        self._report = [str(line) for line in lines[:MAX_LISTED]]
        rows = [f"<p style='margin:0 0 2px 0'><a href='{PROBLEM_SCHEME}:{n}'>"
                f"{d.line}:{d.column}</a>: {escape(d.message)}</p>"
                for n, d in enumerate(self._listed)]
        if len(self.diagnostics) > MAX_LISTED:
            rows.append(f"<p>… and {len(self.diagnostics) - MAX_LISTED:,} more warnings "
                        "(Copy All lists them)</p>")
        rows += [f"<p style='margin:0 0 2px 0'>{escape(line)}</p>" for line in self._report]
        self.list.setHtml("".join(rows))
        for part in (self.list, self.editor_button, self.copy_all):
            part.show()
        self._update_tip()
        self.show()

    def clear_problems(self) -> None:
        self.diagnostics = ()
        self._listed = []
        self._report = []
        self.list.clear()
        self.hide()

    def lines(self) -> list[str]:
        """The problems as listed, `line:col: message`, then an import's report lines."""
        return [d.short() for d in self._listed] + self._report

    # -- size ---------------------------------------------------------------------------

    def _fit_height(self, *_args) -> None:
        """As tall as the wrapped problems, between one line and `MAX_LINES` lines."""
        document = self.list.document()
        line = self.list.fontMetrics().lineSpacing()
        margins = self.list.contentsMargins()
        frame = margins.top() + margins.bottom()
        chrome = frame + 2 * int(document.documentMargin())
        wanted = int(document.size().height() + 0.5) + frame
        height = max(line + chrome, min(wanted, MAX_LINES * line + chrome))
        if height != self.list.height():
            self.list.setFixedHeight(height)

    # -- acting on a problem ------------------------------------------------------------

    def _editor(self) -> str:
        return self.settings.editor_command() if self.settings is not None else ""

    def _update_tip(self) -> None:
        if self._editor():
            self.list.setToolTip("Click a line number to open the file there in your text editor")
        else:
            self.list.setToolTip("Click a line number to copy the problem; set a text editor "
                                 "(Text Editor…) to open the file at that line instead")

    def _on_link(self, url: QUrl) -> None:
        scheme, _colon, value = url.toString().partition(":")
        if scheme != PROBLEM_SCHEME or not value.isdigit() or int(value) >= len(self._listed):
            return
        self.open_problem(self._listed[int(value)])

    def open_problem(self, diagnostic: Diagnostic) -> None:
        """Open the file at the problem's line in the text editor, or copy the problem."""
        command = self._editor()
        if command:
            try:
                arguments = editor_arguments(command, diagnostic)
            except ValueError:  # unbalanced quotes in the command
                arguments = []
            if arguments and QProcess.startDetached(arguments[0], arguments[1:])[0]:
                self.editor_started.emit(arguments)
                return
        QGuiApplication.clipboard().setText(str(diagnostic))
        self.line_copied.emit(str(diagnostic))

    def choose_editor(self) -> None:
        """Ask for the command that opens a file at a line."""
        if self.settings is None:
            return
        examples = "\n".join(EDITOR_EXAMPLES)
        command, accepted = QInputDialog.getText(
            self, "Text Editor",
            "The command that opens a file at a line ({file}, {line} and {column} are filled "
            f"in); empty to copy problems instead. For example:\n{examples}",
            QLineEdit.EchoMode.Normal, self.settings.editor_command())
        if accepted:
            self.settings.set_editor_command(command.strip())
            self._update_tip()

    def _copy_all(self) -> None:
        text = "\n".join(str(d) for d in self.diagnostics)
        QGuiApplication.clipboard().setText(text)
        self.line_copied.emit(text)
