"""The interactive network page: pyvis nodes and edges rendered through kg's own template.

pyvis's templates fetch Bootstrap (and sometimes vis-network) from a CDN; kg's template inlines
vis-network from the pyvis package and its own script and style, so the page opens with no
network. Every text from the documents reaches the page as JSON in a non-executed script
element (Jinja's ``tojson`` escapes < > & ') and is put on screen with ``textContent`` or as a
vis-network tooltip string (shown with ``innerText``), never parsed as HTML.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network
from rdflib import RDFS, Graph

from kg.errors import OutputError
from kg.graph.namespace import POL
from kg.graph.validate import load_ontology
from kg.outputs.files import write_atomic
from kg.outputs.network import ENTITY_TYPES, RELATIONS, Selection, entity_network

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "network.html"

# Colour and shape per entity class; shapes differ too, so the legend reads without colour.
NODE_STYLE = {
    "District": {"shape": "diamond", "color": "#2f6db5"},
    "Program": {"shape": "dot", "color": "#2e9d57"},
    "Project": {"shape": "square", "color": "#e08a1e"},
    "Organization": {"shape": "triangle", "color": "#8c4fb8"},
}
EDGE_STYLE = {
    "locatedIn": {"color": "#6b7c93", "arrows": "to", "dashes": False},
    "implements": {"color": "#58a06f", "arrows": "to", "dashes": False},
    "relatedTo": {"color": "#c9c9c9", "arrows": "", "dashes": True},
}
TOOLTIP_SENTENCE_CHARS = 60

VIS_OPTIONS = {
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.3},
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 20},
    },
    "layout": {"improvedLayout": False, "randomSeed": 7},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": True},
    "nodes": {
        "font": {"size": 14, "face": "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"},
        # Much-mentioned nodes and their labels are bigger, so the hubs are named even zoomed out.
        "scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 12, "max": 48, "maxVisible": 28, "drawThreshold": 6}},
    },
    "edges": {"font": {"size": 10, "align": "middle", "color": "#555555"}, "smooth": False, "width": 1},
}


def _labels() -> dict[str, dict[str, str]]:
    """Chinese and English labels of the classes and relations, from the ontology."""
    ontology = load_ontology()
    labels = {}
    for name in (*ENTITY_TYPES, *RELATIONS):
        by_lang = {lit.language: str(lit) for lit in ontology.objects(getattr(POL, name), RDFS.label)}
        labels[name] = {"zh": by_lang.get("zh", name), "en": by_lang.get("en", name)}
    return labels


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    """vis-network as pyvis ships it (the newest copy in the package)."""
    lib = resources.files("pyvis") / "templates" / "lib"
    copies = sorted((d for d in lib.iterdir() if d.name.startswith("vis-")),
                    key=lambda d: tuple(int(p) for p in d.name[4:].split(".") if p.isdigit()))
    if not copies:
        raise OutputError("pyvis ships no vis-network; reinstall pyvis")
    script = (copies[-1] / "vis-network.min.js").read_text(encoding="utf-8")
    if "</script" in script.lower():  # it is inlined in a script block
        raise OutputError("vis-network.min.js cannot be inlined: it contains </script")
    return script


def _value(mentions: int) -> float:
    """What vis-network scales node and label size by; the square root keeps the one city a
    report names hundreds of times from dwarfing everything else."""
    return round(math.sqrt(mentions), 2)


def _tooltip(data: dict, labels: dict, titles: dict[str, str]) -> str:
    """Plain text; vis-network shows a string title with innerText."""
    kind = labels[data["kind"]]
    lines = [data["label"], f"{kind['zh']} {kind['en']}"]
    if data["aliases"]:
        lines.append("别名 aliases: " + "、".join(data["aliases"]))
    if "code" in data:
        lines.append(f"区划代码 division code: {data['code']}")
    lines.append(f"提及 mentions: {data['mentions']}")
    for doc_id in data["documents"]:
        lines.append(f"· {titles.get(doc_id) or doc_id}")
    for sentence in data["sentences"][:1]:
        cut = sentence if len(sentence) <= TOOLTIP_SENTENCE_CHARS else sentence[:TOOLTIP_SENTENCE_CHARS] + "…"
        lines.append(f"“{cut}”")
    return "\n".join(lines)


def to_pyvis(net: nx.MultiDiGraph, labels: dict[str, dict[str, str]]) -> Network:
    """The pyvis network of an entity network: styled nodes and labelled edges."""
    titles = {doc["id"]: doc["title"] for doc in net.graph.get("documents", [])}
    view = Network(directed=True, cdn_resources="remote", height="100%", width="100%")
    for node_id, data in sorted(net.nodes(data=True)):
        style = NODE_STYLE[data["kind"]]
        details = {k: data[k] for k in ("iri", "kind", "aliases", "documents", "mentions", "sentences")}
        details.update({k: data[k] for k in ("code", "level", "validUntil") if k in data})
        view.add_node(node_id, label=data["label"], shape=style["shape"], color=style["color"],
                      value=_value(data["mentions"]), title=_tooltip(data, labels, titles), **details)
    edges = sorted(net.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1]))
    for number, (source, target, relation, data) in enumerate(edges):
        style = EDGE_STYLE[relation]
        label = labels[relation]["zh"]
        if relation == "relatedTo":
            label += f" ×{data.get('sentences', 1)}"
        view.add_edge(source, target, id=f"e{number}", relation=relation, label=label,
                      title=f"{labels[relation]['zh']} {labels[relation]['en']}",
                      color=style["color"], arrows=style["arrows"], dashes=style["dashes"])
    return view


def render_html(net: nx.MultiDiGraph, *, title: str = "kg 知识图谱") -> bytes:
    """The whole page as UTF-8 bytes, the same bytes for the same network."""
    labels = _labels()
    view = to_pyvis(net, labels)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    # tojson still escapes < > & ' whatever these say; Chinese stays readable and half the size.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals.update(
        page_title=title,
        vis_js=_vis_network_js(),
        app_js=(TEMPLATES / "network.js").read_text(encoding="utf-8"),
        app_css=(TEMPLATES / "network.css").read_text(encoding="utf-8"),
        page={
            "types": [{"name": t, **labels[t], **NODE_STYLE[t]} for t in ENTITY_TYPES],
            "relations": [{"name": r, **labels[r], **EDGE_STYLE[r]} for r in RELATIONS],
            "documents": net.graph.get("documents", []),
            "entities": net.graph.get("entities", net.number_of_nodes()),
            "options": VIS_OPTIONS,
        },
    )
    view.templateEnv, view.path = env, TEMPLATE
    return view.generate_html(name="graph.html").encode("utf-8")


def write_network_page(graph: Graph, path: str | Path, selection: Selection = Selection()) -> nx.MultiDiGraph:
    """Write the page of ``graph``'s entity network to ``path`` (whole or not at all); the
    network drawn."""
    net = entity_network(graph, selection)
    write_atomic(path, render_html(net))
    return net
