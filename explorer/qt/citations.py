"""Copy an event's citation to the clipboard, as plain text and as HTML (the sources' addresses
links), from the event details pane and the timeline's context menu."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QAction, QGuiApplication

from explorer.model.citation import citation_html, citation_text
from explorer.model.dataset import Dataset
from explorer.model.entities import Event


def copy_citation(dataset: Dataset, event: Event) -> str:
    """Put the citation on the clipboard; the plain text copied."""
    mime = QMimeData()
    text = citation_text(dataset, event)
    mime.setText(text)
    mime.setHtml(citation_html(dataset, event))
    QGuiApplication.clipboard().setMimeData(mime)
    return text


def citation_action(dataset: Dataset, event: Event, parent: QObject) -> QAction:
    """A "Copy Citation" action for one event."""
    action = QAction("Copy &Citation", parent)
    action.setObjectName("copyCitationAction")
    action.setStatusTip("Copy the event's title, date and sources as a reference list")
    action.triggered.connect(lambda _checked=False: copy_citation(dataset, event))
    return action


def add_citation(menu, document, scene, pos) -> QAction | None:
    """Add "Copy Citation" for the event drawn at `pos` of a timeline `scene` to `menu`."""
    item = scene.item_at(pos.x(), pos.y()) if scene is not None else None
    dataset = document.dataset
    event = dataset.events_by_id.get(item.event_id) if item is not None and dataset is not None else None
    if event is None:
        return None
    action = citation_action(dataset, event, menu)
    menu.addAction(action)
    menu.addSeparator()
    return action
