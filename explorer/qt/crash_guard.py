"""Unexpected exceptions: log them, tell the person in a sentence, keep the app running."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LOG_NAME = "explorer.log"
logger = logging.getLogger("explorer")


def default_log_dir() -> Path:
    """The user's data folder for this app (e.g. ~/.local/share/Timeline Explorer)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".timeline-explorer")


def short_message(error: BaseException) -> str:
    """One sentence about the error, without a traceback."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {text}" if text else name


class CrashGuard:
    """Installed as `sys.excepthook`: writes the traceback to a log file and shows a dialog."""

    def __init__(self, log_dir: Path | None = None, parent: QWidget | None = None) -> None:
        self.log_dir = Path(log_dir) if log_dir is not None else default_log_dir()
        self.parent = parent
        self.dialog: ErrorDialog | None = None
        self._previous_hook: Callable[..., object] | None = None
        self._handler: logging.Handler | None = None

    @property
    def log_path(self) -> Path:
        return self.log_dir / LOG_NAME

    def install(self) -> CrashGuard:
        handler: logging.Handler
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                self.log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = logging.StreamHandler(sys.stderr)  # no writable data folder: stderr only
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        self._handler = handler
        self._previous_hook = sys.excepthook
        sys.excepthook = self.handle
        return self

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if self._handler is not None:
            logger.removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    def handle(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        logger.error("unexpected error\n%s", details)
        # Show the dialog from the event loop, never inside the failing call's stack.
        QTimer.singleShot(0, lambda: self._show(short_message(error), details))

    def _show(self, message: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; every error is in the log
        self.dialog = ErrorDialog(message, details, self.log_path, self.parent)
        self.dialog.show()


class ErrorDialog(QDialog):
    """A short message, where the details were logged, and a button that copies them."""

    def __init__(self, message: str, details: str, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle("Something went wrong")
        self.details = details
        text = QLabel(
            "Something went wrong, but the explorer is still running and your data file "
            f"has not been changed.\n\n{message}\n\nDetails were written to {log_path}."
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy Details")
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
