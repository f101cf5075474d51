"""Where an export may go and how it gets there: the format from the extension, never over
the data file, and written atomically (a temporary file in the target folder, then a rename),
so a failed or cancelled export leaves no partial file behind."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

#: Formats by file extension.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
#: Bytes written between two looks at the cancel flag.
CHUNK = 1 << 20

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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def describe_os_error(error: OSError, path: Path) -> str:
    """What went wrong writing `path`, in words."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"{path}: the disk is full (or over quota); nothing was written"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"{path}: permission denied; cannot write in {path.parent}"
    if error.errno == errno.EROFS:
        return f"{path}: {path.parent} is on a read-only file system"
    return f"{path}: {error.strerror or error}"


def write_atomically(path: str | os.PathLike, data: bytes, cancelled: Cancelled | None = None,
                     progress: Callable[[float], None] | None = None) -> None:
    """Write `data` to `path` so that `path` is either untouched or complete: into a temporary
    file next to it, flushed to disk, then renamed over it."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=target.parent)
    except OSError as error:
        raise ExportError(describe_os_error(error, target)) from error
    try:
        try:
            view = memoryview(data)
            total = max(len(view), 1)
            while view:
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                written = os.write(handle, view[:CHUNK])
                view = view[written:]
                if progress is not None:
                    progress(1.0 - len(view) / total)
            os.fsync(handle)
        finally:
            os.close(handle)
        # mkstemp makes a private file; an image is as readable as any file the person saves.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise ExportError(describe_os_error(error, target)) from error
        raise
