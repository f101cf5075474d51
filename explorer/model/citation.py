"""An event's citation: its title, its date in words (and as written), and its sources as a
numbered reference list, in plain text and in HTML with the sources' addresses as links.
Pure text building, for the copy actions of the details pane and the timeline."""

from __future__ import annotations

from html import escape

from explorer.model.dataset import Dataset
from explorer.model.entities import Event, Source


def _reference(source: Source) -> list[str]:
    bits = [source.title]
    if source.publisher:
        bits.append(source.publisher)
    if source.date is not None:
        bits.append(source.date.words())
    if source.retrieved is not None:
        bits.append(f"Retrieved {source.retrieved.words()}")
    if source.note:
        bits.append(source.note)
    return bits


def _sources(dataset: Dataset, event: Event) -> list[Source]:
    return [dataset.sources[s] for s in event.sources if s in dataset.sources]


def _when(event: Event) -> str:
    written = event.when_text()
    return f"{event.when_words()} ({written})" if written else event.when_words()


def citation_text(dataset: Dataset, event: Event) -> str:
    """"Title. Date in words (EDTF)." then "Sources:" and one numbered line per source."""
    lines = [f"{event.title}. {_when(event)}."]
    sources = _sources(dataset, event)
    if sources:
        lines.append("Sources:")
        for number, source in enumerate(sources, start=1):
            reference = ". ".join(_reference(source)).rstrip(".") + "."
            lines.append(f"{number}. {reference}" + (f" {source.url}" if source.url else ""))
    return "\n".join(lines)


def citation_html(dataset: Dataset, event: Event) -> str:
    """The same citation as HTML: the source titles with an address are links."""
    parts = [f"<p><b>{escape(event.title)}</b>. {escape(_when(event))}.</p>"]
    sources = _sources(dataset, event)
    if sources:
        items = []
        for source in sources:
            bits = _reference(source)
            title = escape(bits[0])
            if source.url:
                title = f'<a href="{escape(source.url, quote=True)}">{title}</a>'
            rest = "".join(f". {escape(bit)}" for bit in bits[1:])
            items.append(f"<li>{title}{rest}.</li>")
        parts.append(f"<p>Sources:</p><ol>{''.join(items)}</ol>")
    return "".join(parts)
