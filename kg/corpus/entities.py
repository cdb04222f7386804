"""Entities across documents: one entity per key, with every form any document wrote it in,
and how many times and where the documents name it.

Linking gave every mention a stable key in its own document (``division:330102``, ``org:zju``,
``PROGRAM:最多跑一次改革``); documents agree on what a key names, so the corpus step only merges:
aliases are united, and for a form written in both scripts the Simplified tag wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from kg.extract.entity import Entity
from kg.run.result import DocumentResult, EntityRecord

SAMPLES = 3  # sentences kept per entity for the network view


@dataclass
class Usage:
    mentions: int = 0
    documents: set[str] = field(default_factory=set)
    samples: list[tuple[str, int, str]] = field(default_factory=list)  # (doc id, offset, sentence)


@dataclass
class CorpusEntities:
    entities: dict[str, Entity] = field(default_factory=dict)
    usage: dict[str, Usage] = field(default_factory=dict)

    def add(self, result: DocumentResult) -> None:
        for record in result.entities:
            self._merge(record)
        doc_id = result.record.doc_id
        for use in result.uses:
            usage = self.usage.setdefault(use.key, Usage())
            usage.mentions += use.mentions
            usage.documents.add(doc_id)
            usage.samples.extend((doc_id, start, text) for start, text in use.samples)
            # keep the first few by (document, offset): the same whatever order documents came in
            usage.samples.sort()
            del usage.samples[4 * SAMPLES:]

    def _merge(self, record: EntityRecord) -> None:
        entity = self.entities.get(record.key)
        if entity is None:
            entity = Entity(record.key, record.label, record.name, code=record.code, parent=record.parent or None,
                            level=record.level, until=record.until)
            self.entities[record.key] = entity
        for form, lang in record.aliases:
            if entity.aliases.get(form) != "zh":
                entity.aliases[form] = lang if form not in entity.aliases else min(lang, entity.aliases[form])

    def sorted_entities(self) -> list[Entity]:
        """The entities by key, each with its aliases in a stable order."""
        out = []
        for key in sorted(self.entities):
            entity = self.entities[key]
            entity.aliases = dict(sorted(entity.aliases.items()))
            out.append(entity)
        return out


def merge(results: Iterable[DocumentResult]) -> CorpusEntities:
    merged = CorpusEntities()
    for result in results:
        merged.add(result)
    return merged
