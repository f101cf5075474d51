"""stub"""

from __future__ import annotations

from explorer.model.importers.base import NO


class MembershipTable:
    name = "membership_table"
    label = "membership_table"

    def detect(self, source):
        return NO

    def read(self, source, report, options):
        raise NotImplementedError
