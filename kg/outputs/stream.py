"""The build's graph files written a named graph at a time, never holding the corpus in memory.

Each document's graph arrives as sorted N-Triples lines (made in its worker); the entities graph
likewise. ``graph.trig`` is their blocks in graph-IRI order, ``graph.ttl`` the union of their
triples (N-Triples is Turtle), each triple once. Both are written into the build's staging
folder (``kg.outputs.staging``), which puts them in place with the store and page beside them
only when all are written, so a build that fails midway leaves the previous outputs as they were.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable

from kg.errors import OutputError
from kg.graph.lines import split_lines
from kg.graph.namespace import PREFIXES

_TYPE = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "



@dataclass
class GraphFiles:
    """``graph.trig`` and ``graph.ttl`` being written into ``folder`` (a staging folder); errors
    name them as in ``shown``, where they are meant to go."""

    folder: Path
    shown: Path
    triples: int = 0
    class_counts: Counter = field(default_factory=Counter)
    _files: dict[str, IO[bytes]] = field(default_factory=dict)
    _shared: set[bytes] = field(default_factory=set)

    def __post_init__(self) -> None:
        for name in ("graph.trig", "graph.ttl"):
            try:
                self._files[name] = open(self.folder / name, "wb")
            except OSError as err:
                self.abandon()
                raise self._error(name, err) from None

    def add_graph(self, graph_iri: str, lines: str, local: str) -> str:
        """One named graph, its N-Triples ``lines`` sorted; triples whose subject starts with
        ``local`` (a document's own parts) belong to this graph alone, the others (an entity's
        ``mentionedIn``, a relation) may recur in other graphs and reach graph.ttl once. The
        digest of the graph's lines."""
        data = lines.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if not lines:
            return digest
        kept = []
        for line in split_lines(lines):
            if not line.startswith(local):
                key = hashlib.blake2b(line.encode("utf-8"), digest_size=16).digest()
                if key in self._shared:
                    continue
                self._shared.add(key)
            kept.append(line)
            if _TYPE in line:
                self.class_counts[_short(line.rsplit(" ", 2)[-2])] += 1
        self._write("graph.trig", f"<{graph_iri}> {{\n".encode("utf-8") + data + b"}\n\n")
        self._write("graph.ttl", "".join(kept).encode("utf-8"))
        self.triples += len(kept)
        return digest

    def _write(self, name: str, data: bytes) -> None:
        try:
            self._files[name].write(data)
        except OSError as err:
            self.abandon()
            raise self._error(name, err) from None

    def abandon(self) -> None:
        """Close both files after a failed write; what they hold is thrown away with the folder."""
        try:
            self.close()
        except OutputError:
            pass

    def _error(self, name: str, err: OSError) -> OutputError:
        return OutputError(f"{self.shown / name}: cannot write ({err.strerror or err})")

    def path(self, name: str) -> Path:
        return self.folder / name

    def close(self) -> None:
        """Flush and close both files (a full disk may only show here)."""
        failed = None
        for name, handle in self._files.items():
            try:
                handle.close()  # closed even when its last flush fails
            except OSError as err:
                failed = failed or self._error(name, err)
        if failed is not None:
            raise failed


def _short(iri: str) -> str:
    """``<https://w3id.org/kg-policy/ontology#Mention>`` → ``pol:Mention``."""
    iri = iri.strip("<>")
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def sorted_lines(lines: Iterable[str]) -> str:
    return "".join(sorted(set(lines)))
