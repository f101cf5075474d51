"""Which events a person wants to see: actors (any or all), tags, text and a date range.

`EventFilter` is a value; `apply_filter` turns it into the sorted positions of the matching
events in `dataset.events`. The window, the timeline, the panes and the exporter all use it.

The parts of a filter combine with AND; an unset part keeps everything:

- actors: events naming the actor, or citing it when the id is a protocol. With
  `include_children` an organization or protocol also stands for everything below it in the
  parent tree (UNODC includes the Blue Heart Campaign). `Match.ANY` keeps events with at least
  one of the actors, `Match.ALL` events with every one of them (each through its group).
  An id the data set does not know matches no event.
- tags: events with at least one of the tags.
- text: every whitespace-separated word, or "quoted phrase", must occur in the title and
  summary (read as one text), ignoring case, accents and runs of whitespace (`malaga` finds
  Málaga).
- date range: events whose possible extent overlaps [date_from, date_to), in day numbers;
  either bound may be None (unbounded on that side). Imprecise dates count by every day they
  might mean: a year-only 2010 overlaps a range starting 1 July 2010. An unknown or open start
  reaches into the far past and an unknown or open end (an ongoing span, `2015/..`) into the
  far future. Undated events are dropped only when a bound is set. A range that ends at or
  before its start keeps nothing.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import chain, islice
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from explorer.model.background import BACKGROUND, paced
from explorer.model.dataset import Dataset
from explorer.model.extents import extents_of
from explorer.model.extents import remember as remember_extents

#: Version written by `EventFilter.to_dict`; older or unknown fields are read leniently.
FILTER_FORMAT = 1


class Match(str, Enum):
    ANY = "any"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to keep. The empty filter keeps every event, undated ones included."""

    actors: frozenset[str] = frozenset()
    match: Match = Match.ANY
    include_children: bool = False  # an organization also stands for its sub-organizations
    tags: frozenset[str] = frozenset()
    text: str = ""
    date_from: float | None = None  # day numbers; events overlapping [from, to) are kept
    date_to: float | None = None
    _terms: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Callers hand over lists and plain strings; equality and hashing need the frozen forms.
        object.__setattr__(self, "actors", frozenset(self.actors))
        object.__setattr__(self, "tags", frozenset(self.tags))
        object.__setattr__(self, "match", Match(self.match))
        object.__setattr__(self, "_terms", search_terms(self.text))

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.tags or self._terms) and not self.has_date_range

    @property
    def has_date_range(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    @property
    def terms(self) -> tuple[str, ...]:
        """The folded words and phrases of `text`, each of which an event must contain."""
        return self._terms

    def with_actor(self, actor_id: str) -> EventFilter:
        return replace(self, actors=self.actors | {actor_id})

    def without_actor(self, actor_id: str) -> EventFilter:
        return replace(self, actors=self.actors - {actor_id})

    def known_to(self, dataset: Dataset) -> EventFilter:
        """This filter without the actors and tags `dataset` does not have (a remembered
        filter applied to an edited file)."""
        actors = {a for a in self.actors if dataset.entity(a) is not None}
        tags = {t for t in self.tags if t in dataset.events_by_tag}
        if actors == self.actors and tags == self.tags:
            return self
        return replace(self, actors=frozenset(actors), tags=frozenset(tags))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form, for remembering the filter of a file."""
        return {
            "version": FILTER_FORMAT,
            "actors": sorted(self.actors),
            "match": self.match.value,
            "include_children": self.include_children,
            "tags": sorted(self.tags),
            "text": self.text,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }

    @classmethod
    def from_dict(cls, data: object) -> EventFilter:
        """Read `to_dict` output; what is missing or malformed falls back to the empty filter's
        value, and nothing is raised."""
        if not isinstance(data, Mapping):
            return cls()
        match = data.get("match")
        return cls(
            actors=_strings(data.get("actors")),
            match=Match(match) if match in (Match.ANY.value, Match.ALL.value) else Match.ANY,
            include_children=data.get("include_children") is True,
            tags=_strings(data.get("tags")),
            text=data["text"] if isinstance(data.get("text"), str) else "",
            date_from=_day(data.get("date_from")),
            date_to=_day(data.get("date_to")),
        )


def _strings(value: object) -> frozenset[str]:
    if not isinstance(value, (list, tuple, set, frozenset)):
        return frozenset()
    return frozenset(item for item in value if isinstance(item, str) and item)


def _day(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        day = float(value)
    except OverflowError:
        return None
    return day if math.isfinite(day) else None


def _fold_char(char: str) -> str:
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldedChars(dict):
    """Code point -> folded text, filled in as characters turn up (a `str.translate` table)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDED_CHARS = _FoldedChars()
# Latin-1 covers English and the Western European names of most files; bytes.translate folds
# it many times faster than the per-character table. ß becomes "ss" by a replace; µ, ¼, ½
# and ¾ fold to characters outside Latin-1, so text holding them takes the table.
_LATIN1_TABLE = bytes(
    folded.encode("latin-1")[0] if len(folded) == 1 and folded <= "\xff" else code
    for code, folded in ((code, _fold_char(chr(code))) for code in range(256))
)
_LATIN1_ELSEWHERE = re.compile(rb"[\xb5\xbc-\xbe]")


def fold(text: str) -> str:
    """Text as searches compare it: case and accents dropped, whitespace runs made one space."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        raw = None
    if raw is None or _LATIN1_ELSEWHERE.search(raw):
        folded = text.translate(_FOLDED_CHARS)
    else:
        folded = raw.replace(b"\xdf", b"ss").translate(_LATIN1_TABLE).decode("latin-1")
    return " ".join(folded.split())


# What `fold_all` folds many at a time: Latin-1 text without µ, ¼, ½ and ¾, and the
# whitespace that `str.split` sees in it.
_NOT_BATCHED = re.compile("[^\x00-\xb4\xb6-\xbb\xbf-\xff]")
_LATIN1_SPACES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0"
_BATCH_TABLE = bytes(32 if code in _LATIN1_SPACES else folded for code, folded in enumerate(_LATIN1_TABLE))
_SPACE_RUN = re.compile(rb"  +")
_BATCH = 16_384


def fold_all(texts: Sequence[str]) -> list[str]:
    """`[fold(text) for text in texts]`, a few times faster: the Latin-1 texts are joined by
    NULs and folded a batch at a time by a few passes over the bytes, the others one by one.
    (Texts holding a NUL are folded one by one too.) On the background lane, a checkpoint
    comes between batches."""
    folded: list[str] = []
    for begin in range(0, len(texts), _BATCH):
        BACKGROUND.checkpoint()
        folded += _fold_batch(texts[begin:begin + _BATCH])
    return folded


def _fold_batch(texts: Sequence[str]) -> list[str]:
    joined = "\0".join(texts)
    if joined.count("\0") != len(texts) - 1:
        return [fold(text) for text in texts]
    alone: dict[int, str] = {}
    if _NOT_BATCHED.search(joined):
        # where each text ends in `joined` (its NUL), and which texts the characters are in
        ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
        hits = np.fromiter((found.start() for found in _NOT_BATCHED.finditer(joined)), dtype=np.int64)
        parts = list(texts)
        for number in set(np.searchsorted(ends, hits, side="right").tolist()):
            alone[number] = fold(texts[number])
            parts[number] = ""
        joined = "\0".join(parts)
    raw = joined.encode("latin-1").replace(b"\xdf", b"ss").translate(_BATCH_TABLE)
    raw = _SPACE_RUN.sub(b" ", raw).replace(b" \0", b"\0").replace(b"\0 ", b"\0").strip(b" ")
    lines = raw.decode("latin-1").split("\0")
    for number, line in alone.items():
        lines[number] = line
    return lines


_TERM_RE = re.compile(r'"([^"]*)"?|(\S+)')


def match_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the search `terms` (folded, as `search_terms` gives them) occur in `text`, as
    (start, end) character offsets into `text`, sorted and merged, for highlighting."""
    if not terms:
        return []
    folded: list[str] = []
    origin: list[int] = []  # the character of `text` each folded character comes from
    for number, char in enumerate(text):
        for piece in _fold_char(char):
            if piece == " " and folded and folded[-1] == " ":
                continue
            folded.append(piece)
            origin.append(number)
    joined = "".join(folded)
    spans = []
    for term in terms:
        start = joined.find(term)
        while start >= 0:
            end = start + len(term)
            spans.append((origin[start], origin[end - 1] + 1))
            start = joined.find(term, end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def search_terms(text: str) -> tuple[str, ...]:
    """The folded words and "quoted phrases" of a search; a lone quote opens a phrase."""
    terms = []
    for phrase, word in _TERM_RE.findall(text):
        term = fold(phrase or word).strip('"')
        if term and term not in terms:
            terms.append(term)
    return tuple(terms)


def actor_group(dataset: Dataset, actor_id: str, include_children: bool) -> set[str]:
    """The ids an actor stands for: itself, and its sub-organizations when asked."""
    group = {actor_id}
    if include_children:
        group.update(dataset.descendants(actor_id))
    return group


#: How many actors and protocols `FilterIndex.prepare` finds the positions of ahead (a
#: million of them took two seconds and 100 MB).
PREPARED_POSITIONS = 100_000


class FilterIndex:
    """Arrays derived once from a data set, so that a filter change costs a few vector
    operations instead of a pass over every event. Parts are built on first use."""

    __slots__ = (
        "dataset", "size", "_positions", "_tag_positions", "_lines", "_joined", "_starts",
        "_extents", "_text_lock", "_told_lock", "_to_tell",
    )

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.size = len(dataset.events)
        self._positions: dict[str, np.ndarray] = {}
        self._tag_positions: dict[str, np.ndarray] = {}
        self._lines: list[str] | None = None
        self._joined = ""
        self._starts: list[int] = []
        self._extents: tuple[np.ndarray, np.ndarray] | None = None
        self._text_lock = threading.Lock()
        self._told_lock = threading.Lock()
        self._to_tell: list[Callable[[], None]] = []  # `when_text_built`

    def positions(self, entity_id: str) -> np.ndarray:
        """Sorted positions of the events naming `entity_id` as an actor or citing it."""
        found = self._positions.get(entity_id)
        if found is None:
            as_actor = self.dataset.events_by_actor.get(entity_id, ())
            as_protocol = self.dataset.events_by_protocol.get(entity_id, ())
            if as_actor and as_protocol:  # both: merged, each event once
                merged = np.sort(np.asarray([*as_actor, *as_protocol], dtype=np.intp))
                found = merged[np.concatenate(([True], merged[1:] != merged[:-1]))]
            else:
                found = np.asarray(as_actor or as_protocol, dtype=np.intp)
            self._positions[entity_id] = found
        return found

    def event_count(self, entity_id: str) -> int:
        """How many events name `entity_id` as an actor or cite it (`positions`, counted
        without building it when only one of the two does)."""
        as_actor = self.dataset.events_by_actor.get(entity_id, ())
        as_protocol = self.dataset.events_by_protocol.get(entity_id, ())
        if as_actor and as_protocol:
            return int(self.positions(entity_id).size)
        return len(as_actor or as_protocol)

    def group_mask(self, ids: Iterable[str], mask: np.ndarray | None = None) -> np.ndarray:
        """Events naming any of `ids`, as a boolean mask (added to `mask` when given)."""
        if mask is None:
            mask = np.zeros(self.size, dtype=bool)
        for entity_id in ids:
            mask[self.positions(entity_id)] = True
        return mask

    def tag_mask(self, tags: Iterable[str]) -> np.ndarray:
        """Events with any of `tags`, as a boolean mask."""
        mask = np.zeros(self.size, dtype=bool)
        for tag in tags:
            found = self._tag_positions.get(tag)
            if found is None:
                found = np.asarray(self.dataset.events_by_tag.get(tag, ()), dtype=np.intp)
                self._tag_positions[tag] = found
            mask[found] = True
        return mask

    def prepare(self) -> FilterIndex:
        """Build every part now (after loading, say), so that no first filter waits for it:
        the text, the extents, and the positions of each actor and protocol (which the
        panes' counts read on every filter change), of the first `PREPARED_POSITIONS` of them:
        the counts of more read the events' own actors (`queries.counted_by_event`)."""
        self._text()
        self._extents_now()
        dataset = self.dataset
        named = islice(chain(dataset.events_by_actor, dataset.events_by_protocol), PREPARED_POSITIONS)
        for entity_id in paced(named, every=256):
            self.positions(entity_id)
        return self

    @property
    def text_ready(self) -> bool:
        """Whether the search text is built: a search needs no waiting for it."""
        return self._lines is not None

    def build_text(self) -> None:
        """Build the search text now, unless built already (or being built: then wait for it)."""
        self._text()

    def when_text_built(self, tell: Callable[[], None]) -> None:
        """Call `tell` once the search text is built: now when it is, else in the thread that
        builds it, as soon as it has (not after the rest of that thread's work)."""
        with self._told_lock:
            if self._lines is None:
                self._to_tell.append(tell)
                return
        tell()

    def _text(self) -> tuple[list[str], str, list[int]]:
        """The folded "title summary" of each event; the same lines joined by newlines for
        scanning; and where each line starts in the joined text (one more at the end). Built
        once: a thread that asks while another builds them waits for that one."""
        if self._lines is None:
            if not self._text_lock.acquire(blocking=False):
                BACKGROUND.awaited()  # the lane builds them (`prepare`): let it finish
                self._text_lock.acquire()
            try:
                self._build_text()
            finally:
                self._text_lock.release()
        assert self._lines is not None
        return self._lines, self._joined, self._starts

    def _build_text(self) -> None:
        if self._lines is None:
            lines = fold_all([f"{e.title} {e.summary}" for e in self.dataset.events])
            starts = [0]
            for line in lines:
                starts.append(starts[-1] + len(line) + 1)
            self._joined = "\n".join(lines)
            self._starts = starts
            self._lines = lines
            with self._told_lock:
                to_tell, self._to_tell = self._to_tell, []
            for tell in to_tell:
                tell()

    def text_mask(self, term: str, within: np.ndarray | None = None) -> np.ndarray:
        """Events whose folded text contains `term`, among the `within` mask when given."""
        lines, joined, starts = self._text()
        mask = np.zeros(self.size, dtype=bool)
        if within is not None and np.count_nonzero(within) * 8 < self.size:
            # Few candidates left: looking into each of them beats scanning everything.
            candidates = np.flatnonzero(within).tolist()
            mask[[p for p in candidates if term in lines[p]]] = True
            return mask
        if self._common(term, joined):
            # Most lines hold the term (a word like "in"): a hit costs more than a line, so
            # look into every line at once rather than hop from hit to hit.
            mask = np.fromiter((term in line for line in lines), dtype=bool, count=self.size)
            return mask if within is None else mask & within
        # str.find skips through the joined text far faster than a loop over the lines, and
        # each hit jumps to the next line so an event costs one hit at most. Hits cost more
        # than lines, though: once many have turned up, the remaining lines are looked into.
        find = joined.find
        limit = max(64, self.size // 16)
        found: list[int] = []
        at = find(term)
        while at >= 0 and len(found) < limit:
            position = bisect_right(starts, at) - 1
            found.append(position)
            at = find(term, starts[position + 1])
        mask[found] = True
        if at >= 0:
            rest = found[-1] + 1
            mask[rest:] = [term in line for line in islice(lines, rest, None)]
        return mask if within is None else mask & within

    def _common(self, term: str, joined: str) -> bool:
        """Whether the term turns up in more than one line in 16, judged on the first 32nd of
        the text (counting occurrences, which can only make it look more common)."""
        if self.size < 4096:
            return False
        end = len(joined) // 32
        sampled = bisect_right(self._starts, end) - 1
        return joined.count(term, 0, end) * 16 > max(sampled, 1)

    @property
    def extents(self) -> tuple[np.ndarray, np.ndarray]:
        """(first day, day after the last) of every event as floats: -inf and +inf for
        unknown or open ends, NaN for undated events (so no comparison keeps them)."""
        return self._extents_now()

    def _extents_now(self) -> tuple[np.ndarray, np.ndarray]:
        if self._extents is None:
            self._extents = extents_of(self.dataset.events)
            remember_extents(self.dataset.events, self._extents)
        return self._extents


# Dataset has __slots__ and no __weakref__, so a WeakKeyDictionary cannot hold it; a short
# list of recent data sets, each kept by identity, covers the open file and the one replaced.
_INDEXES: OrderedDict[int, FilterIndex] = OrderedDict()
_INDEX_CAPACITY = 2


def filter_index(dataset: Dataset) -> FilterIndex:
    """The index of `dataset`, built on first use and reused while the data set is current."""
    index = _INDEXES.get(id(dataset))
    if index is not None and index.dataset is dataset:
        _INDEXES.move_to_end(id(dataset))
        return index
    index = FilterIndex(dataset)
    _INDEXES[id(dataset)] = index
    while len(_INDEXES) > _INDEX_CAPACITY:
        _INDEXES.popitem(last=False)
    return index


def prepared_index(dataset: Dataset) -> FilterIndex:
    """A fully built index of `dataset`, for a thread that loads files to make before handing
    the data set over (the first search then does not wait for it); `adopt_index` it there.
    Only reads the shared indexes, so it may run in any thread."""
    index = _INDEXES.get(id(dataset))
    if index is None or index.dataset is not dataset:
        index = FilterIndex(dataset)
    return index.prepare()


def adopt_index(index: FilterIndex) -> None:
    """Use `index` (from `prepared_index`) for its data set from now on; call it in the
    thread that filters."""
    key = id(index.dataset)
    _INDEXES[key] = index
    _INDEXES.move_to_end(key)
    while len(_INDEXES) > _INDEX_CAPACITY:
        _INDEXES.popitem(last=False)


def filter_mask(dataset: Dataset, event_filter: EventFilter) -> np.ndarray:
    """A boolean per event of `dataset.events`: True where the filter keeps it."""
    index = filter_index(dataset)
    if event_filter.is_empty:
        return np.ones(index.size, dtype=bool)
    mask: np.ndarray | None = None
    if event_filter.actors:
        groups = [
            actor_group(dataset, actor, event_filter.include_children)
            for actor in sorted(event_filter.actors)
        ]
        if event_filter.match == Match.ALL:
            for group in groups:
                group_mask = index.group_mask(group)
                mask = group_mask if mask is None else mask & group_mask
        else:
            mask = index.group_mask(set().union(*groups))
    if event_filter.tags:
        tag_mask = index.tag_mask(event_filter.tags)
        mask = tag_mask if mask is None else mask & tag_mask
    if event_filter.has_date_range:
        mask = _date_mask(index, event_filter.date_from, event_filter.date_to, mask)
    # The longest word is likely the rarest, leaving the fewest events for the others.
    for term in sorted(event_filter.terms, key=len, reverse=True):
        mask = index.text_mask(term, mask)
    return np.ones(index.size, dtype=bool) if mask is None else mask


def _date_mask(
    index: FilterIndex, low: float | None, high: float | None, mask: np.ndarray | None
) -> np.ndarray:
    first, after_last = index.extents
    # NaN (undated) fails every comparison, so undated events drop out with no extra test.
    kept = ~np.isnan(first)
    if high is not None:
        kept &= first < high
    if low is not None:
        kept &= after_last > low
    if low is not None and high is not None and high <= low:
        kept[:] = False
    return kept if mask is None else mask & kept


def apply_filter(dataset: Dataset, event_filter: EventFilter) -> list[int]:
    """Positions in `dataset.events` of the events the filter keeps, in file order."""
    if event_filter.is_empty:
        return list(range(len(dataset.events)))
    return np.flatnonzero(filter_mask(dataset, event_filter)).tolist()
