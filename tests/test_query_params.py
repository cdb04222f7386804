"""`kg query --param` on the seed graph: what each parameter expects (exit 11 and a message saying
so), variables bound whether selected or not, and entities given by name, alias or division code."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import EXIT_MISSING_PARAMETER, main
from kg.errors import QueryError
from kg.query.library import resolve_query
from kg.query.run import selected_variables, subselect_variables, substituted_variables, where_start, with_values

SHANGCHENG = "https://w3id.org/kg-policy/id/district/330102"
SKOS_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
# rdflib warns about its own deprecated API while push reads TriG.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

LABEL_OF_D = f"SELECT ?name WHERE {{ ?d {SKOS_LABEL} ?name }}"

# A query of the kind users write: the parameter names an organization, and is not selected.
ORG_QUERY = f"""# Question: What is an organization called?
# Param: org IRI pol:Organization -- the organization: its IRI, name or alias
PREFIX pol: <https://w3id.org/kg-policy/ontology#>
SELECT ?name WHERE {{ ?org {SKOS_LABEL} ?name }}
"""
PLACES_QUERY = """# Question: What lies directly in a district?
# Param: district IRI pol:District -- the district
PREFIX pol: <https://w3id.org/kg-policy/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name WHERE { ?thing pol:locatedIn ?district ; skos:prefLabel ?name }
ORDER BY ?name
"""


def _query(seed_build, *args, runner=None):
    runner = runner or CliRunner(catch_exceptions=False)
    return runner.invoke(main, ["query", *args, "--graph", str(seed_build / "graph.trig")])


@pytest.fixture
def org_query(tmp_path):
    path = tmp_path / "org.rq"
    path.write_text(ORG_QUERY, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "args, message",
    [
        (["located-in", "--param", "district="],
         "--param district= is empty; expected the IRI <…> of a pol:District, e.g. "
         f"<{SHANGCHENG}>, or its name, alias or division code"),
        (["located-in", "--param", "district=  "], "--param district= is empty"),
        (["entities-by-type", "--param", "type=District"],
         "--param type=District: expected an IRI <…>, e.g. <https://w3id.org/kg-policy/ontology#District>, not a literal"),
        (["entities-by-type", "--param", 'type="District"@en'], "expected an IRI <…>"),
        (["indicator", "--param", "indicator=<https://w3id.org/kg-policy/id/indicator/GDP>"],
         'expected a literal, e.g. "地区生产总值"@zh, not an IRI'),
        (["located-in", "--param", "town=<x:y>"], "query 'located-in' has no parameter town; it takes district"),
        ([LABEL_OF_D, "--param", f"e=<{SHANGCHENG}>"], "the query has no variable ?e for --param to bind"),
        ([LABEL_OF_D, "--param", "d="], 'is empty; expected an IRI <…>, a literal "…"@zh or plain text'),
        ([LABEL_OF_D, "--param", "d d=x"], "'d d' is not a variable name"),
        (["located-in", "--param", "district=<not an iri>"], "is not a valid RDF term"),
        (["located-in", "--param", "district=海淀区"],
         "--param district=海淀区: no pol:District in the graph has the name, alias or division code '海淀区'"),
    ],
)
def test_query_params_errors_say_what_was_expected(seed_build, args, message):
    result = _query(seed_build, *args)
    assert result.exit_code == EXIT_MISSING_PARAMETER, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("kg: error: ")
    assert message in result.stderr


@pytest.mark.parametrize(
    "value, via",
    [("上城区", "name"), ('"上城区"@zh', "name"), ("上城", "alias"), ("330102", "division code")],
)
def test_query_params_entity_by_name_alias_or_code(seed_build, value, via):
    by_iri = _query(seed_build, "located-in", "--param", f"district=<{SHANGCHENG}>", "--format", "csv")
    result = _query(seed_build, "located-in", "--param", f"district={value}", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"kg: note: --param district={value} is <{SHANGCHENG}> (上城区, by {via})\n"
    assert result.stdout == by_iri.stdout
    assert f"{SHANGCHENG},上城区,https://w3id.org/kg-policy/id/org/上城区人民政府,上城区人民政府,organization" in result.stdout


def test_query_params_ambiguous_name_lists_the_candidates(seed_build, org_query):
    result = _query(seed_build, org_query, "--param", "org=区政府")
    assert result.exit_code == EXIT_MISSING_PARAMETER
    assert result.stderr == (
        "kg: error: --param org=区政府: 2 entities of pol:Organization are called '区政府'; give one IRI: "
        "<https://w3id.org/kg-policy/id/org/上城区政府> 上城区政府; <https://w3id.org/kg-policy/id/org/西湖区政府> 西湖区政府\n"
    )
    picked = _query(seed_build, org_query, "--param", "org=<https://w3id.org/kg-policy/id/org/西湖区政府>", "--format", "csv")
    assert picked.stdout.splitlines() == ["name", "西湖区政府"]


@pytest.mark.parametrize(
    "args, rows",
    [
        ([LABEL_OF_D, "--param", f"d=<{SHANGCHENG}>"], ["name", "上城区"]),
        # SELECT * without WHERE, the parameter a literal
        ([f"SELECT ?d {{ ?d {SKOS_LABEL} ?label }}", "--param", 'label="上城区"@zh'], ["d", SHANGCHENG]),
    ],
)
def test_query_params_bind_a_variable_that_is_not_selected(seed_build, args, rows):
    unbound = _query(seed_build, args[0], "--format", "csv")
    assert len(unbound.stdout.splitlines()) > 100  # every label: the parameter is what narrows it
    result = _query(seed_build, *args, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == rows


def test_query_params_entity_not_selected_resolved_by_name(seed_build, tmp_path):
    path = tmp_path / "places.rq"
    path.write_text(PLACES_QUERY, encoding="utf-8")
    by_code = _query(seed_build, str(path), "--param", "district=330102", "--format", "csv")
    assert by_code.exit_code == 0, by_code.output
    assert "上城区人民政府" in by_code.stdout.splitlines()
    assert by_code.stdout == _query(seed_build, str(path), "--param", f"district=<{SHANGCHENG}>", "--format", "csv").stdout
    west_lake = _query(seed_build, str(path), "--param", "district=西湖区", "--format", "csv")
    assert "西溪街道" in west_lake.stdout.splitlines() and "西溪街道" not in by_code.stdout.splitlines()


def test_query_params_plain_text_takes_the_default_language(seed_build):
    tagged = _query(seed_build, "indicator", "--param", 'indicator="一般公共预算收入"@zh', "--format", "csv")
    plain = _query(seed_build, "indicator", "--param", "indicator=一般公共预算收入", "--format", "csv")
    assert plain.exit_code == 0, plain.output
    assert plain.stdout == tagged.stdout
    assert "一般公共预算收入,上城区,2019,85,5.6,,,亿元" in plain.stdout.splitlines()


def test_query_params_remote_endpoint_binds_and_resolves_like_the_local_graph(seed_build, oxigraph, org_query):
    from kg.outputs.push import push

    push(seed_build / "graph.trig", f"{oxigraph}/store")
    endpoint = f"{oxigraph}/query?union-default-graph"
    for args in ([LABEL_OF_D, "--param", f"d=<{SHANGCHENG}>"], ["located-in", "--param", "district=330102"],
                 [org_query, "--param", "org=上城区人民政府"]):
        local = _query(seed_build, *args, "--format", "csv")
        remote = CliRunner(catch_exceptions=False).invoke(main, ["query", *args, "--format", "csv", "--endpoint", endpoint])
        assert remote.exit_code == 0, remote.output
        assert remote.stderr == local.stderr
        assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines())
        assert len(remote.stdout.splitlines()) > 1
    ambiguous = CliRunner(catch_exceptions=False).invoke(main, ["query", org_query, "--param", "org=区政府", "--endpoint", endpoint])
    assert ambiguous.exit_code == EXIT_MISSING_PARAMETER
    assert "2 entities of pol:Organization are called '区政府'" in ambiguous.stderr


@pytest.mark.parametrize(
    "query, opening",
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE {"),
        ("select * {?s ?p ?o}", "select * {"),
        ("ASK { ?s ?p ?o }", "ASK {"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE {"),
        ("# no WHERE { here\nSELECT ?s WHERE { ?s ?p ?o }", "# no WHERE { here\nSELECT ?s WHERE {"),
        ("PREFIX x: <http://ex.org/a#WHERE{>\nSELECT (\"WHERE {\" AS ?t) ?s WHERE { ?s ?p ?o }",
         "PREFIX x: <http://ex.org/a#WHERE{>\nSELECT (\"WHERE {\" AS ?t) ?s WHERE {"),
        ("SELECT ?where ?s WHERE { ?s ?p ?where }", "SELECT ?where ?s WHERE {"),
        ("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "SELECT ?s WHERE {"),
    ],
)
def test_query_params_values_open_the_where_group(query, opening):
    assert query[: where_start(query)] == opening


@pytest.mark.parametrize(
    "query, selected",
    [
        ("SELECT ?a $b WHERE { ?a ?p ?b }", {"a", "b"}),
        ("PREFIX p: <http://ex.org/SELECT#>\nSELECT DISTINCT ?t (COUNT(DISTINCT ?m) AS ?n) { ?m p:x ?t } GROUP BY ?t", {"t", "n"}),
        ("SELECT ?s FROM <http://ex.org/g> WHERE { { SELECT ?s ?o WHERE { ?s ?p ?o } } }", {"s"}),
        ("SELECT * WHERE { ?s ?p ?o }", set()),  # whatever is in scope: bound by VALUES
        ("ASK { ?s ?p ?o }", set()),
        ("CONSTRUCT { ?s ?p ?o } WHERE { SELECT ?s ?p ?o WHERE { ?s ?p ?o } }", set()),
    ],
)
def test_query_params_selected_variables(query, selected):
    assert selected_variables(query) == selected


@pytest.mark.parametrize(
    "query, nested",
    [
        ("SELECT ?a WHERE { ?a ?p ?o }", set()),
        ("SELECT ?a WHERE { ?a ?p ?o { SELECT ?b (COUNT(?c) AS ?n) WHERE { ?b ?q ?c } GROUP BY ?b } ?d ?r ?e }", {"b", "q", "c", "n"}),
        ("SELECT ?a WHERE { { SELECT ?a WHERE { { ?a ?p ?o } UNION { ?a ?q ?o2 } } } OPTIONAL { ?a ?r ?x } }", {"a", "p", "o", "q", "o2"}),
        ('SELECT ?a WHERE { ?a ?p "{ SELECT ?s" . ?a <http://ex.org/x?y> ?o } # { SELECT ?c }', set()),
        ("CONSTRUCT { ?s ?p ?o } WHERE { SELECT ?s ?p ?o WHERE { ?s ?p ?o } }", {"s", "p", "o"}),
    ],
)
def test_query_params_subselect_variables(query, nested):
    assert subselect_variables(query) == nested


@pytest.mark.parametrize(
    "name, substituted",
    [
        # Named inside sub-selects, which a VALUES block opening the WHERE group does not reach.
        ("programs-of-district", {"district"}),
        ("indicator", {"indicator"}),
        # Named only at the top: a VALUES block, which Oxigraph plans with (a substituted
        # variable is planned as free: located-in 60 times slower on the whole corpus).
        ("located-in", set()),
        ("entities-by-type", set()),
    ],
)
def test_query_params_substitution_only_for_sub_selects(name, substituted):
    query = resolve_query(name)
    bindings = {p.name: ox.Literal("x") for p in query.params}
    assert substituted_variables(query.text, bindings) == substituted


def test_query_params_values_are_terms_not_text():
    hostile = 'x" } UNION { ?e ?p ?name } #\n\\'
    text = with_values("SELECT ?e WHERE { ?e ?p ?name }", {"name": ox.Literal(hostile), "e": ox.NamedNode(SHANGCHENG)})
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(SHANGCHENG), ox.NamedNode("http://ex.org/p"), ox.Literal(hostile)))
    store.add(ox.Quad(ox.NamedNode("http://ex.org/other"), ox.NamedNode("http://ex.org/p"), ox.Literal("y")))
    assert [s["e"] for s in store.query(text)] == [ox.NamedNode(SHANGCHENG)]
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        with_values("SELECT * WHERE { ?s ?p ?o }", {"s } ?x": ox.Literal("y")})
    with pytest.raises(QueryError, match="WHERE"):
        with_values("CONSTRUCT { ?s ?p ?o }", {"s": ox.Literal("y")})
