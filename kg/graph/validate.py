"""Check a graph against the ontology's SHACL shapes (``ontology/shapes.ttl``).

:func:`check` and ``kg validate`` use the fast validator of :mod:`kg.graph.shapes`;
:func:`validate_graph` runs pySHACL, the reference the tests hold the fast one to.

pyshacl is imported inside :func:`validate_graph` only: it is slow to import, and commands
that never validate (``kg query``) should not pay for it.
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.errors import ValidationError
from kg.graph.ontology import (  # noqa: F401  (re-exported: callers import them from here)
    ONTOLOGY_FILE,
    SHAPES_FILE,
    load_class_hierarchy,
    load_ontology,
    load_shapes,
    ontology_dir,
    ontology_path,
    shapes_path,
)
from kg.graph.report import Report, Violation, make_report, pick_message, shortener
from kg.graph.shapes import validate_fast

__all__ = ["Report", "Violation", "check", "validate_graph", "validate_fast"]

_SUMMARY_COUNT = 3  # violations quoted in a ValidationError message


def validate_graph(graph: Graph) -> Report:
    """Validate ``graph`` (not modified) against the shapes with pySHACL; warnings and infos
    do not break conformance."""
    from pyshacl import validate

    conforms, results, _ = validate(
        graph,
        shacl_graph=load_shapes(),
        ont_graph=load_class_hierarchy(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
        inplace=False,
    )
    short = _shortener(graph)
    found = []
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(report, SH.result):
            found.append(_violation(results, result, short))
    return make_report(bool(conforms), found)


def check(graph: Graph) -> None:
    """Raise ValidationError, quoting the first few violations, unless ``graph`` conforms."""
    report = validate_fast(graph)
    if report.conforms:
        return
    failing = [v for v in report.violations if v.severity == "Violation"] or report.violations
    quoted = "; ".join(v.describe() for v in failing[:_SUMMARY_COUNT])
    more = f"; and {len(failing) - _SUMMARY_COUNT} more" if len(failing) > _SUMMARY_COUNT else ""
    noun = "violation" if len(failing) == 1 else "violations"
    raise ValidationError(
        f"the graph does not conform to ontology/{SHAPES_FILE} ({len(failing)} {noun}): {quoted}{more}"
    )


def _shortener(graph: Graph):
    return shortener(graph.namespaces())


def _violation(results: Graph, result: Node, short) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    severity = results.value(result, SH.resultSeverity)
    value = results.value(result, SH.value)
    return Violation(
        focus=short(focus) if focus is not None else "",
        path=short(path) if isinstance(path, URIRef) else ("" if path is None else _path_text(results, path)),
        message=pick_message(results.objects(result, SH.resultMessage)),
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        value=short(value) if value is not None else None,
    )


def _path_text(results: Graph, path: Node) -> str:
    """A complex path (none of ours has one) in SHACL's Turtle form, roughly."""
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{inverse.n3()}"
    return path.n3()
