"""Where the states of a file are: ISO 3166-1 codes for its countries, and country shapes for a
world map.

A country is placed by its `iso` field, else by its id when that is an ISO code (`MX`, `NO`,
`NA`), else by its name, as ISO writes it or as the United Nations do ("Bolivia (Plurinational
State of)", "The former Yugoslav Republic of Macedonia", "St. Lucia"). Codes and names come
from pycountry (ISO 3166); the shapes from the World Borders Dataset of thematicmapping.org
(CC BY-SA 3.0), shipped inside the geopip package: nothing is fetched at run time.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from explorer.model.entities import Country

#: Where the map's shapes come from, to be shown with them.
SHAPES_CREDIT = "Borders: World Borders Dataset, thematicmapping.org (CC BY-SA 3.0)"

# Codes in use beside ISO 3166-1: the European Union writes Greece EL and the United Kingdom UK.
_OTHER_CODES = {"EL": "GR", "UK": "GB"}
# Names people and the UN write that ISO 3166 does not (or no longer) use.
_OTHER_NAMES = {
    "cape verde": "CV", "holy see": "VA", "vatican": "VA", "swaziland": "SZ",
    "the former yugoslav republic of macedonia": "MK", "macedonia": "MK", "turkey": "TR",
    "czech republic": "CZ", "burma": "MM", "ivory coast": "CI", "east timor": "TL",
    "south korea": "KR", "north korea": "KP", "russia": "RU", "vietnam": "VN", "iran": "IR",
    "syria": "SY", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "united states": "US", "united kingdom": "GB", "great britain": "GB",
    "brunei": "BN", "micronesia": "FM", "palestine": "PS", "taiwan": "TW", "kosovo": "XK",
    "state of palestine": "PS", "north macedonia": "MK", "usa": "US", "united states of america": "US",
    "democratic republic of the congo": "CD", "democratic republic of congo": "CD",
    "congo": "CG", "republic of the congo": "CG", "cote divoire": "CI",
    "democratic peoples republic of korea": "KP", "republic of korea": "KR",
    "netherlands": "NL", "gambia": "GM", "bahamas": "BS",
}


def fold(name: str) -> str:
    """A name as names are compared: accents, case, apostrophes and runs of spaces dropped."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(ascii_text.casefold().replace("'", "").replace(".", ". ").split())


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Folded name -> ISO code, for every current and former country ISO 3166 lists."""
    found: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if not name:
            return
        for variant in _variants(name):
            found.setdefault(variant, code)

    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            add(getattr(country, attribute, None), country.alpha_2)
    for name, code in _OTHER_NAMES.items():
        found[name] = code
    for former in pycountry.historic_countries:
        add(getattr(former, "name", None), getattr(former, "alpha_2", "") or former.alpha_4[:2])
    return found


def _variants(name: str) -> list[str]:
    """The ways a name may be written: as is, "B, A" as "A B", without a leading "the"."""
    folded = fold(name)
    variants = [folded]
    if ", " in folded:
        head, tail = folded.split(", ", 1)
        variants.append(f"{tail} {head}")
    return variants + [v[4:] for v in variants if v.startswith("the ")]


def code_of_name(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country written this way, or None."""
    names = _names()
    folded = fold(name)
    candidates = [folded, re.sub(r"\bst\. ", "saint ", folded)]
    un_style = re.fullmatch(r"(.*) \((.*) of\)", folded)  # "bolivia (plurinational state of)"
    if un_style:
        candidates += [f"{un_style.group(2)} of {un_style.group(1)}", un_style.group(1)]
    for candidate in candidates:
        for variant in _variants(candidate):
            code = names.get(variant)
            if code is not None:
                return code
    return None


@lru_cache(maxsize=4096)
def code_of(text: str) -> str | None:
    """The alpha-2 code a code written as `text` stands for (alpha-2, alpha-3 or an EU code)."""
    text = text.strip().upper()
    if len(text) == 2:
        text = _OTHER_CODES.get(text, text)
        found = pycountry.countries.get(alpha_2=text)
    elif len(text) == 3 and text.isalpha():
        found = pycountry.countries.get(alpha_3=text)
    else:
        return None
    return found.alpha_2 if found is not None else None


def name_of_code(code: str) -> str | None:
    """The name people use for the country of an alpha-2 code ("Bolivia", "Taiwan"), or None."""
    found = pycountry.countries.get(alpha_2=code.strip().upper())
    if found is None:
        return None
    return getattr(found, "common_name", None) or found.name


def iso_code(country: Country) -> str | None:
    """Where a country of the file is: its `iso` field, its id when that is a code, or its
    name; None when none of them names an ISO 3166 country."""
    for written in (country.iso, country.id):
        if written:
            code = code_of(written)
            if code is not None:
                return code
    return code_of_name(country.name)


Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) corners


@dataclass(frozen=True, slots=True)
class Shape:
    """One state's outline: its code, its name in the shapes' source, and its rings."""

    code: str
    name: str
    rings: tuple[Ring, ...]


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, Shape]:
    """Every state's outline by ISO 3166-1 alpha-2 code (Antarctica left out)."""
    data = json.loads(resources.files("geopip").joinpath("globe.geo.json").read_text(encoding="utf-8"))
    shapes: dict[str, Shape] = {}
    for feature in data["features"]:
        properties, geometry = feature["properties"], feature["geometry"]
        code = properties.get("ISO2")
        if not code or code == "AQ":
            continue
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = tuple(tuple((float(x), float(y)) for x, y in ring) for polygon in polygons for ring in polygon)
        shapes[code] = Shape(code, properties.get("NAME", code), rings)
    return shapes


def prepare_places(countries: Iterable[Country]) -> None:
    """Read the map's shapes and find the code of each of `countries` now (both are kept), so
    that a later lookup is immediate: for a thread that loads a file, before the window asks."""
    country_shapes()
    for country in countries:
        iso_code(country)
