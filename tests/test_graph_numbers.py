"""Observations and project events in the graph, from a short report through every stage."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.extract.entities import Linker
from kg.extract.facts import extract_facts
from kg.extract.relations import load_relation_rules
from kg.graph.assemble import build_dataset, merged
from kg.graph.iris import Iris
from kg.graph.namespace import POL
from kg.ingest.document import ingest_text
from kg.nlp.pipeline import annotate

REPORT = (
    "（2020年4月26日在杭州市第十三届人民代表大会第五次会议上）\n\n"
    "杭州市人民政府市长\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作。\n\n"
    "一、2019年工作回顾\n\n"
    "全市地区生产总值完成15373亿元、增长6.8%。地铁5号线、16号线和铁路杭州南站建成。\n\n"
    "二、2020年目标任务和重点工作\n\n"
    "地区生产总值增长6.5%左右。\n"
)

EXPECTED = """
@prefix pol: <https://w3id.org/kg-policy/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix d: <https://w3id.org/kg-policy/id/district/> .
@prefix i: <https://w3id.org/kg-policy/id/indicator/> .
[] pol:indicator i:地区生产总值 ; pol:area d:330100 ; pol:period "2019"^^xsd:gYear ;
   pol:value "15373.0"^^xsd:decimal ; pol:unit "亿元" ; pol:growthRate "6.8"^^xsd:decimal ; pol:observationKind "actual" .
[] pol:indicator i:地区生产总值 ; pol:area d:330100 ; pol:period "2020"^^xsd:gYear ;
   pol:growthRate "6.5"^^xsd:decimal ; pol:observationKind "target" ; pol:qualifier "左右" .
"""

_OBSERVATION_FIELDS = (POL.indicator, POL.area, POL.period, POL.value, POL.unit, POL.growthRate, POL.observationKind, POL.qualifier)


@pytest.fixture(scope="module")
def report_graph(nlp, rule_set) -> Graph:
    document = ingest_text(REPORT, "r", strip_boilerplate=False)
    facts = extract_facts([document], lambda t, home: annotate(nlp, t, home), Linker(rule_set.gazetteer), load_relation_rules())
    iris = Iris()
    return merged(build_dataset([document], facts, iris), iris)


def test_graph_numbers_observations_actual_beside_target(report_graph):
    found = Graph()
    for obs in report_graph.subjects(predicate=POL.observationKind):
        for p in _OBSERVATION_FIELDS:
            for o in report_graph.objects(obs, p):
                found.add((obs, p, o))
    # Observation IRIs are minted per document; compare the shape with blank nodes in their place.
    assert isomorphic(_blank_subjects(found), Graph().parse(data=EXPECTED, format="turtle")), found.serialize(format="turtle")


def test_graph_numbers_project_events_one_per_project(report_graph):
    from rdflib.namespace import SKOS

    events = {
        (str(report_graph.value(report_graph.value(e, POL.project), SKOS.prefLabel)), str(report_graph.value(e, POL.stage)), str(report_graph.value(e, POL.period)))
        for e in report_graph.subjects(predicate=POL.stage)
    }
    assert {("地铁5号线", "completed", "2019"), ("16号线", "completed", "2019"), ("铁路杭州南站", "completed", "2019")} <= events


def test_graph_numbers_carry_sentence_and_offsets(report_graph):
    for node in list(report_graph.subjects(predicate=POL.observationKind)) + list(report_graph.subjects(predicate=POL.stage)):
        start, end = int(report_graph.value(node, POL.start)), int(report_graph.value(node, POL.end))
        assert 0 <= start < end <= len(REPORT)
        sentence = report_graph.value(node, POL.sentence)
        assert int(report_graph.value(sentence, POL.start)) <= start and end <= int(report_graph.value(sentence, POL.end))


def _blank_subjects(graph: Graph) -> Graph:
    from rdflib import BNode

    nodes = {s: BNode() for s in set(graph.subjects())}
    out = Graph()
    for s, p, o in graph:
        out.add((nodes[s], p, o))
    return out
