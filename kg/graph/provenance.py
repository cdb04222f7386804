"""A document's named graph: where each entity is named, the sentences, the relations read from
them (each once as a plain triple and once as a ``pol:Assertion`` with its source), and the
observations and project events."""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.extract.facts import DocumentFacts
from kg.graph.entities import entity_iri
from kg.graph.iris import Iris
from kg.graph.namespace import POL
from kg.graph.observations import add_events, add_observations
from kg.ingest.model import Document

PREDICATES = {"locatedIn": POL.locatedIn, "implements": POL.implements}


def add_provenance(graph: Graph, facts: DocumentFacts, entities: dict, iris: Iris) -> None:
    document = facts.document
    doc_node = iris.document(document.doc_id)
    sentences: dict[int, URIRef] = {}

    def sentence(index):
        if index is None:
            return None
        if index not in sentences:
            sentences[index] = _add_sentence(graph, document, index, iris)
        return sentences[index]

    for mention, entity in facts.linked:
        node = iris.document_part(document.doc_id, "mention", mention.start_src, mention.end_src)
        target = entity_iri(iris, entity)
        graph.add((node, RDF.type, POL.Mention))
        graph.add((node, POL.refersTo, target))
        graph.add((node, POL.inDocument, doc_node))
        graph.add((node, POL.start, Literal(mention.start_src)))
        graph.add((node, POL.end, Literal(mention.end_src)))
        graph.add((node, POL.text, Literal(mention.source_text, lang=document.meta.script if document.meta.script == "zh-Hant" else "zh")))
        graph.add((node, POL.rule, Literal(mention.rule)))
        if (s := sentence(mention.sentence)) is not None:
            graph.add((node, POL.sentence, s))
        graph.add((target, POL.mentionedIn, doc_node))

    add_observations(graph, facts, iris, sentence, lambda entity: entity_iri(iris, entity))
    add_events(graph, facts, iris, sentence, lambda entity: entity_iri(iris, entity))

    for relation in facts.relations:
        subject = entity_iri(iris, entities[relation.subject])
        obj = entity_iri(iris, entities[relation.object])
        predicate = PREDICATES[relation.predicate]
        graph.add((subject, predicate, obj))
        node = _assertion_node(iris, document, relation)
        graph.add((node, RDF.type, POL.Assertion))
        graph.add((node, RDF.subject, subject))
        graph.add((node, RDF.predicate, predicate))
        graph.add((node, RDF.object, obj))
        graph.add((node, PROV.wasDerivedFrom, doc_node))
        graph.add((node, POL.rule, Literal(relation.rule)))
        if (s := sentence(relation.sentence)) is not None:
            graph.add((node, POL.sentence, s))


def _assertion_node(iris: Iris, document: Document, relation) -> URIRef:
    """An assertion is named by where it was read (its sentence, or the whole document for the
    document-wide rules) and what it says: a digest of its ends, predicate and rule."""
    if relation.sentence is not None:
        sent = document.sentences[relation.sentence]
        start, end = document.to_source(sent.start, sent.end)
    else:
        start, end = 0, len(document.original)
    said = f"{relation.subject}\n{relation.predicate}\n{relation.object}\n{relation.rule}"
    return iris.document_part(document.doc_id, "assertion", start, end, hashlib.sha256(said.encode("utf-8")).hexdigest()[:12])


def _add_sentence(graph: Graph, document: Document, index: int, iris: Iris) -> URIRef:
    sent = document.sentences[index]
    start, end = document.to_source(sent.start, sent.end)
    node = iris.document_part(document.doc_id, "sentence", start, end)
    graph.add((node, RDF.type, POL.Sentence))
    graph.add((node, POL.inDocument, iris.document(document.doc_id)))
    graph.add((node, POL.start, Literal(start)))
    graph.add((node, POL.end, Literal(end)))
    lang = "zh-Hant" if document.meta.script == "zh-Hant" else "zh"
    graph.add((node, POL.text, Literal(document.original[start:end], lang=lang)))
    return node
