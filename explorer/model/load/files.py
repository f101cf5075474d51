"""Reading a timeline file's bytes and text: size limits, special files, encodings, each
problem reported as a plain diagnostic that says what to do."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from typing import BinaryIO

from explorer.model.background import paced
from explorer.model.load.problems import Problems

#: Largest YAML file read, in bytes (in characters for text handed to `load_text`). The node
#: graph of a YAML file takes about 18 times its size in memory; this keeps that near 1 GB.
MAX_YAML_BYTES = 64 * 1024 * 1024
#: Largest JSON file read. JSON is what large generated data sets are written in; its fast
#: path takes about 10 times the file's size in memory while it reads.
MAX_JSON_BYTES = 192 * 1024 * 1024

YAML, JSON = "yaml", "json"
_MB = 1024 * 1024
#: Where problems with the file as a whole are reported.
START = (1, 1)


#: Where lines end, as editors count them: \n, \r\n, or \r alone (never U+0085 or U+2028,
#: which YAML 1.1 counts as line breaks but editors show within a line).
LINE_END = re.compile("\r\n|\r|\n")


def editor_position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character `index` of `text`, as an editor shows it."""
    line, line_start = 1, 0
    for match in LINE_END.finditer(text, 0, index):
        if match.end() == index and text[index - 1:index + 1] == "\r\n":
            break  # `index` is the \n of this line's \r\n
        line, line_start = line + 1, match.end()
    return line, index - line_start + 1


def language_of(name: str) -> str:
    """JSON for a name ending in `.json`, else YAML."""
    return JSON if name.lower().endswith(".json") else YAML


class NotAFile(OSError):
    """The path names something other than a regular file: a named pipe, a device, a socket."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"this is {kind}, not a file, so it is not read")
        self.kind = kind


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def special_kind(path: str | bytes | os.PathLike) -> str:
    """What kind of thing other than a regular file `path` names ("a named pipe (FIFO)")."""
    try:
        return _kind_of(os.stat(path).st_mode)
    except (OSError, ValueError):
        return "a special file"


def open_regular(path: str | bytes | os.PathLike, follow_links: bool = True) -> BinaryIO:
    """The regular file at `path` opened for reading, at once: a named pipe, a device or a
    socket raises `NotAFile` instead of blocking or never ending (`IsADirectoryError` for a
    folder); `follow_links` False refuses a symbolic link too (the cache's own files)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, (str, bytes)):  # os.open() would take an int as a descriptor
        raise TypeError(f"expected a file path, not {type(path).__name__}")
    # a named pipe opened without O_NONBLOCK waits for a writer; opening a socket fails
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket, or a device without its driver
            raise NotAFile(_kind_of(os.stat(path).st_mode)) from None
        raise
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", path)
        if not stat.S_ISREG(mode):
            raise NotAFile(_kind_of(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def special_file_message(error: NotAFile, wanted: str = "a timeline file (.yaml)") -> str:
    """What to say about a path that is not a regular file."""
    return f"{error}; give the path of {wanted}"


def read_file(path: str | os.PathLike, problems: Problems, language: str) -> bytes | None:
    """The bytes of the file, or None after reporting why they cannot be had."""
    if not isinstance(path, (str, bytes, os.PathLike)):  # open() would take an int as a descriptor
        problems.error(START, "", f"expected a file path, not {type(path).__name__}")
        return None
    limit = limit_of(language)
    try:
        with open_regular(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            if not check_size(size, problems, language):
                return None
            data = read_bounded(stream, size, limit)
    except NotAFile as error:
        problems.error(START, "", special_file_message(error))
    except IsADirectoryError:
        problems.error(START, "", "this is a folder, not a file; give the path of a timeline file (.yaml)")
    except FileNotFoundError:
        problems.error(START, "", "there is no such file; check the path")
    except PermissionError:
        problems.error(START, "", "the file cannot be read (permission denied); check its permissions")
    except OSError as error:
        problems.error(START, "", f"the file cannot be read ({error.strerror or error}); check the path")
    except (ValueError, TypeError) as error:  # e.g. a NUL character in the path
        problems.error(START, "", f"this is not a usable file path ({error})")
    else:
        return data if check_size(len(data), problems, language) else None
    return None


def read_bounded(stream: BinaryIO, size: int, limit: int) -> bytes:
    """The bytes of a regular file of `size` bytes, one more than `limit` at most: a file
    that grows while it is read is read whole or noticed, and memory is asked for by the size
    the file has (asking for `limit` bytes up front costs every small file 64 MB)."""
    data = stream.read(min(size, limit) + 1)
    if len(data) > size and len(data) <= limit:
        data += stream.read(limit + 1 - len(data))
    return data


def limit_of(language: str) -> int:
    """The largest file of `language` read, in bytes."""
    return MAX_JSON_BYTES if language == JSON else MAX_YAML_BYTES


def check_size(size: int, problems: Problems, language: str = YAML) -> bool:
    """Whether a file of `size` bytes may be read; reports why not otherwise."""
    limit = limit_of(language)
    if size <= limit:
        return True
    problems.error(
        START, "",
        f"the file is larger than {limit // _MB} MB, the limit for a timeline file in "
        f"{language.upper()} (so that loading it cannot exhaust memory); split it or remove what "
        "it does not need",
    )
    return False


#: Bytes decoded per call: one call holds the interpreter, and with it the window, for the whole
#: of it (30 to 60 ms for the 19 MB of 100,000 events, read beside the window).
DECODE_PIECE = _MB


def _text_of(data: bytes) -> str:
    """The text of UTF-8 bytes, a byte order mark dropped, decoded a piece at a time with a
    checkpoint of the lane before each (a loading thread waits there while the window works).
    A `UnicodeDecodeError` places the first bad byte in `data` itself."""
    body = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    view = memoryview(data)[body:]
    try:
        if len(view) <= DECODE_PIECE:
            return str(view, "utf-8")
        decoder = codecs.getincrementaldecoder("utf-8")()
        parts = []
        for start in paced(range(0, len(view), DECODE_PIECE), 1):
            end = start + DECODE_PIECE
            parts.append(decoder.decode(view[start:end], final=end >= len(view)))
        return "".join(parts)
    except UnicodeDecodeError:
        try:
            str(view, "utf-8")  # the first bad byte, placed in the whole text
        except UnicodeDecodeError as error:
            raise UnicodeDecodeError("utf-8", data, error.start + body, error.end + body, error.reason) from None
        raise


def decode(data: bytes, problems: Problems, language: str = YAML) -> str | None:
    """The text of UTF-8 bytes (a BOM allowed), or None after pointing at the first bad byte."""
    if not check_size(len(data), problems, language):
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problems.error(START, "", "the file is UTF-16 or UTF-32 text; save it as UTF-8")
        return None
    if looks_like_utf16(data):
        problems.error(START, "", "this looks like UTF-16 text (a zero byte beside each letter), though it "
                                  "has no byte-order mark; save it as UTF-8")
        return None
    try:
        return _text_of(data)
    except UnicodeDecodeError as error:
        start = error.start
        # lines end as editors end them: \n, \r\n or \r alone (old Mac files)
        line = data.count(b"\n", 0, start) + data.count(b"\r", 0, start) - data.count(b"\r\n", 0, start) + 1
        line_start = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
        if line_start == 0 and data.startswith(codecs.BOM_UTF8):
            line_start = len(codecs.BOM_UTF8)
        column = len(data[line_start:start].decode("utf-8")) + 1
        kind = "JSON" if language == JSON else "YAML"
        problems.error(
            (line, column), "",
            f"the file is not UTF-8 text: byte 0x{data[start]:02X} here cannot be read; save the "
            f"file as UTF-8, or, if this is not the timeline's {kind} file (an image, a "
            "spreadsheet), open that instead",
        )
        return None


def looks_like_utf16(data: bytes, sample: int = 4096) -> bool:
    """Whether bytes read as UTF-8 look like UTF-16 (or UTF-32) text without a byte-order mark:
    zeros on one side of each pair of bytes (the high bytes of Latin letters), few on the other."""
    head = data[:sample]
    if b"\x00" not in head or len(head) < 4:
        return False
    evens, odds = head[0::2], head[1::2]
    even_zeros, odd_zeros = evens.count(0) / len(evens), odds.count(0) / len(odds)
    return max(even_zeros, odd_zeros) >= 0.3 and min(even_zeros, odd_zeros) <= max(even_zeros, odd_zeros) / 2
