"""Regression guard for the PySide6 6.12.0 / Python < 3.12 reference-count bug on None."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from explorer.qt.compat import broken_pyside_message

# Few enough that a broken build fails this assertion instead of aborting the test run.
PAINT_CALLS = 300


@pytest.mark.skipif(sys.version_info >= (3, 12),
                    reason="None is immortal from Python 3.12 on: its reference count cannot "
                           "drop, so the check could not fail (and the bug cannot abort there)")
def test_painting_does_not_release_references_to_none(qapp):
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for i in range(PAINT_CALLS):
            image.fill(QColor(i % 256, 0, 0))
            painter.setBrush(QColor(0, i % 256, 0))
            painter.drawRect(QRectF(1, 1, 10, 10))
        after = sys.getrefcount(None)
    finally:
        painter.end()
    # A broken build loses one reference per call: thousands. Allow small interpreter noise.
    assert before - after < 100, f"None lost {before - after} references over {PAINT_CALLS} paints"


def test_the_broken_build_is_recognised_and_others_are_not():
    message = broken_pyside_message("6.12.0", (3, 11))
    assert message is not None and "6.12.0" in message and "pip install" in message
    assert broken_pyside_message("6.12.0", (3, 12)) is None
    assert broken_pyside_message("6.11.3", (3, 11)) is None


def test_this_environment_is_not_the_broken_build():
    assert broken_pyside_message() is None
