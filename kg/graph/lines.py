"""Triples written straight to N-Triples lines, for graphs too large to hold as rdflib graphs.

``Lines`` takes ``add((s, p, o))`` like an rdflib ``Graph``, so the functions that describe
entities and co-mentions (``kg.graph.entities``) write to it unchanged, and keeps each triple as
the N-Triples line rdflib's own serializer would write, once.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def term(node: Node) -> str:
    if isinstance(node, Literal):
        text = '"' + str(node).translate(_ESCAPES) + '"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype:
            return f"{text}^^<{node.datatype}>"
        return text
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise ValueError(f"not an IRI or a literal: {node!r}")  # kg's graphs hold no blank nodes


def line(s: Node, p: Node, o: Node) -> str:
    return f"{term(s)} {term(p)} {term(o)} .\n"


class Lines:
    """A set of triples as N-Triples lines, in the order first added, with the triples
    themselves for whoever checks them."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[Node, Node, Node]] = {}

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self._seen.setdefault(line(*triple), triple)

    def __len__(self) -> int:
        return len(self._seen)

    def __iter__(self):
        return iter(self._seen.values())

    def text(self) -> str:
        return "".join(self._seen)

    def sorted_text(self) -> str:
        return "".join(sorted(self._seen))


def split_lines(text: str) -> list[str]:
    """N-Triples text as its lines, each with its "\\n". Only "\\n" ends a line: a literal may
    hold U+2028, U+0085 or a form feed unescaped, where ``str.splitlines`` would cut it."""
    return [part + "\n" for part in text.split("\n") if part]
