"""Known-broken PySide6 builds the app refuses to run on, with a message that says what to do."""

from __future__ import annotations

import sys

#: (PySide6 version, first Python version where it is fine): builds that corrupt memory.
BROKEN_BUILDS = {
    # Every void Qt call (QPainter.drawRect, setBrush, QImage.fill...) releases a reference to
    # None; after a few thousand paints the interpreter aborts in none_dealloc.
    "6.12.0": (3, 12),
}


def broken_pyside_message(pyside_version: str | None = None, python_version=None) -> str | None:
    """A sentence for the user when this PySide6 build cannot run the app, else None."""
    if pyside_version is None:
        import PySide6

        pyside_version = PySide6.__version__
    python_version = tuple(python_version or sys.version_info[:2])
    fixed_in = BROKEN_BUILDS.get(pyside_version)
    if fixed_in is None or python_version >= fixed_in:
        return None
    python = ".".join(str(part) for part in python_version)
    return (
        f"PySide6 {pyside_version} on Python {python} corrupts memory while painting and would "
        f"crash the timeline. Install another version, for example: "
        f"pip install 'PySide6-Essentials!={pyside_version}'"
    )
