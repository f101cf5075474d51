"""Ids of events written without one: made from their titles, unique in their file."""

from __future__ import annotations

import unicodedata

from explorer.model.entities import Event
from explorer.model.load.records import maker


def slug(title: str) -> str:
    """The id an event gets from its title: lowercase ASCII words joined by `-`."""
    if not title.isascii():
        title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    # bytes.translate splits words twice as fast as a regular expression finds them
    words = title.lower().encode("ascii").translate(_WORD_BYTES, b"'").split()
    return b"-".join(words).decode("ascii") or "event"


_WORD_BYTES = bytes(code if chr(code).isascii() and (chr(code).islower() or chr(code).isdigit()) else 0x20
                    for code in range(256))  # letters and digits kept, the rest a space


def make_events(events: list, taken: set[str]) -> None:
    """Turn the keyword arguments of each event into the `Event`, in place, giving those
    without `id` one made from their title that avoids every id in `taken`."""
    new_id = IdMaker(taken)
    make = maker(Event)
    for index, values in enumerate(events):
        if "id" not in values:
            values["id"] = new_id(values["title"])
        events[index] = make(**values)


class IdMaker:
    """Ids for events without one, from their titles, avoiding every id taken (in file order:
    the second "Mexico joins" becomes `mexico-joins-2`)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.next_suffix: dict[str, int] = {}

    def __call__(self, title: str) -> str:
        base = slug(title)
        number = self.next_suffix.get(base, 1)
        candidate = base if number == 1 else f"{base}-{number}"
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        self.next_suffix[base] = number + 1
        self.taken.add(candidate)
        return candidate
