"""What both membership importers share: members made countries with ISO codes where one can
be found (the code as id, as the format recommends), organizations such as the European Union,
and targets made protocols or organizations once each."""

from __future__ import annotations

from explorer.model.importers.countries import code_of_name, iso_code, name_of_code, organization_name
from explorer.model.importers.draft import Draft
from explorer.model.importers.report import ImportReport, Where, shorten

#: Values that mean "nothing here" in tables made by statistics tools.
MISSING = frozenset(("", "na", "n/a", "nan", "null", "none", "-", "--", "?", "#n/a"))


def missing(text: str) -> bool:
    return text.strip().lower() in MISSING


class Members:
    """Member and target ids of one import, each made once."""

    def __init__(self, draft: Draft, report: ImportReport) -> None:
        self.draft = draft
        self.report = report
        self.ids: dict[str, str] = {}
        self.targets: dict[str, str] = {}

    def member(self, name: str, code: str, where: Where) -> str | None:
        """The id of the member called `name` (with `code` from a code column, if any)."""
        name = " ".join(name.split())
        key = name.lower() or code.upper()
        if key in self.ids:
            return self.ids[key]
        if not name and missing(code):
            self.report.warning(where, "the row names no member; it is left out")
            return None
        organization = organization_name(name)
        if organization is not None:
            entity_id = self.draft.new_id(organization)
            self.draft.organizations[entity_id] = {"name": name}
            self.ids[key] = entity_id
            return entity_id
        by_name: str | None = code_of_name(name) if name else None
        by_code = iso_code(code) if code and not (missing(code) and code.upper() != "NA") else None
        if code and by_code is not None and code.strip().upper() != by_code:
            self.report.convert("EU country codes written as ISO codes", f"{code} -> {by_code}", where)
        iso = by_code or by_name
        if by_code and by_name and by_code != by_name:
            self.report.warning(where, f"the code {code!r} is not that of {shorten(name)!r} "
                                f"({by_name}); the name's code is used")
            iso = by_name
        elif code and by_code is None and by_name:
            self.report.convert("codes that are no ISO code replaced by the name's", f"{code} -> {by_name}", where)
        if not name:
            name = (name_of_code(iso) if iso else None) or code
        entry = {"name": name or code}
        if iso is not None and self.draft.claim(iso):
            entity_id = iso
            entry["iso"] = iso
        else:
            entity_id = self.draft.new_id(name or code)
            if iso is not None:
                entry["iso"] = iso
            else:
                self.report.convert("members without an ISO code (none found for the name)",
                                    shorten(name, 40), where)
        self.draft.countries[entity_id] = entry
        self.ids[key] = entity_id
        return entity_id

    def target(self, name: str, section: str = "protocols", **fields: str) -> str:
        """The id of the protocol (or organization) called `name`."""
        if name in self.targets:
            return self.targets[name]
        wanted = fields.pop("id", "") or name
        entity_id = wanted if self.draft.claim(wanted) else self.draft.new_id(name)
        entry = {"name": name, **{k: v for k, v in fields.items() if v}}
        getattr(self.draft, section)[entity_id] = entry
        self.targets[name] = entity_id
        return entity_id
