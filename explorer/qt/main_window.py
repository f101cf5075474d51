"""The main window: menus, the central view, docks, status, and opening files."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from explorer import __version__
from explorer.collector import paused_collections, settle
from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError
from explorer.model.queries import count_text, counted
from explorer.qt.banners import ProblemBanner
from explorer.qt.dialogs import DiagnosticsDialog
from explorer.qt.document import Document
from explorer.qt.edit_menu import EditMenu
from explorer.qt.export.dialog import export_image_action
from explorer.qt.failed_open import FailedOpen, cannot_open, open_hint, unopenable
from explorer.qt.file_watcher import FileWatcher, fingerprint
from explorer.qt.first_run import install_first_run_hint
from explorer.qt.help_window import Help
from explorer.qt.idle_gate import lend_idle_time
from explorer.qt.importing import OPEN_FILTER, install_importing
from explorer.qt.initial_layout import InitialLayout
from explorer.qt.load_worker import FileLoads, cache_for
from explorer.qt.panes.install import install_panes
from explorer.qt.printing import Printing
from explorer.qt.remembered import ViewMemory
from explorer.qt.settings import WINDOW_STATE_VERSION, Settings
from explorer.qt.timeline.pane import TimelinePane
from explorer.timescale.labels import clipped

#: How much of the data set's title the window's title shows: a title bar shows a line.
TITLE_CHARS = 120


class MainWindow(QMainWindow):
    """Hosts the timeline and the panes; every view shares one `Document`."""

    #: A file was opened and shown (its path).
    file_opened = Signal(str)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        lend_idle_time()  # the background lane works while the window waits (`qt/idle_gate.py`)
        self.settings = settings or Settings(QSettings())
        self.document = Document(self)
        self.path: str | None = None

        self.banner = ProblemBanner(self.settings)
        self._central_layout = QVBoxLayout()
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.banner)
        central = QWidget()
        central.setObjectName("centralArea")
        central.setLayout(self._central_layout)
        self.setCentralWidget(central)
        self.timeline_pane = TimelinePane(self.document)
        self.timeline = self.timeline_pane.timeline
        self._central_layout.addWidget(self.timeline_pane, 1)

        self.watcher = FileWatcher(self)
        self.watcher.file_changed.connect(self._on_file_changed_on_disk)
        self.timeline.empty_text = open_hint()
        self.failed_open = FailedOpen(self)

        self._create_actions()
        self.loads = FileLoads(self, cache_for(self.settings), self.document.ready_for_showing)
        self._create_menus()
        self.importing = install_importing(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("eventCount")
        self.statusBar().addPermanentWidget(self.count_label)
        self.document.dataset_loaded.connect(self._update_counts)
        self.document.filter_changed.connect(self._update_counts)
        self._update_title()
        self.panes = install_panes(self)
        self.edit.add_find(self.panes.filter_bar.find_action)
        self.first_run_hint = install_first_run_hint(self)
        self.view_memory = ViewMemory(self)
        self.loads.lanes_for = self.view_memory.group_by_for
        self.initial_layout = InitialLayout(self)
        self._restore_window()

    # -- construction -----------------------------------------------------------------

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.open_action = self._action(
            "openAction", "&Open…", self.choose_and_open, QKeySequence.StandardKey.Open,
            "Open a timeline file",
        )
        self.reload_action = self._action(
            "reloadAction", "&Reload", self.reload, QKeySequence.StandardKey.Refresh,
            "Read the file again from disk",
        )
        self.reload_action.setEnabled(False)
        self.auto_reload_action = self._action(
            "autoReloadAction", "Reload &Automatically", self._set_auto_reload, None,
            "Reload the file whenever it changes on disk",
        )
        self.auto_reload_action.setCheckable(True)
        self.auto_reload_action.setChecked(self.settings.auto_reload())
        self.quit_action = self._action(
            "quitAction", "&Quit", self.close, QKeySequence.StandardKey.Quit, "Quit the explorer"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.help = Help(self)
        self.format_action = self.help.format_action
        self.about_action = self._action("aboutAction", "&About Timeline Explorer", self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.setObjectName("fileMenu")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(self.reload_action)
        self.file_menu.addAction(self.auto_reload_action)
        self.export_action = export_image_action(self)
        self.file_menu.addAction(self.export_action)
        self.printing = Printing(self)
        self.file_menu.addAction(self.printing.action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit = EditMenu(self)
        bar.addMenu(self.edit.menu)

        self.view_menu = bar.addMenu("&View")
        self.view_menu.setObjectName("viewMenu")
        self.view_menu.addActions(self.timeline.view_actions())
        lanes_menu = self.view_menu.addMenu("&Lanes")
        lanes_menu.setObjectName("lanesMenu")
        lanes_menu.addActions(list(self.timeline.group_actions.values()))
        self.memberships_action = self._action(
            "membershipsOnTimelineAction", "&Memberships on the Timeline",
            self.document.set_memberships_shown, None,
            "Show each signature, ratification or joining as an event on the timeline")
        self.memberships_action.setCheckable(True)
        self.memberships_action.setChecked(self.document.memberships_shown)
        self.document.memberships_shown_changed.connect(self.memberships_action.setChecked)
        self.view_menu.addAction(self.memberships_action)
        self.legend_action = self._action(
            "legendAction", "Le&gend", self._show_legend, None,
            "What the shapes, hatching, fades and lane colours mean")
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(self.settings.legend_shown())
        self._show_legend(self.legend_action.isChecked())
        self.view_menu.addAction(self.legend_action)
        self.view_menu.addSeparator()

        self.help_menu = bar.addMenu("&Help")
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addActions(self.help.actions())
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _show_legend(self, shown: bool) -> None:
        self.timeline_pane.legend.setVisible(shown)
        self.settings.set_legend_shown(shown)

    def add_above_view(self, widget: QWidget) -> None:
        """Put `widget` above the timeline, under the problem banner and what was added before
        (the filter bar)."""
        self._central_layout.insertWidget(self._central_layout.indexOf(self.timeline_pane), widget)

    def add_menu(self, menu: QMenu) -> None:
        """Add a menu to the menu bar, before Help."""
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)

    def add_dock(self, dock: QDockWidget, area=Qt.DockWidgetArea.RightDockWidgetArea) -> None:
        """Add a pane; it gets a View menu entry and takes part in the saved layout."""
        if not dock.objectName():
            raise ValueError("docks need an objectName to be saved in the window layout")
        self.addDockWidget(area, dock)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"{dock.objectName()}Toggle")
        self.view_menu.addAction(toggle)

    # -- opening files ------------------------------------------------------------------

    def choose_and_open(self) -> None:
        folder = self.settings.last_folder("open") or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open Timeline", folder, OPEN_FILTER)
        if path:
            self.open_file(path)

    def open_file(self, path: str, explain: bool = True) -> bool:
        """Load and show a file; on failure keep what is shown, explain every problem (a
        dialog unless `explain` is False; the banner always) and watch the file until it
        opens (`failed_open`). The file loads in a worker thread while the window stays
        responsive (`load_worker`); False, changing nothing, when cancelled or while another
        load runs."""
        before = fingerprint(path)  # an edit saved while the file loads is a change to show
        unreadable = unopenable(path)
        if unreadable is not None:
            problem, worth_watching = unreadable
            if explain:
                self.cannot_open_message = cannot_open(self, problem)
            self.failed_open.failed(path, problem=problem, watch=worth_watching, seen=before)
            return False
        with paused_collections():  # see `explorer.collector`
            outcome = self._load_saying_so(path)
            if outcome is None or outcome.cancelled:
                return False
            if outcome.error is not None:
                if explain:
                    self.show_diagnostics(path, outcome.error)
                self.failed_open.failed(path, outcome.error.diagnostics, seen=before)
                return False
            if outcome.dataset is None:
                return False
            self.show_dataset(outcome.dataset, path, outcome.shown, seen=before)
            self.importing.shown(outcome, path)
            self._paint_then_settle()
        return True

    def _load_saying_so(self, path: str):
        """`loads.load(path)`; meanwhile an empty timeline says which file is opening (not
        "Open a timeline"), and afterwards what it said before."""
        before = self.timeline.empty_text
        if self.document.dataset is None:
            self.timeline.empty_text = f"Opening {Path(path).name}\u2026"
            self.timeline.update()
        try:
            return self.loads.load(path, [self.open_action, self.reload_action])
        finally:
            self.timeline.empty_text = before
            self.timeline.update()

    def reload(self) -> bool:
        """Read the open file again; on errors keep the last good data and show the banner.
        Asked for during a load, it runs once that load is over. After a failed open it
        tries that file again."""
        if self.failed_open.path is not None and not self.loads.loading:
            return self.failed_open.retry()
        if self.path is None:
            return False
        if self.loads.loading:
            self.loads.after_load(self.reload)
            return False
        self.watcher.mark_seen()
        with paused_collections():  # see `explorer.collector`
            outcome = self.loads.load(self.path, [self.open_action, self.reload_action])
            if outcome is None or outcome.cancelled:
                return False
            if outcome.error is not None:
                self.banner.show_problems(Path(self.path).name, outcome.error.diagnostics)
                self.statusBar().showMessage("The file on disk has errors; showing the last good version", 5000)
                return False
            if outcome.dataset is None:
                return False
            self.show_dataset(outcome.dataset, self.path, outcome.shown)
            self.importing.shown(outcome, self.path)
            self._paint_then_settle()
        self.statusBar().showMessage("Reloaded", 3000)
        return True

    def _paint_then_settle(self) -> None:
        """The new data set on screen first, then `settle` (the one collection after a small
        load; a large one's objects frozen, which costs nothing): painted now, not after."""
        if self.timeline.isVisible():
            self.timeline.repaint()
        dataset = self.document.dataset
        settle(dataset.entries if dataset is not None else 0)

    def _on_file_changed_on_disk(self, path: str) -> None:
        if self.auto_reload_action.isChecked() and path == self.path:
            self.reload()

    def _set_auto_reload(self, enabled: bool) -> None:
        self.settings.set_auto_reload(enabled)

    def show_dataset(self, dataset: Dataset, path: str, shown: Dataset | None = None,
                     seen: tuple | None = None) -> None:
        """Show `dataset`, read from `path` (whose fingerprint was `seen` before it was read)."""
        path = os.path.abspath(path)  # not resolved: a link is read wherever it points at the time
        if path != self.path:
            self.watcher.watch(path, seen)
        elif seen is not None:
            self.watcher.mark_seen(seen)
        self.path = path
        self.banner.clear_problems()
        self.reload_action.setEnabled(True)
        self.document.set_dataset(dataset, shown=shown)
        self.settings.add_recent_file(self.path)
        self.settings.set_last_folder(str(Path(self.path).parent), "open")
        self._update_title()
        if dataset.warnings:
            self.statusBar().showMessage(
                f"Opened with {counted(len(dataset.warnings), 'warning')}: "
                f"{dataset.warnings[0].short()}", 10000)
        self.file_opened.emit(self.path)

    def show_diagnostics(self, path: str, error: DatasetError) -> None:
        dialog = DiagnosticsDialog(path, error.diagnostics, self)
        dialog.setModal(True)
        self.diagnostics_dialog = dialog
        dialog.open()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for number, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        if not files:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    # -- status -------------------------------------------------------------------------

    def _update_title(self) -> None:
        dataset = self.document.dataset
        if dataset is None or self.path is None:
            self.setWindowTitle("Timeline Explorer")
            return
        self.setWindowFilePath(self.path)
        title = " ".join(clipped(dataset.title, TITLE_CHARS).split()) or "Timeline"  # one line
        self.setWindowTitle(f"{Path(self.path).name} – {title} – Timeline Explorer")

    def _update_counts(self, *_args) -> None:
        dataset = self.document.dataset
        total = len(dataset.events) if dataset else 0
        shown = len(self.document.visible_positions)
        self.count_label.setText(count_text(shown, total))

    # -- help ---------------------------------------------------------------------------

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Timeline Explorer",
            f"<b>Timeline Explorer</b> {__version__}<p>Explore the history of efforts against "
            "human trafficking: the Blue Heart Campaign, the UN Trafficking in Persons Protocol, "
            "and the organizations and countries that carry them.</p>",
        )

    # -- window state -------------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            # First start: most of the screen, since the timeline and four panes share it.
            available = self.screen().availableGeometry()
            self.resize(min(1680, int(available.width() * 0.92)),
                        min(1050, int(available.height() * 0.92)))

    def restore_layout(self) -> None:
        """Restore dock positions; call after every dock has been added."""
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state, WINDOW_STATE_VERSION)

    def save_window(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState(WINDOW_STATE_VERSION))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window()
        super().closeEvent(event)


def application_settings() -> Settings:
    """The settings of the running app, stored where the platform keeps them."""
    QApplication.setOrganizationName("TimelineExplorer")
    QApplication.setApplicationName("Timeline Explorer")
    return Settings(QSettings())
