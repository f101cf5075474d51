"""The Timeline Project's `.timeline` files: the XML of version 1 and later, and the
`EVENT:start;end;text;category;description:...` lines of the versions before 1.0.

The XML is parsed with defusedxml, which refuses entity declarations outright: a `.timeline`
file never needs one, and an entity bomb or an external entity is then an error at its line
rather than gigabytes of memory or a file read behind the person's back (the standard library's
parser expands internal entities, within limits that depend on the expat it was built with).

Dates carry a time of day (dropped, and said so); years are astronomical and unpadded;
`fuzzy` (or `fuzzy_start`, `fuzzy_end`) becomes `~`, `ends_today` an ongoing span, categories
(with their parents) tags, containers (`[1]Name`, and `(1)Sub` inside them) a tag of their
events; hyperlinks become sources. A `numtime` file has numbers, not dates: each number n is
written as the year n, which keeps order and lengths, and the report says so.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from explorer.model.importers.base import NO, SURE, Options
from explorer.model.importers.dates_in import Reading, Unreadable, from_parts, year_text
from explorer.model.importers.draft import Draft, add_source, add_tag
from explorer.model.importers.event_table import url_citation
from explorer.model.importers.html_text import clean_text
from explorer.model.importers.report import ImportReport, Where, shorten
from explorer.model.importers.source import Source, SourceError
from explorer.model.importers.timing import set_timing

_DATE_TIME = re.compile(r"(-?\d{1,6})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?")
_CONTAINER = re.compile(r"^\[(\d+)\](.*)$", re.S)
_SUBEVENT = re.compile(r"^\((\d+)\)(.*)$", re.S)


def _parse(data: bytes) -> tuple[ET.Element, dict]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    lines: dict = {}

    class Builder(ET.TreeBuilder):
        def start(self, tag, attrs):
            element = super().start(tag, attrs)
            lines[element] = parser.parser.CurrentLineNumber
            return element

    parser = DefusedXMLParser(target=Builder(), forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    try:
        parser.feed(data)
        return parser.close(), lines
    except DefusedXmlException as error:
        line = getattr(parser.parser, "CurrentLineNumber", 1)
        raise SourceError(f"the XML declares entities ({type(error).__name__}), which a .timeline "
                          "file never needs and which can expand without bound; it is not read",
                          line) from None
    except ET.ParseError as error:
        line, column = error.position
        raise SourceError(f"the XML cannot be read here ({str(error).split(':')[0]}); the file "
                          "is damaged or not a .timeline file", line, column + 1) from None


class TimelineProject:
    name = "timeline"
    label = "The Timeline Project (.timeline)"

    def detect(self, source: Source) -> int:
        head = source.head.lstrip()
        if head.startswith(b"<") and b"<timeline" in head:
            return SURE
        if source.suffix == ".timeline" or head.startswith(b"# Written by Timeline"):
            return SURE if b"EVENT:" in source.data[:65536] or head.startswith(b"#") else SURE - 10
        return NO

    def read(self, source: Source, report: ImportReport, options: Options) -> Draft:
        source.refuse_binary("a .timeline file")
        if not source.data.lstrip().startswith(b"<"):
            return _TextFormat(report).read(source.text())
        root, lines = _parse(source.data)
        if root.tag != "timeline":
            raise SourceError(f"the XML's root is <{root.tag}>, not <timeline>; this is not a "
                              ".timeline file", lines.get(root, 1))
        return _XmlFormat(report, lines).read(root)


class _XmlFormat:
    def __init__(self, report: ImportReport, lines: dict) -> None:
        self.report = report
        self.lines = lines
        self.numeric = False

    def where(self, element: ET.Element, path: str) -> Where:
        return Where(self.lines.get(element, 1), 1, path)

    def date(self, text: str | None, where: Where) -> str:
        text = (text or "").strip()
        if self.numeric:
            if not re.fullmatch(r"-?\d+(?:\.0+)?", text):
                raise Unreadable(f"{shorten(text, 20)!r} is not a whole number")
            return year_text(int(float(text)))
        found = _DATE_TIME.fullmatch(text)
        if found is None:
            raise Unreadable(f"{shorten(text, 30)!r} is not a date")
        year, month, day, hour, minute, second = found.groups()
        if hour is not None and (int(hour), int(minute), int(second or 0)) != (0, 0, 0):
            self.report.drop("times of day", shorten(text, 30), where)
        return from_parts(int(year), int(month), int(day))

    def read(self, root: ET.Element) -> Draft:
        report = self.report
        draft = Draft()
        kind = (root.findtext("timetype") or "gregoriantime").strip()
        version = (root.findtext("version") or "").strip()
        report.format = f"The Timeline Project {version or ''} ({kind})".replace("  ", " ")
        if kind == "numtime":
            self.numeric = True
            report.convert("numeric time (no calendar): each number n written as the year n, "
                           "which keeps their order and the lengths between them")
            draft.description = ("Converted from numeric time: the original has numbers, not "
                                 "dates; the number n is written as the year n.")
        elif kind != "gregoriantime":
            raise SourceError(f"the time type {kind!r} is not read (only gregoriantime and numtime)",
                              self.lines.get(root.find("timetype"), 1))
        parents = {}
        for category in root.iter("category"):
            if category.find("name") is None:
                continue
            name = (category.findtext("name") or "").strip()
            parents[name] = (category.findtext("parent") or "").strip()
            if category.findtext("color"):
                report.drop("category colours", f"{name}: {category.findtext('color')}",
                            self.where(category, "categories"))
        containers = {}
        for event in root.iter("event"):
            found = _CONTAINER.match((event.findtext("text") or "").strip())
            if found:
                containers[found.group(1)] = found.group(2).strip() or f"container {found.group(1)}"
        events = root.find("events")
        for index, element in enumerate(events.findall("event") if events is not None else ()):
            where = self.where(element, f"events[{index}]")
            made = self.event(element, where, parents, containers, draft)
            if made is not None:
                draft.events.append(made)
        for index, element in enumerate(root.iter("era")):
            where = self.where(element, f"eras[{index}]")
            try:
                era = {"title": (element.findtext("name") or "").strip() or "Untitled era",
                       "start": self.date(element.findtext("start"), where)}
                end = self.date(element.findtext("end"), where)
                if end != era["start"]:
                    era["end"] = end
                draft.eras.append(era)
                if element.findtext("color"):
                    report.drop("era colours", element.findtext("color") or "", where)
            except Unreadable as error:
                report.warning(where, f"the era cannot be placed ({error}); it is left out")
        report.keep("events", len(draft.events))
        if draft.eras:
            report.keep("eras", len(draft.eras))
        if root.find("view") is not None:
            report.drop("the saved view (displayed period, hidden categories)")
        return draft

    def event(self, element, where, parents, containers, draft) -> dict | None:
        report = self.report
        text = (element.findtext("text") or "").strip()
        event: dict = {}
        container = _CONTAINER.match(text)
        inside = _SUBEVENT.match(text)
        if container:
            text = container.group(2).strip() or text
            add_tag(event, containers[container.group(1)])
            report.convert("containers kept as a tag of the container and its events",
                           shorten(text, 30), where)
        elif inside:
            text = inside.group(2).strip() or text
            add_tag(event, containers.get(inside.group(1), f"container {inside.group(1)}"))
        event["title"] = " ".join(text.split()) or "Untitled"

        def flag(name: str) -> bool:
            return (element.findtext(name) or "").strip() == "True"

        try:
            start = self.date(element.findtext("start"), where)
            end = self.date(element.findtext("end"), where)
        except Unreadable as error:
            report.warning(where, f"the event cannot be placed ({error}); it is kept undated")
            start = end = ""
        if start and end:
            approximate = flag("fuzzy")
            start_mark = "~" if approximate or flag("fuzzy_start") else ""
            end_mark = "~" if approximate or flag("fuzzy_end") else ""
            if start_mark or end_mark:
                report.convert("fuzzy dates written approximate (~)", event["title"], where)
            if flag("ends_today"):
                report.convert("'ends today' written as an ongoing span", event["title"], where)
                event["start"] = start + start_mark
            else:
                set_timing(event, Reading(date=start + start_mark),
                           Reading(date=end + end_mark) if end != start or end_mark != start_mark else None,
                           report, where)
        description = clean_text(element.findtext("description") or "", keep_lines=True)
        if description:
            event["summary"] = description
        category = (element.findtext("category") or "").strip()
        seen = set()
        while category and category not in seen:
            seen.add(category)
            add_tag(event, category)
            category = parents.get(category, "")
        if flag("milestone"):
            add_tag(event, "milestone")
        for link in (element.findtext("hyperlink") or "").split(";"):
            link = link.strip()
            if link:
                title, site = url_citation(link)
                add_source(event, draft.cite(title, url=link, publisher=site))
                report.convert("hyperlinks written as sources", shorten(link, 40), where)
        for name, what in (("icon", "icons"), ("alert", "alerts"), ("default_color", "event colours"),
                           ("progress", "progress")):
            value = (element.findtext(name) or "").strip()
            if value and value not in ("0", "0,0,0"):
                report.drop(what, shorten(value, 20), where)
        return event


class _TextFormat:
    """`EVENT:2009-10-5 14:31:35;2009-10-5 14:31:35;Text;Category;description:Hello`."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report

    def read(self, text: str) -> Draft:
        report = self.report
        report.format = "The Timeline Project text format (before 1.0)"
        draft = Draft()
        for number, line in enumerate(text.splitlines(), start=1):
            where = Where(number, 1, "")
            if line.startswith("CATEGORY:"):
                report.drop("category colours", shorten(line[9:], 40), where)
            elif line.startswith("PREFERRED-PERIOD:"):
                report.drop("the saved view (preferred period)", where=where)
            elif line.startswith("EVENT:"):
                draft.events.append(self.event(line[6:], where))
            elif line.strip() and not line.startswith("#"):
                report.warning(where, f"a line that is no EVENT or CATEGORY is left out: {shorten(line)!r}")
        if not draft.events and not text.lstrip().startswith("#"):
            raise SourceError("this is not a .timeline file: it has no <timeline> XML and no EVENT: lines")
        report.keep("events", len(draft.events))
        return draft

    def event(self, body: str, where: Where) -> dict:
        fields = body.split(";", 4)
        fields += [""] * (5 - len(fields))
        start, end, text, category, rest = fields
        event: dict = {"title": " ".join(text.split()) or "Untitled"}
        try:
            first = _XmlFormat(self.report, {}).date(start, where)
            last = _XmlFormat(self.report, {}).date(end, where)
            set_timing(event, Reading(date=first), Reading(date=last) if last != first else None,
                       self.report, where)
        except Unreadable as error:
            self.report.warning(where, f"the event cannot be placed ({error}); it is kept undated")
        if rest.startswith("description:"):
            summary = clean_text(rest[len("description:"):].replace("\\n", "\n"), keep_lines=True)
            if summary:
                event["summary"] = summary
        add_tag(event, category)
        return event
