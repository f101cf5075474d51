"""`explorer check FILE... [--json]`: compiler-style diagnostics and an exit status for scripts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.paths import shipped_dataset
from tests.helpers.outputs import json_printed

BROKEN = """\
timeline: 1
organizations:
  unodc: {name: UNODC}
events:
  - title: Launch
    sumary: typo
    actors: [undoc]
"""
WARNED = "timeline: 1\nevents:\n  - {title: x, colour: red}\n"


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


@pytest.fixture
def warned(tmp_path) -> Path:
    path = tmp_path / "warned.yaml"
    path.write_text(WARNED, encoding="utf-8")
    return path


def test_a_clean_file_exits_0_and_says_ok(capsys, data_dir):
    status = main(["check", str(data_dir / "loader_minimal.yaml")])
    out, err = capsys.readouterr()
    assert status == 0
    assert out == ""
    assert err == f"{data_dir / 'loader_minimal.yaml'}: ok, 7 events, 0 warnings\n"


def test_errors_print_compiler_style_lines_and_exit_1(capsys, broken):
    status = main(["check", str(broken)])
    out, err = capsys.readouterr()
    assert status == 1
    assert out.splitlines() == [
        f"{broken}:6:5: warning: unknown field 'sumary' in an event is ignored; did you mean 'summary'? "
        "(events[0].sumary)",
        f"{broken}:7:14: error: unknown actor 'undoc'; did you mean 'unodc'? (events[0].actors[0])",
    ]
    assert err == f"{broken}: 1 error, 1 warning\n"


def test_warnings_alone_exit_0(capsys, warned):
    status = main(["check", str(warned)])
    out, err = capsys.readouterr()
    assert status == 0
    assert out == f"{warned}:3:16: warning: unknown field 'colour' in an event is ignored (events[0].colour)\n"
    assert err == f"{warned}: ok, 1 event, 1 warning\n"


def test_every_file_is_checked_and_one_error_fails_the_run(capsys, broken, warned, tmp_path):
    missing = tmp_path / "missing.yaml"
    status = main(["check", str(warned), str(missing), str(broken)])
    out, err = capsys.readouterr()
    assert status == 1
    assert f"{missing}:1:1: error: there is no such file; check the path" in out.splitlines()
    assert err.splitlines() == [
        f"{warned}: ok, 1 event, 1 warning",
        f"{missing}: 1 error, 0 warnings",
        f"{broken}: 1 error, 1 warning",
    ]


def test_json_output(capsys, broken, data_dir):
    status = main(["check", "--json", str(broken), str(data_dir / "loader_minimal.yaml")])
    out, err = capsys.readouterr()
    assert status == 1
    assert err == ""
    report = json_printed(out)
    assert [(r["file"], r["ok"], r["events"]) for r in report] == [
        (str(broken), False, None), (str(data_dir / "loader_minimal.yaml"), True, 7),
    ]
    assert report[0]["diagnostics"][1] == {
        "severity": "error",
        "file": str(broken),
        "line": 7,
        "column": 14,
        "path": "events[0].actors[0]",
        "message": "unknown actor 'undoc'; did you mean 'unodc'?",
    }


@pytest.mark.parametrize("args", [["check"], ["check", "--no-such-option", "x.yaml"]])
def test_usage_errors_exit_2(capsys, args):
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert "usage: explorer check" in capsys.readouterr().err


def test_python_m_explorer_check_on_the_shipped_data_set():
    shipped = shipped_dataset()
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "check", str(shipped)], capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"{shipped}: ok, ")
    usage = subprocess.run([sys.executable, "-m", "explorer", "check"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2


def test_a_key_too_long_for_yaml_is_named_at_the_key(capsys, tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text("timeline: 1\norganizations:\n  a: {name: A}\n  " + "k" * 1100 + ": {name: B}\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:4:3: error: this key is 1,100 characters long, longer than the 1,024 YAML allows for "
        "a key written `key: value`; shorten it, or write it as an explicit key: `? ` and the key on "
        "one line, `: ` and its value on the next\n"
    )


def test_a_lone_surrogate_in_json_is_an_error_at_its_escape(capsys, tmp_path):
    path = tmp_path / "lone.json"
    text = '{"timeline": 1, "events": [{"id": "a", "title": "x", "date": "2001", "actors": ["\\ud800"]}]}'
    path.write_text(text, encoding="utf-8")
    column = text.index("\\") + 1
    message = ("`\\ud800` is a lone surrogate, half of a UTF-16 pair and not a character: write the full "
               "pair (such as `\\ud83d\\ude00`) or remove it")
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{path}:1:{column}: error: {message} (events[0].actors[0])\n"
    assert err == f"{path}: 1 error, 0 warnings\n"
    assert main(["check", "--json", str(path)]) == 1
    report = json_printed(capsys.readouterr().out)
    assert [(d["line"], d["column"], d["path"], d["message"]) for d in report[0]["diagnostics"]] == [
        (1, column, "events[0].actors[0]", message)]
