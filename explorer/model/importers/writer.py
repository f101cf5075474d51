"""Format v1 text from a `Draft`: block style a person can edit, a header comment that says
where the data came from, fields in the order of the format's schema, and every value quoted
only when YAML would read it as something other than the text."""

from __future__ import annotations

import json
import re

from explorer.model.importers.draft import Draft
from explorer.model.load.schema import ENTITY_SECTIONS, LIST_SECTIONS, SUPPORTED_VERSION, Shape

# What keeps text from being written plain: a first character YAML reads as an indicator,
# `: `, ` #`, a control character, tab or line break, a space at either end.
_SAFE_FIRST = frozenset("_(.$/+-")
_SPECIAL_WORDS = frozenset(
    "~ null true false yes no on off y n".split()
)
_NUMBER_LIKE = re.compile(r"[-+]?(?:[0-9][0-9_,.:eE+-]*|\.[0-9].*|\.inf|\.nan)", re.IGNORECASE)
_DATE_PLAIN = re.compile(r"[0-9Y.\-/][0-9X~?%./Y-]*")
# A list written on one line: items of words only.
_FLOW_ITEM = re.compile(r"[\w][\w .'()/-]*", re.UNICODE)
_DATE_FIELDS = frozenset(("date", "start", "end", "until", "founded", "dissolved", "adopted",
                          "in_force", "retrieved"))


def scalar(text: str, field: str = "") -> str:
    """`text` as a YAML scalar that reads back as exactly this text."""
    if field in _DATE_FIELDS and _DATE_PLAIN.fullmatch(text):
        return text
    if not text or not text.isprintable():  # control characters, tabs, line breaks
        return _quoted(text)
    first = text[0]
    if (not (first.isalnum() or first in _SAFE_FIRST) or text[-1] == " " or first == " "
            or ": " in text or " #" in text or text[-1] == ":" or text == "-"
            or text.startswith(("- ", "-- ", "..."))):
        return _quoted(text)
    if (first.isdigit() or first in "-+.") and _NUMBER_LIKE.fullmatch(text):
        return _quoted(text)
    if len(text) <= 5 and text.lower() in _SPECIAL_WORDS:
        return _quoted(text)
    return text


def _quoted(text: str) -> str:
    """A double-quoted scalar: JSON's escapes are YAML's, and non-printing characters are
    escaped so that the file holds none raw."""
    out = json.dumps(text, ensure_ascii=False)
    if out.isprintable():
        return out
    return "".join(ch if ch.isprintable() or ch == " " else f"\\u{ord(ch):04x}" for ch in out)


def key(text: str) -> str:
    """An id as a mapping key: plain when safe (`NO` stays plain: the loader reads text)."""
    return text if re.fullmatch(r"[A-Za-z0-9][\w.-]*", text) else _quoted(text)


def _items(values: list[str]) -> list[str]:
    return [scalar(v) for v in values]


def _list_lines(name: str, values: list[str], indent: str) -> list[str]:
    if all(_FLOW_ITEM.fullmatch(v) and v.strip() == v and v.lower() not in _SPECIAL_WORDS
           and not _NUMBER_LIKE.fullmatch(v) for v in values):
        return [f"{indent}{name}: [{', '.join(values)}]"]
    return [f"{indent}{name}:"] + [f"{indent}  - {item}" for item in _items(values)]


def _text_lines(name: str, value: str, indent: str) -> list[str]:
    if "\n" in value and all(line == line.rstrip() and line.isprintable() for line in value.split("\n")) \
            and value == value.strip() and not value.startswith((" ", "#")):
        body = [f"{indent}  {line}" if line else "" for line in value.split("\n")]
        return [f"{indent}{name}: |-", *body]
    return [f"{indent}{name}: {scalar(value, name)}"]


_LISTS: dict[tuple, list[str]] = {}  # lists repeat (tags, sources): written once each


def _fields(entry: dict, shape: Shape, first: str, rest: str) -> list[str]:
    """The lines of one entry: the first line starts with `first`, the others with `rest`."""
    lines: list[str] = []
    fields = shape.fields
    # entries are made with their fields in the schema's order (or close to it)
    for name, value in entry.items():
        if not value or name not in fields:
            continue
        indent = rest if lines else first
        if value.__class__ is list:
            key = (name, *value)
            written = _LISTS.get(key)
            if written is None:
                if len(_LISTS) > 65536:
                    _LISTS.clear()
                written = _LISTS[key] = _list_lines(name, value, "")
            lines.append(f"{indent}{written[0]}")
            lines.extend(f"{rest}{line}" for line in written[1:])
        elif "\n" in value:
            lines.extend(_text_lines(name, value, indent))
        else:
            lines.append(f"{indent}{name}: {scalar(value, name)}")
    return lines


def to_yaml(draft: Draft, header: list[str]) -> str:
    """The whole file: header comment, `timeline: 1`, then each section that has entries."""
    out = [f"# {line}" if line else "#" for line in header]
    out.append(f"timeline: {SUPPORTED_VERSION}")
    if draft.title:
        out.append(f"title: {scalar(draft.title)}")
    if draft.description:
        out.extend(_text_lines("description", draft.description, ""))
    for section, spec in ENTITY_SECTIONS.items():
        entries: dict[str, dict] = getattr(draft, section)
        if not entries:
            continue
        out.append(f"{section}:")
        for entity_id, entry in entries.items():
            out.append(f"  {key(entity_id)}:")
            out.extend(_fields(entry, spec.shape, "    ", "    "))
    for section, shape in LIST_SECTIONS.items():
        items: list[dict] = getattr(draft, section)
        if not items:
            continue
        out.append(f"{section}:")
        for entry in items:
            out.extend(_fields(entry, shape, "  - ", "    "))
    out.append("")
    return "\n".join(out)
