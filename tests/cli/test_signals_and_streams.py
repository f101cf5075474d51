"""A command stopped or cut off ends with one line and a status, never a traceback or a file
left half-written: Ctrl+C (130), SIGTERM (143), a reader that went away (`| head`), a full
disk under standard output; and the limits of what `explorer export` is asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.atomic import write_atomically
from explorer.cli.main import main
from tests.helpers.files import broken_text, events_text, write

ROOT = Path(__file__).resolve().parents[2]


def run_python(script: str, *args: str, **options) -> subprocess.CompletedProcess:
    """`script` in a fresh interpreter with the project importable, headless."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", script, *args], env=env, timeout=120,
                          capture_output="stdout" not in options, **options)


#: Ctrl+C as a terminal gives it: a shell that starts the tests as a background job (`cmd &`
#: in a script, as CI runners may) has its children ignore SIGINT, and Python then leaves it so.
DEFAULT_INTERRUPT = "signal.signal(signal.SIGINT, signal.default_int_handler)\n"

#: A load that receives a signal (the process sends it to itself, so it arrives right there).
SIGNAL_DURING_LOAD = """
import os, signal, sys
""" + DEFAULT_INTERRUPT + """
import explorer.cli.check as check
def load(path):
    os.kill(os.getpid(), signal.{signal})
    raise AssertionError("the signal did not arrive")
check.load_dataset = load
from explorer.cli.main import main
sys.exit(main(["check", sys.argv[1]]))
"""

#: An export that receives a signal once its bytes are in the temporary file.
SIGNAL_DURING_WRITE = """
import os, signal, sys
""" + DEFAULT_INTERRUPT + """
import explorer.atomic as atomic
def fsync(handle):
    os.kill(os.getpid(), signal.{signal})
    raise AssertionError("the signal did not arrive")
atomic.os.fsync = fsync
from explorer.cli.main import main
sys.exit(main(["export", sys.argv[1], "-o", sys.argv[2]]))
"""


@pytest.mark.parametrize("name, status", [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_during_check_ends_with_one_line(tmp_path, name, status):
    data = write(tmp_path / "t.yaml", events_text(3))
    done = run_python(SIGNAL_DURING_LOAD.format(signal=name), str(data))
    assert done.returncode == status, done.stderr
    how = "interrupted" if name == "SIGINT" else "terminated"
    assert done.stderr.decode() == f"explorer check: {how}\n"


@pytest.mark.parametrize("name, status", [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_during_export_leaves_no_temporary_file(tmp_path, name, status):
    data = write(tmp_path / "t.yaml", events_text(3))
    out = tmp_path / "out" / "big.svg"
    out.parent.mkdir()
    done = run_python(SIGNAL_DURING_WRITE.format(signal=name), str(data), str(out))
    assert done.returncode == status, done.stderr
    assert done.stderr.decode().endswith("; nothing was written\n")
    assert b"Traceback" not in done.stderr
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_reader_that_went_away_ends_quietly(tmp_path, command):
    data = write(tmp_path / "broken.yaml", broken_text(50))
    args = [str(data)] + (["-o", str(tmp_path / "x.svg")] if command == "export" else [])
    read, written = os.pipe()
    os.close(read)  # `| head` that has already read its lines
    try:
        done = run_python("import sys; from explorer.cli.main import main; sys.exit(main(sys.argv[1:]))",
                          command, *args, stdout=written, stderr=subprocess.PIPE)
    finally:
        os.close(written)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", ["check", "export"])
def test_standard_output_on_a_full_disk_says_so(tmp_path, command):
    data = write(tmp_path / "broken.yaml", broken_text(50))
    args = [str(data)] + (["-o", str(tmp_path / "x.svg")] if command == "export" else [])
    with open("/dev/full", "w") as full:
        done = run_python("import sys; from explorer.cli.main import main; sys.exit(main(sys.argv[1:]))",
                          command, *args, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert f"explorer {command}: cannot write the standard output: the disk is full".encode() \
        in done.stderr


def test_an_output_name_of_250_characters_is_written(qapp, tmp_path, capsys):
    data = write(tmp_path / "t.yaml", events_text(3))
    out = tmp_path / ("n" * 246 + ".svg")
    assert main(["export", str(data), "-o", str(out)]) == 0
    assert out.exists() and sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, "t.yaml"])


def test_a_temporary_name_stays_within_the_limit_for_a_name_of_255_bytes(tmp_path):
    write_atomically(tmp_path / ("x" * 255), b"data")
    assert (tmp_path / ("x" * 255)).read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["x" * 255]
    wide = "é" * 127  # 254 bytes: the temporary name is cut inside a character
    write_atomically(tmp_path / wide, b"more")
    assert (tmp_path / wide).read_bytes() == b"more"


@pytest.mark.parametrize("option, value, said", [
    ("--width", "3000000000", "at most 200,000 pixels"),
    ("--pages", "1000000", "a PDF has at most 1,000 pages"),
])
def test_sizes_past_the_limits_are_refused_plainly(tmp_path, capsys, option, value, said):
    data = write(tmp_path / "t.yaml", events_text(3))
    out = tmp_path / ("t.pdf" if option == "--pages" else "t.svg")
    assert main(["export", str(data), "-o", str(out), option, value]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert not out.exists()
