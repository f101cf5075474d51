"""The problem banner can be read with one problem or many: lines wrap at its width, at least
one whole line shows, a long list scrolls, and a click opens the line in the text editor."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QAbstractScrollArea, QTextBrowser, QWidget

from tests.helpers.files import broken_text, events_text, write
from tests.helpers.windows import click_link, shown_and_active


def given_a_broken_save(window, qtbot, tmp_path, errors: int, width: int = 640):
    """A narrow window on a good file that is then saved with `errors` errors."""
    path = write(tmp_path / "timeline.yaml", events_text(3))
    window.resize(width, 700)
    shown_and_active(qtbot, window)
    assert window.open_file(str(path))
    write(path, broken_text(errors))
    assert not window.reload()
    banner = window.findChild(QWidget, "problemBanner")
    qtbot.waitUntil(banner.isVisible)
    return banner, window.findChild(QAbstractScrollArea, "problemList")


def test_one_problem_is_shown_whole_and_wrapped(window, qtbot, tmp_path):
    banner, problems = given_a_broken_save(window, qtbot, tmp_path, errors=1)
    line = problems.fontMetrics().lineSpacing()

    assert banner.lines()[0].startswith("5:") and "unknown actor 'nobody-1'" in banner.lines()[0]
    assert not problems.horizontalScrollBar().isVisible()  # it wraps, not scrolls sideways
    assert problems.viewport().height() >= 2 * line  # both lines of it show at this width
    assert problems.verticalScrollBar().maximum() == 0
    assert isinstance(problems, QTextBrowser)
    assert problems.document().size().height() > 1.5 * line  # it did wrap


def test_many_problems_show_several_lines_and_scroll(window, qtbot, tmp_path):
    banner, problems = given_a_broken_save(window, qtbot, tmp_path, errors=12, width=1000)
    line = problems.fontMetrics().lineSpacing()

    assert len(banner.lines()) == 12
    assert problems.viewport().height() >= 4 * line
    assert problems.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert banner.height() <= 12 * line  # and the timeline keeps its room


def test_clicking_a_problem_opens_its_line_in_the_text_editor(window, qtbot, tmp_path, settings):
    record = tmp_path / "editor-args.txt"
    script = write(tmp_path / "editor.py", "import sys, pathlib\n"
                   f"pathlib.Path({str(record)!r}).write_text(' '.join(sys.argv[1:]))\n")
    settings.set_editor_command(f'"{sys.executable}" "{script}" --line {{line}} {{file}}')
    banner, problems = given_a_broken_save(window, qtbot, tmp_path, errors=2)

    with qtbot.waitSignal(banner.editor_started):
        click_link(qtbot, problems, "problem:1")

    qtbot.waitUntil(record.exists)
    assert record.read_text() == f"--line 6 {tmp_path / 'timeline.yaml'}"


def test_without_an_editor_a_click_copies_the_problem(window, qtbot, tmp_path):
    banner, problems = given_a_broken_save(window, qtbot, tmp_path, errors=1)

    with qtbot.waitSignal(banner.line_copied) as copied:
        click_link(qtbot, problems, "problem:0")

    assert copied.args[0].endswith("(events[1].actors[0])")
    assert ":5:" in copied.args[0]
