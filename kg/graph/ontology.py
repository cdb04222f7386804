"""The ontology files kg ships (``policy.ttl``, ``shapes.ttl`` in kg/resources/ontology/), parsed once.

Both validators read them from here: pySHACL's reference in :mod:`kg.graph.validate` and the
fast one in :mod:`kg.graph.shapes`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS

from kg.errors import InputError
from kg.resources.packaged import ontology_dir

SHAPES_FILE = "shapes.ttl"
ONTOLOGY_FILE = "policy.ttl"


def shapes_path() -> Path:
    return ontology_dir() / SHAPES_FILE


def ontology_path() -> Path:
    return ontology_dir() / ONTOLOGY_FILE


@lru_cache(maxsize=4)
def _parse(path: Path, mtime: float) -> Graph:  # mtime only keys the cache
    return Graph().parse(path, format="turtle")


def read_turtle(path: Path) -> Graph:
    """``path`` parsed, cached until the file changes; callers must not modify it."""
    if not path.is_file():
        raise InputError(str(path), "missing; it ships inside the kg package (kg/resources/ontology/): reinstall kg")
    return _parse(path, path.stat().st_mtime)


def load_shapes() -> Graph:
    return read_turtle(shapes_path())


def load_ontology() -> Graph:
    """``ontology/policy.ttl``: classes and properties with their labels."""
    return read_turtle(ontology_path())


@lru_cache(maxsize=4)
def _hierarchy(path: Path, mtime: float) -> Graph:
    classes = Graph()
    for triple in _parse(path, mtime).triples((None, RDFS.subClassOf, None)):
        classes.add(triple)
    return classes


def load_class_hierarchy() -> Graph:
    """The ontology's rdfs:subClassOf triples. Mixed into the data graph, they let ``sh:class
    pol:Entity`` accept a pol:District. Only these are used, and without RDFS inference: with
    it, every object of pol:refersTo would become a pol:Entity by the property's range and
    sh:class could never fail."""
    path = ontology_path()
    read_turtle(path)
    return _hierarchy(path, path.stat().st_mtime)
