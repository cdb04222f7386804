"""The README's example commands that use examples/ run as written and give what they should."""

from __future__ import annotations

import json
import re
import shlex
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import main

from conftest import ROOT

EXAMPLES = ROOT / "examples"
PROMPT = "$ .venv/bin/kg "


def _passages() -> dict[str, str]:
    return {row["id"]: row["text"] for row in map(json.loads, (EXAMPLES / "passages.jsonl").read_text("utf-8").splitlines())}


def _extracted(output: str, folder) -> None:
    assert output == "wrote entities.jsonl: 0 of 4 rows recognized in their source document; " \
                     "4 as plain text (no source and offset given: 4)\n"
    texts = _passages()
    rows = [json.loads(line) for line in (folder / "entities.jsonl").read_text("utf-8").splitlines()]
    assert [row["id"] for row in rows] == list(texts)
    found = {(row["id"], texts[row["id"]][s:e], label) for row in rows for s, e, label in row["entities"]}
    assert {("xiaoshan:1", "萧山区", "DISTRICT"), ("xiaoshan:1", "“亩均论英雄”改革", "PROGRAM"),
            ("binjiang:1", "“新制造业计划”", "PROGRAM"), ("chunan:1", "《浙江省优化营商环境条例》", "PROGRAM"),
            ("fuyang:1", "富陽區", "DISTRICT"), ("fuyang:1", "杭州富春灣新城", "DISTRICT")} <= found


def _scored(first_line: str, errors: bool):
    def check(output: str, folder) -> None:
        lines = output.splitlines()
        assert lines[0] == first_line
        assert "document linping (zh-Hans)" in lines
        overall = next(line for line in lines if line.strip().startswith("ALL typed"))
        tp = int(re.search(r"tp (\d+)", overall).group(1))
        assert 0 < tp <= 25  # the gold has 25 entities
        assert ("most frequent errors (kind, label, text, count):" in lines) == errors
    return check


# Every README command that uses examples/, and what its output must hold.
COMMANDS = {
    "extract examples/passages.jsonl -o entities.jsonl": _extracted,
    "eval examples/gold.jsonl --errors 20": _scored(
        "0 of 10 rows recognized in their source document; 10 as plain text (source not found: 10)", errors=True),
    "eval examples/gold.jsonl --sources examples/docs": _scored(
        "10 of 10 rows recognized in their source document", errors=False),
}


def test_examples_readme_shows_exactly_the_commands_tested():
    text = (ROOT / "README.md").read_text("utf-8")
    shown = [line[len(PROMPT):].split("  #")[0].strip() for line in text.splitlines()
             if line.startswith(PROMPT) and "examples/" in line]
    assert shown == list(COMMANDS)


def test_examples_gold_has_the_entities_it_names():
    rows = [json.loads(line) for line in (EXAMPLES / "gold.jsonl").read_text("utf-8").splitlines()]
    spans = [(row["text"][s:e], label) for row in rows for s, e, label in row["entities"]]
    assert len(spans) == 25
    assert ("杭州市临平区第一届人民代表大会", "ORG") in spans and ("数字经济“一号工程”", "PROGRAM") in spans
    assert ("四川省松潘县", "DISTRICT") in spans and ("区第一人民医院新院区", "PROJECT") in spans


@pytest.mark.parametrize("command", list(COMMANDS))
def test_examples_readme_command_runs_on_examples(command, tmp_path, monkeypatch):
    shutil.copytree(EXAMPLES, tmp_path / "examples")  # the command writes into the folder it runs in
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, shlex.split(command), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    COMMANDS[command](result.stdout, tmp_path)
