"""Steps of the import specs: convert a file of `../shared/data` (or one written by the spec)
and look up what came out."""

from __future__ import annotations

from explorer.model.dataset import Dataset
from explorer.model.entities import Event
from explorer.model.importers.base import Options
from explorer.model.importers.registry import Conversion, convert_file
from tests.helpers.paths import shared_data


def imported(relative: str, **options) -> Conversion:
    """The conversion of a real file, which must succeed with no error (the registry checks
    the converted text with the loader, as `explorer check` does)."""
    conversion = convert_file(str(shared_data(relative)), Options(**options))
    errors = [str(d) for d in conversion.report.diagnostics() if d.is_error]
    assert errors == [] and conversion.text is not None and conversion.dataset is not None
    return conversion


def event(dataset: Dataset, title: str) -> Event:
    """The one event with this title."""
    found = [e for e in dataset.events if e.title == title]
    assert len(found) == 1, f"{len(found)} events titled {title!r}"
    return found[0]


def timing(event: Event) -> tuple:
    """(date,) of a point, or (start, end) of a span, as EDTF text; None for an open end."""
    if not event.is_span:
        return (event.start.text if event.start else None,)
    return (event.start.text if event.start else None, event.end.text if event.end else None)
