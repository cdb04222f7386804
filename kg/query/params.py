"""``--param name=value`` to RDF terms: an IRI when written ``<…>``, a literal otherwise.

Values are bound as terms (``kg.query.run``: by substitution, or a VALUES block of serialized
terms), never pasted into the query text as strings. A value is checked against what the query's header
declares (``kg.query.library``): an IRI parameter takes no literal, a literal parameter no IRI, a
plain value of a literal parameter takes the language of its default (the graph's names are
tagged @zh), and an entity parameter (``IRI pol:District``) also takes a name, alias or division
code, looked up in the graph being queried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import pyoxigraph as ox

from kg.errors import MissingParameterError
from kg.query.library import NamedQuery, Param
from kg.query.run import Result, Term

_LITERAL_RE = re.compile(r'^"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^<([^>]+)>)?$', re.S)
_LISTED = 10  # candidates an ambiguous name lists

Run = Callable[[str, dict[str, Term]], Result]

# Exact matches of a text among the entities of a class: by name, alias or division code.
_LOOKUP = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX pol: <https://w3id.org/kg-policy/ontology#>
SELECT DISTINCT ?entity ?name ?via ?rank WHERE {
  ?entity a ?class .
  { ?entity skos:prefLabel ?form . BIND("name" AS ?via) BIND(1 AS ?rank) }
  UNION { ?entity skos:altLabel ?form . BIND("alias" AS ?via) BIND(2 AS ?rank) }
  UNION { ?entity pol:divisionCode ?form . BIND("division code" AS ?via) BIND(3 AS ?rank) }
  FILTER(STR(?form) = ?text)
  OPTIONAL { ?entity skos:prefLabel ?name }
}
ORDER BY ?entity ?rank"""


@dataclass(frozen=True)
class Resolved:
    """A name, alias or code given for an entity parameter, and the entity it names."""

    param: str
    given: str
    iri: str
    name: str  # the entity's skos:prefLabel
    via: str  # "name", "alias" or "division code"

    def __str__(self) -> str:
        return f"--param {self.param}={self.given} is <{self.iri}> ({self.name}, by {self.via})"


@dataclass
class Bindings:
    terms: dict[str, Term] = field(default_factory=dict)
    resolved: list[Resolved] = field(default_factory=list)  # for the command line to tell


def to_term(value: str):
    """``<iri>`` → NamedNode; ``"text"@zh`` / ``"2020"^^<xsd:gYear>`` → typed literal; else a plain string."""
    value = value.strip()
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        m = _LITERAL_RE.match(value)
        if m:
            text, lang, datatype = m.groups()
            if lang:
                return ox.Literal(text, language=lang)
            if datatype:
                return ox.Literal(text, datatype=ox.NamedNode(datatype))
            return ox.Literal(text)
    except ValueError as err:
        raise MissingParameterError(f"{value!r} is not a valid RDF term ({err})") from None
    return ox.Literal(value)


def bind(query: NamedQuery, given: Iterable[str], run: Optional[Run] = None) -> Bindings:
    """Terms for the query's variables: ``--param`` values over the header's defaults. ``run``
    answers a query on the graph being queried; entity names are looked up with it."""
    raw: dict[str, str] = {}
    for item in given:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise MissingParameterError(f"--param {item!r}: write it as name=value")
        if not re.fullmatch(r"\w+", name):
            raise MissingParameterError(f"--param {item!r}: {name!r} is not a variable name")
        raw[name] = value.strip()
    _check_names(query, raw)
    declared = {p.name: p for p in query.params}
    bound = Bindings()
    for name, value in raw.items():
        param = declared.get(name)
        if not value:
            raise MissingParameterError(f"--param {name}= is empty; expected {_expected(param)}")
        term = to_term(value)
        if param is None:
            bound.terms[name] = term
        elif param.kind == "IRI" and not isinstance(term, ox.NamedNode):
            if param.entity is None:
                raise MissingParameterError(f"--param {name}={value}: expected {_expected(param)}, not a literal")
            resolved = resolve_entity(param, term.value, value, run)
            bound.resolved.append(resolved)
            bound.terms[name] = ox.NamedNode(resolved.iri)
        elif param.kind == "literal" and not isinstance(term, ox.Literal):
            raise MissingParameterError(f"--param {name}={value}: expected {_expected(param)}, not an IRI")
        else:
            bound.terms[name] = _with_default_language(term, value, param)
    for param in query.params:
        if param.name not in bound.terms:
            if param.default is None:
                raise MissingParameterError(f"query {query.name!r} needs --param {param.name}=… ({param.help or param.kind})")
            bound.terms[param.name] = to_term(param.default)
    return bound


def resolve_entity(param: Param, text: str, given: str, run: Optional[Run]) -> Resolved:
    """The one entity of ``param``'s class whose name, alias or division code is ``text``."""
    what = param.entity_name or f"<{param.entity}>"
    if run is None:
        raise MissingParameterError(f"--param {param.name}={given}: give the {what}'s IRI <…>")
    rows = run(_LOOKUP, {"text": ox.Literal(text), "class": ox.NamedNode(param.entity)}).rows
    found: dict[str, tuple[str, str]] = {}  # IRI -> (name, how it matched), the first way in order
    for entity, name, via, _ in rows:
        found.setdefault(entity.value, ("" if name is None else name.value, via.value))
    if not found:
        raise MissingParameterError(
            f"--param {param.name}={given}: no {what} in the graph has the name, alias or division code "
            f"{text!r}; give its IRI <…> or another name")
    if len(found) > 1:
        listed = "; ".join(f"<{iri}> {name}" for iri, (name, _) in list(found.items())[:_LISTED])
        more = f" and {len(found) - _LISTED} more" if len(found) > _LISTED else ""
        raise MissingParameterError(
            f"--param {param.name}={given}: {len(found)} entities of {what} are called {text!r}; "
            f"give one IRI: {listed}{more}")
    ((iri, (name, via)),) = found.items()
    return Resolved(param.name, given, iri, name, via)


def _check_names(query: NamedQuery, raw: dict[str, str]) -> None:
    """Every name given is a parameter the header declares, or for a query without a header a
    variable of its text: a misspelt name would otherwise change nothing, silently."""
    if query.params:
        declared = {p.name for p in query.params}
        unknown = sorted(set(raw) - declared)
        if unknown:
            raise MissingParameterError(
                f"query {query.name!r} has no parameter {', '.join(unknown)}; it takes {', '.join(sorted(declared))}")
        return
    unknown = sorted(n for n in raw if not re.search(rf"[?$]{re.escape(n)}(?!\w)", query.text))
    if unknown:
        raise MissingParameterError(
            f"the query has no variable {', '.join('?' + n for n in unknown)} for --param to bind")


def _expected(param: Optional[Param]) -> str:
    if param is None:
        return 'an IRI <…>, a literal "…"@zh or plain text'
    example = f", e.g. {param.default}" if param.default else ""
    if param.kind == "literal":
        return f"a literal{example}"
    if param.entity is not None:
        what = param.entity_name or f"<{param.entity}>"
        return f"the IRI <…> of a {what}{example}, or its name, alias or division code"
    return f"an IRI <…>{example}"


def _with_default_language(term: Term, written: str, param: Optional[Param]):
    """A plain value (no quotes) of a literal parameter tagged as its default is: the graph's
    names are @zh, and an untagged string would match none of them."""
    if param is None or param.kind != "literal" or not param.default or written.startswith('"'):
        return term
    default = to_term(param.default)
    if isinstance(default, ox.Literal) and default.language:
        return ox.Literal(term.value, language=default.language)
    return term
