"""Visible text of an HTML page, each character mapped to its place in the markup."""

from __future__ import annotations

import html
import re

from kg.ingest.mapped import MappedBuilder, MappedText

# Elements whose content is never shown as text.
_HIDDEN = ("script", "style", "noscript", "template", "head", "svg")
# Elements that start a new line of text when rendered.
_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer form h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table td th tr ul title".split()
)
_HIDDEN_RE = re.compile(r"<(%s)\b[^>]*>.*?</\1\s*>" % "|".join(_HIDDEN), re.S | re.I)
_TOKEN_RE = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?\?>|</?([a-zA-Z][\w:-]*)[^>]*>|&#?\w+;", re.S)


def html_to_text(source: str) -> MappedText:
    builder = MappedBuilder(len(source))
    hidden = [(m.start(), m.end()) for m in _HIDDEN_RE.finditer(source)]
    pos = 0
    for start, end in hidden + [(len(source), len(source))]:
        _visible(source, pos, start, builder)
        pos = end
    return builder.build()


def _visible(source: str, start: int, end: int, builder: MappedBuilder) -> None:
    pos = start
    for match in _TOKEN_RE.finditer(source, start, end):
        _text(source, pos, match.start(), builder)
        token = match.group(0)
        if token.startswith("&"):
            builder.replace(html.unescape(token), match.start(), match.end())
        elif match.group(1) and match.group(1).lower() in _BLOCK:
            builder.replace("\n", match.start(), match.end())
        pos = match.end()
    _text(source, pos, end, builder)


def _text(source: str, start: int, end: int, builder: MappedBuilder) -> None:
    """Markup whitespace collapses to one space; keep the rest character for character."""
    pos = start
    for ws in re.finditer(r"\s+", source[start:end]):
        s, e = start + ws.start(), start + ws.end()
        builder.keep(source, pos, s)
        builder.replace(" ", s, e)
        pos = e
    builder.keep(source, pos, end)
