"""Exports fit for a report: the caption states the drawn events' own extent, the same in every
format; a grouped export packs lanes with few events; the sources are listed once, numbered,
and each drawn event carries its numbers."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage

from explorer.model.membership_events import with_membership_events
from explorer.qt.export.render import ExportOptions, export_timeline
from explorer.timescale.lanes import GroupBy
from tests.helpers.days import day

NUMBERS = re.compile(r" \[([0-9, \u2013]+)\]$")


def caption(result) -> str:
    return next(line.text for line in result.sheets[0].header.lines if " events · " in line.text)


def test_the_caption_states_the_same_extent_in_png_svg_and_pdf(qapp, blue_heart, tmp_path):
    captions = {kind: caption(export_timeline(blue_heart, tmp_path / f"t.{kind}", ExportOptions()))
                for kind in ("png", "svg", "pdf")}
    assert len(set(captions.values())) == 1
    # The first event is "1997" (UNODC established), the last dated one January 2018.
    assert captions["png"].endswith("1 Jan 1997 to 31 Jan 2018")


def test_the_caption_of_the_100k_file_ends_with_its_last_event(qapp, synthetic_100k, tmp_path):
    # Once "... to 30 Jul 2845": the margin of the drawn range, not the last event.
    result = export_timeline(synthetic_100k, tmp_path / "t.png", ExportOptions(footer=False))
    last_year = int(caption(result).rsplit(" ", 1)[1])
    assert last_year <= 2030 and result.after > day(last_year + 1)


def test_a_grouped_export_packs_lanes_with_few_events(qapp, blue_heart, tmp_path):
    shown = with_membership_events(blue_heart)
    export_timeline(shown, tmp_path / "plain.png", ExportOptions())
    grouped = export_timeline(shown, tmp_path / "grouped.png", ExportOptions(group_by=GroupBy.ACTOR))
    assert QImage(str(tmp_path / "grouped.png")).height() <= 1.5 * QImage(str(tmp_path / "plain.png")).height()
    scene = grouped.sheets[0].scene
    assert len(scene.lanes) >= 25 and not scene.badges  # every event one by one
    one_event = [lane for number, lane in enumerate(scene.lanes)
                 if sum(item.lane == number for item in scene.items) == 1]
    assert one_event and all(lane.rect.h <= 30 for lane in one_event)  # one row each
    for lane in scene.lanes:  # titled in its first row, beside its colour
        assert lane.header_rect is not None and lane.header_rect.h < lane.rect.h + 1
        assert lane.title_text


def test_sources_are_numbered_once_and_each_event_carries_its_numbers(qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.png", ExportOptions())
    sheet = result.sheets[0]
    footer = " ".join(line.text for line in sheet.footer.lines)
    listed = re.findall(r"(\d+)\. ", footer)
    assert listed == [str(n) for n in range(1, len(listed) + 1)]
    for item in sheet.scene.items:
        event = blue_heart.events_by_id[item.event_id]
        found = NUMBERS.search(item.label)
        assert (found is not None) == bool(event.sources), item.label
        if found:
            numbers = set()
            for part in found.group(1).split(", "):
                low, _, high = part.partition("\u2013")
                numbers |= set(range(int(low), int(high or low) + 1))
            titles = {blue_heart.sources[s].title for s in event.sources}
            for number in numbers:
                named = re.search(rf"(?:^|; |Sources: ){number}\. (.+?)(?:; \d+\. |$)", footer)
                assert named is not None and any(named.group(1).startswith(t) for t in titles)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) is not installed")
def test_a_pdf_of_several_pages_lists_its_sources_once(qapp, blue_heart, tmp_path):
    path = tmp_path / "t.pdf"
    result = export_timeline(blue_heart, path, ExportOptions(pages=3))
    assert result.pages >= 3
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert text.count("Sources:") == 1
    assert sum("Sources:" in " ".join(line.text for line in sheet.footer.lines)
               for sheet in result.sheets) == 1
    pages = text.split("\f")
    assert "Sources:" in [p for p in pages if p.strip()][-1]  # on the last page
    assert all(f"Page {n} of {result.pages}" in text for n in range(1, result.pages + 1))
