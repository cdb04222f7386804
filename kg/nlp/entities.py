"""The spaCy component that puts rule-found entities on a Doc.

As in spaCy's SpanRuler, ``match`` is pure (Doc in, candidates out) and ``set_annotations`` is
the one place the Doc changes: tokens are split where an entity boundary falls inside one, then
``doc.ents`` is set, each span carrying the id of the rule that found it (``span.id_``) and its
gazetteer entry, if any (``span.kb_id_``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from kg.ingest.masks import find_masks
from kg.nlp.rules import DATA_DIR, Candidate, RuleSet


HOME_KEY = "kg_home_division"


class EntityRules:
    def __init__(self, name: str = "kg_entity_rules", data_dir: Optional[Path] = None) -> None:
        self.name = name
        self.rules = RuleSet.load(Path(data_dir) if data_dir else DATA_DIR)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Candidate]:
        text = doc.text  # built from the tokens on every access: once here
        masked = [(m.start, m.end) for m in find_masks(text)]
        spans = doc.to_array([IDX, LENGTH])
        # start -> end of every token, through plain lists: numpy's scalars one by one cost more
        words = dict(zip(spans[:, 0].tolist(), (spans[:, 0] + spans[:, 1]).tolist()))
        # The caller may say which division the text speaks for (see RuleSet.match).
        return self.rules.match(text, masked, home=doc.user_data.get(HOME_KEY, ""), words=words)

    def set_annotations(self, doc: Doc, candidates: list[Candidate]) -> Doc:
        _split_at(doc, {pos for c in candidates for pos in (c.start, c.end)})
        spans = []
        for c in candidates:
            span = doc.char_span(c.start, c.end, label=c.label, kb_id=c.entry or "", span_id=c.rule)
            if span is not None:  # only whitespace boundaries can still fail to align; skip those
                spans.append(span)
        doc.ents = spans
        return doc


def _split_at(doc: Doc, boundaries: set[int]) -> None:
    """Split every token that a boundary falls strictly inside. Only the tokens holding a
    boundary are looked at: the boundaries are few, the tokens many."""
    if not boundaries:
        return
    spans = doc.to_array([IDX, LENGTH])  # start and length of every token
    starts = spans[:, 0]
    inside: dict[int, list[int]] = {}
    for b in sorted(boundaries):
        i = int(numpy.searchsorted(starts, b, side="right")) - 1
        if i >= 0 and starts[i] < b < starts[i] + spans[i, 1]:
            inside.setdefault(i, []).append(b - int(starts[i]))
    if not inside:
        return
    with doc.retokenize() as retokenizer:
        for i, offsets in inside.items():
            token = doc[i]
            edges = [0, *offsets, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(edges, edges[1:])]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
