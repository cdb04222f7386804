"""`kg push`: load the built graph into a triple store, one named graph per source document
plus one for the merged entities (exactly the named graphs of ``out/graph.trig``).

By default each graph goes by the SPARQL 1.1 Graph Store HTTP Protocol: ``PUT URL?graph=<g>``
with a text/turtle body (written as N-Triples, the subset of Turtle that is quickest to write),
which replaces the graph, so pushing again replaces rather than duplicates.
With ``update=True`` the URL is a SPARQL 1.1 Update endpoint and each graph goes as one request
``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``, for stores without the protocol.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from rdflib import Graph

from kg.credentials import PASSWORD_VARIABLE, USER_VARIABLE, is_loopback
from kg.errors import EndpointError, InputError
from kg.graph.read import SourceGraphs, read_source

DEFAULT_TIMEOUT = 120.0  # seconds without progress on the socket, per request
_LISTED = 20  # graph IRIs an error message names before "and N more"


@dataclass
class PushResult:
    loaded: list[str]  # graph IRIs, in the order they were sent
    triples: int  # triples sent, summed over the graphs


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
    Update URL (``…/update``). Graphs go one request each, in IRI order; a failure part way
    raises PushError (an EndpointError) naming the graphs loaded and those not.
    """
    _check_url(endpoint)
    graphs = _named_graphs(read_source(source))
    headers = {"User-Agent": "kg-push"}
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    # No proxy handler for loopback hosts, so a proxy set in the environment cannot intercept them.
    opener = _opener(endpoint)
    loaded: list[str] = []
    triples = 0
    iris = list(graphs)
    for position, iri in enumerate(iris):
        graph = graphs[iri]
        if update:
            url = endpoint
            body = _update_request(iri, graph)
            content_type = "application/sparql-update; charset=utf-8"
            method = "POST"
        else:
            url = _with_graph(endpoint, iri)
            body = _ntriples(graph).encode("utf-8")  # N-Triples is Turtle, and ten times faster to write
            content_type = "text/turtle; charset=utf-8"
            method = "PUT"
        request = urllib.request.Request(url, data=body, method=method, headers={**headers, "Content-Type": content_type})
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:
            raise _partial(endpoint, loaded, iri, iris[position + 1:], _http_problem(err, auth)) from None
        except urllib.error.URLError as err:
            raise _partial(endpoint, loaded, iri, iris[position + 1:], f"cannot reach the store ({_reason(err.reason)})") from None
        except (http.client.HTTPException, OSError) as err:  # dropped connection, timeout, reset
            raise _partial(endpoint, loaded, iri, iris[position + 1:], f"the connection failed ({_reason(err)})") from None
        loaded.append(iri)
        triples += len(graph)
    return PushResult(loaded=loaded, triples=triples)


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


def _update_request(iri: str, graph: Graph) -> bytes:
    """One request, so one transaction on most stores: the graph is never seen half replaced."""
    name = f"<{iri}>"
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{_ntriples(graph)}}} }}\n".encode("utf-8")


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
