"""The command line as a user meets it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from conftest import SEED_BUILD

from kg.cli import EXIT_NO_INPUT, EXIT_SOME_INPUTS_FAILED, main
from kg.graph.namespace import POL

SUBCOMMANDS = ["build", "extract", "eval", "query", "export", "push", "viz", "validate", "stats", "check-data"]


def test_cli_help_lists_every_subcommand():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in SUBCOMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_cli_subcommand_help_is_real_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage: main " + name in result.output or f"Usage: kg {name}" in result.output
    assert "Exit codes" in result.output


def test_cli_build_writes_document_metadata(seed_build):
    graph = Graph().parse(seed_build / "graph.ttl")
    docs = {str(graph.value(d, DCTERMS.identifier))[:3]: d for d in graph.subjects(RDF.type, POL.Document)}
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    d000 = docs["000"]
    assert graph.value(d000, POL.areaName) == Literal("杭州市", lang="zh")
    assert graph.value(d000, POL.reviewYear) == Literal("2019", datatype=XSD.gYear)
    assert graph.value(d000, POL.planYear) == Literal("2020", datatype=XSD.gYear)
    assert graph.value(d000, POL.speaker) == Literal("刘忻", lang="zh")
    assert graph.value(d000, DCTERMS.date) == Literal("2020-04-26", datatype=XSD.date)
    assert graph.value(docs["002"], POL.script) == Literal("zh-Hant")
    assert graph.value(docs["001"], POL.areaName) == Literal("上城区", lang="zh")
    assert graph.value(docs["003"], POL.reviewYear) == Literal("2011", datatype=XSD.gYear)
    assert graph.value(docs["004"], POL.duplicateOf) == d000
    evidence = graph.value(docs["003"], POL.hasYearEvidence)
    assert "十二五" in str(graph.value(evidence, POL.evidenceText))


def test_cli_build_is_byte_identical_on_rebuild(seed_build, seeds_dir, tmp_path):
    CliRunner().invoke(main, ["build", str(seeds_dir), "--out", str(tmp_path), "--build-id", SEED_BUILD, "-q"])
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / name).read_bytes() == (seed_build / name).read_bytes(), name


def test_cli_build_prints_a_summary(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "report.txt").write_text("各位代表：\n\n我代表上城区人民政府向大会报告工作。上城区深化“最多跑一次”改革。", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "1 documents: 1 built, 0 reused, 0 failed" in result.output
    assert "pol:District" in result.output and "pol:implements" in result.output
    assert f"wrote {tmp_path / 'out' / 'graph.trig'}" in result.output


def test_cli_build_reports_bad_files_and_builds_the_rest(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text("我代表上城区人民政府向大会报告工作。", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == EXIT_SOME_INPUTS_FAILED
    assert f"{src / 'empty.txt'}: file is empty" in result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    documents = graph.subjects(RDF.type, POL.Document)
    assert [str(graph.value(d, DCTERMS.identifier)).split("-")[0] for d in documents] == ["good"]


def test_cli_build_with_no_usable_input_keeps_previous_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# previous build\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "missing"), "--out", str(out)])
    assert result.exit_code == EXIT_NO_INPUT
    assert "no such file or folder" in result.output
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "# previous build\n"


def test_cli_stats_counts_classes(seed_build):
    result = CliRunner().invoke(main, ["stats", str(seed_build / "graph.ttl")])
    assert result.exit_code == 0
    assert "pol:Document                 5" in result.output


def _count(output: str, name: str) -> int:
    return int(re.search(rf"^  {name}\s+(\d+)$", output, re.M).group(1))


def test_cli_build_and_stats_say_what_their_relation_counts_count(seed_build, seeds_dir, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out)  # unchanged inputs: the build prints its summary and keeps the files
    built = CliRunner().invoke(main, ["build", str(seeds_dir), "--out", str(out)], catch_exceptions=False)
    stats = CliRunner().invoke(main, ["stats", str(out / "graph.trig")], catch_exceptions=False)
    assert built.exit_code == 0 and stats.exit_code == 0, built.output + stats.output
    assert "relations read from the documents (once per document that states each):" in built.output
    assert "properties (distinct triples; a relation several documents state counts once):" in stats.output
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    documents = [g for g in dataset.graphs() if "/graph/doc/" in str(g.identifier)]
    per_document = sum(len(list(g.triples((None, POL.implements, None)))) for g in documents)
    distinct = len(list(Graph().parse(out / "graph.ttl").triples((None, POL.implements, None))))
    assert per_document > distinct  # the seeds state some relations in more than one document
    assert _count(built.output, "pol:implements") == per_document
    assert _count(stats.output, "pol:implements") == distinct


def test_cli_console_script_is_installed():
    exe = Path(sys.executable).parent / "kg"
    if not exe.exists():
        pytest.skip("kg console script not installed in this environment")
    done = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "Build a knowledge graph" in done.stdout


def test_cli_stats_reads_the_named_graphs_of_trig(seed_build):
    turtle = CliRunner().invoke(main, ["stats", str(seed_build / "graph.ttl")])
    trig = CliRunner().invoke(main, ["stats", str(seed_build / "graph.trig")])
    assert trig.exit_code == 0
    assert trig.output.split(":", 1)[1] == turtle.output.split(":", 1)[1]


def test_cli_build_without_the_model_says_so_once_with_workers(small_reports, tmp_path):
    """With --jobs 2 the segmentation model is checked before any worker starts: exit 4 and the
    install command, not workers dying one by one unexplained."""
    env = dict(os.environ, KG_MODEL_DIR=str(tmp_path / "no-model"), PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    done = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(small_reports), "--out", str(tmp_path / "out"), "--jobs", "2", "--no-cache"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert done.returncode == 4, done.stderr
    assert "kg install-model" in done.stderr
    assert "worker processes die" not in done.stderr
