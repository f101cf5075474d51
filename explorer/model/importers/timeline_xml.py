"""stub"""

from __future__ import annotations

from explorer.model.importers.base import NO


class TimelineProject:
    name = "timeline_xml"
    label = "timeline_xml"

    def detect(self, source):
        return NO

    def read(self, source, report, options):
        raise NotImplementedError
