"""What every spec asks of what the program writes: a `--json` report is JSON, valid UTF-8,
with no control character raw; an SVG is XML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

#: Characters a terminal may act on, outside the newlines and indents of JSON's own layout.
_RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def json_printed(text: str) -> Any:
    """The value of a `--json` report printed as `text`; fails unless it is valid UTF-8 JSON
    without a raw control character."""
    text.encode("utf-8")  # lone surrogates are not UTF-8
    assert not _RAW_CONTROLS.search(text), f"a raw control character in {text[:200]!r}"
    return json.loads(text)


def svg_root(path: str | Path) -> ElementTree.Element:
    """The root element of an SVG file, parsed as XML (fails when it is not XML)."""
    return ElementTree.parse(path).getroot()


def every_svg_is_xml(folder: Path) -> None:
    """Parse every SVG under `folder` as XML: the spec behind every export test."""
    for path in sorted(folder.rglob("*.svg")):
        try:
            ElementTree.parse(path)
        except ElementTree.ParseError as error:
            raise AssertionError(f"{path.name} is not XML: {error}") from None
