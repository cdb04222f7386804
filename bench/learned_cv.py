"""Document-held-out cross-validation: the entity rules alone against each learned variant.

Run (one core, as the other benchmarks):

    OMP_NUM_THREADS=1 taskset -c 1 .venv/bin/python bench/learned_cv.py \
        --always ../shared/gold/seeds.jsonl --folded ../shared/gold/dev.jsonl [--variants rules,refiner]

The documents of the --folded files are split into --folds folds; each variant is trained on the
--always files plus the other folds and scored on the held-out fold with kg's scorer; folds are
pooled. It uses the rules as they are now, so it can be re-run whenever they change. Prints the
table (per label P R F1, and ΔF1 against the rules with a 95% interval from resampling
documents) and F1 per fold. See kg/eval/cv.py. The ner variants take minutes per fold.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"  # ../shared beside the project
sys.path.insert(0, str(ROOT))  # this checkout's kg, whichever is installed


def main() -> None:
    from kg.eval.cv import VARIANTS, cross_validate, read_all, table
    from kg.eval.run import source_dirs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--always", type=Path, nargs="*", default=[GOLD / "seeds.jsonl"], help="gold files always trained on")
    parser.add_argument("--folded", type=Path, nargs="+", default=[GOLD / "dev.jsonl"], help="gold files whose documents are folded")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sources", type=Path, action="append", default=[],
                        help="folder of the source files of gold rows kept by reference (default as kg eval)")
    parser.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE",
                        help="override a setting of the refiner's config, e.g. components.kg_entity_refiner.threshold=0.4")
    parser.add_argument("--variants", default=",".join(VARIANTS), help=f"comma-separated, of {', '.join(VARIANTS)}")
    args = parser.parse_args()
    names = [n.strip() for n in args.variants.split(",") if n.strip()]
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}")
    if "rules" not in names:
        names.insert(0, "rules")

    import dataclasses
    import json

    from kg.nlp.learned.shipped import CONFIG as REFINER_CONFIG
    from kg.nlp.pipeline import build_pipeline

    extra = []
    for setting in args.settings:
        key, _, value = setting.partition("=")
        try:
            extra.append((key.strip(), json.loads(value)))
        except json.JSONDecodeError:
            extra.append((key.strip(), value))
    variants = [
        dataclasses.replace(VARIANTS[n], overrides=VARIANTS[n].overrides + tuple(extra)) if VARIANTS[n].config == REFINER_CONFIG else VARIANTS[n]
        for n in names
    ]

    started = time.perf_counter()
    nlp = build_pipeline(keep_candidates=True)
    folders = source_dirs(args.sources, (args.folded or args.always)[0])
    always, folded = read_all(args.always, folders), read_all(args.folded, folders)
    print(f"always trained on: {', '.join(p.name for p in args.always) or 'nothing'} ({len(always)} passages); "
          f"folded: {', '.join(p.name for p in args.folded)} ({len(folded)} passages, "
          f"{len({p.document for p in folded})} documents, {args.folds} folds)", file=sys.stderr)
    results = cross_validate(nlp, always, folded, variants, args.folds,
                             log=lambda m: print(m, file=sys.stderr, flush=True))
    print(table(results))
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
