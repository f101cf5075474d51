"""Fixtures for tests that drive the real main window."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings

from explorer.paths import shipped_dataset
from explorer.qt.main_window import MainWindow
from explorer.qt.settings import Settings


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
def blue_heart_copy(tmp_path):
    """A private copy of the shipped data set that tests may edit."""
    path = tmp_path / "blue_heart.yaml"
    shutil.copyfile(shipped_dataset(), path)
    return path
