"""The panes start at a sensible share of the window, whatever size the window gets after it
is shown; a layout the person saved comes back as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from explorer.qt.main_window import MainWindow
from tests.helpers.windows import shown_and_active, timeline_of


def widths(window) -> tuple[int, int]:
    """(timeline, event details) widths once the window's layout has settled."""
    window.layout().activate()
    return timeline_of(window).width(), window.findChild(QWidget, "eventDetails").width()


@pytest.mark.parametrize("size", [(1920, 1080), (2560, 1440), (1280, 800)])
def test_panes_keep_their_share_when_the_window_grows_after_it_is_shown(window, qtbot, blue_heart_copy,
                                                                        size):
    window.resize(1024, 700)
    shown_and_active(qtbot, window)
    assert window.open_file(str(blue_heart_copy))

    window.resize(*size)  # the window manager maximizes the new window
    qtbot.waitUntil(lambda: window.width() == size[0])

    timeline, details = widths(window)
    assert min(0.28 * size[0], 600) <= details <= 0.4 * size[0]
    assert timeline >= 0.5 * size[0]
    bottom = window.findChild(QWidget, "eventsDock").height()  # the bottom tabs' front one
    assert 0.2 * size[1] <= bottom <= 0.4 * size[1]


def test_a_saved_layout_is_restored_as_it_was(qtbot, settings, blue_heart_copy):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(780, 700)  # within the headless screen, so that the geometry is restored as is
    shown_and_active(qtbot, first)
    details = first.findChild(QWidget, "eventDetails")
    first.resizeDocks([details], [170], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(details.width() - 170) <= 8)
    first.close()

    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.restore_layout()
    shown_and_active(qtbot, second)
    assert second.size() == first.size()
    qtbot.waitUntil(lambda: abs(second.findChild(QWidget, "eventDetails").width() - 170) <= 8)
