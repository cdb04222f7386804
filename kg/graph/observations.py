"""Indicator observations and project events of a document, with where they were read."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Optional

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from kg.extract.facts import DocumentFacts
from kg.graph.iris import Iris
from kg.graph.namespace import POL

SentenceNode = Callable[[Optional[int]], Optional[URIRef]]


def add_observations(graph: Graph, facts: DocumentFacts, iris: Iris, sentence: SentenceNode, entity_iri) -> None:
    document = facts.document
    doc_node = iris.document(document.doc_id)
    for obs, area in facts.observations:
        start_src, end_src = document.to_source(obs.start, obs.end)
        # one statement may give several indicators (分别 forms): the indicator tells them apart
        node = iris.document_part(document.doc_id, "observation", start_src, end_src, obs.indicator)
        indicator = iris.indicator(obs.indicator)
        graph.add((indicator, RDF.type, POL.Indicator))
        graph.add((indicator, SKOS.prefLabel, Literal(obs.indicator, lang="zh")))
        graph.add((node, RDF.type, POL.Observation))
        graph.add((node, POL.indicator, indicator))
        graph.add((node, POL.area, entity_iri(area)))
        graph.add((node, POL.period, Literal(f"{obs.period:04d}", datatype=XSD.gYear)))
        if obs.value is not None:
            graph.add((node, POL.value, _decimal(obs.value)))
            if obs.unit:
                graph.add((node, POL.unit, Literal(obs.unit)))
        if obs.growth is not None:
            graph.add((node, POL.growthRate, _decimal(obs.growth)))
        graph.add((node, POL.observationKind, Literal(obs.kind)))
        if obs.qualifier:
            graph.add((node, POL.qualifier, Literal(obs.qualifier)))
        _provenance(graph, node, document, doc_node, obs.start, obs.end, obs.rule, sentence(obs.sentence))


def add_events(graph: Graph, facts: DocumentFacts, iris: Iris, sentence: SentenceNode, entity_iri) -> None:
    document = facts.document
    doc_node = iris.document(document.doc_id)
    for event, project in facts.events:
        start_src, end_src = document.to_source(event.start, event.end)
        node = iris.document_part(document.doc_id, "event", start_src, end_src, project.key, event.stage)
        graph.add((node, RDF.type, POL.ProjectEvent))
        graph.add((node, POL.project, entity_iri(project)))
        graph.add((node, POL.stage, Literal(event.stage)))
        graph.add((node, POL.eventKind, Literal(event.kind)))
        graph.add((node, POL.period, Literal(f"{event.period:04d}", datatype=XSD.gYear)))
        _provenance(graph, node, document, doc_node, event.start, event.end, event.rule, sentence(event.sentence))


def _provenance(graph, node, document, doc_node, start, end, rule, sentence_node) -> None:
    start_src, end_src = document.to_source(start, end)
    graph.add((node, PROV.wasDerivedFrom, doc_node))
    graph.add((node, POL.start, Literal(start_src)))
    graph.add((node, POL.end, Literal(end_src)))
    graph.add((node, POL.rule, Literal(rule)))
    if sentence_node is not None:
        graph.add((node, POL.sentence, sentence_node))


def _decimal(value) -> Literal:
    """An xsd:decimal in its canonical form (``12.0``, ``4.5``), the form Turtle writers give
    it, so the graph reads back the same from every serialization."""
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)

