"""The corpus step over the documents' results, in time linear (or n·log n) in their number."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from kg.corpus import comentions
from kg.corpus.dedup import Duplicate, find_duplicates
from kg.corpus.entities import CorpusEntities, merge
from kg.run.result import DocumentResult, RelationRecord


@dataclass
class CorpusFacts:
    duplicates: dict[str, Duplicate]  # by the copy's document id
    entities: CorpusEntities
    co_mentions: Counter  # (key, key) sorted -> sentences naming both
    relations: list[RelationRecord]  # every relation any document asserts, once, sorted


def corpus_step(results: Sequence[DocumentResult]) -> CorpusFacts:
    """``results`` in any order; the same results give the same facts."""
    results = sorted(results, key=lambda r: r.record.doc_id)
    duplicates = {d.doc_id: d for d in find_duplicates([(r.record.doc_id, r.print) for r in results])}
    originals = [r for r in results if r.record.doc_id not in duplicates]
    relations = sorted({rel for r in results for rel in r.relations}, key=lambda r: (r.subject, r.predicate, r.object))
    return CorpusFacts(
        duplicates=duplicates,
        entities=merge(results),
        co_mentions=comentions.count(r.sentences for r in originals),
        relations=relations,
    )
