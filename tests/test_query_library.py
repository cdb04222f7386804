"""The query library on the seed graph (golden results), `kg query` options, errors and speed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import EXIT_MISSING_PARAMETER, EXIT_QUERY, EXIT_UNKNOWN_QUERY, main
from kg.query.library import library

EXPECTED = Path(__file__).resolve().parent.parent / "queries" / "expected"  # golden results: test data, not shipped
NAMES = sorted(library())


def _query(seed_build, *args):
    return CliRunner().invoke(main, ["query", *args, "--graph", str(seed_build / "graph.trig")])


def test_query_library_every_query_says_what_it_answers():
    for named in library().values():
        assert named.question.endswith("?"), named.name
        for param in named.params:  # bound by VALUES: used in the query, selected or not
            assert f"?{param.name}" in named.text, (named.name, param.name)


@pytest.mark.parametrize("name", NAMES)
def test_query_library_golden_results(seed_build, name):
    result = _query(seed_build, name, "--format", "tsv")
    assert result.exit_code == 0, result.output
    golden = EXPECTED / f"{name}.tsv"
    if os.environ.get("KG_UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    got = result.output.splitlines()
    assert got[0] == expected[0]  # the columns
    assert sorted(got[1:]) == sorted(expected[1:])


def test_query_library_param_binds_an_iri(seed_build):
    result = _query(seed_build, "located-in", "--param", "district=<https://w3id.org/kg-policy/id/district/330000>", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    assert rows[0] == "district,districtName,thing,name,kind"
    assert "https://w3id.org/kg-policy/id/district/330000,浙江省,https://w3id.org/kg-policy/id/org/上城区人民政府,上城区人民政府,organization" in rows


def test_query_library_param_binds_a_literal_not_text(seed_build):
    # A value that would break a query pasted into its text is only ever a term.
    sparql = 'SELECT ?name ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }'
    hit = _query(seed_build, sparql, "--param", 'name="上城区"@zh', "--format", "csv")
    assert hit.output.splitlines() == ["name,e", "上城区,https://w3id.org/kg-policy/id/district/330102"]
    injected = _query(seed_build, sparql, "--param", 'name=x" } UNION { ?e ?p ?name', "--format", "csv")
    assert injected.exit_code == 0
    assert injected.output.splitlines() == ["name,e"]


def test_query_library_json_is_sparql_results(seed_build):
    result = _query(seed_build, "duplicates", "--format", "json")
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["copy", "original", "similarity"]
    (row,) = data["results"]["bindings"]
    assert row["copy"] == {"type": "literal", "value": "004_1244a70094812bce-75b43839"}
    assert row["similarity"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"


def test_query_library_table_aligns_chinese(seed_build):
    result = _query(seed_build, "entities-by-type", "--param", "type=<https://w3id.org/kg-policy/ontology#District>")
    lines = [line for line in result.output.splitlines() if "│" in line]
    from rich.cells import cell_len

    widths = {cell_len(line.split("│")[0]) for line in lines}
    assert len(widths) == 1  # every row's first column ends at the same screen column
    assert "杭州市" in result.output


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["no-such-query"], EXIT_UNKNOWN_QUERY, "unknown query 'no-such-query'"),
        (["SELECT * WHERE { ?s ?p }"], EXIT_QUERY, "SPARQL syntax error"),
        (["located-in", "--param", "district"], EXIT_MISSING_PARAMETER, "write it as name=value"),
        (["located-in", "--param", "town=<x:y>"], EXIT_MISSING_PARAMETER, "has no parameter town"),
        (["missing.rq"], EXIT_UNKNOWN_QUERY, "missing.rq: no such query file"),
    ],
)
def test_query_library_errors_have_distinct_exit_codes(seed_build, args, code, message):
    result = _query(seed_build, *args)
    assert result.exit_code == code, result.output
    assert message in result.output


def test_query_library_missing_graph_file(tmp_path):
    result = CliRunner().invoke(main, ["query", "duplicates", "--graph", str(tmp_path / "none.trig")])
    assert result.exit_code == 3
    assert "no such graph file" in result.output


def test_query_library_never_imports_spacy(seed_build):
    code = (
        "import sys; from kg.cli import main\n"
        "try:\n    main(['query', 'duplicates', '--graph', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules and 'rdflib' not in sys.modules, sorted(m for m in sys.modules if m.startswith(('spacy', 'rdflib')))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(seed_build / "graph.trig")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "004_1244a70094812bce" in done.stdout


def test_query_library_remote_endpoint_answers_like_the_local_graph(seed_build, oxigraph):
    from kg.outputs.push import push

    push(seed_build / "graph.trig", f"{oxigraph}/store")
    # Every library query: SPARQLWrapper sniffs a query's type from its text, comments included
    # (a comment saying "loaded" sent co-mentioned to the update endpoint as a LOAD).
    for args in ([name] for name in NAMES):
        local = _query(seed_build, *args, "--format", "csv")
        # The store keeps one named graph per document: query their union.
        remote = CliRunner().invoke(main, ["query", *args, "--format", "csv", "--endpoint", f"{oxigraph}/query?union-default-graph"])
        assert remote.exit_code == 0, remote.output
        assert sorted(remote.output.splitlines()) == sorted(local.output.splitlines())


def test_query_library_unreachable_endpoint(free_port):
    result = CliRunner().invoke(main, ["query", "duplicates", "--endpoint", f"http://127.0.0.1:{free_port}/query"])
    assert result.exit_code == 8
    assert "cannot be reached" in result.output


@pytest.mark.parametrize(
    "header, entity, problem",
    [
        ("# Param: d IRI pol:District <http://ex.org/d> -- a district", "https://w3id.org/kg-policy/ontology#District", None),
        ("# Param: d IRI <http://ex.org/d> -- any IRI", None, None),
        ("# Param: d IRI geo:Place -- a place", None, "no PREFIX geo: in the query for geo:Place"),
        ('# Param: d literal pol:District "x"', None, "only an IRI parameter names a class of entity"),
    ],
)
def test_query_library_param_header_may_name_a_class(tmp_path, header, entity, problem):
    from kg.errors import QueryError
    from kg.query.library import parse_query_file

    path = tmp_path / "q.rq"
    path.write_text(f"# Question: x?\n{header}\nPREFIX pol: <https://w3id.org/kg-policy/ontology#>\n"
                    "SELECT ?d WHERE { ?d a pol:District }\n", encoding="utf-8")
    if problem:
        with pytest.raises(QueryError, match=problem):
            parse_query_file(path)
        return
    (param,) = parse_query_file(path).params
    assert (param.name, param.kind, param.entity) == ("d", "IRI", entity)
    assert param.default == "<http://ex.org/d>"


@pytest.mark.parametrize(
    "values",
    [
        ("上城区", "a"),
        ("x" * 250, "杭州市西湖区"),  # wider than a terminal: kept on one line, never wrapped
        ("e\u0301", "Ａ"),  # a combining accent takes no column, a full-width letter two
    ],
)
def test_query_library_table_keeps_each_row_on_one_aligned_line(values):
    from rich.cells import cell_len

    from kg.query.format import render
    from kg.query.run import Result

    result = Result(variables=["first", "second"], rows=[[ox.Literal(v) for v in values], [ox.Literal("b"), None]])
    lines = render(result, "table").splitlines()
    assert lines[-1] == "2 rows" and len(lines) == 5
    assert lines[2].split("│")[0].strip() == values[0] and lines[2].split("│")[1].strip() == values[1]
    assert len({cell_len(line.split("│")[0]) for line in lines[2:4]} | {cell_len(lines[0].split("┃")[0])}) == 1
