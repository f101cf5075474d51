"""`explorer` names a mistyped command and the one that was probably meant."""

from __future__ import annotations

import pytest

from explorer.cli.main import main, unknown_command


def test_a_mistyped_command_is_named_with_the_near_one(capsys):
    status = main(["exprot", "data.yaml", "-o", "out.png"])

    error = capsys.readouterr().err
    assert status == 2
    assert "unknown command 'exprot'; did you mean 'explorer export'?" in error
    assert "unrecognized arguments" not in error


@pytest.mark.parametrize(("typed", "meant"), [("chek", "check"), ("member", "members"),
                                              ("Export", "export")])
def test_a_lone_mistyped_command_is_not_taken_for_a_file(typed, meant, capsys):
    assert main([typed]) == 2
    assert f"did you mean 'explorer {meant}'?" in capsys.readouterr().err


def test_an_unknown_word_with_arguments_lists_the_commands(capsys):
    assert main(["frobnicate", "a", "b"]) == 2
    assert "the commands are check, export, members" in capsys.readouterr().err


def test_files_are_never_taken_for_commands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprot").write_text("timeline: 1\n", encoding="utf-8")
    assert unknown_command(["exprot"]) is None  # a file of that name exists
    assert unknown_command(["exprot.yaml"]) is None  # a file name, even if missing
    assert unknown_command(["notes"]) is None  # far from every command, nothing after it
    assert unknown_command(["--version"]) is None
