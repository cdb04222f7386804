"""Read a SHACL shapes graph into :class:`~kg.graph.shape_model.Shape` objects.

The loader interprets the shapes generically, but only the SHACL it knows: any other ``sh:``
term in the file (a constraint component, a target or a path form it does not check) raises
:class:`UnsupportedShapeError` naming the file, so a new shape is never silently ignored.
"""

from __future__ import annotations

from typing import Optional

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from kg.errors import UnsupportedShapeError
from kg.graph.report import pick_message
from kg.graph.shape_model import Shape, Sparql, key
from kg.graph.shape_sparql import compile_select
from kg.graph.shape_values import (
    RANGE_COMPONENTS,
    datatype_test,
    in_test,
    language_in_test,
    node_kind_test,
    pattern_test,
    range_test,
)

# The sh: predicates the loader understands. Parameters of constraint components first,
# then the ones that only describe, declare or organise.
_COMPONENTS = {
    SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH["in"], SH.languageIn, SH.pattern,
    SH.flags, SH.lessThan, SH["not"], SH.nodeKind, SH.sparql, *RANGE_COMPONENTS,
}
_STRUCTURE = {
    SH.targetClass, SH.property, SH.path, SH.message, SH.severity, SH.deactivated, SH.name,
    SH.description, SH.order, SH.group, SH.select, SH.prefixes, SH.declare, SH.prefix, SH.namespace,
}
_TYPES = {SH.NodeShape, SH.PropertyShape, SH.SPARQLConstraint, SH.PrefixDeclaration}


def load_shapes_graph(shapes: Graph, where: str) -> tuple[list[tuple[URIRef, Shape]], frozenset]:
    """``(targets, predicates)``: each (target class, shape) and the predicates the shapes
    read in a data graph. ``where`` names the shapes file in errors."""
    _refuse_unknown_terms(shapes, where)
    loader = _Loader(shapes, where)
    targets = []
    for root in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        shape = loader.shape(root)
        if shape is None:  # deactivated
            continue
        targets.extend((cls, shape) for cls in shapes.objects(root, SH.targetClass))
    return targets, frozenset(loader.predicates)


def _refuse_unknown_terms(shapes: Graph, where: str) -> None:
    for s, p, o in shapes:
        if str(p).startswith(str(SH)) and p not in _COMPONENTS and p not in _STRUCTURE:
            raise UnsupportedShapeError(where, f"{p.n3(shapes.namespace_manager)} is not supported "
                                               f"by the fast validator (kg.graph.shapes)")
        if p == RDF.type and str(o).startswith(str(SH)) and o not in _TYPES:
            raise UnsupportedShapeError(where, f"shapes of type {o.n3(shapes.namespace_manager)} are not "
                                               f"supported by the fast validator (kg.graph.shapes)")
        if p == RDF.type and o in (RDFS.Class, OWL.Class) and (s, RDF.type, SH.NodeShape) in shapes:
            raise UnsupportedShapeError(where, f"{s.n3(shapes.namespace_manager)}: implicit class targets are "
                                               f"not supported by the fast validator (kg.graph.shapes)")


class _Loader:
    def __init__(self, shapes: Graph, where: str) -> None:
        self.g = shapes
        self.where = where
        self.predicates: set[Node] = set()

    def fail(self, node: Node, problem: str) -> UnsupportedShapeError:
        label = node.n3(self.g.namespace_manager) if not isinstance(node, BNode) else "a blank-node shape"
        return UnsupportedShapeError(self.where, f"{label}: {problem}")

    def one(self, node: Node, predicate: URIRef) -> Optional[Node]:
        values = list(self.g.objects(node, predicate))
        if len(values) > 1:
            raise self.fail(node, f"more than one {predicate.n3(self.g.namespace_manager)}")
        return values[0] if values else None

    def shape(self, node: Node, quiet: bool = False) -> Optional[Shape]:
        """``quiet``: a shape under sh:not, whose own results are never reported."""
        g = self.g
        deactivated = self.one(node, SH.deactivated)
        if isinstance(deactivated, Literal) and deactivated.value is True:
            return None
        path = self.one(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise self.fail(node, "only a plain IRI sh:path is supported")
        if path is not None:
            self.predicates.add(path)
        severity = self.one(node, SH.severity)
        messages = list(g.objects(node, SH.message))
        value_tests = [datatype_test(d) for d in g.objects(node, SH.datatype)]
        value_tests += [in_test(Collection(g, members)) for members in g.objects(node, SH["in"])]
        value_tests += [language_in_test(Collection(g, tags)) for tags in g.objects(node, SH.languageIn)]
        flags = self.one(node, SH.flags)
        value_tests += [pattern_test(str(p), str(flags or "")) for p in g.objects(node, SH.pattern)]
        for component in RANGE_COMPONENTS:
            value_tests += [self.range(node, component, bound) for bound in g.objects(node, component)]
        for kind in g.objects(node, SH.nodeKind):
            test = node_kind_test(kind)
            if test is None:
                raise self.fail(node, f"unknown sh:nodeKind {kind}")
            value_tests.append(test)
        less_than = tuple(g.objects(node, SH.lessThan))
        self.predicates.update(less_than)
        less_than = tuple(key(p) for p in less_than)
        nots = tuple(s for s in (self.shape(n, quiet=True) for n in g.objects(node, SH["not"])) if s is not None)
        shape = Shape(
            path=path,
            message=pick_message(messages),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            min_count=self.count(node, SH.minCount),
            max_count=self.count(node, SH.maxCount),
            value_tests=tuple(value_tests),
            classes=tuple(key(c) for c in g.objects(node, SH["class"])),
            nots=nots,
            less_than=less_than,
            sparql=tuple(filter(None, (self.sparql(node, c, path, messages) for c in g.objects(node, SH.sparql)))),
            properties=tuple(s for s in (self.shape(p) for p in g.objects(node, SH.property)) if s is not None),
        )
        reports_itself = (shape.min_count, shape.max_count) != (None, None) or any(
            (shape.value_tests, shape.classes, shape.nots, shape.less_than)
        )
        if reports_itself and not messages and not quiet:
            # pySHACL would write a generic message per component; this validator does not.
            raise self.fail(node, "a constraint without sh:message is not supported")
        return shape

    def count(self, node: Node, predicate: URIRef) -> Optional[int]:
        value = self.one(node, predicate)
        if value is None:
            return None
        if not isinstance(value, Literal) or not isinstance(value.value, int):
            raise self.fail(node, f"{predicate.n3(self.g.namespace_manager)} must be an integer")
        return value.value

    def range(self, node: Node, component: URIRef, bound: Node):
        if not isinstance(bound, Literal):
            raise self.fail(node, f"{component.n3(self.g.namespace_manager)} must be a literal")
        return range_test(component, bound)

    def sparql(self, node: Node, constraint: Node, path: Optional[URIRef], messages: list) -> Optional[Sparql]:
        g = self.g
        select = self.one(constraint, SH.select)
        if select is None:
            raise self.fail(node, "a sh:sparql constraint without sh:select")
        deactivated = self.one(constraint, SH.deactivated)
        if isinstance(deactivated, Literal) and deactivated.value is True:
            return None
        own = list(g.objects(constraint, SH.message))
        if not own and not messages:
            raise self.fail(node, "a sh:sparql constraint without sh:message is not supported")
        if any("{?" in str(m) or "{$" in str(m) for m in own + messages):
            raise self.fail(node, "SPARQL message templates ({?var}) are not supported")
        violated, predicates = compile_select(str(select), self.prefixes(constraint), path, self.where)
        self.predicates.update(predicates)
        return Sparql(violated=violated, message=pick_message(set(messages) | set(own)))

    def prefixes(self, constraint: Node) -> dict[str, str]:
        g = self.g
        found = {}
        for owner in g.objects(constraint, SH.prefixes):
            for declaration in g.objects(owner, SH.declare):
                prefix, namespace = self.one(declaration, SH.prefix), self.one(declaration, SH.namespace)
                if prefix is None or namespace is None:
                    raise self.fail(owner, "a sh:declare without sh:prefix and sh:namespace")
                found[str(prefix)] = str(namespace)
        return found
