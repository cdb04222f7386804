"""Every custom spaCy factory of kg, registered in one place."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from kg.nlp.entities import EntityRules


@Language.factory("kg_entity_rules", default_config={"data_dir": None})
def make_entity_rules(nlp: Language, name: str, data_dir: Optional[str]) -> EntityRules:
    return EntityRules(name=name, data_dir=data_dir)
