from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal

from kg.graph.namespace import POL

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "policy.ttl"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def _defined_terms(graph: Graph) -> set[str]:
    ns = str(POL._NS)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s)[len(ns):] for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(ns)}


def test_graph_namespace_matches_ontology_file(ontology):
    assert _defined_terms(ontology) == set(POL.__annotations__)


def test_graph_namespace_rejects_unknown_terms():
    with pytest.raises(AttributeError):
        POL.Documnet  # noqa: B018 - the typo is the point


def test_graph_namespace_terms_have_labels_in_both_languages_and_a_comment(ontology):
    for name in POL.__annotations__:
        term = POL[name]
        langs = {lit.language for lit in ontology.objects(term, RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, name
        assert any(True for _ in ontology.objects(term, RDFS.comment)), name
