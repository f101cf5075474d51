"""Thin item models over the data set: text for `DisplayRole`, the entity itself for
`UserRole`. Marking and counts are handed in by the panes; nothing here reads
the document."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue
from explorer.model.entities import Entity
from explorer.model.queries import count_text
from explorer.timescale.labels import clipped

#: The role a proxy sorts by: numbers for dates and counts, folded text otherwise.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Above how many entities whose mark changed the model says that every row changed: a
#: signal per row costs the views about 0.1 ms each, which an event with a million actors
#: made minutes.
MARKS_ONE_BY_ONE = 256
#: Above how many rows "every row changed" is `repaint_needed`, not `dataChanged`: a tree
#: view walks a `dataChanged` range row by row, about 2 s for a million rows.
ROWS_SIGNALLED = 5_000
#: Entities of one section a tree lists at most, the first in the file: a tree view asks for
#: every row when it is reset (a million organizations held the window 1.7 s), and no one
#: scrolls through more. A last row says how many more there are and how to find one.
ROWS_LISTED = 10_000

Role = Qt.ItemDataRole
_NO_PARENT = QModelIndex()


def marked_background() -> QColor:
    """A soft tint of the palette's highlight, for rows marked by the selection."""
    colour = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
    colour.setAlpha(55)
    return colour


def muted_foreground(palette: QPalette | None = None, amount: float = 0.5) -> QColor:
    """Text colour moved `amount` of the way towards the background: quieter than text but,
    unlike the disabled colour of some styles, still readable."""
    palette = palette or QApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(*(t + (b - t) * amount
                             for t, b in zip(text.getRgbF()[:3], base.getRgbF()[:3])))


def _bold() -> QFont:
    font = QFont(QApplication.font())
    font.setBold(True)
    return font


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an entity tree: its title and the text of an entity in it."""

    title: str
    text: Callable[[Dataset, Entity], str]


def date_text(value: EdtfValue | None) -> str:
    """A date as a table shows it: "21 Aug 2002", "April 2010", "in or after July 2010"."""
    return "" if value is None else value.short_words()


@dataclass(slots=True)
class _Node:
    entity_id: str | None  # None for a group heading ("Countries") or the row of those not listed
    title: str
    parent: int  # node number, -1 at the top
    row: int
    children: list[int]
    more: int = 0  # on the row of those not listed: how many


def more_text(count: int) -> str:
    """The row after the `ROWS_LISTED` entities a tree lists of a section."""
    return f"\u2026 and {count:,} more: find one by name in the Actors filter"


Sections = Callable[[Dataset], Sequence[tuple[str | None, Mapping[str, Entity]]]]


class EntityTreeModel(QAbstractItemModel):
    """Entities of some sections in a tree by `parent`, with an "Events" column last.

    `sections(dataset)` gives (heading or None, entities by id); with a heading its
    entities sit under a group row. An entity whose parent is in the same section sits
    under it."""

    #: Every row's counts or marks may have changed, in a model of more than `ROWS_SIGNALLED`
    #: rows: a view repaints what it shows (each paint asks for the data again).
    repaint_needed = Signal()

    def __init__(self, sections: Sections, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self._sections = sections
        self._columns = tuple(columns)
        self._dataset: Dataset | None = None
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self._by_id: dict[str, int] = {}
        self._shown: Mapping[str, int] = {}
        self._totals: Mapping[str, int] = {}
        self._filtered = False
        self._marked: frozenset[str] = frozenset()
        self._bold = _bold()
        self._held: tuple[Mapping[str, Entity], ...] = ()

    # -- feeding ------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset | None) -> None:
        self.beginResetModel()
        self._dataset = dataset
        self._nodes, self._top, self._by_id = [], [], {}
        sections = () if dataset is None else tuple(self._sections(dataset))
        self._held = tuple(entities for _heading, entities in sections)
        self._build(sections)
        self._marked = frozenset()
        self.endResetModel()

    def _build(self, sections: Sequence[tuple[str | None, Mapping[str, Entity]]]) -> None:
        for heading, entities in sections:
            group = -1
            if heading is not None:
                group = self._add(None, heading, -1)
            listed = entities if len(entities) <= ROWS_LISTED else dict(islice(entities.items(), ROWS_LISTED))
            for entity_id, entity in listed.items():
                self._by_id[entity_id] = len(self._nodes)
                self._nodes.append(_Node(entity_id, entity.name, -2, 0, []))
            for entity_id, entity in listed.items():
                parent = getattr(entity, "parent", None)
                node = self._by_id[entity_id]
                under = self._by_id.get(parent, group) if parent in listed else group
                if under == node or self._is_below(under, node):
                    under = group  # a cycle in the file: show the entity at the top
                self._attach(node, under)
            more = len(entities) - len(listed)
            if more:
                self._nodes.append(_Node(None, more_text(more), -2, 0, [], more))
                self._attach(len(self._nodes) - 1, group)
            if group >= 0:  # "Countries (195)": its rows, and those not listed instead of their row
                heading_node = self._nodes[group]
                rows = len(heading_node.children) - (1 if more else 0)
                heading_node.title = f"{heading} ({rows + more:,})"

    def _is_below(self, node: int, ancestor: int) -> bool:
        while node >= 0:
            if node == ancestor:
                return True
            node = self._nodes[node].parent
        return False

    def _add(self, entity_id: str | None, title: str, parent: int) -> int:
        self._nodes.append(_Node(entity_id, title, -2, 0, []))
        self._attach(len(self._nodes) - 1, parent)
        return len(self._nodes) - 1

    def _attach(self, node: int, parent: int) -> None:
        siblings = self._top if parent < 0 else self._nodes[parent].children
        self._nodes[node].parent = parent
        self._nodes[node].row = len(siblings)
        siblings.append(node)

    def set_counts(self, shown: Mapping[str, int], totals: Mapping[str, int],
                   filtered: bool) -> None:
        """Events of each entity the filter keeps (`shown`) and in all (`totals`)."""
        self._shown, self._totals, self._filtered = shown, totals, filtered
        self._changed_everywhere()

    def set_marked(self, marked: frozenset[str]) -> None:
        before, self._marked = self._marked, marked
        if marked is before:
            return
        if len(marked) + len(before) > 2 * MARKS_ONE_BY_ONE:  # not worth finding which changed
            self._changed_everywhere()
            return
        changed = marked ^ before
        if len(changed) > MARKS_ONE_BY_ONE:
            self._changed_everywhere()
            return
        for entity_id in changed:
            node = self._by_id.get(entity_id)
            if node is not None:
                row = self._nodes[node].row
                parent = self._parent_index(node)
                self.dataChanged.emit(self.index(row, 0, parent),
                                      self.index(row, len(self._columns), parent))

    def _changed_everywhere(self) -> None:
        if len(self._nodes) > ROWS_SIGNALLED:
            self.repaint_needed.emit()
            return
        last = len(self._columns)
        parents = [-1] + self._parents()
        for parent in parents:
            count = len(self._top) if parent < 0 else len(self._nodes[parent].children)
            index = _NO_PARENT if parent < 0 else self._index_of_node(parent)
            if count:
                self.dataChanged.emit(self.index(0, 0, index), self.index(count - 1, last, index))

    # -- lookups ------------------------------------------------------------------------

    def holds(self, entity_id: str | None) -> bool:
        """Whether the entity is in one of the model's sections, listed or not."""
        return entity_id is not None and any(entity_id in entities for entities in self._held)

    def index_of(self, entity_id: str | None) -> QModelIndex:
        node = self._by_id.get(entity_id) if entity_id is not None else None
        return _NO_PARENT if node is None else self._index_of_node(node)

    def _index_of_node(self, node: int, column: int = 0) -> QModelIndex:
        return self.createIndex(self._nodes[node].row, column, node)

    def _parent_index(self, node: int) -> QModelIndex:
        parent = self._nodes[node].parent
        return _NO_PARENT if parent < 0 else self._index_of_node(parent)

    def parent_indexes(self) -> list[QModelIndex]:
        """The rows that have rows under them: what a view expands to show every row (its
        `expandAll` asks every row whether it has children, 3.5 s for a million rows)."""
        return [self._index_of_node(n) for n in self._parents()]

    def more_indexes(self) -> list[QModelIndex]:
        """The rows that say how many entities are not listed (a view spans them)."""
        return [self._index_of_node(n) for n, node in enumerate(self._nodes) if node.more]

    def _parents(self) -> list[int]:
        """The nodes that have nodes under them."""
        return [n for n, node in enumerate(self._nodes) if node.children]

    def events_column(self) -> int:
        return len(self._columns)

    # -- Qt -----------------------------------------------------------------------------

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = _NO_PARENT):
        siblings = self._top if not parent.isValid() else self._nodes[parent.internalId()].children
        if not (0 <= row < len(siblings) and 0 <= column <= len(self._columns)):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index=None):
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        return self._parent_index(index.internalId())

    def rowCount(self, parent=_NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId()].children)

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        if index.isValid() and self._nodes[index.internalId()].more:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren  # a note, not a row to pick
        return super().flags(index)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return len(self._columns) + 1

    def headerData(self, section: int, orientation, role=Role.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return self._columns[section].title if section < len(self._columns) else "Events"
        return None

    def data(self, index: QModelIndex, role: int = Role.DisplayRole):
        if not index.isValid() or self._dataset is None:
            return None
        node = self._nodes[index.internalId()]
        entity = self._dataset.entity(node.entity_id) if node.entity_id is not None else None
        column = index.column()
        if role == Role.UserRole:
            return entity
        if entity is None and node.more:  # the row of the entities not listed
            if role in (Role.DisplayRole, Role.AccessibleTextRole) and column == 0:
                return node.title
            return muted_foreground() if role == Role.ForegroundRole else None
        if entity is None:  # a group heading (its title holds its count)
            if role == Role.DisplayRole and column == 0:
                return node.title
            return self._bold if role == Role.FontRole else None
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            if column < len(self._columns):  # clipped: a view elides a name by shaping all of it
                return clipped(self._columns[column].text(self._dataset, entity))
            return self._count_text(entity.id)
        if role == Role.ToolTipRole:
            return self._tooltip(entity)
        if role == Role.FontRole and entity.id in self._marked:
            return self._bold
        if role == Role.BackgroundRole and entity.id in self._marked:
            return marked_background()
        if role == Role.ForegroundRole and self._filtered and not self._shown.get(entity.id):
            return muted_foreground()
        if role == Role.TextAlignmentRole and column == len(self._columns):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _count_text(self, entity_id: str) -> str:
        total = self._totals.get(entity_id, 0)
        if not self._filtered:
            return f"{total:,}"
        return f"{self._shown.get(entity_id, 0):,} of {total:,}"

    def _tooltip(self, entity: Entity) -> str:
        total = self._totals.get(entity.id, 0)
        shown = self._shown.get(entity.id, 0) if self._filtered else total
        counts = count_text(shown, total) + ("" if shown == total else " shown")
        which = "its event" if total == 1 else "its events"
        return f"{clipped(entity.name)}\n{counts}\nDouble-click to zoom the timeline to {which}."
