"""The item model of the memberships pane: one row per member of the chosen campaign or
protocol on the "as of" day, with its stage, the date it got there and its actions, written as
a person would ("21 Aug 2002", "April 2010", "about 2003")."""

from __future__ import annotations

import math
from typing import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue
from explorer.model.memberships import Certainty, MemberStanding, Stage, stage_words
from explorer.qt.panes.item_models import SORT_ROLE, _bold, marked_background, muted_foreground
from explorer.timescale.labels import clipped

Role = Qt.ItemDataRole
_NO_PARENT = QModelIndex()
#: The columns, in order.
COLUMNS = ("Member", "Stage", "Since", "Actions")
MEMBER, STAGE, SINCE, ACTIONS = range(len(COLUMNS))
#: Stages sort parties first, then signatories, members, and those that left.
_STAGE_ORDER = {Stage.PARTY: 0, Stage.SIGNATORY: 1, Stage.MEMBER: 2, Stage.LEFT: 3}


def when_short(value: EdtfValue | None) -> str:
    """A date for a table: "21 Aug 2002", "April 2010", "about 2003", "date unknown"."""
    return "date unknown" if value is None else value.short_words()


def actions_text(standing: MemberStanding) -> str:
    """"signed 12 Dec 2000, ratified 21 Aug 2002": every action of the member, in date order."""
    actions = sorted(standing.history.actions,
                     key=lambda a: math.inf if a.date is None or a.date.earliest is None else a.date.earliest)
    return ", ".join(f"{a.status} {when_short(a.date)}" for a in actions)


def _sort_day(value: EdtfValue | None) -> float:
    """Sorts by the first possible day; unknown dates last, open starts first."""
    if value is None:
        return math.inf
    return -math.inf if value.earliest is None else float(value.earliest)


class MemberTableModel(QAbstractTableModel):
    """Thin adapter: text for `DisplayRole`, the `MemberStanding` for `UserRole`, sort keys for
    `SORT_ROLE`; members marked by the selection are bold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._rows: list[MemberStanding] = []
        self._marked: frozenset[str] = frozenset()
        self._bold = _bold()

    def set_rows(self, dataset: Dataset | None, standings: Sequence[MemberStanding]) -> None:
        self.beginResetModel()
        self._dataset = dataset
        self._rows = list(standings) if dataset is not None else []
        self.endResetModel()

    def set_marked(self, members: frozenset[str]) -> None:
        """Mark the rows of these members."""
        if members == self._marked:
            return
        self._marked = members
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def standing(self, row: int) -> MemberStanding:
        return self._rows[row]

    def rows(self) -> list[MemberStanding]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Role.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole):
        if not index.isValid() or self._dataset is None:
            return None
        standing = self._rows[index.row()]
        column = index.column()
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            return clipped(self.text(standing, column))
        if role == Role.UserRole:
            return standing
        if role == SORT_ROLE:
            if column == STAGE:
                return (_STAGE_ORDER[standing.stage], standing.certainty is not Certainty.SURE)
            if column == SINCE:
                return _sort_day(standing.since)
            return self.text(standing, column).casefold()
        if role == Role.ToolTipRole:
            return f"{clipped(self.text(standing, MEMBER))}: {stage_words(standing)}\n{actions_text(standing)}"
        marked = standing.member in self._marked
        if role == Role.FontRole and marked:
            return self._bold
        if role == Role.BackgroundRole and marked:
            return marked_background()
        if role == Role.ForegroundRole and standing.certainty is not Certainty.SURE:
            return muted_foreground()
        return None

    def text(self, standing: MemberStanding, column: int) -> str:
        if column == MEMBER:
            return self._dataset.label(standing.member) if self._dataset is not None else standing.member
        if column == STAGE:
            return stage_words(standing)
        if column == SINCE:
            return when_short(standing.since)
        return actions_text(standing)
