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


def test_the_window_process_lets_the_event_loop_take_the_interpreter_within_a_millisecond(
        monkeypatch, qapp, qtbot, settings, tmp_path):
    # Qt calls into Python for each virtual method of a class defined in Python; while a
    # worker runs Python, each call waits for the interpreter up to the switch interval.
    import explorer.qt.main_window as main_window

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(main_window, "application_settings", lambda: settings)
    shown = []
    original_show = main_window.MainWindow.show
    monkeypatch.setattr(main_window.MainWindow, "show",
                        lambda self: (shown.append(self), qtbot.addWidget(self), original_show(self)))
    seen = []
    before = sys.getswitchinterval()
    monkeypatch.setattr(type(qapp), "exec", lambda self: seen.append(sys.getswitchinterval()) or 0)
    try:
        assert app.run(None) == 0
    finally:
        sys.setswitchinterval(before)
    assert seen == [app.SWITCH_INTERVAL_S] and app.SWITCH_INTERVAL_S <= 0.001
    assert len(shown) == 1 and shown[0].document.dataset is not None  # the shipped data set
