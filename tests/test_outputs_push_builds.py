"""Two builds in one store (a real Oxigraph server): `kg push` of corpus B after corpus A keeps
both queryable, an entity both name counts once per mention, and pushing A again (one document
fewer) replaces A's graphs only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.graph.iris import Iris
from kg.graph.read import read_source
from kg.query.run import open_graph, run_local, run_remote

IRIS = Iris()
HANGZHOU = "https://w3id.org/kg-policy/id/district/330100"  # 杭州市, named by both corpora
LOCATED_IN_HANGZHOU = ("located-in", "--param", f"district=<{HANGZHOU}>")
COUNT_BY_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
PAIR_COUNTS = """PREFIX pol: <https://w3id.org/kg-policy/ontology#>
SELECT ?a ?b ?n WHERE { ?pair pol:sentenceCount ?n ; pol:firstEntity ?a ; pol:secondEntity ?b }"""

pytestmark = pytest.mark.usefixtures("no_proxy_or_login")


def _kg(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _rows(*args: str) -> list[tuple[str, ...]]:
    lines = _kg("query", *args, "--format", "tsv").splitlines()
    return [tuple(line.split("\t")) for line in lines[1:]]


def _local(out: Path, *query: str) -> list[tuple[str, ...]]:
    return _rows(*query, "--graph", str(out / "graph.trig"))


def _remote(base: str, *query: str) -> list[tuple[str, ...]]:
    return _rows(*query, "--endpoint", base + "/query?union-default-graph")


def _push(base: str, out: Path, mode: str) -> str:
    target = ["--endpoint", base + "/store"] if mode == "protocol" else ["--update-endpoint", base + "/update"]
    return _kg("push", *target, "--graph", str(out / "graph.trig"))


def _store_graphs(base: str) -> dict[str, int]:
    result = run_remote(base + "/query", COUNT_BY_GRAPH, {})
    return {g.value: int(n.value) for g, n in result.rows}


def _file_graphs(out: Path) -> dict[str, int]:
    return {iri: len(graph) for iri, graph in read_source(out / "graph.trig").named.items()}


def _number(cell: str) -> int:
    return int(cell.split('"')[1])  # "12"^^<…#integer>


def _hangzhou(rows: list[tuple[str, ...]]) -> tuple[int, int]:
    """(mentions, documents) of 杭州市's row of entities-by-type."""
    [row] = [r for r in rows if r[1] == f"<{HANGZHOU}>"]
    return _number(row[3]), _number(row[4])


def _pair_counts(out: Path) -> dict[tuple[str, str], int]:
    result = run_local(open_graph(out / "graph.trig"), PAIR_COUNTS, {})
    return {(f"<{a.value}>", f"<{b.value}>"): int(n.value) for a, b, n in result.rows}


@pytest.mark.parametrize("mode", ["protocol", "update"])
def test_push_two_builds_share_a_store_and_pushing_one_again_replaces_only_its_graphs(mode, oxigraph, two_builds):
    a, b, a_again = two_builds.a, two_builds.b, two_builds.a_again
    in_a, in_b = _local(a, *LOCATED_IN_HANGZHOU), _local(b, *LOCATED_IN_HANGZHOU)
    only_a = {r for r in in_a} - {r for r in in_b}
    only_b = {r for r in in_b} - {r for r in in_a}
    assert only_a and only_b  # each corpus places things of its own in 杭州市

    _push(oxigraph, a, mode)
    _push(oxigraph, b, mode)
    graphs = _store_graphs(oxigraph)
    assert graphs == {**_file_graphs(a), **_file_graphs(b)}  # two entities graphs and two records, side by side
    assert {str(IRIS.entities_graph("A")), str(IRIS.entities_graph("B")),
            str(IRIS.build_graph("A")), str(IRIS.build_graph("B"))} <= set(graphs)

    # B's push left A's entities alone, so A's rows still come; each row once (DISTINCT).
    rows = _remote(oxigraph, *LOCATED_IN_HANGZHOU)
    assert sorted(rows) == sorted({r for r in in_a + in_b})
    assert any(row[3] == '"上城区人民政府"@zh' for row in only_a)  # seed 001, 上城区's report
    assert any(row[3] == '"西溪湿地综保工程"@zh' for row in only_b)  # seed 003, 西湖区's report

    # 杭州市 is described by both entities graphs, but its mentions and documents count once each.
    mentions_a, documents_a = _hangzhou(_local(a, "entities-by-type"))
    mentions_b, documents_b = _hangzhou(_local(b, "entities-by-type"))
    assert _hangzhou(_remote(oxigraph, "entities-by-type")) == (mentions_a + mentions_b, documents_a + documents_b)

    # A pair counted by both builds is one row, with the sentences of both.
    counts_a, counts_b = _pair_counts(a), _pair_counts(b)
    top = _remote(oxigraph, "co-mentioned")
    assert len(top) == 20 and len({(r[0], r[2]) for r in top}) == 20
    for row in top:
        pair = (row[0], row[2])
        assert _number(row[4]) == counts_a.get(pair, 0) + counts_b.get(pair, 0), pair
    assert any(pair in counts_a and pair in counts_b for pair in {(r[0], r[2]) for r in top})

    # A again, without one of its documents: A's graphs become A-again's, B's stay as they were.
    dropped = [g for g in _file_graphs(a) if f"/graph/doc/{two_builds.dropped}-" in g]
    assert len(dropped) == 1 and dropped[0] not in _file_graphs(a_again)
    out = _push(oxigraph, a_again, mode)
    if mode == "protocol":
        assert out.endswith("; removed 1 graphs the build no longer holds\n")
    assert _store_graphs(oxigraph) == {**_file_graphs(a_again), **_file_graphs(b)}
    rows = _remote(oxigraph, *LOCATED_IN_HANGZHOU)
    assert sorted(rows) == sorted({r for r in _local(a_again, *LOCATED_IN_HANGZHOU) + in_b})
    assert only_b <= {r for r in rows}
