"""The node validator: from the node graph of a timeline file (YAML or JSON) to entities,
checking every rule of `schema` on the way and placing each problem at its line and column.

One pass over the nodes builds the entities and queues every reference; a second step over
the queue resolves references once all ids are known, whatever the order of the sections.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from explorer.model.dates import SPACES_HINT, DateError, parse_edtf
from explorer.model.entities import EntityKind, Era, Membership
from explorer.model.load.ids import make_events
from explorer.model.load.nodes import (
    DATA_TAGS,
    NULL_TAG,
    STR_TAG,
    MappingNode,
    Node,
    NodeReader,
    Overspent,
    ScalarNode,
    SequenceNode,
    describe,
    folded_break,
    value_position,
)
from explorer.model.load.problems import suggestion
from explorer.model.load.schema import (
    DATE,
    DATE_AND_SPAN,
    END_WITHOUT_START,
    ENTITY_SECTIONS,
    EVENT_SHAPE,
    LIST_SECTIONS,
    REF,
    REFS,
    SECTION_OF,
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
    with_article,
)

# how each reference role is named in "unknown ..." messages
_ROLE_NOUNS = {
    "actors": "actor", "protocols": "protocol", "sources": "source", "parent": "parent",
    "guardian": "guardian", "member": "member", "of": "organization or protocol",
}
_KIND_WORDS = {
    EntityKind.ORGANIZATION: "organization", EntityKind.PERSON: "person",
    EntityKind.COUNTRY: "country", EntityKind.PROTOCOL: "protocol", EntityKind.SOURCE: "source",
    None: "event",
}
#: What to write when an event breaks a rule of its form (`schema.event_form`): the field the
#: message points at, and the message.
_EVENT_FORMS = {
    DATE_AND_SPAN: (
        "date",
        "an event has either `date:` (a point) or `start:`/`end:` (a span), not both; keep one",
    ),
    END_WITHOUT_START: (
        "end", "`end:` needs a `start:`; add the start, or write `date:` for a point event",
    ),
}
_INVALID = object()  # a value already reported as wrong, as opposed to None (absent)
#: Unknown references that get a "did you mean": each costs a scan of all ids, and a file with
#: more broken references than this has a bigger problem than typos.
_SUGGESTION_LIMIT = 200
_TICK_MASK = 4095  # progress is reported every 4096 entries of a list


class _Ref(NamedTuple):
    """A reference waiting for every id to be known; its path is spelled out only if it is wrong."""

    target: str
    node: Node
    entry: str  # path of the entry holding it
    role: str  # the field
    at: int | None  # position in a list field
    targets: tuple[EntityKind, ...]

    @property
    def path(self) -> str:
        field = f"{self.entry}.{self.role}"
        return field if self.at is None else f"{field}[{self.at}]"


def read_timeline(
    root: Node, reader: NodeReader, tick: Callable[[float], None] | None = None, *, keep: bool = True,
) -> dict[str, Any] | None:
    """The keyword arguments of `Dataset.build` for the file rooted at `root`; every problem is
    reported to `reader.problems` (the result means nothing when errors were reported).
    `tick`, when given, is called now and then with the fraction of the entries read. `keep`
    False: only the problems are wanted (the fast path found an error), so the entities and
    events read are not kept, and the sections of the result are left empty."""
    validator = _Validator(reader, tick, keep)
    try:
        return validator.read(root)
    except Overspent:
        return None


class _Validator:
    """Walks one file's node graph once, building entities and collecting what to check after."""

    def __init__(self, reader: NodeReader, tick: Callable[[float], None] | None = None, keep: bool = True) -> None:
        self.reader = reader
        self.keep = keep
        self.tick = tick
        self.total = 1
        self.done = 0
        self.problems = reader.problems
        self.ids: dict[str, tuple[EntityKind | None, int]] = {}  # id -> (kind, line); None: event
        # an id claimed without its nodes -> (its list or section, its index), to read its line
        # when a second use is reported (`id_line`)
        self.unplaced: dict[str, tuple[Any, int]] = {}
        self.refs: list[_Ref] = []
        self.parents: dict[str, tuple[str, ScalarNode, str]] = {}  # id -> (parent, node, path)
        self.out: dict[str, Any] = {name: [] for name in (*ENTITY_SECTIONS, *LIST_SECTIONS)}

    def read(self, root: Node) -> dict[str, Any]:
        if not isinstance(root, MappingNode):
            self.problems.error(
                root, "",
                f"the file must be a mapping of sections (`timeline: 1`, `title:`, `events:` ...), "
                f"but it is {describe(root)}",
            )
            return self.out
        entries = self.reader.pairs(root, "")
        self._version(root, entries)
        self.total = max(1, sum(
            len(value.value) for _key, value in entries.values() if isinstance(value, (MappingNode, SequenceNode))
        ))
        sections: set[int] = set()  # the sections read, by node: an alias of one is placed at the alias
        for name, (key, value) in entries.items():
            if name in ENTITY_SECTIONS:
                self._entity_section(name, value, key if id(value) in sections else None)
                sections.add(id(value))
            elif name in LIST_SECTIONS:
                self._list_section(name, value)
            elif name in TEXT_KEYS:
                text = self._text(value, "", name)
                self.out[name] = text if isinstance(text, str) else ""
            elif name != "timeline":
                self.problems.warning(key, name, unknown_key_warning(name, not self.problems.full))
                self.reader.scan_ignored(value, name)
        self._name_events()
        self._resolve()
        self._find_cycles()
        return self.out

    def _version(self, root: MappingNode, entries: dict) -> None:
        if "timeline" not in entries:
            self.problems.error(root, "timeline", "the format version is missing; add `timeline: 1` as the first line")
            return
        key, value = entries["timeline"]
        version = self._text(value, "", "timeline")
        if version is _INVALID:
            return
        if version is None or not version.strip():
            self.problems.error(key, "timeline", "`timeline` has no value; write `timeline: 1`")
        elif version.strip() != SUPPORTED_VERSION:
            self.problems.error(
                value, "timeline",
                f"unsupported format version '{version}'; this program reads `timeline: "
                f"{SUPPORTED_VERSION}` files: write that, or use a newer version of Timeline Explorer",
            )

    # sections

    def _entity_section(self, section: str, node: Node, alias: ScalarNode | None = None) -> None:
        """Read an entity section; `alias` is its key when its mapping is another section's,
        repeated through an alias (its ids are then reported there, not at the anchor)."""
        found = ENTITY_SECTIONS[section]
        kind, cls, shape = found.kind, found.cls, found.shape
        if node.tag not in DATA_TAGS:
            self.reader.tag_ok(node, section)
            return
        if not isinstance(node, MappingNode):
            if not _is_null(node):
                self.problems.error(
                    node, section,
                    f"`{section}` must be a mapping from id to {shape.noun} (`some-id: {{...}}` "
                    f"lines), not {describe(node)}",
                )
            return
        self._advance(len(node.value))
        pairs = node.value
        if not self.keep and hasattr(pairs, "decoded"):
            # only the problems are wanted, and the entries can be decoded as plain values: an
            # entity that breaks no rule is checked as such, without its nodes (`_plain_entity`)
            self.reader.spend(len(pairs), node, section)
            first: dict[str, int] = {}
            for index in range(len(pairs)):
                entity_id = pairs.key(index)
                if entity_id in first:  # as `NodeReader.pairs` reports it
                    self.reader.report_duplicate(pairs.key_node(index), pairs.key_node(first[entity_id]), section)
                    continue
                first[entity_id] = index
                if not self._plain_entity(entity_id, kind, shape, pairs, index):
                    key, value = pairs[index]
                    self._entity(entity_id, key, value, kind, cls, shape, section, alias)
            return
        for entity_id, (key, value) in self.reader.pairs(node, section).items():
            self._entity(entity_id, key, value, kind, cls, shape, section, alias)

    def _entity(self, entity_id: str, key: ScalarNode, value: Node, kind: EntityKind, cls: type,
                shape: Shape, section: str, alias: ScalarNode | None) -> None:
        """Read the entity `entity_id` of `section` from its key and value nodes."""
        path = f"{section}.{entity_id}"
        if not self._claim(entity_id, kind, key, path, alias):
            return
        errors = self.problems.errors
        read = self._entry(value, path, shape, key)
        if read is None:
            return
        values, entries = read
        if "parent" in values:
            self.parents[entity_id] = (values["parent"], entries["parent"][1], f"{path}.parent")
        if self.problems.errors == errors and self.keep:
            self.out[section].append(cls(id=entity_id, **values))

    def _list_section(self, section: str, node: Node) -> None:
        shape = LIST_SECTIONS[section]
        if node.tag not in DATA_TAGS:
            self.reader.tag_ok(node, section)
            return
        if not isinstance(node, SequenceNode):
            if not _is_null(node):
                self.problems.error(
                    node, section,
                    f"`{section}` must be a list: start each {shape.noun} with `- `, "
                    f"not {describe(node)}",
                )
            return
        self.reader.spend(len(node.value), node, section)
        build = {"memberships": self._membership, "eras": self._era, "events": self._event}[section]
        made = self.out[section]
        items = node.value
        # only the problems are wanted, and the items can be decoded as plain values: an event
        # that breaks no rule is checked as such, without its nodes (see `_plain_event`)
        decoded = getattr(items, "decoded", None) if section == "events" and not self.keep else None
        for index in range(len(items)):
            if not index & _TICK_MASK:
                self._advance(min(_TICK_MASK + 1, len(items) - index))
            if decoded is not None and self._plain_event(decoded(index), items, index):
                continue
            item = items[index]
            path = f"{section}[{index}]"
            read = self._entry(item, path, shape, item)
            if read is not None:
                built = build(*read, path)
                if built is not None and self.keep and not self.problems.errors:
                    made.append(built)
                elif made and self.problems.errors:
                    made.clear()  # nothing is built from a file with errors: let its entries go

    def _advance(self, count: int) -> None:
        """Report progress, counting `count` more entries as read."""
        self.done += count
        if self.tick is not None:
            self.tick(self.done / self.total)

    def _claim(self, entity_id: str, kind: EntityKind | None, key: ScalarNode, path: str,
               alias: ScalarNode | None = None) -> bool:
        """Register an id; False (after reporting) when it is empty or already taken. `alias`:
        the key of a section repeated through an alias, where a repeated id is reported."""
        if not entity_id.strip():
            self.problems.error(key, path, "an id cannot be empty; write a short id such as `unodc`")
            return False
        first = self.ids.get(entity_id)
        if first is not None:
            first_kind, line = first
            if entity_id in self.unplaced:
                source, index = self.unplaced[entity_id]
                line = source.id_line(index)
            how = ("; the alias here repeats the section that holds it, so every id in it is used twice: "
                   "write this section's own entries instead" if alias is not None
                   else "; ids must be unique across all sections: rename one")
            self.problems.error(
                alias if alias is not None else key, path,
                f"the id '{entity_id}' is already used by the {_KIND_WORDS[first_kind]} on line {line}{how}",
            )
            return False
        self.ids[entity_id] = (kind, key.line)
        return True

    def _plain_event(self, value: object, items: Any, index: int) -> bool:
        """Whether the event `value`, decoded as plain values (the item at `index` of `items`;
        None when it does not decode so), breaks no rule `_entry` and `_event` check and needs
        no reference waiting: its id is then claimed, and its nodes are never composed. False:
        it is read through its nodes, which place its problems."""
        if type(value) is not dict:
            return False
        event_id = value.get("id")
        if event_id is not None and (type(event_id) is not str or not event_id.strip() or event_id in self.ids):
            return False
        if event_form(_filled(value, "date"), _filled(value, "start"), _filled(value, "end")) is not None:
            return False
        if not self._plain_fields(value, EVENT_SHAPE):
            return False
        if event_id is not None:
            self.ids[event_id] = (None, 0)
            self.unplaced[event_id] = (items, index)
        return True

    def _plain_entity(self, entity_id: str, kind: EntityKind, shape: Shape, pairs: Any, index: int) -> bool:
        """Whether the entity `entity_id`, its fields decoded as plain values (the entry at
        `index` of `pairs`), breaks no rule `_claim` and `_entry` check and names no parent
        or guardian (whose nodes the loop check and `_resolve` place): its id is then claimed,
        and its nodes are never composed. False: it is read through its nodes."""
        value = pairs.decoded(index)
        if type(value) is not dict or not entity_id.strip() or entity_id in self.ids:
            return False
        if not self._plain_fields(value, shape):
            return False
        self.ids[entity_id] = (kind, 0)
        self.unplaced[entity_id] = (pairs, index)
        return True

    def _plain_fields(self, value: dict, shape: Shape) -> bool:
        """Whether the fields of an entry decoded as plain values break no rule `_entry`
        checks (each known, of its type, the required ones filled, the dates readable and in
        order) and name only known ids, in lists; if so, what reading its nodes would spend
        of the reader's budget is spent."""
        fields = shape.fields
        count = len(value)
        dates: dict[str, Any] = {}
        for name, text in value.items():
            field = fields.get(name)
            if field is None:
                return False  # a warning, placed by the nodes
            kind = field.type
            if type(text) is str:
                if kind == DATE:
                    if text.strip():
                        try:
                            dates[name] = parse_edtf(text)
                        except DateError:
                            return False
                elif kind != TEXT:
                    return False  # a parent or a guardian (placed by their nodes), or a list's text
            elif type(text) is list and (kind == TEXTS or kind == REFS):
                count += len(text)
                for item in text:
                    if type(item) is not str or not item:
                        return False
                    if kind == REFS and not self._known(item, field.targets):
                        return False
            else:
                return False  # null, true, a number's text in a list... : the nodes decide
        for name in shape.required:
            if not _filled(value, name):
                return False
        ordered = shape.ordered
        if ordered is not None and out_of_order(dates.get(ordered[0]), dates.get(ordered[1])):
            return False
        reader = self.reader
        if reader.budget < count:
            return False
        reader.budget -= count  # what `pairs` and `_list` spend on its nodes
        return True

    # entries

    def _entry(self, node: Node, path: str, shape: Shape, anchor: Node) -> tuple[dict, dict] | None:
        """The checked values of one entity, membership, era or event (by attribute name) and
        its entries (by field name), or None when it is not a mapping."""
        if node.tag not in DATA_TAGS:
            self.reader.tag_ok(node, path)
            return None
        if not isinstance(node, MappingNode):
            if _is_null(node):
                message = f"this {shape.noun} is empty; give it at least `{shape.required[0]}:`"
            else:
                message = (
                    f"{with_article(shape.noun)} must be a mapping of fields (`{shape.required[0]}: ...`), "
                    f"not {describe(node)}"
                )
            self.problems.error(anchor if _is_null(node) else node, path, message)
            return None
        entries = self.reader.pairs(node, path)
        fields = shape.fields
        values: dict[str, Any] = {}
        for name, (key, value) in entries.items():
            field = fields.get(name)
            if field is None:
                self.problems.warning(key, f"{path}.{name}", unknown_field_warning(name, shape, not self.problems.full))
                self.reader.scan_ignored(value, f"{path}.{name}")
                continue
            kind = field.type
            plain = value.tag == STR_TAG and value.__class__ is ScalarNode
            if kind == TEXT:
                parsed = value.value if plain else self._text(value, path, name)
            elif kind == DATE:
                parsed = self._date(value, path, name, plain)
            elif kind == REF:
                parsed = self._text(value, path, name)
                if isinstance(parsed, str) and parsed and not self._known(parsed, field.targets):
                    self.refs.append(_Ref(parsed, value, path, name, None, field.targets))
            else:
                parsed = self._list(value, path, name, field.targets if kind == REFS else None)
            if parsed is not None and parsed is not _INVALID:
                values[field.attribute(name)] = parsed
        for name in shape.required:
            pair = entries.get(name)
            if pair is None:
                self.problems.error(anchor, path, f"this {shape.noun} has no `{name}`; add `{name}: ...`")
            elif _is_blank(pair[1]):
                self.problems.error(
                    pair[0], f"{path}.{name}", f"`{name}` is empty; write the {shape.noun}'s {name}"
                )
        if shape.ordered is not None:
            self._check_order(values, entries, path, *shape.ordered)
        return values, entries

    def _membership(self, values: dict, entries: dict, path: str) -> Membership | None:
        status = values.get("status")
        if status is not None and unknown_status(status) and not self.problems.full:
            self.problems.warning(entries["status"][1], f"{path}.status", unknown_status_warning(status))
        return Membership(**values) if "member" in values and "of" in values else None

    def _era(self, values: dict, entries: dict, path: str) -> Era | None:
        return Era(**values) if "title" in values and "start" in values else None

    def _event(self, values: dict, entries: dict, path: str) -> dict | None:
        """The keyword arguments of the event; it is made once all ids are known (`_name_events`)."""
        has_start = _given(entries, "start")
        broken = event_form(_given(entries, "date"), has_start, _given(entries, "end"))
        if broken is not None:
            field, message = _EVENT_FORMS[broken]
            self.problems.error(entries[field][0], f"{path}.{field}", message)
        if "id" in entries:
            written = entries["id"][1]
            event_id = values.get("id")
            if event_id is None or not event_id.strip():
                self.problems.error(
                    written, f"{path}.id",
                    "`id` is empty; write an id, or remove the line to have one made from the title",
                )
            else:
                self._claim(event_id, None, written, f"{path}.id")
        if "title" not in values:
            return None
        if has_start:
            values["is_span"] = True
        else:
            values["start"] = values.pop("date", None)
        return values

    # values

    def _text(self, node: Node, path: str, name: str) -> Any:
        """The raw text of a scalar; None for a null; `_INVALID` after reporting anything else."""
        tag = node.tag
        if tag not in DATA_TAGS:
            self.reader.tag_ok(node, _join(path, name))
            return _INVALID
        if isinstance(node, ScalarNode):
            return None if tag == NULL_TAG else node.value
        self.problems.error(
            node, _join(path, name),
            f"`{name}` must be text, not {describe(node)}; write it on one line, in quotes if it "
            "starts with [ or {",
        )
        return _INVALID

    def _date(self, node: Node, path: str, name: str, plain: bool = False) -> Any:
        text = node.value if plain else self._text(node, path, name)
        if not isinstance(text, str):
            return text
        if not text.strip():
            return None
        try:
            return parse_edtf(text)
        except DateError as error:
            message = error.message
            if message.endswith(SPACES_HINT) and folded_break(node, error.offset):
                message = (f"{message[:-len(SPACES_HINT)]}it is written over two lines, which "
                           f"{self.reader.language} reads as a space; write the date on one line")
            self.problems.error(value_position(node, error.offset), f"{path}.{name}", message)
            return _INVALID

    def _list(self, node: Node, path: str, name: str, targets: tuple | None) -> Any:
        """The texts of a list of scalars; queues them as references when `targets` is given."""
        if node.tag not in DATA_TAGS:
            self.reader.tag_ok(node, f"{path}.{name}")
            return _INVALID
        if not isinstance(node, SequenceNode):
            if _is_null(node):
                return None
            if isinstance(node, ScalarNode):
                how = f"write `{name}: [{node.value}]`"
            else:
                how = f"write `{name}: [a, b]`, or one `- item` per line"
            self.problems.error(
                node, f"{path}.{name}", f"`{name}` must be a list, not {describe(node)}; {how}"
            )
            return _INVALID
        items = node.value
        self.reader.spend(len(items), node, path)
        texts = []
        refs = self.refs
        for index, item in enumerate(items):
            if isinstance(item, ScalarNode) and item.tag in DATA_TAGS and item.tag != NULL_TAG and item.value:
                texts.append(item.value)
                if targets is not None and not self._known(item.value, targets):
                    refs.append(_Ref(item.value, item, path, name, index, targets))
            elif isinstance(item, ScalarNode) and item.tag not in DATA_TAGS:
                self.reader.tag_ok(item, f"{path}.{name}[{index}]")
            else:
                what = describe(item) if not isinstance(item, ScalarNode) else "an empty item"
                self.problems.error(
                    item, f"{path}.{name}[{index}]",
                    f"each item of `{name}` must be {'an id' if targets else 'text'}, not {what}; "
                    f"write `{name}: [a, b]`",
                )
        return tuple(texts)

    def _known(self, target: str, targets: tuple) -> bool:
        """Whether `target` is already the id of an entity of one of the kinds `targets`: a
        reference that `_resolve` would pass, so it need not wait (with its node) for every id
        to be known. An id once claimed keeps its kind."""
        found = self.ids.get(target)
        return found is not None and found[0] in targets

    def _check_order(self, values: dict, entries: dict, path: str, first: str, second: str) -> None:
        """Report a `second` date that is certainly before the `first` (an end before its start)."""
        earlier, later = values.get(first), values.get(second)
        if earlier is not None and later is not None and out_of_order(earlier, later):
            self.problems.error(
                entries[second][1], f"{path}.{second}",
                f"`{second}: {later.text}` is before `{first}: {earlier.text}`; check the two dates",
            )

    # after the walk

    def _name_events(self) -> None:
        make_events(self.out["events"], set(self.ids))

    def _resolve(self) -> None:
        """Report every reference to an id that does not exist or is of the wrong kind."""
        ids = self.ids
        by_kinds: dict[tuple, list[str]] = {}
        hints_left = _SUGGESTION_LIMIT
        for ref in self.refs:
            found = ids.get(ref.target)
            if found is not None and found[0] in ref.targets:
                continue
            wanted = _kinds_in_words(ref.targets)
            if found is not None:
                self.problems.error(
                    ref.node, ref.path,
                    f"'{ref.target}' is {with_article(_KIND_WORDS[found[0]])}, but `{ref.role}` must name "
                    f"{wanted}; check the id",
                )
                continue
            hint = ""
            if hints_left > 0 and not self.problems.full:
                hints_left -= 1
                candidates = by_kinds.get(ref.targets)
                if candidates is None:
                    candidates = [i for i, (kind, _line) in ids.items() if kind in ref.targets]
                    by_kinds[ref.targets] = candidates
                hint = suggestion(ref.target, candidates)
            if not hint:
                sections = " or ".join(f"`{SECTION_OF[kind]}`" for kind in ref.targets)
                hint = f"; add it to {sections}, or fix the id"
            self.problems.error(ref.node, ref.path, f"unknown {_ROLE_NOUNS[ref.role]} '{ref.target}'{hint}")

    def _find_cycles(self) -> None:
        """Report each loop of `parent` links once, at its first entity in the file."""
        parents = self.parents
        ids = self.ids

        def same_kind(child: str, parent: str) -> bool:
            return parent in ids and ids[parent][0] == ids[child][0]

        links = {entity_id: parent for entity_id, (parent, _node, _path) in parents.items()}
        for loop in parent_loops(links, same_kind):
            _parent, node, path = parents[loop[0]]
            self.problems.error(
                node, path,
                f"the `parent` links loop: {' -> '.join(loop)}; give one of them another parent or none",
            )


def _kinds_in_words(kinds: tuple[EntityKind, ...]) -> str:
    words = [_KIND_WORDS[kind] for kind in kinds]
    if len(words) == 1:
        return with_article(words[0])
    return with_article(", ".join(words[:-1]) + " or " + words[-1])


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _given(entries: dict, name: str) -> bool:
    """Whether an entry has the field with something in it."""
    pair = entries.get(name)
    return pair is not None and not _is_blank(pair[1])


def _filled(value: dict, name: str) -> bool:
    """Whether a decoded entry has the field with text in it (`_given` for plain values)."""
    text = value.get(name)
    return type(text) is str and not text.isspace() and text != ""


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


def _is_blank(node: Node) -> bool:
    """A scalar with nothing in it: a YAML null, or empty or whitespace-only text."""
    return isinstance(node, ScalarNode) and (node.tag == NULL_TAG or not node.value.strip())
