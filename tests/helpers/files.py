"""Timeline files written for a spec: a number of plain events, or a file with errors."""

from __future__ import annotations

from pathlib import Path


def events_text(count: int, title: str = "Generated") -> str:
    """A valid format v1 file of `count` dated events, on the first 28 days of each month
    from January 2000."""
    lines = ["timeline: 1", f"title: {title}", "events:"]
    for n in range(count):
        month, day = divmod(n, 28)
        lines.append(f"  - {{id: e{n}, title: Event {n}, "
                     f"date: {2000 + month // 12}-{month % 12 + 1:02d}-{day + 1:02d}}}")
    return "\n".join(lines) + "\n"


def broken_text(errors: int) -> str:
    """A file with a valid event and `errors` events naming an unknown actor, one a line from
    line 5 (the message, with its hint, is longer than a narrow window is wide)."""
    lines = ["timeline: 1", "title: Broken", "events:", "  - {title: Fine, date: 2009-03}"]
    for n in range(errors):
        lines.append(f"  - {{title: Event {n + 1}, date: {2010 + n}, actors: [nobody-{n + 1}]}}")
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> Path:
    """Write `text` to `path` as UTF-8 and return the path."""
    path.write_text(text, encoding="utf-8")
    return path
