"""Loading a timeline file (format v1, YAML or JSON) into a `Dataset`, explaining every mistake.

`load_dataset(path)` and `load_text(text)` either return a data set (its `warnings` holding
any warnings) or raise `DatasetError` carrying every diagnostic found, errors and warnings,
each with a line, a column, a path such as `events[3].actors[1]` and what to do. Nothing else
escapes them: a missing file, binary bytes, an alias bomb or a loader bug all end as diagnostics
(only `LoadCancelled`, when the caller asked to stop).

Two paths read a file, with the same results (`tests/model/load/test_load_paths.py`):

- the fast path parses with a compiled parser (`yaml_fast` for YAML, the standard `json`) into
  plain values and validates them (`validate_plain`); it serves files without errors, and
  reports their warnings at the places `locate` finds for them in the text;
- the node path composes a node graph that keeps every position (`yaml_compose`,
  `json_format`) and validates it (`validate_nodes`); it is the reference, and it reads every
  file the fast path cannot vouch for: any with an error, or with a warning `locate` cannot
  place for certain, so every diagnostic has its line and column. When the fast path has
  found an error, the node path walks the file for its problems only and keeps none of its
  entries (a JSON file's events are composed one at a time, and only those that break a rule
  or wait on a reference: the others are checked as plain values), so that a failing file
  costs less memory than a good one and not much more time
  (`tests/model/load/test_failing_load.py`).

Both take their rules from `schema`. `load_dataset(path, cache=...)` also keeps validated data
sets in a `DatasetCache`, keyed by the file's content, so that reopening an unchanged file
skips both.
"""

from __future__ import annotations

import codecs
import json
import os
from typing import TYPE_CHECKING, Any, Callable, cast

from explorer.model.background import paced
from explorer.model.dataset import Dataset
from explorer.model.diagnostics import DatasetError, Diagnostic
from explorer.model.load.files import JSON, START, YAML, check_size, decode, language_of, read_file
from explorer.model.load.json_format import (
    compose_json,
    holds_surrogates,
    json_text,
    read_json_fast,
    syntax_error,
    syntax_ok,
)
from explorer.model.load.locate import place
from explorer.model.load.nodes import NodeReader
from explorer.model.load.problems import Problems
from explorer.model.load.progress import LoadCancelled, Steps
from explorer.model.load.validate_nodes import read_timeline
from explorer.model.load.validate_plain import Broken, Finding, NotVouched, read_plain
from explorer.model.load.yaml_compose import DEFAULT_LOADER, compose
from explorer.model.load.yaml_fast import READ_AS_TEXT, read_yaml_fast

if TYPE_CHECKING:
    from explorer.model.load.cache import DatasetCache

__all__ = ["LoadCancelled", "load_dataset", "load_text"]

#: Nodes a file may make the validator visit beyond one per character of the file: generous
#: for anchors and aliases used to avoid repetition, far below what an alias bomb asks for.
NODE_BUDGET_BASE = 100_000

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


def load_dataset(
    path: str | os.PathLike,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cache: DatasetCache | None = None,
    accelerate: bool = True,
    turn: Callable[[], None] | None = None,
) -> Dataset:
    """Read and check the timeline file at `path` (JSON when it ends in `.json`).

    `progress` is called with the fraction done (0 to 1) now and then; once `cancelled()`
    returns True the load stops with `LoadCancelled`. `turn`, when given, is called once
    before the load's first long stretch of work that holds the interpreter (see `Steps`). With `cache`, a file read before with
    the same content comes from the cache, and a newly read one goes into it. `accelerate`
    False reads through the node path only (the reference).
    """
    name = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    problems = Problems(name)
    steps = Steps(progress, cancelled, turn)
    language = language_of(name)

    def read() -> Dataset | None:
        steps.stage(0.0, 0.02)
        data = read_file(path, problems, language)
        if data is None:
            return None
        key = content = None
        if cache is not None:
            content = cache.content_hash(data)
            key = cache.key_for(content, language)
            found = cache.get(key, name, steps, content, len(data))
            if found is not None:
                return found
        # handed over in a box so that the bytes can go once decoded (a large JSON file)
        box = [data]
        del data
        dataset = _load(box, problems, name, language, steps, accelerate)
        if dataset is not None and cache is not None and key is not None:
            cache.put(key, dataset, content)
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
    chosen = language_of(file) if language is None else language
    steps = Steps(progress, cancelled)
    return _guarded(problems, lambda: _load(text, problems, None, chosen, steps, accelerate))


def fast_path(text: str, language: str = YAML) -> tuple[dict[str, Any], list[Diagnostic]] | None:
    """What the fast path alone reads from `text`: the keyword arguments of `Dataset.build` and
    the warnings, or None when it cannot vouch for the file; for tests and benchmarks of the
    two paths."""
    problems = Problems("<text>")
    fields = _fast_fields(text.removeprefix("\ufeff"), None, problems, language, Steps(), decoded=False)
    if fields is None or fields is _BROKEN or problems.errors:
        return None
    return cast("dict[str, Any]", fields), problems.diagnostics()


def fast_path_fields(text: str, language: str = YAML) -> dict[str, Any] | None:
    """The fields `fast_path` reads from `text`, or None when it cannot vouch for the file."""
    found = fast_path(text, language)
    return None if found is None else found[0]


def _guarded(problems: Problems, read: Callable[[], Dataset | None]) -> Dataset:
    dataset = None
    try:
        dataset = read()
    except LoadCancelled:
        raise
    except MemoryError:
        problems.error(START, "", "the file needs more memory than this computer has; make it smaller")
    except Exception as error:  # noqa: BLE001 - the last line of defence: a loader bug reads as a diagnostic
        problems.error(
            START, "",
            f"the loader failed unexpectedly ({type(error).__name__}: {error}); please report "
            "this together with the file",
        )
    if dataset is None or problems.errors:
        raise DatasetError(problems.diagnostics())
    return dataset


def _load(
    source: object, problems: Problems, path: str | None, language: str, steps: Steps, accelerate: bool,
) -> Dataset | None:
    raw = None
    decoded = False  # whether the text was decoded from bytes (so holds no lone surrogate)
    if isinstance(source, list):  # a box holding the bytes of a file: the last reference
        source = source.pop()
    if isinstance(source, (bytes, bytearray, memoryview)):
        decoded = True
        raw = bytes(source)
        source = None
        text = decode(raw, problems, language)
        if language == JSON:  # only the YAML checks read the bytes
            raw = None
        elif text is not None and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
    elif isinstance(source, str):
        text = source.removeprefix("\ufeff") if check_size(len(source), problems, language) else None
    else:
        problems.error(START, "", f"expected the text of a timeline file, not {type(source).__name__}")
        return None
    if text is None:
        return None
    fields: dict[str, Any] | None = None
    broken = False  # whether the fast path found an error (which the node path will place)
    if accelerate:
        steps.stage(0.02, 0.9)
        found = _fast_fields(text, raw, problems, language, steps, decoded)
        if found is None and problems.errors:  # a JSON syntax error: nothing more to read
            return None
        if found is _BROKEN:
            broken = True
        elif found is not None:
            fields = cast("dict[str, Any]", found)
        if fields is None:
            steps.restart()
    if fields is None:
        steps.take_turn()
        fields = _node_fields(text, problems, language, steps, broken)
    if fields is None or problems.errors:
        return None
    steps.stage(0.95, 1.0)
    return Dataset.build(**fields, path=path, warnings=problems.diagnostics())


#: What `_fast_fields` gives for a file in which it found an error.
_BROKEN = object()


def _fast_fields(
    text: str, raw: bytes | None, problems: Problems, language: str, steps: Steps, decoded: bool,
) -> dict[str, Any] | object | None:
    """The fields of a file without errors, its warnings reported to `problems`; None when the
    node path must read it, `_BROKEN` when it must because the file has an error. `decoded`:
    the text was decoded from bytes, so holds no surrogate character."""
    root: object = None
    try:
        refused: tuple[str, ...]
        if language == JSON:
            if not decoded and holds_surrogates(text):  # `json` would take them as text
                return None
            steps.take_turn()  # the standard parser holds the interpreter
            try:
                root = read_json_fast(text)
            except json.JSONDecodeError as error:
                syntax_error(text, error, problems)
                return None
            text_of, refused = json_text, ()
        else:
            root, text_of = read_yaml_fast(text, raw)
            refused = READ_AS_TEXT
            steps.take_turn()  # parsed while other threads ran; validating holds the interpreter
        steps.stage(0.45, 1.0)
        findings: list[Finding] = []
        fields = read_plain(root, text_of, steps, refused, findings)
        if findings:
            places = place(text, findings, language == JSON)
            if places is None:
                return None
            for finding, where in zip(findings, places):
                problems.warning(where, finding.path, finding.message)
        return fields
    except Broken:
        return _BROKEN
    except NotVouched:
        return None
    except (LoadCancelled, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - the fast path only saves time: the reference decides
        return None
    finally:
        _let_go(root)


#: Entries of a parsed section let go at a time (`_let_go`): a few milliseconds' worth.
_LET_GO_PIECE = 4096


def _let_go(root: object) -> None:
    """Empty the sections of a parsed file a piece at a time, with a checkpoint of the lane
    before each: the tree of 100,000 events, let go at once as the reading returns, is freed
    in one call that held the interpreter, and with it the window, for a tenth of a second.
    Only the sections' own containers are emptied; what was made of their entries keeps
    what it holds."""
    if type(root) is not dict:
        return
    for section in root.values():
        if type(section) is list:
            for _ in paced(range(len(section) // _LET_GO_PIECE), 1):
                del section[-_LET_GO_PIECE:]
        elif type(section) is dict:
            for _ in paced(range(len(section) // _LET_GO_PIECE), 1):
                for _ in range(_LET_GO_PIECE):
                    section.popitem()


def _node_fields(
    text: str, problems: Problems, language: str, steps: Steps, broken: bool = False,
) -> dict[str, Any] | None:
    """The fields of any file through the node path, every problem reported with its place.

    `broken`: the fast path found an error, so the walk keeps only the problems (a failing
    file costs less memory than a good one); should the node path find none, the file is
    read again, keeping what it reads."""
    if broken:
        trial = Problems(problems.file)
        _walk(text, trial, language, steps, keep=False)
        if trial.errors:
            problems.take(trial)
            return None
        steps.restart()
    return _walk(text, problems, language, steps, keep=True)


def _walk(text: str, problems: Problems, language: str, steps: Steps, keep: bool) -> dict[str, Any] | None:
    steps.stage(0.0, 0.6)
    if language == JSON:
        root = compose_json(text, problems, steps.at, lazy_events=True) if syntax_ok(text, problems) else None
    else:
        root = compose(text, problems, DEFAULT_LOADER, steps.at)
    if root is None:
        return None
    steps.stage(0.6, 0.95)
    reader = NodeReader(problems, NODE_BUDGET_BASE + len(text), language="JSON" if language == JSON else "YAML")
    return read_timeline(root, reader, steps.at, keep=keep)
