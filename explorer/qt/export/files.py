"""Where an export may go and how it gets there: the format from the extension, never over
the data file, and written atomically (a temporary file in the target folder, then a rename),
so a failed or cancelled export leaves no partial file behind."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from explorer import atomic

#: Formats by file extension.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

Cancelled = Callable[[], bool]


class ExportError(Exception):
    """An export that cannot be done, with a message for the person who asked for it.

    `usage` is True when the request itself is wrong (an unknown extension, the data file as
    the output, a folder that does not exist), False when writing failed."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage


class ExportCancelled(ExportError):
    """The person cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Export cancelled")


def format_of(path: str | os.PathLike) -> str:
    """"png", "svg" or "pdf" from the file name; ExportError for anything else."""
    suffix = Path(path).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        known = ", ".join(FORMATS)
        shown = f"'{suffix}'" if suffix else "no extension"
        raise ExportError(f"{Path(path).name}: cannot export to {shown}; use {known}", usage=True)
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_target(path: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """The output path, once it is known to be writable in principle: a known format, not a
    data file being exported, not a folder, in a folder that exists."""
    target = Path(path)
    for data_file in inputs:
        if data_file and _same_file(target, Path(data_file)):
            raise ExportError(f"{target}: refusing to overwrite the data file being exported",
                              usage=True)
    format_of(target)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name", usage=True)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{target}: the folder {folder} does not exist", usage=True)
    return target


def write_atomically(path: str | os.PathLike, data: bytes, cancelled: Cancelled | None = None,
                     progress: Callable[[float], None] | None = None) -> None:
    """Write `data` to `path` so that `path` is either untouched or complete (see
    `explorer.atomic`); ExportError or ExportCancelled otherwise."""
    try:
        atomic.write_atomically(path, data, cancelled, progress)
    except atomic.WriteCancelled:
        raise ExportCancelled() from None
    except atomic.WriteFailed as error:
        raise ExportError(error.message) from error
