"""The UN Treaty Collection status table of `../shared/data/memberships` read into format v1
by the explorer's own importer, for the membership specs."""

from __future__ import annotations

from pathlib import Path

from explorer.model.importers.registry import convert_file


def untc_as_timeline(path: Path) -> str:
    """The status table at `path` as the text of a format v1 file: a country per state, a
    protocol per treaty, a membership per signature and per ratification (or accession...)."""
    conversion = convert_file(str(path))
    assert conversion.text is not None, conversion.report.diagnostics()
    return conversion.text
