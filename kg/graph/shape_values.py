"""Tests of one value node, one per SHACL constraint component, as pySHACL 0.40 decides them.

Each ``*_test`` function takes the component's parameter from the shapes graph and returns
``test(value) -> bool`` (true: the value conforms). They follow pySHACL's code rather than the
letter of the SHACL spec where the two differ, since pySHACL is the reference the fast
validator must agree with (see the notes on each).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Callable, Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

ValueTest = Callable[[Node], bool]
same_text = str.__eq__

# What the lexical value of a literal must be for sh:datatype; pySHACL checks these and lets
# every other datatype pass (an ill-formed xsd:gYear such as "20x0" conforms there too).
_VALUE_TYPES = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: datetime.date,
    XSD.time: datetime.time,
    XSD.dateTime: datetime.datetime,
}


def datatype_test(datatype: URIRef) -> ValueTest:
    """A literal of ``datatype`` whose lexical form parses; an untagged literal without a
    datatype counts as xsd:string, a tagged one as rdf:langString. The branches are pySHACL's
    (DatatypeConstraintComponent), decided here once rather than for every value."""
    expected = _VALUE_TYPES.get(datatype)
    plain = datatype == XSD.string  # an untagged literal without datatype is an xsd:string
    tagged = datatype == RDF.langString
    anything = datatype == RDFS.Literal
    typed = datatype == RDFS.Datatype

    def well_formed(value: Literal) -> bool:
        return expected is None or isinstance(value.value, expected)

    def test(value: Node) -> bool:
        if not isinstance(value, Literal):
            return False
        dt = value.datatype
        # str.__eq__ compares the IRIs as text in C; URIRef's own __eq__ is Python code.
        if dt is not None and same_text(dt, datatype):
            return value.ill_typed is not True and well_formed(value)
        if anything or (typed and dt is not None):
            return True
        if plain and dt is None and not value.language:
            return well_formed(value)
        return tagged and bool(value.language) and well_formed(value)

    return test


def in_test(members: Iterable[Node]) -> ValueTest:
    allowed = frozenset(members)  # rdflib term equality: "1"^^xsd:integer is not "01"^^xsd:integer
    return lambda value: value in allowed


def language_in_test(ranges: Iterable[Node]) -> ValueTest:
    """pySHACL's matching: the whole tag or its first subtag is one of the ranges ("zh-Hant"
    passes ("zh")), case-insensitively; "*" passes any tag."""
    wanted = {str(r).lower() for r in ranges}
    wildcard = "*" in wanted

    def test(value: Node) -> bool:
        if not isinstance(value, Literal) or not value.language:
            return False
        tag = value.language.lower()
        return wildcard or tag in wanted or tag.split("-")[0] in wanted

    return test


def pattern_test(pattern: str, flags: str = "") -> ValueTest:
    regex = re.compile(pattern, (re.I if "i" in flags.lower() else 0) | (re.M if "m" in flags.lower() else 0))

    def test(value: Node) -> bool:
        if isinstance(value, BNode):
            return False
        if isinstance(value, Literal) and value.value is not None and value.datatype in (None, RDF.langString, XSD.string):
            return regex.search(str(value.value)) is not None
        return regex.search(str(value)) is not None

    return test


_RANGE_PASSES = {
    SH.minInclusive: lambda cmp: cmp >= 0,
    SH.minExclusive: lambda cmp: cmp > 0,
    SH.maxInclusive: lambda cmp: cmp <= 0,
    SH.maxExclusive: lambda cmp: cmp < 0,
}
RANGE_COMPONENTS = tuple(_RANGE_PASSES)


def range_test(component: URIRef, bound: Literal) -> ValueTest:
    """sh:minInclusive and its kin: a literal comparable with ``bound``; a string never
    compares with a number."""
    passes = _RANGE_PASSES[component]
    bound_is_string = isinstance(bound.value, str)

    def test(value: Node) -> bool:
        if not isinstance(value, Literal) or isinstance(value.value, str) != bound_is_string:
            return False
        try:
            return passes(_compare_literal(value, bound))
        except (TypeError, NotImplementedError):
            return False

    return test


def _compare_literal(a: Literal, b: Literal) -> int:
    """pySHACL's rdfutil.compare.compare_literal."""
    if a.eq(b):
        return 0
    if isinstance(a.value, (datetime.datetime, datetime.time)):
        return 0 if a.value == b.value else (1 if a.value > b.value else -1)
    return 1 if a > b else -1


def less_than(value: Node, other: Node) -> bool:
    """sh:lessThan of one pair, as pySHACL compares: IRIs and strings as text, other literals
    by value; a string against a number fails. (pySHACL raises on a blank node and lets the
    TypeError of incomparable literals escape, giving no report; here the pair just fails.)"""
    if isinstance(value, BNode) or isinstance(other, BNode):
        return False
    a, a_text = _comparable(value)
    b, b_text = _comparable(other)
    if a_text != b_text:
        return False
    try:
        return bool(a < b)
    except TypeError:
        return False


def _comparable(node: Node):
    if isinstance(node, URIRef):
        return str(node), True
    if isinstance(node, Literal) and isinstance(node.value, str):
        return node.value, True
    return node, False


_NODE_KINDS = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def node_kind_test(kind: URIRef) -> ValueTest | None:
    """None for a kind SHACL does not define."""
    kinds = _NODE_KINDS.get(kind)
    return None if kinds is None else (lambda value: isinstance(value, kinds))
