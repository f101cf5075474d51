"""`docs/architecture.md` is the map of the code: it names every module of the package, and
every module it names exists."""

from __future__ import annotations

import re

from tests.helpers.paths import ROOT

PAGE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "explorer"


def named_modules() -> set[str]:
    """Module paths the page names, relative to explorer/ (`qt/timeline/widget.py`)."""
    found = set()
    for name in re.findall(r"`([\w/]+\.py)`", PAGE):
        found.add(name.removeprefix("explorer/"))
    return found


def package_modules() -> set[str]:
    return {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    }


def test_every_module_of_the_package_is_on_the_map():
    assert package_modules() - named_modules() == set()


def test_every_module_on_the_map_exists():
    missing = {name for name in named_modules() if not name.startswith("tests/")
               and not (PACKAGE / name).exists()}
    assert missing == set()


def test_every_package_of_the_tree_is_drawn():
    drawn = set(re.findall(r"^\s+(\w+)/", PAGE.split("```")[1], re.M))
    packages = {path.parent.name for path in PACKAGE.rglob("__init__.py") if path.parent != PACKAGE}
    assert packages <= drawn


def test_no_test_module_imports_another():
    """Shared steps live in tests/helpers and the conftest files, never in a test module."""
    offenders = []
    for path in (ROOT / "tests").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            found = re.match(r"\s*(?:from|import) (tests\.[\w.]+)", line)
            if found and not found.group(1).startswith(("tests.helpers", "tests.conftest")):
                offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []
