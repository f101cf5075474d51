"""How the node path collects what is wrong with a file: `Problems`, the diagnostics of one
file in the order found (bounded in number), and the "did you mean" hints of its messages."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Iterable

from explorer.model.diagnostics import Diagnostic, Severity
from explorer.model.load.nodes import Where, position

#: At most this many diagnostics are kept per file; the rest are counted.
MAX_DIAGNOSTICS = 1000


def close_match(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate `word` is most likely a misspelling of, when one is close enough."""
    found = get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return found[0] if found else None


def suggestion(word: str, candidates: Iterable[str], quote: str = "'") -> str:
    """`; did you mean 'x'?` when a candidate is close to `word`, else an empty string."""
    close = close_match(word, candidates)
    return f"; did you mean {quote}{close}{quote}?" if close else ""


class Problems:
    """The diagnostics of one file in the order found; keeps at most `MAX_DIAGNOSTICS`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors = 0
        self._items: list[Diagnostic] = []
        self._dropped = 0
        self._dropped_at: tuple[int, int] = (1, 1)

    def error(self, where: Where, path: str, message: str) -> None:
        self.errors += 1
        self._add(Severity.ERROR, where, path, message)

    def warning(self, where: Where, path: str, message: str) -> None:
        self._add(Severity.WARNING, where, path, message)

    @property
    def full(self) -> bool:
        """True once further diagnostics would only be counted (callers may skip costly hints)."""
        return len(self._items) >= MAX_DIAGNOSTICS

    def _add(self, severity: Severity, where: Where, path: str, message: str) -> None:
        if self.full:
            if not self._dropped:
                self._dropped_at = position(where)
            self._dropped += 1
            return
        line, column = position(where)
        self._items.append(Diagnostic(severity, self.file, max(line, 1), max(column, 1), path, message))

    def take(self, other: Problems) -> None:
        """Take the place of what was found so far: what `other` found in the same file."""
        self.errors, self._items = other.errors, list(other._items)
        self._dropped, self._dropped_at = other._dropped, other._dropped_at

    def diagnostics(self) -> list[Diagnostic]:
        """Everything found, in file order, ending with a note when some were left out."""
        found = sorted(self._items, key=lambda d: (d.line, d.column))
        if self._dropped:
            kept_errors = sum(d.is_error for d in found)
            severity = Severity.ERROR if self.errors > kept_errors else Severity.WARNING
            line, column = self._dropped_at
            found.append(Diagnostic(
                severity, self.file, line, column, "",
                f"{self._dropped} more problems are not listed; fix the ones above and check again",
            ))
        return found

