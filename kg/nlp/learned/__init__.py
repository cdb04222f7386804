"""The learned stage of entity recognition: a span classifier that refines what the rules found.

The rules (``kg_entity_rules``) stay the knowledge: they propose every candidate name and choose
among them. ``kg_entity_refiner`` runs after them and, for each span the rules proposed, decides
from features of the span, its context and the rules that proposed it whether it is a name and
of which label; overlapping alternatives are settled by the model's confidence. It proposes
nothing the rules did not.

- ``recording.py``: the rules component that also leaves all its candidates on the Doc;
- ``features.py``: the span features (a thinc layer) and the suggestions they describe;
- ``refiner.py``: the spaCy component and its model architecture;
- ``gold.py``: gold passages, folds by document, and training examples;
- ``train.py``: ``python -m kg.nlp.learned.train`` (also ``kg train``), training from a config;
- ``cv.py``: document-held-out cross-validation of the rules alone and of each learned variant.
"""

from __future__ import annotations

import os

# KG_LEARNED=1 adds the learned refiner to load_pipeline() (KG_LEARNED=0, or unset, leaves it out).
LEARNED_ENV = "KG_LEARNED"


def learned_default() -> bool:
    """Whether ``load_pipeline()`` adds the learned refiner: only when ``$KG_LEARNED`` says so
    (1, yes, true, on). Off by default: the shipped model is trained on all the gold, so
    ``kg eval`` on the gold with it on would score passages it learned from, and it was trained
    against the rules of its day (see kg/nlp/learned and the README)."""
    return os.environ.get(LEARNED_ENV, "").strip().lower() in ("1", "yes", "true", "on")
