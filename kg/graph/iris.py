"""The one place resource IRIs are minted, so an entity gets the same IRI in every run."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/kg-policy/id/"
DEFAULT_BUILD = "build"  # the build's name when nothing better names it (kg.build names it by its folder)
_LABEL_PATHS = {"DISTRICT": "district", "PROGRAM": "program", "PROJECT": "project", "ORG": "org"}


@lru_cache(maxsize=1 << 16)  # the same names recur in every document and every pair
def _segment(text: str) -> str:
    """Keep letters (Chinese included: IRIs allow them) and ``-._~``; percent-encode the rest."""
    return "".join(ch if ch.isalnum() or ch in "-._~" else quote(ch, safe="") for ch in text)


class Iris:
    """Mint IRIs under ``base``; path segments are percent-encoded so any name gives a valid IRI."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def _mint(self, *segments: str) -> URIRef:
        return URIRef(self.base + "/".join(_segment(s) for s in segments))

    def document(self, doc_id: str) -> URIRef:
        return self._mint("doc", doc_id)

    def document_part(self, doc_id: str, kind: str, start: int, end: int, *detail: str) -> URIRef:
        """A part of a document named by where it is in the source file (code-point offsets):
        ``…/doc/ID/mention/120-123``. Offsets, not a count, so a part keeps its IRI when a rule
        changes what is found elsewhere in the text; ``detail`` tells apart parts of one
        stretch (two relations read from one sentence)."""
        return self._mint("doc", doc_id, kind, f"{start}-{end}", *detail)

    def entity(self, label: str, key: str) -> URIRef:
        """``district/330102`` for a division, ``org/zju`` for a gazetteer entry, and
        ``program/最多跑一次改革`` for a name only the patterns found: readable and stable."""
        _, _, local = key.partition(":")
        return self._mint(_LABEL_PATHS[label], local or key)

    def indicator(self, name: str) -> URIRef:
        return self._mint("indicator", name)

    def co_mention(self, a: str, b: str, build: str) -> URIRef:
        """One node per pair of entities and build, named by a digest of their keys (which may be
        long): its count is the build's own, so two builds in one store keep two counts."""
        digest = hashlib.sha256(f"{a}\n{b}".encode("utf-8")).hexdigest()[:16]
        return self._mint("co-mention", build, digest)

    def document_graph(self, doc_id: str) -> URIRef:
        return self._mint("graph", "doc", doc_id)

    def entities_graph(self, build: str) -> URIRef:
        """A build's own entities graph, so builds pushed into one store do not replace each other's."""
        return self._mint("graph", "entities", build)

    def build(self, build: str) -> URIRef:
        return self._mint("build", build)

    def build_graph(self, build: str) -> URIRef:
        """The graph that lists the build's graphs, for `kg push` to remove those a build dropped."""
        return self._mint("graph", "build", build)
