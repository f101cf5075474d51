"""Starting the app: the broken PySide6 build is refused with a message, never a mid-paint abort."""

from __future__ import annotations

import subprocess
import sys

import explorer.qt.app as app


def test_the_broken_build_is_refused_before_any_window(monkeypatch, capsys):
    monkeypatch.setattr(app, "broken_pyside_message", lambda: "PySide6 6.12.0 on Python 3.11 ...")
    created = []
    monkeypatch.setattr("explorer.qt.main_window.MainWindow.__init__",
                        lambda *args, **kwargs: created.append(args))
    assert app.run(None) == 1
    assert created == []
    assert "explorer: PySide6 6.12.0 on Python 3.11" in capsys.readouterr().err


def test_version_and_help_work_without_a_display():
    version = subprocess.run([sys.executable, "-m", "explorer", "--version"],
                             capture_output=True, text=True, check=True)
    assert version.stdout.startswith("explorer ")
    usage = subprocess.run([sys.executable, "-m", "explorer", "--bogus"],
                           capture_output=True, text=True)
    assert usage.returncode == 2 and "usage: explorer" in usage.stderr
