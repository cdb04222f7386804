"""`kg extract` and `kg eval` recognize a passage in its source document, as `kg build` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF

from kg.cli import main
from kg.eval import run as eval_run
from kg.eval.run import IN_DOCUMENT, NO_SOURCE, NOT_FOUND, TEXT_DIFFERS, PassageRecognizer, evaluate, source_dirs
from kg.graph.namespace import POL

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
DEV_GOLD = CORPUS.parent.parent / "gold" / "dev.jsonl"


def _lines(path: Path) -> list[tuple[int, str]]:
    """Every non-empty line of a file with the offset where it starts: passages as a gold file
    cuts them, boilerplate lines included."""
    text = path.read_text(encoding="utf-8")
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            out.append((offset, stripped))
        offset += len(line)
    return out


def _write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_facts(seeds_dir, nlp):
    """The facts stage of `kg build seeds/`, as build.py runs it: each document's mentions."""
    from kg.extract.facts import extract_facts, pipeline_annotate, pipeline_linker
    from kg.extract.relations import load_relation_rules
    from kg.ingest.document import ingest_paths

    docs, _ = ingest_paths([seeds_dir])
    facts = extract_facts(docs, pipeline_annotate(nlp), pipeline_linker(nlp), load_relation_rules())
    return {f.document.doc_id: {(m.start_src, m.end_src, m.label) for m, _ in f.linked} for f in facts.documents}


def _graph_spans(graph: Graph, doc_id: str) -> set[tuple[int, int]]:
    doc = next(d for d in graph.subjects(RDF.type, POL.Document) if str(graph.value(d, DCTERMS.identifier)) == doc_id)
    return {
        (int(graph.value(m, POL.start)), int(graph.value(m, POL.end)))
        for m in graph.subjects(POL.inDocument, doc)
        if (m, RDF.type, POL.Mention) in graph
    }


@pytest.mark.parametrize("prefix", ["001", "002", "004"])  # Simplified, Traditional, masked
def test_eval_run_passages_get_the_entities_the_build_gives(prefix, seed_facts, seed_build, seeds_dir, tmp_path):
    source = next(seeds_dir.glob(f"{prefix}_*.txt"))
    passages = _lines(source)
    rows = [{"id": f"{prefix}:p{i}", "source": source.name, "offset": off, "text": text} for i, (off, text) in enumerate(passages)]
    result = CliRunner().invoke(main, ["extract", str(_write_rows(tmp_path / "in.jsonl", rows)),
                                       "-o", str(tmp_path / "out.jsonl"), "--sources", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert f"{len(rows)} of {len(rows)} rows recognized {IN_DOCUMENT}" in result.output
    extracted = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]

    doc_id, built = next((d, spans) for d, spans in seed_facts.items() if d.startswith(source.stem + "-"))
    from_passages = {(off + s, off + e, label) for (off, _), row in zip(passages, extracted) for s, e, label in row["entities"]}
    # Every mention of the build lies within one line, so the passages together give all of them,
    # and they are the mentions the written graph holds.
    assert from_passages == built
    assert {(s, e) for s, e, _ in from_passages} == _graph_spans(Graph().parse(seed_build / "graph.ttl"), doc_id)
    assert len(built) > 50


def test_eval_run_reads_plain_text_when_the_source_cannot_be_used(seeds_dir):
    source = next(seeds_dir.glob("001_*.txt"))
    offset, text = _lines(source)[5]
    recognizer = PassageRecognizer([seeds_dir])
    cases = [
        ({"id": "a", "text": text}, NO_SOURCE),
        ({"id": "b", "text": text, "source": source.name}, NO_SOURCE),  # no offset
        ({"id": "c", "text": text, "source": "missing.txt", "offset": offset}, NOT_FOUND),
        ({"id": "d", "text": text, "source": source.name, "offset": offset + 1}, TEXT_DIFFERS),
        ({"id": "e", "text": text, "source": source.name, "offset": offset}, IN_DOCUMENT),
    ]
    plain = recognizer.recognize({"id": "plain", "text": text}).entities
    for row, path in cases:
        passage = recognizer.recognize(row)
        assert passage.path == path, row["id"]
        if path != IN_DOCUMENT:
            assert passage.entities == plain, row["id"]
    assert recognizer.paths == {NO_SOURCE: 3, NOT_FOUND: 1, TEXT_DIFFERS: 1, IN_DOCUMENT: 1}


def test_eval_run_processes_each_source_once(seeds_dir, monkeypatch):
    calls = []
    real = eval_run.ingest_file
    monkeypatch.setattr(eval_run, "ingest_file", lambda path: calls.append(path) or real(path))
    source = next(seeds_dir.glob("003_*.txt"))
    recognizer = PassageRecognizer([seeds_dir])
    for i, (offset, text) in enumerate(_lines(source)[:6]):
        assert recognizer.recognize({"id": f"x:{i}", "source": source.name, "offset": offset, "text": text}).path == IN_DOCUMENT
    assert len(calls) == 1


def test_eval_run_folders_given_come_first(seeds_dir, tmp_path):
    source = next(seeds_dir.glob("001_*.txt"))
    offset, text = _lines(source)[5]
    other = tmp_path / "other"
    other.mkdir()
    (other / source.name).write_text("另一份文件。\n" * 50, encoding="utf-8")
    row = {"id": "x", "source": source.name, "offset": offset, "text": text}
    assert PassageRecognizer([other, seeds_dir]).recognize(row).path == TEXT_DIFFERS
    assert PassageRecognizer([seeds_dir, other]).recognize(row).path == IN_DOCUMENT


def test_eval_run_source_folders_in_order(tmp_path, monkeypatch):
    (tmp_path / "project" / "seeds").mkdir(parents=True)
    (tmp_path / "shared" / "corpus" / "docs").mkdir(parents=True)
    (tmp_path / "shared" / "gold").mkdir()
    (tmp_path / "mine").mkdir()
    monkeypatch.chdir(tmp_path / "project")
    found = source_dirs([tmp_path / "mine", tmp_path / "nowhere"], tmp_path / "shared" / "gold" / "dev.jsonl")
    assert [p.resolve() for p in found] == [
        (tmp_path / "mine").resolve(),
        (tmp_path / "project" / "seeds").resolve(),
        (tmp_path / "shared" / "corpus" / "docs").resolve(),  # ../shared/corpus/docs of the project
    ]


def test_eval_run_report_counts_the_paths_and_document_traits(seeds_dir):
    source = next(seeds_dir.glob("002_*.txt"))
    rows = [{"id": f"002:p{i}", "source": source.name, "offset": off, "text": text, "entities": []}
            for i, (off, text) in enumerate(_lines(source)[:4])]
    rows.append({"id": "x:p0", "text": "支持西湖大学建设。", "entities": [[2, 6, "ORG"]]})
    result = evaluate(rows, PassageRecognizer([seeds_dir]))
    assert result.paths == {IN_DOCUMENT: 4, NO_SOURCE: 1}
    assert "zh-Hant" in result.traits["002"]
    # scores by the kind of document the passage comes from; a plain passage is "other"
    assert result.by_kind["other"].typed["ORG"].tp == 1
    assert set(result.by_kind) == {"other", "plan-proposal"}


def test_eval_run_cli_eval_says_how_rows_were_read(seeds_dir, tmp_path):
    source = next(seeds_dir.glob("001_*.txt"))
    offset, text = _lines(source)[5]
    gold = _write_rows(tmp_path / "gold.jsonl", [
        {"id": "001:p0", "source": source.name, "offset": offset, "text": text, "entities": []},
        {"id": "x:p0", "source": "missing.txt", "offset": 0, "text": "支持西湖大学建设。", "entities": [[2, 6, "ORG"]]},
    ])
    result = CliRunner().invoke(main, ["eval", str(gold), "--sources", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"1 of 2 rows recognized {IN_DOCUMENT}; 1 as plain text ({NOT_FOUND}: 1)"


def test_eval_run_rows_kept_by_reference_score_as_rows_with_their_text(seeds_dir, tmp_path):
    source = next(seeds_dir.glob("003_*.txt"))
    rows = [{"id": f"003:p{i}", "source": source.name, "offset": off, "text": text, "entities": [[0, 2, "DISTRICT"]]}
            for i, (off, text) in enumerate(_lines(source)[3:7])]
    with_text = _write_rows(tmp_path / "text.jsonl", rows)
    by_reference = _write_rows(tmp_path / "ref.jsonl", [
        {k: v for k, v in {**r, "length": len(r["text"])}.items() if k != "text"} for r in rows
    ])
    outputs = [CliRunner().invoke(main, ["eval", str(g), "--sources", str(seeds_dir)]) for g in (with_text, by_reference)]
    assert [o.exit_code for o in outputs] == [0, 0], outputs[1].output
    assert outputs[0].output == outputs[1].output
    assert outputs[1].output.startswith(f"4 of 4 rows recognized {IN_DOCUMENT}\n")


@pytest.mark.parametrize("row, message", [
    ({"id": "a", "source": "missing.txt", "offset": 0, "length": 5},
     "line 1: its source missing.txt is not found or too short"),
    ({"id": "b", "source": "SEED", "offset": 10**7, "length": 5}, "line 1: its source SEED is not found or too short"),
    ({"id": "c", "source": "SEED", "offset": 0}, 'line 1 needs a "text" string, or a "source" with its "offset" and "length"'),
    ({"id": "d", "source": "SEED", "offset": 0, "length": -1}, 'line 1 needs a "text" string, or a "source"'),
])
def test_eval_run_rows_kept_by_reference_that_cannot_be_read_fail_naming_file_and_line(row, message, seeds_dir, tmp_path):
    seed = next(seeds_dir.glob("003_*.txt")).name
    row = {k: (seed if v == "SEED" else v) for k, v in row.items()}
    message = message.replace("SEED", seed)
    gold = _write_rows(tmp_path / "gold.jsonl", [{**row, "entities": []}])
    for command in (["eval", str(gold)], ["extract", str(gold), "-o", str(tmp_path / "out.jsonl")]):
        result = CliRunner().invoke(main, [*command, "--sources", str(seeds_dir)])
        assert result.exit_code != 0 and result.exception is None or isinstance(result.exception, SystemExit)
        assert f"{gold}: {message}" in result.output
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.skipif(not DEV_GOLD.is_file(), reason=f"the shared corpus and its gold ({DEV_GOLD}) are not on this machine")
def test_eval_run_dev_passages_are_found_in_the_corpus():
    rows = []
    with DEV_GOLD.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["source"] in ("0224.txt", "0023.txt") and len(rows) < 4:
                rows.append(row)
    assert rows
    recognizer = PassageRecognizer(source_dirs([], DEV_GOLD))
    assert all(recognizer.recognize(row).path == IN_DOCUMENT for row in rows)
