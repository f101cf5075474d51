"""The data exports, chosen by the file name: `.csv`, `.json`, `.yaml` (format v1) and
`.timelinejs.json`; each returns its text and notes of what the target cannot hold."""

from __future__ import annotations

from dataclasses import dataclass

from explorer import __version__
from explorer.model.dataset import Dataset
from explorer.model.exporters.format_v1 import yaml_text
from explorer.model.exporters.tables import csv_text, json_text
from explorer.model.exporters.timelinejs import timelinejs_text

#: Formats by how the file name ends, longest first.
FORMATS = (
    (".timelinejs.json", "TimelineJS JSON"),
    (".csv", "CSV"),
    (".json", "JSON"),
    (".yaml", "format v1"),
    (".yml", "format v1"),
)


class UnknownFormat(ValueError):
    """A file name whose ending names no data export."""


def format_of(name: str) -> str:
    lower = name.lower()
    for ending, label in FORMATS:
        if lower.endswith(ending):
            return label
    endings = ", ".join(e for e, _ in FORMATS)
    raise UnknownFormat(f"{name}: the file name must end in one of {endings}")


@dataclass(frozen=True, slots=True)
class ExportedData:
    text: str
    format: str
    events: int
    notes: tuple[str, ...]


def export_data(dataset: Dataset, positions, name: str, describe: str = "") -> ExportedData:
    """The events at `positions` of `dataset` in the format `name` ends with."""
    label = format_of(name)
    positions = list(positions)
    notes: list[str] = []
    if label == "CSV":
        text = csv_text(dataset, positions)
    elif label == "JSON":
        text = json_text(dataset, positions)
    elif label == "TimelineJS JSON":
        text = timelinejs_text(dataset, positions, notes)
    else:
        source = dataset.path or "a timeline"
        header = [f"Exported from {source} by Timeline Explorer {__version__}"
                  + (f"; {describe}" if describe else "") + f": {len(positions):,} of {len(dataset.events):,} events."]
        text = yaml_text(dataset, positions, header)
    return ExportedData(text, label, len(positions), tuple(notes))
