"""Where the shipped files live, whether installed from a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path

import explorer.resources


def resource_dir() -> Path:
    """The folder holding the shipped data set and icons (the `explorer.resources` package)."""
    return Path(explorer.resources.__file__).resolve().parent


def shipped_dataset() -> Path:
    """The Blue Heart data set that opens when no file is given."""
    return resource_dir() / "blue_heart.yaml"


def docs_dir() -> Path:
    """The pages Help shows (the user guide, the format reference and its examples):
    `resources/docs`, a link to docs/ in a checkout and a copy in an installed wheel."""
    docs = resource_dir() / "docs"
    if docs.is_dir():
        return docs
    return resource_dir().parents[1] / "docs"  # a checkout without links (Windows)
