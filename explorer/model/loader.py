"""Loading a timeline file (format v1, YAML or JSON) into a `Dataset`, explaining every mistake.

`load_dataset(path)` and `load_text(text)` either return a data set (its `warnings` holding
any warnings) or raise `DatasetError` carrying every diagnostic found, errors and warnings,
each with a line, a column, a path such as `events[3].actors[1]` and what to do. Nothing else
escapes them: a missing file, binary bytes, an alias bomb or a loader bug all end as diagnostics
(only `LoadCancelled`, when the caller asked to stop).

Two paths read a file, with the same results (`tests/model/test_load_paths.py`):

- the fast path parses with a compiled parser (`yaml_fast` for YAML, the standard `json`) into
  plain values and validates them (`plain_validate`); it serves clean files only;
- the node path composes a node graph that keeps every position (`yaml_nodes`, `json_format`)
  and validates it (`validate`); it is the reference, and it reads every file the fast path
  cannot vouch for, or that has anything to report, so every diagnostic has its line and column.

`load_dataset(path, cache=...)` also keeps validated data sets in a `DatasetCache`, keyed by
the file's content, so that reopening an unchanged file skips both.
"""

from __future__ import annotations

import codecs
import gc
import json
import os
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable

from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError
from explorer.model.json_format import compose_json, json_text, read_json_fast, syntax_error, syntax_ok
from explorer.model.plain_validate import NotVouched, read_plain
from explorer.model.progress import LoadCancelled, Steps
from explorer.model.validate import read_timeline
from explorer.model.yaml_fast import READ_AS_TEXT, read_yaml_fast
from explorer.model.yaml_nodes import DEFAULT_LOADER, NodeReader, Problems, compose

if TYPE_CHECKING:
    from explorer.model.cache import DatasetCache

__all__ = ["LoadCancelled", "load_dataset", "load_text"]

#: Largest YAML file read, in bytes (in characters for text handed to `load_text`). The node
#: graph of a YAML file takes about 18 times its size in memory; this keeps that near 1 GB.
MAX_YAML_BYTES = 64 * 1024 * 1024
#: Largest JSON file read. JSON is what large generated data sets are written in; its fast
#: path takes about 10 times the file's size in memory while it reads.
MAX_JSON_BYTES = 192 * 1024 * 1024
#: Nodes a file may make the validator visit beyond one per character of the file: generous
#: for anchors and aliases used to avoid repetition, far below what an alias bomb asks for.
NODE_BUDGET_BASE = 100_000

YAML, JSON = "yaml", "json"
_MB = 1024 * 1024
_START = (1, 1)

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


def load_dataset(
    path: str | os.PathLike,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cache: DatasetCache | None = None,
    accelerate: bool = True,
) -> Dataset:
    """Read and check the timeline file at `path` (JSON when it ends in `.json`).

    `progress` is called with the fraction done (0 to 1) now and then; once `cancelled()`
    returns True the load stops with `LoadCancelled`. With `cache`, a file read before with
    the same content comes from the cache, and a newly read one goes into it. `accelerate`
    False reads through the node path only (the reference).
    """
    name = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    problems = Problems(name)
    steps = Steps(progress, cancelled)
    language = JSON if name.lower().endswith(".json") else YAML

    def read() -> Dataset | None:
        steps.stage(0.0, 0.02)
        data = _read_file(path, problems, language)
        if data is None:
            return None
        key = None
        if cache is not None:
            key = cache.key(data, language)
            found = cache.get(key, name, steps)
            if found is not None:
                return found
        # handed over in a box so that the bytes can go once decoded (a large JSON file)
        box = [data]
        del data
        dataset = _load(box, problems, name, language, steps, accelerate)
        if dataset is not None and key is not None:
            cache.put(key, dataset)
        return dataset

    return _guarded(problems, read)


def load_text(
    text: str | bytes,
    file: str = "<text>",
    *,
    language: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    accelerate: bool = True,
) -> Dataset:
    """Check a timeline given in memory; `file` names it in diagnostics. `language` is "yaml"
    or "json"; by default JSON when `file` ends in `.json`."""
    problems = Problems(file)
    if language is None:
        language = JSON if file.lower().endswith(".json") else YAML
    steps = Steps(progress, cancelled)
    return _guarded(problems, lambda: _load(text, problems, None, language, steps, accelerate))


def fast_path_fields(text: str, language: str = YAML) -> dict[str, Any] | None:
    """What the fast path alone reads from `text` (the keyword arguments of `Dataset.build`),
    or None when it cannot vouch for the file; for tests and benchmarks of the two paths."""
    problems = Problems("<text>")
    with _cyclic_gc_paused():
        fields = _fast_fields(text.removeprefix("\ufeff"), None, problems, language, Steps())
    return None if problems.errors else fields


def _guarded(problems: Problems, read: Callable[[], Dataset | None]) -> Dataset:
    dataset = None
    try:
        with _cyclic_gc_paused():
            dataset = read()
    except LoadCancelled:
        raise
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
    """Pause the cyclic garbage collector while loading, then freeze what exists.

    A file becomes hundreds of thousands of objects; collections triggered by them would scan
    the growing graph again and again (loading takes three times as long). Afterwards the data
    set is long-lived, immutable and acyclic (freed by reference counting alone), so it goes to
    the collector's permanent generation (`gc.freeze`): no later collection walks it again. With
    a million events a full collection otherwise stalls the window for about a second.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _load(
    source: object, problems: Problems, path: str | None, language: str, steps: Steps, accelerate: bool,
) -> Dataset | None:
    raw = None
    if isinstance(source, list):  # a box holding the bytes of a file: the last reference
        source = source.pop()
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw = bytes(source)
        source = None
        text = _decode(raw, problems, language)
        if language == JSON:  # only the YAML checks read the bytes
            raw = None
        elif text is not None and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
    elif isinstance(source, str):
        text = source.removeprefix("\ufeff") if _check_size(len(source), problems, language) else None
    else:
        problems.error(_START, "", f"expected the text of a timeline file, not {type(source).__name__}")
        return None
    if text is None:
        return None
    fields = None
    if accelerate:
        steps.stage(0.02, 0.9)
        fields = _fast_fields(text, raw, problems, language, steps)
        if fields is None and problems.errors:  # a JSON syntax error: nothing more to read
            return None
        if fields is None:
            steps.restart()
    if fields is None:
        fields = _node_fields(text, problems, language, steps)
    if fields is None or problems.errors:
        return None
    steps.stage(0.95, 1.0)
    return Dataset.build(**fields, path=path, warnings=problems.diagnostics())


def _fast_fields(
    text: str, raw: bytes | None, problems: Problems, language: str, steps: Steps
) -> dict[str, Any] | None:
    """The fields of a file with nothing to report, or None when the node path must read it."""
    try:
        if language == JSON:
            try:
                root = read_json_fast(text)
            except json.JSONDecodeError as error:
                syntax_error(text, error, problems)
                return None
            text_of, refused = json_text, ()
        else:
            root, text_of = read_yaml_fast(text, raw)
            refused = READ_AS_TEXT
        steps.stage(0.45, 1.0)
        return read_plain(root, text_of, steps, refused)
    except NotVouched:
        return None
    except (LoadCancelled, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - the fast path only saves time: the reference decides
        return None


def _node_fields(text: str, problems: Problems, language: str, steps: Steps) -> dict[str, Any] | None:
    """The fields of any file through the node path, every problem reported with its place."""
    steps.stage(0.0, 0.6)
    if language == JSON:
        root = compose_json(text, problems, steps.at) if syntax_ok(text, problems) else None
    else:
        root = compose(text, problems, DEFAULT_LOADER, steps.at)
    if root is None:
        return None
    steps.stage(0.6, 0.95)
    reader = NodeReader(problems, NODE_BUDGET_BASE + len(text), language="JSON" if language == JSON else "YAML")
    return read_timeline(root, reader, steps.at)


def _read_file(path: str | os.PathLike, problems: Problems, language: str) -> bytes | None:
    """The bytes of the file, or None after reporting why they cannot be had."""
    if not isinstance(path, (str, bytes, os.PathLike)):  # open() would take an int as a descriptor
        problems.error(_START, "", f"expected a file path, not {type(path).__name__}")
        return None
    limit = _limit(language)
    try:
        with open(path, "rb") as stream:
            if not _check_size(os.fstat(stream.fileno()).st_size, problems, language):
                return None
            # read one byte more than allowed: special files report size 0 and never end
            data = stream.read(limit + 1)
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
        return data if _check_size(len(data), problems, language) else None
    return None


def _limit(language: str) -> int:
    return MAX_JSON_BYTES if language == JSON else MAX_YAML_BYTES


def _check_size(size: int, problems: Problems, language: str = YAML) -> bool:
    limit = _limit(language)
    if size <= limit:
        return True
    problems.error(
        _START, "",
        f"the file is larger than {limit // _MB} MB, the limit for a timeline file in "
        f"{language.upper()} (so that loading it cannot exhaust memory); split it or remove what "
        "it does not need",
    )
    return False


def _decode(data: bytes, problems: Problems, language: str = YAML) -> str | None:
    """The text of UTF-8 bytes (a BOM allowed), or None after pointing at the first bad byte."""
    if not _check_size(len(data), problems, language):
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
        kind = "JSON" if language == JSON else "YAML"
        problems.error(
            (line, column), "",
            f"the file is not UTF-8 text: byte 0x{data[start]:02X} here cannot be read; save the "
            f"file as UTF-8, or, if this is not the timeline's {kind} file (an image, a "
            "spreadsheet), open that instead",
        )
        return None
