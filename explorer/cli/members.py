"""`explorer members FILE --of ID [--as-of DATE] [--stage STAGE] [--format table|csv|json]`:
the members of a campaign or protocol on a day, each with its stage and the date of each of its
actions, from the same model code as the memberships pane (`model.memberships`).

Exit status as `explorer check`: 0 when printed, 1 when the data file has errors (printed as
`explorer check` prints them), 2 for usage errors (an unknown target, a date that is not EDTF).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
from typing import Sequence

from explorer.cli.report import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, print_report, say, say_json
from explorer.model.calendar import day_words, today
from explorer.model.dataset import Dataset
from explorer.model.dates import DateError, day_text, parse_day
from explorer.model.diagnostics import DatasetError
from explorer.model.load.loader import load_dataset
from explorer.model.memberships import (
    Certainty,
    MemberStanding,
    Stage,
    members_sorted,
    membership_targets,
    stage_words,
    target_members,
)


class UsageError(Exception):
    """A command line that asks for something the file does not have."""


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="explorer members",
        description="List the members of a campaign or protocol on a day, each with its stage "
        "(signatory, party, member, left) and the date of each action. Exit 0 when printed, 1 on "
        "data errors (printed like 'explorer check'), 2 on usage errors.",
    )
    made.add_argument("data", metavar="FILE", help="timeline file (YAML or JSON)")
    made.add_argument("--of", required=True, metavar="ID",
                      help="the campaign or protocol: its id, name or short name")
    made.add_argument("--as-of", metavar="DATE", help="the day (EDTF: 2012, 2012-04-06); default today")
    made.add_argument("--stage", choices=[s.value for s in Stage],
                      help="only members at this stage on that day")
    made.add_argument("--format", choices=["table", "csv", "json"], default="table")
    return made


def resolve_target(dataset: Dataset, wanted: str) -> str:
    """The id of the target `wanted` names (an id, a name or a short name, any case)."""
    targets = membership_targets(dataset)
    if any(t.id == wanted for t in targets):
        return wanted
    folded = wanted.casefold()
    found = [t.id for t in targets if folded in {t.id.casefold(), t.name.casefold(), t.label.casefold()}]
    if len(found) == 1:
        return found[0]
    names = {t.id: t.label for t in targets}
    close = difflib.get_close_matches(wanted, [*names, *names.values()], n=3, cutoff=0.6)
    if not targets:
        raise UsageError("this file lists no memberships")
    hint = f"; did you mean {' or '.join(close)}?" if close else \
        f"; the file's campaigns and protocols with members are: {', '.join(names)}"
    raise UsageError(f"--of {wanted!r} names no campaign or protocol with members{hint}")


def rows(dataset: Dataset, standings: list[MemberStanding]) -> list[dict]:
    """One row per member, as every format prints it."""
    made = []
    for standing in members_sorted(standings, dataset):
        actions = sorted(standing.history.actions,
                         key=lambda a: float("inf") if a.date is None or a.date.earliest is None else a.date.earliest)
        made.append({
            "member": standing.member,
            "name": dataset.label(standing.member),
            "stage": standing.stage.value,
            "sure": standing.certainty is Certainty.SURE,
            "standing": stage_words(standing),
            "since": standing.since.text if standing.since is not None else None,
            "actions": [{"status": a.status, "date": a.date.text if a.date is not None else None,
                         "words": a.date.short_words() if a.date is not None else "date unknown"}
                        for a in actions],
        })
    return made


def _table(made: list[dict]) -> str:
    columns = [("Member", [r["name"] for r in made]), ("Stage", [r["standing"] for r in made]),
               ("Actions", [", ".join(f"{a['status']} {a['words']}" for a in r["actions"]) for r in made])]
    widths = [max([len(title), *(len(v) for v in values)]) for title, values in columns]
    lines = ["  ".join(title.ljust(w) for (title, _v), w in zip(columns, widths)).rstrip()]
    for number in range(len(made)):
        lines.append("  ".join(values[number].ljust(w) for (_t, values), w in zip(columns, widths)).rstrip())
    return "\n".join(lines)


def _csv(made: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["member", "name", "stage", "sure", "since", "actions"])
    for r in made:
        writer.writerow([r["member"], r["name"], r["stage"], "yes" if r["sure"] else "possibly",
                         r["since"] or "", "; ".join(f"{a['status']} {a['date'] or 'unknown'}" for a in r["actions"])])
    return out.getvalue().rstrip("\n")


def run_members(args: Sequence[str]) -> int:
    """`explorer members`: print the members; the exit status."""
    try:
        options = parser().parse_args(list(args))
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    try:
        dataset = load_dataset(options.data)
    except DatasetError as error:
        print_report(options.data, error.diagnostics)
        return EXIT_DATA_ERROR
    for warning in dataset.warnings:
        say(warning, error=True)
    try:
        target = resolve_target(dataset, options.of)
        day = today() if options.as_of is None else parse_day(options.as_of)
    except UsageError as error:
        say(f"explorer members: error: {error}", error=True)
        return EXIT_USAGE
    except DateError as error:
        say(f"explorer members: error: --as-of: {error.message}", error=True)
        return EXIT_USAGE
    members = target_members(dataset, target)
    standings = members.as_of(day)
    if options.stage is not None:
        standings = [s for s in standings if s.stage.value == options.stage]
    made = rows(dataset, standings)
    counts = members.counts(day)
    when = "today" if options.as_of is None else day_words(day)
    if options.format == "json":
        say_json({"target": target, "name": dataset.label(target), "as_of": day_text(day),
                          "counts": {"sure": {s.value: n for s, n in counts.sure.items()},
                                     "possible": {s.value: n for s, n in counts.possible.items()},
                                     "signed": counts.signed, "undated": counts.undated},
                  "members": made})
    elif options.format == "csv":
        say(_csv(made), lines=True)
    else:
        say(_table(made), lines=True)
    say(f"{dataset.label(target)} as of {when}: {counts.text()}; {counts.signed:,} signed", error=True)
    return EXIT_OK
