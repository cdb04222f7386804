"""Compile a SHACL SPARQL constraint's SELECT into a test on the focus node's own triples.

pySHACL runs the SELECT once per focus node with ``$this`` pre-bound. Through rdflib that is
0.27 ms a query even prepared (measured on the seeds' 67 observations): two constraints on
every observation would cost as much again as the whole compiled check of a document. The
constraints we write only ask whether ``$this`` has, or lacks, values of some
properties, so the SELECT is parsed with rdflib's SPARQL parser (what it read kept on disk by
:mod:`kg.resources.derived`, so that a process need not even import the parser) and compiled,
when it has the form

    SELECT $this WHERE { FILTER [NOT] EXISTS { $this <p> ?x . ... } ... }

(filters joined by ``&&`` or written one after another; objects variables or constants), into
a test that reads the triples of ``$this`` from the checker's index. Any other query raises
:class:`UnsupportedShapeError` when the shapes load, never a silently wrong answer.
"""

from __future__ import annotations

import re
import sys
from typing import Callable, Mapping, Optional

import rdflib
from rdflib import URIRef, Variable
from rdflib.term import Node

from kg.errors import UnsupportedShapeError
from kg.resources.derived import key, kept

# A triple pattern of $this: (predicate as plain text, the index's key; constant object or
# None for a variable).
_Pattern = tuple[str, Optional[Node]]
# Objects of (subject, predicate key) in the checker's index.
Objects = Callable[[Node, str], frozenset]

# As pySHACL substitutes $PATH (helper/sparql_query_helper.py).
_PATH_VARIABLE = re.compile(r"([\s{}()])[$?]PATH", flags=re.M)
_THIS = Variable("this")


def compile_select(select: str, prefixes: Mapping[str, str], path: Optional[URIRef], where: str):
    """A function ``violated(focus, objects) -> bool``, true when the SELECT returns a row for
    ``focus``; ``where`` names the shapes file in errors. Returns it with the predicates it
    reads, which the checker must index."""
    text = select
    if path is not None:
        text = _PATH_VARIABLE.sub(lambda m: m.group(1) + path.n3(), text)
    elif _PATH_VARIABLE.search(text):
        raise _unsupported(select, where, "uses $PATH on a shape without sh:path")
    header = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in prefixes.items())
    query = header + text
    # rdflib's SPARQL parser takes longer to import and run than the rest of the shapes to load:
    # its reading of the query is kept on disk, by the query, this code and rdflib's version.
    try:
        digest = key((), (sys.modules[__name__],), query, f"rdflib {rdflib.__version__}")
    except OSError:  # this module's source cannot be read: the query is read as before
        analysed = _analyse(query)
    else:
        analysed = kept("sparql", digest, lambda: _analyse(query))
    if isinstance(analysed, str):  # not a query this module compiles: said each time it loads
        raise _unsupported(select, where, analysed)
    tests = analysed
    predicates = frozenset(URIRef(p) for _, patterns in tests for p, _ in patterns)

    def violated(focus: Node, objects: Objects) -> bool:
        for wanted, patterns in tests:
            found = all(
                (obj in objects(focus, p)) if obj is not None else bool(objects(focus, p))
                for p, obj in patterns
            )
            if found != wanted:
                return False
        return True

    return violated, predicates


def _unsupported(select: str, where: str, why: str) -> UnsupportedShapeError:
    return UnsupportedShapeError(where, f"SPARQL constraint {why}; the fast validator compiles only "
                                        f"'SELECT $this WHERE {{ FILTER [NOT] EXISTS {{ $this <p> ?x }} }}': "
                                        f"{' '.join(select.split())}")


class _Unsupported(Exception):
    """Why a query is not of the form compiled here (a shape error once the file is named)."""


def _analyse(query_text: str) -> list[tuple[bool, list[_Pattern]]] | str:
    """The query's tests, ``(wanted, patterns)`` per filter, or why it cannot be compiled."""
    from rdflib.plugins.sparql import prepareQuery  # the parser is slow to import; only when not kept

    try:
        query = prepareQuery(query_text).algebra
        if query.name != "SelectQuery" or query.p.name != "Project" or list(query.PV) != [_THIS]:
            raise _Unsupported("does not select $this alone")
        body = query.p.p
        if body.name != "Filter" or body.p.name != "BGP" or body.p.triples:
            raise _Unsupported("has a graph pattern besides its FILTERs")
        return [_exists_test(expr, _Unsupported) for expr in _conjuncts(body.expr, _Unsupported)]
    except _Unsupported as err:
        return str(err)


def _conjuncts(expr, unsupported) -> list:
    if getattr(expr, "name", None) == "ConditionalAndExpression":
        return [expr.expr, *expr.other]
    return [expr]


def _triples(pattern, unsupported) -> list:
    """The triples of a basic graph pattern, which rdflib may hand over as a Join of BGPs."""
    if pattern.name == "BGP":
        return list(pattern.triples)
    if pattern.name == "Join":
        return _triples(pattern.p1, unsupported) + _triples(pattern.p2, unsupported)
    raise unsupported(f"has an EXISTS that is not a plain list of triples ({pattern.name})")


def _exists_test(expr, unsupported) -> tuple[bool, list[_Pattern]]:
    """``(wanted, patterns)``: the filter holds when every pattern matches is ``wanted``."""
    name = getattr(expr, "name", None)
    if name not in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
        raise unsupported(f"has a filter other than [NOT] EXISTS ({name or expr})")
    patterns, seen = [], set()
    for subject, predicate, obj in _triples(expr.graph, unsupported):
        if subject != _THIS or not isinstance(predicate, URIRef):
            raise unsupported("has a triple whose subject is not $this or whose predicate is not an IRI")
        if isinstance(obj, Variable):
            # A variable met twice would join two patterns; the compiled test cannot.
            if obj == _THIS or obj in seen:
                raise unsupported(f"joins on ?{obj}")
            seen.add(obj)
            patterns.append((str(predicate), None))
        else:
            patterns.append((str(predicate), obj))
    return name == "Builtin_EXISTS", patterns
