"""The panes on the shipped Blue Heart data set in the real main window: what each one lists
and shows, and their names for automation and screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDockWidget, QWidget

from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Event, Membership, Organization, Source
from explorer.model.memberships import Stage, stage_curves
from explorer.qt.document import Selection
from explorer.qt.main_window import MainWindow
from explorer.qt.panes.common import entity_menu
from explorer.qt.panes.stages import stage_colour
from explorer.qt.timeline.style import TimelineStyle
from tests.helpers.days import day
from tests.helpers.windows import (
    click_entity_row,
    click_link,
    settle,
    tree_rows,
)


def test_every_pane_and_the_filter_bar_have_object_and_accessible_names(shown):
    names = ["eventDetails", "organizationsPane", "protocolsPane", "actorsPane",
             "membershipsPane", "filterBar", "actorFilter", "searchFilter", "dateFrom", "dateTo",
             "clearFilter", "filterCount", "membershipTable", "memberChart", "asOfDate", "asOfSummary",
             "membershipMapPane", "membershipMap", "unplacedMembers",
             "organizationsPaneTree", "protocolsPaneTree", "actorsPaneTree", "eventDetailsText"]
    for name in names:
        widget = shown.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_every_pane_is_a_dock_in_the_view_menu(shown):
    view_entries = {action.text() for action in shown.view_menu.actions()}
    for dock in shown.panes.docks():
        assert isinstance(dock, QDockWidget)
        assert shown.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea
        assert dock.windowTitle() in view_entries


def test_the_dock_layout_is_remembered(shown, qtbot, settings):
    memberships = shown.panes.memberships
    shown.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, memberships)
    shown.panes.protocols.hide()
    shown.save_window()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.restore_layout()
    assert again.dockWidgetArea(again.panes.memberships) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.panes.protocols.isHidden()
    again.watcher.stop()


def test_organizations_form_a_tree_by_parent_with_kind_and_founding_date(shown):
    rows = tree_rows(shown.panes.organizations.tree)
    by_id = {entity_id: (depth, texts) for depth, entity_id, texts in rows}
    assert by_id["un"][0] == 0
    assert by_id["unodc"][0] == 1
    assert by_id["blue-heart-campaign"][0] == 2
    order = [entity_id for _depth, entity_id, _texts in rows]
    assert order.index("un") < order.index("unodc") < order.index("blue-heart-campaign")
    assert by_id["unodc"][1][:3] == ["UNODC", "agency", "1997"]
    assert by_id["blue-heart-campaign"][1][:3] == ["Blue Heart Campaign", "campaign", "March 2009"]
    assert by_id["unodc"][1][3] == "6"  # its own events


def test_protocols_form_a_tree_with_adoption_entry_into_force_and_guardian(shown):
    rows = tree_rows(shown.panes.protocols.tree)
    by_id = {entity_id: (depth, texts) for depth, entity_id, texts in rows}
    assert by_id["untoc"][0] == 0
    assert by_id["tip-protocol"][0] == 1
    assert by_id["tip-protocol"][1][:4] == [
        "Trafficking in Persons Protocol", "2000", "25 Dec 2003", "UNODC"]


def test_people_and_countries_are_grouped(shown):
    rows = tree_rows(shown.panes.actors.tree)
    headings = [texts[0] for depth, entity_id, texts in rows if entity_id is None]
    assert headings == ["Countries (7)", "People (7)"]
    countries = [entity_id for depth, entity_id, _ in rows if depth == 1][:7]
    assert countries == ["MX", "ES", "PT", "US", "KE", "IN", "GB"]


def test_selecting_an_organization_shows_its_details_with_parent_children_and_members(
        shown, qtbot):
    pane = shown.panes.organizations
    click_entity_row(qtbot, pane, "blue-heart-campaign")
    text = pane.details.toPlainText()
    assert "Blue Heart Campaign against Human Trafficking" in text
    assert "Founded March 2009 (2009-03)" in text
    assert "Part of\nUNODC" in text
    assert "Members\nMexico joined, April 2010 (2010-04)" in text
    assert "Portugal joined, April 2012 (2012-04)" in text
    click_entity_row(qtbot, pane, "unodc")
    text = pane.details.toPlainText()
    assert "Includes\nUNODC Organized Crime Unit, Blue Heart Campaign" in text
    assert "Guardian of\nTrafficking in Persons Protocol" in text


def test_selecting_a_protocol_shows_its_guardian_and_parties(shown, qtbot):
    pane = shown.panes.protocols
    click_entity_row(qtbot, pane, "tip-protocol")
    text = pane.details.toPlainText()
    assert "Adopted 2000 (2000)" in text
    assert "In force 25 December 2003 (2003-12-25)" in text
    assert "Guardian: UNODC" in text
    assert "This file lists no parties." in text
    assert shown.document.selection.entity_id == "tip-protocol"


def test_the_memberships_table_lists_each_member_with_its_stage_and_dates_in_words(shown):
    pane = shown.panes.memberships
    table = pane.proxy
    pane.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())] == [
        "Member", "Stage", "Since", "Actions"]
    rows = [[table.index(r, c).data() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert rows == [
        ["Mexico", "member", "April 2010", "joined April 2010"],
        ["Spain", "member", "June 2010", "joined June 2010"],
        ["Portugal", "member", "April 2012", "joined April 2012"],
    ]
    assert pane.summary.text() == "<b>Blue Heart Campaign</b> as of today: 3 members"


def test_memberships_sort_by_date_with_unknown_dates_kept_last(window, qtbot):
    dataset = Dataset.build(
        organizations=[Organization("camp", "Campaign")],
        countries=[Country("A", "Alpha"), Country("B", "Beta"), Country("C", "Gamma")],
        memberships=[
            Membership("A", "camp", date=parse_edtf("2012~")),
            Membership("B", "camp"),
            Membership("C", "camp", date=parse_edtf("2010-05-02")),
        ])
    window.document.set_dataset(dataset)
    pane = window.panes.memberships
    pane.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    column = [(pane.proxy.index(r, 0).data(), pane.proxy.index(r, 1).data(),
               pane.proxy.index(r, 2).data()) for r in range(pane.proxy.rowCount())]
    assert column == [("Gamma", "member", "2 May 2010"), ("Alpha", "member", "about 2012"),
                      ("Beta", "member (date unknown)", "date unknown")]
    pane.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [pane.proxy.index(r, 0).data() for r in range(3)] == ["Gamma", "Beta", "Alpha"]
    assert pane.chart.content.curves.undated == 1

    # A new data set (a reload) sorts by its own values, not the previous file's.
    window.document.set_dataset(Dataset.build(
        organizations=[Organization("camp", "Campaign")],
        countries=[Country("A", "Zulu"), Country("B", "Beta"), Country("C", "Alpha")],
        memberships=[Membership("A", "camp"), Membership("B", "camp"), Membership("C", "camp")]))
    assert [pane.proxy.index(r, 0).data() for r in range(3)] == ["Zulu", "Beta", "Alpha"]
    pane.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [pane.proxy.index(r, 0).data() for r in range(3)] == ["Alpha", "Beta", "Zulu"]


def test_the_chart_draws_the_campaigns_members_by_stage(shown, qtbot):
    pane = shown.panes.memberships
    assert pane.target_id() == "blue-heart-campaign"
    expected = stage_curves(shown.document.dataset, "blue-heart-campaign")
    assert pane.chart.content.curves == expected
    pane.chart.resize(600, 300)
    image = pane.chart.grab().toImage()
    accent = stage_colour(TimelineStyle.from_widget(pane.chart), Stage.MEMBER)
    # On the sure curve, well after Portugal joined: three members.
    point = pane.chart.plot_point(day(2013, 1, 1), 3)
    colour = image.pixelColor(int(point.x()), int(point.y()))
    assert abs(colour.red() - accent.red()) < 40 and abs(colour.green() - accent.green()) < 40
    # Above it there is nothing drawn in the accent colour.
    above = image.pixelColor(int(point.x()), int(point.y()) - 12)
    assert above != colour


def test_typing_an_as_of_date_lists_who_was_a_member_then(shown, qtbot):
    pane = shown.panes.memberships
    pane.as_of_edit.setFocus()
    qtbot.keyClicks(pane.as_of_edit, "2011-01-01")
    qtbot.keyClick(pane.as_of_edit, Qt.Key.Key_Return)
    assert shown.document.as_of == day(2011, 1, 1)
    members = {pane.proxy.index(r, 0).data(): pane.proxy.index(r, 1).data()
               for r in range(pane.proxy.rowCount())}
    assert members == {"Mexico": "member", "Spain": "member"}
    assert "Portugal" not in members
    assert pane.summary.text() == "<b>Blue Heart Campaign</b> as of 1 January 2011: 2 members"


def test_a_date_inside_an_imprecise_join_date_is_possibly(shown, qtbot):
    pane = shown.panes.memberships
    pane.as_of_edit.setText("2010-04-15")
    pane.as_of_edit.editingFinished.emit()
    members = {pane.proxy.index(r, 0).data(): pane.proxy.index(r, 1).data()
               for r in range(pane.proxy.rowCount())}
    assert members == {"Mexico": "possibly a member"}


def test_a_wrong_as_of_date_says_why_and_keeps_the_day(shown):
    pane = shown.panes.memberships
    shown.document.set_as_of(day(2011, 1, 1))
    pane.as_of_edit.setText("2011-13")
    pane.as_of_edit.editingFinished.emit()
    assert shown.document.as_of == day(2011, 1, 1)
    assert "is not a date" in pane.summary.text()


def test_clicking_the_chart_sets_the_as_of_day(shown, qtbot):
    pane = shown.panes.memberships
    pane.chart.resize(600, 300)
    pane.chart.grab()
    point = pane.chart.plot_point(day(2012, 6, 1), 0).toPoint()
    qtbot.mouseClick(pane.chart, Qt.MouseButton.LeftButton, pos=point)
    assert abs(shown.document.as_of - day(2012, 6, 1)) < 20
    assert pane.proxy.rowCount() == 3


def test_event_details_show_date_summary_actors_tags_and_sources(shown):
    shown.document.select_event("trump-proclamation")
    text = shown.panes.event_details.browser.toPlainText()
    assert text.startswith("Trump proclaims January 2018")
    assert "29 December 2017 (written 2017-12-29)" in text
    assert "President Donald Trump proclaims January 2018" in text
    assert "Actors\nDonald Trump, United States" in text
    assert "Tags\nproclamation" in text
    assert "The Washington Examiner. 29 December 2017. retrieved 10 January 2018." in text
    html = shown.panes.event_details.browser.toHtml()
    assert 'href="entity:donald-trump"' in html and 'href="entity:US"' in html


def test_before_an_event_is_picked_event_details_describe_the_file(shown):
    text = shown.panes.event_details.browser.toPlainText()
    assert text.startswith("Blue Heart Campaign against Human Trafficking")
    assert "24 events, 35 actors, 5 protocols, 3 memberships" in text
    assert "Select an event on the timeline" in text


def test_a_source_url_opens_outside_and_an_internal_link_never_does(window, qtbot,
                                                                   monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    source = Source("s1", "Annual report", publisher="UNODC", url="https://www.unodc.org/r",
                    date=parse_edtf("2012-06"))
    dataset = Dataset.build(
        organizations=[Organization("unodc", "United Nations Office on Drugs and Crime",
                                    short="UNODC")],
        sources=[source],
        events=[Event("e1", "Report published", start=parse_edtf("2012-06"),
                      actors=("unodc",), sources=("s1",))])
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.document.set_dataset(dataset)
    window.document.select_event("e1")
    browser = window.panes.event_details.browser
    assert "Annual report. UNODC. June 2012." in browser.toPlainText()
    click_link(qtbot, browser, "https://www.unodc.org/r")
    assert [url.toString() for url in opened] == ["https://www.unodc.org/r"]
    click_link(qtbot, browser, "entity:unodc")
    assert len(opened) == 1
    assert window.document.selection == Selection("e1", "unodc")


def test_filter_to_this_actor_from_a_pane_menu(shown):
    menu = entity_menu(shown.panes.context, "ES", shown)
    action = next(a for a in menu.actions() if a.objectName() == "filterToEntityAction")
    assert action.text() == "&Filter to This Actor"
    action.trigger()
    assert shown.document.filter.actors == {"ES"}
    settle(shown)
    assert shown.panes.filter_bar.chips() == ["ES"]


def test_an_entity_pane_counts_a_new_data_set_on_the_next_turn_after_the_timeline_took_it(window, qtbot):
    # The timeline paints a new data set first; the panes' counts and column widths follow
    # on the next turn of the event loop, and do follow.
    from explorer.paths import shipped_dataset

    assert window.open_file(str(shipped_dataset()))
    pane = window.panes.organizations
    window.document.set_dataset(window.document.loaded_dataset)  # as a reload puts it in place
    assert window.timeline.index.dataset is window.document.dataset
    assert pane._counts_later.pending and pane._fit_later.pending
    before = {entity_id: texts for _depth, entity_id, texts in tree_rows(pane.tree)}
    assert before["unodc"][3] == "0"  # not counted yet
    qtbot.waitUntil(lambda: not pane._counts_later.pending and not pane._fit_later.pending, timeout=5_000)
    by_id = {entity_id: texts for _depth, entity_id, texts in tree_rows(pane.tree)}
    assert by_id["unodc"][3] == "6"
