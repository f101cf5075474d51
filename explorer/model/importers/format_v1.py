"""Format v1 itself (`timeline: 1` in YAML or JSON): nothing to convert, so an import checks it
and hands on the text unchanged."""

from __future__ import annotations

import re

from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.draft import Draft
from explorer.model.importers.report import ImportReport
from explorer.model.importers.source import Source

_YAML_VERSION = re.compile(rb"^timeline\s*:\s*['\"]?1['\"]?\s*(?:#.*)?$", re.M)
_JSON_VERSION = re.compile(rb'"timeline"\s*:\s*"?1"?\s*[,}]')


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
