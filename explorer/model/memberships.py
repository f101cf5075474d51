"""Who belonged to a campaign, organization or protocol, at what stage, on a given day and over
time.

A membership entry is one action (signed, ratified, joined, withdrew...); its `status` maps to
a stage (`stage_of`). A member's standing on a day is the furthest stage it had reached by its
actions and not left since: a ratification after a signature makes a party, not two members.
Every answer is per member, whatever the number of its actions.

Dates are often imprecise ("2010-04", "2003~"), so every answer keeps what is sure apart from
what is only possible. The sure standing counts an action that reaches a stage from the last day
its date may mean and a leave from the first; the possible standing the other way round. An
open or unknown start of a date range reaches into the far past and an open or unknown end
into the far future. `until` is the first day an action no longer holds.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum
from typing import Collection, Iterable, Mapping, Sequence

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue
from explorer.model.entities import Membership, Organization, Protocol
from explorer.model.filters import EventFilter, Match, actor_group, fold


class Stage(str, Enum):
    """How far a member has gone with what it joined."""

    SIGNATORY = "signatory"  # signed, not (yet) bound
    PARTY = "party"  # bound by a treaty: ratified, acceded, accepted, approved...
    MEMBER = "member"  # joined a campaign or an organization
    LEFT = "left"  # withdrew, denounced or left


#: The stage each usual status reaches (UN Treaty Collection action types, in the verb and
#: the noun forms, and the words of campaigns). Statuses compare without case.
STATUS_STAGES: Mapping[str, Stage] = {
    "signed": Stage.SIGNATORY, "signature": Stage.SIGNATORY,
    "ratified": Stage.PARTY, "ratification": Stage.PARTY,
    "acceded": Stage.PARTY, "accession": Stage.PARTY,
    "accepted": Stage.PARTY, "acceptance": Stage.PARTY,
    "approved": Stage.PARTY, "approval": Stage.PARTY,
    "succeeded": Stage.PARTY, "succession": Stage.PARTY,
    "formal confirmation": Stage.PARTY,
    "definitive signature": Stage.PARTY,
    "joined": Stage.MEMBER, "member": Stage.MEMBER,
    "withdrew": Stage.LEFT, "withdrawal": Stage.LEFT,
    "denounced": Stage.LEFT, "denunciation": Stage.LEFT,
    "left": Stage.LEFT,
}
#: Stages a member holds, by how far they go (a party has gone further than a signatory).
_RANK = {Stage.SIGNATORY: 1, Stage.PARTY: 2, Stage.MEMBER: 2}
#: The stages that are counted (a member that left holds none).
HELD_STAGES = (Stage.PARTY, Stage.SIGNATORY, Stage.MEMBER)


def stage_of(status: str) -> Stage | None:
    """The stage a status reaches; None for a status the explorer does not know."""
    return STATUS_STAGES.get(" ".join(status.casefold().split()))


def _bounds(value: EdtfValue) -> tuple[float, float]:
    """First and last possible day of a date, unbounded ends as infinities."""
    first, last = value.earliest, value.latest
    return (-math.inf if first is None else float(first)), (math.inf if last is None else float(last))


# -- one member's history ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """From `day` on, the member holds `stage` (None: nothing yet), reached by `action`."""

    day: float
    stage: Stage | None
    action: Membership | None


@dataclass(frozen=True, slots=True)
class MemberHistory:
    """The actions of one member towards one target, and how its standing changed over time,
    counted surely and possibly."""

    member: str
    target: str
    actions: tuple[Membership, ...]  # in file order
    positions: tuple[int, ...]  # of the actions in `dataset.memberships`
    sure: tuple[Change, ...]
    possible: tuple[Change, ...]
    undated_stage: Stage | None  # the furthest stage of the actions without a date
    signed: tuple[float, float] | None  # (surely, possibly) first day of a signature

    @property
    def undated(self) -> bool:
        """Only actions without a date: the standing is known, not when."""
        return not self.sure and not self.possible and self.undated_stage is not None

    def on(self, day: float) -> tuple[Change | None, Change | None]:
        """(sure, possible) change in force on `day`."""
        return _in_force(self.sure, day), _in_force(self.possible, day)


def _in_force(changes: tuple[Change, ...], day: float) -> Change | None:
    day = math.floor(day)
    found = None
    for change in changes:
        if change.day > day:
            break
        found = change
    return found


def _replay(actions: Sequence[Membership], optimistic: bool) -> tuple[Change, ...]:
    """The changes of standing of one member: actions that reach a stage count from their
    first possible day when `optimistic`, else from their last; leaves and `until` the other
    way round."""
    moments: list[tuple[float, int, Stage, Membership]] = []
    for action in actions:
        stage = stage_of(action.status)
        if action.date is None or stage is None:
            continue
        first, last = _bounds(action.date)
        if stage is Stage.LEFT:
            moments.append((last if optimistic else first, 1, stage, action))
        else:
            moments.append((first if optimistic else last, 0, stage, action))
        if action.until is not None and stage is not Stage.LEFT:
            until_first, until_last = _bounds(action.until)
            moments.append((until_last if optimistic else until_first, 1, Stage.LEFT, action))
    moments.sort(key=lambda moment: (moment[0], moment[1]))
    changes: list[Change] = []
    held: Stage | None = None
    for day, _order, stage, action in moments:
        if math.isinf(day) and day > 0:
            break  # never, in this reading
        if stage is Stage.LEFT:
            if held is None or held is Stage.LEFT:
                continue
            held = Stage.LEFT
        elif held is None or held is Stage.LEFT or _RANK[stage] > _RANK[held]:
            held = stage
        else:
            continue
        if changes and changes[-1].day == day:
            changes[-1] = Change(day, held, action)
        else:
            changes.append(Change(day, held, action))
    return tuple(changes)


def _first_signature(actions: Sequence[Membership]) -> tuple[float, float] | None:
    days = [_bounds(a.date) for a in actions if a.date is not None and stage_of(a.status) is Stage.SIGNATORY]
    if not days:
        return None
    return min(last for _first, last in days), min(first for first, _last in days)


def member_history(member: str, target: str, actions: Sequence[Membership],
                   positions: Sequence[int]) -> MemberHistory:
    """The history of one member towards one target from its actions."""
    undated = [stage_of(a.status) for a in actions if a.date is None]
    held = [s for s in undated if s is not None and s is not Stage.LEFT]
    furthest: Stage | None = max(held, key=_RANK.__getitem__, default=None)
    if furthest is None and any(s is Stage.LEFT for s in undated):
        furthest = Stage.LEFT
    return MemberHistory(
        member=member, target=target, actions=tuple(actions), positions=tuple(positions),
        sure=_replay(actions, optimistic=False), possible=_replay(actions, optimistic=True),
        undated_stage=furthest, signed=_first_signature(actions),
    )


# -- a target's members --------------------------------------------------------------------


class Certainty(str, Enum):
    SURE = "sure"  # the dates leave no doubt
    POSSIBLE = "possible"  # an imprecise date leaves it open
    UNDATED = "undated"  # no action of the member has a date


@dataclass(frozen=True, slots=True)
class MemberStanding:
    """One member of a target on one day: the furthest stage it may hold (`stage`), the one
    it surely holds (`sure`, None when it may not have reached any yet), and the action that
    brought it there."""

    member: str
    target: str
    stage: Stage
    sure: Stage | None
    certainty: Certainty
    since: EdtfValue | None  # the date of `action`
    action: Membership
    history: MemberHistory

    @property
    def is_sure(self) -> bool:
        return self.certainty is Certainty.SURE


@dataclass(frozen=True, slots=True)
class StageCounts:
    """How many members of one target stood where on one day."""

    sure: Mapping[Stage, int]  # members surely at each stage
    possible: Mapping[Stage, int]  # members possibly at each stage (at least the sure ones)
    signed: int  # members that surely signed by then, parties or not
    undated: int  # members whose actions have no date

    def text(self) -> str:
        """"147 parties, 12 signatories only, 3 more possibly"."""
        parts = []
        for stage, one, many in ((Stage.PARTY, "party", "parties"),
                                 (Stage.SIGNATORY, "signatory only", "signatories only"),
                                 (Stage.MEMBER, "member", "members")):
            count = self.sure.get(stage, 0)
            if count:
                parts.append(f"{count:,} {one if count == 1 else many}")
        if not parts:
            parts.append("0 members")
        if self.sure.get(Stage.LEFT):
            parts.append(f"{self.sure[Stage.LEFT]:,} left")
        maybe = sum(self.possible.get(s, 0) for s in HELD_STAGES) - sum(self.sure.get(s, 0) for s in HELD_STAGES)
        if maybe > 0:
            parts.append(f"{maybe:,} more possibly")
        if self.undated:
            parts.append(f"{self.undated:,} with no date")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True, eq=False)
class TargetMembers:
    """Every member of one target and its history (built once per data set, target and set of
    memberships kept by a filter)."""

    target: str
    histories: tuple[MemberHistory, ...]  # in the order members first appear in the file

    def as_of(self, day: float) -> list[MemberStanding]:
        """The members that held, possibly held, left, or have no dated action on `day`."""
        found = []
        for history in self.histories:
            sure, possible = history.on(day)
            if possible is None or possible.stage is None or possible.action is None:
                if history.undated and history.undated_stage is not None:
                    action = next(a for a in history.actions if a.date is None)
                    found.append(MemberStanding(history.member, self.target, history.undated_stage,
                                                None, Certainty.UNDATED, None, action, history))
                continue
            sure_stage = sure.stage if sure is not None else None
            certainty = Certainty.SURE if sure_stage is possible.stage else Certainty.POSSIBLE
            found.append(MemberStanding(history.member, self.target, possible.stage, sure_stage,
                                        certainty, possible.action.date, possible.action, history))
        return found

    def counts(self, day: float) -> StageCounts:
        """How many members stood at each stage on `day`."""
        sure: dict[Stage, int] = {}
        possible: dict[Stage, int] = {}
        undated = 0
        for standing in self.as_of(day):
            if standing.certainty is Certainty.UNDATED:
                undated += 1
                continue
            possible[standing.stage] = possible.get(standing.stage, 0) + 1
            if standing.sure is not None:
                sure[standing.sure] = sure.get(standing.sure, 0) + 1
        floor = math.floor(day)
        signed = sum(1 for h in self.histories if h.signed is not None and h.signed[0] <= floor)
        return StageCounts(sure, possible, signed, undated)

    def step_at(self, day: float) -> tuple[float | None, list[tuple[str, Change]]]:
        """The last day on or before `day` when some member surely changed stage, and the
        members (with their change) that changed then: what a step of the chart stands for."""
        floor = math.floor(day)
        latest = max((c.day for h in self.histories for c in h.sure if c.day <= floor), default=None)
        if latest is None:
            return None, []
        return latest, [(h.member, c) for h in self.histories for c in h.sure if c.day == latest]

    def curves(self) -> StageCurves:
        """The number of members at each stage over the target's whole history."""
        sure: dict[Stage, dict[float, int]] = {stage: {} for stage in HELD_STAGES}
        possible: dict[Stage, dict[float, int]] = {stage: {} for stage in HELD_STAGES}
        finite: list[float] = []
        for history in self.histories:
            for changes, steps in ((history.sure, sure), (history.possible, possible)):
                previous: Stage | None = None
                for change in changes:
                    if math.isfinite(change.day):
                        finite.append(change.day)
                    if previous in steps:
                        steps[previous][change.day] = steps[previous].get(change.day, 0) - 1
                    if change.stage in steps:
                        steps[change.stage][change.day] = steps[change.stage].get(change.day, 0) + 1
                    previous = change.stage
        origin = min(finite, default=0.0)
        return StageCurves(
            sure={stage: _steps(changes, origin) for stage, changes in sure.items()},
            possible={stage: _steps(changes, origin) for stage, changes in possible.items()},
            undated=sum(1 for h in self.histories if h.undated),
            first=min(finite, default=None), last=max(finite, default=None),
        )


Steps = tuple[tuple[int, int], ...]


def _steps(changes: dict[float, int], origin: float) -> Steps:
    """Breakpoints (day, count from then on) of a count; changes in the far past start at
    `origin`, the first day the target's history mentions."""
    if -math.inf in changes:
        changes[origin] = changes.get(origin, 0) + changes.pop(-math.inf)
    steps: list[tuple[int, int]] = []
    count = 0
    for day in sorted(changes):
        if changes[day]:
            count += changes[day]
            steps.append((int(day), count))
    return tuple(steps)


def count_at(steps: Steps, day: float) -> int:
    """The count of a step curve on `day` (0 before its first breakpoint)."""
    index = bisect_right(steps, (math.floor(day), math.inf))
    return steps[index - 1][1] if index else 0


@dataclass(frozen=True, slots=True)
class StageCurves:
    """Member counts of one target over time, by stage, as step breakpoints: `sure` counts the
    members surely at a stage, `possible` those possibly at it. `first` and `last` are the
    first and last day the target's dated actions mention (None without any)."""

    sure: Mapping[Stage, Steps]
    possible: Mapping[Stage, Steps]
    undated: int
    first: float | None
    last: float | None

    def at(self, day: float) -> dict[Stage, tuple[int, int]]:
        """(sure, possible) counts of each held stage on `day`."""
        return {stage: (count_at(self.sure[stage], day), count_at(self.possible[stage], day))
                for stage in HELD_STAGES}

    def peak(self) -> int:
        """The largest count any stage reaches, surely or possibly."""
        return max((count for curves in (self.sure, self.possible) for steps in curves.values()
                    for _day, count in steps), default=0)

    def stages(self) -> list[Stage]:
        """The held stages some member reaches, parties first."""
        return [stage for stage in HELD_STAGES if self.possible[stage] or self.sure[stage]]


# Members of each target are worked out once per data set and filter (the pane, the chart,
# the map and the timeline all ask on every change of the "as of" day).
_TARGETS: OrderedDict[tuple[int, str, frozenset[int] | None], tuple[Dataset, TargetMembers]] = OrderedDict()
_TARGET_CAPACITY = 32


def target_members(dataset: Dataset, target_id: str,
                   kept: Collection[int] | None = None) -> TargetMembers:
    """The members of `target_id` from the memberships at positions `kept` (all by default)."""
    key = (id(dataset), target_id, None if kept is None else frozenset(kept))
    found = _TARGETS.get(key)
    if found is not None and found[0] is dataset:
        _TARGETS.move_to_end(key)
        return found[1]
    by_member: dict[str, list[int]] = {}
    for position in positions_of_target(dataset, target_id):
        if kept is None or position in kept:
            by_member.setdefault(dataset.memberships[position].member, []).append(position)
    histories = tuple(
        member_history(member, target_id, [dataset.memberships[p] for p in positions], positions)
        for member, positions in by_member.items()
    )
    made = TargetMembers(target_id, histories)
    _TARGETS[key] = (dataset, made)
    while len(_TARGETS) > _TARGET_CAPACITY:
        _TARGETS.popitem(last=False)
    return made


_POSITIONS: OrderedDict[int, tuple[Dataset, dict[str, tuple[int, ...]]]] = OrderedDict()


def positions_of_target(dataset: Dataset, target_id: str) -> tuple[int, ...]:
    """Positions in `dataset.memberships` of the actions towards `target_id`, in file order."""
    found = _POSITIONS.get(id(dataset))
    if found is None or found[0] is not dataset:
        by_target: dict[str, list[int]] = {}
        for position, membership in enumerate(dataset.memberships):
            by_target.setdefault(membership.of, []).append(position)
        found = (dataset, {target: tuple(p) for target, p in by_target.items()})
        _POSITIONS[id(dataset)] = found
        while len(_POSITIONS) > 2:
            _POSITIONS.popitem(last=False)
    return found[1].get(target_id, ())


def as_of(dataset: Dataset, target_id: str, day: float,
          kept: Collection[int] | None = None) -> list[MemberStanding]:
    """The members of `target_id` on `day`, one per member: held, possibly held, left, or with
    no dated action (kept and shown), in the order they first appear in the file."""
    return target_members(dataset, target_id, kept).as_of(day)


def stage_curves(dataset: Dataset, target_id: str, kept: Collection[int] | None = None) -> StageCurves:
    """Member counts of `target_id` by stage over time."""
    return target_members(dataset, target_id, kept).curves()


def membership_targets(dataset: Dataset) -> list[Organization | Protocol]:
    """The organizations and protocols that have members, organizations first, in file order.
    Found once for the last data sets asked about (a data set and the same with its membership
    events share them): they are looked for among every organization, a million in some files."""
    sections = (dataset.organizations, dataset.protocols, dataset.memberships_by_target)
    key = tuple(map(id, sections))
    with _TARGETS_LOCK:  # a loading thread finds them ahead of the window (`Document.ready_for_showing`)
        found = _TARGETS_FOUND.get(key)
        if found is not None and all(kept is given for kept, given in zip(found[0], sections)):
            _TARGETS_FOUND.move_to_end(key)
            return list(found[1])
    targets = dataset.memberships_by_target
    made = [
        entity
        for section in (dataset.organizations, dataset.protocols)
        for entity_id, entity in section.items()
        if entity_id in targets
    ]
    with _TARGETS_LOCK:
        _TARGETS_FOUND[key] = (sections, tuple(made))
        while len(_TARGETS_FOUND) > 2:
            _TARGETS_FOUND.popitem(last=False)
    return made


#: `membership_targets` of the last data sets: (the mappings they were found in, the targets).
_TARGETS_FOUND: OrderedDict[tuple[int, ...], tuple[tuple, tuple]] = OrderedDict()
_TARGETS_LOCK = threading.Lock()


def stage_words(standing: MemberStanding) -> str:
    """The standing as a person says it: "party", "signatory", "possibly a party", "left"."""
    if standing.certainty is Certainty.UNDATED:
        return f"{standing.stage.value} (date unknown)"
    if standing.certainty is Certainty.SURE:
        return standing.stage.value
    article = "an" if standing.stage.value[0] in "aeiou" else "a"
    if standing.sure is None:
        return f"possibly {article} {standing.stage.value}"
    if standing.sure is Stage.LEFT:
        return f"{standing.stage.value}, possibly left"
    return f"{standing.sure.value}, possibly {article} {standing.stage.value}"


def members_sorted(standings: Iterable[MemberStanding], dataset: Dataset) -> list[MemberStanding]:
    """Standings by member name."""
    return sorted(standings, key=lambda s: dataset.label(s.member).casefold())


def memberships_kept(dataset: Dataset, event_filter: EventFilter) -> frozenset[int] | None:
    """Positions in `dataset.memberships` of the actions a filter keeps; None when it keeps
    every one (no part of it speaks of memberships).

    - actors: the member or the target stands for any (or, with `Match.ALL`, every) filtered
      actor, each through its group (its sub-organizations when asked);
    - text: every word or phrase occurs in the member's name (or short name, or id);
    - dates: the action's possible days overlap the range (undated actions drop out);
    - tags do not speak of memberships and keep every one.
    """
    groups = [actor_group(dataset, actor, event_filter.include_children)
              for actor in sorted(event_filter.actors)]
    terms = event_filter.terms
    low, high = event_filter.date_from, event_filter.date_to
    if not groups and not terms and low is None and high is None:
        return None
    names: dict[str, str] = {}
    kept = []
    for position, membership in enumerate(dataset.memberships):
        if groups:
            hits = [membership.member in group or membership.of in group for group in groups]
            if not (all(hits) if event_filter.match == Match.ALL else any(hits)):
                continue
        if terms:
            name = names.get(membership.member)
            if name is None:
                entity = dataset.entity(membership.member)
                parts = [membership.member, dataset.label(membership.member),
                         getattr(entity, "name", "") or ""]
                name = names[membership.member] = fold(" ".join(parts))
            if not all(term in name for term in terms):
                continue
        if low is not None or high is not None:
            if membership.date is None:
                continue
            first, last = _bounds(membership.date)
            if (high is not None and first >= high) or (low is not None and last + 1 <= low):
                continue
            if low is not None and high is not None and high <= low:
                continue
        kept.append(position)
    return frozenset(kept)
