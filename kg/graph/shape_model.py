"""The compiled form of SHACL shapes and how a focus node is checked against it.

A :class:`Shape` holds plain Python values and functions, built once by
:mod:`kg.graph.shape_loader`; an :class:`Index` holds the one pass over a data graph's triples
that the checks read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Optional

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.graph.shape_values import ValueTest, less_than

_EMPTY: frozenset = frozenset()

# emit(focus, path, message, severity, value): one validation result.
Emit = Callable[[Node, Optional[URIRef], str, str, Optional[Node]], None]


def key(node: Node):
    """The dictionary key of a node: an IRI as plain text. Lookups then compare keys in C;
    rdflib's URIRef.__eq__ is Python code and was the largest cost of a check. Blank nodes and
    literals keep their own type, so none of them can be taken for an IRI."""
    return str(node) if type(node) is URIRef else node


class Hierarchy:
    """rdfs:subClassOf as given (keys of the classes), closed transitively on demand; no
    other inference."""

    def __init__(self, edges: Iterable[tuple[Node, Node]]) -> None:
        self.edges = frozenset((key(sub), key(sup)) for sub, sup in edges)
        children: dict = {}
        for sub, sup in self.edges:
            children.setdefault(sup, set()).add(sub)
        self._children = children
        self.subclasses = lru_cache(maxsize=None)(self._subclasses)

    def _subclasses(self, cls) -> frozenset:
        """The key ``cls`` and the keys of every class below it."""
        found, todo = {cls}, [cls]
        while todo:
            for sub in self._children.get(todo.pop(), ()):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        return frozenset(found)

    def extended(self, edges: Iterable[tuple[Node, Node]]) -> "Hierarchy":
        return Hierarchy(self.edges | set(edges))


class Index:
    """The objects of (subject, predicate) for the predicates the shapes read, and the
    subjects' rdf:type; built in one pass over the triples. Subjects, predicates and types
    are held by :func:`key`; objects as the terms they are."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]], predicates: frozenset, hierarchy: Hierarchy) -> None:
        wanted = frozenset(key(p) for p in predicates)
        values: dict = {}
        types: dict = {}
        nodes: dict = {}  # key -> the node, for the typed subjects: the focus nodes to report
        subclass_edges = []
        rdf_type, subclass_of = str(RDF.type), str(RDFS.subClassOf)
        for s, p, o in triples:
            p = str(p)
            if p == rdf_type:
                k = key(s)
                found = types.get(k)
                if found is None:
                    types[k] = {key(o)}
                    nodes[k] = s
                else:
                    found.add(key(o))
            elif p in wanted:
                k = (key(s), p)
                found = values.get(k)
                if found is None:
                    values[k] = {o}
                else:
                    found.add(o)
            elif p == subclass_of:
                subclass_edges.append((s, o))
        self._values = values
        self.types = types
        self.nodes = nodes
        # The data's own subclass triples count too, as pySHACL validates the data graph with
        # the ontology's hierarchy mixed in.
        self.hierarchy = hierarchy.extended(subclass_edges) if subclass_edges else hierarchy

    def objects(self, subject: Node, predicate: str):
        """A set of the objects of ``subject`` and the key ``predicate``; not to be modified."""
        return self._values.get((key(subject), predicate), _EMPTY)

    def is_instance(self, node: Node, cls) -> bool:
        """The data types ``node`` the class of key ``cls`` or one of its subclasses (SHACL's
        "instance")."""
        types = self.types.get(key(node))
        return bool(types) and not self.hierarchy.subclasses(cls).isdisjoint(types)


@dataclass(frozen=True)
class Sparql:
    violated: Callable[[Node, Callable], bool]  # (focus, index.objects) -> a row for focus
    message: str


@dataclass(frozen=True, eq=False)  # identity hash: shapes are sets' members on the hot path
class Shape:
    """One node or property shape. Every result it gives itself carries ``message``."""

    path: Optional[URIRef]  # None: a node shape, whose one value node is the focus node
    message: str
    severity: str
    min_count: Optional[int] = None
    max_count: Optional[int] = None
    value_tests: tuple[ValueTest, ...] = ()  # sh:datatype, sh:in, sh:pattern, ...
    classes: tuple = ()  # sh:class, keys of the classes
    nots: tuple["Shape", ...] = ()  # sh:not: a value conforming to one is a result
    less_than: tuple[str, ...] = ()  # sh:lessThan, keys of the properties
    sparql: tuple[Sparql, ...] = ()
    properties: tuple["Shape", ...] = field(default=())  # sh:property, checked on each value node

    def __post_init__(self) -> None:
        object.__setattr__(self, "_path_key", key(self.path) if self.path is not None else None)

    def check(self, focus: Node, index: Index, emit: Emit) -> None:
        path, message, severity = self.path, self.message, self.severity
        values = index.objects(focus, self._path_key) if path is not None else (focus,)
        count = len(values)
        if (self.min_count is not None and count < self.min_count) or (
            self.max_count is not None and count > self.max_count
        ):
            emit(focus, path, message, severity, None)
        for value in values:
            for test in self.value_tests:
                if not test(value):
                    emit(focus, path, message, severity, value)
            for cls in self.classes:
                if not index.is_instance(value, cls):
                    emit(focus, path, message, severity, value)
            for shape in self.nots:
                if shape.conforms(value, index):
                    emit(focus, path, message, severity, value)
        for other in self.less_than:
            bounds = index.objects(focus, other)
            for value in values:
                if any(not less_than(value, bound) for bound in bounds):
                    emit(focus, path, message, severity, value)
        for constraint in self.sparql:
            if constraint.violated(focus, index.objects):
                # pySHACL names the focus as the value of a node shape's SPARQL result only.
                emit(focus, path, constraint.message, severity, None if path is not None else focus)
        for shape in self.properties:
            for value in values:
                shape.check(value, index, emit)

    def conforms(self, focus: Node, index: Index) -> bool:
        found = []
        self.check(focus, index, lambda *result: found.append(result))
        return not found
