"""The things a timeline file describes, as immutable values.

Every entity has an `id` that is unique across all sections of a file, so a reference
such as an event's actor can point to an organization, a person or a country.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from explorer.model.dates import EdtfValue


class EntityKind(str, Enum):
    """The section an entity comes from; also how lanes group actors by kind."""

    SOURCE = "source"
    ORGANIZATION = "organization"
    PERSON = "person"
    COUNTRY = "country"
    PROTOCOL = "protocol"


#: The kinds an event's `actors` may refer to.
ACTOR_KINDS = (EntityKind.ORGANIZATION, EntityKind.PERSON, EntityKind.COUNTRY)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str = ""
    url: str = ""
    date: EdtfValue | None = None
    retrieved: EdtfValue | None = None
    note: str = ""

    kind = EntityKind.SOURCE

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    short: str = ""
    kind_label: str = ""  # the file's `kind:` (agency, campaign, fund...), free text
    parent: str | None = None
    founded: EdtfValue | None = None
    dissolved: EdtfValue | None = None
    url: str = ""
    description: str = ""
    sources: tuple[str, ...] = ()

    kind = EntityKind.ORGANIZATION

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    description: str = ""
    sources: tuple[str, ...] = ()

    kind = EntityKind.PERSON

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Country:
    id: str
    name: str
    iso: str = ""
    sources: tuple[str, ...] = ()

    kind = EntityKind.COUNTRY

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Protocol:
    id: str
    name: str
    short: str = ""
    kind_label: str = ""  # the file's `kind:` (convention, protocol, directive...), free text
    parent: str | None = None
    adopted: EdtfValue | None = None
    in_force: EdtfValue | None = None
    guardian: str | None = None
    url: str = ""
    description: str = ""
    sources: tuple[str, ...] = ()

    kind = EntityKind.PROTOCOL

    @property
    def label(self) -> str:
        return self.short or self.name


Actor = Organization | Person | Country
Entity = Source | Organization | Person | Country | Protocol


@dataclass(frozen=True, slots=True)
class Membership:
    """`member` joined (signed, ratified...) `of` on `date`, possibly until `until`."""

    member: str
    of: str
    status: str = "joined"
    date: EdtfValue | None = None  # None: date unknown, kept and shown
    until: EdtfValue | None = None
    note: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Era:
    """A named period drawn as a background band."""

    title: str
    start: EdtfValue
    end: EdtfValue | None = None  # None: still going
    note: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened: at a point (`date`), over a span (`start`/`end`), or undated.

    `start` holds the point date for point events. `end` is None for points and for
    ongoing spans; `is_span` tells them apart.
    """

    id: str
    title: str
    start: EdtfValue | None = None
    end: EdtfValue | None = None
    is_span: bool = False
    summary: str = ""
    actors: tuple[str, ...] = ()
    protocols: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def is_dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def is_ongoing(self) -> bool:
        return self.is_span and self.end is None

    def extent(self) -> tuple[float | None, float | None]:
        """Axis extent in day numbers: (first possible day, day after the last possible day).

        A year-only point covers its whole year. Either bound is None when unknown or open;
        an ongoing span's end is None.
        """
        # `day_extent` of the start's first day and of the last value's day after, without
        # the other half of each (every first frame asks it of every event)
        start = self.start
        last = self.end if self.is_span else start
        first = None if start is None else start.earliest
        latest = None if last is None else last.latest
        return (None if first is None else float(first)), (None if latest is None else float(latest + 1))

    def when_words(self) -> str:
        """The date in words, as a tooltip or details pane shows it."""
        if not self.is_dated:
            return "date unknown"
        if not self.is_span:
            return self.start.words() if self.start is not None else "date unknown"
        start = self.start.words() if self.start is not None else "an unknown date"
        if self.end is None:
            return f"from {start}, ongoing"
        return f"from {start} to {self.end.words()}"

    def when_short(self) -> str:
        """The date in words for a table or a list: "21 Aug 2002", "April 2010", "about 2003",
        "on or before 3 Jul 2013", "2009 – 2013", "from May 2010" (ongoing)."""
        if not self.is_dated:
            return "undated"
        if not self.is_span:
            return self.start.short_words() if self.start is not None else "undated"
        start = self.start.short_words() if self.start is not None else "?"
        if self.end is None:
            return f"from {start}"
        return f"{start} \u2013 {self.end.short_words()}"

    def when_text(self) -> str:
        """The date as written in the file (EDTF)."""
        if not self.is_dated:
            return ""
        if not self.is_span:
            return self.start.text if self.start is not None else ""
        start = self.start.text if self.start is not None else ""
        end = self.end.text if self.end is not None else ".."
        return f"{start}/{end}" if "/" not in start + end else f"{start} to {end}"
