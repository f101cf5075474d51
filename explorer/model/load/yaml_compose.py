"""The YAML layer of the node path: text to the node graph (`nodes`), every position kept.

Nothing here constructs Python objects from YAML, so no tag can run code, and an anchor stays
one shared node: an alias costs nothing until something walks it, and `NodeReader` bounds how
much walking a file may ask for. Syntax errors become diagnostics with a hint at the usual
cause.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

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

from explorer.model.load.files import LINE_END, editor_position
from explorer.model.load.nodes import (
    MAP_TAG,
    MAX_DEPTH,
    NULL_TAG,
    SEQ_TAG,
    MappingNode,
    Node,
    Paths,
    ScalarNode,
    SequenceNode,
    WrittenScalarNode,
    advance,
    resolve_scalar,
)
from explorer.model.load.problems import Problems

#: Characters YAML does not allow anywhere in a file (the YAML 1.1 printable set, inverted).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
#: A scalar's properties (tags and anchor) and the spaces, line breaks and comments after them.
_PROPERTIES = re.compile(r"(?:[!&][^ \t\r\n]*(?:[ \t\r\n\x85\u2028\u2029]+(?:#[^\r\n]*)?)*)*")
_PLACED = "placed"  # the name of marks made from nodes, already placed
#: libyaml's error for an escape of a surrogate or past U+10FFFF.
_BAD_ESCAPE = "found invalid Unicode character escape code"
#: One escape of a double-quoted scalar; the digits of a `\\u` one are group 1, of a `\\U` one group 2.
_YAML_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x[0-9a-fA-F]{2}|\r\n|.)", re.DOTALL)

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

    def scan_flow_scalar_non_spaces(self, double: bool, start_mark: Mark) -> list[str]:
        """As PyYAML's, but an escape of a surrogate or past U+10FFFF is refused as libyaml
        refuses it, with its error at the escape's digits (PyYAML made a lone surrogate of the
        one and failed on the other)."""
        begin = self.get_mark()
        try:
            chunks = super().scan_flow_scalar_non_spaces(double, start_mark)
        except ValueError:  # chr() of an escape past U+10FFFF: the reader is at its digits
            raise ScannerError("while parsing a quoted scalar", start_mark, _BAD_ESCAPE, self.get_mark()) from None
        if double and any(len(chunk) == 1 and "\ud800" <= chunk <= "\udfff" for chunk in chunks):
            for escape in _YAML_ESCAPE.finditer(self.buffer, begin.pointer, self.pointer):
                digits = escape.group(1) or escape.group(2)
                if digits is not None and 0xD800 <= int(digits, 16) <= 0xDFFF:
                    at = escape.start() + 2  # the digits
                    skipped = self.buffer[begin.pointer:at]
                    breaks = list(_LINE_BREAK.finditer(skipped))
                    line = begin.line + len(breaks)
                    column = at - begin.pointer - breaks[-1].end() if breaks else begin.column + at - begin.pointer
                    mark = Mark(begin.name, begin.index + at - begin.pointer, line, column, None, None)
                    raise ScannerError("while parsing a quoted scalar", start_mark, _BAD_ESCAPE, mark)
        return chunks


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    DEFAULT_LOADER: type = PythonLoader
else:

    class LibyamlLoader(CParser):
        """libyaml's parser (several times faster); it stops at depth 1000 itself."""

    DEFAULT_LOADER = LibyamlLoader


class Places:
    """Where the parser's marks are as an editor shows them. YAML 1.1 also ends lines at
    U+0085, U+2028 and U+2029, which editors show within a line: in a file holding any, marks
    are placed again from their character index (`editor_position`'s lines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        if _ODD_BREAK.search(text) is not None:
            self._starts = [0] + [match.end() for match in LINE_END.finditer(text)]

    @property
    def remaps(self) -> bool:
        """Whether marks need placing again (the file holds YAML-only line breaks)."""
        return self._starts is not None

    def of(self, mark: Mark) -> tuple[int, int]:
        """1-based (line, column) of a mark."""
        if self._starts is None or mark.name == _PLACED:
            return mark.line + 1, mark.column + 1
        return self.at(mark.index)

    def at(self, index: int) -> tuple[int, int]:
        if self._starts is None:
            return editor_position(self.text, index)
        line = bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1


def compose(
    text: str, problems: Problems, loader: type = DEFAULT_LOADER,
    tick: Callable[[float], None] | None = None,
) -> Node | None:
    """The root node of `text`, or None after reporting why there is none (syntax, emptiness).
    `tick`, when given, is called now and then with the fraction of the text read so far."""
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        problems.error(editor_position(text, bad.start()), "", _bad_character(bad.group()))
        return None
    places = Places(text)
    try:
        root = _Composer(loader(text), len(text), tick, places).single_document()
    except yaml.MarkedYAMLError as error:
        long_key = _long_key(text, error)
        if long_key is not None:
            problems.error(places.at(long_key[0]), "", _long_key_message(*long_key[1:]))
            return None
        escape = _bad_escape(text, error)
        if escape is not None:
            where = places.at(escape[0])
            paths = _paths_without_escapes(text, loader, places)
            problems.error(where, "" if paths is None else paths.at(where), escape[1])
            return None
        mark = error.problem_mark or error.context_mark
        at_tab = mark is not None and text[mark.index:mark.index + 1] == "\t"
        problems.error(places.of(mark) if mark is not None else (1, 1), "", _syntax_message(error, at_tab, places))
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

    def __init__(self, parser, size: int, tick: Callable[[float], None] | None, places: Places) -> None:
        self.parser = parser
        self.size = max(size, 1)
        self.tick = tick
        self.places = places

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
        places = self.places
        place = places.of if places.remaps else None
        anchors: dict[str, Node] = {}
        # each open collection: (its node, its items list, key waiting for its value or a
        # marker saying the collection is a list)
        stack: list[list] = []
        countdown = self.TICK_EVERY
        node: Node | None
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
                line, column = place(mark) if place is not None else (mark.line + 1, mark.column + 1)
                style = event.style
                end = event.end_mark
                if (
                    style == "|" or style == ">" or end.line != mark.line
                    or event.anchor is not None or event.tag is not None
                    or ((style == '"' or style == "'") and end.index - mark.index != len(event.value) + 2)
                ):  # its text is not its value written from where it starts
                    node = self._written(tag, event, line, column)
                else:
                    node = ScalarNode(tag, event.value, line, column, style)
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
                line, column = place(mark) if place is not None else (mark.line + 1, mark.column + 1)
                node = cls(tag, [], line, column)
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

    def _written(self, tag: str, event: ScalarEvent, line: int, column: int) -> WrittenScalarNode:
        """The node of a scalar whose value is not its text as written from where it starts,
        keeping where that text is (see `WrittenScalarNode`)."""
        text = self.places.text
        begin = event.start_mark.index
        start = begin
        if event.anchor is not None or event.tag is not None:
            properties = _PROPERTIES.match(text, begin)
            assert properties is not None  # the pattern matches the empty string
            start = properties.end()
        style = event.style
        if style == "|" or style == ">":  # the text starts on the line after the header
            header_end = _LINE_BREAK.search(text, start)
            start = len(text) if header_end is None else header_end.end()
        elif style == '"' or style == "'":
            start += 1
        text_line, text_column = advance(text, begin, start, line, column)
        return WrittenScalarNode(tag, event.value, line, column, style, text_line, text_column, text, start)

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
    return Mark(_PLACED, 0, node.line - 1, node.column - 1, None, None)


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


def _syntax_message(error: yaml.MarkedYAMLError, at_tab: bool, places: Places) -> str:
    problem = error.problem or error.context or "the YAML syntax is broken"
    message = f"YAML syntax error: {problem}"
    if error.context and error.problem and error.context_mark is not None:
        message += f" ({error.context}, line {places.of(error.context_mark)[0]})"
    text = f"{error.context} {error.problem}" + (" found character '\\t'" if at_tab else "")
    for clue, hint in _SYNTAX_HINTS:
        if clue in text:
            return f"{message}; {hint}"
    return f"{message}; check the YAML syntax here"



#: The longest a key written `key: value` (an implicit key) may run up to its `:`, in
#: characters: YAML's own limit, which both parsers keep.
MAX_IMPLICIT_KEY = 1024
_QUOTED = {'"': re.compile(r'"(?:[^"\\\r\n]|\\.)*"'), "'": re.compile(r"'(?:[^'\r\n]|'')*'")}
_PLAIN_KEY_END = re.compile(r":(?=[ \t\r\n,\[\]{}]|$)")
_SPACES = re.compile(r"[ \t]*")
_COLON = re.compile(r"[ \t]*:")
_MARKERS = re.compile(r"[ \t]*(?:[-?][ \t]+)*")


def _long_key(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, int] | None:
    """(where it starts, its length, the length up to its `:`) of the key `error` is about,
    when that key is longer than YAML allows for `key: value`. The parsers stop looking for
    the `:` of a key 1,024 characters in: they say they "could not find expected ':'" (the key
    they were reading is the context), or, for a key they had not yet taken for one, meet its
    `:` and find no key there ("mapping values are not allowed", "did not find expected ','")."""
    context, problem = error.context_mark, error.problem_mark
    if error.context == "while scanning a simple key" and context is not None and context.name != _PLACED:
        start: int | None = context.index
        end = _key_end(text, context.index)
    elif problem is not None and problem.name != _PLACED and text.startswith(":", problem.index):
        start, end = _key_start(text, problem.index), problem.index
    else:
        return None
    if start is None or end is None or end - start <= MAX_IMPLICIT_KEY:
        return None
    return start, len(text[start:end].rstrip(" \t")), end - start


def _line_end(text: str, at: int) -> int:
    found = LINE_END.search(text, at)
    return len(text) if found is None else found.start()


def _key_end(text: str, start: int) -> int | None:
    """Where the `:` of the key starting at `start` is, on its line; None when there is none."""
    end = _line_end(text, start)
    quoted = _QUOTED.get(text[start:start + 1])
    if quoted is not None:
        closed = quoted.match(text, start, end)
        colon = _COLON.match(text, closed.end(), end) if closed is not None else None
        return colon.end() - 1 if colon is not None else None
    colon = _PLAIN_KEY_END.search(text, start, end)
    if colon is None or text.find(" #", start, colon.start()) >= 0:  # a comment ends the key first
        return None
    return colon.start()


def _key_start(text: str, colon: int) -> int | None:
    """Where the key ending at the `:` at `colon` starts: at the start of its line (after the
    indentation and any `- ` or `? `), or after a `{`, `[` or `,` of a flow collection. None
    when it is the value of another key's `: ` on the line outside a flow collection (a value
    holding ': ' is then the likelier mistake), or in a comment."""
    line_start = max(text.rfind("\n", 0, colon), text.rfind("\r", 0, colon)) + 1
    marked = _MARKERS.match(text, line_start)
    assert marked is not None  # the pattern matches the empty string
    start = marked.end()
    at, depth, after_key = marked.end(), 0, False
    while at < colon:
        char = text[at]
        quoted = _QUOTED.get(char)
        if quoted is not None and at == start:
            closed = quoted.match(text, at, colon)
            if closed is None:  # the colon is inside the quotes
                return None
            at = closed.end()
            continue
        if char in "{[" and at == start:
            depth += 1
            start = _after_spaces(text, at + 1)
        elif char in "}]" and depth:
            depth -= 1
        elif char == "," and depth:
            start = _after_spaces(text, at + 1)
        elif char == ":" and text[at + 1:at + 2] in (" ", "\t"):
            after_key = after_key or not depth
            start = _after_spaces(text, at + 1)
        elif char == "#" and text[at - 1:at] in (" ", "\t"):
            return None
        at += 1
    return None if after_key and not depth else start


def _after_spaces(text: str, at: int) -> int:
    spaces = _SPACES.match(text, at)
    assert spaces is not None
    return spaces.end()


def _long_key_message(length: int, to_colon: int) -> str:
    how_long = (f"this key is {length:,} characters long" if length > MAX_IMPLICIT_KEY else
                f"this key and the spaces before its `:` are {to_colon:,} characters long")
    return (
        f"{how_long}, longer than the {MAX_IMPLICIT_KEY:,} YAML allows for a key written `key: value`; "
        "shorten it, or write it as an explicit key: `? ` and the key on one line, `: ` and its "
        "value on the next"
    )


_ESCAPE_AT = re.compile(r"\\(?:u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?|U([0-9a-fA-F]{8}))")


def _paths_without_escapes(text: str, loader: type, places: Places) -> Paths | None:
    """The paths of a text whose `\\u` and `\\U` escapes are each made a space's escape of the
    same length, which places every node where it is in `text`: to name the field of an escape
    that is no character. None when that text does not compose either."""
    harmless = _ESCAPE_AT.sub(lambda found: _SPACE_ESCAPES[found.group()[1]] * (len(found.group()) // 6), text)
    try:
        root = _Composer(loader(harmless), len(harmless), None, places).single_document()
    except (yaml.YAMLError, TooDeep):
        return None
    return None if root is None else Paths(root)


#: An escape of a space as long as a `\\u` escape (6 characters) or a `\\U` one (10).
_SPACE_ESCAPES = {"u": "\\u0020", "U": "\\U00000020"}


def _bad_escape(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """Where the escape a parser refused as no character starts, and what to write instead:
    a surrogate (YAML has no pairs of `\\u` escapes) or a number past U+10FFFF."""
    mark = error.problem_mark
    if error.problem != _BAD_ESCAPE or mark is None or mark.name == _PLACED:
        return None
    found = _ESCAPE_AT.match(text, mark.index - 2)  # the parsers point at the escape's digits
    if found is None:
        return None
    written = found.group()
    code = int(found.group(1) or found.group(3), 16)
    if found.group(2) is not None and code <= 0xDBFF:
        pair = 0x10000 + ((code - 0xD800) << 10) + int(found.group(2), 16) - 0xDC00
        return found.start(), (f"`{written}` is a UTF-16 surrogate pair, which YAML does not read as one "
                               f"character: write the character itself, or `\\U{pair:08X}`")
    if 0xD800 <= code <= 0xDFFF:
        written = written[:6] if found.group(1) else written
        return found.start(), (f"`{written}` is a lone surrogate, half of a UTF-16 pair and not a character: "
                               "write the character itself or its `\\U` escape of eight digits, or remove it")
    return found.start(), f"`{written}` is past U+10FFFF, where Unicode ends: fix the escape or remove it"
