"""Tables of members: a member (a name, a code, or both) and what it joined, signed or ratified,
and when. Either long (one action per row: member, target, status, date) or wide (one row per
member, a date column per action: `accession_date`, `exit_date`, `schengen_date_signed`).

Statuses are written as the UN's action words (signed, ratified, acceded, accepted, approved,
succeeded, withdrew, and joined for organizations). A column's header names its action and,
before it, its target (`emu_accession_date` is the accession to "emu"); a date column without
a target is of the table's own target, which `--target` names (by default the file's name).
An exit date ends the membership it follows (`until`). `NA` in a date column means "missing";
in a code column it is Namibia, when the name beside it agrees.
"""

from __future__ import annotations

import re
from pathlib import Path

from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.columns import normal
from explorer.model.importers.dates_in import Unreadable, read_date
from explorer.model.importers.draft import Draft
from explorer.model.importers.members import Members, missing
from explorer.model.importers.report import ImportReport, Where, shorten
from explorer.model.importers.source import Source, SourceError
from explorer.model.importers.tables import Row, Table, read_table

_MEMBER = ("member", "country", "member state", "state", "party", "participant", "name", "country name")
_CODE = ("iso2", "iso", "iso alpha 2 code", "iso code", "iso 3166", "alpha2", "country code", "code",
         "member state code", "iso alpha 3 code", "iso3")
_TARGET = ("of", "target", "treaty", "organization", "organisation", "protocol", "convention", "instrument")
_STATUS = ("status", "action", "stage")
_ACTIONS = (
    (("signature", "signed", "signatory", "sign"), "signed"),
    (("ratification", "ratified", "ratify"), "ratified"),
    (("accession", "acceded", "accede"), "acceded"),
    (("acceptance", "accepted"), "accepted"),
    (("approval", "approved"), "approved"),
    (("succession", "succeeded"), "succeeded"),
    (("joined", "join", "entry", "membership", "admission", "admitted"), "joined"),
    (("exit", "withdrawal", "withdrew", "left", "leave", "until", "end", "departure"), "until"),
    (("implemented", "implementation", "implementing"), "implemented"),
)
_FILLER = frozenset(("date", "year", "of", "or", "and", "the", "day", "when"))
_TREATY_ACTIONS = frozenset(("signed", "ratified", "accepted", "approved", "succeeded"))
_STATUS_WORDS = {
    "state party": "ratified", "party": "ratified", "parties": "ratified",
    "signatory": "signed", "signatory state": "signed", "signatory only": "signed",
    "member": "joined", "member state": "joined", "withdrawn": "withdrew", "denounced": "withdrew",
}
_NO_ACTION = frozenset(("no action", "none", "not a party", "non-party", "no"))


def _find(names: list[str], wanted: tuple[str, ...], taken: set[int]) -> int | None:
    for word in wanted:
        for index, name in enumerate(names):
            if name == word and index not in taken:
                return index
    return None


def _action(words: list[str]) -> tuple[str | None, bool]:
    """The action a header's words name, and whether they also name accession ("year of
    ratification or accession")."""
    found = None
    for spellings, action in _ACTIONS:
        if any(w in spellings for w in words):
            found = found or action
    return found, found == "ratified" and "accession" in words


class MembershipTable:
    name = "members"
    label = "table of members"

    def detect(self, source: Source) -> int:
        if source.suffix not in (".csv", ".tsv", ".txt") or source.binary_kind():
            return NO
        first = source.text()[:4096].splitlines()[:1]
        if not first:
            return NO
        names = [normal(c.strip().strip('"')) for c in re.split(r"[,\t;]", first[0])]
        has_member = any(n in _MEMBER or n in _CODE for n in names)
        dated = [n for n in names if ("date" in n.split() or "year" in n.split()) and _action(n.split())[0]]
        has_status = any(n in _STATUS for n in names)
        return SURE - 5 if has_member and (dated or has_status) and "title" not in names else NO

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        table = read_table(source)
        report.format = f"{table.kind} table of members"
        return _Reader(table, report, options, source).read()


class _Reader:
    def __init__(self, table: Table, report: ImportReport, options: Options, source: Source) -> None:
        self.table, self.report = table, report
        names = [normal(h) for h in table.header]
        taken: set[int] = set()
        self.code = _find(names, tuple(c for c in _CODE if "iso" in c) + _CODE, taken)
        if self.code is not None:
            taken.add(self.code)
        self.member = _find(names, _MEMBER, taken)
        if self.member is not None:
            taken.add(self.member)
        if self.member is None and self.code is None:
            raise SourceError("no column names the members (a column called member, country, "
                              "state or iso2)", table.header_line)
        self.target_column = _find(names, _TARGET, taken)
        self.status = _find(names, _STATUS, taken)
        taken.update(i for i in (self.target_column, self.status) if i is not None)
        self.default_target = options.target or Path(source.name).stem.replace("_", " ").replace("-", " ").strip().capitalize()
        self.dates: list[tuple[int, str, str, bool]] = []  # column, target, action, "or accession"
        self.duplicates: list[int] = []
        date_words = {}
        for index, name in enumerate(names):
            words = name.split()
            if index in taken or not ({"date", "year"} & set(words)):
                continue
            action, or_accession = _action(words)
            rest = " ".join(w for w in words if w not in _FILLER and not any(
                w in spellings for spellings, _a in _ACTIONS))
            date_words[index] = (rest, action, "year" in words and "date" not in words)
            self.dates.append((index, rest, action or "joined", or_accession))
        # a year column beside a date column of the same action only repeats it
        for index, (rest, action, is_year) in date_words.items():
            if is_year and any(r == rest and a == action and not y for i, (r, a, y) in date_words.items() if i != index):
                self.duplicates.append(index)
        self.dates = [d for d in self.dates if d[0] not in self.duplicates]
        self.used = taken | {d[0] for d in self.dates} | set(self.duplicates)
        if not self.dates and self.status is None:
            raise SourceError("no column holds dates of actions or statuses (accession_date, "
                              "signature, status...)", table.header_line)
        self.draft = Draft()
        self.members = Members(self.draft, report)

    def target_id(self, name: str, action: str) -> str:
        label = name if name else self.default_target
        label = label.upper() if len(label) <= 4 and " " not in label else label
        if not name and not self.report.converted.get("default target"):
            self.report.convert("default target", f"the rows' target is named {label!r} after the file; "
                                "name it with --target")
        section = "protocols" if action in _TREATY_ACTIONS or self.status is not None else "organizations"
        return self.members.target(label, section)

    def read(self) -> Draft:
        for row in self.table.rows:
            self.row(row)
        draft = self.draft
        for index in self.duplicates:
            values = [row.get(index) for row in self.table.rows if not missing(row.get(index))]
            self.report.drop(f"column {self.table.header[index]!r} (repeats the year of its date column)",
                             shorten(values[0]) if values else "", count=len(values))
        for index, header in enumerate(self.table.header):
            if index not in self.used and header:
                values = [row.get(index) for row in self.table.rows if not missing(row.get(index))]
                if values:
                    self.report.drop(f"column {header!r}", shorten(values[0], 30), count=len(values))
        draft.title = f"Members of {', '.join(dict.fromkeys(e['name'] for e in (*draft.protocols.values(), *draft.organizations.values()) if e['name'] not in [c['name'] for c in draft.countries.values()]))}"
        self.report.keep("rows", len(self.table.rows))
        self.report.keep("memberships", len(draft.memberships))
        self.report.keep("members", len(draft.countries))
        return draft

    def date(self, row: Row, index: int) -> str | None:
        text = row.get(index)
        if missing(text):
            return None
        try:
            return read_date(text).edtf()
        except Unreadable as error:
            self.report.warning(Where(row.line, 1, f"row {row.number}, {self.table.header[index]}"),
                                f"{shorten(text)!r} is not a date ({error}); the action is kept undated")
            return ""

    def row(self, row: Row) -> None:
        where = Where(row.line, 1, f"row {row.number}")
        member = self.members.member(row.get(self.member), row.get(self.code) if self.code is not None else "", where)
        if member is None:
            return
        explicit = row.get(self.target_column) if self.target_column is not None else ""
        if self.status is not None:
            self.with_status(row, member, explicit, where)
            return
        last: dict[str, dict] = {}
        for index, target, action, _or_accession in self.dates:
            date = self.date(row, index)
            if date is None:
                continue
            if action == "until":
                ended = last.get(target)
                if ended is None:
                    self.report.warning(where, f"an end ({self.table.header[index]}) with no membership "
                                        "before it in the row; it is left out")
                elif date:
                    ended["until"] = date
                    self.report.convert("exit dates written as the end (until) of the membership",
                                        f"{self.table.header[index]} {date}", where)
                continue
            entry = {"member": member, "of": self.target_id(explicit or target, action), "status": action}
            if date:
                entry["date"] = date
            last[target] = entry
            self.draft.memberships.append(entry)

    def with_status(self, row: Row, member: str, explicit: str, where: Where) -> None:
        written = " ".join(row.get(self.status).split())
        lower = written.lower()
        if lower in _NO_ACTION or not written:
            self.report.convert("rows with no action (not a membership) kept as countries only",
                                shorten(written or "(empty)", 30), where)
            return
        status = _STATUS_WORDS.get(lower, lower)
        entry: dict = {"member": member, "of": self.target_id(explicit, status), "status": status}
        if status != written:
            self.report.convert("statuses written as the UN's action words", f"{written} -> {status}", where)
        for index, _target, action, or_accession in self.dates:
            if (action in ("signed",)) != (status == "signed"):
                continue
            date = self.date(row, index)
            if date:
                entry["date"] = date
            if or_accession and status == "ratified":
                entry["note"] = "Ratification or accession: the table does not say which."
        self.draft.memberships.append(entry)
