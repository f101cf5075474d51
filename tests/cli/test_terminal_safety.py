"""What a command prints from a data file never acts on the terminal: control characters are
shown escaped, file names that are not UTF-8 are shown as escapes (lone surrogates in a data
file are errors at their escapes), and a `--json` report is valid UTF-8 JSON."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from explorer.cli.main import main
from tests.helpers.outputs import json_printed

HOSTILE_ID = "\x1b]0;owned\x1b[1A\x1b[2K"
SURROGATES = ('{"timeline": 1, "title": "S", "events": ['
              '{"id": "a", "title": "A", "date": "2009", "actors": ["\\ud800"], "parent": "\\udc00"},'
              '{"id": "b", "title": "B\\udfff", "date": "2010", "\\ud801": 1}]}')


def hostile_file(folder, name="hostile.yaml"):
    path = folder / name
    path.write_text("timeline: 1\ntitle: H\nevents:\n"
                    '  - {id: a, title: A, date: 2009, actors: ["\\e]0;owned\\e[1A\\e[2K"]}\n',
                    encoding="utf-8")
    return path


def test_an_actor_id_of_escape_sequences_prints_escaped(tmp_path, capsys):
    path = hostile_file(tmp_path)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "unknown actor '\\x1b]0;owned\\x1b[1A\\x1b[2K'" in out
    assert "\x1b" not in out + err


def test_the_json_report_of_escape_sequences_is_json_without_raw_controls(tmp_path, capsys):
    path = hostile_file(tmp_path)
    assert main(["check", "--json", str(path)]) == 1
    report = json_printed(capsys.readouterr().out)
    assert HOSTILE_ID in report[0]["diagnostics"][0]["message"]


def test_lone_surrogates_in_actors_keys_and_parents_are_errors_at_their_escapes(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(SURROGATES, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    (out + err).encode("utf-8")
    lines = out.splitlines()
    assert len(lines) == 4
    for line, escape in zip(lines, ["\\ud800", "\\udc00", "\\udfff", "\\ud801"]):
        assert line.startswith(f"{path}:1:{SURROGATES.index(escape) + 1}: error: `{escape}` is a lone surrogate")


def test_lone_surrogates_give_a_json_report_in_utf8(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(SURROGATES, encoding="utf-8")
    assert main(["check", "--json", str(path)]) == 1
    report = json_printed(capsys.readouterr().out)
    messages = [d["message"] for d in report[0]["diagnostics"]]
    assert messages[0].startswith("`\\ud800` is a lone surrogate")


def test_surrogates_through_a_real_pipe_end_without_a_traceback(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(SURROGATES, encoding="utf-8")
    for json_flag in ([], ["--json"]):
        done = subprocess.run([sys.executable, "-m", "explorer", "check", *json_flag, str(path)],
                              capture_output=True, timeout=60)
        assert done.returncode == 1, done.stderr
        assert b"Traceback" not in done.stderr
        done.stdout.decode("utf-8")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_prints_its_bytes_escaped(tmp_path, capsys):
    raw = os.fsencode(tmp_path) + b"/bad\xff\x1b.yaml"
    hostile_file(tmp_path)
    os.rename(tmp_path / "hostile.yaml", raw)
    name = os.fsdecode(raw)
    assert main(["check", name]) == 1
    out, err = capsys.readouterr()
    (out + err).encode("utf-8")
    assert "bad\\xff\\x1b.yaml:4:" in out
    assert "bad\\xff\\x1b.yaml: 1 error" in err
    assert main(["check", "--json", name]) == 1
    report = json_printed(capsys.readouterr().out)
    assert report[0]["file"].endswith("bad\\xff\x1b.yaml")
