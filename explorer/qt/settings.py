"""Typed access to the app's remembered state, through one `QSettings` handed in.

Values that are missing, corrupt or written by another version read as their defaults;
nothing here raises on bad stored data.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

#: Bumped whenever the dock layout changes incompatibly; older saved layouts are ignored.
WINDOW_STATE_VERSION = 2
MAX_RECENT_FILES = 10


class Settings:
    """The one wrapper every part of the app uses to remember things."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

    # -- primitive readers that never raise ---------------------------------------------

    def _text(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
            return value.lower() in ("true", "1")
        if isinstance(value, int):
            return bool(value)
        return default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _json(self, key: str, default: Any) -> Any:
        raw = self._store.value(key)
        if not isinstance(raw, str):
            return default
        try:
            value = json.loads(raw)
        except ValueError:
            return default
        return value if isinstance(value, type(default)) else default

    def _set_json(self, key: str, value: Any) -> None:
        self._store.setValue(key, json.dumps(value, ensure_ascii=False))

    # -- window -------------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)

    def window_state(self) -> QByteArray | None:
        """The saved dock layout, or None when it was saved by another layout version."""
        version = self._store.value("window/stateVersion")
        try:
            version = int(version)
        except (TypeError, ValueError):
            return None
        return self._bytes("window/state") if version == WINDOW_STATE_VERSION else None

    def set_window_state(self, state: QByteArray) -> None:
        self._store.setValue("window/state", state)
        self._store.setValue("window/stateVersion", WINDOW_STATE_VERSION)

    # -- files --------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        files = self._json("files/recent", [])
        return [f for f in files if isinstance(f, str)][:MAX_RECENT_FILES]

    def add_recent_file(self, path: str) -> None:
        files = [path] + [f for f in self.recent_files() if f != path]
        self._set_json("files/recent", files[:MAX_RECENT_FILES])

    def last_folder(self, purpose: str = "open") -> str:
        return self._text(f"files/lastFolder/{purpose}")

    def set_last_folder(self, folder: str, purpose: str = "open") -> None:
        self._store.setValue(f"files/lastFolder/{purpose}", folder)

    def legend_shown(self) -> bool:
        """Whether View > Legend is on (off until a person turns it on)."""
        return self._bool("view/legend", False)

    def set_legend_shown(self, shown: bool) -> None:
        self._store.setValue("view/legend", shown)

    # -- per-file view state (filter, viewport...) ----------------------------------------

    def file_state(self, path: str) -> dict:
        """What was remembered about one data file (a JSON-able dict, possibly empty)."""
        states = self._json("files/state", {})
        state = states.get(path)
        return state if isinstance(state, dict) else {}

    def set_file_state(self, path: str, state: dict) -> None:
        states = self._json("files/state", {})
        states.pop(path, None)
        states[path] = state
        while len(states) > 50:  # keep the most recently written files only
            states.pop(next(iter(states)))
        self._set_json("files/state", states)

    # -- behaviour ----------------------------------------------------------------------

    def auto_reload(self) -> bool:
        return self._bool("behaviour/autoReload", True)

    def set_auto_reload(self, enabled: bool) -> None:
        self._store.setValue("behaviour/autoReload", enabled)

    def editor_command(self) -> str:
        """The command that opens a file at a line (`code --goto {file}:{line}`), or ""."""
        return self._text("behaviour/editorCommand")

    def set_editor_command(self, command: str) -> None:
        self._store.setValue("behaviour/editorCommand", command)

    def hint_dismissed(self, hint: str) -> bool:
        """Whether the person closed a hint for good (the first-run hint...)."""
        return self._bool(f"hints/{hint}Dismissed", False)

    def dismiss_hint(self, hint: str) -> None:
        self._store.setValue(f"hints/{hint}Dismissed", True)

    def options(self, group: str) -> dict:
        """A JSON-able dict of options for one feature (e.g. the export dialog)."""
        return self._json(f"options/{group}", {})

    def set_options(self, group: str, options: dict) -> None:
        self._set_json(f"options/{group}", options)
