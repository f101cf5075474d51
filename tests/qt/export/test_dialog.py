"""File > Export Image… in the main window: ranges, options remembered, errors, cancelling."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QProgressDialog

from explorer.model.filters import EventFilter
from explorer.qt.export.dialog import ExportDialog
from explorer.timescale.viewport import Viewport
from tests.helpers.days import day

SVG = "{http://www.w3.org/2000/svg}"


def svg_text(path) -> str:
    root = ElementTree.parse(path).getroot()
    return "\n".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))


@pytest.fixture
def out(tmp_path):
    """An empty folder for the exports (tmp_path holds the settings and the data file)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def viewing(shown):
    """The shipped data set on screen, viewing 1997 to 2000."""
    shown.timeline.set_viewport(Viewport(day(1997), day(2001), 800))
    return shown


def dialog_of(window) -> ExportDialog:
    window.export_action.trigger()
    return window.export_dialog


def test_the_file_menu_offers_export_with_ctrl_e_once_a_file_is_open(window, blue_heart_copy):
    action = window.export_action
    assert action in window.file_menu.actions()
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert not action.isEnabled()
    window.open_file(str(blue_heart_copy))
    assert action.isEnabled()


def test_the_current_view_is_exported_at_the_asked_width(viewing, out):
    dialog = dialog_of(viewing)
    assert dialog.range_buttons["view"].isChecked()
    dialog.path_edit.setText(str(out / "view.png"))
    dialog._follow_extension(dialog.path_edit.text())
    dialog.width_spin.setValue(900)
    assert dialog.export()
    viewport = viewing.timeline.viewport
    assert (dialog.result_.first, dialog.result_.after) == (viewport.start, viewport.end)
    assert QImage(str(out / "view.png")).width() == 900
    assert "view.png" in viewing.statusBar().currentMessage()


def test_a_range_of_dates_outside_the_view_exports_that_range(viewing, out):
    dialog = dialog_of(viewing)
    dialog.path_edit.setText(str(out / "later.svg"))
    dialog._follow_extension(dialog.path_edit.text())
    assert dialog.format() == "svg"
    dialog.range_buttons["dates"].setChecked(True)
    dialog.from_edit.setText("2010")
    dialog.to_edit.setText("2012-06")
    assert dialog.export()
    text = svg_text(out / "later.svg")
    assert "Mexico joins the Blue Heart Campaign" in text
    assert "Spain joins the Blue Heart Campaign" in text
    assert "UNODC established" not in text  # on screen, but not in the range asked for
    assert "1 Apr 2010 to 30 Apr 2012" in text  # the extent of the events in the range


def test_everything_the_filter_keeps_with_the_filter_in_the_caption(viewing, out):
    viewing.document.set_filter(EventFilter(actors={"MX", "ES"}))
    dialog = dialog_of(viewing)
    dialog.path_edit.setText(str(out / "all.svg"))
    dialog._follow_extension(dialog.path_edit.text())
    dialog.range_buttons["all"].setChecked(True)
    assert dialog.export()
    text = svg_text(out / "all.svg")
    assert "Mexico joins the Blue Heart Campaign" in text
    assert "Spain joins the Blue Heart Campaign" in text
    assert "Portugal joins" not in text
    assert "actors: Mexico or Spain" in text


def test_a_date_that_does_not_read_is_explained_and_nothing_is_written(viewing, out):
    dialog = dialog_of(viewing)
    dialog.path_edit.setText(str(out / "t.png"))
    dialog.range_buttons["dates"].setChecked(True)
    dialog.from_edit.setText("2009-13")
    assert not dialog.export()
    assert "From date" in dialog.problem_label.text()
    assert "month 13" in dialog.problem_label.text()
    assert dialog.isVisible()
    assert list(out.iterdir()) == []


def test_the_data_file_is_not_a_place_to_export_to(viewing, blue_heart_copy):
    before = blue_heart_copy.read_bytes()
    dialog = dialog_of(viewing)
    dialog.path_edit.setText(str(blue_heart_copy))
    assert not dialog.export()
    assert "refusing to overwrite the data file" in dialog.problem_label.text()
    assert blue_heart_copy.read_bytes() == before


def test_the_format_follows_the_extension_and_the_extension_the_format(viewing, out):
    dialog = dialog_of(viewing)
    dialog.path_edit.setText(str(out / "t.pdf"))
    dialog._follow_extension(dialog.path_edit.text())
    assert dialog.format() == "pdf"
    assert dialog.page_combo.isVisibleTo(dialog) and not dialog.width_spin.isVisibleTo(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("png"))
    assert dialog.path_edit.text().endswith("t.png")
    assert dialog.scale_spin.isVisibleTo(dialog) and not dialog.page_combo.isVisibleTo(dialog)


def test_the_last_folder_and_options_are_remembered(viewing, tmp_path, settings):
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = dialog_of(viewing)
    dialog.path_edit.setText(str(folder / "t.pdf"))
    dialog._follow_extension(dialog.path_edit.text())
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("letter"))
    dialog.orientation_combo.setCurrentIndex(1)
    dialog.theme_combo.setCurrentIndex(1)
    dialog.legend_check.setChecked(False)
    dialog.range_buttons["all"].setChecked(True)
    assert dialog.export()
    assert (folder / "t.pdf").read_bytes().startswith(b"%PDF")

    again = dialog_of(viewing)
    assert again.path_edit.text().startswith(str(folder))
    assert again.format() == "pdf"
    assert again.page_combo.currentData() == "letter"
    assert again.orientation_combo.currentData() is False
    assert again.theme_combo.currentData() is True
    assert not again.legend_check.isChecked()
    assert again.range_buttons["all"].isChecked()
    assert settings.last_folder("export") == str(folder)


def test_remembered_options_of_the_wrong_type_fall_back(viewing, settings):
    settings.set_options("export", {"width": "wide", "format": "gif", "dark": 1, "range": 7})
    dialog = dialog_of(viewing)
    assert dialog.width_spin.value() == 1600
    assert dialog.format() == "png"
    assert dialog.theme_combo.currentData() is False
    assert dialog.range_buttons["view"].isChecked()


def test_cancelling_the_progress_leaves_no_file(viewing, out, monkeypatch):
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    dialog = dialog_of(viewing)
    dialog.path_edit.setText(str(out / "t.png"))
    assert not dialog.export()
    assert "cancelled" in dialog.problem_label.text()
    assert list(out.iterdir()) == []
