"""Refreshes that fall due together run one per turn of the event loop, in the order they fell
due, each once: the window paints and answers input between two panes' refreshes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer

from explorer.qt.coalesced import Coalesced


def given_refreshes(qtbot, names, log):
    owner = QObject()
    refreshes = {name: Coalesced(lambda name=name: log.append(name), owner) for name in names}
    return owner, refreshes


def test_refreshes_due_together_run_in_separate_turns_in_the_order_they_fell_due(qtbot):
    log: list[str] = []
    owner = QObject()

    def counts() -> None:
        # The first refresh asks for a turn of the window (a zero timer stands for its paint
        # and input): it comes before the last refresh, not after them all.
        log.append("counts")
        QTimer.singleShot(0, lambda: log.append("a turn of the window"))

    refreshes = [
        Coalesced(counts, owner),
        Coalesced(lambda: log.append("columns"), owner),
        Coalesced(lambda: log.append("chart"), owner),
    ]
    for refresh in refreshes:
        refresh.schedule()
    qtbot.waitUntil(lambda: not any(refresh.pending for refresh in refreshes))
    qtbot.waitUntil(lambda: "a turn of the window" in log)

    assert [entry for entry in log if entry != "a turn of the window"] == ["counts", "columns", "chart"]
    assert log.index("a turn of the window") < log.index("chart")


def test_a_refresh_asked_again_while_due_runs_once_in_its_first_place(qtbot):
    log: list[str] = []
    owner = QObject()
    columns = Coalesced(lambda: log.append("columns"), owner)
    chart = Coalesced(lambda: log.append("chart"), owner)

    def counts() -> None:
        log.append("counts")
        columns.schedule()  # asked again while it waits its turn, before the chart
        columns.schedule()

    refreshes = [Coalesced(counts, owner), columns, chart]
    for refresh in refreshes:
        refresh.schedule()
    qtbot.waitUntil(lambda: not any(refresh.pending for refresh in refreshes))

    assert log == ["counts", "columns", "chart"]


def test_flush_runs_a_refresh_waiting_its_turn_now_and_only_once(qtbot):
    log: list[str] = []
    owner, refreshes = given_refreshes(qtbot, ["counts", "columns"], log)
    refreshes["counts"].schedule()
    refreshes["columns"].schedule()
    assert refreshes["columns"].pending
    refreshes["columns"].flush()
    assert log == ["columns"]
    assert not refreshes["columns"].pending
    qtbot.waitUntil(lambda: not refreshes["counts"].pending)

    assert log == ["columns", "counts"]


def test_the_refresh_of_a_pane_deleted_while_it_waits_does_not_run(qtbot):
    log: list[str] = []
    owner, refreshes = given_refreshes(qtbot, ["gone", "kept"], log)
    other = QObject()
    kept = Coalesced(lambda: log.append("kept"), other)
    refreshes["gone"].schedule()
    kept.schedule()
    shiboken6.delete(owner)  # the pane, and its refresh with it
    qtbot.waitUntil(lambda: not kept.pending)

    assert log == ["kept"]


def test_a_refresh_with_a_delay_restarts_its_delay_when_asked_again(qtbot):
    log: list[str] = []
    owner = QObject()
    typing = Coalesced(lambda: log.append("search"), owner, msec=30)
    typing.schedule()
    qtbot.wait(10)
    typing.schedule()
    assert typing.pending
    qtbot.waitUntil(lambda: not typing.pending)

    assert log == ["search"]
