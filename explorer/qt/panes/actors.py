"""The People and Countries pane: the actors that are not organizations, in two groups."""

from __future__ import annotations

from explorer.qt.panes.common import PaneContext
from explorer.qt.panes.entity_pane import EntityPane
from explorer.qt.panes.item_models import Column

COLUMNS = (Column("Name", lambda dataset, a: a.label),)


def actors_pane(context: PaneContext, parent=None) -> EntityPane:
    """The `actorsPane` dock: countries, then people."""
    return EntityPane(
        context, name="actorsPane", title="People and Countries", noun="a person or country",
        sections=lambda dataset: [("Countries", dataset.countries), ("People", dataset.people)],
        columns=COLUMNS, parent=parent)
