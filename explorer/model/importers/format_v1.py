"""Format v1 itself (`timeline: 1` in YAML or JSON): nothing to convert, so an import checks it
and hands on the text unchanged."""

from __future__ import annotations

import re

from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.draft import Draft
from explorer.model.importers.report import ImportReport
from explorer.model.importers.source import Source
from explorer.model.load.files import open_regular

_YAML_VERSION = re.compile(rb"^timeline\s*:\s*['\"]?1['\"]?\s*(?:#.*)?$", re.M)
_JSON_VERSION = re.compile(rb'"timeline"\s*:\s*"?1"?\s*[,}]')


def is_format_v1(path: str) -> bool:
    """Whether the loader reads a file itself, by its name: `.yaml`, `.yml`, or `.json` holding
    `"timeline": 1` in its first bytes (a file that cannot be read counts as format v1: the
    loader says why). Cheap to import: the head start of the window asks before anything else
    is loaded."""
    lower = path.lower()
    if lower.endswith((".yaml", ".yml")):
        return True
    if not lower.endswith(".json"):
        return False
    try:
        with open_regular(path) as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return True
    return FormatV1.json_head(head)


class FormatV1:
    name = "v1"
    label = "format v1"

    @staticmethod
    def json_head(head: bytes) -> bool:
        """Whether the first bytes of a JSON file are those of format v1."""
        return bool(_JSON_VERSION.search(head))

    def detect(self, source: Source) -> int:
        if source.suffix in (".yaml", ".yml") or _YAML_VERSION.search(source.head):
            return SURE + 5
        if source.suffix == ".json" and self.json_head(source.head):
            return SURE + 5
        return NO

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        report.format = self.label
        report.convert("nothing: the file is already format v1 and is copied unchanged")
        return Draft()
