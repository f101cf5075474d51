"""UN Treaty Collection status tables (`Chapter,Country,Ratification,Treaty,Signature`): one
membership per signature and one per ratification, accession (`a`), acceptance (`A`),
approval (`AA`) or succession (`d`), with the UN's action words as statuses; an action in
brackets was withdrawn, and gets a `withdrew` membership after it (its date is not in the
table). Treaties become protocols, a protocol "supplementing" a convention of the same table
its child, the place and date in the treaty's title its adoption."""

from __future__ import annotations

import re

from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.columns import normal
from explorer.model.importers.dates_in import Unreadable, read_date
from explorer.model.importers.draft import Draft
from explorer.model.importers.members import Members
from explorer.model.importers.report import ImportReport, Where, shorten
from explorer.model.importers.source import Source, SourceError
from explorer.model.importers.tables import Row, read_table

HEADER = ("chapter", "country", "ratification", "treaty", "signature")
#: UN action suffixes of the Ratification column, and the action each stands for.
SUFFIXES = {"": "ratified", "a": "acceded", "A": "accepted", "AA": "approved", "d": "succeeded"}
_ACTION = re.compile(r"(\[)?\s*(\d{1,2} \w+\.? \d{4})\s*(AA|A|a|d)?\s*(\])?\s*(AA|A|a|d)?")
#: Short names and ids of the treaties this explorer is about.
KNOWN = {
    "united nations convention against transnational organized crime": ("untoc", "UNTOC", "convention"),
    "protocol to prevent, suppress and punish trafficking in persons": ("tip-protocol", "Trafficking in Persons Protocol", "protocol"),
    "protocol against the smuggling of migrants": ("smuggling-protocol", "Smuggling of Migrants Protocol", "protocol"),
    "protocol against the illicit manufacturing of and trafficking in firearms": ("firearms-protocol", "Firearms Protocol", "protocol"),
}


def treaty_fields(text: str) -> dict[str, str]:
    """Name, parent's name, place and adoption date of a UNTC treaty title."""
    text = " ".join(text.replace("\xa0", " ").split())
    found = re.fullmatch(r"(.+?)\.\s+([^.,]+),\s*(\d{1,2} \w+ \d{4})", text)
    name, place, adopted = (found.groups() if found else (text.rstrip("."), "", ""))
    parent = ""
    supplement = re.search(r",\s*supplementing the (.+)$", name)
    if supplement:
        parent = supplement.group(1)
        name = name[:supplement.start()]
    fields = {"name": name, "parent_name": parent, "place": place}
    try:
        fields["adopted"] = read_date(adopted).edtf() if adopted else ""
    except Unreadable:
        fields["adopted"] = ""
    return fields


class UntcStatus:
    name = "untc"
    label = "UN Treaty Collection status table"

    def detect(self, source: Source) -> int:
        if source.suffix not in (".csv", ".tsv", ".txt", ".xlsx", ".ods") or source.is_zip:
            return NO
        first = source.text()[:2048].splitlines()[:1]
        names = {normal(c.strip().strip('"')) for c in first[0].split(",")} if first else set()
        return SURE if set(HEADER) <= names else NO

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        table = read_table(source)
        names = [normal(h) for h in table.header]
        missing = [h for h in HEADER if h not in names]
        if missing:
            raise SourceError(f"a UN treaty status table has the columns Chapter, Country, "
                              f"Ratification, Treaty, Signature; this one lacks {', '.join(missing)}",
                              table.header_line)
        column = {h: names.index(h) for h in HEADER}
        draft = Draft()
        members = Members(draft, report)
        chapters = set()
        for row in table.rows:
            chapters.add(row.get(column["chapter"]))
            self._row(row, column, members, draft, report)
        if chapters - {""}:
            draft.description = "UN Treaty Collection status, chapter " + ", ".join(sorted(chapters - {""}))
            report.convert("the chapter kept in the description", shorten(", ".join(sorted(chapters)), 40))
        for protocol in draft.protocols.values():
            parent_name = protocol.pop("parent_name", "")
            if parent_name and parent_name in members.targets:
                protocol["parent"] = members.targets[parent_name]
        shorts = [p.get("short") or p["name"] for p in draft.protocols.values()]
        draft.title = "UN Treaty Collection status: " + ", ".join(shorts)
        report.keep("rows", len(table.rows))
        report.keep("memberships", len(draft.memberships))
        report.keep("members", len(draft.countries) + len(draft.organizations))
        report.keep("treaties", len(draft.protocols))
        return draft

    def _target(self, text: str, members: Members) -> str:
        fields = treaty_fields(text)
        known = next((v for k, v in KNOWN.items() if fields["name"].lower().startswith(k)), None)
        description = f"Adopted in {fields['place']}." if fields["place"] else ""
        if known is not None:
            return members.target(fields["name"], id=known[0], short=known[1], kind=known[2],
                                  adopted=fields["adopted"], description=description,
                                  parent_name=fields["parent_name"])
        kind = "convention" if "convention" in fields["name"].lower()[:40] else "protocol" \
            if fields["name"].lower().startswith("protocol") else ""
        return members.target(fields["name"], kind=kind, adopted=fields["adopted"],
                              description=description, parent_name=fields["parent_name"])

    def _row(self, row: Row, column: dict, members: Members, draft: Draft, report: ImportReport) -> None:
        where = Where(row.line, 1, f"row {row.number}")
        member = members.member(row.get(column["country"]), "", where)
        treaty = row.get(column["treaty"])
        if member is None or not treaty:
            if not treaty:
                report.warning(where, "the row names no treaty; it is left out")
            return
        target = self._target(treaty, members)
        for name, action in (("signature", "signed"), ("ratification", None)):
            text = row.get(column[name])
            if not text:
                continue
            found = _ACTION.fullmatch(text)
            if found is None:
                report.warning(Where(row.line, 1, f"row {row.number}, {name.title()}"),
                               f"{shorten(text)!r} is not a date with a UN action suffix; the action is left out")
                continue
            opened, date_text, suffix, closed, suffix_after = found.groups()
            suffix = suffix or suffix_after or ""
            status = action or SUFFIXES[suffix]
            try:
                date = read_date(date_text).edtf()
            except Unreadable as error:
                report.warning(where, f"{date_text!r} cannot be read ({error}); the action is kept undated")
                date = ""
            entry = {"member": member, "of": target, "status": status}
            if date:
                entry["date"] = date
            draft.memberships.append(entry)
            if suffix:
                report.convert("UN action suffixes written as the action", f"{text} -> {status}", where)
            if opened or closed:
                entry["note"] = "Bracketed in the UN Treaty Collection table: the action was withdrawn."
                draft.memberships.append({"member": member, "of": target, "status": "withdrew",
                                          "note": f"Withdrawal of the {status} action of {date}; "
                                          "its date is not in the table."})
                report.convert("bracketed (withdrawn) actions followed by a 'withdrew' membership",
                               shorten(text, 30), where)
