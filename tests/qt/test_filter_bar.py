"""The filter bar driven by keys and clicks in the real main window on the shipped data set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from explorer.model.filters import Match
from explorer.model.queries import actor_completions
from explorer.qt.filter_bar import resolve_actor
from tests.helpers.days import day
from tests.helpers.windows import focus, headless_popup, settle


@pytest.fixture
def bar(shown):
    return shown.panes.filter_bar


def visible_ids(window) -> list[str]:
    events = window.document.dataset.events
    return [events[p].id for p in window.document.visible_positions]


@headless_popup
def test_type_ahead_offers_actors_by_name_short_name_or_id(shown, bar, qtbot):
    bar.actor_edit.setFocus()
    qtbot.keyClicks(bar.actor_edit, "spa")
    assert bar.completer.completionCount() == 1
    assert bar.completer.currentCompletion() == "Spain (ES)"
    bar.actor_edit.clear()
    qtbot.keyClicks(bar.actor_edit, "drugs")
    assert bar.completer.currentCompletion() == \
        "UNODC — United Nations Office on Drugs and Crime (unodc)"


@headless_popup
def test_picking_a_completion_filters_to_that_actor(shown, bar, qtbot):
    bar.actor_edit.setFocus()
    qtbot.keyClicks(bar.actor_edit, "spa")
    popup = bar.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert shown.document.filter.actors == {"ES"}
    qtbot.waitUntil(lambda: bar.actor_edit.text() == "")
    assert bar.chips() == ["ES"]
    assert bar.count_label.text() == "1 of 24 events"


@headless_popup
def test_enter_adds_the_actor_named_and_unclear_text_is_refused(shown, bar, qtbot):
    qtbot.keyClicks(bar.actor_edit, "portugal")
    qtbot.keyClick(bar.actor_edit, Qt.Key.Key_Return)
    assert shown.document.filter.actors == {"PT"}
    qtbot.waitUntil(lambda: bar.actor_edit.text() == "")
    qtbot.keyClicks(bar.actor_edit, "United")  # United Nations, United States, ...
    qtbot.keyClick(bar.actor_edit, Qt.Key.Key_Return)
    assert shown.document.filter.actors == {"PT"}
    assert "No single actor matches" in bar.actor_edit.toolTip()


def test_resolving_names_ignores_case_and_accents(shown):
    dataset = shown.document.dataset
    entries, _ordered = actor_completions(dataset)
    assert resolve_actor(dataset, entries, "unodc") == "unodc"
    assert resolve_actor(dataset, entries, "SPAIN") == "ES"
    assert resolve_actor(dataset, entries, "Trafficking in Persons Protocol") == "tip-protocol"
    assert resolve_actor(dataset, entries, "Myria") == "myria-vassilliadou"
    assert resolve_actor(dataset, entries, "nothing like it") is None


def test_any_or_all_of_several_actors(shown, bar):
    shown.document.set_filter(shown.document.filter.with_actor("MX").with_actor("ES"))
    assert sorted(visible_ids(shown)) == ["mexico-joins", "spain-joins"]
    assert bar.match_combo.isEnabled()
    bar.match_combo.setCurrentIndex(bar.match_combo.findData(Match.ALL.value))
    assert shown.document.filter.match is Match.ALL
    assert visible_ids(shown) == []
    assert bar.count_label.text() == "0 of 24 events"


def test_include_sub_organizations(shown, bar, qtbot):
    bar.actor_edit.setText("unodc")
    bar.actor_edit.returnPressed.emit()
    only_unodc = set(visible_ids(shown))
    assert "mexico-joins" not in only_unodc
    qtbot.mouseClick(bar.children_check, Qt.MouseButton.LeftButton)
    assert shown.document.filter.include_children
    assert {"mexico-joins", "spain-joins", "portugal-joins"} <= set(visible_ids(shown))


def test_tags_from_the_tag_menu(shown, bar):
    action = next(a for a in bar.tags_menu.actions() if a.text() == "proclamation")
    action.trigger()
    assert shown.document.filter.tags == {"proclamation"}
    assert bar.tags_button.text() == "Tags (1)"
    assert visible_ids(shown) == ["obama-proclamation", "trump-proclamation",
                                  "prevention-month-2018"]


def test_ctrl_f_focuses_the_search_and_typing_searches_titles_and_summaries(shown, bar, qtbot):
    focus(qtbot, shown.panes.organizations.tree)
    qtbot.keyClick(shown.panes.organizations.tree, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is bar.search_edit
    qtbot.keyClicks(bar.search_edit, "vienna")
    qtbot.waitUntil(lambda: shown.document.filter.text == "vienna")
    assert visible_ids(shown) == ["blue-heart-launch"]


def test_a_date_range_keeps_events_that_may_fall_in_it(shown, bar, qtbot):
    qtbot.keyClicks(bar.from_edit, "2010")
    qtbot.keyClicks(bar.to_edit, "2010")
    qtbot.keyClick(bar.to_edit, Qt.Key.Key_Return)
    assert shown.document.filter.date_from == day(2010)
    assert shown.document.filter.date_to == day(2011)
    ids = visible_ids(shown)
    assert "mexico-joins" in ids and "trust-fund-established" in ids
    assert "eu-directive-adopted" not in ids and "tip-report-tiers" not in ids
    assert bar.from_edit.text() == "2010"  # kept as typed


def test_a_wrong_date_is_marked_and_leaves_the_filter_alone(shown, bar, qtbot):
    qtbot.keyClicks(bar.from_edit, "2010-13")
    qtbot.keyClick(bar.from_edit, Qt.Key.Key_Return)
    assert shown.document.filter.date_from is None
    assert bar.from_edit.toolTip().startswith("Not a date")
    assert bar.from_edit.styleSheet()


def test_clear_button_and_escape_clear_everything(shown, bar, qtbot):
    assert not bar.clear_button.isEnabled()
    shown.document.set_filter(shown.document.filter.with_actor("ES"))
    assert bar.clear_button.isEnabled()
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert shown.document.filter.is_empty
    assert bar.count_label.text() == "24 events"

    qtbot.mouseClick(bar.search_edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(bar.search_edit.hasFocus)  # Esc is a shortcut of the bar: it needs the focus
    qtbot.keyClicks(bar.search_edit, "campaign")
    qtbot.keyClick(bar.search_edit, Qt.Key.Key_Return)
    assert shown.document.filter.text == "campaign"
    qtbot.keyClick(bar.search_edit, Qt.Key.Key_Escape)
    assert shown.document.filter.is_empty
    assert bar.search_edit.text() == ""
    assert len(visible_ids(shown)) == 24


def test_a_chip_removes_its_actor(shown, bar, qtbot):
    shown.document.set_filter(shown.document.filter.with_actor("ES").with_actor("MX"))
    assert bar.chips() == ["ES", "MX"]
    chip = bar.findChildren(type(bar.clear_button), "actorChip")[0]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert shown.document.filter.actors == {"MX"}
    settle(shown)
    assert bar.chips() == ["MX"]


def test_a_file_of_many_tags_lists_the_most_used_and_offers_any_other_by_name(window, tmp_path, monkeypatch):
    import json

    from PySide6.QtWidgets import QInputDialog

    from explorer.qt.filter_bar import MENU_TAGS

    # one common tag on every event, and one rare tag of its own on each
    events = [{"id": f"e{number}", "title": f"Event {number}", "date": str(1900 + number % 100),
               "tags": ["common", f"rare-{number:04d}"]} for number in range(MENU_TAGS + 50)]
    path = tmp_path / "tags.json"
    path.write_text(json.dumps({"timeline": 1, "title": "Tags", "events": events}), encoding="utf-8")
    assert window.open_file(str(path))
    bar = window.panes.filter_bar
    tags = [action.text() for action in bar.tags_menu.actions() if action.isCheckable()]
    assert len(tags) == MENU_TAGS and "common" in tags and tags == sorted(tags)
    more = bar.tags_menu.actions()[-1]
    assert more.objectName() == "moreTags" and f"{MENU_TAGS + 51:,} in all" in more.text()
    # a rare tag not in the menu, chosen by name: it filters, and the menu lists it, checked
    rare = next(f"rare-{n:04d}" for n in range(MENU_TAGS + 50) if f"rare-{n:04d}" not in tags)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (rare, True))
    more.trigger()
    assert window.document.filter.tags == {rare}
    assert [window.document.dataset.events[p].id for p in window.document.visible_positions] == \
        [f"e{int(rare[5:])}"]
    checked = [a.text() for a in bar.tags_menu.actions() if a.isCheckable() and a.isChecked()]
    assert checked == [rare]


def test_the_actor_completions_are_made_by_the_load_not_again_by_the_window(window, qtbot, tmp_path, monkeypatch):
    # A million actors took the window a second and a half to list; the loading thread
    # makes the list (`Document.ready_for_showing`) and the filter bar reads it.
    import explorer.model.queries as queries

    made: list[int] = []
    sort = sorted

    def counting_sort(items, **kwargs):
        made.append(len(items))
        return sort(items, **kwargs)

    path = tmp_path / "actors.yaml"
    path.write_text("timeline: 1\norganizations:\n  a: {name: Alpha}\n  b: {name: Beta}\n"
                    "events:\n  - {title: t, date: '2009', actors: [a]}\n", encoding="utf-8")
    monkeypatch.setattr(queries, "sorted", counting_sort, raising=False)
    assert window.open_file(str(path))
    window.panes.flush()
    assert made == [2]
    bar = window.panes.filter_bar
    assert bar.completer.model().stringList() == ["Alpha (a)", "Beta (b)"]
    assert actor_completions(window.document.dataset)[1] is actor_completions(window.document.dataset)[1]


def test_the_completions_of_many_actors_are_made_on_the_lane_after_the_data_set_is_shown(
        window, qtbot, tmp_path, monkeypatch):
    # A million actors held the load a second more before the first paint: past
    # `COMPLETIONS_AHEAD_UP_TO` actors, the background lane makes their completions, and the
    # filter bar takes them up when the document says they are ready.
    import threading

    import explorer.model.queries as queries
    import explorer.qt.document as document_module

    threads: list[str] = []
    sort = sorted

    def noting_sort(items, **kwargs):
        threads.append(threading.current_thread().name)
        return sort(items, **kwargs)

    path = tmp_path / "actors.yaml"
    path.write_text("timeline: 1\norganizations:\n  a: {name: Alpha}\n  b: {name: Beta}\n"
                    "countries:\n  c: {name: Gamma}\n"
                    "events:\n  - {title: t, date: '2009', actors: [a]}\n", encoding="utf-8")
    monkeypatch.setattr(document_module, "COMPLETIONS_AHEAD_UP_TO", 2)
    monkeypatch.setattr(queries, "sorted", noting_sort, raising=False)
    bar = window.panes.filter_bar
    with qtbot.waitSignal(window.document.completions_ready, timeout=10_000) as ready:
        assert window.open_file(str(path))
        assert bar.completer.model().stringList() == []  # not yet: the lane makes them
    assert ready.args == [window.document.dataset]
    assert threads == ["background"]
    assert bar.completer.model().stringList() == ["Alpha (a)", "Beta (b)", "Gamma (c)"]
    bar.actor_edit.setText("Gamma (c)")
    bar.actor_edit.returnPressed.emit()
    assert window.document.filter.actors == {"c"}


def test_completions_made_for_a_data_set_no_longer_shown_are_not_announced(window, qtbot, tmp_path):
    from explorer.model.load.loader import load_text

    path = tmp_path / "one.yaml"
    path.write_text("timeline: 1\norganizations:\n  a: {name: Alpha}\nevents:\n  - {title: t}\n", encoding="utf-8")
    assert window.open_file(str(path))
    earlier = load_text("timeline: 1\norganizations:\n  z: {name: Zeta}\nevents:\n  - {title: t}\n")
    with qtbot.assertNotEmitted(window.document.completions_ready):
        window.document._on_completions_made(earlier)
    assert window.panes.filter_bar.completer.model().stringList() == ["Alpha (a)"]
