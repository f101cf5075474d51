"""What an import says about itself: what was kept, what was converted (with examples), what
was dropped, and located warnings and errors, so that nothing is lost without a word."""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.model.diagnostics import Diagnostic, Severity

#: Examples kept per kind of conversion or drop.
EXAMPLES = 3
#: Warnings and errors kept; the rest are counted.
MAX_PROBLEMS = 1000


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the original file: 1-based line and column, and a path a person can follow
    (`events[3].start_date`, `row 12, Year`)."""

    line: int = 1
    column: int = 1
    path: str = ""


START = Where()


@dataclass(slots=True)
class Tally:
    """One kind of conversion or drop: how often it happened and a few examples with places."""

    what: str
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def line(self) -> str:
        shown = "; ".join(self.examples)
        return f"{self.what} ({self.count:,}{': ' + shown if shown else ''})"


class ImportReport:
    """Collects an import's account of itself while it reads."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.format = ""
        self.kept: dict[str, int] = {}
        self.converted: dict[str, Tally] = {}
        self.dropped: dict[str, Tally] = {}
        self._problems: list[Diagnostic] = []
        self._more = 0
        self.errors = 0

    # -- while reading --------------------------------------------------------------------

    def keep(self, what: str, count: int = 1) -> None:
        """`count` more of `what` ("events", "eras") came through as they were."""
        self.kept[what] = self.kept.get(what, 0) + count

    def wants_example(self, what: str) -> bool:
        """Whether a conversion of this kind still lacks examples (worth making one)."""
        tally = self.converted.get(what)
        return tally is None or len(tally.examples) < EXAMPLES

    def convert(self, what: str, example: str = "", where: Where | None = None) -> None:
        """Something was written differently in format v1 ("dates written as EDTF")."""
        self._tally(self.converted, what, example, where)

    def drop(self, what: str, example: str = "", where: Where | None = None, count: int = 1) -> None:
        """Something format v1 has no place for was left out ("media", "colours")."""
        self._tally(self.dropped, what, example, where, count)

    def warning(self, where: Where, message: str) -> None:
        self._add(Severity.WARNING, where, message)

    def error(self, where: Where, message: str) -> None:
        self.errors += 1
        self._add(Severity.ERROR, where, message)

    # -- afterwards -----------------------------------------------------------------------

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def diagnostics(self) -> list[Diagnostic]:
        """Warnings and errors in file order, ending with a count of those not listed."""
        found = sorted(self._problems, key=lambda d: (d.line, d.column))
        if self._more:
            severity = Severity.ERROR if self.errors > sum(d.is_error for d in found) else Severity.WARNING
            found.append(Diagnostic(severity, self.file, 1, 1, "",
                                    f"{self._more:,} more problems are not listed"))
        return found

    def summary(self) -> list[str]:
        """The account in lines a person reads: kept, converted, dropped."""
        lines = []
        if self.kept:
            kept = ", ".join(f"{count:,} {what}" for what, count in self.kept.items())
            lines.append(f"kept: {kept}")
        lines.extend(f"converted: {tally.line()}" for tally in self.converted.values())
        lines.extend(f"dropped: {tally.line()}" for tally in self.dropped.values())
        return lines

    def as_json(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "ok": self.ok,
            "kept": dict(self.kept),
            "converted": {t.what: {"count": t.count, "examples": t.examples} for t in self.converted.values()},
            "dropped": {t.what: {"count": t.count, "examples": t.examples} for t in self.dropped.values()},
            "diagnostics": [d.as_json() for d in self.diagnostics()],
        }

    # -- inside ---------------------------------------------------------------------------

    def _tally(self, table: dict[str, Tally], what: str, example: str, where: Where | None,
               count: int = 1) -> None:
        tally = table.get(what)
        if tally is None:
            tally = table[what] = Tally(what)
        tally.count += count
        if example and len(tally.examples) < EXAMPLES:
            tally.examples.append(f"{example} ({describe(where)})" if where is not None else example)

    def _add(self, severity: Severity, where: Where, message: str) -> None:
        if len(self._problems) >= MAX_PROBLEMS:
            self._more += 1
            return
        self._problems.append(Diagnostic(severity, self.file, max(where.line, 1),
                                         max(where.column, 1), where.path, message))


def describe(where: Where) -> str:
    """"line 12" or "line 12, row 11, Year": where an example comes from."""
    return f"line {where.line}" + (f", {where.path}" if where.path else "")


def shorten(text: str, limit: int = 60) -> str:
    """Text cut to `limit` characters for an example, on one line, control characters shown
    as spaces so that nothing from a data file reaches a terminal raw."""
    flat = "".join(ch if ch.isprintable() else " " for ch in str(text)).strip()
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"
