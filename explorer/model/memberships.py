"""Who belonged to a campaign, organization or protocol, on a given day and over time.

Membership dates are often imprecise ("2010-04", "2003~"), so every answer keeps what is
sure apart from what is only possible. With `day` a day number:

- joined surely by `day` when the latest day `date` may mean is on or before it; possibly when
  the date's range straddles it (first possible day <= day < last possible day);
- ended surely by `day` when the latest day `until` may mean is on or before it (`until` is the
  first day of no longer belonging); possibly when its range straddles it.

An open or unknown start of a date range reaches into the far past and an open or unknown
end into the far future.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from typing import Collection

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue
from explorer.model.entities import Membership, Organization, Protocol


class Standing(str, Enum):
    """Whether a membership held on a given day."""

    MEMBER = "member"  # surely: joined by then and not yet ended
    POSSIBLY = "possibly"  # an imprecise join or end date leaves it open
    UNKNOWN = "unknown"  # the membership has no date at all


def _bounds(value: EdtfValue) -> tuple[float, float]:
    """First and last possible day of a date, unbounded ends as infinities."""
    first, last = value.earliest, value.latest
    return (-math.inf if first is None else first), (math.inf if last is None else last)


def standing(membership: Membership, day: float) -> Standing | None:
    """How `membership` stood on `day`; None when it surely did not hold then."""
    day = math.floor(day)
    if membership.until is not None:
        until_first, until_last = _bounds(membership.until)
        if until_last <= day:
            return None
    else:
        until_first = math.inf
    if membership.date is None:
        return Standing.UNKNOWN
    first, last = _bounds(membership.date)
    if first > day:
        return None
    if last <= day and until_first > day:
        return Standing.MEMBER
    return Standing.POSSIBLY


def as_of(dataset: Dataset, target_id: str, day: float) -> list[tuple[Membership, Standing]]:
    """The memberships of `target_id` that held, possibly held, or have no date on `day`,
    in file order. Undated ones are kept as UNKNOWN unless their `until` surely passed."""
    found = []
    for membership in dataset.memberships_by_target.get(target_id, ()):
        state = standing(membership, day)
        if state is not None:
            found.append((membership, state))
    return found


def membership_targets(dataset: Dataset) -> list[Organization | Protocol]:
    """The organizations and protocols that have members, organizations first, in file order."""
    targets = dataset.memberships_by_target
    return [
        entity
        for section in (dataset.organizations, dataset.protocols)
        for entity_id, entity in section.items()
        if entity_id in targets
    ]


@dataclass(frozen=True, slots=True)
class MemberCurve:
    """The number of members of one target over time, as step-chart breakpoints.

    Each `(day, count)` says the count is `count` from `day` until the next breakpoint; the
    count is 0 before the first. `sure` counts the members that surely belonged (each from the
    latest possible day of its date), `possible` those that surely or possibly belonged (from
    the earliest possible day), so `possible` is never below `sure`. A member that joined
    several times (signed, then ratified) counts once. `undated` is the number of members
    with no dated membership, which neither curve includes.
    """

    sure: tuple[tuple[int, int], ...]
    possible: tuple[tuple[int, int], ...]
    undated: int = 0

    def at(self, day: float) -> tuple[int, int]:
        """(sure, possible) member counts on `day`."""
        return _count_at(self.sure, day), _count_at(self.possible, day)


def _count_at(curve: tuple[tuple[int, int], ...], day: float) -> int:
    index = bisect_right(curve, (math.floor(day), math.inf))
    return curve[index - 1][1] if index else 0


def cumulative_members(
    dataset: Dataset, target_id: str, statuses: Collection[str] | None = None
) -> MemberCurve:
    """Member counts of `target_id` over time, optionally only for some statuses
    (e.g. {"ratified"}); `until` dates make the counts go down again."""
    sure: dict[str, list[tuple[float, float]]] = defaultdict(list)
    possible: dict[str, list[tuple[float, float]]] = defaultdict(list)
    undated: set[str] = set()
    for membership in dataset.memberships_by_target.get(target_id, ()):
        if statuses is not None and membership.status not in statuses:
            continue
        if membership.date is None:
            undated.add(membership.member)
            continue
        first, last = _bounds(membership.date)
        until_first, until_last = (
            _bounds(membership.until) if membership.until is not None else (math.inf, math.inf)
        )
        # Days are whole: sure on [last, until_first), possible on [first, until_last).
        sure[membership.member].append((last, until_first))
        possible[membership.member].append((first, until_last))
    finite = [
        bound
        for spans in (*sure.values(), *possible.values())
        for span in spans
        for bound in span
        if math.isfinite(bound)
    ]
    origin = min(finite, default=0)
    return MemberCurve(
        sure=_steps(sure, origin),
        possible=_steps(possible, origin),
        undated=len(undated - possible.keys()),
    )


def _steps(
    spans_by_member: dict[str, list[tuple[float, float]]], origin: float
) -> tuple[tuple[int, int], ...]:
    """Breakpoints of the number of members; spans reaching into the far past start at
    `origin`, the first day any membership of the target mentions."""
    changes: dict[float, int] = defaultdict(int)
    for spans in spans_by_member.values():
        for start, end in _merged(spans):
            changes[start] += 1
            changes[end] -= 1
    changes.pop(math.inf, None)
    if -math.inf in changes:
        changes[origin] += changes.pop(-math.inf)
    steps = []
    count = 0
    for day in sorted(changes):
        if changes[day]:
            count += changes[day]
            steps.append((int(day), count))
    return tuple(steps)


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Non-empty spans joined where they overlap or touch, so one member counts once."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
