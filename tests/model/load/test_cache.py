"""The cache of validated data sets gives back exactly what was loaded, and whatever goes wrong
with it (corrupt entries, read-only folders, full disks) costs time, never a load."""

from __future__ import annotations

import errno
import json
import os
import re
import tracemalloc
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest

from benchmarks.make_dataset import make
from explorer.model import extents as extents_module
from explorer.model import membership_events as made_module
from explorer.model.diagnostics import DatasetError
from explorer.model.entities import Event
from explorer.model.filters import FilterIndex
from explorer.model.load import cache as cache_module
from explorer.model.load.cache import DatasetCache, default_folder
from explorer.model.load.loader import LoadCancelled, load_dataset
from explorer.model.membership_events import membership_events, with_membership_events
from explorer.paths import shipped_dataset
from tests.helpers.loading import HISTORY, assert_same
from tests.helpers.special import fifo, needs_fifo, without_hanging


@pytest.fixture
def cache(tmp_path) -> DatasetCache:
    return DatasetCache(tmp_path / "cache", background=False)


def entries(cache: DatasetCache) -> list[Path]:
    return sorted(cache.folder.glob("*.entry")) if cache.folder.exists() else []


ENTRY = re.compile(rb"timeline-explorer cache\n[0-9a-f]{64}\n\{")


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def reopened(path: Path, cache: DatasetCache):
    """The data set read back from the cache's entry on disk (not the one kept in memory)."""
    cache.forget()
    return load_dataset(path, cache=cache)


# what comes back is what went in


@pytest.mark.parametrize("text", [make(300, 7), HISTORY, make(50, 8, as_json=True)], ids=["generated", "numbers", "json"])
def test_a_reopened_file_comes_back_from_the_cache_unchanged(tmp_path, cache, text):
    path = written(tmp_path, "t.json" if text.startswith("{") else "t.yaml", text)
    first = load_dataset(path, cache=cache)
    assert len(entries(cache)) == 1
    again = reopened(path, cache)
    assert again is not first
    assert_same(again, first)
    assert_same(again, load_dataset(path, accelerate=False))


def test_an_entry_decoded_a_few_rows_at_a_time_comes_back_unchanged(tmp_path, cache, monkeypatch):
    # Rows and dates are made DECODE_ROWS at a time, with a checkpoint before each piece.
    path = written(tmp_path, "t.yaml", make(300, 9))
    first = load_dataset(path, cache=cache)
    checkpoints = []
    monkeypatch.setattr(cache_module.BACKGROUND, "checkpoint", lambda: checkpoints.append(1))
    assert_same(reopened(path, cache), first)
    whole = len(checkpoints)
    checkpoints.clear()
    monkeypatch.setattr(cache_module, "DECODE_ROWS", 7)
    again = reopened(path, cache)

    assert_same(again, first)
    assert len(checkpoints) - whole >= 2 * 300 // 7  # the events and their dates, in pieces


def test_the_shipped_data_set_survives_the_cache(cache):
    first = load_dataset(shipped_dataset(), cache=cache)
    assert_same(reopened(shipped_dataset(), cache), first)


def test_warnings_are_kept_with_the_file_they_come_from(tmp_path, cache):
    text = "timeline: 1\nevents:\n  - {title: x, sumary: typo}\n"
    first = load_dataset(written(tmp_path, "a.yaml", text), cache=cache)
    other = written(tmp_path, "b.yaml", text)
    again = reopened(other, cache)
    assert len(entries(cache)) == 1, "the same content is one entry"
    assert [(w.line, w.column, w.message) for w in again.warnings] == [
        (w.line, w.column, w.message) for w in first.warnings
    ]
    assert [w.file for w in again.warnings] == [str(other)]
    assert again.path == str(other)


def test_files_with_errors_are_not_cached(tmp_path, cache):
    with pytest.raises(DatasetError):
        load_dataset(written(tmp_path, "bad.yaml", "timeline: 1\nevents: [{date: 2009}]\n"), cache=cache)
    assert entries(cache) == []


def test_a_json_file_with_a_lone_surrogate_is_an_error_and_not_cached(tmp_path, cache):
    path = written(tmp_path, "lone.json", '{"timeline": 1, "title": "T\\ud800"}')
    for _ in range(2):
        with pytest.raises(DatasetError) as caught:
            load_dataset(path, cache=cache)
        assert [(d.line, d.column) for d in caught.value.diagnostics] == [(1, 28)]
    assert entries(cache) == []


def test_an_edited_file_is_read_again(tmp_path, cache):
    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: Before\n")
    assert load_dataset(path, cache=cache).title == "Before"
    path.write_text("timeline: 1\ntitle: After\n", encoding="utf-8")
    assert load_dataset(path, cache=cache).title == "After"
    assert len(entries(cache)) == 2


def test_the_same_bytes_as_yaml_and_as_json_are_different_entries(tmp_path, cache):
    text = '{"timeline": 1, "title": "x", "events": [{"title": "e", "date": 2009}]}'
    load_dataset(written(tmp_path, "t.yaml", text), cache=cache)
    load_dataset(written(tmp_path, "t.json", text), cache=cache)
    assert len(entries(cache)) == 2


def test_reopening_the_file_just_loaded_reads_nothing(tmp_path, cache, monkeypatch):
    path = written(tmp_path, "t.yaml", make(20, 9))
    first = load_dataset(path, cache=cache)
    monkeypatch.setattr(cache_module, "_decode", None)  # reading the entry would fail
    assert load_dataset(path, cache=cache) is first


# entries are plain data, bounded, and of one loader version


def test_entries_are_json_and_arrays_never_pickle(tmp_path, cache):
    load_dataset(written(tmp_path, "t.yaml", make(20, 10)), cache=cache)
    data = entries(cache)[0].read_bytes()
    assert ENTRY.match(data)
    assert b"\x80\x04\x95" not in data[:128]  # a pickle stream starts so


def test_the_cache_keeps_at_most_its_number_of_entries(tmp_path):
    cache = DatasetCache(tmp_path / "cache", max_entries=2, background=False)
    paths = [written(tmp_path, f"t{n}.yaml", f"timeline: 1\ntitle: t{n}\n") for n in range(3)]
    stored = [cache.path(cache.key(path.read_bytes(), "yaml")) for path in paths]
    for number, path in enumerate(paths):
        load_dataset(path, cache=cache)
        os.utime(stored[number], (number, number))  # used in this order
    assert entries(cache) == sorted(stored[1:])


def test_the_cache_keeps_under_its_size(tmp_path):
    cache = DatasetCache(tmp_path / "cache", max_bytes=1, background=False)
    load_dataset(written(tmp_path, "t.yaml", make(20, 11)), cache=cache)
    assert entries(cache) == []


def test_a_new_version_of_the_loader_does_not_read_old_entries(tmp_path, cache, monkeypatch):
    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n")
    load_dataset(path, cache=cache)
    monkeypatch.setattr(cache_module, "_DIGEST", "another loader")
    cache.forget()
    load_dataset(path, cache=cache)
    assert len(entries(cache)) == 2


def test_the_default_folder_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "timeline-explorer"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the spec says to ignore those
    assert default_folder() == Path.home() / ".cache" / "timeline-explorer"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_folder() == Path.home() / ".cache" / "timeline-explorer"


# a broken cache costs time, never a load


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],
    lambda data: b"garbage",
    lambda data: b"",
    lambda data: data.replace(b'"format":%d' % cache_module.CACHE_FORMAT, b'"format":99'),
    lambda data: data.replace(b'"count":', b'"count":1', 1),
    lambda data: data[:-7] + b"\xff" * 7,
    lambda data: data.replace(b'\n{"format"', b'\n["format"', 1),
], ids=["cut short", "garbage", "empty", "other format", "wrong count", "bad bytes", "not an object"])
def test_a_corrupt_entry_is_ignored_and_written_again(tmp_path, cache, damage):
    path = written(tmp_path, "t.yaml", make(30, 12))
    first = load_dataset(path, cache=cache)
    entry = entries(cache)[0]
    entry.write_bytes(damage(entry.read_bytes()))
    again = reopened(path, cache)
    assert_same(again, first)
    cache.forget()
    assert_same(reopened(path, cache), first)
    assert entries(cache) == [entry] and ENTRY.match(entry.read_bytes())


def test_a_read_only_cache_folder_is_no_problem(tmp_path, cache, monkeypatch):
    def denied(*args, **kwargs):  # what a read-only folder answers, even to root here
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(cache_module.tempfile, "mkstemp", denied)
    assert load_dataset(written(tmp_path, "t.yaml", "timeline: 1\n"), cache=cache).title == ""
    assert entries(cache) == []


def test_a_cache_folder_that_cannot_be_made_is_no_problem(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = DatasetCache(blocker / "cache", background=False)
    assert load_dataset(written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n"), cache=cache).title == "x"


def test_a_full_disk_is_no_problem(tmp_path, cache, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache_module.os, "replace", full)
    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n")
    assert load_dataset(path, cache=cache).title == "x"
    assert entries(cache) == []
    assert [p.name for p in cache.folder.iterdir()] == [cache_module.SEAL_NAME], "no half-written file is left behind"


def test_writing_in_the_background_stores_the_entry(tmp_path):
    cache = DatasetCache(tmp_path / "cache")
    path = written(tmp_path, "t.yaml", make(30, 13))
    first = load_dataset(path, cache=cache)
    cache.flush()
    assert_same(reopened(path, cache), first)


def test_a_cancelled_read_from_the_cache_raises(tmp_path, cache):
    path = written(tmp_path, "t.yaml", make(30, 14))
    load_dataset(path, cache=cache)
    cache.forget()
    with pytest.raises(LoadCancelled):
        load_dataset(path, cache=cache, cancelled=lambda: True)


def test_files_left_half_written_are_cleared_away(tmp_path, cache):
    cache.folder.mkdir(parents=True)
    old, recent = cache.folder / ".entry-old.tmp", cache.folder / ".entry-recent.tmp"
    for path in (old, recent):
        path.write_bytes(b"half an entry")
    os.utime(old, (1, 1))
    load_dataset(written(tmp_path, "t.yaml", "timeline: 1\n"), cache=cache)
    assert not old.exists() and recent.exists(), "a write under way in another session is left alone"


def test_a_bug_in_the_cache_costs_time_never_a_load(tmp_path, cache, monkeypatch):
    def broken(*args):
        raise NameError("a bug")

    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n")
    monkeypatch.setattr(cache_module, "_encode", broken)
    assert load_dataset(path, cache=cache).title == "x"
    assert entries(cache) == []
    monkeypatch.undo()
    reopened(path, cache)
    assert len(entries(cache)) == 1
    monkeypatch.setattr(cache_module, "_decode", broken)
    assert reopened(path, cache).title == "x"


# an entry is trusted only as the file it describes, and only ever costs time


def two_entries(tmp_path: Path, cache: DatasetCache) -> tuple[Path, Path, Path]:
    """A file, its entry and the entry of another data set."""
    mine = written(tmp_path, "mine.yaml", "timeline: 1\ntitle: Mine\nevents:\n  - {title: here, date: 2009}\n")
    other = written(tmp_path, "other.yaml", "timeline: 1\ntitle: Other\ndescription: not in mine\n")
    load_dataset(mine, cache=cache)
    load_dataset(other, cache=cache)
    cache.forget()
    return (mine, cache.path(cache.key(mine.read_bytes(), "yaml")),
            cache.path(cache.key(other.read_bytes(), "yaml")))


def header_and_blob(data: bytes) -> tuple[dict, bytes]:
    magic, _seal, rest = data.split(b"\n", 2)
    header, blob = rest.split(b"\n", 1)
    return json.loads(header), blob


def sealed(cache: DatasetCache, header: dict, blob: bytes) -> bytes:
    body = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" + blob
    return b"timeline-explorer cache\n" + cache_module._seal(cache._seal_key(), body) + b"\n" + body


def test_an_entry_with_the_right_name_and_key_but_another_data_set_is_refused(tmp_path, cache):
    mine, entry, other_entry = two_entries(tmp_path, cache)
    other_key = header_and_blob(other_entry.read_bytes())[0]["key"]
    # a valid header for this file over another data set's body
    entry.write_bytes(other_entry.read_bytes().replace(other_key.encode(), entry.stem.encode()))
    loaded = load_dataset(mine, cache=cache)
    assert (loaded.title, loaded.description, len(loaded.events)) == ("Mine", "", 1)


def test_an_entry_sealed_for_other_bytes_than_the_file_is_refused(tmp_path, cache):
    mine, entry, other_entry = two_entries(tmp_path, cache)
    header, blob = header_and_blob(other_entry.read_bytes())
    header["key"] = entry.stem
    entry.write_bytes(sealed(cache, header, blob))  # even sealed, it records the other file's bytes
    assert load_dataset(mine, cache=cache).title == "Mine"
    assert ENTRY.match(entry.read_bytes()) and header_and_blob(entry.read_bytes())[0]["title"] == "Mine"


def test_an_entry_copied_from_another_cache_folder_is_refused(tmp_path, cache):
    mine, entry, other_entry = two_entries(tmp_path, cache)
    elsewhere = DatasetCache(tmp_path / "elsewhere", background=False)
    changed = written(tmp_path, "mine.yaml", "timeline: 1\ntitle: Copied\n")
    load_dataset(changed, cache=elsewhere)
    copied = elsewhere.path(elsewhere.key(changed.read_bytes(), "yaml"))
    header, blob = header_and_blob(copied.read_bytes())
    header["title"] = "Forged"
    copied.write_bytes(sealed(elsewhere, header, blob))  # sealed with the other folder's key
    (cache.folder / copied.name).write_bytes(copied.read_bytes())
    cache.forget()
    assert load_dataset(changed, cache=cache).title == "Copied"


@needs_fifo
def test_an_entry_that_is_a_named_pipe_is_dropped_at_once(tmp_path, cache):
    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n")
    cache.folder.mkdir(parents=True)
    entry = fifo(cache.path(cache.key(path.read_bytes(), "yaml")))
    assert without_hanging(lambda: load_dataset(path, cache=cache), unblock=entry).title == "x"
    assert ENTRY.match(entry.read_bytes()), "written again as a regular file"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs a device file that never ends")
def test_an_entry_that_links_to_a_device_is_dropped(tmp_path, cache):
    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n")
    cache.folder.mkdir(parents=True)
    entry = cache.path(cache.key(path.read_bytes(), "yaml"))
    entry.symlink_to("/dev/zero")
    assert load_dataset(path, cache=cache).title == "x"
    assert not entry.is_symlink() and ENTRY.match(entry.read_bytes())


def sparse_entry(cache: DatasetCache, path: Path, size: int) -> Path:
    """An entry for `path` that starts as one and is `size` bytes long, costing no disk."""
    cache.folder.mkdir(parents=True, exist_ok=True)
    entry = cache.path(cache.key(path.read_bytes(), "yaml"))
    with open(entry, "wb") as stream:
        stream.write(b"timeline-explorer cache\n")
        stream.truncate(size)
    return entry


def test_an_entry_too_large_for_memory_is_dropped_without_reading_it(tmp_path, cache):
    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n")
    entry = sparse_entry(cache, path, 2 ** 40)
    assert load_dataset(path, cache=cache).title == "x"
    assert entry.stat().st_size < 1024 * 1024, "written again at its real size"


def test_an_entry_far_larger_than_its_file_costs_no_memory(tmp_path, cache):
    path = written(tmp_path, "t.yaml", "timeline: 1\ntitle: x\n")
    sparse_entry(cache, path, 300 * 1024 * 1024)  # within the cache's bounds, far beyond the file's
    tracemalloc.start()
    try:
        assert load_dataset(path, cache=cache).title == "x"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024


def test_an_entry_is_bounded_by_the_size_of_its_file(cache):
    assert cache.entry_limit(1000) == cache_module.ENTRY_PER_BYTE * 1000 + cache_module.ENTRY_SLACK
    assert cache.entry_limit(10 ** 12) == cache.max_bytes


def test_held_writes_wait_until_released(tmp_path):
    """A window holds the writing of a new entry until the data set is on screen (encoding
    holds the interpreter); nothing is lost meanwhile."""
    path = tmp_path / "t.yaml"
    path.write_text("timeline: 1\ntitle: Held\nevents:\n  - id: a\n    title: A\n    date: 2001\n",
                    encoding="utf-8")
    cache = DatasetCache(tmp_path / "cache", background=True)
    cache.hold_writes()
    load_dataset(path, cache=cache)
    assert not list((tmp_path / "cache").glob("*.entry"))  # the writer waits
    cache.release_writes()
    cache.flush()
    assert len(list((tmp_path / "cache").glob("*.entry"))) == 1
    cache.forget()
    assert load_dataset(path, cache=cache).title == "Held"


# what the first frame needs beside the data set comes with it


def with_a_signature_and_a_ratification(text: str) -> str:
    # a span of two actions (the synthetic file's actions are one each)
    return text.replace("memberships:\n", "memberships:\n"
                        "  - {member: IT, of: protocol-7, status: signed, date: 2000-12-12}\n"
                        "  - {member: IT, of: protocol-7, status: ratified, date: 2002-08-21}\n", 1)


def test_a_reopened_file_brings_its_membership_events_and_extents_as_made_from_scratch(tmp_path, cache, monkeypatch):
    path = written(tmp_path, "t.yaml", with_a_signature_and_a_ratification(make(300, 7)))
    load_dataset(path, cache=cache)
    again = reopened(path, cache)
    kept = membership_events(again)
    assert len(kept) > 10 and any(not event.is_dated for event, _ in kept)
    assert {len(positions) for _, positions in kept} >= {1, 2}  # an action of several events too
    assert kept == made_module._made(again)
    low, high = FilterIndex(again).extents
    monkeypatch.setattr(extents_module, "_KNOWN", OrderedDict())  # measured again, one by one
    fresh_low, fresh_high = FilterIndex(again).extents
    assert np.array_equal(low, fresh_low, equal_nan=True) and np.array_equal(high, fresh_high, equal_nan=True)
    assert np.isnan(low).any() and np.isinf(high).any()  # undated events, and open ends, come back as such


def test_a_reopened_file_makes_neither_again(tmp_path, cache, monkeypatch):
    path = written(tmp_path, "t.yaml", make(300, 7))
    load_dataset(path, cache=cache)
    again = reopened(path, cache)
    monkeypatch.setattr(made_module, "_made", lambda dataset: pytest.fail("membership events made again"))
    measured = []
    monkeypatch.setattr(Event, "extent", lambda event: measured.append(event) or (None, None))
    shown = with_membership_events(again)
    assert len(shown.events) > len(again.events)
    low, _high = FilterIndex(shown).extents
    assert len(low) == len(shown.events)
    assert measured == [e for e in shown.events[len(again.events):] if e.is_dated]  # only the membership events


def test_an_entry_keeps_its_text_and_numbers_in_its_block_not_in_json(tmp_path, cache):
    # the positions of the membership actions once shared the table of tuples, which holds text:
    # its items became a JSON list of 850,000 characters at 100,000 events, written and read
    # holding the interpreter
    path = written(tmp_path, "t.yaml", with_a_signature_and_a_ratification(make(300, 7)))
    load_dataset(path, cache=cache)
    cache.flush()
    header, _blob = header_and_blob(entries(cache)[0].read_bytes())
    assert set(header["tuples"]["items"]) == {"text"}
    assert {kind for column in header["membership_actions"].values() for kind in column} == {"int"}
    assert len(json.dumps(header)) < 20_000


def test_an_entry_gives_its_events_one_text_of_each_reference_and_tag(tmp_path, cache):
    path = written(tmp_path, "t.yaml", make(300, 7))
    load_dataset(path, cache=cache)
    cache.flush()
    again = reopened(path, cache)
    kept: dict[str, int] = {}
    for event in again.events:
        for item in event.actors + event.protocols + event.tags + event.sources:
            assert kept.setdefault(item, id(item)) == id(item), f"two texts {item!r}"
    assert len(kept) > 10
