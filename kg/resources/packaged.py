"""The ontology and the named-query library, shipped inside the package as package data.

``kg/resources/ontology/`` (policy.ttl, shapes.ttl) and ``kg/resources/queries/`` (``*.rq``) are
the copies kg runs with, so an installed kg (wheel, ``pip install .``) finds them wherever it is
started. The top-level ``ontology/`` and ``queries/`` of the source tree are the same files for
users to read and edit; tests/test_packaging.py keeps the two byte-identical.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _folder(name: str) -> Path:
    # kg is installed as plain files (it reads its data files by path), never from a zip, so
    # the traversable is a real folder.
    return Path(str(resources.files(__package__) / name))


def ontology_dir() -> Path:
    return _folder("ontology")


def queries_dir() -> Path:
    return _folder("queries")
