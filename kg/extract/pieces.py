"""Long documents go through the pipeline in pieces.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and one Doc of
a whole long report holds every token at once. A document longer than ``PIECE_CHARS`` is cut
into consecutive pieces that tile its normalized text, so each piece's offsets shift back
exactly; a document that fits is one piece, annotated as a whole as before.
"""

from __future__ import annotations

import bisect
from typing import Optional, Sequence

from kg.ingest.model import Document

# Above every document of the corpus (the longest is ~170,000 characters), far below spaCy's limit.
PIECE_CHARS = 200_000
# A sentence longer than a piece is cut after a clause mark or space among its last characters.
_HARD_CUT_WINDOW = 1_000
_HARD_CUT_AFTER = "，、；：,;: \n"


def pieces(document: Document, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` tiling ``document.text``, each at most ``size`` characters, cut
    where a paragraph begins, else where a sentence begins, else after a clause mark."""
    text = document.text
    paragraph_starts = [p.start for p in document.paragraphs]
    sentence_starts = [s.start for s in document.sentences]
    spans = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = _last_within(paragraph_starts, start, limit) or _last_within(sentence_starts, start, limit) or _hard_cut(text, start, limit)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _last_within(starts: Sequence[int], low: int, high: int) -> Optional[int]:
    """The last of the sorted ``starts`` in ``(low, high]``."""
    i = bisect.bisect_right(starts, high) - 1
    return starts[i] if i >= 0 and starts[i] > low else None


def _hard_cut(text: str, start: int, limit: int) -> int:
    window = max(start + 1, limit - _HARD_CUT_WINDOW)
    after = max(text.rfind(mark, window, limit) for mark in _HARD_CUT_AFTER)
    return after + 1 if after >= 0 else limit
