"""Counts over a graph file, for ``kg stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph

from kg.errors import InputError


@dataclass
class GraphStats:
    triples: int
    classes: list[tuple[str, int]]
    properties: list[tuple[str, int]]


def load_graph(path: str | Path) -> Graph:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such graph file; run `kg build` first")
    graph = Graph()
    fmt = "trig" if path.suffix == ".trig" else None
    try:
        graph.parse(path, format=fmt)
    except (SyntaxError, ValueError) as err:
        raise InputError(str(path), f"not a readable RDF file ({err})") from None
    return graph


def graph_stats(path: str | Path) -> GraphStats:
    graph = load_graph(path)
    short = graph.namespace_manager.normalizeUri
    classes = Counter(short(o) for o in graph.objects(None, RDF.type))
    properties = Counter(short(p) for p in graph.predicates())
    return GraphStats(len(graph), sorted(classes.items()), sorted(properties.items()))
