"""The facts stage's entry point: plain facts (entities, mentions, relations) for a corpus."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities import Entity, Linker, link_all
from kg.extract.events import EventFact, project_events
from kg.extract.numbers import ObservationFact, observations
from kg.extract.mentions import Mention, mentions
from kg.extract.pieces import PIECE_CHARS, pieces
from kg.extract.relations import Relation, RelationRule, co_mentions, relations
from kg.ingest.model import Document
from kg.nlp.pipeline import annotate as run_pipeline

Annotate = Callable[[str, str], Doc]  # (text, home division code) -> Doc with entities


def pipeline_annotate(nlp: Language) -> Annotate:
    """The annotate call of the build: the whole pipeline over a document's text and home."""
    return lambda text, home: run_pipeline(nlp, text, home)


def pipeline_linker(nlp: Language) -> Linker:
    """A linker over the pipeline's own gazetteer, which also gives each document's home."""
    return Linker(nlp.get_pipe("kg_entity_rules").rules.gazetteer)


def document_mentions(document: Document, annotate: Annotate, linker: Linker, piece_chars: int = PIECE_CHARS) -> list[Mention]:
    """One document's entity mentions, with offsets into its source file: the pipeline run over
    the normalized text, with the division of the document's own area as home. `kg build` and
    `kg eval`/`kg extract` both come through here, so a passage is recognized as the build
    recognizes it. A long document is run a piece at a time (kg.extract.pieces), and each
    piece's spaCy Doc is let go before the next is made."""
    home = linker.area_code(document.meta.area)
    found: list[Mention] = []
    for start, end in pieces(document, piece_chars):
        found.extend(mentions(document, annotate(document.text[start:end], home), start))
    return found


@dataclass
class DocumentFacts:
    document: Document
    linked: list[tuple[Mention, Entity]]
    relations: list[Relation]
    # Observations whose area and year are known, with the area; events with their project.
    observations: list[tuple[ObservationFact, Entity]] = field(default_factory=list)
    events: list[tuple[EventFact, Entity]] = field(default_factory=list)


@dataclass
class Facts:
    documents: list[DocumentFacts] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    co_mentions: Counter = field(default_factory=Counter)


def extract_facts(
    docs: Sequence[Document],
    annotate: Annotate,
    linker: Linker,
    rules: Sequence[RelationRule],
    on_document: Optional[Callable[[Document], None]] = None,
) -> Facts:
    facts = Facts()
    for document in docs:
        if on_document:
            on_document(document)
        facts.documents.append(document_facts(document, annotate, linker, rules))
    facts.entities = linker.entities
    facts.co_mentions = co_mentions(d.linked for d in facts.documents)
    return facts


def document_facts(document: Document, annotate: Annotate, linker: Linker, rules: Sequence[RelationRule]) -> DocumentFacts:
    """One document's facts; the entities they name are added to ``linker.entities``."""
    linked = link_all(linker, document_mentions(document, annotate, linker), document.meta.script, document.meta.area)
    found = DocumentFacts(document, linked, relations(document, linked, linker, rules))
    found.observations = _placed_observations(document, linker)
    found.events = [(e, linker.entities[e.project]) for e in project_events(document, linked) if e.period is not None]
    return found


def _placed_observations(document: Document, linker: Linker) -> list[tuple[ObservationFact, Entity]]:
    """Observations with their area as an entity: 全市/全区 (``home``) is the document's own area,
    全国/我国 the country."""
    home = linker.place(document.meta.area)
    placed = []
    for obs in observations(document):
        if obs.area == "home":
            area = home
        elif obs.area == "country":
            area = linker.country()
        else:
            area = linker.place(obs.area)
        if area is not None and obs.period is not None:
            placed.append((obs, area))
    return placed
