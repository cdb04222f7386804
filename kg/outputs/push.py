"""`kg push`: load the built graph into a triple store, one named graph per source document
plus one for the build's merged entities and one, its record, listing the others (exactly the
named graphs of ``out/graph.trig``).

By default each graph goes by the SPARQL 1.1 Graph Store HTTP Protocol: ``PUT URL?graph=<g>``
with a text/turtle body (written as N-Triples, the subset of Turtle that is quickest to write),
which replaces the graph, so pushing again replaces rather than duplicates.
With ``update=True`` the URL is a SPARQL 1.1 Update endpoint and each graph goes as one request
``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``, for stores without the protocol.

Several builds share a store: each has its own entities graph (its name is in the IRI) and its
record, ``…/graph/build/NAME``, whose ``dcterms:hasPart`` names the build's graphs. The record
goes last; before it, the graphs the store's copy of the record lists and the file no longer
holds (a document removed from the corpus) are removed, so pushing a build again replaces its
graphs only. Through the protocol the store's record is read first (GET); through SPARQL Update
one request removes them by the store's record and replaces it. A file without a record (any
TriG) is pushed graph by graph, nothing removed.

Only the standard library speaks HTTP here. Credentials come from the caller (the command line
reads them with ``kg.credentials.credentials_from_env``) and go as HTTP basic auth.
"""

from __future__ import annotations

import base64
import http.client
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from kg.credentials import PASSWORD_VARIABLE, USER_VARIABLE, is_loopback
from kg.errors import EndpointError, InputError
from kg.graph.read import SourceGraphs, read_source

DEFAULT_TIMEOUT = 120.0  # seconds without progress on the socket, per request
_LISTED = 20  # graph IRIs an error message names before "and N more"


@dataclass
class PushResult:
    loaded: list[str]  # graph IRIs, in the order they were sent
    triples: int  # triples sent, summed over the graphs
    # Graphs the store's record of the build listed and the build no longer holds, removed; the
    # store works them out itself through SPARQL Update, so there this stays empty.
    removed: list[str] = field(default_factory=list)


class PushError(EndpointError):
    """The store refused a graph or could not be reached part way; ``loaded`` went in, ``failed``
    and ``pending`` did not."""

    def __init__(self, message: str, loaded: list[str], failed: Optional[str], pending: list[str]) -> None:
        super().__init__(message)
        self.loaded = loaded
        self.failed = failed
        self.pending = pending


def push(
    source: str | Path,
    endpoint: str,
    *,
    update: bool = False,
    auth: Optional[tuple[str, str]] = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> PushResult:
    """Load every named graph of ``source`` (a TriG or N-Quads file) into the store at ``endpoint``.

    ``endpoint`` is the store's Graph Store Protocol URL (``http://HOST:7878/store`` for
    Oxigraph, ``http://HOST:3030/DATASET/data`` for Fuseki), or with ``update=True`` its SPARQL
    Update URL (``…/update``). Graphs go one request each, in IRI order, the build's record
    last; a failure part way raises PushError (an EndpointError) naming the graphs loaded and
    those not, and leaves the store's record as it was, so pushing again finishes the job.
    """
    _check_url(endpoint)
    graphs = _named_graphs(read_source(source))
    records = _records(graphs)
    headers = {"User-Agent": "kg-push"}
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    # No proxy handler for loopback hosts, so a proxy set in the environment cannot intercept them.
    store = _Store(endpoint, _opener(endpoint), headers, auth, timeout)
    iris = [iri for iri in graphs if iri not in records] + sorted(records)
    loaded: list[str] = []
    removed: list[str] = []
    triples = 0
    stale: dict[str, list[str]] = {}
    if not update:
        for record in sorted(records):
            try:
                kept = store.read(record)
            except _Failed as err:
                raise _partial(endpoint, [], record, [i for i in iris if i != record], f"{err} (reading the build's record)") from None
            stale[record] = sorted(_parts(kept) - set(graphs))
    for position, iri in enumerate(iris):
        graph = graphs[iri]
        for gone in stale.get(iri, []):  # before the record, so a failure leaves the old record to try again with
            try:
                store.remove(gone)
            except _Failed as err:
                raise PushError(
                    f"{endpoint}: {err} while removing <{gone}>, a graph the build no longer holds; loaded "
                    f"{len(loaded)} of {len(iris)} graphs, not its record <{iri}>; pushing again finishes the removal",
                    list(loaded), iri, iris[position + 1:]) from None
            removed.append(gone)
        try:
            if update:
                store.update(_update_request(iri, graph, set(graphs) if iri in records else None))
            else:
                store.put(iri, _ntriples(graph))
        except _Failed as err:
            raise _partial(endpoint, loaded, iri, iris[position + 1:], str(err)) from None
        loaded.append(iri)
        triples += len(graph)
    return PushResult(loaded=loaded, triples=triples, removed=removed)


class _Failed(Exception):
    """A request the store refused or that did not reach it; the message says which and why."""


@dataclass
class _Store:
    endpoint: str
    opener: urllib.request.OpenerDirector
    headers: dict[str, str]
    auth: Optional[tuple[str, str]]
    timeout: float

    def put(self, iri: str, ntriples: str) -> None:
        # N-Triples is Turtle, and ten times faster to write
        self._send(_with_graph(self.endpoint, iri), "PUT", ntriples.encode("utf-8"), "text/turtle; charset=utf-8")

    def update(self, request: bytes) -> None:
        self._send(self.endpoint, "POST", request, "application/sparql-update; charset=utf-8")

    def read(self, iri: str) -> Graph:
        """The store's graph ``iri``, empty when it has none."""
        graph = Graph()
        body = self._send(_with_graph(self.endpoint, iri), "GET", None, None, missing_ok=True)
        if body:
            try:
                graph.parse(data=body.decode("utf-8"), format="turtle")  # N-Triples, asked for, is Turtle
            except (SyntaxError, ValueError) as err:
                raise _Failed(f"the store's graph <{iri}> is not Turtle or N-Triples ({err})") from None
        return graph

    def remove(self, iri: str) -> None:
        self._send(_with_graph(self.endpoint, iri), "DELETE", None, None, missing_ok=True)

    def _send(self, url: str, method: str, body: Optional[bytes], content_type: Optional[str],
              missing_ok: bool = False) -> bytes:
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        if method == "GET":
            headers["Accept"] = "application/n-triples, text/turtle;q=0.9"
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            if missing_ok and err.code == 404:  # no such graph: nothing to read or remove
                err.close()
                return b""
            raise _Failed(_http_problem(err, self.auth)) from None
        except urllib.error.URLError as err:
            raise _Failed(f"cannot reach the store ({_reason(err.reason)})") from None
        except (http.client.HTTPException, OSError) as err:  # dropped connection, timeout, reset
            raise _Failed(f"the connection failed ({_reason(err)})") from None


def _records(graphs: dict[str, Graph]) -> set[str]:
    """The builds' records among ``graphs``: those whose ``dcterms:hasPart`` names other graphs of the file."""
    return {iri for iri, graph in graphs.items() if any(part != iri and part in graphs for part in _parts(graph))}


def _parts(record: Graph) -> set[str]:
    return {str(o) for o in record.objects(None, DCTERMS.hasPart) if isinstance(o, URIRef)}


def _check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if "@" in parts.netloc:  # not echoed: it may hold a password
        raise EndpointError(
            f"the endpoint URL holds a user name or password; give them in {USER_VARIABLE} and "
            f"{PASSWORD_VARIABLE} instead, never on the command line"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{url}: not an http:// or https:// URL")
    if parts.fragment:
        raise EndpointError(f"{url}: an endpoint URL has no #fragment")


def _named_graphs(source: SourceGraphs) -> dict[str, Graph]:
    if not source.named:
        raise InputError(str(source.path), "holds no named graphs; push the graph.trig that `kg build` writes")
    if len(source.default):
        raise InputError(
            str(source.path),
            f"holds {len(source.default)} triples outside any named graph; `kg push` loads named graphs only",
        )
    return source.named  # in IRI order


def _opener(endpoint: str) -> urllib.request.OpenerDirector:
    if is_loopback(urllib.parse.urlsplit(endpoint).hostname or ""):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def _with_graph(endpoint: str, iri: str) -> str:
    separator = "&" if urllib.parse.urlsplit(endpoint).query else ("" if endpoint.endswith("?") else "?")
    return f"{endpoint}{separator}graph={urllib.parse.quote(iri, safe='')}"


def _ntriples(graph: Graph) -> str:
    """The graph as sorted N-Triples lines: valid Turtle (N-Triples is a subset of it), and valid
    triples in SPARQL's INSERT DATA (full IRIs; the literal escapes \\n \\r \\" \\\\ are SPARQL's too)."""
    lines = sorted(line for line in graph.serialize(format="nt").split("\n") if line.strip())  # not splitlines()
    return "\n".join(lines) + "\n"


def _update_request(iri: str, graph: Graph, kept: Optional[set[str]] = None) -> bytes:
    """One request, so one transaction on most stores: the graph is never seen half replaced.
    For a build's record, ``kept`` holds the file's graphs: those the store's copy of the record
    lists and ``kept`` does not are removed in the same request."""
    name = URIRef(iri).n3()
    removal = ""
    if kept is not None:
        keep = ", ".join(URIRef(g).n3() for g in sorted(kept))
        removal = (f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }}\nWHERE {{ GRAPH {name} {{ ?build {DCTERMS.hasPart.n3()} ?g }}\n"
                   f"  FILTER(?g NOT IN ({keep}))\n  GRAPH ?g {{ ?s ?p ?o }} }} ;\n")
    return f"{removal}DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{_ntriples(graph)}}} }}\n".encode("utf-8")


def _http_problem(err: urllib.error.HTTPError, auth: Optional[tuple[str, str]]) -> str:
    try:
        detail = err.read(300).decode("utf-8", "replace").strip()
    except Exception:  # the body is only a hint
        detail = ""
    finally:
        err.close()
    problem = f"HTTP {err.code} {err.reason}"
    if detail:
        problem += f": {' '.join(detail.split())[:200]}"
    if err.code in (401, 403):
        problem += (
            " (the store refused the credentials sent)" if auth else
            f" (set {USER_VARIABLE} and {PASSWORD_VARIABLE} if the store needs a login)"
        )
    return problem


def _reason(reason: object) -> str:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def _listing(iris: list[str]) -> str:
    if not iris:
        return "none"
    shown = ", ".join(f"<{i}>" for i in iris[:_LISTED])
    return shown + (f" and {len(iris) - _LISTED} more" if len(iris) > _LISTED else "")


def _partial(endpoint: str, loaded: list[str], failed: str, pending: list[str], problem: str) -> PushError:
    total = len(loaded) + 1 + len(pending)
    if not loaded:
        message = f"{endpoint}: {problem}; none of the {total} graphs was loaded"
    else:
        message = (
            f"{endpoint}: {problem} while loading <{failed}>; loaded {len(loaded)} of {total} graphs: "
            f"{_listing(loaded)}; not loaded: {_listing([failed, *pending])}; "
            "pushing again replaces the graphs already loaded"
        )
    return PushError(message, list(loaded), failed, list(pending))
