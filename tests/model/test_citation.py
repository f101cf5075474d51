"""An event's citation: title, date in words and as written, sources as a reference list."""

from __future__ import annotations

from explorer.model.citation import citation_html, citation_text
from explorer.model.load.loader import load_text

FILE = """timeline: 1
sources:
  unodc-about:
    title: About the Blue Heart Campaign
    publisher: United Nations Office on Drugs and Crime
    url: https://www.unodc.org/blueheart/
    retrieved: 2013-03-13
  note-only:
    title: A conversation
    note: Permanent dead link.
events:
  - title: Blue Heart Campaign launched
    date: 2009-03
    sources: [unodc-about, note-only]
  - title: Uncited
    start: 2009
"""


def test_the_citation_as_text_lists_the_sources_with_their_addresses():
    dataset = load_text(FILE)
    assert citation_text(dataset, dataset.events[0]) == (
        "Blue Heart Campaign launched. March 2009 (2009-03).\n"
        "Sources:\n"
        "1. About the Blue Heart Campaign. United Nations Office on Drugs and Crime. "
        "Retrieved 13 March 2013. https://www.unodc.org/blueheart/\n"
        "2. A conversation. Permanent dead link.")
    assert citation_text(dataset, dataset.events[1]) == "Uncited. from 2009, ongoing (2009/..)."


def test_the_citation_as_html_links_the_source_titles():
    dataset = load_text(FILE)
    html = citation_html(dataset, dataset.events[0])
    assert '<a href="https://www.unodc.org/blueheart/">About the Blue Heart Campaign</a>' in html
    assert html.count("<li>") == 2 and "<b>Blue Heart Campaign launched</b>" in html
