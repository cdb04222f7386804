"""The spaCy Chinese pipeline: pkuseg segmentation, then the entity rules."""

from __future__ import annotations

import contextlib
import io
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.entities import HOME_KEY
from kg.nlp.factories import TOKENIZER  # importing it registers kg's components with spaCy
from kg.nlp.model import require_model


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Build the pipeline once per process; raises ModelMissingError when pkuseg's model is absent."""
    model = require_model()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # spacy-pkuseg prints loading notes
        nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict="default")
    rules = nlp.add_pipe("kg_entity_rules")
    # Known names stay whole tokens, so rules and later relation patterns see them as words.
    nlp.tokenizer.pkuseg_update_user_dict(rules.rules.gazetteer.words())
    # What the segmenter's model knows as words is common vocabulary, not names (lexicon.unnamed).
    rules.rules.vocabulary = frozenset(nlp.tokenizer.pkuseg_seg.feature_extractor.unigram)
    return nlp


def annotate(nlp: Language, text: str, home: str = "") -> Doc:
    """Run the pipeline on ``text``; ``home`` is the division code of the area the text speaks
    for, which lets a county's bare short form count (see RuleSet.match)."""
    doc = nlp.make_doc(text)
    doc.user_data[HOME_KEY] = home
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
