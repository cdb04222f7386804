"""Build the RDF graph from ingested documents (and, later, the facts extracted from them)."""

from __future__ import annotations

from typing import Sequence

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.graph.documents import add_document
from kg.graph.iris import Iris
from kg.graph.namespace import POL
from kg.ingest.model import Document

PREFIXES = {
    "pol": POL._NS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}


def new_graph(iris: Iris) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("kgid", iris.base)
    return graph


def build_graph(docs: Sequence[Document], iris: Iris) -> Graph:
    graph = new_graph(iris)
    by_id = {d.doc_id: d for d in docs}
    for doc in docs:
        add_document(graph, doc, iris, by_id)
    return graph
