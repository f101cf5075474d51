"""Which column of a table holds what: roles guessed from the headers (and, for dates, from
the values), overridable by name (`title=Headline,date=Date`)."""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from explorer.model.importers.source import SourceError

#: Roles of an event table, each with the header words that suggest it, best first.
ROLES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "label", "name", "topic", "event title", "subject", "heading"),
    "date": ("date", "hdate", "when", "date local", "year", "datetime", "time"),
    "start": ("start", "start date", "start year", "begin", "from", "began"),
    "end": ("end date", "end", "hdate end", "end year", "until", "to", "finish", "stop"),
    "exact": ("exact date", "precise date", "full date", "date detail"),
    "summary": ("description", "summary", "text", "notes", "note", "details", "event", "body",
                "content", "comment"),
    "tags": ("tags", "tag", "category", "categories", "group", "type", "kind", "keywords", "theme"),
    "source": ("source", "citation", "reference", "references", "cite", "credit", "sources"),
    "url": ("url", "link", "href", "website", "web", "wikipedia"),
    "actors": ("actors", "actor", "who", "people", "organization", "organisations", "country"),
    "protocols": ("protocols", "protocol", "treaty", "treaties", "instrument"),
    "id": ("id", "event id", "uid", "identifier"),
}


def normal(header: str) -> str:
    """A header as compared: lowercase words separated by single spaces."""
    return " ".join(re.sub(r"[_\-./]+", " ", header).lower().split())


def guess_roles(header: Sequence[str], overrides: Mapping[str, str]) -> dict[str, int]:
    """Role -> column index: the overrides first (SourceError for a header that does not
    exist), then each role's best-matching header not yet taken."""
    names = [normal(h) for h in header]
    chosen: dict[str, int] = {}
    for role, wanted in overrides.items():
        if role not in ROLES:
            raise SourceError(f"--columns: {role!r} is not a role; roles are {', '.join(ROLES)}")
        matches = [i for i, h in enumerate(header) if h == wanted or normal(h) == normal(wanted)]
        if not matches:
            shown = ", ".join(repr(h) for h in header if h) or "none"
            raise SourceError(f"--columns {role}={wanted}: the table has no column {wanted!r} "
                              f"(its columns: {shown})")
        chosen[role] = matches[0]
    taken = set(chosen.values())
    for role, words in ROLES.items():
        if role in chosen:
            continue
        for word in words:
            found = next((i for i, name in enumerate(names) if name == word and i not in taken), None)
            if found is not None:
                chosen[role] = found
                taken.add(found)
                break
    return chosen


def pairs_of_name_and_url(header: Sequence[str]) -> list[tuple[int, int]]:
    """Columns `News1` and `News1 URL`: (name column, address column) pairs."""
    names = [normal(h) for h in header]
    found = []
    for index, name in enumerate(names):
        if name.endswith((" url", " link")):
            base = name.rsplit(" ", 1)[0]
            partner = next((i for i, other in enumerate(names) if other == base), None)
            if partner is not None:
                found.append((partner, index))
    return found
