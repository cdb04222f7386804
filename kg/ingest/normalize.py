"""Normalized text for NLP, built from the source text through exact offset maps.

Passes, each a ``MappedText`` composed onto the one before:
1. characters: drop removed stretches, CRLF to LF, no-break/ideographic spaces to spaces,
   zero-width characters out, full-width digits and Latin letters to half-width;
2. punctuation: ASCII ``,:;!?()`` inside Chinese text to their full-width forms, and corner
   brackets ``「」『』`` (Traditional and Hong Kong usage) to ``“”‘’``, so rules and the
   segmenter see one convention whatever the page used;
3. lines broken mid-sentence joined again;
4. Traditional script to Simplified through OpenCC, for Traditional documents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Iterable, Literal

from kg.ingest.mapped import MappedBuilder, MappedText

Script = Literal["zh-Hans", "zh-Hant"]

_SPACES = {"\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " "}
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_CORNER_QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’"}
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
# A bracketed aside with Chinese in it: ``(滨江)``, ``(2020年4月26日在…会议上)``.
_PAREN_RE = re.compile(rf"\(([^()\n]*[{_CJK}][^()\n]*)\)")
# A line that ends a sentence, clause list or quotation does not continue on the next line.
_LINE_END = tuple("。！？!?；;：:…”’」』）)】》>")
# Used with .match(text, pos), which anchors it: a "^" would never match past 0.
_HEADING_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]\D|第[一二三四五六七八九十\d]+[章节部分篇条])")
_CLAUSE_MARKS = re.compile(r"[，、,；]")
_INDENT = re.compile(r"[ \t]*")
# Under this share of characters changed by t2s a text is Simplified: a few t2s changes are
# variant forms that Simplified texts use too.
_TRADITIONAL_SHARE = 0.02


def normalize(source: MappedText, removed: Iterable[tuple[int, int]] = ()) -> tuple[MappedText, Script]:
    """Normalize ``source.text``, leaving out ``removed`` spans (offsets into ``source.text``)."""
    text = source
    text = text.compose(_characters(text.text, sorted(removed)))
    text = text.compose(_punctuation(text.text))
    text = text.compose(_join_broken_lines(text.text))
    script = detect_script(text.text)
    if script == "zh-Hant":
        text = text.compose(_to_simplified(text.text))
    return text, script


def _characters(text: str, removed: list[tuple[int, int]]) -> MappedText:
    out = MappedBuilder(len(text))
    cuts = iter(removed + [(len(text), len(text))])
    cut_start, cut_end = next(cuts)
    # text[run:i] is copied as it is, in one piece: a piece per character would cost an object
    # per character, a hundred bytes each on a long document.
    i = run = 0
    while i < len(text):
        if i >= cut_start:
            out.keep(text, run, i)
            i = run = max(i, cut_end)
            cut_start, cut_end = next(cuts)
            continue
        ch = text[i]
        if ch == "\r":
            end = i + 2 if text.startswith("\r\n", i) else i + 1
            out.keep(text, run, i)
            out.replace("\n", i, end)
            i = run = end
            continue
        if ch in _DROP:
            new = ""
        elif ch in _SPACES:
            new = _SPACES[ch]
        elif "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a":
            new = chr(ord(ch) - 0xFEE0)
        else:
            i += 1
            continue
        out.keep(text, run, i)
        out.replace(new, i, i + 1)
        i = run = i + 1
    out.keep(text, run, len(text))
    return out.build()


def _punctuation(text: str) -> MappedText:
    swaps: dict[int, str] = {}
    for m in _PAREN_RE.finditer(text):
        swaps[m.start()] = "（"
        swaps[m.end() - 1] = "）"
    for i, ch in enumerate(text):
        if ch in _TO_FULL and (_is_cjk(text, i - 1) or _is_cjk(text, i + 1)):
            swaps[i] = _TO_FULL[ch]
        elif ch in _CORNER_QUOTES:
            swaps[i] = _CORNER_QUOTES[ch]
    out = MappedBuilder(len(text))
    pos = 0
    for i in sorted(swaps):
        out.keep(text, pos, i)
        out.replace(swaps[i], i, i + 1)
        pos = i + 1
    out.keep(text, pos, len(text))
    return out.build()


def _is_cjk(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (bool(_CJK_RE.match(text[i])) or text[i] in "“”‘’")


def _join_broken_lines(text: str) -> MappedText:
    """Drop the line break (and blank lines) inside a sentence that a line wrap cut in two."""
    out = MappedBuilder(len(text))
    pos = 0
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    for (start, end), (next_start, _) in zip(lines, lines[1:]):
        line = text[start:end].rstrip()
        # Offsets into the text, not a copy of the rest of it for every line (quadratic).
        if _continues(line, text, next_start):
            cut_from = start + len(line)
            out.keep(text, pos, cut_from)
            pos = _INDENT.match(text, next_start).end()
    out.keep(text, pos, len(text))
    return out.build()


def _continues(line: str, text: str, following: int) -> bool:
    """Whether ``line`` runs on into the line that begins at ``text[following]``."""
    if not line or line.endswith(_LINE_END) or _HEADING_RE.match(text, following):
        return False
    if _HEADING_RE.match(line) and "。" not in line:
        return False  # a heading alone on its line; one that runs on into prose can still wrap
    # Only prose wraps: a title, a name or a dateline on its own line has no clause marks.
    return bool(_CLAUSE_MARKS.search(line))


def detect_script(text: str) -> Script:
    # The first 20,000 CJK characters, without a list of them all on a long document.
    sample = "".join(m.group() for m in islice(_CJK_RE.finditer(text), 20000))
    if not sample:
        return "zh-Hans"
    changed = sum(1 for a, b in zip(sample, _t2s().convert(sample)) if a != b)
    return "zh-Hant" if changed / len(sample) > _TRADITIONAL_SHARE else "zh-Hans"


def _to_simplified(text: str) -> MappedText:
    """Convert line by line so a rare length change stays local; fall back to single characters."""
    out = MappedBuilder(len(text))
    converter = _t2s()
    for m in re.finditer(r"[^\n]*\n?", text):
        line = m.group(0)
        if not line:
            continue
        converted = converter.convert(line)
        if len(converted) == len(line):
            for k, ch in enumerate(converted):
                out.replace(ch, m.start() + k, m.start() + k + 1)
        else:
            for k, ch in enumerate(line):
                single = converter.convert(ch)
                out.replace(single if len(single) == 1 else ch, m.start() + k, m.start() + k + 1)
    return out.build()


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # deferred: loading the dictionaries is the slow part of ingestion

    return opencc.OpenCC("t2s")
