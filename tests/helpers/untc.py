"""The UN Treaty Collection status table of `../shared/data/memberships` read into format v1,
for the membership specs (the importer of other tools' formats does the same for people)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

#: Short ids of the four treaties of the table, by how their titles begin.
TREATIES = {
    "United Nations Convention against Transnational Organized Crime": "untoc",
    "Protocol to Prevent, Suppress and Punish Trafficking in Persons": "tip-protocol",
    "Protocol against the Smuggling of Migrants": "smuggling-protocol",
    "Protocol against the Illicit Manufacturing of and Trafficking in Firearms": "firearms-protocol",
}
#: UNTC action suffixes: none is a ratification.
SUFFIXES = {"": "ratified", "a": "acceded", "A": "accepted", "AA": "approved", "d": "succeeded"}
MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
_CELL = re.compile(r"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})(?: (a|A|AA|d))?")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _action(cell: str) -> tuple[str, str] | None:
    """(EDTF date, suffix) of a status cell, None when empty."""
    cell = cell.strip()
    if not cell:
        return None
    found = _CELL.fullmatch(cell)
    assert found is not None, f"unexpected cell {cell!r}"
    day, month, year, suffix = found.groups()
    return f"{year}-{MONTHS[month]:02d}-{int(day):02d}", suffix or ""


def untc_as_timeline(path: Path) -> str:
    """The status table at `path` as the text of a format v1 file: a country per state, a
    protocol per treaty, a membership per signature and per ratification (or accession...)."""
    countries: dict[str, dict] = {}
    memberships = []
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            treaty = next(short for title, short in TREATIES.items() if row["Treaty"].startswith(title))
            country = _slug(row["Country"])
            countries.setdefault(country, {"name": row["Country"]})
            signed = _action(row["Signature"])
            if signed is not None:
                memberships.append({"member": country, "of": treaty, "status": "signed", "date": signed[0]})
            bound = _action(row["Ratification"])
            if bound is not None:
                memberships.append({"member": country, "of": treaty, "status": SUFFIXES[bound[1]],
                                    "date": bound[0]})
    document = {
        "timeline": 1,
        "title": "UNTOC and its Protocols: signatures and ratifications (UN Treaty Collection, 2012)",
        "protocols": {short: {"name": title} for title, short in TREATIES.items()},
        "countries": countries,
        "memberships": memberships,
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
