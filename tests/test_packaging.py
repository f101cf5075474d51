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
    assert "explorer/resources/icons/blue-heart.svg" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "explorer = explorer.cli.main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_an_installed_wheel_loads_the_shipped_data_set_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, text=True,
    )
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
