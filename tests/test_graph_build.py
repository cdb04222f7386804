"""The seed build as a graph: entities, provenance, named graphs, round trips, valid IRIs."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from kg.graph.iris import Iris
from kg.graph.namespace import POL
from conftest import SEED_BUILD

IRIS = Iris()
HANGZHOU = URIRef("https://w3id.org/kg-policy/id/district/330100")
SHANGCHENG = URIRef("https://w3id.org/kg-policy/id/district/330102")
ZHEJIANG = URIRef("https://w3id.org/kg-policy/id/district/330000")


@pytest.fixture(scope="module")
def graph(seed_build) -> Graph:
    return Graph().parse(seed_build / "graph.ttl")


@pytest.fixture(scope="module")
def dataset(seed_build) -> Dataset:
    return Dataset().parse(seed_build / "graph.trig", format="trig")


def _doc(graph, prefix):
    return next(d for d in graph.subjects(RDF.type, POL.Document) if str(graph.value(d, DCTERMS.identifier)).startswith(prefix))


def test_graph_build_districts_carry_code_and_hierarchy(graph):
    assert graph.value(SHANGCHENG, SKOS.prefLabel) == Literal("上城区", lang="zh")
    assert graph.value(SHANGCHENG, POL.divisionCode) == Literal("330102")
    assert (SHANGCHENG, POL.locatedIn, HANGZHOU) in graph
    assert (HANGZHOU, POL.locatedIn, ZHEJIANG) in graph
    assert (SHANGCHENG, RDF.type, POL.District) in graph


def test_graph_build_one_entity_across_scripts(graph):
    westlake_u = next(graph.subjects(SKOS.prefLabel, Literal("西湖大学", lang="zh")))
    assert Literal("西湖大學", lang="zh-Hant") in set(graph.objects(westlake_u, SKOS.altLabel))
    documents = {str(graph.value(d, DCTERMS.identifier))[:3] for d in graph.objects(westlake_u, POL.mentionedIn)}
    assert {"000", "002"} <= documents


def test_graph_build_mentions_point_at_the_source_text(graph, seeds_dir):
    d002 = _doc(graph, "002")
    source = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    checked = 0
    for mention in graph.subjects(POL.inDocument, d002):
        if (mention, RDF.type, POL.Mention) not in graph:
            continue
        start, end = int(graph.value(mention, POL.start)), int(graph.value(mention, POL.end))
        assert source[start:end] == str(graph.value(mention, POL.text))
        sentence = graph.value(mention, POL.sentence)
        assert int(graph.value(sentence, POL.start)) <= start and end <= int(graph.value(sentence, POL.end))
        assert graph.value(mention, POL.rule)
        checked += 1
    assert checked > 100


def test_graph_build_relations_have_provenance(graph):
    d001 = _doc(graph, "001")
    assert (SHANGCHENG, POL.implements, URIRef("https://w3id.org/kg-policy/id/program/zuiduo-paoyici-reform")) in graph
    assertions = [a for a in graph.subjects(RDF.type, POL.Assertion) if graph.value(a, PROV.wasDerivedFrom) == d001]
    assert {str(graph.value(a, POL.rule)) for a in assertions} >= {"issuing-government", "own-district-report"}
    for a in assertions:
        s, p, o = graph.value(a, RDF.subject), graph.value(a, RDF.predicate), graph.value(a, RDF.object)
        assert (s, p, o) in graph


def test_graph_build_duplicate_and_co_mentions(graph):
    assert graph.value(_doc(graph, "004"), POL.duplicateOf) == _doc(graph, "000")
    pairs = list(graph.subjects(RDF.type, POL.CoMention))
    assert pairs
    for pair in pairs[:50]:
        # One end each, in IRI order, so a query reads a pair with a join and no filter.
        (a,), (b,) = list(graph.objects(pair, POL.firstEntity)), list(graph.objects(pair, POL.secondEntity))
        assert str(a) < str(b)
        assert (a, POL.relatedTo, b) in graph and (b, POL.relatedTo, a) in graph
        assert int(graph.value(pair, POL.sentenceCount)) >= 1


def test_graph_build_trig_has_a_graph_per_document_and_one_for_entities(dataset, graph):
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    documents = {n for n in names if n.startswith(str(IRIS.base) + "graph/doc/")}
    assert len(documents) == 5
    # The build's record lists its other graphs, for `kg push` to know what the build holds.
    record = next(g for g in dataset.graphs() if g.identifier == IRIS.build_graph(SEED_BUILD))
    assert names == documents | {str(IRIS.entities_graph(SEED_BUILD)), str(record.identifier)}
    assert {str(o) for o in record.objects(IRIS.build(SEED_BUILD), DCTERMS.hasPart)} == names - {str(record.identifier)}
    assert record.value(IRIS.build(SEED_BUILD), DCTERMS.identifier) == Literal(SEED_BUILD)
    union = Graph()
    for g in dataset.graphs():
        for triple in g:
            union.add(triple)
    assert isomorphic(union, graph)


def test_graph_build_turtle_round_trips(graph):
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(again, graph)


def test_graph_build_iris_are_valid_for_strict_stores(graph):
    from rdflib.term import _is_valid_uri

    iris = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    assert all(_is_valid_uri(str(i)) for i in iris)
    assert not any(" " in i or "\n" in i for i in iris)


def test_graph_build_seed_graph_conforms_to_the_shapes(graph):
    from kg.graph.validate import validate_graph

    report = validate_graph(graph)
    assert report.conforms, [v.describe() for v in report.violations[:5]]
