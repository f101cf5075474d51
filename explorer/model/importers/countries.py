"""Countries of other tools' tables by name or code, as the membership map finds them
(`explorer.model.places`: ISO 3166 from pycountry, with the names the UN Treaty Collection and
the EU write, `Bolivia (Plurinational State of)`, `St. Lucia`, `EL` for Greece, `UK` for the
United Kingdom), and the parties that are organizations.

A code is only taken when it agrees with the name beside it, if there is one: `NA` is Namibia,
but in a column of dates it means "not available", and a code cell `NA` next to "Norway" is a
mistake, not Namibia (`members.py` makes that check)."""

from __future__ import annotations

from explorer.model.places import code_of, code_of_name, fold, name_of_code

__all__ = ["code_of_name", "iso_code", "name_of_code", "organization_name"]

#: Not countries, though they sign treaties as parties.
ORGANIZATIONS = {"european union": "European Union", "european community": "European Community"}


def iso_code(code: str) -> str | None:
    """An ISO alpha-2 (or alpha-3) code as alpha-2, EU codes (`EL`, `UK`) mapped; None when
    it is no country's code."""
    return code_of(code)


def organization_name(name: str) -> str | None:
    """The name of a party that is an organization (the European Union), or None."""
    return ORGANIZATIONS.get(fold(name))
