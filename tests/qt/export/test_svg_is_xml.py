"""An SVG export is XML whatever the data file holds: control characters and NULs in titles,
summaries and tags have nothing to draw and are dropped (XML 1.0 cannot hold them)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter

from explorer.cli.main import main
from explorer.qt.export.svg import SvgDocument
from tests.helpers.outputs import svg_root

SVG = "{http://www.w3.org/2000/svg}"

JSON_FILE = json.dumps({
    "timeline": 1, "title": "T\u001bi\u0007t\u0000le\uffff",
    "events": [{"id": "a", "title": "Ev\u0000ent\u001b[31m", "date": "2009",
                "summary": "s\u0001", "tags": ["ta\u0007g"]}],
})
YAML_FILE = ('timeline: 1\ntitle: "T\\ei\\at\\0le"\nevents:\n'
             '  - {id: a, title: "Ev\\0ent\\e[31m", date: 2009, tags: ["ta\\ag"]}\n')


@pytest.mark.parametrize("name, text", [("data.json", JSON_FILE), ("data.yaml", YAML_FILE)])
def test_controls_and_nuls_in_the_data_give_an_svg_that_parses(qapp, tmp_path, name, text):
    data = tmp_path / name
    data.write_text(text, encoding="utf-8")
    out = tmp_path / "out.svg"
    assert main(["export", str(data), "-o", str(out), "--group-by", "tag"]) == 0
    root = svg_root(out)
    assert root.findtext(f"{SVG}title") == "Title"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Title" in texts
    assert any(t.startswith("Event[31m") for t in texts)
    assert "tag" in texts


def test_every_svg_of_the_program_goes_through_one_document(qapp):
    svg = SvgDocument(QSize(100, 40), QRectF(0, 0, 100, 40), "a\x00b", "c\x1bd")
    painter = QPainter(svg.generator)
    painter.drawText(10, 20, "x\x07y\x00z")
    painter.end()
    root = svg_root_of(svg.data())
    assert root.findtext(f"{SVG}title") == "ab" and root.findtext(f"{SVG}desc") == "cd"
    assert "xyz" in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def svg_root_of(data: bytes):
    import xml.etree.ElementTree as ElementTree

    return ElementTree.fromstring(data)
