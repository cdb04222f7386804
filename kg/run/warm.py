"""What the build's own process prepares while its workers start.

Documents sent to worker processes leave the build's process waiting for a few seconds, and
one core idle while the forkserver imports the NLP. The corpus step and the outputs then
import datasketch (with scipy), networkx and pyvis, and parse the ontology and its shapes,
about a second that used to come after the documents, all of it on the critical path. A
thread does it while the workers start; the build joins it before the corpus step.
"""

from __future__ import annotations

import importlib
import threading

# What the corpus step and the outputs import on first use (kg.corpus.dedup, kg.outputs.*).
_MODULES = ("datasketch", "kg.outputs.corpus_network", "kg.outputs.viz", "pyoxigraph")


def warm_up() -> threading.Thread:
    """Start importing and parsing what the corpus step and the outputs need; join the thread
    before using them."""
    thread = threading.Thread(target=_prepare, name="kg-warm-up", daemon=True)
    thread.start()
    return thread


def _prepare() -> None:
    for name in _MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            return  # said where it is needed, by the code that needs it
    from kg.errors import KgError
    from kg.graph.shapes import load_validator
    from kg.graph.ontology import load_ontology

    try:
        load_validator()
        load_ontology()
    except KgError:
        pass  # a missing or broken ontology is reported by the build when it gets there
