"""Data that goes out and comes back keeps what matters: TimelineJS JSON -> format v1 ->
TimelineJS JSON, and format v1 -> CSV -> format v1, keep titles, dates with their precision,
texts, and groups or actors."""

from __future__ import annotations

import json

import pytest

from explorer.model.exporters.formats import export_data
from explorer.model.importers.registry import convert
from explorer.model.importers.source import Source
from tests.helpers.importing import imported, timing


def again(text: str, name: str):
    """The data set of an exported text imported again."""
    conversion = convert(Source(name, text.encode("utf-8")))
    assert conversion.report.ok and conversion.dataset is not None, conversion.report.diagnostics()
    return conversion.dataset


def facts(dataset, actors: bool = False):
    return [(e.title, timing(e), e.summary, e.tags,
             tuple(sorted(dataset.label(a) for a in e.actors)) if actors else ())
            for e in dataset.events]


def slides(data: dict) -> list[tuple]:
    """What a TimelineJS file says of each slide: headline, dates as numbers, group."""
    def numbers(date):
        return tuple(int(date[k]) for k in ("year", "month", "day") if str(date.get(k, "")).strip())

    return [(s["text"]["headline"], numbers(s["start_date"]),
             numbers(s["end_date"]) if "end_date" in s else None, s.get("group") or None)
            for s in data["events"]]


@pytest.mark.parametrize("relative", ["timelinejs_json/women_in_computing.json",
                                      "timelinejs_json/timeline3.json",
                                      "timelinejs_json/timeline.json"])
def test_timelinejs_json_through_format_v1_and_back(relative):
    first = imported(relative).dataset
    out = export_data(first, range(len(first.events)), "out.timelinejs.json")
    second = again(out.text, "out.timelinejs.json")
    assert facts(second) == facts(first)
    assert second.title == first.title and [(e.title, e.start.text) for e in second.eras] == \
        [(e.title, e.start.text) for e in first.eras]
    # against the original slides too: the same headlines, numbers and groups
    from tests.helpers.paths import shared_data

    original = json.loads(shared_data(relative).read_text(encoding="utf-8"))
    kept = [s for s in slides(original) if s[0] in {e.title for e in first.events}]
    assert slides(json.loads(out.text)) == kept


def test_bce_years_go_back_to_timelinejs_numbering():
    first = imported("timelinejs_json/cosmo-mixed.json").dataset
    out = export_data(first, range(len(first.events)), "out.timelinejs.json")
    years = {s["text"]["headline"]: s["start_date"]["year"] for s in json.loads(out.text)["events"]}
    assert years["Euclid's Optica"] == "-300"  # EDTF -0299 is TimelineJS -300
    assert len(out.notes) == 3  # the three undated cosmological events cannot go


def test_format_v1_through_csv_and_back(blue_heart):
    out = export_data(blue_heart, range(len(blue_heart.events)), "out.csv")
    second = again(out.text, "out.csv")
    assert facts(second, actors=True) == facts(blue_heart, actors=True)
    assert [e.id for e in second.events] == [e.id for e in blue_heart.events]


def test_format_v1_through_csv_keeps_spans_ongoing_spans_and_ranges():
    source = """timeline: 1
organizations:
  unodc: {name: United Nations Office on Drugs and Crime, short: UNODC}
countries:
  MX: {name: Mexico}
events:
  - {title: A span, start: 2009-03, end: 2012~, tags: [campaign]}
  - {title: Still going, start: 2015, actors: [MX, unodc]}
  - {title: Some time in, date: 2007/2009}
  - {title: On or before, date: ../2013-07-03}
  - {title: Spring, date: 2001-21, summary: "Two paragraphs.\\n\\nThe second, with a comma."}
  - {title: A decade, date: 201X}
  - {title: Undated, tags: [a, b]}
"""
    from explorer.model.load.loader import load_text

    first = load_text(source)
    second = again(export_data(first, range(len(first.events)), "out.csv").text, "out.csv")
    assert facts(second, actors=True) == facts(first, actors=True)
    assert second.countries["MX"].iso == "MX"
