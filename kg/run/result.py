"""What the work on one document gives: plain, frozen, picklable records.

A ``DocumentResult`` is all the corpus step and the outputs need of a document, and nothing that
ties it to the process that made it (no spaCy Doc, no ``Document`` with its text maps, no shared
mutable entities): it can come from a worker process, a Dask worker or the cache on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    source: str  # file name as given
    sha256: str
    title: str
    kind: str
    area: str
    script: str
    chars: int


@dataclass(frozen=True)
class EntityRecord:
    """An entity as one document names it; records of one key agree on all but ``aliases``."""

    key: str
    label: str
    name: str
    aliases: tuple[tuple[str, str], ...]  # (form as written, language tag), sorted
    code: str = ""
    parent: str = ""  # key of the enclosing district
    level: str = ""
    until: str = ""


@dataclass(frozen=True)
class EntityUse:
    """How often one document names an entity, and the first few sentences it is named in."""

    key: str
    mentions: int
    samples: tuple[tuple[int, str], ...]  # (offset in the source file, sentence text)


@dataclass(frozen=True)
class RelationRecord:
    subject: str  # entity key
    predicate: str  # "locatedIn" | "implements"
    object: str


@dataclass(frozen=True)
class DuplicatePrint:
    """What near-duplicate detection needs of a document (kg.corpus.dedup): its masks and a
    fixed sample of its character shingles' hashes."""

    masks: int
    size: int  # distinct shingles
    sampled: frozenset[int]
    signature: tuple[int, ...] = ()  # MinHash of ``sampled`` (kg.ingest.dedup.signature)


@dataclass(frozen=True)
class DocumentResult:
    record: DocumentRecord
    entities: tuple[EntityRecord, ...]
    uses: tuple[EntityUse, ...]
    relations: tuple[RelationRecord, ...]
    # Each sentence naming two or more entities: their keys, in the order they are named.
    sentences: tuple[tuple[str, ...], ...]
    print: DuplicatePrint
    graph: str  # the document's named graph: N-Triples lines, sorted
    triples: int
    violations: tuple[str, ...] = ()  # how the graph fails the ontology's shapes, if it does


@dataclass(frozen=True)
class Failure:
    """A source that gave no result, and why (the message names the file)."""

    source: str
    message: str
    crashed: bool = False  # an unexpected error in the worker, not a bad input


@dataclass(frozen=True)
class Source:
    """A file to build, as a worker gets it: its name and its bytes (workers may not share the
    builder's disk)."""

    name: str
    data: bytes
    sha256: str


Outcome = Union[DocumentResult, Failure]  # what the work on one source gives
