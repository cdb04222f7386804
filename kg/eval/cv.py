"""Document-held-out cross-validation of the rules alone and of learned variants.

The documents of the folded gold files are split into ``k`` folds (``gold.document_folds``);
for each fold a variant is trained on every passage of the other folds plus the passages of the
always-trained files (the seeds, whose documents the rules were written against), and run on
the held-out fold. Held-out passages are scored with kg's own scorer (``kg.eval.scorer``,
offsets into the passage as given, as ``kg eval`` does) and the folds pooled; the rules alone
are scored on exactly the same passages. Nothing is tuned on a held-out fold.

Variants (``VARIANTS``):

- ``rules``: the rules alone, as shipped;
- ``ner``: spaCy's NER alone (``kg/data/model/ner.cfg``), on kg's tokens;
- ``rules+ner``: the same NER run after the rules, keeping their entities and adding its own only
  where they found none (spaCy's NER never overwrites preset entities);
- ``refiner-chosen``: the refiner (``kg/data/model/refiner.cfg``) judging only the entities the
  rules chose: keep, relabel or drop;
- ``refiner``: the refiner judging every candidate the rules proposed (the shipped setting).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from spacy.language import Language

from kg.eval.scorer import Score, score_row
from kg.nlp.learned.gold import GoldPassage, Prepared, document_folds, prepare, read_gold
from kg.nlp.learned.shipped import CONFIG as REFINER_CONFIG, MODEL_DIR
from kg.nlp.learned.train import load_config, train
from kg.nlp.rules import LABELS

NER_CONFIG = MODEL_DIR / "ner.cfg"


@dataclass(frozen=True)
class Variant:
    name: str
    config: Optional[Path]  # None: the rules alone
    overrides: tuple[tuple[str, object], ...] = ()
    keep_rule_entities_in_training: bool = True  # False: the model learns from plain tokens
    keep_rule_entities_at_run: bool = True

    def model_key(self) -> tuple:
        return (self.config, self.overrides, self.keep_rule_entities_in_training)


VARIANTS = {
    "rules": Variant("rules", None),
    "ner": Variant("ner", NER_CONFIG, (), False, False),
    "rules+ner": Variant("rules+ner", NER_CONFIG, (), False, True),
    "refiner-chosen": Variant("refiner-chosen", REFINER_CONFIG, (("components.kg_entity_refiner.use_candidates", False),)),
    "refiner": Variant("refiner", REFINER_CONFIG),
}


@dataclass
class Result:
    variant: str
    pooled: Score = field(default_factory=Score)
    by_document: dict[str, Score] = field(default_factory=dict)
    by_fold: dict[int, Score] = field(default_factory=dict)


def cross_validate(nlp: Language, always: Sequence[GoldPassage], folded: Sequence[GoldPassage], variants: Sequence[Variant],
                   k: int = 5, log: Optional[Callable[[str], None]] = None) -> dict[str, Result]:
    """``nlp``: the pipeline up to the learned stage, rules keeping their candidates."""
    log = log or (lambda message: None)
    folds = document_folds(folded, k)
    prepared_always = prepare(nlp, always)
    prepared_folded = prepare(nlp, folded)
    results = {v.name: Result(v.name) for v in variants}
    for fold in range(k):
        held_out = [p for p in prepared_folded if folds[p.passage.document] == fold]
        training = prepared_always + [p for p in prepared_folded if folds[p.passage.document] != fold]
        log(f"fold {fold + 1}/{k}: {len(training)} passages to train on, {len(held_out)} held out "
            f"({len({p.passage.document for p in held_out})} documents)")
        models: dict[tuple, Language] = {}
        for variant in variants:
            if variant.config is None:
                run: Callable[[Prepared], list] = _rules_entities
            else:
                key = variant.model_key()
                if key not in models:
                    models[key] = _trained(variant, training, log)
                run = _runner(models[key], variant)
            for p in held_out:
                _add(results[variant.name], p, run(p), fold)
    return results


def _trained(variant: Variant, training: Sequence[Prepared], log: Callable[[str], None]) -> Language:
    """A pipeline holding only the learned components of ``variant``, trained on ``training``."""
    import spacy

    config = load_config(variant.config, dict(variant.overrides))
    examples = [p.example(keep_entities=variant.keep_rule_entities_in_training) for p in training]
    # The Docs are made already (segmented, rules run): only the components are used, sharing
    # the Docs' vocab.
    model = spacy.blank("zh", vocab=examples[0].predicted.vocab) if examples else spacy.blank("zh")
    log(f"  training {variant.name} ({variant.config.name}{''.join(f', {k}={v}' for k, v in variant.overrides)})")
    train(model, config, examples)
    return model


def _runner(model: Language, variant: Variant) -> Callable[[Prepared], list]:
    def run(p: Prepared) -> list:
        doc = p.example(keep_entities=variant.keep_rule_entities_at_run).predicted
        for _, component in model.pipeline:
            doc = component(doc)
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    return run


def _rules_entities(p: Prepared) -> list:
    return [(e.start_char, e.end_char, e.label_) for e in p.predicted.ents]


def _add(result: Result, p: Prepared, predicted: list, fold: int) -> None:
    score = score_row(p.passage.text, list(p.passage.entities), p.to_source(predicted), p.passage.id)
    result.pooled.add(score)
    result.by_document.setdefault(p.passage.document, Score()).add(score)
    result.by_fold.setdefault(fold, Score()).add(score)


def bootstrap_delta(a: Result, b: Result, reps: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """F1(b) - F1(a) over all labels, and its 95% interval when documents are resampled."""
    documents = sorted(a.by_document)
    rng = random.Random(seed)

    def f1(result: Result, docs: Iterable[str]) -> float:
        total = Score()
        for d in docs:
            total.add(result.by_document[d])
        return total.typed.get("ALL").f1 if "ALL" in total.typed else 0.0

    observed = f1(b, documents) - f1(a, documents)
    deltas = sorted(
        f1(b, sample) - f1(a, sample)
        for sample in ([rng.choice(documents) for _ in documents] for _ in range(reps))
    )
    return observed, deltas[int(0.025 * reps)], deltas[int(0.975 * reps) - 1]


def table(results: dict[str, Result], baseline: str = "rules") -> str:
    lines = []
    header = f"{'variant':16} " + " ".join(f"{label:>20}" for label in (*LABELS, "ALL")) + f"  {'ΔF1 vs ' + baseline + ' [95% CI by document]':>36}"
    lines.append(header)
    lines.append(f"{'':16} " + " ".join(f"{'P     R     F1':>20}" for _ in (*LABELS, "ALL")))
    for name, result in results.items():
        cells = []
        for label in (*LABELS, "ALL"):
            c = result.pooled.typed.get(label)
            cells.append(f"{c.precision:.3f} {c.recall:.3f} {c.f1:.3f}" if c else f"{'-':>17}")
        delta = ""
        if baseline in results and name != baseline:
            d, lo, hi = bootstrap_delta(results[baseline], result)
            delta = f"{d:+.3f} [{lo:+.3f}, {hi:+.3f}]"
        lines.append(f"{name:16} " + " ".join(f"{c:>20}" for c in cells) + f"  {delta:>36}")
    folds = sorted({f for r in results.values() for f in r.by_fold})
    lines.append("")
    lines.append("F1 (all labels) by held-out fold: " + "  ".join(f"fold {f + 1}" for f in folds))
    for name, result in results.items():
        lines.append(f"  {name:16} " + "  ".join(f"{result.by_fold[f].typed['ALL'].f1:.3f}" if 'ALL' in result.by_fold.get(f, Score()).typed else "  -  " for f in folds))
    return "\n".join(lines)


def read_all(paths: Iterable[Path], sources: Sequence[Path] = ()) -> list[GoldPassage]:
    """The passages of gold files; rows kept by reference are read from ``sources``."""
    return [p for path in paths for p in read_gold(path, sources)]
