"""Find documents that copy another one, possibly masked (``XX``, ``某某``) and wrapped in junk.

Similarity is the containment of the smaller document's character 5-gram shingles in the
larger one's: |A∩B| / min(|A|, |B|). Jaccard would punish exactly the copies we want to find:
download sites show only the head and tail of a document and add their own junk, so the copy's
shingle set is much smaller than the original's. Masks change a few characters only; shingles
never span a mask, so each mask costs the copy a few shingles, not a wrong one.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from kg.ingest.masks import find_masks


@dataclass(frozen=True)
class DupResult:
    doc_id: str  # the copy
    of: str  # the document it copies
    similarity: float  # 0..1


SHINGLE = 5  # characters per shingle: long enough to be rare across unrelated reports
SAMPLE = 4  # keep shingles whose CRC32 is 0 mod SAMPLE: same subset in every document
MIN_SAMPLED = 64  # below this many sampled shingles the estimate is too noisy: compare exactly
COARSE = 64  # a sparser subset (multiple of SAMPLE) to skip clearly unrelated pairs cheaply
MIN_COARSE = 32  # coarse sets smaller than this are too noisy to skip on
COARSE_MARGIN = 0.3  # skip a pair when its coarse estimate is this far below the threshold
MIN_SHINGLES = 20  # a text this short is not called a copy of anything

# Whitespace, punctuation and symbols differ between copies of the same text.
_NOISE = re.compile(r"[\W_]+")


@dataclass
class _Print:
    doc_id: str
    masks: int
    body: str  # segments joined by "\n", which no shingle contains
    size: int  # distinct shingles
    sampled: frozenset[int]
    coarse: frozenset[int]
    full: frozenset[str]  # kept only for small documents


def find_duplicates(docs: Sequence[tuple[str, str]], threshold: float = 0.8) -> list[DupResult]:
    """Each copy with the one document it most resembles, sorted by ``doc_id``.

    Of two similar documents the copy is the one with more masks, or on a tie the later doc_id.
    """
    prints = sorted((fingerprint(doc_id, text) for doc_id, text in docs), key=_rank)
    results = []
    for n, copy in enumerate(prints):
        best = None
        for orig in prints[:n]:  # only documents ranked more original
            if _clearly_apart(copy, orig, threshold):
                continue
            sim = _similarity(copy, orig)
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, orig.doc_id)
        if best is not None:
            results.append(DupResult(copy.doc_id, best[1], best[0]))
    return sorted(results, key=lambda r: r.doc_id)


def _rank(p: _Print) -> tuple[int, str]:
    return (p.masks, p.doc_id)


def fingerprint(doc_id: str, text: str) -> _Print:
    """What comparing the document with others needs: its masks, its shingles and samples."""
    masks = find_masks(text)
    segments, pos = [], 0
    for m in masks:
        segments.append(text[pos : m.start])
        pos = m.end
    segments.append(text[pos:])
    cleaned = [_NOISE.sub("", seg).casefold() for seg in segments]
    shingles = {seg[i : i + SHINGLE] for seg in cleaned for i in range(len(seg) - SHINGLE + 1)}
    # CRC32, not hash(): str hashes change between runs, and the sample must not.
    sampled = frozenset(h for s in shingles if (h := zlib.crc32(s.encode("utf-8"))) % SAMPLE == 0)
    coarse = frozenset(h for h in sampled if h % COARSE == 0)
    full = frozenset(shingles) if len(sampled) < MIN_SAMPLED else frozenset()
    return _Print(doc_id, len(masks), "\n".join(cleaned), len(shingles), sampled, coarse, full)


def _containment(a: frozenset[int], b: frozenset[int]) -> float:
    # Each sample is ~1/k of its document's shingles, so this estimates containment.
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def _clearly_apart(a: _Print, b: _Print, threshold: float) -> bool:
    if min(len(a.coarse), len(b.coarse)) < MIN_COARSE:
        return False
    return _containment(a.coarse, b.coarse) < threshold - COARSE_MARGIN


def _similarity(a: _Print, b: _Print) -> float:
    small, large = (a, b) if a.size <= b.size else (b, a)
    if small.size < MIN_SHINGLES:
        return 0.0
    if len(small.sampled) >= MIN_SAMPLED:
        return _containment(small.sampled, large.sampled)
    # Small document: check every one of its shingles in the other's text.
    return sum(1 for s in small.full if s in large.body) / len(small.full)


SIGNATURE_PERMUTATIONS = 128
SIGNATURE_SCHEME = "affine32"  # datasketch's name for the scheme below (kg.corpus.dedup indexes it)
SIGNATURE_SEED = 1
_CHUNK = 4096


def signature(sampled: frozenset[int]) -> tuple[int, ...]:
    """The MinHash signature of a document's sampled shingle hashes (already CRC32 values, so
    they are not hashed again), for the corpus step's LSH index (``kg.corpus.dedup``). Made with
    the document, so a cached document does not pay for it again.

    The values are those of datasketch's ``MinHash(num_perm=128, seed=1, scheme="affine32")``
    fed the hashes as they are (a test compares the two); it is written out here because
    importing datasketch costs every worker process a second (it imports scipy)."""
    a, b = _permutations()
    if not sampled:
        return (0xFFFFFFFF,) * SIGNATURE_PERMUTATIONS
    h = _fmix32(np.fromiter(sampled, dtype=np.uint32, count=len(sampled)))
    low = np.full(SIGNATURE_PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    for at in range(0, len(h), _CHUNK):  # in chunks: a very long document stays in little memory
        # uint32 arithmetic wraps around, which is the scheme's modulo 2**32.
        np.minimum(low, (a[:, None] * h[None, at : at + _CHUNK] + b[:, None]).min(axis=1), out=low)
    return tuple(int(v) for v in low)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(SIGNATURE_SEED)
    a = gen.randint(0, 1 << 31, SIGNATURE_PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, SIGNATURE_PERMUTATIONS, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which the scheme applies to every input first."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))
