"""The panes' first sizes, as shares of the window, until the person sizes them.

Dock sizes set before the window has its real size (or before the window manager maximizes
it) stay in pixels: on a large screen the right-hand panes were left at a couple of hundred
pixels beside a timeline with empty room. So, on a first start (no saved layout), the panes
are sized as shares of the window at every resize until the person drags a separator; a
saved layout is restored as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

#: The right-hand panes' share of the window's width, and its bounds in pixels.
RIGHT_SHARE, RIGHT_MIN, RIGHT_MAX = 0.3, 300, 640
#: The bottom panes' (events, memberships, map) share of the window's height, and its bounds.
BOTTOM_SHARE, BOTTOM_MIN, BOTTOM_MAX = 0.3, 200, 440
#: The event details' share of the right-hand column (the entity panes have the rest).
DETAILS_SHARE = 0.42


def share(total: int, part: float, low: int, high: int) -> int:
    """`part` of `total`, within `low` and `high` (and never more than half of `total`)."""
    return max(min(int(total * part), high, total // 2), min(low, total // 2))


class InitialLayout(QObject):
    """Sizes the docks of a window as shares of it while no layout is saved or chosen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.active: bool | None = None  # decided at the first show
        window.installEventFilter(self)

    def apply(self) -> None:
        """Size the docks for the window's current size."""
        window, panes = self._window, self._window.panes
        width, height = window.width(), window.height()
        right = share(width, RIGHT_SHARE, RIGHT_MIN, RIGHT_MAX)
        bottom = share(height, BOTTOM_SHARE, BOTTOM_MIN, BOTTOM_MAX)
        window.resizeDocks([panes.event_details], [right], Qt.Orientation.Horizontal)
        # The bottom panes are tabs of one area: size the one in front (the events).
        front = next((d for d in (panes.events, panes.memberships, panes.membership_map)
                      if d.isVisible() and not d.visibleRegion().isEmpty()), panes.events)
        window.resizeDocks([front], [bottom], Qt.Orientation.Vertical)
        column = max(panes.event_details.height() + panes.organizations.height(), 1)
        details = int(column * DETAILS_SHARE)
        window.resizeDocks([panes.event_details, panes.organizations], [details, column - details],
                           Qt.Orientation.Vertical)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and self.active is None:
            self.active = self._window.settings.window_state() is None
        if self.active and kind in (QEvent.Type.Show, QEvent.Type.Resize):
            self.apply()
        elif self.active and kind == QEvent.Type.MouseButtonPress:
            # A press on the window itself, not on a pane: a separator being dragged.
            self.active = False
        return False
