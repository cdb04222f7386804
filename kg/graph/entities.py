"""Triples of the merged entities graph: each entity once, its names, code and hierarchy, and
how often entities are named together."""

from __future__ import annotations

from collections import Counter
from typing import Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.extract.entity import Entity
from kg.graph.iris import Iris
from kg.graph.namespace import POL

CLASS_FOR = {"DISTRICT": POL.District, "PROGRAM": POL.Program, "PROJECT": POL.Project, "ORG": POL.Organization}


def entity_iri(iris: Iris, entity: Entity):
    return iris.entity(entity.label, entity.key)


def add_entities(graph: Graph, entities: Mapping[str, Entity], iris: Iris) -> None:
    for entity in entities.values():
        node = entity_iri(iris, entity)
        graph.add((node, RDF.type, CLASS_FOR[entity.label]))
        graph.add((node, SKOS.prefLabel, Literal(entity.name, lang="zh")))
        for form, lang in entity.aliases.items():
            graph.add((node, SKOS.altLabel, Literal(form, lang=lang)))
        if entity.code:
            graph.add((node, POL.divisionCode, Literal(entity.code)))
        if entity.label == "DISTRICT" and entity.level:
            graph.add((node, POL.divisionLevel, Literal(entity.level)))
        if entity.until:
            graph.add((node, POL.validUntil, Literal(f"{int(entity.until):04d}", datatype=XSD.gYear)))
        if entity.parent and entity.parent in entities:
            # The division hierarchy is reference data (GB/T 2260), not read from a document.
            graph.add((node, POL.locatedIn, entity_iri(iris, entities[entity.parent])))


def add_co_mentions(graph: Graph, entities: Mapping[str, Entity], counts: Counter, iris: Iris, build: str) -> None:
    nodes: dict[str, URIRef] = {}

    def node(key: str) -> URIRef:
        if key not in nodes:
            nodes[key] = entity_iri(iris, entities[key])
        return nodes[key]

    for (a, b), n in counts.items():
        node_a, node_b = node(a), node(b)
        graph.add((node_a, POL.relatedTo, node_b))
        graph.add((node_b, POL.relatedTo, node_a))
        pair = iris.co_mention(a, b, build)
        graph.add((pair, RDF.type, POL.CoMention))
        # The ends in IRI order (pol:entity's two subproperties), so that a query reads a pair
        # with a plain join instead of pairing every end with every other and filtering.
        first, second = sorted((node_a, node_b), key=str)
        graph.add((pair, POL.firstEntity, first))
        graph.add((pair, POL.secondEntity, second))
        graph.add((pair, POL.sentenceCount, Literal(n)))
