"""The entity network drawn by the HTML view: nodes, edges and how a selection narrows them."""

from __future__ import annotations

import pytest

from kg.errors import SelectionError
from kg.outputs.network import DEFAULT_MAX_NODES, Selection, entity_network, parse_types, resolve_document

ID = "https://w3id.org/kg-policy/id/"
WESTLAKE_UNIVERSITY = ID + "org/westlake-university"
XIHU_DISTRICT = ID + "district/330106"
HANGZHOU = ID + "district/330100"
DOCS = [
    {"id": "000_54c75faab71319eb", "source": "000_54c75faab71319eb.txt", "title": "2020年杭州市政府工作报告"},
    {"id": "003_eb0d6571eb462b03", "source": "003_eb0d6571eb462b03.txt", "title": ""},
]


@pytest.fixture(scope="module")
def whole(seed_graph):
    return entity_network(seed_graph, Selection(max_nodes=None))


@pytest.mark.parametrize("text, expected", [
    ("district", {"District"}),
    ("District, PROGRAM", {"District", "Program"}),
    ("org,project", {"Organization", "Project"}),
    ("organization,organisation", {"Organization"}),
])
def test_network_parse_types_accepts_class_and_label_names(text, expected):
    assert parse_types(text) == frozenset(expected)


@pytest.mark.parametrize("text", ["city", "district,person", "", " , "])
def test_network_parse_types_refuses_what_names_no_type(text):
    with pytest.raises(SelectionError):
        parse_types(text)


@pytest.mark.parametrize("key, expected", [
    ("003_eb0d6571eb462b03", "003_eb0d6571eb462b03"),
    ("003_eb0d6571eb462b03.txt", "003_eb0d6571eb462b03"),
    ("003", "003_eb0d6571eb462b03"),
    ("000_54c", "000_54c75faab71319eb"),
])
def test_network_resolve_document_by_id_file_or_prefix(key, expected):
    assert resolve_document(DOCS, key) == expected


@pytest.mark.parametrize("key, problem", [("00", "several"), ("999", "no document"), ("2020年", "no document")])
def test_network_resolve_document_names_the_known_ones_when_it_fails(key, problem):
    with pytest.raises(SelectionError, match=problem) as err:
        resolve_document(DOCS, key)
    assert "000_54c75faab71319eb" in str(err.value)


def test_network_node_carries_what_the_view_shows(whole):
    node = whole.nodes[WESTLAKE_UNIVERSITY]
    assert node["label"] == "西湖大学"
    assert node["kind"] == "Organization"
    assert node["aliases"] == ["西湖大學"]
    assert node["documents"] == ["000_54c75faab71319eb-cd3d4351", "002_77a762d557f0fa9a-fec73344"]
    assert node["mentions"] >= 3
    assert 1 <= len(node["sentences"]) <= 3
    assert all("西湖大" in s for s in node["sentences"])


def test_network_district_node_has_its_division_code(whole):
    node = whole.nodes[XIHU_DISTRICT]
    assert (node["label"], node["kind"], node["code"], node["level"]) == ("西湖区", "District", "330106", "district")


def test_network_edges_are_the_entity_relations(whole):
    assert whole.has_edge(XIHU_DISTRICT, HANGZHOU, key="locatedIn")
    assert {key for _, _, key in whole.edges(keys=True)} == {"locatedIn", "implements", "relatedTo"}
    related = [d for _, _, k, d in whole.edges(keys=True, data=True) if k == "relatedTo"]
    assert all(d["sentences"] >= 1 for d in related)


def test_network_lists_every_document_and_counts_every_entity(whole, seed_graph):
    from rdflib import RDF

    from kg.graph.namespace import POL

    assert [d["id"][:3] for d in whole.graph["documents"]] == ["000", "001", "002", "003", "004"]
    entities = {s for kind in (POL.District, POL.Program, POL.Project, POL.Organization)
                for s in seed_graph.subjects(RDF.type, kind)}
    assert whole.graph["entities"] == len(entities) == whole.number_of_nodes()


def test_network_types_keep_only_those_classes(seed_graph, whole):
    net = entity_network(seed_graph, Selection(types=frozenset({"District"}), max_nodes=None))
    expected = {n for n, kind in whole.nodes(data="kind") if kind == "District"}
    assert set(net.nodes) == expected
    assert {key for _, _, key in net.edges(keys=True)} <= {"locatedIn", "relatedTo"}


def test_network_document_keeps_what_it_mentions(seed_graph, whole):
    net = entity_network(seed_graph, Selection(document="003", max_nodes=None))
    expected = {n for n, docs in whole.nodes(data="documents") if "003_eb0d6571eb462b03-7a459175" in docs}
    assert set(net.nodes) == expected
    assert XIHU_DISTRICT in net and WESTLAKE_UNIVERSITY not in net


def test_network_max_nodes_keeps_the_most_connected(seed_graph, whole):
    net = entity_network(seed_graph, Selection(max_nodes=25))
    assert net.number_of_nodes() == 25
    kept = min(whole.degree(n) for n in net.nodes)
    assert all(whole.degree(n) <= kept for n in whole.nodes if n not in net)
    assert HANGZHOU in net
    assert list(entity_network(seed_graph, Selection(max_nodes=25)).nodes) == list(net.nodes)


def test_network_default_keeps_the_page_small(seed_graph):
    assert entity_network(seed_graph).number_of_nodes() == DEFAULT_MAX_NODES


def test_network_build_page_is_the_page_of_its_graph(seed_build, tmp_path):
    """kg build draws its page from the corpus step's facts, kg viz from the graph file: the same
    network, so the same bytes."""
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["viz", str(seed_build / "graph.trig"), "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "page.html").read_bytes() == (seed_build / "graph.html").read_bytes()
