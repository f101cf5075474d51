"""A cache of validated data sets, so that reopening an unchanged file skips parsing and checks.

Entries are a JSON header and arrays of text and integers (never pickle: reading an entry runs
no code), in the user's cache
folder (`$XDG_CACHE_HOME/timeline-explorer`, else `~/.cache/timeline-explorer`), named by a hash
of the file's bytes, its language and the loader's own code, so that an edited file or a new
version of the loader never meets an old entry. The folder is kept under `max_bytes` and
`max_entries` by dropping the least recently used entries. Whatever goes wrong with the cache
(a corrupt or foreign entry, a read-only folder, a full disk) costs only time: a bad entry is
ignored and deleted, and a failed write is dropped. Entries are written on the background lane
(`explorer.model.background`) once the data set is loaded, so that writing costs the first
opening nothing.

An entry is trusted only as the file it describes: it holds the hash of that file's bytes,
checked against the file just read, and a seal (an HMAC with a key kept in the cache folder)
over all of it, so that an entry made of parts of others, edited, or copied from another
folder is refused. Only regular files are read, without following links (a named pipe, a
device or a link to one is dropped at once), and only within bounds (`entry_limit`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
import time
from itertools import accumulate
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterator

import numpy as np

from explorer.model.background import BACKGROUND, Done, paced
from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfDate, EdtfInterval, Precision
from explorer.model.diagnostics import Diagnostic, Severity
from explorer.model.entities import Country, Era, Event, Membership, Organization, Person, Protocol, Source
from explorer.model.extents import extents_of
from explorer.model.extents import remember as remember_extents
from explorer.model.load.files import open_regular
from explorer.model.load.progress import LoadCancelled, Steps
from explorer.model.load.records import maker
from explorer.model.membership_events import membership_events
from explorer.model.membership_events import remember as remember_membership_events

#: Version of the entry layout; entries of another version are ignored.
CACHE_FORMAT = 6
MAX_CACHE_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 32
FOLDER_NAME = "timeline-explorer"
#: An entry is at most this many times the size of its file, plus `ENTRY_SLACK` (entries
#: measure 1.1 to 1.6 times their file; a header alone is about 3 KB), so that a damaged entry
#: never costs more memory than the loading it would save.
ENTRY_PER_BYTE = 16
ENTRY_SLACK = 1024 * 1024
#: The file in the cache folder holding the key that seals its entries.
SEAL_NAME = "seal.key"
_SEAL_BYTES = 32

_SECTIONS: tuple[tuple[str, type], ...] = (
    ("sources", Source), ("organizations", Organization), ("people", Person),
    ("countries", Country), ("protocols", Protocol),
)
_LISTS: tuple[tuple[str, type], ...] = (("memberships", Membership), ("eras", Era), ("events", Event))
_PRECISIONS = list(Precision)
_SEVERITIES = {severity.value: severity for severity in Severity}


def default_folder() -> Path:
    """Where the cache lives unless told otherwise."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / FOLDER_NAME


class DatasetCache:
    """Validated data sets by the content of the file they came from."""

    def __init__(
        self, folder: str | os.PathLike | None = None, max_bytes: int = MAX_CACHE_BYTES,
        max_entries: int = MAX_ENTRIES, background: bool = True,
    ) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.background = background
        self._lock = threading.Lock()
        self._held: list[tuple[str, Dataset, str]] | None = None  # writes waiting for release
        self._writing: list[Done] = []  # writes handed to the background lane
        # the last data set read or stored, by (key, file): reopening the file open now (a
        # reload of unchanged content) needs no reading at all, and costs no memory, as that
        # data set is the one shown
        self._recent: tuple[str, str, Dataset] | None = None

    @staticmethod
    def content_hash(data: bytes) -> str:
        """The hash of a file's bytes, as entries record it."""
        return content_hash(data)

    def key(self, data: bytes, language: str) -> str:
        """The name of the entry for a file with these bytes, read as `language`."""
        return self.key_for(content_hash(data), language)

    def key_for(self, content: str, language: str) -> str:
        """The name of the entry for a file whose bytes have the hash `content`."""
        text = f"{content}\0{language}\0{CACHE_FORMAT}\0{_loader_digest()}"
        return hashlib.sha256(text.encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.entry"

    def get(self, key: str, file: str, steps: Steps | None = None, content: str | None = None,
            size: int | None = None) -> Dataset | None:
        """The data set stored under `key`, as loaded from `file` (whose bytes hash to
        `content` and number `size`); None when there is none or it cannot be trusted (a bad
        entry is deleted)."""
        recent = self._recent
        if recent is not None and recent[:2] == (key, file):
            return recent[2]
        path = self.path(key)
        steps = steps or Steps()
        try:
            data = self._read_entry(path, size)
            if data is None:
                return None
            steps.take_turn()  # read while other threads ran; decoding holds the interpreter
            steps.stage(0.05, 1.0)
            dataset = _decode(data, key, file, steps, self._seal_key(), content)
        except LoadCancelled:
            raise
        except Exception:  # noqa: BLE001 - a bad entry, or a bug here, costs a reading, never a load
            _remove(path)
            return None
        try:
            os.utime(path)  # the least recently used entries go first
        except OSError:
            pass
        self._recent = (key, file, dataset)
        return dataset

    def entry_limit(self, size: int | None) -> int:
        """The largest entry read for a file of `size` bytes (any entry within the cache's
        bounds when the size is not known)."""
        if size is None:
            return self.max_bytes
        return min(self.max_bytes, ENTRY_PER_BYTE * size + ENTRY_SLACK)

    def _read_entry(self, path: Path, size: int | None) -> bytes | None:
        """The bytes of the entry at `path` when it is a regular file within bounds; None
        when there is none; raises (so that it is deleted) for anything else."""
        try:
            stream = open_regular(path, follow_links=False)
        except FileNotFoundError:
            return None
        with stream:
            length = os.fstat(stream.fileno()).st_size
            if length > self.entry_limit(size):
                raise ValueError("an entry larger than its file can need")
            if stream.read(len(_MAGIC)) != _MAGIC:
                raise ValueError("not a cache entry")
            data = _MAGIC + stream.read(length - len(_MAGIC) + 1)
        if len(data) != length:
            raise ValueError("an entry that changed while it was read")
        return data

    def _seal_key(self, make: bool = False) -> bytes:
        """The key that seals this folder's entries (made when `make` and missing)."""
        path = self.folder / SEAL_NAME
        try:
            with open_regular(path, follow_links=False) as stream:
                key = stream.read(_SEAL_BYTES + 1)
        except FileNotFoundError:
            if not make:
                raise
            key = b""
        if len(key) == _SEAL_BYTES:
            return key
        if not make:
            raise ValueError("a broken seal key")
        _remove(path)
        key = secrets.token_bytes(_SEAL_BYTES)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            handle = os.open(path, flags, 0o600)
        except FileExistsError:  # another session made it meanwhile
            return self._seal_key()
        with os.fdopen(handle, "wb") as stream:
            stream.write(key)
        return key

    def put(self, key: str, dataset: Dataset, content: str | None = None) -> None:
        """Store `dataset` under `key` (its file's bytes hash to `content`), in the background
        unless told otherwise; never raises."""
        self._recent = (key, dataset.path or "", dataset)
        if content is None:  # an entry that cannot be checked against its file is not written
            return
        if not self.background:
            self._write(key, dataset, content)
            return
        with self._lock:
            if self._held is not None:
                self._held.append((key, dataset, content))
                return
        self._hand_over([(key, dataset, content)])

    def hold_writes(self) -> None:
        """Background writes of entries stored from now on wait for `release_writes`:
        encoding an entry holds the interpreter, which a window showing the data set needs
        more."""
        with self._lock:
            if self._held is None:
                self._held = []

    def release_writes(self) -> None:
        """Let the held background writes go on (on the background lane, after the work
        handed to it before)."""
        with self._lock:
            held, self._held = self._held or [], None
        self._hand_over(held)

    def _hand_over(self, writes: list[tuple[str, Dataset, str]]) -> None:
        if not writes:
            return
        with self._lock:
            self._writing = [done for done in self._writing if not done.finished]
            self._writing += [BACKGROUND.submit(self._write, *write) for write in writes]

    def forget(self) -> None:
        """Drop the data set kept in memory (the entries on disk stay)."""
        self._recent = None

    def flush(self) -> None:
        """Wait for the entries being written (held ones released)."""
        self.release_writes()
        with self._lock:
            writing = list(self._writing)
        for done in writing:
            done.wait()

    def _write(self, key: str, dataset: Dataset, content: str) -> None:
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            pieces = _encode(dataset, key, content, self._seal_key(make=True))
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entry-", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                for piece in pieces:
                    stream.write(piece)
            os.replace(temporary, self.path(key))
            temporary = None
            self._prune()
        except Exception:  # noqa: BLE001 - a cache that cannot be written costs time, never a load
            pass
        finally:
            if temporary is not None:
                _remove(Path(temporary))

    def _prune(self) -> None:
        """Drop the least recently used entries beyond the bounds, and files left half
        written by a session that ended while writing."""
        stale = time.time() - 3600
        for path in self.folder.glob(".entry-*.tmp"):
            try:
                if path.stat().st_mtime < stale:
                    _remove(path)
            except OSError:
                continue
        entries = []
        for path in self.folder.glob("*.entry"):
            try:
                info = path.stat()
            except OSError:
                continue
            entries.append((info.st_mtime, info.st_size, path))
        entries.sort(reverse=True)
        total = 0
        for number, (_mtime, size, path) in enumerate(entries):
            total += size
            if number >= self.max_entries or total > self.max_bytes:
                _remove(path)


def content_hash(data: bytes) -> str:
    """The hash of a file's bytes, as entries record it."""
    return hashlib.sha256(data).hexdigest()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


_DIGEST: str | None = None


def loader_files() -> list[Path]:
    """The modules whose code may decide what a file loads as: every module of the model
    (the domain and its loading), so that a change to any starts a new cache."""
    model = Path(__file__).resolve().parents[1]
    return sorted(model.rglob("*.py"))


def _loader_digest() -> str:
    """A hash of the loader's code, read once per process."""
    global _DIGEST
    if _DIGEST is None:
        digest = hashlib.sha256()
        model = Path(__file__).resolve().parents[1]
        for path in loader_files():
            digest.update(path.relative_to(model).as_posix().encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"unreadable")
        _DIGEST = digest.hexdigest()
    return _DIGEST


# An entry is a line naming the format, a line with its seal, a line of JSON (the header) and
# a block of bytes that the header's columns point into: texts joined by NUL as UTF-8, whole numbers as 32-bit
# integers. Dates and tuples of ids are stored once each and referred to by number. Parsing a
# large JSON document costs far more than splitting text and reading integer arrays.

_MAGIC = b"timeline-explorer cache\n"
_NONE = -(2 ** 31)  # None in a column of integers


class _Writer:
    """Collects the columns of an entry and the bytes they point into."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.dates: dict[int, int] = {}  # id() of a date -> its number
        self.date_values: list = []  # keeps them alive, so that their id() stays theirs
        self.tuples: dict[tuple, int] = {}

    def column(self, values: list) -> Any:
        """A column as stored: bytes in the block when it can be, else the JSON list."""
        # written on the lane: a checkpoint between columns, and within (`paced`, `_pieces`)
        if all(type(v) is str and "\0" not in v for piece in _pieces(values) for v in piece):
            data = "\0".join(values).encode("utf-8")
            return {"text": [self._add(data), len(data), len(values)]}
        if all(v is None or (type(v) in (int, bool) and _NONE < v < 2 ** 31) for piece in _pieces(values) for v in piece):
            data = np.asarray([_NONE if v is None else int(v) for piece in _pieces(values) for v in piece],
                              dtype=np.int32).tobytes()
            kind = "bool" if any(type(v) is bool for piece in _pieces(values) for v in piece) else "int"
            return {kind: [self._add(data), len(data)]}
        return {"json": values}

    def floats(self, values: np.ndarray) -> list[int]:
        """An array of floats as stored: its bytes in the block."""
        data = np.ascontiguousarray(values, dtype=np.float64).tobytes()
        return [self._add(data), len(data)]

    def _add(self, data: bytes) -> int:
        offset = len(self.blob)
        self.blob += data
        return offset

    def date(self, value: EdtfDate | EdtfInterval | None) -> int | None:
        if value is None:
            return None
        number = self.dates.get(id(value))
        if number is None:
            if isinstance(value, EdtfInterval):
                self.date(value.start)
                self.date(value.end)
            number = self.dates[id(value)] = len(self.date_values)
            self.date_values.append(value)
        return number

    def tuple(self, value: tuple) -> int:
        number = self.tuples.get(value)
        if number is None:
            number = self.tuples[value] = len(self.tuples)
        return number

    def date_table(self) -> dict[str, Any]:
        values = self.date_values
        kinds = ["I" if isinstance(v, EdtfInterval) else "D" for v in values]

        def field(name: str, default: Any = None) -> Any:
            return self.column([getattr(v, name, default) for v in paced(values)])

        return {
            "kind": self.column(kinds), "text": field("text"),
            "year": field("year"), "month": field("month"), "day": field("day"),
            "precision": self.column([int(v.precision) if k == "D" else None for v, k in zip(values, kinds)]),
            "approximate": self.column([v.approximate if k == "D" else None for v, k in zip(values, kinds)]),
            "uncertain": self.column([v.uncertain if k == "D" else None for v, k in zip(values, kinds)]),
            "earliest": self.column([v.earliest if k == "D" else None for v, k in zip(values, kinds)]),
            "latest": self.column([v.latest if k == "D" else None for v, k in zip(values, kinds)]),
            "start": self.column([self.dates[id(v.start)] if k == "I" and v.start is not None else None
                                  for v, k in zip(values, kinds)]),
            "end": self.column([self.dates[id(v.end)] if k == "I" and v.end is not None else None
                                for v, k in zip(values, kinds)]),
            "start_open": field("start_open", False), "end_open": field("end_open", False),
        }

    def tuple_table(self) -> dict[str, Any]:
        return self.groups(list(self.tuples))

    def groups(self, groups: list) -> dict[str, Any]:
        """Sequences as stored: their items one after another, and their lengths."""
        items = [item for group in paced(groups, 256) for item in group]
        return {"items": self.column(items), "lengths": self.column([len(g) for g in paced(groups)])}


def _pieces(values: list, size: int = 8192) -> Iterator[list]:
    """`values` in pieces of `size`, with a checkpoint of the lane before each (a column of a
    million values took the lane past its checkpoints for a tenth of a second)."""
    checkpoint = BACKGROUND.checkpoint
    checkpoint()
    for start in range(0, len(values), size):
        if start:
            checkpoint()
        yield values[start:start + size]


def _kinds(cls: type) -> list[tuple[str, str]]:
    """(field, how it is stored) for each field of an entity class."""
    kinds = []
    for name, annotation in cls.__annotations__.items():
        text = str(annotation)
        kind = "date" if "EdtfValue" in text else "tuple" if text.startswith("tuple") else "plain"
        kinds.append((name, kind))
    return kinds


def _encode(dataset: Dataset, key: str, content: str, seal_key: bytes) -> tuple[bytes | bytearray, ...]:
    """The entry of `dataset`, in the pieces it is written in."""
    writer = _Writer()

    def columns(cls: type, values: list) -> dict[str, Any]:
        found: dict[str, Any] = {"count": len(values)}
        for name, kind in _kinds(cls):
            if kind == "date":
                found[name] = writer.column([writer.date(getattr(v, name)) for v in paced(values)])
            elif kind == "tuple":
                found[name] = writer.column([writer.tuple(getattr(v, name)) for v in paced(values)])
            else:
                found[name] = writer.column([getattr(v, name) for v in paced(values)])
        return found

    header: dict[str, Any] = {
        "format": CACHE_FORMAT, "key": key, "file": content, "title": dataset.title,
        "description": dataset.description, "version": dataset.version,
        "warnings": [[w.severity.value, w.line, w.column, w.path, w.message] for w in dataset.warnings],
    }
    for section, cls in _SECTIONS:
        header[section] = columns(cls, list(getattr(dataset, section).values()))
    for section, cls in _LISTS:
        header[section] = columns(cls, list(getattr(dataset, section)))
    header["indexes"] = _encode_indexes(dataset, writer)
    # what the first frame needs beside the data set, made once: its membership events (with
    # the positions of their actions) and the extents of its events
    made = membership_events(dataset)
    header["membership_events"] = columns(Event, [event for event, _ in made])
    # positions (integers) in columns of their own: in the table of tuples, which holds text,
    # they made its items a JSON list (850,000 characters to write and read at 100,000 events)
    header["membership_actions"] = writer.groups([positions for _, positions in made])
    header["extents"] = [writer.floats(extent) for extent in extents_of(dataset.events)]
    header["dates"] = writer.date_table()
    header["tuples"] = writer.tuple_table()
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    BACKGROUND.checkpoint()
    # the pieces as written, never joined: copying a block of 20 MB into one held the
    # interpreter for tens of milliseconds (the seal reads them without holding it)
    body = (text, b"\n", writer.blob)
    return (_MAGIC, _seal(seal_key, *body), b"\n", *body)


def _seal(seal_key: bytes, *body: memoryview | bytes | bytearray) -> bytes:
    seal = hmac.new(seal_key, digestmod=hashlib.sha256)
    for piece in body:
        seal.update(piece)
    return seal.hexdigest().encode()


class _Reader:
    def __init__(self, data: bytes, seal_key: bytes) -> None:
        if not data.startswith(_MAGIC):
            raise ValueError("not a cache entry")
        view = memoryview(data)
        start = len(_MAGIC) + 65  # the seal: 64 hexadecimal digits and a line end
        if not hmac.compare_digest(bytes(view[len(_MAGIC):start]), _seal(seal_key, view[start:]) + b"\n"):
            raise ValueError("an entry this cache did not write, or a damaged one")
        end = data.index(b"\n", start)
        self.header = json.loads(view[start:end].tobytes())
        self.blob = view[end + 1:]
        if not isinstance(self.header, dict):
            raise ValueError("a damaged entry")

    def column(self, stored: dict[str, Any], count: int) -> list:
        (kind, where), = stored.items()
        if kind == "json":
            values = where
        elif kind == "text":
            offset, length, number = where
            values = str(self.blob[offset:offset + length], "utf-8").split("\0") if number else []
        else:
            offset, length = where
            numbers = np.frombuffer(self.blob[offset:offset + length], dtype=np.int32)
            missing = numbers == _NONE
            if kind == "bool":
                numbers = numbers.astype(bool)
            if missing.any():
                numbers = numbers.astype(object)
                numbers[missing] = None  # type: ignore[call-overload]  # an array of objects holds None
            values = numbers.tolist()
        if not isinstance(values, list) or len(values) != count:
            raise ValueError("a column of the wrong length")
        return values


    def groups(self, stored: dict[str, Any], count: int, share: bool = False) -> list[tuple]:
        """`count` sequences stored by `_Writer.groups`, as tuples; `share`: with one object
        for each value among their items (the texts of references and tags, which repeat)."""
        lengths = self.column(stored["lengths"], count)
        items = self.column(stored["items"], sum(lengths))
        if share:
            one_of_each: dict = {}
            items = list(map(one_of_each.setdefault, items, items))
        return [tuple(items[end - length:end]) for end, length in zip(accumulate(lengths), lengths)]

    def floats(self, stored: list[int], count: int) -> np.ndarray:
        offset, length = stored
        if length != count * 8 or offset + length > len(self.blob):
            raise ValueError("an array of the wrong length")
        return np.frombuffer(self.blob[offset:offset + length], dtype=np.float64).copy()


def _decode(data: bytes, key: str, file: str, steps: Steps, seal_key: bytes, content: str | None) -> Dataset:
    reader = _Reader(data, seal_key)
    header = reader.header
    if header.get("format") != CACHE_FORMAT or header.get("key") != key:
        raise ValueError("an entry of another format or for another file")
    if content is None or header.get("file") != content:
        raise ValueError("an entry for other bytes than the file's")
    table = header["dates"]
    kinds = reader.column(table["kind"], _column_length(table["kind"]))
    count = len(kinds)
    columns = {name: reader.column(table[name], count) for name in table if name != "kind"}
    make_date, make_interval = maker(EdtfDate), maker(EdtfInterval)
    precisions = [None if p is None else _PRECISIONS[p] for p in columns["precision"]]
    dates: list = _mapped(make_date, [
        columns["text"], columns["year"], columns["month"], columns["day"], precisions,
        columns["approximate"], columns["uncertain"], columns["earliest"], columns["latest"],
    ], count)
    # intervals refer to dates stored before them; only their rows are visited
    texts, starts, ends = columns["text"], columns["start"], columns["end"]
    start_open, end_open = columns["start_open"], columns["end_open"]
    for number in paced([number for number, kind in enumerate(kinds) if kind == "I"]):
        start, end = starts[number], ends[number]
        dates[number] = make_interval(
            texts[number], None if start is None else dates[start],
            None if end is None else dates[end], start_open[number], end_open[number],
        )
    tuples = reader.groups(header["tuples"], _column_length(header["tuples"]["lengths"]), share=True)
    steps.at(0.15)

    def rows(cls: type, section: str) -> list:
        stored = header[section]
        count = stored["count"]
        made = []
        for name, kind in paced(_kinds(cls), 1):
            column = reader.column(stored[name], count)
            if kind == "date":
                made.append([None if number is None else dates[number] for number in column]
                            if None in column else list(map(dates.__getitem__, column)))
            elif kind == "tuple":
                made.append(list(map(tuples.__getitem__, column)))
            else:
                made.append(column)
        return _mapped(maker(cls), made, count)

    fields: dict[str, Any] = {section: rows(cls, section) for section, cls in _SECTIONS}
    for section, cls in _LISTS:
        fields[section] = rows(cls, section)
    steps.at(0.7)
    warnings = [
        Diagnostic(_SEVERITIES[severity], file, line, column, path, message)
        for severity, line, column, path, message in header["warnings"]
    ]
    fields = {
        "title": header["title"], "description": header["description"],
        "version": header["version"], "path": file, "warnings": tuple(warnings),
        "sources": _by_id(fields["sources"]), "organizations": _by_id(fields["organizations"]),
        "people": _by_id(fields["people"]), "countries": _by_id(fields["countries"]),
        "protocols": _by_id(fields["protocols"]), "memberships": tuple(fields["memberships"]),
        "eras": tuple(fields["eras"]), "events": tuple(fields["events"]),
    }
    fields["events_by_id"] = _by_id(fields["events"])
    fields["membership_actions"] = MappingProxyType({})  # entries hold data sets as loaded
    fields.update(_decode_indexes(header["indexes"], reader, fields))
    if set(fields) != _DATASET_FIELDS:  # `Dataset` changed: build it the long way
        raise ValueError("the data set has other fields than this cache knows")
    dataset = Dataset(**fields)
    made = rows(Event, "membership_events")
    actions = reader.groups(header["membership_actions"], len(made))
    remember_membership_events(dataset, list(zip(made, actions)))
    low, high = (reader.floats(stored, len(dataset.events)) for stored in header["extents"])
    remember_extents(dataset.events, (low, high))
    return dataset


#: Rows made at a time as an entry is decoded (`_mapped`): a few milliseconds' worth.
DECODE_ROWS = 4096


def _mapped(make: Callable, columns: list[list], count: int) -> list:
    """`make` of each row of `columns` (`count` rows), `DECODE_ROWS` at a time with a
    checkpoint of the lane before each: one `list(map(...))` of a type holds the interpreter
    for all of it (a quarter of a second for the events of a file of 100,000, read beside
    the window)."""
    made: list = []
    for start in paced(range(0, count, DECODE_ROWS), 1):
        made.extend(map(make, *(column[start:start + DECODE_ROWS] for column in columns)))
    return made


# The indexes `Dataset.build` computes are stored too, so that a reopened file skips that work:
# events by actor, protocol and tag (positions in `events`), memberships by member and target
# (positions in `memberships`) and children by parent (ids).
_DATASET_FIELDS = {field.name for field in dataclasses.fields(Dataset)}
_EVENT_INDEXES = ("events_by_actor", "events_by_protocol", "events_by_tag")
_MEMBERSHIP_INDEXES = ("memberships_by_member", "memberships_by_target")


def _by_id(values) -> MappingProxyType:
    return MappingProxyType({value.id: value for value in values})


def _encode_indexes(dataset: Dataset, writer: _Writer) -> dict[str, Any]:
    positions = {id(membership): number for number, membership in enumerate(dataset.memberships)}
    stored = {}
    for name in (*_EVENT_INDEXES, *_MEMBERSHIP_INDEXES, "children"):
        index = getattr(dataset, name)
        groups = paced(index.values(), 256)  # a checkpoint every 256 groups: a million positions in all
        if name in _MEMBERSHIP_INDEXES:
            values = [positions[id(m)] for group in groups for m in group]
        else:
            values = [value for group in groups for value in group]
        stored[name] = {
            "keys": writer.column(list(index)), "lengths": writer.column([len(g) for g in paced(index.values())]),
            "values": writer.column(values),
        }
    return stored


def _decode_indexes(stored: dict[str, Any], reader: _Reader, fields: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    memberships = fields["memberships"]
    for name in (*_EVENT_INDEXES, *_MEMBERSHIP_INDEXES, "children"):
        columns = stored[name]
        keys = reader.column(columns["keys"], _column_length(columns["keys"]))
        lengths = reader.column(columns["lengths"], len(keys))
        values = reader.column(columns["values"], sum(lengths))
        if name in _MEMBERSHIP_INDEXES:
            values = [memberships[number] for number in values]
        groups = {}
        at = 0
        for key, length in zip(keys, lengths):
            groups[key] = tuple(values[at:at + length])
            at += length
        decoded[name] = MappingProxyType(groups)
    return decoded


def _column_length(stored: dict[str, Any]) -> int:
    """The number of values of a stored column, from how it is stored."""
    (kind, where), = stored.items()
    if kind == "json":
        return len(where)
    if kind == "text":
        return where[2]
    return where[1] // 4  # 32-bit integers
