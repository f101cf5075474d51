"""The model and the time scale never import Qt (STYLE habit 1)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_model_and_timescale_load_no_qt():
    code = (
        "import sys, json, pkgutil, importlib\n"
        "import explorer.model, explorer.timescale\n"
        "for package in (explorer.model, explorer.timescale):\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == []


def test_the_check_detects_qt_when_it_is_imported():
    result = subprocess.run(
        [sys.executable, "-c", "import sys, PySide6.QtCore; print('PySide6.QtCore' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == "True"
