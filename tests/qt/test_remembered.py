"""A file opened again shows what it showed: its lanes, zoom, "as of" day and membership
target come back in the next window (versioned, as the window layout is)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from explorer.qt.main_window import MainWindow
from explorer.timescale.lanes import GroupBy
from explorer.timescale.viewport import Viewport
from tests.helpers.days import day
from tests.helpers.paths import shared_data
from tests.helpers.windows import shown_and_active, timeline_of


def a_window(qtbot, settings, path) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    shown_and_active(qtbot, window)
    assert window.open_file(str(path))
    return window


def given_a_view(window, target: str | None = None) -> None:
    window.findChild(QAction, "groupByActorAction").trigger()
    timeline_of(window).set_viewport(Viewport(day(2008), day(2013), 800))
    window.document.set_as_of(day(2011, 6, 15))
    if target is not None:
        window.document.set_membership_target(target)


def test_restart_keeps_lanes_zoom_and_as_of_for_the_file(qtbot, settings, blue_heart_copy):
    first = a_window(qtbot, settings, blue_heart_copy)
    given_a_view(first)
    viewport = timeline_of(first).viewport
    first.close()

    second = a_window(qtbot, settings, blue_heart_copy)

    timeline = timeline_of(second)
    assert timeline.group_by is GroupBy.ACTOR
    assert timeline.viewport.start == pytest.approx(viewport.start)
    assert timeline.viewport.end == pytest.approx(viewport.end)
    assert second.document.as_of == day(2011, 6, 15)
    assert second.findChild(QAction, "groupByActorAction").isChecked()


def test_restart_keeps_the_membership_target(qtbot, settings, tmp_path):
    treaties = tmp_path / "treaties.yaml"
    treaties.write_bytes(shared_data("memberships/treaties_2012.yaml").read_bytes())
    first = a_window(qtbot, settings, treaties)
    targets = [first.panes.memberships.target.itemData(n)
               for n in range(first.panes.memberships.target.count())]
    assert len(targets) > 1
    given_a_view(first, target=targets[-1])
    first.close()

    second = a_window(qtbot, settings, treaties)

    assert second.document.membership_target == targets[-1]


def test_each_file_keeps_its_own_view(qtbot, settings, blue_heart_copy, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_bytes(blue_heart_copy.read_bytes())
    window = a_window(qtbot, settings, blue_heart_copy)
    given_a_view(window)
    assert window.open_file(str(other))  # fitted, no lanes: a file of its own
    assert timeline_of(window).group_by is GroupBy.ACTOR  # the window keeps its lanes...
    window.findChild(QAction, "groupByNoneAction").trigger()
    window.close()

    again = a_window(qtbot, settings, blue_heart_copy)
    assert timeline_of(again).group_by is GroupBy.ACTOR  # ...and each file its own
    assert again.document.as_of == day(2011, 6, 15)
    assert again.open_file(str(other))
    assert timeline_of(again).group_by is GroupBy.NONE


def test_a_view_stored_by_another_version_is_ignored(qtbot, settings, blue_heart_copy):
    first = a_window(qtbot, settings, blue_heart_copy)
    given_a_view(first)
    first.close()
    path = first.path
    entry = settings.file_state(path)
    entry["view"]["version"] += 1
    settings.set_file_state(path, entry)

    second = a_window(qtbot, settings, blue_heart_copy)

    assert timeline_of(second).group_by is GroupBy.NONE
    assert second.document.as_of is None
