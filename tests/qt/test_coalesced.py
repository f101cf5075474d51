"""Refreshes that fall due together run in the order they fell due, each once, a slice of the
event loop's time at a time: the window paints and answers input between two slices."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer

from explorer.qt import coalesced
from explorer.qt.coalesced import Coalesced


def given_refreshes(names, log):
    owner = QObject()
    refreshes = {name: Coalesced(lambda name=name: log.append(name), owner) for name in names}
    return owner, refreshes


class Clock:
    """The turns' clock, moved by the refreshes themselves: each takes what it says."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def taking(self, ms: float, log: list[str], name: str, then_a_turn: bool = False):
        """A refresh that takes `ms`; `then_a_turn`: one that then asks for a turn of the
        window (a zero timer stands for its paint and input between two turns)."""
        def refresh() -> None:
            log.append(name)
            self.now += ms / 1000.0
            if then_a_turn:
                QTimer.singleShot(0, lambda: log.append("a turn of the window"))
        return refresh


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(coalesced._TURNS, "clock", clock)
    return clock


def when_due_together(qtbot, refreshes: list[Coalesced], log: list[str], entries: int) -> None:
    """Ask for every refresh at once, and wait until they have run and `log` holds `entries`."""
    for refresh in refreshes:
        refresh.schedule()
    qtbot.waitUntil(lambda: not any(refresh.pending for refresh in refreshes) and len(log) == entries)


def test_refreshes_due_together_wait_for_the_next_turn_once_a_slice_of_time_has_gone(qtbot, clock):
    log: list[str] = []
    owner = QObject()
    refreshes = [Coalesced(clock.taking(coalesced.SLICE_MS + 5, log, "counts", then_a_turn=True), owner),
                 Coalesced(clock.taking(1, log, "columns"), owner), Coalesced(clock.taking(1, log, "chart"), owner)]
    when_due_together(qtbot, refreshes, log, 4)

    # The first took the whole slice: the window had its turn before the other two, which
    # fit in one slice together.
    assert log == ["counts", "a turn of the window", "columns", "chart"]


def test_quick_refreshes_due_together_run_in_one_turn_in_the_order_they_fell_due(qtbot, clock):
    log: list[str] = []
    owner = QObject()
    refreshes = [Coalesced(clock.taking(1, log, "counts", then_a_turn=True), owner),
                 Coalesced(clock.taking(1, log, "columns"), owner), Coalesced(clock.taking(1, log, "chart"), owner)]
    when_due_together(qtbot, refreshes, log, 4)

    assert log == ["counts", "columns", "chart", "a turn of the window"]


def test_a_refresh_that_took_longer_last_time_than_the_slice_has_left_waits_for_the_next_turn(qtbot, clock):
    log: list[str] = []
    owner = QObject()
    refreshes = [Coalesced(clock.taking(5, log, "counts", then_a_turn=True), owner),
                 Coalesced(clock.taking(coalesced.SLICE_MS - 2, log, "columns"), owner)]
    when_due_together(qtbot, refreshes, log, 3)
    when_due_together(qtbot, refreshes, log, 6)

    # Its first time, the columns' refresh was not known to take 18 ms: it ran with the
    # counts; the second time, 5 + 18 ms would not fit in a slice of 20.
    assert log == ["counts", "columns", "a turn of the window", "counts", "a turn of the window", "columns"]


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
    owner, refreshes = given_refreshes(["counts", "columns"], log)
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
    owner, refreshes = given_refreshes(["gone", "kept"], log)
    other = QObject()
    kept = Coalesced(lambda: log.append("kept"), other)
    refreshes["gone"].schedule()
    kept.schedule()
    shiboken6.delete(owner)  # the pane, and its refresh with it
    qtbot.waitUntil(lambda: not kept.pending)

    assert log == ["kept"]


def test_a_refresh_with_a_delay_asked_twice_runs_once_after_its_delay(qtbot):
    log: list[str] = []
    owner = QObject()
    typing = Coalesced(lambda: log.append("search"), owner, msec=30)
    typing.schedule()
    typing.schedule()
    assert typing.pending and log == []
    qtbot.waitUntil(lambda: not typing.pending)

    assert log == ["search"]
