"""Time the NLP stage on the seeds: model load, then characters per second on one core.

Run: .venv/bin/python bench/nlp_speed.py [--repeat N] [--learned]  (pin it to a core: taskset -c 0 …)
``--learned`` times the pipeline with the learned refiner (kg/nlp/learned) and the refiner alone.
Prints its figures; nothing asserts a time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the seeds (best is reported)")
    parser.add_argument("--learned", action="store_true", help="with the learned refiner after the rules")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # this checkout's kg, whichever is installed

    started = time.perf_counter()
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline(learned=args.learned)
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
    refiner_only = extra = None
    if "kg_entity_refiner" in nlp.pipe_names:
        refiner = nlp.get_pipe("kg_entity_refiner")
        before = [rules(nlp.make_doc(text)) for text in texts]  # Docs as the refiner gets them
        refiner_only = min(_timed(lambda: [refiner(doc.copy()) for doc in before]) for _ in range(args.repeat))
        refiner_only -= min(_timed(lambda: [doc.copy() for doc in before]) for _ in range(args.repeat))
        # What the learned stage adds to the whole stage (the rules keeping their candidates, and
        # the refiner), as the difference of warm passes with and without it, taken in turns so
        # that a busy machine weighs on both alike.
        plain = load_pipeline(learned=False)
        best(plain)
        with_learned, without = [], []
        for _ in range(max(args.repeat, 5)):
            with_learned.append(one_pass(nlp))
            without.append(one_pass(plain))
        extra = min(with_learned) - min(without)
    print(f"model load (import spaCy, pkuseg model, rules): {load_seconds:.2f} s")
    print(f"seeds: {len(texts)} documents, {chars} characters (normalized)")
    print(f"spacy-pkuseg's own segmentation:  {chars / shipped:,.0f} chars/s")
    print(f"kg tokenizer (same tokens):       {chars / segment_only:,.0f} chars/s")
    print(f"entity rules alone:               {chars / rules_only:,.0f} chars/s")
    if refiner_only is not None:
        print(f"learned refiner alone:            {chars / refiner_only:,.0f} chars/s ({refiner_only:.3f} s)")
    print(f"full NLP stage, first pass:       {chars / first:,.0f} chars/s")
    print(f"full NLP stage, best of {args.repeat}:        {chars / full:,.0f} chars/s")
    if extra is not None:
        print(f"learned stage's cost in the whole stage: {extra:.3f} s, {extra / chars * 1e6:.2f} µs a character "
              f"(without it, best pass {chars / min(without):,.0f} chars/s; with it {chars / min(with_learned):,.0f})")


def _timed(run) -> float:
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
