"""Every view agrees: the panes, the filter bar, the event list and the timeline of the real
main window, driven by clicks and keys on the shipped Blue Heart data set."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt

from explorer.model.dates import day_text
from explorer.model.queries import events_of
from explorer.qt.document import Selection
from explorer.qt.main_window import MainWindow
from explorer.qt.settings import Settings
from tests.helpers.days import day
from tests.helpers.windows import (
    click_entity_row,
    click_link,
    focus,
    given_shipped_window,
    headless_popup,
    settle,
    timeline_of,
)


def ids(window, positions) -> set[str]:
    events = window.document.dataset.events
    return {events[p].id for p in positions}


def marked_on_timeline(timeline) -> set[str]:
    """Events the timeline draws marked: items and undated chips in its scene's highlight."""
    scene = timeline.current_scene()
    drawn = [*scene.items, *scene.chips]
    return {shape.event_id for shape in drawn if shape.position in scene.highlighted}


def drawn_on_timeline(timeline) -> set[str]:
    scene = timeline.current_scene()
    return {shape.event_id for shape in (*scene.items, *scene.chips)}


def is_marked(pane, entity_id: str) -> bool:
    font = pane.model.index_of(entity_id).data(Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def pick_actor(qtbot, window, text: str) -> None:
    picker = window.findChild(type(window.panes.filter_bar.actor_edit), "actorFilter")
    # Esc is a shortcut of the filter bar: it needs the focus, in the active window (a slow
    # load's progress dialog may have been the active window meanwhile).
    focus(qtbot, picker)
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)


def item_point(timeline, event_id: str) -> QPoint:
    found = next(i for i in timeline.current_scene().items if i.event_id == event_id)
    return QPoint(int(found.rect.x + found.rect.w / 2), int(found.rect.y + found.rect.h / 2))


def test_selecting_unodc_marks_exactly_its_events_on_the_timeline(shown, qtbot):
    timeline = timeline_of(shown)
    changes = []
    shown.document.selection_changed.connect(changes.append)
    click_entity_row(qtbot, shown.panes.organizations, "unodc")
    assert changes == [Selection(entity_id="unodc")]  # once: no echo from the panes
    unodc = ids(shown, events_of(shown.document.dataset, "unodc"))
    assert unodc == {"unodc-founded", "unodc-becomes-guardian", "blue-heart-launch",
                     "ukhtc-blue-heart-partnership", "trust-fund-established",
                     "trust-fund-manager"}
    assert marked_on_timeline(timeline) == unodc
    settle(shown)
    assert is_marked(shown.panes.actors, "antonio-maria-costa")  # launched the campaign with it
    assert is_marked(shown.panes.protocols, "tip-protocol")  # it is the guardian
    assert not is_marked(shown.panes.actors, "ES")


def test_with_sub_organizations_unodc_also_marks_the_campaign_events(shown, qtbot):
    timeline = timeline_of(shown)
    qtbot.mouseClick(shown.panes.filter_bar.children_check, Qt.MouseButton.LeftButton)
    click_entity_row(qtbot, shown.panes.organizations, "unodc")
    marked = marked_on_timeline(timeline)
    assert {"mexico-joins", "spain-joins", "portugal-joins", "unodc-founded"} <= marked
    assert "eu-directive-adopted" not in marked


@headless_popup
def test_filter_to_spain_leaves_only_spains_events_everywhere(shown, qtbot):
    timeline = timeline_of(shown)
    pick_actor(qtbot, shown, "Spain")
    settle(shown)
    assert shown.document.filter.actors == {"ES"}
    assert drawn_on_timeline(timeline) == {"spain-joins"}
    assert timeline.index.visible_count == 1
    events = shown.panes.events.table.model()
    assert [events.index(r, 0).data(Qt.ItemDataRole.UserRole)
            for r in range(events.rowCount())] == ["spain-joins"]
    assert shown.panes.memberships.visible_rows() == [("ES", "member")]
    assert shown.panes.filter_bar.count_label.text() == "1 of 24 events"
    unodc = shown.panes.organizations.model.index_of("blue-heart-campaign")
    events_cell = unodc.siblingAtColumn(shown.panes.organizations.model.events_column())
    assert events_cell.data() == "1 of 8"


def test_selecting_an_event_on_the_timeline_shows_it_and_marks_its_actors(shown, qtbot):
    timeline = timeline_of(shown)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton,
                     pos=item_point(timeline, "portugal-joins"))
    assert shown.document.selection.event_id == "portugal-joins"
    assert shown.panes.event_details.browser.toPlainText().startswith(
        "Portugal joins the Blue Heart Campaign")
    settle(shown)
    assert is_marked(shown.panes.actors, "PT")
    assert is_marked(shown.panes.actors, "teresa-morais")
    assert is_marked(shown.panes.organizations, "unodc-organized-crime-unit")
    assert not is_marked(shown.panes.organizations, "unodc")
    assert marked_memberships(shown) == {"PT"}


def marked_memberships(window) -> set[str]:
    """Members whose membership rows are drawn marked."""
    table = window.panes.memberships.model
    return {table.standing(r).member for r in range(table.rowCount())
            if table.index(r, 0).data(Qt.ItemDataRole.FontRole) is not None}


def test_members_are_marked_for_themselves_and_for_what_marks_them(shown, qtbot):
    click_entity_row(qtbot, shown.panes.organizations, "unodc")
    settle(shown)
    assert marked_memberships(shown) == set()  # the campaign is only marked, not selected
    click_entity_row(qtbot, shown.panes.organizations, "blue-heart-campaign")
    settle(shown)
    assert marked_memberships(shown) == {"MX", "ES", "PT"}  # its partners: its members
    click_entity_row(qtbot, shown.panes.actors, "ES")
    settle(shown)
    assert marked_memberships(shown) == {"ES"}


def test_clicking_an_actor_link_in_event_details_selects_it_in_its_pane(shown, qtbot):
    shown.document.select_event("spain-joins")
    browser = shown.panes.event_details.browser
    click_link(qtbot, browser, "entity:blue-heart-campaign")
    assert shown.document.selection == Selection("spain-joins", "blue-heart-campaign")
    assert shown.panes.organizations.selected_entity_id() == "blue-heart-campaign"
    assert browser.toPlainText().startswith("Spain joins")  # the event stays shown

    shown.document.set_filter(shown.document.filter.with_actor("MX"))
    assert browser.toPlainText().startswith("The filter hides this event.")
    shown.document.clear_filter()
    assert "The filter hides" not in browser.toPlainText()

    click_link(qtbot, browser, "entity:ES")
    actors = shown.panes.actors
    assert actors.selected_entity_id() == "ES"
    assert actors.widget().isVisible()  # its tab came to the front
    assert shown.panes.organizations.selected_entity_id() is None
    assert marked_on_timeline(timeline_of(shown)) == {"spain-joins"}


def test_clicking_a_protocol_link_selects_it_in_the_protocols_pane(shown, qtbot):
    shown.document.select_event("unodc-becomes-guardian")
    click_link(qtbot, shown.panes.event_details.browser, "entity:tip-protocol")
    assert shown.panes.protocols.selected_entity_id() == "tip-protocol"
    assert shown.panes.protocols.widget().isVisible()


def test_clicking_the_timeline_sets_the_as_of_date_for_the_memberships(shown, qtbot):
    timeline = timeline_of(shown)
    scene = timeline.current_scene()
    y = int(scene.lanes_rect.bottom - 3)
    x = int(timeline.viewport.x_of(day(2011, 1, 1)))
    x = next(x + dx for dx in range(40) if scene.item_at(x + dx, y) is None)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    as_of = shown.document.as_of
    assert as_of is not None and day(2010, 12, 1) < as_of < day(2011, 3, 1)
    pane = shown.panes.memberships
    assert pane.as_of_edit.text() == day_text(as_of)
    members = sorted(pane.proxy.index(r, 0).data() for r in range(pane.proxy.rowCount()))
    assert members == ["Mexico", "Spain"]


def test_double_clicking_an_organization_zooms_the_timeline_to_its_events(shown, qtbot):
    timeline = timeline_of(shown)
    before = timeline.viewport.span
    click_entity_row(qtbot, shown.panes.organizations, "blue-heart-campaign", double=True)
    viewport = timeline.viewport
    assert viewport.span < before
    assert viewport.start <= day(2009, 3, 1) and viewport.end >= day(2012, 5, 1)
    assert viewport.start > day(2008) and viewport.end < day(2014)


def test_double_clicking_a_membership_zooms_the_timeline_to_the_members_events(shown, qtbot):
    timeline = timeline_of(shown)
    pane = shown.panes.memberships
    row = next(r for r in range(pane.proxy.rowCount())
               if pane.proxy.index(r, 0).data() == "Portugal")
    point = pane.table.visualRect(pane.proxy.index(row, 0)).center()
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown.document.selection.entity_id == "PT"
    qtbot.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    viewport = timeline.viewport
    assert viewport.start <= day(2012, 4, 1) and viewport.end >= day(2012, 5, 1)
    assert viewport.span < 3 * 365


@headless_popup
def test_the_filter_is_remembered_per_file_across_reopening(tmp_path, qtbot, blue_heart_copy):
    def new_window():
        store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        created = MainWindow(Settings(store))
        qtbot.addWidget(created)
        return created

    first = new_window()
    given_shipped_window(first, qtbot, blue_heart_copy)
    pick_actor(qtbot, first, "Spain")
    other = tmp_path / "other.yaml"
    other.write_bytes(blue_heart_copy.read_bytes())
    assert first.open_file(str(other))
    assert first.document.filter.is_empty  # the other file has no filter of its own
    first.close()
    first.watcher.stop()

    second = new_window()
    given_shipped_window(second, qtbot, blue_heart_copy)
    assert second.document.filter.actors == {"ES"}
    assert second.panes.filter_bar.chips() == ["ES"]
    assert ids(second, second.document.visible_positions) == {"spain-joins"}
    second.watcher.stop()


@headless_popup
def test_escape_in_the_filter_bar_clears_the_filter_everywhere(shown, qtbot):
    timeline = timeline_of(shown)
    pick_actor(qtbot, shown, "Spain")
    assert drawn_on_timeline(timeline) == {"spain-joins"}
    picker = shown.panes.filter_bar.actor_edit
    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    settle(shown)
    assert shown.document.filter.is_empty
    assert len(drawn_on_timeline(timeline)) == 24
    assert len(shown.panes.memberships.visible_rows()) == 3
