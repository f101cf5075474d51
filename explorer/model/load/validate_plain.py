"""The fast path's validator: from plain data (dicts, lists, text) to the keyword arguments of
`Dataset.build`, for files with no error.

It reads a file by the rules of `schema`, as `validate_nodes` does, but it cannot say where a
problem is. At the first rule broken (what `validate_nodes` reports as an error), and at
anything it cannot vouch for, it raises `NotVouched`; the loader then reads the file through
the node path, which places every diagnostic.

A warning is a finding about valid data, not a reason to read the file again: given a list
for them, it collects the three the node path reports (an unknown top-level key, an unknown
field, a status that reaches no stage) as `Finding`s, in the node path's words (`schema`),
each with what `locate` needs to place it: the key it is at, as the n-th of all the keys of
the file written with that text. Without the list, a warning is not vouched for either.
`tests/model/load/test_load_paths.py` holds the two paths to the same results.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Any, Callable, Iterable, NamedTuple, cast

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
    unknown_field_warning,
    unknown_key_warning,
    unknown_status,
    unknown_status_warning,
)

#: How a reader turns a scalar that is not a Python `str` (a number, a boolean, null) back
#: into the text written; it returns None for null and raises `NotVouched` when it cannot.
TextOf = Callable[[object], "str | None"]

_TICK_EVERY = 1024  # entries between two progress reports (and checkpoints: `Steps.check`)
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


def _plain_texts(shape: Shape) -> frozenset[str]:
    """The fields of `shape` that hold text and name their attribute: an entry of only those,
    each a text, is its own checked values (`_PlainValidator.entry` would copy them as they are)."""
    found = _PLAIN_TEXTS.get(shape.noun)
    if found is None:
        found = _PLAIN_TEXTS[shape.noun] = frozenset(
            name for name, field in shape.fields.items() if field.type == TEXT and field.attribute(name) == name)
    return found


_PLAIN_TEXTS: dict[str, frozenset[str]] = {}


def _date(text: str) -> Any:
    match = _PLAIN_DATE.fullmatch(text)
    if match is not None:
        made = _plain_date(text, *match.groups())
        if made is not None:
            return made
    try:
        return parse_edtf(text)
    except DateError as error:
        raise Broken("a date that cannot be read") from error


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


class Broken(NotVouched):
    """The fast path found a rule of the format broken: the node path will report an error,
    and need not keep what it reads to build a data set (`validate_nodes.read_timeline`)."""


#: The most warnings the fast path reports itself; a file with more is read by the node path
#: (which keeps `problems.MAX_DIAGNOSTICS`, and leaves out hints once it has that many).
MAX_FINDINGS = 200


class Finding(NamedTuple):
    """A warning found by the fast path: its `path` and `message` as the node path writes them,
    and where it is. It is at the `ordinal`-th (from 0) of the `keys` keys of the file whose
    text is `key`, in file order; `at_value`: at that key's value (whose text is `value`)."""

    path: str
    message: str
    key: str
    at_value: bool = False
    value: str = ""
    ordinal: int = -1
    keys: int = 0


def read_plain(
    root: object, text_of: TextOf, steps: Steps | None = None, refused_starts: tuple[str, ...] = (),
    findings: list[Finding] | None = None,
) -> dict[str, Any]:
    """The keyword arguments of `Dataset.build` for a file parsed to plain data; text that
    starts with any of `refused_starts` is not vouched for. The warnings go to `findings`, in
    the order found, when it is given; otherwise a warning is not vouched for."""
    return _PlainValidator(text_of, steps or Steps(), refused_starts, findings).read(root)


# How the validator counts the keys of the file, for `Finding.ordinal` and `Finding.keys`.
# Every key of a parsed file is a top-level key, an id of an entity section, a field of an
# entry, or a key inside a value nobody reads (an unknown key's or field's): the validator
# keeps, in file order, the sections it read and, for each entry with a warning, its keys
# with those inside the values it ignored (a record: (text, the index of its finding), the
# index None for a field of the entry without a warning and -1 for a key inside a value).
_Record = list[tuple[str, "int | None"]]
_INSIDE = -1
_NO_KEY = object()
_NOT_AN_ID = object()  # the kind `_PlainValidator.resolve` finds for a name that is no id


class _Entries:
    """An entity or list section as read: its entries (None when they were not kept: a JSON
    file's sections are decoded again when counted), and the records of its entries with
    warnings, by id or position."""

    __slots__ = ("section", "shape", "entries", "ids", "odd")

    def __init__(self, section: str, shape: Shape, entries: Any, ids: dict | None) -> None:
        self.section = section
        self.shape = shape
        self.entries = entries  # a dict of entities, a list (or iterator) of entries, or None
        self.ids = ids  # an entity section's made entities by id, None for a list
        self.odd: dict[Any, _Record] = {}


class _PlainValidator:
    """Walks the parsed file once, as `validate_nodes` does, stopping at any error (and at any
    warning, without a list of findings)."""

    def __init__(
        self, text_of: TextOf, steps: Steps, refused_starts: tuple[str, ...] = (),
        findings: list[Finding] | None = None,
    ) -> None:
        self.text_of = text_of
        self.findings = findings
        self.parts: list[Any] = []  # what `census` counts keys over, in file order
        self.again: Callable[[str], Any] | None = None  # decodes a section again (`json_format.Sections`)
        self.refused = refused_starts
        self.steps = steps
        self.ids: dict[str, EntityKind | None] = {}  # None: an event
        self.refs: list[tuple[str, tuple[EntityKind, ...]]] = []
        self.parents: dict[str, str] = {}
        # an entity section's entities by id (`Dataset.build` keeps them so), a list section's list
        self.out: dict[str, Any] = {**{name: {} for name in ENTITY_SECTIONS}, **{name: [] for name in LIST_SECTIONS}}
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
            self.again = getattr(root, "again", None)
            pairs = cast(Iterable[tuple[Any, Any]], root)
        else:
            raise NotVouched("the file is not a mapping")
        version = None
        parts = self.parts
        for name, value in pairs:
            if type(name) is not str:
                raise NotVouched("a top-level key is not text")
            parts.append(("key", name, None))
            if name == "timeline":
                version = self.scalar(value)
                if version is None or version.strip() != SUPPORTED_VERSION:
                    raise Broken("format version")
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
                self.unknown_key(name, value)
        if version is None:
            raise Broken("no format version")
        self.name_events()
        self.resolve()
        self.find_loops()
        if self.findings:
            self.census()
        return self.out

    # warnings

    def warn(self, path: str, message: str, key: str, value: str | None = None) -> int:
        """Collect a warning at `key` (at its value when `value` is given); its index."""
        findings = self.findings
        if findings is None:
            raise NotVouched("a warning")
        if len(findings) >= MAX_FINDINGS:
            raise NotVouched("more warnings than the fast path reports")
        findings.append(Finding(path, message, key, value is not None, value or ""))
        return len(findings) - 1

    def unknown_key(self, name: str, value: object) -> None:
        if name == "<<":  # a merge key to the node path
            raise NotVouched("a merge key")
        index = self.warn(name, unknown_key_warning(name), name)
        self.parts[-1] = ("key", name, index)
        record: _Record = []
        self.ignored(value, record)
        self.parts.append(("keys", record))

    def odd_entry(self, node: dict, shape: Shape, path: str, part: _Entries, at: object) -> None:
        """Collect the warnings of an entry with unknown fields, and its record."""
        if self.findings is None:
            raise NotVouched("an unknown field")
        fields = shape.fields
        record: _Record = []
        texts: set[str] = set()
        for name, value in node.items():
            if type(name) is str and name in fields:
                record.append((name, None))
                texts.add(name)
                continue
            text = self.key_text(name)
            if text == "<<":
                raise NotVouched("a merge key")
            texts.add(text)
            record.append((text, self.warn(f"{path}.{text}", unknown_field_warning(text, shape), text)))
            self.ignored(value, record)
        if len(texts) < len(node):  # `1:` and `"1":`, which the node path reports
            raise NotVouched("two keys written with the same text")
        part.odd[at] = record

    def key_text(self, key: object) -> str:
        """The text of a key the validator does not look up, as written."""
        if type(key) is str:
            if key.startswith(self.refused):
                raise NotVouched("a key that starts with an indicator")
            return key
        if type(key) is int:
            text = self.text_of(key)
            if text is not None:
                return text
        raise NotVouched("a key that is not text")

    def ignored(self, value: object, record: _Record) -> None:
        """Check a value nobody reads as the node path does (`NodeReader.scan_ignored`: keys
        written twice), refuse text the parser may have read wrongly, and note its keys in
        `record` in file order."""
        refused = self.refused
        stack: list[Iterable[tuple[object, object]]] = [iter(((_NO_KEY, value),))]
        while stack:
            for key, item in stack[-1]:
                if key is not _NO_KEY:
                    record.append((self.key_text(key), _INSIDE))
                kind = type(item)
                if kind is dict:
                    mapping = cast(dict, item)
                    if not all(type(name) is str for name in mapping) and len(
                        {self.key_text(name) for name in mapping}
                    ) < len(mapping):
                        raise NotVouched("two keys written with the same text")
                    stack.append(iter(mapping.items()))
                    break
                if kind is list:
                    stack.append(zip(repeat(_NO_KEY), cast(list, item)))
                    break
                if kind is str and cast(str, item).startswith(refused):
                    raise NotVouched("text that starts with an indicator")
            else:
                stack.pop()

    def census(self) -> None:
        """Give each finding its `ordinal` and `keys`: count the keys of the file written with
        the text of a finding's key, in file order."""
        findings = cast(list, self.findings)
        counts = dict.fromkeys({finding.key for finding in findings}, 0)
        ordinals: dict[int, int] = {}

        def count(record: _Record) -> None:
            for text, index in record:
                if text in counts:
                    if index is not None and index != _INSIDE:
                        ordinals[index] = counts[text]
                    counts[text] += 1

        for part in self.parts:
            if type(part) is tuple:
                if part[0] == "key":
                    count([part[1:]])
                else:
                    count(part[1])
                continue
            odd = part.odd
            known = [name for name in counts if name in part.shape.fields]
            ids = part.ids  # an entity section's: each id comes before the entity's fields
            if not known:  # only ids and the entries with warnings may hold such keys
                if ids is None:
                    for record in odd.values():
                        count(record)
                    continue
                for entity_id in ids:
                    if entity_id in counts:
                        counts[entity_id] += 1
                    record = odd.get(entity_id)
                    if record is not None:
                        count(record)
                continue
            entries = part.entries
            if entries is None:
                if self.again is None:
                    raise NotVouched("keys that were not kept to be counted")
                entries = self.again(part.section)
            listed = list(ids) if ids is not None else None
            for at, fields in enumerate(entries.values() if ids is not None else entries):
                key: Any = at
                if listed is not None:
                    key = listed[at]
                    if key in counts:
                        counts[key] += 1
                record = odd.get(key)
                if record is not None:
                    count(record)
                else:
                    for name in known:
                        if name in fields:
                            counts[name] += 1
        findings[:] = [
            finding._replace(ordinal=ordinals[index], keys=counts[finding.key])
            for index, finding in enumerate(findings)
        ]

    def kept(self, node: Any) -> Any:
        """What a section's part keeps of its value: nothing for a file read section by section
        (`again` decodes it again if it must be counted), so its entries can go once read."""
        return node if self.again is None else None

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
        part = _Entries(section, shape, self.kept(node), made)
        self.parts.append(part)
        make = maker(cls)
        plain = _plain_texts(shape)
        required = shape.required
        refused = self.refused
        countdown = _TICK_EVERY
        for key, value in node.items():
            countdown -= 1
            if not countdown:
                countdown = _TICK_EVERY
                self.tick(_TICK_EVERY)
            entity_id = key if type(key) is str else self.text_of(key)
            if entity_id is None or not entity_id or entity_id.isspace() or entity_id == "<<" \
                    or entity_id.startswith(refused):
                raise NotVouched("an id that is empty, null or a merge key")
            known = len(ids)
            ids[entity_id] = kind
            if len(ids) == known:
                raise Broken("a duplicate id")
            values = None
            if type(value) is dict and plain.issuperset(value):  # only text fields: read as they are
                for text in value.values():
                    if type(text) is not str or text.startswith(refused):
                        break
                else:
                    for name in required:
                        text = value.get(name)
                        if not text or text.isspace():
                            raise Broken("a required field is missing or empty")
                    values = value
            if values is None:
                values = self.entry(value, shape, part, entity_id, section)
                if "parent" in values:
                    self.parents[entity_id] = values["parent"]
            made[entity_id] = make(id=entity_id, **values)
        self.tick(_TICK_EVERY - countdown)

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
        part = _Entries(section, shape, self.kept(node), None)
        self.parts.append(part)
        countdown = _TICK_EVERY
        for at, item in enumerate(node):
            made.append(build(entry(item, shape, part, at, section), item, part, at))
            countdown -= 1
            if not countdown:
                countdown = _TICK_EVERY
                self.tick(_TICK_EVERY)
        self.tick(len(node) % _TICK_EVERY)

    # entries

    def entry(self, node: object, shape: Shape, part: _Entries, at: object, section: str) -> dict[str, Any]:
        """The checked values of one entity, membership, era or event, by attribute name: the
        entry at `at` (an id or a position) of `section`, read into `part`."""
        if type(node) is not dict:
            raise NotVouched("an entry is not a mapping")
        plan, required, ordered = _plan(shape)
        refused = self.refused
        values: dict[str, Any] = {}
        unknown = False
        for name, value in node.items():
            step = plan.get(name)
            if step is None:
                unknown = True
                continue
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
        if unknown:
            self.odd_entry(node, shape, _path(section, at), part, at)
        for name in required:
            text = node.get(name)
            if type(text) is not str:
                text = self.scalar(text)
            if not text or text.isspace():
                raise Broken("a required field is missing or empty")
        if ordered is not None and out_of_order(values.get(ordered[0]), values.get(ordered[1])):
            raise Broken("dates out of order")
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

    def membership(self, values: dict[str, Any], node: dict, part: _Entries, at: int) -> Membership:
        status = values.get("status")
        if status is not None and unknown_status(status):
            index = self.warn(f"memberships[{at}].status", unknown_status_warning(status), "status", status)
            record = part.odd.get(at)
            if record is None:  # every key is a field: they are text
                record = part.odd[at] = [(name, None) for name in node]
            # the entry's own `status` (a key inside an ignored value may be written so too)
            record[:] = [(text, index if text == "status" and found is None else found) for text, found in record]
        return Membership(**values)

    @staticmethod
    def era(values: dict[str, Any], _node: dict, _part: _Entries, _at: int) -> Era:
        return Era(**values)

    def events_section(self, node: Any) -> None:
        """Read every event as `entry` and `validate_nodes` would, field by field (events are
        most of a large file, so they get a reader of their own)."""
        made = self.out["events"]
        make = maker(Event, _EVENT_ORDER)
        refused = self.refused
        ids = self.ids
        dates = self.dates
        part = _Entries("events", EVENT_SHAPE, self.kept(node), None)
        self.parts.append(part)
        date, text = self.date, self.text
        # references, checked once every id is known; an item that is not an id (a number,
        # a list, empty text) then fails that check
        actors, protocols, sources = self.event_refs[ACTOR_KINDS], self.event_refs[_PROTOCOLS], self.event_refs[_SOURCES]
        # A parser makes a new text for each reference and tag written (3.4 million in a
        # file of a million events, of 5,300 values: 190 MB); the events keep one of each
        one_of_each: dict[str, str] = {}
        share = one_of_each.setdefault
        countdown = _TICK_EVERY
        try:
            for item in node:
                countdown -= 1
                if not countdown:
                    countdown = _TICK_EVERY
                    self.tick(_TICK_EVERY)
                if type(item) is not dict:
                    raise NotVouched("an event is not a mapping")
                if not _EVENT_FIELDS.issuperset(item):
                    at = len(made)
                    self.odd_entry(item, EVENT_SHAPE, f"events[{at}]", part, at)
                get = item.get
                title = get("title")
                if type(title) is not str:
                    title = self.scalar(title)
                if not title or title.isspace():
                    raise Broken("an event without a title")
                if title.startswith(refused):
                    raise NotVouched("a title that starts with an indicator")
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
                    raise Broken("an event of the wrong form, or that ends before it starts")
                summary = get("summary")
                if summary is None:
                    summary = ""
                elif type(summary) is not str or summary.startswith(refused):
                    summary = text(summary) or ""
                named = get("actors")
                if named is None:
                    named = ()
                elif type(named) is list:
                    named = tuple(map(share, named, named))
                    actors.extend(named)
                else:
                    raise NotVouched("a list field that is not a list")
                cited = get("protocols")
                if cited is None:
                    cited = ()
                elif type(cited) is list:
                    cited = tuple(map(share, cited, cited))
                    protocols.extend(cited)
                else:
                    raise NotVouched("a list field that is not a list")
                sourced = get("sources")
                if sourced is None:
                    sourced = ()
                elif type(sourced) is list:
                    sourced = tuple(map(share, sourced, sourced))
                    sources.extend(sourced)
                else:
                    raise NotVouched("a list field that is not a list")
                tags = get("tags")
                if tags is None:
                    tags = ()
                else:
                    tags = self.items(tags, True)
                    tags = tuple(map(share, tags, tags))
                fields = (title, on if start is None else start, end, start is not None, summary,
                          named, cited, tags, sourced)  # in `_EVENT_ORDER`, after the id
                if "id" in item:
                    event_id = text(item["id"])
                    if event_id is None or not event_id or event_id.isspace() or event_id in ids:
                        raise Broken("an empty or duplicate event id")
                    ids[event_id] = None
                    made.append(make(event_id, *fields))
                else:
                    self.unnamed.append((len(made), fields))
                    made.append(None)
        except TypeError as error:  # a list or mapping where a reference or date belongs (unhashable)
            raise NotVouched("a list or mapping where text belongs") from error
        self.tick(_TICK_EVERY - countdown)

    def name_events(self) -> None:
        """Make the events without `id`, with one from their title that avoids every id."""
        if not self.unnamed:
            return
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
                raise Broken("a reference to an unknown id or to the wrong kind")
        for targets, names in self.event_refs.items():
            try:  # the kinds named, each looked up by the dict itself: a million names take little
                kinds = set(map(ids.get, names, repeat(_NOT_AN_ID)))
            except TypeError as error:  # a list or mapping where an id belongs
                raise NotVouched("a reference that is not an id") from error
            if not kinds.issubset(targets):
                raise Broken("a reference to an unknown id or to the wrong kind")

    def find_loops(self) -> None:
        """Stop at any loop of `parent` links (`schema.parent_loops`)."""
        ids = self.ids

        def same_kind(child: str, parent: str) -> bool:
            return parent in ids and ids[parent] == ids[child]

        if parent_loops(self.parents, same_kind):
            raise Broken("a loop of parent links")


def _path(section: str, at: object) -> str:
    """The path of an entry: `events[3]` in a list, `sources.un` in an entity section."""
    return f"{section}[{at}]" if type(at) is int else f"{section}.{at}"
