"""Loading a file off the UI thread, with a progress dialog and a Cancel button.

`FileLoads.load(path)` keeps the synchronous shape callers rely on (`MainWindow.open_file`
returns once the file is loaded or refused) but runs the loader in a worker thread while a
local event loop keeps the window painting and answering; a progress dialog with Cancel shows
up when a load takes longer than `SHOW_AFTER_MS`. Loads run one at a time: the actions that
start one are disabled meanwhile, a second load asked for meanwhile is refused, and a reload
asked for meanwhile (the file changed on disk) runs once the current load is over.

The worker is a plain daemon thread: a load still running when the app quits cannot hold it
open, and a cancelled load stops at its next progress report and changes nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from explorer.model.background import BACKGROUND, Done
from explorer.model.calendar import today
from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError
from explorer.model.filters import FilterIndex, adopt_index
from explorer.model.importers.registry import Conversion, convert_file, is_importable
from explorer.model.load.cache import DatasetCache
from explorer.model.load.loader import LoadCancelled, load_dataset
from explorer.qt.head_start import HeadStart
from explorer.qt.told import tell
from explorer.timescale.index import build_ahead
from explorer.timescale.lanes import GroupBy

#: The progress dialog appears only for loads that take longer than this.
SHOW_AFTER_MS = 300
_STEPS = 1000  # the progress bar's range
_LOADING = 0.9  # the part of the progress bar for reading the file


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    """How a load ended: with a data set, with the diagnostics of a file that cannot be
    loaded, or cancelled."""

    dataset: Dataset | None = None
    error: DatasetError | None = None
    cancelled: bool = False
    index: FilterIndex | None = field(default=None, compare=False)  # the shown data set's, built
    shown: Dataset | None = field(default=None, compare=False)  # what the views show of it
    #: For another tool's file: the format v1 text it became and the import's report.
    conversion: Conversion | None = field(default=None, compare=False)


def cache_for(settings) -> DatasetCache:
    """The cache of checked data sets for a window with these settings: the user's cache
    folder, or, for settings kept in a file of their own (tests, portable setups), a folder
    beside that file."""
    store = settings.store
    if store.format() == QSettings.Format.IniFormat and store.fileName():
        return DatasetCache(Path(store.fileName()).resolve().parent / "timeline-explorer-cache")
    return DatasetCache()


def _folder(cache: DatasetCache | None) -> Path | None:
    return None if cache is None else cache.folder


def index_for_showing(dataset: Dataset, group_by: GroupBy | None = None) -> FilterIndex:
    """The filter index of a data set about to be shown, with what the first frame reads
    (the events' extents, and the timeline's index made of them with the lanes of
    `group_by`: `build_ahead`) built; the rest waits (`prepare_in_background`)."""
    index = FilterIndex(dataset)
    build_ahead(dataset, today(), index.extents, group_by)
    return index


def prepare_in_background(index: FilterIndex) -> Done:
    """Build every part of a search index on the background lane, before the cache entries
    released after it (a filter asked for meanwhile waits for the text part the lane is
    building, and builds any other part it needs itself: the parts are published whole)."""
    return BACKGROUND.submit(index.prepare)


class LoadJob(QObject):
    """One load in a worker thread; its signals arrive in the thread that made the job."""

    #: Part of the load done, from 0 to 1 (float).
    progressed = Signal(float)
    #: The load is over (a LoadOutcome).
    ended = Signal(object)

    def __init__(self, path: str, cache: DatasetCache | None, parent: QObject | None = None,
                 prepare: Callable[[Dataset], Dataset] | None = None,
                 head_start: HeadStart | None = None, group_by: GroupBy | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.group_by = group_by  # the lanes the timeline is to show, built here
        self.cache = cache
        self.prepare = prepare
        self.head_start = head_start
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run_yielding, daemon=True, name=f"load {Path(path).name}")
        self._reported = -1

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the load to stop at its next progress report."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker thread to end; True when it has."""
        if self._thread.ident is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _report(self, fraction: float) -> None:
        fraction *= _LOADING  # the rest is the filter index
        step = int(fraction * _STEPS)
        if step != self._reported:  # a signal per visible step, not per report
            self._reported = step
            tell(self, "progressed", fraction)

    def _run_yielding(self) -> None:
        with BACKGROUND.yielding():  # the load pauses at its reports while the window works
            self._run()

    def _run(self) -> None:
        if is_importable(self.path):
            self._import()
            return
        try:
            if self.head_start is not None:  # begun before the window was built
                dataset = self.head_start.result(self._report, self._cancel.is_set, go=False)
            else:
                dataset = load_dataset(
                    self.path, progress=self._report, cancelled=self._cancel.is_set, cache=self.cache
                )
        except DatasetError as error:
            outcome = LoadOutcome(error=error)
        except LoadCancelled:
            outcome = LoadOutcome(cancelled=True)
        else:
            # what the views show (membership events) and the extents of its events (the
            # timeline's first frame needs them) take a while for a large file: here, not in the
            # window; its search index is built after the first paint (`FileLoads`)
            shown = self.prepare(dataset) if self.prepare is not None else dataset
            outcome = LoadOutcome(dataset=dataset, index=index_for_showing(shown, self.group_by), shown=shown)
            tell(self, "progressed", 1.0)
        tell(self, "ended", outcome)

    def _import(self) -> None:
        """Another tool's file, converted to format v1 in memory (`model.importers`)."""
        conversion = convert_file(self.path)
        if self._cancel.is_set():
            outcome = LoadOutcome(cancelled=True)
        elif conversion.dataset is None:
            outcome = LoadOutcome(error=DatasetError(conversion.report.diagnostics()), conversion=conversion)
        else:
            shown = self.prepare(conversion.dataset) if self.prepare is not None else conversion.dataset
            outcome = LoadOutcome(dataset=conversion.dataset, index=index_for_showing(shown, self.group_by), shown=shown,
                                  conversion=conversion)
            tell(self, "progressed", 1.0)
        tell(self, "ended", outcome)


class FileLoads(QObject):
    """Runs a window's loads one at a time, each in a worker thread under a progress dialog."""

    #: A load started (its path).
    started = Signal(str)
    #: The load in progress advanced (fraction from 0 to 1).
    progressed = Signal(float)

    def __init__(self, window: QWidget, cache: DatasetCache | None = None,
                 prepare: Callable[[Dataset], Dataset] | None = None,
                 lanes_for: Callable[[str], GroupBy] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.cache = cache
        self.prepare = prepare
        #: The lane grouping the timeline is to show of a file, asked as its load starts.
        self.lanes_for = lanes_for
        self.job: LoadJob | None = None
        self._retired: list[LoadJob] = []
        self.dialog: QProgressDialog | None = None
        self._loop: QEventLoop | None = None
        self._outcome: LoadOutcome | None = None
        self._after: Callable[[], object] | None = None
        #: A load begun before the window was built (`head_start`), for the first load of its file.
        self.head_start: HeadStart | None = None

    @property
    def loading(self) -> bool:
        return self._loop is not None

    def after_load(self, action: Callable[[], object]) -> None:
        """Run `action` once the current load is over (one waiting action at most)."""
        self._after = action

    def load(self, path: str, actions: Sequence[QAction] = ()) -> LoadOutcome | None:
        """Load `path` and return how it ended, the window staying responsive meanwhile;
        None (nothing done) while another load is running. `actions` are disabled during it."""
        if self.loading:
            return None
        enabled = [(action, action.isEnabled()) for action in actions]
        for action, _was in enabled:
            action.setEnabled(False)
        self._outcome = None
        self._retire()
        head_start = self._head_start_for(path)
        # the new entry is written once the data set is on screen (see below)
        held = [cache for cache in (self.cache, head_start.cache if head_start else None) if cache is not None]
        for cache in held:
            cache.hold_writes()
        group_by = self.lanes_for(path) if self.lanes_for is not None else None
        job = self.job = LoadJob(path, self.cache, self, self.prepare, head_start, group_by)
        job.progressed.connect(self._on_progress)
        job.ended.connect(self._on_ended)
        dialog = self.dialog = self._progress_dialog(path)
        loop = self._loop = QEventLoop(self)
        try:
            with BACKGROUND.held():  # the lane's work waits for the load (`model.background`)
                self.started.emit(path)
                job.start()
                if head_start is not None:
                    # validating holds the interpreter: it waits for the window's first
                    # paint, which the show before this load has asked for
                    QTimer.singleShot(0, head_start.go)
                if self._outcome is None:
                    loop.exec()
        finally:
            self._loop = None
            dialog.canceled.disconnect(self._on_cancel)
            was_shown = dialog.isVisible()
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            self.dialog = None
            if was_shown and isinstance(self.window, QWidget) and self.window.isVisible():
                # The keyboard goes back to the window the dialog covered (window managers do
                # this themselves; not every platform does).
                self.window.activateWindow()
            for action, was in enabled:
                action.setEnabled(was)
        outcome = self._outcome
        if outcome is None:  # the event loop was told to stop (the app quits): give up the load
            job.cancel()
            outcome = LoadOutcome(cancelled=True)
        if self._after is not None:
            after, self._after = self._after, None
            QTimer.singleShot(0, after)
        if outcome.index is not None:
            # the search index waits until the data set is on screen (the next turn of the
            # event loop, after the paint the caller's showing it asks for)
            QTimer.singleShot(0, lambda index=outcome.index: prepare_in_background(index))
        for cache in held:  # and so does the cache entry's writing
            QTimer.singleShot(0, cache.release_writes)
        return outcome

    def _head_start_for(self, path: str) -> HeadStart | None:
        """The head start, when it is of this file and reads through the same cache."""
        head, self.head_start = self.head_start, None
        if head is None:
            return None
        if _folder(head.cache) != _folder(self.cache) or not head.take(path):
            head.drop()  # waiting for a turn that will not come
            if head.cache is not None:
                head.cache.release_writes()
            return None
        return head

    def cancel(self) -> None:
        """Stop the load in progress: it ends as cancelled at once and changes nothing."""
        if self.loading:
            self._on_cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the last worker thread to end (a cancelled load stops at its next report)."""
        return self.job is None or self.job.wait(timeout)

    def _retire(self) -> None:
        """Delete the jobs whose thread has ended (a cancelled one may still be finishing)."""
        if self.job is not None:
            self._retired.append(self.job)
        running = []
        for job in self._retired:
            if job.wait(0):
                job.deleteLater()
            else:
                running.append(job)
        self._retired = running

    def _progress_dialog(self, path: str) -> QProgressDialog:
        dialog = QProgressDialog(f"Opening {Path(path).name}…", "Cancel", 0, _STEPS, self.window)
        dialog.setObjectName("loadProgress")
        dialog.setWindowTitle("Timeline Explorer")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.canceled.connect(self._on_cancel)
        dialog.setValue(0)  # starts the clock after which the dialog shows itself
        return dialog

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        if self.sender() is not self.job or self.dialog is None:
            return  # a cancelled load still reporting
        # told before the dialog moves: a window-modal dialog's setValue runs the event loop,
        # which may deliver the next report first
        self.progressed.emit(fraction)
        self.dialog.setValue(min(int(fraction * _STEPS), _STEPS - 1))

    @Slot(object)
    def _on_ended(self, outcome: LoadOutcome) -> None:
        if self.sender() is not self.job or self._loop is None or self._outcome is not None:
            return  # a load given up earlier ended meanwhile
        if outcome.index is not None:
            adopt_index(outcome.index)
        self._outcome = outcome
        self._loop.quit()

    @Slot()
    def _on_cancel(self) -> None:
        if self._loop is None or self._outcome is not None:
            return
        if self.job is not None:
            self.job.cancel()
        self._outcome = LoadOutcome(cancelled=True)
        self._loop.quit()
