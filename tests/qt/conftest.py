"""Fixtures for tests that drive the real main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from explorer.qt.main_window import MainWindow
from explorer.qt.settings import Settings
from tests.helpers.windows import given_shipped_window


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings in a throwaway INI file, never the user's own."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings):
    """The main window, not yet showing a file."""
    main_window = MainWindow(settings)
    qtbot.addWidget(main_window)
    yield main_window
    main_window.watcher.stop()


@pytest.fixture
def shown(window, qtbot, blue_heart_copy):
    """The main window on a copy of the shipped data set, on screen and the active window."""
    return given_shipped_window(window, qtbot, blue_heart_copy)
