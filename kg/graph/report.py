"""What a shapes check reports (:class:`Report`, :class:`Violation`) and how it names nodes.

Shared by pySHACL's reference validator (:mod:`kg.graph.validate`) and the fast one
(:mod:`kg.graph.shapes`), so that both give the very same objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.graph.iris import DEFAULT_BASE
from kg.graph.namespace import PREFIXES

# Prefixes that shorten names in a report when the data graph does not bind them itself.
_PREFIXES = {**PREFIXES, "kgid": DEFAULT_BASE}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


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


def make_report(conforms: bool, found: Iterable[Violation]) -> Report:
    """A report of ``found``, duplicates dropped, in the order :class:`Report` promises."""
    violations = sorted(
        set(found),
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 9), v.focus, v.path, v.message, v.value or ""),
    )
    return Report(conforms=conforms, violations=violations)


def pick_message(messages: Iterable[Literal]) -> str:
    """The one message a report quotes of several: an untagged or English one first."""
    ordered = sorted(messages, key=lambda m: (getattr(m, "language", None) not in (None, "en"), str(m)))
    return str(ordered[0]) if ordered else "does not conform"


def shortener(namespaces: Iterable[tuple[str, Node]]):
    """Short names for a report. The data graph's prefixes (``namespaces``, as
    ``Graph.namespaces()`` gives them) win; ours fill in what it lacks (a Turtle file keeps no
    kgid: prefix, as rdflib writes none of its IRIs as prefixed names)."""
    bound = {str(prefix): str(namespace) for prefix, namespace in namespaces if prefix}
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
