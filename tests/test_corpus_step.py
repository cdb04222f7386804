"""The corpus step: near-duplicates by MinHash LSH agree with the all-pairs comparison,
co-mentions are bounded per sentence, and merging entities does not depend on order."""

from __future__ import annotations

import itertools
import random

import pytest

from kg.corpus.comentions import WINDOW, count, sentence_pairs
from kg.corpus.dedup import find_duplicates
from kg.ingest.dedup import find_duplicates as all_pairs
from kg.ingest.dedup import fingerprint
from kg.run.result import DuplicatePrint
from test_ingest_dedup import CASES, _seed, IDS


def _prints(docs):
    out = []
    for doc_id, text in docs:
        p = fingerprint(doc_id, text)
        out.append((doc_id, DuplicatePrint(p.masks, p.size, p.sampled)))
    return out


@pytest.mark.parametrize("docs,expected", CASES)
def test_corpus_dedup_pairs_copy_with_original(docs, expected):
    assert [(d.doc_id, d.of) for d in find_duplicates(_prints(docs))] == expected


def test_corpus_dedup_agrees_with_all_pairs_on_the_seeds():
    docs = [(i, _seed(i)) for i in IDS]
    expected = [(r.doc_id, r.of) for r in all_pairs(docs)]
    assert [(d.doc_id, d.of) for d in find_duplicates(_prints(docs))] == expected == [("004", "000")]


def test_corpus_dedup_is_order_free():
    docs = [(i, _seed(i)) for i in IDS]
    shuffled = docs[:]
    random.Random(3).shuffle(shuffled)
    assert find_duplicates(_prints(docs)) == find_duplicates(_prints(shuffled))


@pytest.mark.parametrize("n", [2, WINDOW + 1, WINDOW + 2, 50])
def test_corpus_comentions_sentence_pairs_are_bounded(n):
    keys = [f"k{i:02d}" for i in range(n)]
    pairs = sentence_pairs(keys)
    if n <= WINDOW + 1:
        assert pairs == {tuple(sorted(p)) for p in itertools.combinations(keys, 2)}
    else:
        assert len(pairs) <= WINDOW * n
        assert ("k00", "k01") in pairs and ("k00", f"k{WINDOW + 1:02d}") not in pairs


def test_corpus_comentions_count_sentences_per_pair():
    counts = count([[("a", "b"), ("b", "a", "c")], [("a", "b")]])
    assert counts == {("a", "b"): 3, ("a", "c"): 1, ("b", "c"): 1}
