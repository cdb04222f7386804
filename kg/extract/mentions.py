"""Entity mentions: the spaCy Doc's entities mapped back onto the original text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from kg.ingest.model import Document


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the normalized text
    end: int
    start_src: int  # offsets into the original source text
    end_src: int
    label: str
    text: str  # normalized (Simplified) text of the mention
    source_text: str  # as written in the source
    rule: str  # the rule or gazetteer entry that found it
    entry: Optional[str]  # gazetteer entry id, when a gazetteer found it
    sentence: Optional[int]  # index into Document.sentences


def mentions(document: Document, doc: Doc, offset: Optional[int] = None) -> list[Mention]:
    """The entities of ``doc``, made from the document's whole text or, with ``offset``, from the
    piece of it that begins there (kg.extract.pieces)."""
    made_from = document.text if offset is None else document.text[offset : offset + len(doc.text)]
    if doc.text != made_from:
        raise ValueError(f"{document.doc_id}: the spaCy Doc was not made from this document's text")
    shift = offset or 0
    sentence_starts = [s.start for s in document.sentences]
    found = []
    for ent in doc.ents:
        start, end = ent.start_char + shift, ent.end_char + shift
        start_src, end_src = document.to_source(start, end)
        found.append(Mention(
            start=start,
            end=end,
            start_src=start_src,
            end_src=end_src,
            label=ent.label_,
            text=ent.text,
            source_text=document.original[start_src:end_src],
            rule=ent.id_,
            entry=ent.kb_id_ or None,
            sentence=_sentence_of(document, sentence_starts, start),
        ))
    return found


def _sentence_of(document: Document, starts: list[int], pos: int) -> Optional[int]:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos < document.sentences[i].end:
        return i
    return None
