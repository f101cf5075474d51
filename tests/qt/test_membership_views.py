"""The membership views of the real window on the UN Treaty Collection's status tables: the
list, the chart, the map, the timeline and `explorer members` agree on the same day."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from explorer.cli.main import main
from explorer.model.membership_events import MEMBERSHIP_TAG
from explorer.model.memberships import Certainty, Stage
from tests.helpers.days import first_day
from tests.helpers.outputs import json_printed
from tests.helpers.paths import shared_data
from tests.helpers.untc import untc_as_timeline
from tests.helpers.windows import given_shipped_window

SNAPSHOT = first_day("2012-04-06")
IN_FORCE = first_day("2003-12-25")


@pytest.fixture
def treaties_file(tmp_path):
    path = tmp_path / "untc.yaml"
    path.write_text(untc_as_timeline(shared_data("memberships/untc_status_2012_untoc_and_protocols.csv")),
                    encoding="utf-8")
    return path


@pytest.fixture
def treaties(window, qtbot, treaties_file):
    shown = given_shipped_window(window, qtbot, treaties_file)
    shown.document.set_membership_target("tip-protocol")
    return shown


def list_counts(window) -> dict[str, int]:
    model = window.panes.memberships.model
    counts: dict[str, int] = {}
    for row in range(model.rowCount()):
        standing = model.standing(row)
        if standing.certainty is Certainty.SURE:
            counts[standing.stage.value] = counts.get(standing.stage.value, 0) + 1
    return counts


def test_the_pane_gives_the_official_figures(treaties):
    treaties.document.set_as_of(SNAPSHOT)
    treaties.panes.flush()
    pane = treaties.panes.memberships
    assert list_counts(treaties) == {"party": 147, "signatory": 12}
    assert pane.summary.text() == ("<b>Trafficking in Persons Protocol</b> as of 6 April 2012: "
                                   "147 parties, 12 signatories only")
    assert pane.proxy.rowCount() == len({m for m, _stage in pane.visible_rows()})  # one row per member


def test_explorer_members_prints_the_same_figures_as_the_pane(treaties, treaties_file, capsys):
    treaties.document.set_as_of(SNAPSHOT)
    treaties.panes.flush()
    assert main(["members", str(treaties_file), "--of", "tip-protocol", "--as-of", "2012-04-06",
                 "--format", "json"]) == 0
    printed = json_printed(capsys.readouterr().out)
    assert printed["counts"]["sure"] == list_counts(treaties)
    assert printed["counts"]["signed"] == 117
    members = {row["member"]: row["stage"] for row in printed["members"]}
    model = treaties.panes.memberships.model
    assert members == {model.standing(r).member: model.standing(r).stage.value for r in range(model.rowCount())}


def test_the_list_the_chart_the_map_and_the_timeline_agree_on_a_day(treaties, qtbot):
    document = treaties.document
    document.set_as_of(IN_FORCE)
    treaties.panes.flush()
    listed = list_counts(treaties)
    assert listed == {"party": 45, "signatory": 76}

    charted = treaties.panes.memberships.chart.content.curves.at(IN_FORCE)
    assert charted[Stage.PARTY] == (45, 45) and charted[Stage.SIGNATORY] == (76, 76)

    map_pane = treaties.panes.membership_map
    on_map = list(map_pane.view.content.standings.values())
    placed_parties = sum(1 for s in on_map if s.stage is Stage.PARTY)
    unplaced = map_pane.placement().unplaced
    model = treaties.panes.memberships.model
    unplaced_parties = sum(1 for r in range(model.rowCount())
                           if model.standing(r).member in unplaced and model.standing(r).stage is Stage.PARTY)
    assert placed_parties + unplaced_parties == 45
    assert unplaced == ("european-union",)  # not a state: listed beside the map

    dataset, timeline = document.dataset, treaties.timeline
    bound = 0
    for event_id, positions in dataset.membership_actions.items():
        actions = [dataset.memberships[p] for p in positions]
        if actions[0].of == "tip-protocol" and any(
                a.status != "signed" and a.date.latest < IN_FORCE + 1 for a in actions):
            bound += 1
            assert MEMBERSHIP_TAG in dataset.events_by_id[event_id].tags
    assert bound == 45
    scene = timeline.scene_for((1200, 500), timeline.viewport)
    if scene.viewport.start <= IN_FORCE <= scene.viewport.end:
        assert scene.as_of_x == pytest.approx(scene.viewport.x_of(IN_FORCE))


def test_clicking_a_state_on_the_map_selects_it_everywhere_and_outlines_it(treaties, qtbot):
    map_pane = treaties.panes.membership_map
    map_pane.show()
    map_pane.raise_()
    view = map_pane.view
    view.resize(900, 450)
    view.grab()
    code = map_pane.placement().members["BR"]
    point = view.point_of(code).toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert treaties.document.selection.entity_id == "BR"
    assert view.content.selected == code
    treaties.document.select_entity("AR")
    assert view.content.selected == map_pane.placement().members["AR"]


def test_the_map_colours_a_state_by_its_stage_on_the_day(treaties):
    treaties.document.set_as_of(IN_FORCE)
    map_pane = treaties.panes.membership_map
    codes = map_pane.placement().members
    standings = map_pane.view.content.standings
    assert standings[codes["AL"]].stage is Stage.PARTY  # ratified 21 August 2002
    assert standings[codes["AU"]].stage is Stage.SIGNATORY  # ratified 2005
    assert codes["BH"] not in standings  # acceded in 2004


def test_playing_the_history_sweeps_the_as_of_day_through_it(treaties, qtbot):
    panel = treaties.panes.membership_map.panel
    panel.set_play_interval(5)
    days = []
    treaties.document.as_of_changed.connect(days.append)
    panel.play_button.setChecked(True)
    qtbot.waitUntil(lambda: not panel.play_button.isChecked(), timeout=20_000)
    assert len(days) > 10 and days == sorted(days)
    curves = treaties.panes.memberships.chart.content.curves
    assert days[0] == pytest.approx(curves.first) and days[-1] == pytest.approx(curves.last)


def test_a_filter_reaches_the_list_the_chart_and_the_map(treaties):
    document = treaties.document
    document.set_as_of(SNAPSHOT)
    document.set_filter(document.filter.with_actor("BR"))
    treaties.panes.flush()
    assert treaties.panes.memberships.visible_rows() == [("BR", "party")]
    assert treaties.panes.memberships.chart.content.curves.at(SNAPSHOT)[Stage.PARTY] == (1, 1)
    assert list(treaties.panes.membership_map.view.content.standings) == ["BR"]


def test_the_chart_and_the_map_export_as_png_and_svg(treaties, tmp_path):
    from xml.etree import ElementTree

    from PySide6.QtGui import QImage

    treaties.document.set_as_of(IN_FORCE)
    chart = treaties.panes.memberships.chart
    chart.resize(700, 320)
    chart.export_chart(str(tmp_path / "chart.png"))
    chart.export_chart(str(tmp_path / "chart.svg"))
    assert QImage(str(tmp_path / "chart.png")).width() == 1400  # drawn at twice the size
    svg = ElementTree.parse(tmp_path / "chart.svg").getroot()
    assert any("Trafficking in Persons Protocol" in text for text in svg.itertext())
    panel = treaties.panes.membership_map.panel
    panel.export_map(str(tmp_path / "map.svg"))
    panel.export_map(str(tmp_path / "map.png"))
    ElementTree.parse(tmp_path / "map.svg")
    assert QImage(str(tmp_path / "map.png")).width() >= 1800
    assert "thematicmapping.org" in (tmp_path / "map.svg").read_text(encoding="utf-8")


def test_clicking_a_member_row_keeps_the_chosen_target(treaties, qtbot):
    pane = treaties.panes.memberships
    treaties.document.set_as_of(SNAPSHOT)
    treaties.panes.flush()
    row = next(r for r in range(pane.proxy.rowCount()) if pane.proxy.index(r, 0).data() == "Albania")
    point = pane.table.visualRect(pane.proxy.index(row, 0)).center()
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point))
    assert treaties.document.selection.entity_id == "AL"
    assert treaties.document.membership_target == "tip-protocol"
    assert pane.target.currentData() == "tip-protocol"


def test_the_view_menu_puts_membership_actions_on_the_timeline_or_takes_them_off(treaties):
    action = treaties.memberships_action
    assert action.isChecked() and action in treaties.view_menu.actions()
    assert len(treaties.document.dataset.events) == 596  # one per signature-to-party or action
    action.trigger()
    assert not treaties.document.memberships_shown
    assert len(treaties.document.dataset.events) == 0
    assert treaties.panes.memberships.proxy.rowCount() > 0  # the pane answers all the same
    action.trigger()
    assert len(treaties.document.dataset.events) == 596


def test_the_timeline_draws_the_as_of_day(treaties):
    timeline = treaties.timeline
    treaties.document.set_as_of(IN_FORCE)
    scene = timeline.current_scene()
    assert scene.as_of_x == pytest.approx(scene.viewport.x_of(IN_FORCE))
    assert scene.as_of_label == "as of 25 December 2003"
    treaties.document.set_as_of(None)
    assert timeline.current_scene().as_of_x is None


def test_explorer_export_draws_membership_events_unless_asked_not_to(treaties_file, tmp_path):
    from xml.etree import ElementTree

    assert main(["export", str(treaties_file), "-o", str(tmp_path / "with.svg"), "--group-by", "target"]) == 0
    assert main(["export", str(treaties_file), "-o", str(tmp_path / "without.svg"), "--no-memberships"]) == 0
    with_texts = [t.strip() for t in ElementTree.parse(tmp_path / "with.svg").getroot().itertext()]
    without = [t.strip() for t in ElementTree.parse(tmp_path / "without.svg").getroot().itertext()]
    assert "Smuggling of Migrants Protocol" in with_texts  # a lane per target
    assert "Smuggling of Migrants Protocol" not in without
    assert any(t.startswith("0 events") for t in without)
    # A signature and the ratification after it make one span: fewer events than actions.
    drawn = next(int(t.split()[0].replace(",", "")) for t in with_texts if " events · " in t)
    assert 500 < drawn < 960
