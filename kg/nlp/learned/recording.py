"""The rules component, also leaving every candidate the rules proposed on the Doc.

``RuleSet.match`` settles masks, vetoes and overlaps among the candidates of ``RuleSet.candidates``;
the refiner wants to see the alternatives too. Recomputing them would double the cost of the
rules, so the rule set remembers what it proposed for the text it last matched.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate
from kg.nlp.entities import EntityRules
from kg.nlp.rules import RuleSet

# doc.user_data[CANDIDATES_KEY]: [(start, end, label, rule, entry), ...] in characters of doc.text,
# every candidate any rule proposed (NOT spans included), before overlaps were settled; and
# doc.user_data[CHOSEN_KEY] the same for the candidates the rules chose (doc.ents but those that
# fit no token edges; reading doc.ents would make a Token object of every token). Plain tuples,
# so a Doc still serializes.
CANDIDATES_KEY = "kg_rule_candidates"
CHOSEN_KEY = "kg_rule_chosen"
# doc.user_data[TEXT_KEY]: doc.text, which spaCy rebuilds from the tokens on every access
TEXT_KEY = "kg_text"
KEYS = (CANDIDATES_KEY, CHOSEN_KEY, TEXT_KEY)


class RecordingRuleSet(RuleSet):
    """A RuleSet that remembers the candidates it proposed last, and for which text."""

    last: Optional[tuple[str, list[Candidate]]] = None

    @classmethod
    def of(cls, rules: RuleSet) -> "RecordingRuleSet":
        return cls(**{f.name: getattr(rules, f.name) for f in dataclasses.fields(rules) if f.init})

    def candidates(self, text: str) -> list[Candidate]:
        found = super().candidates(text)
        self.last = (text, found)
        return found

    def proposed(self, text: str) -> Optional[list[Candidate]]:
        """What ``candidates`` returned for ``text`` in the last match, if it was this text."""
        if self.last is None or self.last[0] != text:
            return None
        return self.last[1]


class CandidateKeepingRules(EntityRules):
    """``kg_entity_rules`` as it is, plus its candidates in ``doc.user_data[CANDIDATES_KEY]``."""

    def __init__(self, name: str = "kg_entity_rules", data_dir: Optional[Path] = None) -> None:
        super().__init__(name=name, data_dir=data_dir)
        self.rules = RecordingRuleSet.of(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        self.rules.last = None
        chosen = self.match(doc)
        if self.rules.last is not None:
            text, found = self.rules.last
            doc.user_data[TEXT_KEY] = text
            doc.user_data[CANDIDATES_KEY] = [(c.start, c.end, c.label, c.rule, c.entry or "") for c in found]
        doc.user_data[CHOSEN_KEY] = [(c.start, c.end, c.label, c.rule, c.entry or "") for c in chosen]
        return self.set_annotations(doc, chosen)
