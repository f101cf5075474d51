"""The `explorer` command: `explorer [FILE]` opens the window, `explorer check FILE...`
validates, `explorer export DATA -o OUT` writes an image without a display, `explorer members
FILE --of ID` lists the members of a campaign or protocol, `explorer import` converts another
tool's file to format v1 and `explorer export-data` writes events as data."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from typing import Sequence

from explorer import __version__
from explorer.cli.report import EXIT_DATA_ERROR, EXIT_USAGE
from explorer.collector import paused_collections


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `explorer` command; returns the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        from explorer.cli.check import run_check

        try:
            # A command runs one load after another and ends: collections can wait.
            with paused_collections():
                return run_check(args[1:])
        except BrokenPipeError:
            return _reader_gone()
    if args and args[0] == "members":
        from explorer.cli.members import run_members

        try:
            with paused_collections():
                return run_members(args[1:])
        except BrokenPipeError:
            return _reader_gone()
    if args and args[0] == "export":
        from explorer.cli.export import run_export

        with paused_collections():
            return run_export(args[1:])
    if args and args[0] == "import":
        from explorer.cli.importing import run_import

        with paused_collections():
            return run_import(args[1:])
    if args and args[0] == "export-data":
        from explorer.cli.export_data import run_export_data

        with paused_collections():
            return run_export_data(args[1:])
    return run_app(args)


def _reader_gone() -> int:
    """The reader went away (`explorer check ... | head`): stop quietly, like other tools."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
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
COMMANDS = ("check", "export", "members")


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
        print(f"explorer: error: {mistyped}", file=sys.stderr)
        return EXIT_USAGE
    options = parser.parse_args(args)
    from explorer.qt.app import run

    return run(options.file)
