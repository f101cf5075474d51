"""The filter bar's controls keep their places as actor chips, a mark and counts come and go,
and a field's problem goes away with its text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

from tests.helpers.windows import focus

CONTROLS = ("actorFilter", "actorMatch", "includeChildren", "tagFilter", "searchFilter",
            "dateFrom", "dateTo", "clearFilter", "filterCount")


def places(window) -> dict[str, tuple[int, int]]:
    """(x, width) of each control of the filter bar, in the bar's coordinates."""
    bar = window.findChild(QWidget, "filterBar")
    bar.layout().activate()
    found = {}
    for name in CONTROLS:
        widget = bar.findChild(QWidget, name)
        found[name] = (widget.mapTo(bar, widget.rect().topLeft()).x(), widget.width())
    return found


def test_controls_stay_put_as_chips_a_mark_and_counts_appear(shown, qtbot):
    before = places(shown)
    bar = shown.panes.filter_bar

    bar.add_actor("unodc")
    bar.add_actor("blue-heart-campaign")
    qtbot.waitUntil(lambda: len([c for c in shown.findChildren(QToolButton, "actorChip")
                                 if c.isVisible()]) == 2)
    assert "of" in shown.findChild(QWidget, "filterCount").text()  # "8 of 24 events"
    assert places(shown) == before

    shown.document.select_entity("ES")
    qtbot.waitUntil(shown.findChild(QToolButton, "markChip").isVisible)
    assert places(shown) == before


def test_a_date_problem_goes_away_when_the_field_is_cleared(shown, qtbot):
    edit = focus(qtbot, shown.findChild(QLineEdit, "dateFrom"))
    tip = edit.toolTip()
    qtbot.keyClicks(edit, "20x9")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toolTip().startswith("Not a date")
    assert edit.styleSheet()

    clear = next(b for b in edit.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)

    assert edit.text() == ""
    assert edit.toolTip() == tip
    assert edit.styleSheet() == ""
