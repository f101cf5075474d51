"""Text from a data file made safe for where it goes: a terminal, a JSON report, an XML file.

A data file may hold any character, and a file name any bytes. A terminal obeys control
characters (an actor id made of escape sequences retitles it and erases lines), a JSON report
must be UTF-8 (lone surrogates are not), and XML 1.0 cannot hold most C0 controls at all.
Each of these is said once here, for the command line and the exports alike.
"""

from __future__ import annotations

import re
from typing import Any

#: What a terminal may act on: C0 and C1 controls and DEL, the line and paragraph separators,
#: the marks that reorder text (bidirectional overrides and isolates), and lone surrogates (a
#: file name that is not UTF-8 arrives with its bytes as U+DC80..U+DCFF).
_FOR_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e"
                           "\u2066-\u2069\ud800-\udfff]")
#: The same, less the newline and the tab, for text of several lines of the program's own.
_FOR_TERMINAL_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f"
                                 "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: Lone surrogates: text that cannot be written as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
#: What XML 1.0 cannot hold: C0 controls but tab, newline and carriage return; surrogates;
#: U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_XML_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
#: Controls a JSON encoder leaves raw (it escapes only U+0000..U+001F): DEL and C1, which
#: some terminals obey, and the separators.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a name that is not UTF-8
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def for_terminal(text: str, lines: bool = False) -> str:
    """`text` with every character a terminal could act on written as an escape (`\\x1b`,
    `\\u202e`, `\\xff` for a byte of a name that is not UTF-8). With `lines`, newlines and
    tabs are kept (text of several lines of the program's own)."""
    pattern = _FOR_TERMINAL_LINES if lines else _FOR_TERMINAL
    return pattern.sub(_escape, text)


def without_surrogates(text: str) -> str:
    """`text` that can be written as UTF-8: lone surrogates written as escapes."""
    return _SURROGATES.sub(_escape, text)


def for_json(value: Any) -> Any:
    """`value` (dicts, lists, strings, numbers) with every string writable as UTF-8."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {for_json(key): for_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [for_json(item) for item in value]
    return value


def json_report(value: Any, indent: int | None = 2) -> str:
    """`value` as JSON text that is valid UTF-8 and holds no control character raw."""
    import json

    text = json.dumps(for_json(value), indent=indent, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def for_xml(text: str) -> str:
    """`text` without what XML 1.0 cannot hold (a NUL, an escape, a bell, U+FFFF...):
    those have nothing to draw, so they are dropped."""
    return _NOT_XML.sub("", text)


def xml_bytes(data: bytes) -> bytes:
    """A UTF-8 XML document without the characters XML 1.0 cannot hold. Bytes below 0x20 never
    occur inside a longer UTF-8 sequence, so they can be dropped where they stand."""
    return _NOT_XML_BYTES.sub(b"", data)
