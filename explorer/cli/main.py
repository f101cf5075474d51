"""The `explorer` command: `explorer [FILE]` opens the window, `explorer check FILE...`
validates, `explorer export DATA -o OUT` writes an image without a display, `explorer members
FILE --of ID` lists the members of a campaign or protocol, `explorer import` converts another
tool's file to format v1 and `explorer export-data` writes events as data."""

from __future__ import annotations

import argparse
import difflib
import errno
import importlib
import os
import signal
import sys
import threading
from typing import Sequence

from explorer import __version__
from explorer.cli.report import EXIT_DATA_ERROR, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_USAGE, say
from explorer.collector import paused_collections

#: The subcommands and the module and function that run each.
SUBCOMMANDS = {
    "check": ("explorer.cli.check", "run_check"),
    "export": ("explorer.cli.export", "run_export"),
    "members": ("explorer.cli.members", "run_members"),
    "import": ("explorer.cli.importing", "run_import"),
    "export-data": ("explorer.cli.export_data", "run_export_data"),
}
#: The subcommands that write a file (atomically: stopped, they leave nothing).
WRITERS = ("export", "import", "export-data")


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: unwinds as Ctrl+C does (what lets Ctrl+C through lets it through),
    so temporary files are removed on the way out."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `explorer` command; returns the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in SUBCOMMANDS:
        return run_app(args)
    name = args[0]
    module, function = SUBCOMMANDS[name]
    previous = signal.getsignal(signal.SIGTERM)
    on_main_thread = threading.current_thread() is threading.main_thread()
    if on_main_thread:
        signal.signal(signal.SIGTERM, _terminated)
    try:
        run = getattr(importlib.import_module(module), function)
        # A command runs one load after another and ends: collections can wait.
        with paused_collections():
            status = run(args[1:])
            sys.stdout.flush()
            return status
    except BrokenPipeError:
        return _reader_gone()
    except Terminated:
        return _stopped(name, "terminated", EXIT_TERMINATED)
    except KeyboardInterrupt:
        return _stopped(name, "interrupted", EXIT_INTERRUPTED)
    except OSError as error:
        if not _is_output_error(error):
            raise
        return _output_failed(name, error)
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _stopped(name: str, how: str, status: int) -> int:
    """Ctrl+C or SIGTERM: one line, no traceback (what was being written is already gone)."""
    _quiet_stdout()
    written = "; nothing was written" if name in WRITERS else ""
    say(f"explorer {name}: {how}{written}", error=True)
    return status


def _is_output_error(error: OSError) -> bool:
    """An error writing standard output (a full disk, a closed terminal), not reading a file."""
    return error.errno in (errno.ENOSPC, errno.EIO, errno.EPIPE, getattr(errno, "EDQUOT", errno.ENOSPC)) \
        and getattr(error, "filename", None) is None


def _output_failed(name: str, error: OSError) -> int:
    _quiet_stdout()
    reason = "the disk is full" if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) \
        else (error.strerror or str(error))
    try:
        say(f"explorer {name}: cannot write the standard output: {reason}", error=True)
    except OSError:
        pass
    return EXIT_DATA_ERROR


def _quiet_stdout() -> None:
    """Standard output to /dev/null, so what is still buffered does not fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _reader_gone() -> int:
    """The reader went away (`explorer check ... | head`): stop quietly, like other tools."""
    _quiet_stdout()
    return EXIT_DATA_ERROR


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Explore a timeline file (format v1, YAML or JSON). Without FILE, opens the shipped "
        "Blue Heart data set. Subcommands: 'explorer check FILE...' validates files, "
        "'explorer export DATA -o OUT' writes an image, 'explorer members FILE --of ID' lists the members "
        "of a campaign or protocol, 'explorer import SOURCE -o OUT.yaml' converts another tool's file, "
        "'explorer export-data FILE -o OUT.csv' writes the events as data.",
    )
    parser.add_argument("file", nargs="?", help="timeline file to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


#: The subcommands, for the hint at a mistyped one.
COMMANDS = tuple(SUBCOMMANDS)


def unknown_command(args: Sequence[str]) -> str | None:
    """The message for a first argument that reads as a mistyped command rather than a file:
    no option, no such file, no extension, and close to a command or followed by more
    arguments (`explorer exprot a.yaml -o a.png`); None otherwise."""
    if not args or args[0].startswith("-") or os.path.exists(args[0]) or os.path.splitext(args[0])[1]:
        return None
    word = args[0]
    near = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if near:
        return f"unknown command {word!r}; did you mean 'explorer {near[0]}'?"
    if len(args) > 1:
        return f"unknown command {word!r}; the commands are {', '.join(COMMANDS)} (see explorer --help)"
    return None


def run_app(args: Sequence[str]) -> int:
    """`explorer [FILE]`: the window."""
    parser = _app_parser()
    mistyped = unknown_command(args)
    if mistyped is not None:
        parser.print_usage(sys.stderr)
        say(f"explorer: error: {mistyped}", error=True)
        return EXIT_USAGE
    options = parser.parse_args(args)
    from explorer.qt.app import run

    return run(options.file)
