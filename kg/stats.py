"""Counts over a graph file, for ``kg stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF

from kg.graph.namespace import PREFIXES
from kg.graph.read import load_graph


@dataclass
class GraphStats:
    triples: int
    classes: list[tuple[str, int]]
    properties: list[tuple[str, int]]


def graph_stats(path: str | Path) -> GraphStats:
    graph = load_graph(path)
    for prefix, namespace in PREFIXES.items():  # a build's files name no prefixes of their own
        graph.bind(prefix, namespace, override=False)
    short = graph.namespace_manager.normalizeUri
    classes = Counter(short(o) for o in graph.objects(None, RDF.type))
    properties = Counter(short(p) for p in graph.predicates())
    return GraphStats(len(graph), sorted(classes.items()), sorted(properties.items()))
