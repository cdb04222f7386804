"""Golden tests: short texts through every stage, compared as graphs with the triples expected."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.extract.entities import Linker
from kg.extract.facts import extract_facts
from kg.extract.relations import load_relation_rules
from kg.graph.assemble import build_dataset
from kg.graph.iris import Iris
from kg.graph.namespace import POL
from kg.ingest.document import ingest_text
from kg.nlp.pipeline import annotate

PREFIXES = """
@prefix pol: <https://w3id.org/kg-policy/ontology#> .
@prefix d: <https://w3id.org/kg-policy/id/district/> .
@prefix p: <https://w3id.org/kg-policy/id/program/> .
@prefix j: <https://w3id.org/kg-policy/id/project/> .
@prefix o: <https://w3id.org/kg-policy/id/org/> .
"""


def _relations(nlp, rule_set, text: str) -> Graph:
    """The relation triples that the document's own graph holds for ``text``."""
    document = ingest_text(text, "t", strip_boilerplate=False)
    facts = extract_facts([document], lambda t, home: annotate(nlp, t, home), Linker(rule_set.gazetteer), load_relation_rules())
    iris = Iris()
    dataset = build_dataset([document], facts, iris)
    graph = Graph()
    for triple in dataset.graph(iris.document_graph("t")):
        if triple[1] in (POL.locatedIn, POL.implements):
            graph.add(triple)
    return graph


@pytest.mark.parametrize(
    "text, expected",
    [
        # X落户Y
        ("中欣晶圆大尺寸半导体硅片项目落户余杭区。", "<https://w3id.org/kg-policy/id/project/中欣晶圆大尺寸半导体硅片项目> pol:locatedIn d:330110 ."),
        # 在Y建设X
        ("在余杭区建设之江实验室。", "o:zhejiang-lab pol:locatedIn d:330110 ."),
        # Y推进X
        ("上城区深化“最多跑一次”改革。", "d:330102 pol:implements p:zuiduo-paoyici-reform ."),
        # a name that begins with a place lies in it
        ("支持杭州市之江医院发展。", "<https://w3id.org/kg-policy/id/org/杭州市之江医院> pol:locatedIn d:330100 ."),
        # nothing between two names that says how they relate
        ("之江实验室、西湖大学和阿里巴巴。", ""),
        # a township's short form at the head of a name is a word, far from its county (共青 of
        # 共青镇, 萨尔 of 萨尔乡)
        ("中国共产主义青年团组织青年志愿者。", ""),
        ("萨尔瓦多代表团来访。", ""),
    ],
)
def test_graph_relations_from_short_texts(nlp, rule_set, text, expected):
    found = _relations(nlp, rule_set, text)
    assert isomorphic(found, Graph().parse(data=PREFIXES + expected, format="turtle")), found.serialize(format="turtle")


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "r.jsonl:1: not JSON"),
        ('{"id": "x", "predicate": "owns", "subject": ["ORG"], "object": ["ORG"], "order": "subject-object", "between": "的"}', "predicate must be"),
        ('{"id": "x", "predicate": "locatedIn", "subject": ["ORG"], "object": ["DISTRICT"], "order": "subject-object", "between": "(("}', "bad relation rule"),
    ],
)
def test_graph_relations_bad_rule_files_name_the_line(tmp_path, line, message):
    from kg.extract.relations import load_relation_rules
    from kg.nlp.rules import RuleError

    (tmp_path / "r.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_relation_rules(tmp_path)


def test_graph_relations_co_mentions_count_sentences(nlp, rule_set):
    from kg.extract.entities import link_all
    from kg.extract.mentions import mentions
    from kg.extract.relations import co_mentions

    document = ingest_text("浙江大学和之江实验室合作。浙江大学、之江实验室与阿里巴巴。", "t", strip_boilerplate=False)
    linker = Linker(rule_set.gazetteer)
    linked = link_all(linker, mentions(document, annotate(nlp, document.text)), "zh-Hans", None)
    counts = co_mentions([linked])
    names = {tuple(sorted(linker.entities[k].name for k in pair)): n for pair, n in counts.items()}
    assert names == {("之江实验室", "浙江大学"): 2, ("浙江大学", "阿里巴巴"): 1, ("之江实验室", "阿里巴巴"): 1}
