"""The knowledge graph as a network of its entities (a networkx graph), for the HTML view.

Nodes are the districts, programs, projects and organizations with what a reader wants on
hover: names, division code, documents, a few source sentences. Edges are the entity-to-entity
relations. What is drawn can be narrowed by type, by document and to the most connected nodes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

import networkx as nx
from rdflib import DCTERMS, RDF, SKOS, Graph, Literal, URIRef

from kg.errors import SelectionError
from kg.graph.namespace import POL

# Entity classes in legend order, and the relations drawn between entities.
ENTITY_TYPES = ("District", "Program", "Project", "Organization")
RELATIONS = ("locatedIn", "implements", "relatedTo")
# ANNOTATION.md's label names, accepted by --types beside the class names.
_TYPE_ALIASES = {"org": "Organization", "organisation": "Organization"}

DEFAULT_MAX_NODES = 400  # keeps the seed graph's page quick to lay out in a browser
SENTENCES_PER_NODE = 3


@dataclass(frozen=True)
class Selection:
    """What to draw: entity types (class names), one document, and at most this many nodes
    (None or 0 for all)."""

    types: Optional[frozenset[str]] = None
    document: Optional[str] = None
    max_nodes: Optional[int] = DEFAULT_MAX_NODES


def parse_types(text: str) -> frozenset[str]:
    """``district,org`` → {"District", "Organization"}; SelectionError on an unknown name."""
    by_name = {t.lower(): t for t in ENTITY_TYPES} | _TYPE_ALIASES
    chosen = set()
    for part in filter(None, (p.strip().lower() for p in text.split(","))):
        if part not in by_name:
            raise SelectionError(f"unknown entity type {part!r}; choose from {', '.join(t.lower() for t in ENTITY_TYPES)}")
        chosen.add(by_name[part])
    if not chosen:
        raise SelectionError("--types names no entity type")
    return frozenset(chosen)


def _text(graph: Graph, node, prop) -> Optional[str]:
    value = graph.value(node, prop)
    return str(value) if value is not None else None


def _documents(graph: Graph) -> dict[URIRef, dict]:
    docs = {}
    for doc in graph.subjects(RDF.type, POL.Document):
        docs[doc] = {
            "id": _text(graph, doc, DCTERMS.identifier) or str(doc),
            "title": _text(graph, doc, DCTERMS.title) or "",
            "source": _text(graph, doc, DCTERMS.source) or "",
        }
    return docs


def resolve_document(documents: Iterable[dict], key: str) -> str:
    """The identifier of the one document ``key`` names: its identifier, source file name or
    file stem, or a unique identifier prefix (``003``)."""
    documents = list(documents)
    for doc in documents:
        if key in (doc["id"], doc["source"]) or key == doc["source"].rsplit(".", 1)[0]:
            return doc["id"]
    matches = [doc["id"] for doc in documents if doc["id"].startswith(key)]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(sorted(doc["id"] for doc in documents)) or "none"
    problem = "names several documents" if matches else "names no document"
    raise SelectionError(f"--document {key!r} {problem}; the graph has: {known}")


def _sentences(graph: Graph, documents: dict[URIRef, dict]) -> dict[URIRef, list[tuple]]:
    """Per entity, its mentions as (document id, start offset, sentence text)."""
    found = defaultdict(list)
    for mention in graph.subjects(RDF.type, POL.Mention):
        entity = graph.value(mention, POL.refersTo)
        sentence = graph.value(mention, POL.sentence)
        doc = graph.value(mention, POL.inDocument)
        if entity is None:
            continue
        text = _text(graph, sentence, POL.text) if sentence is not None else None
        start = graph.value(mention, POL.start)
        doc_id = documents[doc]["id"] if doc in documents else ""
        found[entity].append((doc_id, int(start) if start is not None else 0, text or ""))
    return found


def _entity_node(graph: Graph, entity: URIRef, kind: str, mentions: list[tuple], documents: dict) -> dict:
    label = _text(graph, entity, SKOS.prefLabel) or str(entity).rsplit("/", 1)[-1]
    aliases = sorted({str(a) for a in graph.objects(entity, SKOS.altLabel)} - {label})
    doc_ids = {documents[d]["id"] for d in graph.objects(entity, POL.mentionedIn) if d in documents}
    doc_ids |= {doc_id for doc_id, _, _ in mentions if doc_id}
    sentences = []
    for _, _, text in sorted(mentions):
        if text and text not in sentences:
            sentences.append(text)
        if len(sentences) == SENTENCES_PER_NODE:
            break
    node = {
        "iri": str(entity),
        "label": label,
        "kind": kind,
        "aliases": aliases,
        "documents": sorted(doc_ids),
        "mentions": len(mentions),
        "sentences": sentences,
    }
    for key, prop in (("code", POL.divisionCode), ("level", POL.divisionLevel), ("validUntil", POL.validUntil)):
        value = _text(graph, entity, prop)
        if value is not None:
            node[key] = value
    return node


def entity_network(graph: Graph, selection: Selection = Selection()) -> nx.MultiDiGraph:
    """The entities of ``graph`` and the relations between them, narrowed by ``selection``.

    The graph attribute ``documents`` lists every document of the source graph (the view's
    document filter), ``entities`` counts the entities before narrowing."""
    documents = _documents(graph)
    wanted_doc = resolve_document(documents.values(), selection.document) if selection.document else None
    mentions = _sentences(graph, documents)
    net = nx.MultiDiGraph()
    net.graph["documents"] = sorted(documents.values(), key=lambda d: d["id"])
    total = 0
    for kind in ENTITY_TYPES:
        for entity in sorted(set(graph.subjects(RDF.type, getattr(POL, kind)))):
            total += 1
            if selection.types and kind not in selection.types:
                continue
            node = _entity_node(graph, entity, kind, mentions.get(entity, []), documents)
            if wanted_doc and wanted_doc not in node["documents"]:
                continue
            net.add_node(str(entity), **node)
    net.graph["entities"] = total
    _add_edges(graph, net)
    return _most_connected(net, selection.max_nodes)


def _add_edges(graph: Graph, net: nx.MultiDiGraph) -> None:
    for relation in ("locatedIn", "implements"):
        prop = getattr(POL, relation)
        for source, target in sorted(graph.subject_objects(prop)):
            if str(source) in net and str(target) in net and source != target:
                net.add_edge(str(source), str(target), key=relation, relation=relation)
    # Co-mentions come from pol:CoMention nodes, which carry how many sentences name both.
    for pair in sorted(graph.subjects(RDF.type, POL.CoMention)):
        ends = [str(e) for p in (POL.firstEntity, POL.secondEntity) for e in graph.objects(pair, p)]
        count = graph.value(pair, POL.sentenceCount)
        if len(ends) == 2 and all(e in net for e in ends):
            weight = int(count) if isinstance(count, Literal) else 1
            net.add_edge(ends[0], ends[1], key="relatedTo", relation="relatedTo", sentences=weight)


def _most_connected(net: nx.MultiDiGraph, limit: Optional[int]) -> nx.MultiDiGraph:
    """At most ``limit`` nodes: the highest degree first, then the most mentioned, then by name,
    so the same graph always keeps the same nodes."""
    if not limit or net.number_of_nodes() <= limit:
        return net
    degree = dict(net.degree())
    ranked = sorted(net.nodes, key=lambda n: (-degree[n], -net.nodes[n]["mentions"], net.nodes[n]["label"], n))
    kept = net.subgraph(ranked[:limit]).copy()
    kept.graph.update(net.graph)
    return kept
