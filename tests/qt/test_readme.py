"""What the README says the explorer has, it has: every menu entry it names (and the user
guide names) is in the real window's menus, every shortcut it names is bound, every benchmark and test file it names
exists, every command-line option it names is an option of that command. (Its speed figures
are measured by the benchmarks it names.)"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction, QKeySequence

from explorer.cli.main import main
from tests.helpers.paths import ROOT
from tests.helpers.windows import timeline_of

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The README as one line, so that a menu path or a shortcut may wrap.
FLAT = " ".join(README.split())


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_entries(window) -> dict[str, list[str]]:
    """Menu title -> the texts of its entries (actions and submenus), as a person reads them."""
    entries = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        entries[plain(menu.title())] = [plain(a.text()) for a in menu.actions() if a.text()]
    return entries


@pytest.mark.parametrize("page", ["README.md", "docs/guide.md"])
def test_every_menu_entry_the_readme_and_the_guide_name_is_in_the_window(shown, page):
    entries = menu_entries(shown)
    flat = " ".join((ROOT / page).read_text(encoding="utf-8").split())
    named = re.finditer(r"\b(File|Edit|View|Filter|Help) > ", flat)
    found = 0
    for match in named:
        after = flat[match.end():]
        assert any(after.startswith(entry) for entry in entries[match.group(1)]), \
            f"{match.group(0)}{after[:40]}…"
        found += 1
    assert found >= 5  # the pattern does find the README's menu paths


def test_every_shortcut_the_readme_names_is_bound(shown):
    bound = {s for action in shown.findChildren(QAction) for s in action.shortcuts()}
    timeline = {"Tab", "Shift+Tab", "Esc"}  # the timeline's own keys (tests/qt/timeline/ pins them)
    named = set(re.findall(r"`((?:Ctrl|Shift|Alt)\+[^`]+|F\d+|Esc|Tab)`", README))
    assert {"Ctrl+E", "F5", "Ctrl+F", "Ctrl+0"} <= named  # the pattern does find them
    for shortcut in named:
        assert QKeySequence(shortcut) in bound or shortcut in timeline, shortcut


def test_the_zoom_range_the_readme_states_is_the_timeline_s(shown):
    stated = re.search(r"zoom from two hours to ([\d,]+) years", FLAT)
    assert stated is not None
    timeline = timeline_of(shown)
    zoom_in = shown.findChild(QAction, "zoomInAction")
    zoom_out = shown.findChild(QAction, "zoomOutAction")
    for _step in range(200):
        zoom_in.trigger()
    assert timeline.viewport.span * 24 == pytest.approx(2.0)  # hours
    for _step in range(400):
        zoom_out.trigger()
    years = timeline.viewport.span / 365.2425
    assert years == pytest.approx(int(stated.group(1).replace(",", "")), rel=0.01)


def test_every_benchmark_and_test_file_the_readme_names_exists():
    section = README[README.index("Speed is measured"):README.index("## Contributing")]
    scripts = re.findall(r"`(\w+\.py)`", section)
    assert len(scripts) >= 6
    for script in scripts:
        assert (ROOT / "benchmarks" / script).exists(), script
    for path in re.findall(r"tests/[\w/]+\.py", README):
        assert (ROOT / path).exists(), path


@pytest.mark.parametrize("command", ["check", "members", "export"])
def test_every_option_the_readme_names_is_an_option_of_its_command(command, capsys):
    row = next(line for line in README.splitlines() if line.startswith(f"| `explorer {command} "))
    try:
        main([command, "--help"])
    except SystemExit:  # argparse's --help exits; some commands return instead
        pass
    usage = capsys.readouterr().out
    for option in re.findall(r"--[a-z][\w-]*", row):
        assert re.search(rf"{option}\b", usage), option
