"""Gold passages (``../shared/gold``-style JSONL), their documents, folds, and training examples.

A row is ``{"id", "source"?, "offset"?, "text", "entities": [[start, end, LABEL], ...]}`` with
code-point offsets into ``text``; a label starting with ``?`` is optional (ANNOTATION.md). A row
may be kept by reference instead (``source``, ``offset`` and ``length``, no ``text``; the held-out
and training gold in ``bench/gold/``): its text is read from the source file, found in the given
folders, as the build reads it. The document of a row is its ``source``, else the part of its
``id`` before ``:``.

An example pairs the Doc the learned component sees at run time (``text`` normalized as
``kg eval`` does, segmented, the rules run on it) with a reference Doc of the same text, one
token per character so every gold span fits: the required gold spans are its entities, the
optional ones are marked missing (unknown to the NER) and kept in the span group OPTIONAL_KEY
(no loss for the refiner).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from kg.errors import InputError
from kg.ingest.document import ingest_file, ingest_text
from kg.ingest.model import Document
from kg.nlp.learned.refiner import OPTIONAL_KEY
from kg.resources.datafiles import input_rows

GoldSpan = tuple[int, int, str]


@dataclass(frozen=True)
class GoldPassage:
    id: str
    document: str
    text: str
    entities: tuple[GoldSpan, ...]
    file: str = ""  # the gold file it came from


def read_gold(path: str | Path, sources: Sequence[Path] = ()) -> list[GoldPassage]:
    """The passages of a gold file; rows kept by reference are read from their source file in
    ``sources`` (InputError when it is not there or too short)."""
    path = Path(path)
    passages = []
    originals: dict[str, str] = {}
    for lineno, row in input_rows(path, by_reference=True):
        text = row.get("text")
        if text is None:
            text = _source_text(row, sources, originals)
            if text is None:
                where = ", ".join(str(f) for f in sources) or "no folder"
                raise InputError(str(path), f"line {lineno}: its source {row['source']} is not found or too short (looked in {where})")
        try:
            entities = tuple((int(s), int(e), str(label)) for s, e, label in row.get("entities", []))
        except (ValueError, TypeError) as err:
            raise InputError(str(path), f"line {lineno} is not a gold row ({err})") from None
        row_id = str(row["id"])
        document = str(row.get("source") or row_id.split(":", 1)[0])
        passages.append(GoldPassage(row_id, document, text, entities, path.name))
    return passages


def _source_text(row: dict, sources: Sequence[Path], originals: dict[str, str]) -> Optional[str]:
    name, offset, length = row["source"], row["offset"], row["length"]
    if name not in originals:
        found = next((Path(folder) / name for folder in sources if (Path(folder) / name).is_file()), None)
        if found is None:
            return None
        originals[name] = ingest_file(found).original
    original = originals[name]
    return original[offset : offset + length] if offset + length <= len(original) else None


def document_folds(passages: Sequence[GoldPassage], k: int) -> dict[str, int]:
    """Each document's fold, 0..k-1: documents by number of passages, most first (then by name),
    each to the fold with fewest passages so far (the lowest on ties). Deterministic."""
    counts: dict[str, int] = {}
    for p in passages:
        counts[p.document] = counts.get(p.document, 0) + 1
    sizes = [0] * k
    folds = {}
    for document in sorted(counts, key=lambda d: (-counts[d], d)):
        fold = min(range(k), key=lambda i: (sizes[i], i))
        folds[document] = fold
        sizes[fold] += counts[document]
    return folds


@dataclass
class Prepared:
    passage: GoldPassage
    document: Document  # the passage ingested as kg eval does (normalized text, offsets map)
    predicted: Doc  # segmented, rules run: what the learned component sees
    reference: Doc  # one token per character, gold entities

    def example(self, keep_entities: bool = True) -> Example:
        predicted = self.predicted.copy()
        if not keep_entities:
            predicted.set_ents([], default="missing")
        return Example(predicted, self.reference)

    def to_source(self, spans: Iterable[tuple[int, int, str]]) -> list[GoldSpan]:
        return [(*self.document.to_source(s, e), label) for s, e, label in spans]


def run_until(nlp: Language, text: str, stop: Optional[str] = None) -> Doc:
    """``nlp`` on ``text``, leaving out component ``stop`` and all after it."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == stop:
            break
        doc = component(doc)
    return doc


def prepare(nlp: Language, passages: Iterable[GoldPassage], stop: Optional[str] = None) -> list[Prepared]:
    """Examples for ``passages``: the predicted Doc is ``nlp`` run up to (not including) ``stop``."""
    out = []
    for p in passages:
        document = ingest_text(p.text, p.id, strip_boilerplate=False)
        predicted = run_until(nlp, document.text, stop)
        out.append(Prepared(p, document, predicted, reference_doc(nlp, document, p.entities)))
    return out


def reference_doc(nlp: Language, document: Document, entities: Iterable[GoldSpan]) -> Doc:
    text = document.text
    doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
    required: list[Span] = []
    optional: list[Span] = []
    for start, end, label in entities:
        span = _to_normalized(document, start, end)
        if span is None:
            continue
        optional_label = label.startswith("?")
        (optional if optional_label else required).append(Span(doc, span[0], span[1], label=label.lstrip("?")))
    required = filter_spans(required)
    taken = {i for s in required for i in range(s.start, s.end)}
    missing = filter_spans([s for s in optional if not any(i in taken for i in range(s.start, s.end))])
    doc.set_ents(required, missing=missing, default="outside")
    doc.spans[OPTIONAL_KEY] = optional
    return doc


def _to_normalized(document: Document, start: int, end: int) -> Optional[tuple[int, int]]:
    """The normalized characters standing for source characters ``start:end``."""
    norm = document.norm
    lo = bisect.bisect_left(norm.starts, start)
    hi = bisect.bisect_right(norm.ends, end)
    return (lo, hi) if lo < hi else None
