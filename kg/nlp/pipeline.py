"""The spaCy Chinese pipeline: pkuseg segmentation, then the entity rules, then (optionally) the
learned refiner of what the rules found (``kg/nlp/learned``)."""

from __future__ import annotations

import contextlib
import io
from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.entities import HOME_KEY
from kg.nlp.factories import TOKENIZER  # importing it registers kg's components with spaCy
from kg.nlp.learned import learned_default
from kg.nlp.model import require_model

def build_pipeline(keep_candidates: bool = False) -> Language:
    """pkuseg segmentation and the entity rules; ``keep_candidates`` leaves every candidate the
    rules proposed on the Doc too, for the refiner (``kg.nlp.learned.recording``)."""
    model = require_model()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # spacy-pkuseg prints loading notes
        nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict="default")
    rules = nlp.add_pipe("kg_entity_rules", config={"keep_candidates": keep_candidates})
    # Known names stay whole tokens, so rules and later relation patterns see them as words.
    nlp.tokenizer.pkuseg_update_user_dict(rules.rules.gazetteer.words())
    # What the segmenter's model knows as words is common vocabulary, not names (lexicon.unnamed).
    rules.rules.vocabulary = frozenset(nlp.tokenizer.pkuseg_seg.feature_extractor.unigram)
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(learned: Optional[bool] = None) -> Language:
    """Build the pipeline once per process; raises ModelMissingError when pkuseg's model is
    absent. ``learned`` adds the refiner trained on the gold (default: ``learned_default()``)."""
    if learned is None:
        learned = learned_default()
    nlp = build_pipeline(keep_candidates=learned)
    if learned:
        from kg.nlp.learned.shipped import add_shipped_refiner

        add_shipped_refiner(nlp)
    return nlp


def annotate(nlp: Language, text: str, home: str = "") -> Doc:
    """Run the pipeline on ``text``; ``home`` is the division code of the area the text speaks
    for, which lets a county's bare short form count (see RuleSet.match)."""
    doc = nlp.make_doc(text)
    doc.user_data[HOME_KEY] = home
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
