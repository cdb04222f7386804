"""What `kg build` makes of the inputs users give it: unreadable files and folders, other file
types, copies, files of one name, and documents longer than spaCy takes in one piece."""

from __future__ import annotations

import os
import subprocess
import sys

from kg.cli import EXIT_OK, EXIT_SOME_INPUTS_FAILED
from kg.outputs.store import open_store

from conftest import ROOT, SEEDS


_POL = "https://w3id.org/kg-policy/ontology#"
_DCTERMS = "http://purl.org/dc/terms/"


def _select(out, query: str) -> list[tuple]:
    """A SELECT over the build's store, every named graph as one; rows of Python values."""
    rows = open_store(out / "store").query(query, use_default_graph_as_union=True)
    return [tuple(int(t.value) if t.value.isdigit() else t.value for t in row) for row in rows]


def _documents(out) -> dict[str, str]:
    """dcterms:identifier -> IRI of every pol:Document."""
    rows = _select(out, f"SELECT ?id ?d WHERE {{ ?d a <{_POL}Document> ; <{_DCTERMS}identifier> ?id }}")
    return dict(rows)


def _mentions(out, identifier_prefix: str = "") -> list[tuple[int, int, str]]:
    """(start, end, text) of every mention in the documents whose identifier starts so."""
    return sorted(_select(out, f"""SELECT ?start ?end ?text WHERE {{
        ?m a <{_POL}Mention> ; <{_POL}start> ?start ; <{_POL}end> ?end ; <{_POL}text> ?text ; <{_POL}inDocument> ?d .
        ?d <{_DCTERMS}identifier> ?id FILTER(STRSTARTS(?id, "{identifier_prefix}")) }}"""))


def test_build_names_an_unreadable_subfolder_and_exits_1(messy_build):
    assert messy_build.run.returncode == EXIT_SOME_INPUTS_FAILED, messy_build.run.stderr
    assert f"kg: error: {messy_build.src / 'locked'}: folder cannot be read (Permission denied)" in messy_build.run.stderr


def test_build_names_an_unreadable_file_given_by_name_and_builds_the_others(messy_build):
    stderr = messy_build.run.stderr
    assert "Usage:" not in stderr
    assert f"kg: error: {messy_build.unreadable}: cannot be read (Permission denied)" in stderr
    assert (messy_build.out / "graph.trig").is_file()


def test_build_lists_what_it_skips_once_with_the_reason(messy_build):
    src = messy_build.src
    skipped = sorted(line for line in messy_build.run.stderr.splitlines() if line.startswith("kg: skipped "))
    assert skipped == [
        f"kg: skipped {src / 'gone.txt'}: broken symbolic link",
        f"kg: skipped {src / 'notes.docx'}: unsupported file type .docx; expected one of .txt, .md, .html, .htm",
        f"kg: skipped {src / 'report.txt'}: same content as {src / 'copy.txt'}, built once",
    ]


def test_build_counts_each_content_once_and_gives_each_file_its_own_iri(messy_build):
    """copy.txt and report.txt (given by name too, besides its folder) have one content: one
    document, named for the first found. other/report.txt, of the same name as report.txt, is
    another. The count printed is the graph's."""
    documents = _documents(messy_build.out)
    assert sorted(name.rsplit("-", 1)[0] for name in documents) == ["copy", "report"]
    assert len(set(documents.values())) == 2
    assert "2 documents: 2 built, 0 reused, 2 failed, 3 files skipped" in messy_build.run.stdout


def test_build_long_document_in_pieces_with_exact_offsets(tmp_path):
    """A document over spaCy's 1,000,000 characters builds, and the mentions past that mark
    point at their own text in the source (tests/test_extract_pieces.py checks them against one
    pass). The filler is lines of spaces, which the pipeline goes through quickly, so the test
    stays short."""
    seed = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    filler = (" " * 99 + "\n") * 10_000
    text = seed + filler + seed
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(source), "--out", str(tmp_path / "out"), "-j", "1", "-q"],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert run.returncode == EXIT_OK, run.stderr
    spans = _mentions(tmp_path / "out")
    assert all(text[start:end] == written for start, end, written in spans)
    shift = len(seed) + len(filler)
    late = [written for start, _, written in spans if start >= shift]
    assert shift > 1_000_000 and len(late) > 100 and "城市大脑" in late
