"""``--param name=value`` to RDF terms: an IRI when written ``<…>``, a literal otherwise.

Values are bound as terms (pyoxigraph substitutions, or a VALUES block of serialized terms for a
remote endpoint), never pasted into the query text as strings.
"""

from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox

from kg.errors import MissingParameterError
from kg.query.library import NamedQuery

_LITERAL_RE = re.compile(r'^"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^<([^>]+)>)?$', re.S)


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


def bind(query: NamedQuery, given: Iterable[str]) -> dict[str, object]:
    """Terms for the query's variables: ``--param`` values over the header's defaults."""
    values: dict[str, object] = {}
    for item in given:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise MissingParameterError(f"--param {item!r}: write it as name=value")
        values[name.strip().lstrip("?$")] = to_term(value)
    declared = {p.name for p in query.params}
    for param in query.params:
        if param.name not in values:
            if param.default is None:
                raise MissingParameterError(f"query {query.name!r} needs --param {param.name}=… ({param.help or param.kind})")
            values[param.name] = to_term(param.default)
    unknown = set(values) - declared
    if unknown and query.params:
        raise MissingParameterError(f"query {query.name!r} has no parameter {', '.join(sorted(unknown))}; it takes {', '.join(sorted(declared))}")
    return values
