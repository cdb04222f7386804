"""The network page as a file: self-contained, escaped, deterministic; `kg viz` and `kg build`
writing it."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import EXIT_NO_INPUT, EXIT_USAGE, main
from kg.outputs.network import DEFAULT_MAX_NODES, Selection, entity_network
from kg.outputs.viz import render_html

DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    """The nodes, edges and page settings, as the page's script reads them."""
    return json.loads(DATA.search(html).group(1))


@pytest.fixture(scope="module")
def seed_html(seed_build) -> str:
    return (seed_build / "graph.html").read_text(encoding="utf-8")


def test_viz_build_writes_the_page(seed_build, seed_graph, seed_html):
    data = page_data(seed_html)
    net = entity_network(seed_graph)
    assert sorted(n["id"] for n in data["nodes"]) == sorted(net.nodes)
    assert len(data["edges"]) == net.number_of_edges()
    assert [d["id"][:3] for d in data["page"]["documents"]] == ["000", "001", "002", "003", "004"]


def test_viz_page_needs_no_network(seed_html):
    assert '<meta charset="utf-8">' in seed_html
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", seed_html, re.I)
    assert "cdn" not in seed_html.lower().replace("cdnjs", "")  # no pyvis CDN template left


def test_viz_nodes_are_styled_by_class_and_sized_by_mentions(seed_html):
    nodes = {n["label"]: n for n in page_data(seed_html)["nodes"]}
    shapes = {n["kind"]: n["shape"] for n in nodes.values()}
    assert shapes == {"District": "diamond", "Program": "dot", "Project": "square", "Organization": "triangle"}
    assert len({n["color"] for n in nodes.values()}) == 4
    assert nodes["杭州市"]["value"] > nodes["西湖大学"]["value"] > 0


def test_viz_tooltip_has_type_names_code_and_documents(seed_html):
    nodes = {n["label"]: n for n in page_data(seed_html)["nodes"]}
    university = nodes["西湖大学"]["title"]
    assert "组织机构" in university and "西湖大學" in university and "2020年杭州市政府工作报告" in university
    assert "330106" in nodes["西湖区"]["title"]


def test_viz_edges_are_labelled_by_relation(seed_html):
    labels = {(e["relation"], e["label"].split(" ")[0]) for e in page_data(seed_html)["edges"]}
    assert labels == {("locatedIn", "位于"), ("implements", "实施"), ("relatedTo", "相关")}


def test_viz_markup_in_names_stays_text(hostile_build):
    html = (hostile_build.out / "graph.html").read_text(encoding="utf-8")
    assert "<" not in DATA.search(html).group(1)
    assert "kgPwned" not in html.replace(DATA.search(html).group(1), "")
    labels = {n["label"] for n in page_data(html)["nodes"]}
    assert hostile_build.name in labels
    sentences = [s for n in page_data(html)["nodes"] for s in n["sentences"]]
    assert any("<img src=x onerror=" in s for s in sentences)


def test_viz_same_graph_same_bytes(seed_graph):
    net = entity_network(seed_graph, Selection(max_nodes=50))
    assert render_html(net) == render_html(entity_network(seed_graph, Selection(max_nodes=50)))


def test_viz_cli_narrows_what_is_drawn(seed_build, tmp_path):
    out = tmp_path / "view.html"
    args = ["viz", str(seed_build / "graph.trig"), "-o", str(out), "--types", "district,org", "--document", "003"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    nodes = page_data(out.read_text(encoding="utf-8"))["nodes"]
    assert {n["kind"] for n in nodes} == {"District", "Organization"}
    assert all(any(d.startswith("003_") for d in n["documents"]) for n in nodes)
    assert f"wrote {out}: {len(nodes)} of " in result.output


def test_viz_cli_default_writes_beside_the_graph(seed_build, tmp_path):
    (tmp_path / "graph.ttl").write_bytes((seed_build / "graph.ttl").read_bytes())
    result = CliRunner().invoke(main, ["viz", str(tmp_path / "graph.ttl"), "--max-nodes", "30"])
    assert result.exit_code == 0, result.output
    assert len(page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))["nodes"]) == 30


@pytest.mark.parametrize("args, code, message", [
    (["--types", "city"], EXIT_USAGE, "unknown entity type 'city'"),
    (["--document", "00"], EXIT_USAGE, "names several documents"),
    (["--document", "999"], EXIT_USAGE, "names no document"),
    (["--max-nodes", "-1"], EXIT_USAGE, "-1"),
])
def test_viz_cli_refuses_a_selection_of_nothing(seed_build, tmp_path, args, code, message):
    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["viz", str(seed_build / "graph.trig"), "-o", str(out), *args])
    assert result.exit_code == code
    assert message in result.output
    assert not out.exists()


def test_viz_cli_missing_graph_is_named(tmp_path):
    result = CliRunner().invoke(main, ["viz", str(tmp_path / "graph.trig")])
    assert result.exit_code == EXIT_NO_INPUT
    assert "graph.trig: no such graph file" in result.output


def test_viz_cli_help_states_the_default_size():
    result = CliRunner().invoke(main, ["viz", "--help"])
    assert f"default {DEFAULT_MAX_NODES}" in " ".join(result.output.split())
