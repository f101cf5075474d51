"""stub"""

from __future__ import annotations

from explorer.model.importers.base import NO


class VisTimeline:
    name = "vis_json"
    label = "vis_json"

    def detect(self, source):
        return NO

    def read(self, source, report, options):
        raise NotImplementedError
