"""Where the fast path's warnings are, found in the text around the keys they are about: each
`Finding` of `validate_plain` is placed at the line and column the node path gives it, without
composing the file's nodes.

A finding knows its key's text and that its key is the n-th of the keys of the file written
with that text (`Finding.ordinal` of `Finding.keys`, counted by the validator in file order).
The text is searched for the places such a key may be written; when there are exactly as many
places as keys, they are the keys, in order, and the n-th place is the finding's. The search
finds more than keys, never fewer:

- a finding's key must be a word (letters, digits, `_`, `-`, `.`: no space, quote or
  backslash); a scalar over several lines holds a space (or escapes), so such a key is
  written on one line: as itself, in single quotes, in double quotes, or with escapes;
- YAML: every scalar with that text (key or value) that starts after a space, a line break,
  `[`, `{`, `,` or at the start of the file, and is plain and followed by the end of a
  scalar, or quoted; JSON: every string with that text followed by a colon;
- a key written with escapes (`"f\\u006fo":`) is read back, and any that cannot be read back
  or reads as a finding's key leaves the file to the node path.

A text written as a value elsewhere, in a comment or in a block of text only makes more
places than keys. A warning about a status is placed at the value of its `status` key, when
that is written on the key's line, plain or quoted, as read. Whenever anything is not certain (more places than keys, a name that is not
a word, a status not written on its key's line, more names than `MAX_NAMES`), `place` returns
None and the loader reads the file through the node path, as it would without this module.
Positions are counted as an editor shows them (`files.editor_position`): lines end at \\n,
\\r\\n or \\r; columns count characters from 1.
"""

from __future__ import annotations

import json
import re
from typing import Sequence

from explorer.model.load.validate_plain import Finding

#: The most distinct key texts whose places are looked for (each is a search of the text).
MAX_NAMES = 16
#: The most keys with escapes read back before the node path is left the file.
MAX_ESCAPED_KEYS = 10_000

#: How far before its last escape the opening quote of a key with escapes is looked for.
_KEY_LENGTH = 4096
#: What a key's text must be for its places to be found.
_WORD = re.compile(r"\w[\w.\-]*")
#: What may stand before a YAML scalar (as well as the start of the file).
_BEFORE = frozenset(" \r\n[{,")
#: What may follow a plain YAML scalar (after spaces) when the scalar ends there.
_PLAIN_END = re.compile(r" *(?:[\r\n:,\]}#]|\Z)")
#: The end of a double-quoted key with escapes: its last escape, the rest of its text, its
#: closing quote and the colon (after spaces, line breaks and comments in YAML).
_ESCAPED_YAML_KEY = re.compile(r'\\[\s\S][^"\\\r\n]*"[ \r\n]*(?:#[^\r\n]*[\r\n][ \r\n]*)*:')
_ESCAPED_JSON_KEY = re.compile(r'\\[\s\S][^"\\\r\n]*"[ \t\r\n]*:')
_JSON_SPACE = re.compile(r"[ \t\r\n]*")
_JSON_WORD = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false")


def place(text: str, findings: Sequence[Finding], is_json: bool) -> list[tuple[int, int]] | None:
    """The 1-based (line, column) of each finding in `text`, or None when not every one can be
    placed for certain."""
    names = {finding.key for finding in findings}
    if len(names) > MAX_NAMES or not all(_WORD.fullmatch(name) for name in names):
        return None
    if _escaped_key(text, names, is_json):
        return None
    places = {name: (_json_keys if is_json else _yaml_scalars)(text, name) for name in names}
    offsets = []
    for finding in findings:
        found = places[finding.key]
        if len(found) != finding.keys or not 0 <= finding.ordinal < len(found):
            return None
        at = found[finding.ordinal]
        if finding.at_value:
            value = _value(text, at, finding.key, finding.value, is_json)
            if value is None:
                return None
            at = value
        offsets.append(at)
    return positions(text, offsets)


def _yaml_scalars(text: str, name: str) -> list[int]:
    """Where every scalar written `name`, `'name'` or `"name"` on one line may start."""
    found = []
    for match in re.finditer(re.escape(name), text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        if before in ("'", '"'):
            if text[end:end + 1] == before and (start == 1 or text[start - 2] in _BEFORE):
                found.append(start - 1)
        elif (not start or before in _BEFORE) and _PLAIN_END.match(text, end):
            found.append(start)
    return found


def _json_keys(text: str, name: str) -> list[int]:
    """Where every key `"name"` starts: a string that is followed by a colon and whose quote
    is not escaped (in a JSON text, a quote that is not escaped opens or closes a string, and
    one followed by a word opens it)."""
    found = []
    for match in re.finditer(re.escape(f'"{name}"'), text):
        start = match.start()
        if (not start or text[start - 1] != "\\") and text.startswith(":", _json_space(text, match.end())):
            found.append(start)
    return found


def _escaped_key(text: str, names: set[str], is_json: bool) -> bool:
    """Whether a key written with escapes may read as one of `names` (or cannot be read)."""
    if "\\" not in text:
        return False
    pattern = _ESCAPED_JSON_KEY if is_json else _ESCAPED_YAML_KEY
    for number, match in enumerate(pattern.finditer(text)):
        if number >= MAX_ESCAPED_KEYS:
            return True
        start = match.start()
        floor = max(0, start - _KEY_LENGTH)  # a longer key is left to the node path
        quote = start
        while True:  # the quote that opens the string: the nearest one before that is not escaped
            quote = text.rfind('"', floor, quote)
            if quote < 0:
                return True
            slashes = 0
            while quote - slashes > floor and text[quote - slashes - 1] == "\\":
                slashes += 1
            if floor and quote - slashes == floor:
                return True  # backslashes beyond where it looks: not certain
            if not slashes % 2:
                break
        close = text.index('"', match.start() + 2)
        try:
            key = json.loads(text[quote:close + 1])
        except ValueError:
            return True
        if key in names:
            return True
    return False


def _value(text: str, at: int, name: str, value: str, is_json: bool) -> int | None:
    """Where the value of the key written at `at` starts, when it is written `value` on the
    key's line (YAML) or as a JSON string or word; None otherwise."""
    at += len(name) + (text[at] in "'\"") * 2
    if is_json:
        at = _json_space(text, at)
        if not text.startswith(":", at):
            return None
        at = _json_space(text, at + 1)
        if text.startswith(f'"{value}"', at) and not re.search(r'["\\\x00-\x1f]', value):
            return at
        word = _JSON_WORD.match(text, at)
        return at if word is not None and word.group() == value else None
    while text.startswith(" ", at):
        at += 1
    if not text.startswith(":", at):
        return None
    at += 1
    while text.startswith(" ", at):
        at += 1
    quoted = "'" + value.replace("'", "''") + "'"
    if "\n" in value or "\r" in value:
        return None
    if text.startswith(quoted, at) or (text.startswith(f'"{value}"', at) and not re.search(r'["\\]', value)):
        return at
    if text.startswith(value, at) and value[:1] not in ("", " ", "'", '"') and _PLAIN_END.match(text, at + len(value)):
        return at
    return None


def _json_space(text: str, at: int) -> int:
    """Where the JSON whitespace starting at `at` ends."""
    found = _JSON_SPACE.match(text, at)
    return at if found is None else found.end()


def positions(text: str, offsets: Sequence[int]) -> list[tuple[int, int]]:
    """The 1-based (line, column) of each character offset, lines ending at \\n, \\r\\n or \\r
    (none of the offsets may be the \\n of a \\r\\n)."""
    placed: dict[int, tuple[int, int]] = {}
    line, done, line_start = 1, 0, 0
    for offset in sorted(set(offsets)):
        line += text.count("\n", done, offset) + text.count("\r", done, offset) - text.count("\r\n", done, offset)
        last = max(text.rfind("\n", done, offset), text.rfind("\r", done, offset))
        if last >= 0:
            line_start = last + 1
        done = offset
        placed[offset] = (line, offset - line_start + 1)
    return [placed[offset] for offset in offsets]
