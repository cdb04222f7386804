"""The refiner's place in kg: its config and trained weights under ``kg/data/model/``.

``refiner.cfg`` is the training config (component and training settings), shipped;
``refiner.bin`` the trained component (``EntityRefiner.to_bytes``, without the vocab), written by
``kg train`` (or ``python -m kg.nlp.learned.train``) and not shipped: measured by document-held-out
cross-validation against the current rules it does not help (README), so no trained model comes
with kg; ``refiner.json`` says what it was trained on, including a digest of the rules it learned
to refine (``rules_digest``). Loading builds the component from the config and reads the weights
into it, warning when the rules have changed since.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

from spacy.language import Language

from kg.errors import RefinerMissingError

NLP_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = NLP_DIR.parent / "data"
MODEL_DIR = DATA_DIR / "model"
CONFIG = MODEL_DIR / "refiner.cfg"
WEIGHTS = MODEL_DIR / "refiner.bin"
NAME = "kg_entity_refiner"


class StaleModelWarning(UserWarning):
    """The refiner was trained against other rules than the ones now loaded."""


def meta_path(weights: Path) -> Path:
    return weights.with_suffix(".json")


def is_shipped() -> bool:
    return CONFIG.is_file() and WEIGHTS.is_file()


def rules_digest() -> str:
    """SHA-256 over the rules: pattern and gazetteer files, and the code that applies them."""
    files = sorted((DATA_DIR / "patterns").glob("*.jsonl")) + sorted((DATA_DIR / "gazetteer").glob("*.tsv"))
    files += [NLP_DIR / "rules.py", NLP_DIR / "places.py"]
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(DATA_DIR.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def add_shipped_refiner(nlp: Language, config: Path = CONFIG, weights: Path = WEIGHTS) -> None:
    from kg.nlp.learned.train import add_components, load_config

    if not weights.is_file():
        raise RefinerMissingError(
            f"no trained refiner at {weights}: train one with `kg train GOLD.jsonl...` (KG_LEARNED asks for it)"
        )
    names = add_components(nlp, load_config(config))
    if names != [NAME]:
        raise ValueError(f"{config}: the refiner's config has one component, [{NAME}]")
    nlp.get_pipe(NAME).from_bytes(weights.read_bytes(), exclude=["vocab"])
    meta = meta_path(weights)
    trained_on = json.loads(meta.read_text(encoding="utf-8")).get("rules_sha256") if meta.is_file() else None
    if trained_on and trained_on != rules_digest():
        warnings.warn(
            f"{weights.name} was trained against other rules than these; its judgement of the new rules' "
            "candidates is untested: retrain it with `kg train GOLD.jsonl...` (see kg/nlp/learned)",
            StaleModelWarning,
            stacklevel=2,
        )
