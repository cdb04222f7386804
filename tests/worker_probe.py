"""Functions for tests to run in pool workers (imported there by name)."""

from __future__ import annotations


def loaded_resources(_: object) -> int:
    """How many resources this worker's process holds before it asks for any."""
    from kg.run.resources import resources_for

    return resources_for.cache_info().currsize
