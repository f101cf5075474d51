"""Remembered state survives a round trip, and corrupt or foreign values read as defaults."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings

from explorer.qt.settings import MAX_RECENT_FILES, WINDOW_STATE_VERSION, Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "explorer.ini"), QSettings.Format.IniFormat))


def reopened(settings: Settings) -> Settings:
    settings.sync()
    return Settings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))


def test_recent_files_are_most_recent_first_without_duplicates(settings):
    for name in ("a.yaml", "b.yaml", "a.yaml"):
        settings.add_recent_file(f"/data/{name}")
    assert reopened(settings).recent_files() == ["/data/a.yaml", "/data/b.yaml"]


def test_recent_files_are_bounded(settings):
    for number in range(MAX_RECENT_FILES + 5):
        settings.add_recent_file(f"/data/{number}.yaml")
    files = settings.recent_files()
    assert len(files) == MAX_RECENT_FILES
    assert files[0] == f"/data/{MAX_RECENT_FILES + 4}.yaml"


def test_file_state_round_trips_per_file(settings):
    settings.set_file_state("/data/a.yaml", {"filter": {"actors": ["unodc"]}})
    settings.set_file_state("/data/b.yaml", {"filter": {"tags": ["campaign"]}})
    again = reopened(settings)
    assert again.file_state("/data/a.yaml") == {"filter": {"actors": ["unodc"]}}
    assert again.file_state("/data/b.yaml") == {"filter": {"tags": ["campaign"]}}
    assert again.file_state("/data/c.yaml") == {}


def test_corrupt_values_read_as_defaults(settings):
    store = settings.store
    store.setValue("files/recent", "{not json")
    store.setValue("files/state", "[1, 2, 3]")
    store.setValue("behaviour/autoReload", "sometimes")
    store.setValue("window/state", "not bytes")
    store.setValue("window/stateVersion", "x")
    store.setValue("options/export", "42")
    again = reopened(settings)
    assert again.recent_files() == []
    assert again.file_state("/data/a.yaml") == {}
    assert again.auto_reload() is True
    assert again.window_state() is None
    assert again.options("export") == {}


def test_window_state_from_another_layout_version_is_ignored(settings):
    settings.set_window_state(QByteArray(b"layout"))
    assert reopened(settings).window_state() == QByteArray(b"layout")
    settings.store.setValue("window/stateVersion", WINDOW_STATE_VERSION + 1)
    assert reopened(settings).window_state() is None


def test_options_and_auto_reload_round_trip(settings):
    settings.set_options("export", {"format": "svg", "width": 2400})
    settings.set_auto_reload(False)
    again = reopened(settings)
    assert again.options("export") == {"format": "svg", "width": 2400}
    assert again.auto_reload() is False
