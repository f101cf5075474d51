"""Shared test setup: headless Qt before any QApplication exists, and the data every spec
may ask for by name."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from explorer.model.dataset import Dataset
from explorer.model.load.loader import load_dataset
from explorer.paths import shipped_dataset
from tests.helpers.outputs import every_svg_is_xml
from tests.helpers.paths import DATA_DIR


@pytest.fixture(autouse=True)
def svg_written_is_xml(request):
    """Every SVG a spec writes under its `tmp_path` is parsed as XML once the spec is done."""
    folder = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if folder is not None:
        every_svg_is_xml(folder)


@pytest.fixture
def data_dir() -> Path:
    """The folder of small fixture files."""
    return DATA_DIR


@pytest.fixture(scope="session")
def blue_heart() -> Dataset:
    """The shipped Blue Heart data set, loaded once (data sets are immutable)."""
    return load_dataset(shipped_dataset())


@pytest.fixture
def blue_heart_copy(tmp_path) -> Path:
    """A private copy of the shipped data set that tests may edit."""
    path = tmp_path / "blue_heart.yaml"
    shutil.copyfile(shipped_dataset(), path)
    return path


@pytest.fixture(scope="session")
def synthetic_100k(tmp_path_factory) -> Dataset:
    """The 100,000-event synthetic file of the benchmarks (`benchmarks/make_dataset.py`,
    seed 1), made and loaded once."""
    from benchmarks.make_dataset import make

    path = tmp_path_factory.mktemp("synthetic") / "synthetic-100000.json"
    path.write_text(make(100_000, 1, as_json=True), encoding="utf-8")
    return load_dataset(path)
