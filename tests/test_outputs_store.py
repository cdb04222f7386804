"""The on-disk store (``OUT/store/``): the quads of graph.trig, written whole or not at all,
opened read-only by many readers at once, and used by `kg query` only while it is current."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError, OutputError
from kg.outputs import store as store_module
from kg.outputs.store import MANIFEST, current_store, mark_store_current, open_store, store_info, write_store
from kg.query.run import open_graph
from kg.resources import atomic

EX = "http://example.org/"
ASK_ONE = f"ASK {{ <{EX}s> <{EX}p> \"one\" }}"
ASK_TWO = f"ASK {{ <{EX}s> <{EX}p> \"two\" }}"


def _nq(value: str, graph: str = "g") -> bytes:
    return f'<{EX}s> <{EX}p> "{value}" <{EX}{graph}> .\n'.encode()


def _trig(value: str, graph: str = "g") -> bytes:
    return f'<{EX}{graph}> {{ <{EX}s> <{EX}p> "{value}" . }}\n'.encode()


def _quads(store: ox.Store) -> set:
    return set(store)


def _file_quads(path: Path) -> set:
    mem = ox.Store()
    mem.load(path=str(path), format=ox.RdfFormat.TRIG)
    return set(mem)


def _ask(folder: Path, query: str) -> bool:
    return bool(open_store(folder / "store").query(query, use_default_graph_as_union=True))


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".store"))


@pytest.fixture(scope="module")
def seed_store(seed_build, tmp_path_factory):
    """A copy of the seed build's graph files with a store written beside them from graph.trig."""
    folder = tmp_path_factory.mktemp("store")
    for name in ("graph.trig", "graph.ttl"):
        shutil.copy2(seed_build / name, folder / name)
    info = write_store(folder / "graph.trig", folder)
    return folder, info


def test_store_holds_exactly_the_quads_of_graph_trig(seed_store):
    folder, info = seed_store
    expected = _file_quads(folder / "graph.trig")
    stored = _quads(open_store(folder / "store"))
    assert stored == expected
    assert info.quads == len(expected) == store_info(folder / "store").quads
    assert info.graphs == len({q.graph_name for q in expected})
    assert not any(isinstance(q.graph_name, ox.DefaultGraph) for q in stored)


def test_store_from_chunks_per_graph_equals_the_file(seed_store, tmp_path):
    # The build hands over one document graph at a time as N-Quads text, then the entities graph;
    # chunks need not end at a line end.
    folder, _ = seed_store
    mem = ox.Store()
    mem.load(path=str(folder / "graph.trig"), format=ox.RdfFormat.TRIG)
    graphs = sorted(mem.named_graphs(), key=lambda g: (g.value.endswith("/entities"), g.value))
    texts = [ox.serialize(mem.quads_for_pattern(None, None, None, g), format=ox.RdfFormat.N_QUADS) for g in graphs]
    assert sum(t.count(b"\n") for t in texts) == len(mem)

    def chunks():
        for text in texts:  # 4 KiB pieces, cut anywhere, even inside a character
            for start in range(0, len(text), 4096):
                yield text[start:start + 4096]

    info = write_store(chunks(), tmp_path)
    assert _quads(open_store(tmp_path / "store")) == set(mem)
    assert info.quads == len(mem)


def test_store_content_is_deterministic(seed_store, tmp_path):
    folder, _ = seed_store
    for name in ("a", "b"):
        write_store(folder / "graph.trig", tmp_path / name)
    assert _quads(open_store(tmp_path / "a" / "store")) == _quads(open_store(tmp_path / "b" / "store"))
    assert (tmp_path / "a" / "store" / MANIFEST).read_bytes() == (tmp_path / "b" / "store" / MANIFEST).read_bytes()


def test_store_keeps_a_quad_repeated_in_the_input_once(tmp_path):
    info = write_store([_nq("one"), _nq("one").decode(), _nq("one", "h")], tmp_path)  # bytes or text
    assert info.quads == 2 and info.graphs == 2
    assert json.loads((tmp_path / "store" / MANIFEST).read_text()) == {"graphs": 2, "kg-store": 1, "quads": 2}


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2-exchange", "two-renames"])
def test_store_rewrite_replaces_the_previous_one(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(atomic, "exchange", lambda a, b: False)
    write_store([_nq("one")], tmp_path)
    write_store([_nq("two")], tmp_path)
    assert _ask(tmp_path, ASK_TWO) and not _ask(tmp_path, ASK_ONE)
    assert _leftovers(tmp_path) == []


def test_store_failed_write_leaves_the_previous_store(tmp_path):
    write_store([_nq("one")], tmp_path)
    before = sorted(os.listdir(tmp_path / "store"))

    def broken():
        yield _nq("two")
        yield _nq("three", "h")
        raise RuntimeError("the build failed part way")

    with pytest.raises(RuntimeError, match="part way"):
        write_store(broken(), tmp_path)
    assert _ask(tmp_path, ASK_ONE) and not _ask(tmp_path, ASK_TWO)
    assert sorted(os.listdir(tmp_path / "store")) == before
    assert _leftovers(tmp_path) == []

    with pytest.raises(OutputError, match="not valid RDF"):
        write_store([_nq("two"), b"<broken"], tmp_path)
    assert _ask(tmp_path, ASK_ONE)
    assert _leftovers(tmp_path) == []


def test_store_failed_swap_leaves_the_previous_store(tmp_path, monkeypatch):
    write_store([_nq("one")], tmp_path)
    monkeypatch.setattr(atomic, "exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(src, dst):
        if Path(src).name.startswith(".store.tmp-"):
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(store_module.os, "rename", rename)
    with pytest.raises(OutputError, match="cannot write"):
        write_store([_nq("two")], tmp_path)
    monkeypatch.undo()
    assert _ask(tmp_path, ASK_ONE)
    assert _leftovers(tmp_path) == []


def test_store_write_sweeps_what_a_killed_write_left(tmp_path):
    (tmp_path / ".store.tmp-dead").mkdir()
    (tmp_path / ".store.tmp-dead" / "000001.sst").write_bytes(b"x")
    write_store([_nq("one")], tmp_path)
    assert _leftovers(tmp_path) == []


def test_store_open_read_only_while_another_process_reads(seed_store):
    folder, info = seed_store
    before = _snapshot(folder / "store")
    reader = textwrap.dedent(
        """
        import sys
        from kg.outputs.store import open_store
        store = open_store(sys.argv[1])
        print(len(store), flush=True)
        sys.stdin.readline()  # hold the store open until told
        print(len(list(store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5"))), flush=True)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", reader, str(folder / "store")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
    try:
        assert proc.stdout.readline().strip() == str(info.quads)
        here = open_store(folder / "store")  # while the other process holds it
        assert len(here) == info.quads
        assert bool(here.query("ASK { ?s a <https://w3id.org/kg-policy/ontology#District> }", use_default_graph_as_union=True))
        out, err = proc.communicate("go\n", timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "5"
    finally:
        if proc.poll() is None:
            proc.kill()
    assert _snapshot(folder / "store") == before  # reading wrote nothing into the folder


def test_store_open_refuses_a_folder_that_is_no_store(tmp_path):
    (tmp_path / "store").mkdir()
    with pytest.raises(InputError, match="not a kg store"):
        open_store(tmp_path / "store")


def test_store_is_current_only_when_at_least_as_new_as_the_graph(tmp_path):
    trig = tmp_path / "graph.trig"
    trig.write_bytes(b"")
    write_store([_nq("one")], tmp_path)
    stamp = (tmp_path / "store" / MANIFEST).stat().st_mtime_ns
    os.utime(trig, ns=(stamp, stamp))
    assert current_store(trig) == tmp_path / "store"  # as new: used
    os.utime(trig, ns=(stamp + 10**9, stamp + 10**9))
    assert current_store(trig) is None  # the graph was written after the store: stale
    mark_store_current(tmp_path)
    assert current_store(trig) == tmp_path / "store"
    assert current_store(tmp_path / "other.trig") is None  # only the build's own graph files
    shutil.rmtree(tmp_path / "store")
    assert current_store(trig) is None


def test_query_uses_the_store_only_while_it_is_current(tmp_path):
    # The file says "one", the store "two": which answers shows which was read.
    trig = tmp_path / "graph.trig"
    trig.write_bytes(_trig("one"))
    write_store([_nq("two")], tmp_path)
    ask = lambda: bool(open_graph(trig).query(ASK_TWO, use_default_graph_as_union=True))  # noqa: E731
    assert ask()
    later = (tmp_path / "store" / MANIFEST).stat().st_mtime_ns + 10**9
    os.utime(trig, ns=(later, later))
    assert not ask()  # stale store: the file is loaded
    assert bool(open_graph(tmp_path / "store").query(ASK_TWO, use_default_graph_as_union=True))  # a store folder as --graph
    trig.unlink()
    assert ask()  # no file, a store beside: the store answers


def test_store_update_applies_only_the_lines_that_changed(tmp_path):
    import hashlib

    from kg.outputs.store import graph_digests, update_store

    def text(*values):
        return "".join(f'<{EX}s> <{EX}p> "{v}" .\n' for v in sorted(values))

    def digest(t):
        return hashlib.sha256(t.encode("utf-8")).hexdigest()

    graphs = {f"{EX}a": text("1", "2", "3"), f"{EX}b": text("x")}
    nquads = "".join(f'{line[:-2]} <{g}> .\n' for g, t in graphs.items() for line in t.splitlines())
    write_store(nquads.encode(), tmp_path, digests={g: digest(t) for g, t in graphs.items()})
    new_a = text("2", "3", "4")
    digests = {f"{EX}a": digest(new_a), f"{EX}b": digest(graphs[f"{EX}b"])}
    update_store(tmp_path, digests, {f"{EX}a": new_a}, was={f"{EX}a": graphs[f"{EX}a"]})
    got = {(str(q.object.value), q.graph_name.value) for q in open_store(tmp_path / "store")}
    assert got == {("2", f"{EX}a"), ("3", f"{EX}a"), ("4", f"{EX}a"), ("x", f"{EX}b")}
    assert graph_digests(tmp_path) == digests
