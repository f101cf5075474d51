"""A readable list of what is wrong with a file: line, column, where and what to do."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.model.diagnostics import Diagnostic
from explorer.model.queries import counted


def diagnostics_text(diagnostics: Sequence[Diagnostic]) -> str:
    """The diagnostics as compiler-style lines, as `explorer check` prints them."""
    return "\n".join(str(d) for d in diagnostics)


def diagnostics_summary(diagnostics: Sequence[Diagnostic]) -> str:
    """"1 error", "3 errors and 1 warning", "no problems"."""
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = []
    if errors:
        parts.append(counted(errors, "error"))
    if warnings:
        parts.append(counted(warnings, "warning"))
    return " and ".join(parts) or "no problems"


def fix_them(diagnostics: Sequence[Diagnostic]) -> str:
    """"Fix it" for one problem, "Fix them" for several."""
    return "Fix it" if len(diagnostics) == 1 else "Fix them"


class DiagnosticsDialog(QDialog):
    """Shows every problem of a file that could not be opened, with a copy button."""

    def __init__(self, path: str, diagnostics: Sequence[Diagnostic], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.diagnostics = tuple(diagnostics)
        name = Path(path).name or path
        self.setWindowTitle(f"Cannot open {name}")

        summary = QLabel(
            f"<b>{escape(name)}</b> has {diagnostics_summary(self.diagnostics)}. "
            f"{fix_them(self.diagnostics)} in your text editor: the file opens as soon as it "
            "is saved without errors (or use File > Reload). Nothing has been changed."
        )
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTreeWidget()
        self.table.setObjectName("diagnosticsList")
        self.table.setAccessibleName("Problems in the file")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setHeaderLabels(["Line", "Col", "", "Where", "Problem"])
        for d in self.diagnostics:
            item = QTreeWidgetItem(
                [str(d.line), str(d.column), d.severity.value, d.path, d.message]
            )
            item.setToolTip(4, d.message)
            item.setData(0, Qt.ItemDataRole.UserRole, d)
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setStretchLastSection(True)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("Copy All", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 360)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(diagnostics_text(self.diagnostics))
