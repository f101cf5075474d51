"""Countries by name or code: ISO 3166-1 alpha-2 codes from the `iso3166` package (a small,
self-contained copy of the standard, kept current), with the names the UN Treaty Collection
and the EU write (`Bolivia (Plurinational State of)`, `St. Lucia`, `Swaziland`, `EL` for
Greece, `UK` for the United Kingdom).

A code is only taken when it agrees with the name beside it, if there is one: `NA` is Namibia,
but in a column of dates it means "not available", and a code cell `NA` next to "Norway" is a
mistake, not Namibia."""

from __future__ import annotations

import re
import unicodedata

import iso3166

#: Codes the EU writes for two of its members, and the ISO codes they stand for.
EU_CODES = {"EL": "GR", "UK": "GB"}
#: Names that the standard has since changed or writes differently.
ALIASES = {
    "swaziland": "SZ", "cape verde": "CV", "turkey": "TR", "czech republic": "CZ",
    "the former yugoslav republic of macedonia": "MK", "macedonia": "MK", "north macedonia": "MK",
    "holy see": "VA", "vatican": "VA", "nauru": "NR", "democratic republic of the congo": "CD",
    "congo": "CG", "democratic republic of congo": "CD", "republic of the congo": "CG", "ivory coast": "CI", "cote d'ivoire": "CI",
    "east timor": "TL", "burma": "MM", "russia": "RU", "syria": "SY", "laos": "LA",
    "south korea": "KR", "north korea": "KP", "vietnam": "VN", "iran": "IR", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "micronesia": "FM", "brunei": "BN",
    "united kingdom": "GB", "great britain": "GB", "united states": "US", "usa": "US",
    "palestine": "PS", "state of palestine": "PS", "kosovo": "XK",
    "democratic people's republic of korea": "KP", "republic of korea": "KR",
    "netherlands": "NL", "the netherlands": "NL", "gambia": "GM", "bahamas": "BS",
}
#: Not countries, though they sign treaties as parties.
ORGANIZATIONS = {"european union": "European Union", "european community": "European Community"}


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = name.lower().replace("&", "and")
    name = re.sub(r"\bst\.? ", "saint ", name)
    name = re.sub(r"[^a-z' ]+", " ", name)
    return " ".join(name.split())


def _variants(name: str) -> list[str]:
    """"Bolivia (Plurinational State of)" also as "Bolivia, Plurinational State of"; "Republic
    of Korea" also as "Korea, Republic of"."""
    found = [name]
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if bracket:
        found += [f"{bracket.group(1)}, {bracket.group(2)}", bracket.group(1)]
    of = re.fullmatch(r"((?:the )?(?:[\w']+ )*?(?:republic|state|states|kingdom|federation)(?: of)?) (?:the )?(.+)",
                      name, re.I)
    if of:
        found.append(f"{of.group(2)}, {of.group(1)}")
    return found


_BY_NAME: dict[str, str] = {}
for _country in iso3166.countries:
    for _written in (_country.name, _country.apolitical_name):
        for _variant in _variants(_written):
            _BY_NAME.setdefault(_key(_variant), _country.alpha2)
for _alias, _code in ALIASES.items():
    _BY_NAME[_key(_alias)] = _code


def code_of_name(name: str) -> str | None:
    """The ISO code of a country's name, or None."""
    for variant in _variants(name.strip()):
        found = _BY_NAME.get(_key(variant))
        if found is not None:
            return found
    return None


def name_of_code(code: str) -> str | None:
    found = iso3166.countries_by_alpha2.get(code.upper())
    return found.apolitical_name if found is not None else None


def iso_code(code: str) -> str | None:
    """An ISO alpha-2 (or alpha-3) code as alpha-2, EU codes (`EL`, `UK`) mapped; None when
    it is no country's code."""
    code = code.strip().upper()
    code = EU_CODES.get(code, code)
    if len(code) == 2 and code in iso3166.countries_by_alpha2:
        return code
    if len(code) == 3 and code in iso3166.countries_by_alpha3:
        return iso3166.countries_by_alpha3[code].alpha2
    return None


def organization_name(name: str) -> str | None:
    """The name of a party that is an organization (the European Union), or None."""
    return ORGANIZATIONS.get(_key(name))
