"""Copy Citation from the event details pane and from the timeline's context menu: the
clipboard gets the citation as text and as HTML with links."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from explorer.model.citation import citation_text
from explorer.qt.citations import add_citation
from explorer.qt.panes.event_details import EventDetailsPane
from tests.helpers.windows import settle

LINKED = """timeline: 1
sources:
  unodc-about:
    title: About the Blue Heart Campaign
    url: https://www.unodc.org/blueheart/
events:
  - id: launch
    title: Blue Heart Campaign launched
    date: 2009-03
    sources: [unodc-about]
"""


def test_the_details_pane_copies_the_shown_events_citation(window, tmp_path):
    path = tmp_path / "linked.yaml"
    path.write_text(LINKED, encoding="utf-8")
    assert window.open_file(str(path))
    window.document.select_event("launch")
    settle(window)
    shown = window
    pane = shown.findChild(EventDetailsPane, "eventDetails")
    event = pane.shown_event()
    assert event is not None and event.id == "launch"
    menu = pane.context_menu(QPoint(5, 5))
    (action,) = [a for a in menu.actions() if a.objectName() == "copyCitationAction"]
    action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    dataset = shown.document.dataset
    assert mime.text() == citation_text(dataset, event)
    assert event.sources and "Sources:" in mime.text()
    urls = [dataset.sources[s].url for s in event.sources if dataset.sources[s].url]
    assert urls == ["https://www.unodc.org/blueheart/"]
    assert '<a href="https://www.unodc.org/blueheart/">About the Blue Heart Campaign</a>' in mime.html()


def test_no_citation_without_a_shown_event(shown):
    shown.document.select_event(None)
    pane = shown.findChild(EventDetailsPane, "eventDetails")
    menu = pane.context_menu(QPoint(5, 5))
    assert not [a for a in menu.actions() if a.objectName() == "copyCitationAction"]


def test_the_timeline_context_menu_offers_the_citation_of_the_event_under_the_pointer(shown):
    timeline = shown.timeline
    scene = timeline.current_scene()
    item = scene.items[0]
    point = QPoint(int(item.rect.x + item.rect.w / 2), int(item.rect.y + item.rect.h / 2))
    menu = QMenu()
    action = add_citation(menu, shown.document, scene, point)
    assert action is not None and action.text() == "Copy &Citation"
    action.trigger()
    event = shown.document.dataset.events_by_id[item.event_id]
    assert QGuiApplication.clipboard().text() == citation_text(shown.document.dataset, event)
    empty = QMenu()
    assert add_citation(empty, shown.document, scene, QPoint(-50, -50)) is None
    assert empty.actions() == []
