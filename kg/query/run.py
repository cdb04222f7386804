"""Run a SPARQL query on the built graph (Oxigraph) or on a remote endpoint.

Oxigraph is the local engine, chosen by ``bench/query_engines.py``: a fresh process answers a
library query on the seed graph in 0.10 s (rdflib: 1.48 s), and on a million triples it loads in
2.7 s (rdflib: 35 s) and runs the library's queries 31 times faster. The build's on-disk store
(``OUT/store/``, ``kg.outputs.store``) opens without loading anything, so it is used whenever it
is at least as new as the graph file asked for. Queries see the union of the named graphs, in
which a triple held by several graphs comes once per graph: the library's queries are written
to count it once. Nothing here imports spaCy or rdflib, so ``kg query`` starts fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union
from urllib.error import URLError
from urllib.parse import parse_qsl

import pyoxigraph as ox

from kg.errors import EndpointError, InputError, QueryError
from kg.outputs.store import MANIFEST, current_store, open_store

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal]
_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
            ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}


@dataclass
class Result:
    variables: list[str] = field(default_factory=list)
    rows: list[list[Optional[Term]]] = field(default_factory=list)
    boolean: Optional[bool] = None  # ASK queries
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)  # CONSTRUCT / DESCRIBE


def default_graph_file(out_dir: Path = Path("out")) -> Path:
    """The TriG file (it keeps the named graphs) when there is one, else the Turtle file."""
    trig = out_dir / "graph.trig"
    return trig if trig.is_file() else out_dir / "graph.ttl"


def open_graph(path: Path) -> ox.Store:
    """The graph of ``path`` to query: the build's store beside it when that is at least as new
    (``kg.outputs.store.current_store``), else the file loaded into memory. ``path`` may also be a
    store folder itself."""
    if path.is_dir() and (path / MANIFEST).is_file():
        return open_store(path)
    store_dir = current_store(path)
    if store_dir is not None:
        try:
            return open_store(store_dir)
        except InputError:
            if not path.is_file():
                raise
    return load_store(path)


def load_store(path: Path) -> ox.Store:
    if not path.is_file():
        raise InputError(str(path), "no such graph file; run `kg build` first or give --graph")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown RDF file type {path.suffix}; use one of {', '.join(_FORMATS)}")
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(str(path), f"not a readable RDF file ({err})") from None
    return store


def run_local(store: ox.Store, query: str, bindings: dict[str, Term]) -> Result:
    substituted = substituted_variables(query, bindings)
    substitutions = {ox.Variable(name): term for name, term in bindings.items() if name in substituted}
    rest = {name: term for name, term in bindings.items() if name not in substituted}
    try:
        answer = store.query(with_values(query, rest), substitutions=substitutions, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err}") from None
    except (ValueError, OSError, RuntimeError) as err:
        raise QueryError(f"the query failed: {err}") from None
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        return Result(variables, [[solution[v] for v in variables] for solution in answer])
    if isinstance(answer, ox.QueryBoolean):
        return Result(boolean=bool(answer))
    return Result(triples=[(t.subject, t.predicate, t.object) for t in answer])


def local_runner(path: Path) -> Callable[[str, dict[str, Term]], Result]:
    """``run(query, bindings)`` on the graph of ``path`` (``open_graph``), opened on first use, so
    that malformed parameters are reported before a large graph is loaded."""
    opened: list[ox.Store] = []

    def run(query: str, bindings: dict[str, Term]) -> Result:
        if not opened:
            opened.append(open_graph(path))
        return run_local(opened[0], query, bindings)

    return run


def run_remote(endpoint: str, query: str, bindings: dict[str, Term], timeout: float = 60,
               auth: Optional[tuple[str, str]] = None) -> Result:
    """Through SPARQLWrapper; parameters go in as a VALUES block of serialized RDF terms, and
    ``auth`` (user, password) as HTTP basic auth."""
    from SPARQLWrapper import JSON, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    # Parameters in the URL (Oxigraph's ?union-default-graph) go through SPARQLWrapper, which
    # builds its own query string.
    base, _, query_string = endpoint.partition("?")
    client = SPARQLWrapper(base)
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        client.addParameter(name, value)
    client.setTimeout(int(timeout))
    if auth is not None:
        client.setCredentials(*auth)
    client.setQuery(with_values(query, bindings))
    client.setReturnFormat(JSON)
    try:
        data = client.queryAndConvert()
    except SPARQLWrapperException as err:
        raise QueryError(f"{endpoint} refused the query: {err}") from None
    except (URLError, OSError) as err:
        raise EndpointError(f"{endpoint}: cannot be reached ({getattr(err, 'reason', err)})") from None
    if not isinstance(data, dict):
        raise EndpointError(f"{endpoint}: did not answer with SPARQL JSON results")
    if "boolean" in data:
        return Result(boolean=bool(data["boolean"]))
    variables = data.get("head", {}).get("vars", [])
    rows = [[_from_json(b.get(v)) for v in variables] for b in data.get("results", {}).get("bindings", [])]
    return Result(variables, rows)


# What may hold a "WHERE" or a "{" that is not the query's: comments, strings and IRIs (an IRI
# may hold "#"). Each is matched whole where it starts, so the scan below sees only real tokens.
_SKIP = (
    r'#[^\n]*'
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
)
_TOKEN_RE = re.compile(
    rf'(?P<skip>{_SKIP})'
    r'|(?P<where>(?<![\w:?$])WHERE(?![\w:-]))'
    r'|(?P<construct>(?<![\w:?$])CONSTRUCT(?![\w:-]))'
    r'|(?P<select>(?<![\w:?$])SELECT(?![\w:-]))'
    r'|(?P<brace>\{)',
    re.I,
)


def where_start(query: str) -> int:
    """Where the query's WHERE group opens: just past its "{". The keyword is optional for
    SELECT, ASK and DESCRIBE; without it the group is the first "{"."""
    first_brace = None
    construct = after_where = False
    for m in _TOKEN_RE.finditer(query):
        kind = m.lastgroup
        if kind == "brace":
            if after_where:
                return m.end()
            first_brace = m.end() if first_brace is None else first_brace
        elif kind == "where":
            after_where = True
        elif kind == "construct":
            construct = True  # its first "{" is the template
    if first_brace is not None and not construct:
        return first_brace
    raise QueryError("parameters need a query with a WHERE { … } block")


_CLAUSE_TOKEN_RE = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|<[^<>\s]*>|[()*]|[?$](\w+)|(?<![\w:?$])(AS)(?![\w:-])', re.I)


def selected_variables(query: str) -> set[str]:
    """The variables the query's SELECT clause names (``?v`` and ``(… AS ?v)``); empty for
    ``SELECT *``, which selects whatever is in scope, and for the other query forms."""
    at = None
    for m in _TOKEN_RE.finditer(query):
        if m.lastgroup in ("where", "construct", "brace"):
            break  # past the clause, or no SELECT query
        if m.lastgroup == "select":
            at = m.end()
            break
    if at is None:
        return set()
    end = where_start(query)
    selected: set[str] = set()
    depth = 0
    after_as = False
    for m in _CLAUSE_TOKEN_RE.finditer(query, at, end):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "*" and depth == 0:
            return set()
        elif m.group(2):
            after_as = True
            continue
        elif m.group(1) and (depth == 0 or after_as):
            selected.add(m.group(1))
        after_as = False
    return selected


_NESTING_RE = re.compile(
    rf'(?P<skip>{_SKIP})|(?P<select>(?<![\w:?$])SELECT(?![\w:-]))|(?P<open>\{{)|(?P<close>\}})|[?$](?P<var>\w+)',
    re.I,
)


def subselect_variables(query: str) -> set[str]:
    """The variables the query names inside a sub-select (``{ SELECT … }``)."""
    frames: list[bool] = []  # one per open "{": does a sub-select open there?
    fresh = False  # just past a "{", where a SELECT opens a sub-select
    found: set[str] = set()
    for m in _NESTING_RE.finditer(query):
        kind = m.lastgroup
        if kind == "skip":
            continue
        if kind == "open":
            frames.append(False)
            fresh = True
            continue
        if kind == "select" and fresh:
            frames[-1] = True
        elif kind == "close" and frames:
            frames.pop()
        elif kind == "var" and any(frames):
            found.add(m.group("var"))
        fresh = False
    return found


def substituted_variables(query: str, bindings: dict[str, Term]) -> set[str]:
    """The parameters to bind by substitution; the others go in a VALUES block (``with_values``).
    Oxigraph carries a substitution into sub-selects, which a VALUES block opening the WHERE
    group does not reach (programs-of-district: four times faster substituted), but it plans the
    query as if a substituted variable were free, where it plans with a VALUES block's value
    (whole corpus: located-in 0.01 s with VALUES, 0.6 s substituted; entities-by-type 0.8 s and
    1.6 s). So: the selected variables (substitution refuses the others) that a sub-select names."""
    if not bindings:
        return set()
    return set(bindings) & selected_variables(query) & subselect_variables(query)


def with_values(query: str, bindings: dict[str, Term]) -> str:
    """The query with ``VALUES (?a ?b) { (term term) }`` opening its WHERE group: it binds the
    variables wherever they are in scope there, selected or not."""
    if not bindings:
        return query
    for name in bindings:
        if not re.fullmatch(r"\w+", name):  # names go into the text, so only real variable names
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    names = " ".join(f"?{n}" for n in bindings)
    terms = " ".join(str(t) for t in bindings.values())  # N-Triples serialization, escaped
    at = where_start(query)
    return f"{query[:at]}\n  VALUES ({names}) {{ ({terms}) }}\n{query[at:]}"


def _from_json(value: Optional[dict]) -> Optional[Term]:
    if value is None:
        return None
    kind = value.get("type")
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])


def result_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = []
    for row in result.rows:
        binding = {}
        for name, term in zip(result.variables, row):
            if term is not None:
                binding[name] = _to_json(term)
        bindings.append(binding)
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1)


def _to_json(term: Term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out
