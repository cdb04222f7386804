"""RDF serializations of the graph, in a stable order so the same input gives the same bytes."""

from __future__ import annotations

from typing import Iterable

from rdflib import RDF, Dataset, Graph

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
    namespaces = _complete(dataset, namespaces)
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in namespaces)
    blocks = []
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        blocks.append(f"<{graph.identifier}> {{\n{_turtle_body(graph, namespaces)}}}\n")
    return (head + "\n" + "\n".join(blocks)).encode("utf-8")


def _complete(dataset: Dataset, namespaces: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The given prefixes plus one for every other namespace of a predicate or class, named once
    for the whole file, since each graph block drops its own prefix lines."""
    names = Graph(bind_namespaces="none")
    for prefix, namespace in namespaces:
        if prefix:
            names.bind(prefix, namespace)
    for _, predicate, obj, _ in dataset.quads():
        for iri in (predicate, obj) if predicate == RDF.type else (predicate,):
            try:
                names.namespace_manager.compute_qname(iri)
            except ValueError:
                pass  # no namespace split possible: written as a full IRI
    return sorted((p, str(ns)) for p, ns in names.namespaces() if p)


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
