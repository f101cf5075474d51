"""Problems found in a timeline file, each pointing at a file, line, column and path."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where it is (1-based line and column, and a path such as
    `events[3].actors[1]`) and a sentence that says what is wrong and what to do."""

    severity: Severity
    file: str
    line: int
    column: int
    path: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}{where}"

    def short(self) -> str:
        """`line:col: message`, for a banner that already names the file."""
        return f"{self.line}:{self.column}: {self.message}"

    def as_json(self) -> dict:
        return {
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
        }


class DatasetError(Exception):
    """A file that cannot be loaded; carries every diagnostic found (errors and warnings)."""

    def __init__(self, diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = [d for d in self.diagnostics if d.is_error]
        first = errors[0] if errors else (self.diagnostics[0] if self.diagnostics else None)
        summary = str(first) if first else "the data set could not be loaded"
        more = len(errors) - 1
        if more > 0:
            summary += f" (and {more:,} more error{'s' if more > 1 else ''})"
        super().__init__(summary)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)
