"""The filter bar above the timeline: actors (type-ahead, any or all, with sub-organizations),
tags, free text (Ctrl+F), a date range, a one-click clear (or Esc, once the mark is cleared)
and "12 of 31 events", with the chip of the mark (`marks.MarkChip`).

Every control writes a new `EventFilter` into the document and follows the document's
filter back, so a filter set elsewhere (a pane's context menu, a remembered file) shows here.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import replace
from typing import Mapping

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.model.dataset import Dataset
from explorer.model.dates import DateError, day_text, parse_edtf
from explorer.model.filters import EventFilter, Match, fold
from explorer.model.queries import actor_completions, count_text, counted
from explorer.qt.coalesced import Coalesced
from explorer.qt.document import Document
from explorer.qt.marks import MarkChip, escape

#: Typing in the search field applies after this pause (Enter applies at once).
SEARCH_DELAY_MS = 250
#: Tags the Tags menu lists at most (the most used; any other is chosen by name).
MENU_TAGS = 30
INVALID_STYLE = "QLineEdit { border: 1px solid #D55E00; }"


def resolve_actor(dataset: Dataset, entries: Mapping[str, str], text: str) -> str | None:
    """The actor or protocol `text` names: a completion, an id, a name or short name, or the
    only entry containing the text (case and accents ignored); None when unclear."""
    text = text.strip()
    if not text:
        return None
    if text in entries:
        return entries[text]
    wanted = fold(text)
    for entity in (*dataset.actors(), *dataset.protocols.values()):
        if wanted in (fold(entity.id), fold(entity.name), fold(dataset.label(entity.id))):
            return entity.id
    found = {entity_id for entry, entity_id in entries.items() if wanted in fold(entry)}
    return found.pop() if len(found) == 1 else None


def _edit(name: str, accessible: str, placeholder: str, tip: str, chars: int = 0) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    edit.setToolTip(tip)
    edit.setProperty("tip", tip)
    edit.setClearButtonEnabled(True)
    if chars:
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("M" * chars))
    return edit


class FilterBar(QWidget):
    """Two rows of filter controls; the actor picker is `actorFilter`."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName("Event filter")
        self._document = document
        self._entries: Mapping[str, str] = {}
        self._listed_tags: frozenset[str] = frozenset()
        self._chips: list[QToolButton] = []

        self.actor_edit = _edit("actorFilter", "Filter by actor", "Add an actor…",
                                "Type part of a name or id; pick from the list or press Enter.", 14)
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.actor_edit.setCompleter(self.completer)
        self.match_combo = QComboBox()
        self.match_combo.setObjectName("actorMatch")
        self.match_combo.setAccessibleName("Events with any or all of the actors")
        self.match_combo.addItem("any of them", Match.ANY.value)
        self.match_combo.addItem("all of them", Match.ALL.value)
        self.children_check = QCheckBox("Include sub-organizations")
        self.children_check.setObjectName("includeChildren")
        self.children_check.setToolTip("An organization also stands for everything below it "
                                       "(UNODC includes the Blue Heart Campaign).")
        self.tags_button = QToolButton()
        self.tags_button.setObjectName("tagFilter")
        self.tags_button.setAccessibleName("Filter by tag")
        self.tags_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tags_menu = QMenu(self.tags_button)
        self.tags_menu.setObjectName("tagMenu")
        self.tags_button.setMenu(self.tags_menu)
        self.search_edit = _edit("searchFilter", "Search titles and summaries",
                                 "Search titles and summaries (Ctrl+F)",
                                 "Every word must occur; \"quoted words\" as a phrase; "
                                 "case and accents are ignored.", 16)
        date_tip = "A date such as 2009, 2010-04 or 2010-06-15; imprecise events count by " \
                   "every day they may mean."
        self.from_edit = _edit("dateFrom", "From date", "from", date_tip, 6)
        self.to_edit = _edit("dateTo", "To date", "to", date_tip, 6)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilter")
        self.clear_button.setText("Clear")
        self.clear_button.setAccessibleName("Clear the filter")
        self.clear_button.setToolTip("Show every event again (Esc)")
        self.count_label = QLabel()
        self.count_label.setObjectName("filterCount")
        self.count_label.setAccessibleName("Events shown")
        self.mark_chip = MarkChip(document)
        self._layout()

        self.find_action = QAction("&Find in Titles and Summaries…", self)
        self.find_action.setObjectName("findAction")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self.clear_action = QAction("&Clear Filter", self)
        self.clear_action.setObjectName("clearFilterAction")
        self.clear_action.triggered.connect(self.clear)
        escape_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape_key.activated.connect(lambda: escape(document, include_event=False))

        self._search_later = Coalesced(self._apply_search, self, SEARCH_DELAY_MS)
        self.completer.activated[str].connect(self._add_actor_text)  # type: ignore[index]  # the text overload
        self.actor_edit.returnPressed.connect(lambda: self._add_actor_text(self.actor_edit.text()))
        self.actor_edit.textEdited.connect(lambda _t: self._mark(self.actor_edit, None))
        self.match_combo.currentIndexChanged.connect(self._on_match)
        self.children_check.toggled.connect(self._on_children)
        self.search_edit.textEdited.connect(lambda _t: self._search_later.schedule())
        self.search_edit.returnPressed.connect(self._search_later.flush)
        for edit in (self.from_edit, self.to_edit):
            edit.editingFinished.connect(self._apply_dates)
            edit.textEdited.connect(lambda text, e=edit: self._on_date_edited(e, text))
        self.clear_button.clicked.connect(self.clear)
        document.dataset_loaded.connect(self._on_dataset_loaded)
        document.filter_changed.connect(self._follow_filter)
        document.search_waiting.connect(self._on_search_waiting)
        document.completions_ready.connect(self._on_completions_ready)
        self._on_dataset_loaded(document.dataset)
        if document.dataset is not None:
            self._on_completions_ready(document.dataset)

    def _layout(self) -> None:
        # The controls keep their places whatever the filter holds: the actor chips and the
        # mark take the room left at the end of the first row, and the count has the room of
        # its longest text.
        actors_label = QLabel("&Actors:")
        actors_label.setBuddy(self.actor_edit)
        chips = QWidget()
        chips.setObjectName("actorChips")
        chips.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._chip_row = QHBoxLayout(chips)
        self._chip_row.setContentsMargins(0, 0, 0, 0)
        self._chip_row.setSpacing(4)
        self._chip_row.addStretch(1)
        first = QHBoxLayout()
        first.addWidget(actors_label)
        first.addWidget(self.actor_edit)
        first.addWidget(self.match_combo)
        first.addWidget(self.children_check)
        first.addWidget(self.tags_button)
        first.addWidget(chips, 1)
        first.addWidget(self.mark_chip)
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search_edit)
        dates_label = QLabel("&Dates:")
        dates_label.setBuddy(self.from_edit)
        second = QHBoxLayout()
        second.addWidget(search_label)
        second.addWidget(self.search_edit, 1)
        second.addSpacing(8)
        second.addWidget(dates_label)
        second.addWidget(self.from_edit)
        second.addWidget(QLabel("–"))
        second.addWidget(self.to_edit)
        second.addSpacing(8)
        second.addWidget(self.clear_button)
        second.addSpacing(8)
        second.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        layout.addLayout(first)
        layout.addLayout(second)

    # -- writing the filter -------------------------------------------------------------

    def _set(self, **changes) -> None:
        self._document.set_filter(replace(self._document.filter, **changes))

    def clear(self) -> None:
        """Show every event: drop every part of the filter."""
        self._search_later.flush()
        self.actor_edit.clear()
        self._document.clear_filter()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def add_actor(self, entity_id: str) -> None:
        self._document.set_filter(self._document.filter.with_actor(entity_id))

    def _add_actor_text(self, text: str) -> None:
        dataset = self._document.dataset
        entity_id = resolve_actor(dataset, self._entries, text) if dataset else None
        if entity_id is None:
            if text.strip():
                self._mark(self.actor_edit, f"No single actor matches “{text.strip()}”; "
                                            "pick one from the list.")
            return
        self._mark(self.actor_edit, None)
        self.add_actor(entity_id)
        # The completer writes its text into the field after this signal; clear after it.
        QTimer.singleShot(0, self.actor_edit.clear)

    def _on_date_edited(self, edit: QLineEdit, text: str) -> None:
        # A problem shown for the old text is stale once the text changes; an emptied field
        # (its clear button) applies at once.
        self._mark(edit, None)
        if not text.strip():
            self._apply_dates()

    def _on_match(self, _row: int) -> None:
        self._set(match=Match(self.match_combo.currentData()))

    def _on_children(self, checked: bool) -> None:
        self._set(include_children=checked)

    def _on_tag(self, tag: str, checked: bool) -> None:
        tags = self._document.filter.tags
        self._set(tags=tags | {tag} if checked else tags - {tag})

    def _apply_search(self) -> None:
        self._set(text=self.search_edit.text())

    def _bound(self, edit: QLineEdit, end: bool) -> tuple[bool, float | None]:
        """(valid, day) of a date field: the first day it may mean, or for the end of the
        range the day after the last; empty is unbounded."""
        text = edit.text().strip()
        if not text:
            self._mark(edit, None)
            return True, None
        try:
            value = parse_edtf(text)
        except DateError as error:
            self._mark(edit, f"Not a date: {error.message}")
            return False, None
        self._mark(edit, None)
        if end:
            return True, None if value.latest is None else float(value.latest + 1)
        return True, None if value.earliest is None else float(value.earliest)

    def _apply_dates(self) -> None:
        valid_from, low = self._bound(self.from_edit, end=False)
        valid_to, high = self._bound(self.to_edit, end=True)
        current = self._document.filter
        self._set(date_from=low if valid_from else current.date_from,
                  date_to=high if valid_to else current.date_to)

    def _mark(self, edit: QLineEdit, problem: str | None) -> None:
        edit.setStyleSheet(INVALID_STYLE if problem else "")
        edit.setProperty("problem", problem or "")
        edit.setToolTip(problem or edit.property("tip") or "")

    # -- following the document ---------------------------------------------------------

    def _on_dataset_loaded(self, dataset: Dataset | None) -> None:
        self._entries = {}  # until `completions_ready`
        self._completions.setStringList([])
        total = len(dataset.events) if dataset is not None else 0
        widest = re.sub(r"\d", "8", f"{total:,} of {counted(total, 'event')}")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest) + 4)
        self._fill_tags_menu(dataset, self._document.filter.tags)
        self._follow_filter(self._document.filter)

    def _on_completions_ready(self, dataset: Dataset) -> None:
        self._entries, ordered = actor_completions(dataset)
        self._completions.setStringList(ordered)

    def _on_search_waiting(self, _event_filter: EventFilter) -> None:
        # a large data set's search text is still being made: say so until the filter applies
        self.count_label.setText("Searching\u2026")
        self.clear_button.setEnabled(True)
        self.clear_action.setEnabled(True)

    def _fill_tags_menu(self, dataset: Dataset | None, chosen: frozenset[str]) -> None:
        """One checkable entry per tag, in order of name: the `MENU_TAGS` most used ones and
        those of the filter when there are more (a menu of 100,000 entries took 5 s to make
        and no one could read it), then "More Tags…" to choose any of them by name."""
        self.tags_menu.clear()
        by_tag = dataset.events_by_tag if dataset is not None else {}
        if len(by_tag) > MENU_TAGS:
            most_used = heapq.nsmallest(MENU_TAGS, by_tag, key=lambda tag: (-len(by_tag[tag]), tag))
            listed = sorted({*most_used, *(tag for tag in chosen if tag in by_tag)})
        else:
            listed = sorted(by_tag)
        self._listed_tags = frozenset(listed)
        for tag in listed:
            action = self.tags_menu.addAction(tag)
            action.setObjectName(f"tagAction:{tag}")
            action.setCheckable(True)
            action.toggled.connect(lambda checked, t=tag: self._on_tag(t, checked))
        if len(by_tag) > len(listed):
            self.tags_menu.addSeparator()
            more = self.tags_menu.addAction(f"More Tags\u2026 ({len(by_tag):,} in all)")
            more.setObjectName("moreTags")
            more.triggered.connect(self.choose_any_tag)

    def choose_any_tag(self) -> None:
        """Add any tag of the data set to the filter, chosen by name (typed, with completion)."""
        dataset = self._document.dataset
        if dataset is None:
            return
        tags = dataset.tags()
        tag, accepted = QInputDialog.getItem(self, "Filter by Tag", "Tag:", tags, 0, True)
        if accepted and tag in dataset.events_by_tag:
            self._on_tag(tag, True)

    def _follow_filter(self, event_filter: EventFilter) -> None:
        dataset = self._document.dataset
        self._rebuild_chips(event_filter, dataset)
        with QSignalBlocker(self.match_combo):
            self.match_combo.setCurrentIndex(self.match_combo.findData(event_filter.match.value))
        self.match_combo.setEnabled(len(event_filter.actors) > 1)
        with QSignalBlocker(self.children_check):
            self.children_check.setChecked(event_filter.include_children)
        if dataset is not None and any(tag not in self._listed_tags and tag in dataset.events_by_tag
                                       for tag in event_filter.tags):
            self._fill_tags_menu(dataset, event_filter.tags)  # a tag chosen by name is listed
        for action in self.tags_menu.actions():
            if action.isCheckable():
                with QSignalBlocker(action):
                    action.setChecked(action.text() in event_filter.tags)
        count = len(event_filter.tags)
        self.tags_button.setText(f"Tags ({count:,})" if count else "Tags")
        if self.search_edit.text() != event_filter.text and not self._search_later.pending:
            self.search_edit.setText(event_filter.text)
        self._show_bound(self.from_edit, event_filter.date_from, end=False)
        self._show_bound(self.to_edit, event_filter.date_to, end=True)
        self.clear_button.setEnabled(not event_filter.is_empty)
        self.clear_action.setEnabled(not event_filter.is_empty)
        total = len(dataset.events) if dataset is not None else 0
        self.count_label.setText(count_text(len(self._document.visible_positions), total))

    def _show_bound(self, edit: QLineEdit, day: float | None, end: bool) -> None:
        valid, typed = self._bound(edit, end)
        if valid and typed == day:
            return  # keep "2011" rather than rewriting it as a day
        edit.setText("" if day is None else day_text(day - 1 if end else day))
        self._mark(edit, None)

    def _rebuild_chips(self, event_filter: EventFilter, dataset: Dataset | None) -> None:
        wanted = sorted(event_filter.actors)
        if [chip.property("entity") for chip in self._chips] == wanted:
            return
        for chip in self._chips:
            self._chip_row.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips = []
        for entity_id in wanted:
            label = dataset.label(entity_id) if dataset is not None else entity_id
            chip = QToolButton()
            chip.setObjectName("actorChip")
            chip.setProperty("entity", entity_id)
            chip.setText(f"{label}  ✕")
            chip.setAccessibleName(f"Remove {label} from the filter")
            chip.setToolTip(f"Remove {label} from the filter")
            chip.clicked.connect(lambda _c=False, e=entity_id: self._document.set_filter(
                self._document.filter.without_actor(e)))
            self._chip_row.insertWidget(self._chip_row.count() - 1, chip)  # before the stretch
            self._chips.append(chip)

    def chips(self) -> list[str]:
        """Ids of the actors shown as chips, in order."""
        return [chip.property("entity") for chip in self._chips]
