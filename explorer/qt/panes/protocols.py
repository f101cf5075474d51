"""The Protocols pane: the UNTOC > Trafficking in Persons Protocol tree, with adoption and
entry into force, the guardian, and the selected protocol's details and parties."""

from __future__ import annotations

from explorer.qt.panes.common import PaneContext
from explorer.qt.panes.entity_pane import EntityPane
from explorer.qt.panes.item_models import Column, date_text

COLUMNS = (
    Column("Protocol", lambda dataset, p: p.label),
    Column("Adopted", lambda dataset, p: date_text(p.adopted)),
    Column("In force", lambda dataset, p: date_text(p.in_force)),
    Column("Guardian", lambda dataset, p: dataset.label(p.guardian) if p.guardian else ""),
)


def protocols_pane(context: PaneContext, parent=None) -> EntityPane:
    """The `protocolsPane` dock."""
    return EntityPane(
        context, name="protocolsPane", title="Protocols", noun="a protocol",
        sections=lambda dataset: [(None, dataset.protocols)], columns=COLUMNS, parent=parent)
