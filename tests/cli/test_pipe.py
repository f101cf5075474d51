"""`explorer check ... | head` stops quietly when the reader goes away."""

from __future__ import annotations

import subprocess
import sys


def test_a_closed_pipe_ends_check_without_a_traceback(tmp_path):
    lines = ["timeline: 1", "events:"]
    for number in range(3000):
        lines += [f"  - title: event {number}", "    date: 2010-02-30"]
    path = tmp_path / "many_errors.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with subprocess.Popen(
        [sys.executable, "-m", "explorer", "check", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as process:
        first = process.stdout.readline()
        process.stdout.close()  # like `head -1`
        stderr = process.stderr.read().decode()
        process.wait(timeout=60)
    assert b"day 30 does not exist in February 2010" in first
    assert "Traceback" not in stderr
    assert process.returncode == 1
