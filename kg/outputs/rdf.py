"""RDF serializations of the graph."""

from __future__ import annotations

from rdflib import Graph


def to_turtle(graph: Graph) -> bytes:
    """Turtle in a stable order: rdflib's serializer sorts subjects and predicates, and the graph
    holds no blank nodes, so the same input gives byte-identical output."""
    return graph.serialize(format="turtle", encoding="utf-8")
