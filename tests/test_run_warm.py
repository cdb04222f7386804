"""kg.run.warm: what the build's process prepares while its workers start."""

from __future__ import annotations

import subprocess
import sys


def test_run_warm_imports_what_the_corpus_step_and_outputs_need():
    # Done in a thread while the workers start, these no longer follow the documents.
    modules = ("datasketch", "kg.outputs.corpus_network", "kg.outputs.viz", "pyoxigraph")
    code = (f"MODULES = {modules!r}; import sys; from kg.run.warm import warm_up; warm_up(MODULES).join();"
            " from kg.graph.shapes import _validator; from kg.graph.ontology import _parse;"
            " print(*[m in sys.modules for m in ('datasketch', 'networkx', 'pyvis', 'pyoxigraph')],"
            " _validator.cache_info().currsize, _parse.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True", "True", "1", "2"]
