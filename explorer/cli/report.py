"""What every subcommand shares: exit statuses, the one way text reaches the terminal (`say`,
`say_json`: controls escaped, surrogates replaced) and the compiler-style report of a file's
problems."""

from __future__ import annotations

import sys
from typing import Iterable

from explorer.model.diagnostics import Diagnostic
from explorer.model.safe_text import for_terminal, json_report

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
#: Ended by a signal: 128 + SIGINT (Ctrl+C), 128 + SIGTERM.
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def say(text: object, error: bool = False, lines: bool = False) -> None:
    """Print `text` on stdout (stderr with `error`), every control character from a data file
    or a file name escaped: the one way the commands write to a terminal. With `lines`, the
    newlines of text of several lines of the program's own are kept."""
    print(for_terminal(str(text), lines=lines), file=sys.stderr if error else sys.stdout)


def say_json(value: object) -> None:
    """Print `value` as a JSON report on stdout: valid UTF-8, no raw control character."""
    print(json_report(value))


def plural(count: int, noun: str) -> str:
    """"1 event", "2 events", "1,000 events"."""
    return f"{count:,} {noun}{'s' * (count != 1)}"


def print_report(file: str, diagnostics: Iterable[Diagnostic], events: int | None = None) -> None:
    """One file's problems as compiler-style lines on stdout, then a summary on stderr:
    "ok, N events" when it loaded (`events` given), else the count of errors."""
    diagnostics = list(diagnostics)
    for diagnostic in diagnostics:
        say(diagnostic)
    errors = sum(d.is_error for d in diagnostics)
    warnings = plural(len(diagnostics) - errors, "warning")
    if events is None:
        say(f"{file}: {plural(errors, 'error')}, {warnings}", error=True)
    else:
        say(f"{file}: ok, {plural(events, 'event')}, {warnings}", error=True)
