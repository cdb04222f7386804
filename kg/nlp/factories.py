"""Every custom spaCy factory of kg, registered in one place."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language
from spacy.util import registry

from kg.nlp.entities import EntityRules
from kg.nlp.tokenizer import KgChineseTokenizer

TOKENIZER = "kg.ChineseTokenizer.v1"


@Language.factory("kg_entity_rules", default_config={"data_dir": None})
def make_entity_rules(nlp: Language, name: str, data_dir: Optional[str]) -> EntityRules:
    return EntityRules(name=name, data_dir=data_dir)


@registry.tokenizers(TOKENIZER)
def make_tokenizer() -> Callable[[Language], KgChineseTokenizer]:
    return lambda nlp: KgChineseTokenizer(nlp.vocab)
