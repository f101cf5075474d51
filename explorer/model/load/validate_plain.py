"""The fast path's validator: from plain data (dicts, lists, text) to the keyword arguments of
`Dataset.build`, for files with nothing to report.

It reads a file by the rules of `schema`, as `validate_nodes` does, but it cannot say where a
problem is. At the first rule broken, whether `validate_nodes` would report an error or a
warning, and at anything it cannot vouch for, it raises `NotVouched`; the loader then reads
the file through the node path, which places every diagnostic.
`tests/model/load/test_load_paths.py` holds the two paths to the same results.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, cast

from explorer.model.calendar import days_from_civil, days_in_month
from explorer.model.dates import DateError, EdtfDate, Precision, parse_edtf
from explorer.model.entities import ACTOR_KINDS, EntityKind, Era, Event, Membership
from explorer.model.load.ids import IdMaker
from explorer.model.load.progress import Steps
from explorer.model.load.records import maker
from explorer.model.load.schema import (
    DATE,
    ENTITY_SECTIONS,
    EVENT_SHAPE,
    LIST_SECTIONS,
    REF,
    REFS,
    SUPPORTED_VERSION,
    TEXT,
    TEXT_KEYS,
    TEXTS,
    Shape,
    event_form,
    out_of_order,
    parent_loops,
    unknown_status,
)

#: How a reader turns a scalar that is not a Python `str` (a number, a boolean, null) back
#: into the text written; it returns None for null and raises `NotVouched` when it cannot.
TextOf = Callable[[object], "str | None"]

_TICK_EVERY = 4096  # entries between two progress reports
_TEXT, _DATE, _REF, _LIST = "text", "date", "ref", "list"
_EVENT_FIELDS = frozenset(EVENT_SHAPE.fields)
_PROTOCOLS = (EntityKind.PROTOCOL,)
_SOURCES = (EntityKind.SOURCE,)
_PLANS: dict[str, tuple[dict[str, tuple[str, str, tuple]], tuple[str, ...], tuple | None]] = {}
#: The order in which the event reader hands an event's fields to its maker.
_EVENT_ORDER = ("id", "title", "start", "end", "is_span", "summary", "actors", "protocols",
                "tags", "sources")


def _plan(shape: Shape) -> tuple[dict[str, tuple[str, str, tuple]], tuple[str, ...], tuple | None]:
    """How to read an entry: each field's (kind, attribute, reference targets), the required
    fields, and the two dates that must be in order."""
    plan = _PLANS.get(shape.noun)
    if plan is None:
        how = {TEXT: _TEXT, DATE: _DATE, REF: _REF, TEXTS: _LIST, REFS: _LIST}
        fields = {
            name: (how[field.type], field.attribute(name), field.targets if field.type != TEXTS else ())
            for name, field in shape.fields.items()
        }
        plan = _PLANS[shape.noun] = (fields, shape.required, shape.ordered)
    return plan


def _date(text: str) -> Any:
    match = _PLAIN_DATE.fullmatch(text)
    if match is not None:
        made = _plain_date(text, *match.groups())
        if made is not None:
            return made
    try:
        return parse_edtf(text)
    except DateError as error:
        raise NotVouched("a date that cannot be read") from error


# Most dates of a large file are a plain year, month or day: read those here, without the
# general EDTF parser's checks and its cache (`tests/model/test_load_paths.py` holds the two
# to the same values); anything else, or anything out of range, goes to `parse_edtf`.
_PLAIN_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _plain_date(text: str, year_text: str, month_text: str | None, day_text: str | None) -> Any:
    year = int(year_text)
    if month_text is None:
        return _make_date(text, year, None, None, Precision.YEAR, False, False,
                          days_from_civil(year, 1, 1), days_from_civil(year, 12, 31))
    month = int(month_text)
    if not 1 <= month <= 12:
        return None
    length = days_in_month(year, month)
    if day_text is None:
        first = days_from_civil(year, month, 1)
        return _make_date(text, year, month, None, Precision.MONTH, False, False, first, first + length - 1)
    day = int(day_text)
    if not 1 <= day <= length:
        return None
    number = days_from_civil(year, month, day)
    return _make_date(text, year, month, day, Precision.DAY, False, False, number, number)


_make_date = maker(EdtfDate)


class NotVouched(Exception):
    """The fast path cannot vouch for this file; the node path must read it."""


def read_plain(
    root: object, text_of: TextOf, steps: Steps | None = None, refused_starts: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The keyword arguments of `Dataset.build` for a file parsed to plain data; text that
    starts with any of `refused_starts` is not vouched for."""
    return _PlainValidator(text_of, steps or Steps(), refused_starts).read(root)


class _PlainValidator:
    """Walks the parsed file once, as `validate_nodes` does, stopping at any problem."""

    def __init__(self, text_of: TextOf, steps: Steps, refused_starts: tuple[str, ...] = ()) -> None:
        self.text_of = text_of
        self.refused = refused_starts
        self.steps = steps
        self.ids: dict[str, EntityKind | None] = {}  # None: an event
        self.refs: list[tuple[str, tuple[EntityKind, ...]]] = []
        self.parents: dict[str, str] = {}
        self.out: dict[str, Any] = {name: [] for name in (*ENTITY_SECTIONS, *LIST_SECTIONS)}
        self.total = 1
        self.done = 0
        self.fraction: Callable[[], float] | None = None  # progress of a file read section by section
        self.dates: dict[str, Any] = {}  # every date read, by its text (many repeat)
        self.event_refs: dict[tuple, list] = {ACTOR_KINDS: [], _PROTOCOLS: [], _SOURCES: []}
        self.unnamed: list[tuple[int, tuple]] = []  # events without an id: (position, fields)

    def read(self, root: object) -> dict[str, Any]:
        """Read a file parsed whole (a dict) or section by section (`json_format.Sections`)."""
        pairs: Iterable[tuple[Any, Any]]
        if isinstance(root, dict) and type(root) is dict:
            self.total = max(1, sum(len(value) for value in root.values() if type(value) in (dict, list)))
            pairs = root.items()
        elif hasattr(root, "fraction"):
            self.fraction = getattr(root, "fraction")  # noqa: B009 - any reader of sections
            pairs = cast(Iterable[tuple[Any, Any]], root)
        else:
            raise NotVouched("the file is not a mapping")
        version = None
        for name, value in pairs:
            if type(name) is not str:
                raise NotVouched("a top-level key is not text")
            if name == "timeline":
                version = self.scalar(value)
                if version is None or version.strip() != SUPPORTED_VERSION:
                    raise NotVouched("format version")
            if name in ENTITY_SECTIONS:
                self.entity_section(name, value)
            elif name in LIST_SECTIONS:
                self.list_section(name, value)
            elif name in TEXT_KEYS:
                text = self.scalar(value)
                if text is not None and text.startswith(self.refused):
                    raise NotVouched("text that starts with an indicator")
                self.out[name] = "" if text is None else text
            elif name != "timeline":
                raise NotVouched("unknown top-level key")
        if version is None:
            raise NotVouched("no format version")
        self.name_events()
        self.resolve()
        self.find_loops()
        return self.out

    def tick(self, count: int) -> None:
        self.done += count
        self.steps.at(self.fraction() if self.fraction is not None else self.done / self.total)

    # sections

    def entity_section(self, section: str, node: object) -> None:
        found = ENTITY_SECTIONS[section]
        kind, cls, shape = found.kind, found.cls, found.shape
        if node is None:
            return
        if type(node) is not dict:
            raise NotVouched("a section of entities is not a mapping")
        made = self.out[section]
        ids = self.ids
        for key, value in node.items():
            entity_id = key if type(key) is str else self.text_of(key)
            if entity_id is None or entity_id == "<<" or not entity_id.strip() or entity_id.startswith(self.refused):
                raise NotVouched("an id that is empty, null or a merge key")
            if entity_id in ids:
                raise NotVouched("a duplicate id")
            ids[entity_id] = kind
            values = self.entry(value, shape)
            if "parent" in values:
                self.parents[entity_id] = values["parent"]
            made.append(cls(id=entity_id, **values))
        self.tick(len(node))

    def list_section(self, section: str, node: object) -> None:
        shape = LIST_SECTIONS[section]
        if node is None:
            return
        if section == "events" and hasattr(node, "__next__"):  # items decoded one at a time
            self.events_section(node)
            return
        if type(node) is not list:
            raise NotVouched("a list section is not a list")
        if section == "events":
            self.events_section(node)
            return
        build = {"memberships": self.membership, "eras": self.era}[section]
        made = self.out[section]
        entry = self.entry
        countdown = _TICK_EVERY
        for item in node:
            made.append(build(entry(item, shape), item))
            countdown -= 1
            if not countdown:
                countdown = _TICK_EVERY
                self.tick(_TICK_EVERY)
        self.tick(len(node) % _TICK_EVERY)

    # entries

    def entry(self, node: object, shape: Shape) -> dict[str, Any]:
        """The checked values of one entity, membership, era or event, by attribute name."""
        if type(node) is not dict:
            raise NotVouched("an entry is not a mapping")
        plan, required, ordered = _plan(shape)
        refused = self.refused
        values: dict[str, Any] = {}
        for name, value in node.items():
            step = plan.get(name)
            if step is None:
                raise NotVouched("an unknown field")
            kind, attr, targets = step
            if type(value) is str:
                if kind is _TEXT:
                    if value.startswith(refused):
                        raise NotVouched("text that starts with an indicator")
                    values[attr] = value
                elif kind is _DATE:
                    if value and not value.isspace():
                        values[attr] = _date(value)
                elif kind is _REF:
                    values[attr] = value
                    if value:
                        self.refs.append((value, targets))
                else:
                    raise NotVouched("text where a list belongs")
            elif type(value) is list:
                if kind is not _LIST:
                    raise NotVouched("a list where text belongs")
                for item in value:
                    if type(item) is not str or not item or item.startswith(refused):
                        value = [self.scalar(item) for item in value]
                        if not all(value) or any(item.startswith(refused) for item in value):
                            raise NotVouched("an empty list item, or one that starts with an indicator")
                        break
                values[attr] = texts = tuple(value)
                if targets:
                    self.refs.extend([(text, targets) for text in texts])
            elif value is not None:
                self.other(values, kind, attr, targets, value)
        for name in required:
            text = node.get(name)
            if type(text) is not str:
                text = self.scalar(text)
            if not text or text.isspace():
                raise NotVouched("a required field is missing or empty")
        if ordered is not None and out_of_order(values.get(ordered[0]), values.get(ordered[1])):
            raise NotVouched("dates out of order")
        return values

    def other(self, values: dict[str, Any], kind: str, attr: str, targets: tuple, value: object) -> None:
        """Read a value that is neither text nor a list nor null: a number, say."""
        if kind is _LIST:
            raise NotVouched("a scalar where a list belongs")
        text = self.scalar(value)
        if text is None:
            return
        if kind is _DATE:
            if text and not text.isspace():
                values[attr] = _date(text)
            return
        if text.startswith(self.refused):
            raise NotVouched("text that starts with an indicator")
        values[attr] = text
        if kind is _REF and text:
            self.refs.append((text, targets))

    def membership(self, values: dict[str, Any], _node: dict) -> Membership:
        status = values.get("status")
        if status is not None and unknown_status(status):
            raise NotVouched("a membership status that reaches no stage")
        return Membership(**values)

    @staticmethod
    def era(values: dict[str, Any], _node: dict) -> Era:
        return Era(**values)

    def events_section(self, node: Any) -> None:
        """Read every event as `entry` and `validate_nodes` would, field by field (events are
        most of a large file, so they get a reader of their own)."""
        made = self.out["events"]
        make = maker(Event, _EVENT_ORDER)
        refused = self.refused
        ids = self.ids
        dates = self.dates
        date, text = self.date, self.text
        # references, checked once every id is known; an item that is not an id (a number,
        # a list, empty text) then fails that check
        actors, protocols, sources = self.event_refs[ACTOR_KINDS], self.event_refs[_PROTOCOLS], self.event_refs[_SOURCES]
        countdown = _TICK_EVERY
        for item in node:
            countdown -= 1
            if not countdown:
                countdown = _TICK_EVERY
                self.tick(_TICK_EVERY)
            if type(item) is not dict:
                raise NotVouched("an event is not a mapping")
            if not _EVENT_FIELDS.issuperset(item):
                raise NotVouched("an unknown field in an event")
            get = item.get
            title = get("title")
            if type(title) is not str:
                title = self.scalar(title)
            if not title or title.isspace() or title.startswith(refused):
                raise NotVouched("an event without a title")
            on = get("date")
            if on is not None:
                on = dates.get(on) or date(on)
            start = get("start")
            if start is not None:
                start = dates.get(start) or date(start)
            end = get("end")
            if end is not None:
                end = dates.get(end) or date(end)
            if (on is not None or end is not None) and (
                event_form(on is not None, start is not None, end is not None) is not None
                or out_of_order(start, end)
            ):
                raise NotVouched("an event of the wrong form, or that ends before it starts")
            summary = get("summary")
            if summary is None:
                summary = ""
            elif type(summary) is not str or summary.startswith(refused):
                summary = text(summary) or ""
            named = get("actors")
            if named is None:
                named = ()
            elif type(named) is list:
                actors.extend(named)
                named = tuple(named)
            else:
                raise NotVouched("a list field that is not a list")
            cited = get("protocols")
            if cited is None:
                cited = ()
            elif type(cited) is list:
                protocols.extend(cited)
                cited = tuple(cited)
            else:
                raise NotVouched("a list field that is not a list")
            sourced = get("sources")
            if sourced is None:
                sourced = ()
            elif type(sourced) is list:
                sources.extend(sourced)
                sourced = tuple(sourced)
            else:
                raise NotVouched("a list field that is not a list")
            tags = get("tags")
            tags = () if tags is None else self.items(tags, True)
            fields = (title, on if start is None else start, end, start is not None, summary,
                      named, cited, tags, sourced)  # in `_EVENT_ORDER`, after the id
            if "id" in item:
                event_id = text(item["id"])
                if event_id is None or not event_id or event_id.isspace() or event_id in ids:
                    raise NotVouched("an empty or duplicate event id")
                ids[event_id] = None
                made.append(make(event_id, *fields))
            else:
                self.unnamed.append((len(made), fields))
                made.append(None)
        self.tick(_TICK_EVERY - countdown)

    def name_events(self) -> None:
        """Make the events without `id`, with one from their title that avoids every id."""
        made = self.out["events"]
        make = maker(Event, _EVENT_ORDER)
        new_id = IdMaker(set(self.ids))
        for position, fields in self.unnamed:
            made[position] = make(new_id(fields[0]), *fields)

    def date(self, value: object) -> Any:
        """The date of a date field; None when absent, null or blank."""
        if type(value) is not str:
            if value is None:
                return None
            value = self.scalar(value)
        if not value or value.isspace():
            return None
        found = self.dates.get(value)
        if found is None:
            found = self.dates[value] = _date(value)
        return found

    def text(self, value: object) -> str | None:
        """The text of a text field; None when absent or null."""
        if type(value) is not str:
            return self.scalar(value)
        if value.startswith(self.refused):
            raise NotVouched("text that starts with an indicator")
        return value

    def items(self, value: object, texts: bool = False) -> tuple[str, ...]:
        """The items of a list field (empty when absent or null)."""
        if value is None:
            return ()
        if type(value) is not list:
            raise NotVouched("a list field that is not a list")
        refused = self.refused if texts else ()
        for item in value:
            if type(item) is not str or not item or item.startswith(refused):
                read = [self.scalar(item) for item in value]
                value = [text for text in read if text]
                if len(value) < len(read) or any(text.startswith(refused) for text in value):
                    raise NotVouched("an empty list item, or one that starts with an indicator")
                break
        return tuple(value)

    # values

    def scalar(self, value: object) -> str | None:
        """The text of a scalar, None for null."""
        if type(value) is str:
            return value
        if value is None:
            return None
        if type(value) in (dict, list):
            raise NotVouched("a list or mapping where text belongs")
        return self.text_of(value)

    # after the walk

    def resolve(self) -> None:
        ids = self.ids
        for target, targets in self.refs:
            if ids.get(target, False) not in targets:
                raise NotVouched("a reference to an unknown id or to the wrong kind")
        for targets, names in self.event_refs.items():
            allowed = {entity_id for entity_id, kind in ids.items() if kind in targets}
            try:
                if not allowed.issuperset(names):
                    raise NotVouched("a reference to an unknown id or to the wrong kind")
            except TypeError as error:  # a list or mapping where an id belongs
                raise NotVouched("a reference that is not an id") from error

    def find_loops(self) -> None:
        """Stop at any loop of `parent` links (`schema.parent_loops`)."""
        ids = self.ids

        def same_kind(child: str, parent: str) -> bool:
            return parent in ids and ids[parent] == ids[child]

        if parent_loops(self.parents, same_kind):
            raise NotVouched("a loop of parent links")
