"""The mark: an organization, person, country or protocol picked in a pane (or a lane header),
whose events stand out while the others are dimmed.

A mark is shown as a chip that names it and clears it when clicked; Esc clears it before
anything else; a newer filter drops it (`Document.set_filter`), so it never dims the results
of a filter set after it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from explorer.qt.document import Document

#: Characters of the marked entity's name shown on the chip; the rest is elided.
CHIP_CHARS = 28


def escape(document: Document, include_event: bool = True) -> bool:
    """What Esc does: clear the mark, else (when `include_event`) the selected event, else
    the filter. False when there was nothing to clear."""
    selection = document.selection
    if selection.entity_id is not None:
        document.clear_mark()
    elif include_event and selection.event_id is not None:
        document.select_event(None)
    elif not document.filter.is_empty:
        document.clear_filter()
    else:
        return False
    return True


class MarkChip(QToolButton):
    """"Marked: Spain ✕": names the mark and clears it when clicked; hidden without one."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markChip")
        self.setAutoRaise(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._document = document
        self.clicked.connect(document.clear_mark)
        document.selection_changed.connect(self._follow)
        document.dataset_loaded.connect(self._follow)
        self._follow()

    def marked(self) -> str | None:
        """The id of the marked entity, or None."""
        return self._document.selection.entity_id

    def _follow(self, *_args) -> None:
        dataset, entity_id = self._document.dataset, self._document.selection.entity_id
        if dataset is None or entity_id is None:
            self.hide()
            return
        label = dataset.label(entity_id)
        shown = label if len(label) <= CHIP_CHARS else label[:CHIP_CHARS - 1] + "…"
        self.setText(f"Marked: {shown}  ✕")
        self.setAccessibleName(f"Clear the mark of {label}")
        self.setToolTip(f"The events of {label} stand out and the others are dimmed. "
                        "Click, or press Esc, to clear the mark.")
        self.show()
