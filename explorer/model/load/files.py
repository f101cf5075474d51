"""Reading a timeline file's bytes and text: size limits, special files, encodings, each
problem reported as a plain diagnostic that says what to do."""

from __future__ import annotations

import codecs
import os

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


def language_of(name: str) -> str:
    """JSON for a name ending in `.json`, else YAML."""
    return JSON if name.lower().endswith(".json") else YAML


def read_file(path: str | os.PathLike, problems: Problems, language: str) -> bytes | None:
    """The bytes of the file, or None after reporting why they cannot be had."""
    if not isinstance(path, (str, bytes, os.PathLike)):  # open() would take an int as a descriptor
        problems.error(START, "", f"expected a file path, not {type(path).__name__}")
        return None
    limit = limit_of(language)
    try:
        with open(path, "rb") as stream:
            if not check_size(os.fstat(stream.fileno()).st_size, problems, language):
                return None
            # read one byte more than allowed: special files report size 0 and never end
            data = stream.read(limit + 1)
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


def decode(data: bytes, problems: Problems, language: str = YAML) -> str | None:
    """The text of UTF-8 bytes (a BOM allowed), or None after pointing at the first bad byte."""
    if not check_size(len(data), problems, language):
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problems.error(START, "", "the file is UTF-16 or UTF-32 text; save it as UTF-8")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
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
