"""The spaCy pipeline and `kg extract` on real text: offsets, scripts, masks."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.eval.run import extract_entities
from kg.errors import ModelMissingError
from kg.nlp.model import INSTALL_COMMAND, is_installed, model_dir, require_model


def test_nlp_pipeline_model_is_installed_outside_the_repository():
    assert is_installed()
    assert "kg" in model_dir().parts


def test_nlp_pipeline_missing_model_names_the_install_command(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MODEL_DIR", str(tmp_path / "empty"))
    with pytest.raises(ModelMissingError, match=INSTALL_COMMAND.replace(".", r"\.")):
        require_model()


def test_nlp_pipeline_entities_are_token_aligned_with_rule_ids(nlp):
    doc = nlp("深化“最多跑一次”改革，支持西湖大学和浙江大学建设。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("“最多跑一次”改革", "PROGRAM"),
        ("西湖大学", "ORG"),
        ("浙江大学", "ORG"),
    ]
    assert all(e.id_ for e in doc.ents)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Traditional text is recognized through its Simplified form; offsets index the original.
        ("支持西湖大學、浙江大學建設，深化“最多跑一次”改革。", [("西湖大學", "ORG"), ("浙江大學", "ORG"), ("“最多跑一次”改革", "PROGRAM")]),
        ("杭州高新區(濱江)", [("杭州高新區(濱江)", "DISTRICT")]),
        # Lines broken mid-name still give the name, with offsets spanning the break.
        ("推进改革，支持西湖大\n\n学建设。", [("西湖大\n\n学", "ORG")]),
    ],
)
def test_nlp_pipeline_offsets_index_the_original_text(text, expected):
    found = extract_entities(text)
    assert [(text[s:e], label) for s, e, label in found] == expected


@pytest.mark.parametrize(
    "text",
    ["XX市人民政府代市长", "在某某区某某街道", "***员提出意见", "浙大*_**落户"],
)
def test_nlp_pipeline_masked_text_gives_no_entity_touching_a_mask(text):
    for start, end, _ in extract_entities(text):
        piece = text[max(0, start - 1) : end]
        assert not any(mask in piece for mask in ("XX", "某某", "***", "*_**")), (text, text[start:end])


def test_nlp_pipeline_extract_command_writes_offsets(tmp_path):
    rows = [{"id": "a", "text": "支持西湖大學建設。"}, {"id": "b", "text": "各位代表："}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert out == [{"id": "a", "entities": [[2, 6, "ORG"]]}, {"id": "b", "entities": []}]


def test_nlp_pipeline_eval_command_scores_a_small_gold_file(tmp_path):
    text = "支持西湖大学建设。"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x:p0", "text": text, "entities": [[2, 6, "ORG"]]}, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 0, result.output
    assert "ORG        P  1.000  R  1.000  F1  1.000   (tp 1, fp 0, fn 0)" in result.output
    assert "document x" in result.output


def test_nlp_pipeline_bad_input_rows_are_reported_with_the_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(bad), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 3
    assert f"{bad}: line 1 needs a \"text\" string, or a \"source\" with its \"offset\" and \"length\"" in result.output
    assert not (tmp_path / "o.jsonl").exists()
