"""Triples describing each document and what ingestion recorded about it."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.graph.iris import Iris
from kg.graph.namespace import POL
from kg.ingest.model import Document


def add_document(graph: Graph, doc: Document, iris: Iris) -> None:
    """What the document says of itself; whether it copies another is the corpus step's to say
    (kg.corpus), as it depends on the other documents."""
    node = iris.document(doc.doc_id)
    meta = doc.meta
    graph.add((node, RDF.type, POL.Document))
    graph.add((node, DCTERMS.identifier, Literal(doc.doc_id)))
    if doc.path:
        graph.add((node, DCTERMS.source, Literal(_file_name(doc.path))))
    if doc.sha256:
        graph.add((node, POL.sha256, Literal(doc.sha256)))
    graph.add((node, POL.encoding, Literal(doc.encoding)))
    graph.add((node, POL.script, Literal(meta.script)))
    graph.add((node, DCTERMS.language, Literal(meta.script)))
    optional = [
        (DCTERMS.title, meta.title and Literal(meta.title, lang="zh")),
        (POL.documentKind, meta.kind and Literal(meta.kind)),
        (POL.areaName, meta.area and Literal(meta.area, lang="zh")),
        (POL.areaLevel, meta.area_level and Literal(meta.area_level)),
        (POL.reviewYear, meta.review_year and _year(meta.review_year)),
        (POL.planYear, meta.plan_year and _year(meta.plan_year)),
        (POL.planPeriodStart, meta.plan_period and _year(meta.plan_period[0])),
        (POL.planPeriodEnd, meta.plan_period and _year(meta.plan_period[1])),
        (DCTERMS.date, meta.date and Literal(meta.date, datatype=XSD.date)),
        (POL.speaker, meta.speaker and Literal(meta.speaker, lang="zh")),
    ]
    for predicate, value in optional:
        if value:
            graph.add((node, predicate, value))
    for mask in doc.masks:
        part = _span(graph, iris.document_part(doc.doc_id, "mask", mask.start_src, mask.end_src), POL.MaskedSpan, mask.start_src, mask.end_src)
        graph.add((part, POL.maskForm, Literal(mask.form)))
        graph.add((node, POL.hasMask, part))
    for cut in doc.removed:
        part = _span(graph, iris.document_part(doc.doc_id, "removed", cut.start_src, cut.end_src), POL.RemovedText, cut.start_src, cut.end_src)
        graph.add((part, POL.removalKind, Literal(cut.kind)))
        graph.add((part, POL.rule, Literal(cut.rule)))
        graph.add((node, POL.hasRemovedText, part))
    for ev in meta.year_evidence:
        start_src, end_src = doc.to_source(ev.start, ev.end)
        part = _span(graph, iris.document_part(doc.doc_id, "year-evidence", start_src, end_src), POL.YearEvidence, start_src, end_src)
        graph.add((part, POL.year, _year(ev.year)))
        graph.add((part, POL.yearRole, Literal(ev.role)))
        graph.add((part, POL.evidenceText, Literal(ev.text, lang="zh")))
        graph.add((node, POL.hasYearEvidence, part))


def add_duplicate(graph: Graph, doc_id: str, of: str, similarity: float, iris: Iris) -> None:
    """The document ``doc_id`` copies ``of`` (a near-duplicate found in the corpus step)."""
    node = iris.document(doc_id)
    graph.add((node, POL.duplicateOf, iris.document(of)))
    graph.add((node, POL.duplicateSimilarity, Literal(f"{similarity:.4f}", datatype=XSD.decimal)))


def _span(graph: Graph, part, cls, start: int, end: int):
    graph.add((part, RDF.type, cls))
    graph.add((part, POL.start, Literal(start)))
    graph.add((part, POL.end, Literal(end)))
    return part


def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
