"""The forkserver's preload (``kg.run.schedule``): importing this module loads the resources.

It is the one module whose import does the work, and nothing but the forkserver imports it:
multiprocessing's forkserver only imports modules before it forks the pool's workers, and what
it holds then every worker shares from its first instant instead of loading its own copy (the
segmentation model's 1.6 million features, the gazetteer, the compiled rules: some 2.5 s of
CPU a worker). A worker whose data files changed since the forkserver loaded them loads them
again (``current_resources``).
"""

from __future__ import annotations

from kg.errors import KgError
from kg.graph.iris import DEFAULT_BASE
from kg.run.resources import current_resources

try:
    current_resources(DEFAULT_BASE)  # another --base shares all but its IRI minter
except KgError:
    pass  # each worker meets the error again when it loads, and the build reports it
