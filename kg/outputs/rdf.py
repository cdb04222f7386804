"""RDF serializations of the graph, in a stable order so the same input gives the same bytes."""

from __future__ import annotations

from typing import Iterable

from rdflib import Dataset, Graph

# Formats `kg export` offers: name -> (rdflib format, whether it needs named graphs)
FORMATS = {
    "turtle": ("turtle", False),
    "nt": ("nt", False),
    "jsonld": ("json-ld", False),
    "trig": ("trig", True),
    "nq": ("nquads", True),
}


def to_turtle(graph: Graph) -> bytes:
    """rdflib's Turtle serializer sorts subjects and predicates, and the graph holds no blank
    nodes, so the output is byte-identical from one build to the next."""
    return graph.serialize(format="turtle", encoding="utf-8")


def to_trig(dataset: Dataset, namespaces: Iterable[tuple[str, str]]) -> bytes:
    """Named graphs in IRI order, each serialized as sorted Turtle inside its graph block."""
    namespaces = sorted((p, str(ns)) for p, ns in namespaces if p)
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in namespaces)
    blocks = []
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        blocks.append(f"<{graph.identifier}> {{\n{_turtle_body(graph, namespaces)}}}\n")
    return (head + "\n" + "\n".join(blocks)).encode("utf-8")


def _turtle_body(context: Graph, namespaces: list[tuple[str, str]]) -> str:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in namespaces:
        graph.bind(prefix, namespace)
    for triple in context:
        graph.add(triple)
    lines = graph.serialize(format="turtle").splitlines(keepends=True)
    # Drop the prefix block only: blank lines further down may sit inside a multi-line literal.
    start = 0
    while start < len(lines) and (lines[start].startswith("@prefix") or not lines[start].strip()):
        start += 1
    return "".join(lines[start:])
