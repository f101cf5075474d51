"""The fast path's validator: from plain data (dicts, lists, text) to the keyword arguments of
`Dataset.build`, for files with nothing to report.

It reads a file exactly as `validate` does, but it cannot say where a problem is. At the first
thing `validate` would report, error or warning, and at anything it cannot vouch for, it raises
`NotVouched`; the loader then reads the file through the node path, which places every
diagnostic. `tests/model/test_load_paths.py` holds the two paths to the same results.
"""

from __future__ import annotations

from typing import Any, Callable

from explorer.model.dates import DateError, parse_edtf
from explorer.model.entities import EntityKind, Era, Membership
from explorer.model.progress import Steps
from explorer.model.validate import (
    DATE,
    ENTITY_SHAPES,
    LIST_SHAPES,
    REF,
    REFS,
    SUGGESTED_STATUSES,
    SUPPORTED_VERSION,
    TEXT,
    TEXTS,
    Shape,
    make_events,
)
from explorer.model.yaml_nodes import suggestion

#: How a reader turns a scalar that is not a Python `str` (a number, a boolean, null) back
#: into the text written; it returns None for null and raises `NotVouched` when it cannot.
TextOf = Callable[[object], "str | None"]

_ORDERED = {
    "organization": ("founded", "dissolved"),
    "protocol": ("adopted", "in_force"),
    "membership": ("date", "until"),
    "era": ("start", "end"),
    "event": ("start", "end"),
}
_TICK_EVERY = 4096  # entries between two progress reports
_TEXT, _DATE, _REF, _LIST = "text", "date", "ref", "list"
_PLANS: dict[str, tuple[dict[str, tuple[str, str, tuple]], tuple[str, ...], tuple | None]] = {}


def _plan(shape: Shape) -> tuple[dict[str, tuple[str, str, tuple]], tuple[str, ...], tuple | None]:
    """How to read an entry: each field's (kind, attribute, reference targets), the required
    fields, and the two dates that must be in order."""
    plan = _PLANS.get(shape.noun)
    if plan is None:
        how = {TEXT: _TEXT, DATE: _DATE, REF: _REF, TEXTS: _LIST, REFS: _LIST}
        fields = {
            name: (how[field.type], field.arg or name, field.targets if field.type != TEXTS else ())
            for name, field in shape.fields.items()
        }
        plan = _PLANS[shape.noun] = (fields, shape.required, _ORDERED.get(shape.noun))
    return plan


def _date(text: str) -> Any:
    try:
        return parse_edtf(text)
    except DateError as error:
        raise NotVouched("a date that cannot be read") from error


class NotVouched(Exception):
    """The fast path cannot vouch for this file; the node path must read it."""


def read_plain(
    root: object, text_of: TextOf, steps: Steps | None = None, refused_starts: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The keyword arguments of `Dataset.build` for a file parsed to plain data; text that
    starts with any of `refused_starts` is not vouched for."""
    return _PlainValidator(text_of, steps or Steps(), refused_starts).read(root)


class _PlainValidator:
    """Walks the parsed file once, as `validate._Validator` does, stopping at any problem."""

    def __init__(self, text_of: TextOf, steps: Steps, refused_starts: tuple[str, ...] = ()) -> None:
        self.text_of = text_of
        self.refused = refused_starts
        self.steps = steps
        self.ids: dict[str, EntityKind | None] = {}  # None: an event
        self.refs: list[tuple[str, tuple[EntityKind, ...]]] = []
        self.parents: dict[str, str] = {}
        self.out: dict[str, Any] = {name: [] for name in (*ENTITY_SHAPES, *LIST_SHAPES)}
        self.total = 1
        self.done = 0

    def read(self, root: object) -> dict[str, Any]:
        if type(root) is not dict:
            raise NotVouched("the file is not a mapping")
        for name in root:
            if type(name) is not str:
                raise NotVouched("a top-level key is not text")
        if "timeline" not in root:
            raise NotVouched("no format version")
        version = self.scalar(root["timeline"])
        if version is None or version.strip() != SUPPORTED_VERSION:
            raise NotVouched("format version")
        self.total = max(1, sum(len(value) for value in root.values() if type(value) in (dict, list)))
        for name, value in root.items():
            if name in ENTITY_SHAPES:
                self.entity_section(name, value)
            elif name in LIST_SHAPES:
                self.list_section(name, value)
            elif name in ("title", "description"):
                text = self.scalar(value)
                if text is not None and text.startswith(self.refused):
                    raise NotVouched("text that starts with an indicator")
                self.out[name] = "" if text is None else text
            elif name != "timeline":
                raise NotVouched("unknown top-level key")
        make_events(self.out["events"], set(self.ids))
        self.resolve()
        self.find_loops()
        return self.out

    def tick(self, count: int) -> None:
        self.done += count
        self.steps.at(self.done / self.total)

    # sections

    def entity_section(self, section: str, node: object) -> None:
        kind, cls, shape = ENTITY_SHAPES[section]
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
        shape = LIST_SHAPES[section]
        if node is None:
            return
        if type(node) is not list:
            raise NotVouched("a list section is not a list")
        build = {"memberships": self.membership, "eras": self.era, "events": self.event}[section]
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
        if ordered is not None:
            earlier, later = values.get(ordered[0]), values.get(ordered[1])
            if (
                earlier is not None and later is not None and earlier.earliest is not None
                and later.latest is not None and later.latest < earlier.earliest
            ):
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
        if status is not None and status not in SUGGESTED_STATUSES and suggestion(status, SUGGESTED_STATUSES):
            raise NotVouched("an unusual membership status")
        return Membership(**values)

    @staticmethod
    def era(values: dict[str, Any], _node: dict) -> Era:
        return Era(**values)

    def event(self, values: dict[str, Any], node: dict) -> dict[str, Any]:
        """The keyword arguments of the event; it is made once all ids are known."""
        has_start = "start" in values
        if "date" in values and (has_start or "end" in values):
            raise NotVouched("both a date and a start or end")
        if "end" in values and not has_start:
            raise NotVouched("an end without a start")
        if "id" in node:
            event_id = values.get("id")
            if event_id is None or not event_id.strip() or event_id in self.ids:
                raise NotVouched("an empty or duplicate event id")
            self.ids[event_id] = None
        if has_start:
            values["is_span"] = True
        else:
            values["start"] = values.pop("date", None)
        return values

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

    def find_loops(self) -> None:
        """Stop at any loop of `parent` links (as `validate._Validator._find_cycles` finds them)."""
        parents = self.parents
        ids = self.ids
        walk_of: dict[str, int] = {}
        for walk, start in enumerate(parents):
            current = start
            while current in parents and current not in walk_of:
                walk_of[current] = walk
                parent = parents[current]
                if parent not in ids or ids[parent] != ids[current]:
                    break
                current = parent
            else:
                if walk_of.get(current) == walk:
                    raise NotVouched("a loop of parent links")
