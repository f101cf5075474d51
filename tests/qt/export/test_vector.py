"""SVG and PDF exports checked by their content: text stays text, pages tile a long range."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

from explorer.qt.export.render import ExportOptions, auto_pages, export_timeline, luminosity_masks
from explorer.timescale.lanes import GroupBy
from explorer.timescale.pages import prepare
from tests.helpers.builders import given_events, point
from tests.helpers.days import day
from tests.helpers.pdf import page_count, pdf_text

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_an_svg_is_xml_holding_every_drawn_title_as_text(qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.svg", ExportOptions(width=1600))
    texts = svg_texts(tmp_path / "t.svg")
    sheet = result.sheets[0]
    drawn = [item.label for item in sheet.scene.items]
    assert len(drawn) == sum(e.is_dated for e in blue_heart.events) == 19
    for label in drawn:
        assert label in texts
    titles = {e.title for e in blue_heart.events}
    # Whole titles, not shortened, followed by the numbers of their sources in the footer.
    assert sum(re.sub(r" \[[0-9, \u2013]+\]$", "", label) in titles for label in drawn) >= 17
    assert sum(bool(re.search(r" \[[0-9, \u2013]+\]$", label)) for label in drawn) >= 17
    assert blue_heart.title in texts
    assert any(text.startswith("24 events") for text in texts)
    assert "Event on a known day" in texts
    for chip in sheet.scene.chips:
        assert chip.label in texts


def test_the_svg_names_the_font_the_layout_measured(qapp, blue_heart, tmp_path):
    export_timeline(blue_heart, tmp_path / "t.svg", ExportOptions(width=800))
    data = (tmp_path / "t.svg").read_text(encoding="utf-8")
    families = set(re.findall(r'font-family="([^"]+)"', data))
    assert families and "Sans Serif" not in families


def test_a_pdf_is_a_pdf_whose_text_holds_the_titles(qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.pdf", ExportOptions())
    data = (tmp_path / "t.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert page_count(data) == result.pages == 1
    text = pdf_text(tmp_path / "t.pdf")
    assert blue_heart.title in text
    for item in result.sheets[0].scene.items:
        assert item.label in text
    assert "Trafficking in Persons Protocol enters into force" in text  # no "ﬃ" ligature
    assert "Page 1 of 1" in text


def test_a_long_range_is_tiled_over_pages_in_time_order(qapp, blue_heart, tmp_path):
    first, after = day(1996), day(2020)
    result = export_timeline(blue_heart, tmp_path / "t.pdf",
                             ExportOptions(first=first, after=after, pages=3))
    assert page_count((tmp_path / "t.pdf").read_bytes()) == result.pages == 3
    viewports = [sheet.scene.viewport for sheet in result.sheets]
    assert viewports[0].start == first and viewports[-1].end == pytest.approx(after)
    assert viewports[0].end == pytest.approx(viewports[1].start)
    assert "UNODC established" in pdf_text(tmp_path / "t.pdf", 1)
    assert "UNODC established" not in pdf_text(tmp_path / "t.pdf", 3)
    assert "Trump proclaims January 2018" in pdf_text(tmp_path / "t.pdf", 3)
    assert "Page 2 of 3" in pdf_text(tmp_path / "t.pdf", 2)


def test_many_events_in_the_range_get_more_pages(qapp, tmp_path):
    many = given_events(*(point(f"e{n}", f"{2000 + n // 12:04d}-{n % 12 + 1:02d}-15",
                                f"Event number {n}") for n in range(100)))
    timeline = prepare(many, ExportOptions().event_filter, GroupBy.NONE, None, None, 1000)
    assert auto_pages(timeline) == 3  # a page more for about every 40 events
    result = export_timeline(many, tmp_path / "t.pdf", ExportOptions())
    assert page_count((tmp_path / "t.pdf").read_bytes()) == result.pages == 3


def test_lanes_that_do_not_fit_a_page_continue_on_the_next(qapp, blue_heart, tmp_path):
    result = export_timeline(blue_heart, tmp_path / "t.pdf",
                             ExportOptions(group_by=GroupBy.ACTOR, pages=1, page="A4",
                                           landscape=False))
    shown = [lane.title for sheet in result.sheets for lane in sheet.scene.lanes]
    lanes = prepare(blue_heart, ExportOptions().event_filter, GroupBy.ACTOR, None, None,
                    800).lanes.lanes
    assert result.pages > 1
    assert shown == [lane.title for lane in lanes]  # each lane once, in order
    for sheet in result.sheets:
        assert sheet.height <= 1122 - 2 * 45  # an A4 page less its margins, at 96 dpi


def test_fades_in_a_pdf_keep_their_alpha():
    # What Qt writes for a gradient fading to nothing: an /Alpha mask of an opaque shading.
    before = (b"1 0 obj\n<< /Type /Catalog >>\nendobj\n"
              b"17 0 obj\n<< /SMask << /S /Alpha /G 16 0 R >> >>\nendobj\n")
    after = luminosity_masks(before)
    assert b"/S/Luminosity/G 16 0 R" in after and b"/Alpha" not in after
    assert len(after) == len(before)  # the cross-reference offsets stay right
    assert after.index(b"17 0 obj") == before.index(b"17 0 obj")


def test_a_real_pdf_has_no_alpha_mask_left(qapp, blue_heart, tmp_path):
    export_timeline(blue_heart, tmp_path / "t.pdf", ExportOptions())
    data = (tmp_path / "t.pdf").read_bytes()
    assert b"/S/Luminosity" in data and b"/S /Alpha" not in data
    offsets = re.search(rb"xref\s+0 (\d+)\s+(.*?)trailer", data, re.S)
    entries = re.findall(rb"(\d{10}) 00000 n", offsets.group(2))
    for number, offset in enumerate(entries, start=1):
        assert data[int(offset):].startswith(f"{number} 0 obj".encode())


def test_a_fade_in_a_pdf_renders_as_a_fade(qapp, blue_heart, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed")
    from PySide6.QtGui import QImage

    from explorer.qt.export.render import page_layout
    from explorer.qt.timeline.legend import Sample

    result = export_timeline(blue_heart, tmp_path / "t.pdf", ExportOptions())
    sheet = result.sheets[0]
    legend = sheet.legend
    texts = [line.text for line in legend.block.lines]
    sample = legend.scene.items[texts.index(Sample.OPEN_END.value)]
    subprocess.run(["pdftoppm", "-r", "96", "-png", "-singlefile", str(tmp_path / "t.pdf"),
                    str(tmp_path / "page")], check=True)
    page = QImage(str(tmp_path / "page.png"))
    margin = page_layout("A4", True).paintRectPixels(96)
    y = round(margin.y() + sheet.legend_top + sample.rect.y + sample.rect.h / 2)

    def lightness(x: float) -> float:
        return page.pixelColor(round(margin.x() + x), y).lightnessF()

    solid, middle, open_end = (lightness(sample.rect.x + 4), lightness(sample.rect.right - 10),
                               lightness(sample.rect.right - 2))
    assert solid < middle < open_end  # from the hue towards the white page
    assert open_end > 0.85
