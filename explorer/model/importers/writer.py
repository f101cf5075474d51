"""Format v1 text from a `Draft`: block style a person can edit, a header comment that says
where the data came from, fields in the order of the format's schema, and every value quoted
only when YAML would read it as something other than the text."""

from __future__ import annotations

import json
import re

from explorer.model.importers.draft import Draft
from explorer.model.load.schema import ENTITY_SECTIONS, LIST_SECTIONS, SUPPORTED_VERSION, Shape

# Text YAML reads as written: starts with a letter, digit or one of a few safe characters,
# and holds no `: `, ` #`, tab or line break; no leading or trailing space.
_PLAIN = re.compile(r"[\w(.$/+-][^\n\r\t]*", re.UNICODE)
_UNSAFE_INSIDE = re.compile(r": |:$| #|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
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
    if (
        _PLAIN.fullmatch(text)
        and not _UNSAFE_INSIDE.search(text)
        and text.strip() == text
        and text.lower() not in _SPECIAL_WORDS
        and not _NUMBER_LIKE.fullmatch(text)
        and not text.startswith(("- ", "-- ", "..."))
    ):
        return text
    return _quoted(text)


def _quoted(text: str) -> str:
    """A double-quoted scalar: JSON's escapes are YAML's, and non-printing characters are
    escaped so that the file holds none raw."""
    out = json.dumps(text, ensure_ascii=False)
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


def _fields(entry: dict, shape: Shape, first: str, rest: str) -> list[str]:
    """The lines of one entry: the first line starts with `first`, the others with `rest`."""
    lines: list[str] = []
    for name in shape.fields:
        value = entry.get(name)
        if value is None or value == "" or value == []:
            continue
        indent = first if not lines else rest
        if isinstance(value, list):
            lines.extend(_list_lines(name, value, indent))
        else:
            lines.extend(_text_lines(name, str(value), indent))
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
