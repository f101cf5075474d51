"""Help inside the app: the user guide and the format reference, rendered from the Markdown
that ships with the program (`paths.docs_dir`), and the keyboard shortcuts of the window.

Links work as on the project's pages: `#a-heading` scrolls to that heading (named as GitHub
names them), `format.md#dates` opens the other page there, a linked timeline file opens in
the window, a folder opens in the file manager and web links in the browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QTextBrowser,
    QToolBar,
    QWidget,
)

from explorer.paths import docs_dir, resource_dir

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

GUIDE, FORMAT, SHORTCUTS = "guide.md", "format.md", "shortcuts"
TITLES = {GUIDE: "User Guide", FORMAT: "Timeline Format Reference", SHORTCUTS: "Keyboard Shortcuts"}
#: What the mouse and keys do on the timeline itself (its keys are not menu actions).
TIMELINE_KEYS = (
    ("Wheel", "Zoom in or out at the pointer"),
    ("Shift+Wheel, horizontal wheel", "Pan"),
    ("Alt+Wheel, Up, Down", "Scroll the lanes"),
    ("Drag", "Pan"),
    ("Shift+Drag, right-drag", "Zoom to a range of days"),
    ("Double-click an event", "Zoom to it"),
    ("Left, Right", "The previous or next event when one is selected, else pan"),
    ("Ctrl+Left, Ctrl+Right", "Pan"),
    ("Tab, Shift+Tab", "The next or previous event in time"),
    ("Ctrl+Tab", "Leave the timeline"),
    ("Esc", "Clear the mark, then the selected event, then the filter"),
)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: "Checking a file: `explorer check`" ->
    "checking-a-file-explorer-check"."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, as the menus name them."""
    rows = {}
    for action in actions:
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        keys = [k for k in keys if k]
        if not keys or not action.text():
            continue
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        rows[what.rstrip("…").rstrip(".")] = ", ".join(dict.fromkeys(keys))
    return sorted(rows.items(), key=lambda row: row[0].casefold())


def shortcuts_html(actions: list[QAction]) -> str:
    """The keyboard shortcuts page: the menus' shortcuts, then the timeline's own keys, in
    one table so that both parts line up."""
    def rows(pairs) -> str:
        return "".join(f"<tr><td style='padding-right:24px'><b>{escape(keys)}</b></td>"
                       f"<td>{escape(what)}</td></tr>" for keys, what in pairs)

    def heading(text: str) -> str:
        return f"<tr><td colspan='2'><h3>{escape(text)}</h3></td></tr>"

    menus = [(keys, what) for what, keys in shortcut_rows(actions)]
    return (f"<h1>Keyboard Shortcuts</h1><table cellspacing='0' cellpadding='3'>"
            f"{heading('In the menus')}{rows(menus)}"
            f"{heading('On the timeline')}{rows(TIMELINE_KEYS)}</table>")


@dataclass(frozen=True, slots=True)
class Place:
    """A page of Help and the heading it is scrolled to."""

    page: str
    anchor: str = ""


class HelpWindow(QMainWindow):
    """The Help window: a list of pages, the page, and Back and Forward."""

    #: A timeline file linked from a page was clicked (its path).
    open_requested = Signal(str)

    def __init__(self, actions: Callable[[], list[QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle("Timeline Explorer Help")
        self._actions = actions
        self.pages = QListWidget()
        self.pages.setObjectName("helpPages")
        self.pages.setAccessibleName("Help pages")
        for name, title in TITLES.items():
            self.pages.addItem(title)
            self.pages.item(self.pages.count() - 1).setData(Qt.ItemDataRole.UserRole, name)
        self.pages.setFixedWidth(self.pages.sizeHintForColumn(0) + 24)
        self.pages.currentRowChanged.connect(
            lambda row: row >= 0 and self.show_page(self.pages.item(row).data(Qt.ItemDataRole.UserRole)))
        self.text = QTextBrowser()
        self.text.setObjectName("helpText")
        self.text.setAccessibleName("Help")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self.follow)
        self.text.document().setDocumentMargin(12)
        self.status = QLabel()
        self.status.setObjectName("helpStatus")
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.place: Place | None = None

        bar = QToolBar("Navigation")
        bar.setObjectName("helpToolBar")
        bar.setMovable(False)
        self.back_action = bar.addAction("Back", self.back)
        self.back_action.setObjectName("helpBackAction")
        self.back_action.setShortcut(QKeySequence.StandardKey.Back)
        self.forward_action = bar.addAction("Forward", self.forward)
        self.forward_action.setObjectName("helpForwardAction")
        self.forward_action.setShortcut(QKeySequence.StandardKey.Forward)
        self.addToolBar(bar)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        layout.addWidget(self.text, 1)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.status, 1)
        height = self.fontMetrics().height()
        self.resize(height * 60, height * 44)
        self._update_navigation()

    # -- showing pages ------------------------------------------------------------------

    def show_page(self, page: str, anchor: str = "", remember: bool = True) -> bool:
        """Show a page of Help (scrolled to `anchor`); False when the page is not installed."""
        place = Place(page, anchor)
        if remember and self.place is not None and place != self.place:
            self._back.append(self.place)
            self._forward.clear()
        if self.place is None or self.place.page != page:
            if not self._load(page):
                return False
        self.place = place
        row = list(TITLES).index(page)
        if self.pages.currentRow() != row:
            self.pages.blockSignals(True)
            self.pages.setCurrentRow(row)
            self.pages.blockSignals(False)
        if anchor:
            self.scroll_to(anchor)
        else:
            self.text.verticalScrollBar().setValue(0)
        self._update_navigation()
        return True

    def _load(self, page: str) -> bool:
        self.status.clear()
        if page == SHORTCUTS:
            self.text.setHtml(shortcuts_html(self._actions()))
            return True
        path = docs_dir() / page
        try:
            markdown = path.read_text(encoding="utf-8")
        except OSError:
            self.text.setPlainText(f"{TITLES[page]} is not installed with this copy of "
                                   f"Timeline Explorer (looked for {path}).")
            return False
        self.text.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
        self.text.setMarkdown(markdown)
        return True

    def headings(self) -> dict[str, int]:
        """Anchor -> block number of each heading of the page shown."""
        found: dict[str, int] = {}
        block = self.text.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.setdefault(slug(block.text()), block.blockNumber())
            block = block.next()
        return found

    def scroll_to(self, anchor: str) -> bool:
        """Scroll so that the heading named `anchor` is at the top; False when there is none."""
        number = self.headings().get(anchor)
        if number is None:
            self.status.setText(f"No section “{anchor}” on this page")
            return False
        document = self.text.document()
        block = document.findBlockByNumber(number)
        top = document.documentLayout().blockBoundingRect(block).top()
        self.text.setTextCursor(QTextCursor(block))
        self.text.verticalScrollBar().setValue(int(top))
        return True

    def heading_at_top(self) -> str:
        """The anchor of the last heading at or above the top of the view."""
        document = self.text.document()
        top = self.text.verticalScrollBar().value() + 1
        found = ""
        for anchor, number in self.headings().items():
            block = document.findBlockByNumber(number)
            if document.documentLayout().blockBoundingRect(block).top() <= top:
                found = anchor
        return found

    # -- links and history --------------------------------------------------------------

    def follow(self, url: QUrl) -> None:
        """Act on a clicked link (see the module's docstring)."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        text = url.toString()
        target, _hash, anchor = text.partition("#")
        if not target:
            if self.place is not None:
                self.show_page(self.place.page, anchor)
            return
        name = Path(url.toLocalFile() or target).name
        if name in TITLES and name != SHORTCUTS:
            self.show_page(name, anchor)
            return
        path = self._resolve(url.toLocalFile() or target)
        if path is None:
            self.status.setText(f"{target} is not installed with this copy of Timeline Explorer")
        elif path.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif path.suffix.lower() in (".yaml", ".yml", ".json"):
            self.open_requested.emit(str(path))
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _resolve(self, target: str) -> Path | None:
        """A linked file: beside the pages, or (for `../explorer/...` links written for the
        source tree) in the installed package."""
        docs = docs_dir()
        path = Path(target)
        candidates = [path] if path.is_absolute() else [docs / path]
        relative = target
        while relative.startswith("../"):
            relative = relative[3:]
        if relative.startswith("explorer/"):
            candidates.append(resource_dir().parent / relative.removeprefix("explorer/"))
        return next((c for c in candidates if c.exists()), None)

    def back(self) -> None:
        if self._back and self.place is not None:
            self._forward.append(self.place)
            place = self._back.pop()
            self.show_page(place.page, place.anchor, remember=False)

    def forward(self) -> None:
        if self._forward and self.place is not None:
            self._back.append(self.place)
            place = self._forward.pop()
            self.show_page(place.page, place.anchor, remember=False)

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(bool(self._back))
        self.forward_action.setEnabled(bool(self._forward))


class Help(QObject):
    """The Help menu's actions of a main window and the one Help window they open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.window_: HelpWindow | None = None

        def action(name: str, text: str, page: str, shortcut=None) -> QAction:
            created = QAction(text, window)
            created.setObjectName(name)
            if shortcut is not None:
                created.setShortcut(shortcut)
            created.triggered.connect(lambda: self.show(page))
            return created

        self.guide_action = action("userGuideAction", "&User Guide", GUIDE,
                                   QKeySequence.StandardKey.HelpContents)
        self.format_action = action("formatAction", "Timeline &Format Reference", FORMAT)
        self.shortcuts_action = action("keyboardShortcutsAction", "&Keyboard Shortcuts",
                                       SHORTCUTS)

    def actions(self) -> list[QAction]:
        return [self.guide_action, self.format_action, self.shortcuts_action]

    def window_actions(self) -> list[QAction]:
        """The main window's actions (not those of the Help window itself)."""
        own = set(self.window_.findChildren(QAction)) if self.window_ is not None else set()
        return [a for a in self._window.findChildren(QAction) if a not in own]

    def show(self, page: str = GUIDE, anchor: str = "") -> HelpWindow:
        """Bring the Help window forward on `page`."""
        if self.window_ is None:
            self.window_ = HelpWindow(self.window_actions, self._window)
            self.window_.open_requested.connect(self._window.open_file)
        self.window_.show_page(page, anchor)
        if self.window_.isVisible():
            self.window_.raise_()
        else:
            self.window_.show()
        self.window_.activateWindow()
        return self.window_
