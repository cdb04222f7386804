"""Train the learned components of a config on gold passages, with spaCy's own machinery.

    python -m kg.nlp.learned.train GOLD.jsonl... [--config CFG] [--output FILE]
    kg train GOLD.jsonl...                      (the same)

rebuilds the shipped refiner (``kg/data/model/refiner.bin``) from the gold files, e.g.
``kg train ../shared/gold/seeds.jsonl ../shared/gold/dev.jsonl``.

A config holds ``[components.NAME]`` blocks (added after the rules, as in ``nlp.add_pipe``) and a
``[training]`` block: ``seed``, ``max_epochs``, ``dropout``, ``batcher`` and ``optimizer``, resolved
from spaCy's registry. The loop is spaCy's: ``initialize`` each new component on the examples,
then ``nlp.update`` on shuffled batches for ``max_epochs`` epochs, the rules frozen. The same
seed gives the same model. Nothing is chosen on held-out data: the model after the last epoch
is the model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, registry
from thinc.api import Config

from kg.nlp.learned.gold import GoldPassage, prepare, read_gold
from kg.errors import InputError
from kg.nlp.learned.shipped import CONFIG, NAME, WEIGHTS, meta_path, rules_digest


def load_config(path: Path, overrides: Optional[dict] = None) -> Config:
    if not Path(path).is_file():
        raise InputError(str(path), "no such config file")
    config = Config().from_disk(path, overrides=overrides or {})
    if "components" not in config or "training" not in config:
        raise InputError(str(path), "a config needs [components.NAME] and [training] blocks")
    return config


def add_components(nlp: Language, config: Config) -> list[str]:
    """Add the components of ``config`` to ``nlp``, in config order; their names."""
    names = []
    for name, block in config["components"].items():
        block = dict(block)
        factory = block.pop("factory", name)
        nlp.add_pipe(factory, name=name, config=block)
        names.append(name)
    return names


def train(nlp: Language, config: Config, examples: Sequence[Example], log: Optional[Callable[[str], None]] = None) -> list[str]:
    """Add the components of ``config`` to ``nlp`` and train them on ``examples`` (whose predicted
    Docs already went through the rest of the pipeline); the names of the trained components."""
    settings = registry.resolve({"training": dict(config["training"])})["training"]
    seed = int(settings.get("seed", 0))
    fix_random_seed(seed)
    names = add_components(nlp, config)
    frozen = [name for name in nlp.pipe_names if name not in names]
    examples = list(examples)
    for name in names:
        nlp.get_pipe(name).initialize(lambda: examples, nlp=nlp)
    optimizer = settings["optimizer"]
    batcher = settings["batcher"]
    shuffle = random.Random(seed)
    order = list(examples)
    for epoch in range(int(settings["max_epochs"])):
        shuffle.shuffle(order)
        losses: dict[str, float] = {}
        for batch in batcher(order):
            nlp.update(list(batch), drop=float(settings.get("dropout", 0.0)), sgd=optimizer, losses=losses, exclude=frozen)
        if log:
            log(f"epoch {epoch + 1}: " + ", ".join(f"{k} loss {v:.2f}" for k, v in losses.items()))
    return names


def train_refiner(gold: Sequence[Path], config_path: Path = CONFIG, output: Path = WEIGHTS,
                  log: Optional[Callable[[str], None]] = None, nlp: Optional[Language] = None,
                  sources: Sequence[Path] = ()) -> Path:
    """Train the refiner of ``config_path`` on every passage of ``gold`` and write it to ``output``
    (and what it was trained on beside it, as ``.json``); the same gold, config and rules give
    the same bytes. ``nlp``: the pipeline to add it to (default: a new one, the rules keeping
    their candidates); it is left out of ``nlp`` again afterwards. ``sources``: folders where the
    source files of gold rows kept by reference are found."""
    from kg.nlp.pipeline import build_pipeline

    config = load_config(config_path)
    if list(config["components"]) != [NAME]:
        raise InputError(str(config_path), f"the refiner's config has one component, [components.{NAME}]")
    passages: list[GoldPassage] = [p for path in gold for p in read_gold(path, sources)]
    nlp = nlp or build_pipeline(keep_candidates=True)
    if NAME in nlp.pipe_names:
        raise ValueError(f"the pipeline already has a {NAME}")
    examples = [p.example() for p in prepare(nlp, passages)]
    try:
        train(nlp, config, examples, log)
        data = nlp.get_pipe(NAME).to_bytes(exclude=["vocab"])
    finally:
        if NAME in nlp.pipe_names:
            nlp.remove_pipe(NAME)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(output.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(output)
    meta = {
        "config": config_path.name,
        "config_sha256": hashlib.sha256(config_path.read_bytes()).hexdigest(),
        "gold": [{"file": Path(p).name, "sha256": hashlib.sha256(Path(p).read_bytes()).hexdigest()} for p in gold],
        "rules_sha256": rules_digest(),
        "passages": len(passages),
        "documents": len({p.document for p in passages}),
        "bytes": len(data),
    }
    meta_path(output).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return output


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.nlp.learned.train", description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold JSONL files (all their passages are trained on)")
    parser.add_argument("--config", type=Path, default=CONFIG, help=f"training config (default {CONFIG.name})")
    parser.add_argument("--output", type=Path, default=WEIGHTS, help=f"where the model goes (default {WEIGHTS})")
    parser.add_argument("--sources", type=Path, action="append", default=[],
                        help="folder of the source files of rows kept by reference (repeatable)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    out = train_refiner(args.gold, args.config, args.output, log=lambda m: print(m, file=sys.stderr), sources=args.sources)
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
