"""Loading a timeline file (format v1) into a `Dataset`, explaining every mistake.

`load_dataset(path)` and `load_text(text)` either return a data set (its `warnings` holding
any warnings) or raise `DatasetError` carrying every diagnostic found, errors and warnings,
each with a line, a column, a path such as `events[3].actors[1]` and what to do. Nothing else
escapes them: a missing file, binary bytes, an alias bomb or a loader bug all end as diagnostics.
"""

from __future__ import annotations

import codecs
import gc
import os
from contextlib import contextmanager

from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError
from explorer.model.validate import read_timeline
from explorer.model.yaml_nodes import DEFAULT_LOADER, NodeReader, Problems, compose

#: Largest YAML file read, in bytes (in characters for text handed to `load_text`). The node
#: graph of a YAML file takes about twenty times its size in memory; this keeps that bounded.
MAX_YAML_BYTES = 64 * 1024 * 1024
#: Nodes a file may make the validator visit beyond one per character of the file: generous
#: for anchors and aliases used to avoid repetition, far below what an alias bomb asks for.
NODE_BUDGET_BASE = 100_000

_MB = 1024 * 1024
_START = (1, 1)


def load_dataset(path: str | os.PathLike) -> Dataset:
    """Read and check the timeline file at `path`."""
    name = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    problems = Problems(name)
    return _guarded(problems, lambda: _read_file(path, problems), name)


def load_text(text: str | bytes, file: str = "<text>") -> Dataset:
    """Check a timeline given in memory; `file` names it in diagnostics."""
    problems = Problems(file)
    return _guarded(problems, lambda: text, None)


def _guarded(problems: Problems, source, path: str | None) -> Dataset:
    dataset = None
    try:
        with _cyclic_gc_paused():
            dataset = _load(source(), problems, path)
    except MemoryError:
        problems.error(_START, "", "the file needs more memory than this computer has; make it smaller")
    except Exception as error:  # the last line of defence: a loader bug reads as a diagnostic
        problems.error(
            _START, "",
            f"the loader failed unexpectedly ({type(error).__name__}: {error}); please report "
            "this together with the file",
        )
    if dataset is None or problems.errors:
        raise DatasetError(problems.diagnostics())
    return dataset


@contextmanager
def _cyclic_gc_paused():
    """Pause the cyclic garbage collector while loading: a file becomes hundreds of thousands of
    nodes, and collections triggered by them scan the growing graph again and again (loading
    takes three times as long). Any cycles made meanwhile are collected once it runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(source: str | bytes | None, problems: Problems, path: str | None) -> Dataset | None:
    if source is None:
        return None
    if isinstance(source, (bytes, bytearray, memoryview)):
        text = _decode(bytes(source), problems)
    elif isinstance(source, str):
        text = source.removeprefix("\ufeff") if _check_size(len(source), problems) else None
    else:
        problems.error(_START, "", f"expected the text of a timeline file, not {type(source).__name__}")
        return None
    if text is None:
        return None
    root = compose(text, problems, DEFAULT_LOADER)
    if root is None:
        return None
    fields = read_timeline(root, NodeReader(problems, NODE_BUDGET_BASE + len(text)))
    if fields is None or problems.errors:
        return None
    return Dataset.build(**fields, path=path, warnings=problems.diagnostics())


def _read_file(path: str | os.PathLike, problems: Problems) -> bytes | None:
    """The bytes of the file, or None after reporting why they cannot be had."""
    if not isinstance(path, (str, bytes, os.PathLike)):  # open() would take an int as a descriptor
        problems.error(_START, "", f"expected a file path, not {type(path).__name__}")
        return None
    try:
        with open(path, "rb") as stream:
            if not _check_size(os.fstat(stream.fileno()).st_size, problems):
                return None
            # read one byte more than allowed: special files report size 0 and never end
            data = stream.read(MAX_YAML_BYTES + 1)
    except IsADirectoryError:
        problems.error(_START, "", "this is a folder, not a file; give the path of a timeline file (.yaml)")
    except FileNotFoundError:
        problems.error(_START, "", "there is no such file; check the path")
    except PermissionError:
        problems.error(_START, "", "the file cannot be read (permission denied); check its permissions")
    except OSError as error:
        problems.error(_START, "", f"the file cannot be read ({error.strerror or error}); check the path")
    except (ValueError, TypeError) as error:  # e.g. a NUL character in the path
        problems.error(_START, "", f"this is not a usable file path ({error})")
    else:
        return data if _check_size(len(data), problems) else None
    return None


def _check_size(size: int, problems: Problems) -> bool:
    if size <= MAX_YAML_BYTES:
        return True
    problems.error(
        _START, "",
        f"the file is larger than {MAX_YAML_BYTES // _MB} MB, the limit for a timeline file in "
        f"YAML (so that loading it cannot exhaust memory); split it or remove what it does not need",
    )
    return False


def _decode(data: bytes, problems: Problems) -> str | None:
    """The text of UTF-8 bytes (a BOM allowed), or None after pointing at the first bad byte."""
    if not _check_size(len(data), problems):
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problems.error(_START, "", "the file is UTF-16 or UTF-32 text; save it as UTF-8")
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
        problems.error(
            (line, column), "",
            f"the file is not UTF-8 text: byte 0x{data[start]:02X} here cannot be read; save the "
            "file as UTF-8, or, if this is not the timeline's YAML file (an image, a spreadsheet), "
            "open that instead",
        )
        return None
