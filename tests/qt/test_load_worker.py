"""Files load in a worker thread: the window keeps answering, shows progress for long loads,
can cancel them without losing what it shows, and runs one load at a time."""

from __future__ import annotations

import os
import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

import explorer.qt.load_worker as load_worker
from benchmarks.make_dataset import make
from explorer.paths import shipped_dataset
from explorer.qt.load_worker import SHOW_AFTER_MS, FileLoads, LoadOutcome
from explorer.qt.remembered import VIEW_STATE_VERSION


@pytest.fixture(scope="module")
def slow_file(tmp_path_factory):
    """A file big enough to take a while, with an anchor (which the fast path does not vouch
    for), so that it goes through the slower path that places every diagnostic. (A warning
    alone no longer does: warnings stay on the fast path.)"""
    path = tmp_path_factory.mktemp("slow") / "slow.yaml"
    path.write_text(make(15_000, 21) + "colour: &c red\n", encoding="utf-8")
    return path


def given_the_shipped_file(window) -> None:
    assert window.open_file(str(shipped_dataset()))
    assert window.document.dataset.title.startswith("Blue Heart")


def when_opening_with(window, slow_file, *during, every_ms: int = 10):
    """Open `slow_file` while a timer calls each of `during` every `every_ms`; the result,
    the number of ticks and the seconds it took."""
    ticks = []
    timer = QTimer()
    timer.setInterval(every_ms)

    def tick():
        ticks.append(time.perf_counter())
        for action in during:
            action()

    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    try:
        opened = window.open_file(str(slow_file))
    finally:
        timer.stop()
    return opened, ticks, time.perf_counter() - started


def test_the_slow_file_takes_the_slow_path(slow_file):
    from explorer.model.load.loader import fast_path_fields

    assert fast_path_fields(slow_file.read_text(encoding="utf-8")) is None


def test_the_event_loop_keeps_running_during_a_load(window, slow_file):
    opened, ticks, seconds = when_opening_with(window, slow_file)
    assert opened
    assert len(window.document.loaded_dataset.events) == 15_000
    assert seconds > 0.2, "the file should take a while to load"
    assert len(ticks) >= 5, f"only {len(ticks)} timer ticks in {seconds:.2f} s"
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    assert sorted(gaps)[len(gaps) // 2] < 0.1, "the window answers several times a second"


def test_progress_is_reported_and_shown_in_a_dialog(window, slow_file):
    fractions = []
    window.loads.progressed.connect(fractions.append)
    shown = []
    opened, _ticks, seconds = when_opening_with(
        window, slow_file, lambda: shown.append(bool(window.loads.dialog and window.loads.dialog.isVisible()))
    )
    assert opened
    assert len(fractions) >= 5
    assert fractions == sorted(fractions) and 0 < fractions[0] and fractions[-1] <= 1
    if seconds * 1000 > SHOW_AFTER_MS + 200:
        assert any(shown), "a long load shows the progress dialog"
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


def test_a_quick_load_shows_no_dialog(window, qtbot):
    seen = []
    window.loads.started.connect(lambda _path: QTimer.singleShot(0, lambda: seen.append(window.loads.dialog)))
    given_the_shipped_file(window)
    assert all(dialog is None or not dialog.isVisible() for dialog in seen)


def test_cancel_leaves_the_previous_data_set_in_place(window, slow_file, qtbot, monkeypatch):
    monkeypatch.setattr(load_worker, "SHOW_AFTER_MS", 0)  # the dialog at once, however fast the machine
    given_the_shipped_file(window)
    before, path, title = window.document.dataset, window.path, window.windowTitle()

    def click_cancel():
        dialog = window.loads.dialog
        if dialog is not None and dialog.isVisible():
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    opened, _ticks, seconds = when_opening_with(window, slow_file, click_cancel, every_ms=20)
    assert not opened
    assert window.document.dataset is before
    assert (window.path, window.windowTitle()) == (path, title)
    assert seconds < 5
    assert window.loads.wait(10), "the cancelled load stops soon"
    assert window.open_action.isEnabled() and window.reload_action.isEnabled()


def test_one_load_at_a_time(window, slow_file):
    given_the_shipped_file(window)
    during = []

    def try_another():
        if window.loads.loading and not during:
            during.append((window.open_action.isEnabled(), window.reload_action.isEnabled(),
                           window.open_file(str(shipped_dataset()))))

    opened, _ticks, _seconds = when_opening_with(window, slow_file, try_another)
    assert opened
    assert during == [(False, False, False)], "Open and Reload are off, and a second open is refused"
    assert window.open_action.isEnabled() and window.reload_action.isEnabled()
    assert len(window.document.loaded_dataset.events) == 15_000


def test_a_reload_asked_for_during_a_load_runs_after_it(window, slow_file, qtbot):
    loads = []
    window.loads.started.connect(loads.append)
    asked = []

    def change_on_disk():
        if window.loads.loading and window.path is not None and not asked:
            asked.append(window.reload())

    given_the_shipped_file(window)
    opened, _ticks, _seconds = when_opening_with(window, slow_file, change_on_disk)
    assert opened and asked == [False]
    qtbot.waitUntil(lambda: len(loads) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: not window.loads.loading, timeout=10_000)
    assert loads[2] == str(slow_file.resolve())
    assert len(window.document.loaded_dataset.events) == 15_000


def test_a_reopened_file_comes_from_the_cache_beside_the_settings(window, tmp_path):
    given_the_shipped_file(window)
    window.loads.cache.flush()
    assert list((tmp_path / "timeline-explorer-cache").glob("*.entry"))
    window.loads.cache.forget()
    given_the_shipped_file(window)


def test_a_stopped_event_loop_gives_up_the_load(qtbot, slow_file, monkeypatch):
    host = QWidget()
    qtbot.addWidget(host)
    loads = FileLoads(host)
    # the load reports once, then waits until the event loop has been stopped (what quitting
    # the app does to it) at that report: it cannot end before, however fast the machine
    release = threading.Event()
    real_load = load_worker.load_dataset

    def held(path, **options):
        options["progress"](0.1)
        release.wait(30)
        return real_load(path, **options)
    monkeypatch.setattr(load_worker, "load_dataset", held)
    loads.progressed.connect(lambda _fraction: loads._loop.exit())
    try:
        outcome = loads.load(str(slow_file))
    finally:
        release.set()
    assert outcome == LoadOutcome(cancelled=True)
    assert loads.wait(10)
    QApplication.processEvents()


def test_file_open_offers_and_opens_json(window, tmp_path):
    from explorer.qt.main_window import OPEN_FILTER

    assert "*.json" in OPEN_FILTER.split(";;")[0]
    path = tmp_path / "generated.json"
    path.write_text('{"timeline": 1, "title": "From JSON", "events": [{"title": "x", "date": 2009}]}')
    assert window.open_file(str(path))
    assert window.document.dataset.title == "From JSON"


def test_the_extents_are_built_while_loading_and_the_search_index_after_the_first_paint(window, qtbot):
    """What the first frame reads is built in the loading thread; the search index follows
    once the data set is on screen, in a thread of its own, without any search asking."""
    from explorer.model.filters import filter_index

    given_the_shipped_file(window)
    index = filter_index(window.document.dataset)
    assert index._extents is not None  # built in the worker, before the data set was shown
    assert window.document.filter.is_empty
    qtbot.waitUntil(lambda: index._lines is not None, timeout=5000)


def test_the_first_load_of_a_file_takes_the_head_start_begun_before_the_window(window, qtbot,
                                                                                 blue_heart_copy):
    """`explorer FILE` begins reading the file before building the window; the window's
    first load of it takes that result instead of reading it again, and a later load reads
    the file anew."""
    from explorer.model.load import loader
    from explorer.qt.head_start import HeadStart

    reads = []
    original = loader.read_file

    def counting(*args, **kwargs):
        reads.append(args[0])
        return original(*args, **kwargs)

    head = HeadStart.begin(str(blue_heart_copy), window.loads.cache)
    assert head is not None
    head.result()  # the head start has read the file
    loader.read_file = counting
    try:
        window.loads.head_start = head
        assert window.open_file(str(blue_heart_copy))
        assert reads == []  # the head start's data set, not a second reading
        assert window.document.dataset.title
        assert window.reload()
        assert len(reads) == 1  # a reload reads the file again
    finally:
        loader.read_file = original


def test_a_head_start_holds_the_interpreter_only_once_its_result_is_asked_for(blue_heart_copy):
    """While the window is built, the head start only reads and parses (work that lets the
    window's thread run); validating waits until the window asks for the result."""
    from explorer.model.load import loader
    from explorer.qt.head_start import HeadStart

    validated = threading.Event()
    original = loader.read_plain

    def watched(*args, **kwargs):
        validated.set()
        return original(*args, **kwargs)

    loader.read_plain = watched
    try:
        head = HeadStart.begin(str(blue_heart_copy), None)
        assert head is not None
        assert head.at_turn.wait(30)  # read and parsed, now waiting
        assert not validated.is_set()
        dataset = head.result()
    finally:
        loader.read_plain = original
    assert validated.is_set()
    assert dataset.title == "Blue Heart Campaign against Human Trafficking"


def test_a_head_start_of_another_file_is_not_taken(window, tmp_path, blue_heart_copy):
    from explorer.model.load.progress import LoadCancelled
    from explorer.qt.head_start import HeadStart

    other = tmp_path / "other.yaml"
    other.write_text(blue_heart_copy.read_text(encoding="utf-8").replace(
        "title:", "title: Other", 1), encoding="utf-8")
    head = HeadStart.begin(str(other), window.loads.cache)
    window.loads.head_start = head
    assert window.open_file(str(blue_heart_copy))
    assert window.document.dataset.title == "Blue Heart Campaign against Human Trafficking"
    assert not head.take(str(blue_heart_copy))
    assert window.loads.head_start is None
    with pytest.raises(LoadCancelled):  # dropped: it stops instead of waiting for a turn
        head.result()


def test_no_head_start_for_what_the_window_explains_itself(tmp_path):
    from explorer.qt.head_start import HeadStart

    assert HeadStart.begin(str(tmp_path / "missing.yaml"), None) is None
    assert HeadStart.begin(str(tmp_path), None) is None
    table = tmp_path / "events.csv"
    table.write_text("title,date\nA,2001\n", encoding="utf-8")
    assert HeadStart.begin(str(table), None) is None
    story = tmp_path / "story.json"  # TimelineJS JSON: not format v1, though it ends in .json
    story.write_text('{"events": [{"start_date": {"year": 2001}, "text": {"headline": "A"}}]}',
                     encoding="utf-8")
    assert HeadStart.begin(str(story), None) is None


def test_the_window_has_the_keyboard_again_after_the_progress_dialog(window, qtbot, blue_heart_copy,
                                                                       monkeypatch):
    from PySide6.QtWidgets import QApplication

    from explorer.qt import load_worker
    from tests.helpers.windows import shown_and_active

    monkeypatch.setattr(load_worker, "SHOW_AFTER_MS", 0)  # a slow load: the dialog shows
    shown_and_active(qtbot, window)
    focused = []
    QApplication.instance().focusWindowChanged.connect(
        lambda w: focused.append(w.objectName() if w is not None else None))
    assert window.open_file(str(blue_heart_copy))
    assert "loadProgressWindow" in focused  # the dialog had the keyboard for a while
    qtbot.waitUntil(window.isActiveWindow)


def test_the_work_behind_a_load_goes_to_the_one_background_lane_index_first(window, qtbot, monkeypatch):
    # Two threads of pure Python beside the window's trade the interpreter between themselves
    # and keep it from the event loop (`explorer.model.background`): the search index and the
    # new cache entry are built one after the other, the index first (a filter may need it).
    from explorer.model.background import BACKGROUND

    handed = []
    submit = BACKGROUND.submit

    def recorded(work, *args):
        handed.append(getattr(work, "__qualname__", repr(work)))
        return submit(work, *args)

    monkeypatch.setattr(BACKGROUND, "submit", recorded)
    window.loads.cache.forget()
    threads_before = {thread.name for thread in threading.enumerate()}
    given_the_shipped_file(window)
    qtbot.waitUntil(lambda: len(handed) == 2, timeout=5_000)
    assert handed == ["FilterIndex.prepare", "DatasetCache._write"]
    window.loads.cache.flush()
    assert window.document.dataset is not None
    new_threads = {thread.name for thread in threading.enumerate()} - threads_before
    assert not {"search index", "cache writer"} & new_threads


def test_the_background_lane_waits_while_a_file_loads(window, qtbot, tmp_path):
    # The lane's work (here, a stand-in for the search index of the data set shown) took the
    # interpreter from the window and the loading threads during a reload of 100,000 events.
    from explorer.model.background import BACKGROUND

    given_the_shipped_file(window)
    ran_during_load = []
    lane_ran = threading.Event()
    ready_for_showing = window.loads.prepare

    def prepare(dataset):  # in the loading thread, during the load
        BACKGROUND.submit(lane_ran.set)
        ran_during_load.append(lane_ran.wait(0.5))  # an idle lane would run it at once
        return ready_for_showing(dataset)

    window.loads.prepare = prepare
    path = tmp_path / "other.yaml"
    path.write_text(make(50, 3), encoding="utf-8")
    assert window.open_file(str(path))
    assert ran_during_load == [False]
    qtbot.waitUntil(lane_ran.is_set, timeout=5_000)  # and runs once the load is over
    assert len(window.document.loaded_dataset.events) == 50


def test_the_map_s_places_are_looked_up_in_the_loading_thread_not_the_window_s(window, monkeypatch):
    # Reading the map's shapes and the country codes the first time took a quarter of a
    # second of the window's thread after a load; the loading thread does it now.
    import importlib.resources

    import explorer.model.places as places

    places.country_shapes.cache_clear()
    read_in = []
    files = importlib.resources.files

    def recorded(package):
        if package == "geopip":
            read_in.append(threading.current_thread().name)
        return files(package)

    monkeypatch.setattr(importlib.resources, "files", recorded)
    given_the_shipped_file(window)
    assert window.document.dataset.countries
    assert len(read_in) == 1 and read_in[0] != threading.main_thread().name
    assert places.country_shapes.cache_info().misses == 1  # the window's map found them read


def test_the_timeline_s_index_is_built_in_the_loading_thread_and_taken_by_the_widget(window, monkeypatch):
    from explorer.timescale.index import TimelineIndex

    built = []
    original = TimelineIndex.__init__

    def recorded(self, *args, **kwargs):
        built.append((self, threading.current_thread().name))
        original(self, *args, **kwargs)

    monkeypatch.setattr(TimelineIndex, "__init__", recorded)
    given_the_shipped_file(window)
    assert len(built) == 1
    index, thread = built[0]
    assert thread != threading.main_thread().name
    assert window.timeline.index is index and index.dataset is window.document.dataset


def lanes_built_by_thread(monkeypatch) -> list[tuple[str, str]]:
    """(grouping, thread) of every lane index built from now on."""
    from explorer.timescale.index import LaneIndex

    built = []
    original = LaneIndex.__init__

    def recorded(self, index, group_by):
        original(self, index, group_by)
        built.append((self.group_by.value, threading.current_thread().name))

    monkeypatch.setattr(LaneIndex, "__init__", recorded)
    return built


def test_the_timeline_s_lanes_are_built_in_the_loading_thread_on_open_and_reload(window, monkeypatch):
    # The lanes' three sorts took 40 ms of the window's thread at 100,000 events.
    window.timeline.set_group_by("actor")
    built = lanes_built_by_thread(monkeypatch)
    given_the_shipped_file(window)
    assert window.reload()

    assert [group for group, _thread in built] == ["actor", "actor"]
    assert all(thread != threading.main_thread().name for _group, thread in built)
    lanes = window.timeline.lane_index
    assert lanes.group_by.value == "actor" and lanes.index.dataset is window.document.dataset
    assert "UNODC" in [lane.title for lane in lanes.lanes]


def test_a_file_s_remembered_lanes_are_the_ones_built_while_it_loads(window, qtbot, monkeypatch, blue_heart_copy):
    path = os.path.abspath(blue_heart_copy)
    window.settings.set_file_state(path, {"view": {"version": VIEW_STATE_VERSION, "groupBy": "kind"}})
    window.show()
    qtbot.waitExposed(window)
    built = lanes_built_by_thread(monkeypatch)
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.timeline.group_by.value == "kind")
    assert window.timeline.lane_index.group_by.value == "kind"

    # The timeline shows its current lanes first; the remembered ones it takes from the loading thread.
    assert ("kind", threading.main_thread().name) not in built
    assert [group for group, _thread in built].count("kind") == 1


def test_a_load_whose_job_was_deleted_with_its_window_ends_without_an_error(tmp_path):
    # A cancelled load runs on to its next report; its window may close meanwhile, deleting
    # the job: the thread then has no one to tell, and says nothing (it raised "Signal source
    # has been deleted" in the thread, which a later test reported as its own failure).
    import shiboken6
    from PySide6.QtCore import QObject

    path = tmp_path / "t.yaml"
    path.write_text("timeline: 1\nevents:\n  - {title: t, date: '2009'}\n", encoding="utf-8")
    owner = QObject()
    job = load_worker.LoadJob(str(path), None, owner)
    shiboken6.delete(owner)  # and the job with it
    assert not shiboken6.isValid(job)
    job._run()  # what the worker thread runs: it ends quietly
    job._report(0.5)


def test_the_lane_tells_nothing_once_the_relay_is_gone():
    # The lane's thread is a daemon: it may finish a piece of work after the program has
    # ended and deleted the relay through which it tells the documents.
    import shiboken6
    from PySide6.QtCore import QObject, Signal

    from explorer.qt.told import tell

    class Relay(QObject):
        built = Signal(object)

    heard: list[object] = []
    relay = Relay()
    relay.built.connect(heard.append)
    tell(relay, "built", 1)
    shiboken6.delete(relay)
    tell(relay, "built", 2)  # quietly nothing
    assert heard == [1]
