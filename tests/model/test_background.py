"""The background lane runs the work that waits behind a load (a search index, a cache
entry) one piece at a time, in the order given, so that at most one thread besides the
window's holds the interpreter."""

from __future__ import annotations

import threading
import time

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


def test_a_closed_gate_stops_the_work_at_its_checkpoint_until_it_opens():
    from explorer.model.background import Gate

    lane = Lane("test lane")
    lane.gate = gate = Gate(patience=30.0)
    steps: list[int] = []

    def work() -> None:
        for step in range(3):
            lane.checkpoint()
            steps.append(step)

    gate.close()
    done = lane.submit(work)
    assert not done._event.wait(0.2)  # `wait` itself would open the gate: look without it
    assert steps == []
    gate.open()
    assert done.wait(5) and steps == [0, 1, 2]


def test_a_gate_closed_past_its_patience_stops_nothing():
    # A window that stays busy slows the work down; it never stops it for good.
    from explorer.model.background import Gate

    lane = Lane("test lane")
    lane.gate = gate = Gate(patience=0.05)
    gate.close()
    done = lane.submit(lambda: [lane.checkpoint() for _ in range(100)])
    assert done._event.wait(5)
    assert not gate.is_open


def test_work_given_while_the_gate_is_closed_has_its_own_patience():
    # The window gave the work while still busy (a search index for the data set it is about
    # to paint): the work waits for the window, though the gate closed long before.
    from explorer.model.background import Gate

    lane = Lane("test lane")
    lane.gate = gate = Gate(patience=30.0)
    gate.close()
    gate._closed_at -= 60.0  # closed a minute ago: past its patience for work begun then
    steps: list[int] = []
    done = lane.submit(lambda: steps.append(1))
    assert not done._event.wait(0.2)  # `wait` itself would open the gate: look without it
    assert steps == []
    gate.open()
    assert done.wait(5) and steps == [1]


def test_a_loading_threads_patience_counts_from_the_closing_alone():
    # A new piece of the lane's work waits afresh; a load beside it does not wait longer for it.
    from explorer.model.background import Gate

    lane = Lane("test lane")
    lane.gate = gate = Gate(patience=10.0)
    gate.close()
    gate._closed_at -= 60.0  # closed past its patience
    done = lane.submit(lambda: None)  # begun now: waits for the gate
    assert not done._event.wait(0.2)
    with lane.yielding():
        started = time.monotonic()
        lane.checkpoint()  # a load's checkpoint: returns at once
        waited = time.monotonic() - started
    assert waited < 5.0
    gate.open()
    assert done.wait(5)


def test_waiting_for_the_work_opens_the_gate_and_checkpoints_elsewhere_do_nothing():
    from explorer.model.background import Gate

    lane = Lane("test lane")
    lane.gate = gate = Gate(patience=30.0)
    gate.close()
    lane.checkpoint()  # not the lane's thread: returns at once
    done = lane.submit(lane.checkpoint)
    assert done.wait(5)
    assert gate.is_open


def test_held_work_waits_at_its_checkpoints_whatever_the_gate_until_the_hold_ends():
    # A load holds the lane: its work (most often for the data set the load replaces) waits
    # at its checkpoints, open gate or none, and a piece of work given meanwhile waits to begin.
    from explorer.model.background import Gate

    lane = Lane("test lane")
    lane.gate = gate = Gate(patience=0.01)
    steps: list[str] = []
    started = threading.Event()

    def work() -> None:
        started.set()
        for step in range(3):
            lane.checkpoint()
            steps.append(f"first {step}")

    with lane.yielding():
        with lane.held():
            first = lane.submit(work)
            second = lane.submit(lambda: steps.append("second"))
            assert not first._event.wait(0.3)  # `wait` itself lets the work go on: look without it
            assert gate.is_open and steps == [] and not started.is_set()
            lane.checkpoint()  # the loading thread's own checkpoints are not held
    assert first.wait(5) and second.wait(5)
    assert steps == ["first 0", "first 1", "first 2", "second"]


def test_a_hold_stops_work_already_running_and_waiting_for_the_work_lets_it_go_on():
    lane = Lane("test lane")  # no gate at all: a hold still holds
    running, steps = threading.Event(), []
    go_on = threading.Event()

    def work() -> None:
        running.set()
        go_on.wait(5)
        for step in range(3):
            lane.checkpoint()
            steps.append(step)

    done = lane.submit(work)
    assert running.wait(5)
    with lane.held(), lane.held():  # holds nest
        go_on.set()
        assert not done._event.wait(0.3)
        assert steps == []
        assert done.wait(5)  # a thread that waits for the work: the hold lets it go
    assert steps == [0, 1, 2]


def test_a_text_index_asked_for_while_another_thread_builds_it_is_built_once(monkeypatch):
    import explorer.model.filters as filters
    from benchmarks.make_dataset import make
    from explorer.model.load.loader import load_text

    dataset = load_text(make(2_000))
    index = filters.FilterIndex(dataset)
    building, go_on = threading.Event(), threading.Event()
    calls = []
    fold_all = filters.fold_all

    def slow_fold_all(texts):
        calls.append(threading.current_thread().name)
        building.set()
        go_on.wait(5)
        return fold_all(texts)

    monkeypatch.setattr(filters, "fold_all", slow_fold_all)
    builder = threading.Thread(target=index.prepare, name="builder")
    builder.start()
    assert building.wait(5)
    threading.Timer(0.1, go_on.set).start()
    found = index.text_mask(filters.fold(dataset.events[0].title))  # waits for the builder
    builder.join(5)
    assert calls == ["builder"]
    assert found[0]
