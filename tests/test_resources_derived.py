"""Values derived from kg's files and kept on disk (kg.resources.derived): the gazetteer and the
reading of the shapes' SPARQL constraints. Kept or not, the result is the same; an edited input
is a new key; a cache that cannot be written or read back only costs time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDFS

import kg.graph.shape_sparql as shape_sparql
import kg.nlp.places as places
from kg.errors import UnsupportedShapeError
from kg.graph.namespace import POL
from kg.graph.ontology import ontology_path, read_turtle, shapes_path
from kg.graph.shapes import ShapesValidator
from kg.graph.validate import validate_graph
from kg.nlp.rules import DATA_DIR, Gazetteer, kept_gazetteer, load_gazetteer
from kg.resources import derived
from test_graph_validate import OBS, conforming_graph

PROGRAMS = "id\tname\taliases\tlabel\tnote\nbaba\t八八战略\t\tPROGRAM\t\n"


@pytest.fixture
def derived_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "derived"
    monkeypatch.setattr(derived, "folder", lambda: folder)
    return folder


@pytest.fixture
def small_gazetteer(tmp_path) -> Path:
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "programs.tsv").write_text(PROGRAMS, encoding="utf-8")
    return folder


def _state(g: Gazetteer) -> tuple:
    index = g.index
    return g.entries, g.forms, g.home_forms, index._forms, index._lengths, index._pairs, index._singles


def _validator() -> ShapesValidator:
    hierarchy = list(read_turtle(ontology_path()).subject_objects(RDFS.subClassOf))
    return ShapesValidator(read_turtle(shapes_path()), hierarchy, "shapes.ttl")


def _kept(folder: Path, kind: str) -> list[Path]:
    return sorted((folder / kind).glob("*.pickle"))


def test_derived_gazetteer_kept_is_the_gazetteer_loaded(derived_folder):
    folder = DATA_DIR / "gazetteer"
    loaded = load_gazetteer(folder)
    made = kept_gazetteer(folder)  # loaded and kept
    assert len(_kept(derived_folder, "gazetteer")) == 1
    read = kept_gazetteer(folder)  # read back
    assert read is not made
    assert _state(made) == _state(read) == _state(loaded)
    assert "division:330100:杭州市" in read.entries and "杭州" in read.index


@pytest.mark.parametrize("change", ["data", "code"])
def test_derived_gazetteer_changed_input_is_a_new_key(derived_folder, small_gazetteer, monkeypatch, tmp_path, change):
    assert list(kept_gazetteer(small_gazetteer).entries) == ["pro:baba"]
    if change == "data":
        with open(small_gazetteer / "programs.tsv", "a", encoding="utf-8") as f:
            f.write("zuiduo\t最多跑一次改革\t最多跑一次\tPROGRAM\t\n")
        expected = ["pro:baba", "pro:zuiduo"]
    else:  # a module that reads the files is edited: what it reads may differ
        source = tmp_path / "places.py"
        source.write_text(Path(places.__file__).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        monkeypatch.setattr(places, "__file__", str(source))
        expected = ["pro:baba"]
    assert list(kept_gazetteer(small_gazetteer).entries) == expected
    assert len(_kept(derived_folder, "gazetteer")) == 2


def test_derived_unwritable_cache_only_costs_time(tmp_path, monkeypatch, small_gazetteer):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(derived, "folder", lambda: blocker / "derived")  # no folder can be made there
    assert _state(kept_gazetteer(small_gazetteer)) == _state(load_gazetteer(small_gazetteer))
    assert _validator().check_triples(conforming_graph()).conforms


def test_derived_unreadable_value_is_made_again(derived_folder, small_gazetteer):
    kept_gazetteer(small_gazetteer)
    [path] = _kept(derived_folder, "gazetteer")
    path.write_bytes(b"not a pickle")
    assert list(kept_gazetteer(small_gazetteer).entries) == ["pro:baba"]
    assert path.read_bytes() != b"not a pickle"  # written again


def test_derived_key_digests_files_code_and_extra(tmp_path):
    data = tmp_path / "a.tsv"
    data.write_text("x", encoding="utf-8")
    base = derived.key([data], [places], "q")
    data.write_text("y", encoding="utf-8")
    keys = {
        "file changed": derived.key([data], [places], "q"),
        "other code": derived.key([data], [shape_sparql], "q"),
        "other extra": derived.key([data], [places], "r"),
    }
    data.write_text("x", encoding="utf-8")
    assert derived.key([data], [places], "q") == base
    assert len({base, *keys.values()}) == 4


def test_derived_sparql_reading_kept_checks_the_same(derived_folder):
    g = conforming_graph()  # an observation with a unit but neither value nor growth rate
    g.remove((OBS, POL.value, None))
    g.remove((OBS, POL.growthRate, None))
    first = _validator().check_triples(g, g.namespaces())
    assert len(_kept(derived_folder, "sparql")) == 2  # the two SPARQL constraints of shapes.ttl
    second = _validator().check_triples(g, g.namespaces())
    assert first == second == validate_graph(g)
    assert [v.message for v in first.violations] == ["An observation needs a pol:value or a pol:growthRate."]


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix pol: <https://w3id.org/kg-policy/ontology#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass pol:Document ;
  sh:sparql [ a sh:SPARQLConstraint ; sh:message "m" ; sh:select "{select}" ] .
"""


@pytest.mark.parametrize("select, error", [
    ("SELECT $this WHERE { FILTER NOT EXISTS { $this <https://w3id.org/kg-policy/ontology#title> ?t } }", None),
    ("SELECT $this WHERE { FILTER NOT EXISTS { $this <https://w3id.org/kg-policy/ontology#script> ?t } }", None),
    ("SELECT $this WHERE { $this ?p ?o }", "has a graph pattern besides its FILTERs"),
])
def test_derived_sparql_each_query_its_own_key(derived_folder, select, error):
    shapes = Graph().parse(data=SHAPES.replace("{select}", select), format="turtle")
    for attempt in ("read", "kept"):
        if error:
            with pytest.raises(UnsupportedShapeError, match=error):  # said again when read back
                ShapesValidator(shapes, [], "my-shapes.ttl")
        else:
            ShapesValidator(shapes, [], "my-shapes.ttl")
        assert len(_kept(derived_folder, "sparql")) == 1


def test_derived_sparql_parser_not_imported_once_kept(tmp_path):
    env = dict(os.environ, KG_MODEL_DIR=str(tmp_path / "model"), PYTHONPATH=str(Path(__file__).parent.parent))
    code = ("import sys, kg.graph.shapes as s; s.load_validator();"
            " print('rdflib.plugins.sparql' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
            for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"]
    assert len(list((tmp_path / "derived" / "sparql").glob("*.pickle"))) == 2


def test_derived_keeps_the_values_used_last_within_its_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(derived, "KEEP_BYTES", 250)
    for n, size in enumerate([100, 100, 100, 10]):  # each pickled a few bytes over its size
        derived.kept("things", f"k{n}", lambda: b"x" * size, where=tmp_path)
        os.utime(tmp_path / "things" / f"k{n}.pickle", (n, n))  # used in this order
    assert sorted(p.stem for p in (tmp_path / "things").glob("*.pickle")) == ["k2", "k3"]
    assert derived.kept("things", "k3", lambda: b"made again", where=tmp_path) == b"x" * 10
