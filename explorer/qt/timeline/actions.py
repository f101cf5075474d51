"""The timeline's actions (zoom, fit, lanes) and the words that explain its input."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from explorer.timescale.lanes import GroupBy

if TYPE_CHECKING:
    from explorer.qt.timeline.widget import TimelineWidget

HELP = (
    "Wheel: zoom at the pointer. Shift+wheel or horizontal wheel: pan. Alt+wheel: scroll lanes. "
    "Drag: pan. Shift+drag or right-drag: zoom to a range. Double-click an event: zoom to it. "
    "Ctrl++ / Ctrl+-: zoom, Ctrl+0: fit everything. Left/Right: previous/next event when one is "
    "selected, otherwise pan; Ctrl+Left/Right: pan; Up/Down: scroll lanes; Tab/Shift+Tab: next/"
    "previous event; Ctrl+Tab: leave the timeline; Esc: clear the mark, then the selection, then "
    "the filter. Click a count to list its events; click the density strip to zoom in."
)

STATUS_TIP = ("Wheel: zoom · drag: pan · Shift+drag: zoom to a range · Ctrl+0: fit · "
              "Left/Right or Tab: previous/next event")

GROUP_TITLES = {
    GroupBy.NONE: "&No Lanes",
    GroupBy.ACTOR: "Lanes by &Actor",
    GroupBy.KIND: "Lanes by Actor &Kind",
    GroupBy.TAG: "Lanes by &Tag",
    GroupBy.TARGET: "Lanes by &Membership Target",
}


class TimelineActions:
    """The zoom actions (for the View menu) and one checkable action per lane grouping."""

    def __init__(self, zoom_in: QAction, zoom_out: QAction, fit: QAction,
                 group_group: QActionGroup, group_by: dict[GroupBy, QAction]) -> None:
        self.zoom_in, self.zoom_out, self.fit = zoom_in, zoom_out, fit
        self.group_group, self.group_by = group_group, group_by


def timeline_actions(widget: TimelineWidget) -> TimelineActions:
    """The actions of `widget`, added to it so their shortcuts work while it has the focus."""
    def action(name, text, shortcuts, slot, tip):
        created = QAction(text, widget)
        created.setObjectName(name)
        created.setShortcuts([QKeySequence(s) for s in shortcuts])
        created.setStatusTip(tip)
        created.triggered.connect(slot)
        widget.addAction(created)
        return created

    zoom_in = action("zoomInAction", "Zoom &In", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
                     widget.zoom_in, "Zoom in at the centre of the timeline")
    zoom_out = action("zoomOutAction", "Zoom &Out", [QKeySequence.StandardKey.ZoomOut],
                      widget.zoom_out, "Zoom out from the centre of the timeline")
    fit = action("fitAllAction", "&Fit Everything", ["Ctrl+0"], widget.fit_all,
                 "Show every event the filter keeps")
    group_group = QActionGroup(widget)
    group_by: dict[GroupBy, QAction] = {}
    for mode, title in GROUP_TITLES.items():
        created = QAction(title, group_group)
        created.setObjectName(f"groupBy{mode.value.title()}Action")
        created.setCheckable(True)
        created.setChecked(mode is widget.group_by)
        created.triggered.connect(lambda _checked=False, m=mode: widget.set_group_by(m))
        group_by[mode] = created
    return TimelineActions(zoom_in, zoom_out, fit, group_group, group_by)
