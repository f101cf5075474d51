"""How the membership views show stages: one colour and one name per stage, the same in the
chart, the map and their legends (the hues of the timeline's style, which tell apart with the
common colour-vision deficiencies)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from explorer.model.memberships import Stage
from explorer.qt.timeline.style import TimelineStyle

#: The hue number (`TimelineStyle.hue`) of each held stage.
_HUES = {Stage.PARTY: 0, Stage.SIGNATORY: 4, Stage.MEMBER: 2}
#: What a legend calls the members at each stage.
STAGE_TITLES = {
    Stage.PARTY: "parties",
    Stage.SIGNATORY: "signatories, not (yet) parties",
    Stage.MEMBER: "members",
    Stage.LEFT: "left",
}

#: What one member at each stage is called.
STAGE_TITLE_ONE = {
    Stage.PARTY: "party",
    Stage.SIGNATORY: "signatory, not (yet) a party",
    Stage.MEMBER: "member",
    Stage.LEFT: "left",
}


def stage_count(count: int, stage: Stage) -> str:
    """"1 party", "147 parties", "1,204 members"."""
    return f"{count:,} {STAGE_TITLE_ONE[stage] if count == 1 else STAGE_TITLES[stage]}"


def stage_colour(style: TimelineStyle, stage: Stage) -> QColor:
    """The colour of a stage; a member that left is drawn in the muted text colour."""
    if stage is Stage.LEFT:
        return QColor(style.muted)
    return QColor(style.hue(_HUES[stage]))
