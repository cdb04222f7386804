"""`kg export`: the built graph in another RDF format, the same bytes for the same graph.

The source is normally ``out/graph.trig``: one named graph per document plus the merged
entities. TriG and N-Quads keep those named graphs; Turtle, N-Triples and JSON-LD hold their
union (which is what ``out/graph.ttl`` holds; Turtle from graph.trig is that graph with prefixes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.plugins.serializers.jsonld import from_rdf
from rdflib.term import Literal

from kg.graph.read import SourceGraphs, read_source
from kg.outputs.rdf import FORMATS, to_trig, to_turtle


DATASET_FORMATS = ("trig", "nq")  # keep the named graphs; the others hold their union


@dataclass(frozen=True)
class Exported:
    """An export's bytes and what they hold, for the message naming the file written."""

    data: bytes
    statements: int  # triples of the union, or for trig and nq the triples of every graph (quads)
    named_graphs: int  # 0 for the union formats


def export(source: str | Path, fmt: str) -> bytes:
    """The graph in ``source`` serialized as ``fmt`` (a key of ``kg.outputs.rdf.FORMATS``)."""
    return export_graph(source, fmt).data


def export_graph(source: str | Path, fmt: str) -> Exported:
    """:func:`export` with the count of what was written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    graphs = read_source(source)
    if fmt in DATASET_FORMATS:
        statements = len(graphs.default) + sum(len(g) for g in graphs.named.values())
        named = sum(1 for g in graphs.named.values() if len(g))
        return Exported(_nquads(graphs) if fmt == "nq" else _trig(graphs), statements, named)
    union = graphs.union()
    if fmt == "turtle":
        data = to_turtle(union)
    elif fmt == "nt":
        data = _sorted_lines(union.serialize(format="nt", encoding="utf-8"))
    else:
        data = _jsonld(union)
    return Exported(data, len(union), 0)


def _sorted_lines(data: bytes) -> bytes:
    """One statement a line (N-Triples and N-Quads escape every \\n and \\r inside a literal), so
    sorted lines are a canonical order when there are no blank nodes. Split on \\n only: a literal
    may hold other characters str.splitlines() breaks at (U+2028, form feed, …)."""
    lines = sorted({line for line in data.decode("utf-8").split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _nquads(graphs: SourceGraphs) -> bytes:
    raw = graphs.dataset().serialize(format="nquads", encoding="utf-8")
    default = graphs.default.serialize(format="nt", encoding="utf-8")  # triples: quads in the default graph
    return _sorted_lines(raw + b"\n" + default)


def _trig(graphs: SourceGraphs) -> bytes:
    if not graphs.named:
        # A file without named graphs: Turtle is TriG whose triples are all in the default graph.
        graph = Graph()
        for prefix, namespace in graphs.namespaces:
            graph.bind(prefix, namespace, override=True)
        for triple in graphs.default:
            graph.add(triple)
        return to_turtle(graph)
    # to_trig names any predicate or class namespace the file's prefixes lack.
    data = to_trig(graphs.dataset(), _used_namespaces(graphs.union()))
    if len(graphs.default):
        nt = _sorted_lines(graphs.default.serialize(format="nt", encoding="utf-8"))
        data += b"\n{\n" + nt + b"}\n"  # N-Triples lines are valid TriG triples
    return data


def _used_namespaces(graph: Graph) -> list[tuple[str, str]]:
    """(prefix, namespace) bound in ``graph`` whose namespace begins some IRI or datatype of it;
    rdflib binds two dozen well-known prefixes to every graph, which a file should not declare."""
    iris = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    iris |= {str(term.datatype) for term in graph.objects() if isinstance(term, Literal) and term.datatype}
    return sorted(
        (prefix, str(namespace))
        for prefix, namespace in graph.namespaces()
        if prefix and any(iri.startswith(str(namespace)) for iri in iris)
    )


def _jsonld(graph: Graph) -> bytes:
    """Compact JSON-LD with a context of the prefixes the graph uses; nodes sorted by @id and
    each property's values sorted, since JSON-LD arrays (other than @list) are unordered."""
    context = dict(_used_namespaces(graph))
    document = from_rdf(graph, context_data=context or None)
    if isinstance(document, list):
        document = {"@graph": document}
    nodes = document.get("@graph", [])
    if isinstance(nodes, dict):
        nodes = [nodes]
    document["@graph"] = sorted((_sort_node(n) for n in nodes), key=lambda n: (str(n.get("@id", "")), _key(n)))
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _key(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _sort_node(node: object) -> object:
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "@list":
            out[key] = [_sort_node(v) for v in value]
        elif isinstance(value, list):
            out[key] = sorted((_sort_node(v) for v in value), key=_key)
        else:
            out[key] = _sort_node(value)
    return out
