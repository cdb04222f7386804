"""`kg push` against a real Oxigraph server (`oxigraph serve` on a loopback port), and against a
tiny recording HTTP server where a test needs to see the requests or make the store fail."""

from __future__ import annotations

import base64
import http.server
import urllib.parse
from contextlib import contextmanager
from typing import Iterator

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.cli import EXIT_ENDPOINT, EXIT_NO_INPUT, EXIT_USAGE, main
from kg.errors import EndpointError, InputError
from kg.outputs.push import PushError, push
from loopback_http import serving
from oxigraph_server import free_port

POL = "https://w3id.org/kg-policy/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_BY_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"

pytestmark = pytest.mark.usefixtures("no_proxy_or_login")


@pytest.fixture(scope="module")
def local(seed_build):
    """The named graphs of the seed build's graph.trig, as rdflib reads them: IRI -> set of triples."""
    dataset = Dataset()
    dataset.parse(seed_build / "graph.trig", format="trig")
    return {str(g.identifier): set(g) for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}


SMALL_GRAPHS = ["http://ex.org/graph/a", "http://ex.org/graph/b", "http://ex.org/graph/c", "http://ex.org/graph/d"]


@pytest.fixture
def small(tmp_path):
    """A TriG file of four small named graphs, for the tests about requests rather than data."""
    path = tmp_path / "small.trig"
    blocks = [f'<{iri}> {{ <http://ex.org/s{i}> <http://ex.org/p> "值 {i}"@zh , """two\nlines""" . }}\n'
              for i, iri in enumerate(reversed(SMALL_GRAPHS))]
    path.write_text("".join(blocks), encoding="utf-8")
    return path


def _select(base: str, query: str) -> list[dict]:
    client = SPARQLWrapper(base + "/query")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    return client.query().convert()["results"]["bindings"]


def _count(base: str) -> int:
    return int(_select(base, COUNT_ALL)[0]["n"]["value"])


def _counts_by_graph(base: str) -> dict[str, int]:
    return {row["g"]["value"]: int(row["n"]["value"]) for row in _select(base, COUNT_BY_GRAPH)}


def _expected_counts(local: dict[str, set]) -> dict[str, int]:
    return {iri: len(triples) for iri, triples in local.items()}


def test_push_loads_each_named_graph_and_pushing_again_replaces_it(oxigraph, seed_build, local):
    result = push(seed_build / "graph.trig", oxigraph + "/store")
    record = "https://w3id.org/kg-policy/id/graph/build/seeds"
    assert result.loaded == sorted(set(local) - {record}) + [record]  # the build's record last
    assert len(result.loaded) == 7 and result.loaded[-2].endswith("/graph/entities/seeds")
    assert result.removed == []
    assert result.triples == sum(len(t) for t in local.values())
    assert _counts_by_graph(oxigraph) == _expected_counts(local)
    assert _count(oxigraph) == result.triples

    again = push(seed_build / "graph.trig", oxigraph + "/store")
    assert again == result
    assert _count(oxigraph) == result.triples
    assert _counts_by_graph(oxigraph) == _expected_counts(local)


def test_pushed_store_answers_as_the_local_graph_does(oxigraph, seed_build, local):
    url = oxigraph + "/store"
    result = CliRunner().invoke(main, ["push", "--endpoint", url, "--graph", str(seed_build / "graph.trig")])
    assert result.exit_code == 0, result.output
    triples = sum(len(t) for t in local.values())
    assert result.stdout == f"pushed 7 graphs, {triples} triples to {url}\n"

    union = set().union(*local.values())
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    local_districts = {str(s) for s, p, o in union if p == rdf_type and o == URIRef(POL + "District")}
    rows = _select(oxigraph, f"SELECT DISTINCT ?d WHERE {{ GRAPH ?g {{ ?d a <{POL}District> }} }}")
    assert {row["d"]["value"] for row in rows} == local_districts
    assert len(local_districts) > 20

    rows = _select(oxigraph, f"SELECT ?label WHERE {{ GRAPH ?g {{ "
                             f"<https://w3id.org/kg-policy/id/district/330102> <{SKOS}prefLabel> ?label }} }}")
    labels = {Literal(row["label"]["value"], lang=row["label"].get("xml:lang")) for row in rows}
    assert labels == {Literal("上城区", lang="zh")}

    # A literal with line breaks inside (a mention spanning lines) arrives intact.
    multiline = {o for _, _, o in union if isinstance(o, Literal) and "\n" in o}
    assert multiline
    sample = sorted(multiline)[0]
    assert _select(oxigraph, f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s ?p {sample.n3()} }} }} LIMIT 1"), sample


def test_push_through_sparql_update_gives_the_same_store(oxigraph, seed_build, local):
    trig = str(seed_build / "graph.trig")
    expected = _expected_counts(local)
    result = CliRunner().invoke(main, ["push", "--update-endpoint", oxigraph + "/update", "--graph", trig])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("pushed 7 graphs, ")
    assert _counts_by_graph(oxigraph) == expected

    again = push(trig, oxigraph + "/update", update=True)  # DROP + INSERT: replaces
    assert sorted(again.loaded) == sorted(local)
    assert _counts_by_graph(oxigraph) == expected


def _term(binding: dict):
    if binding["type"] == "uri":
        return URIRef(binding["value"])
    return Literal(binding["value"], lang=binding.get("xml:lang"), datatype=binding.get("datatype"))


@pytest.mark.parametrize("mode", ["store", "update"])
def test_push_delivers_awkward_literals_intact(mode, oxigraph, tmp_path):
    texts = ["two\nlines\r\nand a CR", 'quote " and backslash \\ and {braces}', "separators \u2028 \x0c \x85 tab\t",
             "繁體 和 简体", "ends with a backslash \\"]
    dataset = Dataset()
    graph = dataset.graph(URIRef("http://ex.org/graph/odd"))
    subject = URIRef("http://ex.org/id/%E3%80%81中文")
    for i, text in enumerate(texts):
        graph.add((subject, URIRef(f"http://ex.org/p{i}"), Literal(text, lang="zh-Hant")))
    graph.add((subject, URIRef("http://ex.org/year"), Literal("2020", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))))
    source = tmp_path / "odd.trig"
    source.write_bytes(dataset.serialize(format="trig", encoding="utf-8"))
    push(source, f"{oxigraph}/{mode}", update=mode == "update")
    push(source, f"{oxigraph}/{mode}", update=mode == "update")
    rows = _select(oxigraph, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    got = {(_term(r["s"]), _term(r["p"]), _term(r["o"]), str(r["g"]["value"])) for r in rows}
    assert got == {(s_, p_, o_, "http://ex.org/graph/odd") for s_, p_, o_ in graph}


def test_push_to_a_path_the_store_does_not_serve_reports_its_answer(oxigraph, small):
    with pytest.raises(PushError) as caught:
        push(small, oxigraph + "/no-such-service")
    assert "HTTP 404" in str(caught.value)
    assert "none of the 4 graphs was loaded" in str(caught.value)
    assert caught.value.loaded == []


def test_push_to_a_closed_port_is_an_endpoint_error(small):
    url = f"http://127.0.0.1:{free_port()}/store"  # nothing listens there
    with pytest.raises(EndpointError) as caught:
        push(small, url)
    message = str(caught.value)
    assert url in message and "cannot reach" in message and "none of the 4 graphs" in message

    result = CliRunner().invoke(main, ["push", "--endpoint", url, "--graph", str(small)])
    assert result.exit_code == EXIT_ENDPOINT
    assert result.stderr.startswith(f"kg: error: {url}: cannot reach the store")
    assert result.stdout == ""


# --- a recording HTTP server on loopback, for what Oxigraph cannot be made to do -------------

@contextmanager
def recording_server(statuses: list[int]) -> Iterator[tuple[str, list[dict]]]:
    """Answer the n-th request with statuses[n] (the last one repeats); record every request."""
    seen: list[dict] = []

    def reply(handler: http.server.BaseHTTPRequestHandler) -> None:
        body = handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
        seen.append({"method": handler.command, "path": handler.path, "headers": dict(handler.headers), "body": body})
        status = statuses[min(len(seen) - 1, len(statuses) - 1)]
        message = b"" if status < 300 else f"refused request {len(seen)}".encode()
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(message)))
        handler.end_headers()
        handler.wfile.write(message)

    with serving(reply, ("PUT", "POST")) as base:
        yield base, seen


def test_push_puts_each_graph_as_turtle_by_its_iri(small):
    with recording_server([201]) as (base, seen):
        result = push(small, base + "/ds/data?x=1")
    assert [r["method"] for r in seen] == ["PUT"] * 4
    queries = [urllib.parse.parse_qs(urllib.parse.urlsplit(r["path"]).query) for r in seen]
    assert [q["graph"][0] for q in queries] == SMALL_GRAPHS == result.loaded
    assert all(q["x"] == ["1"] for q in queries)
    assert all(urllib.parse.urlsplit(r["path"]).path == "/ds/data" for r in seen)
    assert all(r["headers"]["Content-Type"] == "text/turtle; charset=utf-8" for r in seen)
    assert all("Authorization" not in r["headers"] for r in seen)
    body = seen[0]["body"].decode("utf-8")
    assert '"值 3"@zh' in body and '"two\\nlines"' in body
    assert result.triples == 8


def test_push_failure_part_way_names_the_graphs_loaded_and_not(small):
    iris = SMALL_GRAPHS
    with recording_server([204, 204, 500]) as (base, seen):
        with pytest.raises(PushError) as caught:
            push(small, base + "/store")
    assert len(seen) == 3  # stops at the first refusal
    err = caught.value
    assert err.loaded == iris[:2] and err.failed == iris[2] and err.pending == iris[3:]
    message = str(err)
    assert "HTTP 500" in message and "refused request 3" in message
    assert "loaded 2 of 4 graphs" in message
    loaded_part, _, missing_part = message.partition("not loaded:")
    assert all(f"<{iri}>" in loaded_part for iri in iris[:2])
    assert all(f"<{iri}>" in missing_part for iri in iris[2:])


def test_push_sends_basic_auth_from_the_environment_only(small):
    trig = str(small)
    with recording_server([204]) as (base, seen):
        result = CliRunner().invoke(main, ["push", "--endpoint", base + "/store", "--graph", trig],
                                    env={"KG_ENDPOINT_USER": "alice", "KG_ENDPOINT_PASSWORD": "s3cret:密码"})
        assert result.exit_code == 0, result.output
        token = base64.b64encode("alice:s3cret:密码".encode("utf-8")).decode("ascii")
        assert [r["headers"].get("Authorization") for r in seen] == [f"Basic {token}"] * 4
        assert "s3cret" not in result.output

        seen.clear()
        result = CliRunner().invoke(main, ["push", "--endpoint", base + "/store", "--graph", trig])
        assert result.exit_code == 0, result.output
        assert [r["headers"].get("Authorization") for r in seen] == [None] * 4

        seen.clear()
        result = CliRunner().invoke(main, ["push", "--endpoint", base + "/store", "--graph", trig],
                                    env={"KG_ENDPOINT_USER": "alice"})
        assert result.exit_code == EXIT_ENDPOINT
        assert "KG_ENDPOINT_PASSWORD" in result.stderr
        assert seen == []


def test_push_refused_login_says_how_to_give_credentials(small):
    with recording_server([401]) as (base, _):
        with pytest.raises(PushError, match="HTTP 401.*KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD"):
            push(small, base + "/store")
        with pytest.raises(PushError, match="HTTP 401.*refused the credentials sent"):
            push(small, base + "/store", auth=("alice", "wrong"))


def test_push_update_sends_drop_and_insert_per_graph(small):
    with recording_server([200]) as (base, seen):
        push(small, base + "/update", update=True)
    assert [r["method"] for r in seen] == ["POST"] * 4
    assert all(r["headers"]["Content-Type"] == "application/sparql-update; charset=utf-8" for r in seen)
    first = seen[0]["body"].decode("utf-8")
    iri = SMALL_GRAPHS[0]
    assert first.startswith(f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH <{iri}> {{\n")
    assert first.endswith("} }\n")


# --- what push refuses before sending anything -------------------------------------------------

@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/store", "127.0.0.1:7878/store", "http:///store"])
def test_push_refuses_what_is_not_an_http_url(url, seed_build):
    with pytest.raises(EndpointError, match="not an http"):
        push(seed_build / "graph.trig", url)


def test_push_refuses_credentials_in_the_url(small):
    with pytest.raises(EndpointError, match="KG_ENDPOINT_USER") as caught:
        push(small, "http://alice:s3cret@127.0.0.1:9/store")
    assert "s3cret" not in str(caught.value)


def test_push_needs_a_file_with_named_graphs(tmp_path):
    turtle = tmp_path / "graph.ttl"
    turtle.write_text("<http://ex.org/a> <http://ex.org/p> 1 .\n", encoding="utf-8")
    with pytest.raises(InputError, match="no named graphs"):
        push(turtle, "http://127.0.0.1:9/store")
    with pytest.raises(InputError, match="no such graph file"):
        push(tmp_path / "missing.trig", "http://127.0.0.1:9/store")
    mixed = tmp_path / "mixed.trig"
    mixed.write_text("<http://ex.org/a> <http://ex.org/p> 1 .\n<http://ex.org/g> { <http://ex.org/b> <http://ex.org/p> 2 . }\n",
                     encoding="utf-8")
    with pytest.raises(InputError, match="outside any named graph"):
        push(mixed, "http://127.0.0.1:9/store")
    result = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:9/store", "--graph", str(tmp_path / "missing.trig")])
    assert result.exit_code == EXIT_NO_INPUT


def test_push_cli_wants_exactly_one_endpoint(seed_build):
    trig = str(seed_build / "graph.trig")
    result = CliRunner().invoke(main, ["push", "--graph", trig])
    assert result.exit_code == EXIT_USAGE and "--endpoint" in result.output
    result = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:9/store",
                                       "--update-endpoint", "http://127.0.0.1:9/update", "--graph", trig])
    assert result.exit_code == EXIT_USAGE and "alternatives" in result.output
