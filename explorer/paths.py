"""Where the shipped files live, whether installed from a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path


def resource_dir() -> Path:
    """The folder holding the shipped data set and icons."""
    try:
        import explorer.resources as package  # the wheel (and an editable install) maps resources/ to this package
    except ImportError:
        package = None
    if package is not None and getattr(package, "__file__", None):
        return Path(package.__file__).resolve().parent
    return Path(__file__).resolve().parent.parent / "resources"


def shipped_dataset() -> Path:
    """The Blue Heart data set that opens when no file is given."""
    return resource_dir() / "blue_heart.yaml"
