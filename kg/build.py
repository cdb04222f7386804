"""``kg build``: run every stage over the sources and write the outputs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from rdflib import RDF

from kg.errors import InputError
from kg.extract.facts import Facts, extract_facts, pipeline_annotate, pipeline_linker
from kg.extract.relations import load_relation_rules
from kg.graph.assemble import build_dataset, merged
from kg.graph.iris import DEFAULT_BASE, Iris
from kg.graph.validate import check
from kg.ingest.document import ingest_paths
from kg.ingest.model import Document
from kg.nlp.pipeline import load_pipeline
from kg.outputs.files import write_atomic
from kg.outputs.rdf import to_trig, to_turtle
from kg.outputs.viz import write_network_page

Progress = Callable[[str], None]  # called once per step with what is being done


@dataclass
class BuildResult:
    documents: list[Document]
    errors: list[InputError]
    facts: Optional[Facts] = None
    outputs: list[Path] = field(default_factory=list)
    class_counts: dict[str, int] = field(default_factory=dict)
    relation_counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0


def build(
    sources: Sequence[str | Path],
    out_dir: str | Path,
    *,
    base: str = DEFAULT_BASE,
    progress: Optional[Progress] = None,
) -> BuildResult:
    """Build the graph of ``sources`` into ``out_dir``. Bad files are returned, not raised, so the
    rest still build; nothing is written when no document could be read, and nothing is written
    when the graph does not conform to the ontology's shapes (ValidationError)."""
    step = progress or (lambda _: None)
    docs, errors = ingest_paths(sources, on_file=lambda p: step(f"reading {p.name}"))
    result = BuildResult(documents=docs, errors=errors)
    if not docs:
        return result
    nlp = load_pipeline()
    facts = extract_facts(
        docs,
        pipeline_annotate(nlp),
        pipeline_linker(nlp),
        load_relation_rules(),
        on_document=lambda d: step(f"analysing {d.doc_id}"),
    )
    iris = Iris(base)
    dataset = build_dataset(docs, facts, iris)
    graph = merged(dataset, iris)
    check(graph)
    out = Path(out_dir)
    for name, data in (("graph.ttl", to_turtle(graph)), ("graph.trig", to_trig(dataset, graph.namespaces()))):
        write_atomic(out / name, data)
        result.outputs.append(out / name)
    write_network_page(graph, out / "graph.html")
    result.outputs.append(out / "graph.html")
    result.facts = facts
    result.triples = len(graph)
    short = graph.namespace_manager.normalizeUri
    result.class_counts = dict(sorted(Counter(short(o) for o in graph.objects(None, RDF.type)).items()))
    relations = Counter(r.predicate for f in facts.documents for r in f.relations)
    result.relation_counts = dict(sorted(relations.items()))
    return result
