"""Writing a file so that it is either untouched or complete: into a temporary file next to
it, flushed to disk, then renamed over it. A failed or cancelled write leaves no partial file.
Outside the layers: the command line and the window both write files this way."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable

#: Bytes written between two looks at the cancel flag.
CHUNK = 1 << 20

Cancelled = Callable[[], bool]


class WriteFailed(Exception):
    """A write that did not happen; `message` says why, in words, naming the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WriteCancelled(Exception):
    """The write was cancelled; nothing was written."""


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


#: What `mkstemp` adds to the prefix: eight random characters, then the suffix.
_RANDOM_AND_SUFFIX = 8 + len(".part")


def temporary_prefix(target: Path) -> str:
    """".NAME." for the temporary file beside `target`, NAME shortened so that the whole
    temporary name stays within the file system's limit on a name (255 bytes, usually)."""
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    room = max(limit, 32) - _RANDOM_AND_SUFFIX - 2
    name = os.fsencode(target.name)
    if len(name) > room:
        name = name[:room]
    return f".{os.fsdecode(name)}."


def write_atomically(path: str | os.PathLike, data: bytes, cancelled: Cancelled | None = None,
                     progress: Callable[[float], None] | None = None) -> None:
    """Write `data` to `path` whole or not at all; WriteFailed or WriteCancelled otherwise."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=temporary_prefix(target), suffix=".part",
                                             dir=target.parent)
    except OSError as error:
        raise WriteFailed(describe_os_error(error, target)) from error
    try:
        try:
            view = memoryview(data)
            total = max(len(view), 1)
            while view:
                if cancelled is not None and cancelled():
                    raise WriteCancelled()
                written = os.write(handle, view[:CHUNK])
                view = view[written:]
                if progress is not None:
                    progress(1.0 - len(view) / total)
            os.fsync(handle)
        finally:
            os.close(handle)
        # mkstemp makes a private file; what is written is as readable as any file saved.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise WriteFailed(describe_os_error(error, target)) from error
        raise
