"""Write a realistic synthetic timeline file (format v1) of N events, in YAML or JSON.

    .venv/bin/python benchmarks/make_dataset.py 100000 [-o FILE] [--json] [--seed 1]

Sources, organizations in a parent tree, people, countries (ids such as `NO`), protocols with
parents and guardians, memberships, eras and events: points at day, month, season and year
precision (year-only dates written as bare numbers, as people do: `date: 2009`), approximate
and uncertain dates, unspecified digits (`201X`), "on or before" ranges, spans, ongoing spans,
undated events, BCE dates, titles with accents, quotes and colons, summaries (some folded
over several lines), comments, block and flow style. The same N and seed give the same file.
The file loads without errors or warnings.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

VERBS = ("launches", "adopts", "reports on", "joins", "funds", "hosts", "signs", "reviews",
         "ratifies", "publishes", "condemns", "extends")
NOUNS = ("campaign", "protocol", "action plan", "conference", "study", "directive", "network",
         "awareness week", "shelter programme", "border initiative", "training course")
PLACES = ("Vienna", "Mexico City", "Madrid", "Lisbon", "Málaga", "São Paulo", "Zürich",
          "Kraków", "Nairobi", "Bogotá", "Genève", "Reykjavík", "Istanbul", "Seoul")
TAGS = ("campaign", "law", "report", "conference", "ratification", "victims", "awareness",
        "police", "border", "migration", "labour", "shelter", "fund", "court", "media",
        "research", "education", "health", "finance", "partnership")
COUNTRIES = (
    "MX", "ES", "PT", "FR", "DE", "IT", "GB", "US", "CA", "BR", "AR", "CO", "PE", "CL", "NG",
    "KE", "ZA", "EG", "IN", "PK", "BD", "TH", "VN", "PH", "ID", "JP", "KR", "AU", "NZ", "SE",
    "NO", "FI", "DK", "IS", "IE", "NL", "BE", "LU", "CH", "AT", "PL", "CZ", "SK", "HU", "RO",
    "BG", "GR", "TR", "UA", "MA", "TN", "GH", "SN", "ET", "UG", "TZ", "NP", "LK", "MY", "SG",
)
STATUSES = ("joined", "signed", "ratified", "acceded", "withdrew")
SUMMARY_WORDS = (
    "the", "of", "and", "to", "victims", "trafficking", "report", "national", "police",
    "cooperation", "borders", "labour", "children", "women", "shelter", "funding", "court",
    "prosecution", "awareness", "training", "protocol", "regional", "office", "data",
)

_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _year_text(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


class Maker:
    """Draws entities and events from one seeded random generator."""

    def __init__(self, count: int, seed: int) -> None:
        self.count = count
        self.rng = random.Random(seed)

    # dates

    def year(self) -> int:
        roll = self.rng.random()
        if roll < 0.80:
            return self.rng.randint(1945, 2024)
        if roll < 0.95:
            return self.rng.randint(1500, 1944)
        if roll < 0.995:
            return self.rng.randint(1, 1499)
        return self.rng.randint(-3000, -1)

    def date(self, year: int | None = None, qualified: bool = True) -> str:
        """An EDTF date of some precision; year-only dates of CE years are bare numbers."""
        rng = self.rng
        year = self.year() if year is None else year
        month = rng.randint(1, 12)
        roll = rng.random()
        if roll < 0.50:
            day = rng.randint(1, _DAYS[month - 1] if month != 2 or year % 4 == 0 else 28)
            if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 or year % 400 == 0)):
                day = 28
            text = f"{_year_text(year)}-{month:02d}-{day:02d}"
        elif roll < 0.72:
            text = f"{_year_text(year)}-{month:02d}"
        elif roll < 0.74 and year > 0:
            text = f"{_year_text(year)}-{rng.randint(21, 24)}"
        elif roll < 0.76 and year >= 1000:
            text = f"{str(year)[:3]}X"
        else:
            text = _year_text(year)
        qualifier = rng.random()
        if qualified and qualifier < 0.07 and not text.endswith("X"):
            text += "~" if qualifier < 0.035 else ("?" if qualifier < 0.06 else "%")
        return text

    # entities

    def sources(self) -> dict[str, dict]:
        count = max(20, min(5000, self.count // 40))
        found = {}
        for number in range(count):
            source: dict = {"title": f"Annual report {number} on trafficking in persons",
                            "publisher": self.rng.choice(("UNODC", "UN News", "Europol", "ILO"))}
            if number % 3 == 0:
                source["url"] = f"https://example.org/reports/{number}"
            if number % 2 == 0:
                source["date"] = self.date(self.rng.randint(1990, 2023), qualified=False)
            source["retrieved"] = f"2024-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
            found[f"src-{number}"] = source
        return found

    def organizations(self) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for number in range(150):
            org: dict = {"name": f"Organization {number} against trafficking",
                         "short": f"ORG{number}"}
            if number % 4 == 0:
                org["kind"] = self.rng.choice(("agency", "campaign", "fund", "network", "NGO"))
            if number >= 10 and self.rng.random() < 0.6:
                org["parent"] = f"org-{self.rng.randrange(number)}"
            if number % 3 == 0:
                founded = self.rng.randint(1900, 2015)
                org["founded"] = self.date(founded, qualified=False)
                if number % 15 == 0:
                    org["dissolved"] = str(founded + self.rng.randint(2, 8))
            found[f"org-{number}"] = org
        return found

    def people(self) -> dict[str, dict]:
        return {f"person-{n}": {"name": f"Person Núñez {n}",
                                "description": "A campaigner." if n % 2 else ""}
                for n in range(40)}

    def countries(self) -> dict[str, dict]:
        return {code: {"name": f"Country {code}", "iso": code} for code in COUNTRIES}

    def protocols(self) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for number in range(30):
            protocol: dict = {"name": f"Protocol {number} on trafficking in persons",
                              "short": f"P{number}", "kind": "protocol"}
            if number >= 5 and number % 2:
                protocol["parent"] = f"protocol-{self.rng.randrange(5)}"
            adopted = self.rng.randint(1950, 2015)
            protocol["adopted"] = f"{adopted}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
            protocol["in_force"] = str(adopted + self.rng.randint(1, 4))
            protocol["guardian"] = f"org-{self.rng.randrange(10)}"
            found[f"protocol-{number}"] = protocol
        return found

    def memberships(self, sources: list[str]) -> list[dict]:
        found = []
        for _number in range(max(10, self.count // 20)):
            membership: dict = {
                "member": self.rng.choice(COUNTRIES),
                "of": self.rng.choice((f"org-{self.rng.randrange(150)}",
                                       f"protocol-{self.rng.randrange(30)}")),
                "status": self.rng.choice(STATUSES),
            }
            if self.rng.random() < 0.9:
                year = self.rng.randint(1990, 2020)
                membership["date"] = self.date(year)
                if self.rng.random() < 0.1:
                    membership["until"] = str(year + self.rng.randint(1, 4))
            if self.rng.random() < 0.3:
                membership["sources"] = [self.rng.choice(sources)]
            found.append(membership)
        return found

    @staticmethod
    def eras() -> list[dict]:
        return [
            {"title": "Antiquity", "start": "-3000", "end": "0476"},
            {"title": "Middle Ages", "start": "0476", "end": "1492"},
            {"title": "Early modern", "start": "1492", "end": "1789"},
            {"title": "Modern", "start": "1789"},
            {"title": "Cold War", "start": "1947-03-12", "end": "1991-12-26"},
            {"title": "Palermo Protocol in force", "start": "2003-12-25", "note": "Still going."},
        ]

    # events

    def events(self, actors: list[str], protocols: list[str], sources: list[str]) -> list[dict]:
        rng = self.rng
        # A few actors take part in most events, most in few (as in real histories).
        weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(actors))]
        picks = rng.choices(actors, weights=weights, k=self.count * 3)
        found = []
        for number in range(self.count):
            chosen = list(dict.fromkeys(picks[number * 3:number * 3 + rng.choice((1, 1, 1, 2, 2, 3))]))
            roll = rng.random()
            title = f"{chosen[0]} {rng.choice(VERBS)} {rng.choice(NOUNS)} in {rng.choice(PLACES)}"
            if roll < 0.03:
                title += f": phase {number % 7}"
            elif roll < 0.05:
                title = f"“{title}” ({number})"
            event: dict = {}
            if number % 2 == 0:
                event["id"] = f"ev-{number}"
            event["title"] = title
            kind = rng.random()
            if kind < 0.02:
                pass  # undated: date unknown
            elif kind < 0.70:
                event["date"] = self.date()
            elif kind < 0.72:
                date = self.date(qualified=False)
                event["date"] = f"../{date}" if rng.random() < 0.5 else f"{date}/.."
            elif kind < 0.75:
                event["start"] = self.date()
            else:
                year = self.year()
                end_year = min(year + int(rng.expovariate(1 / 5)), 2024)
                start, end = self.date(year, qualified=False), self.date(end_year, qualified=False)
                if end[:4] == start[:4] or end < start:
                    end = _year_text(end_year + 1)
                event["start"] = start
                event["end"] = end
            if rng.random() < 0.3:
                words = rng.choices(SUMMARY_WORDS, k=rng.randint(6, 25))
                event["summary"] = " ".join(words).capitalize() + "."
            event["actors"] = chosen
            if rng.random() < 0.15:
                event["protocols"] = [rng.choice(protocols)]
            tags = list(dict.fromkeys(rng.choices(TAGS, k=rng.choice((0, 1, 1, 2)))))
            if tags:
                event["tags"] = tags
            if rng.random() < 0.6:
                event["sources"] = [rng.choice(sources)]
            found.append(event)
        return found

    def document(self) -> dict:
        sources = self.sources()
        organizations = self.organizations()
        people = self.people()
        countries = self.countries()
        protocols = self.protocols()
        actors = [*organizations, *people, *countries]
        source_ids = list(sources)
        return {
            "timeline": 1,
            "title": f"Synthetic timeline of {self.count:,} events",
            "description": "Made by benchmarks/make_dataset.py for timing loads.",
            "sources": sources,
            "organizations": organizations,
            "people": people,
            "countries": countries,
            "protocols": protocols,
            "memberships": self.memberships(source_ids),
            "eras": self.eras(),
            "events": self.events(actors, list(protocols), source_ids),
        }


# YAML writing: by hand, as people write these files (yaml.dump is slow and quotes too much)

_UNSAFE_ANYWHERE = set(":#{}[],")
_UNSAFE_FIRST = set("-?~&*!|>'\"%@`")
_WORDS = ("null", "true", "false", "yes", "no", "on", "off", "y", "n")


def scalar(text: str | int) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same text, else quoted."""
    text = str(text)
    if _is_year(text) or (
        text and text == text.strip() and not set(text) & _UNSAFE_ANYWHERE
        and (text[0] not in _UNSAFE_FIRST or text[:2] in ("-0", "-1", "-2"))
        and text.lower() not in _WORDS
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_year(text: str) -> bool:
    """A bare year (`2009`, `-0043`): written plain, as people do."""
    digits = text[1:] if text.startswith("-") else text
    return len(digits) == 4 and digits.isdigit()


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def write_entry(lines: list[str], indent: str, fields: dict, flow: bool) -> None:
    """One entity or event: on one flow-style line, or one field per line."""
    if flow:
        parts = [f"{name}: {flow_list(v) if isinstance(v, list) else scalar(v)}"
                 for name, v in fields.items()]
        lines.append(indent + "{" + ", ".join(parts) + "}")
        return
    first = True
    for name, value in fields.items():
        lead = indent if first else " " * len(indent)
        first = False
        if isinstance(value, list):
            lines.append(f"{lead}{name}: {flow_list(value)}")
        elif name == "summary" and len(value) > 90:
            words = value.split(" ")
            lines.append(f"{lead}{name}: >-")
            pad = " " * (len(indent) + 2)
            for start in range(0, len(words), 12):
                lines.append(pad + " ".join(words[start:start + 12]))
        else:
            lines.append(f"{lead}{name}: {scalar(value)}")


def to_yaml(document: dict) -> str:
    lines = [
        "# Synthetic timeline made by benchmarks/make_dataset.py",
        f"timeline: {document['timeline']}",
        f"title: {scalar(document['title'])}",
        f"description: {scalar(document['description'])}",
    ]
    for section in ("sources", "organizations", "people", "countries", "protocols"):
        lines.append("")
        lines.append(f"{section}:")
        for number, (entity_id, fields) in enumerate(document[section].items()):
            fields = {k: v for k, v in fields.items() if v != ""}
            if number % 5 == 0:
                lines.append(f"  {scalar(entity_id)}: " + _flow_mapping(fields))
            else:
                lines.append(f"  {scalar(entity_id)}:")
                write_entry(lines, "    ", fields, flow=False)
    for section in ("memberships", "eras"):
        lines.append("")
        lines.append(f"{section}:")
        for fields in document[section]:
            write_entry(lines, "  - ", fields, flow=False)
    lines.append("")
    lines.append("events:")
    for number, fields in enumerate(document["events"]):
        if number % 1000 == 0:
            lines.append(f"  # events {number} to {number + 999}")
        if number % 7 == 3:
            lines.append("  - " + _flow_mapping(fields))
        else:
            write_entry(lines, "  - ", fields, flow=False)
    lines.append("")
    return "\n".join(lines)


def _flow_mapping(fields: dict) -> str:
    parts = [f"{name}: {flow_list(v) if isinstance(v, list) else scalar(v)}"
             for name, v in fields.items()]
    return "{" + ", ".join(parts) + "}"


def to_json(document: dict) -> str:
    """The same data as JSON; years that YAML would read as numbers are JSON numbers too."""

    def numbers(value):
        if isinstance(value, dict):
            return {k: numbers(v) for k, v in value.items()}
        if isinstance(value, list):
            return [numbers(v) for v in value]
        if isinstance(value, str) and _is_year(value) and not value.startswith(("0", "-")):
            return int(value)
        return value

    document = numbers(document)

    def compact(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    # one entry per line, as a database export writes them
    parts = []
    for key, value in document.items():
        if isinstance(value, dict) and value:
            body = ",\n".join(f"  {compact(k)}: {compact(v)}" for k, v in value.items())
            parts.append(f" {compact(key)}: {{\n{body}\n }}")
        elif isinstance(value, list) and value:
            body = ",\n".join(f"  {compact(v)}" for v in value)
            parts.append(f" {compact(key)}: [\n{body}\n ]")
        else:
            parts.append(f" {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def make(count: int, seed: int = 1, as_json: bool = False) -> str:
    """The text of a synthetic timeline file of `count` events."""
    document = Maker(count, seed).document()
    return to_json(document) if as_json else to_yaml(document)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of events")
    parser.add_argument("-o", "--output", help="file to write (default: synthetic-N.yaml or .json)")
    parser.add_argument("--json", action="store_true", help="write JSON instead of YAML")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    suffix = ".json" if options.json else ".yaml"
    output = Path(options.output or f"synthetic-{options.count}{suffix}")
    text = make(options.count, options.seed, options.json)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output} ({len(text.encode('utf-8')) / 1e6:.1f} MB, {options.count:,} events)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
