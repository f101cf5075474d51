"""An unobtrusive bar above the timeline: the file on disk has errors, the last good data is shown."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.model.diagnostics import Diagnostic
from explorer.qt.dialogs import diagnostics_summary

MAX_LISTED = 6


class ProblemBanner(QFrame):
    """Lists `line:col: message` for each problem; click a line to copy it."""

    #: A diagnostic line was copied to the clipboard (its text).
    line_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setAccessibleName("Problems in the file on disk")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.diagnostics: tuple[Diagnostic, ...] = ()

        self.headline = QLabel()
        self.headline.setObjectName("problemHeadline")
        self.headline.setWordWrap(True)
        self.copy_all = QToolButton()
        self.copy_all.setText("Copy All")
        self.copy_all.clicked.connect(self._copy_all)
        self.list = QListWidget()
        self.list.setObjectName("problemList")
        self.list.setToolTip("Click a problem to copy it")
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.itemClicked.connect(self._copy_item)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.headline, 1)
        top.addWidget(self.copy_all)
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

    def show_problems(self, file_name: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Show the problems of the file on disk; the view keeps the last good data."""
        self.diagnostics = tuple(diagnostics)
        self.headline.setText(
            f"<b>{file_name}</b> has {diagnostics_summary(self.diagnostics)} on disk; "
            "showing the last version that loaded. Fix the file and it reloads."
        )
        self.list.clear()
        errors = [d for d in self.diagnostics if d.is_error] or list(self.diagnostics)
        for diagnostic in errors[:MAX_LISTED]:
            item = QListWidgetItem(diagnostic.short())
            item.setData(Qt.ItemDataRole.UserRole, diagnostic)
            item.setToolTip(str(diagnostic))
            self.list.addItem(item)
        if len(errors) > MAX_LISTED:
            more = QListWidgetItem(f"… and {len(errors) - MAX_LISTED:,} more (Copy All lists them)")
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)
        rows = min(self.list.count(), MAX_LISTED + 1)
        self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + 4 if rows else 0)
        self.show()

    def clear_problems(self) -> None:
        self.diagnostics = ()
        self.list.clear()
        self.hide()

    def lines(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _copy_item(self, item: QListWidgetItem) -> None:
        diagnostic = item.data(Qt.ItemDataRole.UserRole)
        if diagnostic is None:
            return
        QGuiApplication.clipboard().setText(str(diagnostic))
        self.line_copied.emit(str(diagnostic))

    def _copy_all(self) -> None:
        text = "\n".join(str(d) for d in self.diagnostics)
        QGuiApplication.clipboard().setText(text)
        self.line_copied.emit(text)
