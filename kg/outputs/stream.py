"""The build's graph files written a named graph at a time, never holding the corpus in memory.

Each document's graph arrives as sorted N-Triples lines (made in its worker); the entities graph
likewise. ``graph.trig`` is their blocks in graph-IRI order, ``graph.ttl`` the union of their
triples (N-Triples is Turtle), each triple once. Both files are written to temporary names in
the output folder and only renamed into place by ``GraphFiles.commit``, with the store and page
beside them, so a build that fails midway leaves the previous outputs as they were.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable

from kg.errors import OutputError
from kg.graph.lines import split_lines
from kg.graph.namespace import PREFIXES
from kg.resources.atomic import umask

_TYPE = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "



@dataclass
class GraphFiles:
    """Temporary ``graph.trig`` and ``graph.ttl`` being written into ``out``."""

    out: Path
    triples: int = 0
    class_counts: Counter = field(default_factory=Counter)
    _files: dict[str, tuple[Path, IO[bytes]]] = field(default_factory=dict)
    _shared: set[bytes] = field(default_factory=set)

    def __post_init__(self) -> None:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            for name in ("graph.trig", "graph.ttl"):
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=self.out)
                os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600; outputs are for sharing
                self._files[name] = (Path(tmp), os.fdopen(fd, "wb"))
        except OSError as err:
            self.discard()
            raise OutputError(f"{self.out}: cannot write ({err.strerror})") from None

    def add_graph(self, graph_iri: str, lines: str, local: str) -> str:
        """One named graph, its N-Triples ``lines`` sorted; triples whose subject starts with
        ``local`` (a document's own parts) belong to this graph alone, the others (an entity's
        ``mentionedIn``, a relation) may recur in other graphs and reach graph.ttl once. The
        digest of the graph's lines."""
        data = lines.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if not lines:
            return digest
        trig, ttl = self._handle("graph.trig"), self._handle("graph.ttl")
        try:
            trig.write(f"<{graph_iri}> {{\n".encode("utf-8") + data + b"}\n\n")
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
            ttl.write("".join(kept).encode("utf-8"))
            self.triples += len(kept)
        except OSError as err:
            self.discard()
            raise OutputError(f"{self.out}: cannot write ({err.strerror})") from None
        return digest

    def _handle(self, name: str) -> IO[bytes]:
        return self._files[name][1]

    def temporary(self, name: str) -> Path:
        return self._files[name][0]

    def close(self) -> None:
        for _, handle in self._files.values():
            if not handle.closed:
                handle.close()

    def commit(self) -> list[Path]:
        """Rename the finished files into place."""
        self.close()
        written = []
        try:
            for name, (tmp, _) in self._files.items():
                os.replace(tmp, self.out / name)
                written.append(self.out / name)
        except OSError as err:
            self.discard()
            raise OutputError(f"{self.out}: cannot write ({err.strerror})") from None
        self._files.clear()
        return written

    def discard(self) -> None:
        self.close()
        for tmp, _ in self._files.values():
            tmp.unlink(missing_ok=True)
        self._files.clear()


def _short(iri: str) -> str:
    """``<https://w3id.org/kg-policy/ontology#Mention>`` → ``pol:Mention``."""
    iri = iri.strip("<>")
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def sorted_lines(lines: Iterable[str]) -> str:
    return "".join(sorted(set(lines)))
