"""The learned refiner of the entity rules: training, loading a trained model, the CV harness."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from kg.nlp.learned.gold import GoldPassage, document_folds, prepare, read_gold
from kg.nlp.learned.recording import CANDIDATES_KEY, CHOSEN_KEY
from kg.nlp.learned.refiner import OPTIONAL_KEY, targets_for
from kg.nlp.learned.shipped import CONFIG, NAME, add_shipped_refiner, meta_path
from kg.nlp.learned.train import load_config, train_refiner
from kg.nlp.rules import LABELS

TINY_CONFIG = """
[components]

[components.kg_entity_refiner]
factory = "kg_entity_refiner"
threshold = 0.5
use_candidates = true

[components.kg_entity_refiner.model]
@architectures = "kg.SpanRefiner.v1"
width = 8
rows = 1024
hidden = 8
seed = 7

[training]
seed = 0
max_epochs = 3
dropout = 0.0

[training.batcher]
@batchers = "spacy.batch_by_sequence.v1"
size = 2
get_length = null

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.01
"""

# (text, [(name, label)]); a label starting with ? is optional
PASSAGES = [
    ("深化“最多跑一次”改革，支持西湖大学和浙江大学建设。", [("“最多跑一次”改革", "PROGRAM"), ("西湖大学", "ORG"), ("浙江大学", "ORG")]),
    ("今年要推进这些改革，加快地铁5号线建设。", [("地铁5号线", "PROJECT")]),
    ("杭州市政府印发《优化营商环境条例》，上城区全面落实。", [("杭州市政府", "ORG"), ("《优化营商环境条例》", "PROGRAM"), ("上城区", "?DISTRICT")]),
    ("支持之江实验室建设，办好亚运会。", [("之江实验室", "ORG"), ("亚运会", "PROJECT")]),
]


def _gold_file(path, passages=PASSAGES, document="T"):
    rows = []
    for i, (text, names) in enumerate(passages):
        entities = [[text.index(name), text.index(name) + len(name), label] for name, label in names]
        rows.append({"id": f"{document}{i}:p0", "text": text, "entities": entities})
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rules_keeping_candidates():
    from kg.nlp.pipeline import build_pipeline

    return build_pipeline(keep_candidates=True)


def test_nlp_learned_rules_keeping_candidates_find_what_the_rules_find(nlp, rules_keeping_candidates):
    text = "深化“最多跑一次”改革，支持西湖大学和浙江大学建设，推进湖长制。"
    plain = [(e.start_char, e.end_char, e.label_, e.id_) for e in nlp(text).ents]
    doc = rules_keeping_candidates(text)
    assert [(e.start_char, e.end_char, e.label_, e.id_) for e in doc.ents] == plain
    assert [tuple(c[:4]) for c in doc.user_data[CHOSEN_KEY]] == plain
    found = {(s, e, label) for s, e, label, _, _ in doc.user_data[CANDIDATES_KEY]}
    assert {(s, e, label) for s, e, label, _ in plain} <= found
    doc.to_bytes()  # what the rules leave on the Doc still serializes


def test_nlp_learned_trains_on_a_tiny_sample_the_same_model_twice(tmp_path, rules_keeping_candidates):
    gold = _gold_file(tmp_path / "gold.jsonl")
    config = tmp_path / "tiny.cfg"
    config.write_text(TINY_CONFIG, encoding="utf-8")
    first = train_refiner([gold], config, tmp_path / "a" / "refiner.bin", nlp=rules_keeping_candidates)
    second = train_refiner([gold], config, tmp_path / "b" / "refiner.bin", nlp=rules_keeping_candidates)
    assert first.read_bytes() == second.read_bytes()
    assert rules_keeping_candidates.pipe_names == ["kg_entity_rules"]  # the trained refiner is not left in
    meta = json.loads(meta_path(first).read_text(encoding="utf-8"))
    assert meta["passages"] == len(PASSAGES) and meta["gold"][0]["file"] == "gold.jsonl" and meta["rules_sha256"]

    from kg.nlp.pipeline import build_pipeline

    nlp = build_pipeline(keep_candidates=True)
    add_shipped_refiner(nlp, config, first)
    text = PASSAGES[1][0]
    doc = nlp(text)
    candidates = {(s, e) for s, e, *_ in rules_keeping_candidates(text).user_data[CANDIDATES_KEY]}
    # it judges what the rules proposed and proposes nothing of its own
    assert all((e.start_char, e.end_char) in candidates and e.label_ in LABELS for e in doc.ents)
    assert CANDIDATES_KEY not in doc.user_data


def test_nlp_learned_trained_model_is_small_and_loads_into_a_blank_pipeline(tmp_path, rules_keeping_candidates):
    # Its load time is a benchmark figure (bench/nlp_speed.py --learned), not a test's.
    gold = _gold_file(tmp_path / "gold.jsonl")
    config = tmp_path / "tiny.cfg"
    config.write_text(TINY_CONFIG, encoding="utf-8")
    weights = train_refiner([gold], config, tmp_path / "refiner.bin", nlp=rules_keeping_candidates)
    assert weights.stat().st_size < 6_000_000

    import spacy

    from kg.nlp.factories import TOKENIZER  # noqa: F401  (registers the factories)

    nlp = spacy.blank("zh")
    add_shipped_refiner(nlp, config, weights)
    assert nlp.pipe_names == [NAME]


def test_nlp_learned_asked_for_without_a_trained_model(tmp_path):
    import spacy

    from kg.errors import RefinerMissingError

    with pytest.raises(RefinerMissingError, match="kg train"):
        add_shipped_refiner(spacy.blank("zh"), CONFIG, tmp_path / "refiner.bin")


def test_nlp_learned_pipeline_switch(monkeypatch):
    from kg.nlp.learned import LEARNED_ENV, learned_default

    monkeypatch.delenv(LEARNED_ENV, raising=False)
    assert learned_default() is False
    for value, expected in [("1", True), ("on", True), ("0", False), ("", False), ("no", False)]:
        monkeypatch.setenv(LEARNED_ENV, value)
        assert learned_default() is expected


def test_nlp_learned_refiner_declares_what_it_assigns():
    meta = Language.get_factory_meta("kg_entity_refiner")
    assert "doc.ents" in meta.assigns and "doc.ents" in meta.requires
    assert list(load_config(CONFIG)["components"]) == ["kg_entity_refiner"]


def test_nlp_learned_folds_split_by_document_deterministically():
    passages = [GoldPassage(f"{d}:p{i}", d, "文本", ()) for d, n in [("A", 5), ("B", 3), ("C", 3), ("D", 1), ("E", 1)] for i in range(n)]
    folds = document_folds(passages, 2)
    assert folds == document_folds(list(reversed(passages)), 2)
    assert set(folds) == {"A", "B", "C", "D", "E"} and set(folds.values()) == {0, 1}
    sizes = [sum(1 for p in passages if folds[p.document] == f) for f in (0, 1)]
    assert abs(sizes[0] - sizes[1]) <= 1


def test_nlp_learned_optional_gold_is_missing_and_costs_nothing(tmp_path, rules_keeping_candidates):
    gold = read_gold(_gold_file(tmp_path / "gold.jsonl", [PASSAGES[2]]))
    (prepared,) = prepare(rules_keeping_candidates, gold)
    ref = prepared.reference
    assert [(e.text, e.label_) for e in ref.ents] == [("杭州市政府", "ORG"), ("《优化营商环境条例》", "PROGRAM")]
    assert [(s.text, s.label_) for s in ref.spans[OPTIONAL_KEY]] == [("上城区", "DISTRICT")]
    assert {t.ent_iob_ for t in ref[ref.text.index("上城区"):][:3]} == {""}  # missing, not O
    from kg.nlp.learned.features import suggest

    example = prepared.example()
    suggestions = suggest(example.predicted, example.predicted.text)
    targets, weights = targets_for([example], [suggestions])
    by_text = {ref.text[s.start:s.end]: (int(t), float(w)) for s, t, w in zip(suggestions, targets, weights)}
    assert by_text["上城区"][1] == 0.0
    assert by_text["杭州市政府"] == (1 + LABELS.index("ORG"), 1.0)


def test_nlp_learned_cross_validation_runs_on_a_tiny_gold(tmp_path, rules_keeping_candidates):
    import dataclasses

    from kg.eval.cv import VARIANTS, cross_validate, table

    config = tmp_path / "tiny.cfg"
    config.write_text(TINY_CONFIG, encoding="utf-8")
    folded = []
    for d in "ABCD":
        folded += read_gold(_gold_file(tmp_path / f"{d}.jsonl", PASSAGES, document=d))
    variants = [VARIANTS["rules"], dataclasses.replace(VARIANTS["refiner"], config=config)]
    results = cross_validate(rules_keeping_candidates, [], folded, variants, k=2)
    rendered = table(results)
    assert "rules" in rendered and "refiner" in rendered and "ΔF1" in rendered
    # every held-out passage is scored once, for each variant
    assert sum(len(r.by_document) for r in results.values()) == 2 * 16


@pytest.mark.parametrize(
    "source_text, row, problem",
    [
        ("标题\n深化“最多跑一次”改革。\n", {"offset": 3, "length": 12}, None),
        ("标题\n深化“最多跑一次”改革。\n", {"offset": 3, "length": 99}, "not found or too short"),
        (None, {"offset": 0, "length": 2}, "not found or too short"),
    ],
    ids=["read-from-source", "source-too-short", "source-missing"],
)
def test_nlp_learned_gold_rows_kept_by_reference(tmp_path, source_text, row, problem):
    from kg.errors import InputError

    docs = tmp_path / "docs"
    docs.mkdir()
    if source_text is not None:
        (docs / "a.txt").write_text(source_text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "A:p0", "source": "a.txt", **row, "entities": [[2, 11, "PROGRAM"]]}) + "\n",
                    encoding="utf-8")
    if problem:
        with pytest.raises(InputError, match=problem) as err:
            read_gold(gold, [docs])
        assert "gold.jsonl" in str(err.value) and "line 1" in str(err.value)
        return
    (passage,) = read_gold(gold, [docs])
    assert passage.text == "深化“最多跑一次”改革。"
    assert passage.text[2:11] == "“最多跑一次”改革"
    assert passage.document == "a.txt"
