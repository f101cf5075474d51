"""Synthetic data sets of any size, built through the model API (`Dataset.build`), not YAML.

    from benchmarks.synthetic import synthetic_dataset
    dataset = synthetic_dataset(100_000)

About 200 actors (organizations in a parent tree, people, countries), 20 tags, eras; events
mostly from 1900 to today with a long tail back to 10,000 BCE; day, month, season, year and
decade precision, approximate and uncertain qualifiers, "on or before" / "on or after"
ranges, spans from a day to decades, ongoing spans, and a few undated events. The same
`count` and `seed` always give the same data set.
"""

from __future__ import annotations

import gc
import math

import numpy as np

from explorer.model.calendar import days_in_month
from explorer.model.dataset import Dataset
from explorer.model.dates import parse_edtf
from explorer.model.entities import Country, Era, Event, Organization, Person

TAGS = (
    "campaign", "law", "report", "conference", "ratification", "victims", "awareness",
    "police", "border", "migration", "labour", "shelter", "fund", "court", "media", "research",
    "education", "health", "finance", "partnership",
)
VERBS = ("launches", "adopts", "reports on", "joins", "funds", "hosts", "signs", "reviews")
NOUNS = ("campaign", "protocol", "action plan", "conference", "study", "directive", "network")
COUNTRIES = (
    "MX", "ES", "PT", "FR", "DE", "IT", "GB", "US", "CA", "BR", "AR", "CO", "PE", "CL", "NG",
    "KE", "ZA", "EG", "IN", "PK", "BD", "TH", "VN", "PH", "ID", "JP", "KR", "AU", "NZ", "SE",
)


def _year_text(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _years(rng: np.random.Generator, count: int) -> np.ndarray:
    """Mostly 1900-2024, then a long tail back to 9999 BCE."""
    roll = rng.random(count)
    return np.select(
        [roll < 0.72, roll < 0.92, roll < 0.99],
        [rng.integers(1900, 2025, count), rng.integers(1000, 1900, count),
         rng.integers(-3000, 1000, count)],
        rng.integers(-9999, -3000, count),
    )


class _Dates:
    """EDTF texts at random precisions, drawn in blocks (per-call `random` is too slow)."""

    def __init__(self, rng: np.random.Generator, count: int) -> None:
        # Python lists: indexing numpy arrays one element at a time is slow.
        self.precision = rng.random(count).tolist()
        self.month = rng.integers(1, 13, count).tolist()
        self.day = rng.integers(1, 32, count).tolist()
        self.season = rng.integers(21, 25, count).tolist()
        self.qualifier = rng.random(count).tolist()

    def text(self, number: int, year: int, qualified: bool = True) -> str:
        roll = self.precision[number]
        month = self.month[number]
        if roll < 0.55:
            day = min(self.day[number], days_in_month(year, month))
            text = f"{_year_text(year)}-{month:02d}-{day:02d}"
        elif roll < 0.75:
            text = f"{_year_text(year)}-{month:02d}"
        elif roll < 0.77 and year >= 0:
            text = f"{_year_text(year)}-{self.season[number]}"
        elif roll < 0.79 and year >= 1000:
            return f"{str(year)[:3]}X"
        else:
            text = _year_text(year)
        qualifier = self.qualifier[number]
        if qualified and qualifier < 0.06:
            text += "~" if qualifier < 0.03 else ("?" if qualifier < 0.05 else "%")
        return text


def _actors(rng: np.random.Generator) -> tuple[list[Organization], list[Person], list[Country]]:
    organizations = []
    for number in range(140):
        parent = None
        if number >= 10 and rng.random() < 0.6:
            parent = f"org{int(rng.integers(number))}"
        organizations.append(Organization(
            id=f"org{number}", name=f"Organization {number}", short=f"ORG{number}",
            parent=parent))
    people = [Person(id=f"person{n}", name=f"Person {n}") for n in range(30)]
    countries = [Country(id=code, name=f"Country {code}", iso=code) for code in COUNTRIES]
    return organizations, people, countries


def synthetic_dataset(count: int, seed: int = 1) -> Dataset:
    """A data set of `count` events and 200 actors, reproducible from `seed`."""
    # A million new objects would trigger ever longer full collections for no garbage at all.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(count, seed)
    finally:
        if enabled:
            gc.enable()


def _build(count: int, seed: int) -> Dataset:
    rng = np.random.default_rng(seed)
    organizations, people, countries = _actors(rng)
    actor_ids = [a.id for a in (*organizations, *people, *countries)]
    # A few actors take part in most events, most in few (as in real histories).
    weights = 1.0 / (np.arange(len(actor_ids)) + 1.0) ** 0.8
    picks = rng.choice(len(actor_ids), size=(count, 3), p=weights / weights.sum()).tolist()
    actor_counts = rng.choice([1, 1, 1, 2, 2, 3], size=count).tolist()
    tag_picks = rng.integers(0, len(TAGS), size=(count, 2)).tolist()
    tag_counts = rng.choice([0, 1, 1, 2], size=count).tolist()
    kinds = rng.random(count).tolist()
    years = _years(rng, count).tolist()
    # Spans from a day to decades: log-uniform length.
    lengths = np.exp(rng.uniform(0.0, math.log(365 * 30), count)).tolist()
    open_before = (rng.random(count) < 0.5).tolist()
    verbs = rng.integers(0, len(VERBS), count).tolist()
    nouns = rng.integers(0, len(NOUNS), count).tolist()
    starts, ends = _Dates(rng, count), _Dates(rng, count)

    events = []
    for number in range(count):
        actors = tuple(dict.fromkeys(actor_ids[i] for i in picks[number][:actor_counts[number]]))
        tags = tuple(dict.fromkeys(TAGS[i] for i in tag_picks[number][:tag_counts[number]]))
        title = f"{actors[0]} {VERBS[verbs[number]]} {NOUNS[nouns[number]]} {number}"
        common = dict(id=f"ev{number}", title=title, actors=actors, tags=tags)
        roll = kinds[number]
        if roll < 0.02:
            events.append(Event(**common))
            continue
        year = years[number]
        if roll < 0.70:
            events.append(Event(start=parse_edtf(starts.text(number, year)), **common))
        elif roll < 0.72:
            date = starts.text(number, year, qualified=False)
            text = f"../{date}" if open_before[number] else f"{date}/.."
            events.append(Event(start=parse_edtf(text), **common))
        elif roll < 0.725:
            events.append(Event(start=parse_edtf(starts.text(number, year)), is_span=True,
                                **common))
        else:
            end_year = min(year + int(lengths[number] // 365), 2024)
            start = parse_edtf(starts.text(number, year))
            end = parse_edtf(ends.text(number, end_year))
            if end.latest < start.earliest:
                start, end = end, start
            events.append(Event(start=start, end=end, is_span=True, **common))
    eras = [
        Era("Antiquity", parse_edtf("-3000"), parse_edtf("0476")),
        Era("Middle Ages", parse_edtf("0476"), parse_edtf("1492")),
        Era("Early modern", parse_edtf("1492"), parse_edtf("1789")),
        Era("Modern", parse_edtf("1789"), None),
        Era("Cold War", parse_edtf("1947"), parse_edtf("1991")),
    ]
    return Dataset.build(
        title=f"Synthetic timeline of {count:,} events",
        organizations=organizations, people=people, countries=countries,
        eras=eras, events=events,
    )
