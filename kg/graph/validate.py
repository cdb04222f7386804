"""Check a graph against the ontology's SHACL shapes (``ontology/shapes.ttl``).

pyshacl is imported inside :func:`validate_graph` only: it is slow to import, and commands
that never validate (``kg query``) should not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, NamespaceManager
from rdflib.term import Node

import kg
from kg.errors import InputError, ValidationError
from kg.graph.iris import DEFAULT_BASE
from kg.graph.namespace import PREFIXES

SHAPES_FILE = "shapes.ttl"
ONTOLOGY_FILE = "policy.ttl"

# Prefixes that shorten names in a report when the data graph does not bind them itself.
_PREFIXES = {**PREFIXES, "kgid": DEFAULT_BASE}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_SUMMARY_COUNT = 3  # violations quoted in a ValidationError message


@dataclass(frozen=True)
class Violation:
    focus: str  # the focus node, short form (kgid:doc/000_x, "2020"^^xsd:gYear)
    path: str  # the property path, short form; "" for a constraint on the node itself
    message: str  # sh:resultMessage
    severity: str  # "Violation" | "Warning" | "Info"
    value: Optional[str]  # the offending value, short form, when the constraint names one

    def describe(self) -> str:
        """One line of text: ``focus path: message [value]``."""
        where = f"{self.focus} {self.path}".rstrip()
        text = f"{where}: {self.message}"
        return f"{text} [{self.value}]" if self.value is not None else text


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: list[Violation]  # sorted: severity, focus, path, message, value

    def count(self, severity: str = "Violation") -> int:
        return sum(1 for v in self.violations if v.severity == severity)


def ontology_dir() -> Path:
    """``ontology/`` of the source tree; kg is installed editable, so it sits next to ``kg/``."""
    return Path(kg.__file__).resolve().parent.parent / "ontology"


def shapes_path() -> Path:
    return ontology_dir() / SHAPES_FILE


def ontology_path() -> Path:
    return ontology_dir() / ONTOLOGY_FILE


@lru_cache(maxsize=4)
def _parse(path: Path, mtime: float) -> Graph:  # mtime only keys the cache
    return Graph().parse(path, format="turtle")


def _read(path: Path) -> Graph:
    if not path.is_file():
        raise InputError(str(path), "missing; it ships with kg's source tree (ontology/)")
    return _parse(path, path.stat().st_mtime)


def load_shapes() -> Graph:
    return _read(shapes_path())


def load_ontology() -> Graph:
    """``ontology/policy.ttl``: classes and properties with their labels."""
    return _read(ontology_path())


@lru_cache(maxsize=4)
def _hierarchy(path: Path, mtime: float) -> Graph:
    classes = Graph()
    for triple in _parse(path, mtime).triples((None, RDFS.subClassOf, None)):
        classes.add(triple)
    return classes


def load_class_hierarchy() -> Graph:
    """The ontology's rdfs:subClassOf triples. Mixed into the data graph, they let ``sh:class
    pol:Entity`` accept a pol:District. Only these are used, and without RDFS inference: with
    it, every object of pol:refersTo would become a pol:Entity by the property's range and
    sh:class could never fail."""
    path = ontology_path()
    _read(path)
    return _hierarchy(path, path.stat().st_mtime)


def validate_graph(graph: Graph) -> Report:
    """Validate ``graph`` (not modified) against the shapes; warnings and infos do not break
    conformance."""
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
    found = set()
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(report, SH.result):
            found.add(_violation(results, result, short))
    violations = sorted(
        found,
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 9), v.focus, v.path, v.message, v.value or ""),
    )
    return Report(conforms=bool(conforms), violations=violations)


def check(graph: Graph) -> None:
    """Raise ValidationError, quoting the first few violations, unless ``graph`` conforms."""
    report = validate_graph(graph)
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
    """Short names for a report. The data graph's prefixes win; ours fill in what it lacks
    (a Turtle file keeps no kgid: prefix, as rdflib writes none of its IRIs as prefixed names)."""
    bound = {str(prefix): str(namespace) for prefix, namespace in graph.namespaces() if prefix}
    taken = set(bound.values())
    for prefix, namespace in _PREFIXES.items():
        if prefix not in bound and str(namespace) not in taken:
            bound[prefix] = str(namespace)
            taken.add(str(namespace))
    manager = NamespaceManager(Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, namespace in bound.items():
        manager.bind(prefix, namespace)

    namespaces = sorted(((str(ns), prefix) for prefix, ns in manager.namespaces()), reverse=True)

    def short(node: Node) -> str:
        if isinstance(node, URIRef):
            try:
                text = node.n3(manager)
            except Exception:  # an IRI rdflib cannot shorten; keep it whole
                text = node.n3()
            if text.startswith("<"):
                # rdflib will not shorten a local part with "/" (kgid:doc/000/mention/3); a
                # reader can, and the report is for readers.
                for namespace, prefix in namespaces:
                    rest = str(node)[len(namespace):]
                    if str(node).startswith(namespace) and rest and not any(c in rest for c in " <>\"\\"):
                        return f"{prefix}:{rest}"
            return text
        if isinstance(node, Literal):
            return node.n3(manager)
        return node.n3() if hasattr(node, "n3") else str(node)

    return short


def _violation(results: Graph, result: Node, short) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    severity = results.value(result, SH.resultSeverity)
    value = results.value(result, SH.value)
    return Violation(
        focus=short(focus) if focus is not None else "",
        path=short(path) if isinstance(path, URIRef) else ("" if path is None else _path_text(results, path)),
        message=_message(results, result),
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        value=short(value) if value is not None else None,
    )


def _message(results: Graph, result: Node) -> str:
    messages = list(results.objects(result, SH.resultMessage))
    if not messages:
        return "does not conform"
    # Prefer an untagged or English message when a shape gives several languages.
    messages.sort(key=lambda m: (getattr(m, "language", None) not in (None, "en"), str(m)))
    return str(messages[0])


def _path_text(results: Graph, path: Node) -> str:
    """A complex path (none of ours has one) in SHACL's Turtle form, roughly."""
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{inverse.n3()}"
    return path.n3()
