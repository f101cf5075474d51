"""Dates as people and other tools write them, read into EDTF at the precision written.

`read_date("c. 383")` is `0383~`, `"55 BC"` is `-0054`, `"14 Oct 1066"` is `1066-10-14`,
`"1850s"` is `185X`, `"winter 1834-35"` is `1834-24`, `"Between 47 and 50"` is the point
`0047/0050` (one moment some time in that range) and `"1831-35"` the span 1831 to 1835 (it
lasted): a `Reading` says which. A date is never made more precise than written; what EDTF
cannot keep (a time of day, "early", "late") is named in `dropped`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from explorer.model.calendar import days_in_month
from explorer.model.dates import MAX_YEAR, MIN_YEAR, DateError, parse_edtf

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
#: How month-first and day-first numeric dates (`03/01/1946`) are told apart.
MDY, DMY = "month first", "day first"
#: Two-digit years up to this one are read in the 2000s, later ones in the 1900s (POSIX).
PIVOT = 68


class Unreadable(ValueError):
    """Text that is not a date this module can read; the message says what it is not."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A date read from text: a point `date`, or a span from `start` to `end` (either may be
    None when open), with what the text said that EDTF does not keep."""

    date: str | None = None
    start: str | None = None
    end: str | None = None
    dropped: str = ""

    @property
    def is_span(self) -> bool:
        return self.date is None

    def edtf(self) -> str:
        """The reading as one EDTF text (a span as `start/end`)."""
        if self.date is not None:
            return self.date
        return f"{self.start or '..'}/{self.end or '..'}"


def year_text(year: int) -> str:
    """An astronomical year as EDTF (`-0054`, `0061`, `Y-299999`); Unreadable beyond the
    years format v1 can hold."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Unreadable(f"year {year:,} is beyond the years a timeline file can hold "
                         f"({MIN_YEAR:,} to {MAX_YEAR:,})")
    if -9999 <= year <= 9999:
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


def from_parts(year: int, month: int | None = None, day: int | None = None, qualifier: str = "") -> str:
    """EDTF text of a year, month and day, checked (a 30 February is Unreadable)."""
    text = year_text(year)
    if month is not None:
        if text.startswith("Y"):
            raise Unreadable(f"year {year:,} takes no month in a timeline file")
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return checked(text + qualifier)


def checked(text: str) -> str:
    """`text` when it is EDTF format v1 reads; Unreadable with the reason otherwise."""
    try:
        parse_edtf(text)
    except DateError as error:
        raise Unreadable(error.message) from None
    return text


# -- other tools' EDTF: times, sets and qualifiers on parts ----------------------------------

_TIME = re.compile(r"(?<=\d)[T ](\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?)(?:Z|[+-]\d{2}:?\d{2})?(?=$|[/~?%\]])")
_PART_QUALIFIER = re.compile(r"(?<=-)([~?%])(?=[0-9X])|^([~?%])(?=-?[0-9X]{4})")


def _whole_qualifier(date: str) -> str:
    """`1921-04-%20` as `1921-04-20%`: qualifiers on parts moved to the whole date."""
    marks = set(re.findall(r"[~?%]", date))
    if not marks:
        return date
    bare = re.sub(r"[~?%]", "", date)
    approximate = "~" in marks or "%" in marks
    uncertain = "?" in marks or "%" in marks
    return bare + ("%" if approximate and uncertain else "~" if approximate else "?")


def _set_range(inner: str) -> str:
    """A set `[a..b]` or `[a,b,c]` as the EDTF interval from its first to its last date."""
    if ".." in inner and "," not in inner:
        first, _, last = inner.partition("..")
        return f"{_whole_qualifier(first) or '..'}/{_whole_qualifier(last) or '..'}"
    items = [_whole_qualifier(item.strip()) for item in inner.split(",") if item.strip()]
    items = [item.split("..")[0] or item.split("..")[-1] for item in items]
    return items[0] if len(items) == 1 else f"{items[0]}/{items[-1]}"


def read_edtf(text: str) -> Reading:
    """EDTF as other tools write it (with times of day, level-2 sets and qualifiers on parts):
    an interval `a/b` is a span (it lasted from a to b); a set `[a..b]` is one moment in that
    range, a point."""
    text = text.strip()
    dropped = []
    if _TIME.search(text):
        text = _TIME.sub("", text)
        dropped.append("time of day")
    if "%" in text or "~" in text or "?" in text:
        if _PART_QUALIFIER.search(text) and not text.startswith("["):
            dropped.append("qualifier on one part, applied to the whole date")
    ends = _split_interval(text)
    if ends is None:
        return Reading(date=_one_edtf(text, dropped), dropped=", ".join(dropped))
    left, right = ends
    start = None if left in ("", "..") else _one_edtf(left, dropped)
    end = None if right in ("", "..") else _one_edtf(right, dropped)
    if start is None and end is None:
        raise Unreadable("an interval with no date at either end")
    if start is not None and end is not None:
        checked(f"{_first(start)}/{_last(end)}")
    return Reading(start=start, end=end, dropped=", ".join(dict.fromkeys(dropped)))


def _split_interval(text: str) -> tuple[str, str] | None:
    if "/" not in text:
        return None
    if "[" not in text and "{" not in text:
        left, _slash, right = text.partition("/")
        return left, right
    depth = 0
    for at, char in enumerate(text):
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "/" and depth == 0:
            return text[:at], text[at + 1:]
    return None


def _one_edtf(text: str, dropped: list[str]) -> str:
    if text.startswith(("[", "{")) and text.endswith(("]", "}")):
        if "," in text:
            dropped.append("a set of dates, written as the range from its first to its last")
        return checked(_set_range(text[1:-1]))
    if _PART_QUALIFIER.search(text):
        text = _whole_qualifier(text)
    return checked(text)


def _first(value: str) -> str:
    return value.split("/")[0] or value.split("/")[-1]


def _last(value: str) -> str:
    return value.split("/")[-1] or value.split("/")[0]


# -- dates in words and numbers -----------------------------------------------------------

_DASHES = re.compile(r"\s*[\u2013\u2014\u2012]\s*|\s+-\s+|\s+to\s+|\s+until\s+|\s+till\s+")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?,?\s*|\b\d{1,2}\s*[ap]\.?m\.?\b,?\s*", re.I)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_APPROXIMATE = re.compile(r"^(?:c\.|ca\.|c\b|ca\b|circa|about|approx\.?|approximately|around|~)\s*", re.I)
_PHASE = re.compile(r"^(early|mid|middle|late|end of|beginning of|start of)[\s-]+(?:of\s+)?", re.I)
_ERA = re.compile(r"\s*\b(b\.?\s?c\.?(?:e\.?)?|a\.?\s?d\.?|c\.?e\.?)\s*$|^\s*(a\.?d\.?)\s+", re.I)
_YEAR = re.compile(r"-?\d{1,6}")
_DECADE = re.compile(r"(?:the\s+)?(\d{1,3})0'?s", re.I)
_CENTURY = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+century", re.I)
_ISO_LOOSE = re.compile(r"(-?\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_NUMERIC_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})")
_WORDY = re.compile(r"[a-z]+\.?", re.I)
# What EDTF never holds (letters but T, X, Y and Z; spaces), so that words skip it at once.
_WORDS_OR_SPACES = re.compile(r"[A-SU-Wa-z ]")
_DAY_MONTH_YEAR = re.compile(r"(?:(\d{1,2}) )?([A-Za-z]{3,9})\.? (\d{4})")
_SIMPLE = re.compile(r"(-?[0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?[~?%]?")


def _exists(year: str, month: str | None, day: str | None) -> bool:
    """Whether a year, month and day written as EDTF digits name a real day (or month, or
    season), as `parse_edtf` would find, at a fraction of its cost."""
    if year == "-0000":
        return False
    if month is None:
        return True
    number = int(month)
    if day is None:
        return 1 <= number <= 12 or 21 <= number <= 24
    return 1 <= number <= 12 and 1 <= int(day) <= days_in_month(int(year), number)


def guess_order(values) -> tuple[str | None, str]:
    """Whether numeric dates such as `03/01/1946` in these values are month first or day
    first, and a value that shows it ("03/31/1946"); (None, "") when none tells, and (None,
    "ambiguous") when numeric dates are there but none tells."""
    month_first = day_first = ""
    seen = False
    for value in values:
        value = str(value)
        # cheap look first: a numeric date has a separator among its first three characters
        if not ("/" in value[:3] or "." in value[:3] or "-" in value[1:3]):
            continue
        found = _NUMERIC.search(value)
        if not found:
            continue
        seen = True
        first, second = int(found.group(1)), int(found.group(3))
        if first > 12 >= second and not day_first:
            day_first = found.group()
        elif second > 12 >= first and not month_first:
            month_first = found.group()
    if month_first and not day_first:
        return MDY, month_first
    if day_first and not month_first:
        return DMY, day_first
    return None, "ambiguous" if seen else ""


@lru_cache(maxsize=65536)
def read_date(text: str, order: str | None = None, years: bool = False) -> Reading:
    """The date `text` writes, at its precision; Unreadable when it is not a date.

    `order` tells numeric dates apart (`MDY` by default); `years` reads `1911-12` as the
    years 1911 to 1912 (a column of years) rather than December 1911."""
    simple = _SIMPLE.fullmatch(text) if not years else None
    if simple is not None and _exists(*simple.groups()):  # most cells: an EDTF date already
        return Reading(date=text)
    worded = _DAY_MONTH_YEAR.fullmatch(text)  # "14 Oct 1066", "March 2009": common, read at once
    if worded is not None and worded.group(2).lower() in MONTHS:
        day, month, year = worded.groups()
        try:
            return Reading(date=from_parts(int(year), MONTHS[month.lower()], int(day) if day else None))
        except Unreadable:
            pass
    raw = " ".join(str(text).split())
    if not raw:
        raise Unreadable("the cell is empty")
    try:
        if not (years and re.fullmatch(r"\d{4}-\d{1,2}", raw)) and not _WORDS_OR_SPACES.search(raw):
            return read_edtf(raw)
    except Unreadable:
        pass
    dropped: list[str] = []
    if _CLOCK.search(raw) and not re.fullmatch(r"\d{1,2}:\d{2}", raw):
        raw = _CLOCK.sub("", raw).strip(" ,")
        dropped.append("time of day")
    raw = _ORDINAL.sub(r"\1", raw).replace(",", " ")
    raw = " ".join(raw.split())
    lower = raw.lower()
    between = re.fullmatch(r"between\s+(.+?)\s+and\s+(.+)", lower)
    if between:
        first, last = _pair(between.group(1), between.group(2), order, years, dropped)
        return Reading(date=checked(f"{_first(first)}/{_last(last)}"), dropped=", ".join(dropped))
    for word, side in (("after", "start"), ("since", "start"), ("from", "start"),
                       ("before", "end"), ("by", "end")):
        if lower.startswith(word + " "):
            value = _single(lower[len(word) + 1:], order, years, dropped)
            text_value = f"{value}/.." if side == "start" else f"../{value}"
            return Reading(date=checked(text_value), dropped=", ".join(dropped))
    parts = _range_parts(lower, years)
    if parts is not None:
        first, last = _pair(parts[0], parts[1], order, years, dropped)
        checked(f"{_first(first)}/{_last(last)}")
        return Reading(start=first, end=last, dropped=", ".join(dropped))
    return Reading(date=_single(lower, order, years, dropped), dropped=", ".join(dropped))


def _range_parts(text: str, years: bool) -> tuple[str, str] | None:
    """The two ends of "1831-35", "1950s-60s", "Sept 1857 - Dec 1861", or None."""
    pieces = _DASHES.split(text)
    if len(pieces) == 2 and all(pieces):
        return pieces[0], pieces[1]
    short = re.fullmatch(r"(\d{3,4}0?'?s?)-(\d{1,4}'?s?)", text)
    if short and (years or not re.fullmatch(r"\d{4}-(0?[1-9]|1[0-2])", text)):
        return short.group(1), short.group(2)
    words = re.fullmatch(r"([a-z]+\.? \d{4})-([a-z]+\.? \d{4})", text)
    if words:
        return words.group(1), words.group(2)
    return None


def _pair(left: str, right: str, order, years, dropped) -> tuple[str, str]:
    """Both ends of a range, the left borrowing what it leaves out from the right ("1 March"
    of "1 March - 31 Aug 1988") and the right its century from the left ("1831-35")."""
    right_value = _single(right, order, years, dropped, after=left)
    year_of_right = re.match(r"-?\d{4}", _first(right_value))
    if year_of_right is not None and not re.search(r"\d{3}", left) and re.search(r"[a-z]", left):
        left = f"{left} {int(year_of_right.group())}"  # "1 March" of "1 March - 31 Aug 1988"
    return _single(left, order, years, dropped), right_value


def _single(text: str, order: str | None, years: bool, dropped: list[str], after: str = "") -> str:
    """One date, not a range."""
    text = text.strip(" .")
    qualifier = ""
    if text.endswith("?"):
        text, qualifier = text[:-1].strip(), "?"
    approximate = _APPROXIMATE.match(text)
    if approximate:
        text = text[approximate.end():]
        qualifier = "%" if qualifier else "~"
    phase = _PHASE.match(text)
    if phase:
        dropped.append(f'"{phase.group(1)}"')
        text = text[phase.end():]
    bce = False
    era = _ERA.search(text)
    if era:
        word = (era.group(1) or era.group(2) or "").lower().replace(".", "").replace(" ", "")
        bce = word.startswith("b")
        text = (text[:era.start()] + text[era.end():]).strip()
    value = _plain(text, order, years, after, bce)
    return checked(value + qualifier) if qualifier and "/" not in value else checked(value)


def _plain(text: str, order, years: bool, after: str, bce: bool) -> str:
    text = text.strip()
    if _YEAR.fullmatch(text):
        number = int(text)
        if after and not bce and len(text) < 4 and not text.startswith("-"):
            start = re.search(r"\d{3,4}", after)
            if start is not None and len(start.group()) == 4 and len(text) <= 2:
                century = start.group()[: 4 - len(text)]
                number = int(century + text)
        return year_text(_astronomical(number, bce))
    decade = _DECADE.fullmatch(text)
    if decade:
        digits = decade.group(1)
        if after and len(digits) == 1:  # "1950s-60s"
            start = re.search(r"\d{4}", after)
            digits = (start.group()[:2] if start else "19") + digits
        if len(digits) == 2:
            digits = "19" + digits if not after else digits
        if len(digits) == 3 and digits.endswith("0") and re.search(r"00'?s", text):
            return checked(digits[:2] + "XX")
        return checked(digits + "X")
    ordinal = _CENTURY.fullmatch(text)
    if ordinal:
        number = int(ordinal.group(1))
        if bce:
            raise Unreadable("centuries BCE are not read; write the years")
        return checked(f"{number - 1:02d}XX")
    season = re.fullmatch(r"(spring|summer|autumn|fall|winter)(?: of)? (\d{4})(?:-(\d{2,4}))?", text)
    if season:
        return from_parts(int(season.group(2)), SEASONS[season.group(1)])
    iso = _ISO_LOOSE.fullmatch(text)
    if iso:
        month = int(iso.group(2))
        day = int(iso.group(3)) if iso.group(3) else None
        if years and day is None:
            raise Unreadable("a range of years")
        return from_parts(int(iso.group(1)), month, day)
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(3))
        month, day = (second, first) if order == DMY else (first, second)
        return from_parts(_full_year(numeric.group(4)), month, day)
    month_year = _NUMERIC_MONTH_YEAR.fullmatch(text)
    if month_year:
        return from_parts(int(month_year.group(2)), int(month_year.group(1)))
    return _worded(text, bce)


def _worded(text: str, bce: bool) -> str:
    """"14 Oct 1066", "Oct 14 1066", "October 1066", "11-Mar-15", "1066 Oct 14"."""
    tokens = [t for t in re.split(r"[\s/-]+", text.replace(".", " ")) if t]
    month = None
    numbers = []
    for token in tokens:
        if token.isdigit():
            numbers.append(token)
        elif token in MONTHS and month is None:
            month = MONTHS[token]
        elif token == "of":
            continue
        else:
            raise Unreadable(f"{token!r} is not part of a date")
    if month is None or not 1 <= len(numbers) <= 2:
        raise Unreadable("not a date")
    if len(numbers) == 1:
        return from_parts(_astronomical(_full_year(numbers[0]), bce), month)
    first, second = numbers
    if len(first) >= 3:
        year, day = first, second
    elif len(second) >= 3 or tokens.index(first) < tokens.index(second):
        day, year = first, second
    else:
        day, year = first, second
    return from_parts(_astronomical(_full_year(year), bce), month, int(day))


def _full_year(text: str) -> int:
    if len(text) == 2:
        number = int(text)
        return 2000 + number if number <= PIVOT else 1900 + number
    return int(text)


def _astronomical(year: int, bce: bool) -> int:
    """The astronomical year of a year written with BC (55 BC is -54)."""
    if not bce:
        return year
    if year <= 0:
        raise Unreadable("a year BC is written as a positive number (55 BC)")
    return 1 - year
