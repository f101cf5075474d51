"""Timeline files in JSON: the schema of format v1, for data generated from databases.

Every scalar reads as the text written, as in YAML: a string as its text, a number as its
digits (`"date": 2009` is the year 2009, `"timeline": 1` the version), `true` and `false` as
those words, and `null` as absent. The fast path parses with the standard library's `json`
(syntax errors keep its line and column); the node path scans the text into the nodes the
validator walks, each with its line and column, for files with anything to report.
"""

from __future__ import annotations

import json
import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any, Callable, Iterator

from explorer.model.load.files import LINE_END as _LINE_END
from explorer.model.load.files import editor_position
from explorer.model.load.nodes import (
    MAP_TAG,
    MAX_DEPTH,
    NULL_TAG,
    SEQ_TAG,
    STR_TAG,
    MappingNode,
    Node,
    Paths,
    PlacedScalarNode,
    ScalarNode,
    SequenceNode,
)
from explorer.model.load.problems import Problems
from explorer.model.load.schema import ENTITY_SECTIONS
from explorer.model.load.validate_plain import NotVouched

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_WORDS = {"true": (STR_TAG, "true"), "false": (STR_TAG, "false"), "null": (NULL_TAG, "null")}
_EMPTY = "the file is empty; a timeline file in JSON starts with {\"timeline\": 1"
_TOO_DEEP = (
    "lists or objects are nested too deeply; a timeline file needs only four levels "
    "(section, entry, field, list), so look for unclosed [ or { brackets"
)
_HINTS = (
    ("Expecting property name enclosed in double quotes",
     "keys are written in double quotes, and there is no comma after the last item of an object"),
    ("Expecting value",
     "a value is missing here: look for a comma after the last item of a list, or text not in "
     "double quotes"),
    ("Expecting ',' delimiter", "a comma is missing between two items, or a bracket is not closed"),
    ("Expecting ':' delimiter", "each key is followed by a colon and its value"),
    ("Invalid control character", "a string holds a line break or tab: write it as \\n or \\t"),
    ("Unterminated string", "a string is not closed: add the closing double quote"),
    ("Invalid \\escape", "a backslash in a string starts an escape: write \\\\ for a backslash"),
    ("Extra data", "the file holds more than one JSON value: keep only the timeline's object"),
)


#: A `\\u` escape of a surrogate with the backslashes before it: an odd number of them makes
#: an escape (the last one starts it), an even number a backslash and the text "u...".
_SURROGATE_ESCAPE = re.compile(r"(\\+)u[dD][89a-fA-F][0-9a-fA-F]{2}")
#: What any lone surrogate escape is found by, and only a few other texts: a high half not
#: followed by a low one, a low half not following a high one, or a surrogate's escape after
#: an escaped backslash (which may make the escape before or after it text).
_MAYBE_LONE = re.compile(
    r"\\(?:\\u[dD][89a-fA-F]"
    r"|u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|u[dD][c-fC-F][0-9a-fA-F]{2}(?<!\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}))"
)
#: Where the first escape of a surrogate may be (a quick look: most files have none).
_FIRST_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_ESCAPE = (
    "`{}` is a lone surrogate, half of a UTF-16 pair and not a character: write the full pair "
    "(such as `\\ud83d\\ude00`) or remove it"
)


def _may_hold_lone_escapes(text: str) -> bool:
    """False when the text holds no lone surrogate escape; True when it may."""
    first = _FIRST_SURROGATE_ESCAPE.search(text)
    return first is not None and _MAYBE_LONE.search(text, max(first.start() - 1, 0)) is not None


def holds_surrogates(text: str) -> bool:
    """Whether the text holds surrogate characters themselves, which only text handed over as
    `str` can (decoded bytes never do)."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def lone_surrogates(text: str) -> list[tuple[int, str]]:
    """Where the lone surrogates of a JSON text are, each with its message: escapes (`\\ud800`)
    with no other half beside them, which `json` turns into text that is not Unicode, and the
    characters themselves. The text is valid JSON, so every backslash is in a string."""
    found = []
    if holds_surrogates(text):
        for match in _SURROGATE.finditer(text):
            found.append((match.start(), f"the text contains an unpaired surrogate (U+{ord(match.group()):04X}), "
                                         "which is not valid Unicode; remove it"))
    if not _may_hold_lone_escapes(text):
        return found
    high = -1  # where a high half waiting for its low half starts
    for match in _SURROGATE_ESCAPE.finditer(text):
        if len(match.group(1)) % 2 == 0:
            continue
        at = match.end(1) - 1
        low = text[at + 3] in "cdefCDEF"
        if high >= 0:
            if low and at == high + 6:  # the pair's second half
                high = -1
                continue
            found.append((high, _LONE_ESCAPE.format(text[high:high + 6])))
            high = -1
        if low:
            found.append((at, _LONE_ESCAPE.format(text[at:at + 6])))
        else:
            high = at
    if high >= 0:
        found.append((high, _LONE_ESCAPE.format(text[high:high + 6])))
    return sorted(found)


class _Duplicate(NotVouched):
    """An object with a key given twice: the fast path would keep only the last one."""


def read_json_fast(text: str) -> object:
    """The parsed file, numbers kept as their text; raises `json.JSONDecodeError` for a syntax
    error and `NotVouched` for what only the node path reports (a key given twice, NaN, very
    deep nesting, a lone surrogate escape). Surrogate characters in the text itself (a `str`
    handed over, never decoded bytes) are the caller's to look for.

    A file that is one object is returned as `Sections`, which decodes its sections one after
    the other and the items of `events` one at a time, while the validator reads them: a
    million events decoded at once as dicts take more memory than the events made of them.
    """
    if _may_hold_lone_escapes(text):
        raise NotVouched("maybe a lone surrogate")  # `json` reads it as text that is not Unicode
    if text.startswith("{", _skip(text, 0)):
        return Sections(text)
    try:
        return json.loads(
            text, object_pairs_hook=_unique, parse_int=str, parse_float=str, parse_constant=_refuse
        )
    except RecursionError as error:
        raise NotVouched("very deep nesting") from error


def _decode(text: str, at: int) -> tuple[object, int]:
    """The JSON value at `at` and where it ends."""
    try:
        return _VALUES.raw_decode(text, at)
    except RecursionError as error:
        raise NotVouched("very deep nesting") from error


class Sections:
    """The top-level object of a JSON file, read section by section: iterating gives (name,
    value) pairs in file order, the value of `events` being an iterator of its items. It must
    be read in order (each pair once the previous value has been read through). Anything but
    plain JSON (syntax errors included) raises, and the node path reads the file again.
    `again(name)` decodes a section read before once more."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.starts: dict[str, int] = {}  # where each section's value starts

    def fraction(self) -> float:
        """How much of the text has been read."""
        return self.at / max(len(self.text), 1)

    def __iter__(self):
        text = self.text
        at = _skip(text, 0) + 1  # past the opening brace
        seen: set[str] = set()
        at = _skip(text, at)
        if text.startswith("}", at):
            self.at = at + 1
        else:
            while True:
                if not text.startswith('"', at):
                    raise NotVouched("a key not in double quotes")
                name, at = _string(text, at + 1)
                if name in seen:
                    raise NotVouched("a section given twice")
                seen.add(name)
                at = _skip(text, at)
                if not text.startswith(":", at):
                    raise NotVouched("a key without its colon")
                at = _skip(text, at + 1)
                self.starts[name] = at
                if name == "events" and text.startswith("[", at):
                    self.at = at
                    yield name, self._items()
                    at = self.at
                else:
                    value, at = _decode(text, at)
                    self.at = at
                    yield name, value
                at = _skip(text, at)
                if text.startswith(",", at):
                    at = _skip(text, at + 1)
                    continue
                if not text.startswith("}", at):
                    raise NotVouched("a section not followed by a comma or the end of the object")
                self.at = at + 1
                break
        if _skip(text, self.at) != len(text):
            raise NotVouched("more than one JSON value")

    def _items(self):
        for item, _start, end in _array(self.text, self.at):
            self.at = end
            if item is _END:
                return
            yield item

    def again(self, name: str) -> object:
        """The value of the section `name`, read before, decoded again (the items of `events`
        one at a time, as `events` gives them)."""
        start = self.starts[name]
        if name == "events" and self.text.startswith("[", start):
            return (item for item, _start, _end in _array(self.text, start) if item is not _END)
        return _decode(self.text, start)[0]


_END = object()  # what `_array` gives after the last item


def _array(text: str, at: int, scan: Callable[[str, int], tuple[object, int]] | None = None):
    """The items of the JSON array starting at `at` (read by `scan`, a decoder's `scan_once`,
    `_VALUES`' by default), each with where it starts and ends; then `_END` with where the
    array ends. A million items are read here one at a time: one regular expression finds
    what follows each, and the decoder's scanner is called without `raw_decode` around it."""
    scan = scan or _VALUES.scan_once  # type: ignore[attr-defined]
    after = _AFTER_ITEM.match
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        yield _END, at + 1, at + 1
        return
    while True:
        start = at
        try:
            item, at = scan(text, at)
        except StopIteration as stop:
            raise json.JSONDecodeError("Expecting value", text, stop.value) from None
        except RecursionError as error:
            raise NotVouched("very deep nesting") from error
        yield item, start, at
        found = after(text, at)
        if found is None:
            raise NotVouched("a list item not followed by a comma or the end of the list")
        if found.group(1) == "]":
            end = found.start(1) + 1
            yield _END, end, end
            return
        at = found.end()


#: What follows an item of a list: a comma or the closing bracket, with whitespace around it.
_AFTER_ITEM = re.compile(r"[ \t\n\r]*([,\]])[ \t\n\r]*")


def _skip(text: str, at: int) -> int:
    """Where the whitespace starting at `at` ends."""
    found = _WHITESPACE.match(text, at)
    return at if found is None else found.end()


def _string(text: str, at: int) -> tuple[str, int]:
    try:
        return scanstring(text, at, True)
    except json.JSONDecodeError as error:
        raise NotVouched("a key that is not a JSON string") from error


def json_text(value: object) -> str | None:
    """The text of a JSON scalar the fast path reads as something other than `str`."""
    if value is None:
        return None
    if value is True:
        return "true"
    if value is False:
        return "false"
    raise NotVouched(f"a {type(value).__name__} where text belongs")


def _unique(pairs: list[tuple[str, object]]) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _Duplicate("a key given twice")
    return mapping


def _refuse(word: str) -> None:
    raise NotVouched(f"{word} is not JSON")


_VALUES = json.JSONDecoder(object_pairs_hook=_unique, parse_int=str, parse_float=str, parse_constant=_refuse)


def syntax_error(text: str, error: json.JSONDecodeError, problems: Problems) -> None:
    """Report a syntax error found by `json`, with a hint when one fits."""
    if not text or text.isspace():  # (strip would copy the text)
        problems.error((1, 1), "", _EMPTY)
        return
    hint = next((advice for clue, advice in _HINTS if error.msg.startswith(clue)), "check the JSON syntax here")
    problems.error(editor_position(text, error.pos), "", f"JSON syntax error: {error.msg}; {hint}")


def syntax_ok(text: str, problems: Problems) -> bool:
    """Whether `json` reads the text; reports its syntax error otherwise, so that both paths
    report syntax errors alike. NaN, Infinity and very deep nesting are left to the scanner."""
    try:
        json.loads(text, object_pairs_hook=_ignore, parse_int=_ignore, parse_float=_ignore, parse_constant=_ignore)
    except json.JSONDecodeError as error:
        syntax_error(text, error, problems)
        return False
    except RecursionError:
        pass
    return True


def _ignore(_value: object) -> None:
    return None


def compose_json(
    text: str, problems: Problems, tick: Callable[[float], None] | None = None, *, lazy_events: bool = False,
) -> Node | None:
    """The root node of a JSON text, every node with its line and column; None after reporting
    why there is none.

    `lazy_events`: the items of the top-level `events` list, and the entries of the entity
    sections, are composed one at a time, as they are read (`_Items`, `_Pairs`), so that a
    walk over them holds one entry's nodes at a time, not a million; for a text `json` reads
    (`syntax_ok`), the nodes are the same."""
    if not text or text.isspace():  # (strip would copy the text)
        problems.error((1, 1), "", _EMPTY)
        return None
    scanner = _Scanner(text, tick, lazy_events)
    lone = lone_surrogates(text)
    if lone:
        paths = _paths(scanner)
        for at, message in lone:
            where = scanner.position(at)
            problems.error(where, "" if paths is None else paths.at(where), message)
        return None
    try:
        return scanner.document()
    except _SyntaxError as error:
        problems.error(scanner.position(error.at), "", f"JSON syntax error: {error.message}")
    except _TooDeep as error:
        problems.error(scanner.position(error.at), "", _TOO_DEEP)
    return None


def _paths(scanner: _Scanner) -> Paths | None:
    """The paths of a text with lone surrogates (which `json` reads), to name the fields that
    hold them; None when it does not compose. (`Paths` keeps what it learns of each node, so
    its nodes are composed at once, never one item at a time.)"""
    scanner.lazy = False
    try:
        return Paths(scanner.document())
    except (_SyntaxError, _TooDeep):
        return None


class _SyntaxError(Exception):
    def __init__(self, message: str, at: int) -> None:
        super().__init__(message)
        self.message = message
        self.at = at


class _TooDeep(Exception):
    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


class _Lazy(Sequence):
    """What `_Items` and `_Pairs` share: values of a JSON text known by where each starts
    (found by the standard parser, which keeps nothing), each composed when it is read and
    let go after (`compose_json(lazy_events=True)`), or decoded as plain values."""

    def __init__(self, scanner: _Scanner, starts: array) -> None:
        self._scanner = scanner
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._composed(index)

    def __iter__(self) -> Iterator:
        for index in range(len(self._starts)):
            yield self._composed(index)

    def _composed(self, index: int) -> Any:
        raise NotImplementedError

    def decoded(self, index: int) -> object:
        """The value at `index` as plain values (by the standard parser, numbers as their
        text), with no nodes; None when only its nodes can say what it holds (a key given
        twice, a constant such as NaN)."""
        try:
            return _decode(self._scanner.text, self._starts[index])[0]
        except NotVouched:
            return None


class _Items(_Lazy):
    """The items of the top-level `events` list of a JSON text (`_Scanner._skim`)."""

    def _composed(self, index: int) -> Node:
        return self._scanner.item(self._starts[index])

    def id_line(self, index: int) -> int:
        """The line of the `id` of the event at `index` (0 when it has none)."""
        for key, value in self[index].value:
            if key.value == "id":
                return value.line
        return 0


class _Pairs(_Lazy):
    """The entries of a top-level entity section of a JSON text (`organizations`...), as
    (key, value) nodes (`_Scanner._skim_pairs`): the section knows each key's text, where it
    starts and where its value starts."""

    def __init__(self, scanner: _Scanner, keys: list[str], key_starts: array, value_starts: array) -> None:
        super().__init__(scanner, value_starts)
        self._keys = keys
        self._key_starts = key_starts

    def _composed(self, index: int) -> tuple[ScalarNode, Node]:
        return self.key_node(index), self._scanner.item(self._starts[index])

    def key(self, index: int) -> str:
        return self._keys[index]

    def key_node(self, index: int) -> ScalarNode:
        line, column = self._scanner.position(self._key_starts[index])
        return ScalarNode(STR_TAG, self._keys[index], line, column, '"')

    def id_line(self, index: int) -> int:
        """The line of the key (the id) at `index`."""
        return self._scanner.position(self._key_starts[index])[0]


#: The top-level sections whose entries `compose_json(lazy_events=True)` composes one at a
#: time (`_Pairs`): the entity sections.
_LAZY_SECTIONS = frozenset(ENTITY_SECTIONS)

#: Items shorter than this cannot nest too deeply to compose (each level takes two characters).
_NEST_ROOM = MAX_DEPTH - 3
_NEST_WIDTH = 2 * _NEST_ROOM


#: Reads an item to find where it ends, keeping nothing of it.
_SKIM = json.JSONDecoder(object_pairs_hook=_ignore, parse_int=_ignore, parse_float=_ignore,
                         parse_constant=_refuse)


class _Scanner:
    """A JSON parser without recursion that makes a node for every value (`lazy`: the items
    of the top-level `events` list and the entries of the entity sections when they are
    read, see `_Items` and `_Pairs`)."""

    TICK_EVERY = 1 << 16

    def __init__(self, text: str, tick: Callable[[float], None] | None, lazy: bool = False) -> None:
        self.text = text
        self.tick = tick
        self.lazy = lazy
        self.line_starts = [0] + [match.end() for match in _LINE_END.finditer(text)]

    def position(self, at: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, at)
        return line, at - self.line_starts[line - 1] + 1

    def document(self) -> Node:
        text = self.text
        at = _skip(text, 0)
        root, at = self._value(at)
        at = _skip(text, at)
        if at != len(text):
            raise _SyntaxError("Extra data; the file holds more than one JSON value: keep only "
                               "the timeline's object", at)
        return root

    def item(self, at: int) -> Node:
        """The item of the top-level `events` list, or the value of an entity section's entry,
        that starts at `at` (two levels deep)."""
        return self._value(at, 2)[0]

    def _value(self, at: int, depth: int = 0) -> tuple[Node, int]:
        """The value starting at `at` (after whitespace), `depth` containers deep, and where
        it ends."""
        text = self.text
        # each open container: [node, key waiting for its value or None, expecting an item]
        stack: list[list] = []
        countdown = self.TICK_EVERY
        tick = self.tick if not depth else None
        while True:
            countdown -= 1
            if not countdown:
                countdown = self.TICK_EVERY
                if tick is not None:
                    tick(at / max(len(text), 1))
            top = stack[-1] if stack else None
            char = text[at:at + 1]
            if top is not None and not top[2]:
                # after an item: a comma, or the end of the container
                closing = "]" if top[0].__class__ is SequenceNode else "}"
                if char == ",":
                    at = _skip(text, at + 1)
                    top[2] = True
                    if top[0].__class__ is MappingNode:
                        at = self._key(top, at)
                    continue
                if char != closing:
                    raise _SyntaxError(f"Expecting ',' delimiter; a comma is missing between two "
                                       f"items, or a {closing} is missing", at)
                done = stack.pop()[0]
                at = _skip(text, at + 1)
                if not stack:
                    return done, at
                continue
            if char in ("]", "}") and top is not None and not top[0].value and top[1] is None:
                # an empty container closes (it was added to its parent when it opened)
                if char != ("]" if top[0].__class__ is SequenceNode else "}"):
                    raise _SyntaxError("Expecting value", at)
                done = stack.pop()[0]
                at = _skip(text, at + 1)
                if not stack:
                    return done, at
                continue
            line, column = self.position(at)
            if char == "[" or char == "{":
                if len(stack) + depth >= MAX_DEPTH:
                    raise _TooDeep(at)
                if (char == "[" and self.lazy and len(stack) == 1 and top is not None
                        and top[1] is not None and top[1].value == "events"):
                    skimmed = self._skim(at)
                    if skimmed is not None:
                        starts, at = skimmed
                        top[2] = False
                        self._attach(top, SequenceNode(SEQ_TAG, _Items(self, starts), line, column))
                        at = _skip(text, at)
                        continue
                if (char == "{" and self.lazy and len(stack) == 1 and top is not None
                        and top[1] is not None and top[1].value in _LAZY_SECTIONS):
                    pairs = self._skim_pairs(at)
                    if pairs is not None:
                        at = pairs[-1]
                        top[2] = False
                        self._attach(top, MappingNode(MAP_TAG, _Pairs(self, *pairs[:-1]), line, column))
                        at = _skip(text, at)
                        continue
                node: Node = (SequenceNode(SEQ_TAG, [], line, column) if char == "[" else
                              MappingNode(MAP_TAG, [], line, column))
                if top is not None:
                    top[2] = False
                    self._attach(top, node)
                entry = [node, None, True]
                stack.append(entry)
                at = _skip(text, at + 1)
                if char == "{" and text[at:at + 1] != "}":
                    at = self._key(entry, at)
                continue
            node, at = self._scalar(at, char, line, column)
            at = _skip(text, at)
            if top is None:
                return node, at
            top[2] = False
            self._attach(top, node)

    def _skim(self, at: int) -> tuple[array, int] | None:
        """Where each item of the list opening at `at` starts, and where the list ends; None
        when its items may not compose as they would in place (text `json` does not read, a
        constant such as NaN, nesting that may be too deep): the list is then composed whole."""
        text = self.text
        starts = array("q")
        try:
            for item, start, end in _array(text, at, _SKIM.scan_once):  # type: ignore[attr-defined]
                if item is _END:
                    return starts, end
                starts.append(start)
                if end - start > _NEST_WIDTH and text.count("[", start, end) + text.count("{", start, end) > _NEST_ROOM:
                    return None
                if self.tick is not None and not len(starts) % self.TICK_EVERY:
                    self.tick(end / max(len(text), 1))
        except (NotVouched, ValueError, RecursionError):
            return None
        return None

    def _skim_pairs(self, at: int) -> tuple[list[str], array, array, int] | None:
        """The keys of the object opening at `at`, where each key and its value start, and
        where the object ends; None when a value may not compose as it would in place (see
        `_skim`), or when only the scanner can say what is wrong: it is then composed whole."""
        text = self.text
        keys: list[str] = []
        key_starts, value_starts = array("q"), array("q")
        decode = _SKIM.raw_decode
        at = _skip(text, at + 1)
        if text.startswith("}", at):
            return keys, key_starts, value_starts, at + 1
        try:
            while text.startswith('"', at):
                key_starts.append(at)
                key, at = scanstring(text, at + 1, True)
                keys.append(key)
                at = _skip(text, at)
                if not text.startswith(":", at):
                    return None
                at = _skip(text, at + 1)
                value_starts.append(at)
                start = at
                _value, at = decode(text, at)
                if at - start > _NEST_WIDTH and text.count("[", start, at) + text.count("{", start, at) > _NEST_ROOM:
                    return None
                if self.tick is not None and not len(keys) % self.TICK_EVERY:
                    self.tick(at / max(len(text), 1))
                at = _skip(text, at)
                if text.startswith(",", at):
                    at = _skip(text, at + 1)
                    continue
                if text.startswith("}", at):
                    return keys, key_starts, value_starts, at + 1
                return None
        except (NotVouched, ValueError, RecursionError):
            return None
        return None

    def _key(self, entry: list, at: int) -> int:
        """Read `"key":` into the open object `entry`; where its value starts."""
        text = self.text
        if text[at:at + 1] != '"':
            raise _SyntaxError("Expecting property name enclosed in double quotes; keys are "
                               "written in double quotes, with no comma after the last item", at)
        line, column = self.position(at)
        key, at = self._string(at)
        entry[1] = ScalarNode(STR_TAG, key, line, column, '"')
        at = _skip(text, at)
        if text[at:at + 1] != ":":
            raise _SyntaxError("Expecting ':' delimiter; each key is followed by a colon and its value", at)
        return _skip(text, at + 1)

    @staticmethod
    def _attach(entry: list, node: Node) -> None:
        container = entry[0]
        if container.__class__ is SequenceNode:
            container.value.append(node)
        else:
            container.value.append((entry[1], node))
            entry[1] = None

    def _scalar(self, at: int, char: str, line: int, column: int) -> tuple[ScalarNode, int]:
        text = self.text
        if char == '"':
            value, end = self._string(at)
            if text.find("\\", at + 1, end) >= 0:  # escapes: keep what was written, to place its characters
                return PlacedScalarNode(STR_TAG, value, line, column, '"', line, column + 1, text[at + 1:end - 1]), end
            return ScalarNode(STR_TAG, value, line, column, '"'), end
        number = _NUMBER.match(text, at)
        if number is not None:
            return ScalarNode(STR_TAG, number.group(), line, column, ""), number.end()
        for word, (tag, value) in _WORDS.items():
            if text.startswith(word, at):
                return ScalarNode(tag, value, line, column, ""), at + len(word)
        raise _SyntaxError("Expecting value; write a string in double quotes, a number, true, "
                           "false or null", at)

    def _string(self, at: int) -> tuple[str, int]:
        try:
            return scanstring(self.text, at + 1, True)
        except json.JSONDecodeError as error:
            raise _SyntaxError(error.msg, error.pos) from error
