"""Counts read as a person writes them: "1 event", "1,234 events", "has 1 error. Fix it",
and sentences whose pronouns agree with what they count."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from tests.helpers.days import day
from tests.helpers.files import broken_text, events_text, write
from tests.helpers.windows import click_entity_row, settle


def test_one_event_is_one_event_in_the_status_bar_and_the_filter_bar(window, tmp_path):
    assert window.open_file(str(write(tmp_path / "one.yaml", events_text(1))))

    assert window.findChild(QLabel, "eventCount").text() == "1 event"
    assert window.findChild(QLabel, "filterCount").text() == "1 event"


def test_thousands_are_separated_in_the_status_bar_and_the_event_details(window, tmp_path):
    assert window.open_file(str(write(tmp_path / "many.yaml", events_text(1234))))
    settle(window)

    assert window.findChild(QLabel, "eventCount").text() == "1,234 events"
    details = window.findChild(QWidget, "eventDetailsText").toPlainText()
    assert "1,234 events, 0 actors, 0 protocols, 0 memberships" in details


def test_one_error_is_one_error_to_fix(window, qtbot, tmp_path):
    assert not window.open_file(str(write(tmp_path / "broken.yaml", broken_text(1))))
    dialog = window.findChild(QWidget, "diagnosticsDialog")
    qtbot.waitUntil(dialog.isVisible)
    summary = " ".join(label.text() for label in dialog.findChildren(QLabel))

    assert "has 1 error." in summary
    assert "Fix it " in summary and "Fix them" not in summary
    dialog.close()


def test_an_entity_with_one_event_is_not_spoken_of_as_many(shown, qtbot):
    # UNODC Organized Crime ... has one event in the shipped data set.
    organizations = shown.panes.organizations
    entity = next(e for e in shown.document.dataset.organizations.values()
                  if len(shown.document.dataset.events_by_actor.get(e.id, ())) == 1)
    click_entity_row(qtbot, organizations, entity.id)
    settle(shown)

    text = organizations.findChild(QWidget, "organizationsPaneDetails").toPlainText()
    assert "1 event;" in text and "to its event." in text and "them" not in text
    tooltip = organizations.model.index_of(entity.id).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 event" in tooltip and "to its event." in tooltip


def test_one_member_of_the_campaign_is_one_member_in_the_chart(shown, qtbot):
    settle(shown)
    chart = shown.findChild(QWidget, "memberChart")
    chart.grab()  # paints it: the plot's place is known from then on
    x = chart.plot_point(day(2010, 5, 1), 1).x()  # Mexico has joined, Spain not yet

    assert chart.tooltip_at(x).startswith("1 May 2010: 1 member")
    assert "1 members" not in chart.tooltip_at(x)
