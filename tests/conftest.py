"""Fixtures shared by the test suite; slow ones are session-scoped."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_docs():
    """Every seed ingested once, keyed by its three-digit prefix ("000" … "004")."""
    from kg.ingest.document import ingest_paths

    docs, errors = ingest_paths([SEEDS])
    assert errors == []
    return {d.doc_id[:3]: d for d in docs}
