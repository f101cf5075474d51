"""stub"""

from __future__ import annotations

from explorer.model.importers.base import NO


class UntcStatus:
    name = "untc_status"
    label = "untc_status"

    def detect(self, source):
        return NO

    def read(self, source, report, options):
        raise NotImplementedError
