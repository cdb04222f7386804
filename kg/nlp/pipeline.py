"""The spaCy Chinese pipeline: pkuseg segmentation, then the entity rules."""

from __future__ import annotations

import contextlib
import io
from functools import lru_cache

import spacy
from spacy.language import Language

import kg.nlp.factories  # noqa: F401  (registers kg's components with spaCy)
from kg.nlp.model import require_model


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Build the pipeline once per process; raises ModelMissingError when pkuseg's model is absent."""
    model = require_model()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # spacy-pkuseg prints loading notes
        nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict="default")
    rules = nlp.add_pipe("kg_entity_rules")
    # Known names stay whole tokens, so rules and later relation patterns see them as words.
    nlp.tokenizer.pkuseg_update_user_dict(sorted(rules.rules.gazetteer.forms))
    return nlp
