"""The unit of work: one source file in, its ``DocumentResult`` out.

``process_source`` is a pure function of the file (its name and bytes) and the loaded
``Resources``: ingestion, recognition, linking, relations, numbers and events, the document's
named graph, checked against the ontology's shapes and serialized. It reads no other file and
writes nothing, so a process pool, a Dask worker or a plain loop can run it, and its result can
be cached by the file's content.
"""

from __future__ import annotations

from collections import defaultdict

from kg.extract.entities import Entity
from kg.extract.facts import DocumentFacts, document_facts
from kg.graph.documents import add_document
from kg.graph.entities import add_entities
from kg.graph.lines import Lines
from kg.graph.provenance import add_provenance
from kg.ingest.dedup import fingerprint as duplicate_print
from kg.ingest.dedup import signature
from kg.ingest.document import ingest_source
from kg.ingest.model import Document
from kg.ingest.read import read_bytes
from kg.run.resources import PREFIX_PAIRS, Resources
from kg.run.result import DocumentRecord, DocumentResult, DuplicatePrint, EntityRecord, EntityUse, RelationRecord, Source

SAMPLES_PER_ENTITY = 3  # sentences kept per entity and document, for the network view


def process_source(source: Source, resources: Resources) -> DocumentResult:
    """The result of one source file; raises ``InputError`` for a file that cannot be used."""
    document = ingest_source(read_bytes(source.name, source.data))
    linker = resources.linker.fresh()
    facts = document_facts(document, resources.annotate, linker, resources.relation_rules)
    graph = Lines()
    add_document(graph, document, resources.iris)
    add_provenance(graph, facts, linker.entities, resources.iris)
    # The graph is checked with the descriptions of the entities it names, which the shapes'
    # sh:class constraints need and which the corpus step writes to the entities graph.
    described = Lines()
    add_entities(described, linker.entities, resources.iris)
    report = resources.validator.check_triples([*graph, *described], PREFIX_PAIRS)
    return DocumentResult(
        record=_record(document),
        entities=tuple(_entity_record(e) for _, e in sorted(linker.entities.items())),
        uses=_uses(document, facts),
        relations=tuple(sorted({RelationRecord(r.subject, r.predicate, r.object) for r in facts.relations},
                               key=lambda r: (r.subject, r.predicate, r.object))),
        sentences=_sentences(facts),
        print=_print(document),
        graph=graph.sorted_text(),
        triples=len(graph),
        violations=tuple(v.describe() for v in report.violations if v.severity == "Violation"),
    )


def _record(document: Document) -> DocumentRecord:
    meta = document.meta
    return DocumentRecord(
        doc_id=document.doc_id,
        source=document.path.replace("\\", "/").rsplit("/", 1)[-1],
        sha256=document.sha256,
        title=meta.title or "",
        kind=meta.kind or "",
        area=meta.area or "",
        script=meta.script,
        chars=len(document.text),
    )


def _entity_record(entity: Entity) -> EntityRecord:
    return EntityRecord(
        key=entity.key,
        label=entity.label,
        name=entity.name,
        aliases=tuple(sorted(entity.aliases.items())),
        code=entity.code,
        parent=entity.parent or "",
        level=entity.level,
        until=entity.until,
    )


def _uses(document: Document, facts: DocumentFacts) -> tuple[EntityUse, ...]:
    counts: dict[str, int] = defaultdict(int)
    samples: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for mention, entity in facts.linked:
        counts[entity.key] += 1
        kept = samples[entity.key]
        if mention.sentence is not None and len(kept) < SAMPLES_PER_ENTITY:
            sent = document.sentences[mention.sentence]
            start, end = document.to_source(sent.start, sent.end)
            text = document.original[start:end]
            if all(text != t for _, t in kept):
                kept.append((mention.start_src, text))
    return tuple(EntityUse(key, counts[key], tuple(samples[key])) for key in sorted(counts))


def _sentences(facts: DocumentFacts) -> tuple[tuple[str, ...], ...]:
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for mention, entity in facts.linked:
        if mention.sentence is not None and entity.key not in by_sentence[mention.sentence]:
            by_sentence[mention.sentence].append(entity.key)
    return tuple(tuple(keys) for _, keys in sorted(by_sentence.items()) if len(keys) > 1)


def _print(document: Document) -> DuplicatePrint:
    found = duplicate_print(document.doc_id, document.text)
    return DuplicatePrint(masks=found.masks, size=found.size, sampled=found.sampled, signature=signature(found.sampled))
