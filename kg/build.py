"""``kg build``: run every stage over the sources and write the outputs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from rdflib import RDF

from kg.errors import InputError
from kg.graph.assemble import build_graph
from kg.graph.iris import DEFAULT_BASE, Iris
from kg.ingest.document import ingest_paths
from kg.ingest.model import Document
from kg.outputs.files import write_atomic
from kg.outputs.rdf import to_turtle

Progress = Callable[[Path], None]


@dataclass
class BuildResult:
    documents: list[Document]
    errors: list[InputError]
    outputs: list[Path] = field(default_factory=list)
    class_counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0


def build(
    sources: Sequence[str | Path],
    out_dir: str | Path,
    *,
    base: str = DEFAULT_BASE,
    on_file: Optional[Progress] = None,
) -> BuildResult:
    """Build the graph of ``sources`` into ``out_dir``. Bad files are returned, not raised, so the
    rest still build; nothing is written when no document could be read."""
    docs, errors = ingest_paths(sources, on_file=on_file)
    result = BuildResult(documents=docs, errors=errors)
    if not docs:
        return result
    graph = build_graph(docs, Iris(base))
    out = Path(out_dir)
    target = out / "graph.ttl"
    write_atomic(target, to_turtle(graph))
    result.outputs.append(target)
    result.triples = len(graph)
    counts = Counter(graph.namespace_manager.normalizeUri(o) for o in graph.objects(None, RDF.type))
    result.class_counts = dict(sorted(counts.items()))
    return result
