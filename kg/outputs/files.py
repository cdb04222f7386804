"""Write output files whole or not at all (the writer itself is shared with the cache)."""

from __future__ import annotations

from kg.resources.atomic import write_atomic

__all__ = ["write_atomic"]
