"""What every subcommand shares: exit statuses and the compiler-style report of a file's
problems."""

from __future__ import annotations

import sys
from typing import Iterable

from explorer.model.diagnostics import Diagnostic

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2


def plural(count: int, noun: str) -> str:
    """"1 event", "2 events", "1,000 events"."""
    return f"{count:,} {noun}{'s' * (count != 1)}"


def print_report(file: str, diagnostics: Iterable[Diagnostic], events: int | None = None) -> None:
    """One file's problems as compiler-style lines on stdout, then a summary on stderr:
    "ok, N events" when it loaded (`events` given), else the count of errors."""
    diagnostics = list(diagnostics)
    for diagnostic in diagnostics:
        print(diagnostic)
    errors = sum(d.is_error for d in diagnostics)
    warnings = plural(len(diagnostics) - errors, "warning")
    if events is None:
        print(f"{file}: {plural(errors, 'error')}, {warnings}", file=sys.stderr)
    else:
        print(f"{file}: ok, {plural(events, 'event')}, {warnings}", file=sys.stderr)
