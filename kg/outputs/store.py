"""The graph as an on-disk Oxigraph store, ``OUT/store/``, which ``kg query`` opens instead of
parsing ``graph.trig`` on every call.

``write_store`` bulk-loads the quads (a file, or N-Quads text handed over in chunks) into a
temporary sibling folder and swaps it in by rename, so readers see the previous store or the
new one, never half of one, and a failed write leaves the previous store as it was
(``build_store`` and ``updated_store`` write one without the swap, for ``kg build``, which puts
it in place with its other outputs). The folder is a plain Oxigraph (RocksDB) store — ``oxigraph serve-read-only --location OUT/store``
serves it — plus ``kg-store.json``, written last, which marks it as complete and counts its
quads. ``current_store`` says whether a store may stand for a graph file: it must be at least
as new as the file. Only pyoxigraph is imported here, so ``kg query`` stays light.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

import pyoxigraph as ox

from kg.errors import InputError, OutputError
from kg.resources.atomic import put_in_place
from kg.resources.atomic import umask

STORE_DIR = "store"
MANIFEST = "kg-store.json"
STORE_VERSION = 1
# The build's own graph files: a store beside one of these stands for it.
GRAPH_FILES = ("graph.trig", "graph.ttl")

_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
            ".ttl": ox.RdfFormat.TURTLE}
_TMP_PREFIX = ".store.tmp-"
_OLD_PREFIX = ".store.old-"

Chunk = Union[bytes, bytearray, memoryview, str]
QuadsSource = Union[str, os.PathLike, Chunk, Iterable[Chunk]]


@dataclass(frozen=True)
class StoreInfo:
    path: Path
    quads: int
    graphs: int


def write_store(quads_source: QuadsSource, out_dir: str | os.PathLike, *, format: Optional[ox.RdfFormat] = None,
                digests: Optional[dict[str, str]] = None) -> StoreInfo:
    """Build ``out_dir/store/`` from ``quads_source`` and swap it in atomically.

    ``quads_source`` is a file path (``.nq``, ``.trig``, ``.nt``, ``.ttl``; ``str`` or
    ``PathLike``), or RDF text: ``bytes``, or an iterable of ``bytes``/``str`` chunks read as one
    stream (chunks need not end at line ends), N-Quads unless ``format`` says otherwise (TriG
    chunks must carry their prefixes in the stream). The iterable is consumed once, lazily, so a
    generator can hand over one document's graph at a time. Quads repeated across chunks are
    stored once. An exception from the source, a syntax error (``OutputError``) or a disk
    error (``OutputError``) leaves the previous store intact and no temporary folder behind.
    ``digests`` (named graph IRI → digest of its content) are kept in the manifest, for
    ``update_store`` to tell which graphs a later build changed.
    """
    out = Path(out_dir)
    return _made_and_swapped_in(out, lambda tmp: build_store(quads_source, tmp, format=format, digests=digests,
                                                             shown=out / STORE_DIR))


def build_store(quads_source: QuadsSource, folder: str | os.PathLike, *, format: Optional[ox.RdfFormat] = None,
                digests: Optional[dict[str, str]] = None, shown: Optional[Path] = None) -> StoreInfo:
    """A complete store at ``folder`` (a new or empty folder), put nowhere else: ``write_store``
    without the swap, for a build that puts all its outputs in place together. Errors name
    ``shown`` (where the store is meant to go), else ``folder``."""
    folder, shown = Path(folder), shown or Path(folder)
    try:
        folder.mkdir(exist_ok=True)
        os.chmod(folder, 0o777 & ~umask())  # mkdtemp makes 0700; outputs are for sharing
        return _fill(folder, quads_source, format, digests)
    except SyntaxError as err:
        raise OutputError(f"{shown}: the quads are not valid RDF ({err})") from None
    except OSError as err:
        raise OutputError(f"{shown}: cannot write ({err.strerror or err})") from None


def open_store(path: str | os.PathLike) -> ox.Store:
    """The store at ``path`` (``OUT/store``), opened read-only: any number of processes may read
    it at once, and nothing in the folder is written. ``InputError`` when it is not a complete
    kg store."""
    path = Path(path)
    if not (path / MANIFEST).is_file():
        raise InputError(str(path), f"not a kg store (no {MANIFEST}); run `kg build` to write one")
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise InputError(str(path), f"cannot open the store ({err})") from None


def store_info(path: str | os.PathLike) -> Optional[StoreInfo]:
    """What the manifest of the store at ``path`` says, or None when it is not a complete store."""
    path = Path(path)
    try:
        data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        return StoreInfo(path, int(data["quads"]), int(data["graphs"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def current_store(graph_file: str | os.PathLike) -> Optional[Path]:
    """The store that may answer for ``graph_file`` instead of loading it: ``store/`` beside a
    build's ``graph.trig`` or ``graph.ttl``, complete, and at least as new as the file (or the
    file is gone). None otherwise: the file must be loaded."""
    graph_file = Path(graph_file)
    if graph_file.name not in GRAPH_FILES:
        return None
    folder = graph_file.parent / STORE_DIR
    try:
        stamp = (folder / MANIFEST).stat().st_mtime_ns
    except OSError:
        return None
    try:
        if graph_file.stat().st_mtime_ns > stamp:
            return None  # stale: the graph was written after the store
    except FileNotFoundError:
        pass
    return folder


def mark_store_current(out_dir: str | os.PathLike) -> None:
    """Stamp ``out_dir/store`` as at least as new as the graph files beside it, for a build that
    puts its graph files in place after writing the store from the same quads."""
    out = Path(out_dir)
    stamp = time.time_ns()
    for name in GRAPH_FILES:
        try:
            stamp = max(stamp, (out / name).stat().st_mtime_ns)
        except FileNotFoundError:
            pass
    try:
        os.utime(out / STORE_DIR / MANIFEST, ns=(stamp, stamp))
    except OSError as err:
        raise OutputError(f"{out / STORE_DIR}: cannot write ({err.strerror or err})") from None


def _fill(folder: Path, source: QuadsSource, fmt: Optional[ox.RdfFormat], digests: Optional[dict[str, str]]) -> StoreInfo:
    store = ox.Store(str(folder))
    try:
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            fmt = fmt or _FORMATS.get(path.suffix.lower())
            if fmt is None:
                raise InputError(str(path), f"unknown RDF file type {path.suffix}; use one of {', '.join(_FORMATS)}")
            if not path.is_file():
                raise InputError(str(path), "no such graph file")
            store.bulk_load(path=str(path), format=fmt)
        else:
            chunks = [source] if isinstance(source, (bytes, bytearray, memoryview)) else source
            store.bulk_load(io.BufferedReader(_ChunkReader(chunks), 1 << 20), format=fmt or ox.RdfFormat.N_QUADS)
        store.optimize()
        quads = len(store)
        graphs = sum(1 for _ in store.named_graphs())
        store.flush()
    finally:
        del store  # closes the database before its folder is renamed
    _write_manifest(folder, quads, graphs, digests)
    return StoreInfo(folder, quads, graphs)


def _write_manifest(folder: Path, quads: int, graphs: int, digests: Optional[dict[str, str]]) -> None:
    manifest = {"kg-store": STORE_VERSION, "quads": quads, "graphs": graphs}
    if digests is not None:
        manifest["digests"] = dict(sorted(digests.items()))
    (folder / MANIFEST).write_text(json.dumps(manifest, sort_keys=True) + "\n", encoding="utf-8")


def graph_digests(out_dir: str | os.PathLike) -> dict[str, str]:
    """The digest of each named graph of ``out_dir/store`` as its build recorded them; empty when
    there is no complete store or it recorded none."""
    return _recorded_digests(Path(out_dir) / STORE_DIR)


def _recorded_digests(store_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((store_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    digests = data.get("digests") if isinstance(data, dict) else None
    return dict(digests) if isinstance(digests, dict) else {}


def update_store(out_dir: str | os.PathLike, digests: dict[str, str], changed: dict[str, str],
                 was: Optional[dict[str, str]] = None) -> StoreInfo:
    """Bring ``out_dir/store`` to the named graphs ``digests`` lists, in a copy that is swapped in
    whole, as ``write_store`` does: readers see the old or the new one (``updated_store`` says
    how). Much faster than loading every quad again when a few documents of many changed."""
    out = Path(out_dir)
    return _made_and_swapped_in(out, lambda tmp: updated_store(out / STORE_DIR, tmp, digests, changed, was))


def _made_and_swapped_in(out: Path, make: Callable[[Path], StoreInfo]) -> StoreInfo:
    """``make`` a store in a temporary folder beside ``out/store`` and swap it in; on any error
    (Ctrl-C too) the temporary folder goes and the previous store stays."""
    tmp = _temporary(out)
    try:
        info = make(tmp)
        _swap_in(tmp, out / STORE_DIR)
    except BaseException as err:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(err, OSError):
            raise OutputError(f"{out / STORE_DIR}: cannot write ({err.strerror or err})") from None
        raise
    return StoreInfo(out / STORE_DIR, info.quads, info.graphs)


def updated_store(store_dir: str | os.PathLike, folder: str | os.PathLike, digests: dict[str, str],
                  changed: dict[str, str], was: Optional[dict[str, str]] = None) -> StoreInfo:
    """A copy of the store at ``store_dir``, made at ``folder`` (a path not yet there) and brought
    to the named graphs ``digests`` lists; ``store_dir`` is only read. Only the graphs whose digest
    differs from the store's are rewritten: ``changed`` holds their N-Triples text by graph IRI (a
    graph in ``digests`` whose digest is the store's need not be there). ``was`` may hold a changed
    graph's previous text, when it matches the store's digest: only the lines that differ are
    then removed and added (the entities graph changes by a few lines when a document is added,
    and replacing its 200,000 quads whole takes seconds). Errors name ``store_dir``."""
    store_dir, folder = Path(store_dir), Path(folder)
    previous = _recorded_digests(store_dir)
    if not previous:
        raise OutputError(f"{store_dir}: no store with graph digests to update")
    try:
        shutil.copytree(store_dir, folder)
        store = ox.Store(str(folder))
        try:
            quads = []
            for graph in sorted(set(previous) | set(digests)):
                if previous.get(graph) == digests.get(graph):
                    continue
                old = (was or {}).get(graph)
                if graph in digests and old is not None and _digest(old) == previous.get(graph):
                    gone, new = _line_diff(old, changed[graph])
                    for quad in _quads(gone, graph):
                        store.remove(quad)
                    quads.extend(_nquads(new, graph))
                    continue
                if graph in previous:
                    store.remove_graph(ox.NamedNode(graph))
                if graph in digests:
                    quads.extend(_nquads(changed[graph].split("\n"), graph))
            if quads:
                store.bulk_load("".join(quads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            store.flush()
            quads = len(store)
            graphs = sum(1 for _ in store.named_graphs())
        finally:
            del store
        _write_manifest(folder, quads, graphs, digests)
    except OSError as err:
        raise OutputError(f"{store_dir}: cannot write ({err.strerror or err})") from None
    return StoreInfo(folder, quads, graphs)


def _temporary(out: Path) -> Path:
    """A fresh path beside ``out/store`` for a store being written (not created yet)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        _sweep(out)
        tmp = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=out))
        os.rmdir(tmp)
    except OSError as err:
        raise OutputError(f"{out / STORE_DIR}: cannot write ({err.strerror or err})") from None
    return tmp


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _line_diff(old: str, new: str) -> tuple[list[str], list[str]]:
    before, after = set(old.split("\n")) - {""}, set(new.split("\n")) - {""}
    return sorted(before - after), sorted(after - before)


def _nquads(lines: Iterable[str], graph: str) -> list[str]:
    # N-Triples lines end " .": the graph goes before the full stop.
    return [f"{line[:-2]} <{graph}> .\n" for line in lines if line]


def _quads(lines: list[str], graph: str) -> list[ox.Quad]:
    if not lines:
        return []
    return list(ox.parse("".join(_nquads(lines, graph)).encode("utf-8"), format=ox.RdfFormat.N_QUADS))


class _ChunkReader(io.RawIOBase):
    """An iterable of byte (or text) chunks as a readable binary stream."""

    def __init__(self, chunks: Iterable[Chunk]) -> None:
        self._chunks = iter(chunks)
        self._buffer = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer:
            try:
                chunk = next(self._chunks)
            except StopIteration:
                return 0
            self._buffer = memoryview(chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk))
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def _swap_in(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` (``put_in_place``) and remove the previous store."""
    old = Path(tempfile.mkdtemp(prefix=_OLD_PREFIX, dir=target.parent))
    os.rmdir(old)
    put_in_place(new, target, old)
    # The previous store is now at ``new`` (exchanged) or at ``old`` (renamed aside), if any.
    shutil.rmtree(new, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def _sweep(out: Path) -> None:
    """Temporary folders a killed write left behind."""
    for leftover in out.iterdir():
        if leftover.name.startswith((_TMP_PREFIX, _OLD_PREFIX)) and leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)

