"""An export finishes, or says plainly why not, whatever the size of what it is asked to draw:
lanes by tag or actor past `MAX_LANES`, a PDF past `MAX_PDF_PAGES`, a timeline wider than
`MAX_WIDTH_PX`, titles of ten million characters (measured and drawn clipped)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from explorer.model.dataset import Dataset
from explorer.model.entities import Organization
from explorer.qt.export.render import ExportError, ExportOptions, export_timeline
from explorer.timescale.labels import MAX_DRAWN_CHARS
from explorer.timescale.lanes import GroupBy
from explorer.timescale.pages import MAX_LANES, MAX_PDF_PAGES, MAX_WIDTH_PX
from tests.helpers.builders import point
from tests.helpers.outputs import svg_root

SVG = "{http://www.w3.org/2000/svg}"
HUGE = ("word " * 2_000_000)[:10_000_000]


def many_tags(count: int) -> Dataset:
    return Dataset.build(events=[point(f"e{n}", f"{2000 + n % 20}", tags=[f"t{n}"])
                                 for n in range(count)])


def many_actors(count: int) -> Dataset:
    return Dataset.build(
        events=[point(f"e{n}", f"{2000 + n % 20}", actors=[f"o{n}"]) for n in range(count)],
        organizations=[Organization(f"o{n}", f"Org {n}") for n in range(count)])


@pytest.mark.parametrize("given, group_by", [(many_tags, GroupBy.TAG), (many_actors, GroupBy.ACTOR)])
def test_lanes_past_the_limit_are_refused_before_any_layout(qapp, tmp_path, given, group_by):
    dataset = given(MAX_LANES + 1)
    with pytest.raises(ExportError) as raised:
        export_timeline(dataset, tmp_path / "t.svg", ExportOptions(group_by=group_by))
    assert raised.value.usage
    assert f"make {MAX_LANES + 1:,} lanes; an export lays out at most {MAX_LANES:,}" in raised.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_past_the_page_limit_is_refused(qapp, tmp_path):
    dataset = many_tags(300)
    with pytest.raises(ExportError) as raised:
        export_timeline(dataset, tmp_path / "t.pdf", ExportOptions(pages=MAX_PDF_PAGES + 1))
    assert f"at most {MAX_PDF_PAGES:,} pages" in raised.value.message
    # Lanes down the pages count too: 300 lanes over 40 pages across.
    with pytest.raises(ExportError) as raised:
        export_timeline(dataset, tmp_path / "t.pdf", ExportOptions(pages=40, group_by=GroupBy.TAG))
    assert "This PDF would run to" in raised.value.message and "40 across" in raised.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_timeline_wider_than_the_limit_is_refused(qapp, tmp_path):
    with pytest.raises(ExportError) as raised:
        export_timeline(many_tags(3), tmp_path / "t.svg", ExportOptions(width=3_000_000_000))
    assert f"at most {MAX_WIDTH_PX:,} pixels" in raised.value.message


@pytest.mark.parametrize("kind", ["svg", "pdf"])
def test_titles_of_ten_million_characters_are_drawn_clipped(qapp, tmp_path, kind):
    dataset = Dataset.build(title=HUGE, events=[point("a", "2009", title=HUGE, tags=[HUGE[:5_000_000]]),
                                                point("b", "2010", title="x" * 10_000_000)])
    result = export_timeline(dataset, tmp_path / f"t.{kind}", ExportOptions(group_by=GroupBy.TAG))
    assert result.bytes < 1_000_000
    labels = [item.label for sheet in result.sheets for item in sheet.scene.items]
    assert labels and all(len(label) <= MAX_DRAWN_CHARS + 1 for label in labels)
    if kind == "svg":
        root = svg_root(tmp_path / "t.svg")
        assert len(root.findtext(f"{SVG}title")) <= MAX_DRAWN_CHARS + 1
        texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
        assert any(t.startswith("word word") for t in texts)
        assert max(map(len, texts)) <= MAX_DRAWN_CHARS + 1


def test_the_title_block_stops_at_its_lines(qapp, tmp_path):
    dataset = Dataset.build(title=HUGE, events=[point("a", "2009")])
    result = export_timeline(dataset, tmp_path / "t.svg", ExportOptions())
    header = result.sheets[0].header
    assert 1 < len(header.lines) <= 41
    assert header.lines[-2].text.endswith("…") or header.lines[-1].text.endswith("…")
    ElementTree.parse(tmp_path / "t.svg")
