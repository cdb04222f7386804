"""The spaCy component that puts rule-found entities on a Doc.

As in spaCy's SpanRuler, ``match`` is pure (Doc in, candidates out) and ``set_annotations`` is
the one place the Doc changes: tokens are split where an entity boundary falls inside one, then
``doc.ents`` is set, each span carrying the id of the rule that found it (``span.id_``) and its
gazetteer entry, if any (``span.kb_id_``).
"""

from __future__ import annotations

import bisect

from pathlib import Path
from typing import Optional

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
        # The caller may say which division the text speaks for (see RuleSet.match).
        return self.rules.match(text, masked, home=doc.user_data.get(HOME_KEY, ""))

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
    """Split every token that a boundary falls strictly inside."""
    ordered = sorted(boundaries)
    cuts: list[tuple[int, list[str]]] = []
    for token in doc:
        start, end = token.idx, token.idx + len(token.text)
        inside = ordered[bisect.bisect_right(ordered, start) : bisect.bisect_left(ordered, end)]
        if inside:
            edges = [0, *(b - start for b in inside), end - start]
            cuts.append((token.i, [token.text[a:b] for a, b in zip(edges, edges[1:])]))
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, orths in cuts:
            token = doc[i]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
