"""The fast SHACL validator (kg.graph.shapes) against pySHACL, the reference."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import UnsupportedShapeError
from kg.graph.namespace import POL
from kg.graph.shapes import ShapesValidator, check_triples, load_validator, validate_fast
from kg.graph.validate import Report, validate_graph
from test_graph_validate import HZ, MENTION, MUTATIONS, OBS, conforming_graph


@pytest.mark.parametrize("mutate", [row[1] for row in MUTATIONS], ids=[row[0] for row in MUTATIONS])
def test_graph_shapes_mutation_gives_the_same_violations_as_pyshacl(mutate):
    g = conforming_graph()
    mutate(g)
    fast = validate_fast(g)
    assert not fast.conforms
    assert fast == validate_graph(g)


def test_graph_shapes_conforming_graph_conforms():
    assert validate_fast(conforming_graph()) == Report(conforms=True, violations=[])


def test_graph_shapes_check_triples_takes_plain_triples():
    g = conforming_graph()
    g.remove((MENTION, POL.refersTo, None))
    assert check_triples(list(g), g.namespaces()) == validate_graph(g)


def test_graph_shapes_several_mutations_at_once_agree():
    g = conforming_graph()
    for mutate in (row[1] for row in MUTATIONS[::5]):
        mutate(g)
    fast = validate_fast(g)
    assert len(fast.violations) > 5
    assert fast == validate_graph(g)


def test_graph_shapes_data_subclasses_count_as_pyshacl_counts_them():
    g = conforming_graph()
    city = URIRef(str(POL._NS) + "City")
    g.add((city, RDFS.subClassOf, POL.District))
    g.set((HZ, RDF.type, city))  # a District only through the data's own hierarchy
    assert validate_fast(g) == validate_graph(g)


def test_graph_shapes_seed_graph_conforms_in_both(seed_graph):
    fast = validate_fast(seed_graph)
    assert fast == Report(conforms=True, violations=[])
    assert validate_graph(seed_graph) == fast


def test_graph_shapes_validator_is_compiled_once():
    assert load_validator() is load_validator()


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix pol: <https://w3id.org/kg-policy/ontology#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass pol:Document ; sh:property [ sh:path pol:script ; {constraint} ; sh:message "m" ] .
"""

UNSUPPORTED = [
    # (id, constraint, the term the error must name)
    ("min-length", "sh:minLength 2", "sh:minLength"),
    ("qualified-shape", "sh:qualifiedValueShape [ sh:class pol:Document ] ; sh:qualifiedMinCount 1", "sh:qualified"),
    ("or", "sh:or ( [ sh:datatype pol:X ] )", "sh:or"),
    ("sparql-join", 'sh:sparql [ a sh:SPARQLConstraint ; sh:select "SELECT $this WHERE { $this ?p ?o }" ]', "SPARQL constraint"),
    ("inverse-path", "sh:datatype pol:X ] , [ sh:path [ sh:inversePath pol:script ]", "sh:inversePath"),
    ("sequence-path", 'sh:minCount 1 ; sh:message "m" ] , [ sh:path ( pol:script pol:script ) ; sh:minCount 1', "plain IRI sh:path"),
    ("sparql-rule", 'sh:minCount 1 ; sh:message "m" ] ; sh:rule [ a sh:SPARQLRule ] ; sh:property [ sh:path pol:x', "rule"),
    ("no-message", 'sh:minCount 1 ; sh:message "m" ] , [ sh:path pol:x ; sh:maxCount 1 ] , [ sh:path pol:y', "without sh:message"),
]


@pytest.mark.parametrize("constraint, named", [row[1:] for row in UNSUPPORTED], ids=[row[0] for row in UNSUPPORTED])
def test_graph_shapes_unsupported_constraint_is_a_clear_error(constraint, named):
    shapes = Graph().parse(data=SHAPES.replace("{constraint}", constraint), format="turtle")
    with pytest.raises(UnsupportedShapeError) as caught:
        ShapesValidator(shapes, [], "my-shapes.ttl")
    assert str(caught.value).startswith("my-shapes.ttl: ")
    assert named.lower() in str(caught.value).lower()  # sh:rule or sh:SPARQLRule, met first


def test_graph_shapes_unsupported_shapes_file_is_named(tmp_path):
    path = tmp_path / "shapes.ttl"
    path.write_text(SHAPES.replace("{constraint}", "sh:maxLength 9"), encoding="utf-8")
    with pytest.raises(UnsupportedShapeError, match=str(path)):
        load_validator(shapes=path)


def test_graph_shapes_module_does_not_import_pyshacl():
    import subprocess
    import sys

    code = "import sys, kg.graph.shapes as s; s.validate_fast(__import__('rdflib').Graph()); print('pyshacl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_graph_shapes_observation_sparql_constraints_agree():
    g = conforming_graph()
    g.remove((OBS, POL.value, None))
    g.remove((OBS, POL.unit, None))
    assert validate_fast(g).conforms  # a growth rate alone is enough
    g.remove((OBS, POL.growthRate, None))
    g.add((OBS, POL.unit, Literal("亿元")))
    assert validate_fast(g) == validate_graph(g)
    g.add((HZ, SKOS.prefLabel, Literal("杭州", lang="zh")))
    assert validate_fast(g) == validate_graph(g)
