"""Where the specs find files: the checkout, the small fixtures, and the real data of other
tools that lies beside the checkout in `../shared/data` (never copied into the project)."""

from __future__ import annotations

from pathlib import Path

import pytest

#: The root of the checkout.
ROOT = Path(__file__).resolve().parents[2]
#: The folder of small fixture files.
DATA_DIR = ROOT / "tests" / "data"
#: Real files in other tools' formats and treaty status tables (see its README).
SHARED_DATA = ROOT.parent / "shared" / "data"


def shared_data(relative: str) -> Path:
    """A file of `../shared/data`, or a skip saying why the spec cannot run without it."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"{relative} is not in {SHARED_DATA}: the real data of ../shared/data lies "
                    "beside a development checkout, not in the project")
    return path
