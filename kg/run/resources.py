"""What the work on a document needs, loaded once per process, and the fingerprint of it all.

``Resources`` is passed to every call of the per-document function (``kg.run.document``): the
spaCy pipeline with its rules, the tables linking needs, the relation rules and the IRI minter.
Nothing else is read at document time, so a process that has loaded its resources can work on
any document, in any order, on any machine that has the same package.

``fingerprint()`` digests everything that shapes a document's result (kg's code and version, the
rule, gazetteer, lexicon and number files, the ontology and shapes, the segmentation model's
files): a cached result made under another fingerprint is not used.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from kg.graph.iris import DEFAULT_BASE, Iris
from kg.graph.namespace import PREFIXES
from kg.graph.shapes import ShapesValidator, load_validator
from kg.nlp.learned import learned_default
from kg.nlp.model import model_dir
from kg.resources.derived import gc_paused
from kg.resources.packaged import ontology_dir

if TYPE_CHECKING:  # the NLP is imported where resources are loaded, not by the build that hands out work
    from spacy.language import Language

    from kg.extract.entities import Linker
    from kg.extract.facts import Annotate
    from kg.extract.relations import RelationRule

# Prefixes that shorten the names in a violation's description.
PREFIX_PAIRS = tuple(PREFIXES.items())

PACKAGE = Path(__file__).resolve().parent.parent  # kg/
ONTOLOGY = ontology_dir()
# Files of the package that shape results: code, rules, gazetteers, lexicons, configs, models.
_SHAPING = (".py", ".tsv", ".jsonl", ".cfg", ".json", ".bin", ".txt")


@dataclass
class Resources:
    nlp: Language
    annotate: Annotate
    linker: Linker  # a template: each document links with ``linker.fresh()``
    relation_rules: Sequence[RelationRule]
    iris: Iris
    validator: ShapesValidator  # ontology/shapes.ttl, compiled

    @classmethod
    def load(cls, base: str = DEFAULT_BASE) -> "Resources":
        from kg.extract.facts import pipeline_annotate, pipeline_linker
        from kg.extract.relations import load_relation_rules
        from kg.nlp.pipeline import load_pipeline

        with gc_paused():
            nlp = load_pipeline()
            return cls(nlp, pipeline_annotate(nlp), pipeline_linker(nlp), load_relation_rules(), Iris(base),
                       load_validator())


@lru_cache(maxsize=4)
def resources_for(base: str = DEFAULT_BASE) -> Resources:
    """This process's resources for ``base``, loaded on first use (a worker's per-process cache)."""
    resources = Resources.load(base)
    # They live as long as the process: out of the collector's sight, its full passes during the
    # documents no longer walk them (a tenth of a second over the seeds).
    gc.freeze()
    return resources


# The fingerprint each base's resources in this process were loaded under (see current_resources).
_LOADED_UNDER: dict[str, str] = {}


def current_resources(base: str = DEFAULT_BASE) -> Resources:
    """``resources_for(base)``, loaded again if the files that shape them have changed since
    they were loaded: a process that builds again (a test, a program using kg) must not go on
    with a rule edited in between."""
    stamp = fingerprint(base)
    if _LOADED_UNDER.get(base, stamp) != stamp:
        gc.unfreeze()  # the resources dropped here were frozen (resources_for): let them be collected
        resources_for.cache_clear()
        _LOADED_UNDER.clear()
    _LOADED_UNDER[base] = stamp
    return resources_for(base)


def fingerprint(base: str = DEFAULT_BASE, package: Path = PACKAGE, ontology: Path = ONTOLOGY) -> str:
    """A digest of everything that shapes a document's result (see the module), and ``base``;
    ``package`` and ``ontology`` are kg's own folders but for tests."""
    digest = hashlib.sha256()
    try:
        digest.update(version("kg").encode())
    except PackageNotFoundError:  # run from a source tree that is not installed
        digest.update(b"source")
    digest.update(base.encode())
    digest.update(b"learned" if learned_default() else b"rules")
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in _SHAPING)
    files += sorted(p for p in ontology.glob("*.ttl"))
    for path in files:
        if "__pycache__" in path.parts:
            continue
        name = path.relative_to(package) if path.is_relative_to(package) else Path("ontology", path.name)
        digest.update(str(name).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    model = model_dir()
    if model.is_dir():
        for path in sorted(model.iterdir()):
            stat = path.stat()  # the model is large: its names, sizes and times stand for it
            digest.update(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()
