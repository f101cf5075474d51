"""A Qt application for exporting images where there may be no display (`explorer export`
in a terminal, over SSH, in CI)."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication


def ensure_application():
    """The running Qt GUI application, or a new one; with no display (no DISPLAY or
    WAYLAND_DISPLAY) and no platform chosen, on Qt's offscreen platform."""
    app = QGuiApplication.instance()
    if app is not None:
        return app
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["explorer export"])
