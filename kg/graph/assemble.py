"""An rdflib dataset of a few documents held in memory: one named graph per document, plus one of
the merged entities. For library use and tests on small inputs; ``kg build`` does not hold the
corpus in one graph but streams each document's graph (``kg.build``, ``kg.outputs.stream``)."""

from __future__ import annotations

from typing import Optional, Sequence

from rdflib import Dataset, Graph

from kg.extract.facts import Facts
from kg.graph.documents import add_document, add_duplicate
from kg.graph.entities import add_co_mentions, add_entities
from kg.graph.iris import DEFAULT_BUILD, Iris
from kg.graph.namespace import PREFIXES
from kg.graph.provenance import add_provenance
from kg.ingest.model import Document



def _bind(graph: Graph, iris: Iris) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("kgid", iris.base)
    return graph


def new_graph(iris: Iris) -> Graph:
    return _bind(Graph(bind_namespaces="none"), iris)


def build_dataset(docs: Sequence[Document], facts: Optional[Facts], iris: Iris, build: str = DEFAULT_BUILD) -> Dataset:
    """Each document's graph holds its description, mentions, sentences and relations; the
    entities graph (``build``'s) holds every entity once, the division hierarchy and co-mentions."""
    dataset = _bind(Dataset(default_union=True), iris)
    by_id = {d.doc_id: d for d in docs}
    per_document = {f.document.doc_id: f for f in facts.documents} if facts else {}
    for doc in docs:
        graph = dataset.graph(iris.document_graph(doc.doc_id))
        add_document(graph, doc, iris)
        if doc.duplicate and doc.duplicate.of in by_id:
            add_duplicate(graph, doc.doc_id, doc.duplicate.of, doc.duplicate.similarity, iris)
        if doc.doc_id in per_document:
            add_provenance(graph, per_document[doc.doc_id], facts.entities, iris)
    if facts:
        entities = dataset.graph(iris.entities_graph(build))
        add_entities(entities, facts.entities, iris)
        add_co_mentions(entities, facts.entities, facts.co_mentions, iris, build)
    return dataset


def merged(dataset: Dataset, iris: Iris) -> Graph:
    """All named graphs as one graph, for Turtle and for queries."""
    graph = new_graph(iris)
    for context in dataset.graphs():
        for triple in context:
            graph.add(triple)
    return graph
