"""The entity network of a build, made from the corpus step's facts rather than from a parsed
graph, so the page of a corpus of thousands of documents needs no rdflib graph of it. It holds
the same nodes, attributes and edges as ``kg.outputs.network.entity_network`` gives for the
build's graph file (``kg viz`` draws that one)."""

from __future__ import annotations

from typing import Sequence

import networkx as nx

from kg.corpus.step import CorpusFacts
from kg.graph.entities import entity_iri
from kg.graph.iris import Iris
from kg.outputs.network import SENTENCES_PER_NODE, Selection, _most_connected, resolve_document
from kg.run.result import DocumentRecord

KIND_FOR = {"DISTRICT": "District", "PROGRAM": "Program", "PROJECT": "Project", "ORG": "Organization"}
_KIND_ORDER = {"District": 0, "Program": 1, "Project": 2, "Organization": 3}


def corpus_network(records: Sequence[DocumentRecord], corpus: CorpusFacts, iris: Iris,
                   selection: Selection = Selection()) -> nx.MultiDiGraph:
    documents = sorted(({"id": r.doc_id, "title": r.title, "source": r.source} for r in records), key=lambda d: d["id"])
    wanted_doc = resolve_document(documents, selection.document) if selection.document else None
    entities = corpus.entities.entities
    net = nx.MultiDiGraph()
    net.graph["documents"] = documents
    iri_of = {key: str(entity_iri(iris, e)) for key, e in entities.items()}
    ranked = sorted(entities.values(), key=lambda e: (_KIND_ORDER[KIND_FOR[e.label]], iri_of[e.key]))
    for entity in ranked:
        kind = KIND_FOR[entity.label]
        if selection.types and kind not in selection.types:
            continue
        usage = corpus.entities.usage.get(entity.key)
        node = {
            "iri": iri_of[entity.key],
            "label": entity.name,
            "kind": kind,
            "aliases": sorted(set(entity.aliases) - {entity.name}),
            "documents": sorted(usage.documents) if usage else [],
            "mentions": usage.mentions if usage else 0,
            "sentences": _sentences(usage.samples if usage else []),
        }
        if entity.code:
            node["code"] = entity.code
        if entity.label == "DISTRICT" and entity.level:
            node["level"] = entity.level
        if entity.until:
            node["validUntil"] = f"{int(entity.until):04d}"
        if wanted_doc and wanted_doc not in node["documents"]:
            continue
        net.add_node(node["iri"], **node)
    net.graph["entities"] = len(entities)
    edges = {(iri_of[e.key], iri_of[e.parent], "locatedIn") for e in entities.values() if e.parent in entities}
    edges |= {(iri_of[r.subject], iri_of[r.object], r.predicate) for r in corpus.relations}
    for source, target, relation in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
        if source in net and target in net and source != target:
            net.add_edge(source, target, key=relation, relation=relation)
    for (a, b), count in sorted(corpus.co_mentions.items(), key=lambda item: sorted((iri_of[item[0][0]], iri_of[item[0][1]]))):
        ends = sorted((iri_of[a], iri_of[b]))
        if all(e in net for e in ends):
            net.add_edge(ends[0], ends[1], key="relatedTo", relation="relatedTo", sentences=count)
    return _most_connected(net, selection.max_nodes)


def _sentences(samples: list[tuple[str, int, str]]) -> list[str]:
    kept: list[str] = []
    for _, _, text in sorted(samples):
        if text and text not in kept:
            kept.append(text)
        if len(kept) == SENTENCES_PER_NODE:
            break
    return kept
