"""Where exports may go: atomic writes, never over the data file, clear errors, no leftovers."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from explorer.qt.export.files import (
    ExportCancelled,
    ExportError,
    check_target,
    format_of,
    write_atomically,
)


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_the_format_comes_from_the_extension_in_any_case():
    assert format_of("a/b/timeline.PNG") == "png"
    assert format_of("t.svg") == "svg"
    assert format_of("t.Pdf") == "pdf"


@pytest.mark.parametrize("name", ["timeline.gif", "timeline", "timeline.png.bak"])
def test_an_unknown_extension_is_a_usage_error_naming_the_known_ones(name):
    with pytest.raises(ExportError) as raised:
        format_of(name)
    assert raised.value.usage
    assert ".png, .svg, .pdf" in raised.value.message


def test_the_data_file_is_never_a_target_even_through_another_name(tmp_path):
    data = tmp_path / "timeline.yaml"
    data.write_text("timeline: 1\n")
    (tmp_path / "link.png").symlink_to(data)
    os.link(data, tmp_path / "hard.png")
    for target in (data, tmp_path / "link.png", tmp_path / "hard.png",
                   tmp_path / "sub" / ".." / "timeline.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(ExportError) as raised:
            check_target(target, [data])
        assert raised.value.usage
        assert "refusing to overwrite the data file" in raised.value.message
    assert data.read_text() == "timeline: 1\n"


def test_a_missing_folder_or_a_folder_as_target_is_refused(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        check_target(tmp_path / "nowhere" / "t.png")
    (tmp_path / "dir.png").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        check_target(tmp_path / "dir.png")


def test_a_write_replaces_the_file_whole_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "t.png"
    target.write_bytes(b"old")
    write_atomically(target, b"new" * 1000)
    assert target.read_bytes() == b"new" * 1000
    assert leftovers(tmp_path) == []


def test_a_new_file_is_as_readable_as_any_saved_file(tmp_path):
    mask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "t.svg", b"<svg/>")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "t.svg").stat().st_mode) == 0o644


def test_a_full_disk_keeps_the_old_file_and_says_so(tmp_path, monkeypatch):
    target = tmp_path / "t.pdf"
    target.write_bytes(b"the previous export")
    real_write = os.write
    calls = []

    def write_until_full(fd, data):
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write_until_full)
    with pytest.raises(ExportError) as raised:
        write_atomically(target, b"x" * (3 << 20))
    monkeypatch.undo()
    assert len(calls) == 2  # it got a megabyte in before the disk filled up
    assert "disk is full" in raised.value.message and not raised.value.usage
    assert target.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == []


def test_a_failing_flush_to_disk_leaves_nothing_behind(tmp_path, monkeypatch):
    def fsync(_fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(ExportError, match="Input/output error"):
        write_atomically(tmp_path / "t.png", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_without_write_permission_is_a_clear_error(tmp_path, monkeypatch):
    real_open = os.open

    def refuse_in_tmp(path, *args, **kwargs):
        if os.path.dirname(os.fspath(path)) == str(tmp_path):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_in_tmp)
    with pytest.raises(ExportError) as raised:
        write_atomically(tmp_path / "t.png", b"data")
    assert "permission denied" in raised.value.message
    assert str(tmp_path) in raised.value.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_a_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_atomically(folder / "t.png", b"data")
    finally:
        folder.chmod(0o755)


def test_cancelling_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "t.png"
    target.write_bytes(b"old")
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ExportCancelled):
        write_atomically(target, b"x" * (5 << 20), cancelled)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
