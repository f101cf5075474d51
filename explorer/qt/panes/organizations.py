"""The Organizations pane: the UN > UNODC > Blue Heart Campaign tree, with kind and founding
date, and the selected organization's details."""

from __future__ import annotations

from explorer.qt.panes.common import PaneContext
from explorer.qt.panes.entity_pane import EntityPane
from explorer.qt.panes.item_models import Column, date_text

COLUMNS = (
    Column("Organization", lambda dataset, o: o.label),
    Column("Kind", lambda dataset, o: o.kind_label),
    Column("Founded", lambda dataset, o: date_text(o.founded)),
)


def organizations_pane(context: PaneContext, parent=None) -> EntityPane:
    """The `organizationsPane` dock."""
    return EntityPane(
        context, name="organizationsPane", title="Organizations", noun="an organization",
        sections=lambda dataset: [(None, dataset.organizations)], columns=COLUMNS,
        parent=parent)
