"""JSON read into plain values that remember where they stand: objects and lists carry their
line and column (`at`), so that an importer's warnings point into the original file. Numbers
keep their digits as text (`1815`), `null` is None."""

from __future__ import annotations

import json

from explorer.model.importers.source import Source, SourceError
from explorer.model.load.json_format import compose_json
from explorer.model.load.nodes import MappingNode, Node, ScalarNode, SequenceNode
from explorer.model.load.problems import Problems


class LDict(dict):
    """A JSON object with the line and column where it starts."""

    at: tuple[int, int] = (1, 1)


class LList(list):
    """A JSON array with the line and column where it starts."""

    at: tuple[int, int] = (1, 1)


def at_of(value: object) -> tuple[int, int]:
    return getattr(value, "at", (1, 1))


def read_json(source: Source) -> object:
    """The file as located values; SourceError at the place of a syntax error."""
    source.refuse_binary("a JSON file")
    text = source.text()
    problems = Problems(source.name)
    root = compose_json(text, problems)
    if root is None:
        first = problems.diagnostics()[0]
        raise SourceError(first.message, first.line, first.column)
    return _plain(root)


def _plain(root: Node) -> object:
    # walks without recursion: a deeply nested file cannot exhaust the stack
    def make(node: Node):
        if isinstance(node, ScalarNode):
            return None if node.tag.endswith("null") else node.value
        made = LDict() if isinstance(node, MappingNode) else LList()
        made.at = (node.line, node.column)
        return made

    top = make(root)
    stack = [(root, top)]
    while stack:
        node, made = stack.pop()
        if isinstance(node, MappingNode):
            for key, child in node.value:
                value = make(child)
                made[key.value] = value
                if not isinstance(child, ScalarNode):
                    stack.append((child, value))
        elif isinstance(node, SequenceNode):
            for child in node.value:
                value = make(child)
                made.append(value)
                if not isinstance(child, ScalarNode):
                    stack.append((child, value))
    return top


def sniff_json(source: Source) -> object | None:
    """The parsed file when it is JSON (plain `json`, for detection), else None."""
    if source.suffix not in (".json", ".js", "") and source.head.lstrip()[:1] not in (b"{", b"["):
        return None
    if source.binary_kind() is not None or source.is_zip:
        return None
    if "json" not in source.memo:
        try:
            source.memo["json"] = json.loads(source.text())
        except (ValueError, RecursionError):
            source.memo["json"] = None
    return source.memo["json"]


def text_of(value: object) -> str:
    """A JSON scalar as text ("" for null, objects and lists)."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()
