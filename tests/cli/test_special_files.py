"""Named pipes, devices and sockets given as data files: every command refuses them at once,
with a plain line, instead of waiting forever for a writer."""

from __future__ import annotations

import os

import pytest

from explorer.cli.main import main
from explorer.paths import shipped_dataset
from tests.helpers.special import fifo, needs_fifo, without_hanging

pytestmark = needs_fifo


def test_check_refuses_a_named_pipe_among_other_files(tmp_path, capsys):
    pipe = fifo(tmp_path / "pipe.yaml")
    status = without_hanging(lambda: main(["check", str(shipped_dataset()), str(pipe)]), unblock=pipe)
    printed = capsys.readouterr()
    assert status == 1
    assert f"{pipe}:1:1: error: this is a named pipe (FIFO), not a file, so it is not read" in printed.out
    assert f"{shipped_dataset()}: ok" in printed.err


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs a device file")
def test_check_refuses_a_device(capsys):
    assert main(["check", "/dev/null"]) == 1
    assert "/dev/null:1:1: error: this is a device, not a file, so it is not read" in capsys.readouterr().out


def test_export_refuses_a_named_pipe(qapp, tmp_path, capsys):
    pipe = fifo(tmp_path / "pipe.json")
    out = tmp_path / "out.png"
    status = without_hanging(lambda: main(["export", str(pipe), "-o", str(out)]), unblock=pipe)
    assert status == 1
    assert "this is a named pipe (FIFO), not a file" in capsys.readouterr().out
    assert not out.exists()


@pytest.mark.parametrize("name", ["pipe.csv", "pipe"])
def test_import_refuses_a_named_pipe(tmp_path, capsys, name):
    pipe = fifo(tmp_path / name)
    status = without_hanging(lambda: main(["import", str(pipe), "-o", str(tmp_path / "out.yaml")]), unblock=pipe)
    assert status == 1
    assert "this is a named pipe (FIFO), not a file, so it is not read; give the path of the file to import" \
        in capsys.readouterr().out
    assert not (tmp_path / "out.yaml").exists()
