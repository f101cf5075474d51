"""stub"""

from __future__ import annotations

from explorer.model.importers.base import NO


class TimelineJsSheet:
    name = "timelinejs_sheet"
    label = "timelinejs_sheet"

    def detect(self, source):
        return NO

    def read(self, source, report, options):
        raise NotImplementedError
