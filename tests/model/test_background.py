"""The background lane runs the work that waits behind a load (a search index, a cache
entry) one piece at a time, in the order given, so that at most one thread besides the
window's holds the interpreter."""

from __future__ import annotations

import threading

from explorer.model.background import Lane


def test_work_runs_in_the_order_given_one_piece_at_a_time():
    lane = Lane("test lane")
    gate = threading.Event()
    ran: list[str] = []
    running = []

    def work(name: str) -> None:
        running.append(name)
        if name == "first":
            gate.wait(5)
        assert len(running) - len(ran) == 1, "two pieces of work ran at once"
        ran.append(name)

    first = lane.submit(work, "first")
    later = [lane.submit(work, name) for name in ("second", "third")]
    assert not first.finished and ran == []  # held at the gate; the rest waits its turn
    gate.set()
    assert all(done.wait(5) for done in later)
    assert first.finished and ran == ["first", "second", "third"]


def test_the_lane_is_one_daemon_thread(monkeypatch):
    lane = Lane("test lane")
    threads = []
    for _ in range(3):
        assert lane.submit(lambda: threads.append(threading.current_thread())).wait(5)
    assert len(set(threads)) == 1
    assert threads[0] is not threading.main_thread()
    assert threads[0].daemon and threads[0].name == "test lane"


def test_work_that_raises_is_told_as_a_thread_would_tell_it_and_the_lane_goes_on(monkeypatch):
    told = []
    monkeypatch.setattr(threading, "excepthook", told.append)
    lane = Lane("test lane")

    def fails() -> None:
        raise RuntimeError("the index could not be built")

    failed = lane.submit(fails)
    after = lane.submit(lambda: None)
    assert failed.wait(5) and after.wait(5)
    assert [type(args.exc_value) for args in told] == [RuntimeError]
    assert str(told[0].exc_value) == "the index could not be built"
