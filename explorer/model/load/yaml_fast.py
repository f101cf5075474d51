"""The YAML accelerator: a compiled YAML 1.2 parser (`yaml_rs`, written in Rust, several times
faster than libyaml through PyYAML) for the files whose reading it can vouch for.

PyYAML stays the reference: the node path reads every scalar as the text written and places
every diagnostic. The accelerator hands back Python values instead, so this module refuses
(`NotVouched`) every file where those values could differ from the reference's reading:

- tags (`!x`), anchors and aliases (`&a`, `*a`), directives (`%YAML`) and more than one
  document: the accelerator drops tags, expands aliases without the reference's budget, and
  PyYAML merges `<<` keys where YAML 1.2 does not (a `<<` key is refused by the validator);
- characters the reference refuses or reads as line breaks (controls, NEL, U+2028/2029, a
  byte order mark inside the text), tabs and lone carriage returns; escapes of surrogates
  (`"\\ud83d\\ude00"`), which the accelerator joins into a character where the reference
  refuses them;
- lines indented deeper than `MAX_LEADING`: the accelerator recurses on nesting and would
  overflow its stack on a hostile file;
- any scalar that starts with `?`, `:`, `|` or `>` in a flow collection or after a space,
  except block scalar headers (`summary: >-`): YAML 1.2 reads `[?x]` or `{k: >x}` as text
  where YAML 1.1 reads a key or refuses it (the validator also refuses text read back
  starting with `|` or `>`, `READ_AS_TEXT`); and a block scalar with no line at the end of
  the file, which the accelerator reads as a line break;
- booleans and floats where text belongs, and integers whose written text cannot be told
  for sure (`0043` and `43` both read as 43): see `IntegerTexts`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import nullcontext

import numpy as np

from explorer.model.background import BACKGROUND, paced
from explorer.model.load.validate_plain import NotVouched

try:
    import yaml_rs
except ImportError:  # the accelerator is optional: the node path reads everything alone
    yaml_rs = None  # type: ignore[assignment]

AVAILABLE = yaml_rs is not None
#: Text the validator must not accept from this accelerator: a block scalar header it read as
#: text (in a flow collection over several lines, where YAML 1.1 refuses it).
READ_AS_TEXT = ("|", ">")
#: Longest run of spaces, `-`, `?` and `:` starting a line; more may mean hostile nesting.
MAX_LEADING = 200

# Bytes allowed outside the checks below: printable ASCII, line feed, carriage return and
# every byte of a multi-byte UTF-8 character.
_ALLOWED = bytes(b for b in range(256) if b in (0x0A, 0x0D) or 0x20 <= b < 0x7F or b >= 0x80)
# Multi-byte characters the reference refuses or reads differently: C1 controls (with NEL),
# U+2028 and U+2029 (line breaks in YAML 1.1), U+FFFE and U+FFFF, a byte order mark.
_SPECIAL_CHARACTERS = (
    re.compile(rb"\xc2[\x80-\x9f]"), re.compile(rb"\xe2\x80[\xa8\xa9]"),
    re.compile(rb"\xef\xbf[\xbe\xbf]"), re.compile(rb"\xef\xbb\xbf"),
)
# Where a node may start: a tag, anchor or alias indicator after one of these is one.
_NODE_START = b" \n\r[]{},:?-"
_INDICATORS = re.compile(rb"[!&*]")
_MARKERS = re.compile(rb"\n(?:---|\.\.\.|%)")
_DEEP = re.compile(rb"\n[ \-?:]{%d}" % MAX_LEADING)
# What may stand before a scalar that starts with an indicator YAML 1.1 and 1.2 read
# differently (`?`, `:`, `|`, `>`).
_BEFORE_SCALAR = b" \n\r[{,:"
_BEFORE_SCALAR_TABLE = np.zeros(256, dtype=bool)
_BEFORE_SCALAR_TABLE[list(_BEFORE_SCALAR)] = True
_BLOCK_HEADER = re.compile(rb"[|>][-+1-9]* *(?:#[^\n]*)?(?:\r?\n|\Z)")
_SURROGATE_ESCAPE = re.compile(rb"\\(?:u[dD][89a-fA-F]|U0000[dD][89a-fA-F])")

# For `IntegerTexts`: the text with where a plain scalar may start (after a line break, `:`,
# `?`, `[`, `{`, `,`, and a `- ` list marker) as b"<" and where it may end as b">" (also `]`
# and `}`); digits, ASCII letters, spaces, `#`, `_`, `-`, `+` and `.` stay, anything else
# becomes b"x". A regular expression then finds every plain scalar that may be an integer,
# and no number inside text ("report 4 on").
_SHAPES = bytes(
    0x3C if chr(b) in "\n\r:?[{," else
    0x3E if chr(b) in "]}" else
    b if chr(b).isascii() and (chr(b).isalnum() or chr(b) in " #_-+.") else 0x78
    for b in range(256)
)
try:  # possessive quantifiers (Python 3.11) spare the backtracking over indentation
    _INT_SHAPE = re.compile(rb"< *+([-+]?[0-9][0-9A-Za-z_]*+) *+(?=[<>#])")
except re.error:
    _INT_SHAPE = re.compile(rb"< *([-+]?[0-9][0-9A-Za-z_]*) *(?=[<>#])")
# A quicker, coarser look first: an integer written differently from `str(int)` starts with
# one of these after a space or where a scalar may start (a leading zero, a sign), or holds
# an underscore next to a digit. Most files have none.
_ODD_STARTS = (b"<0", b" 0", b"<-0", b" -0", b"<+", b" +")
_UNDERSCORE_NUMBER = re.compile(rb"[0-9]_|_[0-9]")
_CANONICAL = re.compile(rb"-?(?:0|[1-9][0-9]*)")

#: Bytes a scan of the whole file looks at per call. A search, a translation or a replacement
#: holds the interpreter, and with it the window, for the whole of its call: over the 19 MB
#: of 100,000 events, 30 to 80 ms each, while the file is read beside the window.
SCAN_PIECE = 1 << 20


def _found(pattern: re.Pattern[bytes], raw: bytes, longest: int) -> bool:
    """Whether `pattern`, whose matches are at most `longest` bytes and which looks at
    nothing outside them, is found in `raw`: searched a piece at a time, each piece
    overlapping the next by the length of a match (with a checkpoint of the lane before
    each: a loading thread waits there while the window works)."""
    for start in paced(range(0, len(raw), SCAN_PIECE), 1):
        if pattern.search(raw, start, start + SCAN_PIECE + longest - 1):
            return True
    return False


def _translated(raw: bytes, table: bytes | None, delete: bytes = b"") -> bytes:
    """`raw.translate(table, delete)`, a piece at a time (a byte at a time either way)."""
    if len(raw) <= SCAN_PIECE:
        return raw.translate(table, delete)
    return b"".join(raw[start:start + SCAN_PIECE].translate(table, delete)
                    for start in paced(range(0, len(raw), SCAN_PIECE), 1))


def _first(pattern: re.Pattern[str], text: str, pos: int, reach: int) -> re.Match[str] | None:
    """`pattern.search(text, pos)`, searched a piece at a time, for a pattern that looks at
    no more than `reach` characters from where a match starts."""
    for start in paced(range(pos, len(text), SCAN_PIECE), 1):
        found = pattern.search(text, start, start + SCAN_PIECE + reach)
        # a match starting past the piece may have been cut short: the next piece's
        if found is not None and found.start() < start + SCAN_PIECE:
            return found
    return None


def _cut_before(text: bytes, mark: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of about `SCAN_PIECE` bytes covering `text`, each piece but
    the first starting at a `mark`."""
    begin = 0
    while begin < len(text):
        end = text.find(mark, begin + SCAN_PIECE)
        end = len(text) if end < 0 else end
        BACKGROUND.checkpoint()
        yield begin, end
        begin = end


def read_yaml_fast(text: str, raw: bytes | None = None) -> tuple[object, IntegerTexts]:
    """The parsed file and the reader of its integers' texts; `raw` is `text` as UTF-8 when
    the caller has it. Raises `NotVouched` for anything listed in the module docstring."""
    if yaml_rs is None:
        raise NotVouched("the YAML accelerator is not installed")
    if raw is None:
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError as error:  # an unpaired surrogate
            raise NotVouched("text that is not valid Unicode") from error
    check_safe(raw)
    integers = IntegerTexts(raw)
    # The accelerator lets other threads run while it parses (not while it makes Python
    # objects): the other checks and the look at integers take that time. Beside the window,
    # they wait at their checkpoints while it works, as this thread does: two threads of
    # Python kept the interpreter from it for 0.2 s at a time.
    checked: list[BaseException | None] = []
    checker = threading.Thread(target=_check_rest, args=(raw, integers, checked, BACKGROUND.yields()),
                               daemon=True)
    checker.start()
    try:
        root = _loads_in_pieces(text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        raise NotVouched(f"the accelerator refused the file ({type(error).__name__})") from error
    finally:
        checker.join()
    if checked[0] is not None:
        raise checked[0]
    return root, integers


#: Items of a top-level `events:` list read per call of the accelerator. It holds the
#: interpreter, and with it the window, while it makes the Python objects of what it read:
#: read whole, a file of 100,000 events held it for most of a second; 4,096 events a call
#: took 32 ms each, and beside the checker thread a reload's pause reached 0.15 s; 2,048
#: take 16 ms, and the file as long in all.
PIECE_EVENTS = 2048
#: A top-level `events:` key with its list on the lines below (after a line end, or at the
#: start: `^` in multi-line mode would be tried at every character).
_EVENTS_KEY = re.compile(r"events:[ ]*(?:#[^\n]*)?\n")
_EVENTS_KEY_LATER = re.compile(r"\nevents:[ ]*(?:#[^\n]*)?\n")
#: The first item of that list, and its indentation.
_FIRST_ITEM = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*([ ]*)-[ \n]")


def _loads(text: str) -> object:
    return yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)


def _loads_in_pieces(text: str) -> object:
    """What the accelerator reads from `text`, the items of a long top-level `events:` list
    read `PIECE_EVENTS` at a time (between two pieces, other threads run).

    The list is cut where its items start: lines of its indentation that start with `- `
    (a line inside an item is indented further, or is inside a quoted scalar or a flow
    collection, which a piece cut there leaves open: that piece fails). Each piece must read
    as a list of as many items as it starts, and the rest of the file (the list taken out)
    as a mapping whose `events` is empty; otherwise the file is read whole, as before, so
    that the accelerator itself tells what is wrong."""
    key = _EVENTS_KEY.match(text) or _EVENTS_KEY_LATER.search(text)
    first = None if key is None else _FIRST_ITEM.match(text, key.end())
    if key is None or first is None:
        return _loads(text)
    indent = first.group(1)
    begin = first.start(1)
    # (patterns that start with a line end: `^` in multi-line mode is tried at every character)
    end_of_list = re.compile(rf"\n(?!{indent}-[ \n])(?![ ]*[#\n])[ ]{{0,{len(indent)}}}\S")
    after = _first(end_of_list, text, begin - 1, len(indent) + 3)  # (`begin` starts a line)
    end = len(text) if after is None else after.start() + 1
    starts = [found.start() + 1 for found in re.compile(rf"\n{indent}-[ \n]").finditer(text, begin - 1, end)]
    if len(starts) <= PIECE_EVENTS:
        return _loads(text)
    try:
        rest = _loads(text[:begin] + text[end:])
        if type(rest) is not dict or rest.get("events", "") is not None:
            return _loads(text)
        items: list = []
        for at in range(0, len(starts), PIECE_EVENTS):
            stop = starts[at + PIECE_EVENTS] if at + PIECE_EVENTS < len(starts) else end
            BACKGROUND.checkpoint()
            piece = _loads(text[starts[at]:stop])
            if type(piece) is not list or len(piece) != min(PIECE_EVENTS, len(starts) - at):
                return _loads(text)
            items += piece
    except Exception:  # noqa: BLE001 - the whole file, read as before, tells what is wrong
        return _loads(text)
    rest["events"] = items
    return rest


def _check_rest(raw: bytes, integers: IntegerTexts, checked: list, yielding: bool = False) -> None:
    try:
        with BACKGROUND.yielding() if yielding else nullcontext():
            _check_reading(raw)
            integers.prepare()
    except Exception as error:  # noqa: BLE001 - handed to the loading thread, which raises it
        checked.append(error)
    else:
        checked.append(None)


def check_safe(raw: bytes) -> None:
    """Raise `NotVouched` for what could make the accelerator itself fail: nesting deep
    enough to overflow its stack, and aliases (expanded without the reference's budget)."""
    if _found(_DEEP, raw, MAX_LEADING + 1) or re.match(rb"[ \-?:]{%d}" % MAX_LEADING, raw):
        raise NotVouched("very deep indentation")
    if b"!" in raw or b"&" in raw or b"*" in raw:
        for match in _INDICATORS.finditer(raw):
            at = match.start()
            # `&` and `*` need a name, so "Research & development" is no anchor
            named = raw[at] == 0x21 or raw[at + 1:at + 2] not in (b"", b" ", b"\n", b"\r")
            if named and (at == 0 or raw[at - 1] in _NODE_START):
                raise NotVouched("a tag, anchor or alias")


def _check_reading(raw: bytes) -> None:
    if _translated(raw, None, _ALLOWED):
        raise NotVouched("control characters or tabs")
    if b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n"):
        raise NotVouched("a lone carriage return")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.isascii():
        for pattern in _SPECIAL_CHARACTERS:
            if _found(pattern, raw, 3):
                raise NotVouched("a character YAML 1.1 and 1.2 read differently")
    if b"\\" in raw and _found(_SURROGATE_ESCAPE, raw, 8):
        raise NotVouched("a surrogate written as an escape")
    if raw.startswith((b"%", b"...")) or _found(_MARKERS, raw, 4):
        raise NotVouched("a directive or a document marker")
    if raw.startswith(b"---") and raw[3:4] not in (b"", b" ", b"\n", b"\r"):
        raise NotVouched("a document marker")
    _check_flow(raw)
    _check_last_block_scalar(raw)


def _check_flow(raw: bytes) -> None:
    """Flow collections close on their line, and no scalar starts with an indicator that the
    two YAML versions read differently (see the module docstring)."""
    codes = np.frombuffer(raw, dtype=np.uint8)
    colons = np.flatnonzero(codes[1:] == 0x3A)
    if _BEFORE_SCALAR_TABLE[codes[colons]].any():
        raise NotVouched("a scalar starting with `:`")
    for indicator in b"?|>":
        at = raw.find(indicator, 1)
        while at >= 0:
            if raw[at - 1] in _BEFORE_SCALAR:
                line = raw[raw.rfind(b"\n", 0, at) + 1:at]
                if line.count(b"[") + line.count(b"{") > line.count(b"]") + line.count(b"}"):
                    raise NotVouched("a scalar starting with an indicator in a flow collection")
                # a block scalar header is allowed; one hidden in a flow collection over
                # several lines comes back as text starting with it, which the validator
                # refuses (`READ_AS_TEXT`)
                if indicator == 0x3F or not _BLOCK_HEADER.match(raw, at):
                    raise NotVouched("a scalar starting with `?`, `|` or `>`")
            at = raw.find(indicator, at + 1)
    if raw[:1] in (b"?", b":", b"|", b">"):
        raise NotVouched("a scalar starting with an indicator")


def _check_last_block_scalar(raw: bytes) -> None:
    """The accelerator reads a block scalar with no line before the end of the file as a line
    break, where YAML reads it as empty text."""
    for line in reversed(raw[-4096:].splitlines()):
        content = line.strip()
        if content and not content.startswith(b"#"):
            if b"|" in content or b">" in content:
                raise NotVouched("a block scalar at the end of the file")
            return


class IntegerTexts:
    """The text written for each integer the accelerator read.

    YAML 1.2 reads `2009`, `02009`, `+2009` and `2_009` all as 2009; the reference keeps the
    text. When no integer in the file is written differently from Python's `str(int)`, that is
    the text. Otherwise every integer-like token is looked at: a value written one way only is
    given that text, and a value written several ways cannot be vouched for.
    """

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self._written: dict[int, str] | None = None
        self._ambiguous: set[int] = set()

    def __call__(self, value: object) -> str | None:
        """The text of a scalar that is not a `str`; None for null."""
        if value is None:
            return None
        if type(value) is not int:
            raise NotVouched(f"a {type(value).__name__} where text belongs")
        if self._written is None:
            self._written = self._scan()
        if value in self._ambiguous:
            raise NotVouched("an integer written in more than one way")
        written = self._written.get(value)
        return str(value) if written is None else written

    def prepare(self) -> None:
        """Look at the integers of the file now rather than when the first one is read."""
        if self._written is None:
            self._written = self._scan()

    def _scan(self) -> dict[int, str]:
        raw = self.raw
        shape = _translated(raw, _SHAPES)
        if (
            not any(start in shape for start in _ODD_STARTS)
            and not shape.startswith((b"0", b"-0", b"+"))
            and not (b"_" in raw and _found(_UNDERSCORE_NUMBER, raw, 2))
        ):
            return {}
        # the text starts and ends where a scalar may; a list marker `- ` is where one starts.
        # A token starts at a `<` and ends before the next, which it looks at: the pieces
        # start at one, and each is read with the `<` that starts the next.
        shape = b"<" + shape + b"<"
        tokens: set[bytes] = set()
        for start, end in _cut_before(shape, b"<"):
            tokens.update(_INT_SHAPE.findall(shape[start:end].replace(b"- ", b"< ") + b"<"))
        plain: set[int] = set()
        odd: dict[bytes, None] = {}
        for token in tokens:
            if _CANONICAL.fullmatch(token) and token != b"-0":
                plain.add(int(token))
            else:
                odd[token] = None
        forms: dict[int, set[str]] = {}
        for token in odd:
            value = _integer(token.decode("ascii"))
            if value is not None:
                forms.setdefault(value, set()).add(token.decode("ascii"))
        written = {}
        for value, texts in forms.items():
            if len(texts) == 1 and value not in plain:
                written[value] = texts.pop()
            else:
                self._ambiguous.add(value)
        return written


def _integer(token: str) -> int | None:
    """The integer the accelerator reads `token` as, or None when it reads something else."""
    try:
        loaded = yaml_rs.loads(f"- {token}\n")
        value = loaded[0] if isinstance(loaded, list) else None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 - a token it refuses is no integer
        return None
    return value if type(value) is int else None
