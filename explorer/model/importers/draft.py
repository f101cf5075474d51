"""The format v1 document an importer builds: plain text values by section, with ids unique
across every section, sources shared by their title and address, and tags kept in order."""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.model.load.ids import slug

#: Id of the source that names the original file; every imported event cites it.
ORIGINAL = "imported-file"


@dataclass
class Draft:
    """Sections of a format v1 file as plain values: entity sections map ids to fields, the
    list sections hold one dict of fields per entry, every value text (or a list of text)."""

    title: str = ""
    description: str = ""
    sources: dict[str, dict] = field(default_factory=dict)
    organizations: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)
    countries: dict[str, dict] = field(default_factory=dict)
    protocols: dict[str, dict] = field(default_factory=dict)
    memberships: list[dict] = field(default_factory=list)
    eras: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    _taken: set[str] = field(default_factory=lambda: {ORIGINAL})
    _by_citation: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def new_id(self, wanted: str) -> str:
        """An id like `wanted` (made a slug) that no section uses yet."""
        base = slug(wanted) if wanted != wanted.upper() or not wanted.isalpha() else wanted
        candidate, number = base, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        return candidate

    def claim(self, entity_id: str) -> bool:
        """Take `entity_id` as it is (an ISO code); False when it is taken."""
        if entity_id in self._taken:
            return False
        self._taken.add(entity_id)
        return True

    def original(self, name: str, label: str, digest: str) -> str:
        """The source naming the original file, once."""
        if ORIGINAL not in self.sources:
            self.sources[ORIGINAL] = {
                "title": name,
                "note": f"{label}, converted to format v1 by Timeline Explorer (SHA-256 {digest})",
            }
        return ORIGINAL

    def cite(self, title: str, url: str = "", note: str = "", publisher: str = "") -> str:
        """The id of the source with this title, address and note, added the first time."""
        key = (title, url, note)
        found = self._by_citation.get(key)
        if found is not None:
            return found
        source_id = self.new_id(title or url or "source")
        entry = {"title": title or url}
        if publisher:
            entry["publisher"] = publisher
        if url:
            entry["url"] = url
        if note:
            entry["note"] = note
        self.sources[source_id] = entry
        self._by_citation[key] = source_id
        return source_id

    def plain(self) -> dict:
        """The document as the plain values a YAML parser makes of the file written from it."""
        from explorer.model.load.schema import ENTITY_SECTIONS, LIST_SECTIONS

        root: dict = {"timeline": "1"}
        if self.title:
            root["title"] = self.title
        if self.description:
            root["description"] = self.description
        for section in ENTITY_SECTIONS:
            entries = getattr(self, section)
            if entries:
                root[section] = {key: {k: v for k, v in entry.items() if k in ENTITY_SECTIONS[section].shape.fields
                                       and v not in (None, "", [])} for key, entry in entries.items()}
        for section in LIST_SECTIONS:
            items = getattr(self, section)
            if items:
                # entries hold only the schema's fields, with values (the validator refuses
                # anything else, and the loader then reads the written text instead)
                root[section] = items
        return root

    def tags_in_use(self) -> list[str]:
        seen: dict[str, None] = {}
        for event in self.events:
            for tag in event.get("tags", ()):
                seen.setdefault(tag, None)
        return list(seen)


def add_tag(event: dict, tag: str) -> None:
    """Give `event` the tag once (tags are free text, trimmed)."""
    tag = " ".join(tag.split())
    if not tag:
        return
    tags = event.setdefault("tags", [])
    if tag not in tags:
        tags.append(tag)


def add_source(event: dict, source_id: str) -> None:
    sources = event.setdefault("sources", [])
    if source_id not in sources:
        sources.append(source_id)
