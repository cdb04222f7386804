"""How often two entities are named in one sentence, over the corpus.

Each pair of entities counts the sentences naming both. Two limits keep this linear in the
corpus: a near-duplicate document adds nothing (its original already counted its sentences), and
a sentence that lists many names pairs each name only with the few named next to it
(``WINDOW``), so a list of fifty places adds some two hundred pairs, not twelve hundred. A
sentence of up to ``WINDOW + 1`` names pairs them all.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Iterable, Sequence

WINDOW = 4  # a name is paired with the next WINDOW names of its sentence


def sentence_pairs(keys: Sequence[str]) -> set[tuple[str, str]]:
    """The pairs one sentence contributes; ``keys`` in the order the sentence names them."""
    if len(keys) <= WINDOW + 1:
        return {tuple(sorted(p)) for p in combinations(keys, 2)}
    pairs = set()
    for i, a in enumerate(keys):
        for b in keys[i + 1 : i + 1 + WINDOW]:
            pairs.add(tuple(sorted((a, b))))
    return pairs


def count(documents: Iterable[Sequence[Sequence[str]]]) -> Counter:
    """Sentences per pair over ``documents``, each given as its sentences' keys."""
    counts: Counter = Counter()
    for sentences in documents:
        for keys in sentences:
            counts.update(sentence_pairs(keys))
    return counts
