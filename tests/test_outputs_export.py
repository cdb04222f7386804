"""`kg export`: every format reads back as the built graph, the same graph gives the same bytes
(whatever order it was read in), and -o writes a file whole or not at all."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.cli import EXIT_NO_INPUT, EXIT_OUTPUT, main
from kg.errors import InputError
from kg.outputs.export import export
from kg.outputs.rdf import to_trig

FORMATS = ["turtle", "trig", "nt", "nq", "jsonld"]
TRIPLE_FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}
QUAD_FORMATS = {"trig": "trig", "nq": "nquads"}


@pytest.fixture(scope="module")
def reference(seed_build):
    """What the build wrote, read by rdflib alone: graph.ttl's triples and graph.trig's named graphs."""
    union = set(Graph().parse(seed_build / "graph.ttl", format="turtle"))
    named, default = _named_graphs((seed_build / "graph.trig").read_bytes(), "trig")
    assert default == set()
    # Without blank nodes, two graphs are isomorphic exactly when their triple sets are equal.
    assert not any(isinstance(term, BNode) for triple in union for term in triple)
    return union, named


@pytest.fixture(scope="module")
def exported(seed_build):
    """export(graph.trig, fmt), once per format for the module."""
    cache: dict[str, bytes] = {}

    def get(fmt: str) -> bytes:
        if fmt not in cache:
            cache[fmt] = export(seed_build / "graph.trig", fmt)
        return cache[fmt]

    return get


# Every namespace the seed's predicates use must be declared: to_trig keeps only those it is given.
PREFIXES = [
    ("dcterms", "http://purl.org/dc/terms/"),
    ("kgid", "https://w3id.org/kg-policy/id/"),
    ("pol", "https://w3id.org/kg-policy/ontology#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
]


@pytest.fixture(scope="module")
def sample(reference, tmp_path_factory):
    """A slice of the seed graph (the first 40 subjects of each named graph, whole) as kg writes
    TriG, and the same graphs written in shuffled order (graphs, and lines within them): small
    enough to export often, and a second reading order, which must not change a byte of output."""
    _, named = reference
    folder = tmp_path_factory.mktemp("sample")
    dataset = Dataset()
    for iri, triples in named.items():
        keep = set(sorted({s for s, _, _ in triples})[:40])
        graph = dataset.graph(URIRef(iri))
        for triple in triples:
            if triple[0] in keep:
                graph.add(triple)
    trig = folder / "sample.trig"
    trig.write_bytes(to_trig(dataset, PREFIXES))
    shuffle = random.Random(7).shuffle
    blocks = []
    for graph in dataset.graphs():
        lines = [line for line in graph.serialize(format="nt").split("\n") if line.strip()]
        if lines:
            shuffle(lines)  # N-Triples lines are TriG too
            blocks.append(f"<{graph.identifier}> {{\n" + "\n".join(lines) + "\n}\n")
    shuffle(blocks)
    shuffled = folder / "shuffled.trig"
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in reversed(PREFIXES))
    shuffled.write_text(head + "\n".join(blocks), encoding="utf-8")
    return trig, shuffled


def _named_graphs(data: bytes, fmt: str) -> tuple[dict[str, set], set]:
    dataset = Dataset()
    dataset.parse(data=data, format=fmt)
    named, default = {}, set()
    for graph in dataset.graphs():
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            default = set(graph)
        elif len(graph):
            named[str(graph.identifier)] = set(graph)
    return named, default


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_export_union_formats_read_back_as_graph_ttl(fmt, exported, reference):
    union, _ = reference
    graph = Graph().parse(data=exported(fmt), format=TRIPLE_FORMATS[fmt])
    assert len(graph) == len(union)
    assert set(graph) == union


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_export_dataset_formats_keep_the_named_graphs(fmt, exported, reference):
    union, named = reference
    got, default = _named_graphs(exported(fmt), QUAD_FORMATS[fmt])
    assert default == set()
    assert sorted(got) == sorted(named)
    assert len(got) == 7 and any(iri.endswith("/graph/entities/seeds") for iri in got)
    for iri, triples in named.items():
        assert got[iri] == triples, iri
    assert set().union(*got.values()) == union


def test_export_turtle_is_graph_ttl_with_prefixes(exported, seed_build):
    from rdflib.compare import isomorphic

    turtle = exported("turtle")
    assert turtle.startswith(b"@prefix ") and b"pol:Document" in turtle  # graph.ttl names no prefixes
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), Graph().parse(seed_build / "graph.ttl"))


@pytest.mark.parametrize("fmt", ["nt", "nq"])
def test_export_line_formats_are_sorted_one_statement_a_line(fmt, exported):
    lines = exported(fmt).decode("utf-8").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines))
    assert all(line.endswith(" .") for line in lines)
    if fmt == "nq":
        assert all(line.split(" ")[-2].startswith("<https://w3id.org/kg-policy/id/graph/") for line in lines)


def test_export_jsonld_is_compact_and_sorted(exported):
    document = json.loads(exported("jsonld"))
    assert document["@context"]["pol"] == "https://w3id.org/kg-policy/ontology#"
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)
    district = next(n for n in document["@graph"] if n["@id"] == "https://w3id.org/kg-policy/id/district/330102")
    assert district["@type"] == "pol:District"
    labels = district["skos:prefLabel"]
    assert {"@language": "zh", "@value": "上城区"} in (labels if isinstance(labels, list) else [labels])


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_gives_the_same_bytes_whatever_order_the_graph_was_read_in(fmt, sample):
    trig, shuffled = sample
    assert trig.read_bytes() != shuffled.read_bytes()
    first = export(trig, fmt)
    assert export(trig, fmt) == first
    assert export(shuffled, fmt) == first


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_cli_writes_the_same_bytes_to_a_file(fmt, sample, tmp_path):
    """-o writes exactly what export() returns, creates folders, and leaves no temporary file."""
    trig, _ = sample
    out = tmp_path / "sub" / f"graph.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--graph", str(trig), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_bytes() == export(trig, fmt)
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_export_cli_writes_to_standard_output_by_default(sample):
    trig, _ = sample
    result = CliRunner().invoke(main, ["export", "--format", "nt", "--graph", str(trig)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == export(trig, "nt")
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_cli_says_how_many_triples_it_wrote_where(fmt, sample, tmp_path):
    trig, _ = sample
    out = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--graph", str(trig), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    if fmt in QUAD_FORMATS:
        named, default = _named_graphs(out.read_bytes(), QUAD_FORMATS[fmt])
        count = sum(len(triples) for triples in named.values()) + len(default)
        said = f"kg: wrote {count} triples in {len(named)} named graphs to {out}\n"
    else:
        count = len(Graph().parse(data=out.read_bytes(), format=TRIPLE_FORMATS[fmt]))
        said = f"kg: wrote {count} triples to {out}\n"
    assert count > 0
    assert result.stderr == said


def test_export_cli_reads_out_graph_trig_in_turtle_by_default(sample, tmp_path, monkeypatch):
    trig, _ = sample
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.trig").write_bytes(trig.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "-o", "graph.ttl"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.ttl").read_bytes() == export(trig, "turtle")


def test_export_cli_replaces_an_existing_file_whole(sample, tmp_path):
    trig, _ = sample
    out = tmp_path / "graph.nt"
    out.write_text("old contents\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "nt", "--graph", str(trig), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == export(trig, "nt")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_export_missing_source_is_an_input_error_and_leaves_the_output_alone(tmp_path):
    with pytest.raises(InputError, match="no such graph file"):
        export(tmp_path / "nope.trig", "turtle")
    out = tmp_path / "keep.ttl"
    out.write_text("keep me\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--graph", str(tmp_path / "nope.trig"), "-o", str(out)])
    assert result.exit_code == EXIT_NO_INPUT
    assert "nope.trig" in result.stderr and "kg build" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize("name", ["broken.trig", "broken.ttl", "broken.nq"])
def test_export_unreadable_source_is_an_input_error(name, tmp_path):
    bad = tmp_path / name
    bad.write_text("<https://example.org/a> <https://example.org/b> {{ not rdf\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable RDF file"):
        export(bad, "nt")
    result = CliRunner().invoke(main, ["export", "--graph", str(bad)])
    assert result.exit_code == EXIT_NO_INPUT
    assert name in result.stderr


def test_export_to_an_unwritable_place_is_an_output_error(sample, tmp_path):
    trig, _ = sample
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "nt", "--graph", str(trig), "-o", str(blocker / "graph.nt")])
    assert result.exit_code == EXIT_OUTPUT
    assert "cannot write" in result.stderr


def test_export_of_a_turtle_source_puts_everything_in_the_default_graph(sample, tmp_path):
    trig, _ = sample
    ttl = tmp_path / "sample.ttl"
    ttl.write_bytes(export(trig, "turtle"))
    union = set(Graph().parse(ttl, format="turtle"))
    for fmt, rdflib_format in QUAD_FORMATS.items():
        named, default = _named_graphs(export(ttl, fmt), rdflib_format)
        assert named == {}, fmt
        assert default == union, fmt


def test_export_keeps_named_and_default_graphs_of_a_mixed_file(tmp_path):
    src = tmp_path / "mixed.nq"
    src.write_text(
        '<http://ex.org/a> <http://ex.org/p> "x" .\n'
        '<http://ex.org/b> <http://ex.org/p> "y"@zh <http://ex.org/g1> .\n'
        '<http://ex.org/c> <http://ex.org/q> <http://ex.org/d> <http://ex.org/g2> .\n',
        encoding="utf-8",
    )
    for fmt, rdflib_format in QUAD_FORMATS.items():
        named, default = _named_graphs(export(src, fmt), rdflib_format)
        assert sorted(named) == ["http://ex.org/g1", "http://ex.org/g2"], fmt
        assert default == {(URIRef("http://ex.org/a"), URIRef("http://ex.org/p"), Literal("x"))}, fmt
    assert len(Graph().parse(data=export(src, "turtle"), format="turtle")) == 3


def test_export_keeps_literals_with_line_and_page_separators(tmp_path):
    """Characters str.splitlines() would break a line at stay inside their literal."""
    text = "a\u2028b\x0cc\x1cd\x85e\nf\r\ng\"h\\\\i"
    src = tmp_path / "odd.nq"
    graph_iri = "http://ex.org/g"
    dataset = Dataset()
    dataset.graph(URIRef(graph_iri)).add((URIRef("http://ex.org/s"), URIRef("http://ex.org/p"), Literal(text, lang="zh")))
    src.write_bytes(dataset.serialize(format="nquads", encoding="utf-8"))
    for fmt in FORMATS:
        data = export(src, fmt)
        if fmt in QUAD_FORMATS:
            named, _ = _named_graphs(data, QUAD_FORMATS[fmt])
            objects = {o for _, _, o in named[graph_iri]}
        else:
            objects = set(Graph().parse(data=data, format=TRIPLE_FORMATS[fmt]).objects())
        assert objects == {Literal(text, lang="zh")}, fmt


def test_outputs_trig_names_every_namespace_it_uses():
    from rdflib import Dataset, Literal, URIRef

    from kg.outputs.rdf import to_trig

    dataset = Dataset()
    graph = dataset.graph(URIRef("http://example.org/g"))
    graph.add((URIRef("http://example.org/s"), URIRef("http://other.example/vocab#p"), Literal("一\n\n二")))
    again = Dataset().parse(data=to_trig(dataset, []).decode("utf-8"), format="trig")
    assert set(again.quads()) == set(dataset.quads())
