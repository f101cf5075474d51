"""Rich text of an event or an entity for the details views, with internal links.

Links use private schemes that the views handle themselves and never open outside:
`entity:<id>` selects an entity, `tag:<tag>` filters to a tag; `http(s)` links are real URLs.
Pure string building (no Qt), so the text can be checked without a window.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote, unquote

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue
from explorer.model.entities import (
    Country,
    Entity,
    Event,
    Membership,
    Organization,
    Person,
    Protocol,
)
from explorer.model.queries import count_text, counted
from explorer.timescale.labels import MAX_DRAWN_CHARS, clipped

#: What a pane shows of one text, and of one list (a title of ten million characters or an
#: event of a million actors would take the text view minutes to lay out).
TEXT_CHARS = 20_000
LIST_ITEMS = 200

ENTITY_SCHEME = "entity"
TAG_SCHEME = "tag"


def internal_link(url: str) -> tuple[str, str] | None:
    """(scheme, value) of an internal link such as `entity:unodc`; None for anything else."""
    scheme, colon, value = url.partition(":")
    if not colon or scheme not in (ENTITY_SCHEME, TAG_SCHEME):
        return None
    return scheme, unquote(value)


def entity_href(entity_id: str) -> str:
    return f"{ENTITY_SCHEME}:{quote(entity_id, safe='')}"


def _link(dataset: Dataset, entity_id: str) -> str:
    label = _line(dataset.label(entity_id))
    if dataset.entity(entity_id) is None:
        return label
    return f'<a href="{entity_href(entity_id)}">{label}</a>'


def _url(url: str, text: str | None = None) -> str:
    return f'<a href="{escape(url, quote=True)}">{_line(text or url)}</a>'


def _when(value: EdtfValue | None) -> str:
    """A date in words with the text as written, or "date unknown"."""
    if value is None:
        return "date unknown"
    return f"{escape(value.words())} <span class='muted'>({escape(value.text)})</span>"


def _section(title: str, body: str) -> str:
    return f"<p><b>{escape(title)}</b><br>{body}</p>" if body else ""


def _shown(text: str, limit: int = TEXT_CHARS) -> str:
    """`text` escaped, clipped to `limit` characters."""
    return escape(clipped(text, limit))


def _line(text: str) -> str:
    """`text` escaped, clipped to what a line shows (a name, a title, a label)."""
    return _shown(text, MAX_DRAWN_CHARS)


def _links(dataset: Dataset, ids) -> str:
    """Links to the first `LIST_ITEMS` entities, then how many more there are."""
    ids = tuple(ids)
    return ", ".join(_link(dataset, entity_id) for entity_id in ids[:LIST_ITEMS]) + _more(len(ids))


def _more(count: int, before: str = "") -> str:
    """" and N more" after the first `LIST_ITEMS` of `count` items, or nothing."""
    return f"{before} and {count - LIST_ITEMS:,} more" if count > LIST_ITEMS else ""


def _style(muted: str) -> str:
    return f"<style>.muted {{ color: {muted}; }} h3 {{ margin-bottom: 2px; }}</style>"


def event_html(dataset: Dataset, event: Event, muted: str = "#777777") -> str:
    """Title, date in words and as written, summary, actors, protocols, tags and sources."""
    parts = [_style(muted), f"<h3>{_line(event.title)}</h3>"]
    written = event.when_text()
    when = escape(event.when_words())
    parts.append(f"<p>{when} <span class='muted'>(written {escape(written)})</span></p>"
                 if written else f"<p>{when}</p>")
    if event.summary:
        parts.append(f"<p>{_shown(event.summary)}</p>")
    parts.append(_section("Actors", _links(dataset, event.actors)))
    parts.append(_section("Protocols", _links(dataset, event.protocols)))
    tags = ", ".join(f'<a href="{TAG_SCHEME}:{quote(t, safe="")}">{_line(t)}</a>'
                     for t in event.tags[:LIST_ITEMS])
    tags += _more(len(event.tags))
    parts.append(_section("Tags", tags))
    sources = [dataset.sources[s] for s in event.sources if s in dataset.sources]
    if sources:
        items = "".join(f"<li>{source_html(source)}</li>" for source in sources[:LIST_ITEMS])
        parts.append(f"<p><b>Sources</b></p><ol>{items}</ol>{_more(len(sources))}")
    return "".join(parts)


def overview_html(dataset: Dataset | None, muted: str = "#777777") -> str:
    """What the details show before an event is picked: the file's title and description."""
    hint = ("<p class='muted'>Select an event on the timeline to see its date, summary, "
            "actors and sources here.</p>")
    if dataset is None:
        return _style(muted) + hint
    parts = [_style(muted), f"<h3>{_line(dataset.title or 'Timeline')}</h3>"]
    if dataset.description:
        parts.append(f"<p>{_shown(dataset.description)}</p>")
    counts = ", ".join((counted(len(dataset.events), "event"),
                        counted(len(dataset.actors()), "actor"),
                        counted(len(dataset.protocols), "protocol"),
                        counted(len(dataset.memberships), "membership")))
    parts.append(f"<p class='muted'>{counts}</p>{hint}")
    return "".join(parts)


def source_html(source) -> str:
    """Title (a link when the source has a URL), publisher, date, retrieval date and note."""
    title = _url(source.url, source.title) if source.url else f"<i>{_line(source.title)}</i>"
    bits = [title]
    if source.publisher:
        bits.append(_line(source.publisher))
    if source.date is not None:
        bits.append(escape(source.date.words()))
    if source.retrieved is not None:
        bits.append(f"retrieved {escape(source.retrieved.words())}")
    text = ". ".join(bits) + "."
    if source.note:
        text += f" <span class='muted'>{_shown(source.note)}</span>"
    return text


def membership_line(dataset: Dataset, membership: Membership, side: str) -> str:
    """"Spain joined April 2010" from the target's side, or "joined Blue Heart Campaign
    April 2010" from the member's side (`side` is "member" or "of")."""
    other = membership.member if side == "member" else membership.of
    who = _link(dataset, other)
    status = _line(membership.status)
    line = f"{who} {status}" if side == "member" else f"{status} {who}"
    line += f", {_when(membership.date)}"
    if membership.until is not None:
        line += f", until {_when(membership.until)}"
    return line


def _memberships(dataset: Dataset, entity_id: str) -> str:
    held = dataset.memberships_by_member.get(entity_id, ())
    granted = dataset.memberships_by_target.get(entity_id, ())
    return (
        _section("Member of", "<br>".join(membership_line(dataset, m, "of") for m in held[:LIST_ITEMS])
                 + _more(len(held), "<br>"))
        + _section("Members", "<br>".join(membership_line(dataset, m, "member") for m in granted[:LIST_ITEMS])
                   + _more(len(granted), "<br>"))
    )


def _events_line(count: tuple[int, int] | None) -> str:
    if count is None:
        return ""
    shown, total = count
    text = count_text(shown, total) + ("" if shown == total else " shown")
    which = "its event" if total == 1 else "its events"
    return f"<p class='muted'>{text}; double-click it in the list to zoom the timeline to {which}.</p>"


def entity_html(dataset: Dataset, entity: Entity, events: tuple[int, int] | None = None,
                muted: str = "#777777") -> str:
    """Details of an organization, protocol, person or country: its facts, parent and
    children, memberships held or granted, and `events` (shown, total) when given."""
    parts = [_style(muted), f"<h3>{_line(entity.name)}</h3>"]
    facts = []
    if isinstance(entity, (Organization, Protocol)):
        if entity.short and entity.short != entity.name:
            facts.append(_line(entity.short))
        if entity.kind_label:
            facts.append(_line(entity.kind_label))
    if isinstance(entity, Country) and entity.iso:
        facts.append(f"ISO {_line(entity.iso)}")
    if isinstance(entity, Person):
        facts.append("person")
    if facts:
        parts.append(f"<p class='muted'>{' · '.join(facts)}</p>")
    if isinstance(entity, Organization):
        if entity.founded is not None:
            parts.append(f"<p>Founded {_when(entity.founded)}</p>")
        if entity.dissolved is not None:
            parts.append(f"<p>Dissolved {_when(entity.dissolved)}</p>")
    if isinstance(entity, Protocol):
        dates = [f"Adopted {_when(entity.adopted)}" if entity.adopted else "",
                 f"In force {_when(entity.in_force)}" if entity.in_force else "",
                 f"Guardian: {_link(dataset, entity.guardian)}" if entity.guardian else ""]
        if any(dates):
            parts.append(f"<p>{'<br>'.join(d for d in dates if d)}</p>")
    description = getattr(entity, "description", "")
    if description:
        parts.append(f"<p>{_shown(description)}</p>")
    parent = getattr(entity, "parent", None)
    if parent:
        parts.append(_section("Part of", _link(dataset, parent)))
    parts.append(_section("Includes", _links(dataset, dataset.children.get(entity.id, ()))))
    guarded = [p.id for p in dataset.protocols.values() if p.guardian == entity.id]
    parts.append(_section("Guardian of", _links(dataset, guarded)))
    parts.append(_memberships(dataset, entity.id))
    if isinstance(entity, Protocol) and not dataset.memberships_by_target.get(entity.id):
        parts.append("<p class='muted'>This file lists no parties.</p>")
    url = getattr(entity, "url", "")
    if url:
        parts.append(f"<p>{_url(url)}</p>")
    parts.append(_events_line(events))
    return "".join(parts)
