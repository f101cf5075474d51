"""The node graph the node path validates: nodes that keep only their tag, value and start
position, the tags of plain data, and `NodeReader`, which walks mappings and lists for the
validator with the checks every reader needs.

YAML (`yaml_compose`) and JSON (`json_format`) files both become these nodes. Nodes are slotted
and keep only their start position: PyYAML's own nodes, each with two marks, cost about 35
bytes of memory per byte of YAML; these about a third of that.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, TypeAlias

from yaml.error import Mark

if TYPE_CHECKING:
    from explorer.model.load.problems import Problems

YAML_TAG = "tag:yaml.org,2002:"
NULL_TAG = YAML_TAG + "null"
MERGE_TAG = YAML_TAG + "merge"
STR_TAG = YAML_TAG + "str"
SEQ_TAG = YAML_TAG + "seq"
MAP_TAG = YAML_TAG + "map"
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))
#: Tags of plain data; anything else (`!!python/object`, `!custom`) is refused.
DATA_TAGS = frozenset(
    YAML_TAG + name
    for name in (
        "str", "int", "float", "bool", "null", "timestamp", "binary", "merge", "value",
        "seq", "map", "omap", "pairs", "set",
    )
)

#: How deep `<<` merges may nest (a mapping merging one that merges another...).
MAX_MERGE_DEPTH = 64
#: How deep lists and mappings may nest; libyaml stops at the same depth itself.
MAX_DEPTH = 1000


class Node:
    """A node of the composed graph: its resolved tag, its value and where it starts (1-based)."""

    __slots__ = ("tag", "value", "line", "column")

    def __init__(self, tag: str, value, line: int, column: int) -> None:
        self.tag = tag
        self.value = value
        self.line = line
        self.column = column


class ScalarNode(Node):
    """Text as written (`value`); `style` is the quote or block indicator, "" when plain."""

    __slots__ = ("style",)

    def __init__(self, tag: str, value: str, line: int, column: int, style: str | None) -> None:
        self.tag = tag
        self.value = value
        self.line = line
        self.column = column
        self.style = style


class PlacedScalarNode(ScalarNode):
    """A scalar whose text does not start where the node does, or is not the text written: a
    JSON string with escapes, or a `WrittenScalarNode`. `text_line`, `text_column` are where
    its text starts; `raw` a JSON string's text as written (escapes)."""

    __slots__ = ("text_line", "text_column", "raw")

    def __init__(self, tag: str, value: str, line: int, column: int, style: str | None,
                 text_line: int, text_column: int, raw: str | None = None) -> None:
        super().__init__(tag, value, line, column, style)
        self.text_line = text_line
        self.text_column = text_column
        self.raw = raw


class WrittenScalarNode(PlacedScalarNode):
    """A YAML scalar whose value is not its text as written from where the node starts: a
    block scalar (`|`, `>`: its text starts on the next line, indented, and `>` folds its
    lines), a quoted one with escapes or over several lines, a plain one over several lines,
    one after a tag or an anchor. `source` is the file's text and `start` where the scalar's
    text starts in it (after the opening quote; a block scalar's, on the line after its
    header), at `text_line`, `text_column`."""

    __slots__ = ("source", "start")

    def __init__(self, tag: str, value: str, line: int, column: int, style: str | None,
                 text_line: int, text_column: int, source: str, start: int) -> None:
        super().__init__(tag, value, line, column, style, text_line, text_column)
        self.source = source
        self.start = start


def value_position(node: Node, offset: int) -> tuple[int, int]:
    """1-based (line, column) of character `offset` of a scalar's value, as the file shows it."""
    if isinstance(node, WrittenScalarNode):
        at = written_index(node.source, node.start, node.value, offset, node.style)
        return advance(node.source, node.start, at, node.text_line, node.text_column)
    if isinstance(node, PlacedScalarNode):
        raw = node.raw or ""  # a JSON string with escapes: count what was written
        return node.text_line, node.text_column + json_raw_offset(raw, offset)
    quoted = isinstance(node, ScalarNode) and node.style in ("'", '"')
    return node.line, node.column + offset + (1 if quoted else 0)


#: Where lines end as editors count them (`files.LINE_END`, which this module cannot import).
_LINE_END = re.compile("\r\n|\r|\n")
#: What YAML reads as a line break.
_YAML_BREAKS = "\r\n\x85\u2028\u2029"
#: How many characters an escape of a double-quoted YAML scalar takes, by its letter (2 when
#: not listed: `\\n`, `\\"`...).
_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}


def folded_break(node: Node, offset: int) -> bool:
    """Whether character `offset` of a scalar's value is a space that YAML made of a line
    break: the scalar goes on on the next line."""
    if not isinstance(node, WrittenScalarNode) or node.value[offset:offset + 1] != " ":
        return False
    at = written_index(node.source, node.start, node.value, offset, node.style)
    return _FOLDED_BREAK.match(node.source, at) is not None


#: Where a line break that YAML folds into a space is written: spaces, then the break.
_FOLDED_BREAK = re.compile("[ \t]*[\r\n\x85\u2028\u2029]")


def advance(source: str, start: int, index: int, line: int, column: int) -> tuple[int, int]:
    """The (line, column) of `source[index]`, `source[start]` being at (`line`, `column`)."""
    last = -1
    for match in _LINE_END.finditer(source, start, index):
        line, last = line + 1, match.end()
    return (line, column + index - start) if last < 0 else (line, index - last + 1)


def written_index(source: str, start: int, value: str, offset: int, style: str | None) -> int:
    """Where character `offset` of a YAML scalar's value is written in `source`, its text
    starting at `start`. Each character of the value is matched to the next one written that
    stands for it, stepping over what YAML reads as nothing or as one character: escapes (in
    double quotes), doubled quotes (in single quotes), indentation, and line breaks with the
    spaces around them, which YAML folds into one space or newline (placed at the break)."""
    at, end = start, len(source)
    double, single = style == '"', style == "'"
    target = min(max(offset, 0), len(value))
    for index in range(target + 1):
        if index == len(value):
            return at
        char = value[index]
        matched = at
        while at < end:
            written = source[at]
            if written == "\\" and double:
                kind = source[at + 1:at + 2]
                if kind and kind in _YAML_BREAKS:  # an escaped line break: nothing in the value
                    at += 3 if source.startswith("\r\n", at + 1) else 2
                    continue
                matched, at = at, at + _ESCAPE_LENGTHS.get(kind, 2)
                break
            if written == "'" and single and source.startswith("''", at):
                matched, at = at, at + 2
                break
            if written == char:
                matched, at = at, at + 1
                break
            if written in _YAML_BREAKS and char in " \n":  # a line break read as a space or newline
                matched, at = at, at + (2 if source.startswith("\r\n", at) else 1)
                break
            if written in " \t" or written in _YAML_BREAKS:
                at += 1
                continue
            matched = at  # not written as such: placed where the reading stands
            break
        else:
            matched = at
        if index == target:
            return matched
    return at


def json_raw_offset(raw: str, offset: int) -> int:
    """Where character `offset` of a JSON string's value is in its text as written (`raw`,
    without the quotes): escapes take two characters (`\\n`), six (`\\u00e9`) or twelve (a
    surrogate pair) for one."""
    at = 0
    for _ in range(offset):
        if at >= len(raw):
            break
        if raw[at] != "\\":
            at += 1
        elif raw[at + 1:at + 2] != "u":
            at += 2
        elif 0xD800 <= int(raw[at + 2:at + 6] or "0", 16) <= 0xDBFF and raw[at + 6:at + 8] == "\\u":
            at += 12
        else:
            at += 6
    return at


class SequenceNode(Node):
    """A list; `value` is the list of item nodes."""

    __slots__ = ()


class MappingNode(Node):
    """A mapping; `value` is the list of (key node, value node) pairs in file order."""

    __slots__ = ()


def resolve_scalar(value: str, plain: bool) -> str:
    """The tag of an untagged scalar: null, merge key (`<<`) or text only, never int, bool or
    date: the validator reads every value as the text written (an id `NO` stays "NO"), so
    resolving them as PyYAML's `Resolver` does would only cost time."""
    if plain:
        if value in _NULL_WORDS:
            return NULL_TAG
        if value == "<<":
            return MERGE_TAG
    return STR_TAG


Where: TypeAlias = "Node | Mark | tuple[int, int]"


def position(where: Where) -> tuple[int, int]:
    """1-based (line, column) of a node, a YAML mark or an already 1-based pair."""
    if isinstance(where, tuple):
        return where
    if isinstance(where, Node):
        return where.line, where.column
    return where.line + 1, where.column + 1


class Paths:
    """Paths, as the validator spells them (`events[1].actors[0]`), of the values that places
    in the file lie in, for problems found before the graph is read (a lone surrogate)."""

    def __init__(self, root: Node) -> None:
        self.root = root
        self._starts: dict[int, list[tuple[int, int]]] = {}  # by container: where its items start

    def at(self, where: tuple[int, int]) -> str:
        """The path of the innermost value that the 1-based (line, column) `where` lies in; ""
        at the top. Containers are searched by where their items start, so only an item's
        text, never a later sibling's, can hold it; within a key, the path is the mapping's."""
        path, node = "", self.root
        while isinstance(node, (MappingNode, SequenceNode)):
            index = bisect_right(self._item_starts(node), where) - 1
            if index < 0:
                return path
            if isinstance(node, SequenceNode):
                path, node = f"{path}[{index}]", node.value[index]
                continue
            key, value = node.value[index]
            if (value.line, value.column) > where:
                return path
            name = key.value if isinstance(key, ScalarNode) else "?"
            path, node = (f"{path}.{name}" if path else str(name)), value
        return path

    def _item_starts(self, node: Node) -> list[tuple[int, int]]:
        starts = self._starts.get(id(node))
        if starts is None:
            items = node.value if isinstance(node, SequenceNode) else [key for key, _value in node.value]
            starts = self._starts[id(node)] = [(item.line, item.column) for item in items]
        return starts



def describe(node: Node) -> str:
    """What kind of YAML value a node is, in words, for type errors."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"the value {node.value!r}"


def short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


class Overspent(Exception):
    """Raised (after reporting) when walking the file would visit more nodes than its budget."""


class NodeReader:
    """Reads mappings and lists of a composed graph for the validator, with checks every
    reader needs: duplicate and merge keys, data-only tags, and a budget of nodes visited,
    because aliases can make a small file a huge graph."""

    def __init__(self, problems: Problems, budget: int, language: str = "YAML") -> None:
        self.problems = problems
        self.budget = budget
        self.language = language  # named in messages about what a reader of the file keeps
        self._scanned: set[int] = set()

    def spend(self, count: int, node: Node, path: str) -> None:
        """Account for visiting `count` nodes; stop the walk once the budget is gone."""
        self.budget -= count
        if self.budget < 0:
            self.problems.error(
                node, path,
                "aliases (*name) make this file expand to far more data than it holds; write "
                "the repeated parts out, or use fewer nested aliases",
            )
            raise Overspent

    def tag_ok(self, node: Node, path: str) -> bool:
        """True for a plain-data node; reports any other tag."""
        tag = node.tag
        if tag in DATA_TAGS:
            return True
        if tag.startswith(YAML_TAG + "python/"):
            message = (
                f"the Python tag {short_tag(tag)} is not allowed: a timeline file holds plain "
                "data only; remove the tag"
            )
        else:
            message = f"unknown tag {short_tag(tag)}; remove it (a timeline file uses no tags)"
        self.problems.error(node, path, message)
        return False

    def pairs(
        self, node: MappingNode, path: str, _active: frozenset[int] = frozenset(), _depth: int = 0
    ) -> dict[str, tuple[ScalarNode, Node]]:
        """The entries of a mapping by key text, with `<<` merges applied, reporting duplicate
        keys, keys that are not text and bad tags."""
        entries: dict[str, tuple[ScalarNode, Node]] = {}
        merges: list[Node] = []
        self.spend(len(node.value), node, path)
        if node.tag not in DATA_TAGS:
            self.tag_ok(node, path)
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self.problems.error(
                    key, path,
                    f"a key must be plain text, not {describe(key)}; write `name: value` lines",
                )
                continue
            if key.tag not in DATA_TAGS:
                self.tag_ok(key, path)
                continue
            if key.tag == MERGE_TAG:
                merges.append(value)
                continue
            text = key.value
            first = entries.get(text)
            if first is not None:
                self.report_duplicate(key, first[0], path)
                continue
            entries[text] = (key, value)
        if merges:
            self._merge(entries, merges, path, _active | {id(node)}, _depth + 1)
        return entries

    def report_duplicate(self, key: ScalarNode, first: ScalarNode, path: str) -> None:
        """Report `key`, given before by `first`, in the mapping at `path`."""
        where = f"{path}.{key.value}" if path else key.value
        self.problems.error(
            key, where,
            f"the key '{key.value}' appears twice in this mapping (first on line "
            f"{first.line}); {self.language} keeps only the last one and the first would be "
            "lost: merge the two or rename one",
        )

    def _merge(
        self, entries: dict, sources: list[Node], path: str, active: frozenset[int], depth: int
    ) -> None:
        for source in sources:
            items = source.value if isinstance(source, SequenceNode) else [source]
            for item in items:
                if not isinstance(item, MappingNode):
                    self.problems.error(
                        item, path,
                        "`<<` merges mappings: write `<<: *name` or `<<: [*one, *two]` where each "
                        "alias names a mapping",
                    )
                elif id(item) in active:
                    self.problems.error(item, path, "this mapping merges itself through `<<`; remove the loop")
                elif depth > MAX_MERGE_DEPTH:
                    self.problems.error(item, path, f"`<<` merges nest more than {MAX_MERGE_DEPTH} deep; flatten them")
                else:
                    # explicit keys win over merged ones, and earlier merges over later ones (YAML 1.1)
                    for text, pair in self.pairs(item, path, active, depth).items():
                        entries.setdefault(text, pair)

    def scan_ignored(self, node: Node, path: str) -> None:
        """Check a value the validator does not use (an unknown field) for bad tags and duplicate
        keys; each node is scanned once per file however often aliases repeat it."""
        stack = [node]
        scanned = self._scanned
        while stack:
            current = stack.pop()
            if id(current) in scanned:
                continue
            scanned.add(id(current))
            if current.tag not in DATA_TAGS:
                self.tag_ok(current, path)
            if isinstance(current, SequenceNode):
                stack.extend(current.value)
            elif isinstance(current, MappingNode):
                seen: dict[str, ScalarNode] = {}
                for key, value in current.value:
                    if isinstance(key, ScalarNode) and key.tag != MERGE_TAG:
                        if key.value in seen:
                            self.report_duplicate(key, seen[key.value], path)
                        seen.setdefault(key.value, key)
                    stack.append(key)
                    stack.append(value)
