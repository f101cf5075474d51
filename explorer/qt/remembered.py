"""What the person was looking at in each file, brought back when it is opened again: the
lanes, the days in view (the zoom), the lanes' scroll, the "as of" day and the campaign or
protocol the membership views answer for. (The filter has its own memory, in
`panes/install.py`.)

Kept in the file's entry of `Settings.file_state` under "view", with a version number like
the window layout's: a state written by another version is ignored.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer

from explorer.model.memberships import membership_targets
from explorer.qt.coalesced import Coalesced
from explorer.timescale.lanes import GroupBy
from explorer.timescale.viewport import Viewport

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

#: Bumped whenever the stored view state changes meaning; older states are ignored.
VIEW_STATE_VERSION = 1
#: Changes are written once they stop for this long (a wheel zoom is dozens of changes).
SAVE_AFTER_MS = 400


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value) else None


class ViewMemory(QObject):
    """Saves the view of the open file as it changes and restores it when a file opens."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._path: str | None = None  # the file whose view is being followed
        self._restoring = False
        self._waiting: dict | None = None  # a view to restore once the timeline is shown
        self._snapshot: dict | None = None  # the followed file's view at its last change
        self._later = Coalesced(self.save, self, SAVE_AFTER_MS)
        timeline, document = window.timeline, window.document
        timeline.viewport_changed.connect(self._changed)
        timeline.group_by_changed.connect(self._changed)
        timeline.vbar.valueChanged.connect(self._changed)
        document.as_of_changed.connect(self._changed)
        document.membership_target_changed.connect(self._changed)
        window.file_opened.connect(self._opened)
        window.installEventFilter(self)
        timeline.installEventFilter(self)

    def state(self) -> dict:
        """The view as it is now, as stored."""
        timeline, document = self._window.timeline, self._window.document
        viewport = timeline.viewport
        return {"version": VIEW_STATE_VERSION, "groupBy": timeline.group_by.value,
                "start": viewport.start, "end": viewport.end, "scrollY": timeline.scroll_y,
                "asOf": document.as_of, "target": document.membership_target}

    def group_by_for(self, path: str) -> GroupBy:
        """The lanes the timeline is to show of `path` once it loads: those it shows now for
        the followed file (a reload keeps the view) or a file with no view remembered, else
        the remembered ones."""
        path = os.path.abspath(path)
        stored = None if path == self._path else self._window.settings.file_state(path).get("view")
        if isinstance(stored, dict) and stored.get("version") == VIEW_STATE_VERSION:
            try:
                return GroupBy(stored.get("groupBy"))
            except ValueError:
                pass
        return self._window.timeline.group_by

    def save(self) -> None:
        """Write the last view of the followed file."""
        if self._path is None or self._snapshot is None:
            return
        settings = self._window.settings
        entry = dict(settings.file_state(self._path))
        entry["view"] = self._snapshot
        settings.set_file_state(self._path, entry)

    def _following(self) -> bool:
        """Whether the view on screen is the followed file's (not the next file's, loaded but
        not yet announced, nor one being restored)."""
        dataset = self._window.document.loaded_dataset
        return self._path is not None and not self._restoring and self._waiting is None \
            and dataset is not None and dataset.path is not None \
            and os.path.abspath(dataset.path) == self._path

    def _changed(self, *_args) -> None:
        if self._following():
            self._snapshot = self.state()
            self._later.schedule()

    def _opened(self, path: str) -> None:
        if path == self._path:
            return  # a reload keeps the view as it is
        self._later.flush()  # the file shown until now gets its last view
        self._path, self._snapshot = path, None
        stored = self._window.settings.file_state(path).get("view")
        if isinstance(stored, dict) and stored.get("version") == VIEW_STATE_VERSION:
            if self._window.timeline.isVisible():
                self.restore(stored)
            else:
                self._waiting = stored

    def restore(self, stored: dict) -> None:
        """Bring back a stored view; parts that no longer apply (a target the file lost, an
        unknown grouping, days that are not numbers) are left as they are."""
        window = self._window
        timeline, document = window.timeline, window.document
        self._restoring = True
        try:
            try:
                timeline.set_group_by(GroupBy(stored.get("groupBy")))
            except ValueError:
                pass
            start, end = _number(stored.get("start")), _number(stored.get("end"))
            if start is not None and end is not None and end > start:
                timeline.set_viewport(Viewport(start, end, timeline.viewport.width_px))
            scroll = _number(stored.get("scrollY"))
            if scroll is not None:
                timeline.set_scroll_y(scroll)
            as_of = stored.get("asOf")
            if as_of is None or _number(as_of) is not None:
                document.set_as_of(_number(as_of))
            target = stored.get("target")
            dataset = document.loaded_dataset
            if dataset is not None and target in {t.id for t in membership_targets(dataset)}:
                document.set_membership_target(target)
        finally:
            self._restoring = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.Close:
            if self._following():
                self._snapshot = self.state()
            self.save()
        elif watched is self._window.timeline and self._waiting is not None \
                and kind in (QEvent.Type.Show, QEvent.Type.Resize) \
                and self._window.timeline.isVisible():
            # After the timeline's own first fit, which this event is about to run.
            QTimer.singleShot(0, self._restore_waiting)
        return False

    def _restore_waiting(self) -> None:
        stored, self._waiting = self._waiting, None
        if stored is not None:
            self.restore(stored)
