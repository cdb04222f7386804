"""Time the NLP stage on the seeds: model load, then characters per second on one core.

Run: .venv/bin/python bench/nlp_speed.py [--repeat N]  (pin it to a core: taskset -c 0 …)
Prints its figures; nothing asserts a time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the seeds (best is reported)")
    args = parser.parse_args()

    started = time.perf_counter()
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    load_seconds = time.perf_counter() - started

    from kg.ingest.document import ingest_paths

    docs, _ = ingest_paths([ROOT / "seeds"])
    texts = [d.text for d in docs]
    chars = sum(len(t) for t in texts)

    def one_pass(run) -> float:
        t = time.perf_counter()
        for text in texts:
            run(text)
        return time.perf_counter() - t

    def best(run) -> float:
        return min(one_pass(run) for _ in range(args.repeat))

    # The segmenter remembers features of characters and words it has seen: the first pass
    # over the seeds, right after loading, is the one a fresh process makes.
    first = one_pass(nlp)
    full = best(nlp)
    segment_only = best(nlp.tokenizer)
    segmenter = nlp.tokenizer.pkuseg_seg
    shipped = best(getattr(segmenter, "seg", segmenter).cut)  # spacy-pkuseg's own cut
    rules = nlp.get_pipe("kg_entity_rules")
    rules_only = best(lambda text: rules.rules.match(text))
    print(f"model load (import spaCy, pkuseg model, rules): {load_seconds:.2f} s")
    print(f"seeds: {len(texts)} documents, {chars} characters (normalized)")
    print(f"spacy-pkuseg's own segmentation:  {chars / shipped:,.0f} chars/s")
    print(f"kg tokenizer (same tokens):       {chars / segment_only:,.0f} chars/s")
    print(f"entity rules alone:               {chars / rules_only:,.0f} chars/s")
    print(f"full NLP stage, first pass:       {chars / first:,.0f} chars/s")
    print(f"full NLP stage, best of {args.repeat}:        {chars / full:,.0f} chars/s")


if __name__ == "__main__":
    main()
