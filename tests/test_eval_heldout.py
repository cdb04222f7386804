"""The held-out gold in bench/gold/ is kept by reference: every row names a stretch of a corpus
document that exists, and its entities lie inside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest.read import read_source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
HELD_OUT = sorted((ROOT / "bench" / "gold").glob("*.jsonl"))
LABELS = {"ORG", "PROJECT", "PROGRAM", "DISTRICT"}


@pytest.mark.parametrize("gold", HELD_OUT, ids=lambda p: p.name)
def test_eval_heldout_rows_are_references_with_entities_inside(gold):
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert "text" not in row, row["id"]  # no corpus text in the repository
        assert {"source", "offset", "length"} <= set(row), row["id"]
        for start, end, label in row["entities"]:
            assert 0 <= start < end <= row["length"] and label.lstrip("?") in LABELS, row["id"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus ({CORPUS}) is not on this machine")
@pytest.mark.parametrize("gold", HELD_OUT, ids=lambda p: p.name)
def test_eval_heldout_rows_point_into_the_corpus(gold):
    texts: dict[str, str] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["source"] not in texts:
            texts[row["source"]] = read_source(CORPUS / row["source"]).text
        passage = texts[row["source"]][row["offset"] : row["offset"] + row["length"]]
        assert len(passage) == row["length"] and passage.strip(), row["id"]
        for start, end, _ in row["entities"]:
            assert passage[start:end].strip() == passage[start:end], (row["id"], passage[start:end])
