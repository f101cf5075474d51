"""Shared test setup: headless Qt before any QApplication exists, and paths to fixtures."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """The folder of small fixture files."""
    return DATA_DIR
