"""What format v1 is, said once: its sections, the fields of each kind of entry with their
types and the kinds an id may name, the required fields, the pairs of dates that must be in
order, the two forms of an event, the usual membership statuses and the version.

Both validators take their rules from here. The node validator (`validate_nodes`) turns a
broken rule into a message placed at its line and column; the fast validator
(`validate_plain`) turns a broken rule into "not vouched", and the node path reads the file
again. A warning is a finding about valid data, not a broken rule: both validators report
it, in the words written here (`unknown_key_warning`, `unknown_field_warning`,
`unknown_status_warning`). `docs/format.md` documents the same tables (`tests/model/load/test_schema.py` holds the
two together).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from explorer.model.entities import (
    ACTOR_KINDS,
    Country,
    EntityKind,
    Organization,
    Person,
    Protocol,
    Source,
)
from explorer.model.load.problems import close_match, suggestion
from explorer.model.memberships import STATUS_STAGES, stage_of

#: The one format version this program reads (`timeline: 1`).
SUPPORTED_VERSION = "1"

# What a field holds.
TEXT, DATE, TEXTS, REF, REFS = "text", "date", "list of text", "id", "list of ids"


@dataclass(frozen=True, slots=True)
class Field:
    """One field of an entry: its type, the kinds of entity an id in it may name, and the
    attribute of the made value when it differs from the field's name."""

    type: str
    targets: tuple[EntityKind, ...] = ()
    attr: str = ""

    def attribute(self, name: str) -> str:
        return self.attr or name


@dataclass(frozen=True, slots=True)
class Shape:
    """How one kind of entry is written: its noun in messages, its fields, the fields it
    must have, and the two dates (if any) of which the second cannot come before the first."""

    noun: str
    fields: Mapping[str, Field]
    required: tuple[str, ...]
    ordered: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class EntitySection:
    """A section mapping ids to entities of one kind (`sources`, `organizations`...)."""

    kind: EntityKind
    cls: type
    shape: Shape


_ORG, _PERSON, _COUNTRY, _PROTOCOL, _SOURCE = (
    EntityKind.ORGANIZATION, EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.PROTOCOL,
    EntityKind.SOURCE,
)
_TEXT, _DATE = Field(TEXT), Field(DATE)
_SOURCES = Field(REFS, (_SOURCE,))

ENTITY_SECTIONS: Mapping[str, EntitySection] = {
    "sources": EntitySection(_SOURCE, Source, Shape("source", {
        "title": _TEXT, "publisher": _TEXT, "url": _TEXT, "date": _DATE, "retrieved": _DATE,
        "note": _TEXT,
    }, ("title",))),
    "organizations": EntitySection(_ORG, Organization, Shape("organization", {
        "name": _TEXT, "short": _TEXT, "kind": Field(TEXT, attr="kind_label"),
        "parent": Field(REF, (_ORG,)), "founded": _DATE, "dissolved": _DATE, "url": _TEXT,
        "description": _TEXT, "sources": _SOURCES,
    }, ("name",), ("founded", "dissolved"))),
    "people": EntitySection(_PERSON, Person, Shape("person", {
        "name": _TEXT, "description": _TEXT, "sources": _SOURCES,
    }, ("name",))),
    "countries": EntitySection(_COUNTRY, Country, Shape("country", {
        "name": _TEXT, "iso": _TEXT, "sources": _SOURCES,
    }, ("name",))),
    "protocols": EntitySection(_PROTOCOL, Protocol, Shape("protocol", {
        "name": _TEXT, "short": _TEXT, "kind": Field(TEXT, attr="kind_label"),
        "parent": Field(REF, (_PROTOCOL,)), "adopted": _DATE, "in_force": _DATE,
        "guardian": Field(REF, (_ORG,)), "url": _TEXT, "description": _TEXT,
        "sources": _SOURCES,
    }, ("name",), ("adopted", "in_force"))),
}
MEMBERSHIP_SHAPE = Shape("membership", {
    "member": Field(REF, (_ORG, _PERSON, _COUNTRY, _PROTOCOL)),
    "of": Field(REF, (_ORG, _PROTOCOL)),
    "status": _TEXT, "date": _DATE, "until": _DATE, "note": _TEXT, "sources": _SOURCES,
}, ("member", "of"), ("date", "until"))
ERA_SHAPE = Shape("era", {
    "title": _TEXT, "start": _DATE, "end": _DATE, "note": _TEXT,
}, ("title", "start"), ("start", "end"))
EVENT_SHAPE = Shape("event", {
    "id": _TEXT, "title": _TEXT, "date": _DATE, "start": _DATE, "end": _DATE,
    "summary": _TEXT, "actors": Field(REFS, ACTOR_KINDS), "protocols": Field(REFS, (_PROTOCOL,)),
    "tags": Field(TEXTS), "sources": _SOURCES,
}, ("title",), ("start", "end"))
#: Sections that are lists of entries, in file order.
LIST_SECTIONS: Mapping[str, Shape] = {
    "memberships": MEMBERSHIP_SHAPE, "eras": ERA_SHAPE, "events": EVENT_SHAPE,
}
#: Top-level keys holding one line of text.
TEXT_KEYS = ("title", "description")
TOP_LEVEL_KEYS = ("timeline", *TEXT_KEYS, *ENTITY_SECTIONS, *LIST_SECTIONS)
#: The section each kind of entity is written in.
SECTION_OF: Mapping[EntityKind, str] = {
    section.kind: name for name, section in ENTITY_SECTIONS.items()
}


# -- rules over an entry's values ---------------------------------------------------------

#: An event with `date:` and `start:`/`end:` as well.
DATE_AND_SPAN = "date-and-span"
#: An event with `end:` but no `start:`.
END_WITHOUT_START = "end-without-start"


def event_form(has_date: bool, has_start: bool, has_end: bool) -> str | None:
    """The rule an event's fields break, if any: a point has `date:`, a span `start:` (and
    maybe `end:`); None when the form is right."""
    if has_date and (has_start or has_end):
        return DATE_AND_SPAN
    if has_end and not has_start:
        return END_WITHOUT_START
    return None


def out_of_order(earlier, later) -> bool:
    """Whether `later` (a date value) is certainly before `earlier`: every day it may mean
    comes before every day `earlier` may mean."""
    if earlier is None or later is None:
        return False
    first, last = earlier.earliest, later.latest
    return first is not None and last is not None and last < first


# -- membership statuses -------------------------------------------------------------------

#: The statuses the explorer knows, each reaching a stage (`memberships.STATUS_STAGES`); any
#: other status is kept as written, with a warning, and counts at no stage.
USUAL_STATUSES = tuple(STATUS_STAGES)


def unknown_status(status: str) -> bool:
    """Whether `status` reaches no stage."""
    return stage_of(status) is None


def misspelt_status(status: str) -> str | None:
    """The known status an unknown `status` is likely a misspelling of (`ratifed`), or None
    when it is known or close to none."""
    if not unknown_status(status):
        return None
    return close_match(" ".join(status.casefold().split()), USUAL_STATUSES)


# -- what the warnings say ----------------------------------------------------------------
# `hint` False leaves out the "did you mean" (a scan of the candidates), for a diagnostic
# that will only be counted.


def with_article(noun: str) -> str:
    """`a source`, `an organization`."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def unknown_key_warning(name: str, hint: bool = True) -> str:
    """A top-level key that is no section of the format."""
    close = suggestion(name, TOP_LEVEL_KEYS) if hint else ""
    return f"unknown top-level key '{name}' is ignored{close}"


def unknown_field_warning(name: str, shape: Shape, hint: bool = True) -> str:
    """A field that entries of `shape` do not have."""
    close = suggestion(name, shape.fields) if hint else ""
    return f"unknown field '{name}' in {with_article(shape.noun)} is ignored{close}"


def unknown_status_warning(status: str) -> str:
    """A membership status that reaches no stage (`unknown_status`)."""
    meant = misspelt_status(status)
    hint = (f"did you mean '{meant}'?" if meant is not None else
            "write one of signed, ratified, acceded, accepted, approved, succeeded, "
            "joined or withdrew (the format reference lists them all)")
    return (f"status '{status}' is not one the explorer knows: it is kept as written and "
            f"counts at no stage; {hint}")


# -- rules over the whole file -------------------------------------------------------------


def parent_loops(parents: Mapping[str, str], same_kind: Callable[[str, str], bool]) -> list[list[str]]:
    """Each loop of `parent` links once, as the ids around it starting from the one that
    comes first in `parents` (file order) and ending with it again. A link counts only when
    `same_kind(child, parent)`: a parent of another section is reported elsewhere."""
    order = {entity_id: number for number, entity_id in enumerate(parents)}
    walk_of: dict[str, int] = {}
    loops = []
    for walk, start in enumerate(parents):
        current = start
        chain: list[str] = []
        while current in parents and current not in walk_of:
            walk_of[current] = walk
            chain.append(current)
            parent = parents[current]
            if not same_kind(current, parent):
                break
            current = parent
        else:
            if walk_of.get(current) == walk:
                loop = chain[chain.index(current):]
                first = min(loop, key=order.__getitem__)
                turn = loop.index(first)
                loops.append([*loop[turn:], *loop[:turn], first])
    return loops
