"""Near-duplicate documents across a corpus, without comparing every pair.

Each document's sample of character-shingle hashes (``kg.ingest.dedup.fingerprint``, made in
the worker) is summarized as a MinHash; datasketch's LSH Ensemble, an index for containment,
proposes for each document the others that may contain it, and only those pairs are compared,
with the same containment estimate as ``kg.ingest.dedup`` (the smaller document's sample inside
the larger's). The copy of a pair is the document with more masks, or on a tie the later id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from kg.ingest.dedup import SIGNATURE_PERMUTATIONS, SIGNATURE_SCHEME, signature

from kg.run.result import DuplicatePrint

if TYPE_CHECKING:  # datasketch imports scipy (a second): only when two documents are compared
    from datasketch import LeanMinHash

THRESHOLD = 0.8  # containment from which a document is a copy (as kg.ingest.dedup)
MIN_SHINGLES = 20  # a text this short is not called a copy of anything
NUM_PERM = SIGNATURE_PERMUTATIONS
# The index proposes pairs a little below the threshold too: the MinHash estimate is rough, and
# every proposal is checked with the samples.
INDEX_THRESHOLD = 0.6


@dataclass(frozen=True)
class Duplicate:
    doc_id: str  # the copy
    of: str  # the document it copies
    similarity: float


def _minhash(p: DuplicatePrint) -> LeanMinHash:
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.array(p.signature or signature(p.sampled), dtype=np.uint64),
                       scheme=SIGNATURE_SCHEME)


def _containment(a: frozenset[int], b: frozenset[int]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def find_duplicates(prints: Sequence[tuple[str, DuplicatePrint]]) -> list[Duplicate]:
    """Each copy with the one document it most resembles, sorted by the copy's id; the same
    prints give the same answer in any order."""
    ranked = sorted((p for p in prints if p[1].size >= MIN_SHINGLES and p[1].sampled), key=lambda p: (p[1].masks, p[0]))
    if len(ranked) < 2:
        return []
    from datasketch import MinHashLSHEnsemble

    rank = {doc_id: n for n, (doc_id, _) in enumerate(ranked)}
    hashes = {doc_id: _minhash(p) for doc_id, p in ranked}
    index = MinHashLSHEnsemble(threshold=INDEX_THRESHOLD, num_perm=NUM_PERM, num_part=8)
    index.index([(doc_id, hashes[doc_id], len(p.sampled)) for doc_id, p in ranked])
    by_id = dict(ranked)
    found = []
    for doc_id, p in ranked:
        # Pairs are seen from the smaller document's side (its containment in the other); the
        # copy is the less original of the two, whichever side is smaller.
        for other in sorted(index.query(hashes[doc_id], len(p.sampled))):
            if other == doc_id:
                continue
            sim = _containment(p.sampled, by_id[other].sampled)
            if sim < THRESHOLD:
                continue
            copy, orig = (doc_id, other) if rank[doc_id] > rank[other] else (other, doc_id)
            found.append((copy, orig, sim))
    best: dict[str, tuple[float, str]] = {}
    for copy, orig, sim in found:
        if copy not in best or (sim, -rank[orig]) > (best[copy][0], -rank[best[copy][1]]):
            best[copy] = (sim, orig)
    return [Duplicate(copy, orig, sim) for copy, (sim, orig) in sorted(best.items())]
