"""HTML as plain text with its links kept: paragraphs become blank lines, `<a href>` becomes
"text (address)", entities become characters, scripts and styles go."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset("p div blockquote ul ol table tr h1 h2 h3 h4 h5 h6 section article header footer".split())
_LINE_BREAKS = frozenset(("br", "li", "hr"))
_SKIPPED = frozenset(("script", "style", "head", "title", "iframe", "noscript"))
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
# Characters no text keeps (line breaks are handled apart).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def has_html(text: str) -> bool:
    """Whether `text` holds tags or character references."""
    return ("<" in text or "&" in text) and bool(_LOOKS_LIKE_HTML.search(text))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.links: list[tuple[str, int]] = []  # (href, where its text starts in parts)

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _LINE_BREAKS:
            self.parts.append("\n")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append((href.strip(), len(self.parts)))

    def handle_startendtag(self, tag, attrs):
        if tag in _LINE_BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.parts[start:]).strip()
            if href.lower().startswith(("http://", "https://", "mailto:")) and href not in label:
                self.parts.append(f" ({href})" if label else href)

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """Plain text of an HTML fragment: whitespace runs made one space, paragraphs kept apart
    by one blank line, links written after their text."""
    if not has_html(text):
        return clean_text(text)
    parser = _Text()
    parser.feed(text)
    parser.close()
    return clean_text("".join(parser.parts))


def clean_text(text: str, keep_lines: bool = False) -> str:
    """Text with runs of spaces made one, control characters gone, lines trimmed and at most
    one blank line between paragraphs; the lines of a paragraph joined, unless `keep_lines`."""
    if text.isprintable() and "  " not in text and "\u00a0" not in text:  # most cells
        return text.strip()
    text = _CONTROL.sub("", text)
    if "\n" not in text and "\r" not in text:  # one line
        return _SPACES.sub(" ", text).strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch == "\n" or ch.isprintable() or ch == "\t")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(("\n" if keep_lines else " ").join(current))
            current = []
    if current:
        paragraphs.append(("\n" if keep_lines else " ").join(current))
    return "\n\n".join(paragraphs)


def one_line(text: str) -> str:
    """Text for a title: HTML removed and on one line."""
    if not has_html(text) and text.isprintable():
        return " ".join(text.split())
    return " ".join(html_to_text(text).split())


def title_from_text(text: str, limit: int = 80) -> str:
    """A title taken from the start of a text: its first sentence, cut at a word near
    `limit` characters with an ellipsis."""
    flat = one_line(text)
    sentence = re.match(r".+?[.!?](?=\s|$)", flat)
    first = sentence.group() if sentence else flat
    if len(first) <= limit:
        return first.rstrip(".") if first.endswith(".") and not first.endswith("..") else first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
