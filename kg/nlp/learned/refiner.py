"""``kg_entity_refiner``: a span classifier over what the rules proposed.

For every suggestion (``features.suggest``: the rules' chosen entities and their other
candidates) the model gives a probability for each label and for "no entity". A suggestion is
kept with its most probable label when that label is at least as probable as "no entity"
(``threshold`` 0.5: the share of the label among the two); overlapping kept suggestions are
settled by probability, the more probable first, a longer one first on ties. Tokens are split
where a kept span's edge falls inside one, as the rules component does, and ``doc.ents`` is set.
Each entity keeps the rule that proposed it (``span.id_``) and, when the label is the one that
rule gave, its gazetteer entry (``span.kb_id_``).

The model (``kg.SpanRefiner.v1``): hashed feature embeddings summed per suggestion, one ReLU
layer, softmax over ("", ORG, PROJECT, PROGRAM, DISTRICT).
"""

from __future__ import annotations

from itertools import islice
from typing import Callable, Iterable, Optional

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import HashEmbed, Model, Optimizer, Relu, Softmax, chain, list2ragged, reduce_sum, with_array
from thinc.types import Floats2d

from kg.nlp.entities import _split_at  # the rules' own token splitting, so both split alike
from kg.nlp.learned.features import Judged, SpanFeatures, Suggestion, suggest
from kg.nlp.learned.recording import KEYS, TEXT_KEY
from kg.nlp.rules import LABELS
from kg.resources.names import trim

CLASSES = ("", *LABELS)  # "" is "no entity"
# Gold spans that are optional (?LABEL) sit in this span group of a reference Doc: a suggestion on
# one of them is neither right nor wrong, so it adds nothing to the loss.
OPTIONAL_KEY = "kg_optional"


@registry.architectures("kg.SpanRefiner.v1")
def build_span_refiner(width: int = 64, rows: int = 32768, hidden: int = 64, seed: int = 7) -> Model:
    embed = HashEmbed(nO=width, nV=rows, seed=seed, column=0)
    return chain(SpanFeatures(), list2ragged(), with_array(embed), reduce_sum(), Relu(hidden), Softmax(len(CLASSES)))


class EntityRefiner(TrainablePipe):
    def __init__(self, vocab: Vocab, model: Model, name: str = "kg_entity_refiner", *,
                 threshold: float = 0.5, use_candidates: bool = True) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg = {"threshold": threshold, "use_candidates": use_candidates, "classes": list(CLASSES)}

    def judged(self, doc: Doc) -> Judged:
        text = doc.user_data.get(TEXT_KEY)  # left by the rules, when they keep their candidates
        if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
            text = doc.text
        return Judged(doc, text, suggest(doc, text, self.cfg["use_candidates"]))

    def predict(self, docs: Iterable[Doc]) -> tuple[list[Judged], Floats2d]:
        judged = [self.judged(doc) for doc in docs]
        if not any(j.suggestions for j in judged):
            return judged, self.model.ops.alloc2f(0, len(CLASSES))
        return judged, self.model.predict(judged)

    def set_annotations(self, docs: Iterable[Doc], predictions: tuple[list[Judged], Floats2d]) -> None:
        judged, scores = predictions
        scores = self.model.ops.to_numpy(scores)
        offset = 0
        for doc, (_, _, sugs) in zip(docs, judged):
            kept = choose(sugs, scores[offset:offset + len(sugs)], self.cfg["threshold"])
            offset += len(sugs)
            for key in KEYS:
                doc.user_data.pop(key, None)
            if len(kept) == sum(1 for s in sugs if s.chosen) and all(s.chosen == label for s, label, _, _ in kept):
                continue  # just what the rules chose: doc.ents is already so
            # the rules split tokens at the edges of what they chose; the rest may need splitting
            _split_at(doc, {pos for s, label, _, _ in kept if not s.chosen for pos in (s.start, s.end)})
            spans = []
            for sug, label, rule, entry in kept:
                span = doc.char_span(sug.start, sug.end, label=label, kb_id=entry, span_id=rule)
                if span is not None:
                    spans.append(span)
            doc.ents = spans

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd: Optional[Optimizer] = None,
               losses: Optional[dict[str, float]] = None) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        judged = [self.judged(eg.predicted) for eg in examples]
        if not any(j.suggestions for j in judged):
            return losses
        scores, backprop = self.model.begin_update(judged)
        loss, d_scores = self.get_loss(examples, (judged, scores))
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, examples: Iterable[Example], predictions) -> tuple[float, Floats2d]:
        judged, scores = predictions
        targets, weights = targets_for(examples, [j.suggestions for j in judged])
        truth = numpy.zeros(scores.shape, dtype="float32")
        truth[numpy.arange(len(targets)), targets] = 1.0
        truth = self.model.ops.asarray2f(truth)
        w = self.model.ops.asarray2f(weights.reshape(-1, 1))
        n = max(float(weights.sum()), 1.0)
        d_scores = w * (scores - truth) / n
        picked = self.model.ops.to_numpy(scores)[numpy.arange(len(targets)), targets]
        loss = float(-(weights * numpy.log(numpy.maximum(picked, 1e-9))).sum() / n)
        return loss, d_scores

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        from spacy.scorer import get_ner_prf

        return get_ner_prf(examples)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Optional[Language] = None) -> None:
        sample = [j for j in (self.judged(eg.predicted) for eg in islice(get_examples(), 50)) if j.suggestions]
        if not sample:
            raise ValueError(f"{self.name}: no training example has a span the rules proposed")
        n = sum(len(j.suggestions) for j in sample)
        self.model.initialize(X=sample, Y=self.model.ops.alloc2f(n, len(CLASSES)))


def choose(suggestions: list[Suggestion], scores, threshold: float) -> list[tuple[Suggestion, str, str, str]]:
    """The suggestions kept, as (suggestion, label, rule, entry), in text order."""
    picks = []
    for sug, p in zip(suggestions, scores):
        c = int(numpy.argmax(p[1:])) + 1
        if p[c] > 0 and p[c] >= threshold * (p[c] + p[0]):
            picks.append((float(p[c]), sug, CLASSES[c]))
    picks.sort(key=lambda x: (-x[0], -(x[1].end - x[1].start), x[1].start))
    taken: list[tuple[Suggestion, str, str, str]] = []
    occupied: set[int] = set()
    for _, sug, label in picks:
        if any(i in occupied for i in range(sug.start, sug.end)):
            continue
        occupied.update(range(sug.start, sug.end))
        taken.append((sug, label, *_provenance(sug, label)))
    return sorted(taken, key=lambda t: t[0].start)


def _provenance(sug: Suggestion, label: str) -> tuple[str, str]:
    """The rule that found a kept span and, if that rule gave it this label, its gazetteer entry."""
    if sug.chosen == label:
        return sug.chosen_rule, sug.chosen_entry
    for p in sug.proposals:
        if p.label == label:
            return p.rule, p.entry
    rule = sug.chosen_rule or (sug.proposals[0].rule if sug.proposals else "")
    return rule, ""


def targets_for(examples: Iterable[Example], suggestions: list[list[Suggestion]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The class of each suggestion by the gold of its example, and its weight in the loss: a
    suggestion matches a gold span when both are equal once trimmed as the scorer trims them
    (kg.resources.names); on an optional gold span its weight is 0."""
    targets, weights = [], []
    for eg, sugs in zip(examples, suggestions):
        ref = eg.reference
        text = ref.text
        required = {trim(text, e.start_char, e.end_char): e.label_ for e in ref.ents}
        optional = {trim(text, s.start_char, s.end_char) for s in ref.spans.get(OPTIONAL_KEY, ())}
        for sug in sugs:
            key = trim(text, sug.start, sug.end)
            label = required.get(key)
            if label is not None:
                targets.append(CLASSES.index(label))
                weights.append(1.0)
            else:
                targets.append(0)
                weights.append(0.0 if key in optional else 1.0)
    return numpy.asarray(targets, dtype="int64"), numpy.asarray(weights, dtype="float32")
