"""The YAML layer of the loader: text to a light node graph, walked with every position kept.

Nothing here constructs Python objects from YAML, so no tag can run code, and an anchor stays
one shared node: an alias costs nothing until something walks it, and `NodeReader` bounds how
much walking a file may ask for. Nodes are slotted and keep only their start position: PyYAML's
own nodes, each with two marks, cost about 35 bytes of memory per byte of YAML; these about a
third of that.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Callable, Iterable

import yaml
from yaml.composer import ComposerError
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner, ScannerError

from explorer.model.diagnostics import Diagnostic, Severity

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

#: At most this many diagnostics are kept per file; the rest are counted.
MAX_DIAGNOSTICS = 1000
#: How deep `<<` merges may nest (a mapping merging one that merges another...).
MAX_MERGE_DEPTH = 64
#: How deep lists and mappings may nest; libyaml stops at the same depth itself.
MAX_DEPTH = 1000

#: Characters YAML does not allow anywhere in a file (the YAML 1.1 printable set, inverted).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


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


class PythonLoader(Reader, Scanner, Parser):
    """The pure-Python parser, for PyYAML builds without libyaml.

    Its scanner slows down quadratically with the depth of `[`/`{` nesting, so it stops at
    `MAX_FLOW_DEPTH`, as libyaml does (at depth 1000) with the same error."""

    MAX_FLOW_DEPTH = 100

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)

    def fetch_flow_collection_start(self, token_class: type) -> None:
        if self.flow_level >= self.MAX_FLOW_DEPTH:
            mark = self.get_mark()
            raise ScannerError("while increasing flow level", mark, "exceeded maximum nesting depth", mark)
        super().fetch_flow_collection_start(token_class)


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    DEFAULT_LOADER: type = PythonLoader
else:

    class LibyamlLoader(CParser):
        """libyaml's parser (several times faster); it stops at depth 1000 itself."""

    DEFAULT_LOADER = LibyamlLoader


Where = Node | Mark | tuple[int, int]


def position(where: Where) -> tuple[int, int]:
    """1-based (line, column) of a node, a YAML mark or an already 1-based pair."""
    if isinstance(where, tuple):
        return where
    if isinstance(where, Node):
        return where.line, where.column
    return where.line + 1, where.column + 1


def text_position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character `index` of `text`, counting line breaks as YAML does."""
    line = 1
    line_start = 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line += 1
        line_start = match.end()
    return line, index - line_start + 1


def suggestion(word: str, candidates: Iterable[str], quote: str = "'") -> str:
    """`; did you mean 'x'?` when a candidate is close to `word`, else an empty string."""
    close = get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return f"; did you mean {quote}{close[0]}{quote}?" if close else ""


def describe(node: Node) -> str:
    """What kind of YAML value a node is, in words, for type errors."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"the value {node.value!r}"


def short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


class Problems:
    """The diagnostics of one file in the order found; keeps at most `MAX_DIAGNOSTICS`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors = 0
        self._items: list[Diagnostic] = []
        self._dropped = 0
        self._dropped_at: tuple[int, int] = (1, 1)

    def error(self, where: Where, path: str, message: str) -> None:
        self.errors += 1
        self._add(Severity.ERROR, where, path, message)

    def warning(self, where: Where, path: str, message: str) -> None:
        self._add(Severity.WARNING, where, path, message)

    @property
    def full(self) -> bool:
        """True once further diagnostics would only be counted (callers may skip costly hints)."""
        return len(self._items) >= MAX_DIAGNOSTICS

    def _add(self, severity: Severity, where: Where, path: str, message: str) -> None:
        if self.full:
            if not self._dropped:
                self._dropped_at = position(where)
            self._dropped += 1
            return
        line, column = position(where)
        self._items.append(Diagnostic(severity, self.file, max(line, 1), max(column, 1), path, message))

    def diagnostics(self) -> list[Diagnostic]:
        """Everything found, in file order, ending with a note when some were left out."""
        found = sorted(self._items, key=lambda d: (d.line, d.column))
        if self._dropped:
            kept_errors = sum(d.is_error for d in found)
            severity = Severity.ERROR if self.errors > kept_errors else Severity.WARNING
            line, column = self._dropped_at
            found.append(Diagnostic(
                severity, self.file, line, column, "",
                f"{self._dropped} more problems are not listed; fix the ones above and check again",
            ))
        return found


def compose(
    text: str, problems: Problems, loader: type = DEFAULT_LOADER,
    tick: Callable[[float], None] | None = None,
) -> Node | None:
    """The root node of `text`, or None after reporting why there is none (syntax, emptiness).
    `tick`, when given, is called now and then with the fraction of the text read so far."""
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        problems.error(text_position(text, bad.start()), "", _bad_character(bad.group()))
        return None
    try:
        root = _Composer(loader(text), len(text), tick).single_document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at_tab = mark is not None and text[mark.index:mark.index + 1] == "\t"
        problems.error(mark or (1, 1), "", _syntax_message(error, at_tab))
        return None
    except yaml.YAMLError as error:
        problems.error((1, 1), "", f"the file cannot be read as YAML: {error}")
        return None
    except TooDeep as error:
        problems.error(error.node, "", _TOO_DEEP)
        return None
    if root is None or (isinstance(root, ScalarNode) and root.tag == NULL_TAG):
        problems.error((1, 1), "", "the file is empty; a timeline file starts with `timeline: 1`")
        return None
    return root


class _Composer:
    """Builds the node graph from a parser's events, without recursion (so nesting is bounded
    by `MAX_DEPTH`, not by Python's stack), with libyaml's composer errors."""

    TICK_EVERY = 1 << 16  # events between two calls of `tick`

    def __init__(self, parser, size: int, tick: Callable[[float], None] | None) -> None:
        self.parser = parser
        self.size = max(size, 1)
        self.tick = tick

    def single_document(self) -> Node | None:
        parser = self.parser
        parser.get_event()  # stream start
        document = None
        if not isinstance(parser.peek_event(), StreamEndEvent):
            parser.get_event()  # document start
            document = self._node()
            parser.get_event()  # document end
            if not isinstance(parser.peek_event(), StreamEndEvent):
                raise ComposerError(
                    "expected a single document in the stream", _mark(document),
                    "but found another document", parser.get_event().start_mark,
                )
        return document

    def _node(self) -> Node:
        """Compose one node and everything under it."""
        get = self.parser.get_event
        anchors: dict[str, Node] = {}
        # each open collection: (its node, its items list, key waiting for its value or a
        # marker saying the collection is a list)
        stack: list[list] = []
        root = None
        countdown = self.TICK_EVERY
        while True:
            event = get()
            kind = event.__class__
            countdown -= 1
            if not countdown:
                countdown = self.TICK_EVERY
                if self.tick is not None:
                    self.tick(min(event.start_mark.index / self.size, 1.0))
            if kind is ScalarEvent:
                mark = event.start_mark
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve_scalar(event.value, event.implicit[0])
                node = ScalarNode(tag, event.value, mark.line + 1, mark.column + 1, event.style)
                self._anchor(anchors, event, node)
            elif kind is AliasEvent:
                node = anchors.get(event.anchor)
                if node is None:
                    raise ComposerError(None, None, "found undefined alias", event.start_mark)
            elif kind is SequenceStartEvent or kind is MappingStartEvent:
                mark = event.start_mark
                tag = event.tag
                if tag is None or tag == "!":
                    tag = SEQ_TAG if kind is SequenceStartEvent else MAP_TAG
                cls = SequenceNode if kind is SequenceStartEvent else MappingNode
                node = cls(tag, [], mark.line + 1, mark.column + 1)
                self._anchor(anchors, event, node)
                if len(stack) > MAX_DEPTH:
                    raise TooDeep(node)
                self._attach(stack, node)
                stack.append([node, _LIST if cls is SequenceNode else None])
                continue
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                node = stack.pop()[0]
                if not stack:
                    return node
                continue
            else:
                raise ComposerError(None, None, f"unexpected {kind.__name__}", event.start_mark)
            if not stack:
                return node
            self._attach(stack, node)

    @staticmethod
    def _attach(stack: list[list], node: Node) -> None:
        """Add `node` to the open collection: an item, a key, or the value of the last key."""
        if not stack:
            return
        top = stack[-1]
        waiting = top[1]
        if waiting is _LIST:
            top[0].value.append(node)
        elif waiting is None:
            top[1] = node
        else:
            top[0].value.append((waiting, node))
            top[1] = None

    @staticmethod
    def _anchor(anchors: dict[str, Node], event, node: Node) -> None:
        anchor = event.anchor
        if anchor is None:
            return
        first = anchors.get(anchor)
        if first is not None:
            raise ComposerError(
                "found duplicate anchor; first occurrence", _mark(first),
                "second occurrence", event.start_mark,
            )
        anchors[anchor] = node


_LIST = object()  # marks an open collection that is a list


class TooDeep(Exception):
    """Lists and mappings nest deeper than `MAX_DEPTH` at `node`."""

    def __init__(self, node: Node) -> None:
        super().__init__(f"nested deeper than {MAX_DEPTH} at line {node.line}")
        self.node = node


def _mark(node: Node) -> Mark:
    """A YAML mark at the start of `node`, for errors that point at a node already composed."""
    return Mark("", 0, node.line - 1, node.column - 1, None, None)


_TOO_DEEP = (
    "lists or mappings are nested too deeply; a timeline file needs only four levels "
    "(section, entry, field, list), so look for unclosed [ or { brackets"
)


def _bad_character(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char == "\x00":
        return (
            f"the file contains a NUL character ({code}): it looks like a binary file, not YAML "
            "text; open the timeline's .yaml file instead"
        )
    if "\ud800" <= char <= "\udfff":
        return f"the text contains an unpaired surrogate ({code}), which is not valid Unicode; remove it"
    return (
        f"the control character {code} is not allowed in a YAML file; delete it (it often comes "
        "from copying text out of another program)"
    )


_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "either a value contains ': ' (put the whole value in quotes) or this line is indented "
        "deeper than the key above it",
    ),
    ("found character '\\t'", "YAML cannot use tabs for indentation; indent with spaces"),
    ("could not find expected ':'", "a line is missing its ':' or a quote is not closed"),
    ("did not find expected key", "check the indentation of this line against the lines above"),
    ("did not find expected '-' indicator", "check the indentation of this list item"),
    ("found undefined alias", "an alias (*name) must come after its anchor (&name); define the anchor first"),
    ("exceeded maximum nesting depth", _TOO_DEEP),
    ("expected a single document", "the file holds more than one YAML document (a second `---`); keep one"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("found duplicate anchor", "rename one of the two anchors"),
)


def _syntax_message(error: yaml.MarkedYAMLError, at_tab: bool) -> str:
    problem = error.problem or error.context or "the YAML syntax is broken"
    message = f"YAML syntax error: {problem}"
    if error.context and error.problem and error.context_mark is not None:
        message += f" ({error.context}, line {error.context_mark.line + 1})"
    text = f"{error.context} {error.problem}" + (" found character '\\t'" if at_tab else "")
    for clue, hint in _SYNTAX_HINTS:
        if clue in text:
            return f"{message}; {hint}"
    return f"{message}; check the YAML syntax here"


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
                self._duplicate(key, first[0], path)
                continue
            entries[text] = (key, value)
        if merges:
            self._merge(entries, merges, path, _active | {id(node)}, _depth + 1)
        return entries

    def _duplicate(self, key: ScalarNode, first: ScalarNode, path: str) -> None:
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
                            self._duplicate(key, seen[key.value], path)
                        seen.setdefault(key.value, key)
                    stack.append(key)
                    stack.append(value)
