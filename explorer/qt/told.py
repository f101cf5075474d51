"""Signals emitted from threads other than the window's, by objects that may be gone."""

from __future__ import annotations

from PySide6.QtCore import QObject


def tell(source: QObject, name: str, value: object) -> None:
    """Emit `source`'s signal `name` with `value`; nothing when `source` was deleted meanwhile
    (a load's job with its closed window, the lane's relay with the ended program): no one
    is left to tell, and a thread that raised would be reported as some later failure."""
    try:
        getattr(source, name).emit(value)
    except RuntimeError:  # "Signal source has been deleted"
        pass
