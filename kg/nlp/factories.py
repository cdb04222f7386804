"""Every custom spaCy factory of kg, registered in one place."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language
from spacy.util import registry
from thinc.api import Model

from kg.nlp.entities import EntityRules
from kg.nlp.learned.recording import CandidateKeepingRules
from kg.nlp.learned.refiner import EntityRefiner
from kg.nlp.tokenizer import KgChineseTokenizer

TOKENIZER = "kg.ChineseTokenizer.v1"

DEFAULT_REFINER_MODEL = {"@architectures": "kg.SpanRefiner.v1", "width": 32, "rows": 32768, "hidden": 64, "seed": 7}


@Language.factory(
    "kg_entity_rules",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={"data_dir": None, "keep_candidates": False},
)
def make_entity_rules(nlp: Language, name: str, data_dir: Optional[str], keep_candidates: bool) -> EntityRules:
    # keep_candidates: also leave every candidate on the Doc, for kg_entity_refiner
    make = CandidateKeepingRules if keep_candidates else EntityRules
    return make(name=name, data_dir=data_dir)


@Language.factory(
    "kg_entity_refiner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["doc.ents"],
    default_config={"model": DEFAULT_REFINER_MODEL, "threshold": 0.5, "use_candidates": True},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0},
)
def make_entity_refiner(nlp: Language, name: str, model: Model, threshold: float, use_candidates: bool) -> EntityRefiner:
    return EntityRefiner(nlp.vocab, model, name, threshold=threshold, use_candidates=use_candidates)


@registry.tokenizers(TOKENIZER)
def make_tokenizer() -> Callable[[Language], KgChineseTokenizer]:
    return lambda nlp: KgChineseTokenizer(nlp.vocab)
