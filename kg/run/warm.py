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


def warm_up(modules: tuple[str, ...]) -> threading.Thread:
    """Start importing ``modules`` (named by the build, which knows its later stages) and
    parsing the ontology and shapes; join the thread before using them."""
    thread = threading.Thread(target=_prepare, args=(modules,), name="kg-warm-up", daemon=True)
    thread.start()
    return thread


def _prepare(modules: tuple[str, ...]) -> None:
    for name in modules:
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
