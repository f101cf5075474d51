"""Membership actions as events of the timeline, so that they are filtered, selected, linked
and exported as events are.

Each member's actions toward one target become events: a signature followed by the act that
makes a party is one span from the one to the other ("Albania signs, then ratifies Trafficking
in Persons Protocol"); every other action is a point, and an action without a date
an undated event. An action the file already tells as an event (an event naming the member and
the target, on the same date as written) is not told twice.
"""

from __future__ import annotations

from collections import OrderedDict

from explorer.model.dataset import Dataset
from explorer.model.dates import EdtfValue
from explorer.model.entities import Event, Membership
from explorer.model.memberships import Stage, positions_of_target, stage_of

#: The tag every membership event carries (the tag filter can keep or leave them).
MEMBERSHIP_TAG = "membership"
#: Ids of membership events start so (no id a file writes is made of these characters).
ID_PREFIX = "membership:"

_VERBS = {
    "signed": "signs", "signature": "signs", "ratified": "ratifies", "ratification": "ratifies",
    "acceded": "accedes to", "accession": "accedes to", "accepted": "accepts",
    "acceptance": "accepts", "approved": "approves", "approval": "approves",
    "succeeded": "succeeds to", "succession": "succeeds to", "formal confirmation": "confirms",
    "definitive signature": "signs definitively", "joined": "joins", "member": "joins",
    "withdrew": "withdraws from", "withdrawal": "withdraws from", "denounced": "denounces",
    "denunciation": "denounces", "left": "leaves",
}


def verb(status: str) -> str:
    """What a member does, as a verb: "ratifies", "accedes to"; the status itself otherwise."""
    return _VERBS.get(" ".join(status.casefold().split()), status)


def _told_actions(dataset: Dataset) -> set[tuple[str, str, str]]:
    """(member, target, date as written) of every action an event of the file already tells:
    each member's events are looked at once, however many actions it has, and only an event
    on the date of one of its actions is read further."""
    wanted: dict[str, dict[str, set[str]]] = {}  # member -> date as written -> targets
    for membership in dataset.memberships:
        if membership.date is not None:
            wanted.setdefault(membership.member, {}).setdefault(membership.date.text, set()).add(membership.of)
    events = dataset.events
    told: set[tuple[str, str, str]] = set()
    for member, dates in wanted.items():
        for position in dataset.events_by_actor.get(member, ()):
            event = events[position]
            written = "" if event.start is None else event.start.text
            targets = dates.get(written) if event.start is not None else None
            if targets is not None:
                told.update((member, name, written)
                            for name in (*event.actors, *event.protocols) if name in targets)
    return told


def _is_told(told: set[tuple[str, str, str]], membership: Membership) -> bool:
    """Whether an event of the file already tells this action."""
    return membership.date is not None and (membership.member, membership.of, membership.date.text) in told


def _first_day(value: EdtfValue | None) -> float:
    """Where an action sorts: its first possible day (an open start first)."""
    return float("-inf") if value is None or value.earliest is None else float(value.earliest)


def _when(value: EdtfValue | None) -> str:
    return value.words() if value is not None else "date unknown"


# The events made of recent data sets, each kept by identity (as `filters` keeps its indexes):
# the open file's, and the one a cache entry held (`remember`), made once for the first frame
# and the entry that is written after it.
_MADE: OrderedDict[int, tuple[Dataset, tuple[tuple[Event, tuple[int, ...]], ...]]] = OrderedDict()
_MADE_CAPACITY = 2


def remember(dataset: Dataset, made: list[tuple[Event, tuple[int, ...]]]) -> None:
    """Keep `made` as `membership_events(dataset)`: what a cache entry holds of its data set."""
    _MADE[id(dataset)] = (dataset, tuple(made))
    while len(_MADE) > _MADE_CAPACITY:
        _MADE.popitem(last=False)


def membership_events(dataset: Dataset) -> list[tuple[Event, tuple[int, ...]]]:
    """The events the membership actions of `dataset` stand for, each with the positions of
    its actions in `dataset.memberships`."""
    found = _MADE.get(id(dataset))
    if found is not None and found[0] is dataset:
        return list(found[1])
    made = _made(dataset)
    remember(dataset, made)
    return made


def _made(dataset: Dataset) -> list[tuple[Event, tuple[int, ...]]]:
    made: list[tuple[Event, tuple[int, ...]]] = []
    taken = dataset.events_by_id  # the ids made here only grow: none is made twice
    told = _told_actions(dataset)
    number = 0
    for target_id in dataset.memberships_by_target:
        target = dataset.label(target_id)
        target_is_protocol = target_id in dataset.protocols
        by_member: dict[str, list[int]] = {}
        for position in positions_of_target(dataset, target_id):
            by_member.setdefault(dataset.memberships[position].member, []).append(position)
        for member_id, positions in by_member.items():
            member = dataset.label(member_id)
            actions = [(p, dataset.memberships[p]) for p in positions if not _is_told(told, dataset.memberships[p])]
            dated = sorted((pair for pair in actions if pair[1].date is not None),
                           key=lambda pair: _first_day(pair[1].date))
            undated = [pair for pair in actions if pair[1].date is None]
            groups = _spans(dated) + [[pair] for pair in undated]
            for group in groups:
                number += 1
                event_id = f"{ID_PREFIX}{number}"
                while event_id in taken:
                    number += 1
                    event_id = f"{ID_PREFIX}{number}"
                made.append((_event(event_id, member_id, member, target_id, target, target_is_protocol,
                                    [m for _p, m in group]), tuple(p for p, _m in group)))
    return made


def _spans(dated: list[tuple[int, Membership]]) -> list[list[tuple[int, Membership]]]:
    """Actions grouped into what the timeline draws: a signature with the next act that makes
    a party (one span), every other action alone."""
    groups: list[list[tuple[int, Membership]]] = []
    used: set[int] = set()
    for index, (position, action) in enumerate(dated):
        if position in used:
            continue
        used.add(position)
        if stage_of(action.status) is Stage.SIGNATORY:
            bound = next(((p, m) for p, m in dated[index + 1:]
                          if p not in used and stage_of(m.status) is Stage.PARTY), None)
            if bound is not None:
                used.add(bound[0])
                groups.append([(position, action), bound])
                continue
        groups.append([(position, action)])
    return groups


def _event(event_id: str, member_id: str, member: str, target_id: str, target: str,
           target_is_protocol: bool, actions: list[Membership]) -> Event:
    first = actions[0]
    sources = tuple(dict.fromkeys(s for a in actions for s in a.sources))
    actors = (member_id,) if target_is_protocol else (member_id, target_id)
    protocols = (target_id,) if target_is_protocol else ()
    if len(actions) == 2:
        second = actions[1]
        title = f"{member} {verb(first.status)}, then {verb(second.status)} {target}"
        summary = (f"{first.status.capitalize()} {_when(first.date)}; "
                   f"{second.status} {_when(second.date)}.")
        return Event(event_id, title, start=first.date, end=second.date, is_span=True,
                     summary=summary, actors=actors, protocols=protocols,
                     tags=(MEMBERSHIP_TAG,), sources=sources)
    summary = f"{first.status.capitalize()} {_when(first.date)}."
    if first.until is not None:
        summary += f" Until {first.until.words()}."
    if first.note:
        summary += f" {first.note}"
    return Event(event_id, f"{member} {verb(first.status)} {target}", start=first.date,
                 summary=summary, actors=actors, protocols=protocols, tags=(MEMBERSHIP_TAG,),
                 sources=sources)


def with_membership_events(dataset: Dataset) -> Dataset:
    """`dataset` with the events of its membership actions after its own events (the same
    data set when there are none to add)."""
    made = membership_events(dataset)
    if not made:
        return dataset
    return dataset.with_events((event for event, _p in made),
                               {event.id: positions for event, positions in made})
