"""SHACL shapes (ontology/shapes.ttl), kg.graph.validate and `kg validate`."""

from __future__ import annotations

import subprocess
import sys
from typing import Callable

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SH, SKOS, XSD

from kg.cli import EXIT_NO_INPUT, EXIT_NOT_CONFORMING, main
from kg.errors import ValidationError
from kg.graph.namespace import POL
from kg.graph.validate import Report, Violation, check, load_shapes, ontology_path, shapes_path, validate_graph

KGID = Namespace("https://w3id.org/kg-policy/id/")

DOC = KGID["doc/000_hz"]
DOC2 = KGID["doc/004_hz_copy"]
MASK = KGID["doc/000_hz/mask/0"]
SENTENCE = KGID["doc/000_hz/sentence/3"]
MENTION = KGID["doc/000_hz/mention/0"]
ASSERTION = KGID["doc/000_hz/assertion/0"]
ZJ = KGID["district/330000"]
HZ = KGID["district/330100"]
PROGRAM = KGID["program/最多跑一次改革"]
PROJECT = KGID["project/杭州西站"]
ORG = KGID["org/zju"]
PAIR = KGID["co-mention/0123456789abcdef"]
GDP = KGID["indicator/地区生产总值"]
OBS = KGID["doc/000_hz/observation/0"]
EVENT = KGID["doc/000_hz/event/0"]


def _year(year: str) -> Literal:
    return Literal(year, datatype=XSD.gYear)


def conforming_graph() -> Graph:
    """A small graph with one of everything `kg build` writes, as it writes it."""
    g = Graph(bind_namespaces="none")
    g.bind("kgid", KGID)
    g.bind("pol", POL._NS)
    add = g.add
    for doc, ident in ((DOC, "000_hz"), (DOC2, "004_hz_copy")):
        add((doc, RDF.type, POL.Document))
        add((doc, DCTERMS.identifier, Literal(ident)))
        add((doc, POL.script, Literal("zh-Hans")))
        add((doc, POL.encoding, Literal("utf-8")))
    add((DOC, POL.sha256, Literal("0123456789abcdef" * 4)))
    add((DOC, DCTERMS.title, Literal("2020年杭州市政府工作报告", lang="zh")))
    add((DOC, POL.documentKind, Literal("government-work-report")))
    add((DOC, POL.reviewYear, _year("2019")))
    add((DOC, POL.planYear, _year("2020")))
    add((DOC, DCTERMS.date, Literal("2020-04-26", datatype=XSD.date)))
    add((DOC2, POL.duplicateOf, DOC))
    add((DOC2, POL.duplicateSimilarity, Literal("0.9712", datatype=XSD.decimal)))
    add((MASK, RDF.type, POL.MaskedSpan))
    add((MASK, POL.start, Literal(10)))
    add((MASK, POL.end, Literal(12)))
    add((MASK, POL.maskForm, Literal("XX")))
    add((DOC, POL.hasMask, MASK))

    add((SENTENCE, RDF.type, POL.Sentence))
    add((SENTENCE, POL.inDocument, DOC))
    add((SENTENCE, POL.start, Literal(100)))
    add((SENTENCE, POL.end, Literal(140)))
    add((SENTENCE, POL.text, Literal("杭州市深化最多跑一次改革。", lang="zh")))

    add((ZJ, RDF.type, POL.District))  # a parent added for the hierarchy: no mention
    add((ZJ, SKOS.prefLabel, Literal("浙江省", lang="zh")))
    add((ZJ, POL.divisionCode, Literal("330000")))
    add((ZJ, POL.divisionLevel, Literal("province")))
    add((HZ, RDF.type, POL.District))
    add((HZ, SKOS.prefLabel, Literal("杭州市", lang="zh")))
    add((HZ, SKOS.altLabel, Literal("杭州", lang="zh")))
    add((HZ, SKOS.altLabel, Literal("杭州市", lang="zh-Hant")))
    add((HZ, POL.divisionCode, Literal("330100")))
    add((HZ, POL.divisionLevel, Literal("city")))
    add((HZ, POL.locatedIn, ZJ))
    add((HZ, POL.implements, PROGRAM))
    add((HZ, POL.mentionedIn, DOC))
    add((PROGRAM, RDF.type, POL.Program))
    add((PROGRAM, SKOS.prefLabel, Literal("最多跑一次改革", lang="zh")))
    add((PROGRAM, POL.mentionedIn, DOC))
    add((PROJECT, RDF.type, POL.Project))
    add((PROJECT, SKOS.prefLabel, Literal("杭州西站", lang="zh")))
    add((PROJECT, POL.locatedIn, HZ))
    add((ORG, RDF.type, POL.Organization))
    add((ORG, SKOS.prefLabel, Literal("浙江大学", lang="zh")))
    add((HZ, POL.relatedTo, PROGRAM))
    add((PROGRAM, POL.relatedTo, HZ))

    add((MENTION, RDF.type, POL.Mention))
    add((MENTION, POL.refersTo, HZ))
    add((MENTION, POL.inDocument, DOC))
    add((MENTION, POL.start, Literal(100)))
    add((MENTION, POL.end, Literal(103)))
    add((MENTION, POL.text, Literal("杭州市", lang="zh")))
    add((MENTION, POL.rule, Literal("gazetteer:district")))
    add((MENTION, POL.sentence, SENTENCE))

    add((ASSERTION, RDF.type, POL.Assertion))
    add((ASSERTION, RDF.subject, HZ))
    add((ASSERTION, RDF.predicate, POL.implements))
    add((ASSERTION, RDF.object, PROGRAM))
    add((ASSERTION, PROV.wasDerivedFrom, DOC))
    add((ASSERTION, POL.sentence, SENTENCE))
    add((ASSERTION, POL.rule, Literal("implements:subject-verb")))

    add((PAIR, RDF.type, POL.CoMention))
    add((PAIR, POL.firstEntity, HZ))
    add((PAIR, POL.secondEntity, PROGRAM))
    add((PAIR, POL.sentenceCount, Literal(3)))

    add((GDP, RDF.type, POL.Indicator))
    add((GDP, SKOS.prefLabel, Literal("地区生产总值", lang="zh")))
    add((OBS, RDF.type, POL.Observation))
    add((OBS, POL.indicator, GDP))
    add((OBS, POL.area, HZ))
    add((OBS, POL.period, _year("2019")))
    add((OBS, POL.value, Literal("15373", datatype=XSD.decimal)))
    add((OBS, POL.unit, Literal("亿元")))
    add((OBS, POL.growthRate, Literal("6.8", datatype=XSD.decimal)))
    add((OBS, POL.observationKind, Literal("actual")))
    add((OBS, POL.qualifier, Literal("左右")))
    add((OBS, PROV.wasDerivedFrom, DOC))
    add((OBS, POL.sentence, SENTENCE))
    add((OBS, POL.start, Literal(1200)))
    add((OBS, POL.end, Literal(1224)))

    add((EVENT, RDF.type, POL.ProjectEvent))
    add((EVENT, POL.project, PROJECT))
    add((EVENT, POL.stage, Literal("completed")))
    add((EVENT, POL.period, _year("2019")))
    add((EVENT, PROV.wasDerivedFrom, DOC))
    add((EVENT, POL.sentence, SENTENCE))
    add((EVENT, POL.eventKind, Literal("actual")))
    add((EVENT, POL.start, Literal(1300)))
    add((EVENT, POL.end, Literal(1302)))
    return g


def _set(node, prop, *values) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.remove((node, prop, None))
        for value in values:
            g.add((node, prop, value))

    return mutate


def _add(node, prop, value) -> Callable[[Graph], None]:
    return lambda g: g.add((node, prop, value))


def _all(*mutations) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        for m in mutations:
            m(g)

    return mutate


def _paths(report: Report) -> set[tuple[str, str]]:
    return {(v.focus, v.path) for v in report.violations}


@pytest.fixture(scope="module")
def base_report() -> Report:
    return validate_graph(conforming_graph())


# ---- conformance -------------------------------------------------------------------------------


def test_graph_validate_conforming_graph_conforms(base_report):
    assert base_report.violations == []
    assert base_report.conforms


def test_graph_validate_leaves_the_graph_unchanged():
    g = conforming_graph()
    before = set(g)
    validate_graph(g)
    assert set(g) == before  # the class hierarchy is mixed into a copy


def test_graph_validate_growth_rate_alone_is_enough():
    g = conforming_graph()
    g.remove((OBS, POL.value, None))
    g.remove((OBS, POL.unit, None))
    assert validate_graph(g).conforms


def test_graph_validate_entity_subclasses_satisfy_sh_class():
    g = conforming_graph()
    for target in (ZJ, PROGRAM, PROJECT, ORG):
        _set(MENTION, POL.refersTo, target)(g)
        assert validate_graph(g).conforms, target


# ---- single mutations ----------------------------------------------------------------------------

MUTATIONS = [
    # (id, mutation, focus, path, message fragment, value)
    ("missing-preflabel", _set(HZ, SKOS.prefLabel), HZ, "skos:prefLabel", "exactly one skos:prefLabel", None),
    ("preflabel-without-zh", _set(HZ, SKOS.prefLabel, Literal("杭州市")), HZ, "skos:prefLabel", "tagged @zh", '"杭州市"'),
    ("preflabel-english", _set(HZ, SKOS.prefLabel, Literal("Hangzhou", lang="en")), HZ, "skos:prefLabel", "tagged @zh", '"Hangzhou"@en'),
    ("preflabel-traditional", _set(HZ, SKOS.prefLabel, Literal("杭州市", lang="zh-Hant")), HZ, "skos:prefLabel", "Simplified name", None),
    ("two-preflabels", _add(HZ, SKOS.prefLabel, Literal("杭州", lang="zh")), HZ, "skos:prefLabel", "exactly one skos:prefLabel", None),
    ("altlabel-english", _add(HZ, SKOS.altLabel, Literal("Hangzhou", lang="en")), HZ, "skos:altLabel", "@zh or @zh-Hant", None),
    ("division-code-33A", _set(HZ, POL.divisionCode, Literal("33A")), HZ, "pol:divisionCode", "6 digits", '"33A"'),
    ("two-division-codes", _add(HZ, POL.divisionCode, Literal("330102")), HZ, "pol:divisionCode", "at most one", None),
    ("located-in-a-program", _add(PROJECT, POL.locatedIn, PROGRAM), PROJECT, "pol:locatedIn", "pol:District", None),
    ("mention-start-after-end", _set(MENTION, POL.start, Literal(103)), MENTION, "pol:start", "less than its pol:end", None),
    ("mention-negative-start", _set(MENTION, POL.start, Literal(-1)), MENTION, "pol:start", "≥ 0", None),
    ("mention-without-refers-to", _set(MENTION, POL.refersTo), MENTION, "pol:refersTo", "exactly one pol:refersTo", None),
    ("mention-refers-to-document", _set(MENTION, POL.refersTo, DOC), MENTION, "pol:refersTo", "must point to an entity", None),
    ("mention-refers-to-untyped", _set(MENTION, POL.refersTo, KGID["district/999999"]), MENTION, "pol:refersTo", "must point to an entity", None),
    ("mention-plain-text", _set(MENTION, POL.text, Literal("杭州市")), MENTION, "pol:text", "language-tagged", None),
    ("mention-without-rule", _set(MENTION, POL.rule), MENTION, "pol:rule", "exactly one pol:rule", None),
    ("sentence-without-document", _set(SENTENCE, POL.inDocument), SENTENCE, "pol:inDocument", "exactly one pol:inDocument", None),
    ("mask-start-as-string", _set(MASK, POL.start, Literal("10")), MASK, "pol:start", "xsd:integer", None),
    ("assertion-related-to", _set(ASSERTION, RDF.predicate, POL.relatedTo), ASSERTION, "rdf:predicate", "pol:locatedIn or pol:implements", "pol:relatedTo"),
    ("assertion-without-source", _set(ASSERTION, PROV.wasDerivedFrom), ASSERTION, "prov:wasDerivedFrom", "exactly one prov:wasDerivedFrom", None),
    ("observation-neither-value-nor-rate", _all(_set(OBS, POL.value), _set(OBS, POL.growthRate)), OBS, "pol:value", "pol:value or a pol:growthRate", None),
    ("observation-value-without-unit", _set(OBS, POL.unit), OBS, "pol:unit", "with a pol:value needs a pol:unit", None),
    ("observation-kind-guess", _set(OBS, POL.observationKind, Literal("guess")), OBS, "pol:observationKind", '"actual" or "target"', '"guess"'),
    ("observation-period-plain-string", _set(OBS, POL.period, Literal("2020")), OBS, "pol:period", "xsd:gYear", '"2020"'),
    ("observation-value-as-string", _set(OBS, POL.value, Literal("15373")), OBS, "pol:value", "xsd:decimal", None),
    ("observation-area-not-district", _set(OBS, POL.area, PROGRAM), OBS, "pol:area", "pol:District", None),
    ("event-stage-done", _set(EVENT, POL.stage, Literal("done")), EVENT, "pol:stage", "one of planned", '"done"'),
    ("event-period-plain-string", _set(EVENT, POL.period, Literal("2020")), EVENT, "pol:period", "xsd:gYear", '"2020"'),
    ("event-project-not-project", _set(EVENT, POL.project, HZ), EVENT, "pol:project", "pol:Project", None),
    ("indicator-without-label", _set(GDP, SKOS.prefLabel), GDP, "skos:prefLabel", "exactly one skos:prefLabel", None),
    ("co-mention-without-first", _set(PAIR, POL.firstEntity), PAIR, "pol:firstEntity", "exactly one pol:firstEntity", None),
    ("co-mention-two-seconds", _add(PAIR, POL.secondEntity, HZ), PAIR, "pol:secondEntity", "exactly one pol:secondEntity", None),
    ("co-mention-second-not-entity", _set(PAIR, POL.secondEntity, DOC), PAIR, "pol:secondEntity", "an entity", None),
    ("co-mention-zero-count", _set(PAIR, POL.sentenceCount, Literal(0)), PAIR, "pol:sentenceCount", "≥ 1", None),
    ("document-without-identifier", _set(DOC, DCTERMS.identifier), DOC, "dcterms:identifier", "exactly one dcterms:identifier", None),
    ("document-script-zh-cn", _set(DOC, POL.script, Literal("zh-CN")), DOC, "pol:script", '"zh-Hans" or "zh-Hant"', '"zh-CN"'),
    ("document-sha256-upper-case", _set(DOC, POL.sha256, Literal("0123456789ABCDEF" * 4)), DOC, "pol:sha256", "lower-case hex", None),
    ("document-similarity-above-one", _set(DOC2, POL.duplicateSimilarity, Literal("1.5", datatype=XSD.decimal)), DOC2, "pol:duplicateSimilarity", "from 0 to 1", None),
    ("document-review-year-integer", _set(DOC, POL.reviewYear, Literal(2019)), DOC, "pol:reviewYear", "xsd:gYear", None),
    ("document-title-plain", _set(DOC, DCTERMS.title, Literal("报告")), DOC, "dcterms:title", "language-tagged", None),
]


@pytest.mark.parametrize(
    "mutate, focus, path, fragment, value",
    [row[1:] for row in MUTATIONS],
    ids=[row[0] for row in MUTATIONS],
)
def test_graph_validate_single_mutation_gives_its_violation(mutate, focus, path, fragment, value):
    g = conforming_graph()
    mutate(g)
    report = validate_graph(g)
    assert not report.conforms
    focus_short = "kgid:" + str(focus)[len(str(KGID)):]
    hits = [v for v in report.violations if v.focus == focus_short and v.path == path and fragment in v.message]
    assert hits, report.violations
    assert all(v.severity == "Violation" for v in hits)
    if value is not None:
        assert value in {v.value for v in hits}
    # The mutation breaks only what it touches.
    assert {v.focus for v in report.violations} == {focus_short}, report.violations


def test_graph_validate_violations_are_sorted_and_short():
    g = conforming_graph()
    _set(OBS, POL.observationKind, Literal("guess"))(g)
    _set(HZ, POL.divisionCode, Literal("33A"))(g)
    _set(EVENT, POL.stage, Literal("done"))(g)
    report = validate_graph(g)
    keys = [(v.focus, v.path, v.message) for v in report.violations]
    assert keys == sorted(keys)
    assert [v.focus for v in report.violations] == [
        "kgid:district/330100", "kgid:doc/000_hz/event/0", "kgid:doc/000_hz/observation/0",
    ]
    assert all(isinstance(v, Violation) for v in report.violations)


# ---- check -----------------------------------------------------------------------------------------


def test_graph_validate_check_passes_a_conforming_graph():
    check(conforming_graph())


def test_graph_validate_check_raises_with_the_first_violations():
    g = conforming_graph()
    _set(HZ, POL.divisionCode, Literal("33A"))(g)
    _set(MENTION, POL.refersTo)(g)
    _set(OBS, POL.unit)(g)
    _set(EVENT, POL.stage, Literal("done"))(g)
    with pytest.raises(ValidationError) as caught:
        check(g)
    text = str(caught.value)
    assert "4 violations" in text
    assert "kgid:district/330100 pol:divisionCode" in text
    assert "and 1 more" in text


# ---- the shapes file itself -------------------------------------------------------------------------


def test_graph_validate_shapes_file_is_found_next_to_the_ontology():
    assert shapes_path().is_file()
    assert shapes_path().parent == ontology_path().parent
    assert shapes_path().name == "shapes.ttl"


def test_graph_validate_shapes_file_is_valid_shacl():
    from pyshacl import validate

    conforms, _, text = validate(Graph(), shacl_graph=load_shapes(), meta_shacl=True)
    assert conforms, text


def test_graph_validate_every_constraint_has_a_message():
    shapes = load_shapes()
    property_shapes = set(shapes.objects(None, SH.property))
    assert len(property_shapes) > 50
    for shape in property_shapes:
        sparql = list(shapes.objects(shape, SH.sparql))
        if sparql:
            assert all(shapes.value(c, SH.message) for c in sparql), shape
        else:
            assert shapes.value(shape, SH.message), shapes.value(shape, SH.path)


def test_graph_validate_shapes_use_only_terms_the_ontology_defines():
    shapes = load_shapes()
    ontology = Graph().parse(ontology_path())
    defined = set(ontology.subjects(RDF.type, None))
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(str(POL._NS))}
    assert used and used <= defined, used - defined


def test_graph_validate_every_class_with_instances_has_a_shape():
    shapes = load_shapes()
    targets = set(shapes.objects(None, SH.targetClass))
    for cls in (POL.Document, POL.Sentence, POL.Mention, POL.District, POL.Program, POL.Project,
                POL.Organization, POL.Assertion, POL.CoMention, POL.Indicator, POL.Observation,
                POL.ProjectEvent, POL.MaskedSpan, POL.RemovedText, POL.YearEvidence):
        assert cls in targets, cls


def test_graph_validate_module_does_not_import_pyshacl():
    code = "import sys, kg.graph.validate; print('pyshacl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---- command line ---------------------------------------------------------------------------------


def _write(g: Graph, path) -> str:
    g.serialize(path, format="turtle")
    return str(path)


def test_graph_validate_cli_conforming_file_exits_0(tmp_path):
    path = _write(conforming_graph(), tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["validate", path])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "conforms"


def test_graph_validate_cli_violating_file_exits_6_with_the_violation(tmp_path):
    g = conforming_graph()
    _set(HZ, POL.divisionCode, Literal("33A"))(g)
    path = _write(g, tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["validate", path])
    assert result.exit_code == EXIT_NOT_CONFORMING == 6, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == "1 violation"
    line = lines[0]
    assert line.startswith("Violation")
    for part in ("kgid:district/330100", "pol:divisionCode", "6 digits", '"33A"'):
        assert part in line


def test_graph_validate_cli_missing_file_exits_3(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code == EXIT_NO_INPUT == 3
    assert "no such graph file" in result.output


def test_graph_validate_cli_defaults_to_out_graph_ttl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    _write(conforming_graph(), tmp_path / "out" / "graph.ttl")
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output
