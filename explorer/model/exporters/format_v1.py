"""A data set (the events a filter keeps, with every entity, membership and era) written back
as format v1, through the importers' writer."""

from __future__ import annotations

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue
from explorer.model.importers.draft import Draft
from explorer.model.importers.writer import to_yaml
from explorer.model.load.schema import ENTITY_SECTIONS, LIST_SECTIONS


def _plain(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, tuple):
        return list(value)
    text = getattr(value, "text", None)
    return text if text is not None else value


def _fields(entity: object, shape) -> dict:
    found = {}
    for name, field in shape.fields.items():
        value = _plain(getattr(entity, field.attribute(name), None))
        if value not in (None, "", []):
            found[name] = value
    return found


def yaml_text(dataset: Dataset, positions, header: list[str]) -> str:
    """The data set as format v1 with only the events at `positions`."""
    draft = Draft(title=dataset.title, description=dataset.description)
    for section, spec in ENTITY_SECTIONS.items():
        entries = getattr(draft, section)
        for entity_id, entity in getattr(dataset, section).items():
            entries[entity_id] = _fields(entity, spec.shape)
    draft.memberships = [_fields(m, LIST_SECTIONS["memberships"]) for m in dataset.memberships]
    draft.eras = [_fields(e, LIST_SECTIONS["eras"]) for e in dataset.eras]
    for position in positions:
        event = dataset.events[position]
        entry = _fields(event, LIST_SECTIONS["events"])
        entry["id"] = event.id
        entry.pop("start", None)
        entry.pop("end", None)
        start: EdtfValue | None = event.start
        if event.is_span:
            if start is not None:
                entry["start"] = start.text
            if event.end is not None:
                entry["end"] = event.end.text
        elif start is not None:
            entry["date"] = start.text
        draft.events.append(entry)
    return to_yaml(draft, header)
