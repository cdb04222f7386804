"""A worker function for tests: it kills its process on a file named ``crash.txt`` and does the
real work on every other file (imported by the pool's worker processes by name)."""

from __future__ import annotations

import os

from kg.run.work import work


def work_or_die(source, base):
    if source.name.endswith("crash.txt"):
        os._exit(70)
    return work(source, base)


def die_on_start(base):
    """A pool initializer that kills every worker before it can load anything."""
    os._exit(71)
