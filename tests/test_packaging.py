"""Installed from a wheel (not only editable), the explorer still finds its shipped files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("timeline_explorer-*.whl")
    return built


def test_the_wheel_holds_every_package_and_the_shipped_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "explorer").rglob("*.py")
    }
    assert sources <= names, f"missing from the wheel: {sorted(sources - names)}"
    assert "explorer/resources/blue_heart.yaml" in names
    for page in ("format.md", "guide.md", "examples/minimal.yaml"):
        assert f"explorer/resources/docs/{page}" in names  # what Help shows
    assert "explorer/resources/icons/blue-heart.svg" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "explorer = explorer.cli.main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own (its dependencies are this interpreter's)."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, text=True,
    )
    return target


def test_an_installed_wheel_loads_the_shipped_data_set_outside_the_checkout(installed, tmp_path):
    target = installed
    code = (
        "import explorer.paths as p, explorer.model.load.loader as l\n"
        "path = p.shipped_dataset()\n"
        "print(path)\n"
        "print(len(l.load_dataset(path).events))\n"
    )
    # Run from an empty folder with only the installed copy on the path, not the checkout.
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r})\n{code}"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    location, events = result.stdout.split()
    assert Path(location).is_relative_to(target)
    assert int(events) > 0


HELP_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget
import explorer
from explorer.qt.main_window import MainWindow
from explorer.qt.settings import Settings
app = QApplication([])
window = MainWindow(Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.findChild(QAction, "formatAction").trigger()
help_window = window.findChild(QWidget, "helpWindow")
print(explorer.__file__)
print(help_window.isVisible())
print(help_window.findChild(QTextBrowser, "helpText").toPlainText())
"""


def test_an_installed_wheel_shows_the_format_reference_in_help(installed, tmp_path):
    result = subprocess.run(
        [sys.executable, "-I", "-c",
         f"import sys; sys.path.insert(0, {str(installed)!r})\n{HELP_SCRIPT}",
         str(tmp_path / "settings.ini")],
        cwd=tmp_path, capture_output=True, text=True, check=True,
        timeout=60,  # a modal message box instead of the reference would wait for ever
    )
    location, visible, text = result.stdout.split("\n", 2)
    assert Path(location).is_relative_to(installed)
    assert visible == "True"
    assert text.startswith("Timeline format v1")
    assert "Sections and fields" in text and "Checking a file: explorer check" in text
