"""A count badge opens a list of exactly the events behind it, by date and searchable; picking
one selects it everywhere."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QListView

from explorer.timescale.scene import BadgeKind
from tests.helpers.windows import shown_and_active

CROWD = 40  # events on one day: more than the lane has rows


def crowded_file(tmp_path):
    lines = ["timeline: 1", "title: A crowded day", "events:"]
    for n in range(CROWD):
        lines += [f"  - id: crowd-{n:02d}", f"    title: Crowd {n:02d} at the conference",
                  "    date: 2010-06-15"]
    for n, date in enumerate(("2009-03-01", "2011-09-30")):
        lines += [f"  - id: lone-{n}", f"    title: Lone event {n}", f"    date: {date}"]
    path = tmp_path / "crowded.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def click(qtbot, widget, x: float, y: float) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))


def test_a_badge_lists_exactly_the_events_behind_it_and_a_pick_selects_everywhere(
        window, qtbot, tmp_path):
    window.resize(1400, 900)
    shown_and_active(qtbot, window)
    assert window.open_file(str(crowded_file(tmp_path)))
    timeline = window.timeline
    scene = timeline.current_scene()
    (badge,) = [b for b in scene.badges if b.kind is BadgeKind.OVERFLOW]
    drawn = {item.event_id for item in scene.items}
    behind = {f"crowd-{n:02d}" for n in range(CROWD)} - drawn
    assert badge.count == len(behind) > 0

    click(qtbot, timeline, badge.rect.x + badge.rect.w / 2, badge.rect.y + badge.rect.h / 2)
    listed = timeline.cluster_list
    assert listed is not None and listed.isVisible()
    view = listed.findChild(QListView, "clusterEvents")
    model = view.model()
    ids = [model.index(row).data(Qt.ItemDataRole.UserRole) for row in range(model.rowCount())]
    assert set(ids) == behind and len(ids) == len(behind)
    assert ids == sorted(ids)  # one day each: by date, then in file order
    assert model.index(0).data().startswith("15 Jun 2010 \u2014 Crowd")

    search = listed.findChild(QLineEdit, "clusterSearch")
    wanted = ids[-1]
    search.setText(wanted.replace("crowd-", "Crowd "))
    assert [model.index(r).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())] == [wanted]

    rect = view.visualRect(model.index(0))
    click(qtbot, view.viewport(), rect.center().x(), rect.center().y())
    assert window.document.selection.event_id == wanted
    assert timeline.current_scene().selected_id == wanted
    table = window.panes.events.table
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole) == wanted
    details = window.panes.event_details
    assert wanted.replace("crowd-", "Crowd ") in details.browser.toPlainText()


def test_an_event_picked_from_a_badge_gets_a_row_on_the_timeline(window, qtbot, tmp_path):
    window.resize(1400, 900)
    shown_and_active(qtbot, window)
    assert window.open_file(str(crowded_file(tmp_path)))
    timeline = window.timeline
    scene = timeline.current_scene()
    hidden = {f"crowd-{n:02d}" for n in range(CROWD)} - {item.event_id for item in scene.items}
    chosen = max(hidden)
    window.document.select_event(chosen)
    assert chosen in {item.event_id for item in timeline.current_scene().items}
    badge = next(b for b in timeline.current_scene().badges if b.kind is BadgeKind.OVERFLOW)
    assert badge.count == len(hidden)  # another event gave up its row
